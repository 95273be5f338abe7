"""Scenario files: the data that drives a practice call, parsed into frozen values.

A scenario is one YAML file (format reference: docs/scenarios.md). Loading never
raises for a bad file: every problem is collected as a `Problem` naming the file,
line and state, so `deskdrill scenarios check` can list them all at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from bot.grading import BUILTIN_SIGNALS, CRITERIA, AutoFail, Contact
from bot.grading.facts import Context, FactRule
from bot.grading.text import normalise, split_sentences
from bot.scenarios.fact_rules import FactRuleParser, agency_context, says_it
from bot.scenarios.graph import check_graph
from bot.scenarios.intents import MeaningIntent, digits_of, parse_slot
from bot.scenarios.yaml_lines import LineMap, YamlError, load_yaml

MOODS: tuple[str, ...] = ("calm", "uneasy", "upset", "angry", "furious")
CHANNELS = ("phone", "lobby")
DIFFICULTIES = ("routine", "moderate", "hard")
OUTCOMES = ("resolved", "unresolved")
TOP_KEYS = {
    "pools",
    "auto_fail",
    "id",
    "title",
    "channel",
    "difficulty",
    "brief",
    "persona",
    "intents",
    "resolution",
    "start",
    "always",
    "states",
    "not_applicable",
    "examples",
}
REQUIRED_TOP_KEYS = ("id", "title", "channel", "difficulty", "brief", "persona", "resolution", "start", "states")
STATE_KEYS = {"lines", "rules", "idle", "end", "outcome", "hint", "nudge"}
INTENT_KEYS = {"description", "phrases", "means", "numbers", "examples", "wrong"}
FACT_REACTIONS = ("wrong", "refused", "partly")
"""How a message spoke to a resolution fact it did not give; rules name them as `fact.refused` (the engine's
bot/practice/hearing.py reads them)."""
RULE_KEYS = {"when", "unless", "given", "not_given", "mood_at_least", "mood_at_most", "to", "say"}
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?:\.([a-z_][a-z0-9_]*))?\}")
PERSONA_KEYS = {"name", "mood", "facts", "unknown", "details", "register"}
REGISTERS = ("everyday", "distressed", "limited", "child")
"""How the persona speaks its stock lines ("Okay. I understand." from a frightened caller, not "Yeah, I follow.")."""
DETAIL_ASKED: dict[str, str] = {
    "phone": r"call ?back|reach you|name (and |\+ |n |& )?(phone|number|cell)|(phone|cell) \?|a phone number|"
    r"your (cell|phone|mobile|number|#)|phone (number|#)|cell (number|#)|"
    r"(best|good|safe|contact|callback|cell|home) (number|#)|number for you|the cell|ur (cell|number|phone|#)|"
    r"number (i|we|they|the deputy) can|read me (the|your) (cell|number)|what number (are you|is this)|"
    r"number (are you|you're) calling from|phone #|number where",
    "address": r"address|house number|street number|what number on|which number on|apartment|"
    r"where do you live|where (does|do) (she|he|they) live|where are you (right now|now|staying|calling from)|"
    r"where you are|number on \w+ (street|st|avenue|ave|lane|drive|road|court|way)|what house|which house",
    "birth": r"date of birth|dob|birthday|birth date|born",
}
"""The words of a question that ask for each built-in persona detail (over normalised text)."""
REQUIRED_DETAILS = ("phone", "address")
"""Every persona can give these: a deputy asks every caller and visitor for a number and an address."""
_DIGITS = re.compile(r"\d")
_PHONE = re.compile(r"\d{3}\D{0,2}\d{4}\b")
DESK_LABELS = {
    "jail_info_phone": "Inmate information line",
    "jail_name": "Jail",
    "watch_commander_phone": "Watch commander",
    "watch_commander_email": "Watch commander e-mail",
    "online_report_minutes": "Online report takes",
    "online_report_followup": "After the online report",
    "records_location": "Records",
    "records_hours": "Records hours",
    "report_copy_fee": "Report copy fee",
    "report_copy_time": "Ready in",
    "tow_yard_name": "Tow yard",
    "tow_yard_phone": "Tow yard phone",
    "tow_yard_address": "Tow yard address",
    "dispatch_phone": "Dispatch",
    "clearance_fee": "Clearance letter fee",
    "fingerprint_hours": "Fingerprints",
    "property_phone": "Property unit",
    "fraud_line": "Fraud line",
    "crisis_line": "Crisis line",
    "mental_health_team_phone": "Mental health team",
    "victim_advocate_phone": "Victim advocate",
    "dv_hotline": "DV hotline",
    "court_self_help_center": "Court self-help",
    "court_self_help_phone": "Self-help phone",
    "impound_release_hours": "Release hours",
    "impound_release_fee": "Release fee",
    "vin_inspection_hours": "VIN inspections",
    "vin_inspection_phone": "VIN booking",
    "ride_along_min_age": "Ride-along minimum age",
    "ride_along_processing": "Ride-along approval",
    "permit_office": "Permits",
    "permit_office_phone": "Permits phone",
    "solicitor_permit_fee": "Solicitor permit fee",
    "solicitor_permit_time": "Solicitor permit takes",
    "registration_unit_phone": "Registration unit",
    "registration_hours": "Registration",
    "parking_citation_phone": "Parking citations",
    "parking_contest_days": "Days to contest",
    "mediation_phone": "Community mediation",
    "adult_services_phone": "Adult services",
    "commendations_email": "Commendations e-mail",
    "collision_report_form": "Collision report",
    "dmv_collision_days": "DMV SR-1 deadline (days)",
    "desk_phone": "Front desk",
    "lobby_hours": "Lobby hours",
}
"""How the desk reference names each agency.yaml setting (others: the setting's name in words)."""
TOPICS = (
    "self_harm",
    "injured",
    "medical",
    "weapons",
    "description",
    "vehicle",
    "name",
    "callback",
    "number",
    "taken",
    "where",
    "when",
    "age",
    "who",
    "what",
)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    state: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: state '{self.state}': {self.message}" if self.state else f"{where}: {self.message}"


@dataclass(frozen=True)
class Line:
    """One thing the visitor may say; `moods` limits it to those moods (empty: any mood)."""

    text: str
    moods: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Detail:
    """A concrete detail the persona holds (its number in digits, a house number, a date of birth, the other
    driver's plate) and the words of a question that ask for it: a deputy cannot dispatch or take a report
    without them, so the visitor gives the one asked for rather than "my cell"."""

    name: str
    say: tuple[Line, ...]
    asked: re.Pattern[str]
    known: bool = True
    """False: the persona truly does not know it (a confused caller's own number); the line says so."""


@dataclass(frozen=True)
class Rule:
    """Move on when the trainee's message shows `when` (all), none of `unless`, and the mood fits."""

    when: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    given: tuple[str, ...] = ()
    not_given: tuple[str, ...] = ()
    """None of these may have shown in any message so far (an open question still open)."""
    mood_at_least: int | None = None
    mood_at_most: int | None = None
    to: str | None = None
    say: tuple[Line, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class State:
    name: str
    lines: tuple[Line, ...]
    rules: tuple[Rule, ...] = ()
    idle: tuple[Line, ...] = ()
    end: bool = False
    outcome: str | None = None
    hint: str | None = None
    line: int | None = None
    nudge: tuple[Line, ...] = ()
    """What the visitor says to a trainee going in circles here (default: a general nudge)."""


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    channel: str
    difficulty: str
    brief: str
    persona_name: str
    persona_mood: int
    intents: tuple[MeaningIntent, ...]
    intent_descriptions: Mapping[str, str]
    resolution_description: str
    resolution_facts: tuple[str, ...]
    start: str
    always: tuple[Rule, ...]
    states: Mapping[str, State]
    path: str
    station: str = "the station"
    pools: Mapping[str, tuple[str | Mapping[str, str], ...]] = field(default_factory=dict)
    """Details that vary between attempts ({name} in lines), one value drawn per attempt."""
    auto_fail: tuple[AutoFail, ...] = ()
    persona_facts: Mapping[str, tuple[Line, ...]] = field(default_factory=dict)
    """The visitor's answers to clarifying questions, by topic (when, where, medical ...)."""
    persona_unknown: tuple[Line, ...] = ()
    """The visitor's "I don't know" to a question about a topic it has no fact for."""
    warnings: tuple[Problem, ...] = ()
    """Things that work but look unintended (an intent none of its examples match)."""
    not_applicable: Mapping[str, str] = field(default_factory=dict)
    """Criterion -> why it does not apply here (a calm tester has no feelings to acknowledge)."""
    examples: Mapping[str, str] = field(default_factory=dict)
    """Criterion -> a line in this scenario's words, used in the tip when it is missed."""
    fact_rules: tuple[FactRule, ...] = ()
    """What makes each resolution fact right (`resolution.facts` as a mapping)."""
    context: Context = field(default_factory=Context)
    persona_register: str = "everyday"
    persona_details: tuple[Detail, ...] = ()
    """The persona's concrete details, answered by what a question asks (`persona.details`)."""
    desk_reference: tuple[tuple[str, str], ...] = ()
    """(label, value) of each agency.yaml setting this call's resolution facts need: what a desk officer has on
    the wall, shown with the brief so a trainee can give facts it could not otherwise know."""

    @property
    def contact(self) -> Contact:
        """What the grader needs of this scenario."""
        return Contact(
            intents=self.intents,
            station=self.station,
            auto_fail=self.auto_fail,
            facts=self.resolution_facts,
            fact_descriptions=MappingProxyType(
                {f: self.intent_descriptions[f] for f in self.resolution_facts if f in self.intent_descriptions}
            ),
            not_applicable=MappingProxyType(dict(self.not_applicable)),
            examples=MappingProxyType(dict(self.examples)),
            rules=self.fact_rules,
            actions=MappingProxyType(self.actions()),
            context=self.context,
            channel=self.channel,
            known=True,
        )

    def actions(self) -> dict[str, FactRule]:
        """Each automatic fail's required action, as a fact that must be done now, by the agency."""
        rules = {r.name: r for r in self.fact_rules}
        intents = {i.name: i for i in self.intents}
        actions = {}
        for name in {n for rule in self.auto_fail for n in rule.required}:
            if name in rules:
                actions[name] = replace(rules[name], now=True)
            elif name in intents:
                actions[name] = FactRule(name, intents[name], now=True)
        return actions

    def desk_card(self) -> str:
        """The desk reference as shown with the brief, one setting a line (short enough for a phone screen);
        empty when the call needs no agency facts."""
        if not self.desk_reference:
            return ""
        return "Desk reference:\n" + "\n".join(f"\u2022 {label}: {value}" for label, value in self.desk_reference)

    def summary(self) -> dict[str, str]:
        return {
            "id": self.id,
            "title": self.title,
            "channel": self.channel,
            "difficulty": self.difficulty,
            "brief": self.brief,
        }


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


class _Parser:
    """Turns the YAML data into values, collecting a Problem for each thing that is wrong."""

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
        mood = persona.get("mood")
        context = agency_context(self.agency)
        rules = FactRuleParser(self, {i.name: i for i in intents}, context).rules(raw_facts, facts)
        return Scenario(
            id=text["id"],
            title=text["title"],
            channel=channel,
            difficulty=difficulty,
            brief=text["brief"],
            persona_name=self.text(persona, ("persona", "name")),
            persona_mood=MOODS.index(mood) if mood in MOODS else 0,
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
            persona_facts=self.persona_facts(persona.get("facts", {})),
            persona_unknown=self.lines_of(persona.get("unknown"), ("persona", "unknown"), None, required=False),
            persona_details=self.persona_details(persona.get("details"), answers="facts" in persona),
            persona_register=self.choice(persona, ("persona", "register"), REGISTERS)
            if "register" in persona
            else ("everyday"),
            desk_reference=self.desk_reference(raw_facts),
            warnings=tuple(self.warnings),
            fact_rules=rules,
            context=context,
        )

    def persona_facts(self, raw: Any) -> dict[str, tuple[Line, ...]]:
        if not isinstance(raw, dict):
            self.problem(("persona", "facts"), f"'facts' must map topics ({', '.join(TOPICS)}) to lines")
            return {}
        facts = {}
        for topic, lines in raw.items():
            if topic not in TOPICS:
                self.problem(
                    ("persona", "facts", topic), f"unknown topic '{topic}' (expected one of: {', '.join(TOPICS)})"
                )
                continue
            lines = [lines] if isinstance(lines, str) else lines
            facts[topic] = self.lines_of(lines, ("persona", "facts", topic), None)
        return facts

    def persona_details(self, raw: Any, answers: bool) -> tuple[Detail, ...]:
        """`persona.details`: a built-in detail (phone, address, birth) as a line or lines, or any detail as
        `{asked: "words | words", say: [lines], known: false}`. A persona that answers questions (has `facts`)
        must hold phone and address, in digits: a deputy asks every caller for them."""
        path = ("persona", "details")
        if raw is None:
            if answers:
                self.problem(path, f"the persona needs 'details' with at least {', '.join(REQUIRED_DETAILS)}")
            return ()
        if not isinstance(raw, dict):
            self.problem(path, f"'details' must map detail names to lines, not {_kind(raw)}")
            return ()
        details = []
        for name, spec in raw.items():
            at = path + (name,)
            spec = spec if isinstance(spec, dict) else {"say": spec}
            self.keys(spec, at, {"asked", "say", "known"}, ("say",))
            asked = spec.get("asked", DETAIL_ASKED.get(str(name)))
            if not isinstance(asked, str) or not asked.strip():
                self.problem(at, f"detail '{name}' needs 'asked': the words of a question that ask for it")
                continue
            if "asked" in spec:
                words = [w.strip() for w in asked.split("|") if w.strip()]
                asked = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words)
            say = spec["say"] if isinstance(spec.get("say"), list) else [spec.get("say")]
            lines = self.lines_of(say, at + ("say",), None)
            known = spec.get("known", True) is not False
            digits = _PHONE if name == "phone" else _DIGITS if name in ("address", "birth") else None
            if known and digits and not all(digits.search(self.sample(line.text)) for line in lines):
                self.problem(at, f"detail '{name}' must give it in digits (or say `known: false`)")
            details.append(Detail(str(name), lines, re.compile(rf"\b({asked})\b"), known))
        for name in REQUIRED_DETAILS:
            if name not in raw:
                self.problem(path, f"the persona needs a '{name}' detail (a deputy asks every caller for it)")
        return tuple(details)

    def sample(self, text: str) -> str:
        """The text with each pool placeholder filled by the pool's first value (to check what a line says)."""

        def first(m: re.Match[str]) -> str:
            values = self.pool_values.get(m.group(1))
            if not values:
                return m.group(0)
            value = values[0]
            return str(value.get(m.group(2) or "name", "")) if isinstance(value, Mapping) else str(value)

        return _PLACEHOLDER.sub(first, text)

    def desk_reference(self, raw_facts: Any) -> tuple[tuple[str, str], ...]:
        """The agency settings the resolution facts are written with, in the order they first appear."""
        found: dict[str, str] = {}

        def walk(value: Any) -> None:
            if isinstance(value, str):
                for name, _ in _PLACEHOLDER.findall(value):
                    if name in self.agency and name not in found:
                        found[name] = self.agency[name]
            elif isinstance(value, dict):
                for v in value.values():
                    walk(v)
            elif isinstance(value, list):
                for v in value:
                    walk(v)

        walk(raw_facts)
        order = list(DESK_LABELS)
        keys = sorted(found, key=lambda k: order.index(k) if k in order else len(order))
        return tuple((DESK_LABELS.get(k, k.replace("_", " ").capitalize()), found[k]) for k in keys)

    def pools(self, raw: Any) -> dict[str, tuple[str, ...]]:
        """Named lists of details; each attempt draws one value of each."""
        if not isinstance(raw, dict):
            self.problem(("pools",), f"'pools' must map names to lists of values, not {_kind(raw)}")
            return {}
        pools = {}
        for name, values in raw.items():
            path = ("pools", name)
            if not isinstance(name, str) or not _PLACEHOLDER.fullmatch("{" + name + "}") or name in self.agency:
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
            self.problem((key,), f"'{key}' must map criteria ({', '.join(CRITERIA)}) to {what}, not {_kind(raw)}")
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
            self.problem(("auto_fail",), f"'auto_fail' must be a list of rules, not {_kind(raw)}")
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
            self.problem(path, f"'{path[-1]}' must be non-empty text, not {_kind(value)}", state)
            return ""
        return self.fill(value, path, state, pools)

    def fill(self, text: str, path: tuple, state: str | None, pools: bool = True) -> str:
        """Replace {placeholders} with the agency's settings; pool ones are kept for each attempt."""
        for name, part in _PLACEHOLDER.findall(text):
            if name not in self.agency and not (pools and name in self.pool_names):
                where = "agency.yaml or this file's pools" if pools else "agency.yaml (pools vary per attempt)"
                self.problem(path, f"unknown placeholder '{{{name}}}' (not in {where})", state)
            elif part and name in self.pool_names and part not in self.pool_fields.get(name, ()):
                self.problem(
                    path, f"placeholder '{{{name}.{part}}}': not every value of pool '{name}' has '{part}'", state
                )
        return _PLACEHOLDER.sub(
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
            self.problem(path, f"'{path[-1]}' must be a mapping, not {_kind(value)}")
            return {}
        if path[-1] in data:
            self.keys(value, path, allowed, required)
        if "mood" in value and value["mood"] not in MOODS:
            self.problem(path + ("mood",), f"mood must be one of {', '.join(MOODS)}, not {value['mood']!r}")
        return value

    def intents(self, raw: Any) -> tuple[tuple[MeaningIntent, ...], dict[str, str]]:
        if not isinstance(raw, dict):
            self.problem(("intents",), f"'intents' must be a mapping of intent names, not {_kind(raw)}")
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

    def names(self, raw: Any, path: tuple, state: str | None) -> tuple[str, ...]:
        """A signal name or list of them; each must be built in or an intent of this file."""
        items = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else None
        if raw is None:
            return ()
        if items is None or not all(isinstance(i, str) for i in items):
            self.problem(path, f"'{path[-1]}' must be a signal name or a list of them, not {_kind(raw)}", state)
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
        if isinstance(item, dict):
            self.keys(item, path, {"text", "mood"}, ("text",), state)
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
        return Line(self.fill(item.strip(), path, state), frozenset(MOODS.index(m) for m in moods if m in MOODS))

    def rules(self, raw: Any, path: tuple, state: str | None) -> tuple[Rule, ...]:
        if not isinstance(raw, list):
            self.problem(path, f"'{path[-1]}' must be a list of rules, not {_kind(raw)}", state)
            return ()
        return tuple(r for i, item in enumerate(raw) if (r := self.rule(item, path + (i,), state)))

    def rule(self, raw: Any, path: tuple, state: str | None) -> Rule | None:
        if not isinstance(raw, dict):
            self.problem(path, f"a rule must be a mapping (when/to/say ...), not {_kind(raw)}", state)
            return None
        self.keys(raw, path, RULE_KEYS, (), state)
        to = raw.get("to")
        if to is not None and not isinstance(to, str):
            self.problem(path + ("to",), f"'to' must be a state name, not {_kind(to)}", state)
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

    def states(self, raw: Any) -> dict[str, State]:
        if not isinstance(raw, dict) or not raw:
            self.problem(("states",), "'states' must be a non-empty mapping of state names")
            return {}
        return {str(name): s for name, spec in raw.items() if (s := self.state(str(name), spec))}

    def state(self, name: str, raw: Any) -> State | None:
        path = ("states", name)
        if not isinstance(raw, dict):
            self.problem(path, f"a state must be a mapping with lines and rules, not {_kind(raw)}", name)
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
        )


_STAGE = re.compile(r"^\s*(\([^)]*\)\s*)+")


def asks_then_goes_on(line: str) -> bool:
    """ "Should I take photos first? ... Okay, good.": the visitor answering its own question."""
    spoken = _STAGE.sub("", line)
    at = spoken.find("?")
    return at >= 0 and bool(re.search(r"[A-Za-z0-9]", re.sub(r"\([^)]*\)", "", spoken[at + 1 :])))


def _pool_value(value: Any) -> bool:
    if isinstance(value, dict):
        return "name" in value and all(isinstance(x, str | int) for x in value.values())
    return isinstance(value, str | int)


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "a mapping"}.get(
        type(value), type(value).__name__
    )
