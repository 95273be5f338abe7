"""`deskdrill backup` and `deskdrill restore`: online, consistent, private, checked; restores that refuse
to run under the bot and never leave a stale -wal beside the restored file (issue 20)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.practice.attempt import Attempt
from bot.practice.engine import ScenarioEngine
from bot.scenarios.library import Library
from bot.storage.backup import BackupError, backup, restore
from bot.storage.running import RunLock
from bot.storage.store import Store, migrations
from tests.conftest import ROOT
from tests.scripts import COURTEOUS
from tests.telegram.fake_bot_api import TOKEN, FakeBotApi


def deskdrill(*args: str, db: Path, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "deskdrill"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    env = {**os.environ, "DESKDRILL_DB": str(db), **(extra or {})}
    return subprocess.run(command + list(args), capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)


def play(library: Library, store: Store, user_id: int = 1) -> int:
    """A finished call by `user_id` (not over Telegram: no update ids)."""
    store.register(user_id, user_id, "Alex", None)
    attempt = Attempt.start(ScenarioEngine(library.scenarios["car-break-in"]), seed=1)
    attempt_id = store.start_attempt(None, user_id, user_id, attempt.visitor.save(), attempt.turns[0], [])
    attempt.say("Good morning, Harbor Station, how can I help?")
    store.record_exchange(store.attempt(attempt_id), attempt.turns[1:], attempt.visitor.save())
    store.finish_attempt(store.attempt(attempt_id), attempt.finish())
    return attempt_id


def migrate(path: Path) -> None:
    Store.open(path).close()


@pytest.fixture
def live(tmp_path: Path, library: Library) -> Store:
    """A database in use, with two finished calls."""
    store = Store.open(tmp_path / "live" / "deskdrill.db")
    play(library, store, 1)
    play(library, store, 2)
    yield store
    store.close()


def finished(path: Path) -> set[int]:
    """Ids of the finished attempts in the database file (none while it is still being created)."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        try:
            return {r[0] for r in conn.execute("select id from attempts where status = 'finished'")}
        except sqlite3.OperationalError:  # no tables yet: the bot is migrating it
            return set()


# --- backup -----------------------------------------------------------------------------


def test_a_backup_is_one_private_checked_file_with_everything_committed(live: Store, tmp_path: Path) -> None:
    copied = backup(live.path, tmp_path / "nightly.db")
    assert copied.path == tmp_path / "nightly.db" and copied.attempts == 2
    assert stat.S_IMODE(copied.path.stat().st_mode) == 0o600
    assert not (tmp_path / "nightly.db-wal").exists()
    with sqlite3.connect(copied.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete", "no -wal needed to read it"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert finished(copied.path) == finished(live.path)


def test_a_backup_into_a_folder_gets_a_dated_name_and_an_old_backup_is_replaced_whole(
    live: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    dated = backup(live.path, folder).path
    assert dated.parent == folder and dated.name.startswith("deskdrill-") and dated.suffix == ".db"
    (tmp_path / "same.db").write_bytes(b"last night's copy")
    backup(live.path, tmp_path / "same.db")
    assert finished(tmp_path / "same.db") == finished(live.path)
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        ("missing.db", "copy.db", "there is no database at"),
        ("live/deskdrill.db", "no-such-folder/copy.db", "the folder"),
    ],
)
def test_a_backup_that_cannot_be_made_says_why(
    live: Store, tmp_path: Path, source: str, target: str, message: str
) -> None:
    with pytest.raises(BackupError, match=message):
        backup(tmp_path / source, tmp_path / target)


# --- restore ----------------------------------------------------------------------------


