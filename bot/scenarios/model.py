"""The values a scenario file parses into: frozen data classes for a scenario, its states, rules and lines.

They live apart from the parsing so the engine, the store and the screens that only hold or read a scenario
depend on these shapes, not on how a YAML file is checked and turned into them (bot/scenarios/format.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from bot.grading import AutoFail, Contact
from bot.grading.facts import Context, FactRule
from bot.grading.tips import call_time
from bot.scenarios.intents import MeaningIntent


@dataclass(frozen=True)
class Problem:
    """Something wrong with a scenario file, named by file, line and state for `deskdrill scenarios check`."""

    file: str
    line: int | None
    state: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: state '{self.state}': {self.message}" if self.state else f"{where}: {self.message}"


@dataclass(frozen=True)
class Line:
    """One thing the visitor may say; `moods` limits it to those moods (empty: any mood), `told` to calls where the
    trainee has said one of these words ("counselor", "988"): no help arrives in a closing line that nobody called."""

    text: str
    moods: frozenset[int] = frozenset()
    told: tuple[str, ...] = ()


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
class SaidBack:
    """How the visitor says back a fact it was told, in its own words (`persona.says_back`): lines said when the
    trainee's sentence that gave the fact has one of the `heard` words (None: any way of giving it). A line's
    slots ({number}, {fee}, {time}, ...) hold the value as the trainee said it in that sentence."""

    heard: re.Pattern[str] | None
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    """Move on when the trainee's message shows `when` (all), none of `unless`, and the mood fits."""

    when: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    given: tuple[str, ...] = ()
    """Each of these facts has shown in this message or an earlier one (the trainee gave the tow yard's number)."""
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
    arrives: tuple[int, str] | None = None
    """(messages, state): help the visitor waits for here comes on its own after that many trainee messages that
    move nothing ("(Headlights pull up.) That must be him."), and the visitor moves to that state."""


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
    persona_says_back: Mapping[str, tuple[SaidBack, ...]] = field(default_factory=dict)
    """Fact -> how the visitor says it back when it was told it (`persona.says_back`)."""
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
            call_time=call_time(self.brief),
            serious=self.difficulty == "hard",
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
        return {name: getattr(self, name) for name in ("id", "title", "channel", "difficulty", "brief")}
