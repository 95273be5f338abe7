"""Delivery in a process of its own: the sender beside the bot, on another core.

Sending a message (an HTTPS request through httpx) costs about as much CPU as playing the
visitor and grading, and Python runs one thread at a time. So `deskdrill run` starts
`python -m bot.tg.delivery`, which runs the same `Sender` (bot.tg.sender) over the same
database. It loads no handler, visitor or grader (its charts and menus when first needed).
Nothing else changes: handlers already leave what they owe in the outbox, in the
transaction that made it owed, and the sender takes it from there.

- The bot names each chat it just wrote to on a line of the delivery process's standard
  input, so a waiting trainee is served at once; the sender's own look through the outbox
  finds everything else (reminders, the dashboard's notices), as before.
- It tells the bot, on its standard output, each plain message it sent, and the bot marks them
  sent, a batch at a time: only the bot writes on the way of a practice message, so the two
  never wait on each other's write lock. (Messages with something to record when sent, a
  reminder's delivery or a sign-in link to wipe, it marks itself.)
- One delivery process at a time: it holds a lock file beside the database while it sends,
  so a new one (after a restart) waits until the old one has finished its last send.
- If it dies, the bot logs it and starts another, after a pause that grows while it keeps
  dying; owed messages wait in the outbox meanwhile.
- When the bot stops, or is killed, the pipe closes: the delivery process finishes the sends
  in flight, marks them sent and exits.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import functools
import logging
import os
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from bot.config import ConfigError, Settings, load_settings
from bot.storage.database import connect_in_wal
from bot.storage.outbox import Outbox, Pending
from bot.tg.bot_api import SENDER_CONCURRENCY, telegram_bot
from bot.tg.faults import Fault
from bot.tg.sender import Sender

log = logging.getLogger(__name__)

RESTART_PAUSE, MAX_RESTART_PAUSE = 1.0, 60.0
"""Seconds before a delivery process that died is started again (doubling while it dies within a minute)."""
STOP_GRACE = 3.0
"""Seconds the delivery process is given to finish its sends in flight when the bot stops."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".delivery.lock")


class DeliveryProcess:
    """The bot's side: starts `command` (`python -m bot.tg.delivery`), wakes it, restarts it, stops it.

    It stands where the in-process `Sender` would (`wake`, `start`, `stop`, `outbox`)."""

    def __init__(self, outbox: Outbox, command: Sequence[str], restart_pause: float = RESTART_PAUSE) -> None:
        self.outbox, self.command, self.restart_pause = outbox, list(command), restart_pause
        self._proc: asyncio.subprocess.Process | None = None
        self._task: asyncio.Task | None = None
        self._stopping = False
        self._sent: list[int] = []
        """Messages it reports sent, to mark in the next batch."""
        self.storage_fault = Fault("marking delivered messages in the database", log)

    def wake(self, chat_id: int | None = None) -> None:
        """Something new is owed: to `chat_id` first, then to everyone the handlers just wrote to."""
        chats = ([chat_id] if chat_id is not None else []) + [c for c in self.outbox.touched if c != chat_id]
        self.outbox.touched.clear()
        proc = self._proc
        if proc is None or proc.returncode is not None or proc.stdin is None or proc.stdin.is_closing():
            return  # it will look through the whole outbox when it starts
        lines = "".join(f"{c}\n" for c in chats) or "\n"  # an empty line: look through the outbox
        with contextlib.suppress(ConnectionError, RuntimeError):
            proc.stdin.write(lines.encode())

    def start(self) -> None:
        self._stopping = False
        self._task = asyncio.get_running_loop().create_task(self._supervise(), name="deskdrill-delivery")

    async def _supervise(self) -> None:
        """Run the delivery process, and start it again whenever it stops while the bot goes on."""
        loop, pause = asyncio.get_running_loop(), self.restart_pause
        while not self._stopping:
            started = loop.time()
            try:
                self._proc = await asyncio.create_subprocess_exec(
                    *self.command, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE
                )
            except OSError as exc:  # no process can be started (out of memory, too many processes)
                code: int | str = f"not started: {exc}"
            else:
                await self._read_reports(self._proc.stdout)  # until it exits: then all it sent is marked
                code = await self._proc.wait()
            if self._stopping:
                return
            pause = self.restart_pause if loop.time() - started > 60 else min(MAX_RESTART_PAUSE, pause * 2)
            log.error(
                "the delivery process stopped (exit status %s); starting it again in %.0f s. "
                "Messages owed meanwhile wait in the outbox.",
                code,
                pause,
            )
            await asyncio.sleep(pause)

    async def _read_reports(self, stdout: asyncio.StreamReader | None) -> None:
        """Mark what the delivery process reports sent, each batch in one write, between handlers."""
        while stdout is not None and (line := await stdout.readline()):
            if line.strip().isdigit():
                if not self._sent:
                    asyncio.get_running_loop().call_soon(self._mark)
                self._sent.append(int(line))
        self._mark()

    def _mark(self) -> None:
        if not self._sent:
            return
        try:
            with self.outbox.db.atomic():
                self.outbox.mark_sent(self._sent)
        except sqlite3.Error as exc:  # kept for the next batch; after a restart they would go again
            self.storage_fault.failed(exc)
            asyncio.get_running_loop().call_later(1.0, self._mark)
            return
        self.storage_fault.succeeded()
        self._sent.clear()

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """Close its pipe: it finishes the sends in flight and exits (killed if it takes much longer)."""
        self._stopping = True
        proc = self._proc
        if proc is not None and proc.returncode is None:
            if proc.stdin is not None:
                proc.stdin.close()
            try:
                await asyncio.wait_for(proc.wait(), grace + 2.0)
            except TimeoutError:
                log.warning("the delivery process did not stop in time: killing it")
                proc.kill()
                await proc.wait()
        if self._task is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._task), 1.0)  # its last reports, marked
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None


