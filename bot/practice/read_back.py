"""The visitor saying back what it was told: the key actions and values of the plan (a teach-back), or the values
of one kind it was given ("What hours did I give you?").

A caller asked to say the plan back does not recite the trainee's sentences: it says the few things it has to do
and the figures it was given, in its own voice ("Okay, so I call them first at (562) 555-0188. Then I bring my
license."), the trainee's values even when they are wrong (it believes what it is told). A frightened caller or a
child keeps two of them, a confused one two and asks for the rest again, and a visitor with little English says
them in short words.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from bot.practice.antecedents import named_back, number_named
from bot.practice.corrections import not_taken_back, taken_back
from bot.practice.gist import gist
from bot.practice.lines import Lines
from bot.practice.own_words import FactBack, facts_back, in_own_words, same_sentence
from bot.practice.plans import IN_PASSING, PHONE_NUMBER, in_my_words, spoken, told_back
from bot.practice.said_once import content_words
from bot.practice.shortening import in_short
from bot.practice.visitor import Visitor
from bot.practice.wording import pairs, patterns, said, table

# How a plan is said back, each described in bot/practice/phrases/read_back.yaml: the words that frame an
# instruction without being it ("The easiest way to report it is ...", "You'll want to"), where one instruction
# ends and the next begins, "our" (the agency's things are "the website" to the visitor, not "your website"),
# fillers, a condition, a time said first, an aside, a value or an action worth saying back, short words.
_FRAME, _CLAUSES, _OURS, _FILLER, _CONDITION, _TIME_LEAD, _ASIDE, _VALUE, _ACTION, _SHORT_WORDS, FEELING = patterns(
    "instruction_frame instruction_break ours filler condition time_lead aside value action short_words feeling_item"
)
_LIST_ASIDE, _REACH_LED = patterns("list_aside reach_led")
_OR_EMAIL = re.compile(r",?\s+or\s+(?:by\s+)?e-?mail(?:\s+(?:them|it))?(?:\s+at)?\s+", re.IGNORECASE)
_NUMBER = re.compile(r"\d{3}\D{0,2}\d{4}|@|\$|\b\d+\b")
FRAME = _FRAME
"""The words that frame an instruction without being it ("The best route is ...")."""
_MOST_WORDS = 20
_MINE = re.compile(r"(?:I|(?:If|Once|When|After|While|Until|As soon as)\b[^.]*?, I)\b")
"""An item the visitor is to do ("I call 911.", "If he comes back, I call 911.", "Once I have that, I come back
here"), not what the agency does."""


def mine(item: str) -> bool:
    """An item said back that the visitor is to do ("I stay at the house."), not what the agency does."""
    return bool(_MINE.match(item))

OPENERS, READ_BACK = table("openers"), table("read_back")
"""How the visitor starts saying the plan back, in its register ("Okay, let me see." every time is a recital), and
how it reads back the values of one kind."""
NEXT, ASK_AGAIN = said("then_next ask_again")
"""How it goes on to the next action; a confused visitor keeps two things and asks for the rest again."""


def read_back_frames(register: str, visitor: Visitor) -> list[str]:
    """The frames a value is read back in ("{values}, you said."), less those already said in this call while
    another is left: "..., you said." once, not in every read-back."""
    frames = READ_BACK.get(register, READ_BACK["everyday"])
    said = [k.removeprefix("said:") for k in visitor.heard if k.startswith("said:")]
    fresh = [f for f in frames if not any(_frame_said(f, s) for s in said)]
    return fresh or frames


def _frame_said(frame: str, said: str) -> bool:
    """The frame's own words open or close a sentence said ("so", "you said", "that's")."""
    head, _, tail = (" ".join(re.findall(r"[a-z0-9']+", part.lower())) for part in frame.partition("{values}"))
    return bool(head and said.startswith(f"{head} ") or tail and said.endswith(f" {tail}"))


_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_COUNT = (
    r"(?<!\w)(?<![a-z]-)"
    rf"(?:(?:one|two|three|a) hundred(?: and)?(?: (?:{_TENS})(?:-(?:{_UNITS}))?| (?:ten|fifteen))?|\d+|"
    rf"(?:{_TENS})(?:[- ](?:{_UNITS})\b)?|{_UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|a hundred|hundred)"
)
"""A count as said, in figures or words ("15", "fifteen", "thirty-five"), never the end of another ("thirty-|five")."""
_HOUR = r"(?:\d{1,2}(?::\d\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
"""An hour of the clock, in figures or words ("8:30", "eight")."""
_DAY = r"(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?\b"
"""A day of the week, in full or short ("Mon", "Tues", "Thursdays"), never the start of another word ("frightening")."""
_KINDS = {
    "hours": rf"(?:\b{_HOUR} in (?:the )?(?:morning|mornin'|afternoon|evening|evenin')\s*(?:to|until|till|-|and)\s*"
    rf"{_HOUR}(?: in (?:the )?(?:morning|mornin'|afternoon|evening|evenin'))?|"  # "8 in morning to 4 in afternoon"
    rf"\b{_DAY}(?:\s*(?:to|through|thru|until|till|-|and)\s*\b{_DAY})?|"
    r"\bweekdays?\b|\bweekends?\b|(?<![\d-])\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?\s*(?:to|-|"
    r"until|till|and)\s*\d{1,2}(?::\d\d)?(?![\d-])\s*(?:a\.?m\.?|p\.?m\.?)?|\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|"
    r"\b24/7\b|\b24 hours\b|\baround the clock\b|\bnoon\b)",
    "days": r"\b(?:mon|tues?|wed|thur?s?|fri|sat|sun)\w*days?\b(?:\s*(?:to|through|thru|until|till|-)\s*"
    r"(?:mon|tues?|wed|thur?s?|fri|sat|sun)\w*days?\b)?|\bweekdays?\b|\bweekends?\b",
    "number": PHONE_NUMBER.pattern + r"|\b(?:988|911|311|211)\b",  # a service code is a number to call too
    "fee": rf"\$\s?\d{{1,3}}(?:,\d{{3}})*(?:\.\d\d)?(?!\d)|\b{_COUNT} (?:dollars|bucks)\b|\bfree\b|\bno charge\b",
    "address": r"\b\d{1,5} \w+(?: \w+)? (?:street|st|avenue|ave|way|drive|road|boulevard|blvd|lane|court)\b|"
    r"(?-i:\b\d{3,5} [A-Z][a-z]+\b)|"  # "out to 1187 Birch": a house number and its street, said short
    r"\b(?:records|front|property|clerk's) (?:window|counter|desk|office|unit)\b",
    "deadline": r"\b(?:within|in) (?!the |that |this |those |these )\w+ "  # "in the day" is no deadline
    r"(?:business |working )?(?:days?|weeks?|hours?)\b|"
    r"\bby (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the \w+)\b|"
    rf"\b(?:{_COUNT} ?(?:to|or|-) ?)?{_COUNT} (?:business |working |calendar )?(?:days?|weeks?)\b|"
    r"\b(?:about |around |roughly )?(?:within )?(?:the (?:next )?)?"
    r"(?:a quarter (?:of an )?hour|half (?:an )?hour|an hour|"
    rf"(?:{_COUNT} ?(?:to|or|-) ?)?{_COUNT} ?(?:minutes|mins|min|hours|hrs))\b",
    "case": r"(?<!\) )(?<!\d[ .-])\b\d{2,4}-\d{3,7}\b(?!-)",
    "email": r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b[\w.+-]+ at [\w-]+(?: dot [\w-]+)+\b",
    "age": rf"\b(?:at least |over |under |older than |no younger than )?{_COUNT}(?:\+| (?:years?(?: of age| old)?|"
    r"or older|or over|and (?:up|over|older)))",
}


_TAKING = re.compile(r"\btakes?\b|\bminutes?\b|\bhours?\b", re.IGNORECASE)


def taking_time(sentences: list[str]) -> list[str]:
    """Of the sentences, those that say how long a thing takes ("takes maybe a quarter hour"), or all of them:
    "how long does the form take?" asks its minutes, not the days until a report number comes."""
    return [s for s in sentences if _TAKING.search(s)] or sentences


def taking_part(sentence: str) -> str:
    """The clauses of a sentence that say how long a thing takes ("it takes about fifteen minutes" of "it takes about
    fifteen minutes, and you'll get a report number by email within two business days"), or the whole of it."""
    return " ".join(taking_time(re.split(r",\s*(?:and |but )?|;\s*", sentence)))


_CLOCK = re.compile(
    r"\d(?::\d\d)?\s*(?:a\.?m|p\.?m|to|-|until|till|in the)|\bnoon\b|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"  # "eight to four", not "five days"
    r"(?=\s*(?:o'clock|a\.?m|p\.?m|in the|to\b|until|till|-|thirty|fifteen|forty-five))|"
    r"\bin the (?:morning|afternoon)\b",
    re.IGNORECASE,
)


def at_times(sentences: list[str]) -> list[str]:
    """Of the sentences, those that give times of day ("8 to 4", "eight in the morning"), or all of them: "what hours
    can you come?" asks the times, not only the days."""
    return [s for s in sentences if _CLOCK.search(s)] or sentences


CLOSED = re.compile(r"\bclosed\b|\bnot open\b|\bshut\b", re.IGNORECASE)
"""When it is closed: asked for the hours, the visitor reads back when it is open."""


def value_pattern(kind: str) -> re.Pattern[str] | None:
    """The shape of a value of that kind ("hours", "number", "case", ...); None for an instruction ("item")."""
    return re.compile(_KINDS[kind], re.IGNORECASE) if kind in _KINDS else None


_SOMEONE_WILL = re.compile(
    r"(?:^|,\s*)(?:(?:so |and |then )?(?:here's what happens: )?)?(?:a|an|the|our) [\w' -]{2,40}? "
    r"(?:will|'ll|is going to|are going to|can) ",
    re.IGNORECASE,
)
"""A step someone else takes ("a Spanish-speaking deputy will come ..."): a verb of theirs after it is theirs too."""
_THEIR_VERB = re.compile(
    r"(?:and )?(?:take|talk|speak|check|look|come|contact|interview|help|search|review|follow|drive|patrol|stop|"
    r"pick|sit|stay with|explain|translate|walk|(?:call|ring|phone|text|e-?mail|get back to|give|send) (?:you|u)\b|"
    r"let (?:you|u) know)\b"
)


_DOER_WILL = re.compile(
    r"^(?:so |and |then )?(?:\w+ ){0,3}?(i'll|i will|we'll|we will|i'm going to|we're going to|i am going to|"
    r"we are going to|it'll|it will|that'll|that will|this will|they'll|they will|"
    r"(?:i'm|i am|we're|we are)(?= \w+ing\b))",
    re.IGNORECASE,
)
_BARE_VERB = re.compile(
    r"^(?:make sure|make|get|send|pass|put|write|have|call|check|follow up|look|review|forward|go|goes|end up|stay|"
    r"let|give|email|e-mail|text|mail|run|take|keep|ask|notify|contact|reach out|loop in|flag|log|book|file)\b"
)
"""A clause that goes on with the desk's own doing ("... and make sure it gets where it needs to go")."""
_DOING = {"i'm": "I'll", "i am": "I'll", "we're": "we'll", "we are": "we'll"}
_THEY_DO = re.compile(r"^(?:so |and |then )?(?:they|he|she)(?:'ll| will| can| are going to| is going to)? (?=\w)", re.I)
"""Someone else doing the steps ("They review it, ..."): a bare verb after it is theirs too ("and contact you")."""
"""The desk's doing said in the present ("I'm getting dispatch out"), its next step said as a promise."""


_DASH_ASIDE = re.compile(r"\s+[\u2014\u2013]\s*([^\u2014\u2013]{3,80}?)\s*[\u2014\u2013]\s+")
"""An aside between dashes inside a sentence (punctuation, not phrasing)."""


def own_items(sentence: str) -> list[str]:
    """The sentence's key items for a read-back of the plan or of what happens next: a sentence that gave a fact is
    said in the visitor's own words (bot/practice/own_words.py), with any step of it those words do not cover."""
    if own := in_own_words(sentence):
        rest = [item for item in key_items(sentence) if not any(_covered(item, fact) for fact in own)]
        return list(dict.fromkeys(fact.line for fact in own)) + rest
    return key_items(sentence)


def in_own_lines(answer: str, asked: set[str] | frozenset[str] = frozenset()) -> str:
    """An answer to a part asked back ("what are you bringing?", "how will you file it?"), each sentence of it that
    says one fact said back in the visitor's own line for that fact ("I file it online."); a value read back
    ("(562) 555-0170, you said."), an order ("..., and after that ...") and a sentence of two facts or of a value
    the line does not say stay as they were built."""
    facts = facts_back()
    if not facts:
        return answer
    said = [_own_line(piece, facts, asked) for piece in _PIECES.split(answer.strip())]
    return " ".join(dict.fromkeys(said))


_PIECES = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(])")


