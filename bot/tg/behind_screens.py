"""Who is behind: each assignment's trainees by name (passed, tried but not passed, not started,
overdue), and Remind buttons beside those who have not passed. Three taps from /start or /behind:
the list, an assignment, Remind."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.clock import due_text
from bot.storage.outbox import Buttons
from bot.tg import callbacks as cb
from bot.tg.pages import button, columns, label, nav, paginate
from bot.tg.screen import Screen, screen
from bot.training import standings
from bot.training.department import Department
from bot.training.outcome import Deferred, Outcome
from bot.training.standings import AssignmentStatus, Trainee, nobody_behind, nothing_assigned
from bot.training.units import NO_UNITS
from bot.transcript import User

PER_PAGE = 6
"""Assignments per page of /behind."""
NAMES_SHOWN = 25
"""Names per group before "and N more"."""
REMIND_BUTTONS = 20
"""One-person Remind buttons under an assignment (Remind all covers the rest)."""


def who(people: Sequence[Trainee], scores: bool = False, due: str | None = None) -> str:
    """ "Sam Ortiz · #4471 62, Kim 0, Lee" (badges where set, best totals when `scores`), at most NAMES_SHOWN
    names; with the assignment's `due`, a late joiner's own date after their name: "Lee (due Wed 2 Dec)"."""
    shown = [
        (f"{p.name} {p.best}" if scores and p.best is not None else str(p.name))
        + (f" ({due_text(p.due)})" if due and p.due and p.due != due else "")
        for p in people
    ]
    more = f" and {len(shown) - NAMES_SHOWN} more" if len(shown) > NAMES_SHOWN else ""
    return ", ".join(shown[:NAMES_SHOWN]) + more


def heading(s: AssignmentStatus, title: str) -> str:
    """ "“Towed car”\n“Day shift” · due Fri 20 Nov, OVERDUE · pass mark 80" """
    due = due_text(s.due) + (", OVERDUE" if s.late else "")  # late joiners may have later dates of their own
    return f"\u201c{title}\u201d\n\u201c{s.unit_name}\u201d \u00b7 {due} \u00b7 pass mark {s.pass_mark}"


def groups(s: AssignmentStatus, brief: bool = False) -> list[str]:
    """A line per group that has anyone in it; `brief`: the passed as a count after the rest."""
    lines = []
    if s.passed and not brief:
        lines.append(f"Passed ({len(s.passed)}): {who(s.passed, True)}")
    own = None if brief else s.due  # late joiners' own dates, on the assignment's own screen
    if s.tried:
        lines.append(f"Tried, not passed ({len(s.tried)}): {who(s.tried, True, own)}")
    if s.not_started:
        lines.append(f"Not started ({len(s.not_started)}): {who(s.not_started, due=own)}")
    if s.late:
        lines.append(f"Overdue ({len(s.late)}): {who(s.late)}")
    if brief:
        lines.append(f"Passed: {len(s.passed)} of {s.members}")
    elif not s.members:
        lines.append("No members yet.")
    return lines


def remind_buttons(s: AssignmentStatus) -> Buttons:
    """Remind everyone behind, then one button per person behind."""
    if not s.behind:
        return ()
    everyone = "Remind the 1 not passed" if len(s.behind) == 1 else f"Remind all {len(s.behind)} not passed"
    one = [button(label(f"Remind {p.name.short}", 30), cb.Remind(s.assignment_id, p.id)) for p in s.behind]
    rows = ((button(everyone, cb.Remind(s.assignment_id, 0)),),)
    return rows + (columns(one[:REMIND_BUTTONS]) if len(s.behind) > 1 else ())


class BehindScreens:
    def __init__(self, department: Department) -> None:
        self.department = department
        self.title = department.calls.title

    def behind(self, actor: User, page: int, today: date) -> Screen | Deferred[Screen]:
        """/behind: every assignment of the caller's units with anyone not passed, names first; a button each."""
        units = self.department.reminders.units(actor)
        if not units:
            return self.no_active_units(actor)
        ids, mark = [u.id for u in units], self.department.pass_mark

        def then(found: list[AssignmentStatus]) -> Screen:
            if not found:
                return screen([nothing_assigned() + " /assign offers the calls."])
            behind = [s for s in found if s.behind]
            if not behind:
                return screen([f"Everyone has passed every assignment in your units ({len(found)} assigned)."])
            entries = [heading(s, self.title(s.scenario_id)) + "\n" + "\n".join(groups(s, brief=True)) for s in behind]
            shown, at, pages = paginate(entries, page, PER_PAGE)
            which = f" (page {at + 1} of {pages})" if pages > 1 else ""
            head = f"Not passed yet{which}. Tap one to see everyone and send reminders."
            units_shown = len({s.unit_id for s in behind}) > 1
            keyboard = tuple(
                (button(self.label(behind[i], units_shown), cb.OnAssignment(behind[i].assignment_id)),) for i in shown
            )
            text = head + "\n\n" + "\n\n".join(entries[i] for i in shown)
            return screen([text], keyboard + nav(at, pages, cb.Behind))

        return Deferred(lambda conn: standings.statuses(conn, ids, today, mark), then)

    def no_active_units(self, actor: User) -> Screen:
        """No unit to be behind in: none yet, or every one archived (then where they are, and how to bring one back)."""
        archived = [u for u in self.department.results.units(actor, "behind") if u.archived]
        if not archived:
            return screen([NO_UNITS])
        text = nobody_behind([u.name for u in archived])
        return screen([text], ((button("Archived units", cb.ArchivedUnits()),),))

    def label(self, s: AssignmentStatus, unit: bool) -> str:
        """ "3 behind: Towed car" (" · Day shift" when several units are listed): the count first, where a phone
        never cuts it off."""
        where = f" \u00b7 {label(s.unit_name, 16)}" if unit else ""
        return f"{len(s.behind)} behind: {label(self.title(s.scenario_id), 40)}{where}"

    def assignment(self, actor: User, assignment_id: int, today: date) -> Deferred[Screen]:
        """One assignment: each member by name under passed, tried or not started; Remind buttons for those behind."""
        unit = self.department.reminders.unit_of(actor, assignment_id)
        mark = self.department.pass_mark

        def then(found: list[AssignmentStatus]) -> Screen:
            if not found:
                return screen(["That assignment was removed. /behind lists the current ones."])
            s = found[0]
            lines = [heading(s, self.title(s.scenario_id)), *groups(s)]
            if s.behind:
                lines.append("Remind: one message each, at most once a day.")
            back = ((button("\u25c0 Unit", cb.UnitResults(s.unit_id, 0)), button("All behind", cb.Behind(0))),)
            return screen(["\n".join(lines)], remind_buttons(s) + back)

        return Deferred(lambda conn: standings.statuses(conn, [unit.id], today, mark, assignment_id), then)

    def remind(self, actor: User, assignment_id: int, user_id: int, today: date) -> Screen:
        """A Remind tap: who was reminded, who already was today; a way back to the assignment."""
        outcome: Outcome = self.department.reminders.remind(actor, assignment_id, user_id or None, today)
        return Screen(outcome, ((button("\u25c0 Back to the assignment", cb.OnAssignment(assignment_id)),),))
