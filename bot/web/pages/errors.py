"""Refusals and errors as pages: the one place a SignedOut, NotAvailable or Refused becomes a response."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from bot.training.outcome import Refused
from bot.web.access import NotAvailable, SignedIn, SignedOut, person

if TYPE_CHECKING:
    from bot.web.app import Dashboard

log = logging.getLogger(__name__)

SIGN_IN = (
    "You are not signed in, or your session lapsed. Send /dashboard to the bot in Telegram for a button that "
    "opens this dashboard, or a one-time sign-in link."
)
BROKEN = (
    "Something went wrong on our side. Reload the page to see where things stand, and tell your admin if it "
    "happens again."
)


def error_handlers(d: Dashboard) -> dict[Any, Callable]:
    """Starlette's exception handlers for the dashboard, by exception class or status code."""

    def notice(request: Request, title: str, message: str, status: int, who: SignedIn | None, home: bool) -> Response:
        session = who.session if who else None
        return d.page(request, "notice.html", title, session=session, status=status, message=message, home=home)

    def refused(request: Request, message: str, status: int, anonymous: bool = False) -> Response:
        who = None if anonymous else person(request)
        return notice(request, "Not available", message, status, who, home=who is not None)

    async def signed_out(request: Request, exc: Exception) -> Response:
        return notice(request, "Sign in", SIGN_IN, 401, None, home=False)

    async def not_available(request: Request, exc: NotAvailable) -> Response:
        return refused(request, exc.message, exc.status, exc.anonymous)

    async def core_refused(request: Request, exc: Exception) -> Response:
        return refused(request, str(exc), 403)

    async def not_found(request: Request, exc: Exception) -> Response:
        return notice(request, "Not found", "There is no such page.", 404, person(request), home=True)

    async def gone(request: Request, exc: Exception) -> Response:
        """The client went away, or was let go mid-request (bot.web.timeouts): nobody to answer, nothing to log."""
        return Response(status_code=400)

    async def broken(request: Request, exc: Exception) -> Response:
        """An unexpected error: logged with its traceback, answered with one plain line."""
        log.exception("dashboard error on %s %s", request.method, request.url.path, exc_info=exc)
        return notice(request, "Something went wrong", BROKEN, 500, None, home=False)

    return {
        SignedOut: signed_out,
        NotAvailable: not_available,
        Refused: core_refused,
        404: not_found,
        405: not_found,
        ClientDisconnect: gone,
        Exception: broken,
    }
