"""The real Application, polling a loopback stand-in for the Bot API over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.config import Settings
from bot.practice.coach import Coach
from bot.scenarios.library import Library
from bot.storage.store import Store
from bot.tg.app import build_application, start_polling, stop_polling
from bot.tg.throttle import Throttle
from tests.telegram.fake_bot_api import TOKEN, FakeBotApi


@dataclass
class Bot:
    """A running bot and the stand-in it talks to, with waits that keep the event loop free."""

    api: FakeBotApi
    app: Application
    store: Store
    coach: Coach

    async def texts(self, chat_id: int, count: int, timeout: float = 10.0) -> list[str]:
        """All messages sent to the chat, once there are at least `count`."""
        deadline = asyncio.get_running_loop().time() + timeout
        while len(self.api.texts(chat_id)) < count:
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"expected {count} messages, got {self.api.texts(chat_id)}")
            await asyncio.sleep(0.01)
        return self.api.texts(chat_id)

    async def say(self, chat_id: int, text: str, replies: int = 1) -> list[str]:
        """Send a text as the user and return the bot's new messages."""
        before = len(self.api.texts(chat_id))
        self.api.text(chat_id, text)
        return (await self.texts(chat_id, before + replies))[before:]

    async def say_as(
        self, chat_id: int, text: str, first_name: str, username: str | None = None, replies: int = 1
    ) -> list[str]:
        """A message from someone with this Telegram first name (and @username: every message carries it, so say
        each of theirs this way); the bot's new messages."""
        before = len(self.api.texts(chat_id))
        message = self.api.message(chat_id, text, first_name)
        if username:
            message["from"]["username"] = username
        self.api.push("message", message)
        return (await self.texts(chat_id, before + replies))[before:]

    async def until(self, condition: Callable[[], bool], timeout: float = 15.0) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition():
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError("timed out waiting for the bot")
            await asyncio.sleep(0.02)

    async def settle(self, update_id: int, timeout: float = 10.0) -> None:
        """Wait until the update is handled and confirmed to the stand-in."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not self.store.seen(update_id) or not self.api.confirmed(update_id):
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"update {update_id} was not handled")
            await asyncio.sleep(0.01)


def runs_from(day: date, hour: int = 10) -> Callable[[], datetime]:
    """A store clock that starts at `hour` (UTC) on `day` and runs on in real time: calls made in a test then
    finish on the day its `today` says, so "this month" on a page holds them."""
    start, real = datetime.combine(day, time(hour), UTC), datetime.now(UTC)
    return lambda: start + (datetime.now(UTC) - real)


@pytest.fixture
def bot_api() -> Iterator[FakeBotApi]:
    api = FakeBotApi().start()
    yield api
    api.stop()


@pytest.fixture
def settings(bot_api: FakeBotApi, tmp_path: Path) -> Settings:
    return Settings(token=TOKEN, db_path=tmp_path / "deskdrill.db", admins=frozenset(), api_base_url=bot_api.base_url)


async def launch(
    settings: Settings,
    library: Library,
    api: FakeBotApi,
    throttle: Throttle | None = None,
    today: Callable[[], date] | None = None,
    reminder_interval: float = 3600.0,
) -> Bot:
    store = Store.open(settings.db_path)
    coach = Coach(library, store, settings.admins, seeds=lambda: 1)
    app = build_application(settings, coach, throttle or Throttle(rate=50, burst=50), today, reminder_interval)
    await start_polling(app, poll_interval=0, timeout=1)
    return Bot(api, app, store, coach)


async def shutdown(bot: Bot) -> None:
    await stop_polling(bot.app)
    bot.store.close()


@pytest.fixture
async def bot(settings: Settings, library: Library, bot_api: FakeBotApi) -> AsyncIterator[Bot]:
    running = await launch(settings, library, bot_api)
    yield running
    await shutdown(running)
