from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from bot.scenarios.library import Library, load_library

ROOT = Path(__file__).resolve().parent.parent
SCENARIO_DIR = ROOT / "scenarios"

MINIMAL_SCENARIO = """\
id: lost-wallet
title: A lost wallet
channel: lobby
difficulty: routine
brief: Someone lost a wallet.
persona:
  name: Sam
  mood: uneasy
intents:
  found_property:
    phrases: [found property]
resolution:
  facts: [found_property]
start: asks
states:
  asks:
    lines: ["I lost my wallet."]
    rules:
      - when: found_property
        to: done
      - when: dismissive
        to: gone
  done:
    end: true
    outcome: resolved
    lines: ["Thanks!"]
  gone:
    end: true
    outcome: unresolved
    lines: ["Forget it."]
"""


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library([SCENARIO_DIR])


@pytest.fixture
def scenario_file(tmp_path: Path) -> Callable[[str], Path]:
    """Write scenario YAML text into a fresh directory and return its path."""

    def write(text: str, name: str = "scenario.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def minimal(**changes: object) -> str:
    """The minimal valid scenario with top-level keys replaced (None removes a key)."""
    data = yaml.safe_load(MINIMAL_SCENARIO)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return yaml.safe_dump(data, sort_keys=False)
