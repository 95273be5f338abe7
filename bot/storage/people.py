"""People by name: an @username to an id, ids to the names the bot holds for them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.storage.store import Store

NAMES = "id, first_name, username, full_name, badge"
"""The users columns an `Identity` is made of, in its order."""


@dataclass(frozen=True)
class Identity:
    """What the bot knows a person by, as stored: every name a list of people could show
    (bot.training.names turns it into the name staff read)."""

    id: int
    first_name: str
    """The name they chose in Telegram: anything at all, and often the same as someone else's."""
    username: str | None = None
    full_name: str | None = None
    """Their training profile's full name ("Alex Moreno"), once they (or an instructor) set it."""
    badge: str | None = None
    """Their training profile's badge or employee number ("4471")."""


def identity_of(row: tuple) -> Identity:
    """A row of the NAMES columns."""
    user_id, first_name, username, full_name, badge = row
    return Identity(user_id, first_name or "", username, full_name or None, badge or None)


class People:
    def __init__(self, store: Store) -> None:
        self.store, self.db = store, store.db

    def by_username(self, username: str) -> int | None:
        row = self.db.execute("select id from users where lower(username) = lower(?)", [username]).fetchone()
        return row[0] if row else None

    def identities(self, user_ids: Iterable[int]) -> list[Identity]:
        """The names of these people (those the bot knows), by id."""
        ids = sorted(set(user_ids))
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"select {NAMES} from users where id in ({marks}) order by id", ids)
        return [identity_of(r) for r in rows.fetchall()]
