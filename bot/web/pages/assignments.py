"""A unit's assignments: who passed each, who tried, who has not started, who is overdue, by name, with
Remind buttons; assign a call with a due date and a pass mark, change them, remove one.

The changes are the chat's own (`Assignments.assign_by_form`, `Assignments.unassign`, `Reminders.remind_by_form`):
the same checks, the same audit lines, the same notices to members, written with the change in one transaction.
"""

from __future__ import annotations

from dataclasses import asdict

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.training import results
from bot.training.outcome import Refused, number
from bot.training.standings import statuses
from bot.web.access import checked_form
from bot.web.pages.family import PageFamily, page_and_form
from bot.web.pages.units import unit_page, visible_unit


class AssignmentPages(PageFamily):
    def routes(self) -> list[Route]:
        return [
            *page_and_form("/units/{unit_id:id}/assignments", self.page, self.assign),
            *page_and_form("/units/{unit_id:id}/assignments/{scenario_id}/remove", self.confirm_remove, self.remove),
            Route("/units/{unit_id:id}/assignments/{scenario_id}/remind", self.remind, methods=["POST"]),
        ]

    async def page(self, request: Request, error: str = "", status: int = 200) -> Response:
        d = self.d
        who, unit = visible_unit(d, request)
        today, calls, mark = d.today(), d.department.calls, d.department.pass_mark
        overview, found = await d.store.reader.run(
            lambda conn: (
                results.overview(conn, [unit.id], today, mark)[unit.id],
                statuses(conn, [unit.id], today, mark),
            )
        )
        people = {s.assignment_id: s for s in found}
        assignments = [
            asdict(a) | {"title": calls.title(a.scenario_id), "status": people.get(a.id)} for a in overview.assignments
        ]
        assigned = {a.scenario_id for a in overview.assignments}
        choices = [s for s in calls.in_order() if s.id not in assigned]
        return unit_page(
            d,
            request,
            who,
            unit,
            "assignments/list.html",
            f"Assignments of {unit.name}",
            status=status,
            error=error,
            base=f"{d.prefix}/units/{unit.id}/assignments",
            today=today.isoformat(),
            assignments=assignments,
            choices=choices,
            members="1 member" if overview.members == 1 else f"{overview.members} members",
            pass_mark=mark,
        )

    async def assign(self, request: Request) -> Response:
        d = self.d
        who, form = await checked_form(request)
        unit_id = request.path_params["unit_id"]
        scenario, due = str(form.get("scenario") or ""), str(form.get("due") or "").strip()
        mark = str(form.get("pass_mark") or "").strip() or None
        assignments = d.department.assignments
        try:
            outcome = d.act(
                lambda: assignments.assign_by_form(who.actor, unit_id, scenario, due or None, d.today(), mark),
                "web assign",
            )
        except Refused as refusal:
            return await self.page(request, error=str(refusal), status=400)
        return d.done(who.session, f"/units/{unit_id}/assignments", " ".join(outcome.replies))

    async def confirm_remove(self, request: Request) -> Response:
        d = self.d
        who, unit = visible_unit(d, request)
        sid = request.path_params["scenario_id"]
        title = d.department.calls.title(sid)
        if not d.department.assignments.is_assigned(unit, sid):
            return await self.page(request, error=f"\u201c{title}\u201d is not assigned to this unit.")
        return d.page(
            request,
            "assignments/remove.html",
            "Remove an assignment",
            session=who.session,
            crumbs=[("Units", "/"), (unit.name, f"/units/{unit.id}"), ("Assignments", f"/units/{unit.id}/assignments")],
            unit=unit,
            title_of_call=title,
            scenario_id=sid,
            base=f"{d.prefix}/units/{unit.id}/assignments",
        )

    async def remove(self, request: Request) -> Response:
        d = self.d
        who, _ = await checked_form(request)
        unit_id, sid = request.path_params["unit_id"], request.path_params["scenario_id"]
        try:
            outcome = d.act(lambda: d.department.assignments.unassign(who.actor, unit_id, sid), "web unassign")
        except Refused as refusal:
            return await self.page(request, error=str(refusal), status=400)
        return d.done(who.session, f"/units/{unit_id}/assignments", " ".join(outcome.replies))

    async def remind(self, request: Request) -> Response:
        """A Remind button: everyone who has not passed the call, or one person (`user`); once a day each."""
        d = self.d
        who, form = await checked_form(request)
        unit_id, sid = request.path_params["unit_id"], request.path_params["scenario_id"]
        raw = str(form.get("user") or "").strip()
        reminders = d.department.reminders
        try:
            user_id = number(raw, "Choose whom to remind from the list.") if raw else None
            outcome = d.act(lambda: reminders.remind_by_form(who.actor, unit_id, sid, user_id, d.today()), "web remind")
        except Refused as refusal:
            return await self.page(request, error=str(refusal), status=400)
        return d.done(who.session, f"/units/{unit_id}/assignments", " ".join(outcome.replies))
