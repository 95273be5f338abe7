"""Pass marks: an assignment is done when passed, not merely tried.

A call passes when its total reaches the pass mark (the assignment's own, else agency.yaml's,
default 80) and it has no automatic fail and no wrong information, whatever its total. The same
rule is written twice, in Python (the rules) and in SQL (the aggregates); these tests hold them
together. Then who is behind on an assignment, and an instructor's reminders: once a day each.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.config import DEFAULT_PASS_MARK, ConfigError, load_pass_mark
from bot.scenarios.library import Library, load_library
from bot.storage.snapshots import ScenarioText
from bot.storage.standings import member_standings
from bot.storage.store import Store
from bot.training.department import Department
from bot.training.notices import Completions
from bot.training.outcome import Refused
from bot.training.results import Assigned, FinishedAttempt, standing
from bot.training.standings import pass_mark_of, passes
from bot.transcript import User
from tests.conftest import SCENARIO_DIR

INSTRUCTOR = User(20, 20, "Ira")
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 24)
WRONG_FACT = {"met": False, "facts": {"process_time": {"status": "wrong"}}, "wrong_information": []}
WRONG_ELSEWHERE = {"met": True, "facts": {"process_time": {"status": "given"}}, "wrong_information": [{"said": "x"}]}
ALL_GIVEN = {"met": True, "facts": {"process_time": {"status": "given"}, "other": None}, "wrong_information": []}


# --- the rule --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "failed", "misinformed", "mark", "passed"),
    [
        (80, False, False, 80, True),  # the mark itself passes
        (79, False, False, 80, False),
        (100, False, False, 80, True),
        (0, False, False, 80, False),  # a 0/100 call is tried, never done
        (62, False, False, 60, True),  # an assignment's own, lower mark
        (62, False, False, 70, False),
        (100, True, False, 1, False),  # an automatic fail never passes, whatever the total or mark
        (50, False, True, 40, False),  # nor wrong information
        (None, False, False, 1, False),
    ],
)
def test_a_call_passes_on_its_total_and_never_with_an_automatic_fail_or_wrong_information(
    total: int | None, failed: bool, misinformed: bool, mark: int, passed: bool
) -> None:
    assert passes(total, failed, misinformed, mark) is passed


@pytest.mark.parametrize(("raw", "mark"), [("70", 70), ("70%", 70), (" 100 ", 100), ("1", 1), ("", None), (None, None)])
def test_a_pass_mark_typed_or_chosen_is_a_whole_number_from_1_to_100(raw: str | None, mark: int | None) -> None:
    assert pass_mark_of(raw) == mark


@pytest.mark.parametrize("raw", ["0", "101", "eighty", "7.5", "-5", "\u00b2", "80 %x"])
def test_a_bad_pass_mark_is_refused_saying_what_to_type(raw: str) -> None:
    with pytest.raises(Refused, match="is not a pass mark: use a whole number from 1 to 100"):
        pass_mark_of(raw)


# --- agency.yaml ----------------------------------------------------------------------------------


def test_the_shipped_agency_yaml_documents_the_pass_mark_and_sets_the_default() -> None:
    text = (SCENARIO_DIR / "agency.yaml").read_text()
    assert "pass_mark: 80" in text and "automatic fail or wrong information never passes" in text
    assert load_pass_mark(SCENARIO_DIR) == DEFAULT_PASS_MARK == 80


@pytest.mark.parametrize(
    ("yaml", "mark"), [("agency_name: X\n", 80), ("pass_mark: 70\n", 70), ("pass_mark: 100\n", 100)]
)
def test_the_pass_mark_comes_from_agency_yaml_with_a_default(tmp_path: Path, yaml: str, mark: int) -> None:
    (tmp_path / "agency.yaml").write_text(yaml)
    assert load_pass_mark(tmp_path) == mark
    assert load_pass_mark(tmp_path / "nowhere") == 80


@pytest.mark.parametrize("value", ["0", "101", "eighty", "12.5", "true", "-1"])
def test_a_bad_pass_mark_in_agency_yaml_is_refused_with_a_clear_message(tmp_path: Path, value: str) -> None:
    (tmp_path / "agency.yaml").write_text(f"pass_mark: {value}\n")
    with pytest.raises(ConfigError) as refused:
        load_pass_mark(tmp_path)
    message = str(refused.value)
    assert "agency.yaml: pass_mark:" in message and "use a whole number from 1 to 100" in message, message


@pytest.mark.parametrize("command", ["run", "web"])
def test_a_bad_pass_mark_stops_the_bot_and_the_dashboard_naming_it(tmp_path: Path, command: str) -> None:
    import os
    import subprocess
    import sys

    from tests.test_cli import assert_clean_failure

    (tmp_path / "agency.yaml").write_text("agency_name: X\npass_mark: 120\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DESKDRILL_", "TELEGRAM_"))}
    env |= {"TELEGRAM_BOT_TOKEN": "123:abc", "DESKDRILL_DB": str(tmp_path / "d.db"), "DESKDRILL_WEB_PORT": "8999"}
    env["DESKDRILL_SCENARIOS"] = str(tmp_path)
    script = Path(sys.executable).parent / "deskdrill"
    line = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    result = subprocess.run(line + [command], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert_clean_failure(result, "agency.yaml: pass_mark: '120' is not a pass mark: use a whole number from 1 to 100")
    assert not (tmp_path / "d.db").exists(), "checked before anything opens"


def test_the_department_takes_the_pass_mark_of_its_scenarios_agency_yaml(tmp_path: Path, store: Store) -> None:
    for path in [SCENARIO_DIR / "car-break-in.yaml", SCENARIO_DIR / "agency.yaml"]:
        (tmp_path / path.name).write_text(path.read_text().replace("pass_mark: 80", "pass_mark: 65"))
    library = load_library([tmp_path])
    assert Department(store, library).pass_mark == 65
    assert Department(store, library, pass_mark=90).pass_mark == 90


def test_the_pass_mark_is_no_part_of_a_scenarios_recorded_text(tmp_path: Path, library: Library) -> None:
    """Changing the department's pass mark must not make every scenario a new version of itself."""
    for path in [SCENARIO_DIR / "car-break-in.yaml", SCENARIO_DIR / "agency.yaml"]:
        (tmp_path / path.name).write_text(path.read_text().replace("pass_mark: 80", "pass_mark: 65"))
    edited = load_library([tmp_path]).scenarios["car-break-in"]
    assert ScenarioText.of(edited).hash == ScenarioText.of(library.scenarios["car-break-in"]).hash


