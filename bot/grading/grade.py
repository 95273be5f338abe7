"""Grade a whole transcript: the five criteria with evidence and tips, the contact as a whole, the total."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from bot.grading.asked_back import asked_back
from bot.grading.auto_fail import AutoFail, check_auto_fails
from bot.grading.clauses import WORDS
from bot.grading.contact import Contact, contact_total, fact_status
from bot.grading.detectors import CRITERIA, IntentMatcher, detect
from bot.grading.fact_status import FactStatus, wrong_information
from bot.grading.facts import fact_statuses
from bot.grading.tips import Said, late_greeting, tip
from bot.transcript import Turn

FACT_EXTRAS = ("process_time", "contact_details", "invitation_to_return")
VIOLATIONS = ("rude", "dismissive", "sarcasm")


@dataclass(frozen=True)
class Verdict:
    """One criterion's verdict: met or not (None: not applicable), the trainee's words, a tip if missed."""

    met: bool | None
    score: float
    evidence: str | None
    turn: int | None
    tip: str | None
    applicable: bool = True
    reason: str | None = None
    """Why the criterion does not apply, when it does not."""

    @property
    def partly(self) -> bool:
        """Missed, but with some credit (a courteous opener that named no one): the scorecard says "partly"."""
        return self.met is False and self.score > 0

    def to_json(self) -> dict[str, Any]:
        data = {
            "met": self.met,
            "applicable": self.applicable,
            "score": self.score,
            "evidence": self.evidence,
            "turn": self.turn,
            "tip": self.tip,
        }
        if not self.applicable:
            data["reason"] = self.reason
        return data


@dataclass(frozen=True)
class Addressed:
    """Whether every resolution fact was given, right: each fact's status, evidence and turn.

    Each fact maps to `{"status", "evidence", "turn", ...}` (older stored attempts: the
    evidence, or None when not given; `status` reads both)."""

    facts: Mapping[str, Mapping[str, Any] | None]
    descriptions: Mapping[str, str] = field(default_factory=dict)
    wrong_information: tuple[Mapping[str, Any], ...] = ()

    def status(self, name: str) -> str:
        return fact_status(self.facts.get(name))

    @property
    def met(self) -> bool:
        return all(self.status(f) == "given" for f in self.facts)

    @property
    def missing(self) -> list[str]:
        return [name for name in self.facts if self.status(name) != "given"]

    def to_json(self) -> dict[str, Any]:
        return {
            "met": self.met,
            "facts": {k: dict(v) if v else None for k, v in self.facts.items()},
            "wrong_information": [dict(w) for w in self.wrong_information],
        }


@dataclass(frozen=True)
class Grade:
    criteria: Mapping[str, Verdict]
    extras: Mapping[str, Any]
    total: int
    courtesy_violations: tuple[Mapping[str, Any], ...] = ()
    addressed: Addressed | None = None
    """None when the scenario is unknown."""
    auto_fail: tuple[Mapping[str, Any], ...] | None = None
    """The automatic fails let pass; None when the scenario is unknown."""

    @property
    def failed(self) -> bool:
        return bool(self.auto_fail)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"criteria": {k: v.to_json() for k, v in self.criteria.items()}}
        if self.addressed is not None:
            data["addressed"] = self.addressed.to_json()
            data["wrong_information"] = data["addressed"].pop("wrong_information")
        if self.auto_fail is not None:
            data["auto_fail"] = [dict(f) for f in self.auto_fail]
        data["courtesy_violations"] = [dict(v) for v in self.courtesy_violations]
        data["extras"] = dict(self.extras)
        data["total"] = self.total
        return data


def grade(
    turns: Sequence[Turn],
    intents: tuple[IntentMatcher, ...] = (),
    station: str = "[your station]",
    auto_fail: tuple[AutoFail, ...] = (),
    contact: Contact | None = None,
) -> Grade:
    """Grade the trainee's turns of a transcript. Same input, same grade.

    `contact` is the scenario's (`Scenario.contact`); without it, `intents`, `station`
    and `auto_fail` make an unnamed one (automatic fails still count, but `addressed`
    and `auto_fail` are reported only for a known scenario).
    """
    contact = contact or Contact(intents=intents, station=station, auto_fail=auto_fail)
    said = [Said(i, detect(t.text, contact.intents)) for i, t in enumerate(turns, start=1) if t.role == "trainee"]
    criteria = {c: _verdict(c, turns, said, contact) for c in CRITERIA}
    failed = tuple(check_auto_fails(turns, contact))
    addressed = _addressed(turns, said, contact) if contact.known else None
    total = contact_total(
        {c: v.met for c, v in criteria.items()},
        addressed.facts if addressed else None,
        bool(failed),
        misinformed=bool(addressed and addressed.wrong_information),
    )
    return Grade(
        MappingProxyType(criteria),
        MappingProxyType(_extras(said, contact.intents)),
        total,
        courtesy_violations=tuple(_violations(said)),
        addressed=addressed,
        auto_fail=failed if contact.known or failed else None,
    )


def _verdict(criterion: str, turns: Sequence[Turn], said: list[Said], contact: Contact) -> Verdict:
    if criterion in contact.not_applicable:
        return Verdict(None, 0.0, None, None, None, applicable=False, reason=contact.not_applicable[criterion])
    if criterion == "greeting":
        return _greeting(turns, said, contact)
    # Thanks in the opening message are part of the greeting, not appreciation; thanks belong to the close of the
    # call (the SPEC's "Closing (appreciation...)"), so the evidence is the last thanks, not a mid-call "Thank you."
    # for a spelled name.
    candidates = [s for s in (reversed(said[1:]) if criterion == "appreciation" else said) if criterion in s.signals]
    if criterion == "testing_questions" and len(candidates) > 1:
        # a check of its own ("What will you keep?") is better evidence than a tag on news ("We call you. Okay?"),
        # and a check of what was said better than a yes to a request ("Leave the pills be. Would that be okay?")
        candidates.sort(key=lambda s: (not any(criterion in names for _, names in s.signals.sentences), _agrees(s)))
    if candidates:
        return Verdict(True, 1.0, candidates[0].signals.evidence[criterion], candidates[0].turn, None)
    if criterion == "testing_questions" and (quiz := asked_back(said)):  # "how much should you have on you?"
        return Verdict(True, 1.0, quiz[1], quiz[0].turn, None)
    return Verdict(False, 0.0, None, None, tip(criterion, turns, said, contact))


def _agrees(said: Said) -> bool:
    """The message's check only asks for agreement ("Would that be okay?"), not what was understood."""
    norm = said.signals.evidence["testing_questions"].lower()
    padded = " " + " ".join(re.findall(r"[a-z']+", norm)) + " "
    return bool(WORDS["agreement_only"].find(padded, frozenset(padded.split())))


