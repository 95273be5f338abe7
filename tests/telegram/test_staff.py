"""Instructors and admins over the loopback Bot API: every command, every refusal, reminders."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from bot.config import Settings
from bot.scenarios.library import Library
from tests.scripts import COURTEOUS, COURTEOUS_BUT_UNHELPFUL
from tests.telegram.conftest import Bot, launch, runs_from, shutdown
from tests.telegram.fake_bot_api import FakeBotApi

ADMIN, INSTRUCTOR, TRAINEE, OTHER, RIVAL = 1001, 2002, 3003, 4004, 5005
TODAY = date(2026, 11, 23)
THIS_MONTH = datetime(2026, 11, 23, 10, tzinfo=UTC)
"""A moment of TODAY, for calls that a report of this month must see."""
INSTRUCTOR_COMMANDS = ["newunit", "units", "revoke", "assign", "results", "transcript", "override", "report", "export"]
ADMIN_COMMANDS = ["promote", "demote", "audit", "erase"]


@pytest.fixture
def staff_settings(settings: Settings) -> Settings:
    return replace(settings, admins=frozenset({ADMIN}))


@pytest.fixture
async def bot(staff_settings: Settings, library: Library, bot_api: FakeBotApi) -> AsyncIterator[Bot]:
    running = await launch(staff_settings, library, bot_api, today=lambda: TODAY)
    yield running
    await shutdown(running)


async def one(bot: Bot, user: int, text: str) -> str:
    (reply,) = await bot.say(user, text)
    return reply


async def start_all(bot: Bot) -> None:
    for user in (ADMIN, INSTRUCTOR, TRAINEE, OTHER, RIVAL):
        await one(bot, user, "/start")
    await one(bot, ADMIN, f"/promote {INSTRUCTOR}")
    await one(bot, ADMIN, f"/promote {RIVAL}")


async def new_unit(bot: Bot, instructor: int = INSTRUCTOR, name: str = "Day shift") -> str:
    """The new unit's join code, from the reply that gives it (a weekly digest sent on the unit's first Monday may
    come in beside it)."""
    before = len(bot.api.texts(instructor))
    bot.api.text(instructor, f"/newunit {name}")
    given = lambda: [t for t in bot.api.texts(instructor)[before:] if "Join code: " in t]  # noqa: E731
    await bot.until(lambda: bool(given()))
    return re.search(r"Join code: (\S+)", given()[0]).group(1)


async def unit_with_trainee(bot: Bot) -> str:
    """Everyone has started the bot, the instructor has a unit, and TRAINEE has joined it."""
    await start_all(bot)
    code = await new_unit(bot)
    await one(bot, TRAINEE, f"/join {code}")
    return code


async def finished_attempt(bot: Bot, user: int = TRAINEE) -> int:
    await one(bot, user, "/practice car-break-in")
    for message in COURTEOUS["car-break-in"]:
        await one(bot, user, message)
    return bot.store.history(user)[0]["id"]


async def assign(bot: Bot, args: str, members: tuple[int, ...] = (TRAINEE,)) -> str:
    """/assign as the instructor, then wait until every member has been told."""
    told = {m: sum(t.startswith("New assignment") for t in bot.api.texts(m)) for m in members}
    reply = await one(bot, INSTRUCTOR, f"/assign {args}")
    for member in members:
        await bot.until(lambda m=member: sum(t.startswith("New assignment") for t in bot.api.texts(m)) > told[m])
    return reply


def keyboard(bot: Bot, chat_id: int, index: int = -1) -> list[tuple[str, str]]:
    """(label, callback data) of every button under a message sent to the chat (the last by default)."""
    markup = bot.api.sent("sendMessage", chat_id)[index].params.get("reply_markup")
    rows = json.loads(markup)["inline_keyboard"] if markup else []
    return [(b["text"], b["callback_data"]) for row in rows for b in row]


def button(bot: Bot, chat_id: int, starts: str, index: int = -1) -> str:
    """The callback data of the button whose label starts so."""
    return next(data for label, data in keyboard(bot, chat_id, index) if label.startswith(starts))


async def tap(bot: Bot, user: int, data: str, replies: int = 1) -> list[str]:
    """Press a button as the user and return the bot's new messages."""
    assert len(data.encode()) <= 64
    before = len(bot.api.texts(user))
    bot.api.press(user, data)
    return (await bot.texts(user, before + replies))[before:]


