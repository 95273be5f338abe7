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


LAYERS = {
    "transcript": 0,
    "values": 1,
    "clock": 0,
    "config": 0,
    "grading": 1,
    "scenarios": 2,
    "storage": 3,
    "practice": 4,
    "training": 5,
}
"""Each layer may import its own and lower layers only. The edges (tg, web, terminal, cli) may import anything."""


def layer_of(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if parts[0] == "bot" and len(parts) > 1 else None


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(BOT)))
def test_no_import_runs_back_up_the_layers(path: Path) -> None:
    """The store and the scenarios never import the practice layer; practice never imports training."""
    own = layer_of("bot." + ".".join(path.relative_to(BOT).with_suffix("").parts))
    if own is None:  # an edge, or the package's own __init__
        return
    upward = {m for m in imported_modules(path) if (layer_of(m) or 0) > own}
    assert not upward, f"{path.relative_to(BOT)} imports {upward} from a higher layer"


def test_every_core_module_belongs_to_a_layer() -> None:
    edges = {"cli", "terminal", "web", "__init__"}
    for path in CORE:
        top = path.relative_to(BOT).parts[0].removesuffix(".py")
        assert top in LAYERS or top in edges, f"{path.relative_to(BOT)} is in no layer: add it to LAYERS"


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(BOT)))
def test_the_core_never_imports_the_web_edge(path: Path) -> None:
    """The dashboard (bot.web) is an edge like bot.tg: no layer depends on it. It never imports Telegram either."""
    if path.relative_to(BOT).parts[0] in ("web", "cli.py"):
        return
    assert not {m for m in imported_modules(path) if m == "bot.web" or m.startswith("bot.web.")}
