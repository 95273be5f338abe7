"""Instructors by taps, and notices that respect people, over the loopback Bot API."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.config import Settings
from bot.scenarios.library import Library
from bot.training.department import Department
from bot.transcript import MAX_MESSAGE_CHARS, User
from tests.scripts import COURTEOUS
from tests.telegram.conftest import Bot, launch, shutdown
from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.test_staff import (
    ADMIN,
    INSTRUCTOR,
    OTHER,
    TODAY,
    TRAINEE,
    assign,
    button,
    finished_attempt,
    keyboard,
    new_unit,
    one,
    start_all,
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


async def test_from_results_to_an_override_by_taps_only(bot: Bot) -> None:
    await unit_with_trainee(bot)
    attempt = await finished_attempt(bot)
    summary = await one(bot, INSTRUCTOR, "/results")
    assert "1 members" in summary and "Tap a trainee" in summary
    (page,) = await tap(bot, INSTRUCTOR, button(bot, INSTRUCTOR, "Alex"))
    assert "Finished calls, newest first" in page
    (transcript,) = await tap(bot, INSTRUCTOR, button(bot, INSTRUCTOR, "20"))  # the call, by its local date
    assert transcript.startswith(f"Attempt {attempt}: Car break-in, reported by phone (Alex, ")
    (confirm,) = await tap(bot, INSTRUCTOR, button(bot, INSTRUCTOR, "Empathy: make missed"))
    assert confirm.startswith("Change Empathy from met to missed on Alex's call")
    (ask,) = await tap(bot, INSTRUCTOR, button(bot, INSTRUCTOR, "Yes, change it"))
    assert "Send the reason" in ask and [label for label, _ in keyboard(bot, INSTRUCTOR)] == ["Cancel"]
    assert bot.store.db["pending_reasons"].count == 1  # stored: survives a restart
    before = len(bot.api.texts(TRAINEE))
    (done,) = await bot.say(INSTRUCTOR, "Scripted, not sincere")
    assert done.endswith("is now missed; new total 85/100. The trainee has been told.")
    told = (await bot.texts(TRAINEE, before + 1))[-1]
    assert "marked Empathy as missed. Reason: Scripted, not sincere." in told
    assert bot.store.db["pending_reasons"].count == 0
    # the next message is ordinary again
    assert (await bot.say(INSTRUCTOR, "hello"))[0].startswith("You're not in a practice call")


async def test_a_confirmation_shown_before_the_dashboard_changed_the_verdict_changes_nothing(bot: Bot) -> None:
    """The chat asked "from met to missed?"; meanwhile the dashboard made it missed: "Yes" must not flip it back,
    nor a reason sent after "Yes" record a second, empty override and tell the trainee twice."""
    await unit_with_trainee(bot)
    attempt = await finished_attempt(bot)
    (confirm,) = await tap(bot, INSTRUCTOR, f"r:o:{attempt}:1")
    assert confirm.startswith("Change Empathy from met to missed")
    (ask,) = await tap(bot, INSTRUCTOR, button(bot, INSTRUCTOR, "Yes, change it"))
    assert "Send the reason" in ask
    dashboard = Department(bot.store, bot.coach.library, frozenset({ADMIN}))
    dashboard.overrides.by_form(User(INSTRUCTOR, INSTRUCTOR, "Ira"), attempt, "empathy", False, "Scripted")
    told = len(bot.api.texts(TRAINEE))
    (reply,) = await bot.say(INSTRUCTOR, "Scripted, not sincere")
    assert reply == f"Empathy on attempt {attempt} is already missed (changed since you were asked): nothing changed."
    (again,) = await tap(bot, INSTRUCTOR, f"r:oy:{attempt}:1:0")  # the same "Yes" tapped again
    assert again.endswith("nothing changed.")
    assert bot.store.db["overrides"].count == 1
    await asyncio.sleep(0.2)
    assert len(bot.api.texts(TRAINEE)) == told, "the trainee was told once, by the dashboard's change"


async def test_a_pending_reason_can_be_cancelled_and_lapses(bot: Bot) -> None:
    await unit_with_trainee(bot)
    attempt = await finished_attempt(bot)
    await tap(bot, INSTRUCTOR, f"r:o:{attempt}:0")
    await tap(bot, INSTRUCTOR, f"r:oy:{attempt}:0")
    assert await tap(bot, INSTRUCTOR, "r:ox") == ["Cancelled: nothing changed."]
    await tap(bot, INSTRUCTOR, f"r:oy:{attempt}:0")
    bot.store.db.execute("update pending_reasons set expires = '2000-01-01T00:00:00+00:00'")
    assert (await bot.say(INSTRUCTOR, "too late"))[0].startswith("You're not in a practice call")
    assert bot.store.db["overrides"].count == 0


async def test_a_pending_reason_never_swallows_practice(bot: Bot) -> None:
    await unit_with_trainee(bot)
    attempt = await finished_attempt(bot)
    await tap(bot, INSTRUCTOR, f"r:oy:{attempt}:0")
    await one(bot, INSTRUCTOR, "/practice car-break-in")
    (reply,) = await bot.say(INSTRUCTOR, COURTEOUS["car-break-in"][0])
    assert reply.startswith("Caller:") or ":" in reply
    assert bot.store.db["overrides"].count == 0
    bot.store.db.execute(
        "insert into pending_reasons values (?, ?, 'greeting', 0, '2999-01-01T00:00:00')", [TRAINEE, 1]
    )
    await one(bot, TRAINEE, "/practice towed-car")
    await one(bot, TRAINEE, "Hello")
    assert bot.store.db["overrides"].count == 0  # a trainee's pending row is never a reason


async def test_a_sixty_trainee_unit_opens_with_a_short_summary_and_pages_of_buttons(bot: Bot) -> None:
    await start_all(bot)
    code = await new_unit(bot)
    unit_id = bot.store.db.execute("select id from units where code = ?", [code]).fetchone()[0]
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for n in range(60):
        bot.store.register(50_000 + n, 50_000 + n, f"Trainee {n:02d} with a rather long name", None)
        bot.store.db.execute(
            "insert into unit_members (unit_id, user_id, joined_at) values (?, ?, ?)", [unit_id, 50_000 + n, now]
        )
    summary = await one(bot, INSTRUCTOR, f"/results {code}")
    assert len(summary) <= 1500 and "60 members" in summary and "page 1 of 3" in summary
    buttons = keyboard(bot, INSTRUCTOR)
    assert sum(data.startswith("r:t:") for _, data in buttons) == 20 and buttons[-1][0] == "Next \u25b6"
    assert all(len(data.encode()) <= 64 for _, data in buttons)
    (second,) = await tap(bot, INSTRUCTOR, buttons[-1][1])
    labels = [label for label, _ in keyboard(bot, INSTRUCTOR)]
    assert "page 2 of 3" in second and labels[-2:] == ["\u25c0 Previous", "Next \u25b6"]
    assert all(len(t) <= MAX_MESSAGE_CHARS for t in bot.api.texts(INSTRUCTOR))


async def test_scorecards_offer_practice_again_and_another_call(bot: Bot) -> None:
    await one(bot, TRAINEE, "/start")
    await finished_attempt(bot)
    assert keyboard(bot, TRAINEE) == [("Practice again", "practice:car-break-in"), ("Another call", "practice:")]
    (menu,) = await tap(bot, TRAINEE, "practice:")
    assert menu.startswith("Choose a call to practise.")


async def test_ending_before_saying_anything_is_not_scored(bot: Bot) -> None:
    await one(bot, TRAINEE, "/start")
    await one(bot, TRAINEE, "/practice car-break-in")
    assert (await one(bot, TRAINEE, "/end")).startswith("Call closed before you said anything")
    assert bot.store.history(TRAINEE)[0]["status"] == "abandoned"


async def test_whoami_help_by_role_and_promote_by_username_or_forward(bot: Bot) -> None:
    await one(bot, ADMIN, "/start")
    bot.api.push(
        "message",
        bot.api.message(TRAINEE, "/start")
        | {"from": {"id": TRAINEE, "is_bot": False, "first_name": "Sam", "username": "sam_d"}},
    )
    await bot.texts(TRAINEE, 1)
    assert "/promote" in await one(bot, ADMIN, "/help")
    assert await one(bot, ADMIN, "/promote @SAM_D") == f"Sam ({TRAINEE}) is now an instructor."
    await bot.until(lambda: "now an instructor" in bot.api.texts(TRAINEE)[-1])
    assert await one(bot, TRAINEE, "/whoami") == (
        f"You are Alex, user id {TRAINEE}, role: instructor. /help lists your commands."
    )
    help_text = await one(bot, TRAINEE, "/help")
    assert "Instructor:" in help_text and "/promote" not in help_text
    bot.store.db.execute("update users set first_name = 'Sam' where id = ?", [TRAINEE])
    forwarded = bot.api.message(
        ADMIN,
        "hi there",
        forward_origin={
            "type": "user",
            "date": 1,
            "sender_user": {"id": TRAINEE, "is_bot": False, "first_name": "Sam"},
        },
    )
    bot.api.push("message", forwarded)
    await bot.until(lambda: bot.api.texts(ADMIN)[-1] == f"Sam ({TRAINEE}) is an instructor.")
    assert keyboard(bot, ADMIN) == [("Make trainee", f"dm:{TRAINEE}")]
    assert await tap(bot, ADMIN, f"dm:{TRAINEE}") == [f"Sam ({TRAINEE}) is no longer an instructor."]


# --- notices that respect people ----------------------------------------------------------------


async def test_assigning_again_changes_the_due_date_and_says_so_once(bot: Bot) -> None:
    code = await unit_with_trainee(bot)
    await assign(bot, f"towed-car {code} 2026-12-01")
    assert "nobody told again" in await one(bot, INSTRUCTOR, f"/assign towed-car {code} 2026-12-01")
    assert "is now due Tue 8 Dec; 1 member told" in await one(bot, INSTRUCTOR, f"/assign towed-car {code} 2026-12-08")
    await bot.until(lambda: "now due Tue 8 Dec (it was due Tue 1 Dec)" in bot.api.texts(TRAINEE)[-1])
    notices = [t for t in bot.api.texts(TRAINEE) if "towed" in t]
    assert len(notices) == 2 and button(bot, TRAINEE, "Start") == "practice:towed-car"


async def test_a_notice_waits_until_the_live_call_ends(bot: Bot) -> None:
    code = await unit_with_trainee(bot)
    await one(bot, TRAINEE, "/practice car-break-in")
    await one(bot, INSTRUCTOR, f"/assign towed-car {code} 2026-12-01")
    await asyncio.sleep(0.3)
    assert not any("New assignment" in t for t in bot.api.texts(TRAINEE))
    await one(bot, TRAINEE, "Hello, Harbor Station.")  # during the call: only the caller answers
    assert not any("New assignment" in t for t in bot.api.texts(TRAINEE))
    scorecard, notice = await bot.say(TRAINEE, "/end", replies=2)
    assert scorecard.startswith("Scorecard") and notice.startswith("New assignment")  # after it, never lost


async def test_one_overdue_notice_per_trainee_and_scenario_across_two_units(
    staff_settings: Settings, library: Library, bot_api: FakeBotApi
) -> None:
    day = [date(2026, 11, 24)]  # a Tuesday: no weekly digest in between
    bot = await launch(staff_settings, library, bot_api, today=lambda: day[0], reminder_interval=0.2)
    try:
        await start_all(bot)
        day_code, night_code = await new_unit(bot), await new_unit(bot, name="Night")
        for code in (day_code, night_code):
            await one(bot, TRAINEE, f"/join {code}")
            await assign(bot, f"towed-car {code} 2026-11-25")
        day[0] = date(2026, 11, 27)
        overdue = lambda: [t for t in bot_api.texts(TRAINEE) if t.startswith("Overdue")]  # noqa: E731
        await bot.until(lambda: len(overdue()) == 1)
        await asyncio.sleep(0.6)
        assert len(overdue()) == 1
    finally:
        await shutdown(bot)


async def test_instructors_hear_of_completions_at_most_hourly_and_get_a_weekly_digest(
    staff_settings: Settings, library: Library, bot_api: FakeBotApi
) -> None:
    bot = await launch(staff_settings, library, bot_api, today=lambda: TODAY, reminder_interval=0.2)  # a Monday
    try:
        code = await unit_with_trainee(bot)
        digest = lambda: [t for t in bot_api.texts(INSTRUCTOR) if t.startswith("Weekly digest")]  # noqa: E731
        await bot.until(lambda: len(digest()) == 1)  # the unit's first Monday
        await one(bot, OTHER, f"/join {code}")
        await assign(bot, f"car-break-in {code}", (TRAINEE, OTHER))
        assert "\u201cDay shift\u201d" in digest()[0]
        completed = lambda: [t for t in bot_api.texts(INSTRUCTOR) if t.startswith("\u201cDay shift\u201d: ")]  # noqa: E731
        await finished_attempt(bot, TRAINEE)
        await bot.until(lambda: len(completed()) == 1)
        call = "\u201cCar break-in, reported by phone\u201d"
        assert completed()[0] == f"\u201cDay shift\u201d: 1 passed.\n\u2022 Alex passed {call}: 100/100"
        await finished_attempt(bot, OTHER)
        await asyncio.sleep(0.6)
        assert len(completed()) == 1  # within the hour: waits
        later = datetime.now(UTC) + timedelta(hours=2)
        bot.store.clock = lambda: later
        await bot.until(lambda: len(completed()) == 2)
        data = next(d for label, d in keyboard(bot, INSTRUCTOR, _index_of(bot, "Weekly digest")) if "Stop" in label)
        assert await tap(bot, INSTRUCTOR, data) == [
            "You won't get weekly digests any more. /results shows your units at any time."
        ]
        assert bot.store.db["digest_optout"].count == 1
    finally:
        await shutdown(bot)


def _index_of(bot: Bot, prefix: str) -> int:
    texts = bot.api.texts(INSTRUCTOR)
    return max(i for i, t in enumerate(texts) if t.startswith(prefix))


# --- an admin erases a person who left: asked first, done by a tap, audited without the erased data (issue 20)


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