# --- the rule in SQL is the rule in Python -----------------------------------------------------------


@pytest.fixture
def store() -> Store:
    return Store(Database(memory=True), clock=lambda: NOW)


def unit_of(store: Store, department: Department, *members: tuple[int, str]) -> tuple[int, str]:
    """A unit of INSTRUCTOR with these (id, first name) members; (unit id, code)."""
    store.register(INSTRUCTOR.id, INSTRUCTOR.chat_id, INSTRUCTOR.first_name, None, role="instructor")
    unit = department.units.create(INSTRUCTOR, "Day shift")
    for user_id, name in members:
        store.register(user_id, user_id, name, None)
        department.membership.join(User(user_id, user_id, name), unit.code, TODAY)
    return unit.id, unit.code


def finished(
    store: Store, user_id: int, total: int, auto_fail: list | None = None, addressed: dict | None = None
) -> int:
    """A finished car-break-in call of the trainee's, as the store keeps one."""
    return store.db.execute(
        "insert into attempts (user_id, chat_id, scenario_id, seed, status, started_at, finished_at, total, "
        "auto_fail, addressed) values (?, ?, 'car-break-in', 1, 'finished', ?, ?, ?, ?, ?)",
        [user_id, user_id, NOW.isoformat(), NOW.isoformat(), total, json.dumps(auto_fail or []), json.dumps(addressed)],
    ).lastrowid


CASES = [  # (total, automatic fail, addressed)
    (80, None, ALL_GIVEN),
    (79, None, ALL_GIVEN),
    (100, None, None),  # an attempt stored before facts were graded
    (0, [{"id": "dispatch_now"}], ALL_GIVEN),
    (50, None, WRONG_FACT),
    (50, None, WRONG_ELSEWHERE),
    (75, None, {"met": False, "facts": {"process_time": None}, "wrong_information": []}),
]


