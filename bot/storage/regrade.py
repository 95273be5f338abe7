"""Re-grade stored attempts with the current grader: what would change, and, when asked, the change.

A grader update moves numbers a department reports. `deskdrill regrade` shows every change
first (a dry run); `--apply` writes them, each audited. Each attempt is re-graded against its
own scenario as it was (bot.storage.snapshots), so only the grader's change shows. A verdict an
instructor overrode stays as the instructor set it. Attempts whose words were purged under
the retention setting cannot be re-graded and are counted apart.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.grading import CRITERIA, contact_total, grade
from bot.scenarios.format import Scenario
from bot.storage.snapshots import grader_version
from bot.storage.store import AttemptRow, Store, result_columns, sync_verdicts
from bot.storage.xapi import owe_correction


@dataclass(frozen=True)
class Change:
    """What re-grading one attempt changes (or would change)."""

    attempt: AttemptRow
    total: tuple[int | None, int]
    verdicts: Mapping[str, tuple[bool | None, bool | None]]
    """criterion -> (stored, new), for the verdicts that change (None: not applicable)."""
    auto_fail: tuple[bool, bool]
    facts: tuple[Any, Any]
    """(stored, new) fact statuses, when they differ."""

    def describe(self) -> str:
        a = self.attempt
        parts = [f"total {_or_dash(self.total[0])} -> {self.total[1]}"]
        parts += [f"{c} {_verdict(old)} -> {_verdict(new)}" for c, (old, new) in self.verdicts.items()]
        if self.auto_fail[0] != self.auto_fail[1]:
            parts.append("automatic fail " + ("added" if self.auto_fail[1] else "removed"))
        if self.facts[0] != self.facts[1]:
            parts.append(f"facts {_statuses(self.facts[0])} -> {_statuses(self.facts[1])}")
        graded = a.grader_version or "unrecorded"
        return (
            f"attempt {a.id} ({a.scenario_id}, {(a.finished_at or '')[:10]}, user {a.user_id}, grader {graded}): "
            + "; ".join(parts)
        )


@dataclass
class Regrade:
    """The outcome of a run: every change, and the attempts looked at but left as they were."""

    grader: str
    examined: int = 0
    changes: list[Change] = field(default_factory=list)
    purged: int = 0
    """Attempts whose words were purged (retention): nothing left to re-grade."""
    unknown: int = 0
    """Attempts whose scenario is neither stored nor loaded."""
    applied: bool = False


def regrade(
    store: Store,
    current: Mapping[str, Scenario],
    scenario_id: str | None = None,
    since: str | None = None,
    apply: bool = False,
    actor: int = 0,
) -> Regrade:
    """Re-grade the finished attempts chosen (one scenario, finished on or after `since`, an ISO date)."""
    where, params = ["status = 'finished'"], []
    if scenario_id is not None:
        where.append("scenario_id = ?")
        params.append(scenario_id)
    if since is not None:
        where.append("finished_at >= ?")
        params.append(since)
    rows = store.db.query(f"select * from attempts where {' and '.join(where)} order by id", params)
    run = Regrade(grader_version())
    for row in list(rows):
        attempt = AttemptRow.from_row(row)
        run.examined += 1
        if row.get("words_purged_at"):
            run.purged += 1
            continue
        scenario = store.scenario_of(attempt, current)
        if scenario is None:
            run.unknown += 1
            continue
        change, graded = _compare(store, attempt, scenario)
        if change is None:
            continue
        run.changes.append(change)
        if apply:
            _apply(store, attempt, graded, change, actor)
    if apply:
        run.applied = True
        with store.db.atomic():
            store.db.execute(
                "insert into audit (at, actor, action, detail) values (?, ?, 'regrade', ?)",
                [store.now(), actor, _summary(run)],
            )
    return run


def _compare(store: Store, attempt: AttemptRow, scenario: Scenario) -> tuple[Change | None, Any]:
    turns = store.turns(attempt.id)
    graded = grade(turns, contact=scenario.contact)
    stored = {
        r["criterion"]: r
        for r in store.db.query("select criterion, met, applicable from results where attempt_id = ?", [attempt.id])
    }
    overridden = {
        r[0] for r in store.db.execute("select criterion from overrides where attempt_id = ?", [attempt.id]).fetchall()
    }
    verdicts: dict[str, tuple[bool | None, bool | None]] = {}
    met: dict[str, bool | None] = {}
    for criterion in CRITERIA:
        old_row = stored.get(criterion)
        old = (bool(old_row["met"]) if old_row["applicable"] else None) if old_row else None
        verdict = graded.criteria.get(criterion)
        new = (bool(verdict.met) if verdict.applicable else None) if verdict is not None else None
        if criterion in overridden:  # the instructor's decision stands
            new = old
        met[criterion] = new
        if new != old:
            verdicts[criterion] = (old, new)
    addressed = graded.addressed.to_json() if graded.addressed else {}
    auto_failed = bool(graded.auto_fail)
    total = contact_total(met, addressed.get("facts"), auto_failed, bool(addressed.get("wrong_information")))
    old_facts = _fact_statuses(attempt.addressed)
    new_facts = _fact_statuses(addressed)
    change = Change(
        attempt, (attempt.total, total), verdicts, (bool(attempt.auto_fail), auto_failed), (old_facts, new_facts)
    )
    if total == attempt.total and not verdicts and change.auto_fail[0] == auto_failed and old_facts == new_facts:
        return None, graded
    return change, graded


def _apply(store: Store, attempt: AttemptRow, graded: Any, change: Change, actor: int) -> None:
    with store.db.atomic():
        for criterion in change.verdicts:  # the changed ones only: an override is never among them
            store.db.execute(
                "update results set met = ?, score = ?, evidence = ?, turn = ?, tip = ?, applicable = ? "
                "where attempt_id = ? and criterion = ?",
                [*result_columns(graded.criteria[criterion]), attempt.id, criterion],
            )
        store.db.execute(
            "update attempts set total = ?, auto_fail = ?, addressed = ?, grader_version = ? where id = ?",
            [
                change.total[1],
                json.dumps([dict(f) for f in graded.auto_fail or ()]),
                json.dumps(graded.addressed.to_json()) if graded.addressed else None,
                grader_version(),
                attempt.id,
            ],
        )
        sync_verdicts(store.db, attempt.id)
        store.db.execute(
            "insert into audit (at, actor, action, detail) values (?, ?, 'regrade', ?)",
            [store.now(), actor, change.describe()],
        )
        owe_correction(store.db, attempt.id, "regrade", store.now())  # the LRS's copy, if it has one


def _summary(run: Regrade) -> str:
    return (
        f"re-graded {run.examined} attempts with grader {run.grader}: {len(run.changes)} changed"
        + (f", {run.purged} skipped (words purged)" if run.purged else "")
        + (f", {run.unknown} skipped (scenario unknown)" if run.unknown else "")
    )


def _fact_statuses(addressed: Mapping[str, Any] | None) -> dict[str, Any]:
    facts = (addressed or {}).get("facts") or {}
    return {k: (v.get("status") if isinstance(v, dict) else v) for k, v in facts.items()}


def _verdict(met: bool | None) -> str:
    return "n/a" if met is None else ("met" if met else "missed")


def _statuses(facts: Mapping[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(facts.items())) or "none"


def _or_dash(value: int | None) -> str:
    return "-" if value is None else str(value)
