"""Fair dates and membership over the loopback Bot API.

A trainee who joins late gets the unit's assignments with a due date of their own and is never overdue for a
date before they joined; a due date is a tap (or typed as the agency writes dates); reminders wait for the
agency's hour. An instructor takes someone off one unit, renames and archives it, each asked first; a trainee
leaves; a join code read aloud in lower case with spaces works.
"""
# ruff: noqa: F811  (the fixtures `day` and `staff_settings` are imported from test_behind)

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time
from urllib.parse import parse_qs, urlsplit

import pytest

from bot.config import Settings
from bot.scenarios.library import Library
from bot.storage.units import CODE_ALPHABET
from tests.telegram.conftest import Bot, launch, shutdown
from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.test_behind import day, staff_settings  # noqa: F401 (fixtures: a Tuesday, an admin)
from tests.telegram.test_staff import INSTRUCTOR, OTHER, RIVAL, TRAINEE, assign, one, start_all, tap

CALL = "\u201cCar break-in, reported by phone\u201d"
CODE = re.compile(rf"^[{CODE_ALPHABET}]{{3}}-[{CODE_ALPHABET}]{{3}}-[{CODE_ALPHABET}]{{3}}$")


@pytest.fixture
async def bot(staff_settings: Settings, library: Library, bot_api: FakeBotApi, day: list[date]) -> AsyncIterator[Bot]:
    running = await launch(staff_settings, library, bot_api, today=lambda: day[0], reminder_interval=0.2)
    running.store.clock = lambda: datetime.combine(day[0], time(10), UTC)  # the clock keeps the test's day
    yield running
    await shutdown(running)


def at(bot: Bot, day: list[date], when: date, hour: int = 10) -> None:
    """The test's day and the store's clock move together (the reminder hour is 09:00)."""
    day[0] = when
    bot.store.clock = lambda: datetime.combine(when, time(hour), UTC)


async def say_as(bot: Bot, user: int, name: str, text: str, replies: int = 1) -> list[str]:
    before = len(bot.api.texts(user))
    bot.api.text(user, text, first_name=name)
    return (await bot.texts(user, before + replies))[before:]


def keys(bot: Bot, chat_id: int, starts: str = "") -> list[tuple[str, str]]:
    """(label, data or url) of the buttons under the latest message to the chat that starts so."""
    sent = [c for c in bot.api.sent("sendMessage", chat_id) if c.params.get("text", "").startswith(starts)]
    markup = json.loads(sent[-1].params.get("reply_markup") or '{"inline_keyboard": []}')
    return [(b["text"], b.get("callback_data") or b.get("url")) for row in markup["inline_keyboard"] for b in row]


def data_of(bot: Bot, chat_id: int, label: str, starts: str = "") -> str:
    return next(data for text, data in keys(bot, chat_id, starts) if text.startswith(label))


async def day_shift(bot: Bot) -> str:
    """Everyone has started the bot; the instructor has "Day shift"; Sam (TRAINEE) is in it. Its code."""
    await start_all(bot)
    await bot.until(lambda: any("You are now an instructor" in t for t in bot.api.texts(INSTRUCTOR)))
    reply = await one(bot, INSTRUCTOR, "/newunit Day shift")
    code = re.search(r"Join code: (\S+)", reply).group(1)
    await say_as(bot, TRAINEE, "Sam", f"/join {code}")
    return code


def told(bot: Bot, user: int, starts: str) -> list[str]:
    return [t for t in bot.api.texts(user) if t.startswith(starts)]


# --- fair dates ------------------------------------------------------------------------------------