def menu_for(bot: Bot, chat_id: int) -> list[str]:
    calls = [c for c in bot.api.sent("setMyCommands") if f'"chat_id": {chat_id}' in c.params.get("scope", "")]
    return [c["command"] for c in json.loads(calls[-1].params["commands"])] if calls else []


async def test_admins_from_the_settings_are_admins_from_their_first_start(bot: Bot) -> None:
    await one(bot, ADMIN, "/start")
    await bot.until(lambda: bool(menu_for(bot, ADMIN)))
    assert bot.store.user(ADMIN)["role"] == "admin"
    assert {"promote", "audit", "newunit", "practice"} <= set(menu_for(bot, ADMIN))


async def test_promote_and_demote_change_the_role_tell_the_user_and_change_their_menu(bot: Bot) -> None:
    await one(bot, INSTRUCTOR, "/start")
    await one(bot, ADMIN, "/start")
    assert await one(bot, ADMIN, f"/promote {INSTRUCTOR}") == f"Alex ({INSTRUCTOR}) is now an instructor."
    await bot.until(lambda: "newunit" in menu_for(bot, INSTRUCTOR))
    assert "You are now an instructor" in (await bot.texts(INSTRUCTOR, 2))[-1]
    assert "promote" not in menu_for(bot, INSTRUCTOR)
    assert await one(bot, ADMIN, f"/promote {INSTRUCTOR}") == f"Alex ({INSTRUCTOR}) is already an instructor."
    assert await one(bot, ADMIN, f"/demote {INSTRUCTOR}") == f"Alex ({INSTRUCTOR}) is no longer an instructor."
    await bot.until(lambda: "newunit" not in menu_for(bot, INSTRUCTOR))
    assert bot.store.user(INSTRUCTOR)["role"] == "trainee"


@pytest.mark.parametrize(
    ("command", "answer"),
    [
        ("/promote", "Usage: /promote <user_id>"),
        ("/promote abc", "Usage: /promote <user_id>"),
        ("/promote 999999", "No user 999999: they must send /start to the bot first."),
        (f"/demote {ADMIN}", "is an admin"),
        (f"/demote {TRAINEE}", "is already a trainee"),
    ],
)
async def test_bad_role_changes_are_explained(bot: Bot, command: str, answer: str) -> None:
    await one(bot, TRAINEE, "/start")
    await one(bot, ADMIN, "/start")
    assert answer in await one(bot, ADMIN, command)


@pytest.mark.parametrize("command", INSTRUCTOR_COMMANDS + ADMIN_COMMANDS)
async def test_a_trainee_is_refused_every_staff_command_and_the_attempt_is_logged(bot: Bot, command: str) -> None:
    await one(bot, TRAINEE, "/start")
    needed = "admin" if command in ADMIN_COMMANDS else "instructor"
    assert await one(bot, TRAINEE, f"/{command} 1") == f"/{command} needs the {needed} role."
    (entry,) = bot.store.db["audit"].rows_where("action = 'refused'")
    assert entry["actor"] == TRAINEE and entry["detail"] == f"/{command} needs {needed}"


@pytest.mark.parametrize("command", ADMIN_COMMANDS)
async def test_an_instructor_is_refused_admin_commands(bot: Bot, command: str) -> None:
    await start_all(bot)
    assert await one(bot, INSTRUCTOR, f"/{command} {TRAINEE}") == f"/{command} needs the admin role."


async def test_newunit_units_join_and_revoke(bot: Bot) -> None:
    await start_all(bot)
    reply = await one(bot, INSTRUCTOR, "/newunit Day shift desk")
    code = re.search(r"Join code: (\S+)", reply).group(1)
    assert f"https://t.me/deskdrill_test_bot?start=join-{code}" in reply
    assert len(code) >= 8 and code != await new_unit(bot)  # random, at least 40 bits

    assert await one(bot, TRAINEE, f"/join {code}") == (
        "You're a member of \u201cDay shift desk\u201d. /assignments shows what's assigned."
    )
    assert "already a member" in await one(bot, TRAINEE, f"/join {code}")
    welcome, joined = await bot.say(OTHER, f"/start join-{code}", replies=2)
    assert welcome.startswith("Welcome") and "member of \u201cDay shift desk\u201d" in joined
    assert f"Day shift desk: 2 members, code {code}" in await one(bot, INSTRUCTOR, "/units")

    assert "no longer works" in await one(bot, INSTRUCTOR, f"/revoke {code}")
    assert await one(bot, RIVAL, f"/join {code}") == "That join code doesn't work. Check it with your instructor."
    assert "(revoked)" in await one(bot, INSTRUCTOR, "/units")
    assert "already revoked" in await one(bot, INSTRUCTOR, f"/revoke {code}")
    assert "Usage: /newunit" in await one(bot, INSTRUCTOR, "/newunit")


