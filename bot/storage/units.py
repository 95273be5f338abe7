"""Units, their members and instructors, and what is assigned to them; every change is audited."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from bot.storage.audit import AuditLog
from bot.storage.standings import BY_NAME
from bot.storage.store import Store

CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
"""Join code characters that cannot be misread aloud or on paper: no 0/O, 1/I/L, 5/S, 2/Z, 8/B."""
CODE_GROUPS = 3


@dataclass(frozen=True)
class Unit:
    id: int
    name: str
    code: str
    revoked: bool
    archived: bool = False
    """Archived: kept with its results, hidden from active lists, taking no new members."""


def _unit(row: dict) -> Unit:
    return Unit(row["id"], row["name"], row["code"], row["revoked_at"] is not None, row.get("archived_at") is not None)


def new_join_code() -> str:
    """ "K7M-4QX-R9T": nine characters from CODE_ALPHABET (about 42 random bits), in groups of three."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(3 * CODE_GROUPS))
    return "-".join(raw[i : i + 3] for i in range(0, len(raw), 3))


def code_forms(raw: str) -> list[str]:
    """The stored codes a typed or spoken code may be: as typed (older codes are case-sensitive), and, when it
    reads as a new code in any case, with or without dashes or spaces, its grouped upper-case form."""
    typed = raw.strip()
    letters = "".join(c for c in typed if c not in "- ").upper()
    forms = [typed]
    if len(letters) == 3 * CODE_GROUPS and all(c in CODE_ALPHABET for c in letters):
        forms.append("-".join(letters[i : i + 3] for i in range(0, len(letters), 3)))
    return forms


