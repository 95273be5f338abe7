"""deskdrill: practice | grade | scenarios check|list | run | web | backup | restore | purge | erase-person | regrade.

A thin layer: parse arguments, call the core, print. Every failure a user can cause
ends in one line on standard error and exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import secrets
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot.grading import grade
from bot.grading.explain import add_phrases_command
from bot.practice.attempt import Attempt
from bot.practice.engine import ScenarioEngine
from bot.scenarios.format import Scenario
from bot.scenarios.library import Library, default_scenario_dir, load_library
from bot.storage.running import RunLock
from bot.terminal import choose_scenario, print_scorecard, run_conversation
from bot.transcript import turns_from_json


class CliError(Exception):
    """A problem the user can fix; printed as one line."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 1
    try:
        return args.handler(args)
    except CliError as exc:
        print(f"deskdrill: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence against a traceback
        if os.environ.get("DESKDRILL_DEBUG"):
            raise
        print(f"deskdrill: internal error: {exc} (set DESKDRILL_DEBUG=1 to see details)", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="deskdrill", description="Customer-service practice for front desks.")
    parser.add_argument("--scenarios", type=Path, help="scenario directory (default: ./scenarios)")
    sub = parser.add_subparsers(metavar="COMMAND")

    practice = sub.add_parser("practice", help="practise a scenario in the terminal")
    practice.add_argument("scenario_id", nargs="?", help="scenario id (default: choose from a list)")
    practice.add_argument("--seed", type=int, help="replay the same visitor lines")
    practice.add_argument("--json", action="store_true", help="print one JSON object: transcript, grade, resolved")
    practice.set_defaults(handler=cmd_practice)

    grade_cmd = sub.add_parser("grade", help="grade transcripts, one JSON object a line (SPEC.md)")
    grade_cmd.add_argument("file", help="a JSONL file, or - for standard input")
    grade_cmd.set_defaults(handler=cmd_grade)

    scenarios = sub.add_parser("scenarios", help="check or list scenario files")
    scenarios_sub = scenarios.add_subparsers(metavar="ACTION")
    check = scenarios_sub.add_parser("check", help="report every problem in scenario files")
    check.add_argument("paths", nargs="*", type=Path, help="files or directories (default: the scenario directory)")
    check.set_defaults(handler=cmd_scenarios_check)
    listing = scenarios_sub.add_parser("list", help="list the scenarios")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_scenarios_list)
    graph = scenarios_sub.add_parser("graph", help="print a Mermaid diagram of a scenario's states")
    graph.add_argument("scenario_id")
    graph.set_defaults(handler=cmd_scenarios_graph)

    run = sub.add_parser("run", help="start the Telegram bot (settings: environment and .env)")
    run.set_defaults(handler=cmd_run)
    web = sub.add_parser("web", help="serve the instructors' web dashboard alone (settings: environment and .env)")
    web.set_defaults(handler=cmd_web)
    _records_parsers(sub)
    add_phrases_command(sub)
    return parser


def _records_parsers(sub: argparse._SubParsersAction) -> None:
    """The records a department keeps: backups, retention, erasure, re-grading (docs/records.md)."""
    backup = sub.add_parser("backup", help="copy the database while DeskDrill runs (consistent, mode 0600, checked)")
    backup.add_argument("path", type=Path, help="the backup file, or a folder to put a dated one in")
    backup.set_defaults(handler=cmd_backup)
    restore = sub.add_parser("restore", help="replace the database by a backup (DeskDrill must be stopped)")
    restore.add_argument("path", type=Path, help="a file made by deskdrill backup")
    restore.set_defaults(handler=cmd_restore)
    purge = sub.add_parser("purge", help="purge trainees' words and audit entries past agency.yaml's retention")
    purge.set_defaults(handler=cmd_purge)
    erase = sub.add_parser("erase-person", help="erase a person's name, username, words and sessions (totals kept)")
    erase.add_argument("person_id", help="their Telegram user id")
    erase.set_defaults(handler=cmd_erase_person)
    regrade = sub.add_parser("regrade", help="re-grade stored attempts with the current grader; dry run unless --apply")
    mode = regrade.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true", help="only list what would change (the default)")
    mode.add_argument("--apply", action="store_true", help="apply every change listed, each audited")
    regrade.add_argument("--scenario", metavar="ID", help="only attempts at this scenario")
    regrade.add_argument("--since", metavar="DATE", help="only attempts finished on or after this date (YYYY-MM-DD)")
    regrade.set_defaults(handler=cmd_regrade)


