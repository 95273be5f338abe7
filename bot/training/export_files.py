"""The CSV of units' results, built in a separate process.

Building it is pure Python: about 3 s for 100,000 attempts. In a worker thread that holds the
interpreter lock away from the event loop, and a trainee's reply waits each time the loop has
to win it back (bench/dashboard_speed.py measured replies at p95 0.7 to 1.1 s during an
all-units export). A process of its own costs the loop nothing. One process serves every export,
one at a time, started at the first export.
"""

from __future__ import annotations

import asyncio
import gzip
import multiprocessing
import sqlite3
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from bot.training.records import ExportSpec, build_csv

GZIP_LEVEL = 6
"""Level 9 took 1.26 s on a 13 MB export and level 6 0.54 s, for nearly the same size."""

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def build(path: str, spec: ExportSpec, compressed: bool = False) -> bytes:
    """The file `spec` describes, read from the database file at `path` (run in the export process)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        data = build_csv(conn, spec)
    finally:
        conn.close()
    return gzip.compress(data, GZIP_LEVEL) if compressed else data


def _executor() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:  # spawn: a fresh interpreter, never a fork of a process running threads
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        return _pool


def _forget(pool: ProcessPoolExecutor) -> None:
    """A pool whose process died is broken for good: the next export starts a new one."""
    global _pool
    with _pool_lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def _submit(path: Path, spec: ExportSpec, compressed: bool) -> tuple[ProcessPoolExecutor, Future[bytes]]:
    pool = _executor()
    try:
        return pool, pool.submit(build, str(path.resolve()), spec, compressed)
    except BrokenProcessPool:  # it died after its last export: start a new one
        _forget(pool)
        pool = _executor()
        return pool, pool.submit(build, str(path.resolve()), spec, compressed)


def build_elsewhere(path: Path | None, spec: ExportSpec, compressed: bool = False, conn=None) -> bytes:
    """`build` in the export process, waiting for it (call from a worker thread, never the loop).
    Without a database file (an in-memory store in tests) it builds here from `conn`."""
    if path is None:
        return _here(conn, spec, compressed)
    pool, future = _submit(path, spec, compressed)
    try:
        return future.result()
    except BrokenProcessPool:  # it died during this export: once more in a new one
        _forget(pool)
        return _submit(path, spec, compressed)[1].result()


async def build_awaiting(path: Path | None, spec: ExportSpec, compressed: bool = False, conn=None) -> bytes:
    """`build_elsewhere` for the event loop: it waits on the process without holding a thread, so
    queued exports never starve the threads that read pages and draw charts."""
    if path is None:
        return _here(conn, spec, compressed)
    pool, future = _submit(path, spec, compressed)
    try:
        return await asyncio.wrap_future(future)
    except BrokenProcessPool:
        _forget(pool)
        return await asyncio.wrap_future(_submit(path, spec, compressed)[1])


def _here(conn, spec: ExportSpec, compressed: bool) -> bytes:
    data = build_csv(conn, spec)
    return gzip.compress(data, GZIP_LEVEL) if compressed else data
