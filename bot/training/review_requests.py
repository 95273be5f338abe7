"""A trainee asks for a review of one verdict of their call, with a line of why; an instructor answers.

The trainee picks a criterion or a fact, then types the reason as their next message (it waits, stored,
like an instructor's override reason: it lapses after REASON_MINUTES, has a Cancel, and is never taken
during a practice call). The request reaches the instructors of the units the trainee was in when the
call was made, with the call. An override of that criterion answers it (bot.training.overrides); so
does a reply that dismisses it. Either way the trainee is told, with the call; everything is audited.
At most one request is open per verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta, tzinfo

from bot.clock import local_date, weekday_date, weekday_time
from bot.storage.review_requests import DISMISSED, OPEN, ReviewRequest, ReviewRequestTables, ReviewWait
from bot.storage.store import Store
from bot.storage.verdicts import Verdicts
from bot.training.access import Access
from bot.training.names import named, plain_name
from bot.training.outcome import Notice, Outcome, Refused, cancelled
from bot.training.reviews import Review, Reviews
from bot.transcript import CRITERIA, LABELS, User

REASON_MINUTES = 15
REASON_CHARS = 600
FACT = "fact:"


@dataclass(frozen=True)
class Subject:
    """A verdict of a call that a review can be asked for: a criterion that applied, or a resolution fact."""

    index: int
    """Criteria first, in the order of CRITERIA, then the facts in the call's order."""
    key: str
    """The criterion ("empathy") or "fact:<name>", as requests store it."""
    label: str
    verdict: str
    """ "met", "missed", "partly" (a criterion); "given", "partly", "wrong", "missing" (a fact)."""
    asked: bool = False
    """A request about it is open."""


def subjects_of(review: Review, requests: list[ReviewRequest]) -> list[Subject]:
    """Every verdict of the call a review can be asked for."""
    asked = {r.subject for r in requests if r.status == OPEN}
    found = []
    for i, v in enumerate(review.verdicts):
        if v.applicable:
            verdict = "met" if v.met else "partly" if v.score > 0 else "missed"
            found.append(Subject(i, v.criterion, LABELS[v.criterion], verdict, v.criterion in asked))
    if review.addressed is not None:
        for j, name in enumerate(review.addressed.facts):
            key = FACT + name
            label = review.addressed.descriptions.get(name, name.replace("_", " "))
            found.append(Subject(len(CRITERIA) + j, key, label, review.addressed.status(name), key in asked))
    return found


def subject_words(subject: Subject) -> str:
    """ "Empathy (missed)" or "the fact “where to go” (missing)"."""
    if subject.key.startswith(FACT):
        return f"the fact \u201c{subject.label}\u201d ({subject.verdict})"
    return f"{subject.label} ({subject.verdict})"


