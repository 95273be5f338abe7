"""Scenario files: the data that drives a practice call, parsed into frozen values.

A scenario is one YAML file (format reference: docs/scenarios.md). Loading never
raises for a bad file: every problem is collected as a `Problem` naming the file,
line and state, so `deskdrill scenarios check` can list them all at once.

This module reads a whole file: its top-level keys, pools, intents, states and automatic fails. The values
it builds are in bot/scenarios/model.py, the keys a file may hold in schema.py, the checked reads every part
shares in reading.py, the persona's answers in persona.py and the desk reference in desk.py; their public
names are imported here too, so `from bot.scenarios.format import Scenario, MOODS` keeps working.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from bot.grading import BUILTIN_SIGNALS, CRITERIA, AutoFail
from bot.grading.text import normalise, split_sentences
from bot.scenarios.desk import DESK_LABELS, desk_reference
from bot.scenarios.fact_rules import FactRuleParser, agency_context, says_it
from bot.scenarios.graph import check_graph
from bot.scenarios.intents import MeaningIntent, digits_of, parse_slot
from bot.scenarios.model import Detail, Line, Problem, Rule, Scenario, State
from bot.scenarios.persona import DETAIL_ASKED, REQUIRED_DETAILS, persona_fields
from bot.scenarios.reading import Reader, asks_then_goes_on, kind_of
from bot.scenarios.schema import (
    CHANNELS,
    DIFFICULTIES,
    FACT_REACTIONS,
    INTENT_KEYS,
    MOODS,
    OUTCOMES,
    PERSONA_KEYS,
    PLACEHOLDER,
    REGISTERS,
    REQUIRED_TOP_KEYS,
    RULE_KEYS,
    STATE_KEYS,
    TOP_KEYS,
    TOPICS,
)
from bot.scenarios.yaml_lines import YamlError, load_yaml

__all__ = [
    "CHANNELS",
    "DESK_LABELS",
    "DETAIL_ASKED",
    "DIFFICULTIES",
    "FACT_REACTIONS",
    "INTENT_KEYS",
    "MOODS",
    "OUTCOMES",
    "PERSONA_KEYS",
    "REGISTERS",
    "REQUIRED_DETAILS",
    "REQUIRED_TOP_KEYS",
    "RULE_KEYS",
    "STATE_KEYS",
    "TOPICS",
    "TOP_KEYS",
    "Detail",
    "Line",
    "Problem",
    "Rule",
    "Scenario",
    "State",
    "asks_then_goes_on",
    "load_agency",
    "parse_scenario",
]


def load_agency(directory: Path) -> tuple[dict[str, str], list[Problem]]:
    """The department's settings from agency.yaml in `directory` (none there: no settings)."""
    path = directory / "agency.yaml"
    if not path.exists():
        return {}, []
    try:
        data, _ = load_yaml(path)
    except YamlError as exc:
        return {}, [Problem(str(path), exc.line, None, str(exc))]
    if not isinstance(data, dict) or not all(isinstance(v, str | int | float) for v in data.values()):
        return {}, [Problem(str(path), 1, None, "must be a mapping of setting names to text or numbers")]
    return {str(k): str(v) for k, v in data.items()}, []


def parse_scenario(path: Path, agency: Mapping[str, str]) -> tuple[Scenario | None, list[Problem]]:
    """Parse one file into a Scenario, or None with the problems that stop it."""
    try:
        data, lines = load_yaml(path)
    except YamlError as exc:
        return None, [Problem(str(path), exc.line, None, str(exc))]
    parser = _Parser(str(path), lines, agency)
    scenario = parser.scenario(data)
    problems = parser.problems + (check_graph(scenario) if scenario else [])
    return (scenario if not problems else None), problems


