"""Value types shared by every layer: a saved visitor and an attempt's result.

They live below the practice layer so the store can hold them without importing the
engine or the attempt (see tests/test_architecture.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.grading import Grade
from bot.transcript import Turn


@dataclass(frozen=True)
class SavedVisitor:
    """Everything needed to restore a visitor: one JSON-able row."""

    scenario_id: str
    state: str
    mood: int
    seed: int
    turn: int
    facts: tuple[str, ...] = ()
    start_mood: int = 0
    last_line: str = ""
    """The visitor's last line, so the next one is never the same (new in issue 10; old rows: "")."""
    stalls: int = 0
    """Messages in a row that moved nothing on; the visitor nudges a trainee going in circles."""
    heard: tuple[str, ...] = ()
    """What the trainee told the visitor beyond the facts given: the values said ("phone:5550170") and the
    items of a list ("bring_documents:license"), so the visitor repeats the trainee's values, not the agency's."""
    closed: bool = False
    """The visitor said goodbye first and the trainee has had their closing message."""

    def to_json(self) -> dict[str, Any]:
        """Every field under its own name, the tuples as lists (from_json reads them back)."""
        return {**vars(self), "facts": list(self.facts), "heard": list(self.heard)}  # flat: no copy of a copy

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SavedVisitor:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**{**known, "facts": tuple(data.get("facts", ())), "heard": tuple(data.get("heard", ()))})


@dataclass(frozen=True)
class AttemptResult:
    scenario_id: str
    turns: tuple[Turn, ...]
    grade: Grade
    resolved: bool
    seed: int
    final_mood: str
    start_mood: str
    completed: bool
    """True when the visitor finished the contact; False when the trainee ended it early."""
    unanswered: str = ""
    """The visitor's own question the trainee closed the call over ("Can my brother pick it up?"), or ""."""

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario_id,
            "seed": self.seed,
            "resolved": self.resolved,
            "completed": self.completed,
            "mood": {"start": self.start_mood, "end": self.final_mood},
            "turns": [t.to_json() for t in self.turns],
            "grade": self.grade.to_json(),
        }
