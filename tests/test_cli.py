"""The deskdrill command, run as a subprocess the way a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_SCENARIO, ROOT
from tests.scripts import COURTEOUS, COURTEOUS_BUT_UNHELPFUL, CURT


def deskdrill(*args: str, stdin: str = "", cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "deskdrill"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    return subprocess.run(command + list(args), input=stdin, capture_output=True, text=True, cwd=cwd, timeout=60)


def assert_clean_failure(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert fragment in result.stderr, result.stderr
    assert result.stderr.strip().count("\n") == 0, result.stderr


@pytest.mark.parametrize("scenario_id", sorted(COURTEOUS))
def test_a_piped_courteous_script_resolves_with_all_five_met(scenario_id: str) -> None:
    result = deskdrill("practice", scenario_id, "--seed", "4", "--json", stdin="\n".join(COURTEOUS[scenario_id]) + "\n")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["scenario"] == scenario_id and report["resolved"] is True and report["completed"] is True
    assert all(v["met"] for v in report["grade"]["criteria"].values() if v["applicable"])
    assert report["grade"]["addressed"]["met"] and report["grade"]["auto_fail"] == []
    assert report["turns"][0]["role"] == "visitor" and report["turns"][1]["role"] == "trainee"


@pytest.mark.parametrize("scenario_id", sorted(CURT))
def test_a_piped_curt_script_is_not_resolved_and_scores_low(scenario_id: str) -> None:
    result = deskdrill("practice", scenario_id, "--json", stdin="\n".join(CURT[scenario_id]) + "\n")
    report = json.loads(result.stdout)
    assert report["resolved"] is False and report["grade"]["total"] <= 40
    assert report["mood"]["start"] != report["mood"]["end"]


def test_practice_prints_the_conversation_and_a_scorecard() -> None:
    result = deskdrill("practice", "car-break-in", "--seed", "1", stdin="\n".join(COURTEOUS["car-break-in"]))
    assert result.returncode == 0
    out = result.stdout
    assert "Caller (" in out and "You: Good afternoon" in out
    for label in ("Greeting", "Empathy", "Testing questions", "Offer more help", "Appreciation"):
        assert f"\u2705 {label} \u2014 " in out
    assert "\u201cI'm so sorry that happened to you.\u201d (turn 4)" in out
    assert "Total: 100/100" in out and "The caller left satisfied (mood upset \u2192 calm)." in out
    assert "\u2705 Issue addressed:" in out


def test_the_scorecard_says_when_the_trainee_ended_the_contact_early() -> None:
    result = deskdrill("practice", "car-break-in", stdin="Hello, Harbor Station, Deputy Park.\n/end\n")
    assert "You ended the contact before the caller was done" in result.stdout


def test_end_stops_early_and_grades_what_was_said() -> None:
    result = deskdrill("practice", "car-break-in", "--json", stdin="Hello?\n/end\nThank you for calling.\n")
    report = json.loads(result.stdout)
    assert [t["text"] for t in report["turns"] if t["role"] == "trainee"] == ["Hello?"]
    assert report["resolved"] is False and report["completed"] is False
    assert report["grade"]["criteria"]["greeting"]["tip"]


def test_an_empty_message_is_ignored_with_a_notice() -> None:
    result = deskdrill("practice", "car-break-in", "--json", stdin="\n   \nHello?\n")
    assert "Empty message ignored" in result.stderr
    assert [t["text"] for t in json.loads(result.stdout)["turns"] if t["role"] == "trainee"] == ["Hello?"]


def test_an_overlong_message_is_cut_with_a_notice() -> None:
    result = deskdrill("practice", "car-break-in", "--json", stdin="a" * 5000 + "\n")
    assert result.returncode == 0 and "only the first 4,096 were kept" in result.stderr
    trainee = [t["text"] for t in json.loads(result.stdout)["turns"] if t["role"] == "trainee"]
    assert len(trainee[0]) == 4096


def test_an_unknown_scenario_id_is_a_one_line_error() -> None:
    assert_clean_failure(deskdrill("practice", "no-such-call"), "no scenario with id 'no-such-call'")


def test_a_malformed_scenario_file_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "lost-wallet.yaml").write_text(MINIMAL_SCENARIO.replace("to: done", "to: nowhere"))
    result = deskdrill("--scenarios", str(tmp_path), "practice", "lost-wallet")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "scenario 'lost-wallet' cannot be loaded" in result.stderr and "unknown state 'nowhere'" in result.stderr


def test_scenarios_check_lists_every_problem_and_fails(tmp_path: Path) -> None:
    (tmp_path / "lost-wallet.yaml").write_text(
        MINIMAL_SCENARIO.replace("to: done", "to: nowhere").replace("lobby", "fax")
    )
    result = deskdrill("scenarios", "check", str(tmp_path))
    assert result.returncode == 1
    assert "'channel' must be one of phone, lobby" in result.stdout
    assert "state 'asks': leads to unknown state 'nowhere'" in result.stdout


def test_scenarios_check_passes_the_bundled_library() -> None:
    result = deskdrill("scenarios", "check")
    assert result.returncode == 0 and "OK" in result.stderr


def test_scenarios_list_json_names_id_title_channel_difficulty() -> None:
    listing = json.loads(deskdrill("scenarios", "list", "--json").stdout)
    assert {"car-break-in", "report-copy", "towed-car"} <= {s["id"] for s in listing}
    assert all({"id", "title", "channel", "difficulty"} <= set(s) for s in listing)


def test_grade_follows_the_spec_line_for_line(tmp_path: Path) -> None:
    transcripts = tmp_path / "t.jsonl"
    good = {
        "id": "a",
        "turns": [
            {"role": "visitor", "text": "Hi"},
            {"role": "trainee", "text": "Good morning, Harbor Station, Deputy Park."},
        ],
    }
    transcripts.write_text(json.dumps(good) + "\n" + json.dumps({"id": "b", "turns": [{"role": "x"}]}) + "\n{oops\n")
    result = deskdrill("grade", str(transcripts))
    first, second, third = (json.loads(line) for line in result.stdout.splitlines())
    assert (
        first["id"] == "a" and first["criteria"]["greeting"]["met"] and first["total"] == 20
    )  # one of five criteria met, no scenario named
    assert first["criteria"]["greeting"]["turn"] == 2
    assert second == {"id": "b", "error": "turn 1: role must be 'visitor' or 'trainee', not 'x'"}
    assert third["id"] is None and "not valid JSON" in third["error"]
    assert result.returncode == 1


def test_grade_reads_standard_input() -> None:
    line = json.dumps({"id": "s", "turns": [{"role": "trainee", "text": "Thanks for nothing."}]})
    result = deskdrill("grade", "-", stdin=line)
    assert result.returncode == 0 and json.loads(result.stdout)["total"] == 0


def test_grade_refuses_an_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    assert_clean_failure(deskdrill("grade", str(empty)), "is empty")


def test_grade_refuses_a_file_that_is_not_text(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jsonl"
    binary.write_bytes(b"\xff\xd8\xff\xe0 not json")
    assert_clean_failure(deskdrill("grade", str(binary)), "cannot read")


def test_grade_refuses_a_missing_file() -> None:
    assert_clean_failure(deskdrill("grade", "/no/such/file.jsonl"), "cannot read /no/such/file.jsonl: no such file")


def test_grade_refuses_a_directory(tmp_path: Path) -> None:
    assert_clean_failure(deskdrill("grade", str(tmp_path)), "it is a directory")


def test_practice_without_an_id_on_a_pipe_says_how_to_name_one() -> None:
    assert_clean_failure(deskdrill("practice", stdin="1\n"), "name a scenario")


def test_grade_uses_the_named_scenario_for_automatic_fails() -> None:
    turns = [
        {"role": "visitor", "text": "My son hasn't come home and isn't answering his phone."},
        {"role": "trainee", "text": "Kids are always late. Call back tomorrow."},
    ]
    line = json.dumps({"id": "late", "scenario": "child-late-home", "turns": turns})
    result = json.loads(deskdrill("grade", "-", stdin=line).stdout)
    # SPEC "The contact as a whole": auto_fail is a top-level key now, and it zeroes the total
    assert [f["id"] for f in result["auto_fail"]] == ["missed_emergency"] and result["total"] == 0
    assert result["addressed"]["met"] is False
    assert result["addressed"]["facts"]["dispatch_now"]["status"] in ("missing", "wrong")


COURTEOUS_NO_EMERGENCY = COURTEOUS_BUT_UNHELPFUL["child-late-home"]
COURTEOUS_NO_FACTS = COURTEOUS_BUT_UNHELPFUL["car-break-in"]


def practise(scenario_id: str, script: list[str], *options: str) -> subprocess.CompletedProcess[str]:
    return deskdrill("practice", scenario_id, "--seed", "1", *options, stdin="\n".join(script) + "\n")


def test_a_courteous_call_that_misses_the_emergency_totals_zero_and_says_so_first() -> None:
    report = json.loads(practise("child-late-home", COURTEOUS_NO_EMERGENCY, "--json").stdout)
    assert [f["id"] for f in report["grade"]["auto_fail"]] == ["missed_emergency"]
    assert report["grade"]["total"] == 0
    assert sum(bool(v["met"]) for v in report["grade"]["criteria"].values()) >= 4
    card = practise("child-late-home", COURTEOUS_NO_EMERGENCY).stdout.split("Scorecard: ")[1].splitlines()
    assert card[1].startswith("\u26d4 AUTOMATIC FAIL \u2014 The caller said their child is missing")
    assert "Total: AUTOMATIC FAIL, 0/100" in card


def test_a_courteous_car_break_in_call_that_never_says_how_to_report_totals_at_most_75() -> None:
    grade = json.loads(practise("car-break-in", COURTEOUS_NO_FACTS, "--json").stdout)["grade"]
    assert all(v["met"] for v in grade["criteria"].values())
    assert grade["addressed"]["met"] is False
    assert {k: v["status"] for k, v in grade["addressed"]["facts"].items()} == {
        "online_report": "missing",
        "process_time": "missing",
    }
    assert grade["total"] <= 75
    card = practise("car-break-in", COURTEOUS_NO_FACTS).stdout
    assert "\u274c Issue not addressed:\n\u2022 missing: tells the caller they can report it online\n" in card


def test_the_same_call_with_the_facts_totals_100() -> None:
    script = [
        *COURTEOUS_NO_FACTS[:2],
        "You can file the report online; it takes about fifteen minutes.",
        COURTEOUS_NO_FACTS[3],
    ]
    grade = json.loads(practise("car-break-in", script, "--json").stdout)["grade"]
    assert grade["addressed"]["met"] and grade["auto_fail"] == [] and grade["total"] == 100


def test_grade_honours_the_scenario_field_for_not_applicable_and_addressed() -> None:
    turns = [
        {"role": "visitor", "text": "Hi, what are your records hours?"},
        {
            "role": "trainee",
            "text": "Good afternoon, Harbor Station, Deputy Park. We're open 8 a.m. to 4 p.m., weekdays.",
        },
    ]
    line = json.dumps({"id": "tester", "scenario": "service-tester", "turns": turns})
    result = json.loads(deskdrill("grade", "-", stdin=line).stdout)
    assert result["criteria"]["empathy"] == {
        "met": None,
        "applicable": False,
        "score": 0.0,
        "evidence": None,
        "turn": None,
        "tip": None,
        "reason": result["criteria"]["empathy"]["reason"],
    }
    assert result["addressed"]["met"] and result["addressed"]["facts"]["records_hours"]["turn"] == 2
    assert result["total"] == round(75 / 4 + 25)  # the greeting of the four criteria that apply, and the fact


def test_grade_reports_an_unknown_scenario_on_its_line() -> None:
    line = json.dumps({"id": "x", "scenario": "no-such-call", "turns": [{"role": "trainee", "text": "Hi"}]})
    result = deskdrill("grade", "-", stdin=line)
    assert result.returncode == 1
    error = json.loads(result.stdout)
    assert error["id"] == "x" and error["error"].startswith("unknown scenario 'no-such-call' (known: ")


def test_run_names_the_database_path_when_it_cannot_be_opened(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "not-a-file.db"
    folder.mkdir()
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": "123:abc", "DESKDRILL_DB": str(folder)}
    script = Path(sys.executable).parent / "deskdrill"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    result = subprocess.run(command + ["run"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert_clean_failure(result, f"cannot open the database {folder}")


def test_web_needs_a_port(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("DESKDRILL_")}
    env["DESKDRILL_DB"] = str(tmp_path / "d.db")
    script = Path(sys.executable).parent / "deskdrill"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    result = subprocess.run(command + ["web"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert_clean_failure(result, "DESKDRILL_WEB_PORT is not set")


def test_web_serves_the_dashboard_alone(tmp_path: Path) -> None:
    import os
    import socket
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESKDRILL_")}
    env.update(DESKDRILL_DB=str(tmp_path / "d.db"), DESKDRILL_WEB_PORT=str(port))
    env["DESKDRILL_SCENARIOS"] = str(Path(__file__).resolve().parent.parent / "scenarios")
    script = Path(sys.executable).parent / "deskdrill"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    server = subprocess.Popen(command + ["web"], cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/style.css", timeout=2) as response:
                    assert response.status == 200
                break
            except urllib.error.URLError:
                assert time.monotonic() < deadline and server.poll() is None, "deskdrill web did not start"
                time.sleep(0.1)
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            raise AssertionError("the overview needs a session")
        except urllib.error.HTTPError as refused:
            assert refused.code == 401
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_broken_department_phrases_file_is_one_line_naming_its_file_and_line(tmp_path: Path) -> None:
    """The grader loads scenarios/phrases.yaml as it starts: a mistake there must not end in a traceback."""
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    (scenarios / "phrases.yaml").write_text("classes:\n  THANKS: [mahalo, no]\n", encoding="utf-8")
    result = deskdrill("scenarios", "list", cwd=tmp_path)
    assert_clean_failure(result, "phrases.yaml, line 2: 'no' reads as bool, not text")


def test_web_refuses_training_hours_for_a_call_it_does_not_have(tmp_path: Path) -> None:
    """agency.yaml's training_hours.<scenario id> names a call of the library: a typo stops the start, named."""
    import os

    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    (scenarios / "car-break-in.yaml").write_text((ROOT / "scenarios" / "car-break-in.yaml").read_text())
    agency = (ROOT / "scenarios" / "agency.yaml").read_text()
    (scenarios / "agency.yaml").write_text(agency.replace("domestic-violence-lobby", "car-break-inn"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESKDRILL_")}
    env |= {"DESKDRILL_DB": str(tmp_path / "d.db"), "DESKDRILL_WEB_PORT": "8999", "DESKDRILL_SCENARIOS": str(scenarios)}
    script = Path(sys.executable).parent / "deskdrill"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    result = subprocess.run(command + ["web"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert_clean_failure(
        result, f"{scenarios / 'agency.yaml'}: training_hours.car-break-inn: 'car-break-inn' is not a scenario id"
    )


def test_lines_piped_after_the_visitor_ended_the_call_are_counted_not_lost_in_silence() -> None:
    script = COURTEOUS["car-break-in"] + ["Oh, one more thing.", "/end", "Hello?"]
    result = practise("car-break-in", script)
    assert "(The call had ended, so 2 lines after it were not said.)" in result.stderr
    assert "You: Oh, one more thing." not in result.stdout and "Total: 100/100" in result.stdout
