"""The dashboard's low holes of issue 20, each pinned: sign-in secrets never kept, no sign-in without a
click, redirects that stay on the site, ids out of range, initData replays, demotions, slow clients."""
# ruff: noqa: F811  (the dashboard fixtures are imported from test_dashboard)

from __future__ import annotations

import asyncio
import logging
import re
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from bot.config import Settings
from bot.scenarios.library import Library
from bot.storage.sign_in import SignIn, end_sessions
from bot.storage.store import Store
from bot.training.department import Department
from bot.web.app import COOKIE, Dashboard
from bot.web.redirects import on_this_site
from bot.web.serve import WebTask, web_server
from tests.telegram.conftest import Bot
from tests.telegram.test_dashboard import (  # noqa: F401  (fixtures)
    bot,
    client,
    csrf_of,
    dashboard,
    init_data,
    signed_in,
    staff_settings,
    world,
)
from tests.telegram.test_staff import ADMIN, INSTRUCTOR, one

NO_LOG = "Traceback"


def count(dashboard: Dashboard, table: str, user_id: int | None = None) -> int:
    if user_id is None:
        return dashboard.store.db.execute(f"select count(*) from {table}").fetchone()[0]
    return dashboard.store.db.execute(f"select count(*) from {table} where user_id = ?", [user_id]).fetchone()[0]


def database_bytes(dashboard: Dashboard) -> bytes:
    """Everything SQLite keeps on disk for the store: the main file and its WAL."""
    path = dashboard.store.path
    return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())


# --- 1. sign-in tokens never kept in clear; used and expired ones deleted ------------------------


async def test_a_used_link_is_deleted(dashboard: Dashboard, world: dict) -> None:
    # issue 20: a used link's row stayed (marked used) until the nightly purge
    token = SignIn(dashboard.store).new_link(INSTRUCTOR)
    async with client(dashboard) as web:
        assert (await web.post("/login", data={"t": token})).status_code == 303
    assert count(dashboard, "web_links") == 0


async def test_an_expired_link_is_deleted_when_tried_and_so_are_all_other_expired_ones(
    dashboard: Dashboard, world: dict
) -> None:
    sign_in = SignIn(dashboard.store)
    token, _other = sign_in.new_link(INSTRUCTOR), sign_in.new_link(ADMIN)
    dashboard.store.db.execute("update web_links set expires = '2000-01-01T00:00:00+00:00'")
    async with client(dashboard) as web:
        assert (await web.post("/login", data={"t": token})).status_code == 403
    assert count(dashboard, "web_links") == 0


async def test_no_sign_in_secret_is_readable_in_the_database_files(dashboard: Dashboard, world: dict) -> None:
    """The Telegram Web frame's one-time link and the session cookie: only their hashes are stored."""
    async with client(dashboard) as web:
        page = await web.post("/auth/telegram", data={"init_data": init_data(INSTRUCTOR), "mode": "link"})
        token = re.search(r'href="[^"]*/login\?t=([^"]+)"', page.text).group(1)
        assert (await web.post("/login", data={"t": token})).status_code == 303
        cookie = web.cookies.get(COOKIE)
        assert (await web.get("/")).status_code == 200
    stored = database_bytes(dashboard)
    assert token.encode() not in stored and cookie.encode() not in stored


# --- 2. the Mini App's page never signs in by itself ---------------------------------------------


async def test_the_mini_app_page_asks_before_signing_in(dashboard: Dashboard) -> None:
    """Its script fills in the form and shows whose account it is; only the person's click sends it (the
    browser test presses it). A link to /app#tgWebAppData=<someone's initData> signed a browser in."""
    async with client(dashboard) as web:
        page = (await web.get("/app")).text
        script = (await web.get("/static/app.js")).text
    assert '<button type="submit"' in page and 'id="who"' in page
    assert ".submit()" not in script and "requestSubmit" not in script


async def test_the_mini_app_page_sends_a_signed_in_person_to_the_dashboard(dashboard: Dashboard, world: dict) -> None:
    async with signed_in(dashboard, INSTRUCTOR) as web:
        response = await web.get("/app")
        assert response.status_code == 303 and response.headers["location"] == "/"


# --- 3. redirects stay on this site --------------------------------------------------------------


@pytest.mark.parametrize("path", ["/units/1/", "/audit/", "/scenarios/", "/attempts/1/"])
async def test_a_trailing_slash_redirect_ignores_the_host_header(dashboard: Dashboard, world: dict, path: str) -> None:
    # issue 20: Starlette's redirect took its host from the Host header (http://evil.example/units/1)
    async with client(dashboard) as web:
        response = await web.get(path, headers={"host": "evil.example"})
    assert response.is_redirect
    location = response.headers["location"]
    assert location == path.rstrip("/") and "evil" not in location


