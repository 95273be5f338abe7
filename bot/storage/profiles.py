"""Trainees' training profiles: the full name and badge (or employee) number their records carry, and the
profile question the bot is waiting for an answer to (stored, so it survives a restart)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.store import Store


@dataclass(frozen=True)
class Profile:
    user_id: int
    first_name: str
    """The name the person chose in Telegram."""
    full_name: str | None
    badge: str | None


@dataclass(frozen=True)
class Prompt:
    """The profile question a person was asked: `step` "name" or "badge"; the name given so far."""

    step: str
    full_name: str | None
    expires: str


class ProfileTable:
    def __init__(self, store: Store) -> None:
        self.store, self.db = store, store.db
        self._asked = {user_id for (user_id,) in self.db.execute("select user_id from profile_prompts")}
        """Who may have been asked a profile question: checked in memory for every text (a superset)."""

    def get(self, user_id: int) -> Profile | None:
        row = self.db.execute("select id, first_name, full_name, badge from users where id = ?", [user_id]).fetchone()
        return Profile(*row) if row else None

    def save(self, user_id: int, full_name: str, badge: str) -> None:
        self.db.execute("update users set full_name = ?, badge = ? where id = ?", [full_name, badge, user_id])

    def badge_holder(self, badge: str, other_than: int) -> int | None:
        """Someone else whose profile has this badge number (compared without case), if anyone."""
        row = self.db.execute(
            "select id from users where badge is not null and upper(badge) = upper(?) and id != ? limit 1",
            [badge, other_than],
        ).fetchone()
        return row[0] if row else None

    def instructs(self, instructor_id: int, user_id: int) -> bool:
        """Whether the instructor instructs a unit the person is a member of."""
        row = self.db.execute(
            "select 1 from unit_instructors i join unit_members m on m.unit_id = i.unit_id "
            "where i.user_id = ? and m.user_id = ? limit 1",
            [instructor_id, user_id],
        ).fetchone()
        return row is not None

    # --- the question waiting for an answer -----------------------------------------------------------

    def ask(self, user_id: int, prompt: Prompt) -> None:
        self._asked.add(user_id)
        self.db.execute(
            "insert or replace into profile_prompts (user_id, step, full_name, expires) values (?, ?, ?, ?)",
            [user_id, prompt.step, prompt.full_name, prompt.expires],
        )

    def may_be_asked(self, user_id: int) -> bool:
        """False, without a read, for anyone never asked: their texts go straight to practice."""
        return user_id in self._asked

    def prompt(self, user_id: int) -> Prompt | None:
        if user_id not in self._asked:
            return None
        row = self.db.execute(
            "select step, full_name, expires from profile_prompts where user_id = ?", [user_id]
        ).fetchone()
        if row is None:
            self._asked.discard(user_id)
            return None
        return Prompt(*row)

    def drop(self, user_id: int) -> bool:
        """Forget the question (answered, cancelled or lapsed); whether there was one."""
        return self.db.execute("delete from profile_prompts where user_id = ?", [user_id]).rowcount > 0
