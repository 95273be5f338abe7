"""Every step of the Coach returns what it owes; the edge stores it with the update, once, in one transaction."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from bot.practice.coach import NOT_IN_A_CALL, Coach, Owed, User
from bot.scenarios.library import Library
from bot.storage.store import Store

ALEX = User(1, 1, "Alex")


@pytest.fixture
def coach(library: Library) -> Coach:
    return Coach(library, Store(Database(memory=True)), seeds=lambda: 3)


def stored(coach: Coach) -> tuple[int, int]:
    """(outbox rows, handled updates) in the store."""
    db = coach.store.db
    return (
        db.execute("select count(*) from outbox").fetchone()[0],
        db.execute("select count(*) from updates").fetchone()[0],
    )


def owe(coach: Coach, update_id: int, step) -> Owed:
    """What bot.tg.trainee.TraineeHandlers.owe does, without Telegram."""
    with coach.store.db.atomic():
        owed = step()
        coach.store.handled(update_id, owed.chat_id, owed.messages, call_ended=owed.call_ended)
    return owed


@pytest.mark.parametrize(
    "step",
    [
        lambda c: c.start(ALEX, "report-copy"),
        lambda c: c.start(ALEX, "no-such-call"),
        lambda c: c.hint(ALEX),
        lambda c: c.history(ALEX),
    ],
    ids=["start", "start-unknown", "hint", "history"],
)
def test_a_step_returns_what_it_owes_and_stores_none_of_it(coach: Coach, step) -> None:
    owed = step(coach)
    assert isinstance(owed, Owed) and owed.chat_id == ALEX.chat_id and owed.replies
    assert stored(coach) == (0, 0)


def test_start_makes_the_attempt_and_the_edge_owes_its_intro_once(coach: Coach) -> None:
    owed = owe(coach, 7, lambda: coach.start(ALEX, "report-copy"))
    (intro,) = owed.replies
    assert "\n\nVisitor (" in intro and coach.store.active_attempt(ALEX.id) is not None
    assert stored(coach) == (1, 1)
    again = coach.start(ALEX, "report-copy")
    assert "You're still in" in again.replies[0]


def test_hint_and_history_say_what_they_did_before(coach: Coach) -> None:
    assert coach.hint(ALEX).replies == [NOT_IN_A_CALL]
    assert coach.history(ALEX).replies == ["No attempts yet. Send /practice to start one."]
    coach.start(ALEX, "report-copy")
    assert coach.hint(ALEX).replies[0].startswith("Hint: ")
    assert coach.history(ALEX).replies[0].startswith("Your last attempts:\n")


def test_a_step_that_fails_leaves_neither_the_change_nor_the_update(coach: Coach, monkeypatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(coach.store, "handled", broken)
    with pytest.raises(RuntimeError, match="disk gone"):
        owe(coach, 7, lambda: coach.start(ALEX, "report-copy"))
    assert coach.store.active_attempt(ALEX.id) is None and stored(coach) == (0, 0)
