"""A question about what the trainee said, answered from the trainee's own words.

"How many days do you have for the DMV form?", "Which number is for dispatch, and when would you call it?", "Is it
due in 10 days, or 30?", "Can you read me back the report number?": the visitor answers with the value or the
instruction the trainee gave for that very thing (the trainee's value, even a wrong one), briefly and in its own
voice, never with a detail of its own nor the trainee's whole sentence echoed back. The words that make such a
question are data (`quiz.*` and the rest in bot/practice/phrases/asking.yaml; the steps told on a case and the one
told that will do a thing in plans.yaml); the value shapes are code, bot.practice.read_back's and this module's
(a phone number after a place, an either-or of two figures, a figure with its unit).
"""

from __future__ import annotations

import random
import re

from bot.grading.quantities import values_in
from bot.grading.text import normalise
from bot.practice.antecedents import COMPANY, in_context, number_named
from bot.practice.asking import plain, question_parts, yes_no
from bot.practice.callees import NUMBER_IS, callee_answer
from bot.practice.gist import one_of
from bot.practice.lines import Lines
from bot.practice.next_steps import heard_back_answer, next_answer
from bot.practice.others import own_phone
from bot.practice.plans import PHONE_NUMBER, SERVICE_CODE, continued, in_my_words, spoken
from bot.practice.read_back import (
    CLOSED,
    at_times,
    framed,
    key_items,
    read_back_frames,
    taking_part,
    taking_time,
    value_pattern,
)
from bot.practice.said_once import content_words
from bot.practice.telling import (
    RULED_OUT,
    asked_as_check,
    booking_said,
    forms_told,
    given_me,
    joined,
    numbers_answer,
    of_the_clause_asked,
    order_answer,
    parts_answer,
    things_brought,
    told_parts,
)
from bot.practice.visitor import Visitor
from bot.practice.wording import kinds, pattern, patterns, words

QUIZ_KINDS = kinds("quiz", 0)
_BOOKING, _FORMS_ASKED = (dict(kinds("told_part", 0))[kind] for kind in ("booking", "forms"))
"""How the visitor gets a slot ("how do you get on the schedule?"): said back from the trainee's words."""
"""What a quiz asks back, by kind, the first that matches ("deadline", "number", ...; "item" for an instruction)."""
(_CONTEXT,) = patterns("quiz_context", 0)
_WHO_CALL, _BRING, _PAPERS, _WHO_WILL, _IF_ASKED, _PASSED_TO_ASKED = patterns(
    "who_to_call asks_to_bring papers who_will_do if_case_asked passed_to_asked"
)
"""Asked whom to call ("who would you call?"); what to bring, and the papers that answer it; who will do a thing
("who is going to call your mom back?", the deed in group 1); what to do in a case ("what you'll do if he shows
up", the case in group 1): each answered from the trainee's own words."""
"""A quiz that also asks what the value is for or when to use it ("and when would you call it?")."""
(_RECALL,) = patterns("recall_asked", 0)
_RECALL_NOUNS = kinds("recall_noun", 0)
"""A question asking back what the desk said ("which days again?"), and the kind of value each noun names."""
QUIZ_WORDS = frozenset(words("quiz_words"))
"""A quiz's words that name no thing of the trainee's (the rest pick the trainee's sentence about that thing)."""
"""Words of a quiz that name no thing of the trainee's ("how", "many", "have", "remember")."""
_NUMBER = re.compile(r"\b\d+\b")
_EMERGENCY, _ONLINE, _GOING = patterns("emergency_asked online_place going_words")
"""Asked for the emergency number (911, not dispatch's); a place online, and a word of going ("you go to the
records window"), in the question and in the sentences told: over any case."""
_CALLING = frozenset(words("calling_words"))
_WHERE, _COMPANY_ASKED, _NUMBER_ASKED, _TAKES = patterns("where_asked company_asked number_asked time_taken_asked", 0)
"""Asked where to go, the company's name, a phone number, how long a thing takes: over the normalised question."""
_PLACE = value_pattern("address")
_WAITING = frozenset(words("waiting_words"))
_BE_WHERE = re.compile(r"\bwhere (?:will|are|r|should) (?:you|u|ya) (?:be|gonna be|going to be)\b")
_WITH_NUMBER = re.compile(
    r",?\s*(?:(?:and )?(?:their|its|the) (?:phone|number)(?:'s| is)?:?\s+|"
    r"(?:at|phone(?:'s| is)?|tel|number(?:'s| is)?|call(?: them)?(?: at)?)[:.]?\s+)?\(?\d{3}\)?[\s.-]*\d{3}[\s.-]\d{4}"
)
"""A phone number after a place ("Valley Tow, 1450 Industrial Way, (562) 555-0188"): left out of where to go (a
value shape, code like the other shapes)."""
_FREE = re.compile(r"\b(?:free|no (?:charge|cost|fee))\b", re.IGNORECASE)
_EITHER_FIGURE = re.compile(r"\b\d+\b[^?]{0,30}\bor\b\s+\d+\b")
_GO_TO = pattern("going_to_place", re.IGNORECASE)
"""The visitor's own words for going to a place ("I'll want the ..."), left out when it says back where it goes."""
_DOER = pattern("doer_will", re.IGNORECASE).pattern
"""The one told that will do a thing ("a Spanish-speaking deputy will ..."), in group 1: a regular expression to
which _who_will adds the deed asked."""


