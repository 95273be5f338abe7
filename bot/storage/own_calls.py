"""A person's own finished calls, newest first, a page at a time, each with whether it passed an assignment."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from bot.storage.standings import COUNTS, misinformed, passes, rows


def finished_calls(db: Database, user_id: int, default_mark: int, limit: int, offset: int) -> list[dict[str, Any]]:
    """A page of the person's finished calls: id, scenario_id, started_at, total, auto_fail, and `passed`
    (1 when the call passed an assignment of a unit they were in, by the pass rule of bot.storage.standings)."""
    return rows(
        db.conn,
        "select t.id, t.scenario_id, t.started_at, t.total, t.auto_fail, exists (select 1 from unit_members m "
        f"join assignments a on a.unit_id = m.unit_id where {COUNTS} and {passes(default_mark)}) as passed "
        "from attempts t where t.user_id = ? and t.status = 'finished' order by t.id desc limit ? offset ?",
        [user_id, limit, offset],
    )


def finished_count(db: Database, user_id: int) -> int:
    found = db.execute("select count(*) from attempts where user_id = ? and status = 'finished'", [user_id])
    return found.fetchone()[0]


def assignment_marks(db: Database, attempt_id: int, default_mark: int) -> list[tuple[int, bool]]:
    """For each assignment the finished call counts for: (its pass mark, whether the call passes it)."""
    found = db.execute(
        f"select coalesce(a.pass_mark, {int(default_mark)}), {passes(default_mark)} from attempts t "
        f"join unit_members m on m.user_id = t.user_id join assignments a on a.unit_id = m.unit_id and {COUNTS} "
        "where t.id = ?",
        [attempt_id],
    )
    return [(mark, bool(passed)) for mark, passed in found.fetchall()]


def told_wrong(db: Database, attempt_id: int) -> bool:
    """The call told the person something wrong (a wrong fact or other wrong information): it never passes."""
    found = db.execute(f"select {misinformed()} from attempts t where t.id = ?", [attempt_id]).fetchone()
    return bool(found and found[0])


def latest_attempt(db: Database, user_id: int) -> tuple[int, str] | None:
    """The person's latest attempt: (id, status)."""
    found = db.execute("select id, status from attempts where user_id = ? order by id desc limit 1", [user_id])
    row = found.fetchone()
    return (row[0], row[1]) if row else None
