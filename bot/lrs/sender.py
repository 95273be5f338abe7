"""Deliver the xAPI queue to the Learning Record Store: a small worker in the bot's event loop.

It queues the statements of each call finished since it last looked (bot.training.xapi, stored by
bot.storage.xapi), then POSTs each attempt's statements to `{endpoint}/statements` with HTTP basic auth.
An LRS that is down, slow, answers 5xx or 429, or refuses the credentials (401, 403: a setting to fix) is
retried with pauses that double up to MAX_PAUSE, logged once when it starts and once when it clears; the
statements wait in the database meanwhile, across restarts. A statement the LRS already has (409) counts
as delivered; statements it rejects as malformed (400, 413, 422) are marked failed and logged, never
resent. Only httpx (python-telegram-bot's own HTTP client) is used.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable
from typing import Any

import httpx

from bot.storage.store import Store
from bot.storage.xapi import Queued, XapiQueue

log = logging.getLogger(__name__)

POLL_SECONDS = 5.0
"""How often finished calls are looked for when nothing wakes the worker."""
FIRST_PAUSE, MAX_PAUSE = 1.0, 300.0
"""Seconds before the first retry, and the longest pause, while the LRS cannot take statements."""
BATCH = 50
"""Attempts whose statements go in one request (150 statements)."""
TIMEOUT = 15.0
KEEP_SENT_SECONDS = 30 * 24 * 3600
"""Delivered rows are forgotten after this long (the LRS keeps the statements)."""
REJECTED = {400, 413, 422}
"""The LRS says these statements are wrong: retrying cannot help."""
DELIVERED = {200, 204, 409}

Build = Callable[[sqlite3.Connection, int], "tuple[int, str, list[dict[str, Any]]] | None"]
"""(connection, attempt id) -> (trainee id, finished at, statements), or None when there is nothing to send."""
Correct = Callable[
    [sqlite3.Connection, int, int, "list[dict[str, Any]]", str, str], "tuple[int, str, list[dict[str, Any]]] | None"
]
"""(connection, attempt id, revision, the statements it corrects, why, when) -> as Build: a correction's statements
(bot.training.xapi.Statements.correction)."""


class Unreachable(Exception):
    """The LRS cannot take statements now (down, overloaded, or refusing our credentials)."""


class StatementSender:
    def __init__(
        self,
        store: Store,
        build: Build,
        endpoint: str,
        username: str,
        password: str,
        poll: float = POLL_SECONDS,
        first_pause: float | None = None,
        max_pause: float | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        correct: Correct | None = None,
    ) -> None:
        self.store, self.build, self.poll, self.correct = store, build, poll, correct
        self.url = endpoint.rstrip("/") + "/statements"
        self.auth, self.transport = (username, password), transport
        self.first_pause = FIRST_PAUSE if first_pause is None else first_pause
        self.max_pause = MAX_PAUSE if max_pause is None else max_pause
        self.queue = XapiQueue(store.db)
        self.failures = 0
        self.failing_since: float | None = None
        self._problem: str | None = None
        self._wakeup = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._stopping = False
        self._pruned = 0.0

    def start(self) -> None:
        self._stopping = False
        pending = self.queue.pending()
        if pending:
            log.info("sending %s attempts' xAPI statements left pending before the last stop", pending)
        self._task = asyncio.get_running_loop().create_task(self._run(), name="deskdrill-xapi")

    def wake(self) -> None:
        self._wakeup.set()

    async def stop(self, grace: float = 3.0) -> None:
        """A request cut short stays pending and is sent after the next start."""
        self._stopping = True
        self.wake()
        if self._task is None:
            return
        try:
            await asyncio.wait_for(asyncio.shield(self._task), grace)
        except TimeoutError:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        async with httpx.AsyncClient(auth=self.auth, timeout=TIMEOUT, transport=self.transport) as client:
            while not self._stopping:
                self._wakeup.clear()  # a wake from here on starts the next round at once
                try:
                    self.enqueue()
                    wait = await self.deliver(client)
                except (sqlite3.Error, OSError) as exc:  # a full disk, a locked or read-only database
                    wait = self.failed(f"database error: {exc}")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wakeup.wait(), max(0.01, wait))

    def enqueue(self) -> int:
        """Queue the statements of every call finished since the last look; how many calls."""
        queued = 0
        found = self.queue.unqueued(self.store.now())
        if found:
            with self.store.db.atomic():
                for attempt_id in found:
                    built = self.build(self.store.db.conn, attempt_id)
                    if built is not None:
                        user_id, finished_at, statements = built
                        self.queue.add(attempt_id, user_id, statements, finished_at)
                        queued += 1
        queued += self.enqueue_corrections()
        if time.monotonic() - self._pruned > 3600:
            self._pruned = time.monotonic()
            self.queue.prune(KEEP_SENT_SECONDS)
        return queued

    def enqueue_corrections(self) -> int:
        """Queue the corrections owed (overrides, regrades), each after the statements it voids; how many."""
        owed = self.queue.corrections() if self.correct is not None else []
        if not owed:
            return 0
        latest = {c.attempt_id: c.id for c in owed}  # several at once: the last states the result as it stands
        with self.store.db.atomic():
            for c in owed:
                if latest[c.attempt_id] != c.id:
                    self.queue.forget(c)
                    continue
                built = self.correct(
                    self.store.db.conn, c.attempt_id, c.id, self.queue.latest(c.attempt_id), c.why, c.created
                )
                if built is None:
                    self.queue.forget(c)
                    continue
                user_id, finished_at, statements = built
                self.queue.add(c.attempt_id, user_id, statements, finished_at, revision=c.id)
        return len(owed)

    async def deliver(self, client: httpx.AsyncClient) -> float:
        """Send what is due, many attempts' statements in one request; the seconds to wait before the next round."""
        rows = self.queue.due(BATCH)
        if rows:
            try:
                await self.post(client, rows)
            except Unreachable as exc:
                pause = self.failed(str(exc))
                with self.store.db.atomic():  # one write for the batch
                    for row in rows:
                        self.queue.retry(row, pause, str(exc))
                return pause
            self.recovered()
        if self.queue.due(1):
            return 0.0
        next_at = self.queue.next_due()
        return self.poll if next_at is None else max(0.0, min(self.poll, next_at - time.time()))

    async def post(self, client: httpx.AsyncClient, rows: list[Queued]) -> None:
        """POST the rows' statements as one batch. The LRS takes or refuses a batch whole, so a batch it refuses
        (malformed, or an id it holds with other content) is sent again one attempt at a time, to find which."""
        batch = [statement for row in rows for statement in row.statements]
        try:
            response = await client.post(self.url, json=batch, headers={"X-Experience-API-Version": "1.0.3"})
        except httpx.HTTPError as exc:
            raise Unreachable(f"{type(exc).__name__}: {exc}") from exc
        status = response.status_code
        if len(rows) > 1 and status in REJECTED | {409}:
            for row in rows:
                await self.post(client, [row])
            return
        if status in DELIVERED:  # 409 for one attempt: the LRS already holds statements with these ids
            with self.store.db.atomic():
                for row in rows:
                    self.queue.sent(row)
            return
        said = f"HTTP {status}: {response.text[:200]}"
        if status in REJECTED:
            log.error("the LRS rejected the xAPI statements of attempt %s for good (%s)", rows[0].attempt_id, said)
            self.queue.give_up(rows[0], said)
            return
        if status in (401, 403):
            said += " (check DESKDRILL_XAPI_USERNAME and DESKDRILL_XAPI_PASSWORD)"
        raise Unreachable(said)

    def failed(self, problem: str) -> float:
        """Count a failure, log it if it is new, and return the pause before the next try."""
        if not self.failures:
            self.failing_since = time.monotonic()
        if problem.split(":")[0] != (self._problem or "").split(":")[0]:
            log.error(
                "sending xAPI statements to %s failed: %s; they wait in the database, retried with pauses up to "
                "%.0f s, logged again only when this changes",
                self.url,
                problem,
                self.max_pause,
            )
            self._problem = problem
        self.failures += 1
        return min(self.max_pause, self.first_pause * 2 ** (self.failures - 1))

    def recovered(self) -> None:
        if self.failures:
            lasted = time.monotonic() - (self.failing_since or time.monotonic())
            log.warning("the LRS takes xAPI statements again after %.0f s (%d tries failed)", lasted, self.failures)
        self.failures, self.failing_since, self._problem = 0, None, None
