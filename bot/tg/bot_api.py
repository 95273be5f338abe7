"""The Bot API client: python-telegram-bot's bot with its HTTP pools, its rate limit, and lenient parsing.

Light on purpose: the delivery process (bot.tg.delivery) builds its bot from here without
loading the handlers, the visitor or the grader.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.error import NetworkError, TimedOut
from telegram.ext import AIORateLimiter, ExtBot
from telegram.request import HTTPXRequest

from bot.config import Settings
from bot.tg.faults import STORAGE_ERRORS, Fault

if TYPE_CHECKING:  # the delivery process runs without the store's imports (the grader among them)
    from bot.storage.store import Store

log = logging.getLogger(__name__)

SENDER_CONCURRENCY = 32
"""Chats sent to at once. The HTTP pool has a connection for each, plus a few for button answers."""


class LenientBot(ExtBot):
    """An update python-telegram-bot cannot parse is logged once and replaced by an empty one.

    Otherwise one odd update (a field a newer Bot API sends) is fetched again and again and
    nothing after it is ever answered. The empty update keeps its id, so polling confirms
    it and goes on; the guards ignore it quietly. Batches are parsed once, as usual; only a
    batch that fails is parsed again update by update.
    """

    def __init__(self, *args: Any, inbox: Store | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        with self._unfrozen():
            self.inbox = inbox
            self._batch: dict[str, list] = {}
            self.api_fault = Fault("fetching updates from the Bot API", log)
            self.storage_fault = Fault("storing fetched updates in the database", log)

    async def _post(self, endpoint: str, *args: Any, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, *args, **kwargs)
        if endpoint == "getUpdates" and isinstance(result, list):
            self.api_fault.succeeded()
            self._batch["raw"] = result
            if result and self.inbox is not None:
                self.inbox.receive(result)  # the whole batch in one write (see InboxQueue)
                self.storage_fault.succeeded()
        return result

    async def get_updates(self, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        """Fetch a batch. While the batch cannot be stored (a full disk, a read-only database) or the Bot API
        cannot be reached, wait with growing pauses and return nothing: the batch is not confirmed, so
        Telegram keeps it for the next fetch, and nothing is lost (bot.tg.faults)."""
        try:
            return await self._fetch(*args, **kwargs)
        except STORAGE_ERRORS as exc:
            await asyncio.sleep(self.storage_fault.failed(exc))
        except TimedOut:
            raise  # a long poll's timeout: polling tries again at once, as it should
        except NetworkError as exc:
            await asyncio.sleep(self.api_fault.failed(exc))
        return ()

    async def _fetch(self, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        self._batch.clear()
        try:
            return await super().get_updates(*args, **kwargs)
        except (ValueError, TypeError, KeyError, AttributeError):
            raw = self._batch.pop("raw", None)
            if raw is None:
                raise
            return tuple(Update.de_json(self._parseable(update), self) for update in raw)

    def _parseable(self, raw: Any) -> Any:
        try:
            Update.de_json(raw, self)
        except Exception as exc:  # noqa: BLE001 - anything PTB cannot parse is skipped, whatever the cause
            update_id = raw.get("update_id") if isinstance(raw, dict) else None
            kinds = [k for k in raw if k != "update_id"] if isinstance(raw, dict) else []
            log.error("skipped update %s (%s) that could not be read: %s", update_id, kinds, exc)
            return {"update_id": update_id}
        return raw


class _NoUpdateDumps(logging.Filter):
    """python-telegram-bot logs a whole unparseable batch (trainees' words) before we skip the bad update."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Error while parsing updates")


logging.getLogger("telegram.Bot").addFilter(_NoUpdateDumps())


def telegram_bot(settings: Settings, store: Store | None) -> LenientBot:
    """The bot, with its HTTP pools, its rate limit and the Bot API's address (a local one in the tests)."""
    limiter = None
    if settings.max_sends_per_second:  # an overall cap; the sender itself waits out 429s and retries
        limiter = AIORateLimiter(overall_max_rate=settings.max_sends_per_second, max_retries=0)
        logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.CRITICAL)
    urls = {"base_url": settings.api_base_url} if settings.api_base_url else {}
    if settings.api_file_url:
        urls["base_file_url"] = settings.api_file_url
    return LenientBot(
        settings.require_token(),
        # A send that times out may still have been delivered, and is then sent again: wait long
        # enough that only a real outage times out (the defaults, 5 s, are reached on a busy host).
        request=HTTPXRequest(
            connection_pool_size=SENDER_CONCURRENCY + 8, read_timeout=30.0, write_timeout=30.0, pool_timeout=30.0
        ),
        get_updates_request=HTTPXRequest(connection_pool_size=1),
        rate_limiter=limiter,
        inbox=store,
        **urls,
    )
