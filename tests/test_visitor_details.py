"""A visitor who gives the concrete details a deputy needs, and a brief that shows the agency facts the call needs.

Blind play-tests of 36 competent calls found the callback number answered "My cell." in almost every call, no
street address when a deputy was being sent, no date of birth for a named son, no plate or other driver's details
after a collision. Each persona now holds its details (`persona.details`: a number in digits, a street address,
and what its kind of call needs), the engine gives the one asked for, and the validator refuses a persona that
could not answer the routine questions. The facts a trainee cannot know (numbers, hours, fees) are shown with the
brief, as a desk reference.
"""

from __future__ import annotations

import io
import re

import pytest

from bot.practice.attempt import Attempt
from bot.practice.coach import Coach, User
from bot.practice.engine import ScenarioEngine
from bot.scenarios.format import parse_scenario
from bot.scenarios.library import Library
from bot.terminal import run_conversation
from tests.conftest import minimal

SEEDS = (1, 2, 3)
HELLO = "Good afternoon, Harbor Station, Deputy Lopez speaking. How can I help?"
DIGITS = re.compile(r"\d{3}\D{0,2}\d{4}\b")
HOUSE_NUMBER = re.compile(r"\b\d{1,5}(st|nd|rd|th)?\b")


def reply_to(library: Library, scenario_id: str, messages: list[str], seed: int) -> str:
    attempt = Attempt.start(ScenarioEngine(library.scenarios[scenario_id]), seed)
    line = ""
    for message in messages:
        if attempt.ended:
            break
        line = attempt.say(message).reply.line
    attempt.finish()
    return line


def test_every_persona_gives_its_callback_number_in_digits(library: Library) -> None:
    for scenario_id, scenario in library.scenarios.items():
        unknown = any(d.name == "phone" and not d.known for d in scenario.persona_details)
        for seed in SEEDS:
            line = reply_to(library, scenario_id, [HELLO, "What's the best number to reach you?"], seed)
            assert unknown or DIGITS.search(line), (scenario_id, seed, line)


@pytest.mark.parametrize(
    "question",
    ["Can I get your address?", "What's the house number?", "And what's the street address?"],
)
def test_every_persona_gives_a_street_address_with_its_number(library: Library, question: str) -> None:
    for scenario_id in library.scenarios:
        line = reply_to(library, scenario_id, [HELLO, question], 1)
        assert HOUSE_NUMBER.search(line), (scenario_id, line)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_callback_number_comes_with_the_name_when_both_are_asked(library: Library, seed: int) -> None:
    line = reply_to(library, "noise-complaint", [HELLO, "What's your name and callback number?"], seed)
    assert DIGITS.search(line), line


@pytest.mark.parametrize("seed", SEEDS)
def test_a_mother_gives_her_sons_date_of_birth_not_his_name_again(library: Library, seed: int) -> None:
    line = reply_to(library, "arrested-relative", [HELLO, "And your son's date of birth?"], seed)
    assert re.search(r"\b(19|20)\d\d\b", line), line


@pytest.mark.parametrize("seed", SEEDS)
def test_the_other_drivers_details_are_read_out_not_just_said_to_be_held(library: Library, seed: int) -> None:
    line = reply_to(
        library, "minor-collision", [HELLO, "Can you read me the other driver's name, plate and insurance?"], seed
    )
    assert re.search(r"\b\d[A-Z]{3}\d{3}\b", line) and "insurance" in line.lower(), line


@pytest.mark.parametrize(
    ("scenario_id", "question", "expected"),
    [
        ("lost-child-lobby", "Before you go I need your name and phone number.", DIGITS),
        ("welfare-check", "What's the house number on her street?", re.compile(r"\b\d{4} [A-Z]")),  # drawn per seed
        ("impound-release", "Were you given a reason at the stop?", re.compile(r"said|because", re.I)),
        ("neighbour-dispute", "Did he threaten her, or put hands on anybody?", re.compile(r"threat|touched", re.I)),
        ("towed-car", "Were there any signs posted?", re.compile(r"\bsign\b", re.I)),
    ],
)
def test_a_detail_the_call_needs_is_given_when_asked(
    library: Library, scenario_id: str, question: str, expected: re.Pattern[str]
) -> None:
    for seed in SEEDS:
        line = reply_to(library, scenario_id, [HELLO, question], seed)
        assert expected.search(line), (seed, line)


