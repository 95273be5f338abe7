"""How a scenario's facts read trainee lines: each fact's status, with the clause reading behind it.

    python bench/fact_check.py SCENARIO_ID "first trainee message" ["visitor line" "next trainee message" ...]

Arguments after the scenario alternate trainee, visitor, trainee... (the trainee speaks first).
Prints each fact's status, evidence and why, the wrong information, automatic fails and
how every clause of each trainee message was read. For scenario authors writing fact rules.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.grading import grade  # noqa: E402
from bot.grading.clauses import read  # noqa: E402
from bot.scenarios.library import default_scenario_dir, load_library  # noqa: E402
from bot.transcript import Turn  # noqa: E402


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    library = load_library([default_scenario_dir()])
    scenario = library.scenarios.get(sys.argv[1])
    if scenario is None:
        print(f"unknown scenario {sys.argv[1]!r}")
        return 2
    turns = [Turn("trainee" if i % 2 == 0 else "visitor", t) for i, t in enumerate(sys.argv[2:])]
    result = grade(turns, contact=scenario.contact).to_json()
    for name, fact in result["addressed"]["facts"].items():
        print(f"{name}: {json.dumps(fact)}")
    print("wrong_information:", json.dumps(result["wrong_information"]))
    print("auto_fail:", json.dumps(result["auto_fail"]))
    for i, t in enumerate(turns, start=1):
        if t.role == "trainee":
            for c in read(t.text):
                print(f"  turn {i}: {c.norm!r}: {', '.join(c.why())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
