"""The units overview, a unit's trainees, and a trainee's progress and calls."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, tzinfo
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.clock import date_hour, weekday_date
from bot.practice.scorecard import LABELS, total_text
from bot.storage.units import Unit
from bot.training import results
from bot.training.results import MemberDetail, UnitOverview, Week, standing
from bot.web.access import NotAvailable, SignedIn, signed_in
from bot.web.charts import BarChart, Meter, bars, criterion_meters
from bot.web.figures import member_rates, number, percent, weakest, week_label
from bot.web.pages.family import PageFamily

if TYPE_CHECKING:
    from bot.web.app import Dashboard


CARDS_UP_TO = 3
"""Up to this many units the overview shows a card each; more (an admin's department) get a table."""
CACHE_SECONDS = 30
WEEKS = 8
"""Weeks of averages on the units overview."""
CHART_ATTEMPTS = 40
"""Calls in a trainee's chart of totals (all of them are in the table below it)."""


@dataclass(frozen=True)
class UnitCard:
    """A unit's figures as its card shows them."""

    unit: Unit
    stats: list[tuple[str, Any]]
    weeks: int
    chart: BarChart | None
    week_line: str
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
    """(done, owed, overdue) over a unit's assignments."""
    items = o.assignments
    return sum(a.done for a in items), sum(a.members for a in items), sum(a.overdue for a in items)


def unit_card(unit: Unit, o: UnitOverview, weekly: list[Week]) -> UnitCard:
    rates = o.rates
    worst = weakest(rates)
    done, owed, overdue = assignment_totals(o)
    stats = [
        ("Members", o.members),
        ("Finished calls", o.attempts),
        ("Average total", number(o.average)),
        ("Assignments done", f"{done}/{owed}"),
        ("Assignments overdue", overdue),
        ("Automatic fails", o.failed),
    ]
    this_week = weekly[-1]
    week_line = (
        f"This week: {this_week.attempts} calls, average {number(this_week.average)}."
        if this_week.attempts
        else "No calls finished this week yet."
    )
    chart = bars([(week_label(w.monday), w.average) for w in weekly], f"Weekly average total of {unit.name}")
    return UnitCard(
        unit,
        stats,
        len(weekly),
        chart,
        week_line,
        (LABELS[worst], percent(rates[worst])) if worst else None,
        criterion_meters(rates),
    )


def department_figures(
    units: list[Unit], overview: dict[int, UnitOverview], weekly: dict[int, list[Week]]
) -> tuple[list[tuple[str, Any]], list[dict]]:
    """Many units (a commander's view): the whole department's figures, and one row per unit."""
    calls = sum(overview[u.id].attempts for u in units)
    scored = [(overview[u.id].average, overview[u.id].attempts) for u in units if overview[u.id].attempts]
    average = sum(a * n for a, n in scored) / calls if calls else None
    totals = [assignment_totals(overview[u.id]) for u in units]
    stats = [
        ("Units", len(units)),
        ("Members", sum(overview[u.id].members for u in units)),
        ("Finished calls", calls),
        ("Average total", number(average)),
        ("Assignments done", f"{sum(t[0] for t in totals)}/{sum(t[1] for t in totals)}"),
        ("Assignments overdue", sum(t[2] for t in totals)),
        ("Automatic fails", sum(overview[u.id].failed for u in units)),
    ]
    rows = []
    for u, (_, _, late) in zip(units, totals, strict=True):
        o, week = overview[u.id], weekly[u.id][-1]
        worst = weakest(o.rates)
        rows.append(
            {
                "unit": u,
                "o": o,
                "week": week.average,
                "late": late,
                "weakest": f"{LABELS[worst]} {percent(o.rates[worst])}" if worst else "\u2013",
                "weakest_key": o.rates[worst] if worst else 101,
            }
        )
    return stats, rows


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
        overview, weekly, age = await self.figures([u.id for u in units], d.today())
        links = [("Calls and diagrams", "/scenarios")]
        if units:
            links.append(("Reports: a period, trends, units compared", "/reports"))
            links.append(("Download all results (CSV)", "/export.csv"))
        if d.department.access.role_of(who.actor.id) in ("admin", "instructor"):
            links.append(("Audit log", "/audit"))  # an instructor's: their units' entries
        archived = [u for u in everything if u.archived]
        context: dict[str, Any] = {"links": links, "cards": [], "department": None, "archived": archived}
        if len(units) <= CARDS_UP_TO:
            context["cards"] = [unit_card(u, overview[u.id], weekly[u.id]) for u in units]
        else:
            context["department"] = department_figures(units, overview, weekly)
            context["age"] = f"{age:.0f}" if age >= 1 else None
            context["cache_seconds"] = CACHE_SECONDS
        return d.page(request, "units/overview.html", "Your units", session=who.session, **context)

    async def figures(
        self, ids: list[int], today: date
    ) -> tuple[dict[int, UnitOverview], dict[int, list[Week]], float]:
        """Each unit's figures and weekly averages, and their age in seconds. A department's worth of
        units (more than CARDS_UP_TO) is read once per CACHE_SECONDS: those are the dashboard's heaviest
        reads (about 0.15 s over 100,000 attempts), and a commander's page needs no fresher figures."""

        department = self.d.department

        def read(conn):
            overview = results.overview(conn, ids, today, department.pass_mark)
            return overview, results.weekly(conn, ids, today, WEEKS, department.tz)

        if len(ids) <= CARDS_UP_TO:
            return *await self.d.store.reader.run(read), 0.0
        key, now = (tuple(ids), today), time.monotonic()
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
        overview, weekly, members = await d.store.reader.run(
            lambda conn: (
                results.overview(conn, [unit.id], today, mark)[unit.id],
                results.weekly(conn, [unit.id], today, WEEKS, d.department.tz)[unit.id],
                results.members(conn, unit.id, today, mark),
            )
        )
        return units_page(
            d,
            request,
            who,
            "units/unit.html",
            unit.name,
            card=unit_card(unit, overview, weekly),
            assignments=len(overview.assignments),
            members=members,
        )

    async def trainee(self, request: Request) -> Response:
        d = self.d
        who, unit = visible_unit(d, request)
        user_id = request.path_params["user_id"]
        detail = await d.store.reader.run(lambda conn: results.member_detail(conn, unit.id, user_id))
        if detail is None:
            raise NotAvailable(f"That trainee is not a member of \u201c{unit.name}\u201d.", 404)
        tz, attempts, title = d.department.tz, detail.attempts, d.department.calls.title
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
            for a in standing(detail.assigned, attempts, d.today(), d.department.pass_mark)
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
            detail.first_name,
            unit=unit,
            detail=detail,
            progress=progress(detail, tz) if attempts else None,
            standing=assigned,
            calls=calls,
        )


def progress(detail: MemberDetail, tz: tzinfo) -> dict:
    """A trainee's finished calls in figures: how many, their average, the chart of the latest, shares met."""
    attempts = detail.attempts
    oldest_first = attempts[::-1][-CHART_ATTEMPTS:]
    chart = bars(
        [(date_hour(t.finished_at or t.started_at, tz)[:10], t.total) for t in oldest_first],
        f"Totals of {detail.first_name}'s last {len(oldest_first)} calls",
        [t.failed for t in oldest_first],
    )
    return {
        "calls": len(attempts),
        "average": number(sum(t.total for t in attempts) / len(attempts)),
        "charted": len(oldest_first),
        "chart": chart,
        "meters": criterion_meters(member_rates(attempts)),
    }