def quiz_kind(part: str) -> str | None:
    """The kind of value a question about the trainee's words asks back, or None for any other question; an
    either-or between two figures ("is it due in 10 days, or 30?") asks back the figure (a statement
    that gives two, "call dispatch at ..., or 911 if ...", asks nothing)."""
    text = plain(part)
    found = next((kind for kind, pattern in QUIZ_KINDS if pattern.search(text)), None)
    if found is None and _RECALL.search(text):  # "the hotline, do you recall it?": the kind its noun names
        found = next((kind for kind, noun in _RECALL_NOUNS if noun.search(text)), None)
    if found is None and "?" in text and _EITHER_FIGURE.search(text) and len(_NUMBER.findall(text)) >= 2:
        return "figure"
    return found


_ASK_ASKED, _ASKED_FOR = patterns("ask_asked asked_for")


def _asked_for(sentences: list[str]) -> str:
    """What the trainee told it to ask for, latest first ("and ask fraud alert, or better a credit freeze": "A fraud
    alert, or better a credit freeze."), or ""."""
    found = next((m.group(1).strip(" ,") for s in sentences if (m := _ASKED_FOR.search(s))), "")
    if not found:
        return ""
    said = in_my_words(found)
    if not re.match(r"(?i)(?:a|an|the|my|your)\b", said) and said[:1].isalpha():
        said = f"A {said[:1].lower()}{said[1:]}"  # "fraud alert, or better a credit freeze": "A fraud alert, ..."
    return said.rstrip(".") + "."


def told(visitor: Visitor) -> list[str]:
    """What the trainee told the visitor, latest first: the explanations in order, then anything else told."""
    plans = sorted(k.split(":", 4)[1:] for k in visitor.heard if k.startswith("plan:"))
    said = [text for *_, text in reversed(plans)]
    return said + sorted(k[8:] for k in visitor.heard if k.startswith("told-me:") and k[8:] not in said)


