"""Records a training office accepts, over the loopback Bot API.

A trainee gives the full name and badge their records need (/profile, one question at a time, each mistake
explained); an instructor of their unit corrects it (audited, the trainee told). The results file has one row
per attempt, local times a spreadsheet reads as dates, calls by title, people by full name and badge, pass or
fail and every override with its reason, and a name that says whose and when; the completed-training file
lists who passed which call, with hours and provider, for a records system's import.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.config import Settings
from bot.scenarios.library import Library
from tests.scripts import COURTEOUS_BUT_UNHELPFUL
from tests.telegram.conftest import Bot, launch, shutdown
from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.test_staff import (
    ADMIN,
    INSTRUCTOR,
    OTHER,
    RIVAL,
    TODAY,
    TRAINEE,
    button,
    finished_attempt,
    new_unit,
    one,
    start_all,
    tap,
    unit_with_trainee,
)

CANCEL = "pf:x"


@pytest.fixture
def staff_settings(settings: Settings) -> Settings:
    return replace(settings, admins=frozenset({ADMIN}), timezone="America/Chicago")


@pytest.fixture
async def bot(staff_settings: Settings, library: Library, bot_api: FakeBotApi) -> AsyncIterator[Bot]:
    running = await launch(staff_settings, library, bot_api, today=lambda: TODAY)
    yield running
    await shutdown(running)


def at(*when: int) -> Callable[[], datetime]:
    """A clock for the store, in UTC."""
    return lambda: datetime(*when, tzinfo=UTC)


def document(bot: Bot, user: int, index: int = -1) -> tuple[str, list[dict]]:
    """The file name and rows of a CSV the bot sent the user."""
    params = bot.api.sent("sendDocument", user)[index].params
    return params["document.filename"], list(csv.DictReader(io.StringIO(params["document"].decode("utf-8-sig"))))


async def play(bot: Bot, user: int, lines: list[str]) -> None:
    """A whole call of car-break-in, ended with /end if the caller is still there."""
    await one(bot, user, "/practice car-break-in")
    for line in lines:
        await one(bot, user, line)
    if bot.store.active_attempt(user):
        await one(bot, user, "/end")


# --- a trainee's profile ---------------------------------------------------------------------------


async def test_a_trainee_gives_name_then_badge_and_each_mistake_is_explained(bot: Bot) -> None:
    await one(bot, TRAINEE, "/start")
    assert await one(bot, TRAINEE, "/profile") == (
        "Your training records need your full name and badge number.\n\n"
        "Step 1 of 2: send your full name as your department's records have it, e.g. Jordan Lee."
    )
    assert button(bot, TRAINEE, "Cancel") == CANCEL
    assert await one(bot, TRAINEE, "J0rdan") == (
        "A name has no digits. First send your full name as your department's records have it, e.g. Jordan Lee. "
        "Your badge number comes next."
    )
    assert await one(bot, TRAINEE, "Jordan") == "Please send your first and last name, e.g. Jordan Lee."
    assert await one(bot, TRAINEE, "jordan  LEE-O'Neil") == (
        "Thanks, jordan LEE-O'Neil.\nStep 2 of 2: send your badge or employee number, e.g. 4471 or D-1187."
    )
    assert button(bot, TRAINEE, "Cancel") == CANCEL
    assert await one(bot, TRAINEE, "my badge") == (
        "A badge or employee number has at least one digit. Please send your badge or employee number, "
        "e.g. 4471 or D-1187."
    )
    assert await one(bot, TRAINEE, "Badge #d-1187") == (
        "Saved for your training records:\nName: jordan LEE-O'Neil\nBadge: D-1187\n\n/profile changes them."
    )
    assert (await one(bot, TRAINEE, "/profile")).startswith(
        "Your training profile:\nName: jordan LEE-O'Neil\nBadge: D-1187\n\nTo change it, send your full name"
    )
    assert await tap(bot, TRAINEE, CANCEL) == ["Cancelled. Your profile is unchanged. Send /profile when you're ready."]
    assert bot.store.db.execute("select full_name, badge from users where id = ?", [TRAINEE]).fetchone() == (
        "jordan LEE-O'Neil",
        "D-1187",
    )


async def test_the_whole_profile_in_one_line_and_a_badge_already_taken(bot: Bot) -> None:
    await start_all(bot)
    assert await one(bot, TRAINEE, "/profile Jordan Lee, 4471") == (
        "Saved for your training records:\nName: Jordan Lee\nBadge: 4471\n\n/profile changes them."
    )
    assert await one(bot, OTHER, "/profile Sam Ortiz 4471") == (
        "Badge 4471 is already on another trainee's profile. Check the number and send it again, "
        "or ask your instructor."
    )
    assert (await one(bot, OTHER, "/profile Sam Ortiz")).startswith("Thanks, Sam Ortiz.\nStep 2 of 2")
    assert (await one(bot, OTHER, "E 5521")).startswith(
        "Saved for your training records:\nName: Sam Ortiz\nBadge: E 5521"
    )


async def test_practice_is_never_taken_for_an_answer(bot: Bot) -> None:
    await one(bot, TRAINEE, "/start")
    await one(bot, TRAINEE, "/profile")
    await one(bot, TRAINEE, "/practice car-break-in")
    reply = await one(bot, TRAINEE, "Good afternoon, Harbor Station, Deputy Lee speaking.")
    assert not reply.startswith(("Thanks,", "Please", "A name")), "the line went to the caller"
    assert await one(bot, TRAINEE, "/profile") == (
        "You're in a practice call: finish it (/end) first, then send /profile."
    )
    assert bot.store.db.execute("select count(*) from profile_prompts").fetchone()[0] == 0
    assert bot.store.db.execute("select full_name from users where id = ?", [TRAINEE]).fetchone() == (None,)


# --- an instructor's correction -----------------------------------------------------------------------


async def test_an_instructor_corrects_a_members_profile_audited_and_the_trainee_told(bot: Bot) -> None:
    await unit_with_trainee(bot)
    await one(bot, TRAINEE, "/profile Jordan Lee, 4471")
    assert await one(bot, INSTRUCTOR, f"/profile {TRAINEE}") == (
        f"Alex's training profile (user {TRAINEE}):\nName: Jordan Lee\nBadge: 4471\n\n"
        f"To correct it: /profile <user_id> <full name>, <badge>, e.g. /profile {TRAINEE} Jordan Lee, 4471"
    )
    assert await one(bot, INSTRUCTOR, f"/profile {TRAINEE} Jordan Leigh, 4417") == (
        f"Saved Alex's training profile (user {TRAINEE}):\nName: Jordan Leigh\nBadge: 4417\nThey have been told."
    )
    await bot.until(
        lambda: any(t.startswith("Your instructor updated your training profile") for t in bot.api.texts(TRAINEE))
    )
    assert bot.api.texts(TRAINEE)[-1] == (
        "Your instructor updated your training profile:\nName: Jordan Leigh\nBadge: 4417\n\n"
        "If anything is wrong, send /profile to correct it."
    )
    (entry,) = bot.store.db.execute("select actor, detail from audit where action = 'profile'").fetchall()
    assert entry == (
        INSTRUCTOR,
        f"profile of user {TRAINEE}: full name \u201cJordan Lee\u201d \u2192 \u201cJordan Leigh\u201d, "
        "badge \u201c4471\u201d \u2192 \u201c4417\u201d",
    )
    assert await one(bot, RIVAL, f"/profile {TRAINEE} Jo Doe, 1") == (
        f"User {TRAINEE} is not a member of any of your units. /results lists your trainees."
    )
    assert (await one(bot, OTHER, "/profile 5521 Sam Ortiz")).startswith(
        "Saved for your training records:\nName: Sam Ortiz\nBadge: 5521"
    ), "a trainee's number first is their own badge, never someone's id"
    assert await one(bot, INSTRUCTOR, f"/profile {TRAINEE} Jordan Leigh") == (
        f"Send the name and the number together: /profile <user_id> <full name>, <badge>, "
        f"e.g. /profile {TRAINEE} Jordan Lee, 4471"
    )


# --- the results file and the completed-training file -----------------------------------------------------


async def a_month_of_calls(bot: Bot) -> dict[str, int]:
    """TRAINEE (Jordan Lee, 4471) in Day shift and Night shift, OTHER (no profile) in Day shift. In October
    TRAINEE passes a call; in November TRAINEE passes twice, fails once (75/100), OTHER passes once."""
    bot.store.clock = at(2026, 10, 1, 12)
    await start_all(bot)
    day, night = await new_unit(bot, name="Harbor Days"), await new_unit(bot, name="Night shift")
    for user, code in ((TRAINEE, day), (TRAINEE, night), (OTHER, day)):
        await one(bot, user, f"/join {code}")
    await one(bot, TRAINEE, "/profile Jordan Lee, 4471")
    bot.store.clock = at(2026, 10, 20, 15)
    october = await finished_attempt(bot)
    bot.store.clock = at(2026, 11, 5, 22, 44)  # 16:44 in Chicago
    first = await finished_attempt(bot)
    await one(bot, INSTRUCTOR, f"/override {first} empathy missed too brief on the phone")
    await bot.until(lambda: any("marked Empathy" in t for t in bot.api.texts(TRAINEE)))  # told before the next call
    bot.store.clock = at(2026, 11, 12, 15)
    await play(bot, TRAINEE, COURTEOUS_BUT_UNHELPFUL["car-break-in"])
    failed = bot.store.history(TRAINEE)[0]["id"]
    bot.store.clock = at(2026, 11, 20, 15)
    second = await finished_attempt(bot)
    other = await finished_attempt(bot, OTHER)
    return {"october": october, "first": first, "failed": failed, "second": second, "other": other, "code": day}


async def test_the_results_file_has_one_row_per_attempt_in_local_time_with_names_titles_and_pass_or_fail(
    bot: Bot,
) -> None:
    calls = await a_month_of_calls(bot)
    assert await one(bot, INSTRUCTOR, f"/export {calls['code']} 2026-11") == "4 attempts exported (November 2026)."
    await bot.until(lambda: bool(bot.api.sent("sendDocument", INSTRUCTOR)))
    name, rows = document(bot, INSTRUCTOR)
    assert name == "deskdrill-results-harbor-days-2026-11.csv"
    assert [int(r["attempt_id"]) for r in rows] == [calls[k] for k in ("first", "failed", "second", "other")]
    first = rows[0]
    assert (first["full_name"], first["badge"], first["telegram_name"]) == ("Jordan Lee", "4471", "Alex")
    assert first["units"] == "Harbor Days", "the file covers one unit: the other is not named"
    assert first["scenario"] == "Car break-in, reported by phone" and first["scenario_id"] == "car-break-in"
    assert first["finished"] == "2026-11-05 16:44" and first["finished_utc"] == "2026-11-05 22:44"
    assert first["timezone"] == "America/Chicago"
    assert first["overrides"] == ("empathy: met -> missed by Alex, 2026-11-05 16:44: too brief on the phone")
    assert [(r["result"], r["total"]) for r in rows] == [
        ("pass", "85"),
        ("fail", "75"),
        ("pass", "100"),
        ("pass", "100"),
    ]
    assert rows[3]["full_name"] == "" and rows[3]["badge"] == "", "OTHER never set a profile"
    audit = bot.store.db.execute("select detail from audit where action = 'export'").fetchall()
    assert audit[-1][0].endswith("for 2026-11") and audit[-1][0].startswith("4 attempts of units")


async def test_the_completed_training_file_lists_each_trainees_pass_once_for_a_records_system(bot: Bot) -> None:
    calls = await a_month_of_calls(bot)
    assert await one(bot, INSTRUCTOR, f"/completions 2026-11 {calls['code']}") == (
        "Completed training, November 2026: 2 calls passed by 2 trainees. The file follows.\n"
        "1 of them has no full name or badge yet: ask them to send /profile, or set it on the dashboard."
    )
    await bot.until(lambda: bool(bot.api.sent("sendDocument", INSTRUCTOR)))
    name, rows = document(bot, INSTRUCTOR)
    assert name == "deskdrill-completions-harbor-days-2026-11.csv"
    jordan = rows[0]
    assert {k: jordan[k] for k in ("badge", "full_name", "course_title", "completion_date", "hours", "provider")} == {
        "badge": "4471",
        "full_name": "Jordan Lee",
        "course_title": "Car break-in, reported by phone",
        "completion_date": "2026-11-05",
        "hours": "0.25",
        "provider": "Bayview County Sheriff's Department",
    }
    assert jordan["description"] == bot.coach.library.scenarios["car-break-in"].brief
    assert int(jordan["attempt_id"]) == calls["first"], "the first pass in the period: October's is outside it"
    assert [int(r["trainee_id"]) for r in rows] == [TRAINEE, OTHER]
    assert await one(bot, INSTRUCTOR, f"/completions {calls['code']} 2025-01") == (
        "Completed training, January 2025: no call passed yet, so there is no file."
    )


async def test_a_period_that_is_not_one_is_explained(bot: Bot) -> None:
    code = await unit_with_trainee(bot)
    for period, says in (
        ("2026-13", "\u201c2026-13\u201d is not a month: use YYYY-MM, e.g. 2026-11."),
        ("2026-11-31..2026-12-01", "is not a date: use YYYY-MM-DD"),
        ("2026-12-01..2026-11-01", "swap the dates."),
    ):
        assert says in await one(bot, INSTRUCTOR, f"/export {code} {period}")
    assert await one(bot, TRAINEE, "/completions") == "/completions needs the instructor role."
    assert not bot.api.sent("sendDocument", INSTRUCTOR)


async def test_the_menus_and_help_name_the_new_commands(bot: Bot) -> None:
    await start_all(bot)
    trainee_help = await one(bot, TRAINEE, "/help")
    assert "/profile \u2013 your full name and badge number for your training records" in trainee_help
    staff_help = await one(bot, INSTRUCTOR, "/help")
    assert "/completions [code] [period]" in staff_help and "/export [code] [period]" in staff_help
    commands = [c["command"] for c in json.loads(bot.api.sent("setMyCommands")[0].params["commands"])]
    assert "profile" in commands
