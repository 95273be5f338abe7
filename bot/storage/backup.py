"""Online backups and restores of the database, for `deskdrill backup` and `deskdrill restore`.

Copying `deskdrill.db` while the bot runs misses whatever is still in its `-wal` file (recent
calls, or in one copy of four in issue 20, every table). SQLite's backup API instead copies
one consistent snapshot, the WAL included, while the bot goes on writing. The copy is a single
self-contained file (rollback journal, no -wal), readable by its owner only, and checked with
`PRAGMA integrity_check` before success is reported.

A restore is the reverse, with the bot stopped: it moves the current database and its -wal
and -shm files aside (a -wal left beside a different database makes it "malformed"), puts the
backup in place and migrates it to the current schema.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.storage.database import BUSY_TIMEOUT_SECONDS, companions, private_file
from bot.storage.running import InUse, RunLock


class BackupError(RuntimeError):
    """A backup or restore that cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Copied:
    """What a backup or a restore produced."""

    path: Path
    attempts: int
    """Finished attempts in it (a figure to compare with what the dashboard shows)."""
    moved_aside: tuple[Path, ...] = ()
    """What a restore moved out of the way (the database it replaced and its -wal and -shm files)."""

    @property
    def size(self) -> int:
        """The file's size in bytes, as it is now."""
        return self.path.stat().st_size


def backup(source: Path, target: Path) -> Copied:
    """Copy the live database at `source` to `target` (a file, or a folder to put a dated file in)."""
    if not source.is_file():
        raise BackupError(f"there is no database at {source} (check DESKDRILL_DB)")
    if target.is_dir():
        target = target / f"deskdrill-{datetime.now(UTC):%Y%m%d-%H%M%S}.db"
    if not target.parent.is_dir():
        raise BackupError(f"cannot write {target}: the folder {target.parent} does not exist")
    partial = target.with_name(f".{target.name}.partial")
    try:
        _create_private(partial)
        with (
            contextlib.closing(sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_SECONDS)) as live,
            contextlib.closing(sqlite3.connect(str(partial))) as copy,
        ):
            live.backup(copy)  # one step: a single consistent snapshot, writers never blocked
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
            _check(copy, partial)
            attempts = _finished_attempts(copy)
        _fsync(partial)
        os.replace(partial, target)
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"cannot back up {source} to {target}: {exc}") from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return Copied(target, attempts)


def restore(backup_file: Path, db_path: Path, migrate: Callable[[Path], None]) -> Copied:
    """Replace the database at `db_path` by `backup_file`; the old files are moved aside, not deleted.

    Refused while DeskDrill runs on `db_path` (bot.storage.running). `migrate` opens the restored
    file once, bringing it to the current schema (Store.open), before success is reported.
    """
    if not backup_file.is_file():
        raise BackupError(f"there is no backup at {backup_file}")
    _verify_backup(backup_file)
    try:
        lock = RunLock(db_path).exclusive()
    except InUse as exc:
        raise BackupError(f"{exc}; nothing was changed") from exc
    except OSError as exc:
        raise BackupError(f"cannot restore into {db_path}: {exc.strerror or exc}") from exc
    with lock:
        stamp = f"{datetime.now(UTC):%Y%m%d-%H%M%S}"
        aside = {}
        for path in (db_path, *companions(db_path)):
            if path.exists():
                aside[path] = path.with_name(f"{path.name}.before-restore-{stamp}")
                path.rename(aside[path])
        try:
            private_file(db_path)
            with (
                contextlib.closing(sqlite3.connect(f"file:{backup_file.resolve()}?mode=ro", uri=True)) as source,
                contextlib.closing(sqlite3.connect(str(db_path))) as copy,
            ):
                source.backup(copy)
            migrate(db_path)
            with contextlib.closing(sqlite3.connect(str(db_path))) as restored:
                _check(restored, db_path)
                attempts = _finished_attempts(restored)
        except (sqlite3.Error, OSError, BackupError) as exc:
            for path in (db_path, *companions(db_path)):
                path.unlink(missing_ok=True)
            for path, moved in aside.items():
                moved.rename(path)
            raise BackupError(f"the restore into {db_path} failed ({exc}); the previous database is back") from exc
    return Copied(db_path, attempts, tuple(aside.values()))


def _verify_backup(path: Path) -> None:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)) as conn:
            _check(conn, path)
            conn.execute("select count(*) from attempts").fetchone()
    except sqlite3.Error as exc:
        raise BackupError(f"{path} is not a DeskDrill backup ({exc}); nothing was changed") from exc


def _check(conn: sqlite3.Connection, path: Path) -> None:
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if problems != ["ok"]:
        raise BackupError(f"{path} failed its integrity check: {'; '.join(problems[:3])}")


def _finished_attempts(conn: sqlite3.Connection) -> int:
    try:
        return conn.execute("select count(*) from attempts where status = 'finished'").fetchone()[0]
    except sqlite3.OperationalError:  # a database from before any attempt was stored
        return 0


def _create_private(path: Path) -> None:
    path.unlink(missing_ok=True)  # a partial copy left by an interrupted backup
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
