"""Headless Chromium driven by Selenium, from async tests whose event loop also serves the dashboard.

Every Selenium call blocks (it waits on chromedriver, which waits on the page, which waits on
our server), so `Browser` runs each one in a worker thread: the loop keeps serving meanwhile.
Only the Debian packages' binaries are used, found on PATH: Selenium Manager never downloads.
"""

from __future__ import annotations

import asyncio
import base64
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # the dev extra is not installed: the browser tests skip
    webdriver = None

FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run "
    # Without these Chromium waits on the network for updates, sync and field trials, and hangs offline.
    "--disable-background-networking --disable-component-update --disable-sync --disable-extensions"
).split()
PHONE = (390, 844)
DESKTOP = (1280, 800)
WAIT = 10.0


def missing() -> str | None:
    """Why the browser tests cannot run here, or None. Looked up on PATH at call time."""
    if shutil.which("chromium") is None or shutil.which("chromedriver") is None:
        return "headless Chromium not installed: apt-get install chromium chromium-driver"
    if webdriver is None:
        return "selenium not installed: pip install -e '.[dev]'"
    return None


def start_chromium(profile: Path) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # the console, CSP violations included
    service = Service(executable_path=shutil.which("chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(WAIT * 3)
    driver.set_script_timeout(WAIT)
    return driver


class Chromium:
    """One Chromium for a module (it takes about a second to start), with its own throwaway profile."""

    def __init__(self) -> None:
        self.profile = tempfile.TemporaryDirectory(prefix="deskdrill-chromium-")
        self.driver = start_chromium(Path(self.profile.name))

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            self.profile.cleanup()


class Browser:
    """The browser as a test uses it: every call runs in a thread and returns when the page is ready."""

    def __init__(self, driver: webdriver.Chrome, base_url: str) -> None:
        self.driver, self.base_url = driver, base_url.rstrip("/")

    async def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.to_thread(fn, *args)

    async def forget_everyone(self) -> None:
        """No cookies from an earlier test (all of them, not just the current site's); a phone, in daylight."""
        await self.call(self.driver.execute_cdp_cmd, "Network.clearBrowserCookies", {})
        await self.viewport(*PHONE)
        await self.colour_scheme("light")

    async def viewport(self, width: int, height: int) -> None:
        """The page's size in CSS pixels; below 600 wide, a phone (the viewport meta tag applies, touch)."""
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}
        await self.call(self.driver.execute_cdp_cmd, "Emulation.setDeviceMetricsOverride", metrics)

    async def colour_scheme(self, scheme: str) -> None:
        """What the page's prefers-color-scheme says: "light" or "dark" (Telegram's night mode)."""
        features = {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
        await self.call(self.driver.execute_cdp_cmd, "Emulation.setEmulatedMedia", features)

    async def open(self, path: str) -> None:
        await self.call(self.driver.get, self.base_url + path)

    async def open_url(self, url: str) -> None:
        await self.call(self.driver.get, url)

    async def script(self, js: str, *args: Any) -> Any:
        return await self.call(self.driver.execute_script, js, *args)

    async def heading(self) -> str:
        return await self.script("var h = document.querySelector('h1'); return h ? h.textContent : null;")

    async def text(self) -> str:
        return await self.script("return document.body ? document.body.innerText : '';")

    async def path(self) -> str:
        """Where the browser is, without the site's address."""
        return (await self.call(lambda: self.driver.current_url)).removeprefix(self.base_url)

    async def cookies(self) -> list[dict]:
        """Every cookie of the current site, HttpOnly ones too."""
        return await self.call(self.driver.get_cookies)

    async def until(self, condition: Callable[[webdriver.Chrome], Any], what: str, timeout: float = WAIT) -> Any:
        """Wait (in a thread) until the condition holds: pages that navigate by themselves, forms just sent."""

        def wait() -> Any:
            try:
                return WebDriverWait(self.driver, timeout, 0.05, ignored_exceptions=(WebDriverException,)).until(
                    condition
                )
            except TimeoutException:
                raise AssertionError(f"timed out waiting for {what}; at {self.driver.current_url}") from None

        return await self.call(wait)

    async def until_heading(self, heading: str, timeout: float = WAIT) -> None:
        def shown(driver: webdriver.Chrome) -> bool:
            return driver.execute_script("var h = document.querySelector('h1'); return h && h.textContent;") == heading

        await self.until(shown, f"the heading {heading!r}", timeout)

    async def press(self, label: str) -> None:
        """Press the button with this label and wait for the page it leads to."""

        def press() -> None:
            old = self.driver.find_element(By.TAG_NAME, "html")
            self.driver.find_element(By.XPATH, f"//button[normalize-space()={xpath_literal(label)}]").click()
            WebDriverWait(self.driver, WAIT, 0.05).until(
                lambda d: not _attached(old) and d.execute_script("return document.readyState") == "complete"
            )

        await self.call(press)

    async def tap(self, label: str) -> None:
        """Press a button that changes the page in place (no navigation)."""
        await self.call(
            lambda: self.driver.find_element(By.XPATH, f"//button[normalize-space()={xpath_literal(label)}]").click()
        )

    async def console(self) -> list[dict]:
        """The console's messages since the last call (errors, CSP violations, failed loads)."""
        return await self.call(self.driver.get_log, "browser")

    async def fetch(self, path: str) -> dict:
        """A GET from inside the page (its cookies, same origin), as a download link would make it."""
        return await self.call(
            self.driver.execute_async_script,
            """
            var done = arguments[arguments.length - 1];
            fetch(arguments[0]).then(function (r) {
              return r.text().then(function (t) {
                done({status: r.status, type: r.headers.get('content-type'),
                      disposition: r.headers.get('content-disposition'), text: t});
              });
            }).catch(function (e) { done({status: 0, text: String(e)}); });
            """,
            self.base_url + path,
        )

    async def fill(self, css: str, value: str) -> None:
        """Set a field's value as its picker would (date inputs type differently in every locale)."""
        await self.script("document.querySelector(arguments[0]).value = arguments[1];", css, value)

    def _select(self, name: str) -> Select:
        return Select(self.driver.find_element(By.CSS_SELECTOR, f"select[name='{name}']"))

    async def pick(self, name: str, value: str) -> None:
        """Choose the option with this value in the (first) list called `name`."""
        await self.call(lambda: self._select(name).select_by_value(value))

    async def choose(self, name: str, visible_text: str) -> None:
        """Choose the option that reads so in the (first) list called `name`."""
        await self.call(lambda: self._select(name).select_by_visible_text(visible_text))

    async def type(self, name: str, text: str) -> None:
        await self.call(lambda: self.driver.find_element(By.NAME, name).send_keys(text))

    async def overflow(self, width: int) -> dict:
        """How wide the page is, against a screen `width` CSS pixels wide, and the elements that stick out
        (not counting those inside boxes that scroll). A phone zooms out to fit a page that is too wide, so
        then the window's inner width grows too."""
        return await self.script(
            """
            var width = arguments[0], out = [];
            function scrolls(el) {
              for (var p = el.parentElement; p; p = p.parentElement) {
                var o = getComputedStyle(p).overflowX;
                if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
              }
              return false;
            }
            document.querySelectorAll('body *').forEach(function (el) {
              var r = el.getBoundingClientRect();
              if (r.right > width + 0.5 && !scrolls(el) && out.length < 5)
                out.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' right=' +
                         Math.round(r.right) + ': ' + (el.textContent || '').trim().slice(0, 40));
            });
            return {scroll_width: document.documentElement.scrollWidth, inner_width: window.innerWidth,
                    sticking_out: out};
            """,
            width,
        )

    async def screenshot(self, path: Path) -> None:
        """The whole page, top to bottom, at the current width."""

        def shoot() -> None:
            width, height = self.driver.execute_script(
                "return [window.innerWidth, Math.max(document.documentElement.scrollHeight, window.innerHeight)]"
            )
            shot = self.driver.execute_cdp_cmd(
                "Page.captureScreenshot",
                {
                    "format": "png",
                    "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
                },
            )
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(base64.b64decode(shot["data"]))

        await self.call(shoot)


def _attached(element: Any) -> bool:
    try:
        element.is_enabled()
        return True
    except WebDriverException:
        return False


def xpath_literal(text: str) -> str:
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return "concat('" + "', \"'\", '".join(text.split("'")) + "')"
