"""Each attempt's scenario as it was, and the grader that scored it: scores a department can defend.

A scenario file edited after an attempt must not change what that attempt's transcript and
facts are shown against, nor its total. So each attempt stores the content hash of its
scenario (the YAML text and the agency's settings it was filled with), the text itself once
per distinct hash (table `scenario_texts`), and, when graded, the grader's version: a hash
of every file of `bot/grading` and of the department's phrasings. `scenario_of` rebuilds the
attempt's own scenario from it.

Attempts stored before these were kept have no hash; for them the scenario loaded now is the
best there is (`scenario_of` falls back to it).
"""

from __future__ import annotations

import functools
import hashlib
import json
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from bot.scenarios.format import Scenario, load_agency, parse_scenario

GRADING_PACKAGE = Path(__file__).resolve().parents[1] / "grading"
RECORDS_SETTINGS = ("keep_", "pass_mark")
"""agency.yaml's retention settings (bot.config.Retention) and its pass mark: not part of any scenario, so not
of its hash."""


@dataclass(frozen=True)
class ScenarioText:
    """A scenario's content as loaded: what its hash is of, and what rebuilds it."""

    scenario_id: str
    text: str

    @functools.cached_property
    def hash(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()

    @classmethod
    def of(cls, scenario: Scenario) -> ScenarioText | None:
        """Read the scenario's file and its folder's agency.yaml; None when the file is gone."""
        path = Path(scenario.path)
        try:
            yaml_text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        agency, _ = load_agency(path.parent)
        agency = {k: v for k, v in agency.items() if not k.startswith(RECORDS_SETTINGS)}
        body = {"id": scenario.id, "file": path.name, "yaml": yaml_text, "agency": agency}
        return cls(scenario.id, json.dumps(body, ensure_ascii=False, sort_keys=True))

    def scenario(self) -> Scenario | None:
        """The Scenario this text describes (None if it no longer parses, e.g. under a stricter parser)."""
        return _parse(self.text)


@functools.lru_cache(maxsize=64)
def _parse(text: str) -> Scenario | None:
    body = json.loads(text)
    with tempfile.TemporaryDirectory(prefix="deskdrill-snapshot-") as folder:
        path = Path(folder) / body["file"]
        path.write_text(body["yaml"], encoding="utf-8")
        scenario, _ = parse_scenario(path, body["agency"])
    return scenario


@functools.cache
def grader_version() -> str:
    """A short hash of every file of the grader (code, lexicons, phrase data): it changes exactly when the
    grader does, so two attempts with the same version were scored by the same rules."""
    digest = hashlib.sha256()
    for path in sorted(GRADING_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".yml", ".tsv", ".txt", ".json"):
            digest.update(str(path.relative_to(GRADING_PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    department = _department_phrasing()
    if department is not None:  # the department's own phrasings are part of how it grades
        digest.update(b"department\0" + department.read_bytes())
    return "g-" + digest.hexdigest()[:12]


def _department_phrasing() -> Path | None:
    try:
        from bot.grading.phrasing import department_file
    except ImportError:  # a grader without department phrasings
        return None
    return department_file()


class Snapshots:
    """Rows of `scenario_texts`; callers open the transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def keep(self, text: ScenarioText) -> str:
        """Store the text unless its hash is stored already (then nothing is written); return the hash."""
        self.db.execute(
            "insert or ignore into scenario_texts (hash, scenario_id, text) values (?, ?, ?)",
            [text.hash, text.scenario_id, text.text],
        )
        return text.hash

    def text(self, scenario_hash: str) -> ScenarioText | None:
        row = self.db.execute("select scenario_id, text from scenario_texts where hash = ?", [scenario_hash]).fetchone()
        return ScenarioText(row[0], row[1]) if row else None

    def scenario(self, scenario_id: str, scenario_hash: str | None, current: Mapping[str, Scenario]) -> Scenario | None:
        """The scenario stored under the hash; the one loaded now when there is none (or it no longer parses)."""
        text = self.text(scenario_hash) if scenario_hash else None
        scenario = text.scenario() if text else None
        return scenario or current.get(scenario_id)


def texts_of(scenarios: Mapping[str, Scenario]) -> dict[str, ScenarioText]:
    """Each loaded scenario's text, read once when the library is loaded (see Coach)."""
    texts = {}
    for scenario_id, scenario in scenarios.items():
        text = ScenarioText.of(scenario)
        if text is not None:
            texts[scenario_id] = text
    return texts
