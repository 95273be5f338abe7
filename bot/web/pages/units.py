"""The units overview, a unit's trainees, and a trainee's progress and calls."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.clock import date_hour, weekday_date
from bot.practice.scorecard import LABELS, total_text
from bot.storage.units import Unit
from bot.training import results
from bot.training.period_reports import Figures, PeriodReport, TrendWeek
from bot.training.periods import Period
from bot.training.results import FinishedAttempt, MemberDetail, MemberLine, UnitOverview, standing
from bot.training.standings import nobody_behind
from bot.web.access import NotAvailable, SignedIn, signed_in
from bot.web.charts import BarChart, Meter, bars, criterion_meters
from bot.web.figures import member_rates, number, percent, week_label
from bot.web.pages.family import PageFamily
from bot.web.pages.period_choice import asked_period, selector

if TYPE_CHECKING:
    from bot.web.app import Dashboard


CARDS_UP_TO = 3
"""Up to this many units the overview shows a card each; more (an admin's department) get a table."""
CACHE_SECONDS = 30
CHART_ATTEMPTS = 40
"""Calls in a trainee's chart of totals (all of them are in the table below it)."""


@dataclass(frozen=True)
class UnitCard:
    """A unit's figures for a period as its card shows them."""

    unit: Unit
    period: str
    """The period the figures cover, named ("November 2026", "week of Mon 16 Nov 2026")."""
    stats: list[tuple[str, Any]]
    """(label, figure) pairs: the period's figures beside the members and assignments as they stand today."""
    weeks: int
    chart: BarChart | None
    week_line: str
    """The last week of the period in words: "Week of Mon 16 Nov: 4 calls, average 78."."""
    weakest: tuple[str, str] | None
    """(criterion label, share met) of the criterion met least often."""
    meters: list[Meter] | None


def visible_unit(d: Dashboard, request: Request) -> tuple[SignedIn, Unit]:
    """The signed-in person and the unit of the path, when they may see it (else the core refuses)."""
    who = signed_in(request)
    return who, d.department.results.unit(who.actor, request.path_params["unit_id"], "dashboard")


def unit_page(
    d: Dashboard, request: Request, who: SignedIn, unit: Unit, template: str, title: str, /, **context: Any
) -> Response:
    """A page under a unit's card: the trail back to it and the sign-out of the person signed in."""
    crumbs = [("Units", "/"), (unit.name, f"/units/{unit.id}")]
    return d.page(request, template, title, session=who.session, crumbs=crumbs, **context)


def units_page(d: Dashboard, request: Request, who: SignedIn, template: str, title: str, /, **context: Any) -> Response:
    """A page one step below the list of units: the trail back to it and the sign-out of the person signed in."""
    return d.page(request, template, title, session=who.session, crumbs=[("Units", "/")], **context)


def assignment_totals(o: UnitOverview) -> tuple[int, int, int]:
    """(done, owed, overdue) over a unit's assignments, as they stand today."""
    items = o.assignments
    return sum(a.done for a in items), sum(a.members for a in items), sum(a.overdue for a in items)


def unit_card(unit: Unit, o: UnitOverview, f: Figures, weekly: list[TrendWeek], period: Period) -> UnitCard:
    """The period's figures (calls, trainees, passed, average, automatic fails, shares met) beside the members and
    the assignments as they stand today; the chart of the weeks up to the period's end."""
    done, owed, overdue = assignment_totals(o)
    stats = [
        ("Members", o.members),
        ("Calls", f.calls),
        ("Passed", percent(f.pass_rate)),
        ("Average total", number(f.average)),
        ("Automatic fails", f.failed),
        ("Assignments done", f"{done}/{owed}"),
        ("Assignments overdue", overdue),
    ]
    in_period = [w for w in weekly if w.monday + timedelta(days=6) >= period.first]
    shown = in_period[-1] if in_period else None
    week_line = (
        f"Week of {weekday_date(shown.monday)}: {shown.figures.calls} calls, average {number(shown.figures.average)}."
        if shown and shown.figures.calls
        else "No calls finished in its last week."
    )
    chart = bars(
        [(week_label(w.monday.isoformat()), w.figures.average) for w in weekly], f"Weekly average total of {unit.name}"
    )
    worst = f.weakest
    return UnitCard(
        unit,
        period.short(),
        stats,
        len(weekly),
        chart,
        week_line,
        (LABELS[worst], percent(f.rates[worst])) if worst else None,
        criterion_meters(f.rates),
    )


def department_figures(
    units: list[Unit], overview: dict[int, UnitOverview], report: PeriodReport
) -> tuple[list[tuple[str, Any]], list[dict]]:
    """Many units (a commander's view): the whole department's figures for the period, and one row per unit."""
    each = report.each
    calls = sum(each[u.id].calls for u in units)
    scored = [(each[u.id].average, each[u.id].calls) for u in units if each[u.id].calls]
    average = sum(a * n for a, n in scored) / calls if calls else None
    passed = sum(each[u.id].passed for u in units)
    totals = [assignment_totals(overview[u.id]) for u in units]
    stats = [
        ("Units", len(units)),
        ("Members", sum(overview[u.id].members for u in units)),
        ("Calls", calls),
        ("Passed", percent(100 * passed / calls if calls else None)),
        ("Average total", number(average)),
        ("Automatic fails", sum(each[u.id].failed for u in units)),
        ("Assignments done", f"{sum(t[0] for t in totals)}/{sum(t[1] for t in totals)}"),
        ("Assignments overdue", sum(t[2] for t in totals)),
    ]
    rows = []
    for u, (_, _, late) in zip(units, totals, strict=True):
        f = each[u.id]
        worst = f.weakest
        rows.append(
            {
                "unit": u,
                "members": overview[u.id].members,
                "f": f,
                "late": late,
                "weakest": f"{LABELS[worst]} {percent(f.rates[worst])}" if worst else "\u2013",
                "weakest_key": f.rates[worst] if worst else 101,
            }
        )
    return stats, rows


def member_rows(members: list[MemberLine], figures: dict[int, Figures]) -> list[dict[str, Any]]:
    """Each member with their calls, passes and average in the period, and their overdue assignments today."""
    return [{"m": m, "f": figures.get(m.id) or Figures()} for m in members]


class UnitPages(PageFamily):
    def __init__(self, dashboard: Dashboard) -> None:
        super().__init__(dashboard)
        self.cache: dict[tuple, tuple[float, dict, dict]] = {}

    def routes(self) -> list[Route]:
        return [
            Route("/", self.overview),
            Route("/units/{unit_id:id}", self.unit),
            Route("/units/{unit_id:id}/trainees/{user_id:id}", self.trainee),
        ]

    async def overview(self, request: Request) -> Response:
        d = self.d
        who = signed_in(request)
        everything = d.department.results.units(who.actor, "dashboard")
        units = [u for u in everything if not u.archived]
        period, error = asked_period(request, d.today())
        overview, report, age = await self.figures(units, period, d.today())
        sel = selector("/", period)
        links = [("Calls and diagrams", "/scenarios")]
        if units:
            links.append(("Reports: trends, units compared, monthly report", f"/reports?{sel['query']}"))
            links.append((f"Download results of {period.short()} (CSV)", f"/export.csv?{sel['csv']}"))
        if d.department.access.role_of(who.actor.id) in ("admin", "instructor"):
            links.append(("Audit log", "/audit"))  # an instructor's: their units' entries
        archived = [u for u in everything if u.archived]
        context: dict[str, Any] = {"links": links, "cards": [], "department": None, "archived": archived}
        context["nobody"] = nobody_behind([u.name for u in archived]) if archived and not units else None
        context |= {"sel": sel if units else None, "error": error, "period": period.short()}
        if len(units) <= CARDS_UP_TO:
            context["cards"] = [
                unit_card(u, overview[u.id], report.each[u.id], report.unit_trends.get(u.id, []), period) for u in units
            ]
        else:
            context["department"] = department_figures(units, overview, report)
            context["age"] = f"{age:.0f}" if age >= 1 else None
            context["cache_seconds"] = CACHE_SECONDS
        return d.page(request, "units/overview.html", "Your units", session=who.session, **context)

    async def figures(
        self, units: list[Unit], period: Period, today: date
    ) -> tuple[dict[int, UnitOverview], PeriodReport, float]:
        """Each unit's standing today, its figures for the period (with its weeks, for a card), and their age in
        seconds. A department's worth of units (more than CARDS_UP_TO) is read once per CACHE_SECONDS: those are
        the dashboard's heaviest reads, and a commander's page needs no fresher figures."""
        department, ids = self.d.department, [u.id for u in units]
        cards = len(ids) <= CARDS_UP_TO
        period_read = department.periods.cards_reader(units, period, today, trends=cards)

        def read(conn):
            return results.overview(conn, ids, today, department.pass_mark), period_read(conn)

        if cards:
            return *await self.d.store.reader.run(read), 0.0
        key, now = (tuple(ids), today, period.fixed()), time.monotonic()
        cached = self.cache.get(key)
        if cached is None or now - cached[0] > CACHE_SECONDS or cached[0] < self.d.changed_at:
            fresh = (now, *await self.d.store.reader.run(read))
            self.cache = {k: v for k, v in self.cache.items() if now - v[0] <= CACHE_SECONDS} | {key: fresh}
            cached = fresh
        return cached[1], cached[2], now - cached[0]

    async def unit(self, request: Request) -> Response:
        d = self.d
        who, unit = visible_unit(d, request)
        today, mark = d.today(), d.department.pass_mark
        period, error = asked_period(request, today)
        card_read = d.department.periods.cards_reader([unit], period, today)
        members_read = d.department.periods.members_reader(unit, period)
        overview, report, members, figures = await d.store.reader.run(
            lambda conn: (
                results.overview(conn, [unit.id], today, mark)[unit.id],
                card_read(conn),
                results.members(conn, unit.id, today, mark),
                members_read(conn),
            )
        )
        sel = selector(f"/units/{unit.id}", period)
        return units_page(
            d,
            request,
            who,
            "units/unit.html",
            unit.name,
            card=unit_card(unit, overview, report.each[unit.id], report.unit_trends.get(unit.id, []), period),
            assignments=len(overview.assignments),
            members=member_rows(members, figures),
            sel=sel,
            error=error,
        )

    async def trainee(self, request: Request) -> Response:
        d = self.d
        who, unit = visible_unit(d, request)
        user_id = request.path_params["user_id"]
        detail = await d.store.reader.run(lambda conn: results.member_detail(conn, unit.id, user_id))
        if detail is None:
            raise NotAvailable(f"That trainee is not a member of \u201c{unit.name}\u201d.", 404)
        tz, title = d.department.tz, d.department.calls.title
        period, error = asked_period(request, d.today())
        since, until = period.bounds(tz)
        attempts = [t for t in detail.attempts if since <= (t.finished_at or t.started_at) < until]
        assigned = [
            {
                "title": title(a.scenario_id),
                "due": weekday_date(date.fromisoformat(a.due)) if a.due else "\u2013",
                "latest": total_text(*a.latest) if a.latest else None,
                "overdue": a.overdue,
                "best": total_text(*a.best) if a.best else "\u2013",
                "passed": a.passed,
                "pass_mark": a.pass_mark,
            }
            for a in standing(detail.assigned, detail.attempts, d.today(), d.department.pass_mark)  # as of today
        ]
        calls = [
            {
                "id": t.id,
                "when": date_hour(t.finished_at or t.started_at, tz),
                "title": title(t.scenario_id),
                "total": t.total,
                "total_text": total_text(t.total, t.failed),
            }
            for t in attempts
        ]
        return unit_page(
            d,
            request,
            who,
            unit,
            "units/trainee.html",
            detail.name.short,
            unit=unit,
            detail=detail,
            progress=progress(detail, attempts, tz) if attempts else None,
            standing=assigned,
            calls=calls,
            sel=selector(f"/units/{unit.id}/trainees/{detail.id}", period),
            error=error,
            period=period.short(),
        )


def progress(detail: MemberDetail, attempts: list[FinishedAttempt], tz: tzinfo) -> dict:
    """A trainee's finished calls of a period in figures: how many, their average, the chart of the latest, shares
    met."""
    oldest_first = attempts[::-1][-CHART_ATTEMPTS:]
    chart = bars(
        [(date_hour(t.finished_at or t.started_at, tz)[:10], t.total) for t in oldest_first],
        f"Totals of {detail.name.short}'s last {len(oldest_first)} calls",
        [t.failed for t in oldest_first],
    )
    return {
        "calls": len(attempts),
        "average": number(sum(t.total for t in attempts) / len(attempts)),
        "charted": len(oldest_first),
        "chart": chart,
        "meters": criterion_meters(member_rates(attempts)),
    }