def test_restore_moves_the_old_files_aside_wal_and_shm_included_and_migrates(live: Store, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    db = Database(old)
    migrations.apply(db, stop_before="m006_web_sign_in")  # a backup from an older DeskDrill
    db.close()
    target = tmp_path / "here" / "deskdrill.db"
    target.parent.mkdir()
    for name in ("deskdrill.db", "deskdrill.db-wal", "deskdrill.db-shm"):
        (target.parent / name).write_bytes(b"the database being replaced")
    copied = restore(old, target, migrate)
    assert sorted(p.name.split(".before-restore-")[0] for p in copied.moved_aside) == [
        "deskdrill.db",
        "deskdrill.db-shm",
        "deskdrill.db-wal",
    ]
    assert all(p.read_bytes() == b"the database being replaced" for p in copied.moved_aside)
    restored = Database(target)
    assert "m006_web_sign_in" in {m.name for m in migrations.applied(restored)}
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_restore_of_a_file_that_is_no_backup_changes_nothing(live: Store, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a database")
    with pytest.raises(BackupError, match="is not a DeskDrill backup"):
        restore(bogus, live.path, migrate)
    assert finished(live.path) == {1, 2}


def test_restore_refuses_while_deskdrill_uses_the_database(live: Store, tmp_path: Path) -> None:
    copy = backup(live.path, tmp_path / "copy.db").path
    with RunLock(live.path).share(), pytest.raises(BackupError, match="stop it first"):
        restore(copy, live.path, migrate)
    restore(copy, live.path, migrate)  # once it stopped


# --- with the bot running, as processes --------------------------------------------------


def start_bot(api: FakeBotApi, db: Path) -> subprocess.Popen[bytes]:
    """`deskdrill run` as a real process, polling the stand-in."""
    script = Path(sys.executable).parent / "deskdrill"
    command = [str(script), "run"] if script.exists() else [sys.executable, "-m", "bot.cli", "run"]
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "DESKDRILL_DB": str(db),
        "DESKDRILL_USER_RATE": "1000",
        "DESKDRILL_USER_BURST": "1000",
    }
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def practise_until(api: FakeBotApi, trainee: int, stop: threading.Event, errors: list[str]) -> None:
    scenarios = sorted(COURTEOUS)
    n = 0
    while not stop.is_set():
        scenario = scenarios[(trainee + n) % len(scenarios)]
        n += 1
        for message in [f"/practice {scenario}", *COURTEOUS[scenario]]:
            before = len(api.texts(trainee))
            api.text(trainee, message)
            try:
                api.wait_for_texts(trainee, before + 1, timeout=20)
            except AssertionError:
                errors.append(f"trainee {trainee} got no answer")
                return


def test_backup_while_trainees_practise_restores_every_call_finished_before_it(tmp_path: Path) -> None:
    api = FakeBotApi().start()
    db = tmp_path / "live" / "deskdrill.db"
    bot = start_bot(api, db)
    stop, errors = threading.Event(), []
    trainees = [threading.Thread(target=practise_until, args=(api, 40_000 + n, stop, errors)) for n in range(6)]
    try:
        for thread in trainees:
            thread.start()
        assert api.wait_for(lambda: db.exists() and len(finished(db)) >= 6, timeout=60), "no calls finished"
        before_backup = finished(db)
        result = deskdrill("backup", str(tmp_path / "nightly.db"), db=db)
        time.sleep(1.0)  # they go on practising after the backup
    finally:
        stop.set()
        for thread in trainees:
            thread.join(30)
        bot.terminate()
        _, stderr = bot.communicate(timeout=20)
        api.stop()
    assert result.returncode == 0, result.stderr
    assert "integrity ok" in result.stdout and result.stderr == ""
    assert errors == [] and "Traceback" not in stderr.decode()

    fresh = tmp_path / "fresh" / "deskdrill.db"
    restored = deskdrill("restore", str(tmp_path / "nightly.db"), db=fresh)
    assert restored.returncode == 0, restored.stderr
    assert before_backup <= finished(fresh), "every call finished before the backup began is in it"
    assert finished(fresh) <= finished(db)
    with sqlite3.connect(fresh) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_refuses_while_the_bot_runs(tmp_path: Path, library: Library) -> None:
    db = tmp_path / "deskdrill.db"
    store = Store.open(db)
    play(library, store)
    store.close()
    assert deskdrill("backup", str(tmp_path / "copy.db"), db=db).returncode == 0
    api = FakeBotApi().start()
    bot = start_bot(api, db)
    try:
        assert api.wait_for(lambda: api.polls > 0, timeout=30), "the bot did not start"
        refused = deskdrill("restore", str(tmp_path / "copy.db"), db=db)
    finally:
        bot.terminate()
        bot.communicate(timeout=20)
        api.stop()
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.startswith("deskdrill: DeskDrill is running on") and "stop it first" in refused.stderr
    assert not list(tmp_path.glob("*.before-restore-*")), "nothing was moved"
    assert deskdrill("restore", str(tmp_path / "copy.db"), db=db).returncode == 0, "once the bot stopped"


def test_the_bot_does_not_start_during_a_restore(tmp_path: Path) -> None:
    db = tmp_path / "deskdrill.db"
    with RunLock(db).exclusive():
        started = deskdrill("run", db=db, extra={"TELEGRAM_BOT_TOKEN": TOKEN})
    assert started.returncode == 1 and "a restore into" in started.stderr and "Traceback" not in started.stderr
