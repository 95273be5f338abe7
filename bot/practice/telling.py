"""The visitor telling back the part of what the trainee said that it is asked for.

"Tell me back what days and how much" gets the days and the fee the trainee gave ("You said Tuesdays and
Thursdays, and it's $25."), "Can you read me back the watch commander number?" that number, "Which do you do
first?" or "Are you calling her bank first?" the steps in the order the trainee put them, the latest order said
winning ("Actually, bank first, then the report." is believed). Briefly and in the visitor's own words, never the
trainee's paragraph recited. The words are data: bot/practice/phrases/telling.yaml.
"""

from __future__ import annotations

import random
import re

from bot.grading.text import normalise, split_sentences
from bot.practice.antecedents import in_context
from bot.practice.asking import ASKING_WORDS, YALL, listed_asks, plain, question_parts, stems, yes_no
from bot.practice.callees import callee_said, if_item
from bot.practice.corrections import not_taken_back, taken_back
from bot.practice.lines import Lines
from bot.practice.next_steps import heard_back, what_happens, what_they_do
from bot.practice.others import own_phone
from bot.practice.plans import PHONE_NUMBER, SERVICE_CODE, continued, in_my_words, spoken
from bot.practice.read_back import (
    CLOSED,
    FEELING,
    FRAME,
    at_times,
    framed,
    key_items,
    read_back_frames,
    taking_part,
    taking_time,
    value_pattern,
)
from bot.practice.said_once import content_words
from bot.practice.said_together import together
from bot.practice.steps import order_answer
from bot.practice.visitor import Visitor
from bot.practice.wording import kinds, patterns, says, words
from bot.scenarios.questions import testing_kind

_TELL_BACK, _ORDER_ASK, _NUMBERS_FOR = patterns("tell_back_ask order_ask numbers_for")
(_ABOUT_THEM,) = patterns("about_them", 0)
_PARTS = kinds("told_part")
TOLD_FEE = says("told_fee")
_DAY = r"\b(?:mon|tues?|wed(?:nes)?|thur?s?|fri|sat(?:ur)?|sun)\w*days?\b"
_DAYS = re.compile(
    rf"{_DAY}(?:\s*(?:to|through|thru|until|till|-)\s*{_DAY})?|\bweekdays?\b|\bweekends?\b", re.IGNORECASE
)
"""Days told ("Tuesdays", "Monday through Friday": a range is one value)."""
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_RANGE = re.compile(r"\b\d+ (?:to|-) \d+ (?:business |working )?(?:days|weeks)\b", re.IGNORECASE)
_MOST_PARTS = 3
_AND_ASKS = re.compile(  # "how you report it how long it takes and when you hear back": three parts
    r",? (?:and|plus) (?=(?:(?:about|roughly|around|approximately) )?(?:what|which|how|when|where|who|whom|the|if|"
    r"(?:tell|say|read|give) me)\b)|"
    r"(?:(?<=\bit)|(?<=\bthem)|(?<=\bthat)|(?<=\bthere)|(?<=\bup)),? (?=how (?:long|much|many|soon)\b)"
)
_FRAMED = re.compile(r"^[^:]{0,40}:\s*")
_CLAUSE = re.compile(r"^(?:I|you|we|they|he|she)\b|\b(?:is|are)\b", re.IGNORECASE)


def numbers_answer(part: str, sentences: list[str]) -> str | None:
    """ "Which number is for what?", "What's that one for? And the other number?": each number the trainee gave
    (the last three) with what it is for, in the visitor's words; None for any other part or no number told."""
    if not _NUMBERS_FOR.search(plain(part)):
        return None
    found: dict[str, str] = {}
    for sentence in sentences:  # latest first
        for item in key_items(sentence) or [in_my_words(sentence)]:
            number = PHONE_NUMBER.search(item) or SERVICE_CODE.search(item)  # "911 if anything catches fire"
            if number and len(found) < 3 and re.sub(r"\D", "", number.group(0))[-7:] not in found:
                found[re.sub(r"\D", "", number.group(0))[-7:]] = _with_its_number(item, number.group(0))
    if not found:
        return None
    said = list(reversed(found.values()))  # in the order the trainee gave them
    return " ".join(s[:1].upper() + s[1:] for s in said)


