"""The visitor of one attempt as the scenario's machine drives it, and its reply to a message.

Its whole state is plain values (`SavedVisitor`), so an attempt can be saved after every
message and restored later, even in another process; what the engine works out of a message
(how the mood moves) lives here beside the state it moves, and so does the ringing phone: a phone call
whose opening begins "(The phone rings.)" opens with the ring alone, and the caller speaks once the desk
has picked up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot.grading import MessageSignals
from bot.practice.wording import pattern, says
from bot.scenarios.format import MOODS, Rule, Scenario
from bot.values import SavedVisitor

__all__ = ["MOOD_STEPS", "Reply", "SavedVisitor", "Visitor", "clamp", "moved_mood", "picked_up_hint", "ring_of"]

MOOD_STEPS = {"empathy": -1, "appreciation": -1, "dismissive": +1, "sarcasm": +1, "rude": +2}
"""How the visitor's mood moves with each thing a message shows (negative: calmer)."""
_SOURING = frozenset(s for s, step in MOOD_STEPS.items() if step > 0) | {"put_off"}
OPENERS = frozenset({"greeting", "courteous_opener", "identifies", "empathy"})
"""What a first message ought to show; without any of it ("Yeah?") the visitor sours a step."""
PUT_DOWN = frozenset({"rude", "sarcasm", "dismissive", "farewell"})
"""A pick-up the caller reacts to (its state's rules may fire on it) before it says what it called about."""
TAKEN_ABACK_AT_PICK_UP = says("taken_aback_at_pick_up")
"""The caller's first words to a sarcastic or dismissive pick-up no rule reacts to, before its own."""
_RING = re.compile(r"\(\s*([^()]*?\bphone\b[^()]*?\bring(?:s|ing)\b[^()]*?[.!])\s*([^()]*?)\s*\)\s*(\S.*)", re.I | re.S)
_GREETS = pattern("greeting_hint", re.IGNORECASE)
"""A hint that says how to pick up ("Greet the caller and say who you are.")."""
LISTEN = "Acknowledge what they told you before anything else."


@dataclass(eq=False)
class Visitor:
    """The model a scenario's machine drives; `state` is set by the machine.

    Compared by identity: the machine finds its models with `==`, and two attempts can hold
    equal values (one seed, one save), so value equality would attach or release the wrong one.
    """

    scenario_id: str
    seed: int
    mood: int
    start_mood: int
    turn: int = 0
    facts: set[str] = field(default_factory=set)
    fired: Rule | None = None
    details: dict[str, Any] | None = None
    """This attempt's draw from the scenario's pools; derived from the seed, never saved."""
    state: str = ""
    last_line: str = ""
    stalls: int = 0
    heard: set[str] = field(default_factory=set)
    """Values the trainee said and items of a list given (see bot.practice.hearing), and what the visitor told
    the trainee: "told:callback" after it gave its number, "told:name" once its name was said."""
    closed: bool = False
    """The visitor said goodbye first and the trainee has had their closing message."""
    answered: str = ""
    """This reply's answer to the trainee's question: the persona's own details, never filtered; not saved."""
    message: str = ""
    """The trainee's message being answered; not saved."""
    checked: str = ""
    """The words of that message the grader credits as a check of understanding ("" if none); not saved."""

    @property
    def believed(self) -> set[str]:
        """The facts it was told wrong and believes ("believed:<fact>" in `heard`): never asked for again."""
        return {k.removeprefix("believed:") for k in self.heard if k.startswith("believed:")}

    def save(self) -> SavedVisitor:
        return SavedVisitor(
            self.scenario_id,
            self.state,
            self.mood,
            self.seed,
            self.turn,
            tuple(sorted(self.facts)),
            self.start_mood,
            self.last_line,
            self.stalls,
            tuple(sorted(self.heard)),
            self.closed,
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
    stuck: bool = False
    """The trainee has gone in circles: the edge offers /hint beside the line, never inside the visitor's words."""


def clamp(mood: int) -> int:
    """The mood kept within the scale (`MOODS`)."""
    return max(0, min(len(MOODS) - 1, mood))


def moved_mood(visitor: Visitor, names: frozenset[str], helped: bool = False) -> int:
    """The mood after a message showing `names`: calmer for kindness, and for help (`helped`: it gave what the
    visitor came for, said without contempt), sourer for contempt; a first message with no greeting ("Yeah?" to
    someone who called for help) sours it a step, and being put off never calms it."""
    step = sum(MOOD_STEPS.get(s, 0) for s in names)
    if helped and not names & _SOURING:
        step -= 1
    if visitor.turn == 1 and not names & OPENERS:
        step += 1
    if "put_off" in names:
        step = max(step, 1)  # told to wait or go elsewhere: kind words around it do not calm
    step = max(step, -2 if helped else -1)  # kind words alone calm a step at a time: one "sorry" is no cure
    return clamp(visitor.mood + step)


def ring_of(opening: str) -> tuple[str, str] | None:
    """An opening that begins with the phone ringing, split into the ring ("(The phone rings.)") and what the
    caller says once the desk picks up ("(A long pause.) ...Hi. Sorry."); None for any other opening."""
    found = _RING.fullmatch(opening.strip())
    if found is None:
        return None
    ring, rest, spoken = found.groups()
    return f"({ring})", f"({rest}) {spoken}" if rest else spoken


def ringing_hint(hint: str | None) -> str:
    """The hint while the phone rings: pick up with a greeting (the opening state's hint says how)."""
    if hint and _GREETS.search(hint):
        return f"The phone is ringing. {hint}" if hint.lower().startswith("pick up") else f"Pick up the phone. {hint}"
    lead = "The phone is ringing: pick up with a greeting that says who you are and where they have called."
    return f"{lead} {hint}" if hint else lead


def picked_up_hint(scenario: Scenario) -> str:
    """The opening state's hint once the desk has picked up: what is left of it once the greeting is done, else
    the hint of the state any answer takes the caller to, else to acknowledge what the caller said."""
    start = scenario.states[scenario.start]
    rest = " ".join(c for c in re.split(r"(?<=[.;])\s+", start.hint or "") if c and not _GREETS.search(c))
    if rest:
        return f"{rest[:1].upper()}{rest[1:]} {LISTEN}"
    onward = next((r.to for r in start.rules if r.to and not (r.when or r.given or _conditional(r))), None)
    return (scenario.states[onward].hint if onward else None) or LISTEN


def _conditional(rule: Rule) -> bool:
    return rule.mood_at_least is not None or rule.mood_at_most is not None or bool(rule.unless or rule.not_given)


def rule_matches(rule: Rule, visitor: Visitor, signals: frozenset[str]) -> bool:
    """Whether the rule fires for this visitor on a message showing `signals`: what it needs shown and not, what
    must (not) have been given so far, and the mood."""
    if not all(s in signals for s in rule.when) or any(s in signals for s in rule.unless):
        return False
    if not all(f in visitor.facts for f in rule.given) or any(f in visitor.facts for f in rule.not_given):
        return False
    if rule.mood_at_least is not None and visitor.mood < rule.mood_at_least:
        return False
    return rule.mood_at_most is None or visitor.mood <= rule.mood_at_most
