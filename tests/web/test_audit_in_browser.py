"""The audit log in a real browser (headless Chromium): read on a phone and a desktop, filtered with its
form, downloaded. Its screenshots, at 390 px and 1280 px wide, go to docs/screenshots/."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.web.browser import DESKTOP, PHONE, missing

if missing():
    pytest.skip(missing(), allow_module_level=True)

from bot.config import Settings  # noqa: E402
from bot.storage.audit import AuditLog  # noqa: E402
from bot.storage.erasure import erase_person  # noqa: E402
from tests.conftest import ROOT  # noqa: E402
from tests.telegram.conftest import Bot  # noqa: E402
from tests.telegram.test_staff import ADMIN, INSTRUCTOR, OTHER, TRAINEE  # noqa: E402
from tests.web.browser import Browser  # noqa: E402
from tests.web.conftest import World, sign_in  # noqa: E402

SHOTS = ROOT / "docs" / "screenshots"
LEFT = 9009
"""Someone who left the department and was erased."""


@pytest.fixture
def web_settings(web_settings: Settings) -> Settings:
    """An agency on Pacific time."""
    return replace(web_settings, timezone="America/Los_Angeles")


@pytest.fixture
def busy_log(bot: Bot, world: World) -> World:
    """The world's log, and what a week brings besides: an override, a reminder, a download, a leaver erased."""
    bot.store.register(LEFT, LEFT, "Chris", "chris_k")
    log = AuditLog(bot.store)
    log.write(INSTRUCTOR, "override", f"attempt {world.poor_call} greeting -> missed: No agency name, no own name.")
    log.write(INSTRUCTOR, "remind", f"towed-car (assignment 2) to user {OTHER}")
    log.write(INSTRUCTOR, "export", f"5 attempts of units [{world.unit}]")
    log.write(TRAINEE, "refused", "/report needs instructor")
    erase_person(bot.store, LEFT, actor=ADMIN, wait_seconds=0)
    return world


def spread_over_a_week(bot: Bot) -> None:
    """The log's entries as a week's work, not one second's: the newest at 00:44 UTC on 13 Dec 2025."""
    newest = bot.store.db.execute("select max(id) from audit").fetchone()[0]
    bot.store.db.execute(
        "update audit set at = strftime('%Y-%m-%dT%H:%M:%S+00:00', '2025-12-13 00:44:00', "
        "printf('-%d minutes', (? - id) * 397))",
        [newest],
    )


def cells(column: int) -> str:
    return f"return Array.from(document.querySelectorAll('tbody tr td:nth-child({column})'), td => td.textContent)"


async def test_the_audit_log_reads_on_a_phone_and_a_desktop(bot: Bot, busy_log: World, browser: Browser) -> None:
    await sign_in(browser, bot, ADMIN)
    spread_over_a_week(bot)
    await browser.open("/audit")
    assert await browser.heading() == "Audit log, page 1"
    entries = list(zip(*[await browser.script(cells(c)) for c in range(1, 6)], strict=True))
    said = {(who, did, person): details for _, who, did, person, details in entries}
    assert said[("Dana", "changed a verdict", "Priya")].startswith("Greeting marked missed on call")
    assert said[("Morgan", "erased a person", "erased #9009")].startswith("Name, username, words of 0 calls")
    assert entries[0][0] == "Fri 12 Dec 2025, 16:44", "the agency's time (Pacific), to the minute, with the weekday"
    measured = await browser.overflow(PHONE[0])
    assert measured["scroll_width"] <= PHONE[0] and not measured["sticking_out"], measured
    await browser.screenshot(SHOTS / "audit-390.png")
    await browser.viewport(*DESKTOP)
    await browser.open("/audit")
    heads = await browser.script("return Array.from(document.querySelectorAll('thead th'), th => th.innerText)")
    assert heads == ["When", "Who", "Action", "Person", "Details"], "a table with its headings on a desktop"
    await browser.screenshot(SHOTS / "audit-1280.png")
    assert (SHOTS / "audit-390.png").read_bytes().startswith(b"\x89PNG")


async def test_the_form_filters_by_action_and_person_on_a_phone(bot: Bot, busy_log: World, browser: Browser) -> None:
    await sign_in(browser, bot, ADMIN)
    spread_over_a_week(bot)
    await browser.open("/audit")
    await browser.choose("action", "assigned a call")
    await browser.type("who", "Dana")
    await browser.press("Show")
    assert await browser.path() == "/audit?action=assign&who=Dana"
    assert await browser.script(cells(2)) == ["Dana", "Dana"]
    assert await browser.script(cells(3)) == ["assigned a call", "assigned a call"]
    assert "By or about: Dana (#2002)" in await browser.text()
    await browser.screenshot(SHOTS / "audit-filtered-390.png")
    download = await browser.script("return document.querySelector('a[download]').getAttribute('href')")
    assert download == "/audit.csv?action=assign&who=Dana"
    got = await browser.fetch(download)
    assert got["status"] == 200 and got["disposition"].startswith('attachment; filename="deskdrill-audit-')
    header, *lines = got["text"].lstrip("\ufeff").splitlines()
    assert header.startswith("entry,when (America/Los_Angeles),who,who_id,action,person") and len(lines) == 2
    await browser.script("document.querySelector('form.filters a').click()")
    await browser.until(lambda d: d.current_url.endswith("/audit"), "the unfiltered log")
    assert len(await browser.script(cells(1))) > 2