async def test_an_instructor_sees_only_their_own_units(bot: Bot) -> None:
    code = await unit_with_trainee(bot)
    attempt = await finished_attempt(bot)
    assert await one(bot, RIVAL, f"/results {code}") == f"No unit with code {code} among yours. /units lists them."
    assert await one(bot, RIVAL, f"/transcript {attempt}") == f"No attempt {attempt} among your units' trainees."
    assert "no units yet" in await one(bot, RIVAL, "/units")
    assert "Day shift" in await one(bot, ADMIN, f"/results {code}")  # admins see every unit


async def test_assign_tells_members_and_assignments_lists_with_a_start_button(bot: Bot) -> None:
    code = await unit_with_trainee(bot)
    assert await assign(bot, f"car-break-in {code} 2026-12-01") == (
        "Assigned \u201cCar break-in, reported by phone\u201d to \u201cDay shift\u201d, due Tue 1 Dec; 1 member told."
    )
    notice = bot.api.texts(TRAINEE)[-1]
    assert notice.startswith(
        "New assignment from your instructor: \u201cCar break-in, reported by phone\u201d, due Tue 1 Dec"
    )
    listing, keyboard = await bot.say(TRAINEE, "/assignments", replies=2)
    assert "to do: Car break-in, reported by phone (Day shift), due Tue 1 Dec" in listing
    markup = json.loads(bot.api.sent("sendMessage", TRAINEE)[-1].params["reply_markup"])
    assert markup["inline_keyboard"][0][0]["callback_data"] == "practice:car-break-in"


@pytest.mark.parametrize(
    ("args", "answer"),
    [
        ("car-break-in", "Usage: /assign <scenario_id> <unit_code> [due date, MM/DD/YYYY or YYYY-MM-DD]"),
        ("car-break-in CODE 2026-11-22", "Sun 22 Nov 2026 is in the past (today is Mon 23 Nov)"),
        ("car-break-in CODE 11/22/2026", "Sun 22 Nov 2026 is in the past (today is Mon 23 Nov)"),
        ("no-such-call CODE", "No scenario \u201cno-such-call\u201d"),
        ("car-break-in nosuchunit", "No unit with code nosuchunit among yours."),
        (
            "car-break-in CODE 2026-13-45",
            "\u201c2026-13-45\u201d is not a date: type it as MM/DD/YYYY, e.g. 12/08/2026",
        ),
        ("car-break-in CODE 13/08/2026", "\u201c13/08/2026\u201d is not a date: type it as MM/DD/YYYY"),
    ],
)
async def test_bad_assignments_are_explained(bot: Bot, args: str, answer: str) -> None:
    await start_all(bot)
    code = await new_unit(bot)
    assert answer in await one(bot, INSTRUCTOR, f"/assign {args.replace('CODE', code)}".strip())


async def test_results_show_latest_and_best_and_what_is_overdue(bot: Bot) -> None:
    bot.store.clock = runs_from(TODAY)  # the call finishes this month, as /results counts it
    code = await unit_with_trainee(bot)
    await one(bot, OTHER, f"/join {code}")
    await assign(bot, f"car-break-in {code} 2026-11-23", (TRAINEE, OTHER))
    bot.store.db.execute("update assignments set due = '2026-11-20'")  # days have passed
    await finished_attempt(bot)
    summary = await one(bot, INSTRUCTOR, f"/results {code}")
    assert "2 members" in summary and "1/2 done, 1 OVERDUE (due Fri 20 Nov)" in summary
    assert "November 2026: 1 call by 1, average 100/100, 100% passed" in summary
    trainees = [label for label, _ in keyboard(bot, INSTRUCTOR)][4:]  # under the period's buttons
    assert trainees == ["Alex (id 3003) \u00b7 1 call", "Alex (id 4004) \u00b7 0 calls \u00b7 1 overdue"]
    (page,) = await tap(bot, INSTRUCTOR, button(bot, INSTRUCTOR, "Alex (id 3003) \u00b7 1 call"))
    assert f"Alex (user {TRAINEE}) in \u201cDay shift\u201d\n\u2022 car-break-in: latest 100/100, best 100/100" in page
    (page,) = await tap(bot, INSTRUCTOR, button(bot, INSTRUCTOR, "Alex (id 4004) \u00b7 0 calls", -2))
    assert "\u2022 car-break-in: not done (OVERDUE, due Fri 20 Nov)" in page


