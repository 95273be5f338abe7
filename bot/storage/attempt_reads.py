"""Reads for showing one attempt that the store has no method for (the dashboard's attempt page)."""

from __future__ import annotations

from sqlite_utils import Database


def units_of_member(db: Database, user_id: int) -> set[int]:
    """The ids of the units a person is a member of (the way back from their attempt to their unit)."""
    return {row[0] for row in db.execute("select unit_id from unit_members where user_id = ?", [user_id])}
