"""The slot grammar that compiles the phrasing data (phrases/*.yaml): frames, word classes, gates, errors."""

from __future__ import annotations

import pytest

from bot.grading import lexicon
from bot.grading.grammar import compile_act
from bot.grading.text import split_sentences

CLASSES = {"YOU": "you | y'all | we", "THAT": "that | all that | {IT}", "IT": "it"}


def matches(frames: list[str], text: str) -> bool:
    act = compile_act("test", frames, CLASSES)
    sentence = split_sentences(text)[0]
    return act.search(sentence.marked, frozenset(sentence.norm.split()))


@pytest.mark.parametrize(
    ("frame", "text", "expected"),
    [
        ("[{YOU}] clear on {THAT}", "Y'all clear on all that?", True),
        ("[{YOU}] clear on {THAT}", "Clear on it?", True),
        ("^ [{YOU}] clear $", "Is it clear outside?", False),
        ("^ [{YOU}] clear $", "We clear, hon?", True),
        ("[{YOU} got] it", "You got it", True),
        ("{YOU} [got] it", "got it", False),
        ("sorry ... about_your car", "Sorry, really, about your car", False),
        ("sorry ... about_your car", "sorry to hear about your car", True),
        ("sorry ...1 about_your car", "sorry to hear about your car", False),
        ("with_me", "You with me?", True),
    ],
)
def test_frames_match_words_in_order_with_optional_items_gaps_and_clause_anchors(
    frame: str, text: str, expected: bool
) -> None:
    assert matches([frame], text) is expected


def test_classes_may_refer_to_other_classes() -> None:
    assert matches(["is {THAT} clear"], "Is it clear?")


@pytest.mark.parametrize("frame", ["{NOPE} clear", "[clear", "...", "[optional]", "a [{YOU}] b]", "a|[b]"])
def test_malformed_frames_are_refused_with_the_frame_named(frame: str) -> None:
    with pytest.raises(ValueError):
        compile_act("test", [frame], CLASSES)


def test_a_frame_runs_only_when_its_key_words_are_in_the_sentence() -> None:
    act = compile_act("test", ["i [really] appreciate {YOU}"], CLASSES)
    assert "appreciate" in act.gate and "i" not in act.gate
    assert not act.search(" i really appreciate you", frozenset({"i", "really", "you"}))


def test_every_act_of_the_phrasing_data_compiles() -> None:
    acts = lexicon.compile_acts()
    assert len(acts) >= 10
    assert all(act.gate for act in acts.values())
