"""The figures of a reporting period, aggregated in SQL: each unit's calls side by side, the department's
(each call once), each week's trend, and the names behind the figures.

A period is a pair of stored UTC instants [since, until) on `finished_at` (bot.training.periods makes
them from local days). "A unit's calls" are its members' finished calls made since they joined it, as
everywhere else (staff_reads.UNIT_ATTEMPTS). Each function takes a plain sqlite3 connection, so it runs
on the read-only connection of a worker thread. The index attempts_user_finished (migration m012) seeks
each member's calls of the period and holds every figure, the facts' too (m012 keeps them in columns).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from bot.storage.staff_reads import FAILED, UNIT_ATTEMPTS
from bot.storage.standings import BY_NAME, rows
from bot.transcript import CRITERIA

WRONG = "coalesce(t.wrong_info, 0)"
"""1 when call `t` told the person something wrong (kept from its facts by migration m012's triggers)."""


def passing(pass_mark: int) -> str:
    """SQL: 1 when call `t` passes agency.yaml's pass mark: the total reaches it, with no automatic fail and no
    wrong information (bot.training.standings.passes). The mark is a validated whole number."""
    return f"(t.total >= {int(pass_mark)} and (t.auto_fail is null or t.auto_fail = '[]') and not {WRONG})"


def figures(pass_mark: int) -> str:
    """The columns every period figure is made of, over calls `t`."""
    rates = ", ".join(f"avg(t.v_{c}) as {c}" for c in CRITERIA)
    return (
        f"count(*) as calls, count(distinct t.user_id) as trainees, avg(t.total) as average, {FAILED} as failed, "
        f"coalesce(sum({WRONG}), 0) as wrong, coalesce(sum({passing(pass_mark)}), 0) as passed, "
        f"coalesce(sum(t.facts_asked), 0) as facts, coalesce(sum(t.facts_right), 0) as facts_right, {rates}"
    )


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def _once(unit_ids: Sequence[int], since: str, until: str) -> tuple[str, list[Any]]:
    """FROM and WHERE for the units' calls finished in the period, each once however many units it shows under:
    each member once, from their first joining of any of them (then the index seeks their calls)."""
    return (
        f"from (select user_id, min(joined_at) as joined_at from unit_members where unit_id in ({_marks(unit_ids)}) "
        "group by user_id) m join attempts t on t.user_id = m.user_id and t.status = 'finished' "
        "and t.started_at >= m.joined_at and t.finished_at >= ? and t.finished_at < ?",
        [*unit_ids, since, until],
    )


def _per_unit(unit_ids: Sequence[int], since: str, until: str) -> tuple[str, list[Any]]:
    """FROM and WHERE for each unit's calls finished in the period (a call counts in every unit it shows under)."""
    return (
        f"from {UNIT_ATTEMPTS} and t.finished_at >= ? and t.finished_at < ? where m.unit_id in ({_marks(unit_ids)})",
        [since, until, *unit_ids],
    )


def by_unit(
    conn: sqlite3.Connection, unit_ids: Sequence[int], since: str, until: str, pass_mark: int
) -> dict[int, dict[str, Any]]:
    """Per unit with calls in the period: `figures`. Units without any are left out."""
    if not unit_ids:
        return {}
    source, params = _per_unit(unit_ids, since, until)
    found = rows(conn, f"select m.unit_id, {figures(pass_mark)} {source} group by m.unit_id", params)
    return {r.pop("unit_id"): r for r in found}


def together(
    conn: sqlite3.Connection, unit_ids: Sequence[int], since: str, until: str, pass_mark: int
) -> dict[str, Any]:
    """The units' `figures` for the period, each call once."""
    if not unit_ids:
        return {"calls": 0}
    source, params = _once(unit_ids, since, until)
    return rows(conn, f"select {figures(pass_mark)} {source}", params)[0]


def _bucket(bounds: Sequence[str]) -> str:
    """SQL: the index of the week a call's finish falls in, given each week's start after the first."""
    inner = " ".join(f"when t.finished_at < ? then {i}" for i in range(len(bounds) - 2))
    return f"case {inner} else {len(bounds) - 2} end" if inner else "0"


def weekly(
    conn: sqlite3.Connection, unit_ids: Sequence[int], bounds: Sequence[str], pass_mark: int, each_unit: bool
) -> list[dict[str, Any]]:
    """`figures` per week: `bounds` are the weeks' starts and the end of the last. Each unit's weeks (rows with
    `unit_id`) when `each_unit`, else the units' weeks together, each call once (`unit_id` 0). Weeks without
    calls have no row; `week` is the week's index."""
    if not unit_ids or len(bounds) < 2:
        return []
    bucket = _bucket(bounds)
    if each_unit:
        source, params = _per_unit(unit_ids, bounds[0], bounds[-1])
        sql = f"select m.unit_id, {bucket} as week, {figures(pass_mark)} {source} group by m.unit_id, week"
    else:
        source, params = _once(unit_ids, bounds[0], bounds[-1])
        sql = f"select 0 as unit_id, {bucket} as week, {figures(pass_mark)} {source} group by week"
    return rows(conn, sql, [*bounds[1:-1], *params])


def people_with_faults(
    conn: sqlite3.Connection, unit_ids: Sequence[int], since: str, until: str
) -> list[dict[str, Any]]:
    """Each member (per unit) with an automatic fail or wrong information in the period: how many of each,
    and their calls; by unit, then most automatic fails first, then name."""
    if not unit_ids:
        return []
    return rows(
        conn,
        f"select m.unit_id, u.id as user_id, u.first_name, u.username, u.full_name, u.badge, {FAILED} as failed, "
        f"coalesce(sum({WRONG}), 0) as wrong, count(*) as calls from {UNIT_ATTEMPTS} "
        f"and t.finished_at >= ? and t.finished_at < ? join users u on u.id = m.user_id "
        f"where m.unit_id in ({_marks(unit_ids)}) group by m.unit_id, u.id having failed > 0 or wrong > 0 "
        f"order by m.unit_id, failed desc, wrong desc, {BY_NAME}, u.id",
        [since, until, *unit_ids],
    )


def by_member(conn: sqlite3.Connection, unit_id: int, since: str, until: str, pass_mark: int) -> dict[int, dict]:
    """Per member of the unit with calls finished in the period (since joining it): `figures`."""
    source, params = _per_unit([unit_id], since, until)
    found = rows(conn, f"select t.user_id as member, {figures(pass_mark)} {source} group by t.user_id", params)
    return {r.pop("member"): r for r in found}
