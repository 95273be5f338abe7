"""What every family of pages has: the dashboard that serves it, and its URLs (`routes`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.routing import Route

if TYPE_CHECKING:
    from bot.web.app import Dashboard

Handler = Callable[..., Any]
"""A page's handler: it takes the request and returns (or awaits) the response."""


def page_and_form(path: str, shows: Handler, does: Handler) -> list[Route]:
    """A page (GET) whose form posts back to the same path (POST), as a list to unpack into `routes`."""
    return [Route(path, shows), Route(path, does, methods=["POST"])]


class PageFamily:
    def __init__(self, dashboard: Dashboard) -> None:
        self.d = dashboard

    def routes(self) -> list[Route]:
        """The family's URLs, each with its handler."""
        raise NotImplementedError
