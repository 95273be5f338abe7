"""Token shapes the grader looks for: these stay patterns in code, not phrasing data.

A phone number, an e-mail address, a length of time, a name written with a capital
letter, an eye-roll emoji: what makes them is the shape of the characters, not words a
department would add to. Everything that is words lives in phrases/*.yaml. Each pattern
still sits behind a gate read off the pattern itself (gates.py), never a hand-kept one.
"""

# ruff: noqa: E501 - token shapes read better unbroken
from __future__ import annotations

import re

from bot.grading.gates import Gate, gate_of

NAMED_SELF = re.compile(r"\b(?:I'm|I am|Im|I'M|this is|This is|my name is|My name is)\s+(?:[A-Z]{2,5}\s+)?[A-Z][a-z]+")
"""A name given by capital letter in the original text: "I'm Gloria", "this is Carol"."""

# Sarcasm marked in the raw text: an eye-roll emoji, "/s", scare quotes, "sooo sorry".
SARCASM_RAW = re.compile(r"🙄|😒|😑|/s\b|\"sorry\"|'sorry'|\*eye ?roll\*|\*sigh\*|\*rolls eyes\*|(?i:so{3,} sorry)")

CONTACT_DETAILS_RAW = re.compile(
    r"(?<![\d-])(\(?\b\d{3}\)?[\s.-]?)?\b\d{3}[\s.-]\d{4}\b(?![\d-])|(?i:\b(ext\.?|extension) ?\d{2,6}\b)|[\w.+-]+@[\w-]+\.[\w.]+|\b\d-\d-\d\b|\b9-?8-?8\b|\b[a-z0-9-]+\.(gov|org|com)\b"
)

_NUMBER = (
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|forty five|sixty|ninety|a few|a couple|a couple of|several|an|a|one or two"
)
_PROCESS_TIME_PIECES: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"\b({_NUMBER})( (to|or) ({_NUMBER}))? (business |working |calendar |full |more )?(minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b(?! (ago|prior|before|earlier|back|in a row))"
    ),
    re.compile(
        r"\b(ready|done|available|processed|back|there|finished|out) (by |on |)?(later )?(today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|this (afternoon|evening|week)|next week)\b"
    ),
    re.compile(
        r"\b(same|next) (business )?day\b|\bwithin (the |an |a )?(day|hour|week|month)\b|\bby (tomorrow|the end of|end of|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week|noon|tonight|the weekend)\b"
    ),
    re.compile(
        r"\bprocess(ing)? time\b|\bturnaround\b|\b(inside|under|in less than|less than) (the |an |a )?(hour|day|week)\b|\b(a|one) week or so\b"
    ),
    re.compile(
        r"\b(later )?(today|tonight|tomorrow)( morning| afternoon| evening)?\b(?=.*\b(ready|done|back|call|there|out|available|processed|arrive|come)\b)"
    ),
)
"""How long something takes. Split in pieces, each behind its own gate words: "today" alone
(as in "how can I help you today?") no longer sets off every pattern."""
PROCESS_TIME_PIECES: tuple[tuple[Gate, re.Pattern[str]], ...] = tuple((gate_of([p]), p) for p in _PROCESS_TIME_PIECES)
TIME_WORDS = frozenset(
    "minute minutes min mins hour hours hr hrs day days week weeks month months process processing "
    "turnaround tomorrow today tonight noon weekend monday tuesday wednesday thursday friday saturday "
    "sunday".split()
)
"""A length of time is credited only in a sentence holding one of these words. This was the hand-kept
gate of the patterns above, and it is narrower than they are: "come back this evening" and "by the end
of business" match a piece but hold none of these words, and are not read as a processing time. It is
kept as a rule of meaning so that grading stays as it was; whether those should count is a question
for the grading contract, not for an optimisation."""


def process_time(norm: str, words: frozenset[str], text_parts: frozenset[str] | None = None) -> bool:
    """How long something takes, in normalised text: each piece runs only when its gate admits the text."""
    if TIME_WORDS.isdisjoint(words):
        return False
    return any(gate.admits(norm, text_parts) and pattern.search(norm) for gate, pattern in PROCESS_TIME_PIECES)
