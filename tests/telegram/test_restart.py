"""Stopping the bot mid-scenario, even with kill -9, loses nothing and answers nothing twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bot.config import Settings
from bot.library import Library
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


def start_bot(api: FakeBotApi, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url, "DESKDRILL_DB": str(db)}
    script = Path(sys.executable).parent / "deskdrill"
    command = [str(script), "run"] if script.exists() else [sys.executable, "-m", "bot.cli", "run"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_until_delivered(db: Path, update_id: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with sqlite3.connect(db) as conn:
            row = conn.execute("select delivered from updates where update_id = ?", [update_id]).fetchone()
        if row and row[0]:
            return
        time.sleep(0.02)
    raise AssertionError(f"update {update_id} was never marked delivered")


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
        wait_until_delivered(db, greeting_id)  # kill between messages, not inside a send
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
