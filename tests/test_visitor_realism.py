"""A visitor who answers every part of a question, says back what it was told, and never says a line twice.

Two blind play-testers found five or six unrealistic moments a call in 36 competent calls. Each test here names
the behaviour that replaced one class of them: every part of a multi-part question answered (the dropped part was
usually the safety-critical one); a teach-back or read-back answered with the plan or the number the trainee
gave, not an old fact; no line said twice (the opening after the greeting, a whole answer on a re-ask); no
question the trainee just answered asked again; a goodbye that fits the call (no apology from a visitor who never
got heated, no "good day" at night); stock lines in the persona's register; no impatience at a fair step; and a
handoff to a counselor that is no hang-up.
"""

from __future__ import annotations

import re

import pytest

from bot.grading.text import split_sentences
from bot.practice.attempt import Attempt
from bot.practice.engine import SAID_BEFORE, ScenarioEngine
from bot.practice.hearing import in_my_words, plan_sentences, told_back, without_questions_just_answered
from bot.practice.read_back import key_items
from bot.practice.scorecard import scorecard_lines
from bot.scenarios.intents import checks_understanding
from bot.scenarios.library import Library

SEEDS = (1, 2, 3)
HELLO = "Good afternoon, Harbor Station, Deputy Lopez speaking. How can I help?"
DIGITS = re.compile(r"\d{3}\D{0,2}\d{4}\b")


def replies(library: Library, scenario_id: str, messages: list[str], seed: int) -> list[str]:
    attempt = Attempt.start(ScenarioEngine(library.scenarios[scenario_id]), seed)
    lines = [attempt.opening]
    for message in messages:
        if attempt.ended:
            break
        lines.append(attempt.say(message).reply.line)
    attempt.finish()
    return lines


# Every part of a multi-part question is answered.


@pytest.mark.parametrize(
    ("scenario_id", "question", "parts"),
    [
        (
            "neighbour-dispute",
            "Did he threaten her at all, or put hands on anybody? Any weapons involved?",
            [r"threat|touched|hand on", r"weapon|never seen him with one"],
        ),
        (
            "mental-health-crisis",
            "Are you thinking about killing yourself tonight? Do you have anything you could hurt yourself with?",
            [r"thought about it|thinking about it", r"pills"],
        ),
        (
            "car-break-in",
            "Can I get your name, address, and a callback number?",
            [r"[A-Z][a-z]+ [A-Z][a-z]+", r"\b\d{4} [A-Z]", r"555-0\d{3}"],  # number and house drawn per seed
        ),
        (
            "spanish-family-interpreter",
            "When and where did it happen, and what did they take?",
            [r"yesterday|five", r"purse|wallet|bag"],
        ),
        (
            "child-late-home",
            "What is he wearing, and what does he look like: height, hair? Does he have a phone?",
            [r"feet|hair", r"voicemail|phone"],
        ),
        (
            "minor-collision",
            "Can I get your name, date of birth, and a good phone number? And your license and insurance card?",
            [r"1986", r"555-0\d{3}", r"license"],
        ),
    ],
)
def test_every_part_of_a_multi_part_question_is_answered(
    library: Library, scenario_id: str, question: str, parts: list[str]
) -> None:
    for seed in SEEDS:
        line = replies(library, scenario_id, [HELLO, question], seed)[-1]
        for part in parts:
            assert re.search(part, line, re.IGNORECASE), (seed, part, line)


def test_a_request_said_as_a_statement_is_answered_like_a_question(library: Library) -> None:
    line = replies(library, "lost-child-lobby", [HELLO, "Before you go I need your name and phone number."], 8)[-1]
    assert DIGITS.search(line), line


# Checks of understanding: the plan the trainee gave, or the number read back.

TOWED = [
    HELLO,
    "I'm sorry, that's a lousy way to start the day. Let me look it up for you.",
    "It was towed to Valley Tow at 1450 Industrial Way. Call them first at (562) 555-0188, and bring your license.",
]


