"""Reports over a period: all of a person's units side by side (an admin's: every unit) with the department's
trend, one unit's report with who is behind, and the printable monthly report (one page per unit).

Every page takes a period from its query (bot.training.periods.from_query: `?period=last-month`, `?month=2026-11`
or the form's `?from=...&to=...`), shows a selector for it, and carries it to the CSV download (`?period=`,
which the exports read as a month or two dates). A period that is no period is said at the top of the page,
which then shows the default one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.clock import weekday_date
from bot.storage.units import Unit
from bot.training.period_reports import SERIES, Figures, PeriodReport, TrendWeek, weeks_before
from bot.training.periods import Period, relative
from bot.training.standings import AssignmentStatus
from bot.transcript import CRITERIA
from bot.web.access import signed_in
from bot.web.charts import LineChart, count_bars, trend
from bot.web.figures import number, percent, week_label
from bot.web.pages.family import PageFamily
from bot.web.pages.period_choice import asked_period, selector
from bot.web.pages.units import units_page
from bot.web.reports_view import behind_lines, compare_rows, figure_stats, trend_rows

LABELS_SHOWN = [SERIES[c] for c in CRITERIA]
"""The criteria's names as the tables head their columns (as the charts and the chat name them)."""
Panel = tuple[str, str, LineChart | None]
"""A trend panel: its name, the period's figure, its chart."""


def panels(weeks: list[TrendWeek], period: Period, whose: str, total: Figures) -> list[Panel]:
    """A small chart per series (each criterion's share met, facts given right, average total) and one of calls per
    week, each with the period's own figure (`total`); none when no week had a call."""
    if not any(w.figures.calls for w in weeks):
        return []
    before = weeks_before(weeks, period)
    captions = [week_label(w.monday.isoformat()) for w in weeks]
    out = []
    for key, name in SERIES.items():
        points = [(c, w.figures.series()[key]) for c, w in zip(captions, weeks, strict=True)]
        shown = number(total.average) if key == "average" else percent(total.series()[key])
        chart = trend(points, f"{name} of {whose}, week by week", before, "" if key == "average" else "%")
        out.append((name, shown, chart))
    calls = [(c, w.figures.calls) for c, w in zip(captions, weeks, strict=True)]
    out.append(("Calls", str(total.calls), count_bars(calls, f"Calls of {whose} per week", before)))
    return out


class ReportPages(PageFamily):
    def routes(self) -> list[Route]:
        return [
            Route("/reports", self.department),
            Route("/reports/monthly", self.monthly),
            Route("/units/{unit_id:id}/report", self.unit),
        ]

    def period(self, request: Request, default: str = "this-month") -> tuple[Period, str | None]:
        return asked_period(request, self.d.today(), default)

    async def department(self, request: Request) -> Response:
        d = self.d
        who = signed_in(request)
        units = d.department.periods.units(who.actor, "dashboard")
        period, error = self.period(request)
        report = await d.store.reader.run(d.department.periods.reader(units, period, d.today()))
        whose = "all units" if d.department.access.role_of(who.actor.id) == "admin" else "your units"
        return units_page(
            d,
            request,
            who,
            "reports/department.html",
            f"Reports: {period.name()}",
            error=error,
            sel=selector("/reports", period),
            whose=whose,
            stats=figure_stats(report.together, report.pass_mark),
            panels=panels(report.trend, period, whose, report.together),
            weeks=trend_rows(report.trend),
            units=compare_rows(report),
            labels=LABELS_SHOWN,
            pass_mark=report.pass_mark,
            month=(period.first if period.whole_month else relative("last-month", d.today()).first).strftime("%Y-%m"),
        )

    async def unit(self, request: Request) -> Response:
        d = self.d
        who = signed_in(request)
        (unit,) = d.department.periods.chosen(who.actor, None, request.path_params["unit_id"], "dashboard")
        period, error = self.period(request)
        sel = selector(f"/units/{unit.id}/report", period)
        report = await d.store.reader.run(d.department.periods.reader([unit], period, d.today(), detail=True))
        return d.page(
            request,
            "reports/unit.html",
            f"{unit.name}: {period.name()}",
            session=who.session,
            crumbs=[("Units", "/"), (unit.name, f"/units/{unit.id}"), ("All reports", f"/reports?{sel['query']}")],
            error=error,
            unit=unit,
            sel=sel,
            labels=LABELS_SHOWN,
            **unit_context(report, unit, d.department.calls.title),
        )

    async def monthly(self, request: Request) -> Response:
        """The printable monthly report: a page per unit (`?month=2026-11`; last month by default)."""
        d = self.d
        who = signed_in(request)
        units = d.department.periods.units(who.actor, "dashboard")
        period, error = self.period(request, "last-month")
        report = await d.store.reader.run(d.department.periods.reader(units, period, d.today(), detail=True))
        return d.page(
            request,
            "reports/monthly.html",
            f"Monthly report: {period.short()}",
            session=who.session,
            error=error,
            period=period,
            month=period.first.strftime("%Y-%m"),
            printed=weekday_date(d.today(), year=True),
            pages=[unit_context(report, u, d.department.calls.title) | {"unit": u} for u in units],
            csv=selector("", period)["csv"],
        )


def unit_context(report: PeriodReport, unit: Unit, title: Callable[[str], str]) -> dict[str, Any]:
    """One unit's part of a report: figures, trend panels and table, who is behind, automatic fails by name."""
    figures: Figures = report.each.get(unit.id) or Figures()
    weeks = report.unit_trends.get(unit.id, report.trend)
    behind: list[AssignmentStatus] = report.behind.get(unit.id, [])
    return {
        "stats": figure_stats(figures, report.pass_mark),
        "rates": [(name, percent(figures.rates.get(c))) for c, name in list(SERIES.items())[:5]],
        "panels": panels(weeks, report.period, unit.name, figures),
        "weeks": trend_rows(weeks),
        "behind": behind_lines(behind, title, unit),
        "faults": report.faults.get(unit.id, []),
        "calls": figures.calls,
        "average": number(figures.average),
        "pass_mark": report.pass_mark,
    }
