"""The same transcript always gets the same grade, in any process: Python randomises the order of sets per
process (PYTHONHASHSEED), so a grader that iterates one where order matters quotes different words on
different runs. A department must be able to reproduce a score (issue 20)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

CALL = {
    "id": "clearance-two-kinds-wrong",
    "scenario": "clearance-letter",
    "turns": [
        {
            "role": "visitor",
            "text": "(A woman with a baby carrier steps up.) Hi! Sorry. Is this where I get fingerprinted for a job? "
            "I start the daycare job soon.",
        },
        {"role": "trainee", "text": "Hi, good morning, welcome to Harbor Station. I'm Officer Bui."},
        {
            "role": "visitor",
            "text": "Little Harbor Daycare needs a clearance letter and fingerprints by the end of the week.",
        },
        {
            "role": "trainee",
            "text": "Sure thing. Just come to the records window, any weekday between 8 and 4. "
            "They'll print you and start the letter the same visit.",
        },
        {"role": "visitor", "text": "Oh great, so I could come back tomorrow morning?"},
        {"role": "trainee", "text": "Yep, any weekday. Do you have a photo ID?"},
        {"role": "visitor", "text": "I think my license is in the car. Is there a fee?"},
        {"role": "trainee", "text": "It's $25, cash or card. And the letter takes about a week."},
        {"role": "visitor", "text": "Okay. Records window, any weekday, twenty-five dollars."},
        {"role": "trainee", "text": "That's it. Any questions?"},
        {"role": "visitor", "text": "No, I think I'm all set."},
        {"role": "trainee", "text": "Thanks for stopping by, and good luck with the job!"},
    ],
}
"""A call whose records-window fact is wrong in two kinds of value (days and hours) in different turns."""


def graded(hash_seed: int, tmp_path) -> str:
    calls = tmp_path / "calls.jsonl"
    calls.write_text(json.dumps(CALL) + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed)}
    command = [sys.executable, "-m", "bot.cli", "grade", str(calls)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=60, check=True)
    return done.stdout


def test_a_grade_is_the_same_whatever_the_order_of_sets_in_the_process(tmp_path) -> None:
    grades = {graded(seed, tmp_path) for seed in (1, 2, 3, 4)}
    assert len(grades) == 1, grades
    facts = json.loads(grades.pop())["addressed"]["facts"]
    assert facts["records_location"]["status"] == "wrong"
    assert facts["records_location"]["evidence"] == "Yep, any weekday.", "the latest wrong statement is quoted"
