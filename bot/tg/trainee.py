"""Trainee handlers: each parses the update, calls the Coach, and sends what it returns."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.coach import Coach, User
from bot.reports import progress_chart
from bot.tg.delivery import send_all

log = logging.getLogger(__name__)

HELP = (
    "/practice \u2013 choose a practice call (or /practice <id> to start one)\n"
    "/hint \u2013 a coaching hint for this moment of the call\n"
    "/end \u2013 finish now and get your scorecard\n"
    "/history \u2013 your last 10 attempts\n"
    "/progress \u2013 a chart of your results over time\n"
    "/help \u2013 this list\n\n"
    "During a call, just type what you would say. You're graded on greeting, empathy, testing questions, "
    "offering more help and appreciation."
)
COMMANDS = [
    ("practice", "Choose a practice call"),
    ("hint", "A hint for this moment of the call"),
    ("end", "Finish the call and get your scorecard"),
    ("history", "Your last 10 attempts"),
    ("progress", "Chart of your results over time"),
    ("help", "What this bot does"),
]


def user_of(update: Update) -> User:
    person, chat = update.effective_user, update.effective_chat
    if person is None or chat is None:
        raise ValueError("update without a user or chat")
    return User(person.id, chat.id, person.first_name or "there", person.username)


class TraineeHandlers:
    def __init__(self, coach: Coach) -> None:
        self.coach = coach

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Register the user and say what the bot does."""
        user = user_of(update)
        replies = self.coach.register(user, update.update_id)
        if context.args and context.args[0].startswith("practice-"):
            replies += self.coach.start(user, context.args[0].removeprefix("practice-"), None)
        await send_all(context.bot, self.coach.store, update.update_id, user.chat_id, replies)

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """List the commands."""
        user = user_of(update)
        self.coach.store.handled(update.update_id, user.chat_id, [HELP])
        await send_all(context.bot, self.coach.store, update.update_id, user.chat_id, [HELP])

    async def practice(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Start the named scenario, or offer a keyboard of all of them."""
        user = user_of(update)
        if context.args:
            replies = self.coach.start(user, context.args[0], update.update_id)
            await send_all(context.bot, self.coach.store, update.update_id, user.chat_id, replies)
            return
        buttons = [
            [InlineKeyboardButton(f"{s.title} ({s.channel}, {s.difficulty})", callback_data=f"practice:{s.id}")]
            for s in self.coach.scenarios()
        ]
        self.coach.store.handled(update.update_id, user.chat_id)
        await context.bot.send_message(
            user.chat_id, "Choose a call to practise:", reply_markup=InlineKeyboardMarkup(buttons)
        )
        self.coach.store.delivered(update.update_id)

    async def practice_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A scenario chosen from the keyboard."""
        query = update.callback_query
        user = user_of(update)
        scenario_id = (query.data or "").removeprefix("practice:")
        await query.answer()
        replies = self.coach.start(user, scenario_id, update.update_id)
        await send_all(context.bot, self.coach.store, update.update_id, user.chat_id, replies)

    async def message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A line of the conversation, passed to the visitor."""
        user = user_of(update)
        replies = self.coach.say(user, update.effective_message.text or "", update.update_id)
        await send_all(context.bot, self.coach.store, update.update_id, user.chat_id, replies)

    async def hint(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A coaching hint for this moment of the call."""
        await self._answer(update, context, self.coach.hint)

    async def end(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Finish the attempt now and send the scorecard."""
        await self._answer(update, context, self.coach.end)

    async def history(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The trainee's last ten attempts."""
        await self._answer(update, context, self.coach.history)

    async def _answer(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, act: Callable[[User, int | None], list[str]]
    ) -> None:
        user = user_of(update)
        await send_all(context.bot, self.coach.store, update.update_id, user.chat_id, act(user, update.update_id))

    async def progress(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A PNG chart of the trainee's per-criterion results, drawn off the event loop."""
        user = user_of(update)
        rows = list(self.coach.store.criterion_history(user.id))
        self.coach.store.handled(update.update_id, user.chat_id)
        png = await asyncio.to_thread(progress_chart, rows) if rows else None
        if png is None:
            await context.bot.send_message(user.chat_id, "No finished attempts yet: finish a /practice call first.")
        else:
            await context.bot.send_photo(user.chat_id, png, caption="Your results over time")
        self.coach.store.delivered(update.update_id)
