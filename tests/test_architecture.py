"""The core never depends on Telegram, so it can run (and be tested) without it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"
CORE = sorted(p for p in BOT.rglob("*.py") if "tg" not in p.relative_to(BOT).parts)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(BOT)))
def test_core_modules_never_import_telegram(path: Path) -> None:
    assert not {m for m in imported_modules(path) if m.split(".")[0] == "telegram"}


def test_yaml_is_only_ever_loaded_safely() -> None:
    for path in BOT.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "yaml.load(" not in text and "yaml.unsafe_load" not in text, path
