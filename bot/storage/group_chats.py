"""Groups the bot was added to: each is pointed to the private chat once, and nothing about its members is kept."""

from __future__ import annotations

from sqlite_utils import Database


def first_time_in(db: Database, chat_id: int, at: str) -> bool:
    """Record the group; True the first time it is seen."""
    cursor = db.execute("insert or ignore into group_chats (chat_id, told_at) values (?, ?)", [chat_id, at])
    return cursor.rowcount > 0
