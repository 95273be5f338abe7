"""Review requests: a trainee asks the instructors to look again at one verdict of a call, with a line of why.

At most one request is open per verdict (a unique index). An override of that criterion or an instructor's
reply closes it. What someone is about to type (a trainee's reason, an instructor's reply) waits in
`review_waits`, as an override reason waits in `pending_reasons`: stored, so it survives a restart, and
told apart in memory, so a practice text never reads the table.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from bot.storage.audit import AuditLog
from bot.storage.awaited import Awaited
from bot.storage.store import Store

OPEN, OVERRIDDEN, DISMISSED = "open", "overridden", "dismissed"


@dataclass(frozen=True)
class ReviewRequest:
    id: int
    attempt_id: int
    user_id: int
    subject: str
    """A criterion ("empathy") or a fact ("fact:<name>")."""
    reason: str | None
    """The trainee's words; None once purged."""
    status: str
    asked_at: str
    answered_by: int | None = None
    answer: str | None = None
    """The instructor's reply, or the override's reason."""


@dataclass(frozen=True)
class ReviewWait:
    """A message someone is about to type: a trainee's reason (no request yet), or an instructor's reply to one."""

    attempt_id: int
    subject: str
    """As ReviewRequest.subject: what the reason or reply is about."""
    expires: str
    request_id: int | None
    """The request an instructor is replying to; None while a trainee types the reason for a new one."""


def named(subject: str) -> str:
    """A subject as an audit entry names it, with no colon before the words (retention cuts them at the first)."""
    return subject.replace(":", " ")


def _request(row: dict) -> ReviewRequest:
    return ReviewRequest(
        row["id"],
        row["attempt_id"],
        row["user_id"],
        row["subject"],
        row["reason"],
        row["status"],
        row["asked_at"],
        row["answered_by"],
        row["answer"],
    )


class ReviewRequestTables:
    def __init__(self, store: Store) -> None:
        self.store, self.db = store, store.db
        self.audit = AuditLog(store)
        self._waiting = Awaited(store, "review_waits")

    def add(self, attempt_id: int, user_id: int, subject: str, reason: str) -> int | None:
        """A new open request, audited; None when one is open for that verdict already."""
        try:
            request_id = self.db.execute(
                "insert into review_requests (attempt_id, user_id, subject, reason, status, asked_at) "
                "values (?, ?, ?, ?, ?, ?)",
                [attempt_id, user_id, subject, reason, OPEN, self.store.now()],
            ).lastrowid
        except sqlite3.IntegrityError:
            return None
        self.audit.write(user_id, "review_ask", f"attempt {attempt_id} {named(subject)}: {reason}")
        return int(request_id)

    def get(self, request_id: int) -> ReviewRequest | None:
        row = next(self.db.query("select * from review_requests where id = ?", [request_id]), None)
        return _request(row) if row else None

    def of_attempt(self, attempt_id: int) -> list[ReviewRequest]:
        """Every request about the call, oldest first."""
        rows = self.db.query("select * from review_requests where attempt_id = ? order by id", [attempt_id])
        return [_request(r) for r in rows]

    def open_one(self, attempt_id: int, subject: str) -> ReviewRequest | None:
        found = self.db.query(
            "select * from review_requests where attempt_id = ? and subject = ? and status = ?",
            [attempt_id, subject, OPEN],
        )
        row = next(found, None)
        return _request(row) if row else None

    def close(self, request: ReviewRequest, status: str, actor: int, answer: str) -> bool:
        """Answer an open request (audited); False when it was answered meanwhile."""
        closed = self.db.execute(
            "update review_requests set status = ?, answered_by = ?, answered_at = ?, answer = ? "
            "where id = ? and status = ?",
            [status, actor, self.store.now(), answer, request.id, OPEN],
        ).rowcount
        if closed:
            detail = f"attempt {request.attempt_id} {named(request.subject)} {status}: {answer}"
            self.audit.write(actor, "review_answer", detail)
        return closed > 0

    def instructors_of(self, user_id: int, started_at: str) -> list[dict]:
        """Who instructs a unit the person was a member of when the call started: (id, chat_id, first_name)."""
        return list(
            self.db.query(
                "select distinct u.id, u.chat_id, u.first_name from unit_members m "
                "join unit_instructors i on i.unit_id = m.unit_id join users u on u.id = i.user_id "
                "where m.user_id = ? and m.joined_at <= ? and u.id != ? order by u.id",
                [user_id, started_at, user_id],
            )
        )

    # --- what someone is about to type ---------------------------------------------------------

    def set_wait(self, user_id: int, wait: ReviewWait) -> None:
        self._waiting.users.add(user_id)
        self.db.execute(
            "insert or replace into review_waits (user_id, attempt_id, subject, request_id, expires) "
            "values (?, ?, ?, ?, ?)",
            [user_id, wait.attempt_id, wait.subject, wait.request_id, wait.expires],
        )

    def may_wait(self, user_id: int) -> bool:
        """False for anyone without a wait, without a read."""
        return self._waiting.may(user_id)

    def wait(self, user_id: int) -> ReviewWait | None:
        row = self._waiting.row(user_id)
        return None if row is None else ReviewWait(row["attempt_id"], row["subject"], row["expires"], row["request_id"])

    def take_wait(self, user_id: int) -> bool:
        if not self._waiting.may(user_id):
            return False
        return self.db.execute("delete from review_waits where user_id = ?", [user_id]).rowcount > 0
