"""Who belongs to a unit and what it is called: members and instructors taken off one unit, a member leaving,
a unit renamed (the new name waiting for its confirming tap), archived and restored. Every change is audited
in its own transaction, with what it leaves behind (reminders still owed for the unit's assignments)."""

from __future__ import annotations

from bot.storage.audit import AuditLog
from bot.storage.standings import BY_NAME
from bot.storage.store import Store
from bot.storage.units import Unit, _unit

UNSENT_REMINDERS = (
    "delete from outbox where sent is null and failed is null and json_extract(body, '$.reminder[1]') in "
    "(select id from assignments where unit_id = ?)"
)
"""Reminders still owed for a unit's assignments (add a condition on `$.reminder[0]` for one person's)."""


class MembershipTables:
    def __init__(self, store: Store) -> None:
        self.store, self.db = store, store.db
        self.audit = AuditLog(store)

    # --- reads ---------------------------------------------------------------------------------

    def unit(self, unit_id: int) -> Unit | None:
        row = next(self.db.query("select * from units where id = ?", [unit_id]), None)
        return _unit(row) if row else None

    def instructors(self, unit_id: int) -> list[dict]:
        """The unit's instructors, its creator first: id, their names (bot.storage.people.NAMES), chat_id, role,
        created (1 or 0)."""
        return list(
            self.db.query(
                "select u.id, u.first_name, u.username, u.full_name, u.badge, u.chat_id, u.role, "
                "(n.created_by = u.id) as created "
                "from unit_instructors i join users u on u.id = i.user_id join units n on n.id = i.unit_id "
                f"where i.unit_id = ? order by created desc, {BY_NAME}, u.id",
                [unit_id],
            )
        )

    def units_of_member(self, user_id: int) -> list[Unit]:
        """The units a person is a member of, archived ones included, oldest first."""
        return [
            _unit(r)
            for r in self.db.query(
                "select n.* from unit_members m join units n on n.id = m.unit_id where m.user_id = ? order by n.id",
                [user_id],
            )
        ]

    # --- changes -------------------------------------------------------------------------------

    def remove_member(self, unit: Unit, user_id: int, actor: int, action: str) -> bool:
        """Take a member off the unit (`action`: "removemember" by an instructor, "leave" by themselves): their
        reminders still owed for its assignments go too; their calls stay theirs. False if not a member."""
        with self.db.atomic():
            cursor = self.db.execute("delete from unit_members where unit_id = ? and user_id = ?", [unit.id, user_id])
            if cursor.rowcount == 0:
                return False
            self.db.execute(UNSENT_REMINDERS + " and json_extract(body, '$.reminder[0]') = ?", [unit.id, user_id])
            of_unit = "user_id = ? and assignment_id in (select id from assignments where unit_id = ?)"
            self.db.execute(f"delete from reminders where {of_unit}", [user_id, unit.id])
            self.db.execute(f"delete from completions where {of_unit} and told_at is null", [user_id, unit.id])
            self.audit.write(actor, action, f"user {user_id} from unit {unit.id}")
        return True

    def remove_instructor(self, unit: Unit, user_id: int, actor: int) -> bool:
        with self.db.atomic():
            cursor = self.db.execute(
                "delete from unit_instructors where unit_id = ? and user_id = ?", [unit.id, user_id]
            )
            if cursor.rowcount == 0:
                return False
            self.audit.write(actor, "removeinstructor", f"user {user_id} from unit {unit.id}")
        return True

    def rename(self, unit: Unit, name: str, actor: int) -> None:
        with self.db.atomic():
            self.db.execute("update units set name = ? where id = ?", [name, unit.id])
            self.db.execute("delete from unit_renames where user_id = ?", [actor])
            self.audit.write(actor, "renameunit", f"unit {unit.id} '{unit.name}' -> '{name}'")

    def archive(self, unit: Unit, actor: int, archived: bool) -> None:
        """Archive (reminders still owed for its assignments go) or restore a unit."""
        with self.db.atomic():
            at = self.store.now() if archived else None
            self.db.execute("update units set archived_at = ? where id = ?", [at, unit.id])
            if archived:
                self.db.execute(UNSENT_REMINDERS, [unit.id])
            self.audit.write(actor, "archive" if archived else "restore", f"unit {unit.id} '{unit.name}'")

    # --- a rename waiting for its tap -------------------------------------------------------------

    def ask_rename(self, user_id: int, unit_id: int, name: str, expires: str) -> None:
        self.db.execute(
            "insert or replace into unit_renames (user_id, unit_id, name, expires) values (?, ?, ?, ?)",
            [user_id, unit_id, name, expires],
        )

    def asked_rename(self, user_id: int, unit_id: int) -> str | None:
        """The new name this person asked for the unit, unless it lapsed."""
        row = self.db.execute(
            "select name from unit_renames where user_id = ? and unit_id = ? and expires > ?",
            [user_id, unit_id, self.store.now()],
        ).fetchone()
        return row[0] if row else None

    def forget_rename(self, user_id: int) -> None:
        self.db.execute("delete from unit_renames where user_id = ?", [user_id])
