"""Running the bot, the dashboard beside it, or the dashboard alone."""

from __future__ import annotations

import argparse

from bot.cli.common import CliError, scenario_library, store_in_use
from bot.scenarios.library import default_scenario_dir


def cmd_run(args: argparse.Namespace) -> int:
    """Start the bot; every setting is checked before anything connects."""
    import logging

    from bot.config import (
        ConfigError,
        load_calendar,
        load_pass_mark,
        load_retention,
        load_settings,
        load_training_hours,
    )
    from bot.practice.coach import Coach
    from bot.tg.app import run
    from bot.tg.delivery import deliver_command

    try:
        settings = load_settings()
        settings.require_token()
        retention = load_retention(args.scenarios or settings.scenarios_dir or default_scenario_dir())
        load_pass_mark(args.scenarios or settings.scenarios_dir or default_scenario_dir())  # checked before anything
        load_calendar(args.scenarios or settings.scenarios_dir or default_scenario_dir())
        load_training_hours(args.scenarios or settings.scenarios_dir or default_scenario_dir())
    except ConfigError as exc:
        raise CliError(str(exc)) from exc
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("transitions").setLevel(logging.WARNING)  # a line per callback otherwise
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # a line per reminder run otherwise
    args.scenarios = args.scenarios or settings.scenarios_dir
    library = scenario_library(args)
    if not library.scenarios:
        raise CliError("no usable scenarios: deskdrill scenarios check shows why")
    hours_known(args, settings, library)
    with store_in_use(settings.db_path) as store:
        coach = Coach(library, store, settings.admins, tz=settings.tz)
        run(settings, coach, retention, dashboard_beside(settings), deliver_command(args.scenarios))
    return 0


def hours_known(args: argparse.Namespace, settings, library) -> None:
    """agency.yaml's training hours name only scenarios the library has (checked once the library is read)."""
    from bot.config import ConfigError, load_training_hours

    try:
        load_training_hours(args.scenarios or settings.scenarios_dir or default_scenario_dir(), set(library.scenarios))
    except ConfigError as exc:
        raise CliError(str(exc)) from exc


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

    from bot.config import ConfigError, load_calendar, load_pass_mark, load_settings, load_training_hours
    from bot.training.department import Department
    from bot.web.serve import web_server

    try:
        settings = load_settings()
        pass_mark = load_pass_mark(args.scenarios or settings.scenarios_dir or default_scenario_dir())
        calendar = load_calendar(args.scenarios or settings.scenarios_dir or default_scenario_dir())
        load_training_hours(args.scenarios or settings.scenarios_dir or default_scenario_dir())
    except ConfigError as exc:
        raise CliError(str(exc)) from exc
    if settings.web_port is None:
        raise CliError("DESKDRILL_WEB_PORT is not set: choose the port the dashboard listens on (see .env.example)")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args.scenarios = args.scenarios or settings.scenarios_dir
    library = scenario_library(args)
    hours_known(args, settings, library)
    with store_in_use(settings.db_path) as store:
        department = Department(store, library, settings.admins, settings.tz, pass_mark, calendar)
        server = web_server(settings, department, embedded=False)
        asyncio.run(server.serve())
    return 0
