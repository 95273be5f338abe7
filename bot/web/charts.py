"""Small charts drawn on the server as inline SVG: sharp on a phone, no script, nothing to fetch.

This module works out the geometry; templates/charts.html draws it. Colours come from classes
in style.css (the page's Content-Security-Policy allows no inline styles), and every chart has a
text equivalent in its `aria-label` and in the table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.grading import CRITERIA
from bot.practice.scorecard import LABELS

WIDTH, HEIGHT, GAP = 320, 120, 3
PLOT = WIDTH - 24
"""Bars take the left of the width; the right margin holds the scale's figures."""
MAX_BAR = 40
"""A few bars stay bars, not blocks."""
TOP = 100
LEVELS = (50, 100)
"""The scale's lines and figures."""


@dataclass(frozen=True)
class Bar:
    cls: str
    x: str
    y: str
    width: str
    height: str
    title: str


@dataclass(frozen=True, kw_only=True)
class Chart:
    """What every chart has: its text equivalent, its scale's lines, the first and last captions under it, where
    its drawing ends (`right`), and its size; numbers as SVG writes them."""

    label: str
    levels: list[tuple[int, str, str]]
    """(figure, y of its line, y of its text)."""
    first: str
    last: str | None
    right: str
    width: int
    height: int
    plot: int


@dataclass(frozen=True, kw_only=True)
class BarChart(Chart):
    """Vertical bars on a 0-100 scale with the first and last captions under them."""

    bars: list[Bar]


@dataclass(frozen=True)
class Meter:
    name: str
    figure: str | None
    """The share met, rounded ("75"); None when not applicable."""


def bars(points: Sequence[tuple[str, float | None]], label: str, fail: Sequence[bool] = ()) -> BarChart | None:
    """Bars, oldest left: (caption, value) each; a bar whose `fail` flag is set is drawn in the failure
    colour; a missing value leaves a gap. None when there is nothing to draw."""
    if not points:
        return None
    width = min(PLOT / len(points), MAX_BAR)
    drawn = []
    for i, (caption, value) in enumerate(points):
        if value is None:
            continue
        height = max(1.0, HEIGHT * min(value, TOP) / TOP)
        drawn.append(
            Bar(
                "bar fail" if i < len(fail) and fail[i] else "bar",
                f"{i * width + GAP / 2:.1f}",
                f"{HEIGHT - height:.1f}",
                f"{max(1.0, width - GAP):.1f}",
                f"{height:.1f}",
                f"{caption}: {value:.0f}",
            )
        )
    first, last = points[0][0], points[-1][0]
    return BarChart(
        label=label,
        bars=drawn,
        levels=scale(HEIGHT),
        first=first,
        last=last if len(points) > 1 and last != first else None,
        right=f"{len(points) * width:.1f}",
        width=WIDTH,
        height=HEIGHT,
        plot=PLOT,
    )


def scale(height: int) -> list[tuple[int, str, str]]:
    """The 0-100 scale's lines in a chart `height` high: (figure, y of its line, y of its text)."""
    return [(v, f"{y:.1f}", f"{y + 4:.1f}") for v, y in ((v, height - height * v / TOP) for v in LEVELS)]


def meters(rows: Sequence[tuple[str, float | None]]) -> list[Meter]:
    """One labelled bar per row (a criterion's share met), with the figure beside it; n/a when None."""
    return [Meter(name, None if value is None else f"{value:.0f}") for name, value in rows]


def criterion_meters(rates: dict[str, float]) -> list[Meter] | None:
    """Each criterion's share met as a bar; criteria with no applicable attempt are left out."""
    return meters([(LABELS[c], rates[c]) for c in CRITERIA if c in rates]) if rates else None


TREND_WIDTH, TREND_HEIGHT = 200, 80
TREND_PLOT = TREND_WIDTH - 22
"""A trend panel is smaller than a bar chart: two stand side by side on a phone, four on a printed page."""


@dataclass(frozen=True, kw_only=True)
class LineChart(Chart):
    """A week-by-week line on a 0-100 scale (a week without calls breaks it), or bars of counts on their own
    scale; weeks before the period (`shade` wide) on a grey ground."""

    lines: list[str]
    """Each unbroken run of weeks as a polyline's points."""
    dots: list[tuple[str, str, str]]
    """(x, y, what it says) of each week with a figure."""
    bars: list[Bar]
    shade: str


def trend(
    points: Sequence[tuple[str, float | None]], label: str, before: int = 0, suffix: str = "%"
) -> LineChart | None:
    """A line through each week's figure (caption, value 0-100 or None), oldest left; None with no weeks."""
    if not points:
        return None
    step = TREND_PLOT / len(points)
    runs: list[list[str]] = [[]]
    dots = []
    for i, (caption, value) in enumerate(points):
        if value is None:
            runs.append([])
            continue
        x, y = f"{(i + 0.5) * step:.1f}", f"{TREND_HEIGHT - TREND_HEIGHT * min(value, TOP) / TOP:.1f}"
        runs[-1].append(f"{x},{y}")
        dots.append((x, y, f"{caption}: {value:.0f}{suffix}"))
    lines = [" ".join(run) for run in runs if len(run) > 1]
    return trend_chart(points, label, before * step, lines=lines, dots=dots, bars=[], levels=scale(TREND_HEIGHT))


def count_bars(points: Sequence[tuple[str, int]], label: str, before: int = 0) -> LineChart | None:
    """Bars of each week's count on a scale up to the largest (calls per week)."""
    if not points:
        return None
    step, top = TREND_PLOT / len(points), max(max(n for _, n in points), 1)
    drawn = [
        Bar(
            "bar",
            f"{i * step + GAP / 2:.1f}",
            f"{TREND_HEIGHT - TREND_HEIGHT * n / top:.1f}",
            f"{max(1.0, min(step, MAX_BAR) - GAP):.1f}",
            f"{TREND_HEIGHT * n / top:.1f}",
            f"{caption}: {n}",
        )
        for i, (caption, n) in enumerate(points)
        if n
    ]
    return trend_chart(points, label, before * step, lines=[], dots=[], bars=drawn, levels=[(top, "0.0", "4.0")])


def trend_chart(
    points: Sequence[tuple[str, object]],
    label: str,
    shade: float,
    *,
    lines: list[str],
    dots: list[tuple[str, str, str]],
    bars: list[Bar],
    levels: list[tuple[int, str, str]],
) -> LineChart:
    """A trend panel of `points` (caption, value) each, with what is drawn in it; `shade` wide before the period."""
    return LineChart(
        label=label,
        lines=lines,
        dots=dots,
        bars=bars,
        levels=levels,
        shade=f"{shade:.1f}",
        first=points[0][0],
        last=points[-1][0] if len(points) > 1 else None,
        right=f"{TREND_PLOT:.1f}",
        width=TREND_WIDTH,
        height=TREND_HEIGHT,
        plot=TREND_PLOT,
    )