async def test_a_late_joiner_gets_the_assignment_with_a_due_date_of_their_own_and_is_not_overdue(
    bot: Bot, day: list[date]
) -> None:
    code = await day_shift(bot)
    await assign(bot, f"car-break-in {code} 2026-11-25")  # due tomorrow, Wednesday
    at(bot, day, date(2026, 11, 27))  # Friday: it is overdue for Sam; Kim joins today
    await bot.until(lambda: bool(told(bot, TRAINEE, "Overdue")))

    joined, notice = await say_as(bot, OTHER, "Kim", f"/join {code}", replies=2)
    assert joined == "You're a member of \u201cDay shift\u201d. It has 1 assignment for you: see below."
    assert notice == (
        f"New assignment from your instructor: {CALL}, due Fri 4 Dec (it passes at 80/100). "
        "Start it with /practice car-break-in or see /assignments."
    )
    assert data_of(bot, OTHER, "Start", "New assignment") == "practice:car-break-in"
    await asyncio.sleep(0.8)  # four runs of the reminder job: nothing about a date before Kim joined
    assert told(bot, OTHER, "Overdue") == [] and told(bot, OTHER, "Reminder") == []
    listing = (await say_as(bot, OTHER, "Kim", "/assignments"))[0]
    assert "to do: Car break-in, reported by phone (Day shift), due Fri 4 Dec; passes at 80/100" in listing

    # the unit is not counted overdue for Kim: only Sam, whose date has passed
    summary = await one(bot, INSTRUCTOR, f"/results {code}")
    assert "0/2 done, 1 OVERDUE (due Wed 25 Nov)" in summary
    await one(bot, INSTRUCTOR, "/behind")
    screen = (await tap(bot, INSTRUCTOR, data_of(bot, INSTRUCTOR, "2 behind")))[0]
    assert "Not started (2): Kim (due Fri 4 Dec), Sam\nOverdue (1): Sam" in screen

    at(bot, day, date(2026, 11, 28))  # the next day: Kim's daily reminder, with her own date
    await bot.until(lambda: bool(told(bot, OTHER, "Reminder")))
    assert told(bot, OTHER, "Reminder") == [f"Reminder: {CALL} is due Fri 4 Dec. /practice car-break-in"]
    at(bot, day, date(2026, 12, 5))  # past her own date: now she is overdue, once
    await bot.until(lambda: bool(told(bot, OTHER, "Overdue")))
    assert told(bot, OTHER, "Overdue") == [f"Overdue: {CALL} was due Fri 4 Dec. /practice car-break-in"]
    assert "0/2 done, 2 OVERDUE" in await one(bot, INSTRUCTOR, f"/results {code}")


async def test_reminders_wait_for_the_agencys_hour(bot: Bot, day: list[date]) -> None:
    code = await day_shift(bot)
    await assign(bot, f"car-break-in {code} 2026-11-30")
    at(bot, day, date(2026, 11, 25), hour=8)  # the next day, 08:00: not yet, not just after midnight
    await asyncio.sleep(0.8)
    assert told(bot, TRAINEE, "Reminder") == []
    at(bot, day, date(2026, 11, 25), hour=9)  # 09:00, agency.yaml's reminder_hour
    await bot.until(lambda: bool(told(bot, TRAINEE, "Reminder")))
    assert told(bot, TRAINEE, "Reminder") == [f"Reminder: {CALL} is due Mon 30 Nov. /practice car-break-in"]


async def test_a_due_date_is_a_tap_after_the_call_and_the_unit(bot: Bot) -> None:
    code = await day_shift(bot)
    await one(bot, INSTRUCTOR, "/assign")
    (units,) = await tap(bot, INSTRUCTOR, "as:car-break-in")
    assert units == f"Assign {CALL} to which unit?"
    unit_id = bot.store.db.execute("select id from units").fetchone()[0]
    (when,) = await tap(bot, INSTRUCTOR, f"as:car-break-in:{unit_id}")
    assert when == (
        f"Assign {CALL} to \u201cDay shift\u201d: when is it due?\n"
        f"(Another date: /assign car-break-in {code} MM/DD/YYYY)"
    )
    labels = [label for label, _ in keys(bot, INSTRUCTOR)]
    assert labels == [
        "Tomorrow (Wed 25 Nov)",
        "Friday (Fri 27 Nov)",
        "In a week (Tue 1 Dec)",
        "In two weeks (Tue 8 Dec)",
        "No due date",
    ]
    (done,) = await tap(bot, INSTRUCTOR, data_of(bot, INSTRUCTOR, "Friday"))
    assert done == f"Assigned {CALL} to \u201cDay shift\u201d, due Fri 27 Nov; 1 member told."
    await bot.until(lambda: bool(told(bot, TRAINEE, "New assignment")))
    assert f"{CALL}, due Fri 27 Nov" in told(bot, TRAINEE, "New assignment")[0]
    assert bot.store.db.execute("select due from assignments").fetchone()[0] == "2026-11-27"
    # a button kept from days ago, with a date that has passed, changes nothing and says why
    (stale,) = await tap(bot, INSTRUCTOR, f"as:car-break-in:{unit_id}:20261120")
    assert stale == "Fri 20 Nov 2026 is in the past (today is Tue 24 Nov): choose today or a later date."
    (none,) = await tap(bot, INSTRUCTOR, f"as:car-break-in:{unit_id}:0")
    assert none == f"{CALL} for \u201cDay shift\u201d is now without a due date; 1 member told."