def _with_its_number(item: str, number: str) -> str:
    """The part of an item that says the number, without what leads up to it ("The dog stuff is a civil matter, so
    the best route is Community Mediation at ..." is "Community Mediation at ...")."""
    said = next((p for p in _LEADS_UP.split(item) if number in p), item)
    said = FRAME.sub("", said).strip().rstrip(".") + "."
    return said[:1].upper() + said[1:]


_LEADS_UP = re.compile(r",\s+(?:so|and so|which means)\s+", re.IGNORECASE)


def parts_answer(
    part: str, visitor: Visitor, sentences: list[str], about: set[str], lines: Lines, checked: bool = False
) -> str | None:
    """ "Tell me back what days and how much": each part asked, from the trainee's sentences (latest first), in
    the order asked; None when the part is no such request or the trainee told none of the parts."""
    text = plain(part)
    asked = sorted((m.start(), kind) for kind, p in _PARTS if (m := p.search(text)))
    valued = [kind for _, kind in asked if _shape(kind) is not None]
    listed = len(valued) >= 2 and len(valued) == len(asked) and bool({"address", "fee"} & set(valued))
    checked = checked and bool(asked) and not {kind for _, kind in asked} & {"number", "callee", "email"}  # told apart
    if not _TELL_BACK.search(text) and not listed and not checked:
        return None  # "where do you go, what's the fee": two values, each read back; "Quick check. Where do you apply?"
    if not asked:  # "You got that number down? Want to say it back to me?": the part the message named
        asked = sorted((m.start(), kind) for kind, p in _PARTS if (m := p.search(visitor.message.lower())))
        about = about | (content_words(visitor.message.lower()) - content_words(text))  # "that mediation number"
    values: list[str] = []
    items: list[str] = []
    for _, kind in asked:
        if kind == "bring":
            items += [_with_forms(text, b, sentences) for b in _bring(sentences)]
        elif found := _value(kind, sentences, about, visitor, text):
            (items if re.search(r"\b(?:is|are)\b", found) else values).append(found)
    values = [v for v in values if not any(v != o and v in o for o in values)]  # "Monday through Friday" said once
    if not values and not items:
        return None
    said = ""
    if values:
        register = lines.scenario.persona_register
        line = random.Random(f"{visitor.seed}:{visitor.turn}:parts").choice(read_back_frames(register, visitor))
        joined = ", and ".join(values) if len(values) > 1 else values[0]
        said = framed(line, joined)  # "That's it's 50 dollars": once
        said = said[:1].upper() + said[1:]
    for item in items[:2]:
        item = item.rstrip(".") + "."
        said = f"{said} And {lines.decap(item)}" if said else item[:1].upper() + item[1:]
    return said


def asked_as_check(part: str, evidence: str) -> bool:
    """The part is asked in what the grader credits as a check of understanding (its `evidence`: "Quick check. Where
    do you apply, and ...?"): it asks for what was told, not for the visitor's own plans."""
    if yes_no(part):
        return False  # "Does all that make sense, what the jail line can help you with?" wants a yes
    words = " ".join(re.findall(r"[a-z0-9']+", plain(part)))
    return bool(words) and words in " ".join(re.findall(r"[a-z0-9']+", YALL.sub("you", normalise(evidence))))


