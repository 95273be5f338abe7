"""Whole scripted trainees (tests/roleplay/*.yaml, layout in its README) against every scenario."""

from __future__ import annotations

import pytest

from bench.roleplay import SEEDS, flawed_check, load_scripts, play, script_files
from bot.practice.engine import ScenarioEngine
from bot.scenarios.library import Library

SCRIPTS = [(path, s) for path in script_files() for s in load_scripts(path)]


def _id(item) -> str:
    return f"{item[1].scenario}:{item[1].name}"


@pytest.mark.parametrize("item", SCRIPTS, ids=[_id(i) for i in SCRIPTS])
def test_a_roleplay_script_plays_out_believably(item, library: Library) -> None:
    path, script = item
    assert path.stem == script.scenario, "a script file is named after its scenario"
    assert script.scenario in library.scenarios, f"no scenario '{script.scenario}'"
    engine = ScenarioEngine(library.scenarios[script.scenario])
    runs = [play(engine, script, seed) for seed in SEEDS]
    for run in runs:
        assert not run.repeats, f"seed {run.seed}: the visitor said the same line twice in a row: {run.repeats}"
    if script.kind == "competent":
        for run in runs:
            assert run.resolved, f"seed {run.seed}: not resolved\n" + "\n".join(run.visitor_lines)
            assert run.total >= script.min_total, f"seed {run.seed}: total {run.total}"
        return
    competent = [play(engine, s, seed) for s in load_scripts(path) if s.kind == "competent" for seed in SEEDS]
    verdict = flawed_check(script.kind, runs, competent)
    assert "NOT" not in verdict, verdict


def test_every_script_file_has_the_required_styles() -> None:
    for path in script_files():
        kinds = [s.kind for s in load_scripts(path)]
        assert kinds.count("competent") >= 3, path.name
        assert "curt" in kinds and "wrong_facts" in kinds, path.name
