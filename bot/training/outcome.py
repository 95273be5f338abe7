"""What a rule returns: an Outcome (replies, notices for others), a Deferred heavy read, or Refused.

A rule never says how an edge shows its answer: no buttons, no pages. It says what happened,
who must be told, and which call a notice offers to start; each edge draws that its own way.
A notice is always delivered by Telegram, whichever edge made it, so `owed` turns notices into
outbox rows for both (its Start button is made in bot.storage.offers, below both edges).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar

from bot.storage.offers import call_button, review_buttons, start_button
from bot.storage.outbox import Buttons, Outgoing

T = TypeVar("T")


class Refused(Exception):
    """A one-line answer instead of the command's result."""


class Offer(NamedTuple):
    scenario_id: str
    title: str
"""A practice call a message offers to start; its title (as the library has it) is the button's label."""


@dataclass(frozen=True)
class Notice:
    """A message for another user: an assignment, an override, a reminder. Held while they are in a call."""

    chat_id: int
    text: str
    offer: Offer | None = None
    reminder: tuple[int, int, str] | None = None
    """An instructor's reminder: (user id, assignment id, kind), marked delivered when the message is."""
    call: int | None = None
    """The recipient's own call (an attempt id) the notice is about: a button opens its scorecard."""
    request: tuple[int, int] | None = None
    """A review request for staff, (attempt id, request id): buttons open the call and dismiss it with a reply."""


def owed(notices: Iterable[Notice]) -> list[Outgoing]:
    """The outbox rows notices become: each held while its person is in a call, with its buttons (`buttons_of`).
    The one place this is decided: the chat (bot.tg.screen) and the dashboard both owe notices through it."""
    return [
        Outgoing(
            n.chat_id,
            n.text,
            buttons_of(n),
            reminder=n.reminder,
            hold=True,
        )
        for n in notices
    ]


def buttons_of(notice: Notice) -> Buttons:
    """An offered call: a Start button; a review request: Open the call and Dismiss; a call: Open the call."""
    if notice.offer:
        return start_button(notice.offer.scenario_id, notice.offer.title)
    if notice.request:
        return review_buttons(*notice.request)
    return call_button(notice.call) if notice.call is not None else ()


@dataclass(frozen=True)
class Outcome:
    replies: list[str]
    notices: list[Notice] = field(default_factory=list)
    render: tuple[str, dict] | None = None
    """A chart or file to draw and send after the replies: (renderer name, its arguments)."""
    offers: list[Offer] = field(default_factory=list)
    """Practice calls to offer after the replies."""
    role_changed: tuple[int, str] | None = None
    """(chat id, new role) when someone's command menu must change."""


@dataclass(frozen=True)
class Deferred(Generic[T]):
    """An answer that needs a heavy read: `read(connection)` runs off the event loop on a read-only
    connection, then `then(data)` makes the answer inside the update's transaction."""

    read: Callable[[sqlite3.Connection], Any]
    then: Callable[[Any], T]


def cancelled(had: bool, what: str) -> Outcome:
    """The answer to /cancel of a message someone was asked to type: `what` is the state it leaves ("nothing
    changed") when there was one to cancel."""
    return Outcome([f"Cancelled: {what}." if had else "Nothing to cancel."])


def number(raw: str | None, usage: str) -> int:
    """A plain ASCII number ("²" and "١" pass str.isdigit() but are no id); Refused(usage) otherwise."""
    raw = (raw or "").strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 15:
        raise Refused(usage)
    return int(raw)


def members_told(count: int) -> str:
    return "1 member told" if count == 1 else f"{count} members told"
