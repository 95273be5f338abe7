"""Assignments: a call assigned to a unit, with or without a due date, and who is told.

One notice per member per assignment; assigning again only changes the due date and says so
once; removing one tells the members who had not done it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.storage.units import Unit, UnitTables
from bot.training.access import Access
from bot.training.calls import Calls
from bot.training.outcome import Notice, Offer, Outcome, Refused, due_date, members_told
from bot.transcript import User


@dataclass(frozen=True)
class MyAssignment:
    scenario_id: str
    title: str
    unit_name: str
    due: str | None
    done: bool
    overdue: bool


class Assignments:
    def __init__(self, access: Access, tables: UnitTables, calls: Calls) -> None:
        self.access, self.tables, self.calls = access, tables, calls

    def assign(self, actor: User, args: list[str], today: date) -> Outcome:
        """/assign <scenario_id> <unit_code> [YYYY-MM-DD]."""
        self.access.require(actor, "instructor", "assign")
        if len(args) not in (2, 3):
            raise Refused("Usage: /assign <scenario_id> <unit_code> [YYYY-MM-DD]")
        if not self.calls.known(args[0]):
            known = ", ".join(sorted(self.calls.library.scenarios))
            raise Refused(f"No scenario \u201c{args[0]}\u201d. Known: {known}.")
        unit = self.access.unit_by_code(actor, args[1], "assign")
        due = due_date(args[2], today) if len(args) == 3 else None
        return self.change(actor, args[0], unit, due)

    def units_for(self, actor: User, scenario_id: str) -> list[Unit]:
        """The units a call can be assigned to by taps (no due date: type the command to set one)."""
        self.access.require(actor, "instructor", "assign")
        if not self.calls.known(scenario_id):
            raise Refused("That call is no longer available.")
        return self.access.visible(actor)

    def assign_to(self, actor: User, scenario_id: str, unit_id: int) -> Outcome:
        """The unit tapped for a call: assigned without a due date."""
        self.units_for(actor, scenario_id)
        return self.change(actor, scenario_id, self.access.unit_by_id(actor, unit_id), None)

    def assign_by_form(self, actor: User, unit_id: int, scenario_id: str, due: str | None, today: date) -> Outcome:
        """Assign, or change the due date (extend); members are told as in chat."""
        self.access.require(actor, "instructor", "assign")
        unit = self.access.unit_by_id(actor, unit_id)
        if not self.calls.known(scenario_id):
            raise Refused("Choose a call from the list.")
        return self.change(actor, scenario_id, unit, due_date(due, today) if due else None)

    def change(self, actor: User, scenario_id: str, unit: Unit, due: str | None) -> Outcome:
        """One notice per member per assignment; assigning again changes the due date and says so once."""
        title = self.calls.title(scenario_id)
        when = f", due {due}" if due else ""
        previous = self.tables.assignment(unit.id, scenario_id)
        if previous is not None and previous["due"] == due:
            return Outcome(
                [f"\u201c{title}\u201d is already assigned to \u201c{unit.name}\u201d{when}: nobody told again."]
            )
        assignment_id = self.tables.assign(unit, scenario_id, due, actor.id)
        members = self.tables.members(unit.id)
        if previous is None:
            text = (
                f"New assignment from your instructor: \u201c{title}\u201d{when}. "
                f"Start it with /practice {scenario_id} or see /assignments."
            )
            told = members
            reply = f"Assigned \u201c{title}\u201d to \u201c{unit.name}\u201d{when}; {members_told(len(told))}."
        else:
            done = self.tables.completed_by(assignment_id)
            told = [m for m in members if m["id"] not in done]
            now_due = f"due {due}" if due else "without a due date"
            was = f" (it was due {previous['due']})" if previous["due"] else ""
            text = f"Your instructor changed an assignment: \u201c{title}\u201d is now {now_due}{was}."
            reply = f"\u201c{title}\u201d for \u201c{unit.name}\u201d is now {now_due}; {members_told(len(told))}."
        offer = Offer(scenario_id, title)
        return Outcome([reply], [Notice(m["chat_id"], text, offer) for m in told])

    def is_assigned(self, unit: Unit, scenario_id: str) -> bool:
        """Whether the call is assigned to the unit (one the caller was allowed to see)."""
        return self.tables.assignment(unit.id, scenario_id) is not None

    def unassign(self, actor: User, unit_id: int, scenario_id: str) -> Outcome:
        """Remove an assignment: members who had not done it are told it is off their list."""
        self.access.require(actor, "instructor", "assign")
        unit = self.access.unit_by_id(actor, unit_id)
        assignment = self.tables.assignment(unit.id, scenario_id)
        title = self.calls.title(scenario_id)
        if assignment is None:
            raise Refused(f"\u201c{title}\u201d is not assigned to \u201c{unit.name}\u201d.")
        done = self.tables.completed_by(assignment["id"])
        told = [m for m in self.tables.members(unit.id) if m["id"] not in done]
        self.tables.unassign(assignment["id"], actor.id, f"{scenario_id} from unit {unit.id}")
        text = f"Your instructor removed an assignment: \u201c{title}\u201d is no longer on your list."
        reply = f"Removed \u201c{title}\u201d from \u201c{unit.name}\u201d; {members_told(len(told))}."
        return Outcome([reply], [Notice(m["chat_id"], text) for m in told])

    def mine(self, user: User, today: date) -> list[MyAssignment]:
        """What the user's units assigned them: soonest due first, undated last."""
        out = []
        for a in self.tables.assignments_of_user(user.id):
            done = self.tables.finished_since(user.id, a["scenario_id"], a["assigned_at"])
            overdue = bool(a["due"]) and not done and a["due"] < today.isoformat()
            title = self.calls.title(a["scenario_id"])
            out.append(MyAssignment(a["scenario_id"], title, a["unit_name"], a["due"], done, overdue))
        return out
