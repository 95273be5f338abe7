"""Storage for units, members, assignments, overrides, reminders and the audit log."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from bot.store import Store
from bot.stored_totals import stored_total


@dataclass(frozen=True)
class Unit:
    id: int
    name: str
    code: str
    revoked: bool


class Units:
    """Queries over the units tables; every write that matters is also written to the audit log."""

    def __init__(self, store: Store) -> None:
        self.store, self.db = store, store.db

    def audit(self, actor: int, action: str, detail: str) -> None:
        self.db.execute(
            "insert into audit (at, actor, action, detail) values (?, ?, ?, ?)",
            [self.store.now(), actor, action, detail],
        )

    def audit_log(self, limit: int = 20) -> list[dict]:
        return list(self.db.query("select * from audit order by id desc limit ?", [limit]))

    def set_role(self, user_id: int, role: str) -> None:
        self.store.set_role(user_id, role)

    def create(self, name: str, creator: int) -> Unit:
        code = secrets.token_urlsafe(8)  # 64 random bits; letters, digits, - and _ fit a deep link
        with self.db.atomic():
            unit_id = self.db.execute(
                "insert into units (name, code, created_by, created_at) values (?, ?, ?, ?)",
                [name, code, creator, self.store.now()],
            ).lastrowid
            self.db.execute("insert into unit_instructors (unit_id, user_id) values (?, ?)", [unit_id, creator])
            self.audit(creator, "newunit", f"unit {unit_id} '{name}'")
        return Unit(int(unit_id), name, code, False)

    def by_code(self, code: str) -> Unit | None:
        row = next(self.db.query("select * from units where code = ?", [code]), None)
        return Unit(row["id"], row["name"], row["code"], row["revoked_at"] is not None) if row else None

    def visible(self, user_id: int, admin: bool) -> list[Unit]:
        """All units for an admin; an instructor's own units otherwise."""
        sql = (
            "select * from units"
            if admin
            else ("select u.* from units u join unit_instructors i on i.unit_id = u.id where i.user_id = ?")
        )
        rows = self.db.query(sql + " order by id", [] if admin else [user_id])
        return [Unit(r["id"], r["name"], r["code"], r["revoked_at"] is not None) for r in rows]

    def revoke(self, unit: Unit, actor: int) -> None:
        with self.db.atomic():
            self.db.execute("update units set revoked_at = ? where id = ?", [self.store.now(), unit.id])
            self.audit(actor, "revoke", f"unit {unit.id} code revoked")

    def join(self, unit: Unit, user_id: int) -> bool:
        """Add a member; False if already in. Membership starts now: earlier attempts stay private."""
        return (
            self.db.execute(
                "insert or ignore into unit_members (unit_id, user_id, joined_at) values (?, ?, ?)",
                [unit.id, user_id, self.store.now()],
            ).rowcount
            > 0
        )

    def add_instructor(self, unit: Unit, user_id: int, actor: int) -> bool:
        with self.db.atomic():
            added = (
                self.db.execute(
                    "insert or ignore into unit_instructors (unit_id, user_id) values (?, ?)", [unit.id, user_id]
                ).rowcount
                > 0
            )
            if added:
                self.audit(actor, "addinstructor", f"user {user_id} instructs unit {unit.id}")
        return added

    def new_code(self, unit: Unit, actor: int) -> str:
        code = secrets.token_urlsafe(8)
        with self.db.atomic():
            self.db.execute("update units set code = ?, revoked_at = null where id = ?", [code, unit.id])
            self.audit(actor, "newcode", f"unit {unit.id} has a new join code")
        return code

    def members(self, unit_id: int) -> list[dict]:
        return list(
            self.db.query(
                "select u.* from users u join unit_members m on m.user_id = u.id "
                "where m.unit_id = ? order by u.first_name",
                [unit_id],
            )
        )

    def member_count(self, unit_id: int) -> int:
        return self.db.execute("select count(*) from unit_members where unit_id = ?", [unit_id]).fetchone()[0]

    def assign(self, unit: Unit, scenario_id: str, due: str | None, actor: int) -> int:
        with self.db.atomic():
            self.db.execute(
                "insert into assignments (unit_id, scenario_id, due, assigned_by, assigned_at) values (?, ?, ?, ?, ?) "
                "on conflict(unit_id, scenario_id) do update set due = excluded.due, "
                "assigned_by = excluded.assigned_by",
                [unit.id, scenario_id, due, actor, self.store.now()],
            )
            self.audit(actor, "assign", f"{scenario_id} to unit {unit.id}" + (f" due {due}" if due else ""))
        row = next(
            self.db.query("select id from assignments where unit_id = ? and scenario_id = ?", [unit.id, scenario_id])
        )
        return int(row["id"])

    def assignments_of_unit(self, unit_id: int) -> list[dict]:
        return list(self.db.query("select * from assignments where unit_id = ? order by id", [unit_id]))

    def assignments_of_user(self, user_id: int) -> list[dict]:
        return list(
            self.db.query(
                "select a.*, u.name as unit_name from assignments a join unit_members m on m.unit_id = a.unit_id "
                "join units u on u.id = a.unit_id where m.user_id = ? order by a.due is null, a.due, a.id",
                [user_id],
            )
        )

    def totals(self, user_id: int, scenario_id: str, since: str) -> list[tuple[int, bool]]:
        """(total, automatic fail) of the user's finished attempts at the scenario since a time, oldest first."""
        rows = self.db.query(
            "select total, auto_fail from attempts where user_id = ? and scenario_id = ? and status = 'finished' "
            "and started_at >= ? order by id",
            [user_id, scenario_id, since],
        )
        return [(r["total"] or 0, r["auto_fail"] not in (None, "[]")) for r in rows]

    def unfinished_assignments(self) -> list[dict]:
        """Every (member, dated assignment) with no finished attempt since it was assigned."""
        return list(
            self.db.query(
                "select a.id as assignment_id, a.scenario_id, a.due, u.id as user_id, u.chat_id "
                "from assignments a join unit_members m on m.unit_id = a.unit_id join users u on u.id = m.user_id "
                "where a.due is not null and not exists (select 1 from attempts t where t.user_id = u.id "
                "and t.scenario_id = a.scenario_id and t.status = 'finished' and t.started_at >= a.assigned_at)"
            )
        )

    def mark_reminded(self, user_id: int, assignment_id: int, kind: str) -> bool:
        """Record a reminder; False if it was already sent (so each is sent once)."""
        cursor = self.db.execute(
            "insert or ignore into reminders (user_id, assignment_id, kind, at) values (?, ?, ?, ?)",
            [user_id, assignment_id, kind, self.store.now()],
        )
        return cursor.rowcount > 0

    def may_see(self, instructor: int, trainee: int, started_at: str) -> bool:
        """An instructor sees an attempt made while the trainee was a member of one of their units."""
        return (
            self.db.execute(
                "select 1 from unit_members m join unit_instructors i on i.unit_id = m.unit_id "
                "where i.user_id = ? and m.user_id = ? and m.joined_at <= ? limit 1",
                [instructor, trainee, started_at],
            ).fetchone()
            is not None
        )

    def results_of(self, attempt_id: int) -> dict[str, dict]:
        return {r["criterion"]: r for r in self.db.query("select * from results where attempt_id = ?", [attempt_id])}

    def override(self, attempt_id: int, criterion: str, met: bool, reason: str, actor: int) -> int:
        """Change a verdict, keep the original, record who and why; return the new total (SPEC rule)."""
        with self.db.atomic():
            original = self.results_of(attempt_id)[criterion]["met"]
            self.db.execute(
                "insert into overrides (attempt_id, criterion, original_met, met, reason, by, at) "
                "values (?, ?, ?, ?, ?, ?, ?)",
                [attempt_id, criterion, original, int(met), reason, actor, self.store.now()],
            )
            self.db.execute(
                "update results set met = ?, score = ? where attempt_id = ? and criterion = ?",
                [int(met), 1.0 if met else 0.0, attempt_id, criterion],
            )
            total = stored_total(self.db, attempt_id)
            self.db.execute("update attempts set total = ? where id = ?", [total, attempt_id])
            self.audit(actor, "override", f"attempt {attempt_id} {criterion} -> {'met' if met else 'missed'}: {reason}")
        return total

    def overridden(self, attempt_id: int) -> list[dict]:
        return list(self.db.query("select * from overrides where attempt_id = ? order by id", [attempt_id]))

    def attempts_of_units(self, unit_ids: list[int]) -> list[dict[str, Any]]:
        """Finished attempts of the units' members, one row per (unit, attempt), oldest first."""
        if not unit_ids:
            return []
        marks = ",".join("?" * len(unit_ids))
        return list(
            self.db.query(
                f"select a.*, u.first_name, u.username, n.name as unit_name, n.id as unit_id, "
                f"exists (select 1 from overrides o where o.attempt_id = a.id) as overridden "
                f"from attempts a join unit_members m on m.user_id = a.user_id join units n on n.id = m.unit_id "
                f"join users u on u.id = a.user_id where m.unit_id in ({marks}) and a.status = 'finished' "
                f"and a.started_at >= m.joined_at "
                f"order by a.id",
                unit_ids,
            )
        )
