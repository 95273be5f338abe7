"""Empathy precision on EPITOME's emotional reactions (Sharma et al., EMNLP 2020).

    python bench/epitome.py [CSV] [--misses N]

EPITOME labels Reddit replies to posts seeking support for "emotional reactions":
level 2 (strong: "I'm so sorry you feel like this"), 1 (weak: "Hugs") or 0 (none).
Here level 2 counts as empathy and level 0 as none; level 1 is skipped. Each reply is
graded as the trainee's second message of a transcript: the trainee opens courteously,
the visitor's first turn is the seeker's post, then the trainee replies. The empathy
verdict is compared with the label; precision, recall and F1 are printed with counts.
`--misses N` also prints up to N false positives and N false negatives, with the
trainee sentence the grader credited.

The data is not in the repository (the Althoff licence); get it once with:

    git clone --depth 1 https://github.com/behavioral-data/Empathy-Mental-Health /tmp/epitome
    mkdir -p build/epitome
    cp /tmp/epitome/dataset/emotional-reactions-reddit.csv build/epitome/

The replies are Reddit peer support, not a police front desk: this measures whether
empathy is credited to sympathy and not to feeling words in other frames ("Why is that
sad?", "I have worried about that a lot"), not how often desk staff say it.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.grading import grade  # noqa: E402
from bot.transcript import MAX_MESSAGE_CHARS, Turn  # noqa: E402

DEFAULT_CSV = ROOT / "build" / "epitome" / "emotional-reactions-reddit.csv"
OPENER = "Good afternoon, Harbor Station, Deputy Lee speaking."
TARGET_PRECISION = 0.70
HOW_TO_GET = """\
EPITOME's emotional reactions data not found at {path}.
Get it (it is not committed: see its licence) with:

    git clone --depth 1 https://github.com/behavioral-data/Empathy-Mental-Health /tmp/epitome
    mkdir -p {folder}
    cp /tmp/epitome/dataset/emotional-reactions-reddit.csv {folder}/

or pass the CSV's path: python bench/epitome.py PATH/emotional-reactions-reddit.csv"""


def main(argv: list[str]) -> int:
    args = list(argv)
    misses = 0
    if "--misses" in args:
        at = args.index("--misses")
        misses = int(args[at + 1])
        del args[at : at + 2]
    path = Path(args[0]) if args else DEFAULT_CSV
    if not path.exists():
        print(HOW_TO_GET.format(path=path, folder=path.parent))
        return 1
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["level"].strip() in ("0", "2")]
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    false_pos: list[tuple[str, str]] = []
    false_neg: list[str] = []
    errors: list[str] = []
    for row in rows:
        expected = row["level"].strip() == "2"
        try:
            verdict = grade(transcript(row["seeker_post"], row["response_post"])).criteria["empathy"]
        except Exception as error:  # a grader bug must not hide the other figures: counted and shown
            errors.append(f"{type(error).__name__}: {error} on {_short(row['response_post'], 80)!r}")
            continue
        predicted = bool(verdict.met)
        key = ("t" if predicted == expected else "f") + ("p" if predicted else "n")
        counts[key] += 1
        if key == "fp":
            false_pos.append((verdict.evidence or "", row["response_post"]))
        elif key == "fn":
            false_neg.append(row["response_post"])
    tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"EPITOME emotional reactions: {path} ({len(rows)} replies: level 2 = empathy, level 0 = none)\n")
    print(f"{'criterion':10} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn   tn")
    print(f"{'empathy':10} {precision:9.3f} {recall:7.3f} {f1:6.3f} {tp:4} {fp:3} {fn:3} {tn:4}")
    status = "meets" if precision >= TARGET_PRECISION else "MISSES"
    print(f"\nprecision {precision:.3f} ({status} the target of {TARGET_PRECISION:.2f})")
    if errors:
        print(f"\n{len(errors)} replies could not be graded (left out of the counts); the first: {errors[0]}")
    if misses:
        print(f"\nfalse positives (credited sentence | reply), up to {misses}:")
        for evidence, reply in false_pos[:misses]:
            print(f"  {evidence!r}  |  {_short(reply)}")
        print(f"\nfalse negatives, up to {misses}:")
        for reply in false_neg[:misses]:
            print(f"  {_short(reply)}")
    return 0


def transcript(seeker_post: str, response_post: str) -> list[Turn]:
    """A courteous opener, the seeker's post as the visitor's turn, the reply as the trainee's second message."""
    return [
        Turn("trainee", OPENER),
        Turn("visitor", seeker_post.strip()[:MAX_MESSAGE_CHARS]),
        Turn("trainee", response_post.strip()[:MAX_MESSAGE_CHARS]),
    ]


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
