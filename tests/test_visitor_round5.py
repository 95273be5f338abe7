"""The visitor found wrong by two blind play-testers in 60 competent calls (round 5), replayed by scenario and seed,
with general cases in other scenarios:

1. Asked something (a question, a detail, a read-back, a yes or no), the visitor answers and does not leave in
   that reply; a parent of a missing child gives the home address.
2. "Again," / "As I said," / "Like I said," only before something the visitor said earlier in the call.
3. Checks get a fitting answer: "Do you have that written down?" yes, written down; "Is that something you can
   do?" yes, I can; "You understand?" yes; never "No idea", "I don't know" or "It does, yes.".
4. A quiz about what the trainee said ("How many days do you have for the DMV form?") is answered with the
   trainee's own value for that thing (a wrong one too), briefly, not a persona detail nor the whole sentence.
8. Names, numbers and descriptions vary with the seed: two seeds in a row never share them.
"""

from __future__ import annotations

import re

import pytest

from bot.practice.attempt import Attempt
from bot.practice.engine import ScenarioEngine
from bot.practice.lines import earned_repeats
from bot.practice.visitor import Visitor
from bot.scenarios.library import Library
from tests.calls import call

LEAVES = re.compile(r"\bbye\b|turns to go|about to hang up|hangs up|heads out|\(Click\.\)|leaves\b", re.I)
NON_ANSWER = re.compile(r"no idea|i don't know|not sure|it does, yes|makes sense|no clue", re.I)
REPEAT = re.compile(r"^(again|as i said|like i said),", re.I)

LOBBY_HELLO = "Hi, welcome to Harbor Station, I'm Deputy Lee. What happened?"
PHONE_HELLO = "Harbor Station, Deputy Lopez speaking. How can I help?"
LOST_CHILD = [
    LOBBY_HELLO,
    "I'm calling dispatch so deputies can look for her parents. She can stay here with us, she's safe.",
    "Can I get your name and number?",
]
COLLISION = [
    "Good afternoon, welcome to Harbor Station. I'm Deputy Ng. How can I help?",
    "I'm sorry, that's rattling. Was anyone hurt?",
    "I'll take the collision report here with you now. Also you have to report the accident to the DMV on the SR-1 "
    "form within 10 days, and keep your insurance company in the loop.",
]
NEIGHBOUR = [
    "Good evening, Harbor Station, Deputy Ray speaking.",
    "I'm sorry it's gotten to that point.",
    "If his truck is blocking your driveway right now, call dispatch at (562) 555-0111, and they can send a deputy out "
    "for that. The bigger neighbour problem is a civil matter, and the best route is community mediation, "
    "(562) 555-0181.",
]
PARKING = [
    "Harbor Station, Deputy Ray.",
    "That sounds frustrating. The desk can't cancel a citation, but you can contest it: you've got {days} days from "
    "the date of the ticket, and you contact parking citations at (562) 555-0137.",
]


def _staying(attempt: Attempt, message: str) -> str:
    reply = attempt.say(message).reply
    assert not reply.ended and not attempt.engine.leaving(attempt.visitor), reply.line
    assert not LEAVES.search(reply.line), reply.line
    return reply.line


# 1. Asked something, the visitor answers and stays.


@pytest.mark.parametrize("seed", (61, 62, 1))
def test_the_finder_of_a_lost_child_asked_what_she_carried_answers_and_does_not_walk_out(
    library: Library, seed: int
) -> None:
    attempt = call(library, "lost-child-lobby", LOST_CHILD, seed)
    _staying(attempt, "Thank you. Was she carrying anything, a backpack, a bracelet, anything with a name on it?")
    _staying(attempt, "Thanks. Is that the main library on Harbor Boulevard, yes or no?")
    assert attempt.say("Anything else I can help you with? Thanks for bringing her in.").reply.ended
    assert attempt.finish().grade.criteria["offer_more_help"].met


@pytest.mark.parametrize("seed", (62, 2))
def test_asked_whether_the_deadline_is_10_or_30_days_the_driver_answers_10_and_stays(
    library: Library, seed: int
) -> None:
    attempt = call(library, "minor-collision", COLLISION, seed)
    line = _staying(
        attempt, "Thanks. Just checking you caught the deadline: the DMV report, is it due in 10 days, or 30?"
    )
    assert "10" in line and "30" not in line, line
    attempt.finish()


@pytest.mark.parametrize("seed", (72, 3))
def test_the_parent_of_a_missing_child_asked_for_the_home_address_gives_it(library: Library, seed: int) -> None:
    messages = [
        PHONE_HELLO,
        "I'm so sorry, that's scary. What's your child wearing, and where were they last seen?",
        "I'm sending a deputy to you right now. Stay by your phone; dispatch's direct line is 562-555-0111.",
    ]
    attempt = call(library, "child-late-home", messages, seed)
    line = _staying(attempt, "Thank you. And what's your home address?")
    assert "Lakewood Drive" in line, line
    attempt.finish()


# 2. A repeat's opener only before what was said.


def test_as_i_said_is_dropped_before_something_never_said() -> None:
    visitor = Visitor("domestic-violence-lobby", 62, 2, 2)
    visitor.heard |= {"said:just a bruise on my wrist and my head hurts"}
    assert earned_repeats("Yes. As I said, my throat hurts. Breathing's okay.", visitor) == (
        "Yes. My throat hurts. Breathing's okay."
    )
    assert earned_repeats("Again, (562) 555-0459.", visitor) == "(562) 555-0459."
    assert earned_repeats("As I said, just a bruise on my wrist.", visitor).startswith("As I said")