def _greeting(turns: Sequence[Turn], said: list[Said], contact: Contact) -> Verdict:
    """Only the first message can greet. Half credit for a courteous opener that names
    no one, or for a proper greeting that came late; none for a bare "Police."."""
    if not said:
        return Verdict(False, 0.0, None, None, tip("greeting", turns, said, contact))
    first = said[0]
    if "greeting" in first.signals:
        return Verdict(True, 1.0, first.signals.evidence["greeting"], first.turn, None)
    late = late_greeting(said)
    if "courteous_opener" in first.signals:
        return _partial(first, "courteous_opener", 0.5, turns, said, contact, "no_identification")
    if late is not None:
        return _partial(late, "greeting", 0.5, turns, said, contact, "late")
    if "identifies" in first.signals:
        return _partial(first, "identifies", 0.0, turns, said, contact, "not_courteous")
    return Verdict(False, 0.0, None, None, tip("greeting", turns, said, contact))


def _partial(
    s: Said, signal: str, score: float, turns: Sequence[Turn], said: list[Said], contact: Contact, variant: str
) -> Verdict:
    return Verdict(False, score, s.signals.evidence[signal], s.turn, tip("greeting", turns, said, contact, variant))


def _addressed(turns: Sequence[Turn], said: list[Said], contact: Contact) -> Addressed:
    statuses = fact_statuses(turns, contact.rules, contact.context) if contact.rules else {}
    facts = {}
    for name in contact.facts:
        status = statuses.get(name) or _signal_status(name, said)
        facts[name] = MappingProxyType(status.to_json())
    return Addressed(
        MappingProxyType(facts),
        MappingProxyType({f: contact.describe(f) for f in contact.facts}),
        tuple(MappingProxyType(w) for w in wrong_information(statuses, turns, contact.context)),
    )


def _signal_status(name: str, said: list[Said]) -> FactStatus:
    """A fact with no rule: given when its signal shows in any trainee message."""
    hit = next((s for s in said if name in s.signals), None)
    return FactStatus("given", hit.signals.evidence[name], hit.turn) if hit else FactStatus("missing")


def _violations(said: list[Said]) -> list[dict[str, Any]]:
    return [
        {"turn": s.turn, "kind": kind, "evidence": s.signals.evidence[kind]}
        for s in said
        for kind in VIOLATIONS
        if kind in s.signals
    ]


def _extras(said: list[Said], intents: tuple[IntentMatcher, ...]) -> dict[str, Any]:
    extras: dict[str, Any] = {}
    questions = [s for s in said if "clarifying_question" in s.signals]
    extras["clarifying_questions"] = {
        "count": len(questions),
        "evidence": questions[0].signals.evidence["clarifying_question"] if questions else None,
        "turn": questions[0].turn if questions else None,
    }
    for name in FACT_EXTRAS:
        extras[name] = _fact(name, said)
    if intents:
        extras["intents"] = {i.name: _fact(i.name, said) for i in intents}
    return extras


def _fact(name: str, said: list[Said]) -> dict[str, Any]:
    hit = next((s for s in said if name in s.signals), None)
    return {
        "met": hit is not None,
        "evidence": hit.signals.evidence[name] if hit else None,
        "turn": hit.turn if hit else None,
    }
