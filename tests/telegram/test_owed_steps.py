"""/practice, /hint, /history and a /start deep link over the Bot API: each update's replies are owed once."""

from __future__ import annotations

from tests.telegram.conftest import Bot

TRAINEE = 4343


async def test_practice_hint_and_history_each_owe_their_replies_once(bot: Bot) -> None:
    await bot.say(TRAINEE, "/start")
    (history,) = await bot.say(TRAINEE, "/history")
    assert history == "No finished calls yet. Send /practice to start one."
    (intro,) = await bot.say(TRAINEE, "/practice report-copy")
    assert "\n\nVisitor (" in intro
    (hint,) = await bot.say(TRAINEE, "/hint")
    assert hint.startswith("Hint: ")
    (still,) = await bot.say(TRAINEE, "/practice towed-car")
    assert still.startswith("You're still in")
    (history,) = await bot.say(TRAINEE, "/history")
    in_call = "You're in \u201cA copy of a police report, at the lobby counter\u201d now: /end finishes it."
    assert history == f"No finished calls yet. {in_call}"
    assert bot.store.db.execute("select count(*) from updates").fetchone()[0] == 6


async def test_a_practice_deep_link_welcomes_then_starts_the_call(bot: Bot) -> None:
    welcome, intro = await bot.say(TRAINEE, "/start practice-report-copy", replies=2)
    assert welcome.startswith("Welcome, ") and "\n\nVisitor (" in intro
    assert bot.store.active_attempt(TRAINEE) is not None
