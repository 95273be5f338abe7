"""A trainee's own record: their finished calls, a page at a time; one call as a scorecard; whether it passed.

Anyone may look at their own calls and nobody else's here (instructors use bot.training.reviews).
A call passes when its total reaches the pass mark of an assignment it counts for (else agency.yaml's),
with no automatic fail and no wrong information (bot.training.standings).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage import own_calls as reads
from bot.storage.review_requests import ReviewRequest, ReviewRequestTables
from bot.storage.store import Store
from bot.training.calls import Calls
from bot.training.results import failed
from bot.training.reviews import Review, Reviews
from bot.training.standings import DEFAULT_PASS_MARK, passes
from bot.transcript import User


@dataclass(frozen=True)
class PastCall:
    id: int
    scenario_id: str
    title: str
    started_at: str
    total: int
    failed: bool
    """An automatic fail."""
    passed: bool
    """It passed an assignment."""


@dataclass(frozen=True)
class CallsPage:
    calls: list[PastCall]
    page: int
    pages: int
    count: int
    """Finished calls in all."""
    in_call: str | None = None
    """The title of the call the person is in now, if any."""


@dataclass(frozen=True)
class PassStanding:
    """Whether a finished call passed: against the mark of an assignment it counts for (`assigned`), else
    agency.yaml's."""

    passed: bool
    pass_mark: int
    assigned: bool


@dataclass(frozen=True)
class OwnCall:
    review: Review
    standing: PassStanding
    requests: list[ReviewRequest]
    """The person's review requests about this call, oldest first."""


class OwnCalls:
    def __init__(
        self,
        store: Store,
        reviews: Reviews,
        requests: ReviewRequestTables,
        calls: Calls,
        pass_mark: int = DEFAULT_PASS_MARK,
    ) -> None:
        self.store, self.reviews, self.requests, self.calls = store, reviews, requests, calls
        self.pass_mark = pass_mark

    def page(self, user: User, page: int, per_page: int) -> CallsPage:
        """Finished calls, newest first: page `page` (clamped to the pages there are)."""
        count = reads.finished_count(self.store.db, user.id)
        pages = max(1, -(-count // per_page))
        page = max(0, min(page, pages - 1))
        rows = reads.finished_calls(self.store.db, user.id, self.pass_mark, per_page, page * per_page)
        calls = [
            PastCall(
                r["id"],
                r["scenario_id"],
                self.calls.title(r["scenario_id"]),
                r["started_at"],
                r["total"] or 0,
                failed(r["auto_fail"]),
                bool(r["passed"]),
            )
            for r in rows
        ]
        active = self.store.active_attempt(user.id)
        return CallsPage(calls, page, pages, count, self.calls.title(active.scenario_id) if active else None)

    def call(self, user: User, attempt_id: int) -> OwnCall:
        """One of the person's finished calls; Refused for anyone else's."""
        review = self.reviews.own(user, attempt_id)
        mine = [r for r in self.requests.of_attempt(attempt_id) if r.user_id == user.id]
        return OwnCall(review, self.standing(attempt_id), mine)

    def standing(self, attempt_id: int) -> PassStanding:
        attempt = self.store.attempt(attempt_id)
        if attempt is None or attempt.status != "finished":
            return PassStanding(False, self.pass_mark, False)
        marks = reads.assignment_marks(self.store.db, attempt_id, self.pass_mark)
        if marks:
            passed = [m for m, p in marks if p]
            return PassStanding(bool(passed), min(passed) if passed else min(m for m, _ in marks), True)
        wrong = reads.told_wrong(self.store.db, attempt_id)
        return PassStanding(
            passes(attempt.total, bool(attempt.auto_fail), wrong, self.pass_mark), self.pass_mark, False
        )

    def just_finished(self, user_id: int) -> int | None:
        """The call the person has just finished (their latest attempt, when it is scored)."""
        latest = reads.latest_attempt(self.store.db, user_id)
        return latest[0] if latest and latest[1] == "finished" else None
