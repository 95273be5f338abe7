"""What the trainee typed short is said in full when the visitor says it back (bot/practice/phrases/plans.yaml)."""

from __future__ import annotations

import pytest

from bot.practice.plans import spoken
from bot.practice.wording import pairs

TYPED_SHORT = pairs("typed_short")


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
    ],
)
def test_shorthand_is_said_out_loud(typed: str, said: str) -> None:
    assert spoken(typed) == said
