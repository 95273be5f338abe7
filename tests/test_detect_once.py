"""One practice message is detected once: the engine, its answers and the scenario's fact rules read the
signals `detect` found for the message (each sentence's own among them) instead of detecting sentences again."""

from __future__ import annotations

import sys

import pytest

from bot.grading import detectors
from bot.grading.detectors import BUILTIN_SIGNALS, MessageSignals, detect, shows
from bot.practice.engine import ScenarioEngine
from bot.scenarios.library import Library

MESSAGES = (
    "Good afternoon, Harbor Station, Deputy Lopez speaking. How can I help you?",
    "I'm sorry that happened. When did it happen? And what street was it on?",
    "Can I get your name? What's the best number to reach you? Thanks.",
    "You can file the report online. It usually takes about 5 business days. Does that make sense? Any questions?",
    "Just so I'm sure I explained it, what are you going to do now? Anything else I can help you with?",
    "Thanks for coming in. Take care.",
)
"""Several sentences each, with questions, checks of understanding, offers of help and a process time."""


@pytest.fixture
def detections(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message `detect` is called with, wherever it is looked up in the bot."""
    calls: list[str] = []
    real = detectors.detect

    def counting(message: str, *args: object, **kwargs: object) -> MessageSignals:
        calls.append(message)
        return real(message, *args, **kwargs)  # type: ignore[arg-type]

    for name, module in list(sys.modules.items()):
        if (name == "bot" or name.startswith("bot.")) and getattr(module, "detect", None) is real:
            monkeypatch.setattr(module, "detect", counting)
    return calls


@pytest.mark.parametrize("scenario_id", ["car-break-in", "report-copy", "noise-complaint"])
@pytest.mark.parametrize("seed", [1, 2])
def test_each_message_is_detected_exactly_once(
    library: Library, detections: list[str], scenario_id: str, seed: int
) -> None:
    engine = ScenarioEngine(library.scenarios[scenario_id])
    with engine.started(seed) as (visitor, _):
        for message in MESSAGES:
            if engine.ended(visitor):
                break
            detections.clear()
            engine.respond(visitor, message)
            assert detections == [message]


SENTENCES = (
    "Questions? Not my department.",
    "I went through the same. It was awful.",
    "Good morning, Deputy Ruiz. Does that make sense? Anything else I can do for you?",
    "It takes 7 to 10 business days. Call us at (562) 555-0147 if it's late.",
)


@pytest.mark.parametrize("message", SENTENCES)
def test_each_sentences_own_signals_are_those_it_shows_alone(message: str) -> None:
    """What a reader of one sentence gets from the message's signals is what detecting it alone would give
    (less the greeting, which only a whole message makes)."""
    greeting = {"courteous_opener", "identifies", "greeting"}
    read = detect(message).sentences
    assert read
    for sentence, names in read:
        assert names == detect(sentence.original).names - greeting


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("name", BUILTIN_SIGNALS)
def test_a_built_in_fact_is_read_as_detect_would(text: str, name: str, detections: list[str]) -> None:
    """A scenario fact that is a built-in signal ("process_time") reads a clause's sentence without detecting it."""
    assert shows(text, name) == (name in detect(text))  # this module's `detect` is the real one, uncounted
    assert detections == []
