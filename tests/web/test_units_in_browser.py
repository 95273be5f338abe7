"""A unit's people and settings, and due dates, in a real browser (headless Chromium): the date picker assigns,
a member is removed after the question, the unit is renamed, archived and restored; every page photographed on
a phone and a desktop (DESKDRILL_SCREENSHOTS, default build/screenshots), and none wider than a phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.browser import DESKTOP, PHONE, missing

if missing():
    pytest.skip(missing(), allow_module_level=True)

from tests.telegram.conftest import Bot  # noqa: E402
from tests.telegram.test_staff import INSTRUCTOR, OTHER, TRAINEE  # noqa: E402
from tests.web.browser import Browser  # noqa: E402
from tests.web.conftest import World, sign_in  # noqa: E402


def told(bot: Bot, user: int, words: str) -> bool:
    return any(words in t for t in bot.api.texts(user))


async def test_the_date_picker_assigns_with_the_weekday_shown(bot: Bot, world: World, browser: Browser) -> None:
    await sign_in(browser, bot, INSTRUCTOR)
    await browser.open(f"/units/{world.unit}/assignments")
    kind = await browser.script("return document.querySelector('form.stack input[name=due]').type")
    assert kind == "date"
    await browser.pick("scenario", "report-copy")
    await browser.fill("form.stack input[name=due]", "2026-12-04")
    await browser.press("Assign and tell 2 members")
    assert "due Fri 4 Dec; 2 members told" in await browser.text()
    cards = await browser.script("return Array.from(document.querySelectorAll('ul.items li'), li => li.textContent)")
    assert any("A copy of a police report" in c and "Due Fri 4 Dec" in c for c in cards), cards
    for member in (TRAINEE, OTHER):
        await bot.until(lambda m=member: told(bot, m, "due Fri 4 Dec"), 5)


async def test_remove_rename_archive_and_restore_from_the_units_pages(
    bot: Bot, world: World, browser: Browser, screenshots: Path
) -> None:
    async def shoot(name: str) -> None:
        for width, height in (PHONE, DESKTOP):
            await browser.viewport(width, height)
            await browser.screenshot(screenshots / f"{name}-{width}x{height}.png")
            if width == PHONE[0]:
                measured = await browser.overflow(PHONE[0])
                assert measured["scroll_width"] <= PHONE[0], (name, measured)

    await sign_in(browser, bot, INSTRUCTOR)
    await browser.open(f"/units/{world.unit}")
    await browser.open(f"/units/{world.unit}/manage")
    assert await browser.heading() == "People and settings of Day shift"
    await shoot("unit-manage")
    await browser.open(f"/units/{world.unit}/members/{OTHER}/remove")
    assert await browser.heading() == "Remove Priya"
    await shoot("unit-remove-member")
    await browser.press("Remove")
    assert "Priya is no longer a member of \u201cDay shift\u201d; they have been told." in await browser.text()
    await bot.until(lambda: told(bot, OTHER, "removed you from \u201cDay shift\u201d"), 5)

    await browser.script("document.querySelector('input[name=name]').value = 'Day desk';")
    await browser.press("Rename and tell its people")
    assert await browser.heading() == "People and settings of Day desk"

    await browser.open(f"/units/{world.unit}/archive")
    await shoot("unit-archive")
    await browser.press("Archive it")
    assert await browser.heading() == "Your units"
    assert "\u201cDay desk\u201d is archived" in await browser.text()
    await shoot("overview-archived")
    await browser.open(f"/units/{world.unit}/manage")
    await browser.press("Restore it")
    assert "\u201cDay desk\u201d is active again" in await browser.text()
