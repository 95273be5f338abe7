"""`scenarios check` finds every kind of mistake an author makes, and says where."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.scenarios.library import load_library
from tests.conftest import MINIMAL_SCENARIO, minimal

WriteScenario = Callable[..., Path]


def problems_in(path: Path) -> list[str]:
    return [str(p) for p in load_library([path]).problems]


def test_the_minimal_scenario_is_valid(scenario_file: WriteScenario) -> None:
    library = load_library([scenario_file(MINIMAL_SCENARIO)])
    assert library.problems == () and list(library.scenarios) == ["lost-wallet"]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("to: done", "to: dnoe"), "state 'asks': leads to unknown state 'dnoe'"),
        (("      - when: dismissive\n        to: gone\n", ""), "state 'gone': unreachable"),
        (('lines: ["I lost my wallet."]', "lines: []"), "state 'asks': 'lines' must be a non-empty list"),
        (('lines: ["I lost my wallet."]', 'lines: ["  "]'), "state 'asks': empty line"),
        (("channel: lobby", "channel: email"), "'channel' must be one of phone, lobby, not 'email'"),
        (("difficulty: routine", "difficulty: 3"), "'difficulty' must be one of routine, moderate, hard"),
        (("title: A lost wallet", "title: [a, b]"), "'title' must be non-empty text, not a list"),
        (("mood: uneasy", "mood: grumpy"), "mood must be one of calm"),
        (("    rules:\n", "    ruels:\n"), "unknown key 'ruels'"),
        (("    rules:\n", "    on:\n"), "YAML reads the key 'on' as true"),
        (("when: found_property", "when: found_propery"), "unknown signal 'found_propery'"),
        (("start: asks", "start: begin"), "start state 'begin' is not one of the states"),
        (("brief: Someone lost a wallet.\n", ""), "missing required key 'brief'"),
        (("title: A lost wallet", "title: A lost wallet\ntitle: Again"), "key 'title' appears twice"),
        (("I lost my wallet.", "I lost my {thing}."), "unknown placeholder '{thing}'"),
        (("    end: true\n    outcome: resolved", "    outcome: resolved"), "'outcome' goes on end states"),
        (("states:", "states: 3\nx:"), "unknown key 'x'"),
        (("id: lost-wallet", "id: lost-wallet\n  bad: [unclosed"), "not valid YAML"),
        (("    rules:\n", "    arrives: {after: 3, to: dnoe}\n    rules:\n"), "leads to unknown state 'dnoe'"),
        (("    rules:\n", "    arrives: {after: soon, to: done}\n    rules:\n"), "'arrives' is {after: a number of"),
    ],
)
def test_each_mistake_is_reported_with_file_line_and_state(
    scenario_file: WriteScenario, edit: tuple[str, str], expected: str
) -> None:
    old, new = edit
    assert old in MINIMAL_SCENARIO
    path = scenario_file(MINIMAL_SCENARIO.replace(old, new, 1))
    problems = problems_in(path)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(f"{path}:") for p in problems), problems


def test_the_line_number_points_at_the_offending_rule(scenario_file: WriteScenario) -> None:
    path = scenario_file(MINIMAL_SCENARIO.replace("to: done", "to: nowhere"))
    problem = next(p for p in problems_in(path) if "unknown state" in p)
    line = MINIMAL_SCENARIO.splitlines().index("      - when: found_property") + 1
    assert problem.startswith(f"{path}:{line}: state 'asks':")


def test_a_scenario_without_an_end_state_is_reported(scenario_file: WriteScenario) -> None:
    text = minimal(states={"asks": {"lines": ["Hello"], "rules": [{"when": "empathy", "to": "asks"}]}})
    problems = problems_in(scenario_file(text))
    assert any("no end state" in p for p in problems)
    assert any("state 'asks': no way forward" in p for p in problems)


def test_a_state_that_cannot_reach_an_end_is_reported(scenario_file: WriteScenario) -> None:
    states = {
        "asks": {
            "lines": ["Hi"],
            "rules": [{"when": "empathy", "to": "loop"}, {"when": "found_property", "to": "done"}],
        },
        "loop": {"lines": ["Round"], "rules": [{"when": "greeting", "to": "loop2"}]},
        "loop2": {"lines": ["And round"], "rules": [{"when": "greeting", "to": "loop"}]},
        "done": {"lines": ["Bye"], "end": True, "outcome": "resolved"},
    }
    problems = problems_in(scenario_file(minimal(states=states)))
    assert sum("no path from here reaches an end state" in p for p in problems) == 2


def test_duplicate_ids_across_files_are_reported(scenario_file: WriteScenario) -> None:
    first = scenario_file(MINIMAL_SCENARIO, "a.yaml")
    scenario_file(MINIMAL_SCENARIO, "b.yaml")
    problems = [str(p) for p in load_library([first.parent]).problems]
    assert problems == [f"{first.parent / 'b.yaml'}:1: duplicate id 'lost-wallet' (also in {first})"]


def test_placeholders_are_filled_from_agency_yaml(scenario_file: WriteScenario) -> None:
    path = scenario_file(MINIMAL_SCENARIO.replace("I lost my wallet.", "Is this {station_name}?"))
    (path.parent / "agency.yaml").write_text("station_name: Harbor Station\n")
    library = load_library([path])
    assert library.scenarios["lost-wallet"].states["asks"].lines[0].text == "Is this Harbor Station?"


def test_desk_entries_join_the_desk_reference_under_the_agency_settings(scenario_file: WriteScenario) -> None:
    desk = 'desk:\n  Bring: "photo ID to {station_name}"\npersona:'
    path = scenario_file(MINIMAL_SCENARIO.replace("persona:", desk, 1))
    (path.parent / "agency.yaml").write_text("station_name: Harbor Station\n")
    scenario = load_library([path]).scenarios["lost-wallet"]
    assert scenario.desk_card().endswith("\u2022 Bring: photo ID to Harbor Station")


def test_a_desk_that_is_not_label_and_text_is_reported(scenario_file: WriteScenario) -> None:
    path = scenario_file(MINIMAL_SCENARIO.replace("persona:", "desk:\n  - photo ID\npersona:", 1))
    assert any("'desk' must map a short label to its text" in p for p in problems_in(path))


def test_the_procedures_a_trainee_must_give_are_on_the_desk_card() -> None:
    """What to bring and a deadline are department procedure, not agency settings: a trainee cannot guess them."""
    library = load_library(sorted(Path("scenarios").glob("*.yaml")))
    for sid, words in [
        ("impound-release", "proof of insurance"),
        ("vin-inspection", "bill of sale"),
        ("registrant-questions", "five working days"),
        ("clearance-letter", "photo ID"),
        ("solicitor-permit", "per person"),
    ]:
        assert words in library.scenarios[sid].desk_card(), sid


def test_a_file_that_is_not_a_mapping_is_reported(scenario_file: WriteScenario) -> None:
    path = scenario_file("- just\n- a list\n")
    assert problems_in(path) == [f"{path}:1: a scenario file must be a mapping with id, title, states, ..."]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"not_applicable": {"kindness": "n/a"}}, "unknown criterion 'kindness'"),
        ({"not_applicable": {"empathy": ""}}, "'not_applicable.empathy' must be non-empty text"),
        ({"not_applicable": ["empathy"]}, "'not_applicable' must map criteria"),
        (
            {
                "not_applicable": {
                    c: "no" for c in ("greeting", "empathy", "testing_questions", "offer_more_help", "appreciation")
                }
            },
            "at least one criterion must apply",
        ),
        ({"examples": {"empathty": "Oh no."}}, "unknown criterion 'empathty'"),
        ({"examples": {"empathy": "Sorry about {wallet_colour}."}}, "unknown placeholder '{wallet_colour}'"),
        ({"resolution": {"facts": []}}, "'facts' must name at least one signal or intent"),
    ],
)
def test_not_applicable_examples_and_facts_are_checked(
    scenario_file: WriteScenario, changes: dict, expected: str
) -> None:
    problems = problems_in(scenario_file(minimal(**changes)))
    assert any(expected in p for p in problems), problems


def test_a_scenario_declares_criteria_not_applicable_and_examples_for_tips(scenario_file: WriteScenario) -> None:
    text = minimal(not_applicable={"empathy": "Nothing to acknowledge."}, examples={"appreciation": "Thanks, Sam."})
    scenario = load_library([scenario_file(text)]).scenarios["lost-wallet"]
    contact = scenario.contact
    assert contact.known and contact.facts == ("found_property",)
    assert contact.not_applicable == {"empathy": "Nothing to acknowledge."}
    assert contact.examples == {"appreciation": "Thanks, Sam."}


def test_a_visitor_line_that_asks_then_answers_itself_is_a_problem(tmp_path) -> None:
    """A visitor's question ends its line and waits for the trainee (issue 17, turn-taking)."""
    from bot.scenarios.format import asks_then_goes_on

    assert asks_then_goes_on("Should I take photos first? ... Okay, good. That's all.")
    assert asks_then_goes_on("Is there a fee? And how long does it take.")
    assert not asks_then_goes_on("(The phone rings.) Are you the ones who towed my car?")
    assert not asks_then_goes_on("Okay. So where do I go?")
    assert not asks_then_goes_on("Where do I go? (She looks at the door.)")
