"""The heavy reads behind staff screens and pages, aggregated in SQL: never a query per attempt.

Each function takes a plain sqlite3 connection, so it runs on the store's read-only
connection in a worker thread (`Store.reader`) while the event loop goes on answering
trainees. "Finished attempts of a unit" are its members' finished attempts made since
they joined it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from bot.config import DEFAULT_PASS_MARK
from bot.storage.standings import BY_NAME, COUNTS, MEMBER_DUE, misinformed, passes, rows
from bot.storage.units import Unit
from bot.transcript import CRITERIA

UNIT_ATTEMPTS = (
    "unit_members m join attempts t on t.user_id = m.user_id and t.status = 'finished' and t.started_at >= m.joined_at"
)


FAILED = "coalesce(sum(t.auto_fail is not null and t.auto_fail != '[]'), 0)"
VERDICTS = ", ".join(f"v_{c}" for c in CRITERIA)


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def unit_overview(
    conn: sqlite3.Connection, unit_ids: Sequence[int], today: str, pass_mark: int = DEFAULT_PASS_MARK
) -> dict[int, dict[str, Any]]:
    """Per unit: members, finished attempts, average total, automatic fails, pass rate per criterion, and
    each assignment's members who passed it (done), tried it without passing, and have not passed it past its
    due date (overdue)."""
    if not unit_ids:
        return {}
    marks = _marks(unit_ids)
    out: dict[int, dict[str, Any]] = {
        u: {"members": 0, "attempts": 0, "average": None, "failed": 0, "rates": {}, "assignments": []} for u in unit_ids
    }
    for r in rows(
        conn, f"select unit_id, count(*) n from unit_members where unit_id in ({marks}) group by 1", unit_ids
    ):
        out[r["unit_id"]]["members"] = r["n"]
    rates = ", ".join(f"avg(t.v_{c}) as {c}" for c in CRITERIA)
    for r in rows(
        conn,
        f"select m.unit_id, count(*) n, avg(t.total) average, {FAILED} failed, {rates} from {UNIT_ATTEMPTS} "
        f"where m.unit_id in ({marks}) group by 1",
        unit_ids,
    ):
        out[r["unit_id"]].update(
            attempts=r["n"],
            average=r["average"],
            failed=r["failed"],
            rates={c: 100 * r[c] for c in CRITERIA if r[c] is not None},
        )
    for r in rows(
        conn,
        "select a.id, a.unit_id, a.scenario_id, a.due, a.pass_mark, count(m.user_id) members, "
        f"coalesce(sum(exists (select 1 from attempts t where {COUNTS} and {passes(pass_mark)})), 0) done, "
        f"coalesce(sum(exists (select 1 from attempts t where {COUNTS})), 0) tried, "
        f"coalesce(sum(m.user_id is not null and {MEMBER_DUE} < ? "
        f"and not exists (select 1 from attempts t where {COUNTS} and {passes(pass_mark)})), 0) overdue "
        f"from assignments a left join unit_members m on m.unit_id = a.unit_id where a.unit_id in ({marks}) "
        "group by a.id order by a.id",
        [today, *unit_ids],
    ):
        out[r["unit_id"]]["assignments"].append({**r, "tried": r["tried"] - r["done"]})
    return out


def members_of_unit(
    conn: sqlite3.Connection, unit_id: int, today: str, pass_mark: int = DEFAULT_PASS_MARK
) -> list[dict[str, Any]]:
    """Each member with their finished attempts since joining, average total, and assignments overdue (not passed
    by the date each is due for them: a late joiner's own)."""
    return rows(
        conn,
        "select u.id, u.first_name, u.username, u.full_name, u.badge, "
        "(select count(*) from attempts t where t.user_id = m.user_id and t.status = 'finished' "
        " and t.started_at >= m.joined_at) attempts, "
        "(select avg(t.total) from attempts t where t.user_id = m.user_id and t.status = 'finished' "
        " and t.started_at >= m.joined_at) average, "
        f"(select count(*) from assignments a where a.unit_id = m.unit_id and a.due is not null and {MEMBER_DUE} < ? "
        f" and not exists (select 1 from attempts t where {COUNTS} and {passes(pass_mark)})) overdue "
        f"from unit_members m join users u on u.id = m.user_id where m.unit_id = ? order by {BY_NAME}, u.id",
        [today, unit_id],
    )


def member_detail(conn: sqlite3.Connection, unit_id: int, user_id: int) -> dict[str, Any] | None:
    """A member of a unit: their assignments (latest and best totals), and finished attempts, newest first."""
    member = rows(
        conn,
        "select u.id, u.first_name, u.username, u.full_name, u.badge, m.joined_at "
        "from unit_members m join users u on u.id = m.user_id "
        "where m.unit_id = ? and m.user_id = ?",
        [unit_id, user_id],
    )
    if not member:
        return None
    joined = member[0]["joined_at"]
    attempts = rows(
        conn,
        f"select id, scenario_id, started_at, finished_at, total, auto_fail, {misinformed()} as misinformed, "
        f"{VERDICTS} from attempts t where user_id = ? and status = 'finished' and started_at >= ? order by id desc",
        [user_id, joined],
    )
    assignments = rows(
        conn,
        f"select a.id, a.scenario_id, a.assigned_at, a.pass_mark, {MEMBER_DUE} as due from assignments a "
        "join unit_members m on m.unit_id = a.unit_id and m.user_id = ? where a.unit_id = ? order by a.id",
        [user_id, unit_id],
    )
    return {**member[0], "attempts": attempts, "assignments": assignments}


def _each_attempt_once(unit_ids: Sequence[int]) -> tuple[str, list[Any]]:
    """FROM and WHERE for the units' finished attempts, each once however many of the units it shows under."""
    if len(unit_ids) == 1:  # one unit: an attempt joins its member row once
        return f"from {UNIT_ATTEMPTS} where m.unit_id = ?", list(unit_ids)
    return (
        "from attempts t where t.status = 'finished' and exists (select 1 from unit_members m "
        f"where m.user_id = t.user_id and m.unit_id in ({_marks(unit_ids)}) and m.joined_at <= t.started_at)",
        list(unit_ids),
    )


def report_summary(conn: sqlite3.Connection, unit_ids: Sequence[int]) -> dict[str, Any]:
    """Each attempt once, whichever units it shows under: count, average, automatic fails, pass rates."""
    if not unit_ids:
        return {"attempts": 0, "average": None, "failed": 0, "rates": {}}
    source, params = _each_attempt_once(unit_ids)
    rates = ", ".join(f"avg(t.v_{c})" for c in CRITERIA)
    count, average, failed, *met = conn.execute(
        f"select count(*), avg(t.total), {FAILED}, {rates} {source}",
        params,
    ).fetchone()
    return {
        "attempts": count,
        "average": average,
        "failed": failed,
        "rates": {c: 100 * m for c, m in zip(CRITERIA, met, strict=True) if m is not None},
    }


def weekly_totals(conn: sqlite3.Connection, unit_ids: Sequence[int]) -> list[tuple[str, int]]:
    """(finished at, total) of each attempt once, oldest first: for the weekly chart."""
    if not unit_ids:
        return []
    source, params = _each_attempt_once(unit_ids)
    return conn.execute(f"select t.finished_at, coalesce(t.total, 0) {source} order by t.id", params).fetchall()


def export_rows(conn: sqlite3.Connection, unit_ids: Sequence[int]) -> list[dict[str, Any]]:
    """One row per (unit, attempt), oldest attempt first, each criterion's verdict as met, missed or n/a."""
    if not unit_ids:
        return []
    verdicts = ", ".join(f"case t.v_{c} when 1 then 'met' when 0 then 'missed' else 'n/a' end as {c}" for c in CRITERIA)
    return rows(
        conn,
        f"select t.id, u.first_name, t.user_id, n.name as unit_name, t.scenario_id, t.started_at, t.finished_at, "
        f"t.auto_fail, t.addressed, t.total, {verdicts}, "
        f"exists (select 1 from overrides o where o.attempt_id = t.id) as overridden "
        f"from {UNIT_ATTEMPTS} join units n on n.id = m.unit_id join users u on u.id = t.user_id "
        f"where m.unit_id in ({_marks(unit_ids)}) order by t.id, n.id",
        unit_ids,
    )


def attempt_count(conn: sqlite3.Connection, unit_ids: Sequence[int]) -> int:
    if not unit_ids:
        return 0
    source, params = _each_attempt_once(unit_ids)
    return conn.execute(f"select count(*) {source}", params).fetchone()[0]


def criterion_history(conn: sqlite3.Connection, user_id: int) -> list[dict[str, Any]]:
    """A trainee's finished attempts, oldest first, with each applicable criterion's verdict."""
    return rows(
        conn,
        "select a.id, a.finished_at, a.total, r.criterion, r.met from attempts a "
        "join results r on r.attempt_id = a.id where a.user_id = ? and a.status = 'finished' and r.applicable "
        "order by a.id, r.criterion",
        [user_id],
    )


def unit_weekly(
    conn: sqlite3.Connection, unit_ids: Sequence[int], today: date, weeks: int, tz: tzinfo = UTC
) -> dict[int, list[dict]]:
    """Per unit, its last `weeks` weeks in local time (DESKDRILL_TIMEZONE; Monday first, oldest first,
    empty weeks included): the week's Monday, its finished calls and their average total (None when
    there were none). Stored times are UTC, so each local Monday midnight becomes a UTC bound."""
    this_monday = today - timedelta(days=today.weekday())
    mondays = [this_monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]
    bounds = [datetime.combine(m, time(0), tz).astimezone(UTC).isoformat(timespec="seconds") for m in mondays]
    out = {u: [{"week": m.isoformat(), "attempts": 0, "average": None} for m in mondays] for u in unit_ids}
    if not unit_ids:
        return out
    bucket = (
        "case " + " ".join(f"when t.finished_at < ? then {i - 1}" for i in range(1, weeks)) + f" else {weeks - 1} end"
    )
    for r in rows(
        conn,
        f"select m.unit_id, {bucket} week, count(*) n, avg(t.total) average from {UNIT_ATTEMPTS} "
        f"where m.unit_id in ({_marks(unit_ids)}) and t.finished_at >= ? "
        "and t.started_at >= date(?, '-1 day') group by 1, 2",  # started_at: the index's range
        [*bounds[1:], *unit_ids, bounds[0], bounds[0][:10]],
    ):
        out[r["unit_id"]][r["week"]].update(attempts=r["n"], average=r["average"])
    return out


def units_by_ids(conn: sqlite3.Connection, unit_ids: Sequence[int]) -> list[Unit]:
    if not unit_ids:
        return []
    found = conn.execute(
        f"select id, name, code, revoked_at, archived_at from units where id in ({_marks(unit_ids)})", list(unit_ids)
    ).fetchall()
    return [Unit(r[0], r[1], r[2], r[3] is not None, r[4] is not None) for r in found]