async def test_transcript_shows_the_conversation_and_each_verdict(bot: Bot) -> None:
    await unit_with_trainee(bot)
    attempt = await finished_attempt(bot)
    transcript = await one(bot, INSTRUCTOR, f"/transcript {attempt}")
    assert transcript.startswith(f"Attempt {attempt}: Car break-in, reported by phone")
    assert "2. Alex: Good afternoon, Harbor Station, Deputy Lopez speaking." in transcript
    assert "\u2705 Empathy \u2014 \u201cI'm so sorry that happened to you.\u201d (turn 4)" in transcript
    assert "Usage: /transcript <attempt_id>" in await one(bot, INSTRUCTOR, "/transcript twelve")


async def test_override_changes_a_verdict_keeps_the_original_and_tells_the_trainee(bot: Bot) -> None:
    await unit_with_trainee(bot)
    attempt = await finished_attempt(bot)
    before = len(bot.api.texts(TRAINEE))
    reply = await one(bot, INSTRUCTOR, f"/override {attempt} empathy missed It was scripted, not sincere")
    assert reply == (
        f"Empathy on attempt {attempt} (Car break-in, reported by phone) is now missed; "
        "new total 85/100. The trainee has been told."  # SPEC: 75 x 4/5 criteria + 25 x both facts
    )
    told = (await bot.texts(TRAINEE, before + 1))[-1]
    call = r"Your instructor reviewed your \u201cCar break-in, reported by phone\u201d call of \w{3} \d+ \w{3} "
    assert re.match(call, told)  # of "Fri 12 Dec"
    assert "marked Empathy as missed. Reason: It was scripted, not sincere." in told and "attempt" not in told
    (override,) = bot.store.db["overrides"].rows
    assert override["original_met"] == 1 and override["met"] == 0 and override["by"] == INSTRUCTOR
    assert "Override: Empathy missed by Alex: It was scripted" in await one(bot, INSTRUCTOR, f"/transcript {attempt}")
    assert "Unknown criterion \u201ckindness\u201d" in await one(bot, INSTRUCTOR, f"/override {attempt} kindness met x")
    assert "Usage: /override" in await one(bot, INSTRUCTOR, f"/override {attempt} empathy maybe because")


async def test_report_gives_pass_rates_the_weakest_criterion_and_a_weekly_chart(bot: Bot) -> None:
    bot.store.clock = lambda: THIS_MONTH  # /report covers this month unless told otherwise
    code = await unit_with_trainee(bot)
    await finished_attempt(bot)
    await one(bot, TRAINEE, "/practice car-break-in")
    await one(bot, TRAINEE, "Hello?")
    await one(bot, TRAINEE, "/end")
    report = await one(bot, INSTRUCTOR, f"/report {code}")
    assert "2 calls by 1 trainee, average 50/100" in report  # 100 and 0: "Hello?" earns nothing
    assert "Greeting: 50% met" in report and "Weakest: Greeting." in report
    await bot.until(lambda: bool(bot.api.sent("sendPhoto", INSTRUCTOR)))
    assert bot.api.sent("sendPhoto", INSTRUCTOR)[0].params["photo"][:4] == b"\x89PNG"


