"""Play-test rounds 40 to 42: verdicts that were wrong, each now right, over whole calls as the grader reads them."""

from __future__ import annotations

import pytest

from bot.scenarios.library import Library
from tests.test_grading_round33 import met_after_plan, status_after


@pytest.mark.parametrize(
    ("scenario_id", "told", "fact", "status"),
    [
        # a room named in a sentence that takes her there now is her safety seen to, not a place only named
        ("domestic-violence-lobby", "Please step through the door on your left; there is a private interview room "
         "just inside, and I will meet you there straight away.", "safety_now", "given"),
        ("domestic-violence-lobby", "There is a private interview room just inside.", "safety_now", "wrong"),
        # "you will not be left alone" says she will have someone with her: no refusal
        ("domestic-violence-lobby", "You are safe here, and you will not be left alone.", "safety_now", "given"),
        ("domestic-violence-lobby", "Please wait in the lobby, you will not be left alone.", "safety_now", "wrong"),
        # round 41: the total worked out from the fee for each is no second, wrong fee
        ("solicitor-permit", "It's per person, $50 each, so $150. Takes ten business days.", "permit_fee_time",
         "given"),
        ("solicitor-permit", "It's $150 each. Takes ten business days.", "permit_fee_time", "wrong"),
        # round 42: the number asked for so the deputy can call back arranges the callback; "they call you" does too
        ("welfare-check", "Please, your name and phone number, so the deputy can call you after?", "callback", "given"),
        ("welfare-check", "After the deputy checks on her, they call you on your cell.", "callback", "given"),
        ("welfare-check", "Will the deputy call you back?", "callback", "wrong"),
    ],
)
def test_what_was_said_is_graded_for_what_it_does(
    library: Library, scenario_id: str, told: str, fact: str, status: str
) -> None:
    assert status_after(library, scenario_id, told, fact) == status


@pytest.mark.parametrize(
    ("trainee", "criterion", "met"),
    [
        ("Hear you. I'll note it's a repeat so the supervisor sees the pattern. When should you expect the deputy?",
         "testing_questions", True),
        ("When do you expect him home?", "testing_questions", False),
        ("I do understand how vexing that must be, paying for a broken meter in effect.", "empathy", True),
        ("How hard would it be to move the car?", "empathy", False),
        ("thanks for bringing it in, that's super nice of you", "empathy", True),
        ("Is there anything else you or your mom need from me before I bring the interpreter on?",
         "offer_more_help", True),
        # round 41
        ("Just so I know I didn't go too fast, can you tell me what's first on your list?", "testing_questions", True),
        ("What's on your list of stolen things?", "testing_questions", False),
        ("Just so I know I said it clear, when's the latest you could walk in on a Friday?", "testing_questions", True),
        ("When's the latest you were there?", "testing_questions", False),
        ("Quick check. Who do you call with questions, and what do you give them?", "testing_questions", True),
        ("A quick check of the plate came back clean. Who owns the car?", "testing_questions", False),
        ("Good on you for sorting it out before the move.", "empathy", True),
        # round 42
        ("I know it's a lot when you're rattled, so humor me, what's the form called, who does it go to, and how long "
         "have you got?", "testing_questions", True),
        ("Humor me, what's the plate on the car?", "testing_questions", False),
        ("Please tell me. What is on the paper? If we find the bike, what happen?", "testing_questions", True),
        ("If you saw it, what happened?", "testing_questions", False),
    ],
)
def test_round_40_verdicts(trainee: str, criterion: str, met: bool) -> None:
    assert met_after_plan(trainee, criterion) is met
