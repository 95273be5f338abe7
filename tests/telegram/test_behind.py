"""Who is behind, and pass marks, over the loopback Bot API.

A failed call does not complete an assignment: the trainee still has it to do and is still reminded,
the instructor hears "tried, not passed", and only a pass makes it done. A sergeant finds who has not
passed and reminds them in three taps from /start; a second reminder the same day sends nothing.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.config import Settings
from bot.scenarios.library import Library
from tests.scripts import COURTEOUS, COURTEOUS_BUT_UNHELPFUL
from tests.telegram.conftest import Bot, launch, shutdown
from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.test_staff import ADMIN, INSTRUCTOR, OTHER, TRAINEE, assign, one, start_all, unit_with_trainee

JO = 6006
CALL = "\u201cCar break-in, reported by phone\u201d"
UNHELPFUL = COURTEOUS_BUT_UNHELPFUL["car-break-in"]  # every criterion met, the caller not helped: 75/100
WRONG = [  # a wrong process time: capped at 50/100, and never a pass
    "Good afternoon, Harbor Station, Deputy Lopez speaking. How can I help you?",
    "I'm so sorry that happened to you. When did it happen?",
    "You can file the report online on our website; it takes about three hours.",
    "Do you have any questions I can answer for you? Is there anything else I can help you with? "
    "Thank you for calling.",
]


@pytest.fixture
def staff_settings(settings: Settings) -> Settings:
    return replace(settings, admins=frozenset({ADMIN}))


@pytest.fixture
def day() -> list[date]:
    return [date(2026, 11, 24)]  # a Tuesday: no weekly digest to get in the way


@pytest.fixture
async def bot(staff_settings: Settings, library: Library, bot_api: FakeBotApi, day: list[date]) -> AsyncIterator[Bot]:
    running = await launch(staff_settings, library, bot_api, today=lambda: day[0], reminder_interval=0.2)
    yield running
    await shutdown(running)


async def say_as(bot: Bot, user: int, name: str, text: str) -> list[str]:
    """A message from the user under their own first name; the bot's new messages (at least one)."""
    before = len(bot.api.texts(user))
    bot.api.text(user, text, first_name=name)
    return (await bot.texts(user, before + 1))[before:]


async def play(bot: Bot, user: int, name: str, lines: list[str]) -> dict:
    """A whole car-break-in call, ended with /end if the caller is still there; its stored attempt."""
    await say_as(bot, user, name, "/practice car-break-in")
    for line in lines:
        if bot.store.active_attempt(user) is None:
            break
        await say_as(bot, user, name, line)
    if bot.store.active_attempt(user) is not None:
        await say_as(bot, user, name, "/end")
    return bot.store.history(user)[0]


def keys(bot: Bot, chat_id: int, starts: str) -> list[tuple[str, str]]:
    """(label, data) of the buttons under the latest message to the chat that starts so."""
    sent = [c for c in bot.api.sent("sendMessage", chat_id) if c.params.get("text", "").startswith(starts)]
    markup = sent[-1].params.get("reply_markup")
    return [(b["text"], b["callback_data"]) for row in json.loads(markup)["inline_keyboard"] for b in row]


def data_of(bot: Bot, chat_id: int, starts: str, label: str) -> str:
    return next(data for text, data in keys(bot, chat_id, starts) if text.startswith(label))


class Taps:
    """The instructor's taps, counted; each returns the answer to it (news of the unit's calls, which may
    arrive meanwhile, is no answer)."""

    def __init__(self, bot: Bot) -> None:
        self.bot, self.count = bot, 0

    def answers(self) -> list[str]:
        return [t for t in self.bot.api.texts(INSTRUCTOR) if not t.startswith("\u201cDay shift\u201d: ")]

    async def __call__(self, data: str) -> str:
        self.count += 1
        return await self.answer(lambda: self.bot.api.press(INSTRUCTOR, data))

    async def say(self, text: str) -> str:
        """A command typed or chosen from the menu: no tap."""
        return await self.answer(lambda: self.bot.api.text(INSTRUCTOR, text))

    async def answer(self, act) -> str:
        before = len(self.answers())
        act()
        await self.bot.until(lambda: len(self.answers()) > before)
        return self.answers()[before]


def reminders_to(bot: Bot, user: int) -> list[str]:
    return [t for t in bot.api.texts(user) if t.startswith(("Reminder", "Overdue"))]


# --- a failed call does not complete an assignment ------------------------------------------------


