"""Sending replies: cut to Telegram's size, then mark the update's outbox delivered."""

from __future__ import annotations

from telegram import Bot

from bot.store import Store
from bot.transcript import MAX_MESSAGE_CHARS


def chunks(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Split at line breaks where possible so no message is over the limit."""
    parts: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > 0 else limit
        parts.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return parts + [text] if text else parts


async def send_all(bot: Bot, store: Store, update_id: int | None, chat_id: int, replies: list[str]) -> None:
    for reply in replies:
        for part in chunks(reply):
            await bot.send_message(chat_id, part)
    store.delivered(update_id)