async def test_export_sends_a_csv_with_one_row_per_attempt_and_is_audited(bot: Bot) -> None:
    code = await unit_with_trainee(bot)
    attempt = await finished_attempt(bot)
    await one(bot, INSTRUCTOR, f"/override {attempt} greeting missed test")
    assert await one(bot, INSTRUCTOR, f"/export {code}") == "1 attempt exported."
    await bot.until(lambda: bool(bot.api.sent("sendDocument", INSTRUCTOR)))
    document = bot.api.sent("sendDocument", INSTRUCTOR)[0].params["document"]
    (row,) = csv.DictReader(io.StringIO(document.decode("utf-8-sig")))
    assert row["telegram_name"] == "Alex" and row["units"] == "Day shift"
    assert row["scenario"] == "Car break-in, reported by phone" and row["scenario_id"] == "car-break-in"
    assert row["greeting"] == "missed" and row["empathy"] == "met" and row["total"] == "85"
    assert row["overridden"] == "yes" and row["auto_fail"] == "" and row["addressed"] == "yes"
    assert re.fullmatch(r"greeting: met -> missed by Alex, \d{4}-\d\d-\d\d \d\d:\d\d: test", row["overrides"])
    assert row["result"] == "pass" and row["pass_mark"] == "80", "85 with no automatic fail and nothing wrong"


async def test_audit_lists_role_changes_assignments_overrides_and_exports(bot: Bot) -> None:
    code = await unit_with_trainee(bot)
    await assign(bot, f"car-break-in {code}")
    attempt = await finished_attempt(bot)
    await one(bot, INSTRUCTOR, f"/override {attempt} greeting missed test")
    await one(bot, INSTRUCTOR, f"/export {code}")
    audit = await one(bot, ADMIN, "/audit")
    for action in (
        f"Alex ({ADMIN})  promote: user Alex (2002) -> instructor",
        "assign: car-break-in",
        "override: attempt",
        "export: 1 attempts",
    ):
        assert action in audit


async def test_reminders_survive_a_restart_between_assignment_and_reminder(
    staff_settings: Settings, library: Library, bot_api: FakeBotApi
) -> None:
    day = [date(2026, 11, 23)]
    first = await launch(staff_settings, library, bot_api, today=lambda: day[0])
    await start_all(first)
    code = await new_unit(first)
    first.store.clock = lambda: datetime(2026, 11, 23, 9, tzinfo=UTC)
    await one(first, TRAINEE, f"/join {code}")
    await assign(first, f"towed-car {code} 2026-11-24")
    await shutdown(first)

    second = await launch(staff_settings, library, bot_api, today=lambda: day[0], reminder_interval=0.2)
    try:
        reminders = lambda: [t for t in bot_api.texts(TRAINEE) if t.startswith(("Reminder:", "Overdue:"))]  # noqa: E731
        await asyncio.sleep(0.6)  # three runs of the job on the day it was assigned: the notice was enough
        assert reminders() == []
        day[0] = date(2026, 11, 24)
        await second.until(lambda: len(reminders()) == 1)
        day[0] = date(2026, 11, 26)
        await second.until(lambda: len(reminders()) == 2)
        await asyncio.sleep(0.6)  # three more runs of the job: nothing is sent twice
        assert reminders() == [
            "Reminder: \u201cAn angry caller whose car was towed\u201d is due Tue 24 Nov. /practice towed-car",
            "Overdue: \u201cAn angry caller whose car was towed\u201d was due Tue 24 Nov. /practice towed-car",
        ]
        assert button(second, TRAINEE, "Start") == "practice:towed-car"
    finally:
        await shutdown(second)


async def test_a_trainee_join_link_makes_an_instructor_a_member_not_a_co_instructor(bot: Bot) -> None:
    code = await unit_with_trainee(bot)
    attempt = await finished_attempt(bot)
    assert await one(bot, RIVAL, f"/join {code}") == (
        "You're a member of \u201cDay shift\u201d. /assignments shows what's assigned."
    )
    assert "No unit with code" in await one(bot, RIVAL, f"/results {code}")
    assert f"No attempt {attempt} among your units' trainees." == await one(bot, RIVAL, f"/transcript {attempt}")


async def test_co_instructors_are_added_explicitly_and_see_the_unit(bot: Bot) -> None:
    code = await unit_with_trainee(bot)
    assert await one(bot, TRAINEE, f"/addinstructor {code} {RIVAL}") == "/addinstructor needs the instructor role."
    assert "is not an instructor" in await one(bot, INSTRUCTOR, f"/addinstructor {code} {OTHER}")
    assert (
        await one(bot, INSTRUCTOR, f"/addinstructor {code} {RIVAL}")
        == f"Alex ({RIVAL}) now instructs \u201cDay shift\u201d."
    )
    await bot.until(lambda: any("now an instructor of" in t for t in bot.api.texts(RIVAL)))
    assert "1 members" in await one(bot, RIVAL, f"/results {code}")
    assert f"r:t:1:{TRAINEE}:0" in [data for _, data in keyboard(bot, RIVAL)]
    assert "Day shift: 1 members" in await one(bot, RIVAL, "/units")


