"""What rounds 12 to 15 of the play-tests found, replayed in the testers' own words
(tests/corpus/playtest_round12.yaml): each call up to the moment the visitor got wrong, and what it must (never) say
now, or that the trainee still has the last word, or what a whole call scores."""

from __future__ import annotations

import pytest

from bot.scenarios.library import Library
from tests.calls import replay, replayed_calls

CALLS = replayed_calls("playtest_round12.yaml")


@pytest.mark.parametrize("case", list(CALLS))
def test_the_visitor_answers_what_the_tester_asked(library: Library, case: str) -> None:
    tested = CALLS[case]
    attempt = replay(library, tested)
    if tested.get("still_open"):
        assert not attempt.ended, tested["about"]
    if "scores" in tested:
        grade = attempt.finish().grade
        assert grade.total == tested["scores"], (tested["about"], grade.addressed)
