"""The real dashboard on a loopback port, beside the launched bot, in the test's event loop; one
headless Chromium per module; and a world with enough in it to make the pages worth looking at."""

from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from bot.config import Settings
from bot.scenarios.library import Library
from bot.training.department import Department
from bot.web.auth import SignIn
from bot.web.serve import WebTask, web_server
from tests.conftest import ROOT
from tests.scripts import COURTEOUS, COURTEOUS_BUT_UNHELPFUL, CURT
from tests.telegram.conftest import Bot, bot_api, launch, runs_from, settings, shutdown  # noqa: F401 (fixtures)
from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.test_staff import ADMIN, INSTRUCTOR, OTHER, RIVAL, TODAY, TRAINEE, assign, new_unit, one, start_all
from tests.web.browser import Browser, Chromium


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def web_settings(settings: Settings) -> Settings:  # noqa: F811
    """The bot's /dashboard links point at the dashboard this test serves (plain http on loopback)."""
    return replace(settings, admins=frozenset({ADMIN}), web_url=None, web_port=free_port())


@pytest.fixture
async def bot(web_settings: Settings, library: Library, bot_api: FakeBotApi) -> AsyncIterator[Bot]:  # noqa: F811
    running = await launch(web_settings, library, bot_api, today=lambda: TODAY)
    running.store.clock = runs_from(TODAY)  # calls finish on the dashboard's today: this month's pages hold them
    yield running
    await shutdown(running)


@pytest.fixture
async def site(bot: Bot, web_settings: Settings, library: Library) -> AsyncIterator[str]:
    """The dashboard served by uvicorn on a real port, as `deskdrill run` serves it: its base URL."""
    department = Department(bot.store, library, web_settings.admins, web_settings.tz)
    task = WebTask(web_server(web_settings, department, lambda: TODAY, bot.app.bot_data["sender"].wake))
    await task.start()
    yield web_settings.web_base
    await task.stop()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Chromium]:
    browser = Chromium()
    yield browser
    browser.close()


@pytest.fixture
async def browser(chromium: Chromium, site: str) -> AsyncIterator[Browser]:
    """The module's Chromium pointed at this test's dashboard, with no cookies from earlier tests."""
    page = Browser(chromium.driver, site)
    await page.forget_everyone()
    yield page
    await page.forget_everyone()


async def sign_in(browser: Browser, bot: Bot, user_id: int) -> None:
    """Signed in as a person would be: a one-time link opened, its button pressed."""
    await browser.forget_everyone()
    await browser.open(f"/login?t={SignIn(bot.store).new_link(user_id)}")
    await browser.press("Sign in")
    assert await browser.heading() == "Your units", await browser.text()


@pytest.fixture
def screenshots() -> Path:
    return Path(os.environ.get("DESKDRILL_SCREENSHOTS") or ROOT / "build" / "screenshots")


# --- a world worth looking at ----------------------------------------------------------------------

NAMES = {
    ADMIN: ("Morgan", "morgan_admin"),
    INSTRUCTOR: ("Dana", "sgt_reyes"),
    TRAINEE: ("Jordan", "jordan_p"),
    OTHER: ("Priya", None),
    RIVAL: ("Sam", "lt_okafor"),
}


@dataclass(frozen=True)
class World:
    unit: int
    rival_unit: int
    good_call: int
    """TRAINEE's model car break-in call: every criterion met."""
    poor_call: int
    """OTHER's curt car break-in call: most criteria missed, with tips."""


async def play(bot: Bot, user: int, scenario: str, lines: list[str]) -> int:
    """A whole practice call, line by line (and /end if the visitor is still waiting); its attempt id once
    it is finished and graded."""
    before = {a["id"] for a in bot.store.history(user)}
    await one(bot, user, f"/practice {scenario}")
    for line in lines:
        await bot.say(user, line)
    if bot.store.active_attempt(user) is not None:
        await bot.say(user, "/end")

    def finished() -> bool:
        latest = bot.store.history(user)
        return bool(latest) and latest[0]["id"] not in before and latest[0]["status"] == "finished"

    await bot.until(finished)
    return bot.store.history(user)[0]["id"]


@pytest.fixture
async def world(bot: Bot) -> World:
    """A day-shift unit of two trainees with a few finished calls and two assignments (one overdue), and
    a rival instructor's night-shift unit. Everyone has a name of their own (the stand-in calls all Alex); Jordan
    set a training profile (Jordan Lee, badge 4471), as staff see him."""
    await start_all(bot)
    for instructor in (INSTRUCTOR, RIVAL):  # told of the promotion before they speak, or `one` hears that
        await bot.until(lambda i=instructor: any("You are now an instructor" in t for t in bot.api.texts(i)))
    code = await new_unit(bot, INSTRUCTOR, "Day shift")
    await new_unit(bot, RIVAL, "Night shift")
    for trainee in (TRAINEE, OTHER):
        await one(bot, trainee, f"/join {code}")
    await assign(bot, f"car-break-in {code} 2026-12-01", (TRAINEE, OTHER))
    await assign(bot, f"towed-car {code} 2026-11-25", (TRAINEE, OTHER))
    bot.store.db.execute("update assignments set due = '2026-11-20' where scenario_id = 'towed-car'")
    good = await play(bot, TRAINEE, "car-break-in", COURTEOUS["car-break-in"])
    await play(bot, TRAINEE, "report-copy", COURTEOUS["report-copy"])
    await play(bot, TRAINEE, "towed-car", CURT["towed-car"])
    await play(bot, OTHER, "car-break-in", COURTEOUS_BUT_UNHELPFUL["car-break-in"])
    poor = await play(bot, OTHER, "car-break-in", CURT["car-break-in"])
    for user_id, (first_name, username) in NAMES.items():
        bot.store.db.execute(
            "update users set first_name = ?, username = ? where id = ?", [first_name, username, user_id]
        )
    bot.store.db.execute("update users set full_name = 'Jordan Lee', badge = '4471' where id = ?", [TRAINEE])
    units = {u["name"]: u["id"] for u in bot.store.db.query("select id, name from units")}
    return World(units["Day shift"], units["Night shift"], good, poor)
