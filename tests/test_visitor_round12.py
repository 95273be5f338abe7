"""What rounds 12 and 13 of the play-tests found, replayed in the testers' own words (tests/corpus/playtest_round12.yaml: each
call up to the moment the visitor got wrong, and what it must (never) say now, or that the trainee still has the
last word, or what a whole call scores)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.scenarios.library import Library
from tests.calls import call

CALLS = {
    c["case"]: c
    for c in yaml.safe_load(Path(__file__).with_name("corpus").joinpath("playtest_round12.yaml").read_text())["calls"]
}


@pytest.mark.parametrize("case", list(CALLS))
def test_the_visitor_answers_what_the_tester_asked(library: Library, case: str) -> None:
    tested = CALLS[case]
    attempt = call(library, tested["scenario"], tested["messages"], tested["seed"])
    line = attempt.turns[-1].text
    assert all(words in line for words in tested.get("says", ())), (tested["about"], line)
    assert not any(words in line for words in tested.get("never_says", ())), (tested["about"], line)
    if tested.get("still_open"):
        assert not attempt.ended, (tested["about"], line)
    if "scores" in tested:
        grade = attempt.finish().grade
        assert grade.total == tested["scores"], (tested["about"], grade.addressed)
