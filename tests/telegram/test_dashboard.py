"""The web dashboard over HTTP (ASGI, in the bot's own loop): sign-in, every route for every role, CSRF, overrides."""

from __future__ import annotations

import json
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, timedelta

import httpx
import pytest

from bot.cli.serve import dashboard_beside
from bot.config import Settings
from bot.scenarios.library import Library
from bot.training.department import Department
from bot.web.app import COOKIE, Dashboard, build_web_app
from bot.web.auth import SignIn, sign_init_data
from tests.telegram.conftest import Bot, launch, runs_from, shutdown
from tests.telegram.fake_bot_api import TOKEN, FakeBotApi
from tests.telegram.test_staff import (
    ADMIN,
    INSTRUCTOR,
    RIVAL,
    TODAY,
    TRAINEE,
    finished_attempt,
    new_unit,
    one,
    unit_with_trainee,
)

BASE = "https://dash.example.org"


@pytest.fixture
def staff_settings(settings: Settings) -> Settings:
    return replace(settings, admins=frozenset({ADMIN}), web_url=BASE)


@pytest.fixture
async def bot(staff_settings: Settings, library: Library, bot_api: FakeBotApi) -> AsyncIterator[Bot]:
    running = await launch(staff_settings, library, bot_api, today=lambda: TODAY)
    running.store.clock = runs_from(TODAY)  # calls finish on the dashboard's today: this month's figures hold them
    yield running
    await shutdown(running)


@pytest.fixture
def dashboard(bot: Bot, library: Library) -> Dashboard:
    department = Department(bot.store, library, frozenset({ADMIN}), UTC)
    return Dashboard(department, TOKEN, BASE, lambda: TODAY, bot.app.bot_data["sender"].wake)


def client(dashboard: Dashboard) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=build_web_app(dashboard))
    return httpx.AsyncClient(transport=transport, base_url=BASE)


@asynccontextmanager
async def signed_in(dashboard: Dashboard, user_id: int) -> AsyncIterator[httpx.AsyncClient]:
    """A client with a session, signed in by a one-time link as a browser would."""
    async with client(dashboard) as web:
        token = SignIn(dashboard.store).new_link(user_id)
        page = await web.get(f"/login?t={token}")
        assert page.status_code == 200 and "Sign in" in page.text
        response = await web.post("/login", data={"t": token})
        assert response.status_code == 303 and response.headers["location"] == "/"
        yield web


@asynccontextmanager
async def demoted_session(dashboard: Dashboard, user_id: int = TRAINEE) -> AsyncIterator[httpx.AsyncClient]:
    """A client holding a session of someone who is a trainee now (signed in while an instructor, then
    demoted): trainees can't sign in, and a session never outlives the role: its first request ends it."""
    async with client(dashboard) as web:
        web.cookies.set(COOKIE, SignIn(dashboard.store).new_session(user_id))
        yield web


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


@pytest.fixture
async def world(bot: Bot) -> dict:
    """A unit with a trainee who finished a call, and a rival instructor with a unit of their own."""
    await unit_with_trainee(bot)
    attempt_id = await finished_attempt(bot)
    await new_unit(bot, RIVAL, "Night shift")
    units = {u["name"]: u["id"] for u in bot.store.db.query("select id, name from units")}
    return {"attempt": attempt_id, "unit": units["Day shift"], "rival_unit": units["Night shift"]}


def pages(world: dict) -> list[str]:
    return [
        "/",
        f"/units/{world['unit']}",
        f"/units/{world['unit']}/trainees/{TRAINEE}",
        f"/attempts/{world['attempt']}",
    ]


# --- /dashboard in the bot -----------------------------------------------------------------------


async def test_dashboard_command_sends_a_mini_app_button_and_a_one_time_link(bot: Bot, world: dict) -> None:
    reply = await one(bot, INSTRUCTOR, "/dashboard")
    assert BASE in reply and "10 minutes" in reply
    markup = json.loads(bot.api.sent("sendMessage", INSTRUCTOR)[-1].params["reply_markup"])["inline_keyboard"]
    assert markup[0][0]["web_app"] == {"url": f"{BASE}/app"}
    link = markup[1][0]["url"]
    assert link.startswith(f"{BASE}/login?t=")
    token = link.split("t=", 1)[1]
    stored = bot.store.db.execute("select token_hash from web_links").fetchall()
    assert token not in json.dumps(stored), "only a hash of the link is stored"
    outbox = bot.store.db.execute("select body from outbox where sent is not null").fetchall()
    assert outbox and token not in json.dumps(outbox), "the delivered message's link is wiped from the outbox"


