"""The report pages in headless Chromium: the printable monthly report prints one page per unit (the webdriver's
print command, as Chromium's --print-to-pdf does), and the report pages fit a phone and a desktop. The PDF, a
picture of its first page and screenshots at 390 and 1280 px are saved under docs/screenshots/."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from tests.web.browser import DESKTOP, PHONE, missing

if missing():
    pytest.skip(missing(), allow_module_level=True)

from selenium.webdriver.common.print_page_options import PrintOptions  # noqa: E402

from tests.conftest import ROOT  # noqa: E402
from tests.telegram.conftest import Bot  # noqa: E402
from tests.telegram.test_report_periods import two_units_with_october_and_november  # noqa: E402
from tests.telegram.test_staff import ADMIN, INSTRUCTOR  # noqa: E402
from tests.web.browser import Browser  # noqa: E402
from tests.web.conftest import sign_in  # noqa: E402

SHOTS = ROOT / "docs" / "screenshots"


def pages_in(pdf: bytes) -> int:
    """The pages of a PDF Chromium printed: its page objects (and its page tree says as many)."""
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf, re.S)]
    assert not counts or max(counts) == pages, (counts, pages)
    return pages


def first_page_picture(pdf: bytes, path: Path) -> bool:
    """Page 1 of the PDF as a PNG, when pypdfium2 is installed (else the caller photographs the print view)."""
    try:
        import pypdfium2
    except ImportError:
        return False
    document = pypdfium2.PdfDocument(pdf)
    document[0].render(scale=1.5).to_pil().save(path)
    return True


async def first_sheet_picture(browser: Browser, path: Path) -> None:
    """Without pypdfium2: the print view (print media, a Letter page's width at 96 dpi) down to the end of the
    first unit's sheet, which is the first page."""
    cdp = browser.driver.execute_cdp_cmd
    await browser.viewport(816 - 2 * 45, 1056)  # the page less its 12 mm margins
    await browser.call(cdp, "Emulation.setEmulatedMedia", {"media": "print"})
    bottom = await browser.script("return document.querySelector('.sheet').getBoundingClientRect().bottom")
    clip = {"x": 0, "y": 0, "width": 816 - 2 * 45, "height": bottom, "scale": 1}
    options = {"format": "png", "clip": clip, "captureBeyondViewport": True}
    shot = await browser.call(cdp, "Page.captureScreenshot", options)
    path.write_bytes(base64.b64decode(shot["data"]))
    await browser.call(cdp, "Emulation.setEmulatedMedia", {"media": ""})


async def printed(browser: Browser) -> bytes:
    options = PrintOptions()
    options.background = True
    return base64.b64decode(await browser.call(browser.driver.print_page, options))


async def test_the_monthly_report_prints_one_page_per_unit(bot: Bot, browser: Browser) -> None:
    units = await two_units_with_october_and_november(bot)
    await sign_in(browser, bot, ADMIN)
    await browser.open("/reports/monthly?month=2026-10")
    assert await browser.heading() == "Monthly report: October 2026"
    pdf = await printed(browser)
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "monthly-report.pdf").write_bytes(pdf)
    assert pages_in(pdf) == len(units) == 3, "a page per unit: Day, Night and Evening shift"
    if not first_page_picture(pdf, SHOTS / "monthly-report-page-1.png"):
        await first_sheet_picture(browser, SHOTS / "monthly-report-page-1.png")
    assert await browser.console() == [] or all("favicon" in m["message"] for m in await browser.console())


@pytest.mark.parametrize("viewer", [ADMIN, INSTRUCTOR])
async def test_the_report_pages_fit_a_phone_and_a_desktop(bot: Bot, browser: Browser, viewer: int) -> None:
    units = await two_units_with_october_and_november(bot)
    await sign_in(browser, bot, viewer)
    shots = [
        ("reports", "/reports?period=last-month", "Reports: last month"),
        ("unit-report", f"/units/{units['Day shift']}/report?period=last-month", "Day shift: last month"),
        ("monthly", "/reports/monthly?month=2026-10", "Monthly report: October 2026"),
    ]
    for name, path, heading in shots:
        for width, height in (PHONE, DESKTOP):
            await browser.viewport(width, height)
            await browser.open(path)
            assert await browser.heading() == heading
            fits = await browser.overflow(width)
            assert fits["scroll_width"] <= width and not fits["sticking_out"], (name, width, fits)
            if viewer == ADMIN:
                await browser.screenshot(SHOTS / f"{name}-{width}x{height}.png")
    await browser.viewport(*PHONE)
    await browser.open("/reports")
    await browser.fill("input[name=from]", "2026-10-01")
    await browser.fill("input[name=to]", "2026-10-14")
    await browser.press("Show")
    assert await browser.heading() == "Reports: Thu 1 Oct \u2013 Wed 14 Oct 2026"
    assert "/export.csv?period=2026-10-01..2026-10-14" in await browser.script(
        "return [...document.querySelectorAll('a')].map(a => a.getAttribute('href')).join(' ')"
    )
