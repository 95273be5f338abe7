"""The dashboard in a real browser (headless Chromium): signing in, every page, an override, a phone's screen.

The dashboard runs on a loopback port beside the launched bot, in the test's event loop; the
browser is driven from worker threads so the loop keeps serving. Screenshots of every page, at a
phone's size and a desktop's, go to DESKDRILL_SCREENSHOTS (default build/screenshots).
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.web.browser import DESKTOP, PHONE, missing

if missing():
    pytest.skip(missing(), allow_module_level=True)

from bot.web.app import COOKIE  # noqa: E402
from bot.web.auth import SignIn, sign_init_data  # noqa: E402
from tests.telegram.conftest import Bot  # noqa: E402
from tests.telegram.test_dashboard import init_data  # noqa: E402
from tests.telegram.test_staff import ADMIN, INSTRUCTOR, OTHER, TRAINEE  # noqa: E402
from tests.web.browser import Browser  # noqa: E402
from tests.web.conftest import World, sign_in  # noqa: E402


@dataclass(frozen=True)
class Page:
    """A page as `viewer` sees it (None: signed out). `path` and `heading` may name World's fields: {unit}.
    `ready`: a CSS selector that matches once the page's scripts have drawn it."""

    name: str
    viewer: int | None
    path: str
    heading: str
    ready: str | None = None


CAR = "Car break-in, reported by phone"
PAGES = [
    Page("signin", None, "/login?t=not-used-by-opening", "Sign in to DeskDrill"),
    Page("overview", INSTRUCTOR, "/", "Your units"),
    Page("overview-admin", ADMIN, "/", "Your units"),
    Page("unit", INSTRUCTOR, "/units/{unit}", "Day shift"),
    Page("trainee", INSTRUCTOR, f"/units/{{unit}}/trainees/{TRAINEE}", "Jordan Lee"),
    Page("trainee-last-month", INSTRUCTOR, f"/units/{{unit}}/trainees/{TRAINEE}?period=last-month", "Jordan Lee"),
    Page("profile", INSTRUCTOR, f"/units/{{unit}}/trainees/{TRAINEE}/profile", "Jordan: training profile"),
    Page("attempt", INSTRUCTOR, "/attempts/{good_call}", f"{CAR} \u2013 attempt {{good_call}}"),
    Page("attempt-missed", INSTRUCTOR, "/attempts/{poor_call}", f"{CAR} \u2013 attempt {{poor_call}}"),
    Page("audit", ADMIN, "/audit", "Audit log, page 1"),
    Page("audit-filtered", ADMIN, "/audit?action=assign", "Audit log, page 1"),
    Page("assignments", INSTRUCTOR, "/units/{unit}/assignments", "Assignments of Day shift"),
    Page("assignment-remove", INSTRUCTOR, "/units/{unit}/assignments/towed-car/remove", "Remove an assignment"),
    Page("unit-manage", INSTRUCTOR, "/units/{unit}/manage", "People and settings of Day shift"),
    Page("unit-archive", INSTRUCTOR, "/units/{unit}/archive", "Archive a unit"),
    Page("library", INSTRUCTOR, "/scenarios", "Calls and diagrams"),
    Page("scenario", INSTRUCTOR, "/scenarios/car-break-in", CAR, ready="#diagram svg"),
    Page("scenario-long", INSTRUCTOR, "/scenarios/towed-car", "An angry caller whose car was towed", "#diagram svg"),
    Page("not-found", INSTRUCTOR, "/no/such/page", "Not found"),
]
SHOTS = [(PHONE, "light"), (DESKTOP, "light"), (PHONE, "dark")]
"""Each page is photographed so: overview-390x844.png, overview-1280x800.png, overview-390x844-dark.png."""


async def visit(browser: Browser, bot: Bot, world: World, page: Page, viewer: list[int | None]) -> None:
    """Open the page as its viewer, signing in again only when the viewer changes (`viewer` remembers)."""
    if page.viewer != viewer[0]:
        if page.viewer is None:
            await browser.forget_everyone()
        else:
            await sign_in(browser, bot, page.viewer)
        viewer[0] = page.viewer
    await browser.open(page.path.format(**asdict(world)))
    if page.ready:
        await browser.until(
            lambda d: d.execute_script("return !!document.querySelector(arguments[0])", page.ready),
            f"{page.ready} on the {page.name} page",
        )


def mini_app_url(init_data: str) -> str:
    """Telegram opens a Mini App with its signed initData in the URL fragment."""
    return f"/app#tgWebAppData={quote(init_data, safe='')}&tgWebAppVersion=7.0&tgWebAppPlatform=android"


