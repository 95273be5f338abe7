"""The units overview, a unit's trainees, and a trainee's progress and calls."""

from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.clock import date_hour
from bot.practice.scorecard import LABELS, total_text
from bot.training import staff_queries as q
from bot.training.staff import Refused, assignment_standing
from bot.web.charts import bars, criterion_meters
from bot.web.pages import SORT_SCRIPT, cell, e, failed, link_list, member_rates, nowrap, number, percent, table

if TYPE_CHECKING:
    from bot.web.app import Dashboard


CARDS_UP_TO = 3
"""Up to this many units the overview shows a card each; more (an admin's department) get a table."""
CACHE_SECONDS = 30
WEEKS = 8
"""Weeks of averages on the units overview."""
CHART_ATTEMPTS = 40
"""Calls in a trainee's chart of totals (all of them are in the table below it)."""


class UnitPages:
    def __init__(self, dashboard: Dashboard) -> None:
        self.d = dashboard
        self.cache: dict[tuple, tuple[float, dict, dict]] = {}

    def routes(self) -> list[Route]:
        return [
            Route("/", self.overview),
            Route("/units/{unit_id:int}", self.unit),
            Route("/units/{unit_id:int}/trainees/{user_id:int}", self.trainee),
        ]

    async def overview(self, request: Request) -> Response:
        d = self.d
        who = d.signed(request)
        if isinstance(who, Response):
            return who
        actor, session = who
        try:
            units = d.staff.dashboard_units(actor)
        except Refused as refusal:
            return d.refused(str(refusal), session=session)
        ids, today = [u.id for u in units], d.today().isoformat()
        overview, weekly, age = await self.figures(ids, today)
        links = [("Calls and diagrams", "/scenarios")]
        if units:
            links.append(("Download all results (CSV)", "/export.csv"))
        if d.staff.role_of(actor.id) == "admin":
            links.append(("Audit log", "/audit"))
        if len(units) <= CARDS_UP_TO:
            body = "".join(self.unit_card(u, overview[u.id], weekly[u.id]) for u in units)
        else:
            body = self.units_table(units, overview, weekly)
            if age >= 1:
                body += f'<p class="muted">Figures from {age:.0f} s ago; they refresh every {CACHE_SECONDS} s.</p>'
        body = (body or "<p>You have no units yet. Create one with /newunit in the bot.</p>") + link_list(
            d.prefix, links
        )
        return d.html("Your units", body, session=session)

    async def figures(self, ids: list[int], today: str) -> tuple[dict, dict, float]:
        """Each unit's figures and weekly averages, and their age in seconds. A department's worth of
        units (more than CARDS_UP_TO) is read once per CACHE_SECONDS: those are the dashboard's heaviest
        reads (about 0.15 s over 100,000 attempts), and a commander's page needs no fresher figures."""

        def read(conn):
            return q.unit_overview(conn, ids, today), q.unit_weekly(conn, ids, self.d.today(), WEEKS, self.d.staff.tz)

        if len(ids) <= CARDS_UP_TO:
            return *await self.d.store.reader.run(read), 0.0
        key, now = (tuple(ids), today), time.monotonic()
        cached = self.cache.get(key)
        if cached is None or now - cached[0] > CACHE_SECONDS or cached[0] < self.d.changed_at:
            fresh = (now, *await self.d.store.reader.run(read))
            self.cache = {k: v for k, v in self.cache.items() if now - v[0] <= CACHE_SECONDS} | {key: fresh}
            cached = fresh
        return cached[1], cached[2], now - cached[0]

    def units_table(self, units: list, overview: dict, weekly: dict) -> str:
        """Many units (a commander's view): the whole department in figures, then one sortable row per unit."""
        d = self.d
        calls = sum(overview[u.id]["attempts"] for u in units)
        scored = [(overview[u.id]["average"], overview[u.id]["attempts"]) for u in units if overview[u.id]["attempts"]]
        average = sum(a * n for a, n in scored) / calls if calls else None
        done = sum(a["done"] for u in units for a in overview[u.id]["assignments"])
        owed = sum(a["members"] for u in units for a in overview[u.id]["assignments"])
        overdue = sum(a["overdue"] for u in units for a in overview[u.id]["assignments"])
        stats = [
            ("Units", len(units)),
            ("Members", sum(overview[u.id]["members"] for u in units)),
            ("Finished calls", calls),
            ("Average total", number(average)),
            ("Assignments done", f"{done}/{owed}"),
            ("Assignments overdue", overdue),
            ("Automatic fails", sum(overview[u.id]["failed"] for u in units)),
        ]
        rows = []
        for u in units:
            o, week = overview[u.id], weekly[u.id][-1]
            rates = o["rates"]
            weakest = min(rates, key=lambda c: rates[c]) if rates else None
            late = sum(a["overdue"] for a in o["assignments"])
            rows.append(
                (
                    cell(f'<a href="{e(d.prefix)}/units/{u.id}">{e(u.name)}</a>', u.name.casefold()),
                    cell(e(o["members"]), o["members"]),
                    cell(e(o["attempts"]), o["attempts"]),
                    cell(number(o["average"]), -1 if o["average"] is None else round(o["average"], 1)),
                    cell(number(week["average"]), -1 if week["average"] is None else round(week["average"], 1)),
                    cell(f'<span class="missed">{late}</span>' if late else "0", late),
                    cell(e(o["failed"]), o["failed"]),
                    cell(
                        f"{e(LABELS[weakest])} {percent(rates[weakest])}" if weakest else "\u2013",
                        rates[weakest] if weakest else 101,
                    ),
                )
            )
        return (
            '<section class="card"><div class="stats">'
            + "".join(f"<div>{e(k)}<b>{e(v)}</b></div>" for k, v in stats)
            + "</div></section>"
            + table(
                ["Unit", "Members", "Calls", "Average", "This week", "Overdue", "Auto fails", "Weakest"],
                rows,
                "sortable",
            )
            + '<p class="muted">Tap a column heading to sort; a unit\'s page has its weekly chart and trainees.</p>'
            + SORT_SCRIPT.format(prefix=e(d.prefix))
        )

    def unit_card(self, unit, o: dict, weekly: list[dict], linked: bool = True) -> str:
        d = self.d
        rates = o["rates"]
        weakest = min(rates, key=lambda c: rates[c]) if rates else None
        done = sum(a["done"] for a in o["assignments"])
        owed = sum(a["members"] for a in o["assignments"])
        overdue = sum(a["overdue"] for a in o["assignments"])
        stats = [
            ("Members", o["members"]),
            ("Finished calls", o["attempts"]),
            ("Average total", number(o["average"])),
            ("Assignments done", f"{done}/{owed}"),
            ("Assignments overdue", overdue),
            ("Automatic fails", o["failed"]),
        ]
        this_week = weekly[-1]
        weeks = [(week_label(w["week"]), w["average"]) for w in weekly]
        week_line = (
            f"This week: {this_week['attempts']} calls, average {number(this_week['average'])}."
            if this_week["attempts"]
            else "No calls finished this week yet."
        )
        return (
            '<section class="card">'
            + (f'<h2><a href="{e(d.prefix)}/units/{unit.id}">{e(unit.name)}</a></h2>' if linked else "")
            + f'<div class="muted">Join code {e(unit.code)}{" (revoked)" if unit.revoked else ""}</div>'
            + '<div class="stats">'
            + "".join(f"<div>{e(k)}<b>{e(v)}</b></div>" for k, v in stats)
            + "</div>"
            + f"<h3>Weekly average total, last {len(weekly)} weeks (week starting)</h3>"
            + bars(weeks, f"Weekly average total of {unit.name}")
            + f"<p>{e(week_line)}</p>"
            + (f"<p>Weakest: <b>{e(LABELS[weakest])}</b> ({percent(rates[weakest])} met)</p>" if weakest else "")
            + criterion_meters(rates)
            + "</section>"
        )

    async def unit(self, request: Request) -> Response:
        d = self.d
        found = d.visible_unit(request)
        if isinstance(found, Response):
            return found
        actor, session, unit = found
        today = d.today().isoformat()
        overview, weekly, members = await d.store.reader.run(
            lambda conn: (
                q.unit_overview(conn, [unit.id], today)[unit.id],
                q.unit_weekly(conn, [unit.id], d.today(), WEEKS, d.staff.tz)[unit.id],
                q.members_of_unit(conn, unit.id, today),
            )
        )
        base = f"{d.prefix}/units/{unit.id}"
        rows = [
            (
                cell(
                    f'<a href="{e(base)}/trainees/{m["id"]}">{e(m["first_name"])}</a>'
                    + (f" <small>@{e(m['username'])}</small>" if m["username"] else ""),
                    m["first_name"].casefold(),
                ),
                cell(e(m["attempts"]), m["attempts"]),
                cell(number(m["average"]), -1 if m["average"] is None else round(m["average"], 1)),
                cell(f'<span class="missed">{e(m["overdue"])}</span>' if m["overdue"] else "0", m["overdue"]),
            )
            for m in members
        ]
        body = (
            self.unit_card(unit, overview, weekly, linked=False)
            + link_list(
                "",
                [
                    (f"Assignments ({len(overview['assignments'])})", f"{base}/assignments"),
                    ("Download this unit's results (CSV)", f"{base}/export.csv"),
                ],
            )
            + "<h2>Trainees</h2>"
            + (
                table(["Trainee", "Calls", "Average", "Overdue"], rows, "sortable")
                + '<p class="muted">Tap a column heading to sort.</p>'
                if rows
                else f"<p>No members yet. Trainees join with the code {e(unit.code)}.</p>"
            )
            + SORT_SCRIPT.format(prefix=e(d.prefix))
        )
        return d.html(unit.name, body, session=session, crumbs=[("Units", "/")])

    async def trainee(self, request: Request) -> Response:
        d = self.d
        found = d.visible_unit(request)
        if isinstance(found, Response):
            return found
        actor, session, unit = found
        user_id = request.path_params["user_id"]
        detail = await d.store.reader.run(lambda conn: q.member_detail(conn, unit.id, user_id))
        if detail is None:
            return d.refused(f"That trainee is not a member of \u201c{unit.name}\u201d.", 404, session)
        tz, attempts = d.staff.tz, detail["attempts"]
        standing = [
            (
                e(d.staff._title(a["scenario_id"])),
                nowrap(e(a["due"] or "\u2013")),
                e(total_text(*a["latest"])) if a["latest"] else not_done(a["overdue"]),
                e(total_text(*a["best"])) if a["best"] else "\u2013",
            )
            for a in assignment_standing(detail, d.today())
        ]
        rows = [
            (
                cell(nowrap(e(date_hour(t["finished_at"] or t["started_at"], tz))), t["id"]),
                cell(
                    f'<a href="{e(d.prefix)}/attempts/{t["id"]}">{e(d.staff._title(t["scenario_id"]))}</a>',
                    d.staff._title(t["scenario_id"]).casefold(),
                ),
                cell(e(total_text(t["total"] or 0, failed(t))), t["total"] or 0),
            )
            for t in attempts
        ]
        oldest_first = attempts[::-1][-CHART_ATTEMPTS:]
        handle = f" @{detail['username']}" if detail["username"] else ""
        since = detail["joined_at"][:10]
        body = f"<p>{e(detail['first_name'])}{e(handle)}, in \u201c{e(unit.name)}\u201d since {nowrap(e(since))}.</p>"
        if attempts:
            average = sum(t["total"] or 0 for t in attempts) / len(attempts)
            body += (
                f"<p>{len(attempts)} finished calls, average total {number(average)}.</p>"
                f"<h2>Totals, last {len(oldest_first)} calls</h2>"
                + bars(
                    [(date_hour(t["finished_at"] or t["started_at"], tz)[:10], t["total"] or 0) for t in oldest_first],
                    f"Totals of {detail['first_name']}'s last {len(oldest_first)} calls",
                    [failed(t) for t in oldest_first],
                )
                + "<h2>Each step, share met</h2>"
                + criterion_meters(member_rates(attempts))
            )
        body += (
            ("<h2>Assignments</h2>" + table(["Call", "Due", "Latest", "Best"], standing) if standing else "")
            + "<h2>Finished calls</h2>"
            + (
                table(["When", "Call", "Total"], rows, "sortable") + SORT_SCRIPT.format(prefix=e(d.prefix))
                if rows
                else "<p>No finished calls since joining.</p>"
            )
        )
        crumbs = [("Units", "/"), (unit.name, f"/units/{unit.id}")]
        return d.html(detail["first_name"], body, session=session, crumbs=crumbs)


def not_done(overdue: bool) -> str:
    return '<span class="missed">overdue</span>' if overdue else "not done"


def week_label(monday: str) -> str:
    day = date.fromisoformat(monday)
    return f"{day.day} {day:%b}"
