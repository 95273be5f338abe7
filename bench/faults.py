"""Fault injection: trainees practise while the bot is killed, throttled and failed, and nothing is lost.

    python bench/faults.py [--trainees 20] [--kills 30] [--seed 1] [--max-seconds 300]

Loopback only and bounded in time. `deskdrill run` (a real process) polls the Bot API
stand-in. Twenty trainees practise whole calls, each sending its next message once the
last was answered; an instructor assigns scenarios to their unit (a notice to every
trainee each time) and the reminder job runs every second. Meanwhile the bot is killed
with SIGKILL at `--kills` random moments and restarted, and the stand-in answers bursts
of sends with 429 (retry after 1 s) and with 500.

It prints messages sent, answered exactly once, answered twice, never answered, and the
notices and reminders owed, delivered and lost. The target is 0 never answered and 0
lost. A message can be answered twice only inside the documented window: Telegram
accepted the send, and the process died before it marked the message sent, so after the
restart it is sent again. Those are counted (and each shows as an identical message
straight after the first).

DESKDRILL_FAULTS_LOG=PATH keeps the bot's log; DESKDRILL_FAULTS_DEBUG=1 prints the messages
around any repeat that no kill explains.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.scripts import COURTEOUS  # noqa: E402
from tests.telegram.fake_bot_api import TOKEN, FakeBotApi  # noqa: E402

ADMIN = 1
NOTICE, REMINDER = "New assignment", ("Reminder:", "Overdue:")
REPLY_TIMEOUT = 40.0


@dataclass
class Trainee:
    id: int
    sent: list[str] = field(default_factory=list)


class Harness:
    def __init__(self, trainees: int, seed: int, workdir: Path) -> None:
        self.random = random.Random(seed)
        self.api = FakeBotApi().start()
        self.db = workdir / "deskdrill.db"
        self.trainees = [Trainee(1000 + n) for n in range(trainees)]
        self.stop = threading.Event()
        self.bot: subprocess.Popen[bytes] | None = None
        self.kills = 0
        self.kill_times: list[float] = []
        self.faults = Counter()
        self.stderr = workdir / "bot.log"

    # --- the bot process ---------------------------------------------------------------

    def start_bot(self) -> None:
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": self.api.base_url,
            "DESKDRILL_DB": str(self.db),
            "DESKDRILL_ADMINS": str(ADMIN),
            "DESKDRILL_REMINDER_INTERVAL": "1",
            "DESKDRILL_USER_RATE": "50",
            "DESKDRILL_USER_BURST": "50",
        }
        script = Path(sys.executable).parent / "deskdrill"
        command = [str(script), "run"] if script.exists() else [sys.executable, "-m", "bot.cli", "run"]
        with self.stderr.open("ab") as log:
            self.bot = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)

    def kill(self) -> None:
        assert self.bot is not None
        self.kill_times.append(time.monotonic())
        os.kill(self.bot.pid, signal.SIGKILL)
        self.bot.wait(10)
        self.kills += 1

    # --- people ------------------------------------------------------------------------

    def say(self, user: int, text: str, count: int = 1, timeout: float = REPLY_TIMEOUT) -> list[str]:
        """Send as the user; wait until `count` more answers (not notices) arrived; return them."""
        before = len(self.answers(user))
        self.api.text(user, text)
        deadline = time.monotonic() + timeout
        while len(self.answers(user)) < before + count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.answers(user)[before:]

    def answers(self, user: int) -> list[str]:
        return [t for t in self.api.texts(user) if not t.startswith((NOTICE, *REMINDER))]

    def set_up_unit(self) -> str:
        self.say(ADMIN, "/start")
        (created,) = self.say(ADMIN, "/newunit Fault drill")
        code = created.split("Join code: ")[1].split()[0]
        for trainee in self.trainees:
            trainee.sent.append(f"/join {code}")
            self.say(trainee.id, f"/join {code}")
        return code

    def practise(self, trainee: Trainee) -> None:
        scenarios = sorted(COURTEOUS)
        while not self.stop.is_set():
            scenario = self.random.choice(scenarios)
            for text in [f"/practice {scenario}", *COURTEOUS[scenario], "/end"]:
                if self.stop.is_set():
                    return
                trainee.sent.append(text)
                self.say(trainee.id, text)

    def assign(self, code: str) -> None:
        tomorrow = (date.today() + timedelta(days=1)).isoformat()
        for scenario in sorted(COURTEOUS):
            if self.stop.wait(self.random.uniform(4, 8)):
                return
            self.say(ADMIN, f"/assign {scenario} {code} {tomorrow}", timeout=5)

    def inject(self) -> None:
        """Kill and restart the bot at random moments; bursts of 429s and 500s in between."""
        while not self.stop.is_set() and self.kills < self.planned_kills:
            if self.stop.wait(self.random.uniform(1.0, 3.5)):
                return
            fault = self.random.choice(["kill", "kill", "429", "500"])
            if fault == "kill":
                self.kill()
                time.sleep(self.random.uniform(0.0, 0.5))
                self.start_bot()
            elif fault == "429":
                self.api.fail_next("sendMessage", status=429, retry_after=1, times=self.random.randint(3, 12))
            else:
                self.api.fail_next("sendMessage", status=500, times=self.random.randint(2, 8))
            self.faults[fault] += 1

    # --- the run -------------------------------------------------------------------------

    def run(self, kills: int, max_seconds: float) -> None:
        self.planned_kills = kills
        self.start_bot()
        code = self.set_up_unit()
        workers = [threading.Thread(target=self.practise, args=(t,), daemon=True) for t in self.trainees]
        workers += [threading.Thread(target=self.assign, args=(code,), daemon=True)]
        injector = threading.Thread(target=self.inject, daemon=True)
        started = time.monotonic()
        for worker in [*workers, injector]:
            worker.start()
        while injector.is_alive() and time.monotonic() - started < max_seconds:
            time.sleep(0.2)
        self.stop.set()
        injector.join(10)
        for worker in workers:
            worker.join(REPLY_TIMEOUT + 5)
        self.drain(60)
        self.seconds = time.monotonic() - started

    def drain(self, timeout: float) -> None:
        """Let the bot finish everything it owes (and one more reminder run) before counting."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with sqlite3.connect(self.db) as conn:
                owed = conn.execute("select count(*) from outbox where sent is null and failed is null").fetchone()[0]
                inbox = conn.execute("select count(*) from inbox").fetchone()[0]
            if not owed and not inbox:
                break
            time.sleep(0.2)
        time.sleep(2.5)

    def close(self) -> None:
        if self.bot is not None:
            self.bot.terminate()
            try:
                self.bot.wait(10)
            except subprocess.TimeoutExpired:
                self.bot.kill()
        self.api.stop()


