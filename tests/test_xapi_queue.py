"""The xAPI queue and its sender without a network: which calls are queued, how an LRS's answers are taken,
and what erasing a person leaves of their profile and statements."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from bot.lrs.sender import StatementSender
from bot.scenarios.library import Library
from bot.storage.erasure import erase_person
from bot.storage.store import Store
from bot.storage.verdicts import Verdicts
from bot.storage.xapi import XapiQueue
from bot.training.calls import Calls
from bot.training.xapi import Statements
from tests.test_retention import Clock, call, in_files

HOME = "https://dash.example.org"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "deskdrill.db", clock=Clock())
    yield opened
    opened.close()


def sender(store: Store, library: Library, answer) -> tuple[StatementSender, list[list[dict]]]:
    """A sender whose LRS answers each POST with `answer(batch)` (a status code); the batches it got."""
    posted: list[list[dict]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        batch = json.loads(request.content)
        posted.append(batch)
        return httpx.Response(answer(batch), json={})

    statements = Statements(Calls(library), 80, HOME)
    return (
        StatementSender(
            store,
            statements.for_attempt,
            "http://127.0.0.1:1/xAPI",
            "u",
            "p",
            transport=httpx.MockTransport(handle),
            correct=statements.correction,
        ),
        posted,
    )


def test_only_calls_finished_once_an_lrs_is_configured_are_queued(library: Library, store: Store) -> None:
    call(library, store, 1)  # at 9:00
    store.clock.now = store.clock.now.replace(hour=10)
    queue = XapiQueue(store.db)
    assert queue.unqueued(store.now()) == [], "an LRS set up at 10:00: the 9:00 call is history, not sent"
    after = call(library, store, 1)
    assert queue.unqueued(store.now()) == [after]


async def test_a_batch_the_lrs_rejects_is_sent_again_call_by_call_and_only_the_bad_one_is_given_up(
    library: Library, store: Store
) -> None:
    XapiQueue(store.db).since("2000-01-01T00:00:00+00:00")
    good, bad = call(library, store, 1), call(library, store, 2)
    worker, posted = sender(
        store, library, lambda batch: 400 if any(s["actor"]["account"]["name"] == "2" for s in batch) else 200
    )
    assert worker.enqueue() == 2
    async with httpx.AsyncClient(transport=worker.transport) as client:
        await worker.deliver(client)
    assert [len(b) for b in posted] == [6, 3, 3], "one batch of both calls, then each call alone"
    rows = dict(store.db.execute("select attempt_id, coalesce(failed, 'sent') from xapi_queue").fetchall())
    assert rows[good] == "sent" and rows[bad].startswith("HTTP 400")


async def test_an_lrs_refusing_the_credentials_keeps_the_statements_for_later(library: Library, store: Store) -> None:
    XapiQueue(store.db).since("2000-01-01T00:00:00+00:00")
    attempt = call(library, store, 1)
    worker, _ = sender(store, library, lambda batch: 401)
    worker.enqueue()
    async with httpx.AsyncClient(transport=worker.transport) as client:
        pause = await worker.deliver(client)
    assert pause == worker.first_pause
    tries, error, failed = store.db.execute("select tries, error, failed from xapi_queue").fetchone()
    assert (tries, failed) == (1, None) and "check DESKDRILL_XAPI_USERNAME and DESKDRILL_XAPI_PASSWORD" in error
    assert attempt


def test_erasing_a_person_wipes_their_profile_and_the_statements_about_them(library: Library, store: Store) -> None:
    XapiQueue(store.db).since("2000-01-01T00:00:00+00:00")
    call(library, store, 1, name="Quillonia")
    store.db.execute("update users set full_name = 'Quillonia Marsh', badge = 'Q-7731' where id = 1")
    store.db.execute(
        "insert into audit (at, actor, action, detail) values (?, 2, 'profile', "
        "'profile of user 1: full name “” → “Quillonia Marsh”, badge “” → “Q-7731”')",
        [store.now()],
    )
    worker, _ = sender(store, library, lambda batch: 200)
    worker.enqueue()
    assert in_files(store, "Quillonia Marsh")

    erase_person(store, 1)

    for text in ("Quillonia Marsh", "Q-7731"):
        assert in_files(store, text) == [], text
    assert store.db.execute("select full_name, badge from users where id = 1").fetchone() == (None, None)
    assert store.db.execute("select body, failed from xapi_queue").fetchone() == ("[]", "person erased")
    assert worker.enqueue() == 0, "never queued again"


# --- corrections: an override or a regrade after the LRS had the call -------------------------------

ADL = "http://adlnet.gov/expapi/verbs/"
NS = HOME + "/xapi/"


def by_verb(batch: list[dict]) -> dict[str, list[dict]]:
    verbs: dict[str, list[dict]] = {}
    for statement in batch:
        verbs.setdefault(statement["verb"]["id"].removeprefix(ADL), []).append(statement)
    return verbs


async def deliver(worker: StatementSender) -> None:
    async with httpx.AsyncClient(transport=worker.transport) as client:
        await worker.deliver(client)


async def test_an_override_voids_the_result_the_lrs_has_and_states_the_new_one(library: Library, store: Store) -> None:
    XapiQueue(store.db).since("2000-01-01T00:00:00+00:00")
    attempt = call(library, store, 1)
    worker, posted = sender(store, library, lambda batch: 200)
    worker.enqueue()
    await deliver(worker)
    first = by_verb(posted[0])
    assert sorted(first) == ["attempted", "completed", "passed"] and first["passed"][0]["result"]["score"]["raw"] == 100

    verdicts = Verdicts(store)
    verdicts.override(attempt, "greeting", False, "no agency name", 2)
    assert worker.enqueue() == 1
    await deliver(worker)
    one = posted[1]
    assert [s["verb"]["id"].removeprefix(ADL) for s in one] == ["voided", "voided", "completed", "passed"]
    assert [s["object"] for s in one[:2]] == [
        {"objectType": "StatementRef", "id": first["completed"][0]["id"]},
        {"objectType": "StatementRef", "id": first["passed"][0]["id"]},
    ], "the earlier result voided by reference"
    assert one[3]["result"]["score"]["raw"] == 85 and one[3]["context"]["extensions"][NS + "corrected-by"] == "override"

    verdicts.override(attempt, "empathy", False, "no sympathy shown", 2)
    verdicts.override(attempt, "appreciation", False, "no thanks", 2)
    assert worker.enqueue() == 2, "two overrides at once: one correction states where they leave the call"
    await deliver(worker)
    assert len(posted) == 3
    two = posted[2]
    assert [s["verb"]["id"].removeprefix(ADL) for s in two] == ["voided", "voided", "completed", "failed"]
    assert [s["object"]["id"] for s in two[:2]] == [one[2]["id"], one[3]["id"]], "the first correction voided in turn"
    failed = two[3]
    assert failed["result"]["score"]["raw"] == 55 and failed["result"]["success"] is False
    assert [failed["result"]["extensions"][NS + f"criterion/{c}"] for c in ("greeting", "empathy", "appreciation")] == [
        "missed"
    ] * 3
    ids = [s["id"] for batch in posted for s in batch]
    assert len(set(ids)) == len(ids), "every statement has an id of its own"
    assert worker.enqueue() == 0, "a correction is queued once"


async def test_a_correction_waits_for_the_statements_it_voids(library: Library, store: Store) -> None:
    XapiQueue(store.db).since("2000-01-01T00:00:00+00:00")
    attempt = call(library, store, 1)
    down = [True]
    worker, posted = sender(store, library, lambda batch: 503 if down[0] else 200)
    worker.first_pause = 0.0
    worker.enqueue()
    await deliver(worker)  # the LRS is down: the call's statements wait
    Verdicts(store).override(attempt, "greeting", False, "no agency name", 2)
    worker.enqueue()
    down[0] = False
    await deliver(worker)
    verbs = [s["verb"]["id"].removeprefix(ADL) for s in posted[-1]]
    assert verbs == ["attempted", "completed", "passed", "voided", "voided", "completed", "passed"]
    assert store.db.execute("select count(*) from xapi_queue where sent is null").fetchone()[0] == 0


def test_an_override_before_the_statements_are_queued_owes_no_correction(library: Library, store: Store) -> None:
    XapiQueue(store.db).since("2000-01-01T00:00:00+00:00")
    attempt = call(library, store, 1)
    Verdicts(store).override(attempt, "greeting", False, "no agency name", 2)
    worker, _ = sender(store, library, lambda batch: 200)
    assert worker.enqueue() == 1, "the call's statements, built from the corrected call"
    (body,) = store.db.execute("select body from xapi_queue").fetchone()
    assert '"raw": 85' in body and store.db.execute("select count(*) from xapi_corrections").fetchone()[0] == 0


def test_each_result_states_the_training_hours_the_call_counts_for(library: Library, store: Store) -> None:
    """result.duration: the call's own hours where agency.yaml's training_hours gives it some, else the default."""
    from bot.config import TrainingHours

    attempt = call(library, store, 1)
    own = Statements(Calls(library), 80, HOME, TrainingHours(0.25, {"car-break-in": 1.5}))
    plain = Statements(Calls(library), 80, HOME, TrainingHours(0.25, {"towed-car": 1}))
    for statements, duration in ((own, "PT1H30M"), (plain, "PT15M")):
        _, _, found = statements.for_attempt(store.db.conn, attempt)
        assert [s["result"]["duration"] for s in found if "result" in s] == [duration, duration]
