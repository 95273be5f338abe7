"""Clauses that seem to speak to a fact but give none of it: a question that checks understanding or gathers
the visitor's details, and an explanation announced but not yet given. Kept apart from bot.grading.facts so that
module holds how a clause becomes an event, and these readings of a clause's intent can be tested on their own.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from bot.grading.clauses import WORDS, Clause
from bot.grading.detectors import shows
from bot.grading.fact_values import asked_about

if TYPE_CHECKING:
    from bot.grading.facts import FactRule


def not_about_facts(c: Clause, before: str, rule: FactRule) -> bool:
    """A question that speaks to no fact, right or wrong: a check of understanding ("Can you tell me back when the
    deputy's coming?"), or one that gathers what the desk needs ("What's the best number to reach you?", "Is
    anybody hurt?", "Where'd you find them?", "Do you have a photo ID on you?"), unless the visitor just asked
    about the fact and the question is all they got back. Not "Did she wire it or use gift cards?" or "Have you
    called your bank?": a question in place of the instruction is still wrong (the SPEC's "only a question")."""
    if _checks_understanding(c.sentence):
        return True
    return gathers(c) and not asked_about(rule, before)


@lru_cache(maxsize=8192)
def _checks_understanding(sentence: str) -> bool:
    return shows(sentence, "testing_questions")


def gathers(c: Clause) -> bool:
    """A question for the visitor's details, the time or place of what happened, whether they have something on
    them, or whether anyone is hurt or in danger (meaning.yaml: gathering_leads, gathering_words)."""
    return _gathers(c.core, c.norm)


@lru_cache(maxsize=8192)
def _gathers(core: str, norm: str) -> bool:
    padded = f" {norm} "
    core = f" {core} "
    while (lead := WORDS["asking_leads"].starts(core)) is not None:  # "can you tell me what time ...?"
        core = core[len(lead) + 1 :]
    words = frozenset(norm.split())
    if WORDS["gathering_leads"].starts(core) or WORDS["gathering_words"].find(padded, words):
        return True
    on_them = WORDS["on_them"].find(padded, words)  # "do you have your ID with you?", "did you bring it?"
    return on_them is not None and WORDS["possession_verbs"].find(padded, words) is not None


def announces(c: Clause) -> bool:
    """ "I can tell you exactly how to contest it", "let me explain what happens next": the explanation
    announced, not given. A commitment ("a deputy is on the way", "I'll take your report") is no announcement."""
    core = f" {c.core} "
    lead = WORDS["announce_leads"].starts(core)
    if lead is None:
        return False
    rest = core[len(lead) + 1 :]
    while (skip := WORDS["announce_fillers"].starts(rest)) is not None:
        rest = rest[len(skip) + 1 :]
    return WORDS["announce_objects"].starts(rest) is not None
