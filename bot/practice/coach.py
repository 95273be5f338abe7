"""Practice over a chat, with every step stored: the core the Telegram handlers call.

Each step (`start`, `say`, `hint`, `end`, `history`) takes what a user did, makes its
change in the store and returns what it owes (`Owed`); the edge stores that with the
update id in the same transaction (bot.tg.trainee, `TraineeHandlers.owe`), once.
Visitors are restored from the store for each message and released after it, so an
attempt costs no memory between messages and survives any restart. Every visitor is
attached inside a `with` block (`_restored`, `Attempt.started`) so that no way out of a
method, an early return or an exception, leaves it on the scenario's shared machine.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, tzinfo

from bot.clock import local_date
from bot.practice.attempt import Attempt
from bot.practice.engine import ScenarioEngine
from bot.practice.scorecard import scorecard_lines, total_text
from bot.scenarios.format import Scenario
from bot.scenarios.library import Library
from bot.storage.outbox import Buttons, Outgoing
from bot.storage.snapshots import texts_of
from bot.storage.store import AttemptRow, Store
from bot.transcript import User
from bot.values import AttemptResult

__all__ = ["Coach", "Owed", "User"]  # User lives in bot.transcript; callers may take it from here

log = logging.getLogger(__name__)

WELCOME = (
    "Welcome, {name}. DeskDrill lets you practise front-desk and phone calls with a simulated visitor, "
    "then scores how you handled them.\n"
    "Send /practice to choose a call and answer in your own words; /hint if you're stuck, /end to finish.\n"
    "Your messages and scores are stored so you and your instructors can review them; nothing else is collected."
)
NOT_IN_A_CALL = "You're not in a practice call right now. Send /practice to start one."
NOTHING_SAID = (
    "Call closed before you said anything, so it isn't scored and doesn't count in your results. "
    "Send /practice to start another."
)


def after_scorecard(scenario_id: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    """The buttons under every scorecard: the same call again, or the list of calls."""
    return ((("Practice again", f"practice:{scenario_id}"), ("Another call", "practice:")),)


@dataclass(frozen=True)
class Owed:
    """What a step of practice owes its trainee. The Coach makes the step's change in the store and returns
    this; the edge stores it with the update, in the same transaction, so neither is ever kept alone."""

    chat_id: int
    replies: list[str]
    buttons: Buttons = ()
    """Under the last reply (a scorecard's "Practice again" and "Another call")."""
    call_ended: bool = False
    """The call closed: notices held during it go out after these replies (`Store.handled`)."""

    @property
    def messages(self) -> list[Outgoing]:
        messages = [Outgoing(self.chat_id, r) for r in self.replies]
        if self.buttons and messages:
            messages[-1] = Outgoing(self.chat_id, self.replies[-1], self.buttons)
        return messages


class Coach:
    def __init__(
        self,
        library: Library,
        store: Store,
        admins: frozenset[int] = frozenset(),
        seeds: Callable[[], int] = lambda: secrets.randbelow(1_000_000),
        tz: tzinfo = UTC,
    ) -> None:
        self.library, self.store, self.admins, self.seeds, self.tz = library, store, admins, seeds, tz
        self.engines = {sid: ScenarioEngine(s) for sid, s in library.scenarios.items()}
        self.texts = texts_of(library.scenarios)
        """Each scenario as loaded, kept with every attempt started in it (bot.storage.snapshots)."""
        self._earlier: dict[str, ScenarioEngine | None] = {}
        """Engines of earlier versions of scenarios, for attempts started before an edit, by content hash."""

    def scenarios(self) -> list[Scenario]:
        return sorted(self.library.scenarios.values(), key=lambda s: (s.difficulty != "routine", s.channel, s.id))

    def register(self, user: User) -> list[str]:
        """Create or refresh the user; the welcome for the caller to owe with the rest of its answer."""
        role = "admin" if user.id in self.admins else "trainee"
        self.store.register(user.id, user.chat_id, user.first_name, user.username, role)
        if role == "admin":  # added to DESKDRILL_ADMINS after their first /start
            self.store.set_role(user.id, "admin")
        return [WELCOME.format(name=user.first_name)]

    def start(self, user: User, scenario_id: str) -> Owed:
        """Start an attempt, unless the id is unknown or another attempt is still open. Called inside the
        edge's transaction, which stores the attempt made here together with what is owed."""
        self.store.register(
            user.id, user.chat_id, user.first_name, user.username, "admin" if user.id in self.admins else "trainee"
        )
        active = self.store.active_attempt(user.id)
        if active is not None:
            title = self._title(active.scenario_id)
            still = f"You're still in \u201c{title}\u201d. Keep going, or send /end to finish it and see your score."
            return Owed(user.chat_id, [still])
        scenario = self.library.scenarios.get(scenario_id)
        if scenario is None:
            known = ", ".join(s.id for s in self.scenarios())
            return Owed(user.chat_id, [f"There's no scenario \u201c{scenario_id}\u201d. Choose one of: {known}."])
        with Attempt.started(self.engines[scenario_id], self.seeds()) as attempt:
            replies = [
                f"{scenario.title}\n{scenario.brief}\n{_desk(scenario)}/hint if you're stuck, /end to finish.\n\n"
                f"{attempt.engine.speaker(attempt.visitor)}: {attempt.opening}"
            ]
            visitor = attempt.visitor.save()
            self.store.start_attempt(  # no update id, nothing owed: the edge stores those with the update
                None, user.id, user.chat_id, visitor, attempt.turns[0], [], self.texts.get(scenario_id)
            )
        return Owed(user.chat_id, replies)

    def say(self, user: User, text: str) -> Owed:
        """Pass a message to the visitor: its reply, and the scorecard when the contact ends. Called inside
        the edge's transaction, which stores the change made here together with what is owed."""
        row = self.store.active_attempt(user.id)
        if row is None:
            return Owed(user.chat_id, [NOT_IN_A_CALL])
        with self._restored(row, with_turns=False) as attempt:
            if attempt is None:
                return Owed(user.chat_id, [self._gone(row)])
            return self._exchange(user, row, attempt, text)

    def _exchange(self, user: User, row: AttemptRow, attempt: Attempt, text: str) -> Owed:
        """One message to an attached visitor: its turns and the visitor stored (graded if the call ended)."""
        submission = attempt.say(text)
        replies = [f"({submission.notice})"] if submission.notice else []
        if submission.reply is None:
            return Owed(user.chat_id, replies)
        replies.append(f"{attempt.engine.speaker(attempt.visitor)}: {submission.reply.line}")
        new_turns = list(attempt.turns)
        if not attempt.ended:
            self.store.record_exchange(row, new_turns, attempt.visitor.save())
            return Owed(user.chat_id, replies)
        attempt.turns = self.store.turns(row.id) + new_turns  # the whole transcript, for the grade
        result = attempt.finish()
        replies[-1] += "\n\n" + self._scorecard(attempt.engine.scenario, result)
        self.store.record_exchange(row, new_turns, attempt.visitor.save(), result)
        return Owed(user.chat_id, replies, after_scorecard(row.scenario_id), call_ended=True)

    def end(self, user: User) -> Owed:
        """Finish the call now: its scorecard, or no score when nothing was said (or its scenario is gone)."""
        row = self.store.active_attempt(user.id)
        if row is None:
            return Owed(user.chat_id, [NOT_IN_A_CALL])
        with self._restored(row) as attempt:
            if attempt is None:
                self.store.abandon_attempt(row)
                gone = f"Closed your attempt at \u201c{row.scenario_id}\u201d: that scenario is no longer available."
                return Owed(user.chat_id, [gone], call_ended=True)
            if not any(t.role == "trainee" for t in attempt.turns):  # nothing to grade: no attempt to count
                self.store.abandon_attempt(row)
                return Owed(user.chat_id, [NOTHING_SAID], call_ended=True)
            result = attempt.finish()
            scorecard = self._scorecard(attempt.engine.scenario, result)
        self.store.finish_attempt(row, result)
        return Owed(user.chat_id, [scorecard], after_scorecard(row.scenario_id), call_ended=True)

    def hint(self, user: User) -> Owed:
        """A coaching hint for this moment of the call (nothing changes: the edge owes it with the update)."""
        row = self.store.active_attempt(user.id)
        if row is None:
            return Owed(user.chat_id, [NOT_IN_A_CALL])
        with self._restored(row, with_turns=False) as attempt:
            hint = attempt.hint() if attempt is not None else None
        return Owed(user.chat_id, [f"Hint: {hint}" if hint is not None else NOT_IN_A_CALL])

    def history(self, user: User) -> Owed:
        """The trainee's last ten attempts, one line each."""
        rows = self.store.history(user.id, limit=10)
        if not rows:
            return Owed(user.chat_id, ["No attempts yet. Send /practice to start one."])
        lines = ["Your last attempts:"]
        for r in rows:
            failed = r["auto_fail"] not in (None, "[]")
            score = (
                total_text(r["total"], failed)
                if r["status"] == "finished"
                else _UNSCORED.get(r["status"], "in progress")
            )
            lines.append(f"{local_date(r['started_at'], self.tz)} \u00b7 {self._title(r['scenario_id'])}: {score}")
        return Owed(user.chat_id, ["\n".join(lines)])

    @contextmanager
    def _restored(self, row: AttemptRow, with_turns: bool = True) -> Iterator[Attempt | None]:
        """The attempt, its visitor attached only for the block: an early return or an exception still
        detaches it, or the shared machine would hold it for the life of the process. None if its
        scenario is gone; its turns are read only when they are needed."""
        engine = self._engine_of(row)
        if engine is None or row.visitor.state not in engine.scenario.states:
            yield None
            return
        turns = self.store.turns(row.id) if with_turns else []
        with Attempt.restored(engine, row.visitor, turns) as attempt:
            yield attempt

    def scenario_of(self, row: AttemptRow) -> Scenario | None:
        """The scenario the attempt was played in, as it was then (see Store.scenario_of)."""
        return self.store.scenario_of(row, self.library.scenarios)

    def _engine_of(self, row: AttemptRow) -> ScenarioEngine | None:
        """The engine of the attempt's own scenario: an attempt started before its file was edited goes on,
        and is graded, in the version it started in. None when the scenario was removed."""
        text = self.texts.get(row.scenario_id)
        if row.scenario_id not in self.engines:  # removed from the library: it can only be closed
            return None
        if row.scenario_hash is None or (text is not None and text.hash == row.scenario_hash):
            return self.engines.get(row.scenario_id)
        if row.scenario_hash not in self._earlier:
            scenario = self.store.scenario_of(row, {})
            self._earlier[row.scenario_hash] = ScenarioEngine(scenario) if scenario is not None else None
        return self._earlier[row.scenario_hash] or self.engines.get(row.scenario_id)

    def _gone(self, row: AttemptRow) -> str:
        log.warning("attempt %s: scenario %s is no longer loaded", row.id, row.scenario_id)
        return (
            f"The scenario \u201c{row.scenario_id}\u201d of your open attempt is no longer available. "
            "Send /end to close it; your messages are kept."
        )

    @staticmethod
    def _scorecard(scenario: Scenario, result: AttemptResult) -> str:
        """Scored against the scenario the attempt was played in (its engine's: no snapshot to parse)."""
        visitor = "caller" if scenario.channel == "phone" else "visitor"
        return "\n".join(scorecard_lines(result, scenario.title, visitor))

    def _title(self, scenario_id: str) -> str:
        scenario = self.library.scenarios.get(scenario_id)
        return scenario.title if scenario else scenario_id


_UNSCORED = {"abandoned": "closed, not scored"}


def _desk(scenario: Scenario) -> str:
    """The desk reference under the brief: the agency facts this call needs, which a trainee could not guess."""
    card = scenario.desk_card()
    return f"{card}\n" if card else ""