def told_parts(part: str, visitor: Visitor, sentences: list[str], lines: Lines) -> str | None:
    """ "Can you tell me back what days you come in and what it costs?": every part the request names, each from
    what the trainee said, in the order asked, as one brief answer (the same for each part, said once); None when
    the question is no request to tell back of two parts or more, or the part is one nothing was told of."""
    whole = _whole(part, visitor)
    if not _TELL_BACK.search(whole) or _ABOUT_THEM.search(whole):
        return None  # "tell me what Lily looks like and what she had on": her description, nothing told back
    groups = [[p for p in _AND_ASKS.split(sub) if p.strip(" ,?")] for sub in question_parts(whole)]
    if sum(len(g) for g in groups) < 2:
        return None
    said = [[found for p in group for found in _part_said(p, visitor, sentences, lines)] for group in groups]
    mine = [i for i, sub in enumerate(question_parts(whole)) if sub.strip(" ?") == part.strip(" ?")]
    flat = [found for group in said for found in group]
    if not flat or (mine and not any(said[mine[0]])):
        return None
    return together(list(dict.fromkeys(flat))[:_MOST_PARTS], visitor, lines)


def _whole(part: str, visitor: Visitor) -> str:
    """The question of the message the part is of (normalised), or the part itself; a bare list of what to tell
    after the request to tell it back goes with it ("can you run it back to me? Where, how much, how long?")."""
    bare = part.strip(" ?")
    said = split_sentences(visitor.message)
    at = next((i for i, s in enumerate(said) if bare and bare in s.norm), None)
    if at is None:
        return part
    if at and (listed := listed_asks(said[at].original)) and _TELL_BACK.search(said[at - 1].norm):
        return "tell me back " + " and ".join(_WH_SAID.get(w, w) for w in listed) + " ?"
    lead, colon, rest = said[at].original.partition(":")  # "Recap for me: where, how much, how long?"
    if colon and (listed := listed_asks(rest)) and _TELL_BACK.search(lead.lower()):
        return "tell me back " + " and ".join(_WH_SAID.get(w, w) for w in listed) + " ?"
    return said[at].norm


_PLACE_WORD = re.compile(
    r"\b(?:go|head|come|walk|stop|file|report|submit|do it|send|mail|take|bring)\b.{0,40}"
    r"\b(?:window|counter|desk|office|building|lobby|"
    r"station|room|yard|lot|unit|department|courthouse|court|dmv|online|website|web site)\b",
    re.IGNORECASE,
)
"""A place the trainee sent the visitor to ("You'll go to the records window, just over there.")."""
_WH_SAID = {"where": "where you go", "when": "when you go", "how long": "how long it takes"}
"""A bare item of such a list, as the part it asks ("where": "where you go")."""


_HOW_TO = re.compile(
    r"\bhow (?:you|u|do you|do u|will you|will u|you'll|you will|you're going to|you are going to|are you going to|"
    r"are you gonna|r u gonna|r u going to|you gonna|would you|should you|to)\b"
)
_ONCE = re.compile(r"(?:once|after|when|if)\b", re.IGNORECASE)
_WAY = re.compile(
    r"\b(?:online|website|web site|in person|come in|over the phone|by phone|by mail|by e-?mail|portal|app)\b", re.I
)
_TAKES = re.compile(r"\b(?:takes?|took|minutes?|hours?|days?|weeks?|months?|long|soon|quick|wait)\b", re.IGNORECASE)


def _way_of_doing(item: str) -> bool:
    """A step that says how the visitor does it ("I can file the report online"), not what comes to it ("I'll get a
    report number by email") nor what follows once it is done."""
    return bool(_WAY.search(item)) and not _ONCE.match(item) and not _COMES_TO_THEM.search(item)


_COMES_TO_THEM = re.compile(r"\b(?:get|gets|getting|receive|receives|hear|hears)\b", re.IGNORECASE)


