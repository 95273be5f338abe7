"""What every command shares: the one-line error, the scenario library, the database in use."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.errors import CliError
from bot.scenarios.library import Library, default_scenario_dir, load_library
from bot.storage.running import RunLock

if TYPE_CHECKING:
    from bot.storage.store import Store

__all__ = [
    "CliError",
    "mark_in_use",
    "open_store",
    "quiet_scenarios",
    "scenario_library",
    "settings_db_path",
    "store_in_use",
]


def scenario_library(args: argparse.Namespace) -> Library:
    directory = args.scenarios or default_scenario_dir()
    if not directory.is_dir():
        raise CliError(f"scenario directory {directory} not found (use --scenarios DIR)")
    library = load_library([directory])
    for problem in library.problems:
        print(f"deskdrill: warning: skipped: {problem}", file=sys.stderr)
    return library


def quiet_scenarios(args: argparse.Namespace) -> Library:
    directory = args.scenarios or default_scenario_dir()
    return load_library([directory]) if directory.is_dir() else Library({}, (), 0)


def settings_db_path() -> Path:
    from bot.config import ConfigError, load_settings

    try:
        return load_settings().db_path
    except ConfigError as exc:
        raise CliError(str(exc)) from exc


def open_store(db_path: Path):
    from bot.storage.store import Store, StoreError

    if not db_path.is_file():
        raise CliError(f"there is no database at {db_path} (check DESKDRILL_DB)")
    try:
        return Store.open(db_path)
    except StoreError as exc:
        raise CliError(str(exc)) from exc


def mark_in_use(db_path: Path) -> RunLock:
    """Mark the database in use for as long as this process runs (restore refuses meanwhile)."""
    from bot.storage.running import InUse

    try:
        return RunLock(db_path).share()
    except InUse as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"cannot open the database {db_path}: {exc.strerror or exc}") from exc


@contextmanager
def store_in_use(db_path: Path) -> Iterator[Store]:
    """The store, with the database marked in use (restore refuses meanwhile) until the block ends."""
    from bot.storage.store import Store, StoreError

    in_use = mark_in_use(db_path)
    try:
        store = Store.open(db_path)
    except StoreError as exc:
        in_use.release()
        raise CliError(str(exc)) from exc
    try:
        yield store
    finally:
        store.close()
        in_use.release()
