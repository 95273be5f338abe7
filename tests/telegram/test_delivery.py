"""Every message owed reaches its chat, in order, once: through 429s, 5xx, hung requests and kill -9."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sqlite3
import time
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from bot.config import Settings
from bot.scenarios.library import Library
from tests.telegram.conftest import Bot, launch, shutdown
from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.test_restart import start_bot

TRAINEE, OTHER, ADMIN = 4141, 4242, 4343


async def test_a_burst_of_429s_delays_but_loses_no_answer(bot: Bot) -> None:
    users = range(7000, 7010)
    bot.api.fail_next("sendMessage", status=429, retry_after=1, times=10)
    for user in users:
        bot.api.text(user, "/help")
    for user in users:
        (reply,) = await bot.texts(user, 1, timeout=15)
        assert "/practice" in reply


async def test_server_errors_are_retried_and_each_chat_keeps_its_order(bot: Bot) -> None:
    bot.api.fail_next("sendMessage", status=500, times=3)
    bot.api.text(TRAINEE, "/practice car-break-in")
    bot.api.text(TRAINEE, "Good morning, Harbor Station, Deputy Park speaking.")
    brief, reply = await bot.texts(TRAINEE, 2, timeout=15)
    assert brief.startswith("Car break-in") and reply.startswith("Caller (")
    assert len(bot.api.sent("sendMessage!failed")) == 3


async def test_a_chat_that_blocked_the_bot_does_not_hold_up_its_later_messages(bot: Bot) -> None:
    bot.api.fail_next("sendMessage", status=403, times=1)
    bot.api.text(TRAINEE, "/help")
    await bot.until(lambda: bool(bot.api.sent("sendMessage!failed")))
    (reply,) = await bot.say(TRAINEE, "/history")
    assert "No finished calls yet" in reply
    failed = bot.store.db.execute("select failed from outbox where failed is not null").fetchall()
    assert len(failed) == 1 and "403" in failed[0][0]


async def test_one_chats_hung_request_does_not_hold_up_other_chats(bot: Bot) -> None:
    bot.api.slow_down(TRAINEE, 3.0)
    bot.api.text(TRAINEE, "/help")
    await asyncio.sleep(0.2)
    started = time.monotonic()
    await bot.say(OTHER, "/help")
    assert time.monotonic() - started < 1.0


async def test_a_reminder_counts_as_sent_only_once_delivered(
    settings: Settings, library: Library, bot_api: FakeBotApi
) -> None:
    bot = await launch(
        replace(settings, admins=frozenset({ADMIN})),
        library,
        bot_api,
        today=lambda: date(2026, 11, 23),
        reminder_interval=0.2,
    )
    try:
        await bot.say(ADMIN, "/start")
        await bot.say(TRAINEE, "/start")
        (created,) = await bot.say(ADMIN, "/newunit Desk")
        code = re.search(r"Join code: (\S+)", created).group(1)
        bot.store.clock = lambda: datetime(2026, 11, 22, 12, tzinfo=UTC)  # joined and assigned yesterday
        await bot.say(TRAINEE, f"/join {code}")
        bot_api.slow_down(TRAINEE, 1.5)
        await bot.say(ADMIN, f"/assign towed-car {code} 2026-11-30")
        bot.store.clock = lambda: datetime(2026, 11, 23, 9, tzinfo=UTC)  # reminded today, at the reminder hour
        await bot.until(lambda: bot.store.db.execute("select count(*) from reminders").fetchone()[0] == 1)
        assert bot.store.db.execute("select delivered_at from reminders").fetchone()[0] is None
        await bot.until(lambda: any(t.startswith("Reminder:") for t in bot_api.texts(TRAINEE)))
        await bot.until(lambda: bot.store.db.execute("select delivered_at from reminders").fetchone()[0] is not None)
    finally:
        await shutdown(bot)


async def test_an_update_fetched_but_not_handled_before_a_crash_is_handled_after_the_restart(
    settings: Settings, library: Library, bot_api: FakeBotApi
) -> None:
    """Polling confirms a batch when it fetches the next, so a crash in between would lose it without the inbox."""
    from bot.storage.store import Store

    store = Store.open(settings.db_path)
    store.receive([{"update_id": 500, "message": bot_api.message(TRAINEE, "/help")}])
    store.close()
    bot = await launch(settings, library, bot_api)
    try:
        (reply,) = await bot.texts(TRAINEE, 1)
        assert "/practice" in reply
        await bot.until(lambda: bot.store.unfinished_updates() == [])
    finally:
        await shutdown(bot)


def pending(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("select count(*) from outbox where sent is null and failed is null").fetchone()[0]


def wait(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


def test_notices_owed_when_the_bot_is_killed_are_delivered_after_the_restart(tmp_path: Path) -> None:
    """kill -9 right after /assign was stored but before its notices went out: none is lost."""
    api = FakeBotApi().start()
    db = tmp_path / "deskdrill.db"
    env = {"DESKDRILL_ADMINS": str(ADMIN)}
    trainees = list(range(6000, 6005))
    bot = start_bot(api, db, env)
    try:
        api.text(ADMIN, "/start")
        api.wait_for_texts(ADMIN, 1, timeout=30)
        api.text(ADMIN, "/newunit Night desk")
        code = re.search(r"Join code: (\S+)", api.wait_for_texts(ADMIN, 2)[-1]).group(1)
        for trainee in trainees:
            api.text(trainee, f"/join {code}")
            api.wait_for_texts(trainee, 1)
            api.slow_down(trainee, 30.0)  # their notices hang in flight
        api.text(ADMIN, f"/assign car-break-in {code}")
        api.wait_for_texts(ADMIN, 3)
        wait(lambda: pending(db) >= len(trainees) - 1, 5)
        os.kill(bot.pid, signal.SIGKILL)
        bot.wait(10)
        for trainee in trainees:
            api.slow_down(trainee, 0.0)
        bot = start_bot(api, db, env)
        for trainee in trainees:
            wait(lambda t=trainee: any(x.startswith("New assignment") for x in api.texts(t)))
        wait(lambda: pending(db) == 0)
        time.sleep(0.3)
    finally:
        bot.terminate()
        _, stderr = bot.communicate(timeout=10)
        api.stop()
    assert "Traceback" not in stderr.decode()
    for trainee in trainees:
        notices = [x for x in api.texts(trainee) if x.startswith("New assignment")]
        assert len(notices) == 1, (trainee, notices)
