"""What the trainee says of the agency's other services (agency.yaml: the tow yard, the records window, the
jail's line): a value said of a named service, or of "they"/"their" referring back to the one named last,
that disagrees with its own is wrong information even when no scenario fact asks for it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot.grading.clauses import WORDS, Clause, read
from bot.grading.quantities import Value, claims_in
from bot.grading.text import split_sentences
from bot.transcript import Turn


@dataclass(frozen=True, eq=False)
class Service:
    """One of the agency's services as agency.yaml describes it: what it is called, its values."""

    names: tuple[str, ...]
    """Normalised ways of naming it ("tow yard", "valley tow")."""
    values: tuple[Value, ...]
    said: str
    """Its values in agency.yaml's words, for "what is right"."""

    def named_in(self, norm: str) -> bool:
        """Named as the agency's service: not "the deputy's records" or "his records" (someone else's)."""
        padded = f" {norm} "
        return any(f" {n}" in padded and _ours(padded, n) for n in self.names)


@lru_cache(maxsize=16384)
def services_named(norm: str, services: tuple[Service, ...]) -> tuple[Service, ...]:
    """The agency's services a clause names (cached: every clause is asked for every service)."""
    return tuple(s for s in services if s.named_in(norm))


def _ours(padded: str, name: str) -> bool:
    """Is `name` (or "name's", "names": "the jail's number", "the parking citations office") in the text at least
    once not as someone else's ("the deputy's records", "your records")?"""
    for form in (f" {name} ", f" {name}'s ", f" {name}s "):
        at = padded.find(form)
        while at >= 0:
            before = padded[:at].split()[-1:]
            if not before or not _someone_elses(before[0]):
                return True
            at = padded.find(form, at + 1)
    return False


def _someone_elses(word: str) -> bool:
    if word in OTHERS_POSSESSIVES:
        return True
    return word.endswith("'s") and word not in OURS_POSSESSIVES and word not in _IS


_IS = frozenset({"that's", "it's", "what's", "here's", "there's", "who's", "where's", "that’s", "it’s"})
"""Words that end in "'s" and own nothing ("that's mediation at 555-0181": the mediation line)."""


_OTHER_LINE = re.compile(
    r"\b(?:our|the|their) (?:[\w-]+ ){0,3}(?:line|unit|office|desk|team|hotline|center|department)\b"
)
"""A line the clause names by itself ("you're gonna call our fraud line, 555-0163"): its number is that line's."""
OTHERS_POSSESSIVES = frozenset(WORDS["others_possessives"].wordings)
OURS_POSSESSIVES = frozenset(WORDS["ours_possessives"].wordings)


def refers_back(c: Clause) -> bool:
    """A clause whose "they", "their", "its" or bare "It's <value>" stands for what was named before it."""
    if c.question:
        return False
    if WORDS["they_refs"].find(c.padded, frozenset(c.norm.split())) is not None:
        return True
    core = c.core
    short_value = len(core.split()) <= 7 and any(ch.isdigit() for ch in core)
    alternative = c.norm.startswith("or ")  # "call 911 (or dispatch, (562) 555-0100)": the same step's number
    return short_value and (alternative or WORDS["value_refs"].starts(f" {core} ") is not None)


@lru_cache(maxsize=4096)
def sentence_norms(sentence: str) -> tuple[str, ...]:
    return tuple(s.norm for s in split_sentences(sentence))


def false_about_services(turns: Sequence[Turn], agency: tuple[Service, ...]) -> list[dict[str, Any]]:
    """A value said of a named service (or of "they", "their", "them", referring back to the one named last, in
    this message or before) that disagrees with its own."""
    said: dict[tuple[int, str], dict[str, Any] | None] = {}
    """(service, kind) -> the last statement of it: wrong, or None when right (a correction counts)."""
    named: Service | None = None
    from bot.grading.fact_values import heard_by_turn, the_visitors  # fact_values imports this module

    heard = heard_by_turn(turns)
    for i, turn in enumerate(turns, start=1):
        if turn.role == "visitor":
            norms = sentence_norms(turn.text)
            named = next((v for v in agency if any(v.named_in(n) for n in norms)), named)
            continue
        for c in read(turn.text):
            services = list(services_named(c.norm, agency))
            theirs = WORDS["their_subject"].starts(f" {c.core} ") is not None or refers_back(c)
            theirs = theirs and (refers_back(c) or not _OTHER_LINE.search(c.norm))  # "you're gonna call our fraud line"
            subject = services[0] if services else (named if theirs else None)
            named = subject or (None if c.elsewhere or c.actor == "other" else named)  # "your insurance... they"
            if subject is None and named is not None and not (c.question or c.says_no or c.conditional):
                _corrected(said, named, claims_in(c.norm))  # "It's 555-0170, not 0107": of the one named last
            if subject is None or c.question or c.says_no or c.conditional:
                continue
            mentioned = services or [subject]
            closed = WORDS["closed_words"].find(f" {c.norm} ", frozenset(c.norm.split())) is not None
            for v in claims_in(c.norm):
                if the_visitors(v, heard[i - 1], subject.named_in):
                    continue  # "someone from the watch commander's office will call you at 555-0262": theirs
                if any(r.kind == v.kind for r in subject.values):
                    right = any(v.agrees(r) for s in mentioned for r in s.values)  # "the team at 555-0190 and dispatch"
                    if closed and v.kind == "days":  # "They're closed on the weekends": days it is not open, right
                        right = all(not (v.items & r.items) for r in subject.values if r.kind == "days")
                    wrong = {"fact": None, "said": c.sentence, "turn": i, "right": subject.said}
                    said[(id(subject), v.kind)] = None if right else wrong
    return [w for w in said.values() if w is not None]


def _corrected(said: dict[tuple[int, str], dict[str, Any] | None], service: Service, values: Sequence[Value]) -> None:
    """A right value of the service named last, said wrong before, corrects it even with no name ("Sorry, it's
    555-0170")."""
    for v in values:
        if said.get((id(service), v.kind)) and any(v.agrees(r) for r in service.values):
            said[(id(service), v.kind)] = None