async def test_trainees_are_refused_the_dashboard_command(bot: Bot, world: dict) -> None:
    reply = await one(bot, TRAINEE, "/dashboard")
    assert reply == "/dashboard needs the instructor role."
    assert bot.store.db.execute("select count(*) from web_links").fetchone()[0] == 0


# --- sign-in -------------------------------------------------------------------------------------


async def test_pages_need_a_session(dashboard: Dashboard, world: dict) -> None:
    async with client(dashboard) as web:
        for path in [*pages(world), "/audit"]:
            assert (await web.get(path)).status_code == 401, path
        response = await web.post(f"/attempts/{world['attempt']}/override", data={"reason": "x"})
        assert response.status_code == 401


async def test_a_link_works_once(dashboard: Dashboard, world: dict) -> None:
    token = SignIn(dashboard.store).new_link(INSTRUCTOR)
    async with client(dashboard) as first, client(dashboard) as second:
        assert (await first.post("/login", data={"t": token})).status_code == 303
        cookie = first.cookies.get(COOKIE)
        assert cookie and (await first.get("/")).status_code == 200
        again = await second.post("/login", data={"t": token})
        assert again.status_code == 403 and "already used" in again.text
        assert (await second.get("/")).status_code == 401


async def test_an_expired_link_is_refused(bot: Bot, dashboard: Dashboard, world: dict) -> None:
    token = SignIn(dashboard.store).new_link(INSTRUCTOR)
    past = (bot.store.clock() - timedelta(minutes=1)).isoformat(timespec="seconds")
    bot.store.db.execute("update web_links set expires = ?", [past])
    async with client(dashboard) as web:
        assert (await web.post("/login", data={"t": token})).status_code == 403
        assert (await web.post("/login", data={"t": "made-up"})).status_code == 403
        assert (await web.get("/")).status_code == 401


async def test_session_cookie_is_http_only_strict_and_secure(dashboard: Dashboard, world: dict) -> None:
    token = SignIn(dashboard.store).new_link(INSTRUCTOR)
    async with client(dashboard) as web:
        response = await web.post("/login", data={"t": token})
        cookie = response.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie and "secure" in cookie
        raw = web.cookies.get(COOKIE)
        stored = dashboard.store.db.execute("select token_hash from web_sessions").fetchall()
        assert raw not in json.dumps(stored), "only a hash of the session is stored"


async def test_an_idle_session_lapses(bot: Bot, dashboard: Dashboard, world: dict) -> None:
    async with signed_in(dashboard, INSTRUCTOR) as web:
        assert (await web.get("/")).status_code == 200
        idle = (bot.store.clock() - timedelta(hours=12, minutes=1)).isoformat(timespec="seconds")
        bot.store.db.execute("update web_sessions set seen_at = ?", [idle])
        assert (await web.get("/")).status_code == 401


def init_data(user_id: int, auth_date: float | None = None) -> str:
    user = json.dumps({"id": user_id, "first_name": "Pat"}, separators=(",", ":"))
    fields = {"auth_date": str(int(auth_date or time.time())), "query_id": "AAH", "user": user}
    return sign_init_data(fields, TOKEN)


async def test_valid_init_data_signs_in(dashboard: Dashboard, world: dict) -> None:
    async with client(dashboard) as web:
        assert "app.js" in (await web.get("/app")).text
        response = await web.post("/auth/telegram", data={"init_data": init_data(INSTRUCTOR)})
        assert response.status_code == 303
        assert (await web.get("/")).status_code == 200


@pytest.mark.parametrize("tamper", ["user", "hash", "old", "other_token", "empty"])
async def test_tampered_or_stale_init_data_is_refused(dashboard: Dashboard, world: dict, tamper: str) -> None:
    data = init_data(INSTRUCTOR)
    if tamper == "user":
        data = data.replace(str(INSTRUCTOR), str(ADMIN))
    elif tamper == "hash":
        data = data[:-1] + ("0" if data[-1] != "0" else "1")
    elif tamper == "old":
        data = init_data(INSTRUCTOR, time.time() - 86400 - 60)
    elif tamper == "other_token":
        user = json.dumps({"id": INSTRUCTOR, "first_name": "Pat"})
        data = sign_init_data({"auth_date": str(int(time.time())), "user": user}, "123:other")
    else:
        data = ""
    async with client(dashboard) as web:
        assert (await web.post("/auth/telegram", data={"init_data": data})).status_code == 403
        assert (await web.get("/")).status_code == 401


# --- roles and visibility ---------------------------------------------------------------------------


