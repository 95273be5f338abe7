"""The facts of this reply's read-backs, as the visitor says them: while a reply is made, a trainee sentence that
gave a fact is said back in the visitor's own words (bot/practice/facts_back.py), not as the trainee said it.

A read-back of the whole plan or of what happens next takes a trainee sentence apart with
`bot.practice.read_back.own_items`, which asks `in_own_words` first; the engine sets the facts said back for the
reply it is making (`said_as`). Held in a context variable so the read-back paths need not pass the facts along.
A part asked back on its own ("which number is for mediation?") is said as told: the value asked for, exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from bot.practice.said_once import content_words


@dataclass(frozen=True)
class FactBack:
    """A fact told, as the visitor says it back: the trainee's sentence that gave it, the visitor's line, and the
    words of the sentence the line says (None: all of it)."""

    sentence: str
    line: str
    covers: re.Pattern[str] | None


_SAID: ContextVar[tuple[FactBack, ...]] = ContextVar("facts_said_back", default=())


@contextmanager
def said_as(facts: Sequence[FactBack]) -> Iterator[None]:
    """While the reply is made, the sentences that gave these facts are said back as their lines."""
    token = _SAID.set(tuple(facts))
    try:
        yield
    finally:
        _SAID.reset(token)


def facts_back() -> tuple[FactBack, ...]:
    """The facts said back in this reply, in the order told."""
    return _SAID.get()


def in_own_words(sentence: str) -> list[FactBack]:
    """The facts said back that this trainee sentence gave (the same sentence, however it was split or named)."""
    return [fact for fact in _SAID.get() if same_sentence(sentence, fact.sentence)]


def same_sentence(one: str, other: str) -> bool:
    """The two are one sentence of the trainee's: one holds the other, or most of their words are shared."""
    if one.strip(" .") in other or other.strip(" .") in one:
        return True
    mine, theirs = content_words(one), content_words(other)
    return bool(mine and theirs) and len(mine & theirs) >= 0.7 * min(len(mine), len(theirs))
