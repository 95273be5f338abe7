"""The contact as a whole (SPEC): addressed, automatic fails, criteria not applicable, the
total from verdicts only, and tips that name the moment of this call."""

from __future__ import annotations

import pytest

from bot.grading import CRITERIA, contact_total, grade
from bot.practice.attempt import Attempt, AttemptResult
from bot.practice.engine import ScenarioEngine
from bot.practice.scorecard import scorecard_lines
from bot.scenarios.library import Library
from bot.transcript import Turn
from tests.scripts import COURTEOUS, COURTEOUS_BUT_UNHELPFUL

CAR = "(The phone rings.) Hi... um, someone broke into my car last night and I'm still shaking."


def play(library: Library, scenario_id: str, script: list[str], seed: int = 0) -> AttemptResult:
    attempt = Attempt.start(ScenarioEngine(library.scenarios[scenario_id]), seed)
    for message in script:
        if not attempt.ended:
            attempt.say(message)
    return attempt.finish()


@pytest.mark.parametrize(
    ("met", "facts", "failed", "total"),
    [
        ({c: True for c in CRITERIA}, None, False, 100),
        ({c: False for c in CRITERIA}, None, False, 0),
        ({**{c: False for c in CRITERIA}, "greeting": True}, None, False, 20),
        ({**{c: True for c in CRITERIA}, "empathy": None}, None, False, 100),  # n/a: shared among four
        ({**{c: False for c in CRITERIA}, "greeting": True, "empathy": None}, None, False, 25),
        ({c: True for c in CRITERIA}, {"a": {"turn": 2}, "b": None}, False, 88),  # 75 + 12.5
        ({c: True for c in CRITERIA}, {"a": None, "b": None}, False, 75),
        ({c: False for c in CRITERIA}, {"a": {"turn": 2}}, False, 25),
        ({c: True for c in CRITERIA}, {"a": {"turn": 2}}, True, 0),
        ({c: True for c in CRITERIA}, {"a": {"status": "given"}, "b": {"status": "partly"}}, False, 94),
        ({c: True for c in CRITERIA}, {"a": {"status": "given"}, "b": {"status": "wrong"}}, False, 50),
        ({c: False for c in CRITERIA}, {"a": {"status": "given"}, "b": {"status": "wrong"}}, False, 12),
        ({c: True for c in CRITERIA}, {"a": {"status": "wrong"}}, True, 0),
    ],
)
def test_the_total_comes_from_verdicts_facts_and_automatic_fails_only(met, facts, failed, total) -> None:
    assert contact_total(met, facts, failed) == total


def test_hi_alone_is_five_misses_and_a_total_of_zero(library: Library) -> None:
    # Regression: "Hi" used to total 10/100 from the half greeting's hidden partial credit.
    for contact in (None, library.scenarios["car-break-in"].contact):
        result = grade([Turn("visitor", CAR), Turn("trainee", "Hi")], contact=contact)
        assert [v.met for v in result.criteria.values()] == [False] * 5 and result.total == 0
    card = scorecard_lines(play(library, "car-break-in", ["Hi"]), "Car break-in")
    assert sum(line.startswith("\u274c ") and "Issue" not in line for line in card) == 5
    assert card[1] == "Total: 0/100"
    assert any(line.startswith("\u274c Greeting, partly \u2014 \u201cHi\u201d (turn 2).") for line in card)


def test_a_resolution_fact_counts_in_any_turn_and_any_wording(library: Library) -> None:
    contact = library.scenarios["car-break-in"].contact
    turns = [
        Turn("visitor", CAR),
        Turn("trainee", "good morning harbor station dep lopez, u can file it on our website"),
        Turn("visitor", "How long does it take?"),
        Turn("trainee", "bout fifteen minutes tops"),
    ]
    addressed = grade(turns, contact=contact).addressed
    assert addressed.met
    assert addressed.facts["online_report"]["turn"] == 2 and addressed.facts["process_time"]["turn"] == 4
    assert "fifteen minutes" in addressed.facts["process_time"]["evidence"]


def test_without_a_scenario_there_is_no_addressed_or_auto_fail_key() -> None:
    data = grade([Turn("visitor", CAR), Turn("trainee", "Calm down, you idiot.")]).to_json()
    assert "addressed" not in data and "auto_fail" not in data
    assert {v["kind"] for v in data["courtesy_violations"]} >= {"rude", "dismissive"}
    assert all(v["applicable"] for v in data["criteria"].values())