def quiz_answer(part: str, visitor: Visitor, lines: Lines, whole: str = "") -> str | None:
    """The answer to a question about what the trainee said, from the trainee's sentence about that thing; None
    when the part is no such question or the trainee told nothing of the kind."""
    about = {w.removesuffix("'s") for w in content_words(plain(part))} - QUIZ_WORDS  # "the form's name": form
    sentences = told(visitor)
    if (it_back := _IT_BACK_AND.match(plain(part))) and (number := _latest_number(sentences)):
        rest = quiz_answer(it_back.group(1), visitor, lines, whole)  # "Read it back to me, and tell me what you do
        return f"{number}. {rest}" if rest and number not in rest else rest or f"{number}."  # if there's a fire"
    if _ASK_ASKED.search(plain(part)) and (asked_for := _asked_for(sentences)):
        return asked_for  # "And the credit bureaus, what you ask them?": "A fraud alert, or better a credit freeze."
    if numbers := numbers_answer(part, sentences):
        return numbers  # "which number's for mediation and which one do you ring if he's at your door?": both
    if _PASSED_TO_ASKED.search(plain(part)) and (whom := _passed_to(sentences)):
        return whom  # "who hears about it from me today?": "The watch commander, today."
    if who := _who_will(part, sentences) or _if_told(part, sentences) or heard_back_answer(part, sentences):
        return who
    if total := _total(part, visitor, sentences):
        return total  # "Three sellers at fifty each, what's that come to?": "That's 150 dollars for the three of us."
    if _COMPANY_ASKED.search(part) and (named := next((m for s in sentences if (m := COMPANY.search(s))), None)):
        return f"{named.group(0)}, you said."  # "And the company name?": "Valley Tow, you said."
    one_part = len(question_parts(part)) < 2 and not yes_no(part)
    if one_part and (coming := next_answer(part, sentences, whole or visitor.message)):
        return coming  # "what happens next with your complaint?": what the desk said it will do
    found = told_parts(part, visitor, sentences, lines)  # "... what days you come in and what it costs?": both
    found = found or order_answer(part, visitor, lines) or numbers_answer(part, sentences)
    checked = quiz_kind(part) is None and asked_as_check(part, visitor.checked)  # "Quick check. Where do you apply?"
    if found := found or parts_answer(part, visitor, sentences, about, lines, checked):
        return _with_whom(found, sentences) if _WHO_CALL.search(part) else found  # "Which do you do first?"
    if _FORMS_ASKED.search(plain(part)) and (forms := forms_told(sentences)):
        return forms  # "And the paperwork part?": "An application plus a waiver."
    if _BOOKING.search(plain(part)) and (booked := booking_said(sentences)):
        return f"{booked[:1].upper()}{booked[1:]}."  # "how do you get on the schedule?": by appointment, the number
    if _GIVEN_ASKED.search(plain(part)) and (given := given_me(sentences)):
        return given  # "what paper do I give you?": "You give me a paper with the report number."
    if _DESK_CALLS_ASKED.search(plain(part)) and (called := _desk_calls(sentences)):
        return called  # "who else am I calling for you?": "You're calling the victim advocate for me."
    if _WHO_CALL.search(part) and (callee := callee_answer(part, sentences)):
        return callee  # "whom will you be calling at that number?": "I'm calling the inmate information line."
    kind = quiz_kind(part)
    if kind is None:
        return None
    if kind == "figure":  # "Which one is correct, 0223 or 0322?" of its own number: its own, whole
        own = own_phone(visitor)
        mine = own and any(own[0].endswith(f) for f in _NUMBER.findall(part) if len(f) >= 4)
        if mine:
            return f"It's {own[1]}."
        said = " ".join(k[5:] for k in visitor.heard if k.startswith("said:"))  # "1187 or 4192?" of its own street
        owned = [f for f in _NUMBER.findall(part) if len(f) >= 3 and re.search(rf"\b{f}\b", said)]
        owned = [f for f in owned if f"misplaced:{f}" not in visitor.heard]
        return f"{owned[0]}." if len(owned) == 1 else _figure(part, sentences)
    shape = value_pattern(kind)
    found = [s for s in sentences if shape is None or shape.search(s)]
    if kind == "number" and _EMERGENCY.search(part):  # "what's the emergency number?": 911, not dispatch's
        found = [s for s in found if SERVICE_CODE.search(s)] or found
    elif kind == "number":  # "that number" is the last whole one given, not "911" said after it
        found = [s for s in found if PHONE_NUMBER.search(s)] or found
    if kind == "hours":  # "what hours will you go?": the opening times, not "closed on weekends"
        found = at_times(found)
    if kind in ("hours", "days"):
        found = [s for s in found if not CLOSED.search(s)] or found
    if kind == "deadline" and _TAKES.search(part):  # its minutes
        found = taking_time(found)
    if kind == "item" and _WHERE.search(part):  # "where do you go?": the place said, not what it costs there
        found = [s for s in found if _PLACE.search(s) or _ONLINE.search(s)] or found
        if _GOING.search(part):  # "where do you go?": "You go to the records window", not "it will check"
            found = [s for s in found if _GOING.search(s)] or found
    if shape is None:  # "what would you do?": a step told, not "that'd rattle anybody" said beside it
        found = [s for s in found if key_items(s)] or found
    if not found:
        return None
    papers = (lambda s: len(_PAPERS.findall(s))) if _BRING.search(part) else (lambda s: 0)
    context = in_context(sentences)  # "Number is (562) 555-0181." after "Better way is community mediation ..."
    # the sentence told just before it too ("The dog on the lawn is a civil matter." before the mediation number),
    # one further for a number that points back ("Number is ..." after "Better way is community mediation.")
    near: dict[str, str] = {}
    if kind == "number":
        reach = {x: 3 if context.get(x, x) != x else 2 for x in sentences}
        near = {x: " ".join(sentences[at : at + reach[x]]) for at, x in enumerate(sentences)}
    about = about - _CALLING if kind == "number" else about  # "which number you call": every number is one to call
    waiting = _WAITING if about & _WAITING or _BE_WHERE.search(part) else frozenset()  # "where does Zoe wait?":
    # "She's staying right here"; "where will you be while ...?": "I stay at home by my phone"

    def named(s: str) -> tuple[int, ...]:  # the sentence's own words first, then those told just before
        own, around = content_words(context.get(s, s)), content_words(near.get(s, ""))
        alone = len(about & content_words(s)) if shape is None else 0  # a step: its own words, before its context's
        return papers(s), len(waiting & own), alone, len(about & own), len(about & around), -found.index(s)

    best = max(found, key=named)  # "which number for the lawn problem?": told just after "The dog on the lawn, ..."
    placed = kind == "item" and _WHERE.search(part) and (_PLACE.search(best) or _ONLINE.search(best))  # the place
    if shape is None and not (about | waiting) & content_words(best) and not placed and not papers(best):
        return None  # "What do you need to bring?" before the trainee said what: a question of its own
    if shape is None or _CONTEXT.search(whole or part):
        items = key_items(best) or [in_my_words(best).rstrip(".!;:, ") + "."]
        mine = [i for i in items if shape is None or shape.search(i)] or items
        at_place = (lambda i: bool(_PLACE.search(i) or _ONLINE.search(i))) if placed else (lambda i: False)
        item = max(mine, key=lambda i: (papers(i), at_place(i), len(about & content_words(i))))  # "where": a place
        item = _THERE_IS.sub("The ", _GO_TO.sub("", item)) if placed else item  # "The permits counter at ...", not
        # "I'll want the ...", nor "There's a Self-Help Center at ..." recited
        if placed and not _NUMBER_ASKED.search(part):  # "where does it go?": the place, not its phone number too
            item = _WITH_NUMBER.sub("", item)
        item = NUMBER_IS.sub(r", I call \1 at \2", item) if _WHO_CALL.search(part) else item
        item = things_brought(item) if _BRING.search(part) else item  # "what four things?": the things alone
        return item[:1].upper() + item[1:]
    taken = taking_part(best) if kind == "deadline" and _TAKES.search(part) else best  # its minutes, not the days
    told_values = [m.group(0).strip() for m in shape.finditer(taken) if not RULED_OUT.search(taken[: m.start()])]
    if kind == "deadline" and len(told_values) > 1:  # "how long until you get the report number?": not its minutes
        told_values = of_the_clause_asked(taken, shape, plain(part)) or told_values
    values = [joined(kind, told_values)]
    before = sentences[sentences.index(best) + 1] if sentences.index(best) + 1 < len(sentences) else ""
    if kind == "number" and (named := number_named(best, before)) and values == [named[1]]:
        values = [f"{named[0]}, {named[1]}"]  # "the inmate information line, (562) ..."
    if kind == "fee" and yes_no(part):  # "is there a charge for their help?": yes or no first
        return "No, it's free." if _FREE.search(values[0]) else f"Yes, {values[0]}."
    register = lines.scenario.persona_register
    said_as = read_back_frames(register, visitor)
    if kind == "email":  # an address never opens a sentence ("Commendations@...")
        said_as = [x for x in said_as if not x.startswith("{")] or said_as
    line = random.Random(f"{visitor.seed}:{visitor.turn}:quiz").choice(said_as)
    said = framed(line, ", ".join(values))
    return said[:1].upper() + said[1:]


