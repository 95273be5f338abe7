"""The layers hold: the core imports no edge (nor Telegram), every SQL statement is in bot/storage,
no package uses another's private names, the rules hold no screens, and the two edges stay apart."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
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
    edges = {"cli", "terminal", "web", "lrs", "__init__"}
    for path in CORE:
        top = path.relative_to(BOT).parts[0].removesuffix(".py")
        assert top in LAYERS or top in edges, f"{path.relative_to(BOT)} is in no layer: add it to LAYERS"


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(BOT)))
def test_the_core_never_imports_the_web_edge(path: Path) -> None:
    """The dashboard (bot.web) is an edge like bot.tg: no layer depends on it. It never imports Telegram either."""
    if path.relative_to(BOT).parts[0].removesuffix(".py") in ("web", "cli"):
        return
    assert not {m for m in imported_modules(path) if m == "bot.web" or m.startswith("bot.web.")}


# --- issue 18: rules apart from screens ---------------------------------------------------------

EDGES = ("tg", "web", "cli", "terminal", "lrs")
"""The packages and modules that talk to people (and to a Learning Record Store); everything else in bot/ is
the core."""


def package_of(path: Path) -> str:
    """ "tg" for bot/tg/staff.py, "cli" for bot/cli/serve.py."""
    return path.relative_to(BOT).parts[0].removesuffix(".py")


def modules_in(*packages: str) -> list[Path]:
    return sorted(p for p in BOT.rglob("*.py") if package_of(p) in packages and "static" not in p.parts)


def name(path: Path) -> str:
    return str(path.relative_to(BOT))


CORE_PATHS = sorted(p for p in BOT.rglob("*.py") if package_of(p) not in EDGES)


@pytest.mark.parametrize("path", CORE_PATHS, ids=name)
def test_the_core_imports_no_edge(path: Path) -> None:
    """Arrows point down: grading, scenarios, storage, practice and training never import an edge."""
    edges = {m for m in imported_modules(path) if m.split(".")[:2] in (["bot", e] for e in EDGES)}
    assert not edges, f"{name(path)} imports the edge {edges}"


SQL = re.compile(
    r"\b(create\s+(unique\s+)?(table|index)|drop\s+(table|index)|alter\s+table|pragma\s+\w+\s*[(=;]?$)"
    r"|\b(insert\s+(or\s+\w+\s+)?into|delete\s+from|update\s+\w+\s+set)\s"
    r"|\bselect\s[\w.*, ()]+\sfrom\s+\w+(\s+\w+)?\s*(where|join|order|group|limit|$)"
    r"|\bjoin\s+\w+\s+\w+\s+on\s"
    r"|\b(order|group)\s+by\s+\w+(\.\w+)?(\s*,|\s+(asc|desc)\b|\s*$)"
)
"""SQL as this code base writes it (lower case): a statement, or a clause of one."""
RUNS_SQL = {"execute", "executemany", "executescript", "query"}


def sql_in(path: Path) -> list[str]:
    """Every SQL statement's text, and every call that runs one, in a module: "line 12: 'select ...'"."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
            found.append(f"line {node.lineno}: {node.value[:60]!r}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RUNS_SQL:
            found.append(f"line {node.lineno}: .{node.func.attr}(...)")
    return sorted(found, key=lambda f: int(f.split(":")[0].removeprefix("line ")))


@pytest.mark.parametrize("path", [p for p in BOT.rglob("*.py") if package_of(p) not in ("storage", "web")], ids=name)
def test_no_sql_outside_storage(path: Path) -> None:
    """Every SQL statement lives in bot/storage: a bug in a query is looked for in one place."""
    assert not sql_in(path), f"{name(path)} holds SQL: {sql_in(path)}"


def test_the_dashboard_holds_no_sql() -> None:
    found = {name(p): sql_in(p) for p in modules_in("web") if sql_in(p)}
    assert not found, found


def test_the_sql_detector_sees_sql_and_not_prose(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'A = "select id from units where code = ?"\nB = "Select a call from the list."\n'
        'C = f"from {TABLE} m join users u on u.id = m.user_id "\nD = "Pick one, then tap it to update its set."\n'
        "E = db.query(sql)\n"
    )
    assert [line.split(":")[0] for line in sql_in(sample)] == ["line 1", "line 3", "line 5"]


def private_names_by_package() -> dict[str, set[str]]:
    """Each package's own private names (_name): functions, classes, module and object attributes."""
    defined: dict[str, set[str]] = {}
    for path in BOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names = [node.name]
            elif isinstance(node, ast.Name | ast.Attribute) and isinstance(node.ctx, ast.Store):
                names = [node.id if isinstance(node, ast.Name) else node.attr]
            else:
                continue
            defined.setdefault(package_of(path), set()).update(n for n in names if _private(n))
    return defined


def _private(identifier: str) -> bool:
    return identifier.startswith("_") and not identifier.startswith("__")


def foreign_private_uses(path: Path, defined: dict[str, set[str]]) -> list[str]:
    """Private names of another bot package that the module imports or reads (`staff._title`)."""
    own = defined.get(package_of(path), set())
    elsewhere = set().union(*(names for package, names in defined.items() if package != package_of(path)))
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bot."):
            if node.module.split(".")[1] != package_of(path):
                found += [f"line {node.lineno}: import {a.name}" for a in node.names if _private(a.name)]
        elif isinstance(node, ast.Attribute) and _private(node.attr) and node.attr in elsewhere - own:
            found.append(f"line {node.lineno}: .{node.attr}")
    return found


@pytest.mark.parametrize("path", [p for p in BOT.rglob("*.py") if package_of(p) != "web"], ids=name)
def test_no_private_names_across_packages(path: Path) -> None:
    """A package uses another's public names only, so a private one can change without a search."""
    uses = foreign_private_uses(path, private_names_by_package())
    assert not uses, f"{name(path)} uses private names of another package: {uses}"


def test_the_dashboard_uses_no_private_names_of_the_rules() -> None:
    defined = private_names_by_package()
    found = {name(p): foreign_private_uses(p, defined) for p in modules_in("web")}
    assert not any(found.values()), {k: v for k, v in found.items() if v}


def edge_imports(source: str, target: str) -> dict[str, set[str]]:
    found = {name(p): {m for m in imported_modules(p) if m.startswith(f"bot.{target}")} for p in modules_in(source)}
    return {k: v for k, v in found.items() if v}


def test_the_dashboard_never_imports_telegram_screens() -> None:
    assert not edge_imports("web", "tg")


def test_the_telegram_edge_never_imports_the_dashboard() -> None:
    """The two edges are composed by the command line (bot/cli/serve.py), never by each other."""
    assert not edge_imports("tg", "web")


CALLBACK_DATA = re.compile(r"^(r|as|rp|ex|pr|dm|er|dg|me|un|practice):")


@pytest.mark.parametrize("path", modules_in("training"), ids=name)
def test_the_rules_hold_no_screens(path: Path) -> None:
    """Screens belong to their edge: no callback data, no pagination, no Telegram types in bot/training."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    data = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert not [d for d in data if CALLBACK_DATA.match(d)], f"{name(path)} makes callback data"
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | {
        n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)
    }
    assert not names & {"paginate", "nav", "keyboard", "InlineKeyboardButton"}, name(path)


@pytest.mark.parametrize("path", modules_in("training", "tg"), ids=name)
def test_shared_values_come_from_the_bottom(path: Path) -> None:
    """`User`, the criteria and their labels are imported from bot.transcript, beside `Turn`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module != "bot.transcript":
            shared = {a.name for a in node.names} & {"User", "CRITERIA", "LABELS"}
            assert not shared, f"{name(path)} imports {shared} from {node.module}, not bot.transcript"


def test_the_shared_values_are_the_ones_the_grader_and_the_scorecard_use() -> None:
    """The grader, the scorecard and the coach use the very values of bot.transcript."""
    from dataclasses import fields

    from bot import transcript
    from bot.grading import CRITERIA
    from bot.practice.coach import User
    from bot.practice.scorecard import LABELS

    assert transcript.CRITERIA == CRITERIA
    assert transcript.LABELS == LABELS
    assert [(f.name, f.type) for f in fields(transcript.User)] == [(f.name, f.type) for f in fields(User)]


def test_the_delivery_process_loads_no_handler_visitor_or_grader() -> None:
    """It only sends (bot.tg.delivery): what it imports stays small, so the two processes fit the memory target."""
    probe = (
        "import sys, bot.tg.delivery, bot.tg.menus; "
        "print(' '.join(m for m in sys.modules if m.startswith(('bot.grading', 'bot.practice', 'bot.training', "
        "'bot.scenarios', 'bot.tg.trainee', 'bot.tg.staff', 'bot.tg.app'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []
