"""A phone call rings first: the desk picks up and greets, and only then does the caller speak.

A phone scenario whose opening line begins with the phone ringing ("(The phone rings.) Hi, my car...") opens
with the ring alone, kept as the visitor's first turn. The trainee's first message picks up; the caller's reply
to it is the opening's spoken words, and the call goes on from the opening state as it always did. A rude,
dismissive or farewell pick-up may get the state's usual reaction instead. Lobby visits are unchanged: the
visitor walks up and speaks first.
"""

from __future__ import annotations

import io
import re

import pytest
from sqlite_utils import Database

from bot.practice.attempt import Attempt
from bot.practice.coach import Coach, User
from bot.practice.engine import ScenarioEngine
from bot.practice.hearing import without_asking_where_it_called
from bot.practice.scorecard import scorecard_lines
from bot.scenarios.format import Scenario
from bot.scenarios.library import Library
from bot.storage.store import Store
from bot.terminal import run_conversation

RING = "(The phone rings.)"
PICK_UP = "Good afternoon, Harbor Station, Deputy Lopez speaking. How can I help?"
SEEDS = (1, 2, 3, 4, 5)
ALEX = User(1, 1, "Alex")


def ringing(scenario: Scenario) -> bool:
    return scenario.channel == "phone" and all(
        line.text.startswith("(The phone rings") for line in scenario.states[scenario.start].lines
    )


def phone_ids(library: Library) -> list[str]:
    return sorted(sid for sid, s in library.scenarios.items() if ringing(s))


def spoken_pattern(template: str) -> re.Pattern[str]:
    """What the caller says on pick-up for an opening template: the words after the ring (any other stage
    direction in the ring's parentheses stays, in its own: "(A long pause.) ...Hi."), each pool a wildcard."""
    words = re.sub(r"^\(The phone rings\.\s*\)\s*", "", template)
    words = re.sub(r"^\(The phone rings\.\s+", "(", words)
    parts = re.split(r"\{[a-z_.]+\}", words)
    return re.compile(".+".join(re.escape(p) for p in parts), re.DOTALL)


def started(library: Library, scenario_id: str, seed: int) -> Attempt:
    return Attempt.start(ScenarioEngine(library.scenarios[scenario_id]), seed)


def test_every_bundled_phone_call_rings_first(library: Library) -> None:
    assert len(phone_ids(library)) >= 10


@pytest.mark.parametrize("seed", SEEDS)
def test_a_phone_call_opens_with_the_ring_alone(library: Library, seed: int) -> None:
    for scenario_id in phone_ids(library):
        attempt = started(library, scenario_id, seed)
        assert attempt.opening == RING, (scenario_id, attempt.opening)
        assert attempt.visitor.state == library.scenarios[scenario_id].start
        attempt.finish()


@pytest.mark.parametrize("seed", SEEDS)
def test_the_caller_answers_the_pick_up_with_what_it_called_about(library: Library, seed: int) -> None:
    for scenario_id in phone_ids(library):
        scenario = library.scenarios[scenario_id]
        attempt = started(library, scenario_id, seed)
        reply = attempt.say(PICK_UP).reply
        assert reply is not None and not reply.ended
        lines = [line.text for line in scenario.states[scenario.start].lines]
        # "Is this the sheriff's?" is not asked of a desk that said so when it picked up
        lines += [without_asking_where_it_called(text, PICK_UP) for text in lines]
        templates = [spoken_pattern(text) for text in lines]
        assert any(t.fullmatch(reply.line) for t in templates), (scenario_id, reply.line)
        assert "phone rings" not in reply.line.lower()
        assert attempt.visitor.state == scenario.start  # the call goes on from the opening state
        attempt.finish()


def test_a_stage_direction_beside_the_ring_comes_with_the_callers_words(library: Library) -> None:
    scenario = library.scenarios["mental-health-crisis"]
    seen = set()
    for seed in range(40):
        attempt = started(library, scenario.id, seed)
        seen.add(attempt.say(PICK_UP).reply.line)
        attempt.finish()
    assert "(A long pause.) ...Hi. Sorry. I didn't know who else to call." in seen


def test_the_transcript_has_the_desk_speak_before_the_caller(library: Library) -> None:
    attempt = started(library, "car-break-in", 3)
    for message in (PICK_UP, "I'm so sorry, that's an awful thing to find. Was anyone hurt?"):
        attempt.say(message)
    roles = [t.role for t in attempt.turns]
    assert roles == ["visitor", "trainee", "visitor", "trainee", "visitor"]
    assert attempt.turns[0].text == RING and attempt.turns[1].text == PICK_UP
    assert "car" in attempt.turns[2].text.lower()


def test_after_the_pick_up_the_call_goes_on_as_from_the_opening(library: Library) -> None:
    """The first message after the caller has spoken is read in the opening state, as any first answer was."""
    attempt = started(library, "car-break-in", 3)
    attempt.say(PICK_UP)
    reply = attempt.say("I'm so sorry, that's an awful thing to find.").reply
    assert reply.state == "details" and not reply.ended


def test_the_pick_up_is_remembered_what_it_showed_and_what_was_heard(library: Library) -> None:
    attempt = started(library, "car-break-in", 3)
    attempt.say("Good evening, Harbor Station, Deputy Lopez speaking.")
    assert "greeting" in attempt.visitor.facts
    assert "tod:evening" in attempt.visitor.heard  # "Good evening" heard: no "have a good day" later


def test_a_pick_up_with_no_greeting_sours_the_caller_a_step(library: Library) -> None:
    curt, polite = started(library, "car-break-in", 3), started(library, "car-break-in", 3)
    start = curt.visitor.mood
    curt.say("Yeah?")
    polite.say(PICK_UP)
    assert curt.visitor.mood == start + 1 and polite.visitor.mood == start


def test_a_goodbye_for_a_pick_up_loses_the_caller(library: Library) -> None:
    attempt = started(library, "car-break-in", 3)
    reply = attempt.say("Bye.").reply
    assert reply.ended and reply.state == "leaves_unhappy"


def test_a_rude_pick_up_gets_the_states_reaction(library: Library) -> None:
    attempt = started(library, "car-break-in", 3)
    reply = attempt.say("Ugh, what do you want? I'm busy.").reply
    assert reply.state == "wants_supervisor"


def test_a_sarcastic_pick_up_no_rule_reacts_to_takes_the_caller_aback_before_it_speaks(library: Library) -> None:
    polite, sarcastic = started(library, "car-break-in", 3), started(library, "car-break-in", 3)
    words = polite.say(PICK_UP).reply.line
    reply = sarcastic.say("Harbor Station. Wow, what a hero.").reply
    assert reply.line.endswith(words) and reply.line != words
    assert reply.state == "ringing" and sarcastic.visitor.mood > polite.visitor.mood


def test_a_saved_ringing_call_picks_up_the_same_after_a_restore(library: Library) -> None:
    engine = ScenarioEngine(library.scenarios["child-late-home"])
    with engine.started(7) as (visitor, opening):
        saved = visitor.save()
        direct = engine.respond(visitor, PICK_UP).line
    assert opening == RING
    with engine.restored(saved) as restored:
        assert engine.respond(restored, PICK_UP).line == direct


def test_the_hint_says_to_pick_up_with_a_greeting_while_it_rings(library: Library) -> None:
    for scenario_id in phone_ids(library):
        attempt = started(library, scenario_id, 1)
        hint = attempt.hint().lower()
        assert "pick up" in hint and "greet" in hint, (scenario_id, hint)
        attempt.say(PICK_UP)
        after = attempt.hint().lower()
        assert "pick up" not in after and not after.startswith("greet"), (scenario_id, after)
        attempt.finish()


@pytest.mark.parametrize("seed", (1, 2, 3))
def test_the_scorecard_tips_point_at_the_pick_up_and_the_callers_problem(library: Library, seed: int) -> None:
    scenario = library.scenarios["car-break-in"]
    attempt = started(library, scenario.id, seed)
    for message in ("Yeah?", "File it online. It takes fifteen minutes.", "Bye."):
        if not attempt.ended:
            attempt.say(message)
    card = "\n".join(scorecard_lines(attempt.finish(), scenario.title, "caller"))
    greeting = next(line for line in card.splitlines() if "Greeting" in line)
    empathy = next(line for line in card.splitlines() if "Empathy" in line)
    assert "(turn 2), \u201cYeah?\u201d" in greeting
    assert "phone rings" not in empathy.lower() and "(turn 3)" in empathy, empathy


def test_lobby_visitors_still_speak_first(library: Library) -> None:
    for scenario_id, scenario in sorted(library.scenarios.items()):
        if scenario.channel != "lobby":
            continue
        attempt = started(library, scenario_id, 1)
        assert not re.fullmatch(r"\([^()]*\)", attempt.opening), (scenario_id, attempt.opening)
        assert len(re.sub(r"\([^()]*\)", "", attempt.opening).split()) >= 3
        attempt.finish()


def test_the_terminal_shows_the_ring_then_the_pick_up_then_the_caller(library: Library) -> None:
    engine = ScenarioEngine(library.scenarios["car-break-in"])
    messages = iter([PICK_UP])
    out = io.StringIO()
    with Attempt.started(engine, 3) as attempt:
        run_conversation(attempt, lambda: next(messages, None), out, io.StringIO(), echo=True)
    shown = [line for line in out.getvalue().splitlines() if line.startswith(("Caller", "You:"))]
    assert shown[0] == f"Caller (?): {RING}"
    assert shown[1] == f"You: {PICK_UP}"
    assert shown[2].startswith("Caller (?): ") and "car" in shown[2].lower()


def test_telegram_practice_opens_with_the_ring_and_the_pick_up_gets_the_callers_words(library: Library) -> None:
    coach = Coach(library, Store(Database(memory=True)), seeds=lambda: 3)
    (intro,) = coach.start(ALEX, "car-break-in").replies
    assert intro.endswith(f"Caller (?): {RING}")
    (reply,) = coach.say(ALEX, PICK_UP).replies  # the visitor restored from the store between messages
    assert reply.startswith("Caller (?): ") and "car" in reply.lower()
    assert "phone rings" not in reply.lower()
