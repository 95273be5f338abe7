"""/report in chat: a unit's or all units' figures for a period, with buttons for the period and the unit,
then the trend chart (each step week by week). This month unless another period is typed or tapped:

    /report                      all your units (one unit: that unit), this month
    /report day7 last-month      a unit, last month
    /report 2026-11-01 2026-11-15

The figures are read off the event loop; the chart is drawn when its turn to be sent comes (renderer
"trends" in bot.tg.app).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, tzinfo

from bot.storage.outbox import Buttons
from bot.storage.reader import Reader
from bot.storage.units import Unit
from bot.tg import callbacks as cb
from bot.tg.pages import PAGE_CHARS, button, in_pairs, label, nav, paginate
from bot.tg.screen import Screen, screen
from bot.training.department import Department
from bot.training.outcome import Deferred, Outcome, Refused
from bot.training.period_reports import Figures, PeriodReport, read_trend
from bot.training.periods import DEFAULT, KINDS, Period, looks_like_period, parse, relative
from bot.training.trend_charts import trend_chart
from bot.training.units import NO_UNITS
from bot.transcript import CRITERIA, LABELS, User

UNITS_PER_PAGE = 10
USAGE = (
    "Usage: /report [unit_code] [period]. A period: this-week, last-week, this-month (the default), last-month, "
    "a month (2026-11), a year (2026) or two dates (2026-11-01 2026-11-15)."
)


def period_token(args: Sequence[str]) -> str | None:
    """The period typed after /report: one token, or two dates ("2026-11-01 2026-11-15") as one range."""
    dates = [a for a in args if looks_like_period(a)]
    if len(dates) == 2 and all(len(d) == 10 for d in dates):
        return f"{dates[0]}..{dates[1]}"
    if len(dates) > 1:
        raise Refused(USAGE)
    return dates[0] if dates else None


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}%"


def below_full(f: Figures) -> bool:
    """Whether some step was missed: only then is one the weakest."""
    return f.weakest is not None and f.rates[f.weakest] < 100


def figures_lines(f: Figures, pass_mark: int) -> list[str]:
    """A period's figures, a line each: calls, passed, faults, facts, each step's share met, the weakest."""
    if not f.calls:
        return ["No finished calls in this period."]
    trainees = "1 trainee" if f.trainees == 1 else f"{f.trainees} trainees"
    lines = [
        f"{f.calls} call{'s' if f.calls != 1 else ''} by {trainees}, average {f.average:.0f}/100",
        f"{percent(f.pass_rate)} passed (pass mark {pass_mark}; no automatic fail, no wrong information)",
    ]
    faults = [f"{f.failed} automatic fail{'s' if f.failed != 1 else ''}"] if f.failed else []
    faults += [f"{f.wrong} with wrong information"] if f.wrong else []
    if faults:
        lines.append("\u26d4 " + " \u00b7 ".join(faults))
    lines.append(f"Facts given right: {percent(f.facts)}")
    lines += [f"{LABELS[c]}: {percent(f.rates.get(c))} met" for c in CRITERIA]
    if below_full(f):
        lines.append(f"Weakest: {LABELS[f.weakest]}.")
    return lines


def unit_line(unit: Unit, f: Figures) -> str:
    """ "• Day shift: 34 calls by 9, average 78, 71% passed, ⛔ 2, 3 wrong info; weakest Empathy 55%" """
    if not f.calls:
        return f"\u2022 {unit.name}: no calls"
    faults = (f", \u26d4 {f.failed}" if f.failed else "") + (f", {f.wrong} wrong info" if f.wrong else "")
    weakest = f"; weakest {LABELS[f.weakest]} {percent(f.rates[f.weakest])}" if below_full(f) else ""
    return (
        f"\u2022 {unit.name}: {f.calls} call{'s' if f.calls != 1 else ''} by {f.trainees}, average {f.average:.0f}, "
        f"{percent(f.pass_rate)} passed{faults}{weakest}"
    )


def week_line(f: Figures) -> str:
    """A digest's line for a unit's last week: calls, average, passed, the weakest step, any faults."""
    if not f.calls:
        return "Last week: no finished calls."
    weakest = f", weakest {LABELS[f.weakest]} ({percent(f.rates[f.weakest])} met)" if below_full(f) else ""
    faults = f"; \u26d4 {f.failed} automatic fails" if f.failed else ""
    faults += f"; {f.wrong} with wrong information" if f.wrong else ""
    return (
        f"Last week: {f.calls} call{'s' if f.calls != 1 else ''} by {f.trainees}, average {f.average:.0f}/100, "
        f"{percent(f.pass_rate)} passed{weakest}{faults}"
    )


def period_rows(unit_id: int, period: Period) -> Buttons:
    """This week / last week, this month / last month: the one shown is ticked."""
    keys = [
        button(("\u2713 " if period.kind == kind else "") + name, cb.ReportFor(unit_id, kind, 0))
        for kind, name in KINDS.items()
    ]
    return in_pairs(keys)


def csv_row(unit_id: int, period: Period) -> Buttons:
    """The results file of the same units and days (its token fixed: "last month" tapped next month is still these
    days)."""
    return ((button(label(f"CSV file: {period.short()}", 40), cb.ExportFor(unit_id, period.fixed())),),)


class ReportScreens:
    def __init__(self, department: Department) -> None:
        self.department = department

    def report(self, actor: User, args: list[str], today: date) -> Screen | Deferred[Screen]:
        """/report [code] [period]: that unit (else all the caller's), that period (else this month)."""
        self.department.periods.units(actor)  # the role first: a trainee hears that, whatever they typed
        codes = [a for a in args if not looks_like_period(a)]
        if len(codes) > 1:
            raise Refused(USAGE)
        token = period_token(args)
        period = parse(token, today) if token else relative(DEFAULT, today)
        units = self.chosen(actor, codes[0] if codes else None)
        if not units:
            return screen([NO_UNITS])
        unit_id = units[0].id if codes or len(units) == 1 else 0
        return self.view(actor, unit_id, period, 0, today)

    def chosen(self, actor: User, code: str | None) -> list[Unit]:
        """The unit of the code typed (else all the caller's); a word that is neither a code of theirs nor a period
        is refused saying both."""
        try:
            return self.department.periods.chosen(actor, code, None)
        except Refused as refused:
            if code is None or self.department.access.role_of(actor.id) == "trainee":
                raise
            raise Refused(f"\u201c{code}\u201d is neither a code of your units nor a period. {USAGE}") from refused

    def tapped(self, actor: User, unit_id: int, token: str, page: int, today: date) -> Screen | Deferred[Screen]:
        return self.view(actor, unit_id, parse(token, today), page, today)

    def view(self, actor: User, unit_id: int, period: Period, page: int, today: date) -> Screen | Deferred[Screen]:
        """One unit's report (`unit_id`), or all the caller's units' (0) with a button each, `page` of them."""
        reports = self.department.periods
        mine = reports.units(actor)
        units = reports.chosen(actor, None, unit_id) if unit_id else mine
        if not units:
            return screen([NO_UNITS])

        def then(report: PeriodReport) -> Screen:
            if unit_id:
                text = f"Report: \u201c{units[0].name}\u201d, {period.words()}\n\n" + "\n".join(
                    figures_lines(report.together, report.pass_mark)
                )
                keyboard = period_rows(unit_id, period) + csv_row(unit_id, period)
                if len(mine) > 1:
                    keyboard += ((button("\u25c0 All units", cb.ReportFor(0, period.token(), 0)),),)
            else:
                admin = self.department.access.role_of(actor.id) == "admin"
                text, keyboard = self.all_units(
                    report, page, f"all {len(mine)} units" if admin else f"your {len(mine)} units"
                )
            render = None
            if any(w.figures.calls for w in report.trend):
                text += "\n\nThe chart below: each step week by week."
                render = ("trends", self.chart_args(report, units, unit_id, today))
            return Screen(Outcome([text], render=render), keyboard)

        return Deferred(reports.reader(units, period, today), then)

    def all_units(self, report: PeriodReport, page: int, who: str) -> tuple[str, Buttons]:
        """The units together, then a line and a button each (a page of them), under the period buttons."""
        period, units = report.period, report.units
        head = [f"Report: {who}, {period.words()}", "", "All together (each call once):"]
        head += figures_lines(report.together, report.pass_mark)
        entries = [unit_line(u, report.each[u.id]) for u in units]
        budget = PAGE_CHARS - sum(len(line) + 1 for line in head) - 120
        shown, at, pages = paginate(entries, page, UNITS_PER_PAGE, budget)
        which = f" (page {at + 1} of {pages})" if pages > 1 else ""
        text = "\n".join(head) + f"\n\nBy unit{which}; tap one for its report:\n" + "\n".join(entries[i] for i in shown)
        token = period.token()
        keys = in_pairs([button(label(units[i].name, 30), cb.ReportFor(units[i].id, token, 0)) for i in shown])
        more = nav(at, pages, lambda p: cb.ReportFor(0, token, p))
        return text, period_rows(0, period) + csv_row(0, period) + keys + more

    def chart_args(self, report: PeriodReport, units: list[Unit], unit_id: int, today: date) -> dict:
        """What the "trends" renderer reads and draws: plain values, stored in the outbox."""
        period = report.period
        title = units[0].name if unit_id else f"{len(units)} units"
        return {
            "unit_ids": [u.id for u in units],
            "title": f"{title} \u00b7 {period.short()}",
            "first": period.first.isoformat(),
            "after": period.after.isoformat(),
            "kind": period.kind,
            "today": today.isoformat(),
        }


def trends_renderer(reader: Reader, tz: tzinfo) -> Callable[[dict], Callable[[], tuple]]:
    """The sender's "trends" renderer: the chart of `ReportScreens.chart_args`, read and drawn in a worker
    thread (the week's bounds are those of the day the report was asked for)."""

    def render(args: dict) -> Callable[[], tuple]:
        period = Period(date.fromisoformat(args["first"]), date.fromisoformat(args["after"]), args["kind"])
        today, ids = date.fromisoformat(args["today"]), args["unit_ids"]
        read = reader.in_thread(lambda conn: read_trend(conn, ids, period, today, tz, 0))

        def draw() -> tuple:
            chart = trend_chart(read(), period, args["title"])
            return "photo", "trends.png", chart, None if chart else "No calls to chart yet."

        return draw

    return render
