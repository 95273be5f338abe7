"""Reports over a period: each unit's figures side by side, the department's, each week's trend, and the
names behind the figures (who is behind on each assignment, who had automatic fails or wrong information).

Who may see which units is decided here (an admin every unit, an instructor their own), as for /results;
the reads run off the event loop on a read-only connection (each `read_*` takes it), and every figure
is typed. A call passes when it reaches agency.yaml's pass mark with no automatic fail and no wrong
information (bot.training.standings.passes).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta, tzinfo
from typing import NamedTuple

from bot.storage import period_reads as reads
from bot.storage.units import Unit
from bot.training.access import Access
from bot.training.names import StaffName, identity, staff_names
from bot.training.periods import Period
from bot.training.standings import DEFAULT_PASS_MARK, AssignmentStatus, statuses
from bot.transcript import CRITERIA, LABELS, User


@dataclass(frozen=True)
class Figures:
    """Finished calls of a period and how they went; percentages from 0 to 100."""

    calls: int = 0
    trainees: int = 0
    """Members with at least one finished call in the period."""
    average: float | None = None
    failed: int = 0
    """Automatic fails."""
    wrong: int = 0
    """Calls that told the person something wrong."""
    passed: int = 0
    rates: dict[str, float] = field(default_factory=dict)
    """Share met per criterion that applied at least once."""
    facts: float | None = None
    """Share of the facts the visitors needed that were given right (None: no call recorded facts)."""

    @property
    def pass_rate(self) -> float | None:
        return 100 * self.passed / self.calls if self.calls else None

    @property
    def weakest(self) -> str | None:
        """The criterion met least often."""
        return min(self.rates, key=lambda c: self.rates[c]) if self.rates else None

    def series(self) -> dict[str, float | None]:
        """What a trend draws, by name: each criterion's share met, facts given right, average total."""
        return {**{c: self.rates.get(c) for c in CRITERIA}, "facts": self.facts, "average": self.average}


SERIES: dict[str, str] = {**LABELS, "facts": "Facts given right", "average": "Average total"}
"""The trend's lines, in order, with their labels."""


class TrendWeek(NamedTuple):
    monday: date
    figures: Figures
"""One point of a trend: the figures of the calls in the week that starts on `monday`."""


@dataclass(frozen=True)
class Faults:
    """A member with automatic fails or wrong information in the period."""

    user_id: int
    name: StaffName
    """As staff read it in the unit's list (bot.training.names)."""
    failed: int
    wrong: int
    calls: int


@dataclass(frozen=True)
class PeriodReport:
    period: Period
    units: list[Unit]
    together: Figures
    """All the units' calls, each once (one unit's own figures when there is one)."""
    each: dict[int, Figures]
    """Per unit id (a unit without calls in the period has empty figures)."""
    trend: list[TrendWeek]
    """The units together, week by week (bot.training.periods.Period.mondays)."""
    pass_mark: int
    unit_trends: dict[int, list[TrendWeek]] = field(default_factory=dict)
    faults: dict[int, list[Faults]] = field(default_factory=dict)
    behind: dict[int, list[AssignmentStatus]] = field(default_factory=dict)
    """Filled by a detailed read (the printable report): per unit."""


def weeks_before(trend: Sequence[TrendWeek], period: Period) -> int:
    """How many of a trend's weeks end before its period begins (the lead-in a chart greys out)."""
    return sum(w.monday + timedelta(days=6) < period.first for w in trend)


def figures_of(row: dict | None) -> Figures:
    if not row or not row.get("calls"):
        return Figures()
    return Figures(
        row["calls"],
        row["trainees"],
        row["average"],
        row["failed"],
        row["wrong"],
        row["passed"],
        {c: 100 * row[c] for c in CRITERIA if row[c] is not None},
        100 * row["facts_right"] / row["facts"] if row["facts"] else None,
    )


def trend_of(mondays: Sequence[date], found: Sequence[dict]) -> list[TrendWeek]:
    """Every week, empty ones included, from rows that carry their week's index."""
    by_week = {r["week"]: r for r in found}
    return [TrendWeek(m, figures_of(by_week.get(i))) for i, m in enumerate(mondays)]


def read_by_unit(
    conn: sqlite3.Connection, unit_ids: Sequence[int], period: Period, tz: tzinfo, pass_mark: int
) -> dict[int, Figures]:
    """Each unit's figures for the period (empty figures for a unit without calls)."""
    found = reads.by_unit(conn, unit_ids, *period.bounds(tz), pass_mark)
    return {u: figures_of(found.get(u)) for u in unit_ids}


def read_trend(
    conn: sqlite3.Connection, unit_ids: Sequence[int], period: Period, today: date, tz: tzinfo, pass_mark: int
) -> list[TrendWeek]:
    mondays, bounds = period.trend_bounds(today, tz)
    return trend_of(mondays, reads.weekly(conn, unit_ids, bounds, pass_mark, each_unit=False))


