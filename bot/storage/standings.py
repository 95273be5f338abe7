"""Who passed which assignment: the pass rule in SQL, and each member's standing on each assignment.

An attempt counts for an assignment when it is finished and was started after the assignment was
made and after the trainee joined the unit. It passes when its total reaches the assignment's pass
mark (the assignment's own, else agency.yaml's) and it has neither an automatic fail nor wrong
information, whatever its total. `bot.training.standings.passes` is the same rule in Python
(tests/test_pass_marks.py holds the two together).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

COUNTS = (
    "t.user_id = m.user_id and t.scenario_id = a.scenario_id and t.status = 'finished' "
    "and t.started_at >= a.assigned_at and t.started_at >= m.joined_at"
)
"""Attempt `t` counts for assignment `a` of member row `m` (the index attempts_user_scenario serves it)."""

BY_NAME = "coalesce(u.full_name, u.first_name) collate nocase"
"""People in the order staff read their names (bot.training.names): by full name, else first name."""
MEMBER_DUE = "(case when m.joined_at > a.assigned_at and m.grace_until > a.due then m.grace_until else a.due end)"
"""SQL: when assignment `a` is due for member row `m`: its own due date, or, for a member who joined after it was
made, the end of their grace period when that is later (bot.training.dates.member_due is the same rule)."""

ACTIVE = "(select n.archived_at is null from units n where n.id = a.unit_id)"
"""SQL: assignment `a` belongs to a unit that is not archived."""

WRONG_INFORMATION = (
    "(exists (select 1 from json_each({t}.addressed, '$.facts') f where json_extract(f.value, '$.status') = 'wrong') "
    "or coalesce(json_array_length({t}.addressed, '$.wrong_information'), 0) > 0)"
)
"""Attempt `{t}` told the person something wrong: a fact given wrong, or other wrong information."""


def passes(default_mark: int, t: str = "t", a: str = "a") -> str:
    """SQL: attempt `t` passes assignment `a` (whose own pass mark, when set, overrides `default_mark`).
    The mark is a validated whole number (bot.config.load_pass_mark), written into the SQL as one."""
    mark = int(default_mark)
    return (
        f"({t}.total >= coalesce({a}.pass_mark, {mark}) and ({t}.auto_fail is null or {t}.auto_fail = '[]') "
        f"and not {WRONG_INFORMATION.format(t=t)})"
    )


def misinformed(t: str = "t") -> str:
    """SQL: 1 when attempt `t` held wrong information, else 0."""
    return f"({WRONG_INFORMATION.format(t=t)})"


def rows(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def assignments_in(conn: sqlite3.Connection, unit_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The units' assignments, oldest first."""
    if not unit_ids:
        return []
    marks = ",".join("?" * len(unit_ids))
    return rows(
        conn,
        "select a.id, a.unit_id, a.scenario_id, a.due, a.pass_mark, n.name as unit_name from assignments a "
        f"join units n on n.id = a.unit_id where a.unit_id in ({marks}) order by a.unit_id, a.id",
        unit_ids,
    )


def member_standings(
    conn: sqlite3.Connection, unit_ids: Sequence[int], default_mark: int, assignment_id: int | None = None
) -> list[dict[str, Any]]:
    """One row per (assignment, member) of the units (or of one assignment): the member, their finished tries
    at it, their best total, whether any try passed, and when it is due for them. By assignment, then first name."""
    if not unit_ids:
        return []
    marks = ",".join("?" * len(unit_ids))
    one = " and a.id = ?" if assignment_id is not None else ""
    return rows(
        conn,
        "select a.id as assignment_id, u.id as user_id, u.first_name, u.username, u.full_name, u.badge, u.chat_id, "
        "count(t.id) as tries, "
        f"max(t.total) as best, coalesce(max({passes(default_mark)}), 0) as passed, {MEMBER_DUE} as due "
        "from assignments a join unit_members m on m.unit_id = a.unit_id join users u on u.id = m.user_id "
        f"left join attempts t on {COUNTS} where a.unit_id in ({marks}){one} "
        f"group by a.id, u.id order by a.id, {BY_NAME}, u.id",
        [*unit_ids, *([assignment_id] if assignment_id is not None else [])],
    )


def user_standings(conn: sqlite3.Connection, user_id: int, default_mark: int) -> list[dict[str, Any]]:
    """What a trainee's active units assigned them, soonest due first (undated last), with their tries, best and
    pass; the due date is theirs (a late joiner's may be later than the unit's)."""
    return rows(
        conn,
        f"select a.id, a.scenario_id, {MEMBER_DUE} as due, a.pass_mark, n.name as unit_name, count(t.id) as tries, "
        f"max(t.total) as best, coalesce(max({passes(default_mark)}), 0) as passed "
        "from unit_members m join assignments a on a.unit_id = m.unit_id join units n on n.id = a.unit_id "
        f"left join attempts t on {COUNTS} where m.user_id = ? and n.archived_at is null "
        f"group by a.id order by {MEMBER_DUE} is null, {MEMBER_DUE}, a.id",
        [user_id],
    )


def passed_by(conn: sqlite3.Connection, assignment_id: int, default_mark: int) -> set[int]:
    """The members who passed an assignment."""
    found = conn.execute(
        "select distinct m.user_id from assignments a join unit_members m on m.unit_id = a.unit_id "
        f"join attempts t on {COUNTS} where a.id = ? and {passes(default_mark)}",
        [assignment_id],
    ).fetchall()
    return {r[0] for r in found}