async def test_a_due_date_typed_as_americans_write_it(bot: Bot) -> None:
    code = await day_shift(bot)
    reply = await assign(bot, f"car-break-in {code} 12/08/2026 70")
    assert reply == f"Assigned {CALL} to \u201cDay shift\u201d, due Tue 8 Dec, pass mark 70; 1 member told."
    assert bot.store.db.execute("select due from assignments").fetchone()[0] == "2026-12-08"
    bad = await one(bot, INSTRUCTOR, f"/assign towed-car {code} 31/12/2026")
    assert bad == (
        "\u201c31/12/2026\u201d is not a date: type it as MM/DD/YYYY, e.g. 12/08/2026 (or 2026-12-08) for 8 December."
    )


# --- membership ------------------------------------------------------------------------------------


async def test_an_instructor_removes_a_member_after_a_confirming_tap(bot: Bot) -> None:
    code = await day_shift(bot)
    await assign(bot, f"car-break-in {code} 2026-11-30")
    unit_id = bot.store.db.execute("select id from units").fetchone()[0]
    await one(bot, INSTRUCTOR, "/units")
    assert [label for label, _ in keys(bot, INSTRUCTOR, "Your units")] == ["Day shift", "Report", "CSV", "Manage"]
    (card,) = await tap(bot, INSTRUCTOR, data_of(bot, INSTRUCTOR, "Manage"))
    assert card.startswith("\u201cDay shift\u201d \u00b7 1 member \u00b7 1 instructor\nJoin code: ")
    (people,) = await tap(bot, INSTRUCTOR, data_of(bot, INSTRUCTOR, "People"))
    assert people == "\u201cDay shift\u201d\nMembers (1): Sam\nInstructors (1): Alex"
    (ask,) = await tap(bot, INSTRUCTOR, data_of(bot, INSTRUCTOR, "Remove Sam"))
    assert ask.startswith("Remove Sam from \u201cDay shift\u201d? They are told")
    assert [label for label, _ in keys(bot, INSTRUCTOR)] == ["Remove", "Cancel"]
    assert bot.store.db.execute("select count(*) from unit_members").fetchone()[0] == 1, "nothing before the tap"
    # the confirming tap checks again: a trainee's, or another unit's instructor's, changes nothing
    assert await tap(bot, OTHER, f"un:rd:{unit_id}:{TRAINEE}:0") == ["/units needs the instructor role."]
    assert await tap(bot, RIVAL, f"un:rd:{unit_id}:{TRAINEE}:0") == ["That unit is not among yours. /units lists them."]
    (done,) = await tap(bot, INSTRUCTOR, data_of(bot, INSTRUCTOR, "Remove"))
    assert done == "Sam is no longer a member of \u201cDay shift\u201d; they have been told."
    await bot.until(lambda: bool(told(bot, TRAINEE, "Alex removed you")))
    assert told(bot, TRAINEE, "Alex removed you") == [
        "Alex removed you from \u201cDay shift\u201d: its assignments are off your list. "
        "Your own calls and results stay yours (/history)."
    ]
    audit = bot.store.db.execute("select actor, action, detail from audit where action = 'removemember'").fetchall()
    assert audit == [(INSTRUCTOR, "removemember", f"user {TRAINEE} from unit {unit_id}")]
    assert (await say_as(bot, TRAINEE, "Sam", "/assignments"))[0].startswith("Nothing is assigned to you")
    again = await tap(bot, INSTRUCTOR, f"un:rd:{unit_id}:{TRAINEE}:0")
    assert again == ["That person is no longer a member of \u201cDay shift\u201d."]


