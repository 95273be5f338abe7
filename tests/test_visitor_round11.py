"""What round 11's play-tests (30 competent calls by two blind testers, each call saved line by line) found, fixed
in general and replayed in the testers' own words: tests/corpus/playtest_round11.yaml holds each call up to the
moment the visitor got wrong, and what the visitor must (never) say to its last message now."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.scenarios.library import Library
from tests.calls import last_reply

CALLS = {
    c["case"]: c
    for c in yaml.safe_load(Path(__file__).with_name("corpus").joinpath("playtest_round11.yaml").read_text())["calls"]
}


@pytest.mark.parametrize("case", list(CALLS))
def test_the_visitor_answers_what_the_tester_asked(library: Library, case: str) -> None:
    call = CALLS[case]
    line = last_reply(library, call["scenario"], call["seed"], call["messages"])
    assert all(words in line for words in call.get("says", ())), (call["about"], line)
    assert not any(words in line for words in call.get("never_says", ())), (call["about"], line)
    assert line.startswith(call.get("starts", "")), (call["about"], line)