def _own_line(piece: str, facts: Sequence[FactBack], asked: set[str] | frozenset[str]) -> str:
    """The piece as the line of the one fact whose sentence it was taken from and whose words it says, or as it
    is; never a line without a word of the question that the piece says ("what's the form?": "the SR-1 form")."""
    words = content_words(piece)
    if len(words - _VALUE_WORDS - content_words(" ".join(_NUMBER.findall(piece)))) < 3 or _IN_ORDER.search(piece):
        return piece  # "Right, (562) 555-0170.", "8 a.m. to 4 p.m., Monday through Friday.": the value as told
    if len(_DOERS.findall(piece)) > 1 or _MORE_THAN_ONE.search(_CASE_LEAD.sub("", piece)):
        return piece  # "So you put it out to everyone, you're calling dispatch, ...", "an application and a waiver,
        # show a photo ID": more than one thing, which one line would not all say
    lines = {
        fact.line
        for fact in facts
        if len(words & (content_words(in_my_words(fact.sentence)) | content_words(fact.sentence))) >= 0.75 * len(words)
        and _covered(piece, fact)
        and _says_values(fact.line, piece)
        and not asked & words - content_words(fact.line)
    }
    return lines.pop() if len(lines) == 1 else piece


def _says_values(line: str, piece: str) -> bool:
    """The line says every value the piece says ("ready in five to seven business days" is no line of the fee's)."""
    said = line.lower()
    for kind in _VALUE_KINDS_SAID:
        shape = value_pattern(kind)
        for m in shape.finditer(piece) if shape else ():
            value = m.group(0).strip(" ,.").lower()
            if value not in said and spoken(value).lower() not in said:
                return False
    return True


