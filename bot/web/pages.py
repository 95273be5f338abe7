"""Server-rendered HTML for the dashboard. Every value from the database passes through `e()`."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

from bot.grading import CRITERIA
from bot.practice.scorecard import LABELS
from bot.transcript import Turn


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
        f'<link rel="stylesheet" href="{e(prefix)}/static/style.css"></head><body>'
        f'<header><a class="brand" href="{e(prefix)}/">DeskDrill</a>{signout}</header>'
        f"<main>{f'<nav>{trail}</nav>' if trail else ''}<h1>{e(title)}</h1>{body}</main></body></html>"
    )


def percent(value: float | None) -> str:
    return "\u2013" if value is None else f"{value:.0f}%"


def number(value: float | None) -> str:
    return "\u2013" if value is None else f"{value:.0f}"


def table(head: Iterable[str], rows: Iterable[Iterable[str]], cls: str = "") -> str:
    """Cells are HTML already (escape them before)."""
    th = "".join(f"<th>{h}</th>" for h in head)
    trs = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<div class="scroll"><table class="{cls}"><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table></div>'


def criterion_rates(rates: dict[str, float]) -> str:
    if not rates:
        return ""
    items = "".join(f"<li>{e(LABELS[c])}: <b>{percent(rates[c])}</b></li>" for c in CRITERIA if c in rates)
    return f'<ul class="rates">{items}</ul>'


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
