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

# Buttons that carry a page of something.
AttemptPage = make_dataclass("AttemptPage", [("attempt_id", "int"), ("page", "int")], frozen=True)  # a transcript's
UnitPage = make_dataclass("UnitPage", [("unit_id", "int"), ("page", "int")], frozen=True)  # a unit's trainees, people
UnitPeriodPage = make_dataclass(  # a unit's (unit_id 0: all the caller's units') figures over a period token
    "UnitPeriodPage", [("unit_id", "int"), ("period", "str"), ("page", "int")], frozen=True
)

# One criterion (its place in CRITERIA) of a finished call's grade: a staff override asks about it.
OnCriterion = make_dataclass("OnCriterion", [("attempt_id", "int"), ("criterion", "int")], frozen=True)
# Someone on a unit: as a member (instructor 0) or as a co-instructor (1).
UnitPerson = make_dataclass("UnitPerson", [("unit_id", "int"), ("user_id", "int"), ("instructor", "int")], frozen=True)
