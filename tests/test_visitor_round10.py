"""What round 10's play-tests found, fixed in general and replayed by scenario and seed, with cases in other words:

1. Asked to say back what a copy costs and how long it takes, the visitor says both, as told ("fifteen dollars",
   "five to seven business days": figures in words and a range are values too), once with "you said", never "I
   have seven business days" (a time to wait read as a deadline of its own).
2. "How long did I say it takes?", "when is it ready?", "and how long?" are quizzes on the trainee's words.
3. "Did you get that number and e-mail down? Read 'em back to me." reads them back; "read me the number you put
   in" reads the number back, never the trainee's sentence turned round ("I go ahead and read you the number I put
   in"); "What number did you save?" is the trainee's number, not a detail of the visitor's.
4. "I'm real sorry that happened in front of your kids, that ain't right." is sympathy: the complainant does not
   hear a refusal to take the complaint and ask for a supervisor.
5. "Did he give you a ticket or a warning?" gets no or yes, not "I don't know".
6. "Does that ease your mind some?" is reassurance: "It does, some.", not a detail the visitor does not know.
7. "What time this morning? And who backed into who?" gets a time and how it happened; "did u swap info w the other
   driver? name, insurance, plate?" is about the other driver, not "Like I said, it's Stacy Lin."
8. "Do you still have the note and the texts?" gets whether they were kept, not the threats again.
9. "When you call, have his full name and birthday ready." is an instruction, not a question to answer with them.
10. "Anything else you wanna know?" asks for questions: no "Yes." with nothing after it.
11. "What's your name, how many people are on your crew, and when ...?" is three questions: the name is given, and
    "just me" is how many.
12. "What will you tell your manager about where to go and the cost?" gets the place and the fee; "what day and
    what number are you calling?" gets both.
"""

from __future__ import annotations

import pytest

from bot.scenarios.library import Library
from tests.calls import call, last_reply

LOBBY_HELLO = "Good afternoon, welcome to Harbor Station, I'm Deputy Ames. How can I help you today?"
REPORT_COPY = (
    "I'm sorry the adjuster's hounding you. You request it right here at the records window in the lobby, 8 to 4 "
    "weekdays. It's fifteen dollars and it's ready in five to seven business days."
)
COMPLAINT = [
    "Well hey there, welcome to Harbor Station, I'm Deputy Cole. I'm real sorry that happened in front of your kids, "
    "that ain't right.",
    "I'm gonna take this complaint myself, right here, right now. Can I get your name and a good phone number?",
    "Thank you. Where and when did this happen?",
    "The watch commander reviews every complaint, looks into it and will call you back. You can reach the watch "
    "commander direct at 562-555-0142 or watchcommander@bayviewsheriff.example.",
]


@pytest.mark.parametrize(
    "ask",
    [
        "Splendid. Would you repeat back for me the cost and how long it takes, so I know your adjuster gets the "
        "right story?",
        "what does it cost and when is it ready?",
        "How much is it, and how long?",
    ],
)
def test_cost_and_time_are_said_back_as_told(library: Library, ask: str) -> None:
    line = last_reply(library, "report-copy", 161, [LOBBY_HELLO, REPORT_COPY, ask])
    assert "fifteen dollars" in line.lower() and "five to seven business days" in line, line
    assert "I have" not in line and line.count("you said") <= 1, line


@pytest.mark.parametrize(
    ("ask", "value"),
    [
        ("how long did I say it takes?", "five to seven business days"),
        ("And when is it ready?", "five to seven business days"),
        ("how much did I say?", "fifteen dollars"),
    ],
)
def test_a_quiz_on_one_value_gets_that_value(library: Library, ask: str, value: str) -> None:
    line = last_reply(library, "report-copy", 161, [LOBBY_HELLO, REPORT_COPY, ask])
    assert value in line.lower() and not line.startswith("Yes"), line


@pytest.mark.parametrize(
    "ask",
    [
        "Did you get that number and e-mail down? Read 'em back to me so I know they're right.",
        "Go ahead and read me the number you put in, just to be sure.",
        "What number did you save for the watch commander?",
    ],
)
def test_the_watch_commanders_number_is_read_back(library: Library, ask: str) -> None:
    line = last_reply(library, "deputy-complaint", 161, [*COMPLAINT, ask])
    assert "555-0142" in line and "read you" not in line and "marked car" not in line, line


@pytest.mark.parametrize("seed", [161, 3, 6, 7])
def test_sympathy_that_says_it_aint_right_is_no_refusal(library: Library, seed: int) -> None:
    attempt = call(library, "deputy-complaint", COMPLAINT[:1], seed)
    assert attempt.visitor.state == "story", attempt.turns[-1].text


