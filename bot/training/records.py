"""Records a training office accepts: the results file (one row per attempt) and the completed-training file
(one row per trainee and call passed), for some units over a period, in the agency's time zone.

Times are written "2026-12-05 16:44" (local, DESKDRILL_TIMEZONE; and UTC in a column of its own), which
spreadsheets read as dates; calls by title; people by full name and badge (/profile). A file is built from
an `ExportSpec`, a plain value that crosses into the export process (bot.training.export_files).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, tzinfo
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from bot.clock import local
from bot.config import DEFAULT_PASS_MARK, TrainingHours, agency_settings, load_training_hours
from bot.grading.contact import fact_status
from bot.scenarios.library import Library
from bot.storage import records as reads
from bot.training import periods
from bot.training.standings import passes
from bot.transcript import CRITERIA

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is run as a formula by Excel and Sheets."""


@dataclass(frozen=True)
class Provider:
    """agency.yaml's `agency_name` (the provider a records system shows) and `training_hours` (each call's)."""

    name: str = "DeskDrill"
    hours: TrainingHours = TrainingHours()


def provider_of(library: Library) -> Provider:
    """From the agency.yaml beside the library's scenarios (the defaults when there is none)."""
    folders = sorted({Path(s.path).parent for s in library.scenarios.values()})
    if not folders:
        return Provider()
    data, _ = agency_settings(folders[0])
    hours = load_training_hours(folders[0])  # its scenario ids are checked when deskdrill run and web start
    return Provider(str(data.get("agency_name") or "DeskDrill"), hours)


@dataclass(frozen=True)
class Window:
    """The finish times a file covers, as a plain value the outbox can store (see bot.training.periods)."""

    label: str
    """For a file name: "2026-11", "2026", "2026-11-01..2026-11-15" or "all-time"."""
    since: str | None = None
    until: str | None = None
    """UTC instants as attempts store them (finished in [since, until)); None: open."""
    words: str = "all time"


def window_of(raw: str | None, tz: tzinfo, today: date) -> Window:
    """A period typed or chosen (bot.training.periods.HELP), in local days; all time when none. Refused, saying
    what to type, otherwise."""
    if not (raw or "").strip():
        return Window("all-time")
    period = periods.parse(raw or "", today)
    since, until = period.bounds(tz)
    return Window(period.fixed(), since, until, period.name())


def slug(name: str) -> str:
    """ "Harbor Days" -> "harbor-days": a unit in a file name (never its join code)."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:40] or "unit"


FileKind = Literal["results", "completions"]
"""The results file (one row per attempt) or the completed-training file (one row per trainee and call passed)."""


@dataclass(frozen=True)
class ExportSpec:
    """Everything a file is built from. `args()` is what the outbox stores; titles are added when it is built."""

    kind: Literal["results", "completions"]  # FileKind
    unit_ids: tuple[int, ...]
    name: str
    """The file's name (bot.training.records.file_name): the unit and the period, never a join code."""
    period: Window
    timezone: str
    """The agency's IANA time zone: the file's local times."""
    pass_mark: int
    hours: TrainingHours
    """What each call passed counts for in the completed-training file."""
    provider: str
    titles: Mapping[str, str] = field(default_factory=dict)
    descriptions: Mapping[str, str] = field(default_factory=dict)

    def args(self) -> dict:
        spec = asdict(self)
        del spec["titles"], spec["descriptions"]
        return {**spec, "unit_ids": list(self.unit_ids)}

    @classmethod
    def from_args(cls, args: dict, titles: Mapping[str, str], descriptions: Mapping[str, str]) -> ExportSpec:
        period = Window(**args["period"])
        fields_ = {k: v for k, v in args.items() if k not in ("period", "unit_ids", "hours")}
        hours = TrainingHours.stored(args["hours"])  # one number in a row stored before scenarios had their own
        return cls(
            **fields_,
            unit_ids=tuple(args["unit_ids"]),
            period=period,
            hours=hours,
            titles=titles,
            descriptions=descriptions,
        )

    def with_calls(self, titles: Mapping[str, str], descriptions: Mapping[str, str]) -> ExportSpec:
        return replace(self, titles=dict(titles), descriptions=dict(descriptions))


def spec_from_args(args: dict, library: Library, tz: str = "UTC") -> ExportSpec:
    """The spec an outbox row stored (`ExportSpec.args`), with the library's titles and briefs. A row stored
    before periods existed ({"unit_ids", "name"}) is the results of all time."""
    titles = {i: s.title for i, s in library.scenarios.items()}
    briefs = {i: s.brief for i, s in library.scenarios.items()}
    if "kind" not in args:
        provider = provider_of(library)
        legacy = ("results", tuple(args["unit_ids"]), args["name"], Window("all-time"), tz, DEFAULT_PASS_MARK)
        return ExportSpec(*legacy, provider.hours, provider.name, titles, briefs)
    return ExportSpec.from_args(args, titles, briefs)


def file_name(kind: str, units: list[str] | None, period: Window) -> str:
    """deskdrill-results-harbor-days-2026-11.csv; "all-units" when the file covers several."""
    who = slug(units[0]) if units and len(units) == 1 else "all-units"
    return f"deskdrill-{kind}-{who}-{period.label.replace('..', '-to-')}.csv"


def build_csv(conn: sqlite3.Connection, spec: ExportSpec) -> bytes:
    """The file `spec` describes, read from `conn`."""
    p = spec.period
    rows = reads.attempt_rows(conn, spec.unit_ids, p.since, p.until)
    if spec.kind == "completions":
        return completions_csv(rows, spec)
    return results_csv(rows, reads.overrides_of(conn, spec.unit_ids, p.since, p.until), spec)


