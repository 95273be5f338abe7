"""Trainee handlers: each parses the update, calls the Coach, and owes what it returns.

A practice message enters here, and only here: `owe` opens the update's transaction, the
Coach makes the change (an attempt started, its turns, its grade) and returns what it owes,
and the handler stores that with the update id, once. The sender (bot.tg.sender) delivers it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from telegram import Message, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes, filters

from bot.practice.coach import Coach, Owed
from bot.storage.outbox import Outgoing
from bot.tg import callbacks as cb
from bot.tg.menus import HELP
from bot.tg.practice_screens import call_list
from bot.tg.record_screens import RecordScreens, with_standing
from bot.tg.screen import Screen, messages_of
from bot.training.department import Department
from bot.training.outcome import Outcome, Refused
from bot.transcript import User

log = logging.getLogger(__name__)
SURROGATES = re.compile("[\ud800-\udfff]")

def user_of(update: Update) -> User:
    """The person and their private chat (whose id is their user id, even for a button on a gone message)."""
    person = update.effective_user
    if person is None:
        raise ValueError("update without a user")
    return User(person.id, person.id, person.first_name or "there", person.username)


class TraineeHandlers:
    """Each handler stores the change and what it owes in one transaction; the sender delivers it."""

    def __init__(self, coach: Coach, department: Department, today: Callable[[], date] = date.today) -> None:
        self.coach, self.department, self.today = coach, department, today
        self.records = RecordScreens(department)

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
        self.show(update.update_id, user, lambda: self.call_list(user, 0))

    def call_list(self, user: User, page: int) -> Screen:
        """What is assigned to the person first, then the other calls, a page at a time."""
        return call_list(self.coach.scenarios(), self.department.assignments.mine(user, self.today()), page)

    async def practice_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A scenario chosen from the keyboard."""
        query = update.callback_query
        user = user_of(update)
        scenario_id = (query.data or "").removeprefix("practice:")
        await answer_quietly(query)
        if not scenario_id:  # "Another call": the list again
            self.show(update.update_id, user, lambda: self.call_list(user, 0))
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
            owed = self.passed_or_not(step())
            store.handled(update_id, owed.chat_id, owed.messages, call_ended=owed.call_ended)

    def passed_or_not(self, owed: Owed) -> Owed:
        """A scorecard just made says on its total line whether the call passed, as /history's scorecards do."""
        if not owed.call_ended or not owed.replies:
            return owed
        own = self.department.own_calls
        attempt_id = own.just_finished(owed.chat_id)  # a private chat's id is its person's
        if attempt_id is None:
            return owed
        card = with_standing(owed.replies[-1], own.standing(attempt_id))
        return replace(owed, replies=[*owed.replies[:-1], card])

    async def history(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The person's finished calls, a page at a time, a button each for its scorecard."""
        user = user_of(update)
        self.show(update.update_id, user, lambda: self.records.history(user, 0))

    def show(self, update_id: int, user: User, act: Callable[[], Screen | Outcome]) -> None:
        """Owe a screen (or a refusal, in one line) with the update, in one transaction."""
        store = self.coach.store
        with store.db.atomic():
            try:
                answer = act()
            except Refused as refusal:
                answer = Outcome([str(refusal)])
            store.handled(update_id, user.chat_id, messages_of(user.chat_id, answer))

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A button about the person's own calls: the call list, /history, a scorecard, a transcript, a review."""
        user = user_of(update)
        act = self.button_act(user, await tapped(update))
        self.show(update.update_id, user, act or (lambda: Outcome(["That button is no longer in use."])))

    def button_act(self, user: User, tapped: cb.Callback | None) -> Callable[[], Screen | Outcome] | None:
        r = self.records
        match tapped:
            case cb.CallList(page):
                return lambda: self.call_list(user, page)
            case cb.History(page):
                return lambda: r.history(user, page)
            case cb.OwnCall(attempt_id):
                return lambda: r.call(user, attempt_id)
            case cb.OwnTranscript(attempt_id, page):
                return lambda: r.transcript(user, attempt_id, page)
            case cb.ReviewPick(attempt_id):
                return lambda: r.review_pick(user, attempt_id)
            case cb.ReviewAsk(attempt_id, subject):
                return lambda: r.review_ask(user, attempt_id, subject)
            case cb.ReviewCancel():
                return lambda: self.department.review_requests.cancel(user)
        return None

    # --- a review's reason (or an instructor's reply to one), typed as the next message ----------

    def awaiting_review(self) -> filters.MessageFilter:
        """Texts from someone who may owe a review reason or reply, told apart in memory (no read for the rest)."""
        return Awaiting("awaiting_review", self.department.review_requests.awaits)

    def review_text_handler(self, otherwise: Callable):
        """A text: the reason (or reply) the person was asked for, else whatever `otherwise` makes of it."""

        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            user = user_of(update)
            text = clean_text(update.effective_message.text or "")
            store = self.coach.store
            with store.db.atomic():
                try:
                    outcome = self.department.review_requests.typed(user, text)
                except Refused as refusal:
                    outcome = Outcome([str(refusal)])
                if outcome is not None:
                    store.handled(update.update_id, user.chat_id, messages_of(user.chat_id, outcome))
                    return
            await otherwise(update, context)

        return handler

    async def progress(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A PNG chart of the trainee's per-criterion results, drawn by the sender off the event loop."""
        user = user_of(update)
        chart = Outgoing(user.chat_id, render="progress", args={"user_id": user.id})
        self.coach.store.handled(update.update_id, user.chat_id, [chart])


class Awaiting(filters.MessageFilter):
    """A PTB filter over a rule's in-memory check of who may owe a typed answer (by user id): every other text
    (practice) meets no handler of theirs at all."""

    def __init__(self, name: str, check: Callable[[int], bool]) -> None:
        super().__init__(name=name)
        self.check = check

    def filter(self, message: Message) -> bool:
        return message.from_user is not None and self.check(message.from_user.id)


def clean_text(text: str) -> str:
    """Replace what cannot be stored as UTF-8 (a lone surrogate from a broken client) with U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return SURROGATES.sub("\ufffd", text)
    return text


async def tapped(update: Update) -> cb.Callback | None:
    """The button pressed (its spinner stopped); None for data this bot does not (or no longer) make."""
    query = update.callback_query
    await answer_quietly(query)
    try:
        return cb.decode(query.data)
    except cb.NotOurs as foreign:
        log.info("button refused: %s", foreign)
        return None


async def answer_quietly(query, text: str | None = None) -> None:
    """Stop the button's spinner; a query too old to answer is not worth an error."""
    try:
        await query.answer(text)
    except TelegramError as exc:
        log.info("could not answer a button press: %s", exc)
