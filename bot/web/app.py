"""The dashboard's ASGI app (Starlette) over the same Store and Department rules as the bot.

Every page asks the core, as the chat commands do, whether this person may see it: the role
is read again on every request (a demoted instructor is refused at once) and units and
attempts are the ones /results and /transcript would show. Who is asking is decided once, by
the middleware in `access`; refusals are exceptions turned into pages by `pages.errors`.
Handlers are async and use the store's connection on the event loop (the bot's own loop when
served beside it); heavy aggregates run on the store's read-only connection in a worker thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount

from bot.storage.sign_in import Session, SignIn
from bot.training.department import Department
from bot.training.outcome import Outcome, owed
from bot.web.access import COOKIE, SessionBackend
from bot.web.pages import all_routes
from bot.web.pages.errors import error_handlers
from bot.web.redirects import RelativeRedirects
from bot.web.templating import page_templates

__all__ = ["COOKIE", "HEADERS", "Dashboard", "build_web_app"]

STATIC = Path(__file__).resolve().parent / "static"
FLASH_SECONDS = 300
"""A form's result waits this long for the page it redirects to."""
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'self' https://web.telegram.org"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class Dashboard:
    """What every page shares: the core, where the dashboard is served, the templates, and the
    results of forms waiting for the page they redirect to."""

    def __init__(
        self,
        department: Department,
        bot_token: str | None,
        base_url: str,
        today: Callable[[], date] | None = None,
        wake: Callable[[int | None], None] | None = None,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.department, self.store = department, department.store
        self.sign_in = SignIn(department.store)
        self.bot_token, self.base_url = bot_token, base_url.rstrip("/")
        parts = urlsplit(self.base_url)
        self.prefix, self.origin = parts.path.rstrip("/"), f"{parts.scheme}://{parts.netloc}"
        self.secure = self.base_url.startswith("https://")
        self.today = today or (lambda: datetime.now(department.tz).date())
        self.wake = wake or (lambda chat_id=None: None)
        self.now = now
        self.templates = page_templates()
        self.flashes: dict[str, tuple[str, float]] = {}
        """What a form just did, keyed by session, shown once on the page it redirects to."""
        self.changed_at = 0.0
        """When a dashboard form last changed something (time.monotonic)."""

    # --- responses -------------------------------------------------------------------------

    def page(
        self,
        request: Request,
        template: str,
        title: str,
        *,
        session: Session | None = None,
        status: int = 200,
        crumbs: Sequence[tuple[str, str]] = (),
        csp: str | None = None,
        **context: Any,
    ) -> Response:
        """A page from `template` in the layout; with a session, its sign-out button and a form's result.
        `csp`: this page's own Content-Security-Policy, when it needs more than every other page."""
        flash = None
        if session is not None and session.csrf in self.flashes:
            notice, at = self.flashes.pop(session.csrf)
            flash = notice if time.monotonic() - at < FLASH_SECONDS else None
        context |= {
            "title": title,
            "prefix": self.prefix,
            "csrf": session.csrf if session else None,
            "crumbs": crumbs,
            "flash": flash,
        }
        headers = HEADERS if csp is None else HEADERS | {"Content-Security-Policy": csp}
        return self.templates.TemplateResponse(request, template, context, status_code=status, headers=headers)

    def done(self, session: Session, path: str, notice: str) -> RedirectResponse:
        """After a change: back to a page by GET (a reload never repeats the change), which shows `notice`."""
        now = time.monotonic()
        self.flashes = {k: v for k, v in self.flashes.items() if now - v[1] < FLASH_SECONDS}
        self.flashes[session.csrf] = (notice, now)
        return self.redirect(path)

    def redirect(self, path: str) -> RedirectResponse:
        return RedirectResponse(self.prefix + path, status_code=303, headers=HEADERS)

    # --- the core --------------------------------------------------------------------------

    def act(self, change: Callable[[], Outcome], source: str) -> Outcome:
        """A staff change and the notices it owes, in one transaction (as a chat command is); the
        people told are woken after it commits. Raises Refused like the chat command."""
        with self.store.db.atomic():
            outcome = change()
            self.store.owe(owed(outcome.notices), source)
        for n in outcome.notices:
            self.wake(n.chat_id)
        self.changed_at = time.monotonic()  # cached figures are read again
        return outcome


def build_web_app(dashboard: Dashboard) -> Starlette:
    routes = all_routes(dashboard, STATIC)
    if dashboard.prefix:
        routes = [Mount(dashboard.prefix, routes=routes)]
    role_of = dashboard.department.access.role_of
    backend = SessionBackend(dashboard.sign_in, dashboard.store, f"{dashboard.prefix}/static/", role_of)
    return Starlette(
        routes=routes,
        middleware=[
            Middleware(RelativeRedirects),
            Middleware(GZipMiddleware, minimum_size=1024),
            Middleware(AuthenticationMiddleware, backend=backend),
        ],
        exception_handlers=error_handlers(dashboard),
    )
