"""The dashboard's ASGI app (Starlette) over the same Store and Staff core as the bot.

Every page asks the core, as the chat commands do, whether this person may see it: the role
is read again on every request (a demoted instructor is refused at once) and units and
attempts are the ones /results and /transcript would show. Handlers are async and use the
store's connection on the event loop (the bot's own loop when served beside it); heavy
aggregates run on the store's read-only connection in a worker thread.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from bot.clock import date_hour
from bot.grading import CRITERIA
from bot.practice.coach import User
from bot.practice.scorecard import LABELS, addressed_lines, auto_fail_line, total_text
from bot.storage.outbox import Outgoing
from bot.training import staff_queries as q
from bot.training.staff import Refused, Staff
from bot.web.auth import SESSION_IDLE, Session, SignIn, verify_init_data
from bot.web.pages import criterion_rates, e, number, page, percent, table, transcript_turns

STATIC = Path(__file__).resolve().parent / "static"
COOKIE = "deskdrill_session"
AUDIT_PER_PAGE = 50
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
        self.prefix = urlsplit(self.base_url).path.rstrip("/")
        self.secure = self.base_url.startswith("https://")
        self.today = today or (lambda: datetime.now(staff.tz).date())
        self.wake = wake or (lambda chat_id=None: None)
        self.now = now

    # --- responses -------------------------------------------------------------------------

    def html(self, title: str, body: str, status: int = 200, session: Session | None = None, crumbs=()) -> Response:
        text = page(title, body, self.prefix, session.csrf if session else None, crumbs)
        return HTMLResponse(text, status_code=status, headers=HEADERS)

    def refused(self, message: str, status: int = 403, session: Session | None = None) -> Response:
        return self.html("Not available", f'<p class="notice error">{e(message)}</p>', status, session)

    def signed_out(self) -> Response:
        body = (
            '<p class="notice error">You are not signed in, or your session lapsed. Send /dashboard to the bot in '
            "Telegram for a button that opens this dashboard, or a one-time sign-in link.</p>"
        )
        return self.html("Sign in", body, 401)

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

    # --- who is asking -----------------------------------------------------------------------

    def who(self, request: Request) -> tuple[User, Session] | None:
        session = self.sign_in.session(request.cookies.get(COOKIE))
        if session is None:
            return None
        row = self.store.user(session.user_id)
        if row is None:
            return None
        return User(row["id"], row["chat_id"], row["first_name"], row["username"]), session

    # --- sign-in -----------------------------------------------------------------------------

    async def mini_app(self, request: Request) -> Response:
        body = (
            '<p id="status">Signing you in\u2026</p>'
            f'<form id="signin" method="post" action="{e(self.prefix)}/auth/telegram">'
            '<input type="hidden" name="init_data"><noscript>This page needs JavaScript inside Telegram.</noscript>'
            f'</form><script src="{e(self.prefix)}/static/app.js"></script>'
        )
        return self.html("Opening the dashboard", body)

    async def telegram_auth(self, request: Request) -> Response:
        form = await request.form()
        user = verify_init_data(str(form.get("init_data") or ""), self.bot_token or "", self.now())
        if user is None or self.store.user(user["id"]) is None:
            return self.refused("That sign-in from Telegram could not be verified. Close and open the dashboard again.")
        return self.start_session(user["id"], "Telegram")

    async def login_page(self, request: Request) -> Response:
        """A link's first visit only shows a button: link previews and scanners never use it up."""
        token = request.query_params.get("t", "")
        body = (
            f'<form method="post" action="{e(self.prefix)}/login"><input type="hidden" name="t" value="{e(token)}">'
            "<p>This link signs you in once, within 10 minutes of asking for it.</p><button>Sign in</button></form>"
        )
        return self.html("Sign in to DeskDrill", body)

    async def login(self, request: Request) -> Response:
        form = await request.form()
        user_id = self.sign_in.use_link(str(form.get("t") or ""))
        if user_id is None:
            return self.refused("That sign-in link has expired or was already used. Send /dashboard to the bot again.")
        return self.start_session(user_id, "one-time link")

    async def logout(self, request: Request) -> Response:
        who = self.who(request)
        if who is None:
            return self.signed_out()
        form = await request.form()
        if not self.csrf_ok(who[1], form):
            return self.refused("This form has expired: reload the page and try again.")
        self.sign_in.end_session(request.cookies.get(COOKIE))
        response = self.html("Signed out", "<p>You are signed out.</p>")
        response.delete_cookie(COOKIE, path=self.prefix or "/", secure=self.secure, httponly=True, samesite="strict")
        return response

    @staticmethod
    def csrf_ok(session: Session, form) -> bool:
        sent = form.get("csrf")
        return isinstance(sent, str) and hmac.compare_digest(sent.encode(), session.csrf.encode())

    # --- pages -------------------------------------------------------------------------------

    async def overview(self, request: Request) -> Response:
        who = self.who(request)
        if who is None:
            return self.signed_out()
        actor, session = who
        try:
            units = self.staff.dashboard_units(actor)
        except Refused as refusal:
            return self.refused(str(refusal), session=session)
        ids, today = [u.id for u in units], self.today().isoformat()
        overview, fails = await self.store.reader.run(
            lambda conn: (q.unit_overview(conn, ids, today), q.unit_auto_fails(conn, ids))
        )
        cards = []
        for unit in units:
            o = overview[unit.id]
            rates = o["rates"]
            weakest = min(rates, key=lambda c: rates[c]) if rates else None
            done = sum(a["done"] for a in o["assignments"])
            owed = sum(a["members"] for a in o["assignments"])
            overdue = sum(a["overdue"] for a in o["assignments"])
            stats = [
                ("Members", o["members"]),
                ("Finished calls", o["attempts"]),
                ("Average", number(o["average"])),
                ("Assignments done", f"{done}/{owed}"),
                ("Overdue", overdue),
                ("Automatic fails", fails[unit.id]),
            ]
            cards.append(
                f'<section class="card"><h2><a href="{e(self.prefix)}/units/{unit.id}">{e(unit.name)}</a></h2>'
                f"<div>Code {e(unit.code)}{' (revoked)' if unit.revoked else ''}</div>"
                '<div class="stats">'
                + "".join(f"<div>{e(k)}<b>{e(v)}</b></div>" for k, v in stats)
                + "</div>"
                + (f"<p>Weakest: <b>{e(LABELS[weakest])}</b> ({percent(rates[weakest])} met)</p>" if weakest else "")
                + criterion_rates(rates)
                + "</section>"
            )
        body = "".join(cards) or "<p>You have no units yet. Create one with /newunit in the bot.</p>"
        if self.staff.role_of(actor.id) == "admin":
            body += f'<p><a href="{e(self.prefix)}/audit">Audit log</a></p>'
        return self.html("Your units", body, session=session)

    def visible_unit(self, request: Request) -> Response | tuple[Any, Any, Any]:
        """(actor, session, unit) when the signed-in person may see the unit; else the page that says why."""
        who = self.who(request)
        if who is None:
            return self.signed_out()
        actor, session = who
        try:
            return actor, session, self.staff.dashboard_unit(actor, request.path_params["unit_id"])
        except Refused as refusal:
            return self.refused(str(refusal), session=session)

    async def unit(self, request: Request) -> Response:
        found = self.visible_unit(request)
        if isinstance(found, Response):
            return found
        actor, session, unit = found
        today = self.today().isoformat()
        overview, members = await self.store.reader.run(
            lambda conn: (q.unit_overview(conn, [unit.id], today)[unit.id], q.members_of_unit(conn, unit.id, today))
        )
        rows = [
            (
                f'<a href="{e(self.prefix)}/units/{unit.id}/trainees/{m["id"]}">{e(m["first_name"])}</a>'
                + (f" <small>@{e(m['username'])}</small>" if m["username"] else ""),
                e(m["attempts"]),
                number(m["average"]),
                f'<span class="missed">{e(m["overdue"])}</span>' if m["overdue"] else "0",
            )
            for m in members
        ]
        assignments = [
            (
                e(self.staff._title(a["scenario_id"])),
                e(a["due"] or "\u2013"),
                f"{a['done']}/{a['members']}",
                e(a["overdue"]),
            )
            for a in overview["assignments"]
        ]
        body = (
            f"<p>{e(overview['members'])} members, {e(overview['attempts'])} finished calls, average "
            f"{number(overview['average'])}</p>"
            + criterion_rates(overview["rates"])
            + "<h2>Trainees</h2>"
            + (table(["Trainee", "Calls", "Average", "Overdue"], rows) if rows else "<p>No members yet.</p>")
            + ("<h2>Assignments</h2>" + table(["Call", "Due", "Done", "Overdue"], assignments) if assignments else "")
        )
        return self.html(unit.name, body, session=session, crumbs=[("Units", "/")])

    async def trainee(self, request: Request) -> Response:
        found = self.visible_unit(request)
        if isinstance(found, Response):
            return found
        actor, session, unit = found
        user_id = request.path_params["user_id"]
        detail = await self.store.reader.run(lambda conn: q.member_detail(conn, unit.id, user_id))
        if detail is None:
            return self.refused(f"That trainee is not a member of \u201c{unit.name}\u201d.", 404, session)
        tz = self.staff.tz
        rows = [
            (
                e(date_hour(t["finished_at"] or t["started_at"], tz)),
                f'<a href="{e(self.prefix)}/attempts/{t["id"]}">{e(self.staff._title(t["scenario_id"]))}</a>',
                e(total_text(t["total"] or 0, t["auto_fail"] not in (None, "[]"))),
            )
            for t in detail["attempts"]
        ]
        body = "<h2>Finished calls</h2>" + (
            table(["When", "Call", "Total"], rows) if rows else "<p>No finished calls since joining.</p>"
        )
        crumbs = [("Units", "/"), (unit.name, f"/units/{unit.id}")]
        return self.html(detail["first_name"], body, session=session, crumbs=crumbs)

    async def attempt(self, request: Request, notice: str = "", error: str = "", status: int = 200) -> Response:
        who = self.who(request)
        if who is None:
            return self.signed_out()
        actor, session = who
        try:
            attempt = self.staff.dashboard_attempt(actor, request.path_params["attempt_id"])
        except Refused as refusal:
            return self.refused(str(refusal), session=session)
        staff, tz = self.staff, self.staff.tz
        turns = self.store.turns(attempt.id)
        trainee = self.store.user(attempt.user_id)
        name = trainee["first_name"] if trainee else str(attempt.user_id)
        results = staff.units.results_of(attempt.id)
        finished = attempt.status == "finished"
        total = total_text(attempt.total, bool(attempt.auto_fail)) if finished else "in progress"
        marks: dict[int, list[tuple[str, str]]] = {}
        for c in CRITERIA:
            r = results.get(c)
            if r and r["applicable"] and r["evidence"] and r["turn"]:
                marks.setdefault(r["turn"], []).append((LABELS[c], r["evidence"]))
        for f in attempt.auto_fail:
            if isinstance(f.get("turn"), int) and f.get("evidence"):
                marks.setdefault(f["turn"], []).append(("Automatic fail", f["evidence"]))
        parts = []
        if notice:
            parts.append(f'<p class="notice">{e(notice)}</p>')
        if error:
            parts.append(f'<p class="notice error">{e(error)}</p>')
        parts.append(f"<p>{e(name)}, {e(date_hour(attempt.started_at, tz))}. Total: <b>{e(total)}</b></p>")
        parts += [f'<p class="fail">{e(auto_fail_line(f, turns))}</p>' for f in attempt.auto_fail]
        verdicts = []
        for c in CRITERIA:
            r = results.get(c)
            if r is None:
                continue
            if not r["applicable"]:
                verdict = '<span class="na">n/a</span>'
            elif r["met"]:
                verdict = '<span class="met">met</span>'
            else:
                partly = ", partly" if (r["score"] or 0) > 0 else ""
                verdict = f'<span class="missed">missed{partly}</span>'
            evidence = (
                f'\u201c{e(r["evidence"])}\u201d <a href="#turn-{e(r["turn"])}">turn {e(r["turn"])}</a>'
                if r["evidence"]
                else ""
            )
            tip = f'<div class="tip">Tip: {e(r["tip"])}</div>' if r["tip"] and not r["met"] else ""
            verdicts.append((e(LABELS[c]), verdict, evidence + tip))
        if verdicts:
            parts.append("<h2>Criteria</h2>" + table(["Criterion", "Verdict", "Evidence and tip"], verdicts))
        if attempt.addressed is not None:
            lines = addressed_lines(staff._addressed(attempt.scenario_id, attempt.addressed))
            parts.append("<h2>The visitor's issue</h2><ul>" + "".join(f"<li>{e(x)}</li>" for x in lines) + "</ul>")
        overrides = staff.units.overridden(attempt.id)
        if overrides:
            names = staff.units.names({o["by"] for o in overrides})
            parts.append(
                "<h2>Overrides</h2><ul>"
                + "".join(
                    f"<li>{e(LABELS.get(o['criterion'], o['criterion']))} {'met' if o['met'] else 'missed'} by "
                    f"{e(names.get(o['by'], o['by']))}, {e(date_hour(o['at'], tz))}: {e(o['reason'])}</li>"
                    for o in overrides
                )
                + "</ul>"
            )
        parts.append("<h2>Transcript</h2>" + transcript_turns(turns, name, marks))
        applicable = [c for c in CRITERIA if c in results and results[c]["applicable"]]
        if finished and applicable:
            options = "".join(
                f'<option value="{c}">{e(LABELS[c])} (now {"met" if results[c]["met"] else "missed"})</option>'
                for c in applicable
            )
            parts.append(
                f'<h2>Override a verdict</h2><form class="override" method="post" '
                f'action="{e(self.prefix)}/attempts/{attempt.id}/override">'
                f'<input type="hidden" name="csrf" value="{e(session.csrf)}">'
                f'<label>Criterion <select name="criterion">{options}</select></label>'
                '<label>Make it <select name="verdict"><option value="met">met</option>'
                '<option value="missed">missed</option></select></label>'
                '<label>Reason (the trainee sees it)<textarea name="reason" required maxlength="500" rows="3">'
                "</textarea></label><button>Change the verdict</button></form>"
            )
        crumbs = [("Units", "/")]
        return self.html(
            f"{staff._title(attempt.scenario_id)} \u2013 attempt {attempt.id}", "".join(parts), status, session, crumbs
        )

    async def override(self, request: Request) -> Response:
        who = self.who(request)
        if who is None:
            return self.signed_out()
        actor, session = who
        form = await request.form()
        if not self.csrf_ok(session, form):
            return self.refused("This form has expired: reload the page and try again.", session=session)
        criterion, verdict = str(form.get("criterion") or ""), str(form.get("verdict") or "")
        reason = str(form.get("reason") or "").strip()
        if verdict not in ("met", "missed"):
            return self.refused("Choose met or missed.", 400, session)
        if not reason:
            return await self.attempt(request, error="The reason can't be empty: the trainee is told why.", status=400)
        attempt_id = request.path_params["attempt_id"]
        try:
            with self.store.db.atomic():
                outcome = self.staff.override_verdict(actor, attempt_id, criterion, verdict == "met", reason[:500])
                self.store.owe(
                    [Outgoing(n.chat_id, n.text, n.buttons, hold=True) for n in outcome.notices], "web override"
                )
        except Refused as refusal:
            return self.refused(str(refusal), session=session)
        for n in outcome.notices:
            self.wake(n.chat_id)
        return await self.attempt(request, notice=" ".join(outcome.replies))

    async def audit(self, request: Request) -> Response:
        who = self.who(request)
        if who is None:
            return self.signed_out()
        actor, session = who
        raw = request.query_params.get("page", "0")
        at = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 7 else 0
        try:
            rows, names, more = self.staff.audit_entries(actor, at, AUDIT_PER_PAGE)
        except Refused as refusal:
            return self.refused(str(refusal), session=session)

        def person(user_id: int) -> str:
            return f"{names[user_id]} ({user_id})" if user_id in names else str(user_id)

        cells = [
            (
                e(date_hour(r["at"], self.staff.tz)),
                e(person(r["actor"]) if r["actor"] else "settings"),
                e(r["action"]),
                e(r["detail"]),
            )
            for r in rows
        ]
        pager = []
        if at > 0:
            pager.append(f'<a href="{e(self.prefix)}/audit?page={at - 1}">\u25c0 Newer</a>')
        if more:
            pager.append(f'<a href="{e(self.prefix)}/audit?page={at + 1}">Older \u25b6</a>')
        body = (table(["When", "Who", "Action", "Detail"], cells) if cells else "<p>The audit log is empty.</p>") + (
            f'<div class="pager">{"".join(pager)}</div>'
        )
        return self.html(f"Audit log, page {at + 1}", body, session=session, crumbs=[("Units", "/")])

    # --- the app -------------------------------------------------------------------------------

    def routes(self) -> list:
        return [
            Route("/", self.overview),
            Route("/units/{unit_id:int}", self.unit),
            Route("/units/{unit_id:int}/trainees/{user_id:int}", self.trainee),
            Route("/attempts/{attempt_id:int}", self.attempt),
            Route("/attempts/{attempt_id:int}/override", self.override, methods=["POST"]),
            Route("/audit", self.audit),
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
    return Starlette(routes=routes)


def utc_now() -> float:
    return datetime.now(UTC).timestamp()
