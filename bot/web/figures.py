"""Figures as the dashboard shows them: percentages, averages, shares met, sort keys and short dates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from bot.training.results import FinishedAttempt
from bot.transcript import CRITERIA

NONE = "\u2013"
"""What an empty figure shows: an en dash."""


def percent(value: float | None) -> str:
    return NONE if value is None else f"{value:.0f}%"


def number(value: float | None) -> str:
    return NONE if value is None else f"{value:.0f}"


def average_key(value: float | None) -> float:
    """How a sortable column orders an average: none below every figure."""
    return -1 if value is None else round(value, 1)


def member_rates(attempts: Sequence[FinishedAttempt]) -> dict[str, float]:
    """Share met per criterion over attempts, counting only those where it applied."""
    rates = {}
    for c in CRITERIA:
        verdicts = [t.met[c] for t in attempts if c in t.met]
        if verdicts:
            rates[c] = 100 * sum(verdicts) / len(verdicts)
    return rates


def weakest(rates: dict[str, float]) -> str | None:
    """The criterion met least often, or None when nothing was graded."""
    return min(rates, key=lambda c: rates[c]) if rates else None


def week_label(monday: str) -> str:
    day = date.fromisoformat(monday)
    return f"{day.day} {day:%b}"


def day_and_minute(moment: datetime) -> str:
    """ "Fri 12 Dec 2026, 16:44": a local time as a list of events shows it, weekday first."""
    return f"{moment:%a} {moment.day} {moment:%b %Y}, {moment:%H:%M}"


def small_number(raw: str | None, digits: int = 6) -> int | None:
    """A plain ASCII number from a query string, or None ("²" passes isdigit but is none)."""
    raw = (raw or "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= digits else None