async def test_a_failed_call_does_not_complete_an_assignment(bot: Bot, day: list[date]) -> None:
    bot.store.clock = lambda: datetime(2026, 11, 24, 9, tzinfo=UTC)  # today, as the bot's day says
    code = await unit_with_trainee(bot)
    await assign(bot, f"car-break-in {code} 2026-11-30")

    tried = await play(bot, TRAINEE, "Alex", UNHELPFUL)
    assert tried["status"] == "finished" and 0 < tried["total"] < 80

    # the instructor is told it was tried, not that it was completed
    told = lambda: [t for t in bot.api.texts(INSTRUCTOR) if t.startswith("\u201cDay shift\u201d: ")]  # noqa: E731
    await bot.until(lambda: len(told()) == 1)
    assert told()[0] == (
        f"\u201cDay shift\u201d: 1 not passed yet.\n"
        f"\u2022 Alex tried {CALL}, not passed: {tried['total']}/100 (pass mark 80)"
    )
    # the trainee still has it to do, with a Start button
    listing = (await say_as(bot, TRAINEE, "Alex", "/assignments"))[0]
    assert f"to do: Car break-in, reported by phone (Day shift), due Mon 30 Nov; best {tried['total']}/100" in listing
    # the instructor sees it as not done, by name
    summary = await one(bot, INSTRUCTOR, f"/results {code}")
    assert "0/1 done (due Mon 30 Nov)" in summary and f"tried, not passed: Alex {tried['total']}" in summary
    # and the reminders go on: the next day brings one, at the agency's reminder hour (09:00)
    day[0] = date(2026, 11, 25)
    bot.store.clock = lambda: datetime(2026, 11, 25, 9, tzinfo=UTC)
    await bot.until(lambda: len(reminders_to(bot, TRAINEE)) == 1)
    assert reminders_to(bot, TRAINEE)[0].startswith(f"Reminder: {CALL} is due Mon 30 Nov.")

    # a pass completes it: the instructor hears "passed", the list says done, the reminders stop
    bot.store.clock = lambda: datetime(2026, 11, 25, 12, tzinfo=UTC)  # over an hour since the last news
    passed = await play(bot, TRAINEE, "Alex", COURTEOUS["car-break-in"])
    assert passed["total"] >= 80
    await bot.until(lambda: len(told()) == 2)
    assert told()[1] == f"\u201cDay shift\u201d: 1 passed.\n\u2022 Alex passed {CALL}: {passed['total']}/100"
    listing = (await say_as(bot, TRAINEE, "Alex", "/assignments"))[0]
    assert "done: Car break-in, reported by phone (Day shift), due Mon 30 Nov; passed" in listing
    day[0] = date(2026, 11, 26)
    await asyncio.sleep(0.8)  # four runs of the reminder job
    assert len(reminders_to(bot, TRAINEE)) == 1


async def test_a_call_with_wrong_information_never_passes_even_over_the_assignments_own_mark(bot: Bot) -> None:
    code = await unit_with_trainee(bot)
    reply = await assign(bot, f"car-break-in {code} 40")  # a pass mark of its own, typed
    assert reply == f"Assigned {CALL} to \u201cDay shift\u201d, pass mark 40; 1 member told."
    assert "(it passes at 40/100)" in [t for t in bot.api.texts(TRAINEE) if t.startswith("New assignment")][-1]
    wrong = await play(bot, TRAINEE, "Alex", WRONG)
    assert 40 <= wrong["total"] <= 50
    told = lambda: [t for t in bot.api.texts(INSTRUCTOR) if t.startswith("\u201cDay shift\u201d: ")]  # noqa: E731
    await bot.until(lambda: len(told()) == 1)
    assert f"tried {CALL}, not passed: {wrong['total']}/100 (pass mark 40)" in told()[0]
    listing = (await say_as(bot, TRAINEE, "Alex", "/assignments"))[0]
    assert "to do: Car break-in" in listing and "passes at 40" in listing
    audit = [r["detail"] for r in bot.store.db.query("select detail from audit where action = 'assign'")]
    assert audit[-1].endswith("pass mark 40")
    assert "is not a pass mark" in await one(bot, INSTRUCTOR, f"/assign car-break-in {code} 2026-12-01 150")


# --- a sergeant finds who has not passed and reminds them -------------------------------------------