_THERE_IS = re.compile(r"^(?:But |So |And )?there(?:'s| is) an? ", re.IGNORECASE)


_IT_BACK_AND = re.compile(
    r"^(?:(?:good|okay|ok|so|now|great|right) )*(?:read|say|repeat|give) (?:it|that) back(?: to me)?,? and (.+)$"
)
"""A bare "read it back to me" before another ask: the number just told, then the other answer (group 1)."""


def _latest_number(sentences: list[str]) -> str:
    return next((m.group(0) for s in sentences if (m := PHONE_NUMBER.search(s))), "")


_KIND_OF_PLACE = frozenset({"the", "office", "line", "unit", "desk", "department", "number"})


def _with_whom(found: str, sentences: list[str]) -> str:
    """A number read back with whom it reaches, asked "which number you will be calling and what it is for?":
    "That's the inmate information line, (562) 555-0170." (the name from the line it points back to)."""
    numbers = PHONE_NUMBER.findall(found)
    told = next((s for s in sentences if numbers and numbers[0] in s), "")
    if len(numbers) != 1 or not told:
        return found
    named = next(filter(None, (number_named(told, before) for before in sentences if before != told)), None)
    said = set(found.lower().split())
    if not named or named[1] != numbers[0] or set(spoken(named[0]).lower().split()) - _KIND_OF_PLACE <= said:
        return found  # "I call Parking Citations at ..." names "the Parking Citations office" (or "Pahking") already
    return found.replace(numbers[0], f"{named[0]}, {numbers[0]}", 1)


