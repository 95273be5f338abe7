"""What runs before and around the handlers: duplicates, floods, odd content, errors."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.store import Store
from bot.tg.delivery import send_all
from bot.tg.throttle import Throttle

log = logging.getLogger(__name__)

SLOW_DOWN = (
    "You're sending messages faster than a caller could listen. That last one wasn't passed on: "
    "wait a moment and send it again."
)
TEXT_ONLY = "I can only read text. Type what you would say to the visitor."
EDITED = "Edits aren't passed on: the visitor already heard your first version. Send a new message instead."
APOLOGY = "Sorry, something went wrong on our side. Your practice is saved; please send that again."


class Guards:
    def __init__(self, store: Store, throttle: Throttle) -> None:
        self.store, self.throttle = store, throttle

    async def first(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Drop an update seen before (re-sending any reply not yet delivered) and slow floods."""
        pending = self.store.pending(update.update_id)
        if pending is not None:
            if pending.outbox:
                log.info("update %s seen before: delivering its stored replies", update.update_id)
                await send_all(context.bot, self.store, update.update_id, pending.chat_id, pending.outbox)
            raise ApplicationHandlerStop
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None or update.callback_query is not None:
            return
        allowed, warn = self.throttle.check(user.id)
        if not allowed:
            replies = [SLOW_DOWN] if warn else []
            self.store.handled(update.update_id, chat.id, replies)
            await send_all(context.bot, self.store, update.update_id, chat.id, replies)
            raise ApplicationHandlerStop

    async def not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice notes, files...: say what we can read."""
        await self._reply(update, context, TEXT_ONLY)

    async def edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._reply(update, context, EDITED)

    async def unknown_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._reply(update, context, "I don't know that command. /help lists what I can do.")

    async def _reply(self, update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        self.store.handled(update.update_id, chat.id, [text])
        await send_all(context.bot, self.store, update.update_id, chat.id, [text])


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure with its update; apologise to the user; keep serving everyone else."""
    log.error(
        "error while handling %s", update.to_dict() if isinstance(update, Update) else update, exc_info=context.error
    )
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, APOLOGY)
        except Exception:  # noqa: BLE001 - the apology is best effort
            log.warning("could not send the apology for update %s", update.update_id)
