"""Aggregates and charts over stored results; pure functions that return values or PNG bytes."""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable

from bot.grading import CRITERIA
from bot.scorecard import LABELS

ROLLING_WINDOW = 5


def progress_chart(rows: Iterable[dict], title: str = "Your progress") -> bytes | None:
    """PNG: each criterion's rate met over the last few attempts, and each attempt's total.

    `rows` are (attempt id, total, criterion, met) rows, oldest attempt first; None when
    there is nothing finished to chart.
    """
    totals: dict[int, int] = {}
    met: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        totals[row["id"]] = row["total"] or 0
        met[row["criterion"]].append(int(row["met"]))
    if not totals:
        return None
    from matplotlib.figure import Figure  # imported on first use: start-up and memory stay small

    attempts = list(range(1, len(totals) + 1))
    figure = Figure(figsize=(8, 4.5), dpi=100)
    axes = figure.add_subplot()
    axes.bar(attempts, list(totals.values()), color="#d9d9d9", label="Total (0-100)")
    for criterion in CRITERIA:
        axes.plot(attempts, _rolling_percent(met[criterion]), marker="o", label=LABELS[criterion])
    axes.set(title=title, xlabel="Attempt", ylabel=f"% met (last {ROLLING_WINDOW} attempts)", ylim=(0, 105))
    axes.set_xticks(attempts)
    axes.legend(loc="lower right", fontsize="small")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _rolling_percent(values: list[int]) -> list[float]:
    rates = []
    for i in range(len(values)):
        window = values[max(0, i - ROLLING_WINDOW + 1) : i + 1]
        rates.append(100 * sum(window) / len(window))
    return rates