_VALUE_KINDS_SAID = ("number", "fee", "deadline", "hours", "days", "email", "address")
_CASE_LEAD = re.compile(r"^(?:if|when|once|next time|any time|anytime|as soon as)\b[^,]{0,60}, ", re.IGNORECASE)
_MORE_THAN_ONE = re.compile(r", (?!you said\b)|\band\b|\bor\b|\bplus\b|;", re.IGNORECASE)


_VALUE_WORDS = content_words(
    "that's right you said and so okay a m p monday tuesday wednesday thursday friday saturday sunday through to "
    "until from in the morning afternoon evening days day weeks business working within minutes hours dollars"
)
_DOERS = re.compile(r"(?:^|[,;] (?:and |then |so )?|\band )(?:so )?(?:I|you|we|they|he|she|someone|a deputy)\b", re.I)
_IN_ORDER = re.compile(r"\b(?:first|then|after that|afterwards|before|next|second|later)\b", re.IGNORECASE)


def _covered(item: str, fact: FactBack) -> bool:
    """The item is a part of the sentence the fact's line says already: its `heard` words, its values, or (for a line
    said however the fact was given) its words."""
    if values := _NUMBER.findall(item):  # "..., and contact you at (562) 555-0415": a number the line does not say
        return all(v in fact.line for v in values)
    if fact.covers is not None and fact.covers.search(item):
        return True
    return fact.covers is None and len(content_words(item) & content_words(fact.line)) >= 2


