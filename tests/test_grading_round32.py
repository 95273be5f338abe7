"""Play-test round 32: checks of understanding the grader missed, each now read as one, and the questions for
information next to them that stay questions."""

from __future__ import annotations

import pytest

from bot.grading import grade
from bot.transcript import Turn

HELLO = "Good afternoon, Harbor Station, Deputy Shaw speaking. How can I help?"


def said(*trainee: str) -> list[Turn]:
    return [Turn("visitor", "Hi."), *(t for m in trainee for t in (Turn("trainee", m), Turn("visitor", "Okay.")))]


@pytest.mark.parametrize(
    ("told", "check"),
    [
        ("Call Parking Citations at (562) 555-0137 within 21 days.", "Read me the number and the deadline."),
        (
            "Valley Tow has it, 1450 Industrial Way, call them at (562) 555-0188.",
            "can i grab ur name + a number real quick? and then can u say back where ur headed and the number u gonna "
            "call?",
        ),
        (
            "The permits counter, 500 Ocean Boulevard. It's $50 per person.",
            "Now with three of you, tell me what you reckon the permits'll run you altogether, and where you're going?",
        ),
        (
            "When you come, bring the van itself, the DMV form, the title or bill of sale, and your photo ID.",
            "Let's make sure nothing gets left at home. Which four things are you bringing on Wednesday?",
        ),
        (
            "Bring the van, the DMV form, the title and a photo ID. Book at (562) 555-0124.",
            "Let's make sure nothing gets left at home. Which four things are you bringing on Wednesday?",
        ),
    ],
)
def test_a_told_thing_asked_back_checks_understanding(told: str, check: str) -> None:
    assert grade(said(HELLO, told, check)).criteria["testing_questions"].met


@pytest.mark.parametrize(
    ("told", "question"),
    [
        ("Call Parking Citations at (562) 555-0137 within 21 days.", "Read me the number on your ticket."),
        ("Call dispatch at (562) 555-0111 if he comes back.", "What are you bringing in today?"),
    ],
)
def test_a_question_for_the_visitors_own_details_is_no_check(told: str, question: str) -> None:
    assert not grade(said(HELLO, told, question)).criteria["testing_questions"].met


def test_an_instruction_said_again_is_no_check() -> None:
    turns = said(HELLO, "Bring your photo ID.", "When you come, bring your photo ID too.")
    assert not grade(turns).criteria["testing_questions"].met
