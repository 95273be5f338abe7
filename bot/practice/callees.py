"""Whom the visitor is to call, as the trainee told it: "who do you call if he shows up?" gets the step told for that
case ("If he shows up, I call 911 right away."), "whom will you be calling at that number?" the party named with the
number ("I'm calling the inmate information line."), never one the question rules out ("before the fraud line").
"""

from __future__ import annotations

import re

from bot.practice.antecedents import number_named
from bot.practice.asking import plain, stems
from bot.practice.plans import SERVICE_CODE, continued, in_my_words
from bot.practice.read_back import key_items
from bot.practice.wording import patterns


def callee_said(text: str, sentences: list[str], named: set[str]) -> list[tuple[str, str]]:
    """Whom the visitor is to call, as told: the call on a condition ("who do you call if he shows up?": "If he
    shows up, I call 911 ..."), else the party named with the number ("I'm calling the inmate information line.")."""
    if _ON_A_CASE.search(text) and (when := if_item(text, sentences, named)):
        return [("item", when)]
    if callee := _callee(sentences, named, _not_this(text)):
        if number := _number_of(callee, sentences):
            return [("item", f"I call {callee} at {number}")]  # "how ya gonna reach 'em?", "... and who you're calling"
        return [("item", f"I'm calling {callee}" if "call" in text else callee[:1].upper() + callee[1:])]
    return []


def _number_of(callee: str, sentences: list[str]) -> str:
    """The number told for whom the visitor is to call ("the property unit # is (562) 555-0155"), or ""."""
    told = [number_named(x, sentences[at + 1] if at + 1 < len(sentences) else "") for at, x in enumerate(sentences)]
    return next((n for whom, n in filter(None, told) if whom.lower() in callee.lower()), "")


def callee_answer(part: str, sentences: list[str]) -> str | None:
    """ "Whom will you be calling at that number?": whom the trainee said to call ("I'm calling the inmate information
    line."), or None when no number came with a name."""
    text = plain(part)
    found = callee_said(text, sentences, stems(text))
    if not found:
        return None
    said = found[0][1].rstrip(".")
    if not _THAT_NUMBER.search(text):  # "who would you call to check?": whom, and the number to call
        number = _number_of(said, sentences)
        said = f"{said} at {number}" if number and number not in said else said
    return f"{said[:1].upper()}{said[1:]}."


_THAT_NUMBER = re.compile(r"\b(?:that|this|the) (?:number|#|line)\b")


NUMBER_IS = re.compile(r", ((?:the|our|your) [\w' -]+?)(?:'s)? (?:number|phone number|line|direct line) is\s+(.+)$")


_CALL = re.compile(r"\bcall\b")
(_BARE_WISH,) = patterns("bare_wish")
_ON_A_CASE = re.compile(r"\b(?:if|when|once)\b")
_CASE_ASKED = re.compile(
    r"\b(if|when|once) ((?:he|she|they|it|someone|anyone|anything)\b[^?]*?)( again)?(?: before then)?\s*\??$"
)
"""The case a question asks about ("who do you call if he shows up?", "... tonight when they start?"): its lead, the
case, and a last "again" (kept with a step told for it, left out of a call said on it)."""
_STEP_OF_CASE = re.compile(r",\s*(?=(?:I|you|we|they|please|just|then|call|dial)\b)")
"""Where a case ends and its step begins ("If he's pounding on my door, threatening me, or it gets physical, I call
dispatch ...")."""
_NON_URGENT = re.compile(r"\bnon[- ]?emergenc|\bnot an emergency\b|\bnon[- ]?urgent\b|\bfor anything else\b", re.I)


_CASE_FIRST = re.compile(r"(?:if|when|until|unless|once|as soon as|next time|the next time|any ?time)\b", re.IGNORECASE)
"""A step said on its case ("If he shows up, ...", "Until you have the order, if he shows up, ...")."""
_CASE_WORDS = frozenset({"if", "when", "once", "until", "unless"})
_DANGER = re.compile(
    r"\b(?:fire|burn\w*|lights? up|smoke|danger\w*|hurt|injur\w*|weapon|gun|knife|threat\w*|attack\w*|shows? up|"
    r"turns? up|comes? (?:back|over|around|by|to|near|after)|at (?:my|your|the) door|follows?|changes?|goes wrong|"
    r"gets? worse|emergenc\w*|catch\w*|flames?)\b"
)
"""A case of danger asked ("if he shows up", "what if something lights up?"): its step may be 911; a case with none
("if they start up again") gets the other step."""


