"""Storage with sqlite-utils: users, attempts, turns, per-criterion results, handled updates.

Every change that answers a Telegram update is written in one transaction together
with the update's id and every message it owes anyone (`bot.storage.outbox`). So after a crash
an update delivered again is never processed twice, and nothing owed is ever lost: the
sender delivers what is pending, before and after any restart.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bot.grading import CRITERIA
from bot.scenarios.format import Scenario
from bot.storage.database import companions, connect, private_file
from bot.storage.outbox import Outbox, Outgoing
from bot.storage.reader import Reader
from bot.storage.schema import VERDICT_COLUMNS, migrations, sync_verdicts, verdict_column
from bot.storage.snapshots import ScenarioText, Snapshots, grader_version
from bot.transcript import Turn
from bot.values import AttemptResult, SavedVisitor

log = logging.getLogger(__name__)

UPDATES_KEPT_SECONDS = 2 * 24 * 3600
"""Telegram keeps an unconfirmed update for 24 hours, so no redelivery is older than that."""


class StoreError(RuntimeError):
    """The database cannot be opened or used; the message names its path."""


Clock = Callable[[], datetime]
__all__ = ["AttemptRow", "Clock", "Reader", "Store", "StoreError", "migrations", "sync_verdicts"]
"""`migrations` and `sync_verdicts` live in bot.storage.schema; named here too for their older importers."""


@dataclass(frozen=True)
class AttemptRow:
    id: int
    user_id: int
    chat_id: int
    scenario_id: str
    seed: int
    status: str
    started_at: str
    finished_at: str | None
    visitor: SavedVisitor
    total: int | None
    auto_fail: tuple[dict[str, Any], ...] = ()
    """The automatic fails of a finished attempt (empty when none, or graded before they were stored)."""
    addressed: dict[str, Any] | None = None
    """The resolution facts given, as the grade reported them (None: not finished, or scenario unknown)."""
    scenario_hash: str | None = None
    """The content hash of the scenario as it was when the attempt started (None: stored before issue 20)."""
    grader_version: str | None = None
    """The grader that scored it (bot.storage.snapshots.grader_version); None until graded, or before issue 20."""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AttemptRow:
        return cls(
            row["id"],
            row["user_id"],
            row["chat_id"],
            row["scenario_id"],
            row["seed"],
            row["status"],
            row["started_at"],
            row["finished_at"],
            SavedVisitor.from_json(json.loads(row["visitor"])),
            row["total"],
            tuple(json.loads(row.get("auto_fail") or "[]")),
            json.loads(row["addressed"]) if row.get("addressed") else None,
            row.get("scenario_hash"),
            row.get("grader_version"),
        )


def result_columns(verdict: Any) -> tuple[int | None, float, str, int | None, str, int]:
    """A criterion's verdict as its row of `results` stores it: met, score, evidence, turn, tip, applicable.

    Shared by the two writes: a new grade (`Store.finish_attempt`, every criterion) and a regrade
    (bot.storage.regrade, an update of the changed criteria only, so an instructor's override stands)."""
    met = None if verdict.met is None else int(verdict.met)
    return met, verdict.score, verdict.evidence, verdict.turn, verdict.tip, int(verdict.applicable)


class Store:
    def __init__(self, db: Database, clock: Clock = lambda: datetime.now(UTC), path: Path | None = None) -> None:
        self.db, self.clock, self.path = db, clock, path
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA secure_delete=ON")
        if migrations.pending(self.db):
            with self.db.atomic():  # under the write lock: two processes starting at once migrate once
                migrations.apply(self.db)
        self.outbox = Outbox(self.db)
        self.snapshots = Snapshots(self.db)
        self._inbox: set[int] = set()
        """Ids of updates in the inbox table, so handling one costs no extra write when it was never there."""
        self.reader = Reader(path, db.conn)
        """Heavy reads (staff reports, exports) on their own read-only connection, off the event loop."""

    @classmethod
    def open(cls, path: Path, clock: Clock = lambda: datetime.now(UTC)) -> Store:
        """Open (creating folders as needed) in WAL mode and migrate to the current schema.

        The file and its -wal and -shm companions are readable by their owner only (0600):
        they hold trainees' words and instructors' notes. SQLite gives the companions the
        mode of the database file.
        """
        try:
            private_file(path)
            db = connect(path)
            db.enable_wal()
            # In WAL mode NORMAL keeps every committed transaction through a process crash
            # (kill -9); only a power cut could lose the last ones. FULL fsyncs every commit.
            db.execute("PRAGMA synchronous=NORMAL")
            store = cls(db, clock, path)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc
        for companion in companions(path):
            if companion.exists():
                companion.chmod(0o600)
        return store

    def now(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    def close(self) -> None:
        self.db.close()

    # --- updates and the outbox ----------------------------------------------------

    def seen(self, update_id: int) -> bool:
        """True for an update handled before (a redelivery, or an id reused by a new bot token)."""
        return self.db.execute("select 1 from updates where update_id = ?", [update_id]).fetchone() is not None

    def _record_update(self, update_id: int | None, chat_id: int, outbox: Iterable[str | Outgoing]) -> None:
        """Mark the update handled and store what it owes, inside the caller's transaction."""
        messages = [m if isinstance(m, Outgoing) else Outgoing(chat_id, m) for m in outbox]
        if messages:
            self.outbox.add(messages, f"update {update_id}" if update_id is not None else "")
        if update_id is None:
            return
        self.db.execute(
            "insert into updates (update_id, chat_id, outbox, delivered, at) values (?, ?, '[]', 1, ?)",
            [update_id, chat_id, self.now()],
        )
        if update_id in self._inbox:  # handled: it leaves the inbox in the same transaction
            self.db.execute("delete from inbox where update_id = ?", [update_id])
            self._inbox.discard(update_id)

    def receive(self, raw_updates: list[dict]) -> None:
        """Keep fetched updates until they are handled: polling confirms them to Telegram on the next fetch,
        so an update fetched just before a crash would otherwise be lost for good."""
        rows = [
            (u["update_id"], json.dumps(u), self.now())
            for u in raw_updates
            if isinstance(u, dict) and u.get("update_id") not in self._inbox
        ]
        if not rows:
            return
        with self.db.atomic():
            self.db.conn.executemany("insert or ignore into inbox (update_id, body, at) values (?, ?, ?)", rows)
        self._inbox.update(r[0] for r in rows)

    def unfinished_updates(self) -> list[dict]:
        """Updates fetched before the last stop and never finished, oldest first."""
        rows = self.db.execute("select update_id, body from inbox order by update_id").fetchall()
        self._inbox.update(update_id for update_id, _ in rows)
        return [json.loads(body) for _, body in rows]

    def in_inbox(self, update_id: int) -> bool:
        return update_id in self._inbox

    def finished(self, update_id: int) -> None:
        """The update is done with, whatever came of it; most left the inbox with their change already."""
        if update_id in self._inbox:
            self.db.execute("delete from inbox where update_id = ?", [update_id])
            self._inbox.discard(update_id)

    def handled(
        self,
        update_id: int | None,
        chat_id: int,
        outbox: Iterable[str | Outgoing] | None = None,
        call_ended: bool = False,
    ) -> None:
        """Record an update with what it owes, in the caller's transaction (the one that made its change) or
        one of its own. `call_ended`: a practice call closed, so the notices held during it go out after these."""
        with self._transaction():
            self._record_update(update_id, chat_id, outbox or [])
            if call_ended:
                self.outbox.release(chat_id)

    def _transaction(self) -> AbstractContextManager[object]:
        """The caller's transaction when there is one (a handler's), else a new one."""
        return nullcontext() if self.db.conn.in_transaction else self.db.atomic()

    def owe(self, messages: Iterable[Outgoing], source: str = "") -> None:
        """Store messages owed outside any update (reminders), inside the caller's transaction."""
        with self.db.atomic():
            self.outbox.add(messages, source)

    def prune(self, keep_seconds: float = UPDATES_KEPT_SECONDS) -> tuple[int, int]:
        """Forget handled update ids and delivered messages older than `keep_seconds`."""
        cutoff = self.clock().timestamp() - keep_seconds
        cutoff_iso = datetime.fromtimestamp(cutoff, UTC).isoformat(timespec="seconds")
        with self.db.atomic():
            updates = self.db.execute("delete from updates where at < ?", [cutoff_iso]).rowcount
            messages = self.outbox.prune(keep_seconds)
        return updates, messages

    # --- users -------------------------------------------------------------------------

    def register(
        self, user_id: int, chat_id: int, first_name: str, username: str | None, role: str = "trainee"
    ) -> None:
        """Create the user, or refresh their name and private chat; the role of a known user is kept."""
        self.db.execute(
            "insert into users (id, chat_id, first_name, username, role, joined_at) values (?, ?, ?, ?, ?, ?) "
            "on conflict(id) do update set chat_id = excluded.chat_id, first_name = excluded.first_name, "
            "username = excluded.username",
            [user_id, chat_id, first_name, username, role, self.now()],
        )

    def set_role(self, user_id: int, role: str) -> None:
        self.db.execute("update users set role = ? where id = ?", [role, user_id])

    def sync_admins(self, admins: frozenset[int]) -> list[tuple[int, str]]:
        """Make the stored admins exactly DESKDRILL_ADMINS; audit and return each change (user, new role)."""
        changes: list[tuple[int, str]] = []
        with self.db.atomic():
            for (user_id,) in self.db.execute("select id from users where role = 'admin'").fetchall():
                if user_id not in admins:
                    changes.append((user_id, "trainee"))
            for user_id in sorted(admins):
                row = self.db.execute("select role from users where id = ?", [user_id]).fetchone()
                if row is not None and row[0] != "admin":
                    changes.append((user_id, "admin"))
            for user_id, role in changes:
                self.set_role(user_id, role)
                self.db.execute(
                    "insert into audit (at, actor, action, detail) values (?, 0, 'admins', ?)",
                    [self.now(), f"user {user_id} -> {role} (DESKDRILL_ADMINS)"],
                )
        return changes

    def user(self, user_id: int) -> dict | None:
        return next(self.db.query("select * from users where id = ?", [user_id]), None)

    # --- attempts ------------------------------------------------------------------------

    def active_attempt(self, user_id: int) -> AttemptRow | None:
        """Read on every practice message: a plain cursor (db.query would add a savepoint in a transaction)."""
        cursor = self.db.execute(
            "select * from attempts where user_id = ? and status = 'active' order by id desc limit 1", [user_id]
        )
        row = cursor.fetchone()
        return AttemptRow.from_row(dict(zip([d[0] for d in cursor.description], row, strict=True))) if row else None

    def attempt(self, attempt_id: int) -> AttemptRow | None:
        row = next(self.db.query("select * from attempts where id = ?", [attempt_id]), None)
        return AttemptRow.from_row(row) if row else None

    def start_attempt(
        self,
        update_id: int | None,
        user_id: int,
        chat_id: int,
        visitor: SavedVisitor,
        opening: Turn,
        outbox: list[str],
        scenario: ScenarioText | None = None,
    ) -> int:
        """Open an attempt; `scenario`: the text of the scenario it is played in, kept with it (once per hash)."""
        with self.db.atomic():
            scenario_hash = self.snapshots.keep(scenario) if scenario is not None else None
            attempt_id = self.db.execute(  # plain SQL: Table.insert reads the table's columns on every call
                "insert into attempts (user_id, chat_id, scenario_id, seed, status, started_at, visitor, "
                "scenario_hash) values (?, ?, ?, ?, 'active', ?, ?, ?)",
                [
                    user_id,
                    chat_id,
                    visitor.scenario_id,
                    visitor.seed,
                    self.now(),
                    json.dumps(visitor.to_json()),
                    scenario_hash,
                ],
            ).lastrowid
            self._add_turns(attempt_id, [opening], 0)
            self._record_update(update_id, chat_id, outbox)
        return int(attempt_id)

    def record_exchange(
        self, attempt: AttemptRow, new_turns: list[Turn], visitor: SavedVisitor, result: AttemptResult | None = None
    ) -> None:
        """Save one exchange (and, when the attempt ended, its grade), atomically; what it owes the trainee
        is stored by the caller, in its transaction (`handled`)."""
        with self._transaction():
            self._add_turns(attempt.id, new_turns, self._turn_count(attempt.id))
            self.db.execute("update attempts set visitor = ? where id = ?", [json.dumps(visitor.to_json()), attempt.id])
            if result is not None:
                self._finish(attempt.id, result)

    def finish_attempt(self, attempt: AttemptRow, result: AttemptResult) -> None:
        with self._transaction():
            self._finish(attempt.id, result)

    def abandon_attempt(self, attempt: AttemptRow) -> None:
        """Close an attempt that can no longer be played (its scenario was removed); turns are kept."""
        with self._transaction():
            self.db.execute(
                "update attempts set status = 'abandoned', finished_at = ? where id = ?", [self.now(), attempt.id]
            )

    def _finish(self, attempt_id: int, result: AttemptResult) -> None:
        """Store the grade: the attempt's row with its verdict columns (`v_<criterion>`, see `sync_verdicts`)
        written from the grade itself, and one row per criterion."""
        criteria = result.grade.criteria
        verdicts = [verdict_column(criteria.get(c)) for c in CRITERIA]
        self.db.execute(
            "update attempts set status = 'finished', finished_at = ?, total = ?, resolved = ?, completed = ?, "
            f"auto_fail = ?, addressed = ?, grader_version = ?, {VERDICT_COLUMNS} where id = ?",
            [
                self.now(),
                result.grade.total,
                int(result.resolved),
                int(result.completed),
                json.dumps([dict(f) for f in result.grade.auto_fail or ()]),
                json.dumps(result.grade.addressed.to_json()) if result.grade.addressed else None,
                grader_version(),
                *verdicts,
                attempt_id,
            ],
        )
        self.db.conn.executemany(
            "insert or replace into results (attempt_id, criterion, met, score, evidence, turn, tip, applicable) "
            "values (?, ?, ?, ?, ?, ?, ?, ?)",
            [(attempt_id, name, *result_columns(v)) for name, v in criteria.items()],
        )
        self._complete_assignments(attempt_id)

    def _complete_assignments(self, attempt_id: int) -> None:
        """The first finished attempt at an assigned scenario completes it, for each unit that assigned it."""
        self.db.execute(
            "insert or ignore into completions (assignment_id, user_id, unit_id, attempt_id, at) "
            "select a.id, t.user_id, a.unit_id, t.id, ? from attempts t "
            "join unit_members m on m.user_id = t.user_id "
            "join assignments a on a.unit_id = m.unit_id and a.scenario_id = t.scenario_id "
            "join units n on n.id = a.unit_id and n.archived_at is null "
            "where t.id = ? and t.started_at >= a.assigned_at and t.started_at >= m.joined_at",
            [self.now(), attempt_id],
        )

    def _turn_count(self, attempt_id: int) -> int:
        return self.db.execute("select count(*) from turns where attempt_id = ?", [attempt_id]).fetchone()[0]

    def _add_turns(self, attempt_id: int, turns: list[Turn], start: int) -> None:
        now = self.now()
        self.db.conn.executemany(
            "insert into turns (attempt_id, idx, role, text, at) values (?, ?, ?, ?, ?)",
            [(attempt_id, start + i, t.role, t.text, now) for i, t in enumerate(turns)],
        )

    def scenario_of(self, attempt: AttemptRow, current: Mapping[str, Scenario]) -> Scenario | None:
        """The scenario the attempt was played in, as it was then: show its transcript and facts against this,
        never against the library's current file. Attempts stored before issue 20 have no snapshot: for them,
        the scenario loaded now (`current`, e.g. `library.scenarios`); None when it is gone too."""
        return self.snapshots.scenario(attempt.scenario_id, attempt.scenario_hash, current)

    def turns(self, attempt_id: int) -> list[Turn]:
        rows = self.db.execute("select role, text from turns where attempt_id = ? order by idx", [attempt_id])
        return [Turn(role, text) for role, text in rows]

    def history(self, user_id: int, limit: int = 10) -> list[dict]:
        return list(
            self.db.query(
                "select id, scenario_id, status, started_at, finished_at, total, resolved, auto_fail from attempts "
                "where user_id = ? order by id desc limit ?",
                [user_id, limit],
            )
        )

    def criterion_history(self, user_id: int) -> Iterator[dict]:
        """Finished attempts, oldest first, with each criterion's verdict: for progress charts."""
        return self.db.query(
            "select a.id, a.finished_at, a.total, r.criterion, r.met from attempts a "
            "join results r on r.attempt_id = a.id where a.user_id = ? and a.status = 'finished' and r.applicable "
            "order by a.id, r.criterion",
            [user_id],
        )
