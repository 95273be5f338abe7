"""Grader benchmark: accuracy on the labelled dev sets, and throughput on one core.

    python bench/grader.py [DEV_JSONL ...]

Reads ../shared/grading/dev.jsonl and dev-natural.jsonl by default (the SPEC's
labelled transcripts) and prints, for each file, per-criterion precision, recall
and F1 with their counts, and the macro F1. A file whose lines name a `scenario` and
label `facts` (dev-contact.jsonl, read by default too) is also scored as whole calls:
fact-status accuracy (with the confusion of statuses), wrong-information precision and
recall, automatic-fail precision and recall, and the flawed calls (wrong information or
an automatic fail) that total over 50 or score 100. Then how many trainee messages a
second the grader handles on one core: "warm" repeats the dev messages (the word
cache helps), "cold" makes every message unseen and clears every cache first.
Throughput is CPU time of this process (the median of three rounds), so that other
work on a shared machine does not count against the grader.
"""

from __future__ import annotations

import json
import random
import statistics
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.grading import CRITERIA, detect, grade  # noqa: E402
from bot.grading.clauses import read  # noqa: E402
from bot.grading.contact import fact_status  # noqa: E402
from bot.grading.quantities import values_in  # noqa: E402
from bot.grading.text import _plain_word  # noqa: E402
from bot.scenarios.library import default_scenario_dir, load_library  # noqa: E402
from bot.transcript import Turn, turns_from_json  # noqa: E402

SHARED = ROOT.parent / "shared" / "grading"
DEFAULT_DEV = (SHARED / "dev.jsonl", SHARED / "dev-natural.jsonl", SHARED / "dev-contact.jsonl")
TARGET_FACTS = 0.90
TARGET_WRONG_RECALL, TARGET_WRONG_PRECISION = 0.90, 0.95
TARGET_AF_RECALL, TARGET_AF_PRECISION = 1.0, 0.95
FLAWED_CEILING = 50
TARGET_MESSAGES_PER_SECOND = 5_000
TARGET_MACRO_F1 = 0.95
TARGET_CRITERION_F1 = 0.92
TARGET_PRECISION = 0.95
ROUNDS = 3


def main() -> int:
    paths = [Path(p) for p in sys.argv[1:]] or list(DEFAULT_DEV)
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"dev set not found at {missing[0]}: pass its path (see ../shared/grading/)")
        return 1
    loaded: list[tuple[Path, list[list[Turn]]]] = []
    all_rows: list[list[dict]] = []
    for path in paths:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        transcripts = [turns_from_json(r["turns"]) for r in rows]
        loaded.append((path, transcripts))
        all_rows.append(rows)
        print(f"dev set: {path} ({len(rows)} transcripts)\n")
        contacts = _contacts(rows)
        accuracy(rows, transcripts, contacts)
        if _whole_calls(rows):
            print()
            contact_accuracy(rows, transcripts, contacts)
        print()
    contact_rows = [(rows, t) for (path, t), rows in zip(loaded, all_rows, strict=True) if _whole_calls(rows)]
    for rows, transcripts in contact_rows[:1]:
        print("throughput on dev-contact.jsonl with each call's scenario (facts, wrong information, automatic fails):")
        contact_throughput(transcripts, _contacts(rows))
    for path, transcripts in loaded[:2]:
        print(f"throughput on {path.name} (its trainee messages, 30 times over):")
        throughput(transcripts)
    return 0


def _contacts(rows: list[dict]) -> list:
    """Each row's scenario contact (None when the row names no scenario)."""
    if not any(r.get("scenario") for r in rows):
        return [None] * len(rows)
    scenarios = load_library([default_scenario_dir()]).scenarios
    return [scenarios[r["scenario"]].contact if r.get("scenario") else None for r in rows]