def if_item(text: str, sentences: list[str], named: set[str]) -> str:
    """The step the trainee said for a case ("If he shows up, I call 911 ..."), nearest the question's words; or
    the call it said to make, on the case as the question puts it ("if he turns up": "If he turns up, I call ...")."""
    items = [(at, i) for at, s in enumerate(sentences) for i in key_items(s)]
    danger = bool(_DANGER.search(text))  # "what if something lights up?": the 911 step; "if they start up again": not
    found = [
        (len(named & stems(i) - _CASE_WORDS), -at, i)
        for at, i in items
        if _CASE_FIRST.match(i) and (danger or not SERVICE_CODE.search(i) or named & stems(i) - _CASE_WORDS)
    ]
    fit = [f for f in found if danger == bool(SERVICE_CODE.search(f[2]))]  # "when they start": not 911; "if there's a
    found = fit or ([] if danger else found)  # fire" with no 911 step on a case: the 911 call told (below)
    case = _CASE_ASKED.search(text)
    if found:  # "If nobody claims it, the property unit's number is ...": "..., I call the property unit at ..."
        said = NUMBER_IS.sub(r", I call \1 at \2", max(found)[2])
        step = _STEP_OF_CASE.split(said, maxsplit=1)
        if case and len(step) == 2:  # "which one if he's at your door again?": on the question's own case
            return f"{case.group(1).title()} {continued(in_my_words(case.group(2) + (case.group(3) or '')))}, {step[1]}"
        said = _BARE_WISH.sub("", said)  # "If I want, I call the property unit ...": a wish left bare is no case
        return said[:1].upper() + said[1:]
    calls = [  # "if he comes near you": the urgent call; "if they start up again": not 911 (no danger in it)
        (
            len(named & stems(i) - _CASE_WORDS),
            not _NON_URGENT.search(sentences[at]) and danger == bool(SERVICE_CODE.search(i)),
            -at,
            i,
        )
        for at, i in items
        if _CALL.search(i)
    ]
    case = _CASE_ASKED.search(text)
    if not calls or case is None:
        return ""
    call = max(calls)[3]  # "if he comes near you": the urgent call, not the one "for anything non-emergency"
    call = continued(call)
    when = in_my_words(case.group(2))  # "if he's at your door": "If he's at my door"
    when = continued(when)
    return f"{case.group(1).title()} {when}, {call}"


def _not_this(text: str) -> str:
    """The party a question rules out ("before the fraud line, who you must call?": the fraud line), or ""."""
    found = _BEFORE_THAT.search(text)
    return found.group(1) if found else ""


_BEFORE_THAT = re.compile(r"\b(?:before|other than|besides|apart from|not) (?:the |calling the |you call the )?(\w+)")


def _callee(sentences: list[str], asked: set[str], ruled_out: str = "") -> str:
    """Whom the number given is for, as the trainee named it ("The inmate information line is (562) 555-0170": the
    inmate information line), of the sentence nearest the question's words (with the one said before it: "our
    victim advocate;" then "their number is ..."), never one the question rules out ("before the fraud line"); ""
    when no number came with a name."""
    named = []
    for at, sentence in enumerate(sentences):  # latest first: the one before it in the call is the next
        before = sentences[at + 1] if at + 1 < len(sentences) else ""
        further = " ".join(reversed(sentences[at + 1 : at + 3]))  # "the jail's inmate information line ... He'd be
        # at Bayview County ... Their direct number is ...": whom it reaches, said one sentence further back
        if (own := number_named(sentence)) or not (called := _CALLED.search(sentence)):
            if found := own or number_named(sentence, before) or number_named(sentence, further):
                text = sentence if own else f"{before} {sentence}"  # pointing back: with its name
                named.append((len(asked & stems(text)), -at, found[0]))
        else:  # "call the three credit bureaus ... and put a freeze on": no number of theirs
            named.append((len(asked & stems(sentence)), -at, f"the {called.group(1)}"))
    named = [n for n in named if not ruled_out or ruled_out not in n[2].lower()] or named
    return max(named)[2] if named else ""


_CALLED = re.compile(
    r"\bcall (?:the |all |each of the )?((?:[\w'-]+ ){0,3}?(?:credit bureaus|bureaus|bank|lender|company|companies|"
    r"insurer|insurance company|dmv|store))\b",
    re.IGNORECASE,
)
"""A party the trainee said to call with no number ("call the three credit bureaus"): whom, for a question that
names what the call is for ("who are you calling to freeze your credit?")."""