@pytest.mark.parametrize(
    "ask", ["Did he give you a ticket or a warning, and was anybody hurt?", "did she write you up for anything?"]
)
def test_whether_a_ticket_was_given_is_answered(library: Library, ask: str) -> None:
    line = last_reply(library, "deputy-complaint", 161, [*COMPLAINT[:2], ask])
    assert "ticket" in line and not line.startswith("I don't know"), line


@pytest.mark.parametrize("ask", ["Does that ease your mind some?", "Does that help?", "Feel a little better?"])
def test_reassurance_gets_a_little_yes(library: Library, ask: str) -> None:
    worry = (
        "That's a fair worry. Retaliation is not tolerated, and if anything like that ever happened you call the "
        "watch commander right away."
    )
    line = last_reply(library, "deputy-complaint", 161, [*COMPLAINT, f"{worry} {ask}"])
    assert line.split(".")[0] in ("A little, yes", "It does, some", "Yes, that helps"), line


COLLISION = [
    "hey, welcome to harbor station, im deputy ames. sorry ur dealing w this, first accident is scary. anyone hurt?",
    "ok good. whats ur name?",
]


def test_the_time_and_how_it_happened_are_answered(library: Library) -> None:
    line = last_reply(
        library, "minor-collision", 161, [*COLLISION, "thx. what time this morning? and who backed into who?"]
    )
    assert "about eight" in line and "into me" in line, line


def test_a_bare_list_after_the_other_driver_is_about_the_other_driver(library: Library) -> None:
    ask = "did u swap info w the other driver? name, insurance, plate?"
    line = last_reply(library, "minor-collision", 161, [*COLLISION, ask])
    assert "Dale Simmons" in line and "Like I said" not in line and "Stacy Lin" not in line, line


def test_kept_evidence_is_answered(library: Library) -> None:
    messages = [
        "Hi there, welcome to Harbor Station. I'm Deputy Ames. What's going on?",
        "I'm sorry, that sounds frightening. Can I get your name and a good number for you? And do you still have "
        "the note and the texts?",
    ]
    line = last_reply(library, "restraining-order-question", 161, messages)
    assert "saved" in line or "kept" in line, line


def test_an_instruction_that_opens_with_when_is_no_question(library: Library) -> None:
    messages = [
        "Good morning, ma'am, welcome to Harbor Station. I'm Deputy Ames. I can see you're worried, I'm so sorry.",
        "What's your son's full name and date of birth?",
        "I can't look up his case from the desk, but the jail's inmate information line can tell you where he is. "
        "Their number is 562-555-0170.",
        "That's exactly right. When you call, have his full name and birthday ready and they'll look him up. Is there "
        "anything else I can help you with?",
    ]
    line = last_reply(library, "arrested-relative", 161, messages)
    assert "born" not in line and "Kowalski" not in line, line


@pytest.mark.parametrize("ask", ["Anything else you wanna know?", "Was there something else you wanted to ask?"])
def test_anything_else_you_want_to_know_is_not_answered_yes(library: Library, ask: str) -> None:
    told = (
        "Awesome, we totally do those. You gotta be 18 or older. You fill out an application and a waiver, show a "
        "photo ID, and we run a background check. Approval usually takes about two weeks."
    )
    line = last_reply(library, "ride-along-request", 161, [LOBBY_HELLO, told, f"Yep. {ask}"])
    assert not line.startswith("Yes"), line


PERMIT = (
    "The permits are issued at the permits counter at the County Administration Building, 500 Ocean Boulevard, "
    "phone 562-555-0146. The fee is fifty dollars, and it's per person. It takes ten business days."
)


def test_three_questions_in_a_row_get_three_answers(library: Library) -> None:
    ask = "Certainly. What's your name, how many people are on your crew, and when are you hoping to start?"
    line = last_reply(library, "solicitor-permit", 161, [LOBBY_HELLO, ask])
    assert "Paolo Ricci" in line and "three of us" in line and "weekend" in line and "not sure" not in line, line


def test_what_to_tell_the_manager_is_the_place_and_the_fee(library: Library) -> None:
    ask = "So you can pass it on accurately, what will you tell your manager about where to go and the cost?"
    line = last_reply(library, "solicitor-permit", 161, [LOBBY_HELLO, PERMIT, ask])
    assert "500 Ocean Boulevard" in line and "fifty dollars" in line, line


def test_what_day_and_what_number_gets_both(library: Library) -> None:
    told = (
        "VIN inspections are Wednesdays only, from 1 to 4 in the afternoon, and you book a slot by calling "
        "562-555-0124. Bring the van, the DMV form, the title and your photo ID."
    )
    ask = "Just to be sure you've got it all, what day and what number are you calling?"
    line = last_reply(library, "vin-inspection", 161, [LOBBY_HELLO, told, ask])
    assert "Wednesday" in line and "555-0124" in line, line
