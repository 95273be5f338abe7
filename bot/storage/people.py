"""People by name: an @username to an id, ids to first names."""

from __future__ import annotations

from bot.storage.store import Store


class People:
    def __init__(self, store: Store) -> None:
        self.store, self.db = store, store.db

    def by_username(self, username: str) -> int | None:
        row = self.db.execute("select id from users where lower(username) = lower(?)", [username]).fetchone()
        return row[0] if row else None

    def names(self, user_ids: set[int]) -> dict[int, str]:
        if not user_ids:
            return {}
        marks = ",".join("?" * len(user_ids))
        rows = self.db.execute(f"select id, first_name from users where id in ({marks})", list(user_ids))
        return dict(rows.fetchall())
