"""/report over a period, by taps over the loopback Bot API: this month unless another period is tapped or typed,
all of a commander's units with a button each, one unit's figures, the trend chart, and the weekly digest of
last week (not of all time)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from bot.config import Settings
from bot.scenarios.library import Library
from tests.telegram.conftest import Bot, launch, shutdown
from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.test_behind import WRONG
from tests.telegram.test_staff import (
    ADMIN,
    INSTRUCTOR,
    OTHER,
    RIVAL,
    TRAINEE,
    assign,
    button,
    finished_attempt,
    keyboard,
    new_unit,
    one,
    start_all,
    tap,
)

TODAY = date(2026, 11, 23)
OCTOBER = datetime(2026, 10, 14, 15, tzinfo=UTC)
NOVEMBER = datetime(2026, 11, 20, 15, tzinfo=UTC)


@pytest.fixture
async def bot(settings: Settings, library: Library, bot_api: FakeBotApi) -> AsyncIterator[Bot]:
    running = await launch(replace(settings, admins=frozenset({ADMIN})), library, bot_api, today=lambda: TODAY)
    yield running
    await shutdown(running)


async def wrong_call(bot: Bot, user: int) -> None:
    """A courteous car break-in call that gives a wrong process time: wrong information, capped at 50."""
    await one(bot, user, "/practice car-break-in")
    for line in WRONG:
        if bot.store.active_attempt(user) is None:
            break
        await bot.say(user, line)
    if bot.store.active_attempt(user) is not None:
        await bot.say(user, "/end")


async def two_units_with_october_and_november(bot: Bot) -> dict[str, int]:
    """The instructor's Day shift (Jordan: a model call and one with wrong information in October, a model call
    in November; assigned the towed car, which nobody has done) and Night shift (Priya: a model call in October);
    the rival's Evening shift, with no calls. Unit ids by name."""
    bot.store.clock = lambda: OCTOBER
    await start_all(bot)
    for instructor in (INSTRUCTOR, RIVAL):  # told of the promotion before they speak, or `one` hears that
        await bot.until(lambda i=instructor: any("You are now an instructor" in t for t in bot.api.texts(i)))
    day, night = await new_unit(bot, name="Day shift"), await new_unit(bot, name="Night shift")
    await new_unit(bot, RIVAL, "Evening shift")
    await one(bot, TRAINEE, f"/join {day}")
    await one(bot, OTHER, f"/join {night}")
    await assign(bot, f"towed-car {day}")
    await finished_attempt(bot, TRAINEE)
    await wrong_call(bot, TRAINEE)
    await finished_attempt(bot, OTHER)
    bot.store.clock = lambda: NOVEMBER
    await finished_attempt(bot, TRAINEE)
    for user_id, name in ((TRAINEE, "Jordan"), (OTHER, "Priya")):
        bot.store.db.execute("update users set first_name = ? where id = ?", [name, user_id])
    return {u["name"]: u["id"] for u in bot.store.db.query("select id, name from units")}


async def test_a_commander_gets_last_months_report_of_a_unit_in_two_taps(bot: Bot) -> None:
    await two_units_with_october_and_november(bot)
    (first,) = await bot.say(ADMIN, "/report")
    assert first.startswith("Report: all 3 units, this month (Sun 1 Nov \u2013 Mon 30 Nov 2026)")
    assert "1 call by 1 trainee, average 100/100" in first, "November's one call, October's are not this month"
    assert "\u2022 Day shift: 1 call by 1" in first and "\u2022 Night shift: no calls" in first
    labels = [label for label, _ in keyboard(bot, ADMIN)]
    assert labels[:4] == ["This week", "Last week", "\u2713 This month", "Last month"]
    assert "Day shift" in labels and "Night shift" in labels

    (everyone,) = await tap(bot, ADMIN, button(bot, ADMIN, "Last month"))
    assert everyone.startswith("Report: all 3 units, last month (Thu 1 Oct \u2013 Sat 31 Oct 2026)")
    assert "3 calls by 2 trainees" in everyone
    assert "\u2022 Night shift: 1 call by 1, average 100, 100% passed" in everyone

    (day,) = await tap(bot, ADMIN, button(bot, ADMIN, "Day shift"))
    lines = day.splitlines()
    assert lines[0] == "Report: \u201cDay shift\u201d, last month (Thu 1 Oct \u2013 Sat 31 Oct 2026)"
    assert lines[2].startswith("2 calls by 1 trainee, average ")
    assert lines[3].startswith("50% passed (pass mark 80"), "the model call passed; wrong information never does"
    assert lines[4] == "\u26d4 1 with wrong information"
    assert "Greeting: 100% met" in day and "Facts given right: " in day
    assert "Weakest" not in day, "every step was met: none is the weakest"
    labels = [label for label, _ in keyboard(bot, ADMIN)]
    assert "\u2713 Last month" in labels and "\u25c0 All units" in labels and "CSV file: October 2026" in labels
    await bot.until(lambda: len(bot.api.sent("sendPhoto", ADMIN)) >= 3)
    assert bot.api.sent("sendPhoto", ADMIN)[-1].params["photo"][:4] == b"\x89PNG", "the trend chart follows"
    assert all(len(t) < 4096 for t in bot.api.texts(ADMIN))