_CASE_SAID, _CASE_LEAD, _THEN_STEP = patterns("case_said case_lead step_on_case")
"""A step told on a case ("if he comes back, ...", "should things turn physical, ..."): the case, what leads to its
"if" or "should", and the step after it (group 1)."""


(_URGENT_CASE,) = patterns("emergency_case", 0)
"""A case that is an emergency ("if anything catches fire", "if he gets physical")."""


def _if_told(part: str, sentences: list[str]) -> str | None:
    """ "What you'll do if he shows up at your work again?": the step the trainee gave for that case, said on the
    question's own case ("If he shows up at my work again, I call 911 right away."), not the sentence echoed."""
    asked = _IF_ASKED.search(part)
    if not asked:
        return None
    # "what you'll do if he shows up", "which one if he's at your door": said back on the question's case; the last
    # pattern of if_case_asked puts the case first ("should she come home, what ...?"): said on the trainee's own
    in_order = next((g for g in asked.groups()[:-1] if g), None)
    if _PURPOSE.match(in_order or next(g for g in asked.groups() if g)):
        return None  # "if you wanted to check on that purse, who'd you call?": a purpose, no case told a step for
    case = content_words(in_order or next(g for g in asked.groups() if g))
    in_order = None if in_order and _ASKS_IN_IT.search(in_order) else in_order  # "if he comes ... what will you do"
    steps = [(s, step) for s in sentences if (step := _THEN_STEP.search(s)) and _CASE_SAID.search(s)]
    for sentence, step in steps:
        if case & content_words(sentence) or len(steps) == 1:  # "should Lily come home" for "if she turns up"
            own = f"if {in_order}" if in_order else _case_of(sentence)  # the question's own case, when it puts one
            when = in_my_words(one_of(own)).rstrip(".")  # "Should he threaten me, or ...": the case, its first
            do = in_my_words(step.group(1)).rstrip(".")  # "call us back": "I call you back"
            said = f"{when}, {continued(do)}.".replace(" ,", ",")
            coming = next_answer(part[: asked.start()], sentences)  # "what happens next and what you do if ...?"
            return f"{coming.rstrip('.')}, and {said[:1].lower()}{said[1:]}" if coming else said
    return _step_for_now(part, in_order or next(g for g in asked.groups() if g), sentences)


