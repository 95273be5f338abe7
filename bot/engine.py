"""The visitor: a transitions machine per scenario, shared by every attempt at it.

One `Machine` is built per scenario and each attempt's `Visitor` is added to it as a
model (a machine per attempt would cost far more memory). The visitor's whole state
is plain values (`SavedVisitor`), so an attempt can be saved after every message and
restored later, even in another process.
"""

from __future__ import annotations

import logging
import random
import re
from dataclasses import dataclass, field
from typing import Any

from transitions import EventData, Machine

from bot.grading import MessageSignals, detect
from bot.scenario import MOODS, Line, Rule, Scenario

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")

MOOD_STEPS = {"empathy": -1, "appreciation": -1, "dismissive": +1, "sarcasm": +1, "rude": +2}
"""How the visitor's mood moves with each thing a message shows (negative: calmer)."""


@dataclass(frozen=True)
class SavedVisitor:
    """Everything needed to restore a visitor: one JSON-able row."""

    scenario_id: str
    state: str
    mood: int
    seed: int
    turn: int
    facts: tuple[str, ...] = ()
    start_mood: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario_id": self.scenario_id,
            "state": self.state,
            "mood": self.mood,
            "seed": self.seed,
            "turn": self.turn,
            "facts": list(self.facts),
            "start_mood": self.start_mood,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SavedVisitor:
        return cls(**{**data, "facts": tuple(data.get("facts", ()))})


@dataclass
class Visitor:
    """The model a scenario's machine drives; `state` is set by the machine."""

    scenario_id: str
    seed: int
    mood: int
    start_mood: int
    turn: int = 0
    facts: set[str] = field(default_factory=set)
    fired: Rule | None = None
    details: dict[str, str] | None = None
    """This attempt's draw from the scenario's pools; derived from the seed, never saved."""
    state: str = ""

    def save(self) -> SavedVisitor:
        return SavedVisitor(
            self.scenario_id, self.state, self.mood, self.seed, self.turn, tuple(sorted(self.facts)), self.start_mood
        )

    @property
    def mood_name(self) -> str:
        return MOODS[self.mood]


@dataclass(frozen=True)
class Reply:
    """The visitor's answer to one trainee message."""

    line: str
    state: str
    mood: str
    ended: bool
    signals: MessageSignals


class ScenarioEngine:
    """Runs attempts at one scenario; owns the scenario's single shared Machine."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.machine = Machine(
            model=None,
            states=list(scenario.states),
            initial=scenario.start,
            auto_transitions=False,
            send_event=True,
            ignore_invalid_triggers=True,
        )
        for state in scenario.states.values():
            if not state.end:
                for rule in scenario.always + state.rules:
                    self._add_rule(state.name, rule)

    def _add_rule(self, source: str, rule: Rule) -> None:
        def matches(event: EventData) -> bool:
            return _rule_matches(rule, event.model, event.kwargs["signals"])

        def record(event: EventData) -> None:
            event.model.fired = rule

        self.machine.add_transition("respond", source, rule.to, conditions=[matches], after=[record])

    def start(self, seed: int) -> tuple[Visitor, str]:
        """A new visitor in the start state, and their opening line."""
        mood = self.scenario.persona_mood
        visitor = Visitor(self.scenario.id, seed, mood, mood)
        self.machine.add_model(visitor, initial=self.scenario.start)
        return visitor, self._pick(self.scenario.states[visitor.state].lines, visitor)

    def restore(self, saved: SavedVisitor) -> Visitor:
        """The visitor as saved; no on-enter callbacks fire, nothing is said again."""
        if saved.state not in self.scenario.states:
            raise ValueError(f"scenario '{self.scenario.id}' has no state '{saved.state}'")
        visitor = Visitor(saved.scenario_id, saved.seed, saved.mood, saved.start_mood, saved.turn, set(saved.facts))
        self.machine.add_model(visitor, initial=saved.state)
        return visitor

    def release(self, visitor: Visitor) -> None:
        """Detach a finished or evicted visitor from the shared machine."""
        self.machine.remove_model(visitor)

    def respond(self, visitor: Visitor, message: str) -> Reply:
        """React to one trainee message: move the mood, fire the first matching rule, answer."""
        if self.ended(visitor):
            raise ValueError("this attempt has ended")
        signals = detect(message, self.scenario.intents)
        visitor.turn += 1
        visitor.mood = max(0, min(len(MOODS) - 1, visitor.mood + sum(MOOD_STEPS.get(s, 0) for s in signals.names)))
        visitor.facts |= signals.names
        visitor.fired = None
        visitor.trigger("respond", signals=signals.names)
        state = self.scenario.states[visitor.state]
        fired = visitor.fired
        if fired is not None and fired.say:
            lines = fired.say
        elif fired is not None and fired.to is not None:
            lines = state.lines
        else:
            lines = state.idle or state.lines
        log.debug("scenario %s turn %s: %s -> %s", self.scenario.id, visitor.turn, sorted(signals.names), visitor.state)
        return Reply(self._pick(lines, visitor), visitor.state, visitor.mood_name, state.end, signals)

    def ended(self, visitor: Visitor) -> bool:
        return self.scenario.states[visitor.state].end

    def resolved(self, visitor: Visitor) -> bool:
        """Resolved: the visitor left satisfied and every fact of the resolution was given."""
        state = self.scenario.states[visitor.state]
        return state.outcome == "resolved" and set(self.scenario.resolution_facts) <= visitor.facts

    def hint(self, visitor: Visitor) -> str | None:
        return self.scenario.states[visitor.state].hint

    def details(self, visitor: Visitor) -> dict[str, str]:
        """This attempt's draw from each pool: derived from the seed, so never saved."""
        if visitor.details is None:
            visitor.details = {
                name: random.Random(f"{visitor.seed}:pool:{name}").choice(values)
                for name, values in self.scenario.pools.items()
            }
        return visitor.details

    def persona_name(self, visitor: Visitor) -> str:
        return self._render(self.scenario.persona_name, visitor)

    def _render(self, text: str, visitor: Visitor) -> str:
        if not self.scenario.pools:
            return text
        details = self.details(visitor)
        return _PLACEHOLDER.sub(lambda m: details.get(m.group(1), m.group(0)), text)

    def _pick(self, lines: tuple[Line, ...], visitor: Visitor) -> str:
        """Choose a line for the visitor's mood, the same one for the same seed and turn."""
        for_mood = [line for line in lines if visitor.mood in line.moods]
        general = [line for line in lines if not line.moods]
        candidates = for_mood or general or list(lines)
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:{visitor.state}")
        return self._render(rng.choice(candidates).text, visitor)


def _rule_matches(rule: Rule, visitor: Visitor, signals: frozenset[str]) -> bool:
    if not all(s in signals for s in rule.when) or any(s in signals for s in rule.unless):
        return False
    if not all(f in visitor.facts for f in rule.given):
        return False
    if rule.mood_at_least is not None and visitor.mood < rule.mood_at_least:
        return False
    return rule.mood_at_most is None or visitor.mood <= rule.mood_at_most