async def test_trainee_is_refused_every_page(dashboard: Dashboard, world: dict) -> None:
    for path in [*pages(world), "/audit"]:
        async with demoted_session(dashboard) as web:
            response = await web.get(path)
            assert response.status_code == 401 and "not signed in" in response.text, path
    assert not list(dashboard.store.db.query("select * from web_sessions")), "each session ended at once (issue 20)"


async def test_instructor_sees_their_unit_trainee_and_transcript(dashboard: Dashboard, world: dict) -> None:
    async with signed_in(dashboard, INSTRUCTOR) as web:
        overview = await web.get("/")
        assert overview.status_code == 200
        assert "Day shift" in overview.text and "Night shift" not in overview.text
        assert "Automatic fails" in overview.text and "Weakest" in overview.text
        unit = await web.get(f"/units/{world['unit']}")
        assert unit.status_code == 200 and f"/units/{world['unit']}/trainees/{TRAINEE}" in unit.text
        trainee = await web.get(f"/units/{world['unit']}/trainees/{TRAINEE}")
        assert trainee.status_code == 200 and f"/attempts/{world['attempt']}" in trainee.text
        transcript = await web.get(f"/attempts/{world['attempt']}")
        assert transcript.status_code == 200
        assert f'href="/units/{world["unit"]}/trainees/{TRAINEE}"' in transcript.text, "the way back to the trainee"
        assert '<mark title="Greeting">' in transcript.text and '<mark title="Empathy">' in transcript.text
        assert 'name="csrf"' in transcript.text and 'name="reason"' in transcript.text
        assert (await web.get("/audit")).status_code == 200, "their units' audit log (test_dashboard_audit)"
        assert transcript.headers["content-security-policy"].startswith("default-src 'self'")


async def test_another_units_instructor_is_refused(dashboard: Dashboard, world: dict) -> None:
    async with signed_in(dashboard, RIVAL) as web:
        overview = await web.get("/")
        assert overview.status_code == 200 and "Night shift" in overview.text and "Day shift" not in overview.text
        for path in pages(world)[1:]:
            assert (await web.get(path)).status_code == 403, path
        page = await web.get(f"/units/{world['rival_unit']}")
        assert page.status_code == 200
        csrf = csrf_of(page.text)
        response = await web.post(
            f"/attempts/{world['attempt']}/override",
            data={"csrf": csrf, "criterion": "greeting", "verdict": "missed", "reason": "no"},
        )
        assert response.status_code == 403
    assert not list(dashboard.store.db.query("select * from overrides"))


async def test_admin_sees_every_unit_and_the_audit_log(dashboard: Dashboard, world: dict) -> None:
    async with signed_in(dashboard, ADMIN) as web:
        overview = await web.get("/")
        assert "Day shift" in overview.text and "Night shift" in overview.text
        for path in pages(world):
            assert (await web.get(path)).status_code == 200, path
        audit = await web.get("/audit")
        assert audit.status_code == 200 and "created a unit" in audit.text
        assert (await web.get("/audit?page=5")).status_code == 200


async def test_a_demoted_instructor_is_refused_at_once(bot: Bot, dashboard: Dashboard, world: dict) -> None:
    async with signed_in(dashboard, INSTRUCTOR) as web:
        assert (await web.get("/")).status_code == 200
        await one(bot, ADMIN, f"/demote {INSTRUCTOR}")
        assert (await web.get("/")).status_code == 401, "the session ended with the role (issue 20)"


async def test_names_are_escaped(bot: Bot, dashboard: Dashboard, world: dict) -> None:
    bot.store.db.execute("update units set name = '<script>alert(1)</script>' where id = ?", [world["unit"]])
    async with signed_in(dashboard, INSTRUCTOR) as web:
        for path in ["/", f"/units/{world['unit']}"]:
            text = (await web.get(path)).text
            assert "<script>alert" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text


# --- forms ---------------------------------------------------------------------------------------


async def test_override_without_csrf_is_refused(dashboard: Dashboard, world: dict) -> None:
    async with signed_in(dashboard, INSTRUCTOR) as web:
        path = f"/attempts/{world['attempt']}/override"
        form = {"criterion": "greeting", "verdict": "missed", "reason": "Too quiet"}
        assert (await web.post(path, data=form)).status_code == 403
        assert (await web.post(path, data={**form, "csrf": "forged"})).status_code == 403
        assert (await web.post("/logout", data={})).status_code == 403
    assert not list(dashboard.store.db.query("select * from overrides"))


