"""Build the Telegram Application: wiring only. Run with `deskdrill run`."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from datetime import date
from urllib.parse import urlsplit

from telegram import BotCommand, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.coach import Coach
from bot.config import Settings
from bot.staff import Staff
from bot.tg.guards import Guards, on_error
from bot.tg.ordering import PerChatOrder
from bot.tg.staff import TRAINEE_MENU, StaffHandlers
from bot.tg.throttle import Throttle
from bot.tg.trainee import TraineeHandlers

log = logging.getLogger(__name__)

NOT_TEXT = (
    filters.Sticker.ALL
    | filters.PHOTO
    | filters.VOICE
    | filters.AUDIO
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.Document.ALL
    | filters.ANIMATION
    | filters.LOCATION
    | filters.CONTACT
    | filters.POLL
)


def build_application(
    settings: Settings,
    coach: Coach,
    throttle: Throttle | None = None,
    today: Callable[[], date] = date.today,
    reminder_interval: float = 1800.0,
) -> Application:
    limiter = AIORateLimiter(overall_max_rate=settings.max_sends_per_second, max_retries=3)
    builder = ApplicationBuilder().token(settings.require_token()).rate_limiter(limiter)
    if settings.api_base_url:
        builder = builder.base_url(settings.api_base_url)
    if settings.api_file_url:
        builder = builder.base_file_url(settings.api_file_url)
    app = builder.concurrent_updates(PerChatOrder()).post_init(set_commands).build()
    guards = Guards(coach.store, throttle or Throttle(rate=settings.user_rate, burst=settings.user_burst))
    trainee = TraineeHandlers(coach)
    staff = StaffHandlers(Staff(coach.store, coach.library, settings.admins), coach, today)

    app.add_handler(TypeHandler(Update, guards.first), group=-1)
    app.add_handlers(
        [
            CommandHandler("start", staff.start),
            CommandHandler("help", trainee.help),
            CommandHandler("practice", trainee.practice),
            CommandHandler("hint", trainee.hint),
            CommandHandler("end", trainee.end),
            CommandHandler("history", trainee.history),
            CommandHandler("progress", trainee.progress),
            *(CommandHandler(name, handler) for name, handler in staff.handlers().items()),
            CallbackQueryHandler(trainee.practice_button, pattern=r"^practice:"),
            MessageHandler(filters.UpdateType.EDITED, guards.edited),
            MessageHandler(filters.COMMAND, guards.unknown_command),
            MessageHandler(filters.TEXT, trainee.message),
            MessageHandler(NOT_TEXT, guards.not_text),
        ]
    )
    app.add_error_handler(on_error)
    app.job_queue.run_repeating(staff.remind, interval=reminder_interval, first=min(10.0, reminder_interval))
    return app


async def set_commands(app: Application) -> None:
    """Show the trainee commands in Telegram's menu; then freeze start-up objects.

    gc.freeze() moves everything allocated so far out of the collector's sight, so
    collections during the day scan only per-update garbage (shorter pauses).
    """
    await app.bot.set_my_commands([BotCommand(name, text) for name, text in TRAINEE_MENU])
    gc.collect()
    gc.freeze()


async def start_polling(app: Application, poll_interval: float = 0.0, timeout: int = 10) -> None:
    """What run_polling does before it blocks: for tests and benchmarks inside a running loop."""
    await app.initialize()
    await set_commands(app)
    await app.start()
    await app.updater.start_polling(poll_interval=poll_interval, timeout=timeout, allowed_updates=Update.ALL_TYPES)


async def stop_polling(app: Application) -> None:
    if app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
    await app.shutdown()


def run(settings: Settings, coach: Coach) -> None:
    """Long polling, or a webhook when TELEGRAM_WEBHOOK_URL is set. Blocks until stopped."""
    app = build_application(settings, coach)
    if settings.webhook_url:
        log.info(
            "serving a webhook for %s on %s:%s", settings.webhook_url, settings.webhook_listen, settings.webhook_port
        )
        app.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        log.info("polling for updates")
        app.run_polling(allowed_updates=Update.ALL_TYPES)
