"""Reporting periods, as the rules read them: local days in the agency's time zone, weeks from Monday, months
from the 1st, whatever daylight saving does; typed and linked periods; and the figures of a period, each call
counted in the period its finish falls in."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.storage.standings import misinformed
from bot.storage.store import Store
from bot.storage.units import Unit
from bot.training.outcome import Refused
from bot.training.period_reports import PeriodReports
from bot.training.periods import Period, between, from_query, looks_like_period, month, parse, relative
from bot.transcript import CRITERIA
from tests.test_pass_marks import CASES

LA = ZoneInfo("America/Los_Angeles")


# --- weeks and months ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "kind", "first", "last"),
    [
        (date(2026, 11, 29), "this-week", date(2026, 11, 23), date(2026, 11, 29)),  # a Sunday: still Monday's week
        (date(2026, 11, 30), "this-week", date(2026, 11, 30), date(2026, 12, 6)),  # a Monday starts a new one
        (date(2026, 11, 30), "last-week", date(2026, 11, 23), date(2026, 11, 29)),
        (date(2026, 12, 2), "last-week", date(2026, 11, 23), date(2026, 11, 29)),
        (date(2026, 11, 23), "this-month", date(2026, 11, 1), date(2026, 11, 30)),
        (date(2026, 11, 23), "last-month", date(2026, 10, 1), date(2026, 10, 31)),
        (date(2026, 1, 5), "last-month", date(2025, 12, 1), date(2025, 12, 31)),  # across a new year
        (date(2026, 3, 31), "last-month", date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 1, 1), "last-week", date(2025, 12, 22), date(2025, 12, 28)),
    ],
)
def test_weeks_start_on_monday_and_months_on_the_first(today: date, kind: str, first: date, last: date) -> None:
    period = relative(kind, today)
    assert (period.first, period.last) == (first, last)
    assert period.first.weekday() == 0 or kind.endswith("month")


@pytest.mark.parametrize(
    ("raw", "since", "until"),
    [
        # 1 November 2026: clocks go back at 02:00, so its midnight is still daylight time (UTC-7)
        ("2026-10", "2026-10-01T07:00:00+00:00", "2026-11-01T07:00:00+00:00"),
        ("2026-11", "2026-11-01T07:00:00+00:00", "2026-12-01T08:00:00+00:00"),  # ends in standard time (UTC-8)
        # 8 March 2026: clocks go forward at 02:00
        ("2026-03", "2026-03-01T08:00:00+00:00", "2026-04-01T07:00:00+00:00"),
        ("2026-03-02..2026-03-08", "2026-03-02T08:00:00+00:00", "2026-03-09T07:00:00+00:00"),  # a 167-hour week
    ],
)
def test_a_periods_bounds_are_local_midnights_across_daylight_saving(raw: str, since: str, until: str) -> None:
    assert parse(raw, date(2026, 12, 5)).bounds(LA) == (since, until)


def test_the_trend_covers_eight_weeks_to_the_end_of_the_period_and_never_past_today() -> None:
    october = month("2026-10")
    mondays, bounds = october.trend_bounds(date(2026, 12, 5), LA)
    assert mondays[0] == date(2026, 9, 7) and mondays[-1] == date(2026, 10, 26) and len(mondays) == 8
    assert bounds[-1] == "2026-11-01T07:00:00+00:00", "the last week is cut at the month's end"
    assert all(m.weekday() == 0 for m in mondays)
    this_month = relative("this-month", date(2026, 12, 5))
    assert this_month.mondays(date(2026, 12, 5))[-1] == date(2026, 11, 30), "no weeks after today"
    year = parse("2026", date(2026, 12, 5))
    assert len(year.mondays(date(2026, 12, 5))) == 49 and year.name() == "2026"


@pytest.mark.parametrize(
    ("period", "words", "token"),
    [
        (relative("this-month", date(2026, 11, 23)), "this month (Sun 1 Nov \u2013 Mon 30 Nov 2026)", "this-month"),
        (relative("last-week", date(2026, 11, 23)), "last week (Mon 16 Nov \u2013 Sun 22 Nov 2026)", "last-week"),
        (month("2026-11"), "November 2026", "2026-11"),
        (
            between("2025-12-29", "2026-01-04", date(2026, 1, 4)),
            "Mon 29 Dec 2025 \u2013 Sun 4 Jan 2026",
            "2025-12-29..2026-01-04",
        ),
        (between("2026-11-02", "2026-11-02", date(2026, 11, 5)), "Mon 2 Nov 2026", "2026-11-02..2026-11-02"),
    ],
)
def test_a_period_reads_with_weekdays_and_writes_a_token(period: Period, words: str, token: str) -> None:
    assert period.words() == words
    assert period.token() == token and parse(token, date(2026, 11, 23)) == period
    assert parse(period.fixed(), date(2026, 12, 5)).first == period.first, "the fixed token names the same days"


@pytest.mark.parametrize(
    ("query", "first", "last"),
    [
        ({}, date(2026, 11, 1), date(2026, 11, 30)),
        ({"period": "last-month"}, date(2026, 10, 1), date(2026, 10, 31)),
        ({"month": "2026-09"}, date(2026, 9, 1), date(2026, 9, 30)),
        ({"from": "2026-11-02", "to": "2026-11-15", "period": "last-week"}, date(2026, 11, 2), date(2026, 11, 15)),
    ],
)
def test_a_pages_query_gives_its_period(query: dict, first: date, last: date) -> None:
    period = from_query(query, date(2026, 11, 23))
    assert (period.first, period.last) == (first, last)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("yesterday", "\u201cyesterday\u201d is not a period: use this-week, last-week"),
        ("2026-13", "\u201c2026-13\u201d is not a month: use YYYY-MM"),
        ("2026-11-31..2026-12-05", "From: \u201c2026-11-31\u201d is not a date: use YYYY-MM-DD"),
        ("2026-11-15..2026-11-01", "The period ends (Sun 1 Nov 2026) before it starts (Sun 15 Nov 2026): swap"),
        ("2024-01-01..2026-01-01", "A period covers at most 366 days"),
        ("2026-12-24..2026-12-31", "The period starts after today (Mon 23 Nov 2026)"),
    ],
)
def test_a_wrong_period_is_refused_saying_what_to_type(raw: str, message: str) -> None:
    with pytest.raises(Refused) as refusal:
        parse(raw, date(2026, 11, 23))
    assert str(refusal.value).startswith(message)


def test_half_a_range_is_refused_and_periods_are_told_from_unit_codes() -> None:
    with pytest.raises(Refused, match="Give both dates of the period"):
        from_query({"from": "2026-11-01"}, date(2026, 11, 23))
    assert all(looks_like_period(p) for p in ("last-month", "2026-11", "2026-11-01..2026-11-02", "2026"))
    assert not any(looks_like_period(c) for c in ("day7", "K3X9QP", ""))


# --- the figures of a period -------------------------------------------------------------------------


class Allowed:
    """Access that lets everything through: these tests are about what is counted, not who may see it."""

    def require(self, actor, role, command) -> None:
        pass


@pytest.fixture
def store() -> Store:
    store = Store(Database(memory=True), clock=lambda: datetime(2026, 9, 1, tzinfo=UTC))
    store.db.execute("insert into units (id, name, code, created_by, created_at) values (1, 'Day shift', 'day', 9, '')")
    for user_id in (101, 102):
        store.register(user_id, user_id, f"T{user_id}", None)
        store.db.execute(
            "insert into unit_members (unit_id, user_id, joined_at) values (1, ?, '2026-09-01T00:00:00+00:00')",
            [user_id],
        )
    return store


def call(store: Store, user_id: int, finished: str, total: int = 100, addressed: dict | None = None) -> int:
    """A finished call of the trainee's, started ten minutes before it finished, every step met."""
    started = (datetime.fromisoformat(finished) - timedelta(minutes=10)).isoformat()
    verdicts = ", ".join(f"v_{c}" for c in CRITERIA)
    return store.db.execute(
        "insert into attempts (user_id, chat_id, scenario_id, seed, status, started_at, finished_at, total, "
        f"auto_fail, addressed, {verdicts}) values (?, ?, 'car-break-in', 1, 'finished', ?, ?, ?, '[]', ?, "
        f"{', '.join('1' for _ in CRITERIA)})",
        [user_id, user_id, started, finished, total, json.dumps(addressed) if addressed else None],
    ).lastrowid


