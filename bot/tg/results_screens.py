"""The results screens: all units, one unit's members, one member's calls; and the notices that
point to them (completions, weekly digests, reminders). Heavy reads run off the event loop."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date

from bot.clock import date_hour, due_text
from bot.practice.scorecard import total_text
from bot.storage.outbox import Buttons
from bot.storage.units import Unit
from bot.tg import callbacks as cb
from bot.tg.behind_screens import who
from bot.tg.pages import SUMMARY_CHARS, button, columns, in_pairs, label, nav, paginate, start_button
from bot.tg.report_screens import USAGE as REPORT_USAGE
from bot.tg.report_screens import below_full, percent, period_token, week_line
from bot.tg.screen import Screen, screen
from bot.training import results
from bot.training.department import Department
from bot.training.notices import Completion, Completions, DigestData, DigestRecipient, Reminder
from bot.training.outcome import Deferred, Refused
from bot.training.period_reports import Figures, PeriodReport
from bot.training.periods import DEFAULT, KINDS, Period, looks_like_period, parse, relative
from bot.training.results import AssignmentProgress, MemberDetail, MemberLine, UnitOverview
from bot.training.standings import AssignmentStatus, statuses
from bot.training.units import NO_UNITS
from bot.transcript import LABELS, User

Title = Callable[[str], str]
"""A call's title from its id (bot.training.calls.Calls.title)."""
TRAINEES_PER_PAGE = 20
ATTEMPTS_PER_PAGE = 8
UNITS_PER_PAGE = 8
USAGE = REPORT_USAGE.replace("/report", "/results")


