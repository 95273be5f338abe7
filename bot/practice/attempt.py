"""One practice attempt: a visitor in a scenario, the transcript so far, and its grade at the end.

Both edges (the terminal and Telegram) drive attempts through this class and only
format what it returns. A long-lived caller (the Coach) opens attempts with `started` or
`restored`, which detach the visitor from the scenario's shared machine on every way out.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from bot.grading import grade
from bot.practice.engine import Reply, SavedVisitor, ScenarioEngine, Visitor
from bot.practice.open_question import unanswered
from bot.scenarios.format import MOODS
from bot.transcript import Turn, clean_message
from bot.values import AttemptResult

STUCK = "Stuck? /hint gives a pointer."
"""Offered beside the visitor's line when the trainee goes in circles."""


@dataclass(frozen=True)
class Submission:
    """What came of one trainee message: the visitor's reply (None if ignored) and any notice."""

    reply: Reply | None
    notice: str | None


class Attempt:
    def __init__(self, engine: ScenarioEngine, visitor: Visitor, turns: list[Turn]) -> None:
        self.engine, self.visitor, self.turns = engine, visitor, turns

    @classmethod
    def start(cls, engine: ScenarioEngine, seed: int) -> Attempt:
        visitor, opening = engine.start(seed)
        return cls(engine, visitor, [Turn("visitor", opening)])

    @classmethod
    def restore(cls, engine: ScenarioEngine, saved: SavedVisitor, turns: list[Turn]) -> Attempt:
        return cls(engine, engine.restore(saved), turns)

    @classmethod
    @contextmanager
    def started(cls, engine: ScenarioEngine, seed: int) -> Iterator[Attempt]:
        """A new attempt whose visitor is detached when the block ends, whatever happens in it."""
        with engine.started(seed) as (visitor, opening):
            yield cls(engine, visitor, [Turn("visitor", opening)])

    @classmethod
    @contextmanager
    def restored(cls, engine: ScenarioEngine, saved: SavedVisitor, turns: list[Turn]) -> Iterator[Attempt]:
        """A saved attempt whose visitor is detached when the block ends, whatever happens in it."""
        with engine.restored(saved) as visitor:
            yield cls(engine, visitor, turns)

    @property
    def opening(self) -> str:
        return self.turns[0].text

    @property
    def ended(self) -> bool:
        return self.engine.ended(self.visitor)

    def say(self, text: str) -> Submission:
        """Pass a trainee message to the visitor; empty ones are ignored, long ones cut."""
        message, notice = clean_message(text)
        if message is None:
            return Submission(None, notice)
        reply = self.engine.respond(self.visitor, message)
        self.turns += [Turn("trainee", message), Turn("visitor", reply.line)]
        if reply.stuck:
            notice = f"{notice} {STUCK}" if notice else STUCK
        return Submission(reply, notice)

    @property
    def speaker(self) -> str:
        """How the visitor's lines are labelled: "Caller (Dana Whitfield)"."""
        role = "Caller" if self.engine.scenario.channel == "phone" else "Visitor"
        return f"{role} ({self.engine.persona_name(self.visitor)})"

    def hint(self) -> str:
        return (
            self.engine.hint(self.visitor) or "Listen to what the visitor needs, and think of the five steps of a call."
        )

    def detach(self) -> None:
        """Free the visitor from the shared machine once its state has been saved."""
        self.engine.release(self.visitor)

    def finish(self) -> AttemptResult:
        """Grade the attempt (ended or cut short) and detach the visitor from the machine."""
        scenario = self.engine.scenario
        result = AttemptResult(
            scenario_id=scenario.id,
            turns=tuple(self.turns),
            grade=grade(self.turns, contact=scenario.contact),
            resolved=self.engine.resolved(self.visitor),
            seed=self.visitor.seed,
            final_mood=self.visitor.mood_name,
            start_mood=MOODS[self.visitor.start_mood],
            completed=self.ended or self.engine.leaving(self.visitor),  # gone, or said goodbye: it was done
            unanswered=unanswered(self.visitor.heard),
        )
        self.engine.release(self.visitor)
        return result