# --- practice -----------------------------------------------------------------


def cmd_practice(args: argparse.Namespace) -> int:
    interactive = sys.stdin.isatty()
    read = _reader(interactive)
    library = _library(args)
    scenario = _pick_scenario(library, args.scenario_id, interactive, read)
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    talk: TextIO = sys.stdout
    if args.json:
        talk = sys.stderr if interactive else io.StringIO()
    attempt = Attempt.start(ScenarioEngine(scenario), seed)
    result = run_conversation(attempt, read, talk, sys.stderr, echo=not interactive and not args.json)
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


def _library(args: argparse.Namespace) -> Library:
    directory = args.scenarios or default_scenario_dir()
    if not directory.is_dir():
        raise CliError(f"scenario directory {directory} not found (use --scenarios DIR)")
    library = load_library([directory])
    for problem in library.problems:
        print(f"deskdrill: warning: skipped: {problem}", file=sys.stderr)
    return library


# --- grade --------------------------------------------------------------------


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
            library = library or _quiet_library(args)
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


def _quiet_library(args: argparse.Namespace) -> Library:
    directory = args.scenarios or default_scenario_dir()
    return load_library([directory]) if directory.is_dir() else Library({}, (), 0)


# --- scenarios ----------------------------------------------------------------


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
    library = _library(args)
    scenarios = sorted(library.scenarios.values(), key=lambda s: (s.channel, s.id))
    if args.json:
        print(json.dumps([s.summary() for s in scenarios], ensure_ascii=False, indent=2))
        return 0
    for s in scenarios:
        print(f"{s.id:28} {s.channel:6} {s.difficulty:9} {s.title}")
    return 0


def cmd_scenarios_graph(args: argparse.Namespace) -> int:
    from bot.scenarios.diagram import mermaid

    library = _library(args)
    scenario = _pick_scenario(library, args.scenario_id, interactive=False, read=lambda: None)
    print(mermaid(scenario))
    return 0


# --- run ----------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    """Start the bot; every setting is checked before anything connects."""
    import logging

    from bot.config import ConfigError, load_retention, load_settings
    from bot.practice.coach import Coach
    from bot.storage.store import Store, StoreError
    from bot.tg.app import run

    try:
        settings = load_settings()
        settings.require_token()
        retention = load_retention(args.scenarios or settings.scenarios_dir or default_scenario_dir())
    except ConfigError as exc:
        raise CliError(str(exc)) from exc
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("transitions").setLevel(logging.WARNING)  # a line per callback otherwise
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # a line per reminder run otherwise
    args.scenarios = args.scenarios or settings.scenarios_dir
    library = _library(args)
    if not library.scenarios:
        raise CliError("no usable scenarios: deskdrill scenarios check shows why")
    in_use = _in_use(settings.db_path)
    try:
        store = Store.open(settings.db_path)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    try:
        run(settings, Coach(library, store, settings.admins, tz=settings.tz), retention, dashboard_beside(settings))
    finally:
        store.close()
        in_use.release()
    return 0


def dashboard_beside(settings):
    """The dashboard to serve in the bot's own loop when DESKDRILL_WEB_PORT is set (composed here, so
    that the Telegram edge and the web edge never import each other)."""
    if settings.web_port is None:
        return None
    from bot.web.serve import WebTask, web_server

    return lambda department, today, wake: WebTask(web_server(settings, department, today, wake))


def cmd_web(args: argparse.Namespace) -> int:
    """Serve the dashboard alone over the bot's database (the bot, running elsewhere, delivers the notices)."""
    import asyncio
    import logging

    from bot.config import ConfigError, load_settings
    from bot.storage.store import Store, StoreError
    from bot.training.department import Department
    from bot.web.serve import web_server

    try:
        settings = load_settings()
    except ConfigError as exc:
        raise CliError(str(exc)) from exc
    if settings.web_port is None:
        raise CliError("DESKDRILL_WEB_PORT is not set: choose the port the dashboard listens on (see .env.example)")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args.scenarios = args.scenarios or settings.scenarios_dir
    library = _library(args)
    in_use = _in_use(settings.db_path)
    try:
        store = Store.open(settings.db_path)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    try:
        server = web_server(settings, Department(store, library, settings.admins, settings.tz), embedded=False)
        asyncio.run(server.serve())
    finally:
        store.close()
        in_use.release()
    return 0


