"""Retention and erasure: expired words and erased people are gone from the database files themselves,
main file and WAL, while the scores and verdicts stay (issue 20)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import ConfigError, Retention, load_retention
from bot.practice.attempt import Attempt
from bot.practice.engine import ScenarioEngine
from bot.scenarios.library import Library
from bot.storage.erasure import ErasureError, erase_person
from bot.storage.outbox import Outgoing
from bot.storage.retention import purge
from bot.storage.store import Store
from tests.conftest import ROOT
from tests.scripts import COURTEOUS

WORD = "Zanzibarquokka"
"""A word only the trainee ever says, to look for in the files' bytes."""
NAME, USERNAME = "Quillonia", "quillonia_k"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 1, 10, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Store:
    opened = Store.open(tmp_path / "deskdrill.db", clock=clock)
    yield opened
    opened.close()


def call(
    library: Library, store: Store, user_id: int, name: str = "Alex", username: str | None = None, word: str = WORD
) -> int:
    """A finished call in which the trainee greets as Deputy `word` (quoted as the greeting's evidence)."""
    store.register(user_id, user_id, name, username)
    attempt = Attempt.start(ScenarioEngine(library.scenarios["car-break-in"]), seed=1)
    attempt_id = store.start_attempt(None, user_id, user_id, attempt.visitor.save(), attempt.turns[0], [])
    script = COURTEOUS["car-break-in"]
    attempt.say(f"Good afternoon, Harbor Station, Deputy {word} speaking. How can I help you?")
    for message in script[1:]:
        attempt.say(message)
    store.record_exchange(store.attempt(attempt_id), attempt.turns[1:], attempt.visitor.save())
    store.finish_attempt(store.attempt(attempt_id), attempt.finish())
    return attempt_id


def in_files(store: Store, text: str) -> list[str]:
    """The database files (main, -wal) whose bytes contain the text."""
    found = []
    for path in (store.path, store.path.with_name(store.path.name + "-wal")):
        if path.exists() and text.encode() in path.read_bytes():
            found.append(path.name)
    return found


def verdicts(store: Store, attempt_id: int) -> dict:
    return {
        r["criterion"]: r["met"] for r in store.db.query("select * from results where attempt_id = ?", [attempt_id])
    }


# --- retention ----------------------------------------------------------------------------


def test_words_past_retention_are_gone_from_the_files_and_the_scores_stay(
    library: Library, store: Store, clock: Clock
) -> None:
    old = call(library, store, 1)
    clock.now += timedelta(days=300)
    recent = call(library, store, 2, word="Lopez")
    old_total, old_verdicts = store.attempt(old).total, verdicts(store, old)
    assert in_files(store, WORD), "the words are in the files before the purge"

    clock.now += timedelta(days=100)  # the first call is 400 days old, the second 100
    purged = purge(store, Retention(words_days=365))

    assert purged.attempts == 1 and purged.checkpointed
    assert store.turns(old) == [] and store.attempt(old).addressed is not None
    assert WORD not in str(store.attempt(old).addressed) and WORD not in str(verdicts(store, old))
    assert (store.attempt(old).total, verdicts(store, old)) == (old_total, old_verdicts), "scores and verdicts stay"
    assert any("Lopez" in t.text for t in store.turns(recent)), "a call inside the retention period keeps its words"
    assert in_files(store, WORD) == [], "no copy left in free pages or the WAL"
    (audit,) = store.db.execute("select detail from audit where action = 'retention'").fetchall()
    assert audit[0].startswith("purged the words of 1 attempts ended before 2025-")


def test_override_reasons_go_with_the_words_and_old_audit_entries_go_after_their_own_period(
    library: Library, store: Store, clock: Clock
) -> None:
    attempt_id = call(library, store, 1)
    store.db.execute(
        "insert into overrides (attempt_id, criterion, original_met, met, reason, by, at) "
        "values (?, 'greeting', 1, 0, 'He said Zanzibarquokka twice', 9, ?)",
        [attempt_id, store.now()],
    )
    store.db.execute(
        "insert into audit (at, actor, action, detail) values (?, 9, 'override', ?)",
        [store.now(), f"attempt {attempt_id} greeting -> missed: He said {WORD} twice"],
    )
    clock.now += timedelta(days=400)
    purge(store, Retention(words_days=365, audit_days=3650))
    assert store.db.execute("select reason from overrides").fetchall() == [(None,)]
    assert store.db.execute("select detail from audit where action = 'override'").fetchall() == [
        (f"attempt {attempt_id} greeting -> missed",)
    ]
    clock.now += timedelta(days=3650)
    purge(store, Retention(words_days=365, audit_days=3650))
    assert store.db.execute("select count(*) from audit where action = 'override'").fetchone() == (0,)


