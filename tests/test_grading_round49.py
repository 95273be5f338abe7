"""Play-test rounds 49 to 51: verdicts and hearings that were wrong, each now right."""

from __future__ import annotations

import pytest

from bot.grading.facts import fact_statuses
from bot.practice.hearing import hear
from bot.practice.plans import in_my_words
from bot.scenarios.library import Library
from tests.test_grading_round33 import HELLO, met_after_plan, said


@pytest.mark.parametrize(
    ("trainee", "met"),
    [
        # the plan handed over to say back, and a question followed by why it was asked
        ("So what's gonna happen in the next few minutes, you tell me?", True),
        ("What happened, you tell me?", False),
        ("Okay so what happens next, and when? Just wanna make sure I didn't talk too fast there.", True),
        ("Where do you go first? Just wanna be sure I explained it right.", True),
        # round 51: said back without "me"
        ("Can you say back what you'll do till they get there?", True),
        ("Can you say back what happened?", False),
        # the desk's own notes, not its explanation
        ("What's your plate? Just to make sure I have it right.", False),
        ("Was he speeding? Just to make sure I didn't miss it.", False),
    ],
)
def test_a_check_of_understanding_is_read_however_it_is_put(trainee: str, met: bool) -> None:
    assert met_after_plan(trainee, "testing_questions") is met


@pytest.mark.parametrize(
    ("trainee", "met"),
    [
        # a finder's good deed acknowledged: "not everybody would" (bring it in)
        ("thx so much for bringing it in Joe, not everybody would.", True),
        # round 50: a terse acknowledgement of a long dispute
        ("Three months. That's wearing.", True),
        ("Not everybody would like that.", False),
    ],
)
def test_a_good_deed_acknowledged_is_empathy(trainee: str, met: bool) -> None:
    assert met_after_plan(trainee, "empathy") is met


SENT_OUT = "A deputy will come by in about 30 minutes to take the report, don't touch the car until then."


def test_an_instruction_not_to_touch_the_car_refuses_no_report(library: Library) -> None:
    """A deputy sent instead of the online report is wrong, and the caller believes it: no "Nobody even takes a
    report?" because of the "don't" in another clause."""
    scenario = library.scenarios["car-break-in"]
    status = fact_statuses(said(HELLO, SENT_OUT), scenario.fact_rules, scenario.context)["online_report"]
    assert (status.status, status.why) == ("wrong", "the opposite of what is needed")
    heard = hear(scenario, "Someone broke into my car last night.", SENT_OUT, frozenset())
    assert "online_report.wrong" in heard.reactions and "online_report.refused" not in heard.reactions


@pytest.mark.parametrize(
    ("told", "said_back"),
    [
        ("It takes about fifteen minutes, and don't touch the car till you've taken photos.",
         "It takes about fifteen minutes, and I won't touch the car till I've taken photos."),
        ("It's all done, don't worry.", "It's all done, don't worry."),
    ],
)
def test_a_later_dont_is_said_back_as_the_callers_own(told: str, said_back: str) -> None:
    assert in_my_words(told) == said_back
