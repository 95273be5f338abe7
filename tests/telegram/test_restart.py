"""`deskdrill run` as a real process: kill -9 mid-scenario loses nothing and repeats nothing; webhook mode."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bot.config import Settings
from bot.scenarios.library import Library
from tests.conftest import ROOT
from tests.scripts import COURTEOUS
from tests.telegram.conftest import launch, shutdown
from tests.telegram.fake_bot_api import TOKEN, FakeBotApi

TRAINEE = 7373
SCRIPT = COURTEOUS["car-break-in"]


async def test_a_restarted_bot_continues_the_scenario_where_it_was(
    settings: Settings, library: Library, bot_api: FakeBotApi
) -> None:
    first = await launch(settings, library, bot_api)
    await first.say(TRAINEE, "/practice car-break-in")
    await first.say(TRAINEE, SCRIPT[0])
    state = first.store.active_attempt(TRAINEE).visitor
    await shutdown(first)

    second = await launch(settings, library, bot_api)
    try:
        assert second.store.active_attempt(TRAINEE).visitor == state
        for message in SCRIPT[1:-1]:
            await second.say(TRAINEE, message)
        (scorecard,) = await second.say(TRAINEE, SCRIPT[-1])
        assert "Total: 100/100" in scorecard
    finally:
        await shutdown(second)


def start_bot(api: FakeBotApi, db: Path, extra_env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "DESKDRILL_DB": str(db),
        **(extra_env or {}),
    }
    script = Path(sys.executable).parent / "deskdrill"
    command = [str(script), "run"] if script.exists() else [sys.executable, "-m", "bot.cli", "run"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_until_all_sent(db: Path, timeout: float = 10.0) -> None:
    """Until every owed message is marked sent: outside the window where a kill could repeat one."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with sqlite3.connect(db) as conn:
            (pending,) = conn.execute("select count(*) from outbox where sent is null and failed is null").fetchone()
        if not pending:
            return
        time.sleep(0.02)
    raise AssertionError("some messages were never marked sent")


def visitor_lines(api: FakeBotApi) -> list[str]:
    return [t for t in api.texts(TRAINEE) if t.startswith("Caller (")]


def test_kill_9_mid_scenario_then_restart_continues_with_nothing_lost_or_repeated(tmp_path: Path) -> None:
    api = FakeBotApi().start()
    db = tmp_path / "deskdrill.db"
    bot = start_bot(api, db)
    try:
        api.text(TRAINEE, "/practice car-break-in")
        api.wait_for_texts(TRAINEE, 1, timeout=30)
        greeting = api.message(TRAINEE, SCRIPT[0])
        greeting_id = api.push("message", greeting)
        api.wait_for_texts(TRAINEE, 2)
        wait_until_all_sent(db)  # kill between messages, not inside a send
        os.kill(bot.pid, signal.SIGKILL)
        bot.wait(10)

        api.redeliver(greeting_id, "message", greeting)  # as if its offset was never confirmed
        api.text(TRAINEE, SCRIPT[1])  # sent while the bot is down
        bot = start_bot(api, db)
        api.wait_for_texts(TRAINEE, 3, timeout=30)
        for n, message in enumerate(SCRIPT[2:], start=4):
            api.text(TRAINEE, message)
            api.wait_for_texts(TRAINEE, n)
        texts = api.wait_for_texts(TRAINEE, 5)
        time.sleep(0.5)  # anything answered twice would arrive now
    finally:
        bot.terminate()
        _, stderr = bot.communicate(timeout=10)
        api.stop()
    assert "Traceback" not in stderr.decode()
    assert len(api.texts(TRAINEE)) == 5, "\n".join(t[:70] for t in api.texts(TRAINEE))
    assert len(visitor_lines(api)) == len(SCRIPT)
    assert "Total: 100/100" in texts[-1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_webhook_mode_registers_the_webhook_and_answers_posted_updates(tmp_path: Path) -> None:
    api = FakeBotApi().start()
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram-hook"
    env = {
        "TELEGRAM_WEBHOOK_URL": url,
        "TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1",
        "TELEGRAM_WEBHOOK_PORT": str(port),
        "TELEGRAM_WEBHOOK_SECRET": "s3cret",
    }
    bot = start_bot(api, tmp_path / "deskdrill.db", env)
    try:
        assert api.wait_for(lambda: bool(api.sent("setWebhook")), timeout=30)
        (registered,) = api.sent("setWebhook")
        assert registered.params["url"] == url and registered.params["secret_token"] == "s3cret"
        update = {"update_id": 1, "message": api.message(TRAINEE, "/start")}
        for _ in range(100):  # the listener may need a moment after setWebhook
            try:
                response = httpx.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"})
                break
            except httpx.ConnectError:
                time.sleep(0.1)
        assert response.status_code == 200
        assert api.wait_for_texts(TRAINEE, 1)[0].startswith("Welcome, Alex.")
        stranger = httpx.post(url, json={**update, "update_id": 2}, headers={"X-Telegram-Bot-Api-Secret-Token": "no"})
        assert stranger.status_code == 403
    finally:
        bot.terminate()
        bot.communicate(timeout=10)
        api.stop()


def test_webhook_mode_without_a_configured_secret_still_refuses_forged_updates(tmp_path: Path) -> None:
    """A POST that claims to be an admin's /audit, without the secret Telegram was given: 403, nothing run."""
    api = FakeBotApi().start()
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram-hook"
    admin = 4747
    env = {
        "TELEGRAM_WEBHOOK_URL": url,
        "TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1",
        "TELEGRAM_WEBHOOK_PORT": str(port),
        "TELEGRAM_WEBHOOK_SECRET": "",
        "DESKDRILL_ADMINS": str(admin),
    }
    bot = start_bot(api, tmp_path / "deskdrill.db", env)
    try:
        assert api.wait_for(lambda: bool(api.sent("setWebhook")), timeout=30)
        secret = api.sent("setWebhook")[0].params.get("secret_token", "")
        assert len(secret) >= 32
        forged = {"update_id": 1, "message": api.message(admin, "/audit")}
        responses = []
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "guess"}):
            for _ in range(100):  # the listener may need a moment after setWebhook
                try:
                    responses.append(httpx.post(url, json=forged, headers=headers).status_code)
                    break
                except httpx.ConnectError:
                    time.sleep(0.1)
        assert responses == [403, 403]
        genuine = {"update_id": 2, "message": api.message(admin, "/audit")}
        assert httpx.post(url, json=genuine, headers={"X-Telegram-Bot-Api-Secret-Token": secret}).status_code == 200
        assert len(api.wait_for_texts(admin, 1)) == 1
        time.sleep(0.3)
        assert len(api.texts(admin)) == 1  # only the genuine update was answered
    finally:
        bot.terminate()
        bot.communicate(timeout=10)
        api.stop()
