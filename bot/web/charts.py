"""Small charts drawn on the server as inline SVG: sharp on a phone, no script, nothing to fetch.

Colours come from classes in style.css (the page's Content-Security-Policy allows no inline
styles), and every chart has a text equivalent in its `aria-label` and in the table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.grading import CRITERIA
from bot.practice.scorecard import LABELS
from bot.web.pages import e

WIDTH, HEIGHT, GAP = 320, 120, 3
PLOT = WIDTH - 24
MAX_BAR = 40
"""A few bars stay bars, not blocks."""
"""Bars take the left of the width; the right margin holds the scale's figures."""
TOP = 100


def bars(points: Sequence[tuple[str, float | None]], label: str, fail: Sequence[bool] = ()) -> str:
    """Vertical bars on a 0-100 scale, oldest left: (caption shown under the first and last bar, value).

    A bar whose `fail` flag is set is drawn in the failure colour; a missing value leaves a gap."""
    if not points:
        return ""
    width = min(PLOT / len(points), MAX_BAR)
    rects = []
    for i, (caption, value) in enumerate(points):
        if value is None:
            continue
        height = max(1.0, HEIGHT * min(value, TOP) / TOP)
        cls = "bar fail" if i < len(fail) and fail[i] else "bar"
        rects.append(
            f'<rect class="{cls}" x="{i * width + GAP / 2:.1f}" y="{HEIGHT - height:.1f}" '
            f'width="{max(1.0, width - GAP):.1f}" height="{height:.1f}"><title>{e(caption)}: {value:.0f}</title></rect>'
        )
    levels = [HEIGHT - HEIGHT * v / TOP for v in (50, 100)]
    grid = "".join(f'<line class="grid" x1="0" x2="{PLOT}" y1="{y:.1f}" y2="{y:.1f}"/>' for y in levels)
    scale = "".join(
        f'<text x="{WIDTH}" y="{y + 4:.1f}" text-anchor="end">{v}</text>'
        for v, y in zip((50, 100), levels, strict=True)
    )
    first, last = points[0][0], points[-1][0]
    right = len(points) * width
    ends = f'<text x="0" y="{HEIGHT + 14}">{e(first)}</text>' + (
        f'<text x="{right:.1f}" y="{HEIGHT + 14}" text-anchor="end">{e(last)}</text>'
        if len(points) > 1 and last != first
        else ""
    )
    return (
        f'<svg class="chart" viewBox="0 -8 {WIDTH} {HEIGHT + 26}" role="img" aria-label="{e(label)}">'
        f"{grid}{''.join(rects)}{scale}{ends}</svg>"
    )


def meters(rows: Sequence[tuple[str, float | None]]) -> str:
    """One labelled bar per row (a criterion's share met), with the figure beside it; n/a when None."""
    items = []
    for name, value in rows:
        if value is None:
            bar, figure = '<span class="meter-none"></span>', "n/a"
        else:
            bar = f'<meter min="0" max="100" low="50" high="80" optimum="100" value="{value:.0f}">{value:.0f}%</meter>'
            figure = f"{value:.0f}%"
        items.append(f"<li><span>{e(name)}</span>{bar}<b>{figure}</b></li>")
    return f'<ul class="meters">{"".join(items)}</ul>'


def criterion_meters(rates: dict[str, float]) -> str:
    """Each criterion's share met as a bar; criteria with no applicable attempt are left out."""
    return meters([(LABELS[c], rates[c]) for c in CRITERIA if c in rates]) if rates else ""
