"""A unit's assignments: assign a call with a due date, change the date, remove one.

The changes are the chat's own (`Staff.assign_to_unit`, `Staff.unassign`): the same checks,
the same audit lines, the same notices to members, written with the change in one transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.training import staff_queries as q
from bot.training.staff import Refused
from bot.web.pages import e, notices, nowrap

if TYPE_CHECKING:
    from bot.web.app import Dashboard


class AssignmentPages:
    def __init__(self, dashboard: Dashboard) -> None:
        self.d = dashboard

    def routes(self) -> list[Route]:
        return [
            Route("/units/{unit_id:int}/assignments", self.page),
            Route("/units/{unit_id:int}/assignments", self.assign, methods=["POST"]),
            Route("/units/{unit_id:int}/assignments/{scenario_id}/remove", self.confirm_remove),
            Route("/units/{unit_id:int}/assignments/{scenario_id}/remove", self.remove, methods=["POST"]),
        ]

    async def page(self, request: Request, error: str = "", status: int = 200) -> Response:
        d = self.d
        found = d.visible_unit(request)
        if isinstance(found, Response):
            return found
        actor, session, unit = found
        today = d.today().isoformat()
        overview = await d.store.reader.run(lambda conn: q.unit_overview(conn, [unit.id], today)[unit.id])
        base = f"{d.prefix}/units/{unit.id}/assignments"
        csrf = f'<input type="hidden" name="csrf" value="{e(session.csrf)}">'
        items = []
        for a in overview["assignments"]:
            sid, title = a["scenario_id"], d.staff._title(a["scenario_id"])
            overdue = f', <span class="missed">{a["overdue"]} overdue</span>' if a["overdue"] else ""
            items.append(
                f'<li class="card"><b>{e(title)}</b>'
                f"<div>Due {nowrap(e(a['due'] or 'no date'))} \u00b7 "
                f"done by {a['done']} of {a['members']}{overdue}</div>"
                f'<form class="due" method="post" action="{e(base)}">{csrf}'
                f'<input type="hidden" name="scenario" value="{e(sid)}">'
                f'<input type="date" name="due" min="{today}" value="{e(a["due"] or "")}" '
                f'aria-label="New due date for {e(title)}"><button>Change the date</button>'
                f'<a class="remove" href="{e(base)}/{e(sid)}/remove">Remove\u2026</a></form></li>'
            )
        assigned = {a["scenario_id"] for a in overview["assignments"]}
        options = "".join(
            f'<option value="{e(s.id)}">{e(s.title)} ({e(s.channel)}, {e(s.difficulty)})</option>'
            for s in d.staff._scenarios()
            if s.id not in assigned
        )
        members = "1 member" if overview["members"] == 1 else f"{overview['members']} members"
        form = (
            (
                f'<h2>Assign a call</h2><form class="stack" method="post" action="{e(base)}">{csrf}'
                f'<label>Call <select name="scenario" required>{options}</select></label>'
                f'<label>Due date (optional) <input type="date" name="due" min="{today}"></label>'
                f"<button>Assign and tell {members}</button></form>"
                '<p class="muted">Members are told in Telegram at once (after a call they are in). Those who '
                "haven't done it get a reminder before the due date and one overdue notice after it.</p>"
            )
            if options
            else "<p>Every call in the library is assigned to this unit.</p>"
        )
        body = (
            notices(error=error)
            + (f'<ul class="items">{"".join(items)}</ul>' if items else "<p>Nothing assigned to this unit yet.</p>")
            + form
        )
        crumbs = [("Units", "/"), (unit.name, f"/units/{unit.id}")]
        return d.html(f"Assignments of {unit.name}", body, status, session, crumbs)

    async def assign(self, request: Request) -> Response:
        d = self.d
        posted = await d.posted(request)
        if isinstance(posted, Response):
            return posted
        actor, session, form = posted
        unit_id = request.path_params["unit_id"]
        scenario, due = str(form.get("scenario") or ""), str(form.get("due") or "").strip()
        try:
            outcome = d.act(
                lambda: d.staff.assign_to_unit(actor, unit_id, scenario, due or None, d.today()), "web assign"
            )
        except Refused as refusal:
            return await self.page(request, error=str(refusal), status=400)
        return d.done(session, f"/units/{unit_id}/assignments", " ".join(outcome.replies))

    async def confirm_remove(self, request: Request) -> Response:
        d = self.d
        found = d.visible_unit(request)
        if isinstance(found, Response):
            return found
        _, session, unit = found
        sid = request.path_params["scenario_id"]
        if d.staff.units.assignment(unit.id, sid) is None:
            return await self.page(request, error=f"\u201c{d.staff._title(sid)}\u201d is not assigned to this unit.")
        base = f"{d.prefix}/units/{unit.id}/assignments"
        body = (
            f"<p>Remove \u201c{e(d.staff._title(sid))}\u201d from \u201c{e(unit.name)}\u201d? Members who have not "
            "done it are told it is off their list; calls already finished keep their results.</p>"
            f'<form method="post" action="{e(base)}/{e(sid)}/remove">'
            f'<input type="hidden" name="csrf" value="{e(session.csrf)}"><button class="danger">Remove it</button> '
            f'<a href="{e(base)}">Keep it</a></form>'
        )
        crumbs = [("Units", "/"), (unit.name, f"/units/{unit.id}"), ("Assignments", f"/units/{unit.id}/assignments")]
        return d.html("Remove an assignment", body, session=session, crumbs=crumbs)

    async def remove(self, request: Request) -> Response:
        d = self.d
        posted = await d.posted(request)
        if isinstance(posted, Response):
            return posted
        actor, session = posted[0], posted[1]
        unit_id, sid = request.path_params["unit_id"], request.path_params["scenario_id"]
        try:
            outcome = d.act(lambda: d.staff.unassign(actor, unit_id, sid), "web unassign")
        except Refused as refusal:
            return await self.page(request, error=str(refusal), status=400)
        return d.done(session, f"/units/{unit_id}/assignments", " ".join(outcome.replies))
