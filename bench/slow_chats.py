"""Does one chat's slow moment hold up the others? Latency of a quick reply while others are slow.

    python bench/slow_chats.py [--slow 8] [--charts 8]

In one process, over the loopback Bot API stand-in: `--slow` chats whose sends hang for
5 s each and `--charts` trainees asking for a progress chart (drawn in a thread), while
20 other trainees each send /help. Prints the other trainees' p50/max reply time for each
sender concurrency (the HTTP pool is sized with it), so the choice in bot/tg/app.py is
measured, not guessed.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bot.tg.app as tg_app  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.scenarios.library import load_library  # noqa: E402
from tests.telegram.conftest import launch, shutdown  # noqa: E402
from tests.telegram.fake_bot_api import TOKEN, FakeBotApi  # noqa: E402


async def measure(concurrency: int, slow: int, charts: int) -> list[float]:
    tg_app.SENDER_CONCURRENCY = concurrency
    api = await FakeBotApi().serve()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(token=TOKEN, db_path=Path(tmp) / "d.db", admins=frozenset(), api_base_url=api.base_url)
        bot = await launch(settings, load_library([ROOT / "scenarios"]), api)
        try:
            for user in range(100, 100 + charts):  # a few finished attempts each, so there is a chart to draw
                bot.store.register(user, user, "Alex", None)
                for _ in range(3):
                    bot.coach.start(_user(user), "car-break-in")
                    bot.coach.end(_user(user))
            bot.app.bot_data["sender"].wake()
            await bot.app.bot_data["sender"].idle(30)
            for user in range(200, 200 + slow):
                api.slow_down(user, 5.0)
                api.text(user, "/help")
            for user in range(100, 100 + charts):
                api.text(user, "/progress")
            await asyncio.sleep(0.2)
            latencies = []
            for user in range(300, 320):
                before = len(api.texts(user))
                started = time.monotonic()
                api.text(user, "/help")
                while len(api.texts(user)) == before:
                    await asyncio.sleep(0.002)
                latencies.append(1000 * (time.monotonic() - started))
            return latencies
        finally:
            for user in range(200, 200 + slow):
                api.slow_down(user, 0.0)
            await shutdown(bot)
            await api.aclose()


def _user(user_id: int):
    from bot.practice.coach import User

    return User(user_id, user_id, "Alex")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--slow", type=int, default=8)
    parser.add_argument("--charts", type=int, default=8)
    args = parser.parse_args()
    print(f"{args.slow} chats with 5 s sends, {args.charts} charts being drawn; 20 other trainees send /help")
    print("sender concurrency   p50 ms   max ms")
    for concurrency in (4, 8, 16, 32, 64):
        latencies = asyncio.run(measure(concurrency, args.slow, args.charts))
        print(f"{concurrency:>18}   {statistics.median(latencies):6.0f}   {max(latencies):6.0f}")


if __name__ == "__main__":
    main()