def test_someone_elses_number_is_not_answered_with_the_callers_own(library: Library) -> None:
    line = reply_to(library, "elderly-confused", [HELLO, "What is your daughter's phone number?"], 33)
    assert "my own number" not in line, line


# The validator: every persona that answers questions can answer the routine ones.

WITH_FACTS = {"name": "Sam", "mood": "uneasy", "facts": {"name": ["It's Sam."]}}


@pytest.mark.parametrize(
    ("details", "problem"),
    [
        (None, "the persona needs 'details'"),
        ({"phone": "It's (562) 555-0101."}, "needs a 'address' detail"),
        ({"phone": "My cell.", "address": "12 Elm Street."}, "detail 'phone' must give it in digits"),
        ({"phone": "555-0101.", "address": "Elm Street."}, "detail 'address' must give it in digits"),
        ({"phone": "555-0101.", "address": "12 Elm.", "plate": {"say": "Plate 7ABC123."}}, "needs 'asked'"),
    ],
)
def test_a_persona_that_cannot_answer_the_routine_questions_is_refused(
    scenario_file, details: dict | None, problem: str
) -> None:
    persona = dict(WITH_FACTS, **({"details": details} if details is not None else {}))
    scenario, problems = parse_scenario(scenario_file(minimal(persona=persona)), {})
    assert scenario is None and any(problem in p.message for p in problems), problems


def test_a_detail_the_persona_truly_does_not_know_may_go_without_digits(scenario_file) -> None:
    details = {"phone": {"say": "I never learned it, dear.", "known": False}, "address": "22 Fir Avenue."}
    scenario, problems = parse_scenario(scenario_file(minimal(persona=dict(WITH_FACTS, details=details))), {})
    assert scenario is not None, problems


def test_a_persona_with_no_facts_needs_no_details(scenario_file) -> None:
    scenario, problems = parse_scenario(scenario_file(minimal()), {})
    assert scenario is not None, problems


# The desk reference: the agency facts this call needs, shown with the brief.


@pytest.mark.parametrize(
    ("scenario_id", "shown"),
    [
        ("arrested-relative", "(562) 555-0170"),
        ("towed-car", "Valley Tow"),
        ("registrant-questions", "Mondays and Wednesdays"),
        ("vin-inspection", "(562) 555-0124"),
        ("report-copy", "$15"),
        ("clearance-letter", "Tuesdays and Thursdays"),
    ],
)
def test_the_brief_shows_the_agency_facts_a_trainee_could_not_guess(
    library: Library, scenario_id: str, shown: str
) -> None:
    card = library.scenarios[scenario_id].desk_card()
    assert card.startswith("Desk reference:") and shown in card, card
    assert all(len(line) <= 90 for line in card.splitlines()), card  # one setting a line, fits a phone


def test_a_call_that_needs_no_agency_facts_shows_no_desk_reference(library: Library) -> None:
    assert library.scenarios["child-late-home"].desk_card() == ""


def test_the_coach_shows_the_desk_reference_under_the_brief(library: Library) -> None:
    from sqlite_utils import Database

    from bot.storage.store import Store

    coach = Coach(library, Store(Database(memory=True)), seeds=lambda: 1)
    user = User(5, 5, "Sam")
    coach.register(user)
    (intro,) = coach.start(user, "towed-car").replies
    brief_at, desk_at = intro.index(library.scenarios["towed-car"].brief), intro.index("Desk reference:")
    assert brief_at < desk_at < intro.index("/hint") and "(562) 555-0188" in intro


def test_the_terminal_shows_the_desk_reference_under_the_brief(library: Library) -> None:
    attempt = Attempt.start(ScenarioEngine(library.scenarios["arrested-relative"]), 1)
    out = io.StringIO()
    run_conversation(attempt, lambda: None, out, io.StringIO(), echo=False)
    text = out.getvalue()
    assert (
        text.index("Desk reference:")
        < text.index("\u2022 Inmate information line: (562) 555-0170")
        < text.index("/hint")
    )


def test_the_hint_points_at_the_desk_reference(library: Library) -> None:
    attempt = Attempt.start(ScenarioEngine(library.scenarios["service-tester"]), 1)
    assert "desk reference" in attempt.hint()
    attempt.finish()