def key_items(sentence: str) -> list[str]:
    """The actions and values of one trainee sentence, each as the visitor says it ("You can file it online, it
    takes about 15 minutes" gives "I can file it online" and "It takes about 15 minutes"); a condition stays with
    its action ("If he comes back, I call 911")."""
    if aside := _DASH_ASIDE.search(sentence):  # "the current registration — so renew the tags first — and proof of
        main = f"{sentence[: aside.start()]} {sentence[aside.end() :]}"  # insurance": the list whole, then the aside
        return _joined_short(key_items(main) + key_items(aside.group(1).strip() + "."))
    sentence = _TEXTED_AND.sub("And ", sentence)  # "n if anything catches fire, ...": "And if ..."
    sentence = _WHO_WILL.sub(", and they will ", sentence)  # "the watch commander, who will review it": they will
    sentence = _LIST_ASIDE.sub(r"\1, ", sentence)  # "..., the current registration, so renew the tags first, and ..."
    if reach := _REACH_LED.match(sentence):  # "If you want to reach them directly: (562) ..., or e-mail ...": "You
        rest = _OR_EMAIL.sub(" or by e-mail at ", sentence[reach.end() :])  # can reach them at (562) ... or by e-mail"
        sentence = f"You can {reach.group(1)} {reach.group(2)} at {rest}"
    unfilled = re.sub(r"\s*,(?:\s*,)+", ",", _FILLER.sub("", _OURS.sub("the ", sentence)))  # "988, the three numbers,"
    pieces = _CLAUSES.split(unfilled.strip().rstrip(".!"))
    clauses: list[str] = []
    for at in range(0, len(pieces), 2):
        clause = pieces[at].strip(" ,")
        if clauses and _CONDITION.match(clauses[-1]) and not _CONDITION_DONE.search(clauses[-1]):
            clauses[-1] += f"{pieces[at - 1].rstrip()} {clause}"  # "If he comes back, call 911" is one thing to do
        elif clauses and (someone := _SOMEONE_WILL.search(clauses[-1])) and _THEIR_VERB.match(clause):
            head, theirs = clauses[-1][: someone.start()], clauses[-1][someone.start() :].lstrip(", ")
            theirs += f"{pieces[at - 1].rstrip()} {clause}"  # "a deputy will come ..., and take the report"
            clauses[-1:] = [head, theirs] if head else [theirs]
        elif clauses and _CONDITION.match(clauses[-1]) and _BARE_VERB.match(clause) and "and" in pieces[at - 1]:
            clauses[-1] += f"{pieces[at - 1].rstrip()} {clause}"  # "If it catches fire, ..., hang up and call 911"
        elif clauses and (doer := _DOER_WILL.match(clauses[-1])) and _BARE_VERB.match(clause):
            doing = _DOING.get(doer.group(1).lower(), doer.group(1))  # "I'm getting dispatch ... and check": I'll check
            clauses.append(f"{doing} {clause}")  # "I'll take the complaint and make sure ...": mine, not theirs
        elif clauses and (they := _THEY_DO.match(clauses[-1])) and _BARE_VERB.match(clause):
            clauses.append(f"{they.group(0)}{clause}")  # "They review it, pull the records, and contact you": theirs
        elif clauses and _BRING_LIST.search(clauses[-1]) and _BARE_THING.match(clause):
            clauses[-1] += f", and {clause}"  # "bring the car, the form, and your photo ID": one list
        elif at and re.search(r"\bor\b", pieces[at - 1]) and _OFFERED.match(clause):
            continue  # "..., or I can start it with you now": the desk's offer, no step to say back
        else:
            clauses.append(_FRAME.sub("", clause).strip())
    items = []
    clauses = [named_back(c, clauses[at - 1]) if at else c for at, c in enumerate(clauses)]  # "; their line is ..."
    clauses = _by_when_joined(clauses)
    for clause in clauses:
        if (lead := _TIME_LEAD.match(clause)) and len(clause) > lead.end():
            clause = f"{clause[lead.end() :]} {lead.group(1).lower()}"  # "Tonight, call the bank" -> "call ... tonight"
        aside = _ASIDE.search(clause)
        if aside and not _NUMBER.search(aside.group(0)):
            more = _MORE_TO_BRING.search(clause, aside.start())  # "..., since the deputy looks at it, plus the form"
            clause = clause[: aside.start()] + (f", {clause[more.end():].strip()}" if more else "")
        words, most = clause.split(), _MOST_WORDS + (8 if _BRING_LIST.search(clause) else 0)  # a list to bring
        if len(words) > most and "," in " ".join(words[:most])[20:]:
            cut = " ".join(words[:most])
            clause = cut[: cut.rfind(",")] if not _NUMBER.search(clause[cut.rfind(",") :]) else clause
        if len(clause.split()) < 2 or _CONDITION.match(clause) and "," not in clause:
            continue  # "like right after we hang up": when, with no step of its own
        clause = _RECOMMENDED.sub(lambda m: "" if m.group(1) else "try ", clause)  # "What works best is mediation"
        said = in_my_words(_FRAME.sub("", gist(clause), count=1)).rstrip(" ,;:\u2014\u2013-")  # a frame after a reason
        said = _AND_LEFT.sub("", said)  # "..., and since he may be across the street, ...": no "..., and."
        if _ONLY_THAT.search(said):
            continue  # "they'll check on that too", its "that" a reason left out: nothing to say back
        if _VALUE.search(said) or _ACTION.match(said) or _ACTION.match(_SETTING.sub("", said)):
            items.append(said + ".")
    return _joined_short(items)


