"""Practice in the terminal, grading transcripts, checking and listing scenarios."""

from __future__ import annotations

import argparse
import io
import json
import secrets
import sys
from pathlib import Path
from typing import TextIO

from bot.cli.common import CliError, quiet_scenarios, scenario_library
from bot.grading import grade
from bot.practice.attempt import Attempt
from bot.practice.engine import ScenarioEngine
from bot.scenarios.format import Scenario
from bot.scenarios.library import Library, default_scenario_dir, load_library
from bot.terminal import choose_scenario, print_scorecard, run_conversation
from bot.transcript import turns_from_json


def cmd_practice(args: argparse.Namespace) -> int:
    interactive = sys.stdin.isatty()
    read = _reader(interactive)
    library = scenario_library(args)
    scenario = _pick_scenario(library, args.scenario_id, interactive, read)
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    talk: TextIO = sys.stdout
    if args.json:
        talk = sys.stderr if interactive else io.StringIO()
    attempt = Attempt.start(ScenarioEngine(scenario), seed)
    result = run_conversation(
        attempt, read, talk, sys.stderr, echo=not interactive and not args.json, piped=not interactive
    )
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        print_scorecard(result, scenario, sys.stdout)
    return 0


def _reader(interactive: bool):
    def read() -> str | None:
        try:
            if interactive:
                return input("You: ")
            line = sys.stdin.readline()
            return line.rstrip("\n") if line else None
        except EOFError:
            return None

    return read


def _pick_scenario(library: Library, scenario_id: str | None, interactive: bool, read) -> Scenario:
    scenarios = sorted(library.scenarios.values(), key=lambda s: (s.channel, s.id))
    if scenario_id is not None:
        if scenario_id in library.scenarios:
            return library.scenarios[scenario_id]
        broken = [p for p in library.problems if scenario_id in p.file]
        if broken:
            raise CliError(f"scenario '{scenario_id}' cannot be loaded: {broken[0]}")
        known = ", ".join(s.id for s in scenarios) or "none"
        raise CliError(f"no scenario with id '{scenario_id}' (known: {known})")
    if not scenarios:
        raise CliError("there are no usable scenarios (deskdrill scenarios check shows why)")
    if not interactive:
        raise CliError(
            "name a scenario when input is not a terminal: deskdrill practice <id> "
            f"({', '.join(s.id for s in scenarios)})"
        )
    chosen = choose_scenario(scenarios, read, sys.stdout)
    if chosen is None:
        raise CliError("no scenario chosen")
    return chosen


def cmd_grade(args: argparse.Namespace) -> int:
    lines = _read_jsonl(args.file)
    library: Library | None = None
    failed = False
    for raw in lines:
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            failed = True
            print(json.dumps({"id": None, "error": f"not valid JSON: {exc.msg} at column {exc.colno}"}))
            continue
        record_id = record.get("id") if isinstance(record, dict) else None
        try:
            if not isinstance(record, dict):
                raise ValueError("each line must be a JSON object with 'turns'")
            turns = turns_from_json(record.get("turns"))
        except ValueError as exc:
            failed = True
            print(json.dumps({"id": record_id, "error": str(exc)}))
            continue
        scenario = None
        if record.get("scenario") is not None:
            library = library or quiet_scenarios(args)
            scenario = library.scenarios.get(record["scenario"]) if isinstance(record["scenario"], str) else None
            if scenario is None:
                failed = True
                known = ", ".join(sorted(library.scenarios)) or "none"
                error = f"unknown scenario {record['scenario']!r} (known: {known})"
                print(json.dumps({"id": record_id, "error": error}))
                continue
        contact = scenario.contact if scenario else None
        print(json.dumps({"id": record_id, **grade(turns, contact=contact).to_json()}, ensure_ascii=False))
    return 1 if failed else 0


def _read_jsonl(name: str) -> list[str]:
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CliError(f"cannot read {name}: no such file") from exc
    except IsADirectoryError as exc:
        raise CliError(f"cannot read {name}: it is a directory") from exc
    except UnicodeDecodeError as exc:
        raise CliError(f"cannot read {name}: it is not UTF-8 text") from exc
    except OSError as exc:
        raise CliError(f"cannot read {name}: {exc.strerror or exc}") from exc
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise CliError(f"{'standard input' if name == '-' else name} is empty: expected one JSON transcript a line")
    return lines


def cmd_scenarios_check(args: argparse.Namespace) -> int:
    paths = args.paths or [args.scenarios or default_scenario_dir()]
    library = load_library(paths)
    for problem in library.problems:
        print(problem)
    for scenario in library.scenarios.values():
        for warning in scenario.warnings:
            print(warning)
    if library.problems:
        files = len({p.file for p in library.problems})
        print(
            f"{len(library.problems)} problem(s) in {files} file(s); {len(library.scenarios)} scenario(s) OK",
            file=sys.stderr,
        )
        return 1
    if not library.files:
        raise CliError(f"no scenario files found in {', '.join(map(str, paths))}")
    print(f"{len(library.scenarios)} scenario(s) OK", file=sys.stderr)
    return 0


def cmd_scenarios_list(args: argparse.Namespace) -> int:
    library = scenario_library(args)
    scenarios = sorted(library.scenarios.values(), key=lambda s: (s.channel, s.id))
    if args.json:
        print(json.dumps([s.summary() for s in scenarios], ensure_ascii=False, indent=2))
        return 0
    for s in scenarios:
        print(f"{s.id:28} {s.channel:6} {s.difficulty:9} {s.title}")
    return 0


def cmd_scenarios_graph(args: argparse.Namespace) -> int:
    from bot.scenarios.diagram import mermaid

    library = scenario_library(args)
    scenario = _pick_scenario(library, args.scenario_id, interactive=False, read=lambda: None)
    print(mermaid(scenario))
    return 0