class ResultsScreens:
    def __init__(self, department: Department) -> None:
        self.department, self.tz = department, department.tz
        self.title = department.calls.title

    def results(self, actor: User, args: list[str], today: date) -> Screen | Deferred[Screen]:
        """/results [code] [period]: one unit's summary with a button per trainee; with several units, a summary per
        unit. This month unless another period is typed (as /report takes it) or tapped."""
        self.department.results.units(actor)  # the role first: a trainee hears that, whatever they typed
        codes = [a for a in args if not looks_like_period(a)]
        if len(codes) > 1:
            raise Refused(USAGE)
        try:
            token = period_token(args)
        except Refused:
            raise Refused(USAGE) from None
        period = parse(token, today) if token else relative(DEFAULT, today)
        if codes:
            return self.unit_page(actor, self.department.results.unit_by_code(actor, codes[0]).id, 0, today, period)
        units = self.department.results.active(actor)
        if not units:
            return screen([NO_UNITS])
        if len(units) == 1:
            return self.unit_page(actor, units[0].id, 0, today, period)
        return self.units_page(actor, 0, today, period)

    def units_page(self, actor: User, page: int, today: date, period: Period | None = None) -> Deferred[Screen]:
        units = self.department.results.active(actor)
        mark = self.department.pass_mark
        period = period or relative(DEFAULT, today)
        figures_read = self.department.periods.cards_reader(units, period, today, trends=False)

        def read(conn: sqlite3.Connection) -> tuple[dict[int, UnitOverview], PeriodReport]:
            return results.overview(conn, [u.id for u in units], today, mark), figures_read(conn)

        def then(found: tuple[dict[int, UnitOverview], PeriodReport]) -> Screen:
            overview, report = found
            entries = [
                unit_summary(u, overview[u.id], self.title, report.each[u.id], period, brief=True) for u in units
            ]
            shown, at, pages = paginate(entries, page, UNITS_PER_PAGE)
            head = f"Your {len(units)} units, {period.words()}" + (f", page {at + 1} of {pages}" if pages > 1 else "")
            keyboard = tuple(
                (button(label(units[i].name, 60), cb.ResultsFor(units[i].id, period.token(), 0)),) for i in shown
            )
            text = head + ":\n\n" + "\n\n".join(entries[i] for i in shown)
            more = nav(at, pages, lambda p: cb.ResultsFor(0, period.token(), p))
            return screen([text], period_buttons(0, period) + keyboard + more)

        return Deferred(read, then)

    def unit_page(
        self, actor: User, unit_id: int, page: int, today: date, period: Period | None = None
    ) -> Deferred[Screen]:
        """A unit's summary (at most 1,500 characters): the period's figures, who has not passed each assignment; and
        a page of buttons, one per trainee with their calls of the period, under the period's buttons."""
        unit = self.department.results.unit(actor, unit_id)
        mark, reports = self.department.pass_mark, self.department.periods
        period = period or relative(DEFAULT, today)
        figures_read, members_read = (
            reports.cards_reader([unit], period, today, False),
            reports.members_reader(unit, period),
        )

        def read(conn: sqlite3.Connection) -> tuple:
            return (
                results.overview(conn, [unit.id], today, mark)[unit.id],
                figures_read(conn).each[unit.id],
                results.members(conn, unit.id, today, mark),
                members_read(conn),
                statuses(conn, [unit.id], today, mark),
            )

        def then(data: tuple) -> Screen:
            overview, figures, members, calls, assigned = data
            summary = unit_summary(
                unit, overview, self.title, figures, period, behind={s.assignment_id: s for s in assigned}
            )
            if any(s.behind for s in assigned):
                summary += "\n/behind: remind those who have not passed."
            periods = period_buttons(unit.id, period)
            if not members:
                return screen([summary + "\nNo members yet: share the join link from /newcode."], periods)
            labels = [member_label(m, calls.get(m.id)) for m in members]
            shown, at, pages = paginate(labels, page, TRAINEES_PER_PAGE)
            keyboard = columns([button(labels[i], cb.TraineeResults(unit.id, members[i].id, 0)) for i in shown])
            which = f", page {at + 1} of {pages}" if pages > 1 else ""
            more = nav(at, pages, lambda p: cb.ResultsFor(unit.id, period.token(), p))
            return screen([summary + f"\nTap a trainee (calls in {period.short()}{which}):"], periods + keyboard + more)

        return Deferred(read, then)

    def trainee_page(self, actor: User, unit_id: int, user_id: int, page: int, today: date) -> Deferred[Screen]:
        """A member: latest and best per assignment, then their finished calls with a button each."""
        unit = self.department.results.unit(actor, unit_id)
        back = (button("\u25c0 Unit", cb.UnitResults(unit.id, 0)),)
        mark = self.department.pass_mark

        def then(detail: MemberDetail | None) -> Screen:
            if detail is None:
                raise Refused(f"That trainee is not a member of \u201c{unit.name}\u201d.")
            lines = [self.member_heading(detail, unit)]
            for s in results.standing(detail.assigned, detail.attempts, today, mark):
                state = f"latest {total_text(*s.latest)}, best {total_text(*s.best)}" if s.latest else "not done"
                passed = (", passed" if s.passed else f", not passed (pass mark {s.pass_mark})") if s.latest else ""
                overdue = f" (OVERDUE, {due_text(s.due)})" if s.overdue else ""
                lines.append(f"\u2022 {s.scenario_id}: {state}{passed}{overdue}")
            if not detail.attempts:
                return screen(["\n".join(lines + ["No finished calls since joining."])], (back,))
            labels = [
                f"{date_hour(t.finished_at or t.started_at, self.tz)} "
                f"\u00b7 {label(self.title(t.scenario_id), 24)} \u00b7 {total_text(t.total, t.failed)}"
                for t in detail.attempts
            ]
            shown, at, pages = paginate(labels, page, ATTEMPTS_PER_PAGE)
            which = f" (page {at + 1} of {pages})" if pages > 1 else ""
            lines.append(f"Finished calls, newest first{which}: tap one for its transcript.")
            keyboard = tuple((button(label(labels[i], 60), cb.Transcript(detail.attempts[i].id)),) for i in shown)
            more = nav(at, pages, lambda p: cb.TraineeResults(unit.id, detail.id, p))
            return screen(["\n".join(lines)], keyboard + more + (back,))

        return Deferred(lambda conn: results.member_detail(conn, unit.id, user_id), then)

    @staticmethod
    def member_heading(detail: MemberDetail, unit: Unit) -> str:
        handle = f", @{detail.username}" if detail.username else ""
        return f"{detail.name} (user {detail.id}{handle}) in \u201c{unit.name}\u201d"


