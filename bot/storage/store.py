"""Storage with sqlite-utils: users, attempts, turns, per-criterion results, handled updates.

Every change that answers a Telegram update is written in one transaction together
with the update's id and every message it owes anyone (`bot.storage.outbox`). So after a crash
an update delivered again is never processed twice, and nothing owed is ever lost: the
sender delivers what is pending, before and after any restart.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database, Migrations

from bot.grading import CRITERIA
from bot.scenarios.format import Scenario
from bot.storage.database import companions, connect, private_file
from bot.storage.outbox import Outbox, Outgoing
from bot.storage.snapshots import ScenarioText, Snapshots, grader_version
from bot.transcript import Turn
from bot.values import AttemptResult, SavedVisitor

log = logging.getLogger(__name__)

UPDATES_KEPT_SECONDS = 2 * 24 * 3600
"""Telegram keeps an unconfirmed update for 24 hours, so no redelivery is older than that."""


class StoreError(RuntimeError):
    """The database cannot be opened or used; the message names its path."""


Clock = Callable[[], datetime]
migrations = Migrations("deskdrill")


@migrations()
def m001_initial(db: Database) -> None:
    db["users"].create(
        {"id": int, "chat_id": int, "first_name": str, "username": str, "role": str, "joined_at": str},
        pk="id",
        not_null={"role"},
        defaults={"role": "trainee"},
    )
    db["attempts"].create(
        {
            "id": int,
            "user_id": int,
            "chat_id": int,
            "scenario_id": str,
            "seed": int,
            "status": str,
            "started_at": str,
            "finished_at": str,
            "visitor": str,
            "total": int,
            "resolved": int,
            "completed": int,
        },
        pk="id",
        foreign_keys=[("user_id", "users", "id")],
        not_null={"user_id", "scenario_id", "status"},
    )
    db["attempts"].create_index(["user_id", "status"])
    db["turns"].create(
        {"id": int, "attempt_id": int, "idx": int, "role": str, "text": str, "at": str},
        pk="id",
        foreign_keys=[("attempt_id", "attempts", "id")],
    )
    db["turns"].create_index(["attempt_id", "idx"], unique=True)
    db["results"].create(
        {"attempt_id": int, "criterion": str, "met": int, "score": float, "evidence": str, "turn": int, "tip": str},
        pk=("attempt_id", "criterion"),
        foreign_keys=[("attempt_id", "attempts", "id")],
    )
    db["updates"].create({"update_id": int, "chat_id": int, "outbox": str, "delivered": int, "at": str}, pk="update_id")


@migrations()
def m002_units_and_audit(db: Database) -> None:
    """Instructors and admins: units, members, assignments, overrides, reminders, audit log."""
    db["units"].create(
        {"id": int, "name": str, "code": str, "created_by": int, "created_at": str, "revoked_at": str},
        pk="id",
        not_null={"name", "code"},
    )
    db["units"].create_index(["code"], unique=True)
    db["unit_members"].create(
        {"unit_id": int, "user_id": int, "joined_at": str},
        pk=("unit_id", "user_id"),
        foreign_keys=[("unit_id", "units", "id"), ("user_id", "users", "id")],
    )
    db["unit_instructors"].create(
        {"unit_id": int, "user_id": int},
        pk=("unit_id", "user_id"),
        foreign_keys=[("unit_id", "units", "id"), ("user_id", "users", "id")],
    )
    db["assignments"].create(
        {"id": int, "unit_id": int, "scenario_id": str, "due": str, "assigned_by": int, "assigned_at": str},
        pk="id",
        foreign_keys=[("unit_id", "units", "id")],
    )
    db["assignments"].create_index(["unit_id", "scenario_id"], unique=True)
    db["overrides"].create(
        {
            "id": int,
            "attempt_id": int,
            "criterion": str,
            "original_met": int,
            "met": int,
            "reason": str,
            "by": int,
            "at": str,
        },
        pk="id",
        foreign_keys=[("attempt_id", "attempts", "id")],
    )
    db["reminders"].create(
        {"user_id": int, "assignment_id": int, "kind": str, "at": str}, pk=("user_id", "assignment_id", "kind")
    )
    db["audit"].create({"id": int, "at": str, "actor": int, "action": str, "detail": str}, pk="id")


@migrations()
def m003_outbox_and_privacy(db: Database) -> None:
    """A real outbox, reminders that count only once delivered, groups told once, joined units' history."""
    db["outbox"].create(
        {
            "id": int,
            "chat_id": int,
            "body": str,
            "source": str,
            "created": float,
            "next_at": float,
            "tries": int,
            "sent": float,
            "failed": str,
        },
        pk="id",
        not_null={"chat_id", "body"},
    )
    db.execute("create index outbox_pending on outbox (chat_id, id) where sent is null and failed is null")
    db["reminders"].add_column("delivered_at", str)
    db["updates"].create_index(["at"])
    db["group_chats"].create({"chat_id": int, "told_at": str}, pk="chat_id")
    db["inbox"].create({"update_id": int, "body": str, "at": str}, pk="update_id")