class UnitTables:
    def __init__(self, store: Store) -> None:
        self.store, self.db = store, store.db
        self.audit = AuditLog(store)

    def fresh_code(self) -> str:
        """A join code no unit has (letters, digits and - fit a deep link)."""
        while True:
            code = new_join_code()
            if self.by_code(code) is None:
                return code

    def create(self, name: str, creator: int) -> Unit:
        code = self.fresh_code()
        with self.db.atomic():
            unit_id = self.db.execute(
                "insert into units (name, code, created_by, created_at) values (?, ?, ?, ?)",
                [name, code, creator, self.store.now()],
            ).lastrowid
            self.db.execute("insert into unit_instructors (unit_id, user_id) values (?, ?)", [unit_id, creator])
            self.audit.write(creator, "newunit", f"unit {unit_id} '{name}'")
        return Unit(int(unit_id), name, code, False)

    def by_code(self, code: str) -> Unit | None:
        """The unit of a code as typed, spoken or linked (see `code_forms`)."""
        forms = code_forms(code)
        marks = ",".join("?" * len(forms))
        row = next(self.db.query(f"select * from units where code in ({marks}) order by id limit 1", forms), None)
        return _unit(row) if row else None

    def visible(self, user_id: int, admin: bool) -> list[Unit]:
        """All units for an admin; an instructor's own units otherwise."""
        sql = (
            "select * from units"
            if admin
            else "select u.* from units u join unit_instructors i on i.unit_id = u.id where i.user_id = ?"
        )
        return [_unit(r) for r in self.db.query(sql + " order by id", [] if admin else [user_id])]

    def revoke(self, unit: Unit, actor: int) -> None:
        with self.db.atomic():
            self.db.execute("update units set revoked_at = ? where id = ?", [self.store.now(), unit.id])
            self.audit.write(actor, "revoke", f"unit {unit.id} code revoked")

    def join(self, unit: Unit, user_id: int, grace_until: str | None = None) -> bool:
        """Add a member; False if already in. Membership starts now: earlier attempts stay private.
        `grace_until`: the local date an assignment made before they joined is due for them at the earliest."""
        cursor = self.db.execute(
            "insert or ignore into unit_members (unit_id, user_id, joined_at, grace_until) values (?, ?, ?, ?)",
            [unit.id, user_id, self.store.now(), grace_until],
        )
        return cursor.rowcount > 0

    def add_instructor(self, unit: Unit, user_id: int, actor: int) -> bool:
        with self.db.atomic():
            cursor = self.db.execute(
                "insert or ignore into unit_instructors (unit_id, user_id) values (?, ?)", [unit.id, user_id]
            )
            if cursor.rowcount > 0:
                self.audit.write(actor, "addinstructor", f"user {user_id} instructs unit {unit.id}")
        return cursor.rowcount > 0

    def new_code(self, unit: Unit, actor: int) -> str:
        code = self.fresh_code()
        with self.db.atomic():
            self.db.execute("update units set code = ?, revoked_at = null where id = ?", [code, unit.id])
            self.audit.write(actor, "newcode", f"unit {unit.id} has a new join code")
        return code

    def members(self, unit_id: int) -> list[dict]:
        return list(
            self.db.query(
                "select u.* from users u join unit_members m on m.user_id = u.id "
                f"where m.unit_id = ? order by {BY_NAME}, u.id",
                [unit_id],
            )
        )

    def member_count(self, unit_id: int) -> int:
        return self.db.execute("select count(*) from unit_members where unit_id = ?", [unit_id]).fetchone()[0]

    def member_units(self, user_id: int) -> set[int]:
        return {r[0] for r in self.db.execute("select unit_id from unit_members where user_id = ?", [user_id])}

    def may_see(self, instructor: int, trainee: int, started_at: str) -> bool:
        """An instructor sees an attempt made while the trainee was a member of one of their units."""
        row = self.db.execute(
            "select 1 from unit_members m join unit_instructors i on i.unit_id = m.unit_id "
            "where i.user_id = ? and m.user_id = ? and m.joined_at <= ? limit 1",
            [instructor, trainee, started_at],
        ).fetchone()
        return row is not None

    # --- assignments --------------------------------------------------------------------

    def assignment(self, unit_id: int, scenario_id: str) -> dict | None:
        return next(
            self.db.query("select * from assignments where unit_id = ? and scenario_id = ?", [unit_id, scenario_id]),
            None,
        )

    def assign(self, unit: Unit, scenario_id: str, due: str | None, actor: int, pass_mark: int | None = None) -> int:
        """Assign, or change the due date and pass mark (None: agency.yaml's) of an assignment (its overdue
        notices may then come again)."""
        with self.db.atomic():
            self.db.execute(
                "delete from reminders where kind = 'overdue' and assignment_id in "
                "(select id from assignments where unit_id = ? and scenario_id = ? and due is not ?)",
                [unit.id, scenario_id, due],
            )
            self.db.execute(
                "insert into assignments (unit_id, scenario_id, due, assigned_by, assigned_at, pass_mark) "
                "values (?, ?, ?, ?, ?, ?) on conflict(unit_id, scenario_id) do update set due = excluded.due, "
                "assigned_by = excluded.assigned_by, pass_mark = excluded.pass_mark",
                [unit.id, scenario_id, due, actor, self.store.now(), pass_mark],
            )
            detail = f"{scenario_id} to unit {unit.id}" + (f" due {due}" if due else "")
            self.audit.write(actor, "assign", detail + (f" pass mark {pass_mark}" if pass_mark is not None else ""))
        return int(self.assignment(unit.id, scenario_id)["id"])

    def assignment_by_id(self, assignment_id: int) -> dict | None:
        return next(self.db.query("select * from assignments where id = ?", [assignment_id]), None)

    def unassign(self, assignment_id: int, actor: int, detail: str) -> None:
        """The assignment, its reminders (sent, or waiting in the outbox) and its completions (not yet
        told to instructors) go together."""
        with self.db.atomic():
            self.db.execute(
                "delete from outbox where sent is null and failed is null and json_extract(body, '$.reminder[1]') = ?",
                [assignment_id],
            )
            for table in ("reminders", "completions"):
                self.db.execute(f"delete from {table} where assignment_id = ?", [assignment_id])
            self.db.execute("delete from assignments where id = ?", [assignment_id])
            self.audit.write(actor, "unassign", detail)
