"""The visitor of one attempt as the scenario's machine drives it, and its reply to a message.

Its whole state is plain values (`SavedVisitor`), so an attempt can be saved after every
message and restored later, even in another process; what the engine works out of a message
(how the mood moves) lives here beside the state it moves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.grading import MessageSignals
from bot.scenarios.format import MOODS, Rule
from bot.values import SavedVisitor

__all__ = ["MOOD_STEPS", "Reply", "SavedVisitor", "Visitor", "clamp"]

MOOD_STEPS = {"empathy": -1, "appreciation": -1, "dismissive": +1, "sarcasm": +1, "rude": +2}
"""How the visitor's mood moves with each thing a message shows (negative: calmer)."""


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


def clamp(mood: int) -> int:
    """The mood kept within the scale (`MOODS`)."""
    return max(0, min(len(MOODS) - 1, mood))
