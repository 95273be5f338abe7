"""Reports and exports: who may have which, their text, charts (PNG bytes) and CSV files."""

from __future__ import annotations

import io
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, timedelta, tzinfo
from zoneinfo import ZoneInfo

from bot.clock import local_date, today_in
from bot.config import DEFAULT_PASS_MARK
from bot.storage import records as records_reads
from bot.storage import staff_reads as reads
from bot.training.access import Access
from bot.training.calls import Calls
from bot.training.outcome import Deferred, Outcome
from bot.training.periods import looks_like_period
from bot.training.records import ExportSpec, FileKind, Provider, Window, completions, file_name, window_of
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
    """/report and the files (/export, /completions, the dashboard's downloads): the units they cover (those
    /results shows, or the one asked for), over a period, audited once the file exists."""

    def __init__(
        self,
        access: Access,
        calls: Calls | None = None,
        pass_mark: int = DEFAULT_PASS_MARK,
        tz: ZoneInfo | None = None,
        provider: Provider | None = None,
    ) -> None:
        self.access, self.calls, self.pass_mark = access, calls, pass_mark
        self.tz, self.provider = tz or ZoneInfo("UTC"), provider or Provider()

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

    def export_spec(
        self,
        actor: User,
        code: str | None,
        unit_id: int | None = None,
        period: str | None = None,
        kind: FileKind = "results",
    ) -> ExportSpec:
        """What a file covers (role checked, units chosen, period read) and its name, with the calls' titles."""
        command = "completions" if kind == "completions" else "export"
        self.access.require(actor, "instructor", command)
        units = self.access.chosen(actor, code, unit_id, command)
        chosen = window_of(period, self.tz, today_in(self.tz))
        name = file_name(kind, [u.name for u in units] if (code or unit_id) else None, chosen)
        spec = ExportSpec(
            kind,
            tuple(u.id for u in units),
            name,
            chosen,
            str(self.tz),
            self.pass_mark,
            self.provider.hours,
            self.provider.name,
        )
        return self.with_calls(spec)

    def with_calls(self, spec: ExportSpec) -> ExportSpec:
        if self.calls is None:
            return spec
        scenarios = self.calls.library.scenarios
        return spec.with_calls({i: s.title for i, s in scenarios.items()}, {i: s.brief for i, s in scenarios.items()})

    def exported(self, actor: User, spec: ExportSpec, count: int) -> None:
        ids, label = list(spec.unit_ids), spec.period.label
        when = "" if label == "all-time" else f" for {label}"
        if spec.kind == "completions":
            self.access.audit.write(actor.id, "export", f"completed training: {count} completions of units {ids}{when}")
        else:
            self.access.audit.write(actor.id, "export", f"{count} attempts of units {ids}{when}")

    def export_command(self, actor: User, args: list[str], kind: str = "results") -> Deferred[Outcome]:
        """/export [code] [period], /completions [code] [period] (either order)."""
        period = next((a for a in args if looks_like_period(a)), None)
        code = next((a for a in args if a != period), None)
        return self.export(actor, code, None, period, kind)

    def export(
        self, actor: User, code: str | None, unit_id: int | None = None, period: str | None = None, kind="results"
    ) -> Deferred[Outcome]:
        spec = self.export_spec(actor, code, unit_id, period, kind)
        when = "" if spec.period.label == "all-time" else f" ({spec.period.words})"
        render = ("export", spec.args())

        if kind == "completions":

            def told(found: tuple[int, int, int]) -> Outcome:
                count, people, unnamed = found
                self.exported(actor, spec, count)
                return Outcome(completions_text(count, people, unnamed, spec.period), render=render if count else None)

            return Deferred(lambda conn: completion_count(conn, spec), told)

        def then(count: int) -> Outcome:
            self.exported(actor, spec, count)
            noun = "attempt" if count == 1 else "attempts"
            return Outcome([f"{count} {noun} exported{when}."], render=render)

        return Deferred(lambda conn: export_count(conn, spec), then)


def export_count(conn: sqlite3.Connection, spec: ExportSpec) -> int:
    """The rows of a results file: the units' finished attempts in its period, each once."""
    return records_reads.attempt_count(conn, spec.unit_ids, spec.period.since, spec.period.until)


def completion_count(conn: sqlite3.Connection, spec: ExportSpec) -> tuple[int, int, int]:
    """A completed-training file's rows, the trainees they name, and how many of those have no full name or badge."""
    rows = completions(
        records_reads.attempt_rows(conn, spec.unit_ids, spec.period.since, spec.period.until), spec.pass_mark
    )
    people = {r["user_id"]: bool(r["full_name"] and r["badge"]) for r in rows}
    return len(rows), len(people), sum(not named for named in people.values())


def completions_text(count: int, people: int, unnamed: int, period: Window) -> list[str]:
    head = "Completed training" + ("" if period.label == "all-time" else f", {period.words}")
    if not count:
        return [f"{head}: no call passed yet, so there is no file."]
    calls, trainees = ("call" if count == 1 else "calls"), ("trainee" if people == 1 else "trainees")
    lines = [f"{head}: {count} {calls} passed by {people} {trainees}. The file follows."]
    if unnamed:
        lines.append(
            f"{unnamed} of them {'has' if unnamed == 1 else 'have'} no full name or badge yet: ask them to send "
            "/profile, or set it on the dashboard."
        )
    return ["\n".join(lines)]


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
