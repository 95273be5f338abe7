"""Reports and exports: who may have which, their text, charts (PNG bytes) and CSV files."""

from __future__ import annotations

import io
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, timedelta, tzinfo

from bot.clock import local_date
from bot.grading.contact import fact_status
from bot.storage import staff_reads as reads
from bot.training.access import Access
from bot.training.outcome import Deferred, Outcome
from bot.transcript import CRITERIA, LABELS, User

ROLLING_WINDOW = 5


PHONE_FONT = 15
"""Points: at 144 dpi and 720 px wide, a chart shown 360 px wide on a phone still reads at about 15 px."""
WIDTH_IN, DPI = 5.0, 144
TITLE_CHARS = 34


def _figure(height: float):
    from matplotlib.figure import Figure  # imported on first use: start-up and memory stay small

    figure = Figure(figsize=(WIDTH_IN, height), dpi=DPI, layout="constrained")
    return figure


def _style(axes) -> None:
    axes.tick_params(labelsize=PHONE_FONT - 3)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", alpha=0.3)


def short(title: str, limit: int = TITLE_CHARS) -> str:
    """A title that fits the chart's width."""
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "\u2026"


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def progress_chart(rows: Iterable[dict], title: str = "Your progress") -> bytes | None:
    """PNG, one small panel per criterion (share met over the last few attempts) and one of totals.

    `rows` are (attempt id, total, criterion, met) rows, oldest attempt first; None when
    there is nothing finished to chart.
    """
    totals: dict[int, int] = {}
    met: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for row in rows:  # criteria that do not apply (met is NULL) are left out of the rates
        totals.setdefault(row["id"], row["total"] or 0)
        if row["met"] is not None:
            met[row["criterion"]].append((row["id"], int(row["met"])))
    if not totals:
        return None
    number = {attempt_id: n for n, attempt_id in enumerate(totals, start=1)}
    figure = _figure(7.2)
    figure.suptitle(short(title), fontsize=PHONE_FONT + 2, fontweight="bold")
    panels = figure.subplots(3, 2, sharex=True)
    for axes, criterion in zip(panels.flat, CRITERIA, strict=False):
        points = met[criterion]
        xs = [number[a] for a, _ in points]
        ys = _rolling_percent([m for _, m in points])
        axes.plot(xs, ys, marker="o" if len(xs) < 15 else None, color="#1f77b4", linewidth=2)
        if ys:
            axes.fill_between(xs, ys, alpha=0.15, color="#1f77b4")
            axes.text(0.98, 0.06, f"{ys[-1]:.0f}%", transform=axes.transAxes, ha="right", fontsize=PHONE_FONT - 1)
        axes.set_title(LABELS[criterion], fontsize=PHONE_FONT - 1, loc="left")
        axes.set_ylim(0, 105)
        axes.set_yticks([0, 50, 100], ["0", "50%", "100%"])
        _style(axes)
    axes = panels.flat[-1]
    xs = list(number.values())
    axes.bar(xs, list(totals.values()), color="#7f7f7f")
    axes.set_title("Total (0\u2013100)", fontsize=PHONE_FONT - 1, loc="left")
    axes.set_ylim(0, 105)
    axes.set_yticks([0, 50, 100])
    _style(axes)
    for axes in panels[-1]:
        axes.xaxis.set_major_locator(_few_ticks())
    figure.supxlabel(f"Attempt (criteria: share met over the last {ROLLING_WINDOW})", fontsize=PHONE_FONT - 3)
    return _png(figure)


def _few_ticks():
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(nbins=4, integer=True)


def _rolling_percent(values: list[int]) -> list[float]:
    rates = []
    for i in range(len(values)):
        window = values[max(0, i - ROLLING_WINDOW + 1) : i + 1]
        rates.append(100 * sum(window) / len(window))
    return rates


class Reports:
    """/report and /export: the units they cover (those /results shows, or the one asked for), audited exports."""

    def __init__(self, access: Access) -> None:
        self.access = access

    def report(self, actor: User, code: str | None, unit_id: int | None = None) -> Deferred[Outcome]:
        self.access.require(actor, "instructor", "report")
        units = self.access.chosen(actor, code, unit_id, "report")
        title = ", ".join(u.name for u in units) or "no units"
        if len(title) > 60:
            title = f"{len(units)} units"
        ids = [u.id for u in units]
        return Deferred(
            lambda conn: reads.report_summary(conn, ids),
            lambda summary: Outcome(
                [report_text(summary, title)], render=("report", {"unit_ids": ids, "title": title})
            ),
        )

    def export_scope(self, actor: User, code: str | None, unit_id: int | None = None) -> tuple[list[int], str]:
        """The units an export covers and its file name."""
        self.access.require(actor, "instructor", "export")
        units = self.access.chosen(actor, code, unit_id, "export")
        return [u.id for u in units], f"deskdrill-{code or (units[0].code if unit_id else 'all-units')}.csv"

    def exported(self, actor: User, ids: list[int], count: int) -> None:
        self.access.audit.write(actor.id, "export", f"{count} attempts of units {ids}")

    def export(self, actor: User, code: str | None, unit_id: int | None = None) -> Deferred[Outcome]:
        ids, name = self.export_scope(actor, code, unit_id)

        def then(count: int) -> Outcome:
            self.exported(actor, ids, count)
            noun = "attempt" if count == 1 else "attempts"
            return Outcome([f"{count} {noun} exported."], render=("export", {"unit_ids": ids, "name": name}))

        return Deferred(lambda conn: export_count(conn, ids), then)


