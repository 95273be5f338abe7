"""The trend chart a report sends in chat (PNG): each criterion's share met, the facts given right and the
average total, week by week, and the calls each week; one small panel each, drawn to be read on a phone."""

from __future__ import annotations

from collections.abc import Sequence

from bot.training.period_reports import SERIES, TrendWeek, weeks_before
from bot.training.periods import Period
from bot.training.reports import DPI, PHONE_FONT, WIDTH_IN, _png, _style, short

LINE, SHADE, OUTSIDE = "#1f77b4", "#1f77b4", "#f2f2f2"


def trend_chart(trend: Sequence[TrendWeek], period: Period, title: str) -> bytes | None:
    """PNG: a panel per SERIES and one of calls per week; weeks before the period are shaded grey. None when
    no week has a call."""
    if not any(w.figures.calls for w in trend):
        return None
    from matplotlib.figure import Figure  # imported on first use: start-up and memory stay small

    figure = Figure(figsize=(WIDTH_IN, 8.4), dpi=DPI)  # a fixed layout: a third faster than a constrained one
    figure.subplots_adjust(left=0.13, right=0.97, top=0.925, bottom=0.085, hspace=0.42, wspace=0.38)
    figure.suptitle(short(title, 40), fontsize=PHONE_FONT + 1, fontweight="bold")
    panels = figure.subplots(4, 2, sharex=True)
    xs = list(range(len(trend)))
    before = weeks_before(trend, period)
    for axes, (key, label) in zip(panels.flat, SERIES.items(), strict=False):
        points = [(x, w.figures.series()[key]) for x, w in zip(xs, trend, strict=True) if w.figures.calls]
        _panel(axes, points, label, before, key == "average")
    _calls(panels.flat[-1], xs, [w.figures.calls for w in trend], before)
    step = max(1, -(-len(trend) // 3))  # at most three dates under a panel
    for axes in panels.flat:
        axes.set_xlim(-0.5, len(trend) - 0.5)  # every week, those without calls too
    for axes in panels[-1]:
        axes.set_xticks(xs[::step], [f"{w.monday.day} {w.monday:%b}" for w in trend[::step]])
    figure.supxlabel(f"Week starting (Monday); grey: before {period.short()}", fontsize=PHONE_FONT - 3)
    return _png(figure)


def _panel(axes, points: list[tuple[int, float | None]], label: str, before: int, points_not_percent: bool) -> None:
    shown = [(x, y) for x, y in points if y is not None]
    if before:
        axes.axvspan(-0.5, before - 0.5, color=OUTSIDE, zorder=0)
    if shown:
        xs, ys = zip(*shown, strict=True)
        axes.plot(xs, ys, marker="o" if len(xs) <= 16 else None, color=LINE, linewidth=2)
        last = f"{ys[-1]:.0f}" if points_not_percent else f"{ys[-1]:.0f}%"
        axes.text(0.98, 0.06, last, transform=axes.transAxes, ha="right", fontsize=PHONE_FONT - 1, fontweight="bold")
    else:
        axes.text(0.5, 0.5, "n/a", transform=axes.transAxes, ha="center", fontsize=PHONE_FONT - 2, color="grey")
    axes.set_title(label, fontsize=PHONE_FONT - 2, loc="left")
    axes.set_ylim(0, 105)
    axes.set_yticks([0, 50, 100], ["0", "50", "100"] if points_not_percent else ["0", "50%", "100%"])
    _style(axes)


def _calls(axes, xs: list[int], calls: list[int], before: int) -> None:
    if before:
        axes.axvspan(-0.5, before - 0.5, color=OUTSIDE, zorder=0)
    axes.bar(xs, calls, color="#7f7f7f", width=0.8)
    axes.set_title("Calls per week", fontsize=PHONE_FONT - 2, loc="left")
    top = max(calls) or 1
    axes.set_ylim(0, top * 1.15)
    axes.set_yticks([0, top])
    _style(axes)
