"""An instructor's look at one attempt: its turns, its stored verdicts, what was addressed, overrides."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.grading import Addressed
from bot.scenarios.format import Scenario
from bot.storage.store import AttemptRow, Store
from bot.storage.verdicts import Verdicts
from bot.training.access import Access
from bot.training.calls import Calls
from bot.training.names import plain_name
from bot.training.outcome import Refused
from bot.transcript import CRITERIA, Turn, User


@dataclass(frozen=True)
class StoredVerdict:
    """A criterion's verdict as the grader stored it (an override's change is kept apart, in `Override`)."""

    criterion: str
    applicable: bool
    """False where the scenario declares the criterion not applicable ("n/a")."""
    met: bool
    score: float
    evidence: str | None
    """The trainee's own words that met it; None once purged, or when nothing did."""
    turn: int | None
    """The transcript turn the evidence is from."""
    tip: str | None


@dataclass(frozen=True)
class Override:
    """An instructor's change of a verdict: the new verdict, by whom, why and when (the stored one is kept)."""

    criterion: str
    met: bool
    by: int
    by_name: str
    reason: str
    at: str


@dataclass(frozen=True)
class Review:
    attempt: AttemptRow
    trainee: str
    """The trainee's full name, else their first name (bot.training.names; their id when they are gone)."""
    title: str
    turns: list[Turn]
    verdicts: list[StoredVerdict]
    """In the order of CRITERIA; empty while the attempt is not graded."""
    addressed: Addressed | None
    overrides: list[Override]
    channel: str | None = None
    """"phone" or "lobby", as the call was played (None when its scenario is gone)."""


def stored_verdict(row: dict) -> StoredVerdict:
    return StoredVerdict(
        row["criterion"],
        bool(row["applicable"]),
        bool(row["met"]),
        row["score"] or 0,
        row["evidence"],
        row["turn"],
        row.get("tip"),
    )


class Reviews:
    def __init__(
        self,
        store: Store,
        access: Access,
        verdicts: Verdicts,
        calls: Calls,
        names: Callable[[set[int]], dict[int, str]],
    ) -> None:
        self.store, self.access, self.verdicts, self.calls = store, access, verdicts, calls
        self.names = names
        """User ids -> first names (bot.training.people.People.names)."""

    def review(self, actor: User, raw_id: str | None) -> Review:
        self.access.require(actor, "instructor", "transcript")
        return self.of(self.access.attempt(actor, raw_id, "transcript"))

    def own(self, actor: User, attempt_id: int) -> Review:
        """One of the person's own finished calls: anyone may look at their own, and nobody else's here."""
        attempt = self.store.attempt(attempt_id)
        if attempt is None or attempt.user_id != actor.id or attempt.status != "finished":
            raise Refused("That call is not among your finished calls: /history lists them.")
        return self.of(attempt)

    def of(self, attempt: AttemptRow) -> Review:
        """An attempt the caller was allowed to see, as a Review."""
        trainee = self.store.user(attempt.user_id)
        results = self.verdicts.results_of(attempt.id)
        stored = self.verdicts.overridden(attempt.id)
        names = self.names({o["by"] for o in stored})
        played = self.store.scenario_of(attempt, self.calls.library.scenarios)  # as it was when played
        return Review(
            attempt,
            plain_name(self.store, attempt.user_id) if trainee else str(attempt.user_id),
            played.title if played else attempt.scenario_id,
            self.store.turns(attempt.id),
            [stored_verdict(results[c]) for c in CRITERIA] if results else [],
            self.addressed(played, attempt.addressed) if attempt.addressed is not None else None,
            [
                Override(
                    o["criterion"], bool(o["met"]), o["by"], names.get(o["by"], str(o["by"])), o["reason"], o["at"]
                )
                for o in stored
            ],
            played.channel if played else None,
        )

    def addressed(self, scenario: Scenario | None, stored: dict) -> Addressed:
        """The stored facts, described in the words of the scenario the call was played in (when known)."""
        facts = stored["facts"]
        descriptions = {f: scenario.contact.describe(f) for f in facts} if scenario else {}
        return Addressed(facts, descriptions, tuple(stored.get("wrong_information") or ()))
