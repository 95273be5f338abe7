"""Notices nobody asked for: assignment reminders, completions told to instructors, weekly digests.

The rules are here (who is owed what, when, and that each goes once); how a notice reads and
which buttons it carries is the edge's (`draw`). Each notice is recorded and put in the outbox
in one transaction, so it is neither lost nor sent twice; it counts as delivered only when the
sender has delivered it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from bot.clock import local_date
from bot.config import Calendar
from bot.storage.notices import NoticeTables
from bot.storage.outbox import Buttons, Outgoing
from bot.storage.store import Store
from bot.storage.units import Unit
from bot.training.calls import Calls
from bot.training.dates import reminders_due
from bot.training.names import StaffName, identity, staff_names
from bot.training.outcome import Outcome
from bot.training.period_reports import Figures, read_by_unit
from bot.training.periods import Period, relative
from bot.training.results import UnitOverview, best_first, failed, overview, units_by_ids
from bot.transcript import User

COMPLETIONS_EVERY = timedelta(hours=1)

Drawn = tuple[str, Buttons]
"""A notice as the edge writes it: (text, buttons)."""


@dataclass(frozen=True)
class Reminder:
    scenario_id: str
    title: str
    due: str
    overdue: bool


@dataclass(frozen=True)
class Completion:
    """A trainee's result on an assignment, for its instructors: passed (the passing call's total), or tried
    and not passed (their best total in this batch, against the pass mark)."""

    name: StaffName
    """The trainee as their instructors read them in this batch (bot.training.names)."""
    title: str
    total: int
    """The first passing call's total, else their best in this batch."""
    failed: bool
    """That call had an automatic fail."""
    passed: bool
    pass_mark: int


@dataclass(frozen=True)
class Completions:
    unit_id: int
    unit_name: str
    done: list[Completion]


@dataclass(frozen=True)
class DigestRecipient:
    user_id: int
    chat_id: int
    unit_ids: list[int]


@dataclass(frozen=True)
class DigestData:
    """What the digests need, read off the event loop."""

    units: dict[int, Unit]
    overviews: dict[int, UnitOverview]
    week: Period | None = None
    """Last week (Monday to Sunday, local), which the digest reports."""
    weekly: dict[int, Figures] = field(default_factory=dict)
    """Each unit's calls of last week."""


