"""xAPI statements owed to a Learning Record Store: a queue like the outbox, so a down LRS loses nothing.

Each finished attempt gets one row (its statements, a JSON array, sent in one request). Attempts are
found by `unqueued` after they finish (an index range from a watermark, so the scan stays small however
many attempts there are), from the moment an LRS was first configured on: older calls are not sent.
A row is marked sent once the LRS accepted it, retried later (`retry`) while the LRS is down or
refuses the credentials, and given up (`give_up`) only when the LRS rejects the statements themselves.

An override or a regrade of a call whose statements were queued owes a correction (`owe_correction`, in the
change's own transaction); the sender queues it as another row of the attempt (`revision`: the correction's
id), never due before the attempt's earlier rows, so the LRS gets the statements it voids first.
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
    """A row of the queue: one attempt's statements, sent in one request (with others'), or a correction
    of them that voids the statements before it."""

    id: int
    attempt_id: int
    """An attempt has a row for its first statements and one for each correction."""
    statements: list[dict[str, Any]]
    tries: int
    """Requests that failed so far (the pause before the next one doubles with each)."""
    revision: int = 0
    """0 for the attempt's first statements; each correction (an override, a regrade) counts one up."""
    """0: the call's first statements; else the id of the correction (`owe_correction`) these carry."""


@dataclass(frozen=True)
class Correction:
    """A corrected result owed to the LRS: the attempt, and why ("override", "regrade")."""

    id: int
    attempt_id: int
    why: str
    created: str


def owe_correction(db: Database, attempt_id: int, why: str, now: str) -> None:
    """Owe the LRS the attempt's corrected result, when its statements were queued already (otherwise the statements
    still to be queued are built from the corrected call). Call it in the transaction that changes the result."""
    db.execute(
        "insert into xapi_corrections (attempt_id, why, created) select ?, ?, ? "
        "where exists (select 1 from xapi_queue x where x.attempt_id = ?)",
        [attempt_id, why, now, attempt_id],
    )


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

    def add(
        self, attempt_id: int, user_id: int, statements: list[dict[str, Any]], finished_at: str, revision: int = 0
    ) -> None:
        """Queue an attempt's statements (a correction: `revision`), due no sooner than its earlier rows unsent."""
        now = self.clock()
        earlier = self.db.execute(
            "select max(next_at) from xapi_queue where attempt_id = ? and revision < ? and sent is null "
            "and failed is null",
            [attempt_id, revision],
        ).fetchone()[0]
        self.db.execute(
            "insert or ignore into xapi_queue (attempt_id, user_id, body, created, next_at, tries, revision) "
            "values (?, ?, ?, ?, ?, 0, ?)",
            [attempt_id, user_id, json.dumps(statements, ensure_ascii=False), now, max(now, earlier or now), revision],
        )
        if not revision and finished_at > (self._state("scanned") or ""):
            self._set("scanned", finished_at)

    def corrections(self, limit: int = 100) -> list[Correction]:
        """Corrections owed and not queued yet, oldest first (none of a person erased since)."""
        found = self.db.execute(
            "select c.id, c.attempt_id, c.why, c.created from xapi_corrections c "
            "join attempts t on t.id = c.attempt_id join users u on u.id = t.user_id where u.erased_at is null "
            "and not exists (select 1 from xapi_queue x where x.attempt_id = c.attempt_id and x.revision = c.id) "
            "order by c.id limit ?",
            [limit],
        ).fetchall()
        return [Correction(*r) for r in found]

    def latest(self, attempt_id: int) -> list[dict[str, Any]]:
        """The statements last queued for the attempt (those a correction voids)."""
        row = self.db.execute(
            "select body from xapi_queue where attempt_id = ? order by revision desc limit 1", [attempt_id]
        ).fetchone()
        return json.loads(row[0]) if row else []

    def forget(self, correction: Correction) -> None:
        """A correction with nothing to send (the call is no longer a finished one)."""
        self.db.execute("delete from xapi_corrections where id = ?", [correction.id])

    def due(self, limit: int = 50) -> list[Queued]:
        rows = self.db.execute(
            "select id, attempt_id, body, tries, revision from xapi_queue where sent is null and failed is null "
            "and next_at <= ? order by next_at, id limit ?",
            [self.clock(), limit],
        ).fetchall()
        return [Queued(r[0], r[1], json.loads(r[2]), r[3], r[4]) for r in rows]

    def next_due(self) -> float | None:
        """When the earliest row waiting is due (None: nothing waits)."""
        row = self.db.execute("select min(next_at) from xapi_queue where sent is null and failed is null").fetchone()
        return row[0]

    def sent(self, row: Queued) -> None:
        self.db.execute("update xapi_queue set sent = ?, error = null where id = ?", [self.clock(), row.id])

    def retry(self, row: Queued, seconds: float, error: str) -> None:
        """Try the row again in `seconds`; the attempt's later rows (corrections) wait at least as long."""
        at = self.clock() + seconds
        self.db.execute(
            "update xapi_queue set tries = tries + 1, next_at = ?, error = ? where id = ?", [at, error[:300], row.id]
        )
        self.db.execute(
            "update xapi_queue set next_at = ? where attempt_id = ? and revision > ? and sent is null "
            "and failed is null and next_at < ?",
            [at, row.attempt_id, row.revision, at],
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