def test_used_and_lapsed_sign_in_links_are_purged(store: Store, clock: Clock) -> None:
    store.register(5, 5, "Sam", None)
    now = store.now()
    later = (clock.now + timedelta(minutes=10)).isoformat(timespec="seconds")
    for token, used, expires in (("used", now, later), ("lapsed", None, "2000-01-01"), ("live", None, later)):
        store.db.execute(
            "insert into web_links (token_hash, user_id, expires, used_at) values (?, 5, ?, ?)", [token, expires, used]
        )
    assert purge(store, Retention()).sign_in_links == 2
    assert store.db.execute("select token_hash from web_links").fetchall() == [("live",)]


def test_a_delivered_sign_in_link_cannot_be_read_back_from_the_files(store: Store) -> None:
    token = "tok3n-Ke3p-0ut-of-the-files"
    store.owe([Outgoing(5, "Your dashboard", ((("Open", f"url:https://x.example/login?t={token}"),),), secret=True)])
    message = store.outbox.head(5)
    assert in_files(store, token)
    store.outbox.sent(message)
    assert in_files(store, token) == []


# --- erasure ------------------------------------------------------------------------------


def test_an_erased_persons_name_and_words_are_gone_from_the_files_and_totals_stay(
    library: Library, store: Store
) -> None:
    theirs = call(library, store, 1, NAME, USERNAME)
    others = call(library, store, 2, word="Lopez")
    store.owe([Outgoing(2, f"{NAME} finished “Car break-in”: 100/100.")])  # a notice to their instructor
    store.db.execute(
        "insert into audit (at, actor, action, detail) values (?, 2, 'join', ?)", [store.now(), f"{NAME} joined"]
    )
    store.db.execute(
        "insert into web_sessions (token_hash, user_id, csrf, created_at, seen_at) values ('s', 1, 'c', ?, ?)",
        [store.now(), store.now()],
    )
    total, met = store.attempt(theirs).total, verdicts(store, theirs)
    assert in_files(store, NAME) and in_files(store, USERNAME)

    erased = erase_person(store, 1, actor=99)

    assert erased.attempts == 1 and erased.sessions == 1 and erased.checkpointed
    for text in (NAME, USERNAME, WORD):
        assert in_files(store, text) == [], text
    user = store.user(1)
    assert (user["first_name"], user["username"]) == ("(erased)", None) and user["erased_at"]
    assert (store.attempt(theirs).total, verdicts(store, theirs)) == (total, met), "anonymous totals stay"
    assert store.turns(theirs) == [] and store.turns(others), "only their words go"
    (detail,) = store.db.execute("select detail from audit where action = 'erase' and actor = 99").fetchone()
    assert detail.startswith("person 1: name, username, words of 1 attempts") and NAME not in detail
    assert store.db.execute("select count(*) from web_sessions").fetchone() == (0,)


def test_erasing_someone_unknown_says_so(store: Store) -> None:
    with pytest.raises(ErasureError, match="there is no person with id 404"):
        erase_person(store, 404)


# --- settings and the command line --------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        ("agency_name: X\n", Retention(365, 1095)),
        ("keep_words_days: 90\nkeep_audit_days: 730\n", Retention(90, 730)),
        ("keep_words_days: 30\n", Retention(30, 1095)),
    ],
)
def test_retention_comes_from_agency_yaml_with_defaults(tmp_path: Path, yaml: str, expected: Retention) -> None:
    (tmp_path / "agency.yaml").write_text(yaml)
    assert load_retention(tmp_path) == expected


@pytest.mark.parametrize("value", ["0", "-5", "a year", "12.5", "true"])
def test_a_retention_that_is_not_a_number_of_days_is_refused_naming_the_key(tmp_path: Path, value: str) -> None:
    (tmp_path / "agency.yaml").write_text(f"keep_words_days: {value}\n")
    with pytest.raises(ConfigError, match="keep_words_days: .* is not a whole number of days"):
        load_retention(tmp_path)


def deskdrill(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "deskdrill"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    env = {**os.environ, "DESKDRILL_DB": str(db)}
    return subprocess.run(command + list(args), capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)


def test_the_commands_answer_in_one_line(library: Library, store: Store) -> None:
    call(library, store, 1, NAME)
    db = store.path
    purged = deskdrill("purge", db=db)  # the call was made in January 2025: over a year ago
    assert purged.returncode == 0 and purged.stdout.startswith("purged the words of 1 attempts")
    unknown = deskdrill("erase-person", "404", db=db)
    assert unknown.returncode == 1 and unknown.stderr.startswith("deskdrill: there is no person with id 404")
    assert "is not a Telegram user id" in deskdrill("erase-person", "Quillonia", db=db).stderr
    erased = deskdrill("erase-person", "1", db=db)
    assert erased.returncode == 0 and erased.stdout.startswith("erased person 1: name, username")
    missing = deskdrill("purge", db=db.with_name("nowhere.db"))
    assert missing.returncode == 1 and "there is no database at" in missing.stderr
