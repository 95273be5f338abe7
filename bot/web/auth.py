"""Sign-in for the dashboard: Telegram Mini App initData, one-time links, server-side sessions.

Links and sessions are stored as SHA-256 hashes of their secrets, so a copy of the database
signs nobody in. A link works once, for LINK_MINUTES; a session lapses after SESSION_IDLE
without a request.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl

from bot.storage.store import Store

LINK_MINUTES = 10
SESSION_IDLE = timedelta(hours=12)
INIT_DATA_MAX_AGE = 24 * 3600
"""Telegram initData older than a day is refused."""


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class Session:
    user_id: int
    csrf: str


def verify_init_data(init_data: str, bot_token: str, now: float) -> dict[str, Any] | None:
    """The Mini App's user (id, first_name, username...) when `init_data` is signed with this bot's token
    and at most a day old; None otherwise. Telegram's spec: the data-check string is every field but
    `hash`, sorted, as key=value lines; the key is HMAC-SHA256("WebAppData", bot token)."""
    try:
        fields = dict(parse_qsl(init_data, keep_blank_values=True, strict_parsing=True))
    except ValueError:
        return None
    received = fields.pop("hash", "")
    if not received or not bot_token:
        return None
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    key = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    expected = hmac.new(key, check.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, received.lower()):
        return None
    try:
        auth_date = int(fields.get("auth_date", ""))
        user = json.loads(fields.get("user", ""))
    except ValueError:
        return None
    if not isinstance(user, dict) or not isinstance(user.get("id"), int):
        return None
    if not now - INIT_DATA_MAX_AGE <= auth_date <= now + 300:
        return None
    return user


def sign_init_data(fields: dict[str, str], bot_token: str) -> str:
    """initData as Telegram would sign it (for tests and local trials)."""
    from urllib.parse import urlencode

    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    key = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    return urlencode({**fields, "hash": hmac.new(key, check.encode(), hashlib.sha256).hexdigest()})


class SignIn:
    """One-time links and sessions in the store's tables (migration m006)."""

    def __init__(self, store: Store) -> None:
        self.store, self.db = store, store.db

    def _now(self) -> datetime:
        return self.store.clock()

    def new_link(self, user_id: int) -> str:
        token = secrets.token_urlsafe(32)
        expires = (self._now() + timedelta(minutes=LINK_MINUTES)).isoformat(timespec="seconds")
        with self.db.atomic():
            self.db.execute("delete from web_links where expires < ?", [self.store.now()])
            self.db.execute(
                "insert into web_links (token_hash, user_id, expires) values (?, ?, ?)",
                [_hash(token), user_id, expires],
            )
        return token

    def use_link(self, token: str) -> int | None:
        """The link's user, once: a used, expired or unknown link gives None."""
        with self.db.atomic():
            row = self.db.execute(
                "select user_id, expires, used_at from web_links where token_hash = ?", [_hash(token)]
            ).fetchone()
            if row is None or row[2] is not None or row[1] < self.store.now():
                return None
            self.db.execute("update web_links set used_at = ? where token_hash = ?", [self.store.now(), _hash(token)])
        return int(row[0])

    def new_session(self, user_id: int) -> str:
        token = secrets.token_urlsafe(32)
        now = self.store.now()
        with self.db.atomic():
            cutoff = (self._now() - SESSION_IDLE).isoformat(timespec="seconds")
            self.db.execute("delete from web_sessions where seen_at < ?", [cutoff])
            self.db.execute(
                "insert into web_sessions (token_hash, user_id, csrf, created_at, seen_at) values (?, ?, ?, ?, ?)",
                [_hash(token), user_id, secrets.token_urlsafe(32), now, now],
            )
        return token

    def session(self, token: str | None) -> Session | None:
        """The live session of a cookie, its idle clock restarted; None when unknown or idle too long."""
        if not token:
            return None
        with self.db.atomic():
            row = self.db.execute(
                "select user_id, csrf, seen_at from web_sessions where token_hash = ?", [_hash(token)]
            ).fetchone()
            if row is None:
                return None
            if datetime.fromisoformat(row[2]) < self._now() - SESSION_IDLE:
                self.db.execute("delete from web_sessions where token_hash = ?", [_hash(token)])
                return None
            self.db.execute(
                "update web_sessions set seen_at = ? where token_hash = ?", [self.store.now(), _hash(token)]
            )
        return Session(int(row[0]), row[1])

    def end_session(self, token: str | None) -> None:
        if token:
            with self.db.atomic():
                self.db.execute("delete from web_sessions where token_hash = ?", [_hash(token)])