@pytest.mark.parametrize(
    "check",
    [
        "Just so I'm sure I explained it clearly, what are you going to do?",
        "So just to be sure we're on the same page, what are the two things you'll do?",
        "Tell it back to me so I know I explained it right, what's the first step?",
        "just so im sure i explained it ok, what do u do next?",
    ],
)
def test_a_teach_back_gets_the_plan_the_trainee_gave_in_the_visitors_words(library: Library, check: str) -> None:
    for seed in SEEDS:
        line = replies(library, "towed-car", [*TOWED, check], seed)[-1]
        assert "Valley Tow" in line or "555-0188" in line, (seed, line)
        assert re.search(r"\b(I|my)\b", line), (seed, line)  # said back as the visitor's own plan


def test_a_read_back_gets_the_number_just_given(library: Library) -> None:
    messages = [
        HELLO,
        "I'm so sorry. The jail's inmate information line can tell you where he is. It's (562) 555-0170.",
        "Can you read that number back to me so I know you've got it?",
    ]
    for seed in SEEDS:
        assert "(562) 555-0170" in replies(library, "arrested-relative", messages, seed)[-1]


def test_a_teach_back_says_back_a_wrong_value_as_it_was_told(library: Library) -> None:
    messages = [
        HELLO,
        "You'll want to call the release desk. Bring your license and pay the $500 fee here, Saturdays only.",
        "Just so I'm sure I explained it, what are you going to do?",
    ]
    line = replies(library, "impound-release", messages, 1)[-1]
    assert "$500" in line or "500 dollars" in line, line


@pytest.mark.parametrize(
    ("sentence", "is_check"),
    [
        ("Just so I'm sure I explained it clearly, what's the deadline?", True),
        ("Can you read that number back to me?", True),
        ("So just to check, where do you go, and how long should you tell your adjuster?", True),
        ("What happens next?", True),
        ("Here's what happens next: I'm writing it up.", False),
        ("Can you walk me through what happened?", False),
        ("What time did it happen?", False),
    ],
)
def test_a_check_of_understanding_is_told_from_a_question_about_the_visitor(sentence: str, is_check: bool) -> None:
    assert checks_understanding(split_sentences(sentence)[0].norm) is is_check


@pytest.mark.parametrize(
    ("said", "heard"),
    [
        ("Bring your license and the title.", "I bring my license and the title."),
        ("We'll call you back tomorrow.", "You'll call me back tomorrow."),
        ("I'm sending a deputy to you now.", "You're sending a deputy to me now."),
        ("You can also report it to Animal Control.", "I can also report it to Animal Control."),
        ("They'll help you fill out the forms.", "They'll help me fill out the forms."),
        ("bring the DMV form + ur photo ID", "I bring the DMV form and my photo ID"),
        ("if u wanna reach him, call 562-555-0142", "If I want to reach him, I call 562-555-0142"),
        ("write the booking # down w/ the date", "I write the booking number down with the date"),
        ("Go to Building B", "I go to Building B"),
        ("Records is open Mon-Fri, 8 to 4", "Records is open Monday-Friday, 8 to 4"),
    ],
)
def test_the_plan_is_said_back_in_the_visitors_words(said: str, heard: str) -> None:
    assert in_my_words(said) == heard


def test_what_someone_else_does_stays_theirs_after_another_clause() -> None:
    said = "It goes to the watch commander, and a supervisor will look into it and call you back at that number."
    assert key_items(said) == [
        "It goes to the watch commander.",  # where it goes is a step of the plan too
        "A supervisor will look into it and call me back at that number.",
    ]


@pytest.mark.parametrize(
    ("said", "heard"),
    [
        ("We will take the report and email you a copy.", ["You will take the report.", "You will email me a copy."]),
        (
            "I'm getting dispatch out to the lot now and check for any missing-child calls.",
            ["You're getting dispatch out to the lot now.", "You'll check for any missing-child calls."],
        ),
        ("She'll stay right here with me, she's safe.", ["She'll stay right here with you, she's safe."]),
    ],
)
def test_the_desks_next_step_after_and_stays_the_desks(said: str, heard: list[str]) -> None:
    assert key_items(said) == heard


def test_a_plan_read_back_takes_the_latest_explanation() -> None:
    plans = [(2, True, "Call the tow yard."), (4, True, "Bring your ID."), (4, True, "It costs $25.")]
    assert told_back(plans, asks_number=False) == "I bring my ID. It costs 25 dollars."  # said as a caller says it
    assert plan_sentences("I'm sorry about that. Bring your ID. Anything else?") == ["Bring your ID."]


