"""The results and completed-training files as a spreadsheet reads them: LibreOffice Calc opens the CSV the way
Excel does (comma-separated, UTF-8, dates recognised) and saves it as .xlsx; openpyxl reads the cells back.

Times must arrive as dates and times (so a training office can sort and filter by them), totals as numbers,
names with accents intact, and a name that starts like a formula as plain text.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.config import TrainingHours
from bot.training.records import ExportSpec, Window, completions_csv, results_csv
from bot.transcript import CRITERIA

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui; .ci/run installs it)",
)


def spec(kind: str) -> ExportSpec:
    return ExportSpec(
        kind,
        (1,),
        f"deskdrill-{kind}-harbor-days-2026-11.csv",
        Window("2026-11"),
        "America/Chicago",
        80,
        TrainingHours(0.25, {"domestic-violence-lobby": 0.5}),
        "Bayview County Sheriff's Department",
        {"car-break-in": "Car break-in, reported by phone"},
        {"car-break-in": "A caller reports a car break-in."},
    )


def attempt(**changes) -> dict:
    row = {
        "id": 7,
        "user_id": 3003,
        "first_name": '=HYPERLINK("http://evil.example")',
        "full_name": "José Ñúñez",
        "badge": "4471",
        "scenario_id": "car-break-in",
        "started_at": "2026-11-05T22:40:02+00:00",
        "finished_at": "2026-11-05T22:44:31+00:00",
        "total": 85,
        "auto_fail": "[]",
        "addressed": None,
        "misinformed": 0,
        "units": "Harbor Days",
        "own_mark": None,
        **{c: "met" for c in CRITERIA},
    }
    return row | changes


def as_spreadsheet(csv_bytes: bytes, tmp_path: Path) -> list[list[object]]:
    """The CSV opened in LibreOffice Calc (UTF-8, comma, dates detected) and saved as .xlsx, read by openpyxl."""
    source = tmp_path / "export.csv"
    source.write_bytes(csv_bytes)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--infilter=CSV:44,34,76,1,,1033,false,true",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    sheet = load_workbook(tmp_path / "export.xlsx").active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_results_file_opens_with_dates_numbers_and_names_intact(tmp_path: Path) -> None:
    override = {
        "attempt_id": 7,
        "criterion": "empathy",
        "original_met": 1,
        "met": 0,
        "reason": "too brief",
        "at": "2026-11-06T15:00:00+00:00",
        "by_name": "Sam Ortiz",
    }
    header, row = as_spreadsheet(results_csv([attempt()], [override], spec("results")), tmp_path)
    cell = dict(zip(header, row, strict=True))
    assert cell["finished"] == datetime(2026, 11, 5, 16, 44), "a date and time, in Chicago"
    assert cell["started"] == datetime(2026, 11, 5, 16, 40)
    assert cell["finished_utc"] == datetime(2026, 11, 5, 22, 44)
    assert cell["total"] == 85 and cell["pass_mark"] == 80 and cell["result"] == "pass"
    assert cell["full_name"] == "José Ñúñez" and cell["badge"] == 4471
    assert cell["telegram_name"] == '\'=HYPERLINK("http://evil.example")', "text, never a formula"
    assert cell["scenario"] == "Car break-in, reported by phone"
    assert cell["overrides"] == "empathy: met -> missed by Sam Ortiz, 2026-11-06 09:00: too brief"


def test_the_completed_training_file_opens_with_a_date_hours_and_the_roster(tmp_path: Path) -> None:
    rows = [attempt(), attempt(id=8, total=40), attempt(id=9, user_id=4004, full_name="Sam Ortiz", badge="D-1187")]
    header, *found = as_spreadsheet(completions_csv(rows, spec("completions")), tmp_path)
    cells = [dict(zip(header, r, strict=True)) for r in found]
    assert [(c["full_name"], c["badge"]) for c in cells] == [("José Ñúñez", 4471), ("Sam Ortiz", "D-1187")]
    assert cells[0]["completion_date"] == datetime(2026, 11, 5)
    assert cells[0]["hours"] == 0.25 and cells[0]["score"] == 85
    assert cells[0]["course_title"] == "Car break-in, reported by phone"
    assert cells[0]["provider"] == "Bayview County Sheriff's Department"


def test_a_call_with_hours_of_its_own_counts_them_in_the_completed_training_file(tmp_path: Path) -> None:
    rows = [attempt(), attempt(id=9, scenario_id="domestic-violence-lobby")]
    header, *found = as_spreadsheet(completions_csv(rows, spec("completions")), tmp_path)
    hours = {c["course_id"]: c["hours"] for c in (dict(zip(header, r, strict=True)) for r in found)}
    assert hours == {"car-break-in": 0.25, "domestic-violence-lobby": 0.5}
