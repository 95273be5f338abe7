"""The gist of a step as a caller says it back: the first of the desk's options, no reasons, purposes or the
visitor's own name, a deadline said plainly; the values always kept."""

from __future__ import annotations

import pytest

from bot.grading.text import split_sentences
from bot.practice.antecedents import named_back
from bot.practice.gist import gist
from bot.practice.plans import in_my_words
from bot.practice.read_back import key_items, said_again
from bot.practice.said_once import once_each
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
        # the desk's formal words as a caller says them
        ("You will receive a letter approximately two weeks prior to the hearing",
         "You will get a letter about two weeks before the hearing"),
        ("Please proceed to window 3 and the clerk will assist you",
         "Please go to window 3 and the clerk will help you"),
        ("I'll connect you to the 988 crisis line, people who are trained for exactly this",
         "I'll connect you to the 988 crisis line"),
        ("I can bring the crisis line onto this call so you have someone trained to talk to",
         "I can bring the crisis line onto this call"),
        ("I'll call the advocate, who will sit with you", "I'll call the advocate, who will sit with you"),
        ("I'm calling a deputy in right this minute", "I'm calling a deputy in now"),
        ("You'll need to bring three things: your license, the registration, and proof of insurance",
         "You'll bring your license, the registration, and proof of insurance"),
        ("I'm putting you straight through to dispatch", "I'm putting you through to dispatch"),
        ("Call the Bayview County Inmate Reception Center's inmate information line directly",
         "Call the inmate information line"),
        ("Keep that photo handy, dispatch is gonna ask what she was wearing", "Keep that photo handy"),
        ("It goes into Deputy Park's file", "It goes into Deputy Park's file"),
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


def test_a_caller_says_a_step_once_though_the_desk_told_it_twice() -> None:
    told = ["You're going to get a Spanish-speaking deputy to take the report with my mom, in Spanish",
            "A Spanish-speaking deputy will call my mom on that number and come by to take the report in person",
            "I call the fraud line at (562) 555-0163", "I call the lender to tell them it's fraud"]
    assert said_again(told) == told[1:]


def test_a_line_of_its_own_goes_without_a_part_the_read_back_said_and_never_starts_with_and() -> None:
    said = once_each("Okay. Community mediation, (562) 555-0181. Mediation, and dispatch if it gets ugly. Fine.")
    assert said == "Okay. Community mediation, (562) 555-0181. Fine."


@pytest.mark.parametrize(
    ("told", "items"),
    [
        # an aside inside a list is left out, the list kept whole
        ("Bring three things: a license, the current registration, so you'll need to renew those tags first, and "
         "proof of insurance.", ["I bring a license, the current registration, and proof of insurance."]),
        # a step said two ways is said once, the later way
        ("I'm putting you through to dispatch. I'm transferring you to dispatch this second.",
         ["You're transferring me to dispatch this second."]),
        # a number led by what it is for, said as a caller says it
        ("If you want to reach them directly: (562) 555-0142, or e-mail watchcommander@bayviewsheriff.example.",
         ["I can reach them at (562) 555-0142 or by e-mail at watchcommander@bayviewsheriff.example."]),
        ("If you want to reach them directly: (562) 555-0142.", ["I can reach them at (562) 555-0142."]),
        # a step with a value before a comma is never taken for an aside
        ("So what you'll want to do is call the tow yard at 562-555-0999, and when you go, bring 40 dollars cash.",
         ["I call the tow yard at 562-555-0999.", "When I go, I bring 40 dollars cash."]),
        # round 51: the desk's offer said after the step is no step of the caller's ("And you can start it with me")
        ("Also call our fraud line at 562-555-0163 to make the report, or I can start it with you now.",
         ["I call the fraud line at 562-555-0163 to make the report."]),
        # round 49: a step said as a recommendation
        ("What works best is community mediation, they're real good at this, number's (562) 555-0181.",
         ["I try community mediation.", "They're real good at this, number's (562) 555-0181."]),
    ],
)
def test_a_plan_is_said_back_as_a_caller_says_it(told: str, items: list[str]) -> None:
    said = [item for sentence in split_sentences(told) for item in key_items(sentence.original)]
    assert said_again(said) == items


@pytest.mark.parametrize(
    ("told", "said_back"),
    [
        ("a deputy go to 8012 Elm Court for welfare check", "A deputy goes to 8012 Elm Court for a welfare check"),
        ("the deputy call you back", "The deputy calls me back"),
        ("does he go there", "Does he go there"),  # bare as English has it
        ("He will go there", "He will go there"),
    ],
)
def test_a_learners_grammar_is_said_back_as_a_caller_who_speaks_english_says_it(told: str, said_back: str) -> None:
    assert in_my_words(told) == said_back
