"""Instructor and admin handlers, trainees' /join and /assignments, per-role menus, reminders.

Each handler parses the update, calls a rule of `bot.training` (or a screen over one) and owes
what it returns, in the update's transaction. Buttons are decoded in `bot.tg.callbacks`.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import date

from telegram import Update
from telegram.ext import ContextTypes, filters

from bot.practice.coach import Coach
from bot.storage.outbox import Buttons
from bot.storage.sign_in import LINK_MINUTES, SignIn
from bot.tg import callbacks as cb
from bot.tg import results_screens as drawn
from bot.tg.behind_screens import BehindScreens
from bot.tg.menus import HELPS, MENUS, TRAINEE_MENU
from bot.tg.pages import button
from bot.tg.record_screens import RecordScreens
from bot.tg.report_screens import ReportScreens
from bot.tg.results_screens import ResultsScreens
from bot.tg.screen import Screen, messages_of, screen
from bot.tg.staff_screens import StaffScreens
from bot.tg.trainee import Awaiting, TraineeHandlers, user_of
from bot.tg.trainee import tapped as tapped_button
from bot.tg.unit_screens import UnitScreens, due_of
from bot.training.department import Department
from bot.training.outcome import Deferred, Outcome, Refused
from bot.training.periods import DEFAULT as DEFAULT_PERIOD
from bot.training.periods import parse as parse_period
from bot.transcript import User

__all__ = ["MENUS", "TRAINEE_MENU", "StaffHandlers", "messages_of"]

log = logging.getLogger(__name__)

Today = Callable[[], date]
Answer = Outcome | Screen
Act = Callable[[User, list[str], str], "Answer | Deferred[Answer]"]
OLD_BUTTON = "That button is no longer in use."


class StaffHandlers:
    BUTTONS = cb.STAFF_PATTERN

    def __init__(self, department: Department, coach: Coach, today: Today = date.today, web_base: str | None = None):
        self.department, self.coach, self.today = department, coach, today
        self.web_base = web_base
        """The dashboard's public base URL (DESKDRILL_WEB_URL), or None when it is not served."""
        self.screens, self.results = StaffScreens(department), ResultsScreens(department)
        self.behind = BehindScreens(department)
        self.units = UnitScreens(department)
        self.records = RecordScreens(department)
        self.reports = ReportScreens(department)

    def dashboard(self, user: User) -> Screen:
        """Staff only: a button opening the dashboard in Telegram, and a one-time link for a browser."""
        self.department.access.require(user, "instructor", "dashboard")
        if not self.web_base:
            return screen(["The web dashboard is not set up: an admin sets DESKDRILL_WEB_URL and DESKDRILL_WEB_PORT."])
        token = SignIn(self.coach.store).new_link(user.id)
        rows: list[tuple[tuple[str, str], ...]] = []
        if self.web_base.startswith("https://"):
            rows.append((("Open the dashboard", f"webapp:{self.web_base}/app"),))
        rows.append((("Sign in in a browser", f"url:{self.web_base}/login?t={token}"),))
        text = (
            f"Your dashboard: {self.web_base}/\nThe browser link signs you in once, within "
            f"{LINK_MINUTES} minutes; don't share it."
        )
        return screen([text], tuple(rows), secret=True)

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Register, say what the bot does, show the role's menu; `join-<code>` deep links join a unit."""
        user = user_of(update)
        store = self.coach.store
        argument = context.args[0] if context.args else ""
        with store.db.atomic():
            welcome = Outcome(self.coach.register(user))
            role = self.department.access.role_of(user.id)
            staff_keys = ((button("Who hasn't passed?", cb.Behind(0)),),) if role != "trainee" else ()
            messages = messages_of(user.chat_id, Screen(welcome, staff_keys))
            if argument.startswith("join-"):
                code = argument.removeprefix("join-")
                joined = self._outcome(lambda: self.department.membership.join(user, code, self.today()))
                messages += messages_of(user.chat_id, joined)
            if role != "trainee":
                messages += messages_of(user.chat_id, Outcome([], role_changed=(user.chat_id, role)))
            if argument.startswith("practice-"):  # the call's intro after the welcome, in the same transaction
                messages += self.coach.start(user, argument.removeprefix("practice-")).messages
            store.handled(update.update_id, user.chat_id, messages)

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The commands of the caller's role."""
        user = user_of(update)
        self.coach.store.handled(update.update_id, user.chat_id, [HELPS[self.department.access.role_of(user.id)]])

    async def answer(self, update: Update, user: User, act: Callable[[], Answer | Deferred[Answer]]) -> None:
        """Run a staff action and owe its answer with the update, in one transaction.

        A Deferred action first reads off the event loop (a read-only connection in a worker
        thread), then makes its answer, and any change it records, in the update's transaction."""
        store = self.coach.store
        with store.db.atomic():
            self.coach.register(user)  # a /join typed before any /start still finds its user
            result = self._outcome(act)
            if not isinstance(result, Deferred):
                store.handled(update.update_id, user.chat_id, messages_of(user.chat_id, result))
                return
        try:
            data = await store.reader.run(result.read)
        except Exception:
            log.exception("staff read failed for update %s", update.update_id)
            raise
        with store.db.atomic():
            answer = self._outcome(lambda: result.then(data))
            store.handled(update.update_id, user.chat_id, messages_of(user.chat_id, answer))

    def command(self, act: Act):
        """A handler that runs `act(user, args, bot_username)` and owes its answer."""

        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            user = user_of(update)
            args, bot_name = list(context.args or []), context.bot.username
            await self.answer(update, user, lambda: act(user, args, bot_name))

        return handler

    @staticmethod
    def _outcome(act: Callable[[], Answer | Deferred[Answer]]) -> Answer | Deferred[Answer]:
        try:
            return act()
        except Refused as refusal:
            return Outcome([str(refusal)])

    def handlers(self) -> dict[str, Callable]:
        """Command name -> handler, for every staff and unit command."""
        d, s, r, b, today = self.department, self.screens, self.results, self.behind, self.today
        acts: dict[str, Act] = {
            "promote": lambda u, a, _: d.people.promote(u, _first(a)),
            "demote": lambda u, a, _: d.people.demote(u, _first(a)),
            "audit": lambda u, a, _: d.people.audit_log(u),
            "erase": lambda u, a, _: s.erase_ask(u, _first(a)),
            "whoami": lambda u, a, _: d.people.whoami(u),
            "newunit": lambda u, a, bot: s.new_unit(u, " ".join(a), bot),
            "units": lambda u, a, _: s.units(u),
            "revoke": lambda u, a, _: d.units.revoke(u, _first(a)),
            "newcode": lambda u, a, bot: s.new_code(u, _first(a), bot),
            "addinstructor": lambda u, a, _: d.units.add_instructor(u, a),
            "assign": lambda u, a, _: s.assign(u, a, today()),
            "results": lambda u, a, _: r.results(u, a, today()),
            "behind": lambda u, a, _: b.behind(u, 0, today()),
            "transcript": lambda u, a, _: s.transcript(u, _first(a)),
            "override": lambda u, a, _: d.overrides.by_command(u, a),
            "report": lambda u, a, _: self.reports.report(u, a, today()),
            "export": lambda u, a, _: d.reports.export_command(u, a),
            "completions": lambda u, a, _: d.reports.export_command(u, a, "completions"),
            "join": lambda u, a, _: d.membership.join(u, " ".join(a), today()),
            "leave": lambda u, a, _: self.units.leave(u),
            "rename": lambda u, a, _: self.units.rename_ask(u, a),
            "assignments": lambda u, a, _: s.my_assignments(u, today()),
            "dashboard": lambda u, a, _: self.dashboard(u),
        }
        return {name: self.command(act) for name, act in acts.items()}

    # --- buttons ---------------------------------------------------------------------------

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A staff button: every one checks the role again, like the command it stands for."""
        user = user_of(update)
        tapped = await tapped_button(update)
        act = None
        if tapped is not None:
            act = self.units.act(user, tapped, context.bot.username) or self._button_act(user, tapped)
        await self.answer(update, user, act or (lambda: Outcome([OLD_BUTTON])))

    def _button_act(self, user: User, tapped: cb.Callback) -> Callable[[], Answer | Deferred[Answer]] | None:
        d, s, r, b, today = self.department, self.screens, self.results, self.behind, self.today
        match tapped:
            case cb.AllUnits(page):
                return lambda: r.units_page(user, page, today())
            case cb.UnitResults(unit_id, page):
                return lambda: r.unit_page(user, unit_id, page, today())
            case cb.ResultsFor(0, period, page):
                return lambda: r.units_page(user, page, today(), parse_period(period, today()))
            case cb.ResultsFor(unit_id, period, page):
                return lambda: r.unit_page(user, unit_id, page, today(), parse_period(period, today()))
            case cb.TraineeResults(unit_id, user_id, page):
                return lambda: r.trainee_page(user, unit_id, user_id, page, today())
            case cb.Transcript(attempt_id):
                return lambda: s.transcript(user, str(attempt_id))
            case cb.TranscriptPage(attempt_id, page):
                return lambda: s.transcript(user, str(attempt_id), page)
            case cb.ReviewAnswer(request_id):
                return lambda: self.records.review_answer(user, request_id)
            case cb.OverrideAsk(attempt_id, index):
                return lambda: s.override_ask(user, attempt_id, index)
            case cb.OverrideConfirm(attempt_id, index):  # a "Yes" button sent before OverrideTo
                return lambda: s.override_confirm(user, attempt_id, index)
            case cb.OverrideTo(attempt_id, index, met):
                return lambda: s.override_confirm(user, attempt_id, index, bool(met))
            case cb.OverrideCancel():
                return lambda: d.overrides.cancel(user)
            case cb.AssignCall(scenario_id):
                return lambda: s.assign_call(user, scenario_id)
            case cb.AssignToUnit(scenario_id, unit_id):  # then its due date, by a tap
                return lambda: self.units.due_picker(user, scenario_id, unit_id, today())
            case cb.AssignDue(scenario_id, unit_id, due):
                return lambda: d.assignments.assign_to(user, scenario_id, unit_id, due_of(due), today())
            case cb.Report(unit_id):  # a /units button: this month
                return lambda: self.reports.tapped(user, unit_id, DEFAULT_PERIOD, 0, today())
            case cb.ReportFor(unit_id, period, page):
                return lambda: self.reports.tapped(user, unit_id, period, page, today())
            case cb.ExportFor(unit_id, period):
                return lambda: d.reports.export(user, None, unit_id or None, period)
            case cb.Export(unit_id):
                return lambda: d.reports.export(user, None, unit_id)
            case cb.Promote(user_id):
                return lambda: d.people.promote(user, str(user_id))
            case cb.Demote(user_id):
                return lambda: d.people.demote(user, str(user_id))
            case cb.Erase(user_id):
                return lambda: d.people.erase(user, user_id)
            case cb.EraseCancel():
                return lambda: Outcome(["Cancelled: nothing was erased."])
            case cb.DigestOff():
                return lambda: d.notices.digest_off(user)
            case cb.Behind(page):
                return lambda: b.behind(user, page, today())
            case cb.OnAssignment(assignment_id):
                return lambda: b.assignment(user, assignment_id, today())
            case cb.Remind(assignment_id, user_id):
                return lambda: b.remind(user, assignment_id, user_id, today())
        return None  # a trainee's button (practice:) is not a staff one

    # --- the one plain text meant for staff: an override reason they were asked for --------------

    def awaiting_reason(self) -> filters.MessageFilter:
        """Texts from someone who may owe an override reason, told apart in memory: only these reach
        `text_handler`; every other text (practice) goes straight to the trainee handler."""
        return Awaiting("awaiting_reason", self.department.overrides.awaits_reason)

    def text_handler(self, trainee: TraineeHandlers):
        """A text: an override reason the instructor was asked for, else a line of practice."""

        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            user = user_of(update)
            if self.department.overrides.awaits_reason(user.id):
                text = update.effective_message.text or ""
                with self.coach.store.db.atomic():
                    outcome = self._outcome(lambda: self.department.overrides.pending_reason(user, text))
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
            if self.department.access.role_of(user.id) != "admin" or origin is None:
                await otherwise(update, context)
                return
            sender = getattr(origin, "sender_user", None)
            name = sender.first_name if sender else (getattr(origin, "sender_user_name", None) or "That person")
            target = sender.id if sender else None
            await self.answer(update, user, lambda: self.screens.person_card(user, target, name))

        return handler

    async def remind(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Job: owe the reminders, completion notices and digests due now; the sender delivers them. Reminders
        and digests wait for agency.yaml's reminder hour. Restarts repeat nothing. The digests' aggregates are
        read off the event loop."""
        today, notices = self.today(), self.department.notices
        queued = notices.queue_completions(drawn.completions)
        if not notices.reminder_hour_reached(today):
            if queued:
                wake(context)
            return
        queued += notices.queue_reminders(today, drawn.reminder)
        due = notices.digest_due(today)
        if due:
            title = self.department.calls.title

            def read(conn: sqlite3.Connection) -> dict[int, tuple[str, Buttons]]:
                return drawn.digests(due, notices.digest_data(conn, due, today), today, title)

            queued += notices.queue_digests(due, await self.coach.store.reader.run(read), today)
        if queued:
            wake(context)


def wake(context: ContextTypes.DEFAULT_TYPE) -> None:
    sender = context.application.bot_data.get("sender")
    if sender is not None:
        sender.wake()


def _first(args: list[str]) -> str | None:
    return args[0] if args else None
