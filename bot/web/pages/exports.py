"""CSV downloads: the same files /export and /completions send in chat (results: one row per attempt;
completed training: one row per trainee and call passed; formula cells neutralised, a byte-order mark for
spreadsheets), for a period (`?period=2026-11`), audited the same way, built in the export process
(bot.training.export_files) so the loop keeps answering trainees."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.training.export_files import build_awaiting, build_elsewhere
from bot.training.outcome import Refused
from bot.training.records import window_of
from bot.training.reports import completion_count, export_count
from bot.web.access import NotAvailable, signed_in
from bot.web.pages.family import PageFamily

if TYPE_CHECKING:
    from bot.web.app import Dashboard


log = logging.getLogger(__name__)

FILES = ("/export.csv", "/units/{unit_id:id}/export.csv", "/completions.csv", "/units/{unit_id:id}/completions.csv")
"""The downloads, all served by `export`: results or completed training, of all the caller's units or of one."""


class ExportRoutes(PageFamily):
    def __init__(self, dashboard: Dashboard) -> None:
        super().__init__(dashboard)
        self.building: set[int] = set()
        """People whose export is being built: one at a time each."""

    def routes(self) -> list[Route]:
        return [Route(path, self.export) for path in FILES]

    async def export(self, request: Request) -> Response:
        d = self.d
        who = signed_in(request)
        kind = "completions" if request.url.path.endswith("/completions.csv") else "results"
        period = request.query_params.get("period")
        try:
            window_of(period, d.department.tz, d.today())  # a period that is none is the request's mistake: 400
        except Refused as refusal:
            raise NotAvailable(str(refusal), 400) from refusal
        spec = d.department.reports.export_spec(who.actor, None, request.path_params.get("unit_id"), period, kind)
        headers = {
            "Content-Disposition": f'attachment; filename="{spec.name}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        }
        if request.method == "HEAD":  # a link checker or a preview: no file built, nothing audited
            return Response(media_type="text/csv; charset=utf-8", headers=headers)
        if who.actor.id in self.building:
            raise NotAvailable("Your last export is still being prepared: it downloads when it is ready.", 429)
        self.building.add(who.actor.id)
        compressed = accepts_gzip(request.headers.get("accept-encoding", ""))
        try:
            count = await d.store.reader.run(
                lambda conn: completion_count(conn, spec)[0] if kind == "completions" else export_count(conn, spec)
            )
            if d.store.path is None:  # an in-memory store: its connection lives on this thread
                body = build_elsewhere(None, spec, compressed, d.store.db.conn)
            else:
                body = await build_awaiting(d.store.path, spec, compressed)
        except Exception as exc:
            log.exception("an export of units %s failed", list(spec.unit_ids))
            raise NotAvailable("The export could not be prepared. Try again in a minute.", 503) from exc
        finally:
            self.building.discard(who.actor.id)
        with d.store.db.atomic():
            d.department.reports.exported(who.actor, spec, count)  # audited once the file exists, as in chat
        if compressed:  # compressed in the export process; the GZip middleware passes it through
            headers |= {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
        return Response(body, media_type="text/csv; charset=utf-8", headers=headers)


def accepts_gzip(header: str) -> bool:
    """Whether an Accept-Encoding header takes gzip ("gzip;q=0" refuses it)."""
    for part in header.split(","):
        token, _, params = part.strip().partition(";")
        if token.strip().lower() in ("gzip", "*"):
            q_value = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
            try:
                return float(q_value) > 0
            except ValueError:
                return False
    return False
