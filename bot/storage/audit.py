"""The audit log: who changed what, and the people it names. Every change that matters is written here."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.store import Store


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