async def test_override_needs_a_reason(dashboard: Dashboard, world: dict) -> None:
    async with signed_in(dashboard, INSTRUCTOR) as web:
        csrf = csrf_of((await web.get(f"/attempts/{world['attempt']}")).text)
        response = await web.post(
            f"/attempts/{world['attempt']}/override",
            data={"csrf": csrf, "criterion": "greeting", "verdict": "missed", "reason": "   "},
        )
        assert response.status_code == 400 and "can&#x27;t be empty" in response.text
    assert not list(dashboard.store.db.query("select * from overrides"))


async def test_override_is_audited_and_the_trainee_told(bot: Bot, dashboard: Dashboard, world: dict) -> None:
    async with signed_in(dashboard, INSTRUCTOR) as web:
        csrf = csrf_of((await web.get(f"/attempts/{world['attempt']}")).text)
        response = await web.post(
            f"/attempts/{world['attempt']}/override",
            data={"csrf": csrf, "criterion": "greeting", "verdict": "missed", "reason": "No agency <name>."},
            follow_redirects=True,
        )
        assert response.status_code == 200
        assert "now missed" in response.text and "No agency &lt;name&gt;." in response.text
    (override,) = bot.store.db.query("select * from overrides")
    assert override["criterion"] == "greeting" and override["met"] == 0 and override["by"] == INSTRUCTOR
    audit = [r["detail"] for r in bot.store.db.query("select * from audit where action = 'override'")]
    assert audit == [f"attempt {world['attempt']} greeting -> missed: No agency <name>."]
    await bot.until(lambda: any("marked Greeting as missed" in t for t in bot.api.texts(TRAINEE)))
    notice = next(t for t in bot.api.texts(TRAINEE) if "marked Greeting as missed" in t)
    assert "Reason: No agency <name>. Your new total" in notice, "one full stop, however the reason ends"


async def test_sign_out_ends_the_session(dashboard: Dashboard, world: dict) -> None:
    async with signed_in(dashboard, INSTRUCTOR) as web:
        csrf = csrf_of((await web.get("/")).text)
        assert (await web.post("/logout", data={"csrf": csrf})).status_code == 200
        assert (await web.get("/")).status_code == 401


async def test_static_files_ship_in_the_package(dashboard: Dashboard) -> None:
    async with client(dashboard) as web:
        assert (await web.get("/static/style.css")).status_code == 200
        assert (await web.get("/static/app.js")).status_code == 200


async def test_run_serves_the_dashboard_in_the_bots_loop(staff_settings: Settings, library, bot_api) -> None:
    import socket

    from bot.practice.coach import Coach
    from bot.storage.store import Store
    from bot.tg.app import build_application, start_polling, stop_polling

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = replace(staff_settings, web_port=port)
    store = Store.open(settings.db_path)
    app = build_application(settings, Coach(library, store, settings.admins), web=dashboard_beside(settings))
    await start_polling(app, poll_interval=0, timeout=1)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as web:
            assert (await web.get("/static/style.css")).status_code == 200
            assert (await web.get("/")).status_code == 401
    finally:
        await stop_polling(app)
        store.close()
    with pytest.raises(httpx.ConnectError):
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as web:
            await web.get("/")


async def test_a_taken_port_is_named_and_nothing_else_breaks(staff_settings: Settings, library) -> None:
    import socket

    from bot.storage.store import Store
    from bot.web.serve import WebTask, web_server

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        settings = replace(staff_settings, web_port=taken.getsockname()[1])
        store = Store.open(settings.db_path)
        try:
            task = WebTask(web_server(settings, Department(store, library, settings.admins)))
            with pytest.raises(RuntimeError, match="could not listen"):
                await task.start()
            await task.stop()
        finally:
            store.close()


async def test_a_missed_criterion_shows_its_tip_and_sign_ins_are_audited(bot: Bot, dashboard: Dashboard) -> None:
    from tests.scripts import CURT

    await unit_with_trainee(bot)
    await one(bot, TRAINEE, "/practice car-break-in")
    for message in CURT["car-break-in"]:
        await bot.say(TRAINEE, message)
    await bot.until(lambda: bot.store.history(TRAINEE)[0]["status"] == "finished")
    attempt_id = bot.store.history(TRAINEE)[0]["id"]
    async with signed_in(dashboard, INSTRUCTOR) as web:
        text = (await web.get(f"/attempts/{attempt_id}")).text
        assert '<span class="missed">missed' in text and '<div class="tip">Tip: ' in text
        assert (await web.get(f"/units/1/trainees/{RIVAL}")).status_code == 404
    audit = [r["detail"] for r in bot.store.db.query("select * from audit where action = 'dashboard'")]
    assert audit == ["signed in (one-time link)"]
