"""The visitor engine: shared machines, mood, rules, and attempts that survive a save."""

from __future__ import annotations

import json

import pytest

from bot.practice.attempt import Attempt
from bot.practice.engine import SavedVisitor, ScenarioEngine
from bot.scenarios.format import MOODS
from bot.scenarios.library import Library
from tests.calls import call

GREETING = "Good afternoon, Harbor Station, Deputy Lopez speaking. How can I help you?"


@pytest.fixture
def engine(library: Library) -> ScenarioEngine:
    return ScenarioEngine(library.scenarios["car-break-in"])


def test_attempts_share_the_scenarios_one_machine(engine: ScenarioEngine) -> None:
    first, _ = engine.start(seed=1)
    second, _ = engine.start(seed=2)
    assert first in engine.machine.models and second in engine.machine.models
    engine.respond(first, GREETING)  # picks up: the caller says what it called about
    engine.respond(first, "I'm sorry, that's awful.")
    assert first.state == "details" and second.state == "ringing"
    engine.release(first)
    assert first not in engine.machine.models and second in engine.machine.models


def test_a_restored_visitor_is_released_even_when_its_block_raises(engine: ScenarioEngine) -> None:
    saved = SavedVisitor("car-break-in", "details", 1, 1, 1)
    with pytest.raises(RuntimeError), engine.restored(saved) as visitor:
        assert visitor in engine.machine.models and visitor.state == "details"
        raise RuntimeError("between restore and release")
    assert engine.machine.models == []


def test_releasing_a_visitor_detaches_that_visitor_not_an_equal_one(engine: ScenarioEngine) -> None:
    saved = SavedVisitor("car-break-in", "details", 1, 1, 1)
    first, second = engine.restore(saved), engine.restore(saved)  # two attempts restored from one save
    engine.release(second)
    assert [m is first for m in engine.machine.models] == [True]
    engine.respond(first, GREETING)  # still driven by the machine


def test_the_visitor_opens_in_the_start_state(engine: ScenarioEngine) -> None:
    visitor, opening = engine.start(seed=5)
    assert visitor.state == "ringing" and opening == "(The phone rings.)"
    assert "car" in engine.respond(visitor, GREETING).line and visitor.state == "ringing"  # picked up


def test_the_same_seed_gives_the_same_conversation(library: Library) -> None:
    def conversation(seed: int) -> list[str]:
        attempt = Attempt.start(ScenarioEngine(library.scenarios["car-break-in"]), seed)
        for message in [GREETING, "When did it happen?", "What street was it on?"]:
            attempt.say(message)
        return [t.text for t in attempt.turns]

    assert conversation(11) == conversation(11)
    assert len({tuple(conversation(s)) for s in range(12)}) > 1


def test_empathy_calms_the_visitor_and_dismissiveness_angers_them(engine: ScenarioEngine) -> None:
    visitor, _ = engine.start(seed=0)
    start = visitor.mood
    engine.respond(visitor, "I'm so sorry that happened to you.")
    assert visitor.mood == start - 1
    engine.respond(visitor, "Calm down.")
    engine.respond(visitor, "Whatever.")
    assert visitor.mood == start + 1
    assert MOODS[visitor.mood] == "angry"


def test_a_dismissed_visitor_eventually_asks_for_a_supervisor(engine: ScenarioEngine) -> None:
    visitor, _ = engine.start(seed=0)
    replies = [
        engine.respond(visitor, m) for m in ["What is it?", "Not my problem.", "Whatever."] if not engine.ended(visitor)
    ]
    assert replies[-1].ended and visitor.state == "wants_supervisor"
    assert "supervisor" in replies[-1].line.lower() or "watch commander" in replies[-1].line.lower()
    assert not engine.resolved(visitor)


def test_a_clarifying_question_gets_an_answer_without_moving_on(engine: ScenarioEngine) -> None:
    visitor, _ = engine.start(seed=0)
    engine.respond(visitor, GREETING)
    reply = engine.respond(visitor, "When did this happen?")
    assert visitor.state == "details"
    assert any(words in reply.line for words in ("in front of my house", "overnight"))