class ReviewRequests:
    def __init__(
        self,
        store: Store,
        access: Access,
        tables: ReviewRequestTables,
        reviews: Reviews,
        verdicts: Verdicts,
        tz: tzinfo,
    ) -> None:
        self.store, self.access, self.tables, self.reviews = store, access, tables, reviews
        self.verdicts, self.tz = verdicts, tz

    def subjects(self, actor: User, attempt_id: int) -> tuple[Review, list[Subject]]:
        """What the person may ask about on their own finished call."""
        review = self.reviews.own(actor, attempt_id)
        return review, subjects_of(review, self.tables.of_attempt(attempt_id))

    def ask(self, actor: User, attempt_id: int, index: int) -> Outcome:
        """A verdict tapped: the person's next message is the reason."""
        review, subjects = self.subjects(actor, attempt_id)
        subject = next((s for s in subjects if s.index == index), None)
        if subject is None:
            raise Refused("That button is no longer in use: open the call again from /history.")
        if subject.asked:
            raise Refused(f"You already asked for a review of {subject.label} on this call: the answer will come here.")
        if not self.tables.instructors_of(actor.id, review.attempt.started_at):
            raise Refused(NO_INSTRUCTOR)
        if self.store.active_attempt(actor.id) is not None:
            raise Refused("You're in a practice call: finish it (/end) first, then ask again.")
        self.verdicts.take_pending_reason(actor.id)  # one message awaited at a time
        self.tables.set_wait(actor.id, ReviewWait(attempt_id, subject.key, self.expires(), request_id=None))
        return Outcome(
            [
                f"Why should your instructor look again at {subject_words(subject)}? Send one message saying why, "
                "e.g. which turn shows it. It goes to your instructor with the call. "
                f"(This lapses in {REASON_MINUTES} minutes.)"
            ]
        )

    def answer_ask(self, actor: User, request_id: int) -> tuple[Outcome, int]:
        """An instructor taps Dismiss: their next message is the reply (the trainee sees it). The call's id."""
        self.access.require(actor, "instructor", "transcript")
        request = self.open_request(actor, request_id)
        if self.store.active_attempt(actor.id) is not None:
            raise Refused("You're in a practice call: finish it (/end) first, then tap Dismiss again.")
        trainee = self.store.user(request.user_id)
        name = plain_name(self.store, request.user_id) if trainee else "The trainee"
        self.verdicts.take_pending_reason(actor.id)
        self.tables.set_wait(actor.id, ReviewWait(request.attempt_id, request.subject, self.expires(), request.id))
        what = self.subject_of(request)
        text = (
            f"Send your reply to {name} as your next message: it keeps {subject_words(what)} as it is and closes "
            f"the request. To change the verdict instead, open the call and override it. "
            f"(This lapses in {REASON_MINUTES} minutes.)"
        )
        return Outcome([text]), request.attempt_id

    def open_request(self, actor: User, request_id: int) -> ReviewRequest:
        """An open request about a call the instructor may see; Refused, saying why, otherwise."""
        request = self.tables.get(request_id)
        if request is None:
            raise Refused("That request is no longer there.")
        self.access.attempt(actor, str(request.attempt_id), "transcript")
        if request.status != OPEN:
            raise Refused(f"That request was already answered ({request.status}): nothing to do.")
        return request

    def cancel(self, actor: User) -> Outcome:
        return cancelled(self.tables.take_wait(actor.id), "nothing was sent")

    def awaits(self, user_id: int) -> bool:
        """A cheap first check for every text: False means it is surely not a reason or a reply (no read)."""
        return self.tables.may_wait(user_id)

    def typed(self, actor: User, text: str) -> Outcome | None:
        """The reason or reply the person was asked for; None when the message is not one (practice goes on)."""
        wait = self.tables.wait(actor.id)
        if wait is None or self.store.active_attempt(actor.id) is not None:
            return None
        if wait.expires < self.store.now():
            self.tables.take_wait(actor.id)
            asked = "reply" if wait.request_id is not None else "review request"
            return Outcome([f"Your {asked} lapsed after {REASON_MINUTES} minutes, so nothing was sent: tap again."])
        words = " ".join(text.split())
        if not words:
            raise Refused("The message can't be empty: send a line saying why, or tap Cancel.")
        if len(words) > REASON_CHARS:
            raise Refused(f"Please keep it under {REASON_CHARS} characters (yours has {len(words)}): send it again.")
        self.tables.take_wait(actor.id)
        if wait.request_id is None:
            return self.send(actor, wait, words)
        return self.dismiss(actor, wait.request_id, words)

    def send(self, actor: User, wait: ReviewWait, reason: str) -> Outcome:
        review, subjects = self.subjects(actor, wait.attempt_id)
        subject = next((s for s in subjects if s.key == wait.subject), None)
        instructors = self.tables.instructors_of(actor.id, review.attempt.started_at)
        if subject is None or not instructors:
            raise Refused(NO_INSTRUCTOR if subject is not None else "That verdict is no longer there: nothing sent.")
        request_id = self.tables.add(wait.attempt_id, actor.id, subject.key, reason)
        if request_id is None:
            raise Refused(f"You already asked for a review of {subject.label} on this call: nothing sent again.")
        when = weekday_time(review.attempt.started_at, self.tz)
        text = (
            f"{named(self.store, actor.id)} asks for a review of {subject_words(subject)} on their call "
            f"\u201c{review.title}\u201d ({when}, call {review.attempt.id}): \u201c{reason}\u201d\n"
            "Open the call to override it, or dismiss it with a reply."
        )
        told = [Notice(i["chat_id"], text, request=(review.attempt.id, request_id)) for i in instructors]
        who = "your instructor" if len(instructors) == 1 else f"your {len(instructors)} instructors"
        what = f"the fact \u201c{subject.label}\u201d" if subject.key.startswith(FACT) else subject.label
        sent = f"Sent to {who}: your request about {what} on \u201c{review.title}\u201d. The answer will come here."
        return Outcome([sent], told)

    def dismiss(self, actor: User, request_id: int, reply: str) -> Outcome:
        request = self.open_request(actor, request_id)
        if not self.tables.close(request, DISMISSED, actor.id, reply):
            raise Refused("That request was answered meanwhile: nothing sent.")
        trainee = self.store.user(request.user_id)
        attempt = self.store.attempt(request.attempt_id)
        what = self.subject_of(request)
        day = weekday_date(local_date(attempt.started_at, self.tz))
        title = self.reviews.calls.title(attempt.scenario_id)
        notice = (
            f"Your instructor looked again at {subject_words(what)} on your \u201c{title}\u201d call of {day}, "
            f"as you asked, and kept it as it was: \u201c{reply}\u201d"
        )
        name = plain_name(self.store, request.user_id) if trainee else "The trainee"
        reply_text = f"Done: {name} is told {subject_words(what)} stays as it is, with your reply."
        return Outcome([reply_text], [Notice(trainee["chat_id"], notice, call=attempt.id)] if trainee else [])

    def subject_of(self, request: ReviewRequest) -> Subject:
        """The verdict a request is about, as the call shows it now."""
        review = self.reviews.of(self.store.attempt(request.attempt_id))
        found = next((s for s in subjects_of(review, []) if s.key == request.subject), None)
        return found or Subject(-1, request.subject, request.subject.removeprefix(FACT), "as graded")

    def open_about(self, attempt_id: int) -> list[ReviewRequest]:
        """The requests still waiting for an answer about a call (for staff who may see it)."""
        return [r for r in self.tables.of_attempt(attempt_id) if r.status == OPEN]

    def answered_by_override(self, actor: User, attempt_id: int, criterion: str, reason: str) -> ReviewRequest | None:
        """An override of a criterion answers the open request about it, if any (audited)."""
        request = self.tables.open_one(attempt_id, criterion)
        if request is None or not self.tables.close(request, "overridden", actor.id, reason):
            return None
        return request

    def expires(self) -> str:
        return (self.store.clock() + timedelta(minutes=REASON_MINUTES)).isoformat(timespec="seconds")


NO_INSTRUCTOR = (
    "No instructor can review this call: you were not in a unit when you made it. "
    "Join yours with /join <code>, and your next calls can be reviewed."
)
