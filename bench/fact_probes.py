"""Fact probes: does each fair paraphrase of a resolution fact show that fact's intent?

    python bench/fact_probes.py [FILE]    (default tests/roleplay_heldout/probes/facts.yaml)

The file maps scenario id -> fact -> sentences a competent deputy might say for it. Prints each
sentence whose fact is not detected, and the count; exit status 1 when any is missed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.grading.detectors import detect  # noqa: E402
from bot.scenarios.library import load_library  # noqa: E402
from bot.scenarios.yaml_lines import load_yaml  # noqa: E402


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else ROOT / "tests" / "roleplay_heldout" / "probes" / "facts.yaml"
    data, _ = load_yaml(path)
    library = load_library([ROOT / "scenarios"])
    missed = total = 0
    for scenario_id, facts in data["probes"].items():
        intents = library.scenarios[scenario_id].contact.intents
        for fact, sentences in facts.items():
            for sentence in sentences:
                total += 1
                shown = set(detect(str(sentence), intents).names)
                if fact not in shown:
                    missed += 1
                    print(f"missed {scenario_id}.{fact}: {sentence!r} -> {sorted(shown)}")
    print(f"fact probes: {total - missed}/{total} detected")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
