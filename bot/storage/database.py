"""The one SQLite file every DeskDrill process on a host shares: how a connection to it is opened.

`deskdrill run` and `deskdrill web` may write at once. In WAL mode SQLite lets one writer in
at a time; a second waits for its busy timeout. But a transaction begun with a plain
`BEGIN` takes only a read snapshot, and when it then writes after another process committed
in between, SQLite cannot wait its way out: it answers "database is locked" at once (the
snapshot is stale). So every write transaction here begins with `BEGIN IMMEDIATE`, which
takes the write lock first and waits for it; the statements inside never need to upgrade.

Same host only: WAL needs shared memory (the -shm file), which network filesystems do not
provide (see README, "One database, two processes").
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Generator
from pathlib import Path

from sqlite_utils import Database

BUSY_TIMEOUT_SECONDS = 15.0
"""How long a write waits for another process's write transaction (each lasts milliseconds)."""


class SharedDatabase(Database):
    """sqlite-utils' Database whose transactions take the write lock at their start (see the module)."""

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.conn.in_transaction:  # nested: a savepoint inside the transaction that holds the lock
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise


def connect(path: Path) -> SharedDatabase:
    """A connection whose every write, implicit ones included, begins with BEGIN IMMEDIATE.

    `secure_delete` overwrites deleted rows with zeros, so an erased name, an expired
    transcript or a used sign-in token cannot be read back from the file's free pages.
    """
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, isolation_level="IMMEDIATE")
    conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
    conn.execute("PRAGMA secure_delete=ON")
    return SharedDatabase(conn)


def connect_in_wal(path: Path) -> SharedDatabase:
    """A connection to a database the store has opened (and put in WAL mode) already, synced as the store's
    own: for the delivery process (bot.tg.delivery), which needs the outbox and nothing else."""
    db = connect(path)
    db.conn.execute("PRAGMA synchronous=NORMAL")
    return db


def companions(path: Path) -> tuple[Path, Path]:
    """The -wal and -shm files SQLite keeps beside a database in WAL mode."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def private_file(path: Path) -> None:
    """Create the folder (0700) and the database file (0600) if missing; tighten an existing file."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    if path.exists():
        path.chmod(0o600)
    else:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def checkpoint(db: Database, wait_seconds: float = BUSY_TIMEOUT_SECONDS) -> bool:
    """Copy the WAL into the database file and empty the WAL, so rows just deleted (and zeroed, with
    secure_delete) leave no older copy behind in the -wal file. It waits up to `wait_seconds` for
    readers; False when one still held on (the old frames go when the WAL is next reset)."""
    if db.conn.in_transaction:
        return False
    db.conn.execute(f"PRAGMA busy_timeout={int(wait_seconds * 1000)}")
    try:
        busy, _, _ = db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.OperationalError:
        busy = 1
    finally:
        db.conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
    return not busy
