"""Repeated failures back off to a ceiling and are logged once per change of state, not per retry (issue 20)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3

import pytest

from bot.storage.outbox import Outgoing
from bot.tg.faults import Fault
from tests.telegram.conftest import Bot

READ_ONLY = sqlite3.OperationalError("attempt to write a readonly database")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_pauses_double_up_to_the_ceiling_and_start_over_after_a_success() -> None:
    fault = Fault("writing", logging.getLogger("test"), first=0.5, ceiling=30.0)
    assert [fault.failed(READ_ONLY) for _ in range(9)] == [0.5, 1, 2, 4, 8, 16, 30, 30, 30]
    fault.succeeded()
    assert fault.failed(READ_ONLY) == 0.5


def test_a_fault_is_logged_when_it_starts_when_it_changes_and_when_it_clears(caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock()
    fault = Fault("writing", logging.getLogger("test.faults"), clock=clock)
    with caplog.at_level(logging.INFO, logger="test.faults"):
        for _ in range(1000):
            fault.failed(READ_ONLY)
            clock.now += 1
        fault.failed(sqlite3.OperationalError("database or disk is full"))
        fault.failed(sqlite3.OperationalError("database or disk is full"))
        fault.succeeded()
        fault.succeeded()
    assert [r.getMessage().split(";")[0] for r in caplog.records] == [
        "writing failed: database error: attempt to write a readonly database",
        "writing failed: database error: database or disk is full",
        "writing works again after 1000 s (1002 tries failed)",
    ]


async def test_a_read_only_database_pauses_sending_and_no_message_goes_twice(
    bot: Bot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Telegram accepted the message but its row could not be marked sent: it is marked later, not resent."""
    outbox = bot.store.outbox
    mark_sent = outbox.sent
    monkeypatch.setattr(outbox, "sent", lambda message: (_ for _ in ()).throw(READ_ONLY))
    with caplog.at_level(logging.INFO, logger="bot.tg.sender"):
        bot.store.owe([Outgoing(77, "Your assignment is due tomorrow.")])
        bot.app.bot_data["sender"].wake(77)
        await bot.texts(77, 1)
        await asyncio.sleep(3.0)  # pauses of 0.5, 1, 2 s: a few tries, not thousands
        monkeypatch.setattr(outbox, "sent", mark_sent)  # writable again
        await bot.until(lambda: outbox.undelivered() == 0, timeout=40)
        await asyncio.sleep(0.3)
    assert bot.api.texts(77) == ["Your assignment is due tomorrow."], "sent once"
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.tg.sender"]
    assert len(lines) == 2 and "attempt to write a readonly database" in lines[0] and "works again" in lines[1]


async def test_an_unreachable_bot_api_is_logged_once_however_many_chats_wait(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    bot.api.fail_next("sendMessage", status=502, times=40)
    with caplog.at_level(logging.INFO, logger="bot.tg.sender"):
        bot.store.owe([Outgoing(chat, f"Notice {chat}") for chat in range(100, 120)])
        bot.app.bot_data["sender"].wake()
        await bot.until(lambda: all(bot.api.texts(chat) for chat in range(100, 120)), timeout=40)
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.tg.sender"]
    assert len(lines) == 2, lines
    assert lines[0].startswith("sending to the Bot API failed: NetworkError") and "works again" in lines[1]


async def test_polling_through_bot_api_errors_backs_off_and_logs_once(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    bot.api.fail_next("getUpdates", status=502, times=4)
    with caplog.at_level(logging.INFO):
        await asyncio.sleep(0.2)
        update = bot.api.text(5, "/start")
        await bot.settle(update, timeout=40)
    polling = [r.getMessage() for r in caplog.records if r.name == "bot.tg.bot_api"]
    assert len(polling) == 2, polling
    assert polling[0].startswith("fetching updates from the Bot API failed: NetworkError")
    assert "works again" in polling[1] and "(4 tries failed)" in polling[1]
    assert not [r for r in caplog.records if r.name.startswith("telegram") and r.levelno >= logging.ERROR]
