"""An admin erases a person who left the department from the chat: asked first, done by a tap, audited
without the erased data; the person's scores stay, anonymous (issue 20)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from bot.config import Settings
from bot.scenarios.library import Library
from tests.telegram.conftest import Bot, launch, shutdown
from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.test_staff import (
    ADMIN,
    INSTRUCTOR,
    TODAY,
    TRAINEE,
    button,
    finished_attempt,
    one,
    tap,
    unit_with_trainee,
)


@pytest.fixture
def staff_settings(settings: Settings) -> Settings:
    return replace(settings, admins=frozenset({ADMIN}))


@pytest.fixture
async def bot(staff_settings: Settings, library: Library, bot_api: FakeBotApi) -> AsyncIterator[Bot]:
    running = await launch(staff_settings, library, bot_api, today=lambda: TODAY)
    yield running
    await shutdown(running)


async def test_erase_asks_first_and_a_tap_erases_name_and_words_but_keeps_the_score(bot: Bot) -> None:
    await unit_with_trainee(bot)
    attempt = await finished_attempt(bot)
    total = bot.store.attempt(attempt).total
    name = bot.store.user(TRAINEE)["first_name"]

    question = await one(bot, ADMIN, f"/erase {TRAINEE}")
    assert question.startswith(f"Erase {name} ({TRAINEE}, trainee) for good?") and "cannot be undone" in question
    assert bot.store.user(TRAINEE)["first_name"] == name, "nothing happens before the tap"

    (done,) = await tap(bot, ADMIN, button(bot, ADMIN, "Erase for good"))
    assert done.startswith(f"Done \u2014 erased person {TRAINEE}")
    assert bot.store.user(TRAINEE)["first_name"] != name
    assert bot.store.turns(attempt) == [] or all(name not in t.text for t in bot.store.turns(attempt))
    assert bot.store.attempt(attempt).total == total, "the score stays, under the number"
    (entry,) = bot.store.db["audit"].rows_where("action = 'erase'")
    assert entry["actor"] == ADMIN and name not in entry["detail"]


async def test_erase_can_be_cancelled_and_refuses_admins_unknown_ids_and_instructors_asking(bot: Bot) -> None:
    await unit_with_trainee(bot)
    await one(bot, ADMIN, f"/erase {TRAINEE}")
    assert await tap(bot, ADMIN, button(bot, ADMIN, "Cancel")) == ["Cancelled: nothing was erased."]
    assert not list(bot.store.db["audit"].rows_where("action = 'erase'"))
    assert (await one(bot, ADMIN, f"/erase {ADMIN}")).startswith("An admin cannot be erased")
    assert await one(bot, ADMIN, "/erase 999999") == "No user 999999 is known to the bot."
    assert (await one(bot, ADMIN, "/erase")).startswith("Usage: /erase <user_id>")
    assert await one(bot, INSTRUCTOR, f"/erase {TRAINEE}") == "/erase needs the admin role."
    assert await tap(bot, INSTRUCTOR, f"er:{TRAINEE}") == ["/erase needs the admin role."]
