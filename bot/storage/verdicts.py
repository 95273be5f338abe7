"""Stored verdicts and the overrides that change them, and the reason an instructor is about to type."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.audit import AuditLog
from bot.storage.awaited import Awaited
from bot.storage.store import Store
from bot.storage.stored_totals import stored_total
from bot.storage.xapi import owe_correction
from bot.transcript import CRITERIA


@dataclass(frozen=True)
class PendingReason:
    """An override confirmed by taps: the instructor's next message is its reason, until it lapses."""

    attempt_id: int
    criterion: str
    met: bool
    expires: str


class Verdicts:
    def __init__(self, store: Store) -> None:
        self.store, self.db = store, store.db
        self.audit = AuditLog(store)
        self._awaiting = Awaited(store, "pending_reasons")
        """Who may have a pending reason: a reason survives a restart, and practice texts never read the table."""

    def results_of(self, attempt_id: int) -> dict[str, dict]:
        return {r["criterion"]: r for r in self.db.query("select * from results where attempt_id = ?", [attempt_id])}

    def override(self, attempt_id: int, criterion: str, met: bool, reason: str, actor: int) -> int:
        """Change a verdict, keep the original, record who and why; return the new total (SPEC rule)."""
        with self.db.atomic():
            if criterion not in CRITERIA:
                raise ValueError(f"unknown criterion {criterion!r}")
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
            self.db.execute(  # the attempt's copy of the verdict (bot.storage.store.sync_verdicts)
                f"update attempts set v_{criterion} = ? where id = ?", [int(met), attempt_id]
            )
            total = stored_total(self.db, attempt_id)
            self.db.execute("update attempts set total = ? where id = ?", [total, attempt_id])
            verdict = "met" if met else "missed"
            self.audit.write(actor, "override", f"attempt {attempt_id} {criterion} -> {verdict}: {reason}")
            owe_correction(self.db, attempt_id, "override", self.store.now())  # the LRS's copy, if it has one
        return total

    def overridden(self, attempt_id: int) -> list[dict]:
        return list(self.db.query("select * from overrides where attempt_id = ? order by id", [attempt_id]))

    def set_pending_reason(self, user_id: int, pending: PendingReason) -> None:
        self._awaiting.users.add(user_id)
        self.db.execute(
            "insert or replace into pending_reasons (user_id, attempt_id, criterion, met, expires) "
            "values (?, ?, ?, ?, ?)",
            [user_id, pending.attempt_id, pending.criterion, int(pending.met), pending.expires],
        )

    def may_await_reason(self, user_id: int) -> bool:
        """False for anyone without a pending reason, without a read: so practice texts go straight on."""
        return self._awaiting.may(user_id)

    def pending_reason(self, user_id: int) -> PendingReason | None:
        row = self._awaiting.row(user_id)
        if row is None:
            return None
        return PendingReason(row["attempt_id"], row["criterion"], bool(row["met"]), row["expires"])

    def take_pending_reason(self, user_id: int) -> bool:
        return self.db.execute("delete from pending_reasons where user_id = ?", [user_id]).rowcount > 0
