"""A unit's people, name and archiving on the dashboard: remove a member or a co-instructor (asked first), rename,
archive (asked first) and restore.

The changes are the chat's own (bot.training.membership): the same checks, made again when the form is sent, the
same audit lines, the same notices to the people affected, written with the change in one transaction.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.training.outcome import Outcome, Refused
from bot.web.access import checked_form, signed_in
from bot.web.pages.family import PageFamily, page_and_form
from bot.web.pages.units import unit_page

ROLES = {"members": False, "instructors": True}
"""A path's kind of person: a member (False) or a co-instructor (True)."""


class UnitChangePages(PageFamily):
    def routes(self) -> list[Route]:
        person = "/units/{unit_id:id}/{role:str}/{user_id:id}/remove"
        return [
            Route("/units/{unit_id:id}/manage", self.manage),
            Route("/units/{unit_id:id}/rename", self.rename, methods=["POST"]),
            *page_and_form("/units/{unit_id:id}/archive", self.confirm_archive, self.archive),
            Route("/units/{unit_id:id}/restore", self.restore, methods=["POST"]),
            *page_and_form(person, self.confirm_remove, self.remove),
        ]

    async def manage(self, request: Request, error: str = "", status: int = 200) -> Response:
        """The unit's join code, members and instructors (a Remove link each), its name, Archive or Restore."""
        d = self.d
        who = signed_in(request)
        roster = d.department.membership.roster(who.actor, request.path_params["unit_id"])
        unit = roster.unit
        removable = [p for p in roster.instructors if p.id != who.actor.id] if len(roster.instructors) > 1 else []
        return unit_page(
            d,
            request,
            who,
            unit,
            "units/manage.html",
            f"People and settings of {unit.name}",
            status=status,
            error=error,
            base=f"{d.prefix}/units/{unit.id}",
            roster=roster,
            removable=[p.id for p in removable],
            me=who.actor.id,
        )

    async def rename(self, request: Request) -> Response:
        who, form = await checked_form(request)
        unit_id, name = request.path_params["unit_id"], str(form.get("name") or "")
        return await self.change(request, lambda: self.d.department.membership.rename(who.actor, unit_id, name))

    async def confirm_archive(self, request: Request) -> Response:
        d = self.d
        who = signed_in(request)
        unit = d.department.membership.archivable(who.actor, request.path_params["unit_id"])
        question = (
            f"Archive \u201c{unit.name}\u201d? It takes no new members, leaves your lists and its reminders stop. "
            "Its results are kept under Archived units, and you can restore it. Its members and other instructors "
            "are told in Telegram."
        )
        return self.confirm(request, who, unit, "Archive a unit", question, "/archive", "Archive it")

    async def archive(self, request: Request) -> Response:
        who, _ = await checked_form(request)
        unit_id = request.path_params["unit_id"]
        return await self.change(request, lambda: self.d.department.membership.archive(who.actor, unit_id), to="/")

    async def restore(self, request: Request) -> Response:
        who, _ = await checked_form(request)
        unit_id = request.path_params["unit_id"]
        return await self.change(request, lambda: self.d.department.membership.archive(who.actor, unit_id, False))

    async def confirm_remove(self, request: Request) -> Response:
        d = self.d
        who = signed_in(request)
        p = request.path_params
        removal = d.department.membership.removal(who.actor, p["unit_id"], p["user_id"], self.as_instructor(request))
        name, where = removal.person.name, f"\u201c{removal.unit.name}\u201d"
        if removal.instructor:
            question = f"Remove {name} as an instructor of {where}? They are told in Telegram; their other units stay."
        else:
            question = (
                f"Remove {name} from {where}? They are told in Telegram, and its assignments leave their list; "
                "their calls stay theirs."
            )
        action = f"/{p['role']}/{p['user_id']}/remove"
        return self.confirm(request, who, removal.unit, f"Remove {name}", question, action, "Remove")

    async def remove(self, request: Request) -> Response:
        who, _ = await checked_form(request)
        p, instructor = request.path_params, self.as_instructor(request)
        membership = self.d.department.membership
        return await self.change(request, lambda: membership.remove(who.actor, p["unit_id"], p["user_id"], instructor))

    # --- shared ------------------------------------------------------------------------------------

    @staticmethod
    def as_instructor(request: Request) -> bool:
        role = request.path_params["role"]
        if role not in ROLES:
            raise Refused("That page does not exist: remove someone from a unit's People and settings page.")
        return ROLES[role]

    def confirm(self, request: Request, who, unit, title: str, question: str, action: str, label: str) -> Response:
        """A question with one button that makes the change, and a way back that changes nothing."""
        d = self.d
        base_path = f"/units/{unit.id}"
        base = d.prefix + base_path
        return d.page(
            request,
            "units/confirm.html",
            title,
            session=who.session,
            crumbs=[("Units", "/"), (unit.name, f"/units/{unit.id}"), ("People and settings", base_path + "/manage")],
            question=question,
            action=base + action,
            label=label,
            back=f"{base}/manage",
        )

    async def change(self, request: Request, act, to: str | None = None) -> Response:
        """Make the change (refused: the page again, saying why), then back to `to` (the unit's page of settings)."""
        d = self.d
        who = signed_in(request)
        unit_id = request.path_params["unit_id"]
        try:
            outcome: Outcome = d.act(act, "web unit")
        except Refused as refusal:
            return await self.manage(request, error=str(refusal), status=400)
        return d.done(who.session, to or f"/units/{unit_id}/manage", " ".join(outcome.replies))