def sign_in_link(bot: Bot, user_id: int) -> str | None:
    """The URL of the latest "Sign in in a browser" button the bot sent the user."""
    for call in reversed(bot.api.sent("sendMessage", user_id)):
        rows = json.loads(call.params.get("reply_markup") or "{}").get("inline_keyboard", [])
        for button in (b for row in rows for b in row):
            if button["text"] == "Sign in in a browser":
                return button["url"]
    return None


async def session_cookie(browser: Browser) -> str | None:
    return next((c["value"] for c in await browser.cookies() if c["name"] == COOKIE), None)


# --- signing in ----------------------------------------------------------------------------------


async def test_the_bots_one_time_link_signs_in_and_lands_on_the_units_overview(
    bot: Bot, world: World, browser: Browser
) -> None:
    bot.api.text(INSTRUCTOR, "/dashboard")
    await bot.until(lambda: sign_in_link(bot, INSTRUCTOR) is not None)
    link = sign_in_link(bot, INSTRUCTOR)
    assert link.startswith(f"{browser.base_url}/login?t=")
    await browser.open_url(link)
    assert await browser.heading() == "Sign in to DeskDrill"
    assert await session_cookie(browser) is None, "opening the link alone signs nobody in"
    await browser.press("Sign in")
    assert await browser.path() == "/"
    assert await browser.heading() == "Your units"
    text = await browser.text()
    assert "Day shift" in text and "Night shift" not in text
    assert await session_cookie(browser)


async def test_a_used_link_is_refused(bot: Bot, world: World, browser: Browser) -> None:
    token = SignIn(bot.store).new_link(INSTRUCTOR)
    await browser.open(f"/login?t={token}")
    await browser.press("Sign in")
    assert await browser.heading() == "Your units"
    await browser.forget_everyone()
    await browser.open(f"/login?t={token}")
    await browser.press("Sign in")
    assert await browser.heading() == "Not available"
    assert "expired or was already used" in await browser.text()
    assert await session_cookie(browser) is None


async def test_an_expired_link_is_refused(bot: Bot, world: World, browser: Browser) -> None:
    token = SignIn(bot.store).new_link(INSTRUCTOR)
    bot.store.db.execute("update web_links set expires = '2000-01-01T00:00:00+00:00'")
    await browser.open(f"/login?t={token}")
    await browser.press("Sign in")
    assert await browser.heading() == "Not available"
    assert "expired or was already used" in await browser.text()
    await browser.open("/")
    assert await browser.heading() == "Sign in"


async def asked_to_sign_in_as(browser: Browser, label: str) -> None:
    """The Mini App's page once its script has shown whose account the data is, on its button."""
    await browser.until(
        lambda d: any(b.is_displayed() and b.text == label for b in d.find_elements("css selector", "button")),
        f"the button {label!r}",
    )


async def test_the_mini_app_signs_in_with_telegrams_init_data_when_the_person_presses(
    bot: Bot, world: World, browser: Browser
) -> None:
    await browser.open(mini_app_url(init_data(INSTRUCTOR)))
    await asked_to_sign_in_as(browser, "Sign in as Pat")
    await browser.press("Sign in as Pat")
    await browser.until_heading("Your units")
    assert await browser.path() == "/"
    assert "Day shift" in await browser.text()
    assert await session_cookie(browser)


async def test_a_link_with_someone_elses_init_data_signs_nobody_in_by_itself(
    bot: Bot, world: World, browser: Browser
) -> None:
    # issue 20: /app#tgWebAppData=<another person's initData> signed a fresh browser in as them, no click
    await browser.open(mini_app_url(init_data(ADMIN)))
    await asked_to_sign_in_as(browser, "Sign in as Pat")
    await asyncio.sleep(1.0)  # time enough for a page that sends itself
    assert (await browser.path()).startswith("/app#") and await browser.heading() == "Sign in with Telegram"
    assert await session_cookie(browser) is None
    await browser.open("/")
    assert await browser.heading() == "Sign in"


@pytest.mark.parametrize("forgery", ["signed with another bot's token", "user id changed after signing"])
async def test_forged_init_data_is_refused_and_signs_nobody_in(
    bot: Bot, world: World, browser: Browser, forgery: str
) -> None:
    if forgery == "signed with another bot's token":
        user = json.dumps({"id": INSTRUCTOR, "first_name": "Pat"}, separators=(",", ":"))
        forged = sign_init_data({"auth_date": str(int(time.time())), "user": user}, "654321:ANOTHER-BOT")
    else:
        forged = init_data(INSTRUCTOR).replace(str(INSTRUCTOR), str(ADMIN))
    await browser.open(mini_app_url(forged))
    await asked_to_sign_in_as(browser, "Sign in as Pat")
    await browser.press("Sign in as Pat")
    await browser.until_heading("Not available")
    assert "could not be verified" in await browser.text()
    assert await session_cookie(browser) is None
    await browser.open("/")
    assert await browser.heading() == "Sign in"


