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
from bot.training.outcome import Refused
from bot.web.access import NotAvailable, SignedIn, checked_form, signed_in
from bot.web.pages.family import PageFamily
from bot.web.pages.units import units_page

if TYPE_CHECKING:
    from bot.web.app import Dashboard

MERMAID_CSP = (
    # mermaid.js writes the drawing's own <style> into the SVG it makes: this page alone allows inline styles.
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'self' https://web.telegram.org"
)


class LibraryPages(PageFamily):
    def __init__(self, dashboard: Dashboard) -> None:
        super().__init__(dashboard)
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

    def staff_only(self, request: Request) -> SignedIn:
        """The signed-in instructor or admin (the core refuses anyone else)."""
        who = signed_in(request)
        self.d.department.access.require(who.actor, "instructor", "dashboard")
        return who

    async def index(self, request: Request) -> Response:
        d = self.d
        who = self.staff_only(request)
        groups: dict[str, list[Scenario]] = {}
        for s in d.department.calls.in_order():
            heading = f"{'By phone' if s.channel == 'phone' else 'At the counter'}, {s.difficulty}"
            groups.setdefault(heading, []).append(s)
        return units_page(
            d,
            request,
            who,
            "library/index.html",
            "Calls and diagrams",
            calls=d.department.calls.count(),
            groups=groups,
        )

    async def scenario(self, request: Request, error: str = "", status: int = 200) -> Response:
        d = self.d
        who = self.staff_only(request)
        scenario = d.department.calls.get(request.path_params["scenario_id"])
        if scenario is None:
            raise NotAvailable("There is no such call in the library.", 404)
        return d.page(
            request,
            "library/scenario.html",
            scenario.title,
            session=who.session,
            status=status,
            crumbs=[("Units", "/"), ("Calls", "/scenarios")],
            csp=MERMAID_CSP,
            error=error,
            scenario=scenario,
            facts=[scenario_fact(scenario, f) for f in scenario.resolution_facts],
            not_graded=[(LABELS.get(c, c), why) for c, why in scenario.not_applicable.items()],
            units=d.department.results.units(who.actor, "dashboard"),
            today=d.today().isoformat(),
            diagram=self.diagram_source(scenario),
        )

    async def assign(self, request: Request) -> Response:
        d = self.d
        who, form = await checked_form(request)
        raw_unit, due = str(form.get("unit") or ""), str(form.get("due") or "").strip()
        if not (raw_unit.isascii() and raw_unit.isdigit() and len(raw_unit) < 12):
            return await self.scenario(request, error="Choose a unit.", status=400)
        scenario_id = request.path_params["scenario_id"]
        try:
            outcome = d.act(
                lambda: d.department.assignments.assign_by_form(
                    who.actor, int(raw_unit), scenario_id, due or None, d.today()
                ),
                "web assign",
            )
        except Refused as refusal:
            return await self.scenario(request, error=str(refusal), status=400)
        return d.done(who.session, f"/scenarios/{scenario_id}", " ".join(outcome.replies))


def scenario_fact(scenario: Scenario, fact: str) -> str:
    """A resolution fact in the scenario's words ("tells the caller which tow yard has the car")."""
    return scenario.contact.describe(fact)