_REMARK = re.compile(r"^(?:all right|alright|okay|ok|well|now)\b", re.I)
CHECK_LEAD = re.compile(r"\b(?:understand each other|on the same page)\b", re.I)
"""The lead of a check of understanding ("to make sure we understand each other: ..."), never a step said back."""
_NOT = re.compile(r"\b(?:not|n't)\b", re.I)


def _beside_facts(items: list[str], facts_said: list[str]) -> list[str]:
    """The other items said back beside the facts: none a fact's line says already ("you're radioing dispatch now"
    beside "You get dispatch on it", "call the jail about him" beside "I call the jail at ..."), and no aside."""
    if not facts_said:
        return items
    told = [f for f in facts_back() if f.covers is not None and f.line in facts_said]
    return [
        item
        for item in items
        if not any(_covered(item, f) for f in told)
        and not any(_says_more(line, item) for line in facts_said)
        and not _aside_of_facts(item)
    ]


def _aside_of_facts(item: str) -> bool:
    """Beside the facts said back, a remark of the desk's ("All right, an eleven-year-old two hours overdue"), a step
    it will not take ("you're not going to wait on this") or a description with no step in it ("three-to-four-year-old
    girl, Zoe, found alone at the library lot about twenty minutes ago", radioed): the facts are the plan. The
    visitor's own "I don't go in" is a step of its own, and a number is a number to call."""
    if _MINE.match(item) or PHONE_NUMBER.search(item):
        return bool(_REMARK.match(item) or CHECK_LEAD.search(item))
    return bool(_REMARK.match(item) or CHECK_LEAD.search(item) or _NOT.search(item) or not _ACTION.match(item))


_RECOMMENDED, _OFFERED = patterns("recommended offered_after")
"""A step said as a recommendation ("What works best is ..."), and the desk's offer said after a step ("..., or I can
start it with you now"): the first is said back as a step, the second is no step of the caller's."""
_AND_LEFT = re.compile(r",?\s+(?:and|but|so)$", re.IGNORECASE)
"""A joining word left at the end of a step once what followed it was left out ("..., and")."""
(_ONLY_THAT,) = patterns("only_that", 0)
"""A step whose only object is "that" ("they'll check on that too"), described in read_back.yaml."""


def _by_when_joined(clauses: list[str]) -> list[str]:
    """A deadline said alone before its step ("In next ten days, you must send ...") goes after it: "I'll send ...
    within the next ten days", one thing to do, never "In next ten days." said back on its own."""
    out: list[str] = []
    for clause in clauses:
        if out and (by_when := _BY_WHEN_ALONE.match(out[-1])):
            aside = _ASIDE.search(clause)  # "..., because is the law": the reason is left out, the deadline is not
            step = clause[: aside.start()] if aside and not _NUMBER.search(aside.group(0)) else clause
            out[-1] = f"{step.rstrip(' .')} within the next {by_when.group(1)}"
        else:
            out.append(clause)
    return out


def said_again(items: list[str]) -> list[str]:
    """Without an item another says again at more length ("a Spanish-speaking deputy to take the report with my mom"
    before "a Spanish-speaking deputy will call my mom ... and take the report in person"; "you're putting me through
    to dispatch" before "you're transferring me to dispatch this second"): a caller says a thing once. An item with a
    value of its own is kept."""
    return [item for at, item in enumerate(items) if not any(_says_more(other, item) for other in items[at + 1 :])]


def _says_more(other: str, item: str) -> bool:
    """`other` says the item's step again at more length, with every value of the item."""
    mine = _step_words(item)
    return (
        len(shared := mine & _step_words(other)) >= max(2 if len(mine) <= 3 else 3, len(mine) / 2)
        and len(_step_words(other)) > len(shared)
        and all(value in other for value in _NUMBER.findall(item))
    )


def _step_words(item: str) -> set[str]:
    """The item's content words, a step said two ways as one ("transferring" and "putting" through: "connect")."""
    return {_SAME_STEP.get(w, w) for w in content_words(item)}


_SAME_STEP = pairs("same_step_words")


def _said_before(items: list[str]) -> list[str]:
    """Without an item that only says again a value of an item before it ("Ten days, not more." after "... within
    the next ten days")."""
    kept: list[str] = []
    for item in items:
        values = [m.group(0).lower() for m in re.finditer(_KINDS["deadline"], item, re.IGNORECASE)]
        if values and not _ACTION.match(item) and all(any(v in k.lower() for k in kept) for v in values):
            continue
        kept.append(item)
    return kept


