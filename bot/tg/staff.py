"""Instructor and admin handlers, trainees' /join and /assignments, per-role menus, reminders."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from telegram import BotCommand, BotCommandScopeChat, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.coach import Coach, User
from bot.staff import Outcome, Refused, Staff
from bot.tg.delivery import send_all
from bot.tg.trainee import COMMANDS, user_of

log = logging.getLogger(__name__)

TRAINEE_MENU = [*COMMANDS, ("join", "Join a unit with its code"), ("assignments", "What is assigned to you")]
INSTRUCTOR_MENU = [
    *TRAINEE_MENU,
    ("newunit", "Create a unit: /newunit <name>"),
    ("units", "Your units, members and codes"),
    ("revoke", "Stop a join code: /revoke <code>"),
    ("assign", "/assign <scenario> <code> [YYYY-MM-DD]"),
    ("results", "Latest and best per trainee: /results [code]"),
    ("transcript", "A whole attempt: /transcript <attempt_id>"),
    ("override", "/override <attempt> <criterion> met|missed <reason>"),
    ("report", "Pass rates and weekly chart: /report [code]"),
    ("export", "CSV of attempts: /export [code]"),
]
ADMIN_MENU = [
    *INSTRUCTOR_MENU,
    ("promote", "Make a user an instructor"),
    ("demote", "Make an instructor a trainee"),
    ("audit", "The last 20 audit entries"),
]
MENUS = {"trainee": TRAINEE_MENU, "instructor": INSTRUCTOR_MENU, "admin": ADMIN_MENU}

Today = Callable[[], date]


async def show_menu(bot, chat_id: int, role: str) -> None:
    """Each role sees its own commands; handlers still check the role."""
    commands = [BotCommand(name, text) for name, text in MENUS[role]]
    await bot.set_my_commands(commands, scope=BotCommandScopeChat(chat_id))


class StaffHandlers:
    def __init__(self, staff: Staff, coach: Coach, today: Today = date.today) -> None:
        self.staff, self.coach, self.today = staff, coach, today

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Register, say what the bot does, show the role's menu; `join-<code>` deep links join a unit."""
        user = user_of(update)
        replies = self.coach.register(user, None)
        argument = context.args[0] if context.args else ""
        if argument.startswith("join-"):
            replies += self._outcome(lambda: self.staff.join(user, argument.removeprefix("join-"))).replies
        elif argument.startswith("practice-"):
            replies += self.coach.start(user, argument.removeprefix("practice-"), None)
        self.coach.store.handled(update.update_id, user.chat_id, replies)
        await send_all(context.bot, self.coach.store, update.update_id, user.chat_id, replies)
        role = self.staff.role_of(user.id)
        if role != "trainee":
            await show_menu(context.bot, user.chat_id, role)

    def command(self, act: Callable[[User, list[str], str], Outcome]):
        """A handler that runs `act(user, args, bot_username)` and delivers its Outcome."""

        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            user = user_of(update)
            outcome = self._outcome(lambda: act(user, list(context.args or []), context.bot.username))
            await self.deliver(update, context, user, outcome)

        return handler

    def _outcome(self, act: Callable[[], Outcome]) -> Outcome:
        try:
            return act()
        except Refused as refusal:
            return Outcome([str(refusal)])

    async def deliver(self, update: Update, context: ContextTypes.DEFAULT_TYPE, user: User, outcome: Outcome) -> None:
        store, bot = self.coach.store, context.bot
        store.handled(update.update_id, user.chat_id, outcome.replies)
        await send_all(bot, store, update.update_id, user.chat_id, outcome.replies)
        if outcome.photo:
            await bot.send_photo(user.chat_id, outcome.photo)
        if outcome.document:
            await bot.send_document(user.chat_id, outcome.document[1], filename=outcome.document[0])
        if outcome.buttons:
            keyboard = [
                [InlineKeyboardButton(label, callback_data=f"practice:{sid}")] for label, sid in outcome.buttons
            ]
            await bot.send_message(user.chat_id, "Start one:", reply_markup=InlineKeyboardMarkup(keyboard))
        for notice in outcome.notices:
            await _tell(bot, notice.chat_id, notice.text)
        if outcome.role_changed:
            await show_menu(bot, *outcome.role_changed)

    def handlers(self) -> dict[str, Callable]:
        """Command name -> handler, for every staff and unit command."""
        s, today = self.staff, self.today
        acts: dict[str, Callable[[User, list[str], str], Outcome]] = {
            "promote": lambda u, a, _: s.promote(u, _first(a)),
            "demote": lambda u, a, _: s.demote(u, _first(a)),
            "audit": lambda u, a, _: s.audit_log(u),
            "newunit": lambda u, a, bot: s.new_unit(u, " ".join(a), bot),
            "units": lambda u, a, _: s.list_units(u),
            "revoke": lambda u, a, _: s.revoke(u, _first(a)),
            "assign": lambda u, a, _: s.assign(u, a),
            "results": lambda u, a, _: s.results(u, _first(a), today()),
            "transcript": lambda u, a, _: s.transcript(u, _first(a)),
            "override": lambda u, a, _: s.override(u, a),
            "report": lambda u, a, _: s.report(u, _first(a)),
            "export": lambda u, a, _: s.export(u, _first(a)),
            "join": lambda u, a, _: s.join(u, _first(a)),
            "assignments": lambda u, a, _: s.my_assignments(u, today()),
        }
        return {name: self.command(act) for name, act in acts.items()}

    async def remind(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Job: send the reminders due now; what was sent is in the database, so restarts repeat nothing."""
        for notice in self.staff.due_reminders(self.today()):
            await _tell(context.bot, notice.chat_id, notice.text)


async def _tell(bot, chat_id: int, text: str) -> None:
    try:
        await bot.send_message(chat_id, text)
    except TelegramError as exc:  # a user who blocked the bot must not stop the others' messages
        log.warning("could not message chat %s: %s", chat_id, exc)


def _first(args: list[str]) -> str | None:
    return args[0] if args else None