@migrations()
def m004_contact_totals(db: Database) -> None:
    """The contact as a whole (SPEC): automatic fails, facts given, criteria not applicable;
    then every finished attempt re-totalled under the new rule from its stored verdicts
    (overrides included) and its transcript, re-graded for facts and automatic fails only."""
    db["attempts"].add_column("auto_fail", str)
    db["attempts"].add_column("addressed", str)
    db["results"].add_column("applicable", int, not_null_default=1)
    if db.execute("select count(*) from attempts where status = 'finished'").fetchone()[0]:
        from bot.storage.stored_totals import bundled_scenarios, retotal_finished

        retotal_finished(db, bundled_scenarios())


@migrations()
def m005_staff_scale(db: Database) -> None:
    """Staff at scale: indexes for aggregates, notices held during a live call, pending override
    reasons, completed assignments (for instructors' batched notices) and weekly digests."""
    db.execute(
        "create index if not exists attempts_user_scenario on attempts (user_id, scenario_id, status, started_at)"
    )
    for criterion in CRITERIA:
        db["attempts"].add_column(f"v_{criterion}", int)
    sync_verdicts(db)
    verdicts = ", ".join(f"v_{c}" for c in CRITERIA)
    db.execute(
        "create index attempts_user_totals on attempts "
        f"(user_id, status, started_at, total, finished_at, auto_fail, id, {verdicts})"
    )
    db.execute("create index if not exists unit_members_user on unit_members (user_id, unit_id)")
    db.execute("create index if not exists overrides_attempt on overrides (attempt_id)")
    db.execute("create index if not exists reminders_kind on reminders (user_id, kind)")
    db["outbox"].add_column("hold", int)
    db["pending_reasons"].create(
        {"user_id": int, "attempt_id": int, "criterion": str, "met": int, "expires": str}, pk="user_id"
    )
    db["completions"].create(
        {"assignment_id": int, "user_id": int, "unit_id": int, "attempt_id": int, "at": str, "told_at": str},
        pk=("assignment_id", "user_id"),
    )
    db.execute("create index completions_untold on completions (unit_id) where told_at is null")
    db["digests"].create({"user_id": int, "week": str, "at": str}, pk=("user_id", "week"))
    db["digest_optout"].create({"user_id": int, "at": str}, pk="user_id")


@migrations()
def m006_web_sign_in(db: Database) -> None:
    """The web dashboard: one-time sign-in links and sessions, each stored as a SHA-256 of its secret."""
    db["web_links"].create(
        {"token_hash": str, "user_id": int, "expires": str, "used_at": str}, pk="token_hash", not_null={"user_id"}
    )
    db["web_sessions"].create(
        {"token_hash": str, "user_id": int, "csrf": str, "created_at": str, "seen_at": str},
        pk="token_hash",
        not_null={"user_id", "csrf", "seen_at"},
    )


@migrations()
def m007_audit_filters(db: Database) -> None:
    """The dashboard's audit log filtered by action, and its list of actions, without a scan."""
    db.execute("create index if not exists audit_action on audit (action, id)")


@migrations()
def m008_records(db: Database) -> None:
    """Records a department can defend (docs/records.md): each attempt's scenario as it was (a content
    hash; the text once per hash) and the grader version that scored it; when its words were purged;
    people erased."""
    db["scenario_texts"].create({"hash": str, "scenario_id": str, "text": str}, pk="hash", not_null={"text"})
    db["attempts"].add_column("scenario_hash", str)
    db["attempts"].add_column("grader_version", str)
    db["attempts"].add_column("words_purged_at", str)
    db["users"].add_column("erased_at", str)
    db.execute("create index if not exists attempts_unpurged on attempts (finished_at) where words_purged_at is null")
    db.execute("create index if not exists audit_at on audit (at)")