_BY_WHEN_ALONE = re.compile(
    r"^(?:and |so )?(?:in|within|inside)(?: of)? (?:the )?(?:next )?(\w+ (?:business |working )?(?:days?|weeks?))$",
    re.IGNORECASE,
)


def _joined_short(items: list[str]) -> list[str]:
    """A short step joined to the one after it ("I hang up." "I call 911." is "I hang up and call 911."): one thing
    to do, never half of it said back."""
    out: list[str] = []
    for item in items:
        if out and out[-1].startswith("I ") and len(out[-1].split()) <= 3 and item.startswith("I "):
            out[-1] = f"{out[-1].rstrip('.')} and {item[2:]}"
        else:
            out.append(item)
    return out


_CONDITION_DONE = re.compile(
    r",\s*(?:you|u|i|we|they|please|just|then|call|dial|ring|go|hang|get|stay|lock|text|keep|come|bring)\b"
    r"|,\s*(?:the|their|its)\b[^,]{0,40}\b(?:number|line|address|e-?mail) is\b",
    re.I,
)
"""A condition that has its action ("If he comes back, call 911") or the value it needs ("If you want to ask, the
property unit's number is ..."); without one ("If anything catches fire, a spark in
them hills or a roof,") the next clause still goes with it."""
_SETTING = re.compile(r"^(?:for|at|to|with|on|in) (?:the |a |your |my )?[\w-]+(?: [\w-]+)?,? (?=(?:I|you|we)\b)", re.I)
"""What an action is for, said before it ("For release, I bring ..."): the action all the same."""
_BRING_LIST = re.compile(r"\b(?:bring|brings|bringing|need|show)\b[^.]*,", re.IGNORECASE)
_BARE_THING = re.compile(r"^(?:your|the|a|an|that|this|those|my|his|her|any)\b(?:\s+[\w'-]+){1,4}$", re.IGNORECASE)
_MORE_TO_BRING = re.compile(r",\s*(?:plus|and also|as well as|also)\s+", re.IGNORECASE)
"""Where a list goes on after an aside ("bring the car, since the deputy checks it, plus the DMV form, ...")."""


def _named(values: list[str], about: frozenset[str] | set[str]) -> bool:
    """A value the question names by a word of its own ("the commendations one": commendations@...)."""
    return any(len(w) >= 4 and w in v.lower() for v in values for w in about)


def _kept(items: list[str], keep: int) -> list[str]:
    """At most `keep` items, in the order said: the ones with a number, an address or a fee first."""
    if len(items) <= keep:
        return items
    ranked = sorted(range(len(items)), key=lambda i: (not _NUMBER.search(items[i]), not _ACTION.match(items[i]), i))
    return [items[i] for i in sorted(ranked[:keep])]


def said_back(
    plans: list[tuple[int, bool, str]], register: str, confused: bool, rng: random.Random, lines: Lines
) -> str:
    """The plan said back: every fact it was told, in its own words (bot/practice/own_words.py), then the key
    actions and values of the rest in the visitor's voice; the sentences as the trainee said them (in the visitor's
    words) when no action or value stands out."""
    told = [t for *_, t in plans]
    chosen = [named_back(s, " ".join(told[max(0, told.index(s) - 2) : told.index(s)])) for s in _chosen(plans)]
    facts = [(f.sentence, f.line) for f in facts_back() if any(same_sentence(s, f.sentence) for s in chosen)]
    recap = [in_my_words(_LED.sub("", s)).rstrip(".") + "." for s in chosen[-1:] if len(s.split()) >= _RECAP]
    recap = recap if recap and not facts and (not any(map(key_items, chosen)) or _RECAP_LED.match(chosen[-1])) else []
    items = recap or list(dict.fromkeys(item for sentence in chosen for item in own_items(sentence)))
    items = [item for item in items if not FEELING.search(item)] or items  # "I have every right to be upset"
    items = _said_before(said_again(items))
    if not recap and not facts and not any(_NUMBER.search(i) for i in items) and (call := _call_told(plans)):
        items = [call, *items]  # "Keep that paper handy" after the number: the call it is for comes first
    if not facts and not any(len(content_words(item)) >= 3 for item in items):
        return told_back(plans, asks_number=False)
    keep = 2 if confused or register == "child" else 3
    facts_said = list(dict.fromkeys(line for _, line in facts))[: max(keep, 4) if keep > 2 else keep]
    items = facts_said + _beside_facts([item for item in items if item not in facts_said], facts_said)
    to_do = [item for item in items if _MINE.match(item)]
    if facts_said:  # every fact told, then what else there is room for: its own steps before what others do
        own = [i for i in to_do if i not in facts_said]
        own = _kept(own, max(0, keep - sum(bool(_MINE.match(f)) for f in facts_said)))
        others = [i for i in items if i not in facts_said and i not in to_do]
        kept = facts_said + own + _kept(others, max(0, keep - len(facts_said) - len(own)))
        kept = sorted(kept, key=lambda item: not _MINE.match(item))
    else:
        rest = [item for item in items if item not in to_do]
        kept = _kept(to_do, keep) + _kept(rest, keep - len(to_do)) if len(to_do) < keep else _kept(to_do, keep)
    # what it is to do first, then what the agency does
    kept = [in_short(item) for item in kept]  # "Real talk, ..., so the best move is X": "X"
    if register == "limited":
        kept = [_SHORT_WORDS.sub("", item) for item in kept]
    opener = rng.choice(
        OPENERS["confused" if confused else register] if confused or register in OPENERS else OPENERS["everyday"]
    )
    in_turn = any(_IN_TURN.search(sentence) for sentence in chosen)  # "first ..., then ...": steps in order
    own = [item for item in kept if _MINE.match(item) and not _VALUE_AFTER.search(item)]
    if not in_turn and len(own) > 1 and kept[: len(own)] == own:  # its own steps first, said as one list: "I stay
        kept = [_one_list(own, lines), *kept[len(own) :]]  # at the house, keep my phone on, and if she shows up, I ..."
    said = [_after(opener, kept[0], lines)]
    said += [_after(rng.choice(NEXT) if in_turn and _ACTION.match(item) else "And", item, lines) for item in kept[1:]]
    if confused and len(to_do) > keep:  # a thing of its own to do left out; what the agency does may go unsaid
        said.append(rng.choice(ASK_AGAIN))
    return " ".join(said)