def _part_said(sub: str, visitor: Visitor, sentences: list[str], lines: Lines) -> list[tuple[str, str]]:
    """A part of a request to tell back, from the trainee's words, each thing it names: ("value", "Tuesdays and
    Thursdays"), ("item", "I bring my photo ID."), or ("line", a whole answer: the order, the numbers, "Yes. ..." to
    a yes-or-no part); nothing when the trainee told none of it."""
    if found := order_answer(sub, visitor, lines) or numbers_answer(sub, sentences):
        return [("line", found)]
    text = plain(sub)
    about, named = content_words(text) - ASKING_WORDS, stems(text)
    told = [(at, i) for at, s in enumerate(sentences) for i in key_items(s) or [_FRAMED.sub("", in_my_words(s))]]
    told = [(at, i) for at, i in told if not FEELING.search(i)] or told  # "You are doing very good": no step
    how = bool(_HOW_TO.search(text))  # "how you will report it": the way told (online, in person), not what follows
    items = [
        (len(named & stems(i)) + (how and _way_of_doing(i)), len(named & stems(i) - _CALLING), -at, i) for at, i in told
    ]  # "when you'd call mediation": the step that names mediation, not another one to call
    score, _, _, item = max(items, default=(0, 0, 0, ""))
    said: list[tuple[str, str]] = []
    asked = sorted((m.start(), kind) for kind, p in _PARTS if (m := p.search(text)))
    for _, kind in asked:
        shape = _shape(kind)
        alone = len(asked) == 1 and kind == "deadline"  # "how long it takes": the item those words name
        timed = alone and _TAKES.search(item)  # "how long till you hear back": not "I love hearing that"
        if shape is not None and timed and score > max((sc for sc, _, _, i in items if shape.search(i)), default=0):
            said.append(("item", item))  # "how long it takes": "It takes about 15 minutes", not the deadline
        elif kind == "bring" and (brought := _bring(sentences)):
            said.append(("item", _with_forms(text, brought[0], sentences)))  # "what all do you turn in?": both
        elif kind == "callee":  # "who you'll be calling": I'm calling ...; "who's gonna help": the ...
            said += callee_said(text, sentences, named)
        elif kind == "next" and (coming := what_happens(sentences)):
            said.append(("item", coming))  # "what's going to happen next": what the desk said it will do
        elif kind == "they_do" and (done := what_they_do(sentences)):
            said.append(("item", done))  # "what can they tell you?": "They can tell me where Kevin is ..."
        elif kind == "forms" and (forms := forms_told(sentences)):
            said.append(("item", forms))  # "what do you need to fill out?": "An application plus a waiver."
        elif kind == "booking" and (booked := booking_said(sentences)):
            said.append(("item", booked))  # "how do you set it up?": "It's by appointment, at (562) 555-0129"
        elif kind == "given" and (given := given_me(sentences)):
            said.append(("item", given))  # "what paper do I give you?": "You give me a paper with the report number."
        elif kind == "heard_back" and (back := heard_back(sentences)):
            said.append(("item", back))  # "how you will hear from us": "You'll call me back at ..."
        elif kind != "bring" and (found := _value(kind, sentences, about, visitor, text)):
            said.append(("item" if _CLAUSE.search(found) else "value", found))
        elif kind == "address" and (place := next((i for _, i in told if _PLACE_WORD.search(i)), "")):
            said.append(("item", place))  # "where you're headed": "I go to the records window", no street address
        elif kind == "number" and (code := next((m.group(0) for x in sentences if (m := SERVICE_CODE.search(x))), "")):
            said.append(("value", code))  # "the number you can call any time": 988
    if not said and " if " in f" {text} " and (when := if_item(text, sentences, named)):
        return [("item", when)]  # "what you'll do if he turns up": the step said for that case
    if said or not score:
        return list(dict.fromkeys(said))
    asks_yes = yes_no(text) and not _TELL_BACK.search(text)  # "would you mind repeating back ..." wants no yes
    if asks_yes and score < 2:
        return []  # "is it safe for you to keep these numbers?" asks no "safe place to stay" back
    return [("line", f"Yes. {item[:1].upper()}{item[1:]}") if asks_yes else ("item", item)]


_CALLING = frozenset(stem for word in words("calling_words") for stem in stems(word))
"""Words of calling ("when you'd call mediation"): every step is one to call, so the thing named decides."""


