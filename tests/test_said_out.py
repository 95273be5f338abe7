"""What the trainee typed short is said in full when the visitor says it back (bot/practice/phrases/plans.yaml)."""

from __future__ import annotations

import pytest

from bot.practice.plans import everyday, in_my_words, spoken
from bot.practice.wording import pairs, says

TYPED_SHORT = pairs("typed_short")
CALLERS_WORDS = [tuple(part.strip() for part in entry.split("=", 1)) for entry in says("callers_words")]


@pytest.mark.parametrize(("typed", "said"), sorted(TYPED_SHORT.items()))
def test_a_word_typed_short_is_said_in_full(typed: str, said: str) -> None:
    assert spoken(f"then {typed} again") == f"then {said} again"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("come w/o the car", "come without the car"),
        ("bring it w/ ur ID", "bring it with your ID"),
        ("file it w/in 10 days", "file it within 10 days"),
        ("your drivers license", "your driver's license"),
        ("bring ID esp if u pay cash", "bring ID especially if you pay cash"),
        ("it's $50 each, $1,500.00 in all", "it's 50 dollars each, 1,500 dollars in all"),
        ("open 8am-4pm", "open 8am to 4pm"),
    ],
)
def test_shorthand_is_said_out_loud(typed: str, said: str) -> None:
    assert spoken(typed) == said


@pytest.mark.parametrize(("desk", "caller"), CALLERS_WORDS)
def test_the_desks_formal_words_are_said_back_in_everyday_ones(desk: str, caller: str) -> None:
    assert everyday(f"then {desk} again") == " ".join(f"then {caller} again".split())


@pytest.mark.parametrize(
    ("told", "said_back"),
    [
        ("Please be advised that you must present your identification.", "I'll show my ID."),
        ("Kindly retrieve your vehicle prior to Friday.", "I get my vehicle before Friday."),
        ("Please call us back at your earliest convenience.", "I call you back as soon as I can."),
        ("If he turns up at your work again, call 911.", "If he shows up at my work again, I call 911."),
    ],
)
def test_a_caller_says_a_formal_plan_back_plainly(told: str, said_back: str) -> None:
    assert in_my_words(told) == said_back