@pytest.mark.parametrize("path", ["//evil.example/", "/\\evil.example/", "//evil.example/units/1/"])
async def test_no_redirect_leads_to_another_site(dashboard: Dashboard, world: dict, path: str) -> None:
    async with client(dashboard) as web:
        response = await web.get(path)
    location = response.headers.get("location", "/")
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("http://evil.example/units/1", "/units/1"),
        ("https://evil.example//evil.example/x?y=1", "/evil.example/x?y=1"),
        ("//evil.example/", "/"),
        ("/\\evil.example/", "/evil.example/"),
        ("/dd/units/1?page=2", "/dd/units/1?page=2"),
    ],
)
def test_a_redirect_target_is_a_path_on_this_site(location: str, expected: str) -> None:
    assert on_this_site(location) == expected


# --- 4. an id out of range is no page ------------------------------------------------------------

TOO_BIG = "99999999999999999999999"


@pytest.mark.parametrize(
    "path",
    [
        f"/units/{TOO_BIG}",
        f"/attempts/{TOO_BIG}",
        "/attempts/9223372036854775808",
        f"/units/1/trainees/{TOO_BIG}",
        f"/units/{TOO_BIG}/trainees/1",
        f"/units/{TOO_BIG}/assignments",
        f"/units/{TOO_BIG}/export.csv",
        f"/units/{TOO_BIG}/assignments/towed-car/remove",
    ],
)
async def test_an_out_of_range_id_is_not_found_and_logs_nothing(
    dashboard: Dashboard, world: dict, path: str, caplog: pytest.LogCaptureFixture
) -> None:
    async with signed_in(dashboard, ADMIN) as web:
        with caplog.at_level(logging.WARNING):
            response = await web.get(path)
    assert response.status_code == 404 and "There is no such page." in response.text
    assert NO_LOG not in caplog.text and not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_an_override_of_an_out_of_range_attempt_is_not_found(
    dashboard: Dashboard, world: dict, caplog: pytest.LogCaptureFixture
) -> None:
    async with signed_in(dashboard, ADMIN) as web:
        csrf = csrf_of((await web.get("/")).text)
        form = {"csrf": csrf, "criterion": "greeting", "verdict": "missed", "reason": "x"}
        with caplog.at_level(logging.WARNING):
            response = await web.post(f"/attempts/{TOO_BIG}/override", data=form)
    assert response.status_code == 404 and NO_LOG not in caplog.text


# --- 5. Telegram initData signs in once ----------------------------------------------------------


@pytest.mark.parametrize("mode", ["session", "link"])
async def test_init_data_signs_in_once(dashboard: Dashboard, world: dict, mode: str) -> None:
    # issue 20: the same initData could be replayed for 24 hours, each time a new session
    data = init_data(INSTRUCTOR)
    async with client(dashboard) as first, client(dashboard) as second:
        assert (await first.post("/auth/telegram", data={"init_data": data, "mode": mode})).status_code in (200, 303)
        again = await second.post("/auth/telegram", data={"init_data": data, "mode": mode})
        assert again.status_code == 403 and "already used" in again.text
        assert (await second.get("/")).status_code == 401
    assert count(dashboard, "web_sessions") + count(dashboard, "web_links") == 1


async def test_init_data_re_encoded_is_the_same_sign_in(dashboard: Dashboard, world: dict) -> None:
    """The fields reordered (still validly signed) are no new sign-in."""
    data = init_data(INSTRUCTOR)
    reordered = "&".join(reversed(data.split("&")))
    async with client(dashboard) as first, client(dashboard) as second:
        assert (await first.post("/auth/telegram", data={"init_data": data})).status_code == 303
        assert (await second.post("/auth/telegram", data={"init_data": reordered})).status_code == 403


# --- 6. a demotion ends the person's sessions ----------------------------------------------------


def signed_in_earlier(dashboard: Dashboard) -> None:
    """Every session began a minute ago (the audit's times have whole seconds: a sign-in in the second
    of a role change is not ended by it)."""
    earlier = (datetime.now(UTC) - timedelta(minutes=1)).isoformat(timespec="seconds")
    dashboard.store.db.execute("update web_sessions set created_at = ?", [earlier])


