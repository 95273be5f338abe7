"""A disk that refuses writes, under `deskdrill run` as a real process: no spinning, a few log lines, nothing lost.

Issue 20: with the disk full, polling retried at once, forever: 94% CPU and a megabyte of log a
second. The fault is made real with a file-size limit set on the running process (prlimit): every
write past the first 4 KiB of any file fails, as on a full disk (SQLite reports "disk I/O error";
ENOSPC gives "database or disk is full", handled the same way). bench/outages.py runs it for 30 s,
and an unreachable Bot API too.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.telegram.fake_bot_api import TOKEN, FakeBotApi

TRAINEES = tuple(range(60_001, 60_006))
FAULT_SECONDS = 12.0
"""Long enough for the backoff to reach pauses of several seconds; bench/outages.py uses 30 s."""


@dataclass(frozen=True)
class DiskFull:
    seconds: float
    cpu_share: float
    """The bot's CPU time over the fault, as a share of one core."""
    log_lines: list[str]
    answered: int
    """Trainees whose message sent during the fault was answered after it."""


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def disk_full(folder: Path, seconds: float) -> DiskFull:
    """Start the bot, fill its disk for `seconds` while trainees write to it, free it, and measure."""
    api = FakeBotApi().start()
    log_path = folder / "bot.log"
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "DESKDRILL_DB": str(folder / "deskdrill.db"),
    }
    script = Path(sys.executable).parent / "deskdrill"
    command = [str(script), "run"] if script.exists() else [sys.executable, "-m", "bot.cli", "run"]
    with log_path.open("wb") as log:
        bot = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    try:
        api.text(1, "/start")
        api.wait_for_texts(1, 1, timeout=30)
        time.sleep(6)  # past the start-up jobs (pruning, reminders), so only the fault is measured
        before_lines = len(log_path.read_text().splitlines())
        _, hard = resource.prlimit(bot.pid, resource.RLIMIT_FSIZE)
        resource.prlimit(bot.pid, resource.RLIMIT_FSIZE, (4096, hard))  # the disk is full
        start, cpu_before = time.monotonic(), cpu_seconds(bot.pid)
        for trainee in TRAINEES:
            api.text(trainee, "/start")
        time.sleep(seconds)
        elapsed, cpu = time.monotonic() - start, cpu_seconds(bot.pid) - cpu_before
        lines = log_path.read_text().splitlines()[before_lines:]
        resource.prlimit(bot.pid, resource.RLIMIT_FSIZE, (hard, hard))  # space again
        api.wait_for(lambda: all(api.texts(t) for t in TRAINEES), timeout=60)
        answered = sum(1 for t in TRAINEES if api.texts(t))
    finally:
        bot.terminate()
        bot.wait(20)
        api.stop()
    return DiskFull(elapsed, cpu / elapsed, lines, answered)


@pytest.mark.skipif(not hasattr(resource, "prlimit") or not Path("/proc/self/stat").exists(), reason="Linux only")
def test_a_full_disk_makes_the_bot_wait_quietly_and_lose_nothing(tmp_path: Path) -> None:
    result = disk_full(tmp_path, FAULT_SECONDS)
    assert result.cpu_share < 0.10, f"{result.cpu_share:.0%} of a core"
    assert len(result.log_lines) < 20, "\n".join(result.log_lines)
    assert any("storing fetched updates in the database failed" in line for line in result.log_lines)
    assert not any("Traceback" in line for line in result.log_lines)
    assert result.answered == len(TRAINEES), "every message sent while the disk was full is answered after"
