"""A question that asks back what the trainee told earlier in the call: a check of understanding however it is put.

"And how much should you have on you for the letter?" after "It's $25 for the letter", "So what number do you call to
book?" after the booking number, "Would you kindly tell me what becomes of the purse from here?" are quizzes on what
the desk said, not questions for information: the SPEC's "checks understanding", in the trainee's own words. A
question is one only when an earlier trainee message told a thing of the kind it asks (a fee, a time or days, a
number, a place, what to bring, an e-mail address, what to ask for) and it does not ask what the visitor did, has
or wants. The words of each kind are data (meaning.yaml: asked_back_*, told_*).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.grading.clauses import WORDS
from bot.grading.text import Sentence
from bot.grading.tips import Said

_KINDS = ("money", "time", "number", "place", "bring", "email", "ask")
_PHONE = re.compile(r"\b\d{3} \d{4}\b")
"""A phone number as the grader reads it ("562 555 0124"): a number told."""


def asked_back(said: Sequence[Said]) -> tuple[Said, str] | None:
    """The first trainee question that asks back a kind of thing an earlier message told, with its sentence."""
    later = said[1:]  # not the greeting ("Good morning, ... How can I help?")
    asked = [(s, x, kind) for s in later for x, _ in s.signals.sentences if _asks(x) and (kind := _asked_kind(x))]
    if not asked:
        return None  # most calls: no question of a told kind at all, nothing told to weigh
    told: dict[str, tuple[int, int]] = {}  # each kind, where it was first told: (turn, sentence)
    for s in later:
        for at, (sentence, _) in enumerate(s.signals.sentences):
            for kind in () if _asks(sentence) else _told_kinds(sentence):  # "When you come, bring ..." tells
                told.setdefault(kind, (s.turn, at))
    for s, question, kind in asked:
        at = [x for x, _ in s.signals.sentences].index(question)
        if told.get(kind, (s.turn, at)) < (s.turn, at):  # "It's $25. How much should you bring?" counts too
            return s, question.original
    return None


def _asks(sentence: Sentence) -> bool:
    """A question as written ("...?"; "When you come, bring your ID." is none), or an instruction to say one back
    ("Read me the number and the deadline.")."""
    return sentence.is_question and "?" in sentence.original or bool(WORDS["read_me_back"].starts(f" {sentence.norm} "))


def _told_kinds(sentence: Sentence) -> set[str]:
    """The kinds of thing a statement tells (a fee, a time, a number, a place, what to bring, an e-mail address)."""
    padded, words = f" {sentence.norm} ", frozenset(sentence.norm.split())
    found = {k for k in _KINDS if WORDS[f"told_{k}"].find(padded, words)}
    return found | {"number"} if _PHONE.search(sentence.norm) else found


def _asked_kind(question: Sentence) -> str | None:
    """The kind of told thing the question asks back, or None (a question of the visitor's own)."""
    padded, words = f" {question.norm} ", frozenset(question.norm.split())
    if WORDS["asked_back_not"].find(padded, words):
        return None
    return next((k for k in _KINDS if WORDS[f"asked_back_{k}"].find(padded, words)), None)
