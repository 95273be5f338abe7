"""Serving the dashboard: beside the bot, in its event loop (`deskdrill run`), or alone (`deskdrill web`).

uvicorn serves it with a deadline for every request (bot.web.timeouts: a slow or silent client is let go
after READ_TIMEOUT seconds) and a short keep-alive.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterator
from datetime import date

import uvicorn

from bot.config import Settings
from bot.training.department import Department
from bot.web.app import Dashboard, build_web_app
from bot.web.timeouts import READ_TIMEOUT, TimedConfig

log = logging.getLogger(__name__)


class EmbeddedServer(uvicorn.Server):
    """uvicorn inside another program's loop: the bot owns the signals (Ctrl+C stops both)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def web_server(
    settings: Settings,
    department: Department,
    today: Callable[[], date] | None = None,
    wake: Callable[[int | None], None] | None = None,
    embedded: bool = True,
    read_timeout: float = READ_TIMEOUT,
) -> uvicorn.Server:
    dashboard = Dashboard(department, settings.token, settings.web_base or "", today, wake)
    config = TimedConfig(
        build_web_app(dashboard),
        read_timeout=read_timeout,
        timeout_keep_alive=5,
        host=settings.web_listen,
        port=settings.web_port or 8080,
        lifespan="off",
        log_config=None,
        access_log=False,
        proxy_headers=True,
        server_header=False,
    )
    return (EmbeddedServer if embedded else uvicorn.Server)(config)


class WebTask:
    """Start in the bot's post_init, stop in its post_stop."""

    def __init__(self, server: uvicorn.Server) -> None:
        self.server = server
        self.task: asyncio.Task | None = None

    async def start(self) -> None:
        """Listening when this returns; a port it cannot take stops the start with a clear error."""
        config = self.server.config
        self.task = asyncio.create_task(self._serve(), name="dashboard")
        while not self.server.started and not self.task.done():
            await asyncio.sleep(0.01)
        if not self.server.started:
            self.task = None
            raise RuntimeError(f"the dashboard could not listen on {config.host}:{config.port} (DESKDRILL_WEB_PORT)")
        log.info("serving the dashboard on %s:%s", config.host, config.port)

    async def _serve(self) -> None:
        try:
            await self.server.serve()
        except SystemExit:  # uvicorn exits when it cannot bind: never let that end the bot's loop
            log.error("the dashboard stopped: it could not listen on its port")

    async def stop(self) -> None:
        if self.task is None:
            return
        self.server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await self.task
        self.task = None