def export_count(conn: sqlite3.Connection, unit_ids: list[int]) -> int:
    """The rows of the units' export: their finished attempts, each once."""
    return reads.attempt_count(conn, unit_ids)


def report_text(summary: dict, title: str) -> str:
    """Each criterion's pass rate, the average total, the weakest criterion."""
    count = summary["attempts"]
    if not count:
        return f"Report for {title}: no finished attempts yet."
    rates = summary["rates"]
    lines = [f"Report for {title}: {count} finished attempts, average total {summary['average']:.0f}/100."]
    if summary["failed"]:
        lines.insert(0, f"\u26d4 {summary['failed']} of {count} attempts were automatic fails (total 0).")
    lines += [f"{LABELS[c]}: {rates[c]:.0f}% met" if c in rates else f"{LABELS[c]}: n/a" for c in CRITERIA]
    applicable = [c for c in CRITERIA if c in rates]
    if applicable:
        lines.append(f"Weakest: {LABELS[min(applicable, key=lambda c: rates[c])]}.")
    return "\n".join(lines)


def report_chart(weekly: list[tuple[str, int]], rates: dict[str, float], title: str, tz: tzinfo = UTC) -> bytes | None:
    """PNG: weekly average total (with how many attempts each week), and each criterion's pass rate."""
    if not weekly:
        return None
    weeks: dict[date, list[int]] = defaultdict(list)
    for finished_at, total in weekly:
        day = local_date(finished_at, tz)
        weeks[day - timedelta(days=day.weekday())].append(total)
    starts = sorted(weeks)
    figure = _figure(7.0)
    figure.suptitle(short(title), fontsize=PHONE_FONT + 2, fontweight="bold")
    top, bottom = figure.subplots(2, 1, height_ratios=[1.1, 1])
    xs = list(range(len(starts)))
    averages = [sum(weeks[w]) / len(weeks[w]) for w in starts]
    top.plot(xs, averages, marker="o" if len(xs) <= 20 else None, linewidth=2.5, color="#1f77b4")
    top.set_title("Weekly average; bars: calls", fontsize=PHONE_FONT - 1, loc="left")
    top.set_ylim(0, 105)
    top.set_yticks([0, 25, 50, 75, 100])
    step = max(1, -(-len(starts) // 4))  # at most four date labels
    top.set_xticks(xs[::step], [f"{w.day} {w:%b}" for w in starts[::step]])
    counts = top.twinx()
    counts.bar(xs, [len(weeks[w]) for w in starts], color="#1f77b4", alpha=0.15, width=0.8)
    counts.set_ylim(0, max(len(v) for v in weeks.values()) * 3)
    counts.set_yticks([])
    counts.set_zorder(top.get_zorder() - 1)
    top.patch.set_visible(False)
    _style(top)
    names = [c for c in CRITERIA if c in rates][::-1]
    values = [rates[c] for c in names]
    colors = ["#d62728" if v < 60 else "#2ca02c" if v >= 80 else "#ff7f0e" for v in values]
    bottom.barh([LABELS[c] for c in names], values, color=colors)
    for y, value in enumerate(values):
        inside = value > 80  # a label past the bar's end would leave the plot
        x = value - 2 if inside else value + 2
        bottom.text(
            x,
            y,
            f"{value:.0f}%",
            va="center",
            ha="right" if inside else "left",
            fontsize=PHONE_FONT - 2,
            color="white" if inside else "black",
            fontweight="bold" if inside else "normal",
        )
    bottom.set_xlim(0, 100)
    bottom.set_xticks([0, 50, 100], ["0", "50%", "100%"])
    bottom.set_title("Pass rate per criterion", fontsize=PHONE_FONT, loc="left")
    _style(bottom)
    bottom.grid(axis="y", visible=False)
    bottom.grid(axis="x", alpha=0.3)
    return _png(figure)


def _verdict(result: dict | None) -> str:
    if not result:
        return ""
    if not result.get("applicable", 1) or result["met"] is None:
        return "n/a"
    return "met" if result["met"] else "missed"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is run as a formula by Excel and Sheets."""


def safe_cell(value: object) -> object:
    """Neutralise a formula planted in a name: prefix an apostrophe, as spreadsheets expect."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_csv(rows: list[dict]) -> bytes:
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
            "wrong_information",
            "total",
            "overridden",
        ]
    )
    for r in rows:
        verdicts = [r.get(c) or "" for c in CRITERIA]
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
            _wrong(r.get("addressed")),
            r["total"],
            "yes" if r["overridden"] else "no",
        ]
        writer.writerow([safe_cell(c) for c in cells])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def _addressed(raw: str | None) -> str:
    """ "yes", "no (process_time missing, fee wrong)", or "" when the scenario's facts were not recorded."""
    if not raw:
        return ""
    facts = json.loads(raw)["facts"]
    statuses = {name: fact_status(fact) for name, fact in facts.items()}
    open_ = [f"{name} {status}" for name, status in statuses.items() if status != "given"]
    return f"no ({', '.join(open_)})" if open_ else "yes"


def _wrong(raw: str | None) -> str:
    """Every wrong thing the person was told: "turn 5: “You have 30 days” (right: within 10 days)"."""
    if not raw:
        return ""
    wrong = json.loads(raw).get("wrong_information") or []
    return "; ".join(f"turn {w['turn']}: “{w['said']}” (right: {w.get('right') or '?'})" for w in wrong)
