"""A visitor's own question the desk closes the call over is left open: the visitor says so on its way out, asks
nothing more, and the scorecard never says it left satisfied."""

from __future__ import annotations

import pytest

from bot.practice.open_question import left_open, own_question
from bot.practice.scorecard import scorecard_lines
from bot.scenarios.library import Library
from tests.calls import call

CLOSING = frozenset({"appreciation", "farewell"})


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("Can my brother pick it up?", "thx for being patient w/ all this, hope u get ur Camry back quick. take care!"),
        ("Can I stay anonymous?", "appreciate u calling it in beverly, srsly. have a good one, bye"),
        ("Can my friend come too?", "Thanks so much for stopping by, and for doing neighborhood watch! Bye!"),
        ("Should I take photos of the window first?", "Thanks for calling it in, Ben. Take care, bye now."),
    ],
)
def test_a_closing_that_answers_nothing_of_the_question_leaves_it_open(question: str, message: str) -> None:
    assert left_open(question, message, CLOSING)


@pytest.mark.parametrize(
    ("question", "message", "names"),
    [
        ("Can my brother pick it up?", "Yes, with a signed note from you. Thanks, bye!", CLOSING),
        ("Can my brother pick it up?", "Your brother can, if he brings a note. Take care!", CLOSING),
        ("Is there anything else I should know?", "Nope, that covers it. Thanks for coming in!", CLOSING),
        ("How long does it take?", "About 10 days. Thanks for coming in!", CLOSING),
        ("Can my brother pick it up?", "Let me check on that for you.", frozenset()),
        ("Should I change my passwords too?", "That would be wise, yes, particularly for your email and your bank. "
         "Thank you for reporting this.", CLOSING),
    ],
)
def test_an_answer_or_a_message_that_does_not_close_leaves_nothing_open(
    question: str, message: str, names: frozenset[str]
) -> None:
    assert not left_open(question, message, names)


def test_the_question_is_the_one_the_visitor_line_ends_on() -> None:
    assert own_question("Okay. Can my brother pick it up? (She waits.)") == "Can my brother pick it up?"
    assert own_question("Thanks. Have a good one.") == ""


IMPOUND = [
    "hey, welcome to Harbor Station, I'm Deputy Reyes. ugh yeah getting towed is the worst, totally get it.",
    "bring ur driver's license, current registration + proof of insurance. release fee is $150, 8am to 4pm, Mon-Fri."
    " then take the release to Valley Tow, 1450 Industrial Way, (562) 555-0188.",
    "can u run it back for me: what do u bring, how much, and where do u go after?",
    "yep u got it. anything else i can help w/?",
]


def test_a_call_closed_over_the_visitors_question_ends_with_it_unanswered(library: Library) -> None:
    attempt = call(library, "impound-release", IMPOUND, 521)
    asked = own_question(attempt.turns[-1].text)
    assert asked, attempt.turns[-1].text
    attempt.say("thx for being patient w/ all this, hope u get ur Camry back quick. take care!")
    last = attempt.turns[-1].text
    assert "?" not in last and ("myself" in last or "somebody else" in last), last
    card = "\n".join(scorecard_lines(attempt.finish(), "impound"))
    assert f"left with a question unanswered: \u201c{asked}\u201d" in card and "left satisfied" not in card, card