async def test_a_trainees_mini_app_is_refused_and_pointed_back_to_the_bot(
    bot: Bot, world: World, browser: Browser
) -> None:
    await browser.open(mini_app_url(init_data(TRAINEE)))
    await asked_to_sign_in_as(browser, "Sign in as Pat")
    await browser.press("Sign in as Pat")
    await browser.until_heading("Not available")
    assert "for instructors and admins" in await browser.text()
    assert await session_cookie(browser) is None


async def test_in_telegram_web_the_framed_mini_app_offers_a_one_time_link_for_a_tab_of_its_own(
    bot: Bot, world: World, browser: Browser
) -> None:
    """Telegram Web shows a Mini App in a frame; here the frame's host is a page of the dashboard itself."""
    await browser.open("/login?t=unused")
    await browser.script(
        "var f = document.createElement('iframe'); f.id = 'telegram'; f.src = arguments[0];"
        "f.style.width = '390px'; f.style.height = '600px'; document.body.appendChild(f);",
        mini_app_url(init_data(INSTRUCTOR)),
    )

    def link_in_frame(driver) -> str | None:
        """Presses the frame's "Sign in as" button once it shows, then waits for the link it brings."""
        driver.switch_to.default_content()
        driver.switch_to.frame("telegram")
        try:
            links = driver.find_elements("css selector", "a.button")
            if not links:
                for button in driver.find_elements("css selector", "button"):
                    if button.is_displayed() and button.text == "Sign in as Pat":
                        button.click()
            return links[0].get_attribute("href") if links else None
        finally:
            driver.switch_to.default_content()

    link = await browser.until(link_in_frame, "the framed Mini App's link")
    assert link.startswith(f"{browser.base_url}/login?t=")
    await browser.open_url(link)
    await browser.press("Sign in")
    assert await browser.heading() == "Your units"


async def test_the_mini_app_opened_outside_telegram_says_how_to_open_it(browser: Browser) -> None:
    await browser.open("/app")
    await browser.until(
        lambda d: "/dashboard" in d.find_element("id", "status").text, "the Mini App's advice outside Telegram"
    )
    assert await browser.path() == "/app"


async def test_sign_out_ends_the_session(bot: Bot, world: World, browser: Browser) -> None:
    await sign_in(browser, bot, INSTRUCTOR)
    await browser.press("Sign out")
    assert await browser.heading() == "Signed out"
    await browser.open("/")
    assert await browser.heading() == "Sign in"


# --- pages ---------------------------------------------------------------------------------------


async def test_every_page_opens_with_its_heading(bot: Bot, world: World, browser: Browser) -> None:
    viewer: list[int | None] = [None]
    for page in PAGES:
        await visit(browser, bot, world, page, viewer)
        assert await browser.heading() == page.heading.format(**asdict(world)), page.name


async def test_an_override_made_in_the_form_is_confirmed_and_the_trainee_told(
    bot: Bot, world: World, browser: Browser
) -> None:
    await sign_in(browser, bot, INSTRUCTOR)
    await browser.open(f"/attempts/{world.good_call}")
    await browser.choose("criterion", "Greeting (now met)")
    await browser.choose("verdict", "missed")
    await browser.type("reason", "You never said the agency's name")
    await browser.press("Change the verdict")
    text = await browser.text()
    assert f"Greeting on attempt {world.good_call} ({CAR}) is now missed" in text
    assert "The trainee has been told." in text
    assert "Greeting missed by Dana" in text and "You never said the agency's name" in text
    await bot.until(lambda: any("marked Greeting as missed" in t for t in bot.api.texts(TRAINEE)), timeout=5)
    notice = next(t for t in bot.api.texts(TRAINEE) if "marked Greeting as missed" in t)
    assert "Reason: You never said the agency's name." in notice


# --- a phone's screen ----------------------------------------------------------------------------


async def test_no_page_scrolls_sideways_on_a_phone(bot: Bot, world: World, browser: Browser) -> None:
    await browser.viewport(*PHONE)
    viewer: list[int | None] = [None]
    wide = {}
    for page in PAGES:
        await visit(browser, bot, world, page, viewer)
        measured = await browser.overflow(PHONE[0])
        if measured["scroll_width"] > PHONE[0] or measured["inner_width"] != PHONE[0]:
            wide[page.name] = measured
    assert not wide, f"pages wider than a {PHONE[0]} px phone: {wide}"


