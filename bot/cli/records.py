"""The records a department keeps: backups, retention, erasure, re-grading (docs/records.md)."""

from __future__ import annotations

import argparse

from bot.cli.common import CliError, open_store, quiet_scenarios, settings_db_path
from bot.scenarios.library import default_scenario_dir


def cmd_backup(args: argparse.Namespace) -> int:
    from bot.storage.backup import BackupError, backup

    try:
        copied = backup(settings_db_path(), args.path)
    except BackupError as exc:
        raise CliError(str(exc)) from exc
    print(f"backed up to {copied.path} ({copied.size:,} bytes, {copied.attempts:,} finished calls, integrity ok)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from bot.storage.backup import BackupError, restore
    from bot.storage.store import Store

    try:
        copied = restore(args.path, settings_db_path(), lambda path: Store.open(path).close())
    except BackupError as exc:
        raise CliError(str(exc)) from exc
    for moved in copied.moved_aside:
        print(f"moved aside: {moved}")
    print(f"restored {args.path} into {copied.path} ({copied.attempts:,} finished calls, migrated, integrity ok)")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from bot.config import ConfigError, load_retention, load_settings
    from bot.storage.retention import purge

    try:
        settings = load_settings()
        retention = load_retention(args.scenarios or settings.scenarios_dir or default_scenario_dir())
    except ConfigError as exc:
        raise CliError(str(exc)) from exc
    store = open_store(settings.db_path)
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
    store = open_store(settings_db_path())
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
    library = quiet_scenarios(args)
    store = open_store(settings_db_path())
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