async def test_an_instructor_removes_a_co_instructor_from_one_unit_only(bot: Bot) -> None:
    code = await day_shift(bot)
    reply = await one(bot, INSTRUCTOR, "/newunit Night shift")
    night = re.search(r"Join code: (\S+)", reply).group(1)
    for unit_code in (code, night):
        await one(bot, INSTRUCTOR, f"/addinstructor {unit_code} {RIVAL}")
    unit_id = bot.store.db.execute("select id from units where name = 'Day shift'").fetchone()[0]
    (people,) = await tap(bot, INSTRUCTOR, f"un:p:{unit_id}:0")
    assert "Instructors (2): Alex (id 2002), Alex (id 5005)" in people  # both "Alex" in Telegram
    (ask,) = await tap(bot, INSTRUCTOR, data_of(bot, INSTRUCTOR, "Remove Alex (id 5005) (instructor)"))
    assert ask == (
        "Remove Alex (id 5005) as an instructor of \u201cDay shift\u201d? They are told; their other units stay."
    )
    (done,) = await tap(bot, INSTRUCTOR, data_of(bot, INSTRUCTOR, "Remove"))
    assert done == "Alex (id 5005) no longer instructs \u201cDay shift\u201d; they have been told."
    await bot.until(lambda: bool(told(bot, RIVAL, "Alex removed you as an instructor")))
    instructs = bot.store.db.execute("select unit_id from unit_instructors where user_id = ?", [RIVAL]).fetchall()
    assert [u for (u,) in instructs] == [unit_id + 1], "still instructs Night shift; not demoted"
    assert bot.store.user(RIVAL)["role"] == "instructor"
    # nobody removes themselves, nor a unit's last instructor
    assert await tap(bot, INSTRUCTOR, f"un:ra:{unit_id}:{INSTRUCTOR}:1") == [
        "You can't remove yourself from \u201cDay shift\u201d: another instructor of it can."
    ]
    detail = bot.store.db.execute("select detail from audit where action = 'removeinstructor'").fetchone()[0]
    assert detail == f"user {RIVAL} from unit {unit_id}"


async def test_a_trainee_leaves_a_unit_and_its_instructors_are_told(bot: Bot) -> None:
    await day_shift(bot)
    (ask,) = await say_as(bot, TRAINEE, "Sam", "/leave")
    assert ask == (
        "Leave \u201cDay shift\u201d? Its assignments leave your list and its instructors are told. "
        "Your own calls and results stay yours."
    )
    assert await tap(bot, TRAINEE, data_of(bot, TRAINEE, "Cancel")) == ["Cancelled: nothing changed."]
    assert bot.store.db.execute("select count(*) from unit_members").fetchone()[0] == 1
    (done,) = await tap(bot, TRAINEE, data_of(bot, TRAINEE, "Leave", "Leave"))
    assert done.startswith("You left \u201cDay shift\u201d: its assignments are off your list.")
    await bot.until(lambda: bool(told(bot, INSTRUCTOR, "Alex (id 3003) left")))  # the tap came from "Alex"
    assert bot.store.db.execute("select count(*) from unit_members").fetchone()[0] == 0
    assert bot.store.db.execute("select action from audit where action = 'leave'").fetchone() == ("leave",)
    assert await one(bot, TRAINEE, "/leave") == (
        "You're not a member of any unit. Your instructor gives you a code for /join."
    )


async def test_an_instructor_renames_a_unit_after_a_confirming_tap(bot: Bot) -> None:
    code = await day_shift(bot)
    unit_id = bot.store.db.execute("select id from units").fetchone()[0]
    (how,) = await tap(bot, INSTRUCTOR, f"un:n:{unit_id}")
    assert how == f"To rename \u201cDay shift\u201d, send:\n/rename {code} <new name>"
    ask = await one(bot, INSTRUCTOR, f"/rename {code.lower()} Night desk")
    assert ask == "Rename \u201cDay shift\u201d to \u201cNight desk\u201d? Its members are told."
    assert bot.store.db.execute("select name from units").fetchone()[0] == "Day shift", "nothing before the tap"
    (done,) = await tap(bot, INSTRUCTOR, data_of(bot, INSTRUCTOR, "Rename"))
    assert done == "\u201cDay shift\u201d is now \u201cNight desk\u201d; 1 told."
    await bot.until(lambda: bool(told(bot, TRAINEE, "Your unit")))
    assert told(bot, TRAINEE, "Your unit") == [
        "Your unit \u201cDay shift\u201d is now called \u201cNight desk\u201d (renamed by Alex)."
    ]
    detail = bot.store.db.execute("select detail from audit where action = 'renameunit'").fetchone()[0]
    assert detail == f"unit {unit_id} 'Day shift' -> 'Night desk'"
    assert await tap(bot, INSTRUCTOR, f"un:nd:{unit_id}") == [
        "That rename lapsed or was done: send /rename <unit_code> <new name> again."
    ]
    assert await one(bot, TRAINEE, f"/rename {code} Mine") == "/rename needs the instructor role."
    assert (await one(bot, INSTRUCTOR, f"/rename {code}")).startswith("Usage: /rename <unit_code> <new name>")


