"""`{name:id}` in a route: a row id, 1 to 18 digits, so it always fits SQLite's 64-bit integer.

Starlette's `int` takes any run of digits, and SQLite cannot bind an integer past 2**63 - 1: an id like
99999999999999999999999 in a URL raised OverflowError, a 500 with tracebacks in the log. With this
convertor such a URL matches no route, a 404 like any other page that does not exist.
"""

from __future__ import annotations

from starlette.convertors import Convertor, register_url_convertor

MAX_DIGITS = 18
"""Up to 999,999,999,999,999,999: below 2**63 - 1, and far beyond any id the dashboard shows (Telegram's
user ids have at most 16 digits)."""


class RowId(Convertor[int]):
    regex = f"[0-9]{{1,{MAX_DIGITS}}}"

    def convert(self, value: str) -> int:
        return int(value)

    def to_string(self, value: int) -> str:
        return str(value)


def register() -> None:
    """Makes `{name:id}` known to Starlette's routes (its registry is global; registering twice is harmless)."""
    register_url_convertor("id", RowId())