async def test_a_period_can_be_typed_and_a_wrong_one_is_explained(bot: Bot) -> None:
    await two_units_with_october_and_november(bot)
    code = bot.store.db.execute("select code from units where name = 'Night shift'").fetchone()[0]
    typed = await one(bot, INSTRUCTOR, f"/report {code} 2026-10")
    assert typed.startswith("Report: \u201cNight shift\u201d, October 2026\n\n1 call by 1 trainee")
    ranged = await one(bot, INSTRUCTOR, "/report 2026-10-01 2026-10-14")
    assert ranged.startswith("Report: your 2 units, Thu 1 Oct \u2013 Wed 14 Oct 2026")
    no_month = "\u201c2026-13\u201d is not a month: use YYYY-MM, e.g. 2026-11."
    assert await one(bot, INSTRUCTOR, "/report 2026-13") == no_month
    assert "is not a period: use this-week, last-week" in await one(bot, INSTRUCTOR, "/report 2026-11-1")
    assert "swap the dates" in await one(bot, INSTRUCTOR, "/report 2026-10-14 2026-10-01")
    neither = await one(bot, INSTRUCTOR, "/report yesterday")
    assert neither.startswith("\u201cyesterday\u201d is neither a code of your units nor a period. Usage: /report")
    assert "needs the instructor role" in await one(bot, TRAINEE, "/report")


async def test_the_csv_button_sends_the_reports_period_only(bot: Bot) -> None:
    await two_units_with_october_and_november(bot)
    await one(bot, INSTRUCTOR, "/report last-month")
    (told,) = await tap(bot, INSTRUCTOR, button(bot, INSTRUCTOR, "CSV file"))
    assert told.startswith("3 attempts exported"), told
    await bot.until(lambda: bool(bot.api.sent("sendDocument", INSTRUCTOR)))
    document = bot.api.sent("sendDocument", INSTRUCTOR)[0].params["document"].decode("utf-8-sig")
    assert document.count("\n") == 4, "a heading and October's three calls"


async def test_results_show_this_months_figures_named_and_other_periods_by_a_tap(bot: Bot) -> None:
    units = await two_units_with_october_and_november(bot)
    code = bot.store.db.execute("select code from units where id = ?", [units["Day shift"]]).fetchone()[0]
    (both,) = await bot.say(INSTRUCTOR, "/results")
    assert both.startswith("Your 2 units, this month (Sun 1 Nov \u2013 Mon 30 Nov 2026):")
    assert "November 2026: 1 call by 1, average 100/100, 100% passed" in both
    assert "November 2026: no finished calls." in both, "Night shift's only call was in October"
    labels = [label for label, _ in keyboard(bot, INSTRUCTOR)]
    assert labels[:4] == ["This week", "Last week", "\u2713 This month", "Last month"]

    (october,) = await tap(bot, INSTRUCTOR, button(bot, INSTRUCTOR, "Last month"))
    assert october.startswith("Your 2 units, last month (Thu 1 Oct \u2013 Sat 31 Oct 2026):")
    (day,) = await tap(bot, INSTRUCTOR, button(bot, INSTRUCTOR, "Day shift"))
    lines = day.splitlines()
    assert lines[1].startswith("October 2026: 2 calls by 1, average "), "the period carried to the unit"
    assert lines[1].endswith(", 50% passed"), "the wrong-information call never passes"
    assert "Assigned, as it stands today (done = passed):" in day
    assert day.endswith("Tap a trainee (calls in October 2026):")
    labels = [label for label, _ in keyboard(bot, INSTRUCTOR)]
    assert "\u2713 Last month" in labels and "Jordan \u00b7 2 calls" in labels

    typed = await one(bot, INSTRUCTOR, f"/results {code} this-month")
    assert typed.splitlines()[1] == "November 2026: 1 call by 1, average 100/100, 100% passed"
    ranged = await one(bot, INSTRUCTOR, f"/results {code} 2026-10-01 2026-11-30")
    assert ranged.splitlines()[1].startswith("Thu 1 Oct \u2013 Mon 30 Nov 2026: 3 calls by 1")
    assert "is not a period" in await one(bot, INSTRUCTOR, f"/results {code} 2026-11-1")
    assert (await one(bot, INSTRUCTOR, "/results a b")).startswith("Usage: /results [unit_code] [period]")


async def test_the_weekly_digest_reports_last_week(settings: Settings, library: Library, bot_api: FakeBotApi) -> None:
    day = [date(2026, 11, 24)]  # a Tuesday while the calls are made: no digest yet
    bot = await launch(
        replace(settings, admins=frozenset({ADMIN})), library, bot_api, today=lambda: day[0], reminder_interval=0.2
    )
    try:
        await two_units_with_october_and_november(bot)
        bot.store.clock = lambda: datetime(2026, 11, 23, 10, tzinfo=UTC)  # Monday, after the reminder hour
        day[0] = date(2026, 11, 23)
        digest = lambda: [t for t in bot.api.texts(INSTRUCTOR) if t.startswith("Weekly digest")]  # noqa: E731
        await bot.until(lambda: len(digest()) == 1)
        text = digest()[0]
        assert text.startswith("Weekly digest: last week, Mon 16 Nov \u2013 Sun 22 Nov 2026\n")
        day_shift, night_shift = text.split("\n\n")[1:3]
        assert day_shift.splitlines()[1] == "Last week: 1 call by 1, average 100/100, 100% passed", (
            "20 Nov, not October"
        )
        assert night_shift.splitlines()[1] == "Last week: no finished calls.", "its only call was in October"
        (report,) = await tap(bot, INSTRUCTOR, button(bot, INSTRUCTOR, "Last week's report", -1))
        assert report.startswith("Report: your 2 units, Mon 16 Nov \u2013 Sun 22 Nov 2026")
    finally:
        await shutdown(bot)
