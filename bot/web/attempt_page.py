"""One call's transcript with the evidence marked in the trainee's words, its tips, and the override form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.clock import date_hour
from bot.grading import CRITERIA
from bot.practice.scorecard import LABELS, addressed_lines, auto_fail_line, total_text, wrong_information_lines
from bot.training.staff import Refused
from bot.web.pages import e, notices, table, transcript_turns

if TYPE_CHECKING:
    from bot.web.app import Dashboard


class AttemptPage:
    def __init__(self, dashboard: Dashboard) -> None:
        self.d = dashboard

    def routes(self) -> list[Route]:
        return [
            Route("/attempts/{attempt_id:int}", self.attempt),
            Route("/attempts/{attempt_id:int}/override", self.override, methods=["POST"]),
        ]

    async def attempt(self, request: Request, error: str = "", status: int = 200) -> Response:
        d = self.d
        who = d.who(request)
        if who is None:
            return d.signed_out()
        actor, session = who
        try:
            attempt = d.staff.dashboard_attempt(actor, request.path_params["attempt_id"])
        except Refused as refusal:
            return d.refused(str(refusal), session=session)
        staff, tz = d.staff, d.staff.tz
        turns = d.store.turns(attempt.id)
        trainee = d.store.user(attempt.user_id)
        name = trainee["first_name"] if trainee else str(attempt.user_id)
        results = staff.units.results_of(attempt.id)
        finished = attempt.status == "finished"
        total = total_text(attempt.total, bool(attempt.auto_fail)) if finished else "in progress"
        marks: dict[int, list[tuple[str, str]]] = {}
        for c in CRITERIA:
            r = results.get(c)
            if r and r["applicable"] and r["evidence"] and r["turn"]:
                marks.setdefault(r["turn"], []).append((LABELS[c], r["evidence"]))
        for f in attempt.auto_fail:
            if isinstance(f.get("turn"), int) and f.get("evidence"):
                marks.setdefault(f["turn"], []).append(("Automatic fail", f["evidence"]))
        parts = [notices(error=error)]
        parts.append(f"<p>{e(name)}, {e(date_hour(attempt.started_at, tz))}. Total: <b>{e(total)}</b></p>")
        parts += [f'<p class="fail">{e(auto_fail_line(f, turns))}</p>' for f in attempt.auto_fail]
        if attempt.addressed is not None:
            wrong = wrong_information_lines(staff._addressed(attempt.scenario_id, attempt.addressed))
            parts += [f'<p class="fail">{e(line)}</p>' for line in wrong]
        verdicts = []
        for c in CRITERIA:
            r = results.get(c)
            if r is None:
                continue
            if not r["applicable"]:
                verdict = '<span class="na">n/a</span>'
            elif r["met"]:
                verdict = '<span class="met">met</span>'
            else:
                partly = ", partly" if (r["score"] or 0) > 0 else ""
                verdict = f'<span class="missed">missed{partly}</span>'
            evidence = (
                f'\u201c{e(r["evidence"])}\u201d <a href="#turn-{e(r["turn"])}">turn {e(r["turn"])}</a>'
                if r["evidence"]
                else ""
            )
            tip = f'<div class="tip">Tip: {e(r["tip"])}</div>' if r["tip"] and not r["met"] else ""
            verdicts.append((e(LABELS[c]), verdict, evidence + tip))
        if verdicts:
            parts.append("<h2>Criteria</h2>" + table(["Criterion", "Verdict", "Evidence and tip"], verdicts, "stacked"))
        if attempt.addressed is not None:
            lines = addressed_lines(staff._addressed(attempt.scenario_id, attempt.addressed))
            head, *facts = lines
            items = "".join(f"<li>{e(x.removeprefix(chr(0x2022)).strip())}</li>" for x in facts)
            parts.append(f"<h2>The visitor's issue</h2><p>{e(head)}</p>" + (f"<ul>{items}</ul>" if items else ""))
        overrides = staff.units.overridden(attempt.id)
        if overrides:
            names = staff.units.names({o["by"] for o in overrides})
            parts.append(
                "<h2>Overrides</h2><ul>"
                + "".join(
                    f"<li>{e(LABELS.get(o['criterion'], o['criterion']))} {'met' if o['met'] else 'missed'} by "
                    f"{e(names.get(o['by'], o['by']))}, {e(date_hour(o['at'], tz))}: {e(o['reason'])}</li>"
                    for o in overrides
                )
                + "</ul>"
            )
        parts.append("<h2>Transcript</h2>" + transcript_turns(turns, name, marks))
        applicable = [c for c in CRITERIA if c in results and results[c]["applicable"]]
        if finished and applicable:
            options = "".join(
                f'<option value="{c}">{e(LABELS[c])} (now {"met" if results[c]["met"] else "missed"})</option>'
                for c in applicable
            )
            parts.append(
                f'<h2>Override a verdict</h2><form class="override" method="post" '
                f'action="{e(d.prefix)}/attempts/{attempt.id}/override">'
                f'<input type="hidden" name="csrf" value="{e(session.csrf)}">'
                f'<label>Criterion <select name="criterion">{options}</select></label>'
                '<label>Make it <select name="verdict"><option value="met">met</option>'
                '<option value="missed">missed</option></select></label>'
                '<label>Reason (the trainee sees it)<textarea name="reason" required maxlength="500" rows="3">'
                "</textarea></label><button>Change the verdict</button></form>"
            )
        crumbs = [("Units", "/")]
        member_of = {
            r[0] for r in d.store.db.execute("select unit_id from unit_members where user_id = ?", [attempt.user_id])
        }
        unit = next((u for u in staff.dashboard_units(actor) if u.id in member_of), None)
        if unit is not None:  # back to the trainee, through a unit of theirs this person sees
            crumbs += [(unit.name, f"/units/{unit.id}"), (name, f"/units/{unit.id}/trainees/{attempt.user_id}")]
        return d.html(
            f"{staff._title(attempt.scenario_id)} \u2013 attempt {attempt.id}", "".join(parts), status, session, crumbs
        )

    async def override(self, request: Request) -> Response:
        d = self.d
        posted = await d.posted(request)
        if isinstance(posted, Response):
            return posted
        actor, session, form = posted
        criterion, verdict = str(form.get("criterion") or ""), str(form.get("verdict") or "")
        reason = str(form.get("reason") or "").strip()
        if verdict not in ("met", "missed"):
            return await self.attempt(request, error="Choose met or missed.", status=400)
        if not reason:
            return await self.attempt(request, error="The reason can't be empty: the trainee is told why.", status=400)
        attempt_id = request.path_params["attempt_id"]
        try:
            outcome = d.act(
                lambda: d.staff.override_verdict(actor, attempt_id, criterion, verdict == "met", reason[:500]),
                "web override",
            )
        except Refused as refusal:  # the page itself says whether this person may see the call at all
            return await self.attempt(request, error=str(refusal), status=400)
        return d.done(session, f"/attempts/{attempt_id}", " ".join(outcome.replies))
