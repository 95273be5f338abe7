"""What the sender draws when a chart's or a file's turn to be sent comes (bot.tg.sender).

Each renderer reads on the store's read-only connection and draws in a worker thread, so
the event loop keeps sending meanwhile. The library is asked for only by an export (the
delivery process, bot.tg.delivery, loads it then, not at start-up).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.scenarios.library import Library
from bot.storage import staff_reads as q
from bot.storage.store import Store
from bot.tg.report_screens import trends_renderer
from bot.training.export_files import build_elsewhere
from bot.training.records import spec_from_args
from bot.training.reports import progress_chart, report_chart

Renderers = dict[str, Callable[[dict], Callable[[], tuple]]]


def renderers(store: Store, library: Callable[[], Library], tz: Any) -> Renderers:
    """Charts and files by name: each takes the outbox row's args and returns a drawing function."""
    reader = store.reader

    def progress(args: dict) -> Callable[[], tuple]:
        read = reader.in_thread(lambda conn: q.criterion_history(conn, args["user_id"]))
        empty = "No finished attempts yet: finish a /practice call first."

        def draw() -> tuple:
            rows = read()
            return "photo", "progress.png", progress_chart(rows), "Your results over time" if rows else empty

        return draw

    def report(args: dict) -> Callable[[], tuple]:
        ids = args["unit_ids"]
        read = reader.in_thread(lambda conn: (q.weekly_totals(conn, ids), q.report_summary(conn, ids)["rates"]))

        def draw() -> tuple:
            weekly, rates = read()
            return "photo", "report.png", report_chart(weekly, rates, args["title"], tz), None

        return draw

    def export(args: dict) -> Callable[[], tuple]:
        path, spec = store.path, spec_from_args(args, library(), str(tz))
        if path is None:  # an in-memory store: read on this thread, now
            data = build_elsewhere(None, spec, conn=store.db.conn)
            return lambda: ("document", spec.name, data, None)
        # in a worker thread, waiting on the export process
        return lambda: ("document", spec.name, build_elsewhere(path, spec), None)

    return {"progress": progress, "report": report, "export": export, "trends": trends_renderer(reader, tz)}
