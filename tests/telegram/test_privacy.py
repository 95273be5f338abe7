"""Who may do what, and where: private chats only, admins from the configuration, private files."""

from __future__ import annotations

import logging
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Settings
from bot.scenarios.library import Library
from bot.storage.store import Store
from tests.telegram.conftest import Bot, launch, shutdown
from tests.telegram.fake_bot_api import FakeBotApi

TRAINEE, ADMIN = 8181, 9191
GROUP = {"id": -100500, "type": "supergroup", "title": "Day shift chat"}


async def test_a_group_gets_one_pointer_to_the_private_chat_and_nothing_else(bot: Bot) -> None:
    await bot.say(TRAINEE, "/start")
    for text in ("/start", "/practice car-break-in", "/history", "hello bot"):
        bot.api.push("message", bot.api.message(TRAINEE, text, chat=GROUP))
    await bot.say(TRAINEE, "/help")
    (pointer,) = await bot.texts(GROUP["id"], 1)  # updates run side by side: the group's may finish after /help
    assert "private chats only" in pointer and "https://t.me/deskdrill_test_bot" in pointer
    assert bot.store.user(TRAINEE)["chat_id"] == TRAINEE
    assert bot.store.active_attempt(TRAINEE) is None


async def test_channel_posts_and_anonymous_admins_are_ignored_quietly(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    channel = {"id": -100600, "type": "channel", "title": "News"}
    post = {"message_id": 1, "date": 1, "chat": channel, "sender_chat": channel, "text": "/start"}
    anonymous = {
        **bot.api.message(1087968824, "/practice car-break-in", chat=GROUP),
        "sender_chat": GROUP,
    }
    with caplog.at_level(logging.ERROR):
        bot.api.push("channel_post", post)
        bot.api.push("message", anonymous)
        await bot.say(TRAINEE, "/help")
    assert bot.api.texts(channel["id"]) == [] and bot.api.texts(GROUP["id"]) == []
    assert "Traceback" not in caplog.text and not caplog.records


async def test_an_admin_removed_from_the_configuration_is_a_trainee_again_and_it_is_audited(
    settings: Settings, library: Library, bot_api: FakeBotApi
) -> None:
    first = await launch(replace(settings, admins=frozenset({ADMIN})), library, bot_api)
    await first.say(ADMIN, "/start")
    assert "audit log" in (await first.say(ADMIN, "/audit"))[0].lower()
    await shutdown(first)

    second = await launch(settings, library, bot_api)
    try:
        assert await second.say(ADMIN, "/audit") == ["/audit needs the admin role."]
        assert second.store.user(ADMIN)["role"] == "trainee"
        audit = second.store.db.execute("select detail from audit where action = 'admins'").fetchall()
        assert audit == [(f"user {ADMIN} -> trainee (DESKDRILL_ADMINS)",)]
    finally:
        await shutdown(second)


def test_the_database_and_its_folder_are_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deskdrill.db"
    store = Store.open(path)
    store.handled(1, 1, ["hello"])
    try:
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        for name in ("deskdrill.db", "deskdrill.db-wal", "deskdrill.db-shm"):
            assert stat.S_IMODE((path.parent / name).stat().st_mode) == 0o600, name
    finally:
        store.close()


def test_an_existing_world_readable_database_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "deskdrill.db"
    Store.open(path).close()
    path.chmod(0o644)
    Store.open(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_old_update_ids_and_delivered_messages_are_forgotten(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    now = [datetime(2026, 11, 1, tzinfo=UTC)]
    store = Store.open(tmp_path / "deskdrill.db", clock=lambda: now[0])
    store.outbox.clock = lambda: now[0].timestamp()
    store.handled(1, 1, ["old"])
    message = store.outbox.head(1)
    store.outbox.sent(message)
    now[0] += timedelta(days=3)
    store.handled(2, 1, ["new, not yet sent"])
    assert store.prune() == (1, 1)
    assert not store.seen(1) and store.seen(2) and store.outbox.undelivered() == 1
    store.close()
