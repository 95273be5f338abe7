"""Assignments: a call assigned to a unit, with or without a due date and its own pass mark, and who is told.

One notice per member per assignment; assigning again only changes the due date (or pass mark) and
says so once; removing one tells the members who had not passed it. Done means passed
(bot.training.standings).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.clock import due_text
from bot.config import Calendar
from bot.storage.standings import passed_by, user_standings
from bot.storage.units import Unit, UnitTables
from bot.training.access import Access
from bot.training.calls import Calls
from bot.training.dates import chosen_due, due_date
from bot.training.outcome import Notice, Offer, Outcome, Refused, members_told
from bot.training.standings import DEFAULT_PASS_MARK, pass_mark_of
from bot.transcript import User


def new_assignment_text(title: str, scenario_id: str, due: str | None, mark: int) -> str:
    """What a member is told of an assignment new to them (made now, or waiting in a unit they just joined)."""
    when = f", {due_text(due)}" if due else ""
    return (
        f"New assignment from your instructor: \u201c{title}\u201d{when} "
        f"(it passes at {mark}/100). Start it with /practice {scenario_id} or see /assignments."
    )


@dataclass(frozen=True)
class MyAssignment:
    scenario_id: str
    title: str
    unit_name: str
    due: str | None
    done: bool
    """Passed."""
    overdue: bool
    tries: int = 0
    best: int | None = None
    pass_mark: int = DEFAULT_PASS_MARK


class Assignments:
    def __init__(self, access: Access, tables: UnitTables, calls: Calls, pass_mark: int, calendar: Calendar) -> None:
        self.access, self.tables, self.calls = access, tables, calls
        self.pass_mark = pass_mark
        """agency.yaml's pass mark: an assignment without its own passes at this."""
        self.calendar = calendar
        """agency.yaml's dates: how a typed due date reads."""

    def usage(self) -> str:
        fmt = self.calendar.date_format
        return f"Usage: /assign <scenario_id> <unit_code> [due date, {fmt} or YYYY-MM-DD] [pass mark 1-100]"

    def assign(self, actor: User, args: list[str], today: date) -> Outcome:
        """/assign <scenario_id> <unit_code> [due date] [pass mark], the date (agency.yaml's `date_format`, or ISO)
        and the mark in either order."""
        self.access.require(actor, "instructor", "assign")
        if len(args) not in (2, 3, 4):
            raise Refused(self.usage())
        if not self.calls.known(args[0]):
            known = ", ".join(sorted(self.calls.library.scenarios))
            raise Refused(f"No scenario \u201c{args[0]}\u201d. Known: {known}.")
        unit = self.access.unit_by_code(actor, args[1], "assign")
        marks = [a for a in args[2:] if a.removesuffix("%").isdigit()]
        dates = [a for a in args[2:] if a not in marks]
        if len(marks) > 1 or len(dates) > 1:
            raise Refused(self.usage())
        due = due_date(dates[0], today, self.calendar.date_format) if dates else None
        return self.change(actor, args[0], unit, due, pass_mark_of(marks[0]) if marks else None)

    def units_for(self, actor: User, scenario_id: str) -> list[Unit]:
        """The (active) units a call can be assigned to by taps."""
        self.access.require(actor, "instructor", "assign")
        if not self.calls.known(scenario_id):
            raise Refused("That call is no longer available.")
        return self.access.active(actor)

    def unit_for(self, actor: User, scenario_id: str, unit_id: int) -> Unit:
        """The unit tapped for a call, before its due date is chosen."""
        self.units_for(actor, scenario_id)
        return self.access.unit_by_id(actor, unit_id)

    def assign_to(self, actor: User, scenario_id: str, unit_id: int, due: date | None, today: date) -> Outcome:
        """The unit and due date tapped for a call (`due` None: no due date); an assignment's own pass mark is
        kept. A date that has passed since the buttons were drawn is refused."""
        unit = self.unit_for(actor, scenario_id, unit_id)
        previous = self.tables.assignment(unit.id, scenario_id)
        when = chosen_due(due, today) if due is not None else None
        return self.change(actor, scenario_id, unit, when, previous["pass_mark"] if previous else None)

    def assign_by_form(
        self, actor: User, unit_id: int, scenario_id: str, due: str | None, today: date, pass_mark: str | None = None
    ) -> Outcome:
        """Assign, or change the due date (extend) or pass mark (blank: agency.yaml's); members are told as in chat."""
        self.access.require(actor, "instructor", "assign")
        unit = self.access.unit_by_id(actor, unit_id)
        if not self.calls.known(scenario_id):
            raise Refused("Choose a call from the list.")
        when = due_date(due, today, self.calendar.date_format) if due else None
        return self.change(actor, scenario_id, unit, when, pass_mark_of(pass_mark))

    def change(self, actor: User, scenario_id: str, unit: Unit, due: str | None, mark: int | None = None) -> Outcome:
        """One notice per member per assignment; assigning again changes the due date or the pass mark and says
        so once, to those who have not passed it."""
        title = self.calls.title(scenario_id)
        if unit.archived:
            raise Refused(f"\u201c{unit.name}\u201d is archived: restore it in /units before assigning to it.")
        when = f", {due_text(due)}" if due else ""
        passing = f", pass mark {mark}" if mark is not None else ""
        previous = self.tables.assignment(unit.id, scenario_id)
        if previous is not None and previous["due"] == due and previous["pass_mark"] == mark:
            already = f"\u201c{title}\u201d is already assigned to \u201c{unit.name}\u201d{when}{passing}"
            return Outcome([f"{already}: nobody told again."])
        assignment_id = self.tables.assign(unit, scenario_id, due, actor.id, mark)
        members = self.tables.members(unit.id)
        if previous is None:
            text = new_assignment_text(title, scenario_id, due, self.mark(mark))
            told = members
            reply = (
                f"Assigned \u201c{title}\u201d to \u201c{unit.name}\u201d{when}{passing}; {members_told(len(told))}."
            )
        else:
            done = passed_by(self.tables.db.conn, assignment_id, self.pass_mark)
            told = [m for m in members if m["id"] not in done]
            text = f"Your instructor changed an assignment: \u201c{title}\u201d {self.changed(previous, due, mark)}."
            now = self.changed(previous, due, mark, was=False)
            reply = f"\u201c{title}\u201d for \u201c{unit.name}\u201d {now}; {members_told(len(told))}."
        offer = Offer(scenario_id, title)
        return Outcome([reply], [Notice(m["chat_id"], text, offer) for m in told])

    def mark(self, own: int | None) -> int:
        """The pass mark that applies: the assignment's own, else agency.yaml's."""
        return own if own is not None else self.pass_mark

    def changed(self, previous: dict, due: str | None, mark: int | None, was: bool = True) -> str:
        """ "is now due Tue 8 Dec (it was due Tue 1 Dec)", "now passes at 70/100 (it was 80)", or both;
        without what it was when `was` is False."""
        parts = []
        if previous["due"] != due:
            before = f" (it was {due_text(previous['due'])})" if previous["due"] and was else ""
            parts.append(f"is now {due_text(due, 'without a due date')}{before}")
        if previous["pass_mark"] != mark:
            old, new = self.mark(previous["pass_mark"]), self.mark(mark)
            parts.append(f"now passes at {new}/100" + (f" (it was {old})" if old != new and was else ""))
        return " and ".join(parts)

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
        done = passed_by(self.tables.db.conn, assignment["id"], self.pass_mark)
        told = [m for m in self.tables.members(unit.id) if m["id"] not in done]
        self.tables.unassign(assignment["id"], actor.id, f"{scenario_id} from unit {unit.id}")
        text = f"Your instructor removed an assignment: \u201c{title}\u201d is no longer on your list."
        reply = f"Removed \u201c{title}\u201d from \u201c{unit.name}\u201d; {members_told(len(told))}."
        return Outcome([reply], [Notice(m["chat_id"], text) for m in told])

    def mine(self, user: User, today: date) -> list[MyAssignment]:
        """What the user's units assigned them, soonest due first, undated last; done means passed."""
        out = []
        for a in user_standings(self.tables.db.conn, user.id, self.pass_mark):
            done = bool(a["passed"])
            overdue = bool(a["due"]) and not done and a["due"] < today.isoformat()
            title = self.calls.title(a["scenario_id"])
            mark = self.mark(a["pass_mark"])
            out.append(
                MyAssignment(
                    a["scenario_id"], title, a["unit_name"], a["due"], done, overdue, a["tries"], a["best"], mark
                )
            )
        return out