async def test_a_demotion_ends_the_session_and_a_re_promotion_does_not_revive_it(
    bot: Bot, dashboard: Dashboard, world: dict
) -> None:
    # issue 20: demoted then promoted again, with no request between, the old session worked again
    async with signed_in(dashboard, INSTRUCTOR) as web:
        assert (await web.get("/")).status_code == 200
        signed_in_earlier(dashboard)
        await one(bot, ADMIN, f"/demote {INSTRUCTOR}")
        await one(bot, ADMIN, f"/promote {INSTRUCTOR}")
        assert (await web.get("/")).status_code == 401
    assert count(dashboard, "web_sessions", INSTRUCTOR) == 0


async def test_a_demoted_persons_session_is_deleted_at_their_next_request(
    bot: Bot, dashboard: Dashboard, world: dict
) -> None:
    async with signed_in(dashboard, INSTRUCTOR) as web, signed_in(dashboard, INSTRUCTOR) as phone:
        signed_in_earlier(dashboard)
        await one(bot, ADMIN, f"/demote {INSTRUCTOR}")
        assert (await web.get("/")).status_code == 401
        assert count(dashboard, "web_sessions", INSTRUCTOR) == 0, "every session of theirs, not just this one"
        assert (await phone.get("/")).status_code == 401


async def test_end_sessions_signs_the_person_out_everywhere(dashboard: Dashboard, world: dict) -> None:
    async with signed_in(dashboard, INSTRUCTOR) as web, signed_in(dashboard, ADMIN) as admin:
        assert end_sessions(dashboard.store.db, INSTRUCTOR) == 1
        assert (await web.get("/")).status_code == 401
        assert (await admin.get("/")).status_code == 200


# --- 7. slow and silent clients are let go -------------------------------------------------------

READ_TIMEOUT = 1.0
BOUND = READ_TIMEOUT + 2.0
"""A connection that has not sent a whole request is closed within this many seconds."""


async def closed_within(reader: asyncio.StreamReader, seconds: float) -> float:
    """How long until the server closed the connection (what it sent before is read and dropped)."""
    start = time.monotonic()
    async with asyncio.timeout(seconds):
        while await reader.read(4096):
            pass
    return time.monotonic() - start


async def trickle(writer: asyncio.StreamWriter, data: bytes, every: float = 0.2) -> None:
    """One byte at a time, as a slowloris client sends, until the server hangs up."""
    for byte in data:
        if writer.is_closing():
            return
        writer.write(bytes([byte]))
        try:
            await writer.drain()
        except ConnectionError:
            return
        await asyncio.sleep(every)


@pytest.fixture
async def served(staff_settings: Settings, library: Library) -> tuple[str, int]:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = replace(staff_settings, web_port=port, web_listen="127.0.0.1")
    store = Store.open(settings.db_path)
    task = WebTask(web_server(settings, Department(store, library, settings.admins), read_timeout=READ_TIMEOUT))
    await task.start()
    yield "127.0.0.1", port
    await task.stop()
    store.close()


HEADERS = b"GET /static/style.css HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\nAccept: */*\r\n\r\n"
SLOW_BODY = b"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"


@pytest.mark.parametrize("client_kind", ["silent", "slow headers", "slow body", "slow after an answer"])
async def test_a_slow_or_silent_client_is_disconnected(
    served: tuple[str, int], client_kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    reader, writer = await asyncio.open_connection(*served)
    sending = None
    try:
        with caplog.at_level(logging.INFO):
            if client_kind == "slow headers":
                sending = asyncio.create_task(trickle(writer, HEADERS))
            elif client_kind == "slow body":
                writer.write(SLOW_BODY + b"Content-Length: 200\r\n\r\n")
                sending = asyncio.create_task(trickle(writer, b"t=" + b"x" * 198))
            elif client_kind == "slow after an answer":
                writer.write(HEADERS)
                head = await reader.readuntil(b"\r\n\r\n")
                assert head.startswith(b"HTTP/1.1 200")
                sending = asyncio.create_task(trickle(writer, HEADERS))
            elapsed = await closed_within(reader, BOUND)
        assert elapsed <= BOUND
        assert NO_LOG not in caplog.text and not [r for r in caplog.records if r.levelno >= logging.ERROR]
    finally:
        if sending:
            sending.cancel()
        writer.close()


async def test_a_prompt_client_is_still_answered(served: tuple[str, int]) -> None:
    host, port = served
    async with httpx.AsyncClient(base_url=f"http://{host}:{port}") as web:
        assert (await web.get("/static/style.css")).status_code == 200
        await asyncio.sleep(READ_TIMEOUT / 2)
        assert (await web.post("/login", data={"t": "made-up"})).status_code == 403
