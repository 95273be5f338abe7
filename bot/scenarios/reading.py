"""Reading a scenario file's YAML into checked values, each problem named by its file, line and state.

`Reader` holds what every part of the parsing shares: the problem and warning lists, the agency's settings
and the file's pools for placeholders, and the checked reads (keys, text, a choice, lines, rules, signal
names). The parts that build a scenario from it (bot/scenarios/format.py, persona.py, fact_rules.py) add
only what their own keys mean; loading never raises for a bad file, so `deskdrill scenarios check` can list
every problem at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.grading import BUILTIN_SIGNALS
from bot.scenarios.model import Line, Problem, Rule
from bot.scenarios.schema import FACT_REACTIONS, MOODS, PLACEHOLDER, RULE_KEYS
from bot.scenarios.yaml_lines import LineMap


class Reader:
    """Reads checked values out of one file's YAML data, collecting a Problem for each thing that is wrong."""

    def __init__(self, file: str, lines: LineMap, agency: Mapping[str, str]) -> None:
        self.file, self.lines, self.agency = file, lines, agency
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.intent_names: set[str] = set()
        self.resolution_names: set[str] = set()
        """The resolution facts, whose reactions (`fact.refused`) rules may name."""
        self.pool_names: set[str] = set()
        self.pool_values: dict[str, tuple[Any, ...]] = {}
        self.pool_fields: dict[str, set[str]] = {}
        for path, line in lines.duplicates:
            self.problem(path, f"key '{path[-1]}' appears twice", line=line)

    def problem(self, path: tuple, message: str, state: str | None = None, line: int | None = None) -> None:
        self.problems.append(Problem(self.file, line or self.lines.line(path), state, message))

    def warn(self, path: tuple, message: str, state: str | None = None) -> None:
        """Something that works but is probably not what the author meant; never stops the file."""
        self.warnings.append(Problem(self.file, self.lines.line(path), state, f"warning: {message}"))

    def keys(
        self, data: dict, path: tuple, allowed: set[str], required: tuple[str, ...], state: str | None = None
    ) -> None:
        for key in data:
            if key is True and "rules" in allowed:
                self.problem(path + ("True",), "YAML reads the key 'on' as true: name the rules 'rules'", state)
            elif key not in allowed:
                self.problem(
                    path + (key,), f"unknown key '{key}' (expected one of: {', '.join(sorted(allowed))})", state
                )
        for key in required:
            if key not in data:
                self.problem(path, f"missing required key '{key}'", state)

    def text(self, data: dict, path: tuple, state: str | None = None, pools: bool = True) -> str:
        value = data.get(path[-1])
        if value is None:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problem(path, f"'{path[-1]}' must be non-empty text, not {kind_of(value)}", state)
            return ""
        return self.fill(value, path, state, pools)

    def fill(self, text: str, path: tuple, state: str | None, pools: bool = True) -> str:
        """Replace {placeholders} with the agency's settings; pool ones are kept for each attempt."""
        for name, part in PLACEHOLDER.findall(text):
            if name not in self.agency and not (pools and name in self.pool_names):
                where = "agency.yaml or this file's pools" if pools else "agency.yaml (pools vary per attempt)"
                self.problem(path, f"unknown placeholder '{{{name}}}' (not in {where})", state)
            elif part and name in self.pool_names and part not in self.pool_fields.get(name, ()):
                self.problem(
                    path, f"placeholder '{{{name}.{part}}}': not every value of pool '{name}' has '{part}'", state
                )
        return PLACEHOLDER.sub(
            lambda m: self.agency.get(m.group(1), m.group(0)) if not m.group(2) else m.group(0), text
        )

    def choice(self, data: dict, path: tuple, options: tuple[str, ...]) -> str:
        value = data.get(path[-1])
        if path[-1] in data and value not in options:
            self.problem(path, f"'{path[-1]}' must be one of {', '.join(options)}, not {value!r}")
        return str(value)

    def mapping(self, data: dict, path: tuple, allowed: set[str], required: tuple[str, ...]) -> dict:
        value = data.get(path[-1], {})
        if not isinstance(value, dict):
            self.problem(path, f"'{path[-1]}' must be a mapping, not {kind_of(value)}")
            return {}
        if path[-1] in data:
            self.keys(value, path, allowed, required)
        if "mood" in value and value["mood"] not in MOODS:
            self.problem(path + ("mood",), f"mood must be one of {', '.join(MOODS)}, not {value['mood']!r}")
        return value

    def names(self, raw: Any, path: tuple, state: str | None) -> tuple[str, ...]:
        """A signal name or list of them; each must be built in or an intent of this file."""
        items = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else None
        if raw is None:
            return ()
        if items is None or not all(isinstance(i, str) for i in items):
            self.problem(path, f"'{path[-1]}' must be a signal name or a list of them, not {kind_of(raw)}", state)
            return ()
        for name in items:
            fact, _, reaction = name.partition(".")
            if reaction:
                if reaction not in FACT_REACTIONS:
                    self.problem(
                        path, f"unknown reaction '{name}' (a fact's {', '.join(FACT_REACTIONS)}: 'fact.refused')", state
                    )
                elif fact not in self.resolution_names:
                    self.problem(path, f"'{name}': '{fact}' is not one of this scenario's resolution facts", state)
            elif name not in BUILTIN_SIGNALS and name not in self.intent_names:
                self.problem(path, f"unknown signal '{name}' (not built in, not an intent of this scenario)", state)
        return tuple(items)

    def lines_of(self, raw: Any, path: tuple, state: str | None, required: bool = True) -> tuple[Line, ...]:
        if raw is None and not required:
            return ()
        if not isinstance(raw, list) or not raw:
            self.problem(path, f"'{path[-1]}' must be a non-empty list of lines", state)
            return ()
        result = []
        for i, item in enumerate(raw):
            line = self.line_of(item, path + (i,), state)
            if line is not None:
                result.append(line)
        return tuple(result)

    def line_of(self, item: Any, path: tuple, state: str | None) -> Line | None:
        moods: Any = []
        told: tuple[str, ...] = ()
        if isinstance(item, dict):
            self.keys(item, path, {"text", "mood", "told"}, ("text",), state)
            told = tuple(w.strip().lower() for w in str(item.get("told") or "").split("|") if w.strip())
            item, moods = item.get("text"), item.get("mood", [])
            moods = [moods] if isinstance(moods, str) else moods
        if not isinstance(item, str) or not item.strip():
            self.problem(path, "empty line: a visitor line must be non-empty text", state)
            return None
        bad = [m for m in moods if m not in MOODS] if isinstance(moods, list) else [moods]
        if bad:
            self.problem(path, f"unknown mood {bad[0]!r} (expected one of {', '.join(MOODS)})", state)
        if asks_then_goes_on(item):
            self.problem(path, "a visitor's question ends its line and waits for the answer: " + repr(item), state)
        return Line(self.fill(item.strip(), path, state), frozenset(MOODS.index(m) for m in moods if m in MOODS), told)

    def rules(self, raw: Any, path: tuple, state: str | None) -> tuple[Rule, ...]:
        if not isinstance(raw, list):
            self.problem(path, f"'{path[-1]}' must be a list of rules, not {kind_of(raw)}", state)
            return ()
        return tuple(r for i, item in enumerate(raw) if (r := self.rule(item, path + (i,), state)))

    def rule(self, raw: Any, path: tuple, state: str | None) -> Rule | None:
        if not isinstance(raw, dict):
            self.problem(path, f"a rule must be a mapping (when/to/say ...), not {kind_of(raw)}", state)
            return None
        self.keys(raw, path, RULE_KEYS, (), state)
        to = raw.get("to")
        if to is not None and not isinstance(to, str):
            self.problem(path + ("to",), f"'to' must be a state name, not {kind_of(to)}", state)
        if to is None and "say" not in raw:
            self.problem(path, "a rule needs 'to' (a state), 'say' (lines), or both", state)
        moods = {k: self.mood_bound(raw, path + (k,), state) for k in ("mood_at_least", "mood_at_most")}
        return Rule(
            when=self.names(raw.get("when"), path + ("when",), state),
            unless=self.names(raw.get("unless"), path + ("unless",), state),
            given=self.names(raw.get("given"), path + ("given",), state),
            not_given=self.names(raw.get("not_given"), path + ("not_given",), state),
            to=to if isinstance(to, str) else None,
            say=self.lines_of(raw.get("say"), path + ("say",), state, required=False),
            line=self.lines.line(path),
            **moods,
        )

    def mood_bound(self, raw: dict, path: tuple, state: str | None) -> int | None:
        value = raw.get(path[-1])
        if value is None:
            return None
        if value not in MOODS:
            self.problem(path, f"'{path[-1]}' must be one of {', '.join(MOODS)}, not {value!r}", state)
            return None
        return MOODS.index(value)

    def sample(self, text: str) -> str:
        """The text with each pool placeholder filled by the pool's first value (to check what a line says)."""

        def first(m: re.Match[str]) -> str:
            values = self.pool_values.get(m.group(1))
            if not values:
                return m.group(0)
            value = values[0]
            return str(value.get(m.group(2) or "name", "")) if isinstance(value, Mapping) else str(value)

        return PLACEHOLDER.sub(first, text)


STAGE = re.compile(r"^\s*(\([^)]*\)\s*)+")
"""Stage directions that open a line: "(sighs) (quietly) Okay."."""


def asks_then_goes_on(line: str) -> bool:
    """ "Should I take photos first? ... Okay, good.": the visitor answering its own question."""
    spoken = STAGE.sub("", line)
    at = spoken.find("?")
    return at >= 0 and bool(re.search(r"[A-Za-z0-9]", re.sub(r"\([^)]*\)", "", spoken[at + 1 :])))


def kind_of(value: Any) -> str:
    """What a YAML value is, in the words of a problem message ("a list", "true/false", "nothing")."""
    if value is None:
        return "nothing"
    return {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "a mapping"}.get(
        type(value), type(value).__name__
    )