_IF_WORD = re.compile(r"\b(?:if|should|in case|when)\b", re.IGNORECASE)
"""A told sentence that puts a case ("if anything catches, ...", "when he calls, ...")."""


def _step_for_now(part: str, said: str, sentences: list[str]) -> str | None:
    """ "What do you do when they start up again?" when the only case told was an emergency ("if anything catches,
    call 911"): the step told for now, on the question's case; None for an emergency asked, a case asked with "if",
    or a case the trainee told a step for."""
    emergency = any(_URGENT_CASE.search(s) and _IF_WORD.search(s) for s in sentences)  # "if anything catches, ..."
    named = {w for w in content_words(said) if len(w) > 3}  # "start", not the "up" of "start up" and "hang up"
    every_time = re.search(rf"\b(?:when|whenever|every time) {re.escape(said)}", part)  # not "if he shows up"
    told_on_it = any(named & content_words(s) for s in sentences if _IF_WORD.search(s))
    if _URGENT_CASE.search(said) or not emergency or not every_time or told_on_it:
        return None
    return _main_step(said, sentences)


_CLAUSE_BREAK = re.compile(r",\s*(?:and |or |but )?|;\s*|\s+and\s+(?=(?:ya|you|u|they|we|I)\b)")


def _main_step(case: str, sentences: list[str]) -> str | None:
    """ "What's the move when they start up?" when the only case told was an emergency ("if anything catches, call
    911"): the number told for now, on the question's case ("When they start up, I can call them direct at
    562-555-0111."); None when no number was told outside a case."""
    told = next((s for s in sentences if PHONE_NUMBER.search(s) and not _CASE_SAID.search(s)), None)
    if told is None:
        return None
    clause = next(c for c in _CLAUSE_BREAK.split(told) if PHONE_NUMBER.search(c))
    when = in_my_words(f"when {case}").rstrip(".")
    return f"{when}, {continued(in_my_words(clause).rstrip('.'))}."


_PURPOSE = re.compile(r"^\W*(?:you|u) (?:want|wanted|need|needed|'d like|would like|wish|wished) to\b")
_ASKS_IN_IT = re.compile(r"\b(?:what|which|who|how|when)\b")
"""A case taken with the question's own words ("mr pruitt comes ... and threatens you what will you do"): said
on the trainee's case instead."""


def _case_of(sentence: str) -> str:
    """The case of a step told on one, with its "if" or "should" ("if she turns up, or you learn anything at all" of
    "If she turns up, or you learn anything at all, ring 911"): said on the trainee's own case when the question put
    it otherwise."""
    step = _THEN_STEP.search(sentence)
    head = sentence[: step.start()] if step else sentence
    return _CASE_LEAD.sub(r"\1 ", head, count=1)


def _who_will(part: str, sentences: list[str]) -> str | None:
    """ "So who is going to call your mom back?": the one the trainee said will do it, said back with what they
    will do ("A Spanish-speaking deputy will call my mom back on that number."), not the sentence's other step."""
    asked = _WHO_WILL.search(part)
    if not asked:
        return None
    doing = re.compile(_DOER + rf"{asked.group(1)}\w*\b[^,.;]*?(?=,| and |[.;]|$)", re.I)
    for sentence in sentences:
        if said := doing.search(sentence):
            said_back = in_my_words(said.group(0)).rstrip(".!;:, ") + "."
            return said_back[:1].upper() + said_back[1:]
    return None


def _desk_calls(sentences: list[str]) -> str:
    """Whom the desk said it will call for the visitor ("I'm also going to call our victim advocate for you"), the
    latest told, said back as the visitor's: "You're calling the victim advocate for me."; ""."""
    for sentence in sentences:
        if found := _DESK_CALLS.search(sentence):
            whom = re.sub(r"^(?:our|your) ", "the ", found.group(1).strip())
            return f"You're calling {whom} for me."
    return ""


