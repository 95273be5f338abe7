"""The scenario library: balanced, varied, adaptable, drawable, documented."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.grading import BUILTIN_SIGNALS
from bot.practice.attempt import Attempt
from bot.practice.engine import ScenarioEngine
from bot.practice.scorecard import scorecard_lines
from bot.scenarios.diagram import mermaid
from bot.scenarios.format import RULE_KEYS, STATE_KEYS, TOP_KEYS
from bot.scenarios.library import Library, load_library
from tests.conftest import ROOT, SCENARIO_DIR
from tests.scripts import COURTEOUS, CURT

DOCS = (ROOT / "docs" / "scenarios.md").read_text(encoding="utf-8")


def play(library: Library, scenario_id: str, script: list[str], seed: int = 0):
    attempt = Attempt.start(ScenarioEngine(library.scenarios[scenario_id]), seed)
    for message in script:
        if not attempt.ended:
            attempt.say(message)
    return attempt.finish()


def test_at_least_twelve_scenarios_half_phone_half_lobby_of_every_difficulty(library: Library) -> None:
    scenarios = list(library.scenarios.values())
    assert len(scenarios) >= 12
    phone = [s for s in scenarios if s.channel == "phone"]
    assert len(phone) == len(scenarios) - len(phone)
    assert {s.difficulty for s in scenarios} == {"routine", "moderate", "hard"}


@pytest.mark.parametrize("scenario_id", sorted(COURTEOUS))
def test_persona_details_vary_between_attempts(library: Library, scenario_id: str) -> None:
    scenario = library.scenarios[scenario_id]
    assert scenario.pools, f"{scenario_id} has no pools"
    engine = ScenarioEngine(scenario)
    openings = set()
    for seed in range(12):
        attempt = Attempt.start(engine, seed)
        openings.add((attempt.speaker, attempt.opening))
        attempt.detach()
    assert len(openings) > 1
    assert not any("{" in speaker or "{" in opening for speaker, opening in openings)


def test_a_missed_emergency_is_an_automatic_fail_on_the_scorecard(library: Library) -> None:
    missed = play(library, "child-late-home", CURT["child-late-home"])
    (failure,) = missed.grade.auto_fail
    assert failure["id"] == "missed_emergency" and failure["turn"] == 5  # after the ring and the pick-up
    assert scorecard_lines(missed, "t")[1].startswith(
        "\u26d4 AUTOMATIC FAIL \u2014 The caller said their child is missing"
    )
    handled = play(library, "child-late-home", COURTEOUS["child-late-home"])
    assert handled.grade.auto_fail == ()


def test_clarifying_questions_get_answers_and_more_help_can_bring_out_a_second_need(library: Library) -> None:
    replies = {
        line.text
        for state in library.scenarios["found-property"].states.values()
        for rule in state.rules
        if "offer_more_help" in rule.when
        for line in rule.say
    }
    assert any("?" in reply for reply in replies) and any("?" not in reply for reply in replies)


def test_long_sentences_confuse_a_visitor_with_limited_english(library: Library) -> None:
    attempt = Attempt.start(ScenarioEngine(library.scenarios["limited-english"]), 0)
    attempt.say("Hello. I am Deputy Park, Harbor Station. How can I help?")
    reply = attempt.say("Okay so what you are going to want to do is come over here and fill out the long form.")
    confused = {line.text for line in library.scenarios["limited-english"].states["confused"].lines}
    assert attempt.visitor.state == "confused" and reply.reply.line in confused


def test_one_agency_file_adapts_every_scenario(tmp_path: Path) -> None:
    copy = tmp_path / "scenarios"
    shutil.copytree(SCENARIO_DIR, copy)
    agency = (
        (copy / "agency.yaml").read_text().replace("station_name: Harbor Station", "station_name: Lakeside Station")
    )
    (copy / "agency.yaml").write_text(agency)
    library = load_library([copy])
    assert library.problems == ()
    assert all("Harbor Station" not in s.brief for s in library.scenarios.values())
    assert sum("Lakeside Station" in s.brief for s in library.scenarios.values()) >= 10


def test_placeholders_are_all_filled(library: Library) -> None:
    for scenario in library.scenarios.values():
        texts = [line.text for state in scenario.states.values() for line in state.lines]
        leftover = {name for text in texts for name in re.findall(r"\{([a-z_]+)\}", text)}
        assert leftover <= set(scenario.pools), (scenario.id, leftover)


@pytest.mark.parametrize("scenario_id", sorted(COURTEOUS))
def test_every_scenario_draws_as_a_mermaid_state_diagram(library: Library, scenario_id: str) -> None:
    scenario = library.scenarios[scenario_id]
    diagram = mermaid(scenario)
    assert "stateDiagram-v2" in diagram and f"[*] --> {scenario.start}" in diagram
    for name in scenario.states:
        assert f'state "{name}" as {name}' in diagram
    assert re.search(r"--> \w+: \S", diagram)


@pytest.mark.parametrize("key", sorted(TOP_KEYS | STATE_KEYS | RULE_KEYS | set(BUILTIN_SIGNALS)))
def test_every_key_and_signal_is_documented(key: str) -> None:
    assert f"`{key}`" in DOCS


def test_the_example_in_the_docs_is_a_valid_scenario(tmp_path: Path) -> None:
    example = re.search(r"```yaml\n(id: .*?)```", DOCS, re.S).group(1)  # the whole example, not a fragment
    (tmp_path / "lost-wallet.yaml").write_text(example)
    shutil.copy(SCENARIO_DIR / "agency.yaml", tmp_path / "agency.yaml")
    library = load_library([tmp_path])
    assert library.problems == () and "lost-wallet" in library.scenarios
