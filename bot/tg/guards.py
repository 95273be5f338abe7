"""What runs before and around the handlers: private chats only, duplicates, edits, floods, errors.

Nothing a trainee sends vanishes without a word: a message is passed on (in order, slowed
down if it came in a flood) or the trainee is told which one was not.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.storage.group_chats import first_time_in
from bot.storage.outbox import Outgoing
from bot.storage.store import Store
from bot.tg.throttle import Throttle
from bot.tg.trainee import answer_quietly

log = logging.getLogger(__name__)

TOO_FAST = (
    "You're sending messages faster than a caller could listen, so this one wasn't passed on: "
    "\u201c{quote}\u201d. Send it again in a moment."
)
TOO_FAST_BUTTON = "Too fast: press it again in a moment."
TEXT_ONLY = "I can only read text. Type what you would say to the visitor."
EDITED = "Edits aren't passed on: the visitor already heard your first version. Send a new message instead."
UNKNOWN_COMMAND = "I don't know that command. /help lists what I can do."
OLD_BUTTON = "That button is no longer in use."
PRIVATE_ONLY = (
    "I work in private chats only, so nothing said here is answered or stored. Talk to me privately: https://t.me/{bot}"
)
APOLOGY_RESEND = (
    "Sorry, something went wrong on our side and your last message was not passed on. "
    "Your practice is saved; please send that message again."
)
APOLOGY_SAVED = (
    "Sorry, something went wrong on our side after your last message was saved. "
    "Nothing is lost; carry on, or send /help."
)


UNSEEN = -1.0


class Guards:
    def __init__(self, store: Store, throttle: Throttle, log_content: bool = False) -> None:
        self.store, self.throttle, self.log_content = store, throttle, log_content
        self._turns: dict[int, float | None] = {}
        """update id -> when its turn comes (monotonic), or None when it would wait too long."""

    def arrive(self, update: object) -> None:
        """As an update arrives: reserve its place in its user's pace (see bot.tg.ordering)."""
        if isinstance(update, Update) and update.effective_user is not None:
            now = self.throttle.clock()
            wait = self.throttle.reserve(update.effective_user.id, now)
            self._turns[update.update_id] = None if wait is None else now + wait

    async def first(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Runs before every handler; raises ApplicationHandlerStop for what must go no further."""
        turn = self._turns.pop(update.update_id, UNSEEN)
        if self.store.seen(update.update_id):
            log.warning("update %s skipped as a duplicate: %s", update.update_id, describe(update, self.log_content))
            raise ApplicationHandlerStop
        user, chat = update.effective_user, update.effective_chat
        message = update.effective_message
        if user is None or (message is not None and message.sender_chat is not None):
            raise ApplicationHandlerStop  # channel posts, anonymous admins, polls: nobody to answer
        if chat is not None and chat.type != "private":
            self._outside_private_chat(update, context)
            raise ApplicationHandlerStop
        if update.edited_message is not None:
            self._owe(update, context, user.id, EDITED)
            raise ApplicationHandlerStop
        await self._slow_floods(update, context, user.id, turn)

    def _outside_private_chat(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Point a group to the private chat, once per group; store nothing about its members."""
        chat = update.effective_chat
        if update.message is None or update.message.from_user is None or update.message.from_user.is_bot:
            return
        with self.store.db.atomic():
            first_time = first_time_in(self.store.db, chat.id, self.store.now())
            if first_time:
                self.store.owe([Outgoing(chat.id, PRIVATE_ONLY.format(bot=context.bot.username))], "group")
        if first_time:
            wake(context)

    async def _slow_floods(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, user_id: int, turn: float | None
    ) -> None:
        """Hold a flood back to the throttle's pace; refuse, by name, what would wait too long."""
        if turn == UNSEEN:  # not seen arriving (processed directly): reserve now
            wait = self.throttle.reserve(user_id)
            turn = None if wait is None else self.throttle.clock() + wait
        if turn is None:
            if update.callback_query is not None:
                await answer_quietly(update.callback_query, TOO_FAST_BUTTON)
                self.store.handled(update.update_id, user_id)
            else:
                text = (update.effective_message.text or "") if update.effective_message else ""
                quote = text if len(text) <= 60 else text[:59] + "\u2026"
                self._owe(update, context, user_id, TOO_FAST.format(quote=quote or "your message"))
            raise ApplicationHandlerStop
        wait = turn - self.throttle.clock()
        if wait > 0:
            await asyncio.sleep(wait)

    async def not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice notes, files, dice...: say what we can read."""
        self._owe(update, context, update.effective_user.id, TEXT_ONLY)

    async def unknown_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        self._owe(update, context, update.effective_user.id, UNKNOWN_COMMAND)

    async def unknown_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A button from an old version of the bot, or forged data: say so on the button itself."""
        await answer_quietly(update.callback_query, OLD_BUTTON)
        self.store.handled(update.update_id, update.effective_user.id)

    def _owe(self, update: Update, context: ContextTypes.DEFAULT_TYPE, chat_id: int, text: str) -> None:
        self.store.handled(update.update_id, chat_id, [text])
        wake(context, chat_id)


def wake(context: Any, chat_id: int | None = None) -> None:
    """Tell the sender something new is owed (to `chat_id` first, when a person is waiting there)."""
    sender = context.application.bot_data.get("sender")
    if sender is not None:
        sender.wake(chat_id)


def describe(update: object, content: bool = False) -> Any:
    """What to log about an update: ids, kind and lengths; its words only when DESKDRILL_LOG_CONTENT=1."""
    if not isinstance(update, Update):
        return repr(update)[:200] if content else type(update).__name__
    if content:
        return update.to_dict()
    kind = next((k for k in update.to_dict() if k != "update_id"), "unknown")
    message = update.effective_message
    text = (message.text or message.caption or "") if message else ""
    return {
        "update_id": update.update_id,
        "kind": kind,
        "user": update.effective_user.id if update.effective_user else None,
        "chat": update.effective_chat.id if update.effective_chat else None,
        "chars": len(text),
        "command": text.startswith("/"),
    }


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure (ids, not words); apologise through the outbox; keep serving everyone else.

    The apology says whether the message was stored: only a message that was not is to be sent again.
    """
    data = context.application.bot_data
    log.error("error while handling %s", describe(update, data.get("log_content", False)), exc_info=context.error)
    store: Store | None = data.get("store")
    if store is None or not isinstance(update, Update) or update.effective_user is None:
        return
    chat = update.effective_chat
    if chat is not None and chat.type != "private":
        return
    try:
        saved = store.seen(update.update_id)
        text = APOLOGY_SAVED if saved else APOLOGY_RESEND
        store.handled(None if saved else update.update_id, update.effective_user.id, [text])
        wake(context, update.effective_user.id)
    except Exception:  # noqa: BLE001 - the apology is best effort; the error is logged above
        log.exception("could not store the apology for update %s", update.update_id)
