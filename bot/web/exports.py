"""CSV downloads: the same file /export sends in chat (one row per unit and attempt, formula cells
neutralised, a byte-order mark for spreadsheets), audited the same way, built in the export
process (bot.training.export_files) so the loop keeps answering trainees."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.training.export_files import build_elsewhere
from bot.training.staff import Refused

if TYPE_CHECKING:
    from bot.web.app import Dashboard


class ExportRoutes:
    def __init__(self, dashboard: Dashboard) -> None:
        self.d = dashboard

    def routes(self) -> list[Route]:
        return [Route("/export.csv", self.export), Route("/units/{unit_id:int}/export.csv", self.export)]

    async def export(self, request: Request) -> Response:
        d = self.d
        who = d.signed(request)
        if isinstance(who, Response):
            return who
        actor, session = who
        unit_id = request.path_params.get("unit_id")
        try:
            deferred = d.staff.export(actor, None, unit_id)
            count = await d.store.reader.run(deferred.read)
            with d.store.db.atomic():
                outcome = deferred.then(count)  # the audit line, as in chat
        except Refused as refusal:
            return d.refused(str(refusal), session=session)
        assert outcome.render is not None
        args = outcome.render[1]
        compressed = "gzip" in request.headers.get("accept-encoding", "")
        if d.store.path is None:  # an in-memory store: its connection lives on this thread
            body = build_elsewhere(None, args["unit_ids"], compressed, d.store.db.conn)
        else:
            body = await asyncio.to_thread(build_elsewhere, d.store.path, args["unit_ids"], compressed)
        headers = {
            "Content-Disposition": f'attachment; filename="{args["name"]}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        }
        if compressed:  # compressed in the export process; the GZip middleware passes it through
            headers |= {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
        return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
