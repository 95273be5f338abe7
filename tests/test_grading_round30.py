"""Play-tests rounds 30 and 31: verdicts that were wrong, each now right, over whole calls as the grader reads
them."""

from __future__ import annotations

import pytest

from bot.grading import grade
from bot.grading.facts import fact_statuses
from bot.scenarios.library import Library
from bot.transcript import Turn

HELLO = "Good afternoon, Harbor Station, Deputy Shaw speaking. How can I help?"


def said(*trainee: str, visitor: str = "Hi.") -> list[Turn]:
    return [Turn("visitor", visitor), *(t for m in trainee for t in (Turn("trainee", m), Turn("visitor", "Okay.")))]


@pytest.mark.parametrize(
    ("scenario_id", "told", "fact", "status"),
    [
        # a total for the group, at the right fee each, is right; one that is no multiple of the fee is wrong
        ("solicitor-permit", "$50 per person, so each of the three needs one; $150 total. Ten business days.",
         "permit_fee_time", "given"),
        ("solicitor-permit", "It is $120 total for the three of you, ten business days.", "permit_fee_time", "wrong"),
        # a wrong number said on its own is the line just named; the right one gives it
        ("fireworks-complaint", "The best thing is to call our non-emergency line the moment you hear them. "
         "It's (562) 555-0100.", "call_when_happening", "wrong"),
        ("fireworks-complaint", "The best thing is to call dispatch the moment you hear them. It's (562) 555-0111.",
         "call_when_happening", "given"),
        # a wrong number given as the other way to call, or as a unit's own, is wrong
        ("restraining-order-question", "If you are in danger or he shows up, call 911 (or dispatch, (562) 555-0100) "
         "right away.", "danger_911", "wrong"),
        ("found-property", "The property unit's number is 562-555-0163.", "property_receipt", "wrong"),
    ],
)
def test_a_value_said_is_graded_for_the_fact_it_speaks_to(
    library: Library, scenario_id: str, told: str, fact: str, status: str
) -> None:
    scenario = library.scenarios[scenario_id]
    statuses = fact_statuses(said(HELLO, told), scenario.fact_rules, scenario.context)
    assert statuses[fact].status == status, statuses[fact]


def test_no_need_to_be_sorry_refuses_nothing(library: Library) -> None:
    scenario = library.scenarios["lost-child-lobby"]
    told = "Hey, hi, no need to be sorry, you did the right thing bringing her here. I'm Deputy Tran, Harbor Station."
    statuses = fact_statuses(said(told), scenario.fact_rules, scenario.context)
    assert statuses["stay_with_us"].status != "wrong", statuses["stay_with_us"]


def test_paperwork_that_is_never_fun_says_nothing_of_how_long_it_takes(library: Library) -> None:
    scenario = library.scenarios["report-copy"]
    asked = "(A man waits at the counter.) Hello, I was told I need a copy of my report for the insurance company."
    told = (
        "Hey there, welcome to Harbor Station, I'm Deputy Mills. Ugh, insurance paperwork, I feel you, it's never fun. "
        "We can sort that out easy. What's the report for, and do you have a report number in that folder?"
    )
    answered = (
        "It was on the 14th. The report was taken the same day. I have it right here: 26-01873. Can I get the copy "
        "here, or is it somewhere else?"
    )
    turns = [Turn("visitor", asked), Turn("trainee", told), Turn("visitor", answered)]
    statuses = fact_statuses(turns, scenario.fact_rules, scenario.context)
    assert statuses["process_time"].status != "wrong", statuses["process_time"]


def test_dont_you_fret_is_empathy() -> None:
    turns = said("Howdy, Harbor Station, I'm Deputy Beaumont. Out-of-state cars? Don't you fret, it ain't complicated.")
    assert grade(turns).criteria["empathy"].met


def test_an_amount_is_quoted_as_typed(library: Library) -> None:
    scenario = library.scenarios["solicitor-permit"]
    told = "It's $25 per person. Ten business days."
    statuses = fact_statuses(said(HELLO, told), scenario.fact_rules, scenario.context)
    assert statuses["permit_fee_time"].evidence == "It's $25 per person.", statuses["permit_fee_time"]
