"""What round 8's play-testers asked that a real person in the visitor's place would certainly know, and that the
persona answered "I don't know" or with a stock line. The persona data now holds it; replayed by scenario and seed
(the play-test's own, then another wording of the same question):

1. welfare-check: the neighbour says she will be home to meet the deputy.
2. identity-theft: the caller says who sent the letter (the collector, or the company), and whether there are other
   accounts.
3. vin-inspection: "Who am I talking to?" gets the visitor's name; "Did the DMV give you a form?" gets yes.
4. child-late-home: the parent says the child has never done this before, and what the school said.
5. grandparent-scam: the caller gives the grandmother's full name when asked again, and says the receipts are kept.
6. deputy-compliment: the caller says how the person the deputy helped is doing now, and whether nine was morning
   or night.
7. lost-child-lobby: the finder says which library, on what street.
8. fireworks-complaint: the caller says which house the fireworks come from (not her own address).
9. impound-release: the visitor hands over the tow receipt.
10. ride-along-request: the visitor says what got them interested, and yes to taking the forms.
11. report-copy: the visitor says they'll go to the window today.
"""

from __future__ import annotations

import re

import pytest

from bot.scenarios.library import Library
from tests.calls import call, last_reply

LOBBY_HELLO = "Hi, welcome to Harbor Station, I'm Deputy Lee. What can I do for you?"
PHONE_HELLO = "Harbor Station, Deputy Lee speaking, how can I help?"
DONT_KNOW = re.compile(r"\b(?:i don't know|i'm not sure|no idea|not sure)\b", re.I)



# 1. welfare-check: home to meet the deputy.


@pytest.mark.parametrize(
    "question",
    [
        "Will you be home to meet the deputy if they need to ask you anything?",
        "Will you be around if the deputy needs to talk to you?",
    ],
)
def test_the_neighbour_says_she_will_be_home_to_meet_the_deputy(library: Library, question: str) -> None:
    line = last_reply(library, "welfare-check", 131, [PHONE_HELLO, question])
    assert line.startswith("Yes") and not DONT_KNOW.search(line), line


# 2. identity-theft: who sent the letter.


@pytest.mark.parametrize(
    "seed, question",
    [(131, "But first, who sent the letter?"), (131, "Who's the letter from?"), (1, "Who's the letter from?"),
     (2, "Which company is it from?")],
)
def test_the_caller_says_who_sent_the_letter(library: Library, seed: int, question: str) -> None:
    line = last_reply(library, "identity-theft", seed, [PHONE_HELLO, question])
    assert re.search(r"Summit Recovery Services|Crestline Financial", line) and not DONT_KNOW.search(line), line


@pytest.mark.parametrize(
    "question", ["Have you noticed any other accounts you didn't open?", "Any other accounts or letters?"]
)
def test_the_caller_says_whether_there_are_other_accounts(library: Library, question: str) -> None:
    line = last_reply(library, "identity-theft", 131, [PHONE_HELLO, question])
    assert re.search(r"just this one|the only one", line) and not DONT_KNOW.search(line), line


# 3. vin-inspection: his name, and the DMV form.

VIN_TOLD = (
    "Afraid not, friend, it's by appointment. We only do VIN inspections on Wednesdays, one to four in the "
    "afternoon, and you book a slot by calling 562-555-0124."
)


@pytest.mark.parametrize("question", ["Who am I talking to?", "And who's this?"])
def test_who_am_i_talking_to_gets_the_visitors_name(library: Library, question: str) -> None:
    line = last_reply(library, "vin-inspection", 121, [LOBBY_HELLO, f"{VIN_TOLD} {question}"])
    assert "Samir Patel" in line and "DMV didn't say" not in line, line


@pytest.mark.parametrize("question", ["Did the DMV give you a form?", "Do you have the form the DMV gave you?"])
def test_the_visitor_has_the_dmv_form(library: Library, question: str) -> None:
    line = last_reply(library, "vin-inspection", 121, [LOBBY_HELLO, question])
    assert "form" in line and re.search(r"\bYes\b", line) and not DONT_KNOW.search(line), line


# 4. child-late-home: never before; the school.


@pytest.mark.parametrize("question", ["Has she ever done this before?", "Is this the first time she's been late?"])
def test_the_parent_says_the_child_has_never_done_this(library: Library, question: str) -> None:
    line = last_reply(library, "child-late-home", 131, [PHONE_HELLO, question])
    assert line.startswith(("No, never", "Never")) and not DONT_KNOW.search(line), line


@pytest.mark.parametrize(
    "question", ["Have you checked with her friends or the school?", "Did you call the school?"]
)
def test_the_parent_says_what_the_school_said(library: Library, question: str) -> None:
    line = last_reply(library, "child-late-home", 131, [PHONE_HELLO, question])
    assert re.search(r"school.*left", line, re.I) and not DONT_KNOW.search(line), line


# 5. grandparent-scam: the grandmother's name, the receipts.