def _value(kind: str, sentences: list[str], about: set[str], visitor: Visitor, asked: str = "") -> str:
    """The value of that kind the trainee gave ("Tuesdays and Thursdays", "562-555-0142"); for a number asked by
    what it is for ("the watch commander number"), the number said in the trainee's words about it."""
    shape = _shape(kind)
    if shape is None:
        return ""
    unsaid = taken_back(visitor)  # "it's (562) 555-0163, not 0136": never the number taken back
    found = [s for s in sentences if any(not_taken_back(m.group(0), unsaid) for m in shape.finditer(s))]
    if kind in ("hours", "days"):  # "what hours?": when it is open, not "It is closed on weekend."
        found = [s for s in found if not CLOSED.search(s)] or found
    if kind in ("hours", "days"):  # "what hours can you come?": the times of day, not only the days; the days of
        found = at_times(found)  # the schedule told, not "the Monday or Wednesday after the move works"
    if kind == "deadline" and {"take", "takes"} & about:  # "how long the report takes": its minutes, not the days
        found = taking_time(found)
    if not found:
        return ""
    context = in_context(sentences)  # "... our victim advocate. Their number is ...": the advocate's
    own = " ".join(k[5:] for k in visitor.heard if k.startswith("said:"))

    own_digits = re.sub(r"\D", "", own)

    def echoed(sentence: str) -> bool:  # "Moving Friday - book early": the visitor's own day, no day told it
        values = [m.group(0).strip().lower() for m in shape.finditer(sentence)]
        return bool(values) and all(f" {v} " in f" {own} " or _own_digits(v, own_digits) for v in values)

    if kind == "number" and (mine := own_phone(visitor)) and all(
        re.sub(r"\D", "", m.group(0)).endswith(mine[0][-7:]) for s in found for m in shape.finditer(s)
    ):
        return ""  # "the deputy will ring you at 555-0294. Tell me back what you're doing": its own number, none told
    # "appointments": "appointment"
    best = max(found, key=lambda s: (not echoed(s), _shared(about, context[s]), -found.index(s)))
    if kind == "number" and about & content_words(context[best]):
        mine = [i for i in key_items(best) if shape.search(i)]
        if mine:
            item = max(mine, key=lambda i: len(about & content_words(i)))
            numbers = list(shape.finditer(item))
            return _named_number(item, numbers, about) or joined(kind, [m.group(0).strip() for m in numbers])
    if kind == "deadline" and {"take", "takes"} & about:  # "it takes about fifteen minutes", not the days after it
        best = taking_part(best)
    if kind == "deadline" and (span := _RANGE.search(best)):
        return span.group(0)
    spans = [m for m in shape.finditer(best) if not RULED_OUT.search(best[: m.start()])]
    if kind in ("days", "hours"):  # "If you move Friday, ...": its own day, not one told
        spans = [m for m in spans if not _ITS_OWN_CASE.search(best[: m.start()])] or spans
    values = [m.group(0).strip() for m in spans]
    if kind == "deadline" and len(values) > 1:  # "when should the number show up?": the days of "you'll get a report
        values = of_the_clause_asked(best, shape, asked) or values  # number within ...", not the form's minutes
    named = [v for v in values if any(len(w) >= 4 and w in v.lower() for w in about)]
    said = joined(kind, named or values)  # "the commendations email": the one whose address names it
    if kind == "fee":
        said = _COUNTED.sub(lambda m: m.group(0).lower(), said)  # "Fifty dollars, takes ...": "fifty dollars"
        said = random.Random(f"{visitor.seed}:{visitor.turn}:fee").choice(TOLD_FEE).format(value=said)
    return said


_NOT_NAMING = frozenset(
    "how long when what which should will would do does did you u ya the a an and so until till is it get gets your "
    "my can could tell me back again".split()
)


RULED_OUT = re.compile(r"\b(?:not|except|but not|never|no)\s+(?:on\s+)?$", re.IGNORECASE)
"""A value said as ruled out ("..., not Fridays"): not one to say back."""


