"""Review requests and a trainee's own calls, below the chat: one open request per verdict, who may ask and
answer, what is audited, what retention and erasure remove, and whether a call passed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import Retention
from bot.scenarios.library import Library
from bot.storage.erasure import erase_person
from bot.storage.retention import purge
from bot.storage.store import Store
from bot.training.department import Department
from bot.training.outcome import Refused
from bot.training.own_calls import PassStanding
from bot.transcript import User
from tests.test_retention import WORD, Clock, call, in_files

TRAINEE, INSTRUCTOR, STRANGER = User(1, 1, "Alex", None), User(2, 2, "Sam", None), User(3, 3, "Kim", None)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Store:
    opened = Store.open(tmp_path / "deskdrill.db", clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def department(store: Store, library: Library) -> Department:
    store.register(INSTRUCTOR.id, INSTRUCTOR.id, "Sam", None)
    store.register(STRANGER.id, STRANGER.id, "Kim", None)
    store.set_role(INSTRUCTOR.id, "instructor")
    store.set_role(STRANGER.id, "instructor")
    rules = Department(store, library)
    unit = rules.units.create(INSTRUCTOR, "Day shift")
    store.register(TRAINEE.id, TRAINEE.id, "Alex", None)
    store.db["unit_members"].insert({"unit_id": unit.id, "user_id": TRAINEE.id, "joined_at": store.now()})
    return rules


def asked(department: Department, attempt_id: int, index: int, reason: str) -> int:
    """The trainee asks about verdict `index` with `reason`; the request's id."""
    department.review_requests.ask(TRAINEE, attempt_id, index)
    outcome = department.review_requests.typed(TRAINEE, reason)
    assert outcome is not None and outcome.replies[0].startswith("Sent to your instructor")
    (notice,) = outcome.notices
    assert notice.chat_id == INSTRUCTOR.id and notice.request is not None
    return notice.request[1]


def test_one_open_request_per_verdict_and_only_the_trainees_own_calls(
    department: Department, library: Library, store: Store, clock: Clock
) -> None:
    clock.now += timedelta(minutes=1)  # after joining
    attempt_id = call(library, store, TRAINEE.id)
    asked(department, attempt_id, 1, "I apologised")
    with pytest.raises(Refused, match="already asked for a review of Empathy"):
        department.review_requests.ask(TRAINEE, attempt_id, 1)
    asked(department, attempt_id, 0, "A different verdict is fine")
    with pytest.raises(Refused, match="not among your finished calls"):
        department.review_requests.ask(INSTRUCTOR, attempt_id, 2)
    actions = [r["action"] for r in store.db.query("select action from audit where action like 'review%'")]
    assert actions == ["review_ask", "review_ask"]


def test_only_an_instructor_of_the_trainees_unit_answers_and_only_once(
    department: Department, library: Library, store: Store, clock: Clock
) -> None:
    clock.now += timedelta(minutes=1)
    request_id = asked(department, call(library, store, TRAINEE.id), 1, "I apologised")
    with pytest.raises(Refused, match="No attempt"):
        department.review_requests.answer_ask(STRANGER, request_id)  # an instructor of no unit of theirs
    with pytest.raises(Refused, match="needs the instructor role"):
        department.review_requests.answer_ask(TRAINEE, request_id)
    department.review_requests.answer_ask(INSTRUCTOR, request_id)
    answer = department.review_requests.typed(INSTRUCTOR, "Scripted, not sincere")
    assert answer is not None and answer.notices[0].chat_id == TRAINEE.id and answer.notices[0].call is not None
    with pytest.raises(Refused, match="already answered"):
        department.review_requests.answer_ask(INSTRUCTOR, request_id)


def test_a_reason_and_a_reply_go_with_the_words_after_retention_and_a_wait_with_the_person(
    department: Department, library: Library, store: Store, clock: Clock
) -> None:
    clock.now += timedelta(minutes=1)
    attempt_id = call(library, store, TRAINEE.id)
    request_id = asked(department, attempt_id, 1, f"I said {WORD} twice")
    department.review_requests.answer_ask(INSTRUCTOR, request_id)
    department.review_requests.typed(INSTRUCTOR, f"No {WORD} here")
    department.review_requests.ask(TRAINEE, attempt_id, 0)  # waiting for a reason
    clock.now += timedelta(days=400)
    purge(store, Retention(words_days=365, audit_days=3650))
    assert store.db.execute("select reason, answer from review_requests").fetchall() == [(None, None)]
    details = [r[0] for r in store.db.execute("select detail from audit where action like 'review%'")]
    assert details == [f"attempt {attempt_id} empathy", f"attempt {attempt_id} empathy dismissed"]
    assert in_files(store, WORD) == []
    erase_person(store, TRAINEE.id)
    assert store.db["review_waits"].count == 0


def test_a_call_passes_at_its_assignments_mark_else_agency_yamls(
    department: Department, library: Library, store: Store, clock: Clock
) -> None:
    clock.now += timedelta(minutes=1)
    alone = call(library, store, TRAINEE.id)  # 100/100, assigned to nobody: agency.yaml's mark
    assert department.own_calls.standing(alone) == PassStanding(True, department.pass_mark, False)
    clock.now += timedelta(minutes=1)
    unit_id = store.db.execute("select id from units").fetchone()[0]
    store.db["assignments"].insert(
        {"unit_id": unit_id, "scenario_id": "car-break-in", "assigned_at": store.now(), "pass_mark": 100}
    )
    clock.now += timedelta(minutes=1)
    assigned = call(library, store, TRAINEE.id)
    assert department.own_calls.standing(assigned) == PassStanding(store.attempt(assigned).total == 100, 100, True)
    page = department.own_calls.page(TRAINEE, 0, 8)
    assert [c.id for c in page.calls] == [assigned, alone] and page.calls[0].passed == (page.calls[0].total == 100)
    assert not page.calls[1].passed  # made before it was assigned: no assignment passed
