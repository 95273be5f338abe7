"""Outages the bot must sit out calmly: a full disk, an unreachable Bot API.

    python bench/outages.py [--seconds 30]

`deskdrill run` runs as a real process against the loopback Bot API stand-in. For each outage,
five trainees write to the bot while it lasts; the script prints the bot's CPU use over the
outage (a share of one core), the lines it logged, and whether every message sent during the
outage was answered after it. Targets (issue 20): CPU below 10%, fewer than 20 log lines, nothing
lost.

- Disk full: a file-size limit set on the running process (prlimit), so every write past 4 KiB
  of any file fails, as on a full disk.
- Bot API unreachable: the bot reaches the stand-in through a TCP relay, which is closed for the
  outage (connections refused), then opened again on the same port.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.telegram.fake_bot_api import TOKEN, FakeBotApi  # noqa: E402
from tests.telegram.test_disk_full import TRAINEES, cpu_seconds, disk_full  # noqa: E402

TARGET_CPU, TARGET_LINES = 0.10, 20


class Relay:
    """A TCP relay to the stand-in that can refuse connections for a while (an unreachable Bot API)."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.loop = asyncio.new_event_loop()
        self.server: asyncio.Server | None = None
        self.port = 0
        self.links: set[asyncio.StreamWriter] = set()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    def up(self) -> None:
        asyncio.run_coroutine_threadsafe(self._listen(), self.loop).result(10)

    def down(self) -> None:
        asyncio.run_coroutine_threadsafe(self._close(), self.loop).result(10)

    async def _listen(self) -> None:
        self.server = await asyncio.start_server(self._relay, "127.0.0.1", self.port)
        self.port = self.server.sockets[0].getsockname()[1]

    async def _close(self) -> None:
        assert self.server is not None
        self.server.close()
        for writer in list(self.links):
            writer.close()
        await self.server.wait_closed()

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return
        self.links |= {writer, up_writer}

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, asyncio.CancelledError):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self.links -= {writer, up_writer}


def api_unreachable(folder: Path, seconds: float) -> tuple[float, list[str], int]:
    api = FakeBotApi().start()
    relay = Relay(int(api.base_url.split(":")[2].split("/")[0]))
    relay.up()
    log_path = folder / "bot.log"
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{relay.port}/bot",
        "DESKDRILL_DB": str(folder / "deskdrill.db"),
    }
    script = Path(sys.executable).parent / "deskdrill"
    command = [str(script), "run"] if script.exists() else [sys.executable, "-m", "bot.cli", "run"]
    with log_path.open("wb") as log:
        bot = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    try:
        api.text(1, "/start")
        api.wait_for_texts(1, 1, timeout=30)
        time.sleep(6)
        before = len(log_path.read_text().splitlines())
        relay.down()
        start, cpu_before = time.monotonic(), cpu_seconds(bot.pid)
        for trainee in TRAINEES:
            api.text(trainee, "/start")
        time.sleep(seconds)
        share = (cpu_seconds(bot.pid) - cpu_before) / (time.monotonic() - start)
        lines = log_path.read_text().splitlines()[before:]
        relay.up()
        api.wait_for(lambda: all(api.texts(t) for t in TRAINEES), timeout=90)
        answered = sum(1 for t in TRAINEES if api.texts(t))
    finally:
        bot.terminate()
        bot.wait(20)
        api.stop()
    return share, lines, answered


def report(name: str, share: float, lines: list[str], answered: int, seconds: float) -> None:
    ok = share < TARGET_CPU and len(lines) < TARGET_LINES and answered == len(TRAINEES)
    print(
        f"{name}, {seconds:.0f} s: CPU {share:.1%} of a core, {len(lines)} log lines, "
        f"{answered}/{len(TRAINEES)} messages sent meanwhile answered after "
        f"({'meets' if ok else 'MISSES'} the targets: CPU < {TARGET_CPU:.0%}, < {TARGET_LINES} lines, none lost)"
    )
    for line in lines:
        print(f"    {line[:160]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = disk_full(Path(tmp), args.seconds)
        report("disk full", result.cpu_share, result.log_lines, result.answered, args.seconds)
    with tempfile.TemporaryDirectory() as tmp:
        share, lines, answered = api_unreachable(Path(tmp), args.seconds)
        report("Bot API unreachable", share, lines, answered, args.seconds)


if __name__ == "__main__":
    main()
