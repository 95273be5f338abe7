"""Checks of understanding said across two sentences: a tag after a statement ("Stay on the bench. Okay?"), a
question after a check announced as one ("Let's make sure I explained it right. Where do you go?"), and a question
followed by why it was asked ("Where do you go? Just wanna make sure I didn't talk too fast there.")."""

from __future__ import annotations

from bot.grading import lexicon as lx
from bot.grading.text import Sentence

_AGREEMENT_TAGS = frozenset(lx.word_list("agreement_tags"))
_ANNOUNCING = frozenset(lx.word_list("check_announcing"))
"""Words of an announced check ("make sure", "just to check", "quick recap"), not of news ("Got it, he's on it.")."""


def checked_across(s: Sentence, before: Sentence) -> bool:
    """Whether two sentences together check understanding: "Okay?" after a statement of three words or more, any
    question after a check announced as one, or a question followed by why it was asked ("..., and when? Just
    wanna make sure I didn't talk too fast there.")."""
    if s.is_question == before.is_question:
        return False
    if not s.is_question:
        return _shows(s, "testing_reasons")
    if _shows(before, "testing_checks"):
        return True
    return s.norm.rstrip(" ?") in _AGREEMENT_TAGS and len(before.norm.split()) >= 3


def _shows(statement: Sentence, act: str) -> bool:
    """Whether the statement says why the desk checks its own explanation ("Let's make sure I explained it
    right.")."""
    words = frozenset(statement.norm.split())
    return not words.isdisjoint(_ANNOUNCING) and bool(lx.ACTS[act].search(statement.marked, words))