def test_a_criterion_not_applicable_is_null_and_its_points_go_to_the_others(library: Library) -> None:
    scenario = library.scenarios["service-tester"]
    assert "routine question" in scenario.not_applicable["empathy"]
    result = play(library, "service-tester", COURTEOUS["service-tester"])
    empathy = result.grade.to_json()["criteria"]["empathy"]
    assert empathy["met"] is None and empathy["applicable"] is False and empathy["tip"] is None
    assert result.grade.total == 100
    card = scorecard_lines(result, scenario.title)
    assert any(line.startswith("\u2796 Empathy \u2014 n/a: The tester is calm") for line in card)
    no_close = play(library, "service-tester", COURTEOUS["service-tester"][:2])
    assert no_close.grade.total == 44  # the greeting is 1 of the 4 that apply: 75 / 4 + 25 for the hours


def test_a_courteous_call_that_misses_the_emergency_totals_zero_with_the_fail_first(library: Library) -> None:
    script = COURTEOUS_BUT_UNHELPFUL["child-late-home"]
    result = play(library, "child-late-home", script)
    assert result.grade.failed and result.grade.total == 0
    assert sum(v.met for v in result.grade.criteria.values()) >= 4  # courteous, still 0
    card = scorecard_lines(result, "A parent whose child has not come home")
    assert card[1].startswith("\u26d4 AUTOMATIC FAIL \u2014 The caller said their child is missing")
    assert "It came up at turn 5: \u201c" in card[1]  # ring, pick-up, opening, reply, then the missing child
    assert card[2] == "Total: AUTOMATIC FAIL, 0/100"  # the automatic fail first, then the total


def test_tips_name_the_moment_of_this_call_and_give_a_line_to_say(library: Library) -> None:
    turns = [
        Turn("visitor", CAR),
        Turn("trainee", "Harbor Station."),
        Turn("visitor", "They took my laptop bag. What do I do?"),
        Turn("trainee", "You can file it online; it takes about fifteen minutes."),
        Turn("visitor", "Okay, thanks so much."),
        Turn("trainee", "Bye."),
    ]
    criteria = grade(turns, contact=library.scenarios["car-break-in"].contact).criteria
    greeting = criteria["greeting"].tip or ""
    # no time said in the call or the scenario: a time-neutral salutation
    assert "first message (turn 2), \u201cHarbor Station.\u201d" in greeting and "Hello, Harbor" in greeting
    empathy = criteria["empathy"].tip or ""
    assert "After the caller said \u201cum, someone broke into my car" in empathy and "(turn 1)" in empathy
    assert "rotten thing to find first thing in the morning" in empathy  # the scenario's own example
    assert "after you explained things at turn 4" in (criteria["testing_questions"].tip or "")
    assert "Before you said goodbye at turn 6 (\u201cBye.\u201d)" in (criteria["offer_more_help"].tip or "")
    assert "When the caller thanked you at turn 5" in (criteria["appreciation"].tip or "")


def test_without_a_scenario_the_empathy_tip_fits_the_visitors_words() -> None:
    worried = [Turn("visitor", "My daughter isn't home and I'm so worried."), Turn("trainee", "Ok.")]
    assert "how worried you are" in (grade(worried).criteria["empathy"].tip or "")
    towed = [Turn("visitor", "This is ridiculous, my car got towed."), Turn("trainee", "Ok.")]
    assert "frustrated" in (grade(towed).criteria["empathy"].tip or "")


def test_an_addressed_issue_is_never_called_left_without_what_they_needed(library: Library) -> None:
    """The engine's end state and the grade can differ; the scorecard never contradicts "Issue addressed"."""
    from dataclasses import replace

    from bot.practice.scorecard import outcome_line

    result = play(library, "service-tester", COURTEOUS["service-tester"])
    assert result.grade.addressed is not None and result.grade.addressed.met
    unresolved_end = replace(result, resolved=False)
    assert "without what they needed" not in outcome_line(unresolved_end, "caller")
    assert "got what they needed" in outcome_line(unresolved_end, "caller") or "satisfied" in outcome_line(
        unresolved_end, "caller"
    )
