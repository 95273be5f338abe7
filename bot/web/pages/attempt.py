"""One call's transcript with the evidence marked in the trainee's words, its tips, and the override form."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.clock import date_hour
from bot.practice.scorecard import LABELS, addressed_lines, auto_fail_line, total_text, wrong_information_lines
from bot.training.outcome import Refused
from bot.training.reviews import StoredVerdict
from bot.transcript import Turn
from bot.web.access import SignedIn, checked_form, signed_in
from bot.web.pages.family import PageFamily

Marks = dict[int, list[tuple[str, str]]]
"""Per turn number: (label, quoted evidence) to mark in its text."""


class AttemptPage(PageFamily):
    def routes(self) -> list[Route]:
        return [
            Route("/attempts/{attempt_id:id}", self.attempt),
            Route("/attempts/{attempt_id:id}/override", self.override, methods=["POST"]),
        ]

    async def attempt(self, request: Request, error: str = "", status: int = 200) -> Response:
        d = self.d
        who = signed_in(request)
        review = d.department.reviews.review(who.actor, str(request.path_params["attempt_id"]))
        attempt, addressed, tz = review.attempt, review.addressed, d.department.tz
        finished = attempt.status == "finished"
        return d.page(
            request,
            "attempt.html",
            f"{review.title} \u2013 attempt {attempt.id}",
            session=who.session,
            status=status,
            crumbs=self.crumbs(who, attempt.user_id, review.trainee),
            error=error,
            attempt=attempt,
            name=review.trainee,
            started=date_hour(attempt.started_at, tz),
            total=total_text(attempt.total, bool(attempt.auto_fail)) if finished else "in progress",
            fails=[auto_fail_line(f, review.turns) for f in attempt.auto_fail],
            wrong=wrong_information_lines(addressed) if addressed is not None else [],
            verdicts=[(LABELS[v.criterion], v) for v in review.verdicts],
            issue=issue(addressed_lines(addressed)) if addressed is not None else None,
            overrides=[
                (o, LABELS.get(o.criterion, o.criterion), o.by_name, date_hour(o.at, tz)) for o in review.overrides
            ],
            turns=transcript(review.turns, review.trainee, marks(review.verdicts, attempt.auto_fail)),
            applicable=overridable(review.verdicts) if finished else [],
        )

    def crumbs(self, who: SignedIn, user_id: int, name: str) -> list[tuple[str, str]]:
        """Back to the trainee, through a unit of theirs this person sees."""
        units = self.d.department.results.units_of_member(who.actor, user_id, "dashboard")
        if not units:
            return [("Units", "/")]
        unit = units[0]
        return [("Units", "/"), (unit.name, f"/units/{unit.id}"), (name, f"/units/{unit.id}/trainees/{user_id}")]

    async def override(self, request: Request) -> Response:
        d = self.d
        who, form = await checked_form(request)
        criterion, verdict = str(form.get("criterion") or ""), str(form.get("verdict") or "")
        reason = str(form.get("reason") or "").strip()
        if verdict not in ("met", "missed"):
            return await self.attempt(request, error="Choose met or missed.", status=400)
        if not reason:
            return await self.attempt(request, error="The reason can't be empty: the trainee is told why.", status=400)
        attempt_id, met = request.path_params["attempt_id"], verdict == "met"
        try:
            outcome = d.act(
                lambda: d.department.overrides.by_form(who.actor, attempt_id, criterion, met, reason[:500]),
                "web override",
            )
        except Refused as refusal:  # the page itself says whether this person may see the call at all
            return await self.attempt(request, error=str(refusal), status=400)
        return d.done(who.session, f"/attempts/{attempt_id}", " ".join(outcome.replies))


def marks(verdicts: Sequence[StoredVerdict], auto_fail: Sequence[dict]) -> Marks:
    """The evidence of each criterion and automatic fail, by the turn it was found in."""
    found: Marks = {}
    for v in verdicts:
        if v.applicable and v.evidence and v.turn:
            found.setdefault(v.turn, []).append((LABELS[v.criterion], v.evidence))
    for f in auto_fail:
        if isinstance(f.get("turn"), int) and f.get("evidence"):
            found.setdefault(f["turn"], []).append(("Automatic fail", f["evidence"]))
    return found


def overridable(verdicts: Sequence[StoredVerdict]) -> list[tuple[str, str, bool]]:
    """(criterion, label, met now) of each criterion an instructor may override: those that applied."""
    return [(v.criterion, LABELS[v.criterion], v.met) for v in verdicts if v.applicable]


def highlighted(text: str, evidence: Sequence[tuple[str, str]]) -> list[tuple[str, str | None]]:
    """The turn's text in pieces, (text, label): a piece with a label is evidence, marked on the page."""
    spans: list[tuple[int, int, str]] = []
    lowered = text.lower()
    for label, quote in evidence:
        at = lowered.find(quote.lower()) if quote else -1
        if at >= 0 and not any(at < end and at + len(quote) > start for start, end, _ in spans):
            spans.append((at, at + len(quote), label))
    pieces: list[tuple[str, str | None]] = []
    pos = 0
    for start, end, label in sorted(spans):
        pieces += [(text[pos:start], None), (text[start:end], label)]
        pos = end
    return [*pieces, (text[pos:], None)]


def transcript(turns: Sequence[Turn], name: str, found: Marks) -> list[dict[str, Any]]:
    return [
        {
            "n": n,
            "who": "visitor" if turn.role == "visitor" else "trainee",
            "speaker": "Visitor" if turn.role == "visitor" else name,
            "pieces": highlighted(turn.text, found.get(n, [])),
        }
        for n, turn in enumerate(turns, start=1)
    ]


def issue(lines: list[str]) -> tuple[str, list[str]]:
    """The visitor's issue: its headline and each fact (without its bullet)."""
    head, *facts = lines
    return head, [x.removeprefix(chr(0x2022)).strip() for x in facts]