def report_sent(message: Pending) -> bool:
    """In the delivery process: tell the bot a plain message went out (a line on standard output). False
    when the bot is gone (killed): the sender then marks it itself, or the next one would send it again."""
    try:
        os.write(sys.stdout.fileno(), f"{message.id}\n".encode())
    except OSError:
        return False
    return True


def deliver_command(scenarios: Path | None) -> list[str]:
    """The command line of the delivery process, with this interpreter."""
    return [sys.executable, "-m", "bot.tg.delivery", *(["--scenarios", str(scenarios)] if scenarios else [])]


async def deliver(sender: Sender, lock: Path, reader: asyncio.StreamReader | None = None) -> None:
    """The delivery process's side: wait for the lock, then send until standard input closes (or SIGTERM)."""
    loop = asyncio.get_running_loop()
    reader = reader or await _stdin_reader()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    started: list[Sender] = []
    reading = loop.create_task(_read_lines(reader, started, stop))
    try:
        with lock.open("a") as held:
            if not await _locked(held, stop):
                return
            sender.start()
            started.append(sender)
            sender.wake()  # whatever is owed already: pending before a restart, or written while this started
            await stop.wait()
            await sender.stop(STOP_GRACE)
    finally:
        reading.cancel()


async def _stdin_reader() -> asyncio.StreamReader:
    reader = asyncio.StreamReader()
    await asyncio.get_running_loop().connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    return reader


async def _locked(held, stop: asyncio.Event) -> bool:
    """Take the lock file, waiting for an earlier delivery process to finish; False if told to stop first."""
    waited = False
    while not stop.is_set():
        try:
            fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if not waited:
                log.info("waiting for the previous delivery process to finish its last sends")
                waited = True
        await asyncio.sleep(0.1)
    return False


async def _read_lines(reader: asyncio.StreamReader, started: list[Sender], stop: asyncio.Event) -> None:
    """Each line names a chat just written to (an empty one: look through the outbox); the end of
    the input (the bot stopped, or died) ends delivery."""
    while line := await reader.readline():
        text = line.strip()
        for sender in started:
            sender.wake(int(text) if text.lstrip(b"-").isdigit() else None)
    stop.set()


class OnFirstUse(Mapping):
    """A mapping built at its first look-up: charts and menus are rare, and their modules are heavy."""

    def __init__(self, build: Callable[[], Mapping]) -> None:
        self.build = build
        self._built: Mapping | None = None

    def _mapping(self) -> Mapping:
        if self._built is None:
            self._built = self.build()
        return self._built

    def __getitem__(self, key: Any) -> Any:
        return self._mapping()[key]

    def __iter__(self) -> Iterator:
        return iter(self._mapping())

    def __len__(self) -> int:
        return len(self._mapping())

    def __bool__(self) -> bool:  # `mapping or {}` must not build it
        return True


def _renderers(settings: Settings, scenarios: Path | None) -> Mapping:
    """Charts and files read through a store of their own, opened with the first of them."""
    from bot.scenarios.library import default_scenario_dir, load_library
    from bot.storage.store import Store
    from bot.tg.renderers import renderers

    library = functools.cache(lambda: load_library([scenarios or default_scenario_dir()]))  # for exports only
    return renderers(Store.open(settings.db_path), library, settings.tz)


def _menus() -> Mapping:
    from bot.tg.menus import MENUS

    return MENUS


async def _serve(settings: Settings, scenarios: Path | None) -> None:
    """The outbox over a plain connection: the bot has opened (and migrated) the database already."""
    db = connect_in_wal(settings.db_path)
    bot = telegram_bot(settings, None)  # never polls: no inbox
    sender = Sender(
        bot,
        Outbox(db),
        OnFirstUse(lambda: _renderers(settings, scenarios)),  # type: ignore[arg-type]
        OnFirstUse(_menus),  # type: ignore[arg-type]
        SENDER_CONCURRENCY,
        report=report_sent,
    )
    try:
        async with bot:
            await deliver(sender, lock_path(settings.db_path))
    finally:
        db.close()


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m bot.tg.delivery [--scenarios DIR]`: started by `deskdrill run`, not by hand."""
    parser = argparse.ArgumentParser(prog="python -m bot.tg.delivery", description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", type=Path, help="scenario directory (for exports)")
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"deskdrill delivery: {exc}", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    asyncio.run(_serve(settings, args.scenarios or settings.scenarios_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