async def test_a_sergeant_finds_who_has_not_passed_and_reminds_them_in_three_taps(bot: Bot, day: list[date]) -> None:
    """Jo passed, Sam tried and failed, Kim has not started; the assignment is overdue. From /start: the list
    (1), the assignment (2), Remind (3). A second Remind the same day sends nothing to the same people."""
    await start_all(bot)
    code = (await one(bot, INSTRUCTOR, "/newunit Day shift")).split("Join code: ")[1].split()[0]
    await say_as(bot, JO, "Jo", "/start")
    for user, name in ((TRAINEE, "Sam"), (OTHER, "Kim"), (JO, "Jo")):
        await say_as(bot, user, name, f"/join {code}")
    await assign(bot, f"car-break-in {code} 2026-11-24", (TRAINEE, OTHER, JO))
    await play(bot, JO, "Jo", COURTEOUS["car-break-in"])
    sam = await play(bot, TRAINEE, "Sam", UNHELPFUL)
    for user in (TRAINEE, OTHER):  # days have passed: the overdue notices went out when it fell due
        bot.store.db.execute(
            "insert into reminders (user_id, assignment_id, kind, at) select ?, id, 'overdue', '2026-11-21' "
            "from assignments",
            [user],
        )
    bot.store.db.execute("update assignments set due = '2026-11-20'")
    tap = Taps(bot)

    welcome = await tap.say("/start")
    listing = await tap(data_of(bot, INSTRUCTOR, welcome[:20], "Who hasn't passed?"))
    assert listing == (
        "Not passed yet. Tap one to see everyone and send reminders.\n\n"
        f"{CALL}\n\u201cDay shift\u201d \u00b7 due Fri 20 Nov, OVERDUE \u00b7 pass mark 80\n"
        f"Tried, not passed (1): Sam {sam['total']}\nNot started (1): Kim\nOverdue (2): Sam, Kim\nPassed: 1 of 3"
    )
    (label, data) = keys(bot, INSTRUCTOR, "Not passed yet")[0]
    assert label == "2 behind: Car break-in, reported by phone"
    screen = await tap(data)
    assert screen.startswith(f"{CALL}\n\u201cDay shift\u201d \u00b7 due Fri 20 Nov, OVERDUE \u00b7 pass mark 80\n")
    jo = bot.store.history(JO)[0]["total"]
    for group in (
        f"Passed (1): Jo {jo}",
        f"Tried, not passed (1): Sam {sam['total']}",
        "Not started (1): Kim",
        "Overdue (2): Sam, Kim",
    ):
        assert f"\n{group}\n" in screen, group
    buttons = [label for label, _ in keys(bot, INSTRUCTOR, CALL)]
    assert buttons == ["Remind all 2 not passed", "Remind Sam", "Remind Kim", "\u25c0 Unit", "All behind"]
    done = await tap(data_of(bot, INSTRUCTOR, CALL, "Remind all"))
    assert tap.count == 3
    assert done == f"Reminded 2 about {CALL}: Sam, Kim."
    await bot.until(lambda: bool(reminders_to(bot, TRAINEE)) and bool(reminders_to(bot, OTHER)))
    (to_sam,) = reminders_to(bot, TRAINEE)
    assert to_sam == (
        f"Reminder from Alex, your instructor:\n{CALL} is not passed yet.\n"
        f"Your best so far: {sam['total']}/100. It passes at 80/100.\nIt was due Fri 20 Nov.\n/practice car-break-in"
    )
    assert data_of(bot, TRAINEE, "Reminder from", "Start") == "practice:car-break-in"
    assert "You haven't tried it yet." in reminders_to(bot, OTHER)[0]
    assert not reminders_to(bot, JO), "who passed is never reminded"

    again = await tap(data_of(bot, INSTRUCTOR, "Reminded 2", "\u25c0 Back"))
    assert again.startswith(CALL)
    assert (
        await tap(data_of(bot, INSTRUCTOR, CALL, "Remind all")) == "Already reminded today, not sent again: Sam, Kim."
    )
    assert await tap(data_of(bot, INSTRUCTOR, CALL, "Remind Sam")) == "Already reminded today, not sent again: Sam."
    await asyncio.sleep(0.5)
    assert len(reminders_to(bot, TRAINEE)) == 1 and len(reminders_to(bot, OTHER)) == 1, "nothing sent twice"
    audit = [r["detail"] for r in bot.store.db.query("select detail from audit where action = 'remind' order by id")]
    assert [d.rsplit(" ", 1)[1] for d in audit] == [str(TRAINEE), str(OTHER)]

    day[0] += timedelta(days=1)  # the next day, one more reminder is allowed
    assert await tap(data_of(bot, INSTRUCTOR, CALL, "Remind Sam")) == f"Reminded 1 about {CALL}: Sam."
    await bot.until(lambda: len(reminders_to(bot, TRAINEE)) == 2)


async def test_behind_is_on_the_staff_menu_and_refused_to_trainees(bot: Bot) -> None:
    code = await unit_with_trainee(bot)
    assert await one(bot, INSTRUCTOR, "/behind") == "Nothing is assigned in your units yet. /assign offers the calls."
    await assign(bot, f"car-break-in {code}")
    assert (await one(bot, INSTRUCTOR, "/behind")).startswith("Not passed yet.")
    assert await one(bot, TRAINEE, "/behind") == "/behind needs the instructor role."
    assert (await one(bot, TRAINEE, "/start")).startswith("Welcome")
    assert not bot.api.sent("sendMessage", TRAINEE)[-1].params.get("reply_markup"), "no staff button for trainees"
    (assignment_id,) = bot.store.db.execute("select id from assignments").fetchone()
    before = len(bot.api.texts(TRAINEE))
    bot.api.press(TRAINEE, f"r:rm:{assignment_id}:0")
    assert (await bot.texts(TRAINEE, before + 1))[-1] == "/behind needs the instructor role."