_VALUE_AFTER = re.compile(r",\s*(?:within |in |by )?\d")
"""A step with its value after a comma ("I send the DMV form in, 10 days"): in a list, the value reads as a step."""


def _one_list(items: list[str], lines: Lines) -> str:
    """The visitor's own things to do, none before another, said as one list: "I stay at the house, keep my phone on,
    and if she shows up, I call you right back." (three sentences, each "I ...", read as a recital)."""
    parts = [items[0].rstrip(".")]
    for item in items[1:]:
        item = item.rstrip(".")
        shared = item.startswith("I ") and not _MODAL_NEXT.match(item)  # "..., and keep", never "..., can file"
        parts.append(item[2:] if shared else lines.decap(item))
    parts = [_PET_NAME_AT_END.sub("", part) for part in parts[:-1]] + parts[-1:]  # "I won't hang up, dear and ..."
    return (", ".join(parts[:-1]) + f"{',' if len(parts) > 2 else ''} and " + parts[-1]) + "."


_PET_NAME_AT_END = re.compile(r",\s*(?:dear|honey|hon|sweetie|sweetheart|love|sir|ma'am)$", re.IGNORECASE)


_WHO_WILL = re.compile(r",\s+who(?:'ll| will)\s+", re.IGNORECASE)
"""Someone named who will do the steps ("goes to the watch commander, who will review it, ..."): their steps."""
_TEXTED_AND = re.compile(r"^(?:n|&|an')\s+(?=[a-z])")
_MODAL_NEXT = re.compile(r"I (?:can|could|should|might|may|must|will|would|have to|need to)\b")
_IN_TURN = re.compile(r"\b(?:then|first|next|after|afterwards|once|before|second|step)\b", re.IGNORECASE)
"""Words that put the steps told in order: only then are they said back "..., then ..." (never "I stay at the house.
Then I keep my phone on.")."""


def _call_told(plans: list[tuple[int, bool, str]]) -> str:
    """ "I call the inmate information line at (562) 555-0170": the last number told as a step, with whom it reaches
    ("The direct number is ..." after "... keeps an inmate information line"), or ""."""
    told = [t for *_, t in plans]
    for at in range(len(told) - 1, -1, -1):
        if plans[at][1] and (found := number_named(told[at], told[at - 1] if at else "")):
            return f"I call {found[0]} at {found[1]}."
    return ""


_BOTH = frozenset({"both", "numbers", "two"})
"""Words of a read-back that asks for more than one number."""
_RECAP = 14
_LED = re.compile(r"^[^:]{0,60}:\s*")
_RECAP_LED = re.compile(
    r"^[^:]{0,60}\b(?:recap|sum|summary|to be sure|in short|bottom line|short version|the plan|here's what|so)\b"
    r"[^:]{0,30}:",
    re.IGNORECASE,
)
"""A lead that sums up ("So, to be sure: ...", "To recap: ..."), not one that only says when ("Today, also: ...")."""
"""Words of a sentence that sums up the plan ("Zoe stays here with me, deputies are going now to the library, and
...") though it tells the visitor nothing to do: said back as it is."""


def _after(opener: str, item: str, lines: Lines) -> str:
    """The item after its opener: "So I call ..." but "Got it. I call ...", "Then it takes ..."."""
    if opener.endswith((".", "!", "?")):
        return f"{opener} {item[:1].upper()}{item[1:]}"
    return f"{opener} {lines.decap(item)}"


