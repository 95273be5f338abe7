"""/profile in chat: a trainee's full name and badge for their training records, asked one step at a time
with a Cancel button; an instructor's correction of a member's (`/profile <user_id> <name>, <badge>`).

The answer to a question is a plain text, told apart from practice in memory (like an override reason):
only someone who was asked reaches `text_handler`; everyone else's texts go straight to practice.
"""

from __future__ import annotations

from collections.abc import Callable

from telegram import Update
from telegram.ext import ContextTypes, filters

from bot.tg import callbacks as cb
from bot.tg.screen import Screen, messages_of
from bot.tg.trainee import Awaiting, answer_quietly, user_of
from bot.training.outcome import Outcome, Refused
from bot.training.profiles import ProfileReply, Profiles
from bot.transcript import User

CANCEL = ((("Cancel", cb.encode(cb.ProfileCancel())),),)


def shown(reply: ProfileReply) -> Screen:
    """A question carries a Cancel button under it."""
    return Screen(reply.outcome, CANCEL if reply.asking else ())


class ProfileScreens:
    def __init__(self, profiles: Profiles, coach) -> None:
        self.profiles, self.coach = profiles, coach

    def command(self, user: User, args: list[str]) -> Screen:
        """/profile [...]: see bot.training.profiles.Profiles.command."""
        try:
            return shown(self.profiles.command(user, args))
        except Refused as refusal:
            asked = self.profiles.table.prompt(user.id) is not None  # a step of the questions went wrong
            return Screen(Outcome([str(refusal)]), CANCEL if asked else ())

    def awaiting_answer(self) -> filters.MessageFilter:
        return Awaiting("awaiting_profile_answer", self.profiles.awaits_answer)

    def text_handler(self, otherwise: Callable) -> Callable:
        """A text from someone asked a profile question: the answer, else (lapsed, in a call) practice."""

        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            user = user_of(update)
            store = self.coach.store
            with store.db.atomic():
                reply = self.profiles.answer(user, update.effective_message.text or "")
                if reply is not None:
                    self.coach.register(user)
                    store.handled(update.update_id, user.chat_id, messages_of(user.chat_id, shown(reply)))
                    return
            await otherwise(update, context)

        return handler

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Cancel: the questions stop, nothing more is saved."""
        user = user_of(update)
        await answer_quietly(update.callback_query)
        with self.coach.store.db.atomic():
            outcome = self.profiles.cancel(user)
            self.coach.store.handled(update.update_id, user.chat_id, messages_of(user.chat_id, outcome))
