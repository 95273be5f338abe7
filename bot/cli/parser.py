"""The command line's parser: every command, its arguments and the function that runs it."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli.practice import cmd_grade, cmd_practice, cmd_scenarios_check, cmd_scenarios_graph, cmd_scenarios_list
from bot.cli.records import cmd_backup, cmd_erase_person, cmd_purge, cmd_regrade, cmd_restore
from bot.cli.serve import cmd_run, cmd_web
from bot.grading.explain import add_phrases_command


def build_parser() -> argparse.ArgumentParser:
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
    records_parsers(sub)
    add_phrases_command(sub)
    return parser


def records_parsers(sub: argparse._SubParsersAction) -> None:
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