@dataclass
class Chat:
    """One trainee's chat as the stand-in saw it: each message the bot sent, and its repeats."""

    answers: list[str] = field(default_factory=list)
    notices: int = 0
    reminders: int = 0
    repeats: Counter = field(default_factory=Counter)
    """kind -> messages sent again straight after themselves (the same outbox row, re-sent)."""
    in_window: int = 0
    outside_window: int = 0
    unexplained: list[str] = field(default_factory=list)
    widest: float = 0.0
    """The longest time between a first copy and the kill that caused its repeat (seconds)."""


def read_chat(calls: list, kill_times: list[float]) -> Chat:
    """Split a chat into answers, notices and reminders; tell each repeat and whether a kill explains it.

    A repeat is a message identical to the one just before it in the chat: the sender delivers
    each chat in order, so a row re-sent after a restart comes straight after its first copy.
    It is inside the documented window when a kill fell between the two copies (or up to a second
    before the first: a request already on its way when the process died).
    """
    chat, previous = Chat(), None
    for call in calls:
        text = call.params.get("text", "")
        kind = "notice" if text.startswith(NOTICE) else "reminder" if text.startswith(REMINDER) else "answer"
        if previous is not None and text == previous.params.get("text", ""):
            chat.repeats[kind] += 1
            # The first copy may reach the stand-in just after the kill: the request was already in the
            # socket when the process died (the sender never saw the answer). Allow a second for that.
            kill = next((k for k in kill_times if previous.at - 1.0 <= k <= call.at), None)
            if kill is None:
                chat.outside_window += 1
                chat.unexplained.append(f"{call.at - previous.at:.2f} s apart: {text}")
                if os.environ.get("DESKDRILL_FAULTS_DEBUG"):
                    i = calls.index(call)
                    window = calls[max(0, i - 3) : i + 3]
                    print(
                        "--- unexplained repeat; kills near:",
                        [round(k - call.at, 3) for k in kill_times if abs(k - call.at) < 5],
                    )
                    for c in window:
                        print(round(c.at - call.at, 3), repr(c.params.get("text", "")[:60]))
            else:
                chat.in_window += 1
                chat.widest = max(chat.widest, abs(kill - previous.at))
        elif kind == "answer":
            chat.answers.append(text)
        elif kind == "notice":
            chat.notices += 1
        else:
            chat.reminders += 1
        previous = call
    return chat