async def test_an_instructor_sees_only_attempts_made_while_a_member(bot: Bot) -> None:
    await start_all(bot)
    before = await finished_attempt(bot)
    code = await new_unit(bot)
    bot.store.clock = lambda: __import__("datetime").datetime(2099, 1, 1, tzinfo=__import__("datetime").UTC)
    await one(bot, TRAINEE, f"/join {code}")
    after = await finished_attempt(bot)
    assert "No attempt" in await one(bot, INSTRUCTOR, f"/transcript {before}")
    assert f"Attempt {after}:" in await one(bot, INSTRUCTOR, f"/transcript {after}")
    assert await one(bot, INSTRUCTOR, f"/export {code}") == "1 attempt exported."


async def test_a_revoked_code_can_be_replaced_so_the_unit_takes_members_again(bot: Bot) -> None:
    code = await unit_with_trainee(bot)
    await one(bot, INSTRUCTOR, f"/revoke {code}")
    assert "doesn't work" in await one(bot, OTHER, f"/join {code}")
    reply = await one(bot, INSTRUCTOR, f"/newcode {code}")
    fresh = re.search(r"New join code for \u201cDay shift\u201d: (\S+)", reply).group(1)
    assert fresh != code and f"start=join-{fresh}" in reply
    assert "member of" in await one(bot, OTHER, f"/join {fresh}")
    assert "doesn't work" in await one(bot, RIVAL, f"/join {code}")


async def test_without_a_code_results_report_and_export_cover_all_of_the_callers_units(bot: Bot) -> None:
    bot.store.clock = lambda: THIS_MONTH
    await start_all(bot)
    day, night = await new_unit(bot, name="Day shift"), await new_unit(bot, name="Night shift")
    await one(bot, TRAINEE, f"/join {day}")
    await one(bot, OTHER, f"/join {night}")
    await finished_attempt(bot, TRAINEE)
    await finished_attempt(bot, OTHER)
    results = await one(bot, INSTRUCTOR, "/results")
    assert "\u201cDay shift\u201d" in results and "\u201cNight shift\u201d" in results
    assert "2 calls by 2 trainees" in await one(bot, INSTRUCTOR, "/report")
    assert await one(bot, INSTRUCTOR, "/export") == "2 attempts exported."
    await bot.until(lambda: bool(bot.api.sent("sendDocument", INSTRUCTOR)))
    assert bot.api.sent("sendDocument", INSTRUCTOR)[0].params["document"].count(b"\n") == 3


async def test_export_neutralises_formulas_keeps_accents_and_counts_each_attempt_once(bot: Bot) -> None:
    """A trainee in two units appears once, with both units named: exactly one row per attempt."""
    await start_all(bot)
    day, night = await new_unit(bot, name="Day shift"), await new_unit(bot, name="Night shift")
    evil = '=HYPERLINK("http://evil.example","Click")'
    for user in (TRAINEE, OTHER):
        await one(bot, user, f"/join {day}")
    await one(bot, TRAINEE, f"/join {night}")
    first, second = await finished_attempt(bot, TRAINEE), await finished_attempt(bot, OTHER)
    for user, name in ((TRAINEE, evil), (OTHER, "José Ñúñez")):  # the names people chose in Telegram
        bot.store.db.execute("update users set first_name = ? where id = ?", [name, user])
    assert await one(bot, INSTRUCTOR, "/export") == "2 attempts exported."
    await bot.until(lambda: bool(bot.api.sent("sendDocument", INSTRUCTOR)))
    document = bot.api.sent("sendDocument", INSTRUCTOR)[0].params["document"]
    assert document.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(document.decode("utf-8-sig"))))
    assert sorted((r["attempt_id"], r["units"]) for r in rows) == sorted(
        [(str(first), "Day shift; Night shift"), (str(second), "Day shift")]
    )
    assert {r["telegram_name"] for r in rows} == {"'" + evil, "José Ñúñez"}