@pytest.mark.parametrize("own_mark", [None, 40, 80])
def test_the_sql_aggregates_and_the_python_rule_agree_on_every_kind_of_call(
    store: Store, library: Library, own_mark: int | None
) -> None:
    department = Department(store, library, pass_mark=80)
    members = [(100 + i, f"T{i}") for i in range(len(CASES))]
    unit_id, code = unit_of(store, department, *members)
    department.assignments.assign(INSTRUCTOR, ["car-break-in", code] + ([str(own_mark)] if own_mark else []), TODAY)
    for (user_id, _), (total, auto_fail, addressed) in zip(members, CASES, strict=True):
        finished(store, user_id, total, auto_fail, addressed)
    found = {r["user_id"]: bool(r["passed"]) for r in member_standings(store.db.conn, [unit_id], 80)}
    mark = own_mark or 80
    for (user_id, _), (total, auto_fail, addressed) in zip(members, CASES, strict=True):
        wrong = bool(addressed) and (
            any((f or {}).get("status") == "wrong" for f in addressed["facts"].values())
            or bool(addressed["wrong_information"])
        )
        assert found[user_id] is passes(total, bool(auto_fail), wrong, mark), (total, auto_fail, addressed, mark)
    assert sum(found.values()) == {None: 2, 40: 4, 80: 2}[own_mark]


def test_a_members_standing_is_passed_only_on_a_pass_and_overdue_until_then() -> None:
    assigned = [Assigned("car-break-in", "2026-11-20", "2026-11-01T00:00:00+00:00", None)]
    tried = FinishedAttempt(1, "car-break-in", "2026-11-02T00:00:00+00:00", None, 62, False)
    wrong = FinishedAttempt(2, "car-break-in", "2026-11-03T00:00:00+00:00", None, 50, False, misinformed=True)
    good = FinishedAttempt(3, "car-break-in", "2026-11-04T00:00:00+00:00", None, 85, False)
    (s,) = standing(assigned, [wrong, tried], TODAY)
    assert (s.passed, s.overdue, s.best, s.pass_mark) == (False, True, (62, False), 80)
    (s,) = standing(assigned, [wrong, tried], TODAY, pass_mark=45)
    assert s.passed and not s.overdue, "62 passes at 45; the call with wrong information never does"
    (s,) = standing(assigned, [good, tried], TODAY)
    assert s.passed and not s.overdue


# --- instructors are told "passed" only on a pass ----------------------------------------------------


def told(department: Department) -> list[Completions]:
    drawn: list[Completions] = []
    department.notices.queue_completions(lambda c: (drawn.append(c), ("", ()))[1])
    return drawn


def test_instructors_hear_tried_not_passed_then_passed_and_never_of_practice_after_a_pass(
    store: Store, library: Library
) -> None:
    department = Department(store, library, pass_mark=80)
    unit_id, code = unit_of(store, department, (100, "Sam"))
    department.assignments.assign(INSTRUCTOR, ["car-break-in", code], TODAY)

    def complete(attempt_id: int) -> None:  # what Store.finish_attempt records for an assigned call
        (assignment_id,) = store.db.execute("select id from assignments").fetchone()
        store.db.execute(
            "insert into completions (assignment_id, user_id, unit_id, attempt_id, at) values (?, 100, ?, ?, ?)",
            [assignment_id, unit_id, attempt_id, NOW.isoformat()],
        )

    complete(finished(store, 100, 0))
    complete(finished(store, 100, 62))
    (first,) = told(department)
    assert [(c.name.short, c.passed, c.total, c.pass_mark) for c in first.done] == [("Sam", False, 62, 80)]
    store.clock = lambda: NOW.replace(hour=11)  # an hour later
    complete(finished(store, 100, 91))
    complete(finished(store, 100, 100))
    (second,) = told(department)
    assert [(c.passed, c.total) for c in second.done] == [(True, 91)], "the first pass, once"
    store.clock = lambda: NOW.replace(hour=13)
    complete(finished(store, 100, 40))
    assert told(department) == [], "practice after a pass is not news"


# --- who is behind, and reminders once a day ----------------------------------------------------------


