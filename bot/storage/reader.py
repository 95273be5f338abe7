"""Read-only connections for heavy reads (staff reports, exports, charts), off the event loop."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