async def test_an_edited_override_is_not_applied_again(bot: Bot) -> None:
    await unit_with_trainee(bot)
    attempt = await finished_attempt(bot)
    command = bot.api.message(INSTRUCTOR, f"/override {attempt} empathy missed too brief")
    bot.api.push("message", command)
    await bot.until(lambda: any("The trainee has been told" in t for t in bot.api.texts(INSTRUCTOR)))
    bot.api.push("edited_message", {**command, "edit_date": 2, "text": f"/override {attempt} empathy missed typo"})
    await bot.until(lambda: bot.api.texts(INSTRUCTOR)[-1].startswith("Edits aren't passed on"))
    assert bot.store.db.execute("select count(*) from overrides").fetchone()[0] == 1
    assert sum("marked Empathy" in t for t in bot.api.texts(TRAINEE)) == 1


MISSED_EMERGENCY = COURTEOUS_BUT_UNHELPFUL["child-late-home"]


async def test_an_automatic_fail_leads_every_list_transcript_report_and_export(bot: Bot) -> None:
    bot.store.clock = lambda: THIS_MONTH
    code = await unit_with_trainee(bot)
    await assign(bot, f"child-late-home {code}")
    await one(bot, TRAINEE, "/practice child-late-home")
    for message in MISSED_EMERGENCY:
        await one(bot, TRAINEE, message)
    card = await one(bot, TRAINEE, "/end") if bot.store.active_attempt(TRAINEE) else bot.api.texts(TRAINEE)[-1]
    scorecard = card.split("Scorecard: ")[1].splitlines()
    assert scorecard[1].startswith("\u26d4 AUTOMATIC FAIL") and scorecard[2] == "Total: AUTOMATIC FAIL, 0/100"
    attempt = bot.store.history(TRAINEE)[0]["id"]
    assert "\u26d4 = automatic fail" in await one(bot, TRAINEE, "/history")
    ((label, data),) = keyboard(bot, TRAINEE)  # the list says so first: "⛔ Mon 23 Nov · Child late home · 0/100"
    assert label.startswith("\u26d4 ") and label.endswith(" \u00b7 Child late home \u00b7 0/100")
    assert data == f"me:c:{attempt}"
    await one(bot, INSTRUCTOR, f"/results {code}")
    (page,) = await tap(bot, INSTRUCTOR, button(bot, INSTRUCTOR, "Alex"))
    assert "child-late-home: latest AUTOMATIC FAIL, 0/100" in page
    transcript = (await one(bot, INSTRUCTOR, f"/transcript {attempt}")).splitlines()
    assert transcript[0].endswith("total AUTOMATIC FAIL, 0/100")
    assert transcript[1].startswith("\u26d4 AUTOMATIC FAIL \u2014 The caller said their child is missing")
    assert "\u274c Issue not addressed:" in transcript
    assert "\u2022 missing: sends it to dispatch or 911 now, or has a deputy sent at once" in transcript or (
        "\u2022 WRONG: sends it to dispatch or 911 now, or has a deputy sent at once" in " ".join(transcript)
    )
    report = await one(bot, INSTRUCTOR, f"/report {code}")
    assert "\n1 call by 1 trainee, average 0/100\n0% passed" in report and "\n\u26d4 1 automatic fail" in report
    reply = await one(bot, INSTRUCTOR, f"/override {attempt} greeting missed test")
    assert "new total AUTOMATIC FAIL, 0/100" in reply
    await one(bot, INSTRUCTOR, f"/export {code}")
    await bot.until(lambda: bool(bot.api.sent("sendDocument", INSTRUCTOR)))
    (row,) = csv.DictReader(io.StringIO(bot.api.sent("sendDocument", INSTRUCTOR)[0].params["document"].decode()))
    assert row["auto_fail"].startswith("The caller said their child is missing") and row["total"] == "0"
    assert row["addressed"] in ("no (dispatch_now missing)", "no (dispatch_now wrong)")


async def test_a_criterion_that_does_not_apply_is_n_a_and_cannot_be_overridden(bot: Bot) -> None:
    await unit_with_trainee(bot)
    await one(bot, TRAINEE, "/practice service-tester")
    for message in COURTEOUS["service-tester"]:
        await one(bot, TRAINEE, message)
    attempt = bot.store.history(TRAINEE)[0]["id"]
    assert "\u2796 Empathy \u2014 n/a" in await one(bot, INSTRUCTOR, f"/transcript {attempt}")
    refusal = await one(bot, INSTRUCTOR, f"/override {attempt} empathy met kind words")
    assert refusal.startswith("Empathy does not apply in")
