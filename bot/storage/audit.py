"""The audit log: who changed what, and the people it names. Every change that matters is written here.

Besides writing and the newest entries, it reads what a readable log needs: the entries newest first a
batch at a time, the people and units they name, and what belongs to a set of units (its instructors and
members, its assignments, the attempts made in it), so the rules (bot.training.audit_trail) can tell
which entries concern an instructor's units.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bot.storage.people import NAMES, Identity, identity_of
from bot.storage.store import Store

BATCH = 500
"""How many entries `newest_first` reads at a time."""


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: int | None
    """Who did it; None for a change made by the settings (DESKDRILL_ADMINS)."""
    action: str
    detail: str


class AuditLog:
    def __init__(self, store: Store) -> None:
        self.store, self.db = store, store.db

    def write(self, actor: int, action: str, detail: str) -> None:
        self.db.execute(
            "insert into audit (at, actor, action, detail) values (?, ?, ?, ?)",
            [self.store.now(), actor, action, detail],
        )

    def rows(self, limit: int = 20, offset: int = 0, action: str = "", who: int | None = None) -> list[dict]:
        """Newest first; only one action, or only what one person did or had done to them, when asked."""
        where, params = [], []
        if action:
            where.append("action = ?")
            params.append(action)
        if who is not None:
            where.append("(actor = ? or detail glob ? or detail glob ?)")  # "user 12", never "user 123"
            params += [who, f"*user {who}", f"*user {who}[^0-9]*"]
        sql = "select * from audit" + (f" where {' and '.join(where)}" if where else "")
        return list(self.db.query(f"{sql} order by id desc limit ? offset ?", [*params, limit, offset]))

    def entries(self, limit: int = 20, offset: int = 0, action: str = "", who: int | None = None) -> list[AuditEntry]:
        return [
            AuditEntry(r["id"], r["at"], r["actor"], r["action"], r["detail"])
            for r in self.rows(limit, offset, action, who)
        ]

    def actions(self) -> list[str]:
        return [r[0] for r in self.db.execute("select distinct action from audit order by action").fetchall()]

    # --- reading the log ----------------------------------------------------------------------

    def newest_first(self, action: str = "", batch: int = BATCH) -> Iterator[list[AuditEntry]]:
        """Every entry (of one action, when asked), newest first, a batch at a time: a reader stops when it
        has seen enough, and the rows it never reaches are never read."""
        before = None
        while True:
            where, params = (["action = ?"], [action]) if action else ([], [])
            if before is not None:
                where.append("id < ?")
                params.append(before)
            sql = "select id, at, actor, action, detail from audit" + (f" where {' and '.join(where)}" if where else "")
            rows = self.db.execute(f"{sql} order by id desc limit ?", [*params, batch]).fetchall()
            if not rows:
                return
            yield [AuditEntry(*r) for r in rows]
            if len(rows) < batch:
                return
            before = rows[-1][0]

    def people(self, user_ids: Iterable[int]) -> dict[int, LoggedPerson]:
        """The people of these ids the bot knows, erased ones marked."""
        found = {}
        for chunk in chunks(user_ids):
            marks = ",".join("?" * len(chunk))
            sql = f"select {NAMES}, erased_at from users where id in ({marks})"
            for *names, erased_at in self.db.execute(sql, chunk).fetchall():
                found[names[0]] = LoggedPerson(identity_of(tuple(names)), erased_at is not None)
        return found

    def people_called(self, text: str, limit: int = 50) -> list[int]:
        """Whoever's first or full name holds `text`, or whose @username is `text` (case ignored for ASCII)."""
        rows = self.db.execute(
            "select id from users where erased_at is null and (instr(lower(first_name), lower(?)) > 0 "
            "or instr(lower(full_name), lower(?)) > 0 or lower(username) = lower(?)) order by id limit ?",
            [text, text, text.removeprefix("@"), limit],
        ).fetchall()
        return [r[0] for r in rows]

    def unit_names(self, unit_ids: Iterable[int]) -> dict[int, str]:
        return self.by_id("select id, name from units", unit_ids)

    def attempt_owners(self, attempt_ids: Iterable[int]) -> dict[int, int]:
        """Who made each attempt."""
        return self.by_id("select id, user_id from attempts", attempt_ids)

    def by_id(self, select: str, ids: Iterable[int]) -> dict:
        """`select` (of id and one more column, from one table) for these ids, as {id: the column}."""
        found: dict = {}
        for chunk in chunks(ids):
            marks = ",".join("?" * len(chunk))
            found |= dict(self.db.execute(f"{select} where id in ({marks})", chunk).fetchall())
        return found

    def circle(self, unit_ids: list[int]) -> UnitCircle:
        """What belongs to these units: their instructors, their members (since when), their assignments."""
        marks = ",".join("?" * len(unit_ids)) or "null"
        instructors = self.db.execute(f"select user_id from unit_instructors where unit_id in ({marks})", unit_ids)
        members = self.db.execute(
            f"select user_id, min(joined_at) from unit_members where unit_id in ({marks}) group by user_id", unit_ids
        )
        assignments = self.db.execute(f"select id from assignments where unit_id in ({marks})", unit_ids)
        return UnitCircle(
            frozenset(unit_ids),
            frozenset(r[0] for r in instructors.fetchall()),
            {r[0]: r[1] or "" for r in members.fetchall()},
            frozenset(r[0] for r in assignments.fetchall()),
        )

    def attempts_in(self, attempt_ids: Iterable[int], unit_ids: list[int]) -> set[int]:
        """Those of the attempts made in one of the units (by a member, after they joined)."""
        found: set[int] = set()
        units = ",".join("?" * len(unit_ids)) or "null"
        for chunk in chunks(attempt_ids):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"select a.id from attempts a join unit_members m on m.user_id = a.user_id where a.id in ({marks}) "
                f"and m.unit_id in ({units}) and m.joined_at <= a.started_at",
                [*chunk, *unit_ids],
            )
            found |= {r[0] for r in rows.fetchall()}
        return found


@dataclass(frozen=True)
class LoggedPerson:
    """Someone an audit entry names: their names as the bot holds them, and whether they were erased since (then
    the log names them by id alone)."""

    who: Identity
    erased: bool


@dataclass(frozen=True)
class UnitCircle:
    """Who and what belongs to a set of units, as the audit log names them."""

    units: frozenset[int]
    instructors: frozenset[int]
    members: dict[int, str]
    """Each member and when they first joined one of the units."""
    assignments: frozenset[int]


def chunks(ids: Iterable[int], size: int = 900) -> Iterator[list[int]]:
    """Ids a few hundred at a time: SQLite limits a statement's parameters."""
    unique = sorted(set(ids))
    for start in range(0, len(unique), size):
        yield unique[start : start + size]
