"""The audit log: who did what to whom, by name, in local time and plain words; filtered by action and
person, a page at a time, and downloaded as a CSV of the same entries. Admins read every entry, instructors
their units' (bot.training.audit_trail decides)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.training.audit_trail import AuditQuery, AuditTrail, ReadableEntry
from bot.training.records import safe_cell
from bot.web.access import signed_in
from bot.web.figures import day_and_minute, small_number
from bot.web.pages.family import PageFamily
from bot.web.pages.units import units_page

if TYPE_CHECKING:
    from bot.web.app import Dashboard


AUDIT_PER_PAGE = 50
CSV_TIME = "%Y-%m-%d %H:%M"
"""Local time in the download: a spreadsheet reads it as a date and time."""


class AuditPage(PageFamily):
    def __init__(self, dashboard: Dashboard) -> None:
        super().__init__(dashboard)
        department = dashboard.department
        self.trail = AuditTrail(department.access, department.audit, department.calls, department.tz)

    def routes(self) -> list[Route]:
        return [
            Route("/audit", self.audit),
            Route("/audit.csv", self.export),
        ]

    async def audit(self, request: Request) -> Response:
        d = self.d
        who = signed_in(request)
        query = query_of(request)
        at = small_number(request.query_params.get("page")) or 1
        page = self.trail.page(who.actor, query, at, AUDIT_PER_PAGE)
        kept = {k: v for k, v in (("action", query.action), ("who", query.who)) if v}
        pager = []
        if at > 1:
            pager.append(("\u25c0 Newer", urlencode({**kept, "page": at - 1})))
        if page.more:
            pager.append(("Older \u25b6", urlencode({**kept, "page": at + 1})))
        return units_page(
            d,
            request,
            who,
            "audit.html",
            f"Audit log, page {at}",
            entries=[shown(e) for e in page.entries],
            actions=self.trail.actions(who.actor),
            action=query.action,
            person=query.who,
            matched=page.matched,
            filtered=bool(kept),
            pager=pager,
            download=urlencode(kept),
            empty="Nothing in the audit log matches." if kept else "The audit log is empty.",
        )

    async def export(self, request: Request) -> Response:
        """Every entry the page's filter chooses (all its pages), as CSV; the download is audited."""
        d = self.d
        who = signed_in(request)
        query = query_of(request)
        headers = {
            "Content-Disposition": f'attachment; filename="deskdrill-audit-{d.today().isoformat()}.csv"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        }
        if request.method == "HEAD":  # a link checker: nothing read, nothing audited
            self.trail.scope(who.actor)
            return Response(media_type="text/csv; charset=utf-8", headers=headers)
        entries = self.trail.everything(who.actor, query)
        with d.store.db.atomic():
            self.trail.exported(who.actor, len(entries), query)
        return Response(audit_csv(entries, str(d.department.tz)), media_type="text/csv; charset=utf-8", headers=headers)


def query_of(request: Request) -> AuditQuery:
    params = request.query_params
    return AuditQuery(params.get("action", "").strip()[:40], params.get("who", "").strip()[:60])


def shown(entry: ReadableEntry) -> dict[str, Any]:
    """An entry as a row of the page."""
    return {
        "when": day_and_minute(entry.at),
        "iso": entry.at.isoformat(timespec="minutes"),
        "actor": entry.actor,
        "did": entry.did,
        "person": entry.person,
        "details": entry.details,
    }


def audit_csv(entries: list[ReadableEntry], zone: str) -> bytes:
    """One row per entry, newest first, in the page's words; UTF-8 with a byte-order mark for spreadsheets,
    formula cells neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["entry", f"when ({zone})", "who", "who_id", "action", "person", "person_id", "details", "action_code"]
    )
    for e in entries:
        person = e.person
        cells = [
            e.id,
            e.at.strftime(CSV_TIME),
            e.actor.name,
            e.actor.id if e.actor.id is not None else "",
            e.did,
            person.name if person else "",
            person.id if person else "",
            e.details,
            e.action,
        ]
        writer.writerow([safe_cell(c) for c in cells])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
