"""Totals of stored attempts under the SPEC's contact rule: for migration m003 and overrides.

A stored attempt keeps its verdicts (overrides included); its total is recomputed from
them, the resolution facts it gave and its automatic fails, never from partial scores.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping

from sqlite_utils import Database

from bot.grading import contact_total, grade
from bot.scenarios.format import Scenario
from bot.scenarios.library import default_scenario_dir, load_library
from bot.transcript import Turn

log = logging.getLogger(__name__)


def bundled_scenarios() -> Mapping[str, Scenario]:
    """The scenarios of DESKDRILL_SCENARIOS or the default directory: a migration gets no settings."""
    return load_library([default_scenario_dir()]).scenarios


def retotal_finished(db: Database, scenarios: Mapping[str, Scenario]) -> int:
    """Re-total every finished attempt; store its facts and automatic fails; return how many changed."""
    rows = list(db.query("select id, scenario_id, total from attempts where status = 'finished'"))
    changed = 0
    for row in rows:
        scenario = scenarios.get(row["scenario_id"])
        addressed = auto_fail = None
        if scenario is not None:
            turns = [Turn(r["role"], r["text"]) for r in db.query(_TURNS, [row["id"]])]
            graded = grade(turns, contact=scenario.contact)
            addressed = json.dumps(graded.addressed.to_json()) if graded.addressed else None
            auto_fail = json.dumps([dict(f) for f in graded.auto_fail or ()])
        db.execute("update attempts set addressed = ?, auto_fail = ? where id = ?", [addressed, auto_fail, row["id"]])
        total = stored_total(db, row["id"])
        if total != row["total"]:
            changed += 1
            db.execute("update attempts set total = ? where id = ?", [total, row["id"]])
    log.info("re-totalled %d finished attempts under the contact rule: %d totals changed", len(rows), changed)
    return changed


def stored_total(db: Database, attempt_id: int) -> int:
    """The SPEC total from what is stored: the verdicts (with overrides), the facts, the automatic fails."""
    met = {
        r["criterion"]: (bool(r["met"]) if r["applicable"] else None)
        for r in db.query("select criterion, met, applicable from results where attempt_id = ?", [attempt_id])
    }
    row = next(db.query("select addressed, auto_fail from attempts where id = ?", [attempt_id]))
    addressed = json.loads(row["addressed"]) if row["addressed"] else {}
    facts = addressed.get("facts")
    misinformed = bool(addressed.get("wrong_information"))
    return contact_total(met, facts, bool(json.loads(row["auto_fail"] or "[]")), misinformed)


_TURNS = "select role, text from turns where attempt_id = ? order by idx"
