"""What round 9's play-tests (30 competent calls by two blind testers) found, fixed in general and replayed by
scenario and seed, with cases in other words:

1. Asked to say a number back, a caller in crisis says the crisis line's number, 988, as it was given: a service
   code is a number to call too.
2. "Did you get both of those numbers?" is a check that the visitor has them ("Yes, I'm putting it in my phone
   now."), not a question about its own phone number.
3. "Can you read me the mediation one back?" reads back the number said with mediation, not the last one given.
4. Asked what language it speaks (for an interpreter), the limited-English visitor names its own.
5. "Where do you take it?" after the trainee said where the release goes is a quiz: the trainee's place back, never
   the visitor's own street.
6. The identity-theft caller names the lender the loan is with.
7. "Does that answer your question?" gets a yes, never "No. All clear."
8. A caller whose call was picked up with the station's or the sheriff's name does not ask "Is this the
   sheriff's?" (one picked up with a bare "Hello?" may).
9. A caller thanked and told to hang on while the desk gets the interpreter holds ("Okay. We'll stay on."): it
   does not say goodbye or hang up on help being brought.
"""

from __future__ import annotations

import pytest

from bot.scenarios.library import Library
from tests.calls import call, last_reply
from tests.scripts import COURTEOUS

PHONE_HELLO = "Harbor Station sheriff's desk, Deputy Ramos, how can I help you?"
CRISIS_LINE = (
    "I'm really glad you called. I'm staying right here with you. Any time, day or night, you can also call or "
    "text 988, that's the crisis line, and someone will talk with you."
)
NUMBERS = (
    "I'm sorry, that sounds stressful. For an ongoing dispute like this, Community Mediation Services can help, and "
    "it's free. Their number is (562) 555-0181. But if he threatens you, call dispatch straight away at "
    "(562) 555-0111, or 911 if someone's in danger."
)



@pytest.mark.parametrize(
    "ask", ["Can you tell me that number back?", "Can you read the number back to me?", "What's the number you'd call?"]
)
def test_the_crisis_line_number_is_said_back(library: Library, ask: str) -> None:
    line = last_reply(library, "mental-health-crisis", 151, [PHONE_HELLO, f"{CRISIS_LINE} {ask}"])
    assert "988" in line and "my cell" not in line, line


@pytest.mark.parametrize("check", ["Did you get both of those numbers?", "Did you get both of them numbers down?"])
def test_both_of_those_numbers_is_a_check_not_a_question_about_its_phone(library: Library, check: str) -> None:
    line = last_reply(library, "neighbour-dispute", 151, [PHONE_HELLO, f"{NUMBERS} {check}"])
    assert line.startswith("Yes") and "my cell" not in line and "555-" not in line, line


@pytest.mark.parametrize(
    ("ask", "number"),
    [
        ("Can you read me the mediation one back?", "555-0181"),
        ("Can you say the dispatch number back to me?", "555-0111"),
    ],
)
def test_one_of_several_numbers_read_back_is_the_one_named(library: Library, ask: str, number: str) -> None:
    line = last_reply(library, "neighbour-dispute", 151, [PHONE_HELLO, NUMBERS, ask])
    assert number in line, line


# 4. The limited-English visitor's own language; 5. where the release goes, from the trainee's words.


@pytest.mark.parametrize("seed", range(141, 147))
def test_the_limited_english_visitor_names_its_language(library: Library, seed: int) -> None:
    attempt = call(library, "limited-english", [], seed)
    language = attempt.engine.details(attempt.visitor)["visitor"]["language"]
    attempt.say("Hello, welcome. I am Deputy Lee. How can I help?")
    line = attempt.say("I will help you. What language do you speak? I can get an interpreter.").reply.line
    assert language in line, line


@pytest.mark.parametrize(
    "quiz", ["And after you get the release here, where do you take it?", "where r u taking the release?"]
)
def test_where_the_release_goes_is_said_back_from_the_trainees_words(library: Library, quiz: str) -> None:
    told = (
        "Bring your license, registration and proof of insurance, and pay the 150 dollar release fee here. Then take "
        "the release to Valley Tow, 1450 Industrial Way."
    )
    hello = "Hi, welcome to Harbor Station, I'm Deputy Lee. What can I do for you?"
    line = last_reply(library, "impound-release", 141, [hello, told, quiz])
    assert "Valley Tow" in line and "Pacific" not in line, line


# 6. The lender of a loan opened in the caller's name; 7. "Does that answer your question?" gets a yes.


@pytest.mark.parametrize("ask", ["which bank/lender is the loan with?", "and the lender, who's the loan with?"])
def test_the_identity_theft_caller_names_the_lender(library: Library, ask: str) -> None:
    attempt = call(library, "identity-theft", [], 151)
    lender = attempt.engine.details(attempt.visitor)["lender"]
    attempt.say(PHONE_HELLO)
    assert lender in attempt.say(f"got it. {ask}").reply.line


def test_does_that_answer_your_question_gets_a_yes(library: Library) -> None:
    told = "Records is open 8 a.m. to 4 p.m., Monday through Friday. Bring the case number and your ID."
    line = last_reply(library, "service-tester", 151, [PHONE_HELLO, f"{told} Does that answer your question?"])
    assert line.startswith("Yes") and not line.startswith("No"), line


# 8. A caller told where it called does not ask "Is this the sheriff's?".


@pytest.mark.parametrize(
    ("scenario", "seed"), [("child-late-home", 151), ("car-break-in", 111), ("car-break-in", 112)]
)
def test_a_caller_told_where_it_called_does_not_ask_whether_it_is_the_sheriffs(
    library: Library, scenario: str, seed: int
) -> None:
    told = last_reply(library, scenario, seed, ["Harbor Station Sheriff's, this is Deputy Reyes, what's going on?"])
    assert "Is this the" not in told, told


# 9. Told to hold for help being brought, the caller holds.


@pytest.mark.parametrize(
    "hand_on",
    [
        "Thank you so much for calling, Sofía, you did a really good job helping your mom. Hang on the line and I'll "
        "get the interpreter now.",
        "Thanks for helping your mom. Stay on the line, I'm connecting the interpreter now.",
    ],
)
def test_a_caller_told_to_hold_for_the_interpreter_holds_and_says_no_goodbye(library: Library, hand_on: str) -> None:
    script = COURTEOUS["spanish-family-interpreter"]
    line = last_reply(library, "spanish-family-interpreter", 171, [*script[:-1], hand_on])
    assert "Bye" not in line and "hang up" not in line and ("stay on" in line or "wait" in line), line