async def test_screenshots_of_every_page_on_a_phone_and_a_desktop(
    bot: Bot, world: World, browser: Browser, screenshots: Path
) -> None:
    viewer: list[int | None] = [None]
    for page in PAGES:
        await visit(browser, bot, world, page, viewer)
        for (width, height), scheme in SHOTS:
            await browser.viewport(width, height)
            await browser.colour_scheme(scheme)
            shot = screenshots / f"{page.name}-{width}x{height}{'-dark' if scheme == 'dark' else ''}.png"
            await browser.screenshot(shot)
            assert shot.read_bytes().startswith(b"\x89PNG"), shot


async def test_no_page_logs_an_error_or_a_blocked_resource_in_the_console(
    bot: Bot, world: World, browser: Browser
) -> None:
    viewer: list[int | None] = [None]
    await browser.console()  # what came before
    complaints = {}
    for page in PAGES:
        await visit(browser, bot, world, page, viewer)
        logged = [
            m["message"]
            for m in await browser.console()
            if m["level"] in ("SEVERE", "WARNING") and "/favicon.ico" not in m["message"]  # none yet: reported
        ]
        if page.name == "not-found":  # the 404 itself is logged as a failed load, and rightly answered so
            logged = [m for m in logged if "404" not in m]
        if logged:
            complaints[page.name] = logged
    assert not complaints, complaints


# --- the pages' scripts and forms ----------------------------------------------------------------


async def test_a_scenarios_mermaid_diagram_is_drawn_as_svg_in_its_box(bot: Bot, world: World, browser: Browser) -> None:
    await sign_in(browser, bot, INSTRUCTOR)
    await browser.open("/scenarios/car-break-in")
    await browser.until(lambda d: d.find_element("css selector", "#diagram svg"), "the diagram's <svg>")
    drawn = await browser.script(
        "var svg = document.querySelector('#diagram svg');"
        "return {in_box: !!svg.closest('.diagram'), nodes: svg.querySelectorAll('g.node').length,"
        "        labels: svg.textContent, width: svg.getBoundingClientRect().width};"
    )
    assert drawn["in_box"] and drawn["nodes"] >= 3 and drawn["width"] > 100, drawn
    assert "could not be drawn" not in await browser.text()


async def test_tapping_a_column_heading_sorts_the_trainees(bot: Bot, world: World, browser: Browser) -> None:
    await sign_in(browser, bot, INSTRUCTOR)
    await browser.open(f"/units/{world.unit}")
    names = "return Array.from(document.querySelectorAll('table.sortable tbody tr td:first-child a'), a => a.text)"
    await browser.tap("Average")
    assert await browser.script(names) == ["Priya", "Jordan Lee"]  # 38, then 67
    await browser.tap("Average")
    assert await browser.script(names) == ["Jordan Lee", "Priya"]


async def test_a_unit_download_is_a_csv_of_its_calls(bot: Bot, world: World, browser: Browser) -> None:
    await sign_in(browser, bot, INSTRUCTOR)
    await browser.open(f"/units/{world.unit}")
    link = await browser.script("return document.querySelector('a[href*=\"export.csv\"]').getAttribute('href')")
    assert link == f"/units/{world.unit}/export.csv?period=2026-11", "this month's, as the page shows"
    download = await browser.fetch(link)
    assert download["status"] == 200 and download["type"].startswith("text/csv"), download
    rows = download["text"].strip().splitlines()
    assert len(rows) == 1 + 5, "a heading and the unit's five finished calls"


async def test_an_assignment_made_and_removed_in_the_browser_is_told_to_the_members(
    bot: Bot, world: World, browser: Browser
) -> None:
    report = "A copy of a police report, at the lobby counter"
    await sign_in(browser, bot, INSTRUCTOR)
    await browser.open(f"/units/{world.unit}/assignments")
    await browser.pick("scenario", "report-copy")
    await browser.fill("form.stack input[name=due]", "2026-12-04")
    await browser.press("Assign and tell 2 members")
    assert "due Fri 4 Dec" in await browser.text()
    for member in (TRAINEE, OTHER):
        await bot.until(lambda m=member: any(report in t and "New assignment" in t for t in bot.api.texts(m)), 5)
    assert report in await browser.text()
    await browser.open(f"/units/{world.unit}/assignments/report-copy/remove")
    await browser.press("Remove it")
    assert await browser.heading() == "Assignments of Day shift"
    cards = await browser.script("return Array.from(document.querySelectorAll('ul.items li b'), b => b.textContent)")
    assert report not in cards


async def test_the_audit_log_filters_by_action(bot: Bot, world: World, browser: Browser) -> None:
    await sign_in(browser, bot, ADMIN)
    await browser.open("/audit")
    await browser.choose("action", "assigned a call")
    await browser.press("Show")
    assert "action=assign" in await browser.path()
    actions = await browser.script(
        "return Array.from(document.querySelectorAll('tbody tr td:nth-child(3)'), td => td.textContent)"
    )
    assert actions == ["assigned a call", "assigned a call"]
