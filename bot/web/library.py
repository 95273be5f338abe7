"""The scenario library: every call's brief, what resolves it, what fails it, and its diagram.

The diagram is the scenario's Mermaid source (bot.scenarios.diagram), drawn in the browser by
the mermaid.js that ships in static/vendor (no CDN). The source stays on the page under the
drawing, so nothing is lost where scripts are off. Instructors can assign a call from its page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.practice.scorecard import LABELS
from bot.scenarios.diagram import mermaid
from bot.scenarios.format import Scenario
from bot.training.staff import Refused
from bot.web.pages import e, notices

if TYPE_CHECKING:
    from bot.web.app import Dashboard

MERMAID_CSP = (
    # mermaid.js writes the drawing's own <style> into the SVG it makes: this page alone allows inline styles.
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'self' https://web.telegram.org"
)


class LibraryPages:
    def __init__(self, dashboard: Dashboard) -> None:
        self.d = dashboard
        self.diagrams: dict[str, str] = {}

    def diagram_source(self, scenario: Scenario) -> str:
        """Drawn once per scenario (transitions builds a machine to write it)."""
        if scenario.id not in self.diagrams:  # top to bottom: a phone scrolls down, not sideways
            self.diagrams[scenario.id] = mermaid(scenario).replace("direction LR", "direction TB", 1)
        return self.diagrams[scenario.id]

    def routes(self) -> list[Route]:
        return [
            Route("/scenarios", self.index),
            Route("/scenarios/{scenario_id}", self.scenario),
            Route("/scenarios/{scenario_id}/assign", self.assign, methods=["POST"]),
        ]

    def staff_only(self, request: Request):
        """(actor, session) of an instructor or admin; else the page that says why."""
        d = self.d
        who = d.signed(request)
        if isinstance(who, Response):
            return who
        try:
            d.staff.require(who[0], "instructor", "dashboard")
        except Refused as refusal:
            return d.refused(str(refusal), session=who[1])
        return who

    async def index(self, request: Request) -> Response:
        d = self.d
        who = self.staff_only(request)
        if isinstance(who, Response):
            return who
        groups: dict[str, list[str]] = {}
        for s in d.staff._scenarios():
            heading = f"{'By phone' if s.channel == 'phone' else 'At the counter'}, {s.difficulty}"
            groups.setdefault(heading, []).append(
                f'<li class="card"><a href="{e(d.prefix)}/scenarios/{e(s.id)}"><b>{e(s.title)}</b></a>'
                f"<p>{e(s.brief)}</p></li>"
            )
        items = "".join(
            f'<h2>{e(heading)} ({len(cards)})</h2><ul class="items">{"".join(cards)}</ul>'
            for heading, cards in groups.items()
        )
        body = (
            f"<p>{len(d.staff.library.scenarios)} calls, routine ones first. Each page shows what resolves the "
            "call, what fails it at once, and its diagram; you can assign it from there.</p>" + items
        )
        return d.html("Calls and diagrams", body, session=who[1], crumbs=[("Units", "/")])

    async def scenario(self, request: Request, error: str = "", status: int = 200) -> Response:
        d = self.d
        who = self.staff_only(request)
        if isinstance(who, Response):
            return who
        actor, session = who
        scenario = d.staff.library.scenarios.get(request.path_params["scenario_id"])
        if scenario is None:
            return d.refused("There is no such call in the library.", 404, session)
        facts = "".join(f"<li>{e(scenario_fact(scenario, f))}</li>" for f in scenario.resolution_facts)
        fails = "".join(f"<li>{e(a.reason)}</li>" for a in scenario.auto_fail)
        not_applicable = "".join(
            f"<li>{e(LABELS.get(c, c))}: {e(why)}</li>" for c, why in scenario.not_applicable.items()
        )
        body = (
            notices(error=error)
            + f'<p class="muted">{e(scenario.channel.capitalize())} \u00b7 {e(scenario.difficulty)} \u00b7 '
            f"{e(scenario.station)} \u00b7 <code>{e(scenario.id)}</code></p>"
            f"<p>{e(scenario.brief)}</p>"
            f"<h2>Resolved when</h2><p>{e(scenario.resolution_description)}</p>"
            + (f"<ul>{facts}</ul>" if facts else "")
            + (f'<h2>Automatic fail</h2><ul class="fail">{fails}</ul>' if fails else "")
            + (f"<h2>Not graded here</h2><ul>{not_applicable}</ul>" if not_applicable else "")
            + self.assign_form(actor, session, scenario)
            + "<h2>Diagram</h2>"
            '<p class="muted">The visitor\'s states and what moves them on; the call starts in the red one. '
            "Scroll sideways on a phone.</p>"
            f'<div class="diagram" id="diagram"><pre class="mermaid">{e(self.diagram_source(scenario))}</pre></div>'
            f'<details><summary>Mermaid source</summary><pre class="source">{e(self.diagram_source(scenario))}</pre>'
            "</details>"
            f'<script src="{e(d.prefix)}/static/vendor/mermaid.min.js" defer></script>'
            f'<script src="{e(d.prefix)}/static/diagram.js" defer></script>'
        )
        crumbs = [("Units", "/"), ("Calls", "/scenarios")]
        page = d.html(scenario.title, body, status, session, crumbs)
        page.headers["Content-Security-Policy"] = MERMAID_CSP
        return page

    def assign_form(self, actor, session, scenario: Scenario) -> str:
        d = self.d
        options = "".join(f'<option value="{u.id}">{e(u.name)}</option>' for u in d.staff.dashboard_units(actor))
        if not options:
            return ""
        return (
            f'<h2>Assign this call</h2><form class="stack" method="post" '
            f'action="{e(d.prefix)}/scenarios/{e(scenario.id)}/assign">'
            f'<input type="hidden" name="csrf" value="{e(session.csrf)}">'
            f'<label>Unit <select name="unit" required>{options}</select></label>'
            f'<label>Due date (optional) <input type="date" name="due" min="{d.today().isoformat()}"></label>'
            "<button>Assign and tell its members</button></form>"
        )

    async def assign(self, request: Request) -> Response:
        d = self.d
        posted = await d.posted(request)
        if isinstance(posted, Response):
            return posted
        actor, session, form = posted
        raw_unit, due = str(form.get("unit") or ""), str(form.get("due") or "").strip()
        if not (raw_unit.isascii() and raw_unit.isdigit() and len(raw_unit) < 12):
            return await self.scenario(request, error="Choose a unit.", status=400)
        scenario_id = request.path_params["scenario_id"]
        try:
            outcome = d.act(
                lambda: d.staff.assign_to_unit(actor, int(raw_unit), scenario_id, due or None, d.today()),
                "web assign",
            )
        except Refused as refusal:
            return await self.scenario(request, error=str(refusal), status=400)
        return d.done(session, f"/scenarios/{scenario_id}", " ".join(outcome.replies))


def scenario_fact(scenario: Scenario, fact: str) -> str:
    """A resolution fact in the scenario's words ("tells the caller which tow yard has the car")."""
    return scenario.contact.describe(fact)
