"""The Coach: what the Telegram handlers call, without Telegram."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from bot.practice import attempt as attempt_module
from bot.practice.coach import NOT_IN_A_CALL, NOTHING_SAID, Coach, User
from bot.scenarios.library import Library
from bot.storage.outbox import chunks
from bot.storage.store import Store
from bot.tg.throttle import Throttle
from bot.training.reports import progress_chart
from tests.scripts import COURTEOUS

ALEX = User(1, 1, "Alex")


@pytest.fixture
def coach(library: Library) -> Coach:
    return Coach(library, Store(Database(memory=True)), admins=frozenset({99}), seeds=lambda: 3)


def test_admins_from_the_settings_are_admins_from_their_first_start(coach: Coach) -> None:
    coach.register(User(99, 99, "Chief"))
    coach.register(ALEX)
    assert coach.store.user(99)["role"] == "admin" and coach.store.user(1)["role"] == "trainee"


def test_a_message_outside_a_call_says_how_to_start(coach: Coach) -> None:
    assert coach.say(ALEX, "hello").replies == [NOT_IN_A_CALL]
    assert coach.end(ALEX).replies == [NOT_IN_A_CALL] and coach.hint(ALEX).replies == [NOT_IN_A_CALL]


def test_a_whole_attempt_ends_with_a_stored_scorecard(coach: Coach) -> None:
    (intro,) = coach.start(ALEX, "report-copy").replies
    assert "\n\nVisitor (" in intro
    replies: list[str] = []
    for message in COURTEOUS["report-copy"]:
        replies = coach.say(ALEX, message).replies
    assert replies[-1].split("Scorecard: ")[1].splitlines()[1] == "Total: 100/100"  # the total first
    assert coach.store.active_attempt(1) is None
    assert coach.store.history(1)[0]["total"] == 100


def test_an_empty_message_gets_a_notice_and_no_reply(coach: Coach) -> None:
    coach.start(ALEX, "report-copy")
    assert coach.say(ALEX, "   ").replies == ["(Empty message ignored: type what you would say to the visitor.)"]
    assert len(coach.store.turns(coach.store.active_attempt(1).id)) == 1


def test_visitors_are_released_from_the_shared_machine_after_each_message(coach: Coach) -> None:
    coach.start(ALEX, "car-break-in")
    coach.say(ALEX, "Hello?")
    assert coach.engines["car-break-in"].machine.models == []


def test_calls_ended_before_the_trainee_says_anything_leave_no_visitor_on_the_machine(library: Library) -> None:
    seeds = iter(range(5))  # five different visitors, as five real calls would be
    coach = Coach(library, Store(Database(memory=True)), seeds=lambda: next(seeds))
    for _ in range(5):
        coach.start(ALEX, "car-break-in")
        assert coach.end(ALEX).replies == [NOTHING_SAID]
    assert coach.engines["car-break-in"].machine.models == []


def _raise(*args: object, **kwargs: object) -> None:
    raise RuntimeError("broken between restore and release")


def _break_start(coach: Coach, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(coach.store, "start_attempt", _raise)
    coach.start(ALEX, "car-break-in")


def _break_say(coach: Coach, monkeypatch: pytest.MonkeyPatch) -> None:
    coach.start(ALEX, "car-break-in")
    monkeypatch.setattr(coach.engines["car-break-in"], "respond", _raise)
    coach.say(ALEX, "Hello?")


def _break_end(coach: Coach, monkeypatch: pytest.MonkeyPatch) -> None:
    coach.start(ALEX, "car-break-in")
    coach.say(ALEX, "Hello?")
    monkeypatch.setattr(attempt_module, "grade", _raise)
    coach.end(ALEX)


@pytest.mark.parametrize("broken", [_break_start, _break_say, _break_end], ids=["start", "say", "end"])
def test_an_error_while_a_visitor_is_attached_still_detaches_it(coach: Coach, monkeypatch, broken) -> None:
    with pytest.raises(RuntimeError, match="between restore and release"):
        broken(coach, monkeypatch)
    assert coach.engines["car-break-in"].machine.models == []


def test_an_attempt_whose_scenario_was_removed_can_still_be_closed(coach: Coach) -> None:
    coach.start(ALEX, "car-break-in")
    del coach.engines["car-break-in"]
    assert "no longer available" in coach.say(ALEX, "Hello?").replies[0]
    assert "Closed your attempt" in coach.end(ALEX).replies[0]
    assert coach.store.active_attempt(1) is None


def test_throttle_passes_a_burst_then_paces_the_rest_and_refuses_what_would_wait_too_long() -> None:
    now = [0.0]
    throttle = Throttle(rate=1.0, burst=2, max_wait=2.0, clock=lambda: now[0])
    assert [throttle.reserve(1) for _ in range(5)] == [0.0, 0.0, 1.0, 2.0, None]
    assert throttle.reserve(2) == 0.0
    now[0] = 10.0
    assert throttle.reserve(1) == 0.0


def test_long_replies_are_split_at_line_breaks_under_the_limit() -> None:
    text = "\n".join(f"line {n}" for n in range(2000))
    parts = chunks(text, limit=4096)
    assert all(len(p) <= 4096 for p in parts) and "\n".join(parts) == text
    assert chunks("x" * 5000, limit=4096) == ["x" * 4096, "x" * 904]


def test_the_progress_chart_is_a_png_or_nothing() -> None:
    assert progress_chart([]) is None
    rows = [
        {"id": a, "total": 40 * a, "criterion": c, "met": a % 2}
        for a in (1, 2)
        for c in ("greeting", "empathy", "testing_questions", "offer_more_help", "appreciation")
    ]
    assert progress_chart(rows)[:8] == b"\x89PNG\r\n\x1a\n"
