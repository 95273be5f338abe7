"""The gist of a step as a caller says it back: the first of the desk's options, no reasons, purposes or the
visitor's own name, a deadline said plainly; the values always kept."""

from __future__ import annotations

import pytest

from bot.practice.antecedents import named_back
from bot.practice.gist import gist
from bot.practice.telling import booking_said


@pytest.mark.parametrize(
    ("told", "said_back"),
    [
        ("Bring a license, registration or insurance", "Bring a license"),
        ("If he threatens you, gets physical, or it blows up, call dispatch at (562) 555-0111",
         "If he threatens you, call dispatch at (562) 555-0111"),
        ("When you come, bring the van, the DMV form, the title or bill of sale, and your photo ID",
         "When you come, bring the van, the DMV form, the title, and your photo ID"),
        ("Send the SR-1 form to DMV inside 10 days from the accident", "Send the SR-1 form to DMV within 10 days"),
        ("send to DMV the SR-1 form", "send the SR-1 form to DMV"),
        ("Since nobody is hurt, file it online", "file it online"),
        ("I'll get an interpreter on the line to talk with your mom directly", "I'll get an interpreter on the line"),
        ("I'm not hanging up, Casey", "I'm not hanging up"),
        ("Call dispatch, sir", "Call dispatch"),
        ("I'll connect you to the 988 crisis line, people who are trained for exactly this",
         "I'll connect you to the 988 crisis line"),
        ("I can bring the crisis line onto this call so you have someone trained to talk to",
         "I can bring the crisis line onto this call"),
        ("I'll call the advocate, who will sit with you", "I'll call the advocate, who will sit with you"),
    ],
)
def test_a_step_is_said_back_by_its_gist(told: str, said_back: str) -> None:
    assert gist(told) == said_back


@pytest.mark.parametrize(
    "told",
    [
        "Call 911 or dispatch at (562) 555-0111",  # values are never cut
        "It takes ten days or so",
        "You can pick it up or we can mail it to you at home",  # a clause of its own, not one of a list
        "today if you can, place a fraud alert or a credit freeze with the credit bureaus",  # one step's two options
        "Come in on Wednesday, Monday",  # a day is no one's name
    ],
)
def test_what_is_no_list_of_options_stays_as_said(told: str) -> None:
    assert gist(told) == told


def test_a_number_pointed_back_to_is_named_by_whom_it_reaches_not_by_the_verb_before_it() -> None:
    before = "I'd also like to bring in our victim advocate, she's real good and she's on your side."
    assert named_back("Her number's (562) 555-0177, and I can call her right now for you.", before).startswith(
        "The victim advocate's number's (562) 555-0177"
    )


def test_how_to_book_is_said_back_without_what_follows_a_dash() -> None:
    told = ["So we only do VIN inspections on Wednesdays, 1 to 4 in the afternoon, and you book a slot by calling "
            "(562) 555-0124 — so I can't do it on the spot today, sorry about that."]
    assert booking_said(told) == "I book a slot by calling (562) 555-0124"
