"""Figures the trainee takes back: "it's (562) 555-0124, not 0142", "the fee is 250 dollars. Oh shoot, sorry, I
misspoke, it's 150". The visitor takes the new figure in ("Oh, okay, 0124. Got it."), never reads back the old one,
and says the new one wherever it would have said the old. The words that put a figure right are data
(bot/practice/phrases/read_back.yaml, correction_marks; the lines, others.yaml, taken_back).
"""

from __future__ import annotations

import random
import re
from functools import partial

from bot.practice.plans import PHONE_NUMBER
from bot.practice.stock_lines import without_bare_ack
from bot.practice.visitor import Visitor
from bot.practice.wording import pairs, patterns, says, words

TAKEN_BACK = says("taken_back")
_NOT_THAT = re.compile(
    r"(\d{2,4}(?:\s+(?:dollars|bucks|days|business days|minutes|hours))?),?\s+not\s+\$?(\d{2,4})\b"
)
"""A figure put right in so many words ("it's 562-555-0124, not 0142", "150 dollars, not 250"): the new figure as
said (group 1), the old digits (group 2)."""
_DAY_NAME = "(?:" + "|".join(sorted(set(pairs("days_typed_short").values()))) + ")"  # the days, in full
_DAY = re.compile(rf"\b({_DAY_NAME})s?\b", re.IGNORECASE)
_NOT_THAT_DAY = re.compile(rf"\b((?:{_DAY_NAME})s?\b[^.;?!]*?),?\s+not\s+(?:on\s+)?({_DAY_NAME})s?\b", re.IGNORECASE)
"""Days put right ("it's Mondays and Wednesdays, not Tuesdays"): the days said (group 1), the day taken back."""
(_IN_WORDS,) = patterns("word_taken_back")
"""... and an amount put right in words ("it's twenty-five dollahs, not five"): only taken in, said back as told."""
_CORRECTING = re.compile(r"\b(?:" + "|".join(map(re.escape, words("correction_marks"))) + r")\b", re.IGNORECASE)
_FIGURE = re.compile(rf"{PHONE_NUMBER.pattern}|\d[\d,]*")


def taken_back_in(message: str, before: str = "") -> dict[str, str]:
    """The figures one message takes back, by their last digits, each with the digits said instead: "it's
    562-555-0188, not 0118" takes back 0118 for 0188; "the fee is 250 dollars. Oh shoot, sorry, I misspoke, it's
    150" takes back 250 for 150: the last figure of the same shape said before the correction, in this message or
    in what the trainee said before it (`before`: "forgive me, I gave you that number wrong. The fraud line is
    (562) 555-0163" takes back the 0136 of an earlier message). A phone number is only taken back for one of the
    same exchange."""
    unsaid = {}
    for m in _NOT_THAT.finditer(message):
        unsaid[m.group(2)] = re.sub(r"\D", "", m.group(1))[-len(m.group(2)) :]
    for m in _NOT_THAT_DAY.finditer(message):  # "it's Mondays and Wednesdays, not Tuesdays": Monday for Tuesday
        said = [d.lower() for d in _DAY.findall(m.group(1))]
        new_days = [d for d in said if d not in before.lower()] or said[-1:]
        unsaid[m.group(2).lower()] = new_days[0]
    for m in _IN_WORDS.finditer(message):  # "it's twenty-five dollahs, not thirty-five": thirty-five for twenty-five
        unsaid[m.group(2).lower()] = m.group(1).lower()
    for mark in _CORRECTING.finditer(message):
        new = _FIGURE.search(message, mark.end())
        if new is None or len(re.findall(r"[.!?]\s", message[mark.end() : new.start()])) > 1:
            continue  # no figure in the sentence that corrects, or the one after it
        fixed = re.sub(r"\D", "", new.group(0))
        earlier = [re.sub(r"\D", "", m.group(0)) for m in _FIGURE.finditer(f"{before} {message[: mark.start()]}")]
        same = [was for was in earlier if was != fixed and len(was) == len(fixed) and _same_exchange(was, fixed)]
        if same:
            unsaid[same[-1][-4:]] = fixed[-4:]
    return unsaid


def _same_exchange(was: str, fixed: str) -> bool:
    """Two figures one could be a slip for: any two amounts, or phone numbers alike but for the last digits."""
    return len(fixed) < _PHONE_DIGITS or was[:-4] == fixed[:-4]


_PHONE_DIGITS = 7


def taken_back(visitor: Visitor) -> set[str]:
    """The last digits of every figure the trainee took back in the call (see taken_back_in)."""
    return set(_fixes(visitor))


def not_taken_back(value: str, unsaid: set[str]) -> bool:
    """Whether the value is no figure the trainee took back."""
    return not (unsaid and re.sub(r"\D", "", value).endswith(tuple(unsaid)))


def put_right(line: str, visitor: Visitor) -> str:
    """The line with every figure the trainee took back said as the trainee put it right ("562-555-0136" once it
    said "it's 0163, not 0136": "562-555-0163"): the visitor never says back a figure it was told is wrong."""
    for old, new in _fixes(visitor).items():
        if old.isdigit():
            line = re.sub(rf"(?<!\d){old}(?!\d)", new, line)
        elif not _DAY.fullmatch(old):  # an amount in words, with its unit: "thirty-five bucks" said "twenty-five bucks"
            line = re.sub(rf"(?<![\w-]){old}(?=\s+{_UNIT})", partial(_as_said, new), line, flags=re.I)
        else:  # a day: "Tuesdays" said "Mondays", in the line's own case
            line = re.sub(rf"\b{old}", lambda m, day=new: _as_written(day, m.group(0)), line, flags=re.IGNORECASE)
    return line


_UNIT = r"(?:dollars|dollahs|bucks|business days|days|minutes|hours)\b"
"""What an amount in words was put right as ("thirty-five bucks"): never "five" in "five to seven business days"
taken for the "five" of a fee."""


def _as_said(word: str, found: re.Match[str]) -> str:
    return _as_written(word, found.group(0))


def _as_written(word: str, written: str) -> str:
    return word.capitalize() if written[:1].isupper() else word


def _fixes(visitor: Visitor) -> dict[str, str]:
    """Each figure taken back in the call, with the figure put in its place (kept as "fixed:0136>0163")."""
    return dict(k.removeprefix("fixed:").split(">", 1) for k in visitor.heard if k.startswith("fixed:"))


def correction_noted(line: str, visitor: Visitor) -> str:
    """The line, with the new figure said first when the trainee has just put one of its own right ("booking is
    (562) 555-0124, not 0142": "Oh, okay, 0124. Got it."); a bare "Got it." gives way to it."""
    found = _NOT_THAT.search(visitor.message or "") or _IN_WORDS.search(visitor.message or "")
    if not found or found.group(1) in line:
        return line
    said = random.Random(f"{visitor.seed}:{visitor.turn}:fixed").choice(TAKEN_BACK)
    said = said.format(new=found.group(1), old=found.group(2))
    rest = without_bare_ack(line)  # "Okay. The report first, ...": the taking-in said once
    return f"{said} {rest}" if len(rest.split()) > _FEW_WORDS else said


_FEW_WORDS = 2
