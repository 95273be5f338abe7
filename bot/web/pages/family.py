"""What every family of pages has: the dashboard that serves it, and its URLs (`routes`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.routing import Route

if TYPE_CHECKING:
    from bot.web.app import Dashboard


class PageFamily:
    def __init__(self, dashboard: Dashboard) -> None:
        self.d = dashboard

    def routes(self) -> list[Route]:
        """The family's URLs, each with its handler."""
        raise NotImplementedError