_ITS_OWN_CASE = re.compile(r"\bif (?:you|you're|u)\b[^,;]*$", re.IGNORECASE)
"""A value in the clause of the visitor's own case ("If you move Friday, ..."): its day, not one told."""


def of_the_clause_asked(sentence: str, shape: re.Pattern[str], asked: str) -> list[str]:
    """The values of the one clause of the sentence that shares the most words with the question ("when should the
    number show up?": "you'll get a report number by email within two business days"), when one does; else []."""
    about = content_words(asked) - _NOT_NAMING
    clauses = [c for c in re.split(r",\s*(?:and |but |so )?|;\s*|\s+and\s+(?=(?:you|it|they|we|I)\b)", sentence) if c]
    scored = [(_shared(about, c), c) for c in clauses if shape.search(c)]
    top = max((score for score, _ in scored), default=0)
    best = [c for score, c in scored if score == top]
    return [m.group(0).strip() for m in shape.finditer(best[0])] if top and len(best) == 1 else []


_COUNTED = re.compile(
    r"^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Fifteen|Twenty|Twenty-five|Thirty|Forty|Fifty|Sixty|"
    r"Seventy|Eighty|Ninety|A hundred|About|Around)\b"
)
"""A figure in words that opened the trainee's sentence ("Fifty dollars, ..."), said inside the visitor's."""


def _shared(about: set[str], sentence: str) -> int:
    """How many of the question's words the sentence has, by their first five letters ("appointments")."""
    return len({w[:5] for w in about} & {w[:5] for w in content_words(sentence)})


def _named_number(item: str, numbers: list[re.Match[str]], about: set[str]) -> str:
    """Of the numbers in one sentence, the one the words before it name ("the advocate's number" in "The advocate's
    direct number is 562-555-0177, and the hotline is 1-800-799-7233"), or "" when none is named more than another."""
    starts = [0] + [m.end() for m in numbers[:-1]]
    scores = [len(about & content_words(item[start : m.start()])) for start, m in zip(starts, numbers, strict=True)]
    top = max(scores, default=0)
    return numbers[scores.index(top)].group(0).strip() if top and scores.count(top) == 1 else ""


_BOOKING_CLAUSE = re.compile(
    r",\s*(?:and |so |but )?|;\s*|\s+[\u2014\u2013-]\s+|\s(?:and|so) (?=(?:it's|it is|you|I|we)\b)"
)
_BOOKED_BY, _BOOKED = patterns("booked_by booked")
"""How to get a slot said outright ("you book by phone at ..."), before a word of the slots themselves."""


_FORMS = re.compile(
    r"\b(?:an?|the|your) (?:[\w-]+ ){0,2}?(?:application|form|waiver)s?(?: [A-Z]{1,4}-?\d{1,4}\b)?"
    r"(?:,? (?:and|plus|or|,) (?:an?|the|your) (?:\w+ )?(?:application|form|waiver)s?)*",
    re.IGNORECASE,
)
"""The papers told to fill out ("an application plus a waiver", "a DMV SR-1 form"), as named: a noun phrase, not
phrasing."""


def forms_told(sentences: list[str]) -> str:
    """The forms the trainee said to fill out, the fullest naming of them ("An application plus a waiver."); ""."""
    found = [m.group(0) for s in sentences for m in _FORMS.finditer(s)]
    best = max(found, key=len, default="")
    return f"{best[:1].upper()}{best[1:]}." if best else ""


