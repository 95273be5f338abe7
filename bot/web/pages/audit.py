"""The audit log for admins: newest first, paginated, filtered by action or person."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.clock import date_hour
from bot.web.access import signed_in
from bot.web.figures import small_number

if TYPE_CHECKING:
    from bot.web.app import Dashboard


AUDIT_PER_PAGE = 50


class AuditPage:
    def __init__(self, dashboard: Dashboard) -> None:
        self.d = dashboard

    def routes(self) -> list[Route]:
        return [
            Route("/audit", self.audit),
        ]

    async def audit(self, request: Request) -> Response:
        d = self.d
        who = signed_in(request)
        params = request.query_params
        at = small_number(params.get("page")) or 0
        action, person = params.get("action", "")[:40], small_number(params.get("who"), 15)
        audit = d.department.people.audit_page(who.actor, at, AUDIT_PER_PAGE, action, person)
        names = audit.names

        def named(user_id: int) -> str:
            return f"{names[user_id]} ({user_id})" if user_id in names else str(user_id)

        entries = [
            (date_hour(e.at, d.department.tz), named(e.actor) if e.actor else "settings", e.action, e.detail)
            for e in audit.entries
        ]
        kept = {k: v for k, v in (("action", action), ("who", person)) if v not in ("", None)}
        pager = []
        if at > 0:
            pager.append(("\u25c0 Newer", urlencode({**kept, "page": at - 1})))
        if audit.more:
            pager.append(("Older \u25b6", urlencode({**kept, "page": at + 1})))
        return d.page(
            request,
            "audit.html",
            f"Audit log, page {at + 1}",
            session=who.session,
            crumbs=[("Units", "/")],
            entries=entries,
            actions=d.department.people.audit_actions(who.actor),
            action=action,
            person=person,
            pager=pager,
            empty="Nothing in the audit log matches." if kept else "The audit log is empty.",
        )
