"""Every bundled scenario loads, and plays out as a trainer would expect."""

from __future__ import annotations

import pytest

from bot.practice.attempt import Attempt, AttemptResult
from bot.practice.engine import ScenarioEngine
from bot.scenarios.format import MOODS
from bot.scenarios.library import NOT_SCENARIOS, Library
from tests.conftest import SCENARIO_DIR
from tests.scripts import COURTEOUS, CURT

BUNDLED = sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml") if p.name not in NOT_SCENARIOS)


def play(library: Library, scenario_id: str, script: list[str], seed: int) -> AttemptResult:
    attempt = Attempt.start(ScenarioEngine(library.scenarios[scenario_id]), seed)
    for message in script:
        if attempt.ended:
            break
        attempt.say(message)
    return attempt.finish()


def test_the_bundled_library_has_no_problems(library: Library) -> None:
    assert library.problems == ()
    assert {s.channel for s in library.scenarios.values()} == {"phone", "lobby"}


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_every_scenario_file_has_a_model_and_a_poor_script(scenario_id: str, library: Library) -> None:
    assert scenario_id in library.scenarios
    assert scenario_id in COURTEOUS and scenario_id in CURT


@pytest.mark.parametrize("seed", [0, 1, 7, 42])
@pytest.mark.parametrize("scenario_id", sorted(COURTEOUS))
def test_a_courteous_trainee_resolves_the_scenario_meeting_every_applicable_criterion(
    library: Library, scenario_id: str, seed: int
) -> None:
    result = play(library, scenario_id, COURTEOUS[scenario_id], seed)
    assert result.resolved
    assert all(v.met for v in result.grade.criteria.values() if v.applicable), result.grade.to_json()
    assert result.grade.addressed.met and result.grade.auto_fail == ()
    assert result.grade.total == 100


@pytest.mark.parametrize("seed", [0, 3])
@pytest.mark.parametrize("scenario_id", sorted(CURT))
def test_a_curt_trainee_leaves_it_unresolved_and_the_visitor_worse(
    library: Library, scenario_id: str, seed: int
) -> None:
    result = play(library, scenario_id, CURT[scenario_id], seed)
    assert not result.resolved
    assert MOODS.index(result.final_mood) > MOODS.index(result.start_mood)
    assert result.grade.total <= 40


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_every_fact_says_what_is_right_and_lists_wrong_answers_that_never_count(
    library: Library, scenario_id: str
) -> None:
    """Loading already fails when a counter-example counts as given; here: each fact has them, and a warning
    (a counter-example not even read as wrong) is a failure too."""
    scenario = library.scenarios[scenario_id]
    assert [r.name for r in scenario.fact_rules] == list(scenario.resolution_facts)
    for rule in scenario.fact_rules:
        assert len(rule.counter_examples) >= 5, f"{rule.name}: {len(rule.counter_examples)} counter-examples"
        assert rule.right, f"{rule.name} does not say what is right"
    assert not [w for w in scenario.warnings if "wrong answer" in w.message]
