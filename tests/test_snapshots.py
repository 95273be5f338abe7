"""Reproducible scores: each attempt keeps its scenario as it was and the grader that scored it; `deskdrill
regrade` shows what a grader change would do before anything is applied (issue 20)."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.practice.coach import Coach, User
from bot.practice.engine import ScenarioEngine
from bot.scenarios.library import load_library
from bot.storage.regrade import regrade
from bot.storage.snapshots import grader_version
from bot.storage.store import Store
from bot.training.department import Department
from tests.conftest import ROOT, SCENARIO_DIR
from tests.scripts import COURTEOUS

TRAINEE = User(7, 7, "Alex")
ADMIN = User(1, 1, "Sam")
SCENARIO = "car-break-in"


@pytest.fixture
def scenarios(tmp_path: Path) -> Path:
    """A department's own copy of one scenario and its agency.yaml, to edit."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(SCENARIO_DIR / f"{SCENARIO}.yaml", folder)
    shutil.copy(SCENARIO_DIR / "agency.yaml", folder)
    return folder


def finished_call(store: Store, folder: Path) -> int:
    coach = Coach(load_library([folder]), store, seeds=lambda: 1)
    coach.start(TRAINEE, SCENARIO)
    for message in COURTEOUS[SCENARIO]:
        coach.say(TRAINEE, message)
    return store.history(TRAINEE.id)[0]["id"]


def caller(scenario, attempt) -> str:
    """The caller's name, as a transcript labels their lines."""
    engine = ScenarioEngine(scenario)
    with engine.restored(attempt.visitor) as visitor:
        return engine.persona_name(visitor)


def edit(folder: Path) -> None:
    """The department rewrites the call: a new title, new callers, a new account of what resolves it."""
    path = folder / f"{SCENARIO}.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: Car break-in, reported by phone", "title: Vehicle burglary (rewritten)")
    text = text.replace(
        "caller: [Dana Whitfield, Marcus Bell, Priya Raman, Joe Kowalski, Alicia Moreno, Ben Adeyemi]",
        "caller: [Zed Newname]",
    )
    text = text.replace(
        "description: The caller knows they can file the report online and how long it takes.",
        "description: The caller was sent to the front counter.",
    )
    path.write_text(text, encoding="utf-8")


def test_an_attempt_is_shown_and_scored_against_its_scenario_as_it_was(tmp_path: Path, scenarios: Path) -> None:
    store = Store.open(tmp_path / "deskdrill.db")
    attempt_id = finished_call(store, scenarios)
    before = store.attempt(attempt_id)
    turns = store.turns(attempt_id)
    played_in = store.scenario_of(before, load_library([scenarios]).scenarios)
    assert before.grader_version == grader_version() and before.scenario_hash

    edit(scenarios)
    edited = load_library([scenarios])
    assert edited.scenarios[SCENARIO].title == "Vehicle burglary (rewritten)"
    after = store.attempt(attempt_id)
    own = Coach(edited, store).scenario_of(after)
    assert own.title == played_in.title == "Car break-in, reported by phone"
    assert own.resolution_description == played_in.resolution_description
    assert {f: own.contact.describe(f) for f in after.addressed["facts"]} == {
        f: played_in.contact.describe(f) for f in before.addressed["facts"]
    }
    assert store.turns(attempt_id) == turns
    assert caller(own, after) == caller(played_in, before) != "Zed Newname", "the transcript names the caller it had"
    assert caller(edited.scenarios[SCENARIO], after) == "Zed Newname", "which the edited file would have renamed"
    assert (after.total, after.addressed, after.auto_fail) == (before.total, before.addressed, before.auto_fail)
    assert regrade(store, edited.scenarios).changes == [], "re-graded against its own scenario: nothing moves"
    review = Department(store, edited, admins=frozenset({ADMIN.id})).reviews.review(ADMIN, str(attempt_id))
    assert review.title == "Car break-in, reported by phone", "the instructor's transcript (chat and dashboard) too"
    assert review.addressed.descriptions == {f: played_in.contact.describe(f) for f in before.addressed["facts"]}

    later = finished_call(store, scenarios)
    assert store.attempt(later).scenario_hash != before.scenario_hash, "a new attempt is played in the new version"
    assert caller(Coach(edited, store).scenario_of(store.attempt(later)), store.attempt(later)) == "Zed Newname"
    (stored,) = store.db.execute("select count(*) from scenario_texts").fetchone()
    assert stored == 2, "each version's text is stored once"
    store.close()