def sync_verdicts(db: Database, attempt_id: int | None = None) -> None:
    """Copy each criterion's verdict (1 met, 0 missed, NULL n/a) onto its attempt's row (`v_<criterion>`),
    so reports aggregate 100,000 attempts from one covering index instead of half a million results."""
    columns = ", ".join(
        f"v_{c} = (select case when r.applicable then r.met end from results r "
        f"where r.attempt_id = attempts.id and r.criterion = '{c}')"
        for c in CRITERIA
    )
    where, params = (" where id = ?", [attempt_id]) if attempt_id is not None else ("", [])
    db.execute(f"update attempts set {columns}{where}", params)


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

    def handled(self, update_id: int | None, chat_id: int, outbox: Iterable[str | Outgoing] | None = None) -> None:
        """Record an update that changes nothing else (a /help, a refusal) with what it owes."""
        with self.db.atomic():
            self._record_update(update_id, chat_id, outbox or [])

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
        row = next(
            self.db.query(
                "select * from attempts where user_id = ? and status = 'active' order by id desc limit 1", [user_id]
            ),
            None,
        )
        return AttemptRow.from_row(row) if row else None

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
            attempt_id = (
                self.db["attempts"]
                .insert(
                    {
                        "user_id": user_id,
                        "chat_id": chat_id,
                        "scenario_id": visitor.scenario_id,
                        "seed": visitor.seed,
                        "status": "active",
                        "started_at": self.now(),
                        "visitor": json.dumps(visitor.to_json()),
                        "scenario_hash": scenario_hash,
                    }
                )
                .last_pk
            )
            self._add_turns(attempt_id, [opening], 0)
            self._record_update(update_id, chat_id, outbox)
        return int(attempt_id)

    def record_exchange(
        self,
        update_id: int | None,
        attempt: AttemptRow,
        new_turns: list[Turn],
        visitor: SavedVisitor,
        outbox: list[str],
        result: AttemptResult | None = None,
    ) -> None:
        """Save one exchange (and, when the attempt ended, its grade) with the update, atomically."""
        with self.db.atomic():
            self._add_turns(attempt.id, new_turns, self._turn_count(attempt.id))
            self.db.execute("update attempts set visitor = ? where id = ?", [json.dumps(visitor.to_json()), attempt.id])
            if result is not None:
                self._finish(attempt.id, result)
            self._record_update(update_id, attempt.chat_id, outbox)
            if result is not None:
                self.outbox.release(attempt.chat_id)

    def finish_attempt(
        self, update_id: int | None, attempt: AttemptRow, result: AttemptResult, outbox: list[str]
    ) -> None:
        with self.db.atomic():
            self._finish(attempt.id, result)
            self._record_update(update_id, attempt.chat_id, outbox)
            self.outbox.release(attempt.chat_id)

    def abandon_attempt(self, update_id: int | None, attempt: AttemptRow, outbox: list[str]) -> None:
        """Close an attempt that can no longer be played (its scenario was removed); turns are kept."""
        with self.db.atomic():
            self.db["attempts"].update(attempt.id, {"status": "abandoned", "finished_at": self.now()})
            self._record_update(update_id, attempt.chat_id, outbox)
            self.outbox.release(attempt.chat_id)

    def _finish(self, attempt_id: int, result: AttemptResult) -> None:
        self.db.execute(
            "update attempts set status = 'finished', finished_at = ?, total = ?, resolved = ?, completed = ?, "
            "auto_fail = ?, addressed = ?, grader_version = ? where id = ?",
            [
                self.now(),
                result.grade.total,
                int(result.resolved),
                int(result.completed),
                json.dumps([dict(f) for f in result.grade.auto_fail or ()]),
                json.dumps(result.grade.addressed.to_json()) if result.grade.addressed else None,
                grader_version(),
                attempt_id,
            ],
        )
        self.db.conn.executemany(
            "insert or replace into results (attempt_id, criterion, met, score, evidence, turn, tip, applicable) "
            "values (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    attempt_id,
                    name,
                    None if v.met is None else int(v.met),
                    v.score,
                    v.evidence,
                    v.turn,
                    v.tip,
                    int(v.applicable),
                )
                for name, v in result.grade.criteria.items()
            ],
        )
        sync_verdicts(self.db, attempt_id)
        self._complete_assignments(attempt_id)

    def _complete_assignments(self, attempt_id: int) -> None:
        """The first finished attempt at an assigned scenario completes it, for each unit that assigned it."""
        self.db.execute(
            "insert or ignore into completions (assignment_id, user_id, unit_id, attempt_id, at) "
            "select a.id, t.user_id, a.unit_id, t.id, ? from attempts t "
            "join unit_members m on m.user_id = t.user_id "
            "join assignments a on a.unit_id = m.unit_id and a.scenario_id = t.scenario_id "
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
        rows = self.db.query("select role, text from turns where attempt_id = ? order by idx", [attempt_id])
        return [Turn(r["role"], r["text"]) for r in rows]

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


READER_MMAP_BYTES = 1 << 30
READER_CACHE_KIB = 64 * 1024


class Reader:
    """Read-only SQLite connections, one per worker thread (a connection belongs to the thread that made
    it; WAL lets them read while the event loop's connection writes). Without a file (an in-memory
    database in tests) reads run on the main connection, on the caller's thread."""

    def __init__(self, path: Path | None, fallback: sqlite3.Connection) -> None:
        self.path, self.fallback = path, fallback
        self._local = threading.local()

    def connection(self) -> sqlite3.Connection:
        if self.path is None:
            return self.fallback
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path.resolve()}?mode=ro", uri=True)
            conn.execute("PRAGMA query_only=ON")
            conn.execute(f"PRAGMA mmap_size={READER_MMAP_BYTES}")
            conn.execute(f"PRAGMA cache_size=-{READER_CACHE_KIB}")
            self._local.conn = conn
        return conn

    async def run(self, read: Callable[[sqlite3.Connection], Any]) -> Any:
        """`read(connection)` in a worker thread; on the loop when there is no file to open again."""
        if self.path is None:
            return read(self.fallback)
        return await asyncio.to_thread(lambda: read(self.connection()))

    def in_thread(self, read: Callable[[sqlite3.Connection], Any]) -> Callable[[], Any]:
        """A function for a worker thread that reads there (or, without a file, data read now)."""
        if self.path is None:
            data = read(self.fallback)
            return lambda: data
        return lambda: read(self.connection())