@pytest.mark.parametrize(
    "question",
    ["Sorry, I want to get this right. Is your grandmother's name Ingrid Larsen or Rosa?",
     "What's your grandmother's full name?"],
)
def test_the_caller_gives_the_grandmothers_full_name(library: Library, question: str) -> None:
    line = last_reply(
        library,
        "grandparent-scam",
        131,
        [PHONE_HELLO, "May I have your name and a telephone number where I can reach you?", question],
    )
    assert "Ingrid Larsen" in line and "Rosa" not in line and "Jasmine" not in line, line


@pytest.mark.parametrize(
    "question", ["Does she still have the gift card receipts?", "Did she keep the receipts or the backs of the cards?"]
)
def test_the_caller_says_the_receipts_are_kept(library: Library, question: str) -> None:
    line = last_reply(library, "grandparent-scam", 131, [PHONE_HELLO, question])
    assert "receipts" in line and not DONT_KNOW.search(line), line


# 6. deputy-compliment: how they are doing now; morning or night.


@pytest.mark.parametrize("question", ["Is your father doing alright now?", "How's your dad doing now?"])
def test_the_caller_says_how_her_father_is_doing(library: Library, question: str) -> None:
    line = last_reply(library, "deputy-compliment", 131, [PHONE_HELLO, question])
    assert line.startswith("Dad's doing fine") and not DONT_KNOW.search(line), line


@pytest.mark.parametrize(
    ("seed", "question"),
    [(131, "Was that in the morning or at night?"), (1, "What time was that?"), (2, "About what time?")],
)
def test_the_caller_says_what_time_of_day_it_was(library: Library, seed: int, question: str) -> None:
    """The time belongs to what the deputy did (a child after school, a tire changed at night), never another's."""
    attempt = call(library, "deputy-compliment", [], seed)
    told = attempt.engine.details(attempt.visitor)["help"]["time"]
    attempt.say(PHONE_HELLO)
    line = attempt.say(question).reply.line
    assert told in line and not DONT_KNOW.search(line), line


# 7. lost-child-lobby: which library.


@pytest.mark.parametrize(
    "question",
    ["Got it. Which library was it exactly, the one on what street?",
     "Is that the main library downtown, or a branch? Do you know the street name?"],
)
def test_the_finder_says_which_library_and_what_street(library: Library, question: str) -> None:
    line = last_reply(library, "lost-child-lobby", 121, [LOBBY_HELLO, question])
    assert "main library, on Pacific Avenue" in line and not DONT_KNOW.search(line), line


# 8. fireworks-complaint: which house.


@pytest.mark.parametrize(
    "question", ["thx. do u know which house they're coming from?", "Do you know whose house it's coming from?"]
)
def test_the_caller_says_which_house_the_fireworks_come_from(library: Library, question: str) -> None:
    line = last_reply(library, "fireworks-complaint", 131, [PHONE_HELLO, question])
    assert "boat in the driveway" in line and "2380" not in line, line


# 9. impound-release: the tow receipt.


@pytest.mark.parametrize(
    "question",
    ["Thank you, Mr. Lin. Would you mind handing me that tow receipt so I can pull it up?",
     "Can I see the tow receipt?"],
)
def test_the_visitor_hands_over_the_tow_receipt(library: Library, question: str) -> None:
    name_and_car = "May I have your name, and what kind of car is it?"
    line = last_reply(library, "impound-release", 121, [LOBBY_HELLO, name_and_car, question])
    assert "receipt" in line and not DONT_KNOW.search(line) and "That's why I'm here" not in line, line


# 10. ride-along-request: why, and taking the forms.


@pytest.mark.parametrize(
    "question",
    [
        "What got you interested, are you thinking about law enforcement as a career?",
        "Why do you want to do a ride-along?",
    ],
)
def test_the_visitor_says_what_got_them_interested(library: Library, question: str) -> None:
    line = last_reply(library, "ride-along-request", 121, [LOBBY_HELLO, question])
    assert "neighborhood watch" in line and "Any day works" not in line, line


@pytest.mark.parametrize(
    "question",
    ["Ha, sure. So, did you want to take the application and waiver with you today?",
     "Do you want to take the forms with you?"],
)
def test_the_visitor_takes_the_forms(library: Library, question: str) -> None:
    line = last_reply(library, "ride-along-request", 121, [LOBBY_HELLO, question])
    assert line.startswith("Yes") and not DONT_KNOW.search(line), line


# 11. report-copy: today or tomorrow.


@pytest.mark.parametrize(
    "question",
    ["Are you gonna make it to the window before four today, or do you need to come back tomorrow?",
     "Will you make it to the window before four today?"],
)
def test_the_visitor_says_they_will_go_to_the_window_today(library: Library, question: str) -> None:
    line = last_reply(library, "report-copy", 121, [LOBBY_HELLO, question])
    assert re.search(r"right over now|Today, definitely", line) and "in the report" not in line, line
