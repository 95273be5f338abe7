"""A chat answer: the rule's Outcome, plus the buttons under its last reply; and what it owes the outbox."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.outbox import Buttons, Outgoing
from bot.tg import callbacks as cb
from bot.training.outcome import Outcome, owed


@dataclass(frozen=True)
class Screen:
    outcome: Outcome
    keyboard: Buttons = ()
    """Inline buttons under the last reply."""
    secret: bool = False
    """The keyboard holds a secret (a sign-in link): the outbox forgets it once delivered."""


def screen(replies: list[str], keyboard: Buttons = (), **more) -> Screen:
    return Screen(Outcome(replies), keyboard, **more)


def messages_of(chat_id: int, answer: Outcome | Screen) -> list[Outgoing]:
    """Everything an answer owes: replies, a chart or file, buttons, notices, a menu change."""
    shown = answer if isinstance(answer, Screen) else Screen(answer)
    outcome = shown.outcome
    messages = [Outgoing(chat_id, r) for r in outcome.replies]
    if shown.keyboard and messages:
        messages[-1] = Outgoing(chat_id, outcome.replies[-1], shown.keyboard, secret=shown.secret)
    if outcome.render:
        messages.append(Outgoing(chat_id, render=outcome.render[0], args=outcome.render[1]))
    if outcome.offers:
        rows = tuple(((f"Start: {o.title}", cb.encode(cb.Practice(o.scenario_id))),) for o in outcome.offers)
        messages.append(Outgoing(chat_id, "Start one:", rows))
    messages += owed(outcome.notices)  # as the dashboard owes them: one rule for every edge
    if outcome.role_changed:
        messages.append(Outgoing(outcome.role_changed[0], menu=outcome.role_changed[1]))
    return messages
