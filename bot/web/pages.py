"""Server-rendered HTML for the dashboard. Every value from the database passes through `e()`."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.grading import CRITERIA
from bot.transcript import Turn

SORT_SCRIPT = '<script src="{prefix}/static/sort.js" defer></script>'


def e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def page(
    title: str, body: str, prefix: str = "", csrf: str | None = None, crumbs: Sequence[tuple[str, str]] = ()
) -> str:
    trail = " \u203a ".join(f'<a href="{e(prefix + href)}">{e(label)}</a>' for label, href in crumbs)
    signout = (
        f'<form method="post" action="{e(prefix)}/logout" class="inline">'
        f'<input type="hidden" name="csrf" value="{e(csrf)}"><button class="link">Sign out</button></form>'
        if csrf
        else ""
    )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)} \u2013 DeskDrill</title>"
        f'<link rel="icon" href="data:,"><link rel="stylesheet" href="{e(prefix)}/static/style.css"></head><body>'
        f'<header><a class="brand" href="{e(prefix)}/">DeskDrill</a>{signout}</header>'
        f"<main>{f'<nav>{trail}</nav>' if trail else ''}<h1>{e(title)}</h1>{body}</main></body></html>"
    )


def percent(value: float | None) -> str:
    return "\u2013" if value is None else f"{value:.0f}%"


def number(value: float | None) -> str:
    return "\u2013" if value is None else f"{value:.0f}"


@dataclass(frozen=True)
class Cell:
    """A table cell (HTML already escaped) and the value a sortable column sorts it by."""

    html: str
    key: str | int | float


def cell(html_text: str, key: str | int | float) -> Cell:
    return Cell(html_text, key)


def _td(value: str | Cell) -> str:
    if isinstance(value, Cell):
        return f'<td data-sort="{e(value.key)}">{value.html}</td>'
    return f"<td>{value}</td>"


def table(head: Iterable[str], rows: Iterable[Iterable[str | Cell]], cls: str = "") -> str:
    """Cells are HTML already (escape them before); a `sortable` table sorts by its cells' keys (sort.js)."""
    th = "".join(f"<th>{h}</th>" for h in head)
    trs = "".join("<tr>" + "".join(_td(c) for c in row) + "</tr>" for row in rows)
    return f'<div class="scroll"><table class="{cls}"><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table></div>'


def notices(notice: str = "", error: str = "") -> str:
    """What a form just did, or why it could not, at the top of the page it returns to."""
    return (f'<p class="notice" role="status">{e(notice)}</p>' if notice else "") + (
        f'<p class="notice error" role="alert">{e(error)}</p>' if error else ""
    )


def nowrap(html_text: str) -> str:
    """Dates and times kept on one line in narrow table columns."""
    return f'<span class="nowrap">{html_text}</span>'


def link_list(prefix: str, links: Sequence[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{e(prefix + href)}">{e(label)}</a></li>' for label, href in links)
    return f'<ul class="links">{items}</ul>' if items else ""


def member_rates(attempts: Sequence[dict]) -> dict[str, float]:
    """Share met per criterion over attempts carrying v_<criterion> verdicts (None: not applicable)."""
    rates = {}
    for c in CRITERIA:
        verdicts = [t[f"v_{c}"] for t in attempts if t.get(f"v_{c}") is not None]
        if verdicts:
            rates[c] = 100 * sum(verdicts) / len(verdicts)
    return rates


def failed(attempt: dict) -> bool:
    return attempt["auto_fail"] not in (None, "[]")


def highlighted(text: str, evidence: Sequence[tuple[str, str]]) -> str:
    """The turn's text, escaped, with each piece of evidence found in it marked (title: the criterion)."""
    spans: list[tuple[int, int, str]] = []
    lowered = text.lower()
    for label, quote in evidence:
        at = lowered.find(quote.lower()) if quote else -1
        if at >= 0 and not any(at < end and at + len(quote) > start for start, end, _ in spans):
            spans.append((at, at + len(quote), label))
    out, pos = [], 0
    for start, end, label in sorted(spans):
        out.append(e(text[pos:start]))
        out.append(f'<mark title="{e(label)}">{e(text[start:end])}<small>{e(label)}</small></mark>')
        pos = end
    out.append(e(text[pos:]))
    return "".join(out)


def transcript_turns(turns: Sequence[Turn], name: str, marks: dict[int, list[tuple[str, str]]]) -> str:
    items = []
    for n, turn in enumerate(turns, start=1):
        who = "visitor" if turn.role == "visitor" else "trainee"
        speaker = "Visitor" if who == "visitor" else name
        items.append(
            f'<li class="{who}" id="turn-{n}"><span class="who">{n}. {e(speaker)}</span>'
            f"<p>{highlighted(turn.text, marks.get(n, []))}</p></li>"
        )
    return f'<ol class="transcript">{"".join(items)}</ol>'


def small_number(raw: str | None, digits: int = 6) -> int | None:
    """A plain ASCII number from a query string, or None ("²" passes isdigit but is none)."""
    raw = (raw or "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= digits else None