(_DESK_CALLS_ASKED,) = patterns("desk_calls_asked", 0)
_GIVEN_ASKED = next(p for kind, p in kinds("told_part") if kind == "given")
_DESK_CALLS = re.compile(
    r"\b(?:I'm|I am|I'll|I will|we'll|we will|we're|we are)(?: also| now| just)? (?:going to |gonna )?"
    r"(?:call|calling|ring|ringing|contact|contacting|get|getting|bring in|bringing in) "
    r"((?:our|the|a|an|your) [\w' -]{3,40}?)(?: for you| in| over| now| right now)?(?=[,.;!]| and | to |$)",
    re.IGNORECASE,
)
"""Whom the desk calls for the visitor ("I'm going to call our victim advocate for you"): a noun phrase after the
verb, not phrasing."""


def _passed_to(sentences: list[str]) -> str:
    """Whom the desk said it passes the visitor's word on to, and when ("I'll log this and pass it to the watch
    commander today": "The watch commander, today."), the latest told; ""."""
    for sentence in sentences:
        if found := _PASSED_TO.search(sentence):
            when = next((w for w in _WHEN_PASSED if w in sentence.lower()), "")
            whom = found.group(1).strip()
            return f"{whom[:1].upper()}{whom[1:]}{f', {when}' if when else ''}."
    return ""


_PASSED_TO = re.compile(
    r"\b(?:(?:pass|passing|send|sending|forward|forwarding|give|giving|hand|handing|take|taking|route|routing)"
    r"(?: (?:it|this|that|them|your \w+|the \w+))?(?: (?:on|over|up|along))?|"
    r"(?:it|this|that|your \w+|the \w+) (?:goes|will go|'ll go|is going|gets sent|is sent|gets passed|is passed)"
    r"(?: straight| directly| right)?) to (the [\w' -]{3,40}?|"
    r"(?:Sgt\.?|Sergeant|Lieutenant|Lt\.?|Captain|Capt\.?) [A-Z]\w+)"
    r"(?=[,.;!?]| today| tonight| now| right| this| and|$)",
    re.IGNORECASE,
)
_WHEN_PASSED = ("today", "tonight", "this afternoon", "this morning")
"""Whom a thing is passed on to ("pass it to the watch commander"): a noun phrase after the verb, not phrasing."""


def _figure(part: str, sentences: list[str]) -> str | None:
    """ "Is it due in 10 days, or 30?": the figure of the two the trainee said, with its unit."""
    figures = _NUMBER.findall(part)
    for sentence in sentences:
        for figure in figures:
            said = re.search(rf"\b{figure}\s+(?:business |working )?\w+", sentence)
            if said:
                return f"{said.group(0)[:1].upper()}{said.group(0)[1:]}."
    return None


_TOTAL_ASKED, _HOW_MANY, _OTHER_ASKS = patterns("total_asked people_counted other_than_total", 0)
"""A total asked ("So for three of you, total?") or told ("$150 total"); how many it is for (group 1); another thing
asked beside it ("where, how much total, how long?")."""
_NUMBER_OF = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten".split())}
"""A count in words, as a number (a value, like the digits beside it)."""


def _total(part: str, visitor: Visitor, sentences: list[str]) -> str | None:
    """ "So for three of you, total?": the fee told for each, times how many, as the visitor works it out (the total
    the trainee told, when it told one); None for any other part, or no fee or count known."""
    if not _TOTAL_ASKED.search(part) or _OTHER_ASKS.search(part):
        return None  # "where, how much total, how long?": each part told back, not the sum alone
    own = " ".join(k[5:] for k in visitor.heard if k.startswith("said:"))
    counted = _HOW_MANY.search(part.lower()) or _HOW_MANY.search(own)
    amounts = [(v.low, s) for s in sentences for v in values_in(normalise(s)) if v.kind == "money" and v.low]
    if not counted or not amounts:
        return None
    word = counted.group(1)
    many = int(word) if word.isdigit() else _NUMBER_OF[word]
    told_total = next((a for a, s in amounts if _TOTAL_ASKED.search(s.lower())), None)
    total = told_total or min(a for a, _ in amounts) * many
    return f"That's {total:g} dollars for the {word} of us."