# Nothing is said twice: not the opening after the greeting, not a whole answer on a re-ask.


@pytest.mark.parametrize(("scenario_id", "seed"), [("ride-along-request", 13), ("neighbour-dispute", 7)])
def test_the_reply_to_the_greeting_does_not_repeat_the_opening(library: Library, scenario_id: str, seed: int) -> None:
    opening, reply = replies(library, scenario_id, [HELLO], seed)
    said = {s.original for s in split_sentences(opening)}
    assert not any(s.original in said for s in split_sentences(reply) if len(s.original.split()) > 2), reply


@pytest.mark.parametrize("seed", SEEDS)
def test_a_detail_asked_again_is_said_as_a_repeat(library: Library, seed: int) -> None:
    asked = "What's the best number to reach you?"
    first, again = replies(library, "car-break-in", [HELLO, asked, asked], seed)[-2:]
    assert DIGITS.search(again) and again != first, again
    assert again.startswith(SAID_BEFORE), again


def test_a_whole_competent_call_never_says_a_sentence_twice(library: Library) -> None:
    messages = [
        "Hey there, good mornin', welcome to the Sheriff's Office, I'm Deputy Beau Adams. What can I do for ya?",
        "Oh man, I'm sorry, that'll rattle anybody. You sure you're not hurt? Any neck or back pain?",
        "Alright. Can I get your name, date of birth, and a good phone number for ya?",
        "What about the other driver, did ya get their name, plate number, and what kinda car it was?",
        "Okay, what's that cell number, Robert, and your birthday? And read me the other driver's name and plate.",
        "I'll take the collision report right here at the counter. You've also gotta file the SR-1 with the DMV "
        "within ten days, and call your insurance company today.",
        "So just to be sure we're on the same page, what are the two things you'll do after you leave here?",
        "Anything else I can help ya with today?",
        "Well thank ya for comin' in to report it, Robert. Drive safe now.",
    ]
    seen: set[str] = set()
    for line in replies(library, "minor-collision", messages, 1):
        for s in split_sentences(line):
            key = " ".join(re.findall(r"[a-z0-9']+", s.original.lower()))
            assert key not in seen or len(key.split()) <= 2, s.original
            seen.add(key)


# A question the trainee just answered is not asked again.


@pytest.mark.parametrize(
    ("line", "told"),
    [
        ("Okay. Do I need an appointment?", "It's not walk-in. VIN inspections are by appointment."),
        ("Okay. Anything I need to bring?", "Bring your license, registration and proof of insurance."),
        ("Is there an age limit?", "You gotta be 18 or older."),
        ("Perfect. How long until I hear back?", "Approval usually takes about two weeks."),
        ("Alright. Who do I call if I don't hear anything?", "The watch commander's line is (562) 555-0142."),
        ("Where, and how much?", "It's at the records window, and the fee is $25."),
    ],
)
def test_a_question_the_trainee_just_answered_is_not_asked_again(line: str, told: str) -> None:
    assert "?" not in without_questions_just_answered(line, told)


def test_a_question_the_trainee_did_not_answer_is_still_asked() -> None:
    assert without_questions_just_answered("How much is it?", "Bring your ID.") == "How much is it?"


@pytest.mark.parametrize("seed", SEEDS)
def test_the_visitor_does_not_ask_for_the_list_it_was_just_given(library: Library, seed: int) -> None:
    messages = [
        "Sheriff's office, Harbor Station, Adams.",
        "Oh no, and you've got work at nine. I'm sorry. Let's find your car.",
        "It was towed to Valley Tow, 1450 Industrial Way. Call them at (562) 555-0188, and bring your license, "
        "registration and proof of insurance.",
    ]
    assert "bring" not in replies(library, "towed-car", messages, seed)[-1].lower()


# Endings and stock lines that fit the call.


