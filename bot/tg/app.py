"""Build the Telegram Application: wiring only. Run with `deskdrill run`."""

from __future__ import annotations

import asyncio
import gc
import logging
import secrets
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Protocol
from urllib.parse import urlsplit

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.clock import today_in
from bot.config import Retention, Settings
from bot.lrs.sender import StatementSender
from bot.practice.coach import Coach
from bot.scenarios.library import Library
from bot.storage.retention import purge
from bot.storage.store import Store
from bot.tg.bot_api import SENDER_CONCURRENCY, telegram_bot
from bot.tg.callbacks import PROFILE_PATTERN, TRAINEE_PATTERN
from bot.tg.delivery import DeliveryProcess
from bot.tg.guards import Guards, on_error, wake
from bot.tg.ordering import PerChatOrder
from bot.tg.profile_screens import ProfileScreens
from bot.tg.renderers import renderers
from bot.tg.sender import Sender
from bot.tg.staff import MENUS, TRAINEE_MENU, StaffHandlers
from bot.tg.throttle import Throttle
from bot.tg.trainee import TraineeHandlers
from bot.training.department import Department
from bot.training.xapi import Statements

log = logging.getLogger(__name__)

PRUNE_INTERVAL = 3600.0
PURGE_INTERVAL, PURGE_BATCH, PURGE_CHECKPOINT_WAIT = 3600.0, 2000, 1.0
"""Expired words are purged hourly, at most PURGE_BATCH attempts at a time, on the event loop."""


class Served(Protocol):
    """A server that runs beside the bot: started after the bot, stopped before it."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


Companion = Callable[[Department, Callable[[], date], Callable[[], None]], Served]
"""Builds the server to run beside the bot from the rules, today and the sender's wake-up."""


