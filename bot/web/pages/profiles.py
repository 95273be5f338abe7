"""A trainee's training profile (full name, badge or employee number), corrected by an instructor of their unit:
the same rule as `/profile <user_id> ...` in chat, audited, and the trainee told in Telegram."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.training.outcome import Refused
from bot.training.profiles import MAX_BADGE, MAX_NAME
from bot.web.access import checked_form, signed_in
from bot.web.pages.family import PageFamily, page_and_form


class ProfilePage(PageFamily):
    def routes(self) -> list[Route]:
        path = "/units/{unit_id:id}/trainees/{user_id:id}/profile"
        return page_and_form(path, self.page, self.save)

    async def page(
        self, request: Request, error: str = "", status: int = 200, typed: tuple[str, str] | None = None
    ) -> Response:
        d = self.d
        who = signed_in(request)
        unit = d.department.results.unit(who.actor, request.path_params["unit_id"], "dashboard")
        profile = d.department.profiles.member(who.actor, request.path_params["user_id"])
        name, badge = typed or (profile.full_name or "", profile.badge or "")
        base = f"/units/{unit.id}/trainees/{profile.user_id}"
        return d.page(
            request,
            "units/profile.html",
            f"{profile.first_name}: training profile",
            session=who.session,
            status=status,
            crumbs=[("Units", "/"), (unit.name, f"/units/{unit.id}"), (profile.first_name, base)],
            error=error,
            profile=profile,
            full_name=name,
            badge=badge,
            action=base + "/profile",
            max_name=MAX_NAME,
            max_badge=MAX_BADGE,
        )

    async def save(self, request: Request) -> Response:
        d = self.d
        who, form = await checked_form(request)
        name, badge = str(form.get("full_name") or "")[:200], str(form.get("badge") or "")[:100]
        user_id = request.path_params["user_id"]
        try:
            outcome = d.act(lambda: d.department.profiles.edit(who.actor, user_id, name, badge), "web profile")
        except Refused as refusal:  # the page itself says whether this person may see the trainee at all
            return await self.page(request, error=str(refusal), status=400, typed=(name, badge))
        path = f"/units/{request.path_params['unit_id']}/trainees/{user_id}"
        return d.done(who.session, path, " ".join(outcome.replies))