def test_a_visitor_who_never_got_heated_does_not_apologise_for_yelling(library: Library) -> None:
    messages = [
        "Sheriff's office, Harbor Station, Adams.",
        "Oh no, and you've got work at nine, that's the last thing you need. I'm sorry. What's your name?",
        "It's at Valley Tow, 1450 Industrial Way. Call them at (562) 555-0188 and bring your license, registration "
        "and proof of insurance.",
        "Does that make sense?",
        "Anything else I can help you with this morning?",
        "Thanks for your patience with all this. Hope you make it to work on time.",
    ]
    for seed in (23, 13, 1):
        assert "sorry i yelled" not in " ".join(replies(library, "towed-car", messages, seed)).lower()


def test_a_visitor_apologises_at_most_once(library: Library) -> None:
    messages = [
        "hi harbor station desk this is adams how can i help u",
        "ugh im sorry, that sounds exhausting. whats ur name n callback #",
        "ok so im sending a deputy out now, should be there in about 20 min.",
        "anything else i can help w tonight?",
        "thx for calling dev, hope u get some sleep",
    ]
    lines = " ".join(replies(library, "noise-complaint", messages, 2)).lower()
    assert len(re.findall(r"sorry (i was|for snapping|i snapped|i yelled)", lines)) <= 1, lines


def test_an_evening_goodbye_is_no_good_day(library: Library) -> None:
    messages = [
        "Good evening, Harbor Station, Deputy Cruz speaking. How can I help you?",
        "I'm sorry, that sounds exhausting and scary. Restraining orders come from the court: the Self-Help Center "
        "at Bayview County Courthouse, 200 Civic Center Drive, helps for free. If you're ever in danger, call 911.",
        "Is there anything else I can help you with tonight?",
        "Thank you for coming in. Please stay safe.",
    ]
    for seed in SEEDS:
        assert "good day" not in " ".join(replies(library, "restraining-order-question", messages, seed)).lower()


@pytest.mark.parametrize(
    ("scenario_id", "check", "unfit"),
    [
        ("mental-health-crisis", "Is that okay with you?", r"sounds good"),
        ("domestic-violence-lobby", "Does that make sense? Any questions?", r"i follow|got it, thanks"),
        ("limited-english", "Is that clear? Any question?", r"i follow|got it"),
    ],
)
def test_stock_answers_are_in_the_personas_register(library: Library, scenario_id: str, check: str, unfit: str) -> None:
    for seed in range(1, 7):
        line = replies(library, scenario_id, [HELLO, check], seed)[-1]
        assert not re.search(unfit, line, re.IGNORECASE), (seed, line)


def test_answering_the_visitors_own_question_is_no_going_in_circles(library: Library) -> None:
    messages = [
        "Hi, Harbor Station, Deputy Cruz. What can I help you with?",
        "I hear you, and I'm not going to tell you to calm down. I'll take it down myself right now.",
        "The watch commander reviews it and contacts you. His direct line is (562) 555-0142.",
        "Anything else I can help with today?",
        "The deputy will be told there's a complaint, but retaliation isn't tolerated.",
        "Yes, just sign here at the bottom of the complaint form, and I'll give you a copy.",
    ]
    lines = " ".join(replies(library, "deputy-complaint", messages, 23))
    assert "circles" not in lines and "/hint" not in lines, lines


def test_a_handoff_to_the_counselor_is_no_hang_up(library: Library) -> None:
    messages = [
        "Harbor Station. Deputy Adams. Go ahead, friend, I'm listening.",
        "I'm real sorry about your dad. Are you thinking about killing yourself tonight?",
        "What's your name? And where are you, so I know where you are?",
        "You're not alone, I'm staying right on this line with you. I'm going to patch in the 988 crisis counselor "
        "now, and ask dispatch to send our mental health team out to you. That okay?",
        "Anything you need from me while we wait?",
        "Thank you for calling tonight and for staying with me. Here's the counselor, I'm still right here.",
    ]
    attempt = Attempt.start(ScenarioEngine(library.scenarios["mental-health-crisis"]), 21)
    for message in messages:
        if not attempt.ended:
            line = attempt.say(message).reply.line
    assert "hang up" not in line, line
    scenario = library.scenarios["mental-health-crisis"]
    card = scorecard_lines(attempt.finish(), scenario.title, "caller")
    assert not any("before the caller was done" in row for row in card), card
