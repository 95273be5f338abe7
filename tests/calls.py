"""Playing a whole call in tests: the trainee's messages in order, as the terminal and the bot would."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.practice.attempt import Attempt
from bot.practice.engine import ScenarioEngine
from bot.scenarios.library import Library


def call(library: Library, scenario_id: str, messages: list[str], seed: int) -> Attempt:
    """The attempt after each message is said in turn; messages after the call has ended are not said."""
    attempt = Attempt.start(ScenarioEngine(library.scenarios[scenario_id]), seed)
    for message in messages:
        if not attempt.ended:
            attempt.say(message)
    return attempt


def last_reply(library: Library, scenario_id: str, seed: int, messages: list[str]) -> str:
    """The visitor's reply to the last of the messages, said in turn from the start of a call."""
    attempt = Attempt.start(ScenarioEngine(library.scenarios[scenario_id]), seed)
    line = ""
    for message in messages:
        line = attempt.say(message).reply.line
    return line


def replayed_calls(corpus: str) -> dict[str, dict]:
    """The play-testers' calls of a corpus file (tests/corpus/playtest_round*.yaml), by case: each as typed up to
    the moment the visitor got wrong, with what the visitor must (never) say to the last message now."""
    calls = yaml.safe_load(Path(__file__).with_name("corpus").joinpath(corpus).read_text())["calls"]
    return {c["case"]: c for c in calls}


def replay(library: Library, tested: dict) -> Attempt:
    """The tester's call said again, and the visitor's reply to its last message checked against the case."""
    attempt = call(library, tested["scenario"], tested["messages"], tested["seed"])
    line = attempt.turns[-1].text
    assert all(words.lower() in line.lower() for words in tested.get("says", ())), (tested["about"], line)  # any case
    assert not any(words in line for words in tested.get("never_says", ())), (tested["about"], line)
    assert line.startswith(tested.get("starts", "")), (tested["about"], line)
    return attempt
