"""How a process says it is using a database: a lock file beside it (`deskdrill.db.lock`).

`deskdrill run` and `deskdrill web` hold a shared lock on it while they run, any number at
once; `deskdrill restore` needs it exclusively, so it refuses while either runs and neither
can start in the middle of a restore. The kernel drops a lock when its process ends, even by
kill -9, so a crash never leaves a stale "running" mark behind (as a pid file would).
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class InUse(RuntimeError):
    """Another process holds the lock in a way that excludes what was asked; the message says what to do."""


class RunLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fd: int | None = None

    def share(self) -> RunLock:
        """Mark the database in use by this process (the bot or the dashboard)."""
        if not self._take(fcntl.LOCK_SH):
            raise InUse(f"a restore into {self.db_path} is under way: start DeskDrill again once it has finished")
        return self

    def exclusive(self) -> RunLock:
        """Take the database for this process alone (a restore)."""
        if not self._take(fcntl.LOCK_EX):
            raise InUse(
                f"DeskDrill is running on {self.db_path} (deskdrill run or deskdrill web): stop it first, then restore"
            )
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file drops the lock
            self._fd = None

    def __enter__(self) -> RunLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def _take(self, kind: int) -> bool:
        self.release()
        if not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, mode=0o700)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, kind | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True
