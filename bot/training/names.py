"""How staff see a person: the one naming rule for every list of trainees, in the chat and on the dashboard.

A trainee is named by the full name of their training profile (/profile), with their badge where there is room
("Alex Moreno · #4471"); without a profile, by the first name Telegram gives. Two people who would read alike
in one list are told apart: by @username, else by the end of their user id ("Alex (@alexm)", "Alex (id …4821)").
Someone named on their own (a notice about one person) has no list to be told apart in, so a first name always
carries its @username or id there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.storage.people import Identity, People
from bot.storage.store import Store

__all__ = ["Identity", "StaffName", "beside_id", "identity", "named", "plain_name", "staff_name", "staff_names"]

NO_NAME = "(no name)"


@dataclass(frozen=True)
class StaffName:
    """A person's name as staff read it: `short` where space is tight (a button, a sentence), `full` with the
    badge where a list has room. str() gives the full one."""

    short: str
    badge: str | None = None

    @property
    def full(self) -> str:
        return f"{self.short} \u00b7 #{self.badge}" if self.badge else self.short

    def __str__(self) -> str:
        return self.full


def identity(row: Mapping[str, Any], id_key: str = "id") -> Identity:
    """A stored row's names (keys first_name, username, full_name and badge, whichever it has)."""
    return Identity(
        row[id_key], row.get("first_name") or "", row.get("username"), row.get("full_name"), row.get("badge") or None
    )


def base(person: Identity) -> str:
    return (person.full_name or "").strip() or person.first_name.strip() or NO_NAME


def short_id(person: Identity, whole: bool = False) -> str:
    """ "id …4821", the end of a user id (the whole id when even that is shared)."""
    digits = str(person.id)
    return f"id {digits}" if whole or len(digits) <= 4 else f"id \u2026{digits[-4:]}"


def told_apart(person: Identity, whole_id: bool = False) -> str:
    """ "Alex (@alexm)", else "Alex (id …4821)"."""
    return f"{base(person)} ({'@' + person.username if person.username else short_id(person, whole_id)})"


def staff_names(people: Iterable[Identity]) -> dict[int, StaffName]:
    """The name of each person in one list, by id: full name (else first name), and no two alike."""
    found = {p.id: p for p in people}
    shorts = {i: base(p) for i, p in found.items()}
    for whole_id in (False, True):
        seen = Counter(s.casefold() for s in shorts.values())
        alike = [i for i, s in shorts.items() if seen[s.casefold()] > 1]
        for i in alike:
            shorts[i] = told_apart(found[i], whole_id)
    return {i: StaffName(shorts[i], found[i].badge) for i in found}


def staff_name(person: Identity) -> StaffName:
    """A person named on their own: their full name, else their first name with @username or id."""
    return StaffName(base(person) if person.full_name else told_apart(person), person.badge)


def beside_id(person: Identity) -> StaffName:
    """A person named where their user id is shown beside it (which tells them apart): full name and badge, else
    first name."""
    return StaffName(base(person), person.badge)


def named(store: Store, user_id: int) -> StaffName:
    """One person as a notice to staff names them (`staff_name`); "user 7" when the bot does not know them."""
    found = People(store).identities([user_id])
    return staff_name(found[0]) if found else StaffName(f"user {user_id}")


def plain_name(store: Store, user_id: int) -> str:
    """A person's full name, else their first name, where they are the only person in sight (their own call's
    transcript and scorecard, a reply to them); "user 7" when the bot does not know them."""
    found = People(store).identities([user_id])
    return base(found[0]) if found else f"user {user_id}"
