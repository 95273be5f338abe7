"""Play-test rounds 33 to 35: verdicts that were wrong, each now right, over whole calls as the grader reads them."""

from __future__ import annotations

import pytest

from bot.grading import grade
from bot.grading.detectors import detect
from bot.grading.facts import fact_statuses
from bot.scenarios.library import Library
from bot.transcript import Turn

HELLO = "Good afternoon, Harbor Station, Deputy Shaw speaking. How can I help?"


def said(*trainee: str) -> list[Turn]:
    return [Turn("visitor", "Hi."), *(t for m in trainee for t in (Turn("trainee", m), Turn("visitor", "Okay.")))]


@pytest.mark.parametrize(
    ("scenario_id", "told", "fact", "status"),
    [
        # "sometimes it's not spent yet" is a reason to call now, not "sometime" later
        ("grandparent-scam", "ok first thing, right now: call the number on the back of those gift cards and ask them "
         "to freeze the balance, sometimes it's not spent yet.", "stop_payment", "given"),
        ("grandparent-scam", "She can call the card company sometime next week.", "stop_payment", "wrong"),
        # "I'm here" in a greeting stays with nobody; "I'll stay with you" asks her to stay nowhere
        ("mental-health-crisis", "Hi, Harbor Station, this is Deputy Sam Ortiz. I'm here, how can I help you tonight?",
         "stay_with", "missing"),
        ("mental-health-crisis", "I'm not hanging up, I'm staying right here with you.", "stay_with", "given"),
        ("elderly-confused", "You are not in trouble. I will stay with you. What is your name?", "stay_put", "missing"),
        ("elderly-confused", "Please sit on the bench and stay on the phone with me.", "stay_put", "given"),
    ],
)
def test_what_was_said_is_graded_for_what_it_does(
    library: Library, scenario_id: str, told: str, fact: str, status: str
) -> None:
    assert status_after(library, scenario_id, told, fact) == status


def status_after(library: Library, scenario_id: str, told: str, fact: str) -> str:
    """The fact's status once the desk has greeted and told this, in a whole call as the grader reads it."""
    scenario = library.scenarios[scenario_id]
    return fact_statuses(said(HELLO, told), scenario.fact_rules, scenario.context)[fact].status


def met_after_plan(trainee: str, criterion: str) -> bool:
    """Whether the criterion is met once the desk has greeted, told a plan and said this."""
    told = "A deputy is on the way, about twenty minutes. I'm connecting you to the crisis line now."
    return grade(said(HELLO, told, trainee)).criteria[criterion].met


def test_a_question_before_the_instruction_is_no_wrong_information(library: Library) -> None:
    scenario = library.scenarios["grandparent-scam"]
    turns = said(
        "hey, Harbor Station, Deputy Jayden Cruz here, what's up?",
        "ugh that's so messed up, i'm really sorry. how'd she send it, like wire, gift cards, or cash?",
        "ok first thing, right now: call the number on the back of those gift cards and ask them to freeze the "
        "balance, sometimes it's not spent yet. then call our fraud line, (562) 555-0163.",
    )
    result = grade(turns, contact=scenario.contact)
    assert result.addressed is not None and not result.addressed.wrong_information, result.addressed


@pytest.mark.parametrize(
    ("told", "check"),
    [
        ("A deputy will go by, and the deputy will call you once they've checked on her.",
         "Okay. Just so we're on the same page, how will you find out what the deputy found?"),
        ("It's $50 per person, and it takes ten business days.",
         "So for three people, what's the total, and when's the soonest you could start if you applied today?"),
    ],
)
def test_a_told_thing_asked_back_checks_understanding(told: str, check: str) -> None:
    assert grade(said(HELLO, told, check)).criteria["testing_questions"].met


def test_how_they_found_out_is_a_question_not_a_check() -> None:
    assert not grade(said(HELLO, "Just to check, how did you find out?")).criteria["testing_questions"].met


def test_a_question_for_a_detail_asked_with_the_offer_of_help_is_a_question_too() -> None:
    signals = detect("Could I trouble you for your name, and is there anything further I can help you with?")
    assert {"clarifying_question", "offer_more_help"} <= signals.names
    assert "clarifying_question" not in detect("Did that answer your questions, and is there anything else?").names


def test_texting_u_ends_a_sentence_but_a_clock_time_does_not() -> None:
    from bot.grading.text import split_sentences

    texted = split_sentences("thats rly decent of u. can i get ur name + phone real quick?")
    assert [s.original for s in texted][0] == "thats rly decent of u."
    assert len(texted) == 2
    assert len(split_sentences("Come in at 8 a.m. tomorrow and bring your ID.")) == 1


def test_whom_the_visitor_will_reach_asked_back_is_a_check() -> None:
    told = "If you wanna reach the watch commander direct, it's (562) 555-0142."
    check = "Say you don't hear nothin' back. Who you gonna reach out to, and how?"
    assert grade(said(HELLO, told, check)).criteria["testing_questions"].met
    assert not grade(said(HELLO, "Who are you going to call to pick you up?")).criteria["testing_questions"].met


@pytest.mark.parametrize(
    ("trainee", "criterion", "met"),
    [
        ("Sorry, that's rattling.", "empathy", True),
        ("Say back when to expect them?", "testing_questions", True),
        ("Just so we're on the same page, Greg, what's happening with her now, and what might you get from us later?",
         "testing_questions", True),
    ],
)
def test_round_36_verdicts(trainee: str, criterion: str, met: bool) -> None:
    told = "A deputy is on the way, about twenty minutes. Zoe stays right here with me."
    assert grade(said(HELLO, told, trainee)).criteria[criterion].met is met


def test_a_hopeful_maybe_is_no_brush_off() -> None:
    assert "dismissive" not in detect("Maybe not too late. Right now, please call the gift card company.").names
    assert "dismissive" in detect("Maybe not leave your wallet in the car.").names
