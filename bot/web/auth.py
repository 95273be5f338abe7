"""Sign-in for the dashboard: Telegram Mini App initData, checked here; links and sessions are stored by
bot.storage.sign_in (only hashes of their secrets), re-exported here for the code that still imports them.

Telegram's initData is accepted once: its signature is remembered until the data is too old to be
accepted anyway, so a copied or replayed sign-in never makes another session.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode

from bot.storage.sign_in import LINK_MINUTES, SESSION_IDLE, Session, SignIn

__all__ = [
    "INIT_DATA_MAX_AGE",
    "LINK_MINUTES",
    "SESSION_IDLE",
    "Session",
    "SignIn",
    "TelegramSignIn",
    "sign_init_data",
    "telegram_sign_in",
    "verify_init_data",
]

INIT_DATA_MAX_AGE = 24 * 3600
"""Telegram initData older than a day is refused."""
CLOCK_SKEW = 300
"""Seconds initData may seem to come from the future (the machine's clock behind Telegram's)."""


@dataclass(frozen=True)
class TelegramSignIn:
    """Verified initData: the Mini App's user (id, first_name, username...), the signature that makes it
    this sign-in and no other, and when it is too old to be accepted."""

    user: dict[str, Any]
    signature: str
    expires: datetime


def telegram_sign_in(init_data: str, bot_token: str, now: float) -> TelegramSignIn | None:
    """The sign-in when `init_data` is signed with this bot's token and at most a day old; None otherwise.
    Telegram's spec: the data-check string is every field but `hash`, sorted, as key=value lines; the key
    is HMAC-SHA256("WebAppData", bot token). The same fields re-encoded or reordered have the same hash."""
    try:
        fields = dict(parse_qsl(init_data, keep_blank_values=True, strict_parsing=True))
    except ValueError:
        return None
    received = fields.pop("hash", "").lower()
    if not received or not bot_token:
        return None
    if not hmac.compare_digest(_signature(fields, bot_token), received):
        return None
    try:
        auth_date = int(fields.get("auth_date", ""))
        user = json.loads(fields.get("user", ""))
    except ValueError:
        return None
    if not isinstance(user, dict) or not isinstance(user.get("id"), int):
        return None
    if not now - INIT_DATA_MAX_AGE <= auth_date <= now + CLOCK_SKEW:
        return None
    expires = datetime.fromtimestamp(auth_date + INIT_DATA_MAX_AGE, UTC)
    return TelegramSignIn(user, received, expires)


def verify_init_data(init_data: str, bot_token: str, now: float) -> dict[str, Any] | None:
    """The Mini App's user when `init_data` is valid (see `telegram_sign_in`); None otherwise."""
    verified = telegram_sign_in(init_data, bot_token, now)
    return verified.user if verified else None


def sign_init_data(fields: dict[str, str], bot_token: str) -> str:
    """initData as Telegram would sign it (for tests and local trials)."""
    return urlencode({**fields, "hash": _signature(fields, bot_token)})


def _signature(fields: dict[str, str], bot_token: str) -> str:
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    key = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    return hmac.new(key, check.encode(), hashlib.sha256).hexdigest()
