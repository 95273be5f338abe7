"""Aggregates and charts over stored results; pure functions that return values or PNG bytes."""

from __future__ import annotations

import io
import json
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
    for row in rows:  # criteria that do not apply (met is NULL) are left out of the rates
        totals[row["id"]] = row["total"] or 0
        if row["met"] is not None:
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
    rates = {c: _rate(c, attempts, results) for c in CRITERIA}
    average = sum(r["total"] or 0 for r in attempts.values()) / len(attempts)
    failed = sum(1 for r in attempts.values() if _failed(r))
    lines = [f"Report for {title}: {len(attempts)} finished attempts, average total {average:.0f}/100."]
    if failed:
        lines.insert(0, f"\u26d4 {failed} of {len(attempts)} attempts were automatic fails (total 0).")
    lines += [f"{LABELS[c]}: {rate:.0f}% met" if rate is not None else f"{LABELS[c]}: n/a" for c, rate in rates.items()]
    applicable = [c for c in CRITERIA if rates[c] is not None]
    if applicable:
        lines.append(f"Weakest: {LABELS[min(applicable, key=lambda c: rates[c])]}.")
    return "\n".join(lines), _weekly_chart(list(attempts.values()), title) if chart else None


def _rate(criterion: str, attempts: dict[int, dict], results: dict[int, dict[str, dict]]) -> float | None:
    """Percent met among the attempts where the criterion applied; None when it applied to none."""
    verdicts = [
        results[a][criterion]["met"]
        for a in attempts
        if criterion in results[a]
        and results[a][criterion].get("applicable", 1)
        and results[a][criterion]["met"] is not None
    ]
    return 100 * sum(verdicts) / len(verdicts) if verdicts else None


def _failed(row: dict) -> bool:
    return row.get("auto_fail") not in (None, "[]")


def _verdict(result: dict | None) -> str:
    if not result:
        return ""
    if not result.get("applicable", 1) or result["met"] is None:
        return "n/a"
    return "met" if result["met"] else "missed"


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
    """One row per attempt and unit: who, where, what, when, automatic fail, each verdict, issue addressed,
    total, overridden.

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
            "auto_fail",
            *CRITERIA,
            "addressed",
            "total",
            "overridden",
        ]
    )
    for r in rows:
        verdicts = [_verdict(results[r["id"]].get(c)) for c in CRITERIA]
        cells = [
            r["id"],
            r["first_name"],
            r["user_id"],
            r["unit_name"],
            r["scenario_id"],
            r["started_at"],
            r["finished_at"],
            "; ".join(f["reason"] for f in json.loads(r.get("auto_fail") or "[]")),
            *verdicts,
            _addressed(r.get("addressed")),
            r["total"],
            "yes" if r["overridden"] else "no",
        ]
        writer.writerow([safe_cell(c) for c in cells])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def _addressed(raw: str | None) -> str:
    """ "yes", "no (missing: process_time)", or "" when the scenario's facts were not recorded."""
    if not raw:
        return ""
    missing = [name for name, fact in json.loads(raw)["facts"].items() if fact is None]
    return f"no (missing: {', '.join(missing)})" if missing else "yes"