class InboxQueue(asyncio.Queue):
    """The application's update queue, writing each update to the store's inbox as it is queued.

    Telegram counts an update as delivered before DeskDrill has handled it: polling confirms
    a batch when it fetches the next one, and a webhook call is answered 200 once the update
    is queued. So each update is stored first, and one never finished (a crash) is handled
    after the restart (see `on_start`); it leaves the inbox when handled (bot.tg.ordering).
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    async def put(self, item: Any) -> None:
        if isinstance(item, Update) and not self.store.in_inbox(item.update_id):  # a webhook's update
            self.store.receive([item.to_dict()])
        await super().put(item)


def build_application(
    settings: Settings,
    coach: Coach,
    throttle: Throttle | None = None,
    today: Callable[[], date] | None = None,
    reminder_interval: float | None = None,
    web: Companion | None = None,
    retention: Retention | None = None,
    delivery: Sequence[str] | None = None,
) -> Application:
    """`web`: a server to run beside the bot in this loop (the dashboard, built by the caller so that
    this edge never imports the other), given the rules, today and the sender's wake-up. `delivery`: the
    command of a delivery process to send the outbox (bot.tg.delivery); without it, this loop sends."""
    store = coach.store
    guards = Guards(
        store, throttle or Throttle(rate=settings.user_rate, burst=settings.user_burst), settings.log_content
    )
    ordering = PerChatOrder(on_arrival=guards.arrive, on_done=lambda u: store.finished(u.update_id))
    app = (
        ApplicationBuilder()
        .bot(telegram_bot(settings, store))
        .update_queue(InboxQueue(store))
        .concurrent_updates(ordering)
        .post_init(on_start)
        .post_stop(on_stop)
        .build()
    )
    tz = settings.tz
    today = today or (lambda: today_in(tz))
    department = Department(store, coach.library, settings.admins, tz)
    for user_id, role in store.sync_admins(settings.admins):
        log.info("user %s is now %s (DESKDRILL_ADMINS)", user_id, role)
    trainee = TraineeHandlers(coach, department, today)
    staff = StaffHandlers(department, coach, today, settings.web_base)
    app.bot_data.update(
        store=store,
        log_content=settings.log_content,
        sender=DeliveryProcess(store.outbox, delivery)
        if delivery
        else sender_for(app.bot, store, lambda: coach.library, tz),
        retention=retention or Retention(),
    )
    if web is not None:
        app.bot_data["web"] = web(department, today, app.bot_data["sender"].wake)
    if settings.xapi_endpoint:  # each finished call to the Learning Record Store, queued in the database
        app.bot_data["lrs"] = lrs_sender(settings, department)
    add_handlers(app, guards, trainee, staff)
    schedule_jobs(app, staff, reminder_interval if reminder_interval is not None else settings.reminder_interval)
    return app


def sender_for(
    bot: ExtBot, store: Store, library: Callable[[], Library], tz: Any, report: Callable | None = None
) -> Sender:
    """The sender of the outbox, in this loop or in the delivery process (bot.tg.delivery, with `report`)."""
    return Sender(bot, store.outbox, renderers(store, library, tz), MENUS, SENDER_CONCURRENCY, report=report)


def lrs_sender(settings: Settings, department: Department) -> StatementSender:
    home = settings.xapi_home_page or ""
    statements = Statements(department.calls, department.pass_mark, home, department.reports.provider.hours)
    return StatementSender(
        department.store,
        statements.for_attempt,
        settings.xapi_endpoint or "",
        settings.xapi_username or "",
        settings.xapi_password or "",
        correct=statements.correction,
    )


def add_handlers(app: Application, guards: Guards, trainee: TraineeHandlers, staff: StaffHandlers) -> None:
    """The guards first (group -1), then the commands, buttons and messages, then the sender's wake-up (group 1)."""
    text = staff.text_handler(trainee)
    profile = ProfileScreens(staff.department.profiles, staff.coach)
    otherwise = profile.text_handler(text)  # after a review's reason or reply: /profile's answer, or the rest
    app.add_handler(TypeHandler(Update, guards.first), group=-1)
    app.add_handlers(
        [
            CommandHandler("start", staff.start),
            CommandHandler("help", staff.help),
            CommandHandler("practice", trainee.practice),
            CommandHandler("hint", trainee.hint),
            CommandHandler("end", trainee.end),
            CommandHandler("history", trainee.history),
            CommandHandler("progress", trainee.progress),
            CommandHandler("profile", staff.command(lambda user, args, _: profile.command(user, args))),
            *(CommandHandler(name, handler) for name, handler in staff.handlers().items()),
            CallbackQueryHandler(trainee.practice_button, pattern=r"^practice:"),
            CallbackQueryHandler(trainee.button, pattern=TRAINEE_PATTERN),
            CallbackQueryHandler(staff.button, pattern=StaffHandlers.BUTTONS),
            CallbackQueryHandler(profile.button, pattern=PROFILE_PATTERN),
            CallbackQueryHandler(guards.unknown_button),
            MessageHandler(filters.FORWARDED, staff.forward_handler(trainee, text_or_not(text, guards.not_text))),
            MessageHandler(filters.COMMAND, guards.unknown_command),
            MessageHandler(filters.TEXT & trainee.awaiting_review(), trainee.review_text_handler(otherwise)),
            MessageHandler(filters.TEXT & profile.awaiting_answer(), otherwise),  # maybe /profile's
            MessageHandler(filters.TEXT & staff.awaiting_reason(), text),  # maybe an override reason
            MessageHandler(filters.TEXT, trainee.message),  # practice: straight to the trainee handler
            MessageHandler(filters.ALL, guards.not_text),
        ]
    )
    app.add_handler(TypeHandler(Update, wake_sender), group=1)
    app.add_error_handler(on_error)


def schedule_jobs(app: Application, staff: StaffHandlers, reminder_interval: float) -> None:
    """The repeating jobs: reminders, pruning of the inbox and outbox, and the purge of expired words."""
    app.job_queue.run_repeating(staff.remind, interval=reminder_interval, first=min(10.0, reminder_interval))
    app.job_queue.run_repeating(prune, interval=PRUNE_INTERVAL, first=5.0)
    app.job_queue.run_repeating(purge_expired, interval=PURGE_INTERVAL, first=60.0)