def booking_said(sentences: list[str]) -> str:
    """How the trainee said to get a slot ("it's by appointment, so you'll want to book ahead. The registration
    unit's number is (562) 555-0129."), in the visitor's words, with the number told beside it; "" when none."""
    at = next((i for i, s in enumerate(sentences) if _BOOKED_BY.search(s)), None)  # "you book by phone at ..."
    at = next((i for i, s in enumerate(sentences) if _BOOKED.search(s)), None) if at is None else at
    if at is None:
        return ""
    clauses = _BOOKING_CLAUSE.split(in_my_words(sentences[at]).rstrip("."))  # not the hours said with it
    said = ", and ".join(c.strip() for c in clauses if _BOOKED.search(c)) or in_my_words(sentences[at]).rstrip(".")
    near = sentences[max(0, at - 1) : at + 2]  # said with it, just after it, or just before it
    number = next((m.group(0) for s in [sentences[at], *near] if (m := PHONE_NUMBER.search(s))), "")
    return f"{said}, at {number}" if number and number not in said else said



def _shape(kind: str) -> re.Pattern[str] | None:
    """The shape of a value of that kind as told back; None for a kind with no shape ("bring")."""
    return {"number": PHONE_NUMBER, "email": _EMAIL, "days": _DAYS}.get(kind) or value_pattern(kind)


_HAS_ARTICLE = re.compile(r"(?:the|a|an|my|your|our|their|his|her)\b")


def joined(kind: str, values: list[str]) -> str:
    """Values of one kind as said: days capitalised and with "and" ("Tuesdays and Thursdays"), others listed."""
    values = list(dict.fromkeys(spoken(v) for v in values))  # "Mon to Fri" said "Monday to Friday"
    if kind == "fee" and len(values) == 2 and _times_over(*values):
        return f"{values[0]} each, so {values[1]}"  # "$50 per person ... $150 total": not "50 dollars, 150 dollars"
    if kind == "email" and len(values) == 2:
        return " or ".join(values)  # "commendations@... or watchcommander@...": either will do
    if kind == "address":  # "records window": "That's the records window", never "That's records window"
        values = [f"the {v}" if v[:1].islower() and not _HAS_ARTICLE.match(v) else v for v in values]
    if kind != "days":
        return ", ".join(values)
    days = [v[:1].upper() + v[1:] for v in values]
    return " and ".join(days) if len(days) <= 2 else ", ".join(days[:-1]) + f" and {days[-1]}"


def _times_over(each: str, total: str) -> bool:
    """The second amount a whole number of times the first ("50 dollars", "150 dollars")."""
    one, all_ = (float(re.sub(r"[^\d.]", "", v) or 0) for v in (each, total))
    return one > 0 and all_ > one and all_ % one == 0


def _own_digits(value: str, own_digits: str) -> bool:
    """A phone number the visitor gave itself ("call you back at 555-0415"), however it is written."""
    digits = re.sub(r"\D", "", value)
    return len(digits) >= 7 and digits in own_digits


def given_me(sentences: list[str]) -> str:
    """What the desk said it gives the visitor, in the visitor's words ("You give me a paper with the report
    number."), the latest said; "" when it said none."""
    for sentence in sentences:
        for clause in re.split(r"(?<=[.!?])\s+|,\s+(?:and\s+)?", sentence):
            if _GIVES_YOU.search(clause):
                said = in_my_words(clause).rstrip(" .") + "."
                return said[:1].upper() + said[1:]
    return ""


_GIVES_YOU = re.compile(r"\b(?:I|we)(?:'ll| will| am going to| are going to)? (?:give|hand) (?:you|u)\b", re.I)


def _bring(sentences: list[str]) -> list[str]:
    """What the trainee said to bring, in the visitor's words ("I bring my photo ID."): the longest list of it, the
    latest of equals ("bring: license, registration, insurance", not "then bring the release to the tow yard")."""
    sentences = [_BRING_HERE.sub(r"\1 ", s) for s in sentences]  # "you bring here: a license, ...": the things
    found = [
        (item.count(","), -at, item)
        for at, s in enumerate(sentences)
        for item in key_items(s)
        if _TO_BRING.search(item)
    ]
    if not found:  # "you fill out an application and a waiver, show a photo ID": what is handed in
        found = [
            (item.count(","), -at, item)
            for at, s in enumerate(sentences)
            for item in key_items(s)
            if _HANDED_IN.search(item)
        ]
    if not found:
        return []
    _, at, item = max(found)
    item = re.sub(r"\b(bring|bringing): ", r"\1 ", item)  # "bring: ID" is "bring ID"
    more = sentences[-at - 1] if -at >= 1 else ""  # told just after it: "Plus that DMV form, and your photo ID."
    said_more = continued(in_my_words(_PLUS.sub("plus ", more))).rstrip(".")
    return [things_brought(f"{item.rstrip('.')}, {said_more}.")] if _PLUS.match(more) else [things_brought(item)]


