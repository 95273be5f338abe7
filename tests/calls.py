"""Playing a whole call in tests: the trainee's messages in order, as the terminal and the bot would."""

from __future__ import annotations

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