def accuracy(rows: list[dict], transcripts: list[list[Turn]], contacts: list) -> float:
    """Print per-criterion precision, recall, F1 and counts; return the macro F1."""
    counts = {c: [0, 0, 0] for c in CRITERIA}  # true positives, false positives, false negatives
    for row, turns, contact in zip(rows, transcripts, contacts, strict=True):
        result = grade(turns, contact=contact)
        for c in CRITERIA:
            if row["labels"][c] is None:
                continue  # not applicable in this scenario
            predicted, expected = bool(result.criteria[c].met), bool(row["labels"][c])
            counts[c][0] += predicted and expected
            counts[c][1] += predicted and not expected
            counts[c][2] += expected and not predicted
    print(f"{'criterion':20} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn")
    f1s, precisions = [], []
    for c, (tp, fp, fn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        precisions.append(precision)
        print(f"{c:20} {precision:9.3f} {recall:7.3f} {f1:6.3f} {tp:4} {fp:3} {fn:3}")
    macro = sum(f1s) / len(f1s)
    meets = macro >= TARGET_MACRO_F1 and min(f1s) >= TARGET_CRITERION_F1 and min(precisions) >= TARGET_PRECISION
    print(
        f"{'macro F1':20} {'':9} {'':7} {macro:6.3f}   ({'meets' if meets else 'MISSES'} the target: macro >= "
        f"{TARGET_MACRO_F1}, each F1 >= {TARGET_CRITERION_F1}, each precision >= {TARGET_PRECISION})"
    )
    return macro


def contact_accuracy(rows: list[dict], transcripts: list[list[Turn]], contacts: list) -> None:
    """Whole calls: fact statuses, wrong information, automatic fails, and flawed calls that score high."""
    confusion: dict[tuple[str, str], int] = {}
    wrong = [0, 0, 0]  # true positives, false positives, false negatives (per call)
    fails = [0, 0, 0]
    over, perfect, flawed = [], [], 0
    for row, turns, contact in zip(rows, transcripts, contacts, strict=True):
        result = grade(turns, contact=contact)
        facts = result.addressed.facts if result.addressed else {}
        for name, expected in row["facts"].items():
            key = (expected, fact_status(facts.get(name)))
            confusion[key] = confusion.get(key, 0) + 1
        _count(wrong, bool(row["wrong_information"]), bool(result.addressed and result.addressed.wrong_information))
        _count(fails, bool(row["auto_fail"]), bool(result.auto_fail))
        if row["wrong_information"] or row["auto_fail"]:
            flawed += 1
            over += [f"{row['id']}={result.total}"] if result.total > FLAWED_CEILING else []
            perfect += [row["id"]] if result.total == 100 else []
    n = sum(confusion.values())
    right = sum(v for (e, p), v in confusion.items() if e == p)
    print(
        "fact statuses (labelled -> graded): " + ", ".join(f"{e}->{p} {v}" for (e, p), v in sorted(confusion.items()))
    )
    facts_ok = right / n >= TARGET_FACTS
    print(f"fact-status accuracy {right / n:.3f} over {n} facts ({_meets(facts_ok)} >= {TARGET_FACTS})")
    for label, (tp, fp, fn), (r_target, p_target) in (
        ("wrong information", wrong, (TARGET_WRONG_RECALL, TARGET_WRONG_PRECISION)),
        ("automatic fail", fails, (TARGET_AF_RECALL, TARGET_AF_PRECISION)),
    ):
        recall, precision = tp / (tp + fn) if tp + fn else 1.0, tp / (tp + fp) if tp + fp else 1.0
        ok = recall >= r_target and precision >= p_target
        print(
            f"{label}: recall {recall:.3f}, precision {precision:.3f} over calls (tp {tp}, fp {fp}, fn {fn}; "
            f"{_meets(ok)} recall >= {r_target}, precision >= {p_target})"
        )
    print(
        f"flawed calls (wrong information or an automatic fail): {flawed}; scoring 100: {len(perfect)}; "
        f"totalling over {FLAWED_CEILING}: {len(over)} ({_meets(not over)} none)"
        + (f": {', '.join(over)}" if over else "")
    )


def _whole_calls(rows: list[dict]) -> bool:
    return all("facts" in r and r.get("scenario") for r in rows)


def contact_throughput(transcripts: list[list[Turn]], contacts: list) -> None:
    """Trainee messages a second when every call is graded against its scenario, every cache cleared first."""
    rng = random.Random(7)
    batch = [([_unseen(t, rng) for t in turns], c) for turns, c in zip(transcripts * 10, contacts * 10, strict=True)]
    messages = sum(t.role == "trainee" for turns, _ in batch for t in turns)
    rates = []
    for _ in range(ROUNDS):
        _plain_word.cache_clear()
        read.cache_clear()
        values_in.cache_clear()
        start = time.process_time()
        for turns, contact in batch:
            detect.cache_clear()
            grade(turns, contact=contact)
        rates.append(messages / (time.process_time() - start))
    rate = statistics.median(rates)
    calls = len(batch) / messages * rate
    print(
        f"  cold: {rate:,.0f} trainee messages/s ({calls:,.0f} whole calls/s) over {messages:,} messages, median of "
        f"{ROUNDS} rounds of CPU time (a call is graded once, when it ends)"
    )


def _count(counts: list[int], expected: bool, predicted: bool) -> None:
    counts[0] += expected and predicted
    counts[1] += predicted and not expected
    counts[2] += expected and not predicted


def _meets(ok: bool) -> str:
    return "meets the target:" if ok else "MISSES the target:"


def throughput(transcripts: list[list[Turn]]) -> None:
    warm = transcripts * 30
    rng = random.Random(7)
    cold = [[_unseen(t, rng) for t in turns] for turns in transcripts * 30]
    messages = sum(t.role == "trainee" for turns in warm for t in turns)
    for label, batch in (("warm", warm), ("cold", cold)):
        rates = [messages / _cpu_seconds(batch, cold=label == "cold") for _ in range(ROUNDS)]
        rate = statistics.median(rates)
        status = "meets" if rate >= TARGET_MESSAGES_PER_SECOND else "MISSES"
        print(
            f"  {label}: {rate:,.0f} trainee messages/s over {messages:,} messages, median of {ROUNDS} rounds "
            f"of CPU time ({status} the target of {TARGET_MESSAGES_PER_SECOND:,}/s on one core)"
        )


def _cpu_seconds(batch: list[list[Turn]], cold: bool) -> float:
    if cold:  # no word cache: every (unseen) message is tokenised and matched afresh
        _plain_word.cache_clear()
    detect.cache_clear()
    start = time.process_time()
    for turns in batch:
        detect.cache_clear()  # measure detection, not the cache of whole messages
        grade(turns)
    return time.process_time() - start


def _unseen(turn: Turn, rng: random.Random) -> Turn:
    """The same message with a made-up word in it, so no cache has seen it."""
    word = "".join(rng.choices(string.ascii_lowercase, k=7))
    return Turn(turn.role, f"{turn.text} {word}") if turn.role == "trainee" else turn


if __name__ == "__main__":
    raise SystemExit(main())