def _chosen(plans: list[tuple[int, bool, str]]) -> list[str]:
    """The sentences of the latest explanation (with the one before when it was short), what to do first."""
    if not plans:
        return []
    plans = [p for p in plans if not IN_PASSING.search(p[2])] or plans  # "I'll explain it in a moment": no step
    plans = [p for p in plans if not _ACK_ONLY.match(p[2])] or plans  # "Check. Read me back the steps.": no step
    last_turn = plans[-1][0]
    chosen = [(d, t) for turn, d, t in plans if turn == last_turn and (d or len(t.split()) >= 5)]
    follows_on = bool(chosen) and bool(_FOLLOWS_ON.match(chosen[0][1]))  # "Once you submit it, ...": after the last
    if len(chosen) < 2 or follows_on or not any(_MINE.match(in_my_words(t)) for _, t in chosen):  # or nothing to do
        before = [(turn, d, t) for turn, d, t in plans if turn < last_turn and d]
        told = [(d, t) for turn, d, t in plans if before and turn == before[-1][0] and (d or len(t.split()) >= 5)]
        told = told[-2:] if chosen else told  # the steps of the explanation before, when this message told none
        chosen = told + [  # not "He will.", but "Zoe stays right here with me" after "I'm radioing dispatch"
            c for c in chosen if c[0] or not told or len(c[1].split()) >= _RECAP or _ACTION.match(in_my_words(c[1]))
        ]
    if len(chosen) > 2 and sum(d for d, _ in chosen) >= 2:
        chosen = [c for c in chosen if c[0]]
    return [t for _, t in chosen[:4]]


_ACK_ONLY = re.compile(
    r"^(?:check|go ahead|ok(?:ay)?|good|great|right|perfect|got it|understood|correct|exactly|yes|yep|alright)[.!]?$",
    re.IGNORECASE,
)
"""A word of acknowledgement said alone ("Check."): no step to say back."""
_FOLLOWS_ON = re.compile(
    r"^(?:and |so )?(?:once|after|when) (?:you|u)(?:'ve| have)? \w+ (?:it|that|them|this|those)\b", re.IGNORECASE
)
"""An explanation that goes on from the one before it ("Once you submit it, you'll get a report number ..."): said back
with the steps it follows."""


def framed(line: str, values: str) -> str:
    """A read-back line with its values ("That's {values}."), never "That's it's 25 dollars" for a value said with
    its own "it's", nor "1-4pm., you said" for a time written with its full stop."""
    return _THATS_ITS.sub("That's ", line.format(values=values.rstrip(".") if values.endswith("m.") else values))


_THATS_ITS = re.compile(r"\bThat's it(?:'s| is) ", re.IGNORECASE)


def read_back(
    plans: list[tuple[int, bool, str]], kind: str, lines: Lines, visitor: Visitor, about: frozenset[str] = frozenset()
) -> str:
    """What the trainee said of one kind ("What hours did I give you?": "You said Monday to Friday, 8 to 5."), the
    latest said first, or the one about what the question names ("the mediation one": the number said with
    mediation, or just after it); the whole plan for a question about all of it; "" when it was told nothing of
    the kind."""
    register = lines.scenario.persona_register
    rng = random.Random(f"{visitor.seed}:{visitor.turn}:read-back")
    if not kind:
        return said_back(plans, register, False, rng, lines) if plans else ""
    told = [t for *_, t in plans]
    if kind == "address" and not any(re.search(_KINDS["address"], t, re.IGNORECASE) for t in told):
        kind = "email"  # "read me back that commendations address": the e-mail address told
    if kind == "days" and not any(re.search(_KINDS["days"], t, re.IGNORECASE) for t in told):
        kind = "deadline"  # "read me the number back and the days": "21 days", no day of the week told
    pattern = re.compile(_KINDS[kind], re.IGNORECASE)
    latest = plans[-1][0] if plans else -1
    only_codes = kind == "number" and not any(PHONE_NUMBER.search(t) for turn, _, t in plans if turn == latest)
    found = [
        (_named(values, about), len(about & content_words(text)))  # "mediation ... (562) 555-0181": its own words
        + (len(about & content_words(" ".join(t for _, _, t in plans[max(0, i - 1) : i + 1]))), full, i, values)
        for i, (turn, _, text) in enumerate(plans)
        if (values := [m.group(0).strip() for m in pattern.finditer(text)])
        # a whole number over "911" said after it, but "you dial 911. Can you say that back?" asks the 911
        for full in [kind != "number" and not CLOSED.search(text) or bool(PHONE_NUMBER.search(text))
                     or only_codes and turn == latest]
    ]
    unsaid = taken_back(visitor)  # "it's 562-555-0188, not 0118"
    found = [f for f in found if all(not_taken_back(v, unsaid) for v in f[-1])] or found
    if not found:
        return ""
    *_, values = max(found)  # the one it names, the most words of the question, a whole number, open, latest
    values = [v for v in values if any(len(w) >= 4 and w in v.lower() for w in about)] or values  # "commendations"
    if kind == "number" and about & _BOTH:  # "read me both numbers back": the last two told, in the order told
        told_numbers = list(dict.fromkeys(v for *_, vs in sorted(found, key=lambda f: f[4]) for v in vs))
        told_numbers = [v for v in told_numbers if PHONE_NUMBER.search(v)] or told_numbers  # not 911 beside them
        values = told_numbers[-2:] if len(told_numbers) >= 2 else values
    line = rng.choice(read_back_frames(register, visitor))
    unique = list(dict.fromkeys(spoken(v) for v in values))
    said = framed(line, " and ".join(unique) if len(unique) == 2 and kind == "days" else ", ".join(unique))
    return said if re.match(_KINDS["email"], said) else said[:1].upper() + said[1:]  # an e-mail keeps its case