# --- records ------------------------------------------------------------------


def _db_path() -> Path:
    from bot.config import ConfigError, load_settings

    try:
        return load_settings().db_path
    except ConfigError as exc:
        raise CliError(str(exc)) from exc


def cmd_backup(args: argparse.Namespace) -> int:
    from bot.storage.backup import BackupError, backup

    try:
        copied = backup(_db_path(), args.path)
    except BackupError as exc:
        raise CliError(str(exc)) from exc
    print(f"backed up to {copied.path} ({copied.size:,} bytes, {copied.attempts:,} finished calls, integrity ok)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from bot.storage.backup import BackupError, restore
    from bot.storage.store import Store

    try:
        copied = restore(args.path, _db_path(), lambda path: Store.open(path).close())
    except BackupError as exc:
        raise CliError(str(exc)) from exc
    for moved in copied.moved_aside:
        print(f"moved aside: {moved}")
    print(f"restored {args.path} into {copied.path} ({copied.attempts:,} finished calls, migrated, integrity ok)")
    return 0


def _open_store(db_path: Path):
    from bot.storage.store import Store, StoreError

    if not db_path.is_file():
        raise CliError(f"there is no database at {db_path} (check DESKDRILL_DB)")
    try:
        return Store.open(db_path)
    except StoreError as exc:
        raise CliError(str(exc)) from exc


def cmd_purge(args: argparse.Namespace) -> int:
    from bot.config import ConfigError, load_retention, load_settings
    from bot.storage.retention import purge

    try:
        settings = load_settings()
        retention = load_retention(args.scenarios or settings.scenarios_dir or default_scenario_dir())
    except ConfigError as exc:
        raise CliError(str(exc)) from exc
    store = _open_store(settings.db_path)
    try:
        purged = purge(store, retention)
    finally:
        store.close()
    print(f"{purged.describe()} (words kept {retention.words_days} days, audit {retention.audit_days} days)")
    return 0


def cmd_erase_person(args: argparse.Namespace) -> int:
    from bot.storage.erasure import ErasureError, erase_person

    if not args.person_id.lstrip("-").isdigit():
        raise CliError(f"'{args.person_id}' is not a Telegram user id (a number)")
    store = _open_store(_db_path())
    try:
        erased = erase_person(store, int(args.person_id))
    except ErasureError as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()
    print(erased.describe())
    return 0


def cmd_regrade(args: argparse.Namespace) -> int:
    from datetime import date

    from bot.storage.regrade import regrade

    if args.since is not None:
        try:
            date.fromisoformat(args.since)
        except ValueError as exc:
            raise CliError(f"--since: '{args.since}' is not a date such as 2026-01-31") from exc
    library = _quiet_library(args)
    store = _open_store(_db_path())
    try:
        run = regrade(store, library.scenarios, args.scenario, args.since, apply=args.apply)
    finally:
        store.close()
    for change in run.changes:
        print(change.describe())
    verb = "changed" if run.applied else "would change"
    skipped = "".join(
        f", {n} skipped ({why})" for n, why in ((run.purged, "words purged"), (run.unknown, "scenario unknown")) if n
    )
    tail = "applied and audited" if run.applied else "dry run: nothing changed; --apply to apply"
    print(f"{run.examined} attempts re-graded with grader {run.grader}: {len(run.changes)} {verb}{skipped} ({tail})")
    return 0


def _in_use(db_path: Path) -> RunLock:
    """Mark the database in use for as long as this process runs (restore refuses meanwhile)."""
    from bot.storage.running import InUse

    try:
        return RunLock(db_path).share()
    except InUse as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"cannot open the database {db_path}: {exc.strerror or exc}") from exc


if __name__ == "__main__":
    raise SystemExit(main())