def _with_forms(asked: str, brought: str, sentences: list[str]) -> str:
    """What is brought, after the forms told to fill out when the question asks what is handed in ("what all do you
    turn in?": "An application and a waiver, and a photo ID.")."""
    forms = forms_told(sentences) if _HANDED_IN_ASKED.search(asked) else ""
    if not forms or forms.rstrip(".").lower() in brought.lower():
        return brought
    return f"{forms.rstrip('.')}, and {brought[:1].lower()}{brought[1:]}"


_HANDED_IN_ASKED = re.compile(r"\b(?:turn|hand|send|give) in\b|\bsubmit\b|\bturning in\b|\bhanding in\b")


def things_brought(item: str) -> str:
    """The things to bring alone, as a caller answers "what are you bringing?" ("My license, registration and proof
    of insurance."), not the desk's sentence recited ("I bring my valid drivers license, ... here."); the sentence
    as it is when more than the things follows them ("I bring the release to the tow yard.")."""
    brought = _BROUGHT.match(item)
    if not brought or _MORE_THAN_THINGS.search(brought.group(1)):
        return item
    things = _FILLER.sub("", brought.group(1)).strip(" ,")
    return f"{things[:1].upper()}{things[1:]}." if things else item


_BROUGHT = re.compile(
    r"^(?:So,? |For (?:the )?[\w'-]+(?: [\w'-]+)?,? )?I(?:'ll| will| need to| have to| should| must| just)? (?:also )?"
    r"(?:bring|am bringing) (?:you |u )?"
    r"(?:in |along )?"
    rf"(.+?)(?:,? (?:{'|'.join(map(re.escape, words('brought_tails')))}))?[.!]?$"
)
_MORE_THAN_THINGS = re.compile(r"\b(?:to|when|if|so|because|before|after|then|for|and then|until|once)\b|[;:]")
_FILLER = re.compile(rf"\b(?:{'|'.join(words('brought_fillers'))})\s+", re.IGNORECASE)


_BRING_HERE = re.compile(r"\b(bring|bringing)(?: here| with you| along| in| me)?\s*:\s*", re.IGNORECASE)
_PLUS = re.compile(r"^(?:plus|also|and also|as well as|and)\b,?\s*", re.IGNORECASE)
"""A list of what to bring that goes on in the next sentence ("Bring the van. Plus that DMV form, and your ID.")."""


_TO_BRING = re.compile(r"\bbring\b|\bneed (?:\w+ )?(?:things|documents|papers|items)\b", re.IGNORECASE)
"""What to bring, or the things needed ("you'll need three things: ...")."""
_HANDED_IN = re.compile(
    r"\b(?:fill out|fill in|turn in|hand in|show|submit|sign|give (?:'em|them|him|her)|have|keep)\b.*\b(?:application|"
    r"form|waiver|ID|license|licence|registration|insurance|proof|papers|documents|receipt)\b",
    re.IGNORECASE,
)


def asks_back(message: str) -> bool:
    """The message asks the visitor to say back (part of) what it was told, or in what order: it stays to answer,
    thanks or not ("Thank you. What are the two calls you'll make, and in what order?")."""
    for sentence in split_sentences(message):
        text = plain(sentence.norm)
        if "?" in text and (_ORDER_ASK.search(text) or _TELL_BACK.search(text) or testing_kind(text) == "teach_back"):
            return True
    return False
