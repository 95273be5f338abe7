"""deskdrill: practice | grade | scenarios check|list | run | web | backup | restore | purge | erase-person | regrade.

A thin layer: parse arguments, call the core, print. Every failure a user can cause
ends in one line on standard error and exit status 1, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from bot.cli.errors import CliError

__all__ = ["CliError", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    try:
        from bot.cli.parser import build_parser  # loads the grader, and a department's phrases.yaml with it
    except Exception as exc:  # noqa: BLE001 - e.g. a bad phrases.yaml: its file and line, not a traceback
        if os.environ.get("DESKDRILL_DEBUG"):
            raise
        print(f"deskdrill: {exc}", file=sys.stderr)
        return 1
    parser = build_parser()
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
