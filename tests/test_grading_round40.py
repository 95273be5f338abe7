"""Play-test round 40: verdicts that were wrong, each now right, over whole calls as the grader reads them."""

from __future__ import annotations

import pytest

from bot.scenarios.library import Library
from tests.test_grading_round33 import status_after


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
    ],
)
def test_what_was_said_is_graded_for_what_it_does(
    library: Library, scenario_id: str, told: str, fact: str, status: str
) -> None:
    assert status_after(library, scenario_id, told, fact) == status
