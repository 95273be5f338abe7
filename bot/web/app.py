"""The dashboard's ASGI app (Starlette) over the same Store and Staff core as the bot.

Every page asks the core, as the chat commands do, whether this person may see it: the role
is read again on every request (a demoted instructor is refused at once) and units and
attempts are the ones /results and /transcript would show. Handlers are async and use the
store's connection on the event loop (the bot's own loop when served beside it); heavy
aggregates run on the store's read-only connection in a worker thread.
"""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from bot.practice.coach import User
from bot.storage.outbox import Outgoing
from bot.training.staff import Outcome, Refused, Staff
from bot.web.assignments import AssignmentPages
from bot.web.attempt_page import AttemptPage
from bot.web.audit_page import AuditPage
from bot.web.auth import SESSION_IDLE, Session, SignIn, verify_init_data
from bot.web.exports import ExportRoutes
from bot.web.library import LibraryPages
from bot.web.pages import (
    e,
    notices,
    page,
)
from bot.web.unit_pages import UnitPages

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
COOKIE = "deskdrill_session"
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
    def __init__(
        self,
        staff: Staff,
        bot_token: str | None,
        base_url: str,
        today: Callable[[], date] | None = None,
        wake: Callable[[int | None], None] | None = None,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.staff, self.store = staff, staff.store
        self.sign_in = SignIn(staff.store)
        self.bot_token, self.base_url = bot_token, base_url.rstrip("/")
        parts = urlsplit(self.base_url)
        self.prefix, self.origin = parts.path.rstrip("/"), f"{parts.scheme}://{parts.netloc}"
        self.secure = self.base_url.startswith("https://")
        self.today = today or (lambda: datetime.now(staff.tz).date())
        self.wake = wake or (lambda chat_id=None: None)
        self.now = now
        self.flashes: dict[str, tuple[str, float]] = {}
        self.changed_at = 0.0
        """When a dashboard form last changed something (time.monotonic)."""
        """What a form just did, keyed by session, shown once on the page it redirects to."""

    # --- responses -------------------------------------------------------------------------

    def html(self, title: str, body: str, status: int = 200, session: Session | None = None, crumbs=()) -> Response:
        if session is not None and session.csrf in self.flashes:
            notice, at = self.flashes.pop(session.csrf)
            if time.monotonic() - at < FLASH_SECONDS:
                body = notices(notice) + body
        text = page(title, body, self.prefix, session.csrf if session else None, crumbs)
        return HTMLResponse(text, status_code=status, headers=HEADERS)

    def refused(self, message: str, status: int = 403, session: Session | None = None) -> Response:
        home = f'<p><a href="{e(self.prefix)}/">Your units</a></p>' if session else ""
        return self.html("Not available", f'<p class="notice error">{e(message)}</p>{home}', status, session)

    def signed_out(self) -> Response:
        body = (
            '<p class="notice error">You are not signed in, or your session lapsed. Send /dashboard to the bot in '
            "Telegram for a button that opens this dashboard, or a one-time sign-in link.</p>"
        )
        return self.html("Sign in", body, 401)

    def done(self, session: Session, path: str, notice: str) -> RedirectResponse:
        """After a change: back to a page by GET (a reload never repeats the change), which shows `notice`."""
        now = time.monotonic()
        self.flashes = {k: v for k, v in self.flashes.items() if now - v[1] < FLASH_SECONDS}
        self.flashes[session.csrf] = (notice, now)
        return self.redirect(path)

    def redirect(self, path: str) -> RedirectResponse:
        return RedirectResponse(self.prefix + path, status_code=303, headers=HEADERS)

    def start_session(self, user_id: int, how: str) -> Response:
        with self.store.db.atomic():
            self.staff.units.audit(user_id, "dashboard", f"signed in ({how})")
            token = self.sign_in.new_session(user_id)
        response = self.redirect("/")
        response.set_cookie(
            COOKIE,
            token,
            max_age=int(SESSION_IDLE.total_seconds()),
            path=self.prefix or "/",
            secure=self.secure,
            httponly=True,
            samesite="strict",
        )
        return response

    async def not_found(self, request: Request, exc: Exception) -> Response:
        who = self.who(request)
        body = f'<p class="notice error">There is no such page.</p><p><a href="{e(self.prefix)}/">Your units</a></p>'
        return self.html("Not found", body, 404, who[1] if who else None)

    async def broken(self, request: Request, exc: Exception) -> Response:
        """An unexpected error: logged with its traceback, answered with one plain line."""
        log.exception("dashboard error on %s %s", request.method, request.url.path, exc_info=exc)
        return self.html(
            "Something went wrong",
            '<p class="notice error">Something went wrong on our side. Reload the page to see where things '
            "stand, and tell your admin if it happens again.</p>",
            500,
        )

    # --- who is asking -----------------------------------------------------------------------

    def who(self, request: Request) -> tuple[User, Session] | None:
        session = self.sign_in.session(request.cookies.get(COOKIE))
        if session is None:
            return None
        row = self.store.user(session.user_id)
        if row is None:
            return None
        return User(row["id"], row["chat_id"], row["first_name"], row["username"]), session

    def signed(self, request: Request) -> Response | tuple[User, Session]:
        """(actor, session) of a signed-in person; else the page that says how to sign in."""
        return self.who(request) or self.signed_out()

    def act(self, change: Callable[[], Outcome], source: str) -> Outcome:
        """A staff change and the notices it owes, in one transaction (as a chat command is); the
        people told are woken after it commits. Raises Refused like the chat command."""
        with self.store.db.atomic():
            outcome = change()
            self.store.owe([Outgoing(n.chat_id, n.text, n.buttons, hold=True) for n in outcome.notices], source)
        for n in outcome.notices:
            self.wake(n.chat_id)
        self.changed_at = time.monotonic()  # cached figures are read again
        return outcome

    async def posted(self, request: Request) -> Response | tuple[User, Session, Any]:
        """(actor, session, form) of a signed-in POST with its CSRF token; else the page that says why."""
        who = self.signed(request)
        if isinstance(who, Response):
            return who
        form = await request.form()
        if not self.csrf_ok(who[1], form):
            return self.refused("This form has expired: reload the page and try again.", session=who[1])
        return who[0], who[1], form

    # --- sign-in -----------------------------------------------------------------------------

    async def mini_app(self, request: Request) -> Response:
        body = (
            '<p id="status">Signing you in\u2026</p>'
            f'<form id="signin" method="post" action="{e(self.prefix)}/auth/telegram">'
            '<input type="hidden" name="init_data"><input type="hidden" name="mode" value="session">'
            "<noscript>This page needs JavaScript inside Telegram.</noscript>"
            f'</form><script src="{e(self.prefix)}/static/app.js"></script>'
        )
        return self.html("Opening the dashboard", body)

    def from_elsewhere(self, request: Request) -> bool:
        """A sign-in posted by another site's page (login CSRF: it would sign this browser in as someone
        else). Browsers say where a form came from in Sec-Fetch-Site, or at least in Origin."""
        site = request.headers.get("sec-fetch-site")
        if site is not None:
            return site not in ("same-origin", "none")
        origin = request.headers.get("origin")
        return origin is not None and origin != "null" and origin != self.origin

    def staff_only(self, user_id: int) -> Response | None:
        if self.staff.role_of(user_id) == "trainee":
            return self.refused("The dashboard is for instructors and admins. Your results are in the bot: /history.")
        return None

    async def telegram_auth(self, request: Request) -> Response:
        if self.from_elsewhere(request):
            return self.refused("Sign in from this dashboard's own page.")
        form = await request.form()
        user = verify_init_data(str(form.get("init_data") or ""), self.bot_token or "", self.now())
        if user is None or self.store.user(user["id"]) is None:
            return self.refused("That sign-in from Telegram could not be verified. Close and open the dashboard again.")
        if refused := self.staff_only(user["id"]):
            return refused
        if form.get("mode") == "link":
            return self.new_tab(user["id"])
        return self.start_session(user["id"], "Telegram")

    def new_tab(self, user_id: int) -> Response:
        """Telegram Web shows a Mini App in a frame inside its own site, where browsers never send a
        SameSite=Strict cookie: instead of a session that would be lost, a one-time link to open the
        dashboard in a tab of its own (where the cookie works)."""
        token = self.sign_in.new_link(user_id)
        body = (
            "<p>Telegram in a browser shows the dashboard inside its own page, where your sign-in can't be kept. "
            "Open it in a tab of its own:</p>"
            f'<p><a class="button" href="{e(self.base_url)}/login?t={e(token)}" target="_blank" rel="noopener">'
            "Open the dashboard</a></p>"
            '<p class="muted">The link works once, within 10 minutes.</p>'
        )
        return self.html("Open the dashboard", body)

    async def login_page(self, request: Request) -> Response:
        """A link's first visit only shows a button: link previews and scanners never use it up."""
        token = request.query_params.get("t", "")
        body = (
            f'<form method="post" action="{e(self.prefix)}/login"><input type="hidden" name="t" value="{e(token)}">'
            "<p>This link signs you in once, within 10 minutes of asking for it.</p><button>Sign in</button></form>"
        )
        return self.html("Sign in to DeskDrill", body)

    async def login(self, request: Request) -> Response:
        if self.from_elsewhere(request):
            return self.refused("Sign in from this dashboard's own page.")
        form = await request.form()
        user_id = self.sign_in.use_link(str(form.get("t") or ""))
        if user_id is None:
            return self.refused("That sign-in link has expired or was already used. Send /dashboard to the bot again.")
        return self.staff_only(user_id) or self.start_session(user_id, "one-time link")

    async def logout(self, request: Request) -> Response:
        who = self.who(request)
        if who is None:
            return self.signed_out()
        form = await request.form()
        if not self.csrf_ok(who[1], form):
            return self.refused("This form has expired: reload the page and try again.")
        self.sign_in.end_session(request.cookies.get(COOKIE))
        self.flashes.pop(who[1].csrf, None)
        response = self.html("Signed out", "<p>You are signed out.</p>")
        response.delete_cookie(COOKIE, path=self.prefix or "/", secure=self.secure, httponly=True, samesite="strict")
        return response

    @staticmethod
    def csrf_ok(session: Session, form) -> bool:
        sent = form.get("csrf")
        return isinstance(sent, str) and hmac.compare_digest(sent.encode(), session.csrf.encode())

    def visible_unit(self, request: Request) -> Response | tuple[Any, Any, Any]:
        """(actor, session, unit) when the signed-in person may see the unit; else the page that says why."""
        who = self.signed(request)
        if isinstance(who, Response):
            return who
        actor, session = who
        try:
            return actor, session, self.staff.dashboard_unit(actor, request.path_params["unit_id"])
        except Refused as refusal:
            return self.refused(str(refusal), session=session)

    # --- the app -------------------------------------------------------------------------------

    def routes(self) -> list:
        return [
            *UnitPages(self).routes(),
            *AttemptPage(self).routes(),
            *AuditPage(self).routes(),
            *AssignmentPages(self).routes(),
            *LibraryPages(self).routes(),
            *ExportRoutes(self).routes(),
            Route("/app", self.mini_app),
            Route("/auth/telegram", self.telegram_auth, methods=["POST"]),
            Route("/login", self.login_page),
            Route("/login", self.login, methods=["POST"]),
            Route("/logout", self.logout, methods=["POST"]),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ]


def build_web_app(dashboard: Dashboard) -> Starlette:
    routes = dashboard.routes()
    if dashboard.prefix:
        routes = [Mount(dashboard.prefix, routes=routes)]
    return Starlette(
        routes=routes,
        middleware=[Middleware(GZipMiddleware, minimum_size=1024)],
        exception_handlers={404: dashboard.not_found, 405: dashboard.not_found, Exception: dashboard.broken},
    )


def utc_now() -> float:
    return datetime.now(UTC).timestamp()
