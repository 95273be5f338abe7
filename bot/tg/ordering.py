"""Handle different chats' updates concurrently, and each chat's updates strictly in order.

An update first waits for its chat's turn, and only then takes one of the global slots,
so a chat with a backlog (a flood being slowed down) never occupies slots that other
chats need. Handlers do no network work (the sender delivers the outbox) and charts are
drawn in threads, so a generous number of slots costs little.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

MAX_CONCURRENT_UPDATES = 64


class PerChatOrder(BaseUpdateProcessor):
    def __init__(
        self,
        max_concurrent_updates: int = MAX_CONCURRENT_UPDATES,
        on_arrival: Callable[[Update], None] | None = None,
        on_done: Callable[[Update], None] | None = None,
    ) -> None:
        super().__init__(max_concurrent_updates)
        self.on_arrival = on_arrival
        """Called as each update arrives, before it waits for its chat's turn (the throttle's clock)."""
        self.on_done = on_done
        """Called once the update is handled, whatever the outcome (it leaves the inbox)."""
        self._locks: dict[object, asyncio.Lock] = {}
        self._waiting: dict[object, int] = {}
        self._slots = asyncio.BoundedSemaphore(max_concurrent_updates)

    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """The chat's turn first, then a slot: waiting for one's own chat holds no slot."""
        if self.on_arrival is not None and isinstance(update, Update):
            self.on_arrival(update)
        key = _chat_of(update)
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock, self._slots:
                await coroutine
            if self.on_done is not None and isinstance(update, Update):
                self.on_done(update)
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:  # forget idle chats so the maps stay small
                del self._waiting[key], self._locks[key]

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        await coroutine

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


def _chat_of(update: object) -> object:
    if isinstance(update, Update):
        if update.effective_user is not None:
            return update.effective_user.id  # a private chat's id is its user's id
        if update.effective_chat is not None:
            return update.effective_chat.id
    return None
