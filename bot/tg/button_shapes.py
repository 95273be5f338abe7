"""What a kind of button carries, in the order its callback data holds it. Buttons that carry the same (a unit,
a person, an attempt, a page, nothing) are subclasses of one shape; bot.tg.callbacks encodes their fields."""

from __future__ import annotations

from dataclasses import dataclass, make_dataclass


@dataclass(frozen=True)
class Bare:
    """Nothing but the button's prefix."""


# Buttons that carry one id, each named for what it points at.
OnPage = make_dataclass("OnPage", [("page", "int")], frozen=True)  # a page of a long list (units, calls, history)
OnUnit = make_dataclass("OnUnit", [("unit_id", "int")], frozen=True)  # a unit: its report, export, assignments
OnUser = make_dataclass("OnUser", [("user_id", "int")], frozen=True)  # a person: promote, demote, erase
OnScenario = make_dataclass("OnScenario", [("scenario_id", "str")], frozen=True)  # a scenario: practise or assign it
OnAttempt = make_dataclass("OnAttempt", [("attempt_id", "int")], frozen=True)  # a finished call: transcript, review


@dataclass(frozen=True)
class AttemptPage:
    """A page of an attempt's transcript."""

    attempt_id: int
    page: int


@dataclass(frozen=True)
class UnitPage:
    """A page of one unit's list (its trainees' results, its people)."""

    unit_id: int
    page: int


@dataclass(frozen=True)
class OnCriterion:
    """One criterion of a finished call's grade: a staff override asks about it."""

    attempt_id: int
    criterion: int
    """The criterion's place in CRITERIA."""


@dataclass(frozen=True)
class UnitPerson:
    """Someone on a unit: as a member (instructor 0) or as a co-instructor (1)."""

    unit_id: int
    user_id: int
    instructor: int
