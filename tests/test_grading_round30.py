"""Play-test round 30: verdicts that were wrong, each now right, over whole calls as the grader reads them."""

from __future__ import annotations

from bot.grading import grade
from bot.grading.facts import fact_statuses
from bot.scenarios.library import Library
from bot.transcript import Turn

HELLO = "Good afternoon, Harbor Station, Deputy Shaw speaking. How can I help?"


def said(*trainee: str, visitor: str = "Hi.") -> list[Turn]:
    return [Turn("visitor", visitor), *(t for m in trainee for t in (Turn("trainee", m), Turn("visitor", "Okay.")))]


def test_a_total_for_the_group_after_the_fee_for_each_is_right(library: Library) -> None:
    scenario = library.scenarios["solicitor-permit"]
    told = "$50 per person, so each of the three needs one; $150 total. Ten business days."
    statuses = fact_statuses(said(HELLO, told), scenario.fact_rules, scenario.context)
    assert statuses["permit_fee_time"].status == "given", statuses["permit_fee_time"]


def test_a_total_that_is_no_multiple_of_the_fee_is_still_wrong(library: Library) -> None:
    scenario = library.scenarios["solicitor-permit"]
    told = "It is $120 total for the three of you, ten business days."
    statuses = fact_statuses(said(HELLO, told), scenario.fact_rules, scenario.context)
    assert statuses["permit_fee_time"].status == "wrong", statuses["permit_fee_time"]


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


def test_a_wrong_number_given_as_its_own_sentence_is_the_line_just_named(library: Library) -> None:
    scenario = library.scenarios["fireworks-complaint"]
    told = "The best thing is to call our non-emergency line the moment you hear them. It's (562) 555-0100."
    statuses = fact_statuses(said(HELLO, told), scenario.fact_rules, scenario.context)
    assert statuses["call_when_happening"].status == "wrong", statuses["call_when_happening"]


def test_the_right_number_given_as_its_own_sentence_gives_the_line(library: Library) -> None:
    scenario = library.scenarios["fireworks-complaint"]
    told = "The best thing is to call dispatch the moment you hear them. It's (562) 555-0111."
    statuses = fact_statuses(said(HELLO, told), scenario.fact_rules, scenario.context)
    assert statuses["call_when_happening"].status == "given", statuses["call_when_happening"]


def test_a_wrong_number_given_as_the_other_way_to_call_is_wrong(library: Library) -> None:
    scenario = library.scenarios["restraining-order-question"]
    told = "If you are in danger or he shows up, call 911 (or dispatch, (562) 555-0100) right away."
    statuses = fact_statuses(said(HELLO, told), scenario.fact_rules, scenario.context)
    assert statuses["danger_911"].status == "wrong", statuses["danger_911"]


def test_an_amount_is_quoted_as_typed(library: Library) -> None:
    scenario = library.scenarios["solicitor-permit"]
    told = "It's $25 per person. Ten business days."
    statuses = fact_statuses(said(HELLO, told), scenario.fact_rules, scenario.context)
    assert statuses["permit_fee_time"].evidence == "It's $25 per person.", statuses["permit_fee_time"]


def test_a_wrong_number_said_as_the_units_own_is_wrong(library: Library) -> None:
    scenario = library.scenarios["found-property"]
    told = "The property unit's number is 562-555-0163."
    statuses = fact_statuses(said(HELLO, told), scenario.fact_rules, scenario.context)
    assert statuses["property_receipt"].status == "wrong", statuses["property_receipt"]