def figures(store: Store, raw: str) -> dict:
    reports = PeriodReports(Allowed(), LA)
    period = parse(raw, date(2026, 12, 5))
    return reports.reader([Unit(1, "Day shift", "day", False)], period, date(2026, 12, 5))(store.db.conn)


def test_a_call_counts_in_the_local_month_its_finish_falls_in(store: Store) -> None:
    call(store, 101, "2026-11-01T06:59:00+00:00")  # 23:59 on Saturday 31 October in Los Angeles
    call(store, 101, "2026-11-01T07:00:00+00:00")  # midnight, 1 November
    call(store, 102, "2026-12-01T07:59:00+00:00", total=40)  # 23:59 on 30 November (standard time)
    call(store, 102, "2026-12-01T08:00:00+00:00")  # 1 December
    october, november = figures(store, "2026-10"), figures(store, "2026-11")
    assert october.together.calls == 1 and november.together.calls == 2
    assert november.together.trainees == 2 and november.together.average == 70
    assert november.together.passed == 1 and november.together.pass_rate == 50
    weeks = {w.monday: w.figures.calls for w in november.trend}
    assert weeks[date(2026, 10, 26)] == 2, "31 October and 1 November fall in the week of Monday 26 October"
    assert weeks[date(2026, 11, 30)] == 1, "30 November is that week's; 1 December is past the period"


def test_the_fact_figures_follow_what_an_attempt_stores_whoever_writes_it(store: Store) -> None:
    """m012's triggers keep facts_asked, facts_right and wrong_info from `addressed`: on insert, and on each
    later write (grading, a regrade, the purge), agreeing with the rule standings.misinformed writes in SQL."""
    ids = [call(store, 101, "2026-11-10T12:00:00+00:00", total, addressed) for total, _, addressed in CASES]
    store.db.execute("update attempts set addressed = ? where id = ?", [json.dumps(CASES[4][2]), ids[0]])
    found = store.db.execute(
        f"select facts_asked, facts_right, wrong_info, {misinformed()} from attempts t order by id"
    ).fetchall()
    assert [tuple(r[:3]) for r in found] == [
        (1, 0, 1),
        (2, 1, 0),
        (0, 0, 0),
        (2, 1, 0),
        (1, 0, 1),
        (1, 1, 1),
        (1, 0, 0),
    ]
    assert [r[2] for r in found] == [r[3] for r in found]
    store.db.execute("update attempts set addressed = 'not json' where id = ?", [ids[1]])
    assert store.db.execute("select facts_asked from attempts where id = ?", [ids[1]]).fetchone() == (0,)
    november = figures(store, "2026-11").together
    assert november.wrong == 3 and november.facts == pytest.approx(100 * 2 / 6)
