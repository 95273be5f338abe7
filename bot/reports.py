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


def unit_report(
    rows: list[dict], results: dict[int, dict[str, dict]], title: str, chart: bool = True
) -> tuple[str, bytes | None]:
    """Each criterion's pass rate, the average total, the weakest criterion, and a weekly chart."""
    attempts = {r["id"]: r for r in rows}  # an attempt counts once, whichever units it shows under
    if not attempts:
        return f"Report for {title}: no finished attempts yet.", None
    rates = {c: 100 * sum(results[a][c]["met"] for a in attempts if c in results[a]) / len(attempts) for c in CRITERIA}
    average = sum(r["total"] or 0 for r in attempts.values()) / len(attempts)
    weakest = min(CRITERIA, key=lambda c: rates[c])
    lines = [f"Report for {title}: {len(attempts)} finished attempts, average total {average:.0f}/100."]
    lines += [f"{LABELS[c]}: {rates[c]:.0f}% met" for c in CRITERIA]
    lines.append(f"Weakest: {LABELS[weakest]}.")
    return "\n".join(lines), _weekly_chart(list(attempts.values()), title) if chart else None


def _weekly_chart(attempts: list[dict], title: str) -> bytes:
    from datetime import datetime

    from matplotlib.figure import Figure

    weeks: dict[str, list[int]] = defaultdict(list)
    for attempt in attempts:
        year, week, _ = datetime.fromisoformat(attempt["finished_at"]).isocalendar()
        weeks[f"{year}-W{week:02d}"].append(attempt["total"] or 0)
    labels = sorted(weeks)
    figure = Figure(figsize=(8, 4.5), dpi=100)
    axes = figure.add_subplot()
    axes.plot(labels, [sum(weeks[w]) / len(weeks[w]) for w in labels], marker="o")
    axes.set(title=f"Weekly average total: {title}", xlabel="Week", ylabel="Average total", ylim=(0, 105))
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is run as a formula by Excel and Sheets."""


def safe_cell(value: object) -> object:
    """Neutralise a formula planted in a name: prefix an apostrophe, as spreadsheets expect."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_csv(rows: list[dict], results: dict[int, dict[str, dict]]) -> bytes:
    """One row per attempt and unit: who, where, what, when, each verdict, total, overridden.

    UTF-8 with a byte-order mark, so spreadsheets read accented names correctly.
    """
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "attempt_id",
            "trainee",
            "trainee_id",
            "unit",
            "scenario",
            "started",
            "finished",
            *CRITERIA,
            "total",
            "overridden",
        ]
    )
    for r in rows:
        verdicts = ["met" if results[r["id"]].get(c, {}).get("met") else "missed" for c in CRITERIA]
        cells = [
            r["id"],
            r["first_name"],
            r["user_id"],
            r["unit_name"],
            r["scenario_id"],
            r["started_at"],
            r["finished_at"],
            *verdicts,
            r["total"],
            "yes" if r["overridden"] else "no",
        ]
        writer.writerow([safe_cell(c) for c in cells])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