def period_buttons(unit_id: int, period: Period) -> Buttons:
    """This week / last week, this month / last month for /results (of one unit, or with 0 of all): the one shown
    is ticked."""
    keys = [
        button(
            ("\u2713 " if period.kind == kind else "") + name,
            cb.ResultsFor(unit_id, kind, 0),
        )
        for kind, name in KINDS.items()
    ]
    return in_pairs(keys)


def member_label(m: MemberLine, f: Figures | None) -> str:
    """ "Alex Moreno · 2 calls · 1 overdue": the name (told apart from the unit's others), the calls of the
    period, the assignments overdue today."""
    calls = f.calls if f else 0
    return (
        label(m.name.short, 30)
        + f" \u00b7 {calls} call{'s' if calls != 1 else ''}"
        + (f" \u00b7 {m.overdue} overdue" if m.overdue else "")
    )


def figures_line(f: Figures, period: Period) -> str:
    """ "November 2026: 12 calls by 4, average 78/100, 67% passed, weakest: Empathy (55% met)"."""
    if not f.calls:
        return f"{period.short()}: no finished calls."
    weakest = f", weakest: {LABELS[f.weakest]} ({f.rates[f.weakest]:.0f}% met)" if below_full(f) else ""
    return (
        f"{period.short()}: {f.calls} call{'s' if f.calls != 1 else ''} by {f.trainees}, average {f.average:.0f}/100, "
        f"{percent(f.pass_rate)} passed{weakest}"
    )


def unit_summary(
    unit: Unit,
    overview: UnitOverview,
    title: Title,
    figures: Figures,
    period: Period,
    brief: bool = False,
    behind: dict[int, AssignmentStatus] | None = None,
) -> str:
    """Members, the period's figures (named), done (passed) and overdue today, and (`behind`) who has not passed
    each assignment, by name: within SUMMARY_CHARS."""
    revoked = ", revoked" if unit.revoked else ""
    lines = [
        f"\u201c{unit.name}\u201d ({unit.code}{revoked}): {overview.members} members",
        figures_line(figures, period),
    ]
    assignments = overview.assignments
    if not assignments:
        lines.append("Nothing assigned yet.")
    elif brief:
        done = sum(a.done for a in assignments)
        owed = sum(a.members for a in assignments)
        overdue = sum(a.overdue for a in assignments)
        lines.append(f"{len(assignments)} assigned: {done}/{owed} passed, {overdue} overdue")
    else:
        entries = [assignment_line(a, title, (behind or {}).get(a.id)) for a in assignments]
        budget = SUMMARY_CHARS - sum(len(line) + 1 for line in lines) - 80
        shown, _, _ = paginate(entries, 0, 15, budget)
        lines += ["Assigned, as it stands today (done = passed):"] + [entries[i] for i in shown]
        if len(shown) < len(entries):
            lines.append(f"\u2022 and {len(entries) - len(shown)} more: /behind")
    return "\n".join(lines)


def assignment_line(a: AssignmentProgress, title: Title, status: AssignmentStatus | None) -> str:
    """ "• Towed car: 3/5 done, 2 OVERDUE (due Fri 20 Nov)" and, when known, who has not passed it."""
    line = (
        f"\u2022 {label(title(a.scenario_id), 45)}: {a.done}/{a.members} done"
        + (f", {a.overdue} OVERDUE" if a.overdue else "")
        + (f" ({due_text(a.due)})" if a.due else "")
    )
    if status is not None and status.tried:
        line += f"\n   tried, not passed: {label(who(status.tried, True), 120)}"
    if status is not None and status.not_started:
        line += f"\n   not started: {label(who(status.not_started), 120)}"
    return line


