"""The audit log for admins: newest first, paginated, filtered by action or person."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.clock import date_hour
from bot.training.staff import Refused
from bot.web.pages import e, nowrap, small_number, table

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
        who = d.signed(request)
        if isinstance(who, Response):
            return who
        actor, session = who
        params = request.query_params
        at = small_number(params.get("page")) or 0
        action, person = params.get("action", "")[:40], small_number(params.get("who"), 15)
        try:
            rows, names, more = d.staff.audit_entries(actor, at, AUDIT_PER_PAGE, action, person)
        except Refused as refusal:
            return d.refused(str(refusal), session=session)

        def named(user_id: int) -> str:
            return f"{names[user_id]} ({user_id})" if user_id in names else str(user_id)

        cells = [
            (
                nowrap(e(date_hour(r["at"], d.staff.tz))),
                e(named(r["actor"]) if r["actor"] else "settings"),
                e(r["action"]),
                e(r["detail"]),
            )
            for r in rows
        ]
        choices = "".join(
            f'<option value="{e(a)}"{" selected" if a == action else ""}>{e(a)}</option>'
            for a in d.staff.units.audit_actions()
        )
        search = (
            f'<form class="filters" method="get" action="{e(d.prefix)}/audit">'
            f'<label>Action <select name="action"><option value="">any</option>{choices}</select></label>'
            f'<label>Person (user id) <input name="who" inputmode="numeric" pattern="[0-9]*" '
            f'value="{e(person if person is not None else "")}"></label><button>Show</button></form>'
        )
        kept = {k: v for k, v in (("action", action), ("who", person)) if v not in ("", None)}
        pager = []
        if at > 0:
            pager.append(f'<a href="{e(d.prefix)}/audit?{e(urlencode({**kept, "page": at - 1}))}">\u25c0 Newer</a>')
        if more:
            pager.append(f'<a href="{e(d.prefix)}/audit?{e(urlencode({**kept, "page": at + 1}))}">Older \u25b6</a>')
        empty = "Nothing in the audit log matches." if kept else "The audit log is empty."
        body = (
            search
            + (table(["When", "Who", "Action", "Detail"], cells, "stacked") if cells else f"<p>{empty}</p>")
            + f'<div class="pager">{"".join(pager)}</div>'
        )
        return d.html(f"Audit log, page {at + 1}", body, session=session, crumbs=[("Units", "/")])
