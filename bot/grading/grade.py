"""Grade a whole transcript on the five criteria, with evidence, tips and extras."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from bot.grading.auto_fail import AutoFail, check_auto_fails
from bot.grading.detectors import CRITERIA, IntentMatcher, MessageSignals, detect
from bot.grading.tips import tip
from bot.transcript import Turn

POINTS_PER_CRITERION = 100 // len(CRITERIA)
FACT_EXTRAS = ("process_time", "contact_details", "invitation_to_return")
VIOLATIONS = ("rude", "dismissive", "sarcasm")


@dataclass(frozen=True)
class Verdict:
    """One criterion's verdict: met or not, the trainee's words that earned it, a tip if missed."""

    met: bool
    score: float
    evidence: str | None
    turn: int | None
    tip: str | None

    def to_json(self) -> dict[str, Any]:
        return {"met": self.met, "score": self.score, "evidence": self.evidence, "turn": self.turn, "tip": self.tip}


@dataclass(frozen=True)
class Grade:
    criteria: Mapping[str, Verdict]
    extras: Mapping[str, Any]
    total: int

    def to_json(self) -> dict[str, Any]:
        return {
            "criteria": {k: v.to_json() for k, v in self.criteria.items()},
            "extras": dict(self.extras),
            "total": self.total,
        }


@dataclass(frozen=True)
class _Said:
    """A trainee message with its 1-based position in the transcript and its signals."""

    turn: int
    signals: MessageSignals


def grade(
    turns: Sequence[Turn],
    intents: tuple[IntentMatcher, ...] = (),
    station: str = "[your station]",
    auto_fail: tuple[AutoFail, ...] = (),
) -> Grade:
    """Grade the trainee's turns of a transcript. Same input, same grade."""
    said = [_Said(i, detect(t.text, intents)) for i, t in enumerate(turns, start=1) if t.role == "trainee"]
    criteria = {
        "greeting": _greeting(said, station),
        **{c: _first_of(c, said, station) for c in ("empathy", "testing_questions", "offer_more_help")},
        "appreciation": _first_of("appreciation", said[1:], station),
    }
    total = round(sum(v.score for v in criteria.values()) * POINTS_PER_CRITERION)
    extras = _extras(said, intents)
    if auto_fail:
        extras["auto_fail"] = check_auto_fails(turns, auto_fail, intents)
    return Grade(MappingProxyType(criteria), MappingProxyType(extras), total)


def _greeting(said: list[_Said], station: str) -> Verdict:
    """Only the first message can greet. Half credit for a courteous opener that names
    no one, or for a proper greeting that came late; none for a bare "Police."."""
    if not said:
        return Verdict(False, 0.0, None, None, tip("greeting", station))
    first = said[0]
    if "greeting" in first.signals:
        return Verdict(True, 1.0, first.signals.evidence["greeting"], first.turn, None)
    late = next((s for s in said[1:] if "greeting" in s.signals), None)
    if "courteous_opener" in first.signals:
        return _partial(first, "courteous_opener", 0.5, station, "no_identification")
    if late is not None:
        return _partial(late, "greeting", 0.5, station, "late")
    if "identifies" in first.signals:
        return _partial(first, "identifies", 0.0, station, "not_courteous")
    return Verdict(False, 0.0, None, None, tip("greeting", station))


def _partial(said: _Said, signal: str, score: float, station: str, variant: str) -> Verdict:
    return Verdict(False, score, said.signals.evidence[signal], said.turn, tip("greeting", station, variant))


def _first_of(criterion: str, said: Sequence[_Said], station: str) -> Verdict:
    for s in said:
        if criterion in s.signals:
            return Verdict(True, 1.0, s.signals.evidence[criterion], s.turn, None)
    return Verdict(False, 0.0, None, None, tip(criterion, station))


def _extras(said: list[_Said], intents: tuple[IntentMatcher, ...]) -> dict[str, Any]:
    extras: dict[str, Any] = {}
    questions = [s for s in said if "clarifying_question" in s.signals]
    extras["clarifying_questions"] = {
        "count": len(questions),
        "evidence": questions[0].signals.evidence["clarifying_question"] if questions else None,
        "turn": questions[0].turn if questions else None,
    }
    for name in FACT_EXTRAS:
        extras[name] = _fact(name, said)
    extras["courtesy_violations"] = [
        {"turn": s.turn, "kind": kind, "evidence": s.signals.evidence[kind]}
        for s in said
        for kind in VIOLATIONS
        if kind in s.signals
    ]
    if intents:
        extras["intents"] = {i.name: _fact(i.name, said) for i in intents}
    return extras


def _fact(name: str, said: list[_Said]) -> dict[str, Any]:
    hit = next((s for s in said if name in s.signals), None)
    return {
        "met": hit is not None,
        "evidence": hit.signals.evidence[name] if hit else None,
        "turn": hit.turn if hit else None,
    }