# --- notices --------------------------------------------------------------------------------


def reminder(r: Reminder) -> tuple[str, Buttons]:
    if r.overdue:
        text = f"Overdue: \u201c{r.title}\u201d was {due_text(r.due)}. /practice {r.scenario_id}"
    else:
        text = f"Reminder: \u201c{r.title}\u201d is {due_text(r.due)}. /practice {r.scenario_id}"
    return text, start_button(r.scenario_id, r.title)


def completions(c: Completions) -> tuple[str, Buttons]:
    """ "“Day shift”: 1 passed, 1 not passed yet." then a line each: who passed what, who tried without passing."""
    entries = [completion_line(d) for d in c.done]
    shown, _, _ = paginate(entries, 0, 30, SUMMARY_CHARS)
    more = f"\n\u2022 and {len(entries) - len(shown)} more" if len(shown) < len(entries) else ""
    passed = sum(d.passed for d in c.done)
    counts = [f"{passed} passed"] if passed else []
    counts += [f"{len(c.done) - passed} not passed yet"] if passed < len(c.done) else []
    text = f"\u201c{c.unit_name}\u201d: {', '.join(counts)}.\n" + "\n".join(entries[i] for i in shown) + more
    return text, ((button("Open results", cb.UnitResults(c.unit_id, 0)),),)


def completion_line(d: Completion) -> str:
    """ "• Sam passed “Towed car”: 92/100" or "• Sam tried “Towed car”, not passed: 62/100 (pass mark 80)"."""
    if d.passed:
        return f"\u2022 {d.name} passed \u201c{d.title}\u201d: {total_text(d.total, d.failed)}"
    score = total_text(d.total, d.failed)
    return f"\u2022 {d.name} tried \u201c{d.title}\u201d, not passed: {score} (pass mark {d.pass_mark})"


def digests(due: list[DigestRecipient], data: DigestData, today: date, title: Title) -> dict[int, tuple[str, Buttons]]:
    """Each recipient's weekly digest of last week: per unit its calls of the week and its assignments as they
    stand, with buttons to the week's report, to results and to stop them."""
    week = data.week or relative("last-week", today)
    keyboard = (
        (button("Last week's report", cb.ReportFor(0, week.fixed(), 0)),),
        (button("Open results", cb.AllUnits(0)), button("Stop weekly digests", cb.DigestOff())),
    )
    drawn = {}
    for r in due:
        entries = [digest_entry(data, u) for u in r.unit_ids if u in data.units]
        shown, _, _ = paginate(entries, 0, 12)
        more = f"\n\n(and {len(entries) - len(shown)} more units: /report)" if len(shown) < len(entries) else ""
        text = f"Weekly digest: last week, {week.dates()}\n\n" + "\n\n".join(entries[i] for i in shown) + more
        drawn[r.user_id] = (text, keyboard)
    return drawn


def digest_entry(data: DigestData, unit_id: int) -> str:
    """ "“Day shift” (code): 12 members", last week's calls, then its assignments as they stand."""
    unit, overview = data.units[unit_id], data.overviews[unit_id]
    revoked = ", revoked" if unit.revoked else ""
    lines = [f"\u201c{unit.name}\u201d ({unit.code}{revoked}): {overview.members} members"]
    lines.append(week_line(data.weekly.get(unit_id) or Figures()))
    items = overview.assignments
    if items:
        done, owed, overdue = sum(a.done for a in items), sum(a.members for a in items), sum(a.overdue for a in items)
        lines.append(f"{len(items)} assigned: {done}/{owed} passed, {overdue} overdue")
    return "\n".join(lines)
