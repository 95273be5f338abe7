"""The period a dashboard page shows: read from its query (bot.training.periods.from_query: `?period=last-month`,
`?month=2026-11` or the form's `?from=...&to=...`), and the selector every page with figures shows for it (the
period links, the shown one marked, the from/to form, and the query that carries it to the CSV download)."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request

from bot.training.outcome import Refused
from bot.training.periods import DEFAULT, KINDS, Period, from_query, relative


def asked_period(request: Request, today: date, default: str = DEFAULT) -> tuple[Period, str | None]:
    """The query's period, or the default one and why the query's is none."""
    try:
        return from_query(request.query_params, today, default), None
    except Refused as refusal:
        return relative(default, today), str(refusal)


def selector(path: str, period: Period) -> dict[str, Any]:
    """The period links (the shown one marked), the from/to form's values, and what the page covers."""
    return {
        "path": path,
        "links": [(name, f"{path}?period={kind}", period.kind == kind) for kind, name in KINDS.items()],
        "first": period.first.isoformat(),
        "last": period.last.isoformat(),
        "words": period.words(),
        "query": urlencode({"period": period.token()}),
        "csv": urlencode({"period": period.fixed()}),
    }