class _Parser(Reader):
    """Turns the YAML data into values, collecting a Problem for each thing that is wrong."""

    def scenario(self, data: Any) -> Scenario | None:
        if not isinstance(data, dict):
            self.problem((), "a scenario file must be a mapping with id, title, states, ...")
            return None
        self.keys(data, (), TOP_KEYS, REQUIRED_TOP_KEYS)
        pools = self.pools(data.get("pools", {}))
        self.pool_values = dict(pools)
        text = {k: self.text(data, (k,), pools=False) for k in ("id", "title", "brief", "start")}
        channel = self.choice(data, ("channel",), CHANNELS)
        difficulty = self.choice(data, ("difficulty",), DIFFICULTIES)
        persona = self.mapping(data, ("persona",), PERSONA_KEYS, ("name", "mood"))
        intents, descriptions = self.intents(data.get("intents", {}))
        resolution = self.mapping(data, ("resolution",), {"description", "facts"}, ("facts",))
        raw_facts = resolution.get("facts")
        facts = self.names(list(raw_facts) if isinstance(raw_facts, dict) else raw_facts, ("resolution", "facts"), None)
        if "facts" in resolution and not facts:
            self.problem(("resolution", "facts"), "'facts' must name at least one signal or intent")
        self.resolution_names = set(facts)
        not_applicable = self.criterion_texts(data.get("not_applicable", {}), "not_applicable", "the reason")
        if len(not_applicable) == len(CRITERIA):
            self.problem(("not_applicable",), "at least one criterion must apply")
        examples = self.criterion_texts(data.get("examples", {}), "examples", "a line the trainee could say")
        always = self.rules(data.get("always", []), ("always",), None)
        auto_fail = self.auto_fails(data.get("auto_fail", []))
        states = self.states(data.get("states"))
        context = agency_context(self.agency)
        rules = FactRuleParser(self, {i.name: i for i in intents}, context).rules(raw_facts, facts)
        return Scenario(
            id=text["id"],
            title=text["title"],
            channel=channel,
            difficulty=difficulty,
            brief=text["brief"],
            intents=intents,
            intent_descriptions=descriptions,
            resolution_description=str(resolution.get("description", "")),
            resolution_facts=facts,
            start=text["start"],
            always=always,
            states=states,
            path=self.file,
            station=self.agency.get("station_name", "the station"),
            pools=pools,
            auto_fail=auto_fail,
            not_applicable=not_applicable,
            examples=examples,
            **persona_fields(self, persona),
            desk_reference=desk_reference(raw_facts, self.agency) + self.desk(data.get("desk")),
            warnings=tuple(self.warnings),
            fact_rules=rules,
            context=context,
        )

    def desk(self, raw: Any) -> tuple[tuple[str, str], ...]:
        """The scenario's own lines for the desk reference: the department's procedure a trainee must give
        (what to bring, a deadline) but could not guess, as `Label: text` under the agency's settings."""
        if raw is None:
            return ()
        if not isinstance(raw, dict) or not raw:
            self.problem(("desk",), "'desk' must map a short label to its text, e.g. 'Bring: ID and the form'")
            return ()
        entries = []
        for label, text in raw.items():
            if not isinstance(label, str) or not isinstance(text, str) or not text.strip():
                self.problem(("desk", str(label)), "each desk entry is a label and non-empty text")
                continue
            filled = self.fill(text.strip(), ("desk", label), None, pools=False)
            if len(f"\u2022 {label}: {filled}") > 90:
                self.warn(("desk", label), "longer than 90 characters: it wraps on a phone, shorten it")
            entries.append((label, filled))
        return tuple(entries)

    def pools(self, raw: Any) -> dict[str, tuple[str, ...]]:
        """Named lists of details; each attempt draws one value of each."""
        if not isinstance(raw, dict):
            self.problem(("pools",), f"'pools' must map names to lists of values, not {kind_of(raw)}")
            return {}
        pools = {}
        for name, values in raw.items():
            path = ("pools", name)
            if not isinstance(name, str) or not PLACEHOLDER.fullmatch("{" + name + "}") or name in self.agency:
                self.problem(path, f"pool name '{name}' must be lower_case and not an agency.yaml setting")
            elif not isinstance(values, list) or not values or not all(_pool_value(v) for v in values):
                self.problem(path, f"pool '{name}' needs a non-empty list of values (text, or mappings with 'name')")
            else:
                pools[name] = tuple(
                    MappingProxyType({str(k): self.fill(str(x), path, None, pools=False) for k, x in v.items()})
                    if isinstance(v, dict)
                    else self.fill(str(v), path, None, pools=False)
                    for v in values
                )
                self.pool_fields[name] = (
                    set.intersection(*(set(map(str, v)) for v in values))
                    if all(isinstance(v, dict) for v in values)
                    else set()
                )
                self.pool_names.add(name)
        return pools

    def criterion_texts(self, raw: Any, key: str, what: str) -> dict[str, str]:
        """A mapping of criterion names to text: `not_applicable` reasons, `examples` lines."""
        if not isinstance(raw, dict):
            self.problem((key,), f"'{key}' must map criteria ({', '.join(CRITERIA)}) to {what}, not {kind_of(raw)}")
            return {}
        texts = {}
        for criterion, text in raw.items():
            if criterion not in CRITERIA:
                expected = ", ".join(CRITERIA)
                self.problem((key, criterion), f"unknown criterion '{criterion}' (expected one of: {expected})")
            elif not isinstance(text, str) or not text.strip():
                self.problem((key, criterion), f"'{key}.{criterion}' must be non-empty text: {what}")
            else:
                texts[criterion] = " ".join(self.fill(text, (key, criterion), None, pools=False).split())
        return texts

    def auto_fails(self, raw: Any) -> tuple[AutoFail, ...]:
        if not isinstance(raw, list):
            self.problem(("auto_fail",), f"'auto_fail' must be a list of rules, not {kind_of(raw)}")
            return ()
        rules = []
        for i, item in enumerate(raw):
            path = ("auto_fail", i)
            if not isinstance(item, dict):
                self.problem(path, "an auto_fail rule is a mapping with id, reason, trigger and required")
                continue
            self.keys(item, path, {"id", "reason", "trigger", "required"}, ("id", "reason", "trigger", "required"))
            trigger = item.get("trigger")
            if (
                not isinstance(trigger, list)
                or not trigger
                or not all(isinstance(t, str) and t.strip() for t in trigger)
            ):
                self.problem(path + ("trigger",), "'trigger' must be a non-empty list of the visitor's phrases")
                continue
            required = self.names(item.get("required"), path + ("required",), None)
            rules.append(
                AutoFail(
                    str(item.get("id")),
                    str(item.get("reason")),
                    tuple(normalise(self.fill(t, path, None)) for t in trigger),
                    required,
                )
            )
        return tuple(rules)

    def intents(self, raw: Any) -> tuple[tuple[MeaningIntent, ...], dict[str, str]]:
        if not isinstance(raw, dict):
            self.problem(("intents",), f"'intents' must be a mapping of intent names, not {kind_of(raw)}")
            return (), {}
        matchers, descriptions = [], {}
        for name, spec in raw.items():
            path = ("intents", name)
            if name in BUILTIN_SIGNALS:
                self.problem(path, f"intent '{name}' has the name of a built-in signal")
            if not isinstance(spec, dict):
                self.problem(path, f"intent '{name}' must be a mapping with description and phrases or means")
                continue
            self.keys(spec, path, INTENT_KEYS, ())
            intent = self.intent(str(name), spec, path)
            if intent is None:
                continue
            matchers.append(intent)
            descriptions[str(name)] = str(spec.get("description", name))
            self.intent_names.add(str(name))
        return tuple(matchers), descriptions

    def intent(self, name: str, spec: dict, path: tuple) -> MeaningIntent | None:
        """One intent: literal `phrases`, `means` (slots in any order), `numbers`; `examples` checked."""
        lists = {}
        for key in ("phrases", "numbers", "examples"):
            value = spec.get(key, [])
            if not isinstance(value, list) or not all(isinstance(p, str | int) and str(p).strip() for p in value):
                self.problem(path + (key,), f"intent '{name}': '{key}' must be a list of non-empty texts")
                value = []
            lists[key] = [self.fill(str(p), path + (key,), None, pools=False) for p in value]
        means = []
        raw_means = spec.get("means", [])
        if not isinstance(raw_means, list):
            self.problem(path + ("means",), f"intent '{name}': 'means' must be a list of ways of saying it")
            raw_means = []
        for i, way in enumerate(raw_means):
            way = [way] if isinstance(way, str) else way
            if not isinstance(way, list) or not way or not all(isinstance(s, str) and s.strip() for s in way):
                self.problem(path + ("means", i), "a way of saying it is a list of slots: [take | file, complaint]")
                continue
            try:
                means.append(tuple(parse_slot(self.fill(s, path + ("means",), None), normalise) for s in way))
            except ValueError as exc:
                self.problem(path + ("means", i), str(exc))
        numbers = [digits_of(n) for n in lists["numbers"]]
        for n, digits in zip(lists["numbers"], numbers, strict=True):
            if len(digits) < 7:
                self.problem(path + ("numbers",), f"intent '{name}': '{n}' is not a phone number (7+ digits)")
        if not lists["phrases"] and not means and not numbers:
            self.problem(path, f"intent '{name}' needs phrases, means or numbers")
            return None
        intent = MeaningIntent(
            name, tuple(normalise(p) for p in lists["phrases"]), tuple(means), tuple(d for d in numbers if len(d) >= 7)
        )
        wrong = spec.get("wrong", [])
        if not isinstance(wrong, list) or not all(isinstance(w, str) and w.strip() for w in wrong):
            self.problem(path + ("wrong",), f"intent '{name}': 'wrong' must be a list of wrong answers (texts)")
            wrong = []
        for w in wrong:
            if says_it(intent, self.fill(w, path + ("wrong",), None)):
                self.problem(path + ("wrong",), f"intent '{name}' matches its wrong answer {w!r}")
        examples = lists["examples"]
        if examples:
            missed = [e for e in examples if not any(intent.matches(s.norm) for s in split_sentences(e))]
            if len(missed) == len(examples):
                self.warn(path, f"intent '{name}' is so narrow that none of its examples match it")
            else:
                for e in missed:
                    self.warn(path + ("examples",), f"intent '{name}' does not match its example {e!r}")
        return intent

    def states(self, raw: Any) -> dict[str, State]:
        if not isinstance(raw, dict) or not raw:
            self.problem(("states",), "'states' must be a non-empty mapping of state names")
            return {}
        return {str(name): s for name, spec in raw.items() if (s := self.state(str(name), spec))}

    def state(self, name: str, raw: Any) -> State | None:
        path = ("states", name)
        if not isinstance(raw, dict):
            self.problem(path, f"a state must be a mapping with lines and rules, not {kind_of(raw)}", name)
            return None
        self.keys(raw, path, STATE_KEYS, ("lines",), name)
        end = raw.get("end", False)
        if not isinstance(end, bool):
            self.problem(path + ("end",), f"'end' must be true or false, not {end!r}", name)
        outcome = raw.get("outcome")
        if outcome is not None and (not end or outcome not in OUTCOMES):
            self.problem(path + ("outcome",), f"'outcome' goes on end states and is one of {', '.join(OUTCOMES)}", name)
        return State(
            name=name,
            lines=self.lines_of(raw.get("lines"), path + ("lines",), name),
            rules=self.rules(raw.get("rules", []), path + ("rules",), name),
            idle=self.lines_of(raw.get("idle"), path + ("idle",), name, required=False),
            end=end is True,
            outcome=outcome if end is True else None,
            hint=self.text(raw, path + ("hint",), name) or None,
            line=self.lines.line(path),
            nudge=self.lines_of(raw.get("nudge"), path + ("nudge",), name, required=False),
            arrives=self.arrives(raw.get("arrives"), path + ("arrives",), name),
        )

    def arrives(self, raw: object, path: tuple, state: str) -> tuple[int, str] | None:
        """ `arrives: {after: 4, to: found}`: the help waited for comes after that many messages moving nothing."""
        if raw is None:
            return None
        after = raw.get("after") if isinstance(raw, dict) else None
        to = raw.get("to") if isinstance(raw, dict) else None
        if not isinstance(after, int) or isinstance(after, bool) or after < 1 or not isinstance(to, str):
            self.problem(path, "'arrives' is {after: a number of messages, to: a state}: {after: 4, to: found}", state)
            return None
        return after, to


def _pool_value(value: Any) -> bool:
    if isinstance(value, dict):
        return "name" in value and all(isinstance(x, str | int) for x in value.values())
    return isinstance(value, str | int)