def test_a_reminder_goes_to_each_person_behind_once_a_day_audited_and_never_to_those_who_passed(
    store: Store, library: Library
) -> None:
    department = Department(store, library, pass_mark=80)
    unit_id, code = unit_of(store, department, (100, "Sam"), (101, "Jo"), (102, "Kim"))
    department.assignments.assign(INSTRUCTOR, ["car-break-in", code, "2026-11-30"], TODAY)
    finished(store, 100, 75)
    finished(store, 101, 95)
    (assignment_id,) = store.db.execute("select id from assignments").fetchone()
    status = department.reminders.status(INSTRUCTOR, assignment_id, TODAY)
    assert [[t.name.short for t in g] for g in (status.passed, status.tried, status.not_started)] == [
        ["Jo"],
        ["Sam"],
        ["Kim"],
    ]
    assert status.late == () and status.tried[0].best == 75

    first = department.reminders.remind(INSTRUCTOR, assignment_id, None, TODAY)
    assert first.replies == ["Reminded 2 about \u201cCar break-in, reported by phone\u201d: Sam, Kim."]
    assert [n.chat_id for n in first.notices] == [100, 102]
    assert first.notices[0].text == (
        "Reminder from Ira, your instructor:\n\u201cCar break-in, reported by phone\u201d is not passed yet.\n"
        "Your best so far: 75/100. It passes at 80/100.\nIt is due Mon 30 Nov.\n/practice car-break-in"
    )
    assert "You haven't tried it yet." in first.notices[1].text and first.notices[1].offer.scenario_id == "car-break-in"

    again = department.reminders.remind(INSTRUCTOR, assignment_id, None, TODAY)
    assert again.replies == ["Already reminded today, not sent again: Sam, Kim."] and again.notices == []
    assert department.reminders.remind(INSTRUCTOR, assignment_id, 100, TODAY).notices == []
    passed = department.reminders.remind(INSTRUCTOR, assignment_id, 101, TODAY)
    assert passed.replies == ["Jo has passed \u201cCar break-in, reported by phone\u201d: no reminder needed."]
    with pytest.raises(Refused, match="not a member"):
        department.reminders.remind(INSTRUCTOR, assignment_id, 999, TODAY)

    tomorrow = department.reminders.remind(INSTRUCTOR, assignment_id, 100, date(2026, 11, 25))
    assert tomorrow.replies == ["Reminded 1 about \u201cCar break-in, reported by phone\u201d: Sam."]
    audit = [r["detail"] for r in store.db.query("select detail from audit where action = 'remind' order by id")]
    assert audit == [
        f"car-break-in (assignment {assignment_id}) to user 100",
        f"car-break-in (assignment {assignment_id}) to user 102",
        f"car-break-in (assignment {assignment_id}) to user 100",
    ]


def test_a_trainee_and_another_units_instructor_may_not_remind(store: Store, library: Library) -> None:
    department = Department(store, library)
    _, code = unit_of(store, department, (100, "Sam"))
    department.assignments.assign(INSTRUCTOR, ["car-break-in", code], TODAY)
    (assignment_id,) = store.db.execute("select id from assignments").fetchone()
    with pytest.raises(Refused, match="/behind needs the instructor role"):
        department.reminders.remind(User(100, 100, "Sam"), assignment_id, None, TODAY)
    store.register(30, 30, "Rival", None, role="instructor")
    with pytest.raises(Refused, match="not among yours"):
        department.reminders.remind(User(30, 30, "Rival"), assignment_id, None, TODAY)
    with pytest.raises(Refused, match="removed"):
        department.reminders.remind(INSTRUCTOR, assignment_id + 1, None, TODAY)


def test_an_automatic_reminder_and_an_instructors_count_as_one_a_day(store: Store, library: Library) -> None:
    department = Department(store, library)
    store.clock = lambda: NOW.replace(day=20)  # Sam joined, then the call was assigned, four days ago
    _, code = unit_of(store, department, (100, "Sam"))
    department.assignments.assign(INSTRUCTOR, ["car-break-in", code, "2026-11-30"], date(2026, 11, 20))
    store.clock = lambda: NOW
    (assignment_id,) = store.db.execute("select id from assignments").fetchone()
    assert department.notices.queue_reminders(TODAY, lambda r: ("Reminder", ())) == 1
    outcome = department.reminders.remind(INSTRUCTOR, assignment_id, None, TODAY)
    assert outcome.replies == ["Already reminded today, not sent again: Sam."]
    # an instructor's reminder first on the day after the due date: the overdue notice waits a day
    assert department.reminders.remind(INSTRUCTOR, assignment_id, None, date(2026, 12, 1)).notices
    assert department.notices.queue_reminders(date(2026, 12, 1), lambda r: ("Overdue", ())) == 0
    store.clock = lambda: datetime(2026, 12, 2, 9, tzinfo=UTC)
    assert department.notices.queue_reminders(date(2026, 12, 2), lambda r: ("Overdue", ())) == 1
    # the overdue notice first: an instructor's reminder waits a day
    again = department.reminders.remind(INSTRUCTOR, assignment_id, None, date(2026, 12, 2))
    assert again.replies == ["Already reminded today, not sent again: Sam."]
    assert department.reminders.remind(INSTRUCTOR, assignment_id, None, date(2026, 12, 3)).notices
    kinds = [r[0] for r in store.db.execute("select kind from reminders order by rowid")]
    assert kinds == ["day:2026-11-24", "day:2026-12-01", "overdue", "day:2026-12-03"], "one row per reminder sent"