def stamp(iso: str | None, tz: ZoneInfo) -> str:
    """ "2026-12-05 16:44": what a spreadsheet reads as a date and time (no offset, no "T")."""
    return local(iso, tz).strftime("%Y-%m-%d %H:%M") if iso else ""


def passed(row: Mapping, pass_mark: int) -> bool:
    failed = bool(json.loads(row.get("auto_fail") or "[]"))
    return passes(row["total"], failed, bool(row["misinformed"]), row["own_mark"] or pass_mark)


RESULT_HEADER = [
    "attempt_id",
    "full_name",
    "badge",
    "telegram_name",
    "trainee_id",
    "units",
    "scenario",
    "scenario_id",
    "started",
    "finished",
    "finished_utc",
    "timezone",
    "result",
    "pass_mark",
    "total",
    "auto_fail",
    "wrong_information",
    "addressed",
    *CRITERIA,
    "overridden",
    "overrides",
]


def results_csv(rows: list[dict], overrides: list[dict], spec: ExportSpec) -> bytes:
    """One row per attempt: who (full name, badge), where, which call (its title), when (local, and UTC), pass
    or fail against the pass mark that applies, total, automatic fail, wrong information, each verdict, and every
    override with its reason. UTF-8 with a byte-order mark, so spreadsheets read accented names correctly."""
    tz = ZoneInfo(spec.timezone)
    changed: dict[int, list[str]] = {}
    for o in overrides:
        changed.setdefault(o["attempt_id"], []).append(override_text(o, tz))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(RESULT_HEADER)
    for r in rows:
        mark = r["own_mark"] or spec.pass_mark
        cells = [
            r["id"],
            r["full_name"] or "",
            r["badge"] or "",
            r["first_name"],
            r["user_id"],
            r["units"] or "",
            spec.titles.get(r["scenario_id"], r["scenario_id"]),
            r["scenario_id"],
            stamp(r["started_at"], tz),
            stamp(r["finished_at"], tz),
            stamp(r["finished_at"], UTC),
            spec.timezone,
            "pass" if passed(r, spec.pass_mark) else "fail",
            mark,
            r["total"],
            "; ".join(f["reason"] for f in json.loads(r.get("auto_fail") or "[]")),
            wrong_text(r.get("addressed")),
            addressed_text(r.get("addressed")),
            *[r.get(c) or "" for c in CRITERIA],
            "yes" if r["id"] in changed else "no",
            "; ".join(changed.get(r["id"], [])),
        ]
        writer.writerow([safe_cell(c) for c in cells])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


COMPLETION_HEADER = [
    "badge",
    "full_name",
    "course_title",
    "course_id",
    "description",
    "completion_date",
    "completed_at",
    "hours",
    "score",
    "result",
    "provider",
    "units",
    "attempt_id",
    "trainee_id",
]


def completions(rows: list[dict], pass_mark: int) -> list[dict]:
    """Each trainee's first pass of each call among `rows` (oldest first): one completion apiece."""
    firsts: dict[tuple[int, str], dict] = {}
    for r in rows:
        if passed(r, pass_mark):
            firsts.setdefault((r["user_id"], r["scenario_id"]), r)
    return list(firsts.values())


def completions_csv(rows: list[dict], spec: ExportSpec) -> bytes:
    """For a records system's import (Acadis, Lexipol style): one row per trainee and call passed in the
    period: roster (badge, full name), course (title, id, description), completion date, hours, provider."""
    tz = ZoneInfo(spec.timezone)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COMPLETION_HEADER)
    for r in completions(rows, spec.pass_mark):
        cells = [
            r["badge"] or "",
            r["full_name"] or "",
            spec.titles.get(r["scenario_id"], r["scenario_id"]),
            r["scenario_id"],
            spec.descriptions.get(r["scenario_id"], ""),
            stamp(r["finished_at"], tz)[:10],
            stamp(r["finished_at"], tz),
            f"{spec.hours.of(r['scenario_id']):g}",
            r["total"],
            "passed",
            spec.provider,
            r["units"] or "",
            r["id"],
            r["user_id"],
        ]
        writer.writerow([safe_cell(c) for c in cells])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def override_text(o: Mapping, tz: ZoneInfo) -> str:
    """ "empathy: met -> missed by Sam Ortiz, 2026-11-23 14:02: too brief"."""
    was = "n/a" if o["original_met"] is None else ("met" if o["original_met"] else "missed")
    now = "met" if o["met"] else "missed"
    return f"{o['criterion']}: {was} -> {now} by {o['by_name'] or '?'}, {stamp(o['at'], tz)}: {o['reason'] or ''}"


def safe_cell(value: object) -> object:
    """Neutralise a formula planted in a name: prefix an apostrophe, as spreadsheets expect."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def addressed_text(raw: str | None) -> str:
    """ "yes", "no (process_time missing, fee wrong)", or "" when the scenario's facts were not recorded."""
    if not raw:
        return ""
    facts = json.loads(raw)["facts"]
    open_ = [f"{name} {status}" for name, fact in facts.items() if (status := fact_status(fact)) != "given"]
    return f"no ({', '.join(open_)})" if open_ else "yes"


def wrong_text(raw: str | None) -> str:
    """Every wrong thing the person was told: "turn 5: “You have 30 days” (right: within 10 days)"."""
    if not raw:
        return ""
    wrong = json.loads(raw).get("wrong_information") or []
    return "; ".join(f"turn {w['turn']}: \u201c{w['said']}\u201d (right: {w.get('right') or '?'})" for w in wrong)