@pytest.mark.parametrize("seed", (71, 72, 1))
def test_after_a_sarcastic_question_the_caller_never_says_again_before_its_first_answer(
    library: Library, seed: int
) -> None:
    attempt = call(library, "identity-theft", [PHONE_HELLO], seed)
    attempt.say("Oh wow, what a hero you are for calling. Thanks a bunch for the bedtime story. Name and number?")
    for message in ("Sorry. What's your name?", "And a phone number?"):
        line = attempt.say(message).reply.line
        assert not REPEAT.match(line), line
    attempt.finish()


# 3. Checks answered in kind.


CHECKS = [
    ("minor-collision", COLLISION, "Do you have that written down?", r"written|phone"),
    ("minor-collision", COLLISION, "Got a pen?", r"written|phone"),
    ("neighbour-dispute", NEIGHBOUR, "Did you get both numbers written down?", r"written|phone"),
    ("neighbour-dispute", NEIGHBOUR, "Is that something you can do?", r"\bcan\b|I'll do"),
    ("minor-collision", COLLISION, "Can you do that?", r"\bcan\b|I'll do"),
    ("neighbour-dispute", NEIGHBOUR, "You understand?", r"^yes"),
    ("minor-collision", COLLISION, "Is it clear what to do?", r"^yes"),
]


@pytest.mark.parametrize("seed", (61, 72))
@pytest.mark.parametrize(("scenario", "before", "check", "answer"), CHECKS)
def test_a_check_that_the_visitor_has_it_gets_a_yes_in_kind(
    library: Library, seed: int, scenario: str, before: list[str], check: str, answer: str
) -> None:
    attempt = call(library, scenario, before, seed)
    line = _staying(attempt, check)
    assert re.search(answer, line, re.I) and not NON_ANSWER.search(line), line
    attempt.finish()


# 4. Quizzes answered from what the trainee said.


@pytest.mark.parametrize("seed", (62, 1))
def test_how_many_days_for_the_dmv_form_is_answered_with_the_trainees_days(library: Library, seed: int) -> None:
    attempt = call(library, "minor-collision", COLLISION, seed)
    line = _staying(attempt, "How many days do you have for the DMV form?")
    assert "10" in line and "plate" not in line.lower() and len(line.split()) <= 8, line
    attempt.finish()


@pytest.mark.parametrize("seed", (72, 2))
def test_which_number_is_for_dispatch_gets_the_dispatch_number_and_when(library: Library, seed: int) -> None:
    attempt = call(library, "neighbour-dispute", NEIGHBOUR, seed)
    line = _staying(attempt, "Fair enough. Just to be sure, which number is for dispatch, and when would you call it?")
    assert "555-0111" in line and "0181" not in line and "mediation" not in line, line
    assert "driveway" in line, line
    attempt.finish()


@pytest.mark.parametrize("days", ("21", "30"))
def test_the_deadline_quiz_gets_the_trainees_figure_even_a_wrong_one(library: Library, days: str) -> None:
    attempt = call(library, "parking-citation", [m.format(days=days) for m in PARKING], 72)
    line = _staying(attempt, "Great. And how many days do you have to contest it?")
    assert days in line and len(line.split()) <= 8, line
    number = _staying(attempt, "Good. Who is that number for?")
    assert "555-0137" in number and "citation" in number.lower(), number
    attempt.finish()


# 8. Seeds vary.


@pytest.mark.parametrize(
    "scenario",
    [
        "fireworks-complaint",
        "lost-child-lobby",
        "neighbour-dispute",
        "identity-theft",
        "deputy-compliment",
        "grandparent-scam",
    ],
)
def test_two_seeds_in_a_row_never_share_a_name_or_a_number(library: Library, scenario: str) -> None:
    engine = ScenarioEngine(library.scenarios[scenario])
    for seed in (61, 71, 1):
        with engine.started(seed) as (first, _), engine.started(seed + 1) as (second, _):
            one, two = engine.details(first), engine.details(second)
            for pool in one:
                if len(library.scenarios[scenario].pools[pool]) > 1:
                    assert one[pool] != two[pool], (scenario, seed, pool)


# 5. Hand-overs and last words.

CHEERY = re.compile(r"nope, that's it|i'm all set|still here with you|you're still on the line", re.I)


@pytest.mark.parametrize("scenario", ["mental-health-crisis", "domestic-violence-lobby", "elderly-confused"])
@pytest.mark.parametrize("seed", (71, 72))
def test_a_caller_in_crisis_a_victim_or_a_confused_caller_never_signs_off_like_a_shop_customer(
    library: Library, scenario: str, seed: int
) -> None:
    from bench.roleplay import load_scripts, script_files, without_close

    script = next(s for p in script_files() if p.stem == scenario for s in load_scripts(p) if s.kind == "competent")
    engine = ScenarioEngine(library.scenarios[scenario])
    attempt = Attempt.start(engine, seed)
    for message in script.messages:
        if attempt.ended or engine.leaving(attempt.visitor):
            break
        line = attempt.say(without_close(message, engine.scenario.intents) or "Okay.").reply.line
        assert not CHEERY.search(line), line
    if not attempt.ended:
        line = attempt.say("Is there anything else you need from me?").reply.line
        assert not CHEERY.search(line), line
    attempt.finish()
