"""What a Learning Record Store is told about a finished call: three xAPI 1.0.3 statements.

"attempted" (at the call's start), "completed" and "passed" or "failed" (at its end, against the pass mark
that applies; an automatic fail or wrong information never passes), the last two with the total as
result.score (scaled 0..1), result.duration (the training hours agency.yaml credits the call with: `training_hours`)
and each criterion's verdict, the automatic fails and the wrong information as
result extensions. The actor is an account (homePage: DESKDRILL_XAPI_HOMEPAGE or the dashboard's URL;
name: the trainee's DeskDrill id, their Telegram user id) with their full name; the object is the call as an
activity, with its title and brief. Ids are derived from the attempt, so a statement queued twice (after a
crash) is the same statement and the LRS keeps it once.

An override or a regrade changes a call's result after the LRS had it: the correction (`correction`) voids the
earlier "completed" and "passed"/"failed" with xAPI "voided" statements (object: a StatementRef to each, as xAPI
1.0.3 section 2.3.2 asks; the LRS then leaves them out of its answers) and states them again with the new
result, their ids derived from the correction, with the reason as a context extension.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from typing import Any

from bot.config import TrainingHours
from bot.storage import records as reads
from bot.training.calls import Calls
from bot.training.standings import passes
from bot.transcript import CRITERIA

VERSION = "1.0.3"
ADL = "http://adlnet.gov/expapi/verbs/"
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
LANGUAGE = "en-US"


def iso_duration(hours: float) -> str:
    """ "PT15M" for 0.25 hours, "PT1H30M" for 1.5: an xAPI duration (ISO 8601), to the second."""
    h, rest = divmod(round(hours * 3600), 3600)
    m, s = divmod(rest, 60)
    return "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "") + (f"{s}S" if s or not (h or m) else "")


class Statements:
    def __init__(self, calls: Calls, pass_mark: int, home_page: str, hours: TrainingHours | None = None) -> None:
        self.calls, self.pass_mark, self.home = calls, pass_mark, home_page.rstrip("/")
        self.hours = hours or TrainingHours()
        """agency.yaml's training hours: each call's result.duration, the training time it counts for."""

    def extension(self, name: str) -> str:
        """An extension's IRI, under the agency's own address."""
        return f"{self.home}/xapi/{name}"

    def for_attempt(self, conn: sqlite3.Connection, attempt_id: int) -> tuple[int, str, list[dict[str, Any]]] | None:
        """(trainee id, finished at, statements) for a finished attempt; None when it is not one."""
        row = reads.one_attempt(conn, attempt_id)
        if row is None:
            return None
        return row["user_id"], row["finished_at"], self.statements(row)

    def correction(
        self, conn: sqlite3.Connection, attempt_id: int, revision: int, earlier: list[dict[str, Any]], why: str, at: str
    ) -> tuple[int, str, list[dict[str, Any]]] | None:
        """(trainee id, finished at, statements) correcting the `earlier` ones: each earlier result voided, then the
        call's result as it stands now. None when the attempt is no longer a finished one."""
        row = reads.one_attempt(conn, attempt_id)
        if row is None:
            return None
        results = [s for s in earlier if s.get("result") is not None]
        voided = [self.voiding(row, s["id"], at) for s in results]
        fresh = [
            self.statement(row, s["verb"]["display"][LANGUAGE], row["finished_at"], s["result"], revision, why)
            for s in self.statements(row)
            if "result" in s
        ]
        return row["user_id"], row["finished_at"], voided + fresh

    def voiding(self, row: dict[str, Any], statement_id: str, at: str) -> dict[str, Any]:
        """xAPI's "voided": the statement `statement_id` no longer stands (a correction follows it)."""
        return {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.home}/attempts/{row['id']}/voided/{statement_id}")),
            "actor": self.actor(row),
            "verb": {"id": ADL + "voided", "display": {LANGUAGE: "voided"}},
            "object": {"objectType": "StatementRef", "id": statement_id},
            "timestamp": at,
        }

    def actor(self, row: dict[str, Any]) -> dict[str, Any]:
        return {
            "objectType": "Agent",
            "name": row.get("full_name") or row.get("first_name") or str(row["user_id"]),
            "account": {"homePage": self.home, "name": str(row["user_id"])},
        }

    def statements(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        failed_by = [f.get("reason", "") for f in json.loads(row.get("auto_fail") or "[]")]
        mark = row.get("own_mark") or self.pass_mark
        success = passes(row["total"], bool(failed_by), bool(row["misinformed"]), mark)
        addressed = json.loads(row["addressed"]) if row.get("addressed") else {}
        wrong = addressed.get("wrong_information") or []
        total = int(row["total"] or 0)
        result = {
            "score": {"scaled": round(total / 100, 4), "raw": total, "min": 0, "max": 100},
            "success": success,
            "completion": True,
            "duration": iso_duration(self.hours.of(row["scenario_id"])),
            "extensions": {
                **{self.extension(f"criterion/{c}"): row.get(c) or "n/a" for c in CRITERIA},
                self.extension("automatic-fail"): failed_by,
                self.extension("wrong-information"): [
                    {"said": w.get("said", ""), "right": w.get("right") or ""} for w in wrong
                ],
                self.extension("pass-mark"): mark,
            },
        }
        return [
            self.statement(row, "attempted", row["started_at"]),
            self.statement(row, "completed", row["finished_at"], result),
            self.statement(row, "passed" if success else "failed", row["finished_at"], result),
        ]

    def statement(
        self, row: dict[str, Any], verb: str, at: str, result: dict | None = None, revision: int = 0, why: str = ""
    ) -> dict[str, Any]:
        """One statement of the attempt; a correction's (`revision`, `why`) has ids of its own and says why."""
        attempt = f"{self.home}/attempts/{row['id']}"
        context_extensions: dict[str, Any] = {self.extension("attempt-id"): row["id"]}
        if row.get("badge"):
            context_extensions[self.extension("badge")] = row["badge"]
        if revision:
            context_extensions[self.extension("corrected-by")] = why
        statement: dict[str, Any] = {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{attempt}/{verb}" + (f"/{revision}" if revision else ""))),
            "actor": self.actor(row),
            "verb": {"id": ADL + verb, "display": {LANGUAGE: verb}},
            "object": self.activity(row["scenario_id"]),
            "context": {
                "registration": str(uuid.uuid5(uuid.NAMESPACE_URL, attempt)),
                "platform": "DeskDrill",
                "language": LANGUAGE,
                "extensions": context_extensions,
            },
            "timestamp": at,
        }
        if result is not None:
            statement["result"] = result
        return statement

    def activity(self, scenario_id: str) -> dict[str, Any]:
        scenario = self.calls.get(scenario_id)
        definition: dict[str, Any] = {"name": {LANGUAGE: self.calls.title(scenario_id)}, "type": SIMULATION}
        if scenario is not None and scenario.brief:
            definition["description"] = {LANGUAGE: scenario.brief}
        return {"objectType": "Activity", "id": f"{self.home}/scenarios/{scenario_id}", "definition": definition}
