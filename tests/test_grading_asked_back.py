"""A question that asks back what the trainee told earlier is a check of understanding, in the trainee's own words.

Play-test round 27: "And how much should you have on you for the letter?" after the fee, "So what number do you call
to book?" after the number, and "what are you bringing with you on Wednesday?" after the list were quizzes the
grader did not count. A question of the visitor's own ("What time works for you?", "How much did they take?") after
the same explanation is not one.
"""

from __future__ import annotations

import pytest

from bot.grading import grade
from bot.transcript import Turn

HELLO = "Good morning, Harbor Station, Deputy Cole speaking. How can I help?"


def checked_by(*trainee: str) -> tuple[bool | None, str | None]:
    turns = [Turn(role, text) for said in trainee for role, text in (("trainee", said), ("visitor", "Okay."))]
    verdict = grade([Turn("visitor", "Hi."), Turn("trainee", HELLO), *turns]).criteria["testing_questions"]
    return verdict.met, verdict.evidence


ASKED_BACK = [
    ("The clearance letter is $25.", "And how much should you have on you for the letter?"),
    ("Fingerprinting is Tuesdays and Thursdays, 9 to 3.", "Which days are you gonna come in?"),
    ("You book by calling (562) 555-0124.", "So what number do you call to book?"),
    ("Bring the car, the DMV form, the title and a photo ID.", "And which papers do you need to have with you?"),
    ("Go to the permits counter at 500 Ocean Boulevard.", "And where you go for the permit?"),
    ("It's ready in five to seven business days.", "And about how long till it's ready?"),
    ("If you'd like it in writing, email commendations@bayviewsheriff.example.", "Which address will you send it to?"),
]


@pytest.mark.parametrize(("told", "asked"), ASKED_BACK)
def test_a_question_on_what_was_told_checks_understanding(told: str, asked: str) -> None:
    assert checked_by(told, asked) == (True, asked)


OWN_QUESTIONS = [
    ("The clearance letter is $25.", "How much did they take from your car?"),
    ("Records is open weekdays 8 to 4.", "What time works for you?"),
    ("Call (562) 555-0124 to book.", "What's your phone number?"),
    ("Bring a photo ID.", "Did you bring your ID today?"),
    ("It takes about ten days.", "How long have you had the car?"),
    ("Email commendations@bayviewsheriff.example.", "What's your email?"),
]


@pytest.mark.parametrize(("told", "asked"), OWN_QUESTIONS)
def test_a_question_of_the_visitors_own_is_no_check(told: str, asked: str) -> None:
    assert checked_by(told, asked)[0] is False


def test_a_question_before_anything_was_told_is_no_check() -> None:
    assert checked_by("Which days are you gonna come in?")[0] is False
