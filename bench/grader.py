"""Grader benchmark: accuracy on the labelled dev set, and throughput on one core.

    python bench/grader.py [DEV_JSONL]

Reads ../shared/grading/dev.jsonl by default (the SPEC's labelled transcripts) and
prints per-criterion precision, recall and F1, the macro F1, and how many trainee
messages a second the grader handles: "warm" repeats the dev messages (the word
cache helps), "cold" makes every message unseen and clears the cache first.
"""

from __future__ import annotations

import json
import random
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.grading import CRITERIA, detect, grade  # noqa: E402
from bot.grading.text import _plain_word  # noqa: E402
from bot.transcript import Turn, turns_from_json  # noqa: E402

DEFAULT_DEV = ROOT.parent / "shared" / "grading" / "dev.jsonl"
TARGET_MESSAGES_PER_SECOND = 5_000


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DEV
    if not path.exists():
        print(f"dev set not found at {path}: pass its path (see ../shared/grading/dev.jsonl)")
        return 1
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    transcripts = [turns_from_json(r["turns"]) for r in rows]
    print(f"dev set: {path} ({len(rows)} transcripts)\n")
    accuracy(rows, transcripts)
    print()
    throughput(transcripts)
    return 0


def accuracy(rows: list[dict], transcripts: list[list[Turn]]) -> None:
    counts = {c: [0, 0, 0] for c in CRITERIA}  # true positives, false positives, false negatives
    for row, turns in zip(rows, transcripts, strict=True):
        result = grade(turns)
        for c in CRITERIA:
            predicted, expected = result.criteria[c].met, bool(row["labels"][c])
            counts[c][0] += predicted and expected
            counts[c][1] += predicted and not expected
            counts[c][2] += expected and not predicted
    print(f"{'criterion':20} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn")
    f1s = []
    for c, (tp, fp, fn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        print(f"{c:20} {precision:9.3f} {recall:7.3f} {f1:6.3f} {tp:4} {fp:3} {fn:3}")
    macro = sum(f1s) / len(f1s)
    verdict = "meets" if macro >= 0.95 and min(f1s) >= 0.90 else "MISSES"
    print(f"{'macro F1':20} {'':9} {'':7} {macro:6.3f}   ({verdict} the target: macro >= 0.95, each >= 0.90)")


def throughput(transcripts: list[list[Turn]]) -> None:
    warm = transcripts * 60
    rng = random.Random(7)
    cold = [[_unseen(t, rng) for t in turns] for turns in transcripts * 60]
    for label, batch in (("warm", warm), ("cold", cold)):
        _plain_word.cache_clear()
        detect.cache_clear()
        messages = sum(t.role == "trainee" for turns in batch for t in turns)
        start = time.perf_counter()
        for turns in batch:
            detect.cache_clear()  # measure detection, not the cache of whole messages
            grade(turns)
        rate = messages / (time.perf_counter() - start)
        status = "meets" if rate >= TARGET_MESSAGES_PER_SECOND else "MISSES"
        print(
            f"throughput ({label}): {rate:,.0f} trainee messages/s over {messages:,} messages "
            f"({status} the target of {TARGET_MESSAGES_PER_SECOND:,}/s on one core)"
        )


def _unseen(turn: Turn, rng: random.Random) -> Turn:
    """The same message with a made-up word in it, so no cache has seen it."""
    word = "".join(rng.choices(string.ascii_lowercase, k=7))
    return Turn(turn.role, f"{turn.text} {word}") if turn.role == "trainee" else turn


if __name__ == "__main__":
    raise SystemExit(main())
