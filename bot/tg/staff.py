"""Instructor and admin handlers, trainees' /join and /assignments, per-role menus, reminders."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from telegram import Update
from telegram.ext import ContextTypes

from bot.practice.coach import Coach, User
from bot.storage.outbox import Outgoing
from bot.tg.trainee import COMMANDS, HELP, TraineeHandlers, answer_quietly, user_of
from bot.training.staff import Deferred, Outcome, Refused, Staff
from bot.web.auth import LINK_MINUTES, SignIn

log = logging.getLogger(__name__)

TRAINEE_MENU = [
    *COMMANDS,
    ("join", "Join a unit with its code"),
    ("assignments", "What is assigned to you"),
    ("whoami", "Your user id and role"),
]
INSTRUCTOR_MENU = [
    *TRAINEE_MENU,
    ("results", "Your units: summary, then tap a trainee"),
    ("units", "Your units, members and codes"),
    ("assign", "Assign a call (tap, or /assign <id> <code> [date])"),
    ("report", "Pass rates and charts: /report [code]"),
    ("export", "CSV of attempts: /export [code]"),
    ("newunit", "Create a unit: /newunit <name>"),
    ("revoke", "Stop a join code: /revoke <code>"),
    ("newcode", "A new join code: /newcode <code>"),
    ("addinstructor", "/addinstructor <code> <user_id>"),
    ("transcript", "A whole attempt: /transcript <attempt_id>"),
    ("override", "/override <attempt> <criterion> met|missed <reason>"),
    ("dashboard", "Open the web dashboard"),
]
ADMIN_MENU = [
    *INSTRUCTOR_MENU,
    ("promote", "Make an instructor: id, @username or forward"),
    ("demote", "Make an instructor a trainee"),
    ("audit", "The last 20 audit entries"),
]
TRAINEE_HELP = (
    HELP + "\n\n/join <code> \u2013 join your unit\n/assignments \u2013 what your instructor assigned\n"
    "/whoami \u2013 your user id and role"
)
INSTRUCTOR_HELP = (
    "\n\nInstructor:\n/results \u2013 your units at a glance; tap a unit, a trainee, a call, then a criterion "
    "to override it\n/units \u2013 codes, with Results, Report and CSV buttons\n"
    "/assign \u2013 tap a call and a unit (or /assign <scenario_id> <code> YYYY-MM-DD for a due date)\n"
    "/report [code], /export [code] \u2013 pass rates and charts, a CSV file\n"
    "/newunit <name>, /revoke <code>, /newcode <code>, /addinstructor <code> <user_id>\n"
    "/transcript <attempt_id>, /override <attempt_id> <criterion> met|missed <reason>\n"
    "/dashboard \u2013 your units in a web page (a button, or a one-time link for a browser)"
)
ADMIN_HELP = (
    "\n\nAdmin:\n/promote <user_id or @username>, or forward me any message from the person\n"
    "/demote <user_id>\n/audit \u2013 the last 20 audit entries"
)
HELPS = {
    "trainee": TRAINEE_HELP,
    "instructor": TRAINEE_HELP + INSTRUCTOR_HELP,
    "admin": TRAINEE_HELP + INSTRUCTOR_HELP + ADMIN_HELP,
}
MENUS = {"trainee": TRAINEE_MENU, "instructor": INSTRUCTOR_MENU, "admin": ADMIN_MENU}

Today = Callable[[], date]


Act = Callable[[User, list[str], str], "Outcome | Deferred"]


class StaffHandlers:
    def __init__(self, staff: Staff, coach: Coach, today: Today = date.today, web_base: str | None = None) -> None:
        self.staff, self.coach, self.today = staff, coach, today
        self.web_base = web_base
        """The dashboard's public base URL (DESKDRILL_WEB_URL), or None when it is not served."""

    def dashboard(self, user: User) -> Outcome:
        """Staff only: a button opening the dashboard in Telegram, and a one-time link for a browser."""
        self.staff.require(user, "instructor", "dashboard")
        if not self.web_base:
            return Outcome(["The web dashboard is not set up: an admin sets DESKDRILL_WEB_URL and DESKDRILL_WEB_PORT."])
        token = SignIn(self.coach.store).new_link(user.id)
        rows: list[tuple[tuple[str, str], ...]] = []
        if self.web_base.startswith("https://"):
            rows.append((("Open the dashboard", f"webapp:{self.web_base}/app"),))
        rows.append((("Sign in in a browser", f"url:{self.web_base}/login?t={token}"),))
        return Outcome(
            [
                f"Your dashboard: {self.web_base}/\nThe browser link signs you in once, within "
                f"{LINK_MINUTES} minutes; don't share it."
            ],
            keyboard=tuple(rows),
            secret=True,
        )

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

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The commands of the caller's role."""
        user = user_of(update)
        self.coach.store.handled(update.update_id, user.chat_id, [HELPS[self.staff.role_of(user.id)]])

    async def answer(self, update: Update, user: User, act: Callable[[], Outcome | Deferred]) -> None:
        """Run a staff action and owe its Outcome with the update, in one transaction.

        A Deferred action first reads off the event loop (a read-only connection in a worker
        thread), then makes its Outcome, and any change it records, in the update's transaction."""
        store = self.coach.store
        with store.db.atomic():
            self.coach.register(user)  # a /join typed before any /start still finds its user
            result = self._outcome(act)
            if isinstance(result, Outcome):
                store.handled(update.update_id, user.chat_id, messages_of(user.chat_id, result))
                return
        try:
            data = await store.reader.run(result.read)
        except Exception:
            log.exception("staff read failed for update %s", update.update_id)
            raise
        with store.db.atomic():
            outcome = self._outcome(lambda: result.then(data))
            store.handled(update.update_id, user.chat_id, messages_of(user.chat_id, outcome))

    def command(self, act: Act):
        """A handler that runs `act(user, args, bot_username)` and owes its Outcome."""

        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            user = user_of(update)
            args, bot_name = list(context.args or []), context.bot.username
            await self.answer(update, user, lambda: act(user, args, bot_name))

        return handler

    def _outcome(self, act: Callable[[], Outcome | Deferred]) -> Outcome | Deferred:
        try:
            return act()
        except Refused as refusal:
            return Outcome([str(refusal)])

    def handlers(self) -> dict[str, Callable]:
        """Command name -> handler, for every staff and unit command."""
        s, today = self.staff, self.today
        acts: dict[str, Act] = {
            "promote": lambda u, a, _: s.promote(u, _first(a)),
            "demote": lambda u, a, _: s.demote(u, _first(a)),
            "audit": lambda u, a, _: s.audit_log(u),
            "whoami": lambda u, a, _: s.whoami(u),
            "newunit": lambda u, a, bot: s.new_unit(u, " ".join(a), bot),
            "units": lambda u, a, _: s.list_units(u),
            "revoke": lambda u, a, _: s.revoke(u, _first(a)),
            "newcode": lambda u, a, bot: s.new_code(u, _first(a), bot),
            "addinstructor": lambda u, a, _: s.add_instructor(u, a),
            "assign": lambda u, a, _: s.assign(u, a, today()),
            "results": lambda u, a, _: s.results(u, _first(a), today()),
            "transcript": lambda u, a, _: s.transcript(u, _first(a)),
            "override": lambda u, a, _: s.override(u, a),
            "report": lambda u, a, _: s.report(u, _first(a)),
            "export": lambda u, a, _: s.export(u, _first(a)),
            "join": lambda u, a, _: s.join(u, _first(a)),
            "assignments": lambda u, a, _: s.my_assignments(u, today()),
            "dashboard": lambda u, a, _: self.dashboard(u),
        }
        return {name: self.command(act) for name, act in acts.items()}

    # --- buttons ---------------------------------------------------------------------------

    BUTTONS = r"^(r|as|rp|ex|pr|dm|dg):"
    """Callback data of staff buttons (each at most 64 bytes: short prefixes and numeric ids)."""

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A staff button: every one checks the role again, like the command it stands for."""
        query = update.callback_query
        user = user_of(update)
        await answer_quietly(query)
        act = self._button_act(user, (query.data or "").split(":"))
        await self.answer(update, user, act or (lambda: Outcome(["That button is no longer in use."])))

    def _button_act(self, user: User, parts: list[str]) -> Callable[[], Outcome | Deferred] | None:
        s, today = self.staff, self.today
        if not all(p.isascii() for p in parts):
            return None
        n = [int(p) if p.isdigit() and len(p) < 16 else None for p in parts]
        match parts[0], len(parts):
            case "r", 3 if parts[1] == "all" and n[2] is not None:
                return lambda: s.units_page(user, n[2], today())
            case "r", 4 if parts[1] == "u" and None not in n[2:]:
                return lambda: s.unit_page(user, n[2], n[3], today())
            case "r", 5 if parts[1] == "t" and None not in n[2:]:
                return lambda: s.trainee_page(user, n[2], n[3], n[4], today())
            case "r", 3 if parts[1] == "a" and n[2] is not None:
                return lambda: s.transcript(user, parts[2])
            case "r", 4 if parts[1] == "o" and None not in n[2:]:
                return lambda: s.override_ask(user, n[2], n[3])
            case "r", 4 if parts[1] == "oy" and None not in n[2:]:
                return lambda: s.override_confirm(user, n[2], n[3])
            case "r", 2 if parts[1] == "ox":
                return lambda: s.override_cancel(user)
            case "as", 2:
                return lambda: s.assign_button(user, parts[1], None)
            case "as", 3 if n[2] is not None:
                return lambda: s.assign_button(user, parts[1], n[2])
            case "rp", 2 if n[1] is not None:
                return lambda: s.report(user, None, n[1])
            case "ex", 2 if n[1] is not None:
                return lambda: s.export(user, None, n[1])
            case "pr", 2 if n[1] is not None:
                return lambda: s.promote(user, parts[1])
            case "dm", 2 if n[1] is not None:
                return lambda: s.demote(user, parts[1])
            case "dg", 2 if parts[1] == "off":
                return lambda: s.digest_off(user)
        return None

    # --- plain messages that may be meant for staff --------------------------------------------

    def text_handler(self, trainee: TraineeHandlers):
        """A text: an override reason the instructor was asked for, else a line of practice."""

        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            user = user_of(update)
            text = update.effective_message.text or ""
            with self.coach.store.db.atomic():
                try:
                    outcome = self.staff.pending_reason(user, text)
                except Refused as refusal:
                    outcome = Outcome([str(refusal)])
                if outcome is not None:
                    self.coach.register(user)
                    self.coach.store.handled(update.update_id, user.chat_id, messages_of(user.chat_id, outcome))
                    return
            await trainee.message(update, context)

        return handler

    def forward_handler(self, trainee: TraineeHandlers, otherwise: Callable):
        """An admin forwards a message from someone: who they are, with a button to change their role.
        Anyone else's forward is practice text as usual."""

        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            user = user_of(update)
            origin = update.effective_message.forward_origin
            if self.staff.role_of(user.id) != "admin" or origin is None:
                await otherwise(update, context)
                return
            sender = getattr(origin, "sender_user", None)
            name = sender.first_name if sender else (getattr(origin, "sender_user_name", None) or "That person")
            target = sender.id if sender else None
            await self.answer(update, user, lambda: self.staff.person_card(user, target, name))

        return handler

    async def remind(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Job: owe the reminders, completion notices and digests due now; the sender delivers them.
        Restarts repeat nothing. The digests' aggregates are read off the event loop."""
        today = self.today()
        queued = self.staff.queue_reminders(today) + self.staff.queue_completions()
        due = self.staff.digest_due(today)
        if due:
            texts = await self.coach.store.reader.run(lambda conn: self.staff.digest_texts(conn, due, today))
            queued += self.staff.queue_digests(due, texts, today)
        if queued:
            wake(context)


def messages_of(chat_id: int, outcome: Outcome) -> list[Outgoing]:
    """Everything an Outcome owes: replies, a chart or file, buttons, notices, a menu change."""
    messages = [Outgoing(chat_id, r) for r in outcome.replies]
    if outcome.keyboard and messages:
        messages[-1] = Outgoing(chat_id, outcome.replies[-1], outcome.keyboard, secret=outcome.secret)
    if outcome.render:
        messages.append(Outgoing(chat_id, render=outcome.render[0], args=outcome.render[1]))
    if outcome.buttons:
        rows = tuple(((label, f"practice:{sid}"),) for label, sid in outcome.buttons)
        messages.append(Outgoing(chat_id, "Start one:", rows))
    messages += [Outgoing(n.chat_id, n.text, n.buttons, hold=True) for n in outcome.notices]
    if outcome.role_changed:
        messages.append(Outgoing(outcome.role_changed[0], menu=outcome.role_changed[1]))
    return messages


def wake(context: ContextTypes.DEFAULT_TYPE) -> None:
    sender = context.application.bot_data.get("sender")
    if sender is not None:
        sender.wake()


def _first(args: list[str]) -> str | None:
    return args[0] if args else None
