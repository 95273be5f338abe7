"""An instructor reminds those behind on an assignment: everyone who has not passed it, or one person.

At most one reminder per person per assignment a day, counting the automatic ones (a second tap the
same day says who was already reminded and sends them nothing). Each reminder is audited and owed as
a notice (`Outcome.notices`, then `outcome.owed`), in the transaction of the tap or form that made it:
held while the trainee is in a call, with a Start button, delivered by the sender like every notice.
"""

from __future__ import annotations

from datetime import UTC, date, tzinfo

from bot.clock import due_text, local_date
from bot.storage.audit import AuditLog
from bot.storage.notices import NoticeTables
from bot.storage.units import Unit, UnitTables
from bot.training.access import Access
from bot.training.calls import Calls
from bot.training.outcome import Notice, Offer, Outcome, Refused
from bot.training.standings import AssignmentStatus, Trainee, statuses
from bot.transcript import User


def day_kind(today: date) -> str:
    """The reminders table's kind for "reminded on this day" (the automatic daily reminder's kind too)."""
    return f"day:{today.isoformat()}"


def names(people: tuple[Trainee, ...] | list[Trainee]) -> str:
    return ", ".join(p.name.short for p in people)


class Reminders:
    def __init__(
        self, access: Access, tables: UnitTables, audit: AuditLog, calls: Calls, pass_mark: int, tz: tzinfo = UTC
    ) -> None:
        self.access, self.tables, self.audit, self.calls = access, tables, audit, calls
        self.notices = NoticeTables(tables.store)
        self.pass_mark, self.tz = pass_mark, tz

    def units(self, actor: User) -> list[Unit]:
        """The units whose assignments this person may see and remind about."""
        self.access.require(actor, "instructor", "behind")
        return self.access.active(actor)

    def unit_of(self, actor: User, assignment_id: int) -> Unit:
        """The unit of an assignment among the person's own; Refused when it is gone or not theirs."""
        self.access.require(actor, "instructor", "behind")
        row = self.tables.assignment_by_id(assignment_id)
        if row is None:
            raise Refused("That assignment was removed. /behind lists the current ones.")
        return self.access.unit_by_id(actor, row["unit_id"])

    def status(self, actor: User, assignment_id: int, today: date) -> AssignmentStatus:
        """Who has passed one assignment, who tried, who has not started (read now, for a change)."""
        unit = self.unit_of(actor, assignment_id)
        (found,) = statuses(self.tables.db.conn, [unit.id], today, self.pass_mark, assignment_id)
        return found

    def remind_by_form(self, actor: User, unit_id: int, scenario_id: str, user_id: int | None, today: date) -> Outcome:
        """The dashboard's Remind buttons: the assignment by its unit and call."""
        unit = self.access.unit_by_id(actor, unit_id)
        row = self.tables.assignment(unit.id, scenario_id)
        if row is None:
            raise Refused(f"\u201c{self.calls.title(scenario_id)}\u201d is not assigned to \u201c{unit.name}\u201d.")
        return self.remind(actor, int(row["id"]), user_id, today)

    def remind(self, actor: User, assignment_id: int, user_id: int | None, today: date) -> Outcome:
        """Remind one member (`user_id`) or everyone who has not passed (None); the rest are left alone."""
        status = self.status(actor, assignment_id, today)
        title = self.calls.title(status.scenario_id)
        if user_id is not None:
            person = status.member(user_id)
            if person is None:
                raise Refused(f"That trainee is not a member of \u201c{status.unit_name}\u201d.")
            if person in status.passed:
                return Outcome([f"{person.name.short} has passed \u201c{title}\u201d: no reminder needed."])
            targets = (person,)
        else:
            targets = status.behind
        if not targets:
            everyone = f"everyone in \u201c{status.unit_name}\u201d has passed \u201c{title}\u201d"
            return Outcome([f"Nobody to remind: {everyone}."])
        sent, again = self.send(actor, status, targets, today)
        return Outcome(self.replies(title, sent, again), [self.notice(actor, status, p, title, today) for p in sent])

    def send(
        self, actor: User, status: AssignmentStatus, targets: tuple[Trainee, ...], today: date
    ) -> tuple[list[Trainee], list[Trainee]]:
        """Record each reminder (once a day per person and call, the automatic ones included) and audit it:
        (reminded now, reminded already today)."""
        sent, again = [], []
        for person in targets:
            if self.overdue_notice_today(person, status.scenario_id, today) or not self.notices.mark_reminded(
                person.id, status.assignment_id, status.scenario_id, day_kind(today)
            ):
                again.append(person)
                continue
            detail = f"{status.scenario_id} (assignment {status.assignment_id}) to user {person.id}"
            self.audit.write(actor.id, "remind", detail)
            sent.append(person)
        return sent, again

    def overdue_notice_today(self, person: Trainee, scenario_id: str, today: date) -> bool:
        """Whether the automatic overdue notice went to the person today (the daily ones share the day's kind)."""
        return any(
            local_date(at, self.tz) == today for at in self.notices.reminded_at(person.id, scenario_id, "overdue")
        )

    @staticmethod
    def replies(title: str, sent: list[Trainee], again: list[Trainee]) -> list[str]:
        lines = []
        if sent:
            lines.append(f"Reminded {len(sent)} about \u201c{title}\u201d: {names(sent)}.")
        if again:
            lines.append(f"Already reminded today, not sent again: {names(again)}.")
        return ["\n".join(lines)]

    def notice(self, actor: User, status: AssignmentStatus, person: Trainee, title: str, today: date) -> Notice:
        """What the trainee gets: which call, where they stand, the pass mark and the date; a Start button."""
        where = f"Your best so far: {person.best}/100." if person.tries else "You haven't tried it yet."
        lines = [
            f"Reminder from {actor.first_name}, your instructor:",
            f"\u201c{title}\u201d is not passed yet.",
            f"{where} It passes at {status.pass_mark}/100.",
        ]
        if person.due:
            lines.append(f"It was {due_text(person.due)}." if person.overdue else f"It is {due_text(person.due)}.")
        text = "\n".join([*lines, f"/practice {status.scenario_id}"])
        reminder = (person.id, status.assignment_id, day_kind(today))
        return Notice(person.chat_id, text, Offer(status.scenario_id, title), reminder=reminder)