def week_of(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


class Notices:
    def __init__(self, store: Store, calls: Calls, tz: tzinfo, pass_mark: int, calendar: Calendar) -> None:
        self.store, self.calls, self.tz = store, calls, tz
        self.tables = NoticeTables(store)
        self.pass_mark = pass_mark
        """agency.yaml's: an assignment without its own pass mark is done at this total."""
        self.calendar = calendar
        """agency.yaml's reminder hour: the day's reminders and digests wait for it."""

    def reminder_hour_reached(self, today: date) -> bool:
        """Whether today's reminders and digests may go out by the store's clock: from agency.yaml's
        `reminder_hour` (local), not just after midnight."""
        return reminders_due(self.store.clock(), today, self.calendar, self.tz)

    def queue_reminders(self, today: date, draw: Callable[[Reminder], Drawn]) -> int:
        """Owe the reminders due now, until the assignment is passed: once a day up to the due date (not on
        the day it was assigned or the day they joined), and once when overdue (not on a day an instructor
        already reminded them), per trainee and scenario however many units assigned it. The due date is the
        trainee's own (a late joiner's may be later than the unit's)."""
        queued = 0
        first: dict[tuple[int, str], dict] = {}
        for row in self.tables.unpassed_assignments(self.pass_mark):  # the earliest due date of each
            key = (row["user_id"], row["scenario_id"])
            if key not in first or row["due"] < first[key]["due"]:
                first[key] = row
        day = f"day:{today.isoformat()}"
        for row in first.values():
            overdue = today.isoformat() > row["due"]
            told = max(local_date(row["assigned_at"], self.tz), local_date(row["joined_at"], self.tz))
            if not overdue and told >= today:
                continue  # the assignment's own notice (or the one on joining) is enough for its first day
            if overdue and self.tables.was_reminded(row["user_id"], row["scenario_id"], day):
                continue  # one reminder a day: an instructor's came first, the overdue notice waits for tomorrow
            kind = "overdue" if overdue else day
            text, buttons = draw(
                Reminder(row["scenario_id"], self.calls.title(row["scenario_id"]), row["due"], overdue)
            )
            with self.store.db.atomic():
                if self.tables.mark_reminded(row["user_id"], row["assignment_id"], row["scenario_id"], kind):
                    reminder = (row["user_id"], row["assignment_id"], kind)
                    message = Outgoing(row["chat_id"], text, buttons, reminder=reminder, hold=True)
                    self.store.owe([message], "reminder")
                    queued += 1
        return queued

    def queue_completions(self, draw: Callable[[Completions], Drawn]) -> int:
        """Tell each unit's instructors who passed an assignment, and who tried it without passing: at most one
        message an hour per unit; calls after a pass already told are practice, and not told."""
        now = self.store.clock()
        queued = 0
        for unit_id, last in self.tables.units_with_untold_completions():
            if last is not None and now - datetime.fromisoformat(last) < COMPLETIONS_EVERY:
                continue
            with self.store.db.atomic():
                rows = self.tables.untold_completions(unit_id, self.pass_mark)
                done = self.completions(rows)
                if done:
                    text, buttons = draw(Completions(unit_id, rows[0]["unit_name"], done))
                    messages = [Outgoing(c, text, buttons, hold=True) for c in self.tables.instructor_chats(unit_id)]
                    self.store.owe(messages, "completions")
                    queued += len(messages)
                if rows:
                    self.tables.mark_told(unit_id, self.store.now())
        return queued

    def completions(self, rows: list[dict]) -> list[Completion]:
        """One line per trainee and assignment, in the order of their first call: passed (the first passing
        call's total), else tried and not passed (their best)."""
        tries: dict[tuple[int, int], list[dict]] = {}
        for r in rows:
            if not r["passed_before"]:
                tries.setdefault((r["assignment_id"], r["user_id"]), []).append(r)
        names = staff_names(identity(r, "user_id") for r in rows)
        out = []
        for mine in tries.values():
            passing = next((r for r in mine if r["passed"]), None)
            best = passing or max(mine, key=lambda r: best_first((r["total"] or 0, failed(r["auto_fail"]))))
            title = self.calls.title(best["scenario_id"])
            out.append(
                Completion(
                    names[best["user_id"]],
                    title,
                    best["total"] or 0,
                    failed(best["auto_fail"]),
                    passing is not None,
                    best["pass_mark"],
                )
            )
        return out

    def digest_due(self, today: date) -> list[DigestRecipient]:
        """Instructors owed this week's digest: Mondays, unless they opted out."""
        if today.weekday() != 0:
            return []
        return [DigestRecipient(*r) for r in self.tables.digest_recipients(week_of(today))]

    def digest_data(self, conn: sqlite3.Connection, due: list[DigestRecipient], today: date) -> DigestData:
        unit_ids = sorted({u for r in due for u in r.unit_ids})
        units = {u.id: u for u in units_by_ids(conn, unit_ids)}
        week = relative("last-week", today)
        weekly = read_by_unit(conn, unit_ids, week, self.tz, self.pass_mark)
        return DigestData(units, overview(conn, unit_ids, today, self.pass_mark), week, weekly)

    def queue_digests(self, due: list[DigestRecipient], drawn: dict[int, Drawn], today: date) -> int:
        """Owe each recipient's digest (`drawn`: user id -> (text, buttons)), once a week."""
        queued = 0
        for r in due:
            with self.store.db.atomic():
                if self.tables.mark_digest(r.user_id, week_of(today), self.store.now()):
                    text, buttons = drawn[r.user_id]
                    self.store.owe([Outgoing(r.chat_id, text, buttons, hold=True)], "digest")
                    queued += 1
        return queued

    def digest_off(self, actor: User) -> Outcome:
        self.tables.digest_optout(actor.id, self.store.now())
        return Outcome(["You won't get weekly digests any more. /results shows your units at any time."])
