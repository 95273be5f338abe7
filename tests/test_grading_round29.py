"""Play-test round 29: verdicts that were wrong, each now right, over whole calls as the grader reads them."""

from __future__ import annotations

import pytest

from bot.grading import grade
from bot.grading.facts import fact_statuses
from bot.scenarios.library import Library
from bot.transcript import Turn

HELLO = "Good evening, Harbor Station, Deputy Cole speaking. How can I help?"


def said(*trainee: str) -> list[Turn]:
    return [Turn("visitor", "Hi."), *(t for m in trainee for t in (Turn("trainee", m), Turn("visitor", "Okay.")))]


@pytest.mark.parametrize(
    "callback",
    [
        "After the deputy checks on her, he will call you at this number, (562) 555-0223.",
        "Yes. After the deputy check on her, he will call you at this number, (562) 555-0223.",
    ],
)
def test_the_deputy_calling_back_as_he_arranges_the_callback(library: Library, callback: str) -> None:
    scenario = library.scenarios["welfare-check"]
    statuses = fact_statuses(said(HELLO, callback), scenario.fact_rules, scenario.context)
    assert statuses["callback"].status == "given", statuses["callback"]


def test_a_quiz_on_the_dispatch_number_told_checks_understanding() -> None:
    turns = said(HELLO, "If it starts again, call dispatch at (562) 555-0111.", "Good. What's the dispatch number?")
    assert grade(turns).criteria["testing_questions"].met


def test_passing_on_kind_words_is_no_contempt() -> None:
    turns = said(HELLO, "Very good. I shall pass your kind words to the watch commander today.")
    assert not any(v["kind"] == "rude" for v in grade(turns).courtesy_violations)
