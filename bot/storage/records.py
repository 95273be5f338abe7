"""The reads behind the records a training office imports: each finished attempt of some units once, in a
period, with the trainee's full name and badge, the units it shows under and the pass mark that applies;
its overrides; and one attempt as an xAPI statement describes it.

Each function takes a plain sqlite3 connection (the export process's, or a read-only one in a thread).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from bot.storage.standings import misinformed, rows
from bot.transcript import CRITERIA

VERDICTS = ", ".join(f"case t.v_{c} when 1 then 'met' when 0 then 'missed' else 'n/a' end as {c}" for c in CRITERIA)
COLUMNS = (
    "t.id, t.user_id, u.first_name, u.full_name, u.badge, t.scenario_id, t.started_at, t.finished_at, t.total, "
    f"t.auto_fail, t.addressed, {misinformed()} as misinformed, {VERDICTS}"
)


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def _scope(unit_ids: Sequence[int], since: str | None, until: str | None) -> tuple[str, list[Any]]:
    """WHERE for the units' finished attempts (made while a member), each once, finished in [since, until)."""
    where = (
        f"t.status = 'finished' and exists (select 1 from unit_members m where m.user_id = t.user_id "
        f"and m.unit_id in ({_marks(unit_ids)}) and m.joined_at <= t.started_at)"
    )
    params: list[Any] = list(unit_ids)
    if since:
        where += " and t.finished_at >= ?"
        params.append(since)
    if until:
        where += " and t.finished_at < ?"
        params.append(until)
    return where, params


def attempt_count(conn: sqlite3.Connection, unit_ids: Sequence[int], since: str | None, until: str | None) -> int:
    if not unit_ids:
        return 0
    where, params = _scope(unit_ids, since, until)
    return conn.execute(f"select count(*) from attempts t where {where}", params).fetchone()[0]


def attempt_rows(
    conn: sqlite3.Connection, unit_ids: Sequence[int], since: str | None, until: str | None
) -> list[dict[str, Any]]:
    """One row per attempt, oldest finish first: the trainee's names and badge, the call, its verdicts (met,
    missed, n/a), `units` (the units it shows under, by name) and `own_mark` (the pass mark of an assignment of
    those units it counts for, when that assignment has one of its own; else NULL: the agency's applies)."""
    if not unit_ids:
        return []
    where, params = _scope(unit_ids, since, until)
    marks = _marks(unit_ids)
    return rows(
        conn,
        f"select {COLUMNS}, "
        "(select group_concat(name, '; ') from (select n.name from unit_members m join units n on n.id = m.unit_id "
        f" where m.user_id = t.user_id and m.unit_id in ({marks}) and m.joined_at <= t.started_at order by n.name)) "
        "as units, "
        "(select a.pass_mark from assignments a join unit_members m on m.unit_id = a.unit_id "
        f" where m.user_id = t.user_id and a.unit_id in ({marks}) and a.scenario_id = t.scenario_id "
        " and t.started_at >= a.assigned_at and t.started_at >= m.joined_at and a.pass_mark is not null "
        " order by a.id limit 1) as own_mark "
        f"from attempts t join users u on u.id = t.user_id where {where} order by t.finished_at, t.id",
        [*unit_ids, *unit_ids, *params],
    )


def overrides_of(
    conn: sqlite3.Connection, unit_ids: Sequence[int], since: str | None, until: str | None
) -> list[dict[str, Any]]:
    """Every override of those attempts, oldest first, with who made it (full name, else first name)."""
    if not unit_ids:
        return []
    where, params = _scope(unit_ids, since, until)
    return rows(
        conn,
        "select o.attempt_id, o.criterion, o.original_met, o.met, o.reason, o.at, "
        "coalesce(b.full_name, b.first_name) as by_name from overrides o left join users b on b.id = o.by "
        f"where o.attempt_id in (select t.id from attempts t where {where}) order by o.id",
        params,
    )


def one_attempt(conn: sqlite3.Connection, attempt_id: int) -> dict[str, Any] | None:
    """A finished attempt as `attempt_rows` has it, its pass mark from any unit of the trainee's."""
    found = rows(
        conn,
        f"select {COLUMNS}, "
        "(select a.pass_mark from assignments a join unit_members m on m.unit_id = a.unit_id "
        " where m.user_id = t.user_id and a.scenario_id = t.scenario_id and t.started_at >= a.assigned_at "
        " and t.started_at >= m.joined_at and a.pass_mark is not null order by a.id limit 1) as own_mark "
        "from attempts t join users u on u.id = t.user_id where t.id = ? and t.status = 'finished'",
        [attempt_id],
    )
    return found[0] if found else None
