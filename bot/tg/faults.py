"""Repeated failures met calmly: pauses that double up to a ceiling, a log line per change of state.

A full disk, a read-only database or an unreachable Bot API fails every try until it is fixed.
Retrying at once spins (issue 20: 94% CPU and a megabyte of log a second while a disk was
full); logging every retry fills the disk that is already full. So each kind of fault has a
`Fault`: its pause doubles from `first` to `ceiling` seconds, and it logs once when it starts
(or its error changes, say from "disk full" to "read-only"), and once when it clears, with how
long it lasted and how many tries failed.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable

STORAGE_ERRORS = (sqlite3.Error, OSError)
"""What a write to the database raises when the disk is full, the file read-only or locked too long."""


class Fault:
    def __init__(
        self,
        what: str,
        log: logging.Logger,
        first: float = 0.5,
        ceiling: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.what, self.log, self.first, self.ceiling, self.clock = what, log, first, ceiling, clock
        self.failures = 0
        self.since: float | None = None
        self._state: str | None = None

    @property
    def failing(self) -> bool:
        return self.failures > 0

    def pause(self) -> float:
        """Seconds to wait before the next try (0 while all is well)."""
        if not self.failures:
            return 0.0
        return min(self.ceiling, self.first * 2 ** (self.failures - 1))

    def failed(self, exc: BaseException) -> float:
        """Count a failure; log it if it is a new state; return the pause before the next try."""
        state = _state_of(exc)
        if self.failures == 0:
            self.since = self.clock()
        if state != self._state:
            self.log.error(
                "%s failed: %s; retrying with pauses up to %.0f s, logged again only when this changes",
                self.what,
                state,
                self.ceiling,
            )
            self._state = state
        self.failures += 1
        return self.pause()

    def succeeded(self) -> None:
        """A try worked: log the recovery if it was failing, and start over."""
        if self.failures:
            lasted = self.clock() - self.since if self.since is not None else 0.0
            self.log.warning("%s works again after %.0f s (%d tries failed)", self.what, lasted, self.failures)
        self.failures, self.since, self._state = 0, None, None


def _state_of(exc: BaseException) -> str:
    """What the failure is, without the details that vary from try to try."""
    if isinstance(exc, sqlite3.Error):
        return f"database error: {exc}"
    if isinstance(exc, OSError):
        return f"{type(exc).__name__}: {exc.strerror or exc}"
    return type(exc).__name__
