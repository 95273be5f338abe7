"""What notices are owed and what was already sent: reminders, completions told to instructors, digests."""

from __future__ import annotations

from bot.storage.standings import ACTIVE, COUNTS, MEMBER_DUE, passes
from bot.storage.store import Store


class NoticeTables:
    def __init__(self, store: Store) -> None:
        self.store, self.db = store, store.db

    def unpassed_assignments(self, pass_mark: int) -> list[dict]:
        """Every (member, dated assignment of an active unit) not passed since it was assigned (`pass_mark`:
        agency.yaml's), with when it is due for that member and when they joined."""
        return list(
            self.db.query(
                f"select a.id as assignment_id, a.scenario_id, {MEMBER_DUE} as due, a.assigned_at, m.joined_at, "
                "u.id as user_id, u.chat_id "
                "from assignments a join unit_members m on m.unit_id = a.unit_id join users u on u.id = m.user_id "
                f"where a.due is not null and {ACTIVE} and not exists (select 1 from attempts t where {COUNTS} "
                f"and {passes(pass_mark)})"
            )
        )

    def was_reminded(self, user_id: int, scenario_id: str, kind: str) -> bool:
        """Whether a reminder of this kind was recorded for this trainee and scenario, whichever unit assigned it."""
        return (
            self.db.execute(
                "select 1 from reminders r join assignments a on a.id = r.assignment_id "
                "where r.user_id = ? and r.kind = ? and a.scenario_id = ? limit 1",
                [user_id, kind, scenario_id],
            ).fetchone()
            is not None
        )

    def reminded_at(self, user_id: int, scenario_id: str, kind: str) -> list[str]:
        """When reminders of this kind were recorded for this trainee and scenario (stored UTC instants)."""
        rows = self.db.execute(
            "select r.at from reminders r join assignments a on a.id = r.assignment_id "
            "where r.user_id = ? and r.kind = ? and a.scenario_id = ?",
            [user_id, kind, scenario_id],
        )
        return [r[0] for r in rows.fetchall() if r[0]]

    def mark_reminded(self, user_id: int, assignment_id: int, scenario_id: str, kind: str) -> bool:
        """Record a reminder; False if one of this kind was already sent for this trainee and scenario
        (whichever unit assigned it), so each is sent once."""
        if self.was_reminded(user_id, scenario_id, kind):
            return False
        cursor = self.db.execute(
            "insert or ignore into reminders (user_id, assignment_id, kind, at) values (?, ?, ?, ?)",
            [user_id, assignment_id, kind, self.store.now()],
        )
        return cursor.rowcount > 0

    def units_with_untold_completions(self) -> list[tuple[int, str | None]]:
        """(unit id, when its instructors were last told) for units with completions not yet told."""
        return self.db.execute(
            "select c.unit_id, (select max(told_at) from completions d where d.unit_id = c.unit_id) "
            "from completions c where c.told_at is null group by c.unit_id"
        ).fetchall()

    def untold_completions(self, unit_id: int, pass_mark: int) -> list[dict]:
        """The unit's finished attempts at its assignments not yet told to its instructors, oldest first: each
        with whether it passed, and whether a pass of the same assignment was told before (then it is practice)."""
        earlier = (
            "exists (select 1 from completions d join attempts e on e.id = d.attempt_id "
            "where d.assignment_id = c.assignment_id and d.user_id = c.user_id and d.told_at is not null "
            f"and {passes(pass_mark, 'e')})"
        )
        return list(
            self.db.query(
                "select c.*, u.first_name, u.username, u.full_name, u.badge, "
                "a.scenario_id, coalesce(a.pass_mark, ?) as pass_mark, t.total, t.auto_fail, "
                f"{passes(pass_mark)} as passed, {earlier} as passed_before, n.name as unit_name "
                "from completions c join users u on u.id = c.user_id join assignments a on a.id = c.assignment_id "
                "join attempts t on t.id = c.attempt_id join units n on n.id = c.unit_id "
                "where c.unit_id = ? and c.told_at is null order by c.at, c.attempt_id",
                [pass_mark, unit_id],
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
            "join units n on n.id = i.unit_id and n.archived_at is null "
            "where u.role != 'trainee' and u.id not in (select user_id from digest_optout) "
            "and u.id not in (select user_id from digests where week = ?) order by u.id, i.unit_id",
            [week],
        ).fetchall()
        out: dict[int, tuple[int, int, list[int]]] = {}
        for user_id, chat_id, unit_id in rows:
            out.setdefault(user_id, (user_id, chat_id, []))[2].append(unit_id)
        return list(out.values())

    def mark_digest(self, user_id: int, week: str, at: str) -> bool:
        cursor = self.db.execute(
            "insert or ignore into digests (user_id, week, at) values (?, ?, ?)", [user_id, week, at]
        )
        return cursor.rowcount > 0

    def digest_optout(self, user_id: int, at: str) -> None:
        self.db.execute("insert or ignore into digest_optout (user_id, at) values (?, ?)", [user_id, at])
