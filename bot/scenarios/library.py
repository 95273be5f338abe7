"""A set of scenario files loaded together, with every problem found in any of them."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.scenarios.format import Problem, Scenario, load_agency, parse_scenario

AGENCY_FILE = "agency.yaml"
PHRASES_FILE = "phrases.yaml"
"""The department's own phrasings for the grader (docs/phrases.md): beside agency.yaml, not a scenario."""
NOT_SCENARIOS = frozenset({AGENCY_FILE, PHRASES_FILE})


@dataclass(frozen=True)
class Library:
    scenarios: Mapping[str, Scenario]
    problems: tuple[Problem, ...]
    files: int


def default_scenario_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """DESKDRILL_SCENARIOS if set, else ./scenarios, else the scenarios bundled beside the code."""
    if environ.get("DESKDRILL_SCENARIOS"):
        return Path(environ["DESKDRILL_SCENARIOS"])
    here = Path("scenarios")
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[2] / "scenarios"  # bot/scenarios/library.py -> the repository


def scenario_files(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """The YAML files named, or found in the directories named (agency.yaml and phrases.yaml aside)."""
    files, problems = [], []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.glob("*.yaml") if p.name not in NOT_SCENARIOS)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), None, None, "no such file or directory"))
    return files, problems


def load_library(paths: Sequence[Path]) -> Library:
    """Load every scenario file; a broken file is left out and its problems are reported."""
    files, problems = scenario_files(paths)
    agencies: dict[Path, dict[str, str]] = {}
    scenarios: dict[str, Scenario] = {}
    for file in files:
        directory = file.parent
        if directory not in agencies:
            agencies[directory], agency_problems = load_agency(directory)
            problems += agency_problems
        scenario, found = parse_scenario(file, agencies[directory])
        problems += found
        if scenario is None:
            continue
        if scenario.id in scenarios:
            problems.append(
                Problem(str(file), 1, None, f"duplicate id '{scenario.id}' (also in {scenarios[scenario.id].path})")
            )
            continue
        scenarios[scenario.id] = scenario
    return Library(scenarios, tuple(problems), len(files))
