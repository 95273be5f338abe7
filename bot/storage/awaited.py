"""A message someone is about to type, one per person, stored in a table keyed by `user_id` (so it survives a
restart) and told apart in memory (so a practice text never reads the table)."""

from __future__ import annotations

from bot.storage.store import Store


class Awaited:
    def __init__(self, store: Store, table: str) -> None:
        self.db, self.table = store.db, table
        self.users = {user_id for (user_id,) in self.db.execute(f"select user_id from {table}")}
        """Who may have a row: every text is checked here, in memory, and only these people's in the store.
        Loaded at start, added to when a row is set, and kept a superset: an id leaves only once the store has
        none for it, so a rolled-back take loses nothing."""

    def may(self, user_id: int) -> bool:
        """False for anyone without a row, without a read."""
        return user_id in self.users

    def row(self, user_id: int) -> dict | None:
        if user_id not in self.users:
            return None
        row = next(self.db.query(f"select * from {self.table} where user_id = ?", [user_id]), None)
        if row is None:
            self.users.discard(user_id)
        return row
