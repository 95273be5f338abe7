"""What a careful user, a broken client or Telegram itself throws at the bot: a clear answer or a quiet skip."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest
from telegram import Update

from bot.config import Settings
from bot.practice.coach import Owed, User
from bot.scenarios.library import Library
from bot.tg.guards import APOLOGY_RESEND, APOLOGY_SAVED, EDITED, OLD_BUTTON, TEXT_ONLY, TOO_FAST_BUTTON
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
    "dice": {"dice": {"emoji": "\U0001f3b2", "value": 4}},
    "venue": {"venue": {"location": {"latitude": 1.0, "longitude": 2.0}, "title": "Station", "address": "1 Main St"}},
    "contact": {"contact": {"phone_number": "+15625550100", "first_name": "Sam"}},
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


async def test_an_edited_command_is_never_run_again(bot: Bot) -> None:
    """An edited /practice (or /override) would otherwise start (or change) something a second time."""
    edited = bot.api.message(TRAINEE, "/practice towed-car", edit_date=1)
    bot.api.push("edited_message", edited)
    assert await bot.texts(TRAINEE, 1) == [EDITED]
    assert bot.store.active_attempt(TRAINEE) is None


async def test_an_overlong_message_is_cut_with_a_notice_and_still_answered(bot: Bot) -> None:
    await bot.say(TRAINEE, "/practice car-break-in")
    notice, reply = await bot.say(TRAINEE, "Hello, Harbor Station. " + "a" * 5000, replies=2)
    assert "only the first 4,096 were kept" in notice
    assert reply.startswith("Caller (")
    (trainee_turn,) = [t for t in bot.store.turns(bot.store.active_attempt(TRAINEE).id) if t.role == "trainee"]
    assert len(trainee_turn.text) == 4096


async def test_a_lone_surrogate_is_stored_as_a_replacement_character_and_answered(bot: Bot) -> None:
    await bot.say(TRAINEE, "/practice car-break-in")
    (reply,) = await bot.say(TRAINEE, "Good morning, Harbor Station \ud83d, Deputy Park.")
    assert reply.startswith("Caller (")
    trainee_turn = bot.store.turns(bot.store.active_attempt(TRAINEE).id)[1]
    assert trainee_turn.text == "Good morning, Harbor Station \ufffd, Deputy Park."


async def test_an_unknown_command_points_to_help(bot: Bot) -> None:
    (reply,) = await bot.say(TRAINEE, "/frobnicate")
    assert "/help" in reply


async def test_a_superscript_digit_is_not_an_attempt_id(bot: Bot) -> None:
    (reply,) = await bot.say(TRAINEE, "/transcript \u00b2")
    assert reply == "/transcript needs the instructor role."


async def test_unknown_button_data_is_answered_on_the_button(bot: Bot) -> None:
    update_id = bot.api.press(TRAINEE, "frobnicate:1")
    await bot.settle(update_id)
    await bot.until(lambda: OLD_BUTTON in bot.api.button_answers(TRAINEE))
    assert bot.api.texts(TRAINEE) == []


async def test_a_button_whose_message_is_gone_still_works(bot: Bot) -> None:
    bot.api.press(TRAINEE, "practice:car-break-in", message_gone=True)
    (brief,) = await bot.texts(TRAINEE, 1)
    assert brief.startswith("Car break-in")


async def test_an_update_python_telegram_bot_cannot_read_is_skipped_and_polling_goes_on(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    """As a poll without a field that newer Bot API versions send: logged once, never fetched again."""
    with caplog.at_level(logging.ERROR):
        bad = bot.api.push("poll", {"id": "p1", "question": "?"})  # no options, no total_voter_count...
        (reply,) = await bot.say(TRAINEE, "/help")
        await asyncio.sleep(0.3)
    assert "/practice" in reply
    assert bot.api.confirmed(bad)
    skipped = [r for r in caplog.records if "could not be read" in r.getMessage()]
    assert len(skipped) == 1 and f"update {bad}" in skipped[0].getMessage()


@pytest.fixture
async def strict_bot(settings: Settings, library: Library, bot_api: FakeBotApi) -> AsyncIterator[Bot]:
    running = await launch(settings, library, bot_api, Throttle(rate=10, burst=3, max_wait=0.5))
    yield running
    await shutdown(running)


async def test_a_flood_is_passed_on_in_order_or_each_refused_message_is_named(strict_bot: Bot) -> None:
    """Twenty messages in a burst: each is either answered, in order, or named as not passed on."""
    for n in range(20):
        strict_bot.api.text(TRAINEE, f"/frobnicate {n}")
    strict_bot.api.text(OTHER, "/help")
    await strict_bot.texts(OTHER, 1)
    texts = await strict_bot.texts(TRAINEE, 20)
    answered = [t for t in texts if t.startswith("I don't know that command")]
    refused = [t for t in texts if "wasn't passed on" in t]
    assert len(answered) + len(refused) == 20 and answered and refused
    named = [int(t.split("/frobnicate ")[1].split("\u201d")[0]) for t in refused]
    assert len(set(named)) == len(named)


async def test_button_presses_are_throttled_like_messages(strict_bot: Bot) -> None:
    for _ in range(15):
        strict_bot.api.press(TRAINEE, "practice:car-break-in")
    await strict_bot.until(lambda: len(strict_bot.api.sent("answerCallbackQuery")) == 15)
    await asyncio.sleep(0.3)
    assert TOO_FAST_BUTTON in strict_bot.api.button_answers(TRAINEE)
    assert len(strict_bot.api.texts(TRAINEE)) < 15


def broken_for(bot: Bot, monkeypatch: pytest.MonkeyPatch, after_saving: bool) -> None:
    """Break the trainee's next message: inside its transaction (nothing is saved), or just after it
    committed (waking the sender, the last thing done with an update)."""
    if after_saving:
        sender = bot.app.bot_data["sender"]
        wake, broken = sender.wake, []

        def wake_broken_once(chat_id: int | None = None) -> None:
            if chat_id == TRAINEE and not broken:
                broken.append(chat_id)
                raise RuntimeError("disk on fire")
            wake(chat_id)

        monkeypatch.setattr(sender, "wake", wake_broken_once)
        return
    say = bot.coach.say

    def broken_for_one_user(user: User, text: str) -> Owed:
        if user.id != TRAINEE:
            return say(user, text)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(bot.coach, "say", broken_for_one_user)


async def test_an_error_before_saving_asks_to_send_again_and_logs_no_words(
    bot: Bot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    broken_for(bot, monkeypatch, after_saving=False)
    await bot.say(OTHER, "/practice car-break-in")
    with caplog.at_level(logging.ERROR):
        assert await bot.say(TRAINEE, "Hello, my secret words?") == [APOLOGY_RESEND]
    assert "disk on fire" in caplog.text and "secret words" not in caplog.text and "Alex" not in caplog.text
    assert "'chars': 23" in caplog.text
    (reply,) = await bot.say(OTHER, "Good morning, Harbor Station, Deputy Park speaking.")
    assert reply.startswith("Caller (")


async def test_an_error_after_saving_does_not_ask_to_send_again(bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    await bot.say(TRAINEE, "/practice car-break-in")
    broken_for(bot, monkeypatch, after_saving=True)
    reply, apology = await bot.say(TRAINEE, "Good morning, Harbor Station, Deputy Park speaking.", replies=2)
    assert reply.startswith("Caller (") and apology == APOLOGY_SAVED


async def test_message_content_is_logged_only_when_asked(
    settings: Settings, library: Library, bot_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    from dataclasses import replace

    running = await launch(replace(settings, log_content=True), library, bot_api)
    try:
        monkey = pytest.MonkeyPatch()
        broken_for(running, monkey, after_saving=False)
        with caplog.at_level(logging.ERROR):
            await running.say(TRAINEE, "Hello, my secret words?")
        monkey.undo()
        assert "secret words" in caplog.text
    finally:
        await shutdown(running)


async def test_the_same_update_delivered_twice_is_processed_once_and_logged(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    """As a webhook retry or an id reused by a new bot token: skipped, and the log says so."""
    await bot.say(TRAINEE, "/practice car-break-in")
    message = bot.api.message(TRAINEE, "Good afternoon, Harbor Station, Deputy Lopez speaking.")
    update_id = bot.api.push("message", message)
    await bot.texts(TRAINEE, 2)
    await bot.settle(update_id)
    with caplog.at_level(logging.WARNING):
        again = Update.de_json({"update_id": update_id, "message": message}, bot.app.bot)
        await bot.app.process_update(again)
        await bot.say(TRAINEE, "/hint")
    assert len(bot.api.texts(TRAINEE)) == 3
    assert len(bot.store.turns(bot.store.active_attempt(TRAINEE).id)) == 3
    assert f"update {update_id} skipped as a duplicate" in caplog.text
