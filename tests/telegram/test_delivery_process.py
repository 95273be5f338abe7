"""`deskdrill run` sends through a delivery process of its own (bot.tg.delivery): real processes, real kills.

The bot plays the visitor and stores what it owes; the delivery process sends it. Killing either
one loses nothing and sends nothing twice, and the delivery process never outlives the bot.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.storage.store import Store
from bot.tg.delivery import DeliveryProcess
from tests.scripts import COURTEOUS
from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.test_restart import start_bot, visitor_lines, wait_until_all_sent

TRAINEE = 7373
SCRIPT = COURTEOUS["car-break-in"]


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def wait_for_child(pid: int, other_than: int | None = None, timeout: float = 20.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [c for c in children(pid) if c != other_than]
        if found:
            return found[0]
        time.sleep(0.05)
    raise AssertionError("no delivery process was started")


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_the_delivery_process_killed_mid_call_is_started_again_and_nothing_is_lost_or_repeated(
    tmp_path: Path,
) -> None:
    api = FakeBotApi().start()
    db = tmp_path / "deskdrill.db"
    bot = start_bot(api, db)
    try:
        api.text(TRAINEE, "/practice car-break-in")
        api.wait_for_texts(TRAINEE, 1, timeout=30)
        api.text(TRAINEE, SCRIPT[0])
        api.wait_for_texts(TRAINEE, 2)
        wait_until_all_sent(db)
        first = wait_for_child(bot.pid)
        os.kill(first, signal.SIGKILL)

        api.text(TRAINEE, SCRIPT[1])  # answered by the bot while nothing can send it
        second = wait_for_child(bot.pid, other_than=first)
        api.wait_for_texts(TRAINEE, 3, timeout=30)
        for n, message in enumerate(SCRIPT[2:], start=4):
            api.text(TRAINEE, message)
            api.wait_for_texts(TRAINEE, n)
        texts = api.wait_for_texts(TRAINEE, len(SCRIPT) + 1)
        time.sleep(0.5)  # anything sent twice would arrive now
    finally:
        bot.terminate()
        _, stderr = bot.communicate(timeout=15)
        api.stop()
    log = stderr.decode()
    assert second != first
    assert "the delivery process stopped" in log and "Traceback" not in log
    assert len(api.texts(TRAINEE)) == len(SCRIPT) + 1, "\n".join(t[:70] for t in api.texts(TRAINEE))
    assert len(visitor_lines(api)) == len(SCRIPT)
    assert "Total: 100/100" in texts[-1]


def answering(api: FakeBotApi, db: Path) -> tuple[subprocess.Popen[bytes], int]:
    """`deskdrill run` started and answering a first message: the bot and its delivery process's pid."""
    bot = start_bot(api, db)
    api.text(TRAINEE, "/start")
    api.wait_for_texts(TRAINEE, 1, timeout=30)
    return bot, wait_for_child(bot.pid)


def test_the_delivery_process_never_outlives_the_bot_even_after_kill_9(tmp_path: Path) -> None:
    api = FakeBotApi().start()
    bot, delivery = answering(api, tmp_path / "deskdrill.db")
    try:
        os.kill(bot.pid, signal.SIGKILL)
        bot.wait(10)
        deadline = time.monotonic() + 10
        while alive(delivery) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(delivery), "the delivery process went on after its bot was killed"
    finally:
        if bot.poll() is None:
            bot.kill()
        api.stop()


def test_a_stopped_bot_stops_its_delivery_process_cleanly(tmp_path: Path) -> None:
    api = FakeBotApi().start()
    bot, delivery = answering(api, tmp_path / "deskdrill.db")
    try:
        bot.send_signal(signal.SIGTERM)
        _, stderr = bot.communicate(timeout=15)
    finally:
        api.stop()
    assert bot.returncode == 0 and not alive(delivery)
    assert "Traceback" not in stderr.decode() and "killing it" not in stderr.decode()


async def test_a_delivery_process_that_cannot_start_or_keeps_dying_is_tried_again_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = Store.open(tmp_path / "deskdrill.db")
    try:
        for command in (["/nonexistent/deskdrill-delivery"], [sys.executable, "-c", "raise SystemExit(3)"]):
            caplog.clear()
            delivery = DeliveryProcess(store.outbox, command, restart_pause=0.05)
            with caplog.at_level(logging.ERROR, logger="bot.tg.delivery"):
                delivery.start()
                await asyncio.sleep(1.5)
                delivery.wake(5)  # nothing running to wake: no error either
                await delivery.stop()
            tries = [r.getMessage() for r in caplog.records if "the delivery process stopped" in r.getMessage()]
            assert len(tries) >= 2, tries
            assert "not started" in tries[0] if command[0].startswith("/nonexistent") else "status 3" in tries[0]
    finally:
        store.close()
