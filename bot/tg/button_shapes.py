"""What a kind of button carries, in the order its callback data holds it. Buttons that carry the same (a unit,
a person, an attempt, a page, nothing) are subclasses of one shape; bot.tg.callbacks encodes their fields."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bare:
    """Nothing but the button's prefix."""


@dataclass(frozen=True)
class OnPage:
    page: int


@dataclass(frozen=True)
class OnUnit:
    unit_id: int


@dataclass(frozen=True)
class OnUser:
    user_id: int


@dataclass(frozen=True)
class OnScenario:
    scenario_id: str


@dataclass(frozen=True)
class OnAttempt:
    attempt_id: int


@dataclass(frozen=True)
class AttemptPage:
    """A page of an attempt's transcript."""

    attempt_id: int
    page: int


@dataclass(frozen=True)
class OnCriterion:
    attempt_id: int
    criterion: int
    """The criterion's place in CRITERIA."""


@dataclass(frozen=True)
class UnitPerson:
    """Someone on a unit: as a member (instructor 0) or as a co-instructor (1)."""

    unit_id: int
    user_id: int
    instructor: int