def read_unit_trends(
    conn: sqlite3.Connection, unit_ids: Sequence[int], period: Period, today: date, tz: tzinfo, pass_mark: int
) -> dict[int, list[TrendWeek]]:
    mondays, bounds = period.trend_bounds(today, tz)
    found: dict[int, list[dict]] = {u: [] for u in unit_ids}
    for row in reads.weekly(conn, unit_ids, bounds, pass_mark, each_unit=True):
        found[row["unit_id"]].append(row)
    return {u: trend_of(mondays, rows) for u, rows in found.items()}


def read_faults(conn: sqlite3.Connection, unit_ids: Sequence[int], since: str, until: str) -> dict[int, list[Faults]]:
    found: dict[int, list[dict]] = {u: [] for u in unit_ids}
    for r in reads.people_with_faults(conn, unit_ids, since, until):
        found[r["unit_id"]].append(r)
    out: dict[int, list[Faults]] = {}
    for unit_id, rows in found.items():
        names = staff_names(identity(r, "user_id") for r in rows)
        out[unit_id] = [Faults(r["user_id"], names[r["user_id"]], r["failed"], r["wrong"], r["calls"]) for r in rows]
    return out


class PeriodReports:
    """/report, the dashboard's report pages and the printable monthly report: the rules and the reads."""

    def __init__(self, access: Access, tz: tzinfo, pass_mark: int = DEFAULT_PASS_MARK) -> None:
        self.access, self.tz, self.pass_mark = access, tz, pass_mark

    def units(self, actor: User, command: str = "report") -> list[Unit]:
        """Every unit for an admin, an instructor's own; Refused (naming `command`) for a trainee."""
        self.access.require(actor, "instructor", command)
        return self.access.visible(actor)

    def chosen(self, actor: User, code: str | None, unit_id: int | None, command: str = "report") -> list[Unit]:
        """The unit asked for (by code or id), else all the person's units."""
        self.access.require(actor, "instructor", command)
        return self.access.chosen(actor, code, unit_id, command)

    def reader(
        self, units: Sequence[Unit], period: Period, today: date, detail: bool = False
    ) -> Callable[[sqlite3.Connection], PeriodReport]:
        """The read of the units' report (run it off the loop): each unit's figures, and the units together with
        their trend. `detail` (a unit's report, the printable one) reads instead each unit's own trend, who is
        behind on each assignment and who had automatic fails or wrong information; several units together then
        have no figures or trend of their own (nothing shows them)."""
        ids = [u.id for u in units]
        tz, mark = self.tz, self.pass_mark

        def read(conn: sqlite3.Connection) -> PeriodReport:
            each = read_by_unit(conn, ids, period, tz, mark)
            if len(ids) == 1:
                trend = read_trend(conn, ids, period, today, tz, mark)
                report = PeriodReport(period, list(units), each[ids[0]], each, trend, mark, {ids[0]: trend})
            elif detail:
                trends = read_unit_trends(conn, ids, period, today, tz, mark)
                report = PeriodReport(period, list(units), Figures(), each, [], mark, trends)
            else:
                together = figures_of(reads.together(conn, ids, *period.bounds(tz), mark))
                report = PeriodReport(
                    period, list(units), together, each, read_trend(conn, ids, period, today, tz, mark), mark
                )
            return replace(report, **self.names(conn, ids, period, today)) if detail else report

        return read

    def cards_reader(
        self, units: Sequence[Unit], period: Period, today: date, trends: bool = True
    ) -> Callable[[sqlite3.Connection], PeriodReport]:
        """The overview's and a unit page's read: each unit's figures for the period and (`trends`) each unit's
        own weeks; nothing of the units together (a department's table has its own totals)."""
        ids = [u.id for u in units]
        tz, mark = self.tz, self.pass_mark

        def read(conn: sqlite3.Connection) -> PeriodReport:
            each = read_by_unit(conn, ids, period, tz, mark)
            weeks = read_unit_trends(conn, ids, period, today, tz, mark) if trends and ids else {}
            return PeriodReport(period, list(units), Figures(), each, [], mark, weeks)

        return read

    def members_reader(self, unit: Unit, period: Period) -> Callable[[sqlite3.Connection], dict[int, Figures]]:
        """Each member's figures for the period (by user id; a member without calls in it is left out)."""
        since, until = period.bounds(self.tz)
        mark = self.pass_mark
        return lambda conn: {
            u: figures_of(r) for u, r in reads.by_member(conn, unit.id, since, until, mark).items()
        }

    def names(self, conn: sqlite3.Connection, ids: list[int], period: Period, today: date) -> dict:
        """Who is behind on each assignment and who had automatic fails or wrong information, per unit."""
        behind: dict[int, list[AssignmentStatus]] = {u: [] for u in ids}
        for s in statuses(conn, ids, today, self.pass_mark):
            behind[s.unit_id].append(s)
        return {"behind": behind, "faults": read_faults(conn, ids, *period.bounds(self.tz))}
