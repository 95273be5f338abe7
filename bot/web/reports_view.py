"""A period report's figures as the report pages show them: the figures' cards, the week-by-week table, the units
side by side (with sort keys), and the names behind the figures, kept short enough for one printed page a unit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from bot.clock import weekday_date
from bot.storage.units import Unit
from bot.training.period_reports import Figures, PeriodReport, TrendWeek
from bot.training.standings import AssignmentStatus, Trainee, nobody_behind, nothing_assigned
from bot.transcript import CRITERIA
from bot.web.figures import average_key, number, percent

NAMES = 12
"""Names on a line of who is behind before "and N more" (a printed page holds a unit)."""
ASSIGNMENTS = 8
"""Assignments listed with who is behind them; more are counted."""


def figure_stats(f: Figures, pass_mark: int) -> list[tuple[str, Any]]:
    return [
        ("Calls", f.calls),
        ("Trainees active", f.trainees),
        (f"Passed (mark {pass_mark})", percent(f.pass_rate)),
        ("Average total", number(f.average)),
        ("Facts given right", percent(f.facts)),
        ("Automatic fails", f.failed),
        ("Wrong information", f.wrong),
    ]


def trend_rows(weeks: Sequence[TrendWeek]) -> list[dict[str, Any]]:
    """A row per week, newest first: calls, average, facts given right, each criterion's share met."""
    return [
        {
            "week": weekday_date(w.monday, year=True),
            "calls": w.figures.calls,
            "average": number(w.figures.average),
            "facts": percent(w.figures.facts),
            "rates": [percent(w.figures.rates.get(c)) for c in CRITERIA],
        }
        for w in reversed(weeks)
    ]


def compare_rows(report: PeriodReport) -> list[dict[str, Any]]:
    """Each unit's figures for the period, with the keys its sortable columns order by (none below any figure)."""
    rows = []
    for unit in report.units:
        f = report.each[unit.id]
        rows.append(
            {
                "unit": unit,
                "calls": f.calls,
                "trainees": f.trainees,
                "passed": (percent(f.pass_rate), average_key(f.pass_rate)),
                "average": (number(f.average), average_key(f.average)),
                "rates": [(percent(f.rates.get(c)), average_key(f.rates.get(c))) for c in CRITERIA],
                "facts": (percent(f.facts), average_key(f.facts)),
                "failed": f.failed,
                "wrong": f.wrong,
            }
        )
    return rows


def names(people: Sequence[Trainee], scores: bool = False) -> str:
    """ "Sam (62), Kim, Lee and 3 more" (best totals when `scores`)."""
    shown = [f"{p.name} ({p.best})" if scores and p.best is not None else str(p.name) for p in people]
    more = f" and {len(shown) - NAMES} more" if len(shown) > NAMES else ""
    return ", ".join(shown[:NAMES]) + more


def behind_lines(statuses: Sequence[AssignmentStatus], title: Callable[[str], str], unit: Unit) -> dict[str, Any]:
    """Each assignment someone has not passed: its call, due date, how many passed, who tried and who has not
    started (ASSIGNMENTS of them at most; `more` counts the rest); `none`, why nobody is (the chat's words)."""
    if unit.archived:
        return {"items": [], "more": 0, "all_passed": 0, "none": nobody_behind([unit.name], every=False)}
    items = [
        {
            "title": title(s.scenario_id),
            "due": weekday_date(date.fromisoformat(s.due), year=True) if s.due else None,
            "overdue": s.overdue,
            "passed": f"{len(s.passed)} of {s.members} passed",
            "tried": names(s.tried, True),
            "not_started": names(s.not_started),
            "pass_mark": s.pass_mark,
        }
        for s in statuses
        if s.behind
    ]
    done = len(statuses) - len(items)
    none = nothing_assigned(f"\u201c{unit.name}\u201d") if not statuses else ""
    return {"items": items[:ASSIGNMENTS], "more": max(0, len(items) - ASSIGNMENTS), "all_passed": done, "none": none}
