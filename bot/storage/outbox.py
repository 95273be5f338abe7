"""Every message the bot owes anyone, written in the same transaction as the change that caused it.

A reply, a notice to another user, a reminder, a chart or a CSV file: each becomes one
row here, in the transaction that made it owed. A sender (`bot.tg.sender`) delivers the
pending rows of each chat in order and marks each one sent after Telegram accepted it,
so a crash at any moment loses nothing: what was pending is delivered after the restart.
The one repeat it allows is a message Telegram accepted just before the process died,
before its row was marked sent (the documented duplicate window).

Charts and files are stored as recipes (`render` and its arguments), not bytes: the
sender draws them off the event loop when their turn comes.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from bot.storage.database import checkpoint
from bot.transcript import MAX_MESSAGE_CHARS

SECRET_CHECKPOINT_WAIT = 0.2
"""Seconds the sender waits for readers before emptying the WAL after wiping a link (the next one will do)."""

NOT_HELD = (
    "not (outbox.hold is 1 and exists (select 1 from attempts t where t.user_id = outbox.chat_id "
    "and t.status = 'active'))"
)
"""A held notice waits while its chat (a private chat: the user's id) has a live practice call."""

Buttons = tuple[tuple[tuple[str, str], ...], ...]
"""Rows of (label, callback data) for an inline keyboard."""


@dataclass(frozen=True)
class Outgoing:
    """One message owed to one chat."""

    chat_id: int
    text: str | None = None
    buttons: Buttons = ()
    render: str | None = None
    """A chart or file to draw when it is sent: the name of a renderer (see bot.tg.sender)."""
    args: dict[str, Any] = field(default_factory=dict)
    menu: str | None = None
    """A role whose command menu this chat should now show."""
    reminder: tuple[int, int, str] | None = None
    """(user id, assignment id, kind): marked delivered when this message is."""
    hold: bool = False
    """A notice (assignment, reminder, override...): held while its chat is in a live practice call,
    then delivered after the call's last message (see `Outbox.release`)."""
    secret: bool = False
    """Its buttons carry a secret (a one-time sign-in link): they are wiped from the row once it is
    delivered or given up, so the database never keeps a working link longer than needed."""

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {}
        if self.text is not None:
            body["text"] = self.text
        if self.buttons:
            body["buttons"] = [list(map(list, row)) for row in self.buttons]
        if self.render:
            body["render"], body["args"] = self.render, self.args
        if self.menu:
            body["menu"] = self.menu
        if self.reminder:
            body["reminder"] = list(self.reminder)
        if self.secret:
            body["secret"] = True
        return body


@dataclass(frozen=True)
class Pending:
    """A stored message not yet delivered."""

    id: int
    chat_id: int
    body: dict[str, Any]
    tries: int

    @property
    def buttons(self) -> Buttons:
        return tuple(tuple((label, data) for label, data in row) for row in self.body.get("buttons", ()))


def chunks(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Split at paragraph or line breaks where possible so no message is over the limit."""
    parts: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n\n", 0, limit)
        cut = cut if cut > limit // 2 else text.rfind("\n", 0, limit)
        cut = cut if cut > 0 else limit
        parts.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return parts + [text] if text else parts


class Outbox:
    """Rows of the `outbox` table; callers open the transaction."""

    def __init__(self, db: Database, clock=time.time) -> None:
        self.db, self.clock = db, clock
        self.touched: dict[int, None] = {}
        """Chats written to since the sender last looked, in order (it serves them first)."""

    def add(self, messages: Iterable[Outgoing], source: str = "") -> int:
        """Store messages (long texts as several rows, buttons on the last); returns how many rows."""
        rows = []
        now = self.clock()
        for message in messages:
            parts = chunks(message.text) if message.text else [None]
            for i, part in enumerate(parts):
                last = i == len(parts) - 1
                piece = Outgoing(
                    message.chat_id,
                    part,
                    message.buttons if last else (),
                    message.render if last else None,
                    message.args if last else {},
                    message.menu if last else None,
                    message.reminder if last else None,
                    secret=message.secret and last,
                )
                body = json.dumps(piece.body(), ensure_ascii=False)
                rows.append((piece.chat_id, body, source, now, now, 1 if message.hold else None))
                self.touched[piece.chat_id] = None
        self.db.conn.executemany(
            "insert into outbox (chat_id, body, source, created, next_at, tries, hold) values (?, ?, ?, ?, ?, 0, ?)",
            rows,
        )
        return len(rows)

    def release(self, chat_id: int) -> None:
        """A practice call ended: its held notices move behind everything owed so far (the scorecard
        first), in their own order. Inside the caller's transaction."""
        held = [
            r[0]
            for r in self.db.execute(
                "select id from outbox where chat_id = ? and hold = 1 and sent is null and failed is null order by id",
                [chat_id],
            ).fetchall()
        ]
        if not held:
            return
        top = self.db.execute("select max(id) from outbox").fetchone()[0]
        for n, old in enumerate(held, start=1):
            self.db.execute("update outbox set id = ? where id = ?", [top + n, old])

    def due_chats(self, limit: int = 1000, now: float | None = None) -> tuple[list[int], float | None]:
        """Up to `limit` chats with a message ready to send now, oldest first; and when the next deferred one is due."""
        now = self.clock() if now is None else now
        ready, later = [], None
        rows = self.db.execute(
            "select chat_id, next_at from outbox where id in (select min(id) from outbox "
            f"where sent is null and failed is null and {NOT_HELD} group by chat_id) order by id limit ?",
            [limit],
        ).fetchall()
        for chat_id, next_at in rows:
            if next_at <= now:
                ready.append(chat_id)
            else:
                later = next_at if later is None else min(later, next_at)
        return ready, later

    def head(self, chat_id: int, after: int = 0) -> Pending | None:
        """The chat's oldest undelivered message: later ones wait for it, so order holds. `after`: the last
        one sent whose row the bot has yet to mark (the delivery process's, bot.tg.delivery)."""
        row = self.db.execute(
            "select id, chat_id, body, tries, next_at from outbox where chat_id = ? and id > ? and sent is null "
            f"and failed is null and {NOT_HELD} order by id limit 1",
            [chat_id, after],
        ).fetchone()
        if row is None or row[4] > self.clock():
            return None
        return Pending(row[0], row[1], json.loads(row[2]), row[3])

    def forget_secret(self, message: Pending) -> None:
        """Wipe a delivered (or given up) sign-in link; secure_delete zeroes the old bytes and a checkpoint
        empties the WAL of its earlier copy, so the files never hold a working link for long."""
        if message.body.get("secret"):
            kept = {k: v for k, v in message.body.items() if k != "buttons"}
            self.db.execute("update outbox set body = ? where id = ?", [json.dumps(kept), message.id])
            checkpoint(self.db, wait_seconds=SECRET_CHECKPOINT_WAIT)

    def mark_sent(self, ids: list[int]) -> None:
        """Messages the delivery process sent (plain ones: no reminder to record, no link to wipe)."""
        now = self.clock()
        self.db.conn.executemany("update outbox set sent = ? where id = ? and sent is null", [(now, i) for i in ids])

    @staticmethod
    def plain(message: Pending) -> bool:
        """Nothing to do once sent but mark it (see `sent`)."""
        return "reminder" not in message.body and not message.body.get("secret")

    def sent(self, message: Pending) -> None:
        if "reminder" not in message.body:
            self.db.execute("update outbox set sent = ? where id = ?", [self.clock(), message.id])
            self.forget_secret(message)
            return
        with self.db.atomic():
            self.db.execute("update outbox set sent = ? where id = ?", [self.clock(), message.id])
            if "reminder" in message.body:
                user_id, assignment_id, kind = message.body["reminder"]
                self.db.execute(
                    "update reminders set delivered_at = datetime('now') "
                    "where user_id = ? and assignment_id = ? and kind = ?",
                    [user_id, assignment_id, kind],
                )

    def defer(self, message: Pending, seconds: float) -> None:
        self.db.execute(
            "update outbox set tries = tries + 1, next_at = ? where id = ?", [self.clock() + seconds, message.id]
        )

    def give_up(self, message: Pending, error: str) -> None:
        """Telegram refused it for good (the user blocked the bot, the chat is gone)."""
        self.db.execute("update outbox set failed = ? where id = ?", [error[:300], message.id])
        self.forget_secret(message)

    def undelivered(self) -> int:
        return self.db.execute("select count(*) from outbox where sent is null and failed is null").fetchone()[0]

    def prune(self, older_than_seconds: float) -> int:
        """Forget delivered or abandoned rows older than the given age."""
        cutoff = self.clock() - older_than_seconds
        return self.db.execute(
            "delete from outbox where (sent is not null or failed is not null) and created < ?", [cutoff]
        ).rowcount

    def texts_for(self, chat_ids: Sequence[int]) -> list[str]:
        """Stored texts for these chats, oldest first (for tests and the terminal)."""
        marks = ",".join("?" * len(chat_ids))
        rows = self.db.execute(
            f"select body from outbox where chat_id in ({marks}) order by id", list(chat_ids)
        ).fetchall()
        return [json.loads(b).get("text", "") for (b,) in rows]
