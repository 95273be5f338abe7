"""Storage for units, members, assignments, overrides, reminders and the audit log."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from bot.storage.store import Store, sync_verdicts
from bot.storage.stored_totals import stored_total


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

    def audit_log(self, limit: int = 20, offset: int = 0, action: str = "", who: int | None = None) -> list[dict]:
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

    def audit_actions(self) -> list[str]:
        return [r[0] for r in self.db.execute("select distinct action from audit order by action").fetchall()]

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

    def assignment(self, unit_id: int, scenario_id: str) -> dict | None:
        return next(
            self.db.query("select * from assignments where unit_id = ? and scenario_id = ?", [unit_id, scenario_id]),
            None,
        )

    def completed_by(self, assignment_id: int) -> set[int]:
        rows = self.db.execute("select user_id from completions where assignment_id = ?", [assignment_id])
        return {r[0] for r in rows.fetchall()}

    def assign(self, unit: Unit, scenario_id: str, due: str | None, actor: int) -> int:
        """Assign, or change the due date of an assignment (its overdue notices may then come again)."""
        with self.db.atomic():
            self.db.execute(
                "delete from reminders where kind = 'overdue' and assignment_id in "
                "(select id from assignments where unit_id = ? and scenario_id = ? and due is not ?)",
                [unit.id, scenario_id, due],
            )
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
            self.audit(actor, "unassign", detail)

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
                "select a.id as assignment_id, a.scenario_id, a.due, a.assigned_at, u.id as user_id, u.chat_id "
                "from assignments a join unit_members m on m.unit_id = a.unit_id join users u on u.id = m.user_id "
                "where a.due is not null and not exists (select 1 from attempts t where t.user_id = u.id "
                "and t.scenario_id = a.scenario_id and t.status = 'finished' and t.started_at >= a.assigned_at)"
            )
        )

    def mark_reminded(self, user_id: int, assignment_id: int, scenario_id: str, kind: str) -> bool:
        """Record a reminder; False if one of this kind was already sent for this trainee and scenario
        (whichever unit assigned it), so each is sent once."""
        if self.db.execute(
            "select 1 from reminders r join assignments a on a.id = r.assignment_id "
            "where r.user_id = ? and r.kind = ? and a.scenario_id = ? limit 1",
            [user_id, kind, scenario_id],
        ).fetchone():
            return False
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
            sync_verdicts(self.db, attempt_id)
            total = stored_total(self.db, attempt_id)
            self.db.execute("update attempts set total = ? where id = ?", [total, attempt_id])
            self.audit(actor, "override", f"attempt {attempt_id} {criterion} -> {'met' if met else 'missed'}: {reason}")
        return total

    def overridden(self, attempt_id: int) -> list[dict]:
        return list(self.db.query("select * from overrides where attempt_id = ? order by id", [attempt_id]))

    # --- people ------------------------------------------------------------------------

    def by_username(self, username: str) -> int | None:
        row = self.db.execute("select id from users where lower(username) = lower(?)", [username]).fetchone()
        return row[0] if row else None

    def names(self, user_ids: set[int]) -> dict[int, str]:
        if not user_ids:
            return {}
        marks = ",".join("?" * len(user_ids))
        rows = self.db.execute(f"select id, first_name from users where id in ({marks})", list(user_ids))
        return dict(rows.fetchall())

    @staticmethod
    def by_ids(conn, unit_ids: list[int]) -> list[Unit]:
        if not unit_ids:
            return []
        marks = ",".join("?" * len(unit_ids))
        rows = conn.execute(f"select id, name, code, revoked_at from units where id in ({marks})", unit_ids)
        return [Unit(r[0], r[1], r[2], r[3] is not None) for r in rows.fetchall()]

    # --- instructors' notices ---------------------------------------------------------------

    def units_with_untold_completions(self) -> list[tuple[int, str | None]]:
        """(unit id, when its instructors were last told) for units with completions not yet told."""
        return self.db.execute(
            "select c.unit_id, (select max(told_at) from completions d where d.unit_id = c.unit_id) "
            "from completions c where c.told_at is null group by c.unit_id"
        ).fetchall()

    def untold_completions(self, unit_id: int) -> list[dict]:
        return list(
            self.db.query(
                "select c.*, u.first_name, a.scenario_id, t.total, t.auto_fail, n.name as unit_name "
                "from completions c join users u on u.id = c.user_id join assignments a on a.id = c.assignment_id "
                "join attempts t on t.id = c.attempt_id join units n on n.id = c.unit_id "
                "where c.unit_id = ? and c.told_at is null order by c.at, c.user_id",
                [unit_id],
            )
        )

    def mark_told(self, unit_id: int, at: str) -> None:
        self.db.execute("update completions set told_at = ? where unit_id = ? and told_at is null", [at, unit_id])

    def instructor_chats(self, unit_id: int) -> list[int]:
        rows = self.db.execute(
            "select u.chat_id from unit_instructors i join users u on u.id = i.user_id where i.unit_id = ? "
            "and u.role != 'trainee' order by u.id",
            [unit_id],
        )
        return [r[0] for r in rows.fetchall()]

    def digest_recipients(self, week: str) -> list[tuple[int, int, list[int]]]:
        """Instructors (not opted out, not yet sent this week's) with their units."""
        rows = self.db.execute(
            "select u.id, u.chat_id, i.unit_id from unit_instructors i join users u on u.id = i.user_id "
            "where u.role != 'trainee' and u.id not in (select user_id from digest_optout) "
            "and u.id not in (select user_id from digests where week = ?) order by u.id, i.unit_id",
            [week],
        ).fetchall()
        out: dict[int, tuple[int, int, list[int]]] = {}
        for user_id, chat_id, unit_id in rows:
            out.setdefault(user_id, (user_id, chat_id, []))[2].append(unit_id)
        return list(out.values())

    def mark_digest(self, user_id: int, week: str, at: str) -> bool:
        return (
            self.db.execute(
                "insert or ignore into digests (user_id, week, at) values (?, ?, ?)", [user_id, week, at]
            ).rowcount
            > 0
        )

    def digest_optout(self, user_id: int, at: str) -> None:
        self.db.execute("insert or ignore into digest_optout (user_id, at) values (?, ?)", [user_id, at])

    # --- a reason an instructor is about to type ------------------------------------------------

    def set_pending_reason(self, user_id: int, attempt_id: int, criterion: str, met: bool, expires: str) -> None:
        self.db.execute(
            "insert or replace into pending_reasons (user_id, attempt_id, criterion, met, expires) "
            "values (?, ?, ?, ?, ?)",
            [user_id, attempt_id, criterion, int(met), expires],
        )

    def pending_reason(self, user_id: int) -> dict | None:
        return next(self.db.query("select * from pending_reasons where user_id = ?", [user_id]), None)

    def take_pending_reason(self, user_id: int) -> bool:
        return self.db.execute("delete from pending_reasons where user_id = ?", [user_id]).rowcount > 0
