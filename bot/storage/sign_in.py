"""Signing in to the dashboard, as stored: one-time links, sessions, and the Telegram sign-ins used.

Every secret is kept only as a SHA-256 of itself and looked up by it, so a copy of the database
files signs nobody in. The secrets are 256 random bits, so a plain hash is as good as a keyed
one: nothing can be guessed from it. Rows go as soon as they stop working: a link when it is used
or found expired, a session when it lapses, is signed out, or its person's role changed after it
began; the connection's secure_delete zeroes what they leave (bot.storage.database).

A session lives while its person keeps the role they signed in with. `end_sessions` is for the
code that changes a role (a demotion, an erasure); independently, `session()` refuses and deletes
every session begun before the person's latest audited role change, so a demotion followed by a
re-promotion never revives the sessions the demotion ended, whoever forgot to end them. Audit times
have whole seconds: a session begun in the very second of a role change is not ended by it (a
sign-in just after a promotion must keep working), the one case `end_sessions` alone covers.

Tables: web_links and web_sessions (migration m006); web_telegram_sign_ins, created here when
first needed (it holds only hashes and expiry times).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.storage.store import Store

LINK_MINUTES = 10
SESSION_IDLE = timedelta(hours=12)
ROLE_CHANGES = ("promote", "demote", "admins")
"""The audit actions that change a person's role; their detail reads "user <id> -> <role>"."""


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class Session:
    user_id: int
    csrf: str


def end_sessions(db: Database, user_id: int) -> int:
    """Sign the person out everywhere: every web session of theirs deleted (in the caller's transaction
    when there is one). How many there were."""
    with db.atomic():
        return db.execute("delete from web_sessions where user_id = ?", [user_id]).rowcount


def last_role_change(db: Database, user_id: int) -> str | None:
    """When the person's role last changed, as audited (None if never)."""
    marks = ", ".join("?" * len(ROLE_CHANGES))
    row = db.execute(
        f"select max(at) from audit where action in ({marks}) and detail like ?",
        [*ROLE_CHANGES, f"user {user_id} -> %"],
    ).fetchone()
    return row[0] if row else None


class SignIn:
    """One-time links, sessions and used Telegram sign-ins in the store's database."""

    def __init__(self, store: Store) -> None:
        self.store, self.db = store, store.db

    def _now(self) -> datetime:
        return self.store.clock()

    # --- one-time links ------------------------------------------------------------------------

    def new_link(self, user_id: int) -> str:
        """A new link's secret, good once for LINK_MINUTES. Only its hash is stored."""
        token = secrets.token_urlsafe(32)
        expires = (self._now() + timedelta(minutes=LINK_MINUTES)).isoformat(timespec="seconds")
        with self.db.atomic():
            self._forget_expired_links()
            self.db.execute(
                "insert into web_links (token_hash, user_id, expires) values (?, ?, ?)",
                [secret_hash(token), user_id, expires],
            )
        return token

    def use_link(self, token: str) -> int | None:
        """The link's person, once: the row is deleted as it is used. A used, expired or unknown link
        gives None (expired ones are deleted too)."""
        with self.db.atomic():
            self._forget_expired_links()
            row = self.db.execute(
                "select user_id, used_at from web_links where token_hash = ?", [secret_hash(token)]
            ).fetchone()
            if row is None:
                return None
            self.db.execute("delete from web_links where token_hash = ?", [secret_hash(token)])
        return None if row[1] is not None else int(row[0])

    def _forget_expired_links(self) -> None:
        """Expired links, and used ones from before links were deleted on use."""
        self.db.execute("delete from web_links where used_at is not null or expires < ?", [self.store.now()])

    # --- sessions ------------------------------------------------------------------------------

    def new_session(self, user_id: int) -> str:
        """A new session's secret (for its cookie). Only its hash is stored, with when it began."""
        token = secrets.token_urlsafe(32)
        now = self.store.now()
        with self.db.atomic():
            cutoff = (self._now() - SESSION_IDLE).isoformat(timespec="seconds")
            self.db.execute("delete from web_sessions where seen_at < ?", [cutoff])
            self.db.execute(
                "insert into web_sessions (token_hash, user_id, csrf, created_at, seen_at) values (?, ?, ?, ?, ?)",
                [secret_hash(token), user_id, secrets.token_urlsafe(32), now, now],
            )
        return token

    def session(self, token: str | None) -> Session | None:
        """The live session of a cookie, its idle clock restarted. None when unknown; None, and deleted,
        when idle too long or begun before its person's role last changed."""
        if not token:
            return None
        key = secret_hash(token)
        with self.db.atomic():
            row = self.db.execute(
                "select user_id, csrf, created_at, seen_at from web_sessions where token_hash = ?", [key]
            ).fetchone()
            if row is None:
                return None
            user_id, csrf, created_at, seen_at = row
            if datetime.fromisoformat(seen_at) < self._now() - SESSION_IDLE or not created_at:
                self.db.execute("delete from web_sessions where token_hash = ?", [key])
                return None
            changed = last_role_change(self.db, user_id)
            if changed is not None and created_at < changed:
                self._end_sessions_before(user_id, changed)
                return None
            self.db.execute("update web_sessions set seen_at = ? where token_hash = ?", [self.store.now(), key])
        return Session(int(user_id), csrf)

    def end_session(self, token: str | None) -> None:
        if token:
            with self.db.atomic():
                self.db.execute("delete from web_sessions where token_hash = ?", [secret_hash(token)])

    def end_sessions(self, user_id: int) -> int:
        return end_sessions(self.db, user_id)

    def _end_sessions_before(self, user_id: int, at: str) -> None:
        """Every session the person began before `at` (their role changed then)."""
        self.db.execute("delete from web_sessions where user_id = ? and created_at < ?", [user_id, at])

    # --- Telegram sign-ins ---------------------------------------------------------------------

    def first_use(self, signature: str, expires: datetime) -> bool:
        """True the first time a Telegram sign-in (its signature) is offered, False ever after, until it
        `expires` and Telegram's data would be refused as too old anyway. Only a hash is kept."""
        with self.db.atomic():
            self.db.execute(
                "create table if not exists web_telegram_sign_ins (hash text primary key, expires text not null)"
            )
            self.db.execute("delete from web_telegram_sign_ins where expires < ?", [self.store.now()])
            inserted = self.db.execute(
                "insert or ignore into web_telegram_sign_ins (hash, expires) values (?, ?)",
                [secret_hash(signature), expires.isoformat(timespec="seconds")],
            ).rowcount
        return inserted == 1