async def test_an_archived_unit_takes_no_members_leaves_the_lists_and_keeps_its_results(bot: Bot) -> None:
    code = await day_shift(bot)
    await assign(bot, f"car-break-in {code} 2026-11-30")
    unit_id = bot.store.db.execute("select id from units").fetchone()[0]
    (ask,) = await tap(bot, INSTRUCTOR, f"un:aa:{unit_id}")
    assert ask.startswith("Archive \u201cDay shift\u201d? It takes no new members, leaves your lists")
    (done,) = await tap(bot, INSTRUCTOR, data_of(bot, INSTRUCTOR, "Archive"))
    assert done == "\u201cDay shift\u201d is archived; 1 told. Its results are kept, under Archived units."
    await bot.until(lambda: bool(told(bot, TRAINEE, "Alex archived")))
    assert (await one(bot, INSTRUCTOR, "/units")).startswith("No active units: yours are archived (below).")
    assert keys(bot, INSTRUCTOR) == [("Archived units (1)", "un:ar")]
    (shelf,) = await tap(bot, INSTRUCTOR, "un:ar")
    assert shelf == "Archived units (results kept):\nDay shift: 1 members"
    assert (await one(bot, INSTRUCTOR, f"/results {code}")).startswith("\u201cDay shift\u201d")  # still readable
    assert await say_as(bot, OTHER, "Kim", f"/join {code}") == [
        "\u201cDay shift\u201d is archived and takes no new members. Check with your instructor."
    ]
    assert (await say_as(bot, TRAINEE, "Sam", "/assignments"))[0].startswith("Nothing is assigned to you")
    behind = await one(bot, INSTRUCTOR, "/behind")
    assert behind.startswith("Nobody can be behind: all your units are archived (\u201cDay shift\u201d)"), behind
    assert "Restore one to assign calls and remind people again" in behind
    assert keys(bot, INSTRUCTOR) == [("Archived units", "un:ar")], "a tap to where Restore is"
    assert bot.store.db.execute("select action from audit where action = 'archive'").fetchone() == ("archive",)
    (restored,) = await tap(bot, INSTRUCTOR, data_of(bot, INSTRUCTOR, "Restore", "Archived units"))
    assert restored == "\u201cDay shift\u201d is active again; 1 told."
    assert (await one(bot, INSTRUCTOR, "/units")).startswith("Your units:\nDay shift: 1 members")


# --- join codes ------------------------------------------------------------------------------------


async def test_a_join_code_is_easy_to_read_out_and_has_a_share_button(bot: Bot) -> None:
    await start_all(bot)
    await bot.until(lambda: any("You are now an instructor" in t for t in bot.api.texts(INSTRUCTOR)))
    reply = await one(bot, INSTRUCTOR, "/newunit Day shift")
    code = re.search(r"Join code: (\S+)", reply).group(1)
    assert CODE.match(code), code
    share = dict(keys(bot, INSTRUCTOR))["Share join link"]
    parts = urlsplit(share)
    assert parts.netloc == "t.me" and parts.path == "/share/url"
    link = parse_qs(parts.query)["url"][0]
    assert link == f"https://t.me/deskdrill_test_bot?start=join-{code}"
    assert f"/join {code}" in parse_qs(parts.query)["text"][0]
    spoken = " ".join(code.lower().split("-"))  # "k7m 4qx r9t", as someone types what they heard
    (joined,) = await say_as(bot, TRAINEE, "Sam", f"/join {spoken}")
    assert joined.startswith("You're a member of \u201cDay shift\u201d")
    joined = await say_as(bot, OTHER, "Kim", f"/start join-{code.replace('-', '').lower()}", replies=2)
    assert joined[1].startswith("You're a member of \u201cDay shift\u201d")
    # a code made before these rules keeps working, exactly as it was given out
    bot.store.db.execute("update units set code = 'Ab_cD-ef12x'")
    assert (await say_as(bot, RIVAL, "Lee", "/join Ab_cD-ef12x"))[0].startswith("You're a member")
    assert await say_as(bot, RIVAL, "Lee", "/join ab_cd-ef12x") == [
        "That join code doesn't work. Check it with your instructor."
    ]
