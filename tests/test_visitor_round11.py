"""What round 11's play-tests (30 competent calls by two blind testers, each call saved line by line) found, fixed
in general and replayed in the testers' own words: tests/corpus/playtest_round11.yaml holds each call up to the
moment the visitor got wrong, and what the visitor must (never) say to its last message now."""

from __future__ import annotations

import pytest

from bot.scenarios.library import Library
from tests.calls import replay, replayed_calls

CALLS = replayed_calls("playtest_round11.yaml")


@pytest.mark.parametrize("case", list(CALLS))
def test_the_visitor_answers_what_the_tester_asked(library: Library, case: str) -> None:
    replay(library, CALLS[case])
