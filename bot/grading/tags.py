"""Checks of understanding said across two sentences: a tag after a statement ("Stay on the bench. Okay?"), and a
question after a check announced as one ("Let's make sure I explained it right. Where do you go?")."""

from __future__ import annotations

from bot.grading import lexicon as lx
from bot.grading.text import Sentence

_AGREEMENT_TAGS = frozenset(lx.word_list("agreement_tags"))
_ANNOUNCING = frozenset(lx.word_list("check_announcing"))
"""Words of an announced check ("make sure", "just to check", "quick recap"), not of news ("Got it, he's on it.")."""


def checked_across(s: Sentence, before: Sentence) -> bool:
    """Whether the question checks understanding by the sentence before it: "Okay?" after a statement of three
    words or more, or any question after a check announced as one."""
    if not s.is_question or before.is_question:
        return False
    words = frozenset(before.norm.split())
    announced = not words.isdisjoint(_ANNOUNCING) and lx.ACTS["testing_checks"].search(before.marked, words)
    return bool(announced) or s.norm.rstrip(" ?") in _AGREEMENT_TAGS and len(words) >= 3
