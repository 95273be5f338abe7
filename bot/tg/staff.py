"""Instructor and admin handlers, trainees' /join and /assignments, per-role menus, reminders."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from telegram import Update
from telegram.ext import ContextTypes

from bot.coach import Coach, User
from bot.outbox import Outgoing
from bot.staff import Outcome, Refused, Staff
from bot.tg.trainee import COMMANDS, user_of

log = logging.getLogger(__name__)

TRAINEE_MENU = [*COMMANDS, ("join", "Join a unit with its code"), ("assignments", "What is assigned to you")]
INSTRUCTOR_MENU = [
    *TRAINEE_MENU,
    ("newunit", "Create a unit: /newunit <name>"),
    ("units", "Your units, members and codes"),
    ("revoke", "Stop a join code: /revoke <code>"),
    ("newcode", "A new join code: /newcode <code>"),
    ("addinstructor", "/addinstructor <code> <user_id>"),
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


class StaffHandlers:
    def __init__(self, staff: Staff, coach: Coach, today: Today = date.today) -> None:
        self.staff, self.coach, self.today = staff, coach, today

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Register, say what the bot does, show the role's menu; `join-<code>` deep links join a unit."""
        user = user_of(update)
        store = self.coach.store
        argument = context.args[0] if context.args else ""
        with store.db.atomic():
            replies = self.coach.register(user)
            if argument.startswith("join-"):
                replies += self._outcome(lambda: self.staff.join(user, argument.removeprefix("join-"))).replies
            messages: list[Outgoing] = [Outgoing(user.chat_id, r) for r in replies]
            role = self.staff.role_of(user.id)
            if role != "trainee":
                messages.append(Outgoing(user.chat_id, menu=role))
            store.handled(update.update_id, user.chat_id, messages)
            if argument.startswith("practice-"):
                self.coach.start(user, argument.removeprefix("practice-"), None)

    def command(self, act: Callable[[User, list[str], str], Outcome]):
        """A handler that runs `act(user, args, bot_username)` and owes its Outcome, in one transaction."""

        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            user = user_of(update)
            args, bot_name = list(context.args or []), context.bot.username
            store = self.coach.store
            with store.db.atomic():
                self.coach.register(user)  # a /join typed before any /start still finds its user
                outcome = self._outcome(lambda: act(user, args, bot_name))
                store.handled(update.update_id, user.chat_id, messages_of(user.chat_id, outcome))

        return handler

    def _outcome(self, act: Callable[[], Outcome]) -> Outcome:
        try:
            return act()
        except Refused as refusal:
            return Outcome([str(refusal)])

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
            "newcode": lambda u, a, bot: s.new_code(u, _first(a), bot),
            "addinstructor": lambda u, a, _: s.add_instructor(u, a),
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
        """Job: owe the reminders due now; the sender delivers them. Restarts repeat nothing."""
        if self.staff.queue_reminders(self.today()):
            wake(context)


def messages_of(chat_id: int, outcome: Outcome) -> list[Outgoing]:
    """Everything an Outcome owes: replies, a chart or file, buttons, notices, a menu change."""
    messages = [Outgoing(chat_id, r) for r in outcome.replies]
    if outcome.render:
        messages.append(Outgoing(chat_id, render=outcome.render[0], args=outcome.render[1]))
    if outcome.buttons:
        rows = tuple(((label, f"practice:{sid}"),) for label, sid in outcome.buttons)
        messages.append(Outgoing(chat_id, "Start one:", rows))
    messages += [Outgoing(n.chat_id, n.text) for n in outcome.notices]
    if outcome.role_changed:
        messages.append(Outgoing(outcome.role_changed[0], menu=outcome.role_changed[1]))
    return messages


def wake(context: ContextTypes.DEFAULT_TYPE) -> None:
    sender = context.application.bot_data.get("sender")
    if sender is not None:
        sender.wake()


def _first(args: list[str]) -> str | None:
    return args[0] if args else None
