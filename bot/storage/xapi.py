"""xAPI statements owed to a Learning Record Store: a queue like the outbox, so a down LRS loses nothing.

Each finished attempt gets one row (its statements, a JSON array, sent in one request). Attempts are
found by `unqueued` after they finish (an index range from a watermark, so the scan stays small however
many attempts there are), from the moment an LRS was first configured on: older calls are not sent.
A row is marked sent once the LRS accepted it, retried later (`retry`) while the LRS is down or
refuses the credentials, and given up (`give_up`) only when the LRS rejects the statements themselves.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

RESCAN = timedelta(hours=1)
"""Attempts finished this long before the newest one queued are looked at again (a clock set back)."""


@dataclass(frozen=True)
class Queued:
    id: int
    attempt_id: int
    statements: list[dict[str, Any]]
    tries: int


class XapiQueue:
    """Rows of `xapi_queue`; each write is its own short transaction unless the caller opened one."""

    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db, self.clock = db, clock

    def _state(self, key: str) -> str | None:
        row = self.db.execute("select value from xapi_state where key = ?", [key]).fetchone()
        return row[0] if row else None

    def _set(self, key: str, value: str) -> None:
        self.db.execute("insert or replace into xapi_state (key, value) values (?, ?)", [key, value])

    def since(self, now: str) -> str:
        """When statements started to be owed: the first time an LRS was configured (`now` then)."""
        since = self._state("since")
        if since is None:
            self._set("since", now)
        return since or now

    def unqueued(self, now: str, limit: int = 100) -> list[int]:
        """Finished attempts with no statements queued yet, oldest finish first."""
        since = self.since(now)
        scanned = self._state("scanned")
        if scanned:
            since = max(since, (datetime.fromisoformat(scanned) - RESCAN).isoformat(timespec="seconds"))
        found = self.db.execute(
            "select t.id from attempts t where t.finished_at >= ? and t.status = 'finished' "
            "and not exists (select 1 from xapi_queue x where x.attempt_id = t.id) "
            "and not exists (select 1 from users u where u.id = t.user_id and u.erased_at is not null) "
            "order by t.finished_at, t.id "
            "limit ?",
            [since, limit],
        ).fetchall()
        return [r[0] for r in found]

    def add(self, attempt_id: int, user_id: int, statements: list[dict[str, Any]], finished_at: str) -> None:
        now = self.clock()
        self.db.execute(
            "insert or ignore into xapi_queue (attempt_id, user_id, body, created, next_at, tries) "
            "values (?, ?, ?, ?, ?, 0)",
            [attempt_id, user_id, json.dumps(statements, ensure_ascii=False), now, now],
        )
        if finished_at > (self._state("scanned") or ""):
            self._set("scanned", finished_at)

    def due(self, limit: int = 50) -> list[Queued]:
        rows = self.db.execute(
            "select id, attempt_id, body, tries from xapi_queue where sent is null and failed is null "
            "and next_at <= ? order by next_at, id limit ?",
            [self.clock(), limit],
        ).fetchall()
        return [Queued(r[0], r[1], json.loads(r[2]), r[3]) for r in rows]

    def next_due(self) -> float | None:
        """When the earliest row waiting is due (None: nothing waits)."""
        row = self.db.execute("select min(next_at) from xapi_queue where sent is null and failed is null").fetchone()
        return row[0]

    def sent(self, row: Queued) -> None:
        self.db.execute("update xapi_queue set sent = ?, error = null where id = ?", [self.clock(), row.id])

    def retry(self, row: Queued, seconds: float, error: str) -> None:
        self.db.execute(
            "update xapi_queue set tries = tries + 1, next_at = ?, error = ? where id = ?",
            [self.clock() + seconds, error[:300], row.id],
        )

    def give_up(self, row: Queued, error: str) -> None:
        """The LRS rejected these statements for good (malformed for it): kept, marked, never sent again."""
        self.db.execute("update xapi_queue set failed = ?, error = ? where id = ?", [error[:300], error[:300], row.id])

    def pending(self) -> int:
        return self.db.execute("select count(*) from xapi_queue where sent is null and failed is null").fetchone()[0]

    def prune(self, older_than_seconds: float) -> int:
        """Forget rows the LRS has had for a while (it keeps the statements)."""
        cutoff = self.clock() - older_than_seconds
        return self.db.execute("delete from xapi_queue where sent is not null and sent < ?", [cutoff]).rowcount