def owed_notices(db: Path) -> tuple[Counter, Counter, int]:
    """Notices and reminders the database says are owed, by chat; and reminders never marked delivered."""
    with sqlite3.connect(db) as conn:
        notices = Counter(
            chat
            for (chat,) in conn.execute(
                "select u.chat_id from assignments a join unit_members m on m.unit_id = a.unit_id "
                "join users u on u.id = m.user_id"
            )
        )
        reminders = Counter(
            chat for (chat,) in conn.execute("select u.chat_id from reminders r join users u on u.id = r.user_id")
        )
        undelivered = conn.execute("select count(*) from reminders where delivered_at is null").fetchone()[0]
    return notices, reminders, undelivered


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trainees", type=int, default=20)
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-seconds", type=float, default=300.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        harness = Harness(args.trainees, args.seed, Path(tmp))
        try:
            harness.run(args.kills, args.max_seconds)
        finally:
            harness.close()
        totals, repeats, unexplained = Counter(), Counter(), []
        notices, reminders, undelivered = owed_notices(harness.db)
        lost_notices = lost_reminders = 0
        for trainee in harness.trainees:
            chat = read_chat(harness.api.sent("sendMessage", trainee.id), harness.kill_times)
            answered = min(len(chat.answers), len(trainee.sent))
            totals.update(
                sent=len(trainee.sent),
                answered=answered,
                never=len(trainee.sent) - answered,
                extra=len(chat.answers) - answered,
                in_window=chat.in_window,
                outside=chat.outside_window,
            )
            repeats.update(chat.repeats)
            unexplained += chat.unexplained
            totals["widest_ms"] = max(totals["widest_ms"], round(1000 * chat.widest))
            lost_notices += max(0, notices[trainee.id] - chat.notices)
            lost_reminders += max(0, reminders[trainee.id] - chat.reminders)
        log_text = harness.stderr.read_text(errors="replace")
        tracebacks = log_text.count("Traceback")
        if os.environ.get("DESKDRILL_FAULTS_LOG"):
            Path(os.environ["DESKDRILL_FAULTS_LOG"]).write_text(log_text)

    print(f"fault injection: {args.trainees} trainees, {harness.seconds:.0f} s, seed {args.seed}")
    print(
        f"faults: {harness.kills} kill -9 and restarts, {harness.faults['429']} bursts of 429, "
        f"{harness.faults['500']} bursts of 500"
    )
    print(f"trainee messages sent:       {totals['sent']}")
    print(f"answered exactly once:       {totals['answered'] - repeats['answer']}")
    print(f"answered twice:              {repeats['answer']}")
    print(f"never answered:              {totals['never']}")
    print(
        f"assignment notices:          owed {sum(notices.values())}, lost {lost_notices}, "
        f"sent twice {repeats['notice']}"
    )
    print(
        f"reminders:                   owed {sum(reminders.values())}, lost {lost_reminders}, "
        f"sent twice {repeats['reminder']}, never marked delivered {undelivered}"
    )
    print(
        f"all repeats:                 {totals['in_window']} inside the window (a kill between the two copies; "
        f"first copy at most {totals['widest_ms']} ms before it), {totals['outside']} outside"
    )
    for text in unexplained[:5]:
        print(f"  repeated with no kill between: {text[:100]!r}")
    print(f"answers nobody asked for:    {totals['extra']}")
    print(f"tracebacks in the bot's log: {tracebacks}")
    ok = not (totals["never"] or lost_notices or lost_reminders or undelivered or totals["outside"] or totals["extra"])
    print("result:", "0 never answered, 0 lost, every repeat inside the window" if ok else "SOMETHING WENT WRONG")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
