"""CSV downloads: the same file /export sends in chat (one row per unit and attempt, formula cells
neutralised, a byte-order mark for spreadsheets), audited the same way, built off the event loop."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.training import staff_queries as q
from bot.training.reports import export_csv
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
        rows = await d.store.reader.run(lambda conn: q.export_rows(conn, args["unit_ids"]))
        body = await asyncio.to_thread(export_csv, rows)
        return Response(
            body,
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="{args["name"]}"',
                "Cache-Control": "no-store",
                "X-Content-Type-Options": "nosniff",
            },
        )
