"""Deliver the outbox: each chat's messages in order, chats side by side, nothing lost.

Handlers never talk to Telegram themselves: they store what they owe (`bot.storage.outbox`) and
wake the sender. The sender sends each chat's oldest pending message, marks it sent once
Telegram accepted it, and goes on with that chat's next one. A 429 waits as long as
Telegram asks; a 5xx or a network error is retried with growing pauses; a refusal for
good (the user blocked the bot, the chat is gone) is logged and skipped, so one broken
chat never holds up the others. At start-up it delivers whatever was pending before a
crash.

Up to `concurrency` chats are sent to at once; the HTTP connection pool is sized to match
(see bot.tg.app), so one chat's slow request never holds up another's. But only `lanes` quick
sends are in flight at once: httpx looks at every pooled connection on every request, so forty
connections kept open cost a busy bot a millisecond of CPU a message, and on a fast link a few
connections carry as much. A send still in flight after SLOW_SEND seconds gives up its lane.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from telegram import BotCommand, BotCommandScopeChat, InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError

from bot.storage.outbox import Outbox, Pending
from bot.tg.faults import Fault

log = logging.getLogger(__name__)

MAX_BACKOFF = 60.0
LANES = 4
"""Quick sends in flight at once (see the module). Telegram takes about 30 messages a second from a bot,
and four sends of 100 ms in flight carry 40; on the loopback stand-in four cut the CPU per update by a
quarter against forty (bench/telegram_load.py), with no loss of throughput."""
SLOW_SEND = 0.25
"""Seconds after which a send in flight stops counting as quick (a slow chat, a big file)."""
SCAN_PAUSE = 0.2
"""Seconds between two looks through the whole outbox."""
Renderer = Callable[[dict[str, Any]], Callable[[], tuple[str, str, bytes | None, str | None]]]
"""args -> (on the loop: reads the data) a drawing function, run in a thread, that returns
(kind "photo" or "document", filename, bytes or None when there is nothing to draw, caption or text instead)."""


class Sender:
    def __init__(
        self,
        bot: Any,
        outbox: Outbox,
        renderers: dict[str, Renderer] | None = None,
        menus: dict[str, list[tuple[str, str]]] | None = None,
        concurrency: int = 32,
        lanes: int = LANES,
        report: Callable[[Pending], bool] | None = None,
    ) -> None:
        """`report`: tells the bot a plain message was sent, for the bot to mark (bot.tg.delivery), False if it
        could not; without it the sender marks every message itself."""
        self.bot, self.outbox, self.report = bot, outbox, report
        self._reported: dict[int, int] = {}
        """Per chat, the last message reported sent: its row may not be marked yet, so heads start after it."""
        self.renderers = renderers or {}
        self.menus = menus or {}
        self.concurrency = concurrency
        self._lanes = asyncio.Semaphore(min(lanes, concurrency))
        self._wakeup = asyncio.Event()
        self._busy: dict[int, asyncio.Task] = {}
        self._hot: dict[int, None] = {}
        """Chats a handler just wrote to, in order: served before any backlog (a live trainee waits least)."""
        self._scan = True
        self._task: asyncio.Task | None = None
        self._stopping = False
        self.api_fault = Fault("sending to the Bot API", log, ceiling=MAX_BACKOFF)
        self.storage_fault = Fault("recording sent messages in the database", log, ceiling=MAX_BACKOFF)
        self._paused_until = 0.0
        """While the database cannot be written, nothing is sent: a message sent but not marked would go twice."""
        self._unmarked: dict[int, Pending] = {}
        """Messages Telegram accepted whose row could not be marked sent (the disk was full): marked, not resent."""

    def wake(self, chat_id: int | None = None) -> None:
        """Something new is owed: to `chat_id` first (its trainee is waiting), maybe to others too.
        The waiting trainee's chat is drained at once when a slot is free, not after a turn of `_run`."""
        self._scan = True
        if chat_id is not None:
            if self._can_spawn():
                self._spawn(chat_id)
                self.outbox.touched.pop(chat_id, None)
            else:
                self._hot[chat_id] = None
        self._hot.update(self.outbox.touched)  # everyone the handler just wrote to
        self.outbox.touched.clear()
        self._wakeup.set()

    def _can_spawn(self) -> bool:
        """Running, with a free slot, and the database writable (see `_storage_down`)."""
        if self._task is None or self._stopping or len(self._busy) >= self.concurrency:
            return False
        try:
            return asyncio.get_running_loop().time() >= self._paused_until
        except RuntimeError:  # called off the event loop: the loop below serves the chat
            return False

    def start(self) -> None:
        self._stopping = False
        self._task = asyncio.get_running_loop().create_task(self._run(), name="deskdrill-sender")

    async def stop(self, grace: float = 3.0) -> None:
        """Give sends in progress `grace` seconds to finish (so their rows are marked), then stop.

        A send cut short stays pending and goes out after the next start.
        """
        self._stopping = True
        self.wake()
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), grace)
            except TimeoutError:
                for task in list(self._busy.values()):
                    task.cancel()
                self._task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._task
            self._task = None

    async def idle(self, timeout: float = 10.0) -> bool:
        """True once nothing is pending or in flight (for tests and benchmarks)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._busy or self._hot or self.outbox.due_chats(limit=1)[0]:
            if loop.time() > deadline:
                return False
            await asyncio.sleep(0.01)
        return True

    async def _run(self) -> None:
        """Serve hot chats at once; look through the outbox for the rest at most every SCAN_PAUSE seconds.

        A full look costs a pass over every pending row, so a backlog of thousands (after an
        outage) is read a slice at a time and never holds up a trainee in a live call:
        backlog chats get at most three quarters of the slots.
        """
        loop = asyncio.get_running_loop()
        self._last_scan, later = -SCAN_PAUSE, None
        while not self._stopping:
            self._wakeup.clear()
            if loop.time() < self._paused_until:  # the database cannot be written: wait, then look again
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wakeup.wait(), self._paused_until - loop.time())
                continue
            try:
                later = self._serve(loop, later)
            except sqlite3.Error as exc:
                self._storage_down(exc)
                continue
            wait = SCAN_PAUSE if (self._scan or self._hot) else 1.0
            if later is not None:
                wait = max(0.0, min(wait, later - self.outbox.clock()))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), wait)
        if self._busy:
            await asyncio.gather(*self._busy.values(), return_exceptions=True)

    def _serve(self, loop: asyncio.AbstractEventLoop, later: float | None) -> float | None:
        """Spawn drains for hot chats, and for chats found by a look through the outbox when one is due;
        return when the next deferred message is due."""
        for chat_id in list(self._hot):
            if len(self._busy) >= self.concurrency:
                break
            del self._hot[chat_id]
            self._spawn(chat_id)
        due_later = later is not None and later <= self.outbox.clock()
        since = loop.time() - self._last_scan
        if (self._scan or due_later or since > 2.0) and since >= SCAN_PAUSE:
            self._scan, self._last_scan = False, loop.time()
            room = self.concurrency * 3 // 4 - len(self._busy)
            ready, later = self.outbox.due_chats(limit=max(room, 0) + len(self._busy))
            for chat_id in ready:
                if len(self._busy) >= self.concurrency * 3 // 4:
                    self._scan = True  # more waiting: look again soon
                    break
                self._spawn(chat_id)
        return later

    def _storage_down(self, exc: sqlite3.Error) -> None:
        """Pause all sending (doubling up to the ceiling) and log once per change; see bot.tg.faults."""
        pause = self.storage_fault.failed(exc)
        self._paused_until = asyncio.get_running_loop().time() + pause
        self._scan = True

    def _spawn(self, chat_id: int) -> None:
        if chat_id in self._busy:
            return  # its drain sends everything the chat is owed, new rows included
        task = asyncio.get_running_loop().create_task(self._drain(chat_id))
        self._busy[chat_id] = task
        task.add_done_callback(lambda _t, c=chat_id: self._done(c))

    def _done(self, chat_id: int) -> None:
        self._busy.pop(chat_id, None)
        self._scan = True  # a slot is free, and the chat may have been written to while it finished
        self._wakeup.set()

    async def _drain(self, chat_id: int) -> None:
        """Send the chat's pending messages in order until none is left, one must wait, or the database
        cannot be written (then everything pauses: see `_storage_down`)."""
        try:
            await self._drain_chat(chat_id)
        except sqlite3.Error as exc:
            self._storage_down(exc)

    async def _drain_chat(self, chat_id: int) -> None:
        while not self._stopping and asyncio.get_running_loop().time() >= self._paused_until:
            message = self.outbox.head(chat_id, self._reported.get(chat_id, 0))
            if message is None:
                return
            if message.id in self._unmarked:  # sent before the disk filled up: mark it, never send it twice
                self._mark_sent(message)
                continue
            try:
                await self._send(message)
            except RetryAfter as exc:
                seconds = _seconds(exc.retry_after)
                log.info("chat %s: Telegram asks to wait %.1f s", chat_id, seconds)
                self.outbox.defer(message, seconds)
                return
            except (BadRequest, Forbidden, InvalidToken) as exc:
                log.warning("chat %s: message %s refused for good: %s", chat_id, message.id, exc)
                self.outbox.give_up(message, str(exc))
                continue
            except (NetworkError, TelegramError, OSError) as exc:
                pause = min(MAX_BACKOFF, 0.5 * 2**message.tries)
                self.api_fault.failed(exc)  # logged once per change of state, not per retry or chat
                self.outbox.defer(message, pause)
                return
            except sqlite3.Error:
                raise
            except Exception:  # a renderer bug must not stop the chat's later messages
                log.exception("chat %s: message %s could not be prepared", chat_id, message.id)
                self.outbox.give_up(message, "could not be prepared")
                continue
            self.api_fault.succeeded()
            self._unmarked[message.id] = message
            self._mark_sent(message)

    def _mark_sent(self, message: Pending) -> None:
        if self.report is not None and self.outbox.plain(message) and self.report(message):
            self._reported[message.chat_id] = message.id
            self._unmarked.pop(message.id, None)
            return
        self.outbox.sent(message)  # raises while the database cannot be written; the message stays unmarked
        self._unmarked.pop(message.id, None)
        self.storage_fault.succeeded()

    async def _send(self, message: Pending) -> None:
        """Draw a chart or file first (in a thread: drawing holds no lane), then send in a lane."""
        body, chat_id = message.body, message.chat_id
        drawn = None
        if "render" in body:
            draw = self.renderers[body["render"]](body.get("args", {}))  # reads the database, on the loop
            drawn = await asyncio.to_thread(draw)
        async with _Lane(self._lanes):
            markup = _keyboard(message)
            if drawn is not None:
                await self._send_drawn(chat_id, drawn, markup)
            elif "text" in body:
                await self.bot.send_message(chat_id, body["text"], reply_markup=markup)
            if "menu" in body and body["menu"] in self.menus:
                commands = [BotCommand(name, text) for name, text in self.menus[body["menu"]]]
                await self.bot.set_my_commands(commands, scope=BotCommandScopeChat(chat_id))

    async def _send_drawn(self, chat_id: int, drawn: tuple[str, str, bytes | None, str | None], markup: Any) -> None:
        kind, filename, data, fallback = drawn
        if data is None:
            await self.bot.send_message(chat_id, fallback or "Nothing to show yet.", reply_markup=markup)
        elif kind == "photo":
            await self.bot.send_photo(chat_id, data, caption=fallback, reply_markup=markup)
        else:
            await self.bot.send_document(chat_id, data, filename=filename, caption=fallback, reply_markup=markup)


class _Lane:
    """One of the quick sends in flight, given back when the send ends or once it has taken SLOW_SEND."""

    __slots__ = ("lanes", "held", "timer")

    def __init__(self, lanes: asyncio.Semaphore) -> None:
        self.lanes, self.held, self.timer = lanes, False, None

    async def __aenter__(self) -> None:
        await self.lanes.acquire()
        self.held = True
        self.timer = asyncio.get_running_loop().call_later(SLOW_SEND, self.give_back)

    async def __aexit__(self, *exc: object) -> None:
        self.timer.cancel()
        self.give_back()

    def give_back(self) -> None:
        if self.held:
            self.held = False
            self.lanes.release()


def _keyboard(message: Pending) -> InlineKeyboardMarkup | None:
    rows = message.buttons
    if not rows:
        return None
    return InlineKeyboardMarkup([[_button(label, data) for label, data in row] for row in rows])


def _button(label: str, data: str) -> InlineKeyboardButton:
    """Callback data, or a link: "url:<address>" opens a page, "webapp:<https address>" a Mini App."""
    if data.startswith("webapp:"):
        return InlineKeyboardButton(label, web_app=WebAppInfo(data.removeprefix("webapp:")))
    if data.startswith("url:"):
        return InlineKeyboardButton(label, url=data.removeprefix("url:"))
    return InlineKeyboardButton(label, callback_data=data)


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