def text_or_not(text: Callable, not_text: Callable) -> Callable:
    async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await (text if update.effective_message and update.effective_message.text else not_text)(update, context)

    return handler


async def wake_sender(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """After every handled update: whatever it owes is in the outbox now, first to the person who sent it."""
    wake(context, update.effective_user.id if update.effective_user else None)
    if "lrs" in context.application.bot_data:  # a call may have ended: its statements go now
        context.application.bot_data["lrs"].wake()


async def prune(context: ContextTypes.DEFAULT_TYPE) -> None:
    updates, messages = context.application.bot_data["store"].prune()
    if updates or messages:
        log.info("forgot %s old update ids and %s delivered messages", updates, messages)


async def purge_expired(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Trainees' words past agency.yaml's retention, and old audit entries (bot.storage.retention)."""
    data = context.application.bot_data
    purged = purge(data["store"], data["retention"], wait_seconds=PURGE_CHECKPOINT_WAIT, limit=PURGE_BATCH)
    if purged.attempts or purged.audit_entries:
        log.info("%s (agency.yaml's retention)", purged.describe())


async def on_start(app: Application) -> None:
    """Show the trainee commands, start delivering the outbox (whatever was pending before a crash first).

    gc.freeze() moves everything allocated so far out of the collector's sight, so
    collections during the day scan only per-update garbage (shorter pauses).
    """
    await app.bot.set_my_commands([BotCommand(name, text) for name, text in TRAINEE_MENU])
    sender: Sender | DeliveryProcess = app.bot_data["sender"]
    pending = sender.outbox.undelivered()
    if pending:
        log.info("delivering %s messages left pending before the last stop", pending)
    sender.start()
    for raw in app.bot_data["store"].unfinished_updates():  # fetched before a crash, never finished
        log.info("handling update %s again: it was fetched but not finished before the last stop", raw["update_id"])
        await app.update_queue.put(Update.de_json(raw, app.bot))
    if "web" in app.bot_data:
        await app.bot_data["web"].start()
    if "lrs" in app.bot_data:
        app.bot_data["lrs"].start()
    gc.collect()
    gc.freeze()


async def on_stop(app: Application) -> None:
    if "web" in app.bot_data:
        await app.bot_data["web"].stop()
    if "lrs" in app.bot_data:
        await app.bot_data["lrs"].stop()
    await app.bot_data["sender"].stop()


async def start_polling(app: Application, poll_interval: float = 0.0, timeout: int = 10) -> None:
    """What run_polling does before it blocks: for tests and benchmarks inside a running loop."""
    await app.initialize()
    await on_start(app)
    await app.start()
    await app.updater.start_polling(poll_interval=poll_interval, timeout=timeout, allowed_updates=Update.ALL_TYPES)


async def stop_polling(app: Application) -> None:
    if app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
    await on_stop(app)
    await app.shutdown()


def webhook_secret(settings: Settings) -> str:
    """The configured secret, or a strong random one for this run: webhook mode never runs without one."""
    if settings.webhook_secret:
        return settings.webhook_secret
    log.info("TELEGRAM_WEBHOOK_SECRET is not set: using a random secret for this run")
    return secrets.token_urlsafe(32)


def run(
    settings: Settings,
    coach: Coach,
    retention: Retention | None = None,
    web: Companion | None = None,
    delivery: Sequence[str] | None = None,
) -> None:
    """Long polling, or a webhook when TELEGRAM_WEBHOOK_URL is set; `web` beside it, and a delivery
    process sending the outbox when `delivery` names its command. Blocks until stopped."""
    app = build_application(settings, coach, web=web, retention=retention, delivery=delivery)
    if settings.webhook_url:
        log.info(
            "serving a webhook for %s on %s:%s", settings.webhook_url, settings.webhook_listen, settings.webhook_port
        )
        app.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=webhook_secret(settings),
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        log.info("polling for updates")
        app.run_polling(allowed_updates=Update.ALL_TYPES)
