"""Role-play bench: every scenario played by whole scripted trainees, in several styles.

    python bench/roleplay.py [--scripts DIR] [SCENARIO_ID ...]

Scripts live as data in tests/roleplay/<scenario-id>.yaml (layout: tests/roleplay/README.md).
For every scenario file in scenarios/ this prints: competent scripts resolved on the first try
(seeds 1-3), their totals, visitor lines repeated twice in a row, whether the flawed scripts
moved the mood and the outcome the believable way, and the variety figure: distinct visitor
lines met over seeds 1-10 per visitor line of one call (target >= 3).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.practice.attempt import Attempt  # noqa: E402
from bot.practice.engine import ScenarioEngine  # noqa: E402
from bot.scenarios.format import MOODS, load_agency  # noqa: E402
from bot.scenarios.library import load_library  # noqa: E402
from bot.scenarios.yaml_lines import load_yaml  # noqa: E402

SCENARIOS = ROOT / "scenarios"
SCRIPTS = ROOT / "tests" / "roleplay"
SEEDS = (1, 2, 3)
VARIETY_SEEDS = range(1, 11)
KINDS = ("competent", "curt", "wrong_facts", "missed_emergency")
COMPETENT_MIN_TOTAL = 80


@dataclass(frozen=True)
class Script:
    scenario: str
    name: str
    kind: str
    style: str
    messages: tuple[str, ...]
    min_total: int = COMPETENT_MIN_TOTAL
    resolves: bool = True
    """For `curt` scripts: False when the scenario fails curtness by design (service-tester)."""


@dataclass(frozen=True)
class Run:
    script: Script
    seed: int
    resolved: bool
    total: int
    mood: int
    start_mood: int
    failed: bool
    repeats: tuple[str, ...]
    visitor_lines: tuple[str, ...]
    completed: bool


def load_scripts(path: Path) -> list[Script]:
    data, _ = load_yaml(path)
    agency, _ = load_agency(SCENARIOS)
    fill = re.compile(r"\{([a-z_]+)\}")
    scripts = []
    for raw in data.get("scripts", []):
        messages = tuple(fill.sub(lambda m: agency.get(m.group(1), m.group(0)), str(m)) for m in raw["messages"])
        scripts.append(
            Script(
                scenario=str(data["scenario"]),
                name=str(raw["name"]),
                kind=str(raw["kind"]),
                style=str(raw.get("style", raw["kind"])),
                messages=messages,
                min_total=int(raw.get("min_total", COMPETENT_MIN_TOTAL)),
                resolves=bool(raw.get("resolves", True)),
            )
        )
    return scripts


def script_files(directory: Path = SCRIPTS) -> list[Path]:
    return sorted(directory.glob("*.yaml"))


def play(engine: ScenarioEngine, script: Script, seed: int) -> Run:
    attempt = Attempt.start(engine, seed)
    for message in script.messages:
        if attempt.ended:
            break
        attempt.say(message)
    result = attempt.finish()
    lines = tuple(t.text for t in result.turns if t.role == "visitor")
    repeats = tuple(b for a, b in zip(lines, lines[1:], strict=False) if a == b)
    return Run(
        script,
        seed,
        result.resolved,
        result.grade.total,
        MOODS.index(result.final_mood),
        MOODS.index(result.start_mood),
        result.grade.failed,
        repeats,
        lines,
        result.completed,
    )


def variety(engine: ScenarioEngine, script: Script) -> float:
    """Distinct visitor lines met over ten seeds, per visitor line of one call."""
    runs = [play(engine, script, seed) for seed in VARIETY_SEEDS]
    distinct = {line for run in runs for line in run.visitor_lines}
    return len(distinct) / mean(len(run.visitor_lines) for run in runs)


def main(argv: list[str]) -> int:
    directory = SCRIPTS
    argv = list(argv)
    if "--scripts" in argv:
        at = argv.index("--scripts")
        directory = Path(argv[at + 1])
        del argv[at : at + 2]
    library = load_library([SCENARIOS])
    for problem in library.problems:
        print(problem)
    wanted = set(argv)
    files = {p.stem: p for p in script_files(directory)}
    all_competent: list[Run] = []
    all_repeats = 0
    varieties: list[float] = []
    ok = True
    for scenario_id in sorted(library.scenarios):
        if wanted and scenario_id not in wanted:
            continue
        if scenario_id not in files:
            print(f"{scenario_id}: no scripts ({directory}/{scenario_id}.yaml)")
            continue
        engine = ScenarioEngine(library.scenarios[scenario_id])
        scripts = load_scripts(files[scenario_id])
        runs = [play(engine, s, seed) for s in scripts for seed in SEEDS]
        competent = [r for r in runs if r.script.kind == "competent"]
        all_competent += competent
        repeats = sum(len(r.repeats) for r in runs)
        all_repeats += repeats
        first_try = sum(r.resolved for r in competent)
        var = mean(variety(engine, s) for s in scripts if s.kind == "competent") if competent else 0.0
        varieties.append(var)
        print(f"\n{scenario_id}")
        print(
            f"  competent: resolved first try {first_try}/{len(competent)}, "
            f"totals {sorted({r.total for r in competent})}, lines repeated {repeats}, variety {var:.1f}"
        )
        for r in competent:
            if not r.resolved or r.total < r.script.min_total:
                print(f"    ! {r.script.name} seed {r.seed}: resolved={r.resolved} total={r.total}")
                ok = False
        for verdict in flawed_verdicts(runs):
            print(f"  {verdict}")
            ok = ok and "!" not in verdict
        for r in runs:
            for line in r.repeats:
                print(f"    ! repeated ({r.script.name}, seed {r.seed}): {line}")
                ok = False
    if all_competent:
        share = sum(r.resolved for r in all_competent) / len(all_competent)
        print(f"\nall: competent resolved first try {share:.0%} of {len(all_competent)} runs")
        print(f"all: visitor lines repeated twice in a row: {all_repeats}")
        print(
            f"all: variety (distinct lines over 10 seeds per line of one call): mean {mean(varieties):.1f}, "
            f"lowest {min(varieties):.1f}"
        )
    return 0 if ok else 1


def flawed_verdicts(runs: list[Run]) -> list[str]:
    """Did each flawed script move the mood and outcome the believable way?"""
    competent = [r for r in runs if r.script.kind == "competent"]
    verdicts = []
    for name in dict.fromkeys(r.script.name for r in runs if r.script.kind != "competent"):
        mine = [r for r in runs if r.script.name == name]
        kind = mine[0].script.kind
        verdicts.append(f"{kind} '{name}': " + flawed_check(kind, mine, competent))
    return verdicts


def flawed_check(kind: str, mine: list[Run], competent: list[Run]) -> str:
    moods = mean(r.mood for r in mine)
    totals = mean(r.total for r in mine)
    best_mood = mean(r.mood for r in competent) if competent else 0
    best_total = mean(r.total for r in competent) if competent else 100
    resolved = sum(r.resolved for r in mine)
    facts = (
        f"resolved {resolved}/{len(mine)}, mood {moods:.1f} vs {best_mood:.1f}, total {totals:.0f} vs {best_total:.0f}"
    )
    if kind == "curt":
        expected = len(mine) if mine[0].script.resolves else 0
        good = resolved == expected and moods > best_mood and totals < best_total
    elif kind == "wrong_facts":
        good = resolved == 0
    else:
        good = all(r.failed or not r.resolved for r in mine)
    return f"{facts} {'believable' if good else '! NOT believable'}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
