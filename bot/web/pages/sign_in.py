"""Signing in and out: the Mini App's page, Telegram's signed initData, one-time links, sign-out.

Sign-in forms are refused when another site posted them (login CSRF), and to trainees: the
dashboard is for instructors and admins. Their refusals never show who is signed in.

The Mini App's page never signs in by itself: a link to `/app#tgWebAppData=<someone's initData>`
would otherwise sign a fresh browser in as them. It shows whose Telegram account the data is and
signs in when the person presses the button. Each initData signs in once (`SignIn.first_use`).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.web.access import COOKIE, NotAvailable, checked_form, person
from bot.web.auth import SESSION_IDLE, telegram_sign_in
from bot.web.pages.family import PageFamily, page_and_form

ELSEWHERE = "Sign in from this dashboard's own page."


class SignInPages(PageFamily):
    def routes(self) -> list[Route]:
        return [
            Route("/app", self.mini_app),
            Route("/auth/telegram", self.telegram_auth, methods=["POST"]),
            *page_and_form("/login", self.login_page, self.login),
            Route("/logout", self.logout, methods=["POST"]),
        ]

    async def mini_app(self, request: Request) -> Response:
        """Asks before signing in (app.js shows whose account); someone signed in already goes straight on,
        as they are (whatever the link's data says)."""
        if person(request) is not None:
            return self.d.redirect("/")
        return self.d.page(request, "sign_in/mini_app.html", "Sign in with Telegram")

    async def telegram_auth(self, request: Request) -> Response:
        d = self.d
        self.same_site_only(request)
        form = await request.form()
        verified = telegram_sign_in(str(form.get("init_data") or ""), d.bot_token or "", d.now())
        if verified is None or d.store.user(verified.user["id"]) is None:
            raise NotAvailable(
                "That sign-in from Telegram could not be verified. Close and open the dashboard again.", anonymous=True
            )
        if not d.sign_in.first_use(verified.signature, verified.expires):
            raise NotAvailable(
                "That sign-in from Telegram was already used. Close and open the dashboard again.", anonymous=True
            )
        user = verified.user
        self.staff_only(user["id"])
        if form.get("mode") == "link":
            return self.new_tab(request, user["id"])
        return self.start_session(user["id"], "Telegram")

    def new_tab(self, request: Request, user_id: int) -> Response:
        """Telegram Web shows a Mini App in a frame inside its own site, where browsers never send a
        SameSite=Strict cookie: instead of a session that would be lost, a one-time link to open the
        dashboard in a tab of its own (where the cookie works)."""
        link = f"{self.d.base_url}/login?t={self.d.sign_in.new_link(user_id)}"
        return self.d.page(request, "sign_in/new_tab.html", "Open the dashboard", link=link)

    async def login_page(self, request: Request) -> Response:
        """A link's first visit only shows a button: link previews and scanners never use it up."""
        token = request.query_params.get("t", "")
        return self.d.page(request, "sign_in/login.html", "Sign in to DeskDrill", token=token)

    async def login(self, request: Request) -> Response:
        self.same_site_only(request)
        form = await request.form()
        user_id = self.d.sign_in.use_link(str(form.get("t") or ""))
        if user_id is None:
            raise NotAvailable(
                "That sign-in link has expired or was already used. Send /dashboard to the bot again.", anonymous=True
            )
        self.staff_only(user_id)
        return self.start_session(user_id, "one-time link")

    async def logout(self, request: Request) -> Response:
        d = self.d
        who, _ = await checked_form(request, anonymous=True)
        d.sign_in.end_session(request.cookies.get(COOKIE))
        d.flashes.pop(who.session.csrf, None)
        response = d.page(request, "sign_in/signed_out.html", "Signed out")
        response.delete_cookie(COOKIE, path=d.prefix or "/", secure=d.secure, httponly=True, samesite="strict")
        return response

    def start_session(self, user_id: int, how: str) -> Response:
        d = self.d
        with d.store.db.atomic():
            d.department.people.signed_in(user_id, how)
            token = d.sign_in.new_session(user_id)
        response = d.redirect("/")
        response.set_cookie(
            COOKIE,
            token,
            max_age=int(SESSION_IDLE.total_seconds()),
            path=d.prefix or "/",
            secure=d.secure,
            httponly=True,
            samesite="strict",
        )
        return response

    def same_site_only(self, request: Request) -> None:
        """Refuses a sign-in posted by another site's page (login CSRF: it would sign this browser in as
        someone else). Browsers say where a form came from in Sec-Fetch-Site, or at least in Origin."""
        site = request.headers.get("sec-fetch-site")
        if site is not None:
            elsewhere = site not in ("same-origin", "none")
        else:
            origin = request.headers.get("origin")
            elsewhere = origin is not None and origin != "null" and origin != self.d.origin
        if elsewhere:
            raise NotAvailable(ELSEWHERE, anonymous=True)

    def staff_only(self, user_id: int) -> None:
        if self.d.department.access.role_of(user_id) == "trainee":
            raise NotAvailable(
                "The dashboard is for instructors and admins. Your results are in the bot: /history.", anonymous=True
            )