def test_an_attempt_started_before_an_edit_goes_on_in_the_version_it_started_in(
    tmp_path: Path, scenarios: Path
) -> None:
    store = Store.open(tmp_path / "deskdrill.db")
    coach = Coach(load_library([scenarios]), store, seeds=lambda: 1)
    coach.start(TRAINEE, SCENARIO)
    coach.say(TRAINEE, COURTEOUS[SCENARIO][0])
    edit(scenarios)
    restarted = Coach(load_library([scenarios]), store, seeds=lambda: 1)  # the bot restarted after the edit
    for message in COURTEOUS[SCENARIO][1:]:
        replies = restarted.say(TRAINEE, message).replies
    assert "Car break-in, reported by phone" in replies[-1] and "Total: 100/100" in replies[-1]
    store.close()


def test_a_scenario_text_is_stored_once_however_many_attempts_use_it(tmp_path: Path, scenarios: Path) -> None:
    store = Store.open(tmp_path / "deskdrill.db")
    for user in range(3):
        coach = Coach(load_library([scenarios]), store, seeds=lambda: 1)
        coach.start(User(100 + user, 100 + user, "Sam"), SCENARIO)
    assert store.db.execute("select count(*) from scenario_texts").fetchone()[0] == 1
    store.close()


def test_retention_settings_in_agency_yaml_do_not_count_as_a_scenario_edit(tmp_path: Path, scenarios: Path) -> None:
    store = Store.open(tmp_path / "deskdrill.db")
    first = finished_call(store, scenarios)
    agency = scenarios / "agency.yaml"
    agency.write_text(agency.read_text().replace("keep_words_days: 365", "keep_words_days: 90"))
    second = finished_call(store, scenarios)
    assert store.attempt(first).scenario_hash == store.attempt(second).scenario_hash
    store.close()


# --- deskdrill regrade ----------------------------------------------------------------------


def deskdrill(*args: str, db: Path, scenarios: Path) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "deskdrill"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    env = {**os.environ, "DESKDRILL_DB": str(db), "DESKDRILL_SCENARIOS": str(scenarios)}
    return subprocess.run(command + list(args), capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)


def scored_by_an_older_grader(db: Path, attempt_id: int) -> None:
    """As an older grader left it: the greeting missed, the total 80 (today's grader says met, 100)."""
    with sqlite3.connect(db) as conn:
        conn.execute(
            "update results set met = 0, score = 0 where attempt_id = ? and criterion = 'greeting'", [attempt_id]
        )
        conn.execute("update attempts set total = 80, grader_version = 'g-older' where id = ?", [attempt_id])


def test_regrade_dry_run_lists_what_the_current_grader_would_change_and_changes_nothing(
    tmp_path: Path, scenarios: Path
) -> None:
    db = tmp_path / "deskdrill.db"
    store = Store.open(db)
    old, unchanged = finished_call(store, scenarios), finished_call(store, scenarios)
    store.close()
    scored_by_an_older_grader(db, old)

    dry = deskdrill("regrade", "--dry-run", db=db, scenarios=scenarios)
    assert dry.returncode == 0, dry.stderr
    listed = dry.stdout.splitlines()
    assert listed[0].startswith(f"attempt {old} ({SCENARIO}, ") and "grader g-older" in listed[0]
    assert listed[0].endswith("total 80 -> 100; greeting missed -> met")
    assert f"attempt {unchanged} " not in dry.stdout
    summary = re.fullmatch(
        r"2 attempts re-graded with grader (g-[0-9a-f]{12}): 1 would change "
        r"\(dry run: nothing changed; --apply to apply\)",
        listed[-1],
    )
    assert summary, listed[-1]
    with sqlite3.connect(db) as conn:
        assert conn.execute("select total from attempts where id = ?", [old]).fetchone() == (80,)

    applied = deskdrill(
        "regrade", "--apply", "--scenario", SCENARIO, "--since", "2000-01-01", db=db, scenarios=scenarios
    )
    assert applied.returncode == 0 and "1 changed (applied and audited)" in applied.stdout
    with sqlite3.connect(db) as conn:
        row = conn.execute("select total, grader_version from attempts where id = ?", [old]).fetchone()
        assert row == (100, summary.group(1)), "the current grader's total, and its version"
        audit = [r[0] for r in conn.execute("select detail from audit where action = 'regrade' order by id")]
    assert audit[0].startswith(f"attempt {old} ") and audit[0].endswith("total 80 -> 100; greeting missed -> met")
    assert audit[1].startswith("re-graded 2 attempts with grader")
    again = deskdrill("regrade", db=db, scenarios=scenarios)
    assert "0 would change" in again.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "last week"], "--since: 'last week' is not a date such as 2026-01-31"),
        (["--dry-run", "--apply"], "not allowed with argument"),
    ],
)
def test_regrade_refuses_bad_options_in_one_line(
    tmp_path: Path, scenarios: Path, args: list[str], message: str
) -> None:
    Store.open(tmp_path / "deskdrill.db").close()
    result = deskdrill("regrade", *args, db=tmp_path / "deskdrill.db", scenarios=scenarios)
    assert result.returncode != 0 and message in result.stderr and "Traceback" not in result.stderr
