"""Telegram load benchmark over the loopback Bot API stand-in.

    python bench/telegram_load.py [--trainees 50] [--seconds 15] [--attempts 10000]

N simulated trainees practise whole scenarios at once against `deskdrill run` (a real
process, polling the stand-in over HTTP), and the same load runs against a minimal echo
bot (bench/echo_bot.py) on the same harness. Two loads: saturated (each trainee sends
the next message as soon as the last is answered) and paced (each waits 0.3 to 0.9 s,
as a fast typist would). Prints updates handled a second, p50/p95 latency from an
update's arrival to the bot's first reply, the throughput ratio, and DeskDrill's
resident memory in the paced run, with --attempts attempts in progress in its database,
and each bot's CPU milliseconds per update (user plus system time, from /proc, over the
run). DeskDrill is two processes, the bot and its delivery process (bot.tg.delivery):
its CPU is the sum over both, and its memory their resident sizes summed (peak; the target
is judged on this, the stricter figure, as each counts the shared libraries in full), with
their proportional set sizes added beside it (PSS: what they occupy together). Each bot
answers a first message before the clock starts, so start-up is not counted. The host's
scheduling noise moves single runs a lot, so each bot and load runs --rounds times, alternated, and the medians count.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.practice.coach import Coach, User  # noqa: E402
from bot.scenarios.library import load_library  # noqa: E402
from bot.storage.store import Store  # noqa: E402
from tests.scripts import COURTEOUS  # noqa: E402
from tests.telegram.fake_bot_api import TOKEN, Call, FakeBotApi  # noqa: E402

TARGET_RATIO, TARGET_P95_MS, TARGET_RSS_MB = 0.8, 30.0, 150.0
WARM_UP_CHAT = 9_999


@dataclass
class Run:
    bot: str
    load: str
    handled: int = 0
    failures: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    rss_mb: float | None = None
    pss_mb: float | None = None
    peak_mb: float | None = None
    cpu_seconds: float | None = None

    @property
    def cpu_ms_per_update(self) -> float:
        return 1000 * self.cpu_seconds / self.handled if self.cpu_seconds and self.handled else float("nan")

    @property
    def rate(self) -> float:
        return self.handled / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def bot_command(kind: str) -> list[str]:
    if kind == "echo":
        return [sys.executable, str(ROOT / "bench" / "echo_bot.py")]
    script = Path(sys.executable).parent / "deskdrill"
    return [str(script), "run"] if script.exists() else [sys.executable, "-m", "bot.cli", "run"]


def tree(pid: int) -> list[int]:
    """The process and its children (DeskDrill's delivery process, bot.tg.delivery), from /proc."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return [pid, *(int(c) for c in children)]


def memory_mb(pid: int) -> tuple[float | None, float | None]:
    """(VmRSS, VmHWM) in MB, summed over the process and its children (pages they share counted in each,
    so the sum is an upper bound); None where /proc is not there."""
    rss = peak = 0.0
    for member in tree(pid):
        try:
            fields = dict(line.split(":", 1) for line in Path(f"/proc/{member}/status").read_text().splitlines())
        except OSError:
            return None, None
        rss, peak = rss + int(fields["VmRSS"].split()[0]) / 1024, peak + int(fields["VmHWM"].split()[0]) / 1024
    return rss, peak


def pss_mb(pid: int) -> float | None:
    """Proportional set size summed over the process and its children: pages they share split between them,
    so the sum is the memory the two occupy together."""
    total = 0.0
    for member in tree(pid):
        try:
            rollup = Path(f"/proc/{member}/smaps_rollup").read_text().splitlines()
        except OSError:
            return None
        total += next(int(line.split()[1]) for line in rollup if line.startswith("Pss:")) / 1024
    return total


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time so far of the process and its children, from /proc."""
    total = 0.0
    for member in tree(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def seed_attempts(db: Path, count: int) -> None:
    """Put `count` attempts in progress into the database, one per made-up trainee."""
    library = load_library([ROOT / "scenarios"])
    store = Store.open(db)
    coach = Coach(library, store, seeds=lambda: 1)
    ids = sorted(library.scenarios)
    start = time.perf_counter()
    for n in range(count):
        user = User(1_000_000 + n, 1_000_000 + n, f"Trainee {n}")
        coach.start(user, ids[n % len(ids)])
        coach.say(user, "Good morning, Harbor Station, Deputy Park speaking.")
        if n and n % 2000 == 0:
            print(f"  seeding attempts in progress: {n:,}/{count:,} ({time.perf_counter() - start:.0f} s)", flush=True)
    store.db.execute("update outbox set sent = created")  # delivered long ago, like the rest of their past
    store.close()


async def trainee(n: int, kind: str, load: str, api: FakeBotApi, queues: dict, deadline: float, run: Run) -> None:
    chat = 10_000 + n
    queue: asyncio.Queue[float] = asyncio.Queue()
    queues[chat] = queue
    rng = random.Random(n)
    scenario_ids = sorted(COURTEOUS)
    loop = asyncio.get_running_loop()
    if load == "paced":  # people do not all start typing at the same instant
        await asyncio.sleep(rng.uniform(0.0, 0.9))
    while loop.time() < deadline:
        scenario = scenario_ids[(n + run.handled) % len(scenario_ids)]
        script = [f"/practice {scenario}", *COURTEOUS[scenario]]
        for message in script:
            while not queue.empty():
                queue.get_nowait()
            sent_at = time.monotonic()
            api.text(chat, message)
            try:
                first = await asyncio.wait_for(queue.get(), timeout=10)
            except TimeoutError:
                run.failures += 1
                continue
            run.latencies.append(first - sent_at)
            run.handled += 1
            if load == "paced":
                await asyncio.sleep(rng.uniform(0.3, 0.9))
            if loop.time() >= deadline:
                return


async def ready(api: FakeBotApi, bot: subprocess.Popen, kind: str) -> None:
    """Until the bot has answered a first message: started, polling and sending (DeskDrill's delivery process
    too), so that start-up is not counted in the figures."""
    api.text(WARM_UP_CHAT, "/help")
    while not api.texts(WARM_UP_CHAT):
        if bot.poll() is not None:
            raise SystemExit(f"the {kind} bot exited with status {bot.returncode} before answering")
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)


async def measure(kind: str, load: str, trainees: int, seconds: float, attempts: int) -> Run:
    run = Run(kind, load)
    api = await FakeBotApi().serve()
    loop = asyncio.get_running_loop()
    queues: dict[int, asyncio.Queue[float]] = {}

    def on_call(call: Call) -> None:
        if call.method == "sendMessage":
            chat = int(call.params.get("chat_id", 0))
            if chat in queues:
                queues[chat].put_nowait(call.at)

    api.on_call = on_call
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "deskdrill.db"
        if kind == "deskdrill" and attempts:
            seed_attempts(db, attempts)
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "DESKDRILL_DB": str(db),
            "PYTHONPATH": str(ROOT),
        }
        if load == "saturated":  # simulated trainees answer in microseconds: no human-speed limit
            env |= {"DESKDRILL_USER_RATE": "100000", "DESKDRILL_USER_BURST": "100000"}
        bot = subprocess.Popen(
            bot_command(kind), cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            await ready(api, bot, kind)
            start, cpu_before = loop.time(), cpu_seconds(bot.pid)
            await asyncio.gather(*(trainee(n, kind, load, api, queues, start + seconds, run) for n in range(trainees)))
            run.seconds = loop.time() - start
            cpu_after = cpu_seconds(bot.pid)
            run.cpu_seconds = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
            run.rss_mb, run.peak_mb = memory_mb(bot.pid)
            run.pss_mb = pss_mb(bot.pid)
        finally:
            bot.terminate()
            await asyncio.to_thread(bot.wait, 10)  # the stand-in shares this loop: keep it serving
            await api.aclose()
    return run


def report(runs: list[Run], trainees: int, attempts: int) -> None:
    print(f"\n{'load':10} {'bot':10} {'updates/s':>10} {'p50 ms':>8} {'p95 ms':>8} {'CPU ms/update':>14} {'failed':>7}")
    for r in runs:
        print(
            f"{r.load:10} {r.bot:10} {r.rate:10.1f} {r.percentile(0.5):8.1f} {r.percentile(0.95):8.1f} "
            f"{r.cpu_ms_per_update:14.2f} {r.failures:7}"
        )
    rate = {
        bot: statistics.median(r.rate for r in runs if r.load == "saturated" and r.bot == bot)
        for bot in ("echo", "deskdrill")
    }
    ratio = rate["deskdrill"] / rate["echo"] if rate["echo"] else 0.0
    print(
        f"saturated, median of rounds: DeskDrill {rate['deskdrill']:.1f} vs echo {rate['echo']:.1f} updates/s, "
        f"ratio {ratio:.2f} ({'meets' if ratio >= TARGET_RATIO else 'MISSES'} the target >= {TARGET_RATIO})"
    )
    p95 = {
        bot: statistics.median(r.percentile(0.95) for r in runs if r.load == "paced" and r.bot == bot)
        for bot in ("echo", "deskdrill")
    }
    print(
        f"paced p95 latency at {trainees} trainees, median of rounds: {p95['deskdrill']:.1f} ms "
        f"(echo {p95['echo']:.1f} ms; {'meets' if p95['deskdrill'] < TARGET_P95_MS else 'MISSES'} "
        f"the target < {TARGET_P95_MS:.0f} ms)"
    )
    for load in ("saturated", "paced"):
        cpu = {
            bot: statistics.median(r.cpu_ms_per_update for r in runs if r.load == load and r.bot == bot)
            for bot in ("echo", "deskdrill")
        }
        print(
            f"CPU per update, {load}, median of rounds: DeskDrill {cpu['deskdrill']:.2f} ms, echo {cpu['echo']:.2f} ms "
            f"({cpu['deskdrill'] / cpu['echo']:.2f}x)"
        )
    paced = [r for r in runs if r.load == "paced" and r.bot == "deskdrill"][-1]
    if paced.rss_mb is not None:
        ok = (paced.peak_mb or 0) < TARGET_RSS_MB  # the stricter figure: shared libraries counted once a process
        print(
            f"DeskDrill memory (bot and delivery process) with {attempts:,} attempts in progress: resident sizes "
            f"summed {paced.rss_mb:.0f} MB now, {paced.peak_mb:.0f} MB peak ({'meets' if ok else 'MISSES'} the target "
            f"< {TARGET_RSS_MB:.0f} MB; each process counts the shared libraries in full); PSS {paced.pss_mb:.0f} MB "
            "together"
        )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3, help="runs of each bot and load, alternated; medians count")
    parser.add_argument("--attempts", type=int, default=10_000, help="attempts in progress for the memory figure")
    args = parser.parse_args()
    runs = []
    for load in ("saturated", "paced"):
        for round_ in range(1, args.rounds + 1):
            for kind in ("echo", "deskdrill"):
                # the memory figure comes from the last paced DeskDrill round, with attempts in progress
                attempts = args.attempts if (load, kind, round_) == ("paced", "deskdrill", args.rounds) else 0
                print(
                    f"{load} load, {kind} bot, round {round_}/{args.rounds}, {args.trainees} trainees, "
                    f"{args.seconds:.0f} s ...",
                    flush=True,
                )
                runs.append(await measure(kind, load, args.trainees, args.seconds, attempts))
    report(runs, args.trainees, args.attempts)


if __name__ == "__main__":
    asyncio.run(main())