def test_a_message_that_matches_no_rule_gets_an_idle_line(engine: ScenarioEngine) -> None:
    visitor, _ = engine.start(seed=0)
    engine.respond(visitor, GREETING)  # picks up
    engine.respond(visitor, "I'm sorry, that's awful.")
    reply = engine.respond(visitor, "Okay.")
    assert visitor.state == "details"
    idle = {line.text for line in engine.scenario.states["details"].idle}
    assert reply.line in idle


def test_a_saved_visitor_continues_exactly_where_it_was(library: Library) -> None:
    scenario = library.scenarios["car-break-in"]
    first_engine = ScenarioEngine(scenario)
    visitor, _ = first_engine.start(seed=9)
    first_engine.respond(visitor, GREETING)
    saved = json.loads(json.dumps(visitor.save().to_json()))

    uninterrupted = first_engine.respond(visitor, "You can report it online on our website.")
    restored_engine = ScenarioEngine(scenario)  # as after a restart
    restored = restored_engine.restore(SavedVisitor.from_json(saved))
    after_restart = restored_engine.respond(restored, "You can report it online on our website.")
    assert (after_restart.line, after_restart.state, after_restart.mood) == (
        uninterrupted.line,
        uninterrupted.state,
        uninterrupted.mood,
    )


def test_restoring_an_unknown_state_is_refused(engine: ScenarioEngine) -> None:
    with pytest.raises(ValueError, match="no state 'gone-fishing'"):
        engine.restore(SavedVisitor("car-break-in", "gone-fishing", 1, 1, 0))


def test_an_ended_attempt_takes_no_more_messages(engine: ScenarioEngine) -> None:
    visitor, _ = engine.start(seed=0)
    engine.respond(visitor, "You idiot.")
    assert engine.ended(visitor)
    with pytest.raises(ValueError, match="ended"):
        engine.respond(visitor, "Hello?")


def test_a_state_hint_coaches_without_giving_the_answer(library: Library) -> None:
    attempt = Attempt.start(ScenarioEngine(library.scenarios["car-break-in"]), 0)
    attempt.say(GREETING)
    hint = attempt.hint()
    assert hint and "online" not in hint.lower()


def test_empty_messages_are_ignored_and_long_ones_cut(library: Library) -> None:
    attempt = Attempt.start(ScenarioEngine(library.scenarios["car-break-in"]), 0)
    ignored = attempt.say("   ")
    assert ignored.reply is None and "Empty message ignored" in (ignored.notice or "")
    cut = attempt.say("Good morning, Harbor Station, Deputy Park. " + "x" * 5000)
    assert cut.reply is not None and "first 4,096" in (cut.notice or "")
    assert len(attempt.turns[1].text) == 4096 and len(attempt.turns) == 3



def test_help_waited_for_arrives_on_its_own(library: Library) -> None:
    """The lost caller told to stay put is reached by the deputy after five messages that move nothing, at one that
    asks her nothing, so the call never waits forever for a trainee who keeps her talking."""
    told = [
        "Hi there, Harbor Station, Deputy Mills speaking. What can I do for you?",
        "Okay. You did the right thing calling. I'm going to help you. What's your name?",
        "Thank you, June. Stay on the phone with me. Are you hurt at all? Are you cold?",
        "Good. Look around you. What can you see? A shop, a sign, a street name?",
        "That's okay. Do you know your home address, June?",
        "I'm asking dispatch to send a deputy to find you now. Stay where you are, by the supermarket.",
    ]
    attempt = call(library, "elderly-confused", told, 571)
    assert attempt.visitor.state == "waiting", attempt.turns[-1].text
    for said in ["Any lights yet?", "You're doing fine.", "Keep watching the road.", "Not long now.", "Still there?"]:
        attempt.say(said)
        assert attempt.visitor.state == "waiting", attempt.turns[-1].text
    attempt.say("Keep watching for the lights, June.")
    assert attempt.visitor.state == "found", attempt.turns[-1].text
