"""Play-test round 37: verdicts that were wrong, each now right, over whole calls as the grader reads them."""

from __future__ import annotations

import pytest

from bot.scenarios.library import Library
from tests.test_grading_round33 import met_after_plan, status_after


@pytest.mark.parametrize(
    ("scenario_id", "told", "fact", "status"),
    [
        # "what happens is" only says a step follows: the desk passes it on
        ("deputy-compliment", "So what happens is I write this up and pass it to the watch commander, and it goes to "
         "Deputy Park and into his file.", "pass_on", "given"),
        ("deputy-compliment", "The plan is you write to the newspaper.", "pass_on", "missing"),
        # the trainee's own title brings no deputy to her
        ("domestic-violence-lobby", "I'm Deputy Lorna Pickett with the Sheriff's Department here at Harbor Station.",
         "deputy_now", "missing"),
        ("domestic-violence-lobby", "I'm calling a deputy in from the back right this minute to sit with us.",
         "deputy_now", "given"),
    ],
)
def test_what_was_said_is_graded_for_what_it_does(
    library: Library, scenario_id: str, told: str, fact: str, status: str
) -> None:
    assert status_after(library, scenario_id, told, fact) == status


@pytest.mark.parametrize(
    ("trainee", "criterion", "met"),
    [
        ("Totally understandable, deadlines are stressful, but you're in the right spot and this is pretty easy.",
         "empathy", True),
        ("def the right call, way safer here. can i get ur name + phone?", "empathy", True),
        ("Understood. Every night is rough, sorry. Where are they setting them off?", "empathy", True),
        ("The form is understandable.", "empathy", False),
        ("So that we are clear, would you kindly tell me when you may expect the deputy to arrive?",
         "testing_questions", True),
        ("Just so we're on the same page, can you tell me what's about to happen, and did the pills go in the trunk?",
         "testing_questions", True),
        ("Tell me what was about to happen when he hit you.", "testing_questions", False),
        ("I understand, it is most frustrating to receive a ticket one feels is unjust.", "empathy", True),
        ("It's hard to say.", "empathy", False),
        ("No signature needed today. Quick check: who's reviewing this, and how do you reach them?",
         "testing_questions", True),
        ("I understand the pressure.", "empathy", True),
        ("That's a nuisance.", "empathy", True),
    ],
)
def test_round_37_verdicts(trainee: str, criterion: str, met: bool) -> None:
    assert met_after_plan(trainee, criterion) is met


def test_an_advocate_named_with_her_number_and_asked_to_come_is_brought_in(library: Library) -> None:
    told = (
        "There is also a victim advocate, whose whole job is to help people in your situation with safety planning and "
        "shelter; her direct number is (562) 555-0177, and I will ask her to come and sit with you. If you ever need "
        "someone at any hour, the domestic violence hotline is 1-800-799-7233."
    )
    assert status_after(library, "domestic-violence-lobby", told, "advocate") == "given"
    only_later = "If you ever need someone at any hour, the domestic violence hotline is 1-800-799-7233."
    assert status_after(library, "domestic-violence-lobby", only_later, "advocate") == "wrong"


def test_sincere_courtesy_is_no_sarcasm_but_thanks_for_the_yelling_is() -> None:
    from bot.grading.detectors import detect

    assert "sarcasm" not in detect("How very kind of you to take the time. Such calls are always a pleasure.").names
    assert "sarcasm" in detect("Real pleasure, thanks for all the yelling.").names
