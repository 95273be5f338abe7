"""What a careful user throws at the bot: each gets a short clear reply, never silence."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest

from bot.coach import User
from bot.config import Settings
from bot.library import Library
from bot.tg.guards import APOLOGY, EDITED, SLOW_DOWN, TEXT_ONLY
from bot.tg.throttle import Throttle
from tests.telegram.conftest import Bot, launch, shutdown
from tests.telegram.fake_bot_api import FakeBotApi

TRAINEE, OTHER = 5151, 6262
FILE = {"file_id": "f1", "file_unique_id": "u1"}
NOT_TEXT = {
    "sticker": {
        "sticker": {**FILE, "type": "regular", "width": 512, "height": 512, "is_animated": False, "is_video": False}
    },
    "photo": {"photo": [{**FILE, "width": 90, "height": 90}]},
    "voice note": {"voice": {**FILE, "duration": 3}},
    "file": {"document": FILE},
}


@pytest.mark.parametrize("kind", sorted(NOT_TEXT))
async def test_non_text_messages_get_a_short_clear_reply(bot: Bot, kind: str) -> None:
    bot.api.push("message", bot.api.message(TRAINEE, **NOT_TEXT[kind]))
    assert await bot.texts(TRAINEE, 1) == [TEXT_ONLY]


async def test_an_edited_message_is_not_passed_on_and_says_so(bot: Bot) -> None:
    await bot.say(TRAINEE, "/practice car-break-in")
    edited = bot.api.message(TRAINEE, "Good morning, Harbor Station.", edit_date=1)
    bot.api.push("edited_message", edited)
    assert (await bot.texts(TRAINEE, 2))[-1] == EDITED
    assert len(bot.store.turns(bot.store.active_attempt(TRAINEE).id)) == 1


async def test_an_overlong_message_is_cut_with_a_notice_and_still_answered(bot: Bot) -> None:
    await bot.say(TRAINEE, "/practice car-break-in")
    notice, reply = await bot.say(TRAINEE, "Hello, Harbor Station. " + "a" * 5000, replies=2)
    assert "only the first 4,096 were kept" in notice
    assert reply.startswith("Caller (")
    (trainee_turn,) = [t for t in bot.store.turns(bot.store.active_attempt(TRAINEE).id) if t.role == "trainee"]
    assert len(trainee_turn.text) == 4096


async def test_an_unknown_command_points_to_help(bot: Bot) -> None:
    (reply,) = await bot.say(TRAINEE, "/frobnicate")
    assert "/help" in reply


@pytest.fixture
async def strict_bot(settings: Settings, library: Library, bot_api: FakeBotApi) -> AsyncIterator[Bot]:
    running = await launch(settings, library, bot_api, Throttle(rate=0.01, burst=3))
    yield running
    await shutdown(running)


async def test_a_flood_is_slowed_politely_once_and_other_users_are_unaffected(strict_bot: Bot) -> None:
    for n in range(6):
        strict_bot.api.text(TRAINEE, f"/help {n}")
    strict_bot.api.text(OTHER, "/help")
    await strict_bot.texts(OTHER, 1)
    texts = await strict_bot.texts(TRAINEE, 4)
    await strict_bot.until(lambda: all(strict_bot.store.pending(u) is not None for u in range(1, 8)))
    assert strict_bot.api.texts(TRAINEE).count(SLOW_DOWN) == 1
    assert len(strict_bot.api.texts(TRAINEE)) == 4 and texts[3] == SLOW_DOWN


async def test_an_error_in_a_handler_is_logged_apologised_for_and_others_are_served(
    bot: Bot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    say = bot.coach.say

    def broken_for_one_user(user: User, text: str, update_id: int | None) -> list[str]:
        if user.id == TRAINEE:
            raise RuntimeError("disk on fire")
        return say(user, text, update_id)

    monkeypatch.setattr(bot.coach, "say", broken_for_one_user)
    await bot.say(OTHER, "/practice car-break-in")
    with caplog.at_level(logging.ERROR):
        assert await bot.say(TRAINEE, "Hello?") == [APOLOGY]
    assert "disk on fire" in caplog.text and "Hello?" in caplog.text
    (reply,) = await bot.say(OTHER, "Good morning, Harbor Station, Deputy Park speaking.")
    assert reply.startswith("Caller (")


async def test_telegrams_flood_limit_is_respected_and_the_reply_still_arrives(bot: Bot) -> None:
    bot.api.fail_next("sendMessage", retry_after=1)
    (reply,) = await bot.say(TRAINEE, "/help")
    assert "/practice" in reply
    failed, delivered = [c for c in bot.api.calls if c.method.startswith("sendMessage")]
    assert failed.method == "sendMessage!failed"
    assert delivered.at - failed.at >= 0.9


async def test_the_same_update_delivered_twice_is_processed_once(bot: Bot) -> None:
    await bot.say(TRAINEE, "/practice car-break-in")
    message = bot.api.message(TRAINEE, "Good afternoon, Harbor Station, Deputy Lopez speaking.")
    update_id = bot.api.push("message", message)
    await bot.texts(TRAINEE, 2)
    await bot.settle(update_id)
    bot.api.redeliver(update_id, "message", message)
    await bot.say(TRAINEE, "/hint")
    assert len(bot.api.texts(TRAINEE)) == 3
    assert len(bot.store.turns(bot.store.active_attempt(TRAINEE).id)) == 3


async def test_a_reply_stored_but_never_sent_is_sent_when_the_update_comes_again(bot: Bot) -> None:
    """As after a crash between saving an exchange and sending its reply."""
    await bot.say(TRAINEE, "/practice car-break-in")
    message = bot.api.message(TRAINEE, "Good afternoon, Harbor Station, Deputy Lopez speaking.")
    update_id = 9000
    (stored,) = bot.coach.say(User(TRAINEE, TRAINEE, "Alex"), message["text"], update_id)
    bot.api.push("message", message, update_id)
    texts = await bot.texts(TRAINEE, 2)
    assert texts[-1] == stored
    assert len(bot.store.turns(bot.store.active_attempt(TRAINEE).id)) == 3
