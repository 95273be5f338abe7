"""Trainee handlers: each parses the update, calls the Coach, and owes what it returns.

A practice message enters here, and only here: `owe` opens the update's transaction, the
Coach makes the change (an attempt started, its turns, its grade) and returns what it owes,
and the handler stores that with the update id, once. The sender (bot.tg.sender) delivers it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.practice.coach import Coach, Owed
from bot.storage.outbox import Outgoing
from bot.transcript import User

log = logging.getLogger(__name__)
SURROGATES = re.compile("[\ud800-\udfff]")

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
    """The person and their private chat (whose id is their user id, even for a button on a gone message)."""
    person = update.effective_user
    if person is None:
        raise ValueError("update without a user")
    return User(person.id, person.id, person.first_name or "there", person.username)


class TraineeHandlers:
    """Each handler stores the change and what it owes in one transaction; the sender delivers it."""

    def __init__(self, coach: Coach) -> None:
        self.coach = coach

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """List the commands."""
        user = user_of(update)
        self.coach.store.handled(update.update_id, user.chat_id, [HELP])

    async def practice(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Start the named scenario, or offer a keyboard of all of them."""
        user = user_of(update)
        if context.args:
            scenario_id = context.args[0]
            self.owe(update.update_id, lambda: self.coach.start(user, scenario_id))
            return
        self.coach.store.handled(update.update_id, user.chat_id, [self.choices(user)])

    def choices(self, user: User) -> Outgoing:
        buttons = tuple(
            ((f"{s.title} ({s.channel}, {s.difficulty})", f"practice:{s.id}"),) for s in self.coach.scenarios()
        )
        return Outgoing(user.chat_id, "Choose a call to practise:", buttons)

    async def practice_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A scenario chosen from the keyboard."""
        query = update.callback_query
        user = user_of(update)
        scenario_id = (query.data or "").removeprefix("practice:")
        await answer_quietly(query)
        if not scenario_id:  # "Another call": the list again
            self.coach.store.handled(update.update_id, user.chat_id, [self.choices(user)])
            return
        self.owe(update.update_id, lambda: self.coach.start(user, scenario_id))

    async def message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A line of the conversation, passed to the visitor."""
        user = user_of(update)
        text = clean_text(update.effective_message.text or "")
        self.owe(update.update_id, lambda: self.coach.say(user, text))

    async def hint(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A coaching hint for this moment of the call."""
        user = user_of(update)
        self.owe(update.update_id, lambda: self.coach.hint(user))

    async def end(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Finish the attempt now and send the scorecard."""
        user = user_of(update)
        self.owe(update.update_id, lambda: self.coach.end(user))

    def owe(self, update_id: int, step: Callable[[], Owed]) -> None:
        """Run a step of practice and store what it owes with the update, in the step's own transaction:
        after a crash both are there or neither is, and a redelivered update is never played twice."""
        store = self.coach.store
        with store.db.atomic():
            owed = step()
            store.handled(update_id, owed.chat_id, owed.messages, call_ended=owed.call_ended)

    async def history(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The trainee's last ten attempts."""
        user = user_of(update)
        self.owe(update.update_id, lambda: self.coach.history(user))

    async def progress(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A PNG chart of the trainee's per-criterion results, drawn by the sender off the event loop."""
        user = user_of(update)
        chart = Outgoing(user.chat_id, render="progress", args={"user_id": user.id})
        self.coach.store.handled(update.update_id, user.chat_id, [chart])


def clean_text(text: str) -> str:
    """Replace what cannot be stored as UTF-8 (a lone surrogate from a broken client) with U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return SURROGATES.sub("\ufffd", text)
    return text


async def answer_quietly(query, text: str | None = None) -> None:
    """Stop the button's spinner; a query too old to answer is not worth an error."""
    try:
        await query.answer(text)
    except TelegramError as exc:
        log.info("could not answer a button press: %s", exc)
