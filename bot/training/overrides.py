"""Overriding a verdict: by command, by taps (then the reason as the next message), or by form.

Each way runs the same checks and makes the same audited change, and the trainee is told
the new verdict, the reason and their new total.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta, tzinfo

from bot.clock import local_date, weekday_date
from bot.practice.scorecard import total_text
from bot.storage.store import AttemptRow
from bot.storage.verdicts import PendingReason
from bot.training.names import plain_name
from bot.training.outcome import Notice, Outcome, Refused, cancelled
from bot.training.review_requests import ReviewRequests
from bot.training.reviews import Reviews
from bot.transcript import CRITERIA, LABELS, User

REASON_MINUTES = 15


@dataclass(frozen=True)
class Overridable:
    """A finished attempt's criterion that applies, and the verdict an override would give it."""

    attempt: AttemptRow
    index: int
    """The criterion's place in CRITERIA."""
    criterion: str
    met: bool
    trainee: str
    title: str


class Overrides:
    def __init__(self, reviews: Reviews, tz: tzinfo, requests: ReviewRequests | None = None) -> None:
        """Works on the attempts `reviews` shows, with its store, access checks, verdicts and calls."""
        self.store, self.access, self.tz = reviews.store, reviews.access, tz
        self.verdicts, self.calls = reviews.verdicts, reviews.calls
        self.requests = requests
        """Trainees' review requests: an override of a criterion answers the open one about it."""

    def overridable(self, actor: User, attempt_id: int, index: int) -> Overridable:
        self.access.require(actor, "instructor", "override")
        attempt = self.access.attempt(actor, str(attempt_id), "override")
        if not 0 <= index < len(CRITERIA):
            raise Refused("That button is no longer in use.")
        criterion = CRITERIA[index]
        if attempt.status != "finished":
            raise Refused(f"Attempt {attempt.id} is not finished yet.")
        result = self.verdicts.results_of(attempt.id).get(criterion)
        title = self.calls.title(attempt.scenario_id)
        if result is None or not result["applicable"]:
            raise Refused(f"{LABELS[criterion]} does not apply in \u201c{title}\u201d.")
        who = plain_name(self.store, attempt.user_id)
        return Overridable(attempt, index, criterion, not result["met"], who, title)

    def ask_reason(self, actor: User, attempt_id: int, index: int, met: bool | None = None) -> Outcome:
        """Confirmed by taps: the next text this instructor sends is the reason (stored, so it survives a restart).
        `met`: the change the instructor was shown; refused when the verdict was changed to it meanwhile."""
        o = self.overridable(actor, attempt_id, index)
        if met is not None and o.met != met:
            raise Refused(already(o.criterion, met, o.attempt.id))
        if self.store.active_attempt(actor.id) is not None:
            raise Refused("You're in a practice call: finish it (/end) first, then tap the override again.")
        expires = (self.store.clock() + timedelta(minutes=REASON_MINUTES)).isoformat(timespec="seconds")
        if self.requests is not None:  # one message awaited at a time: a reply to a review request lapses
            self.requests.tables.take_wait(actor.id)
        self.verdicts.set_pending_reason(actor.id, PendingReason(o.attempt.id, o.criterion, o.met, expires))
        return Outcome(
            [
                f"Send the reason for making {LABELS[o.criterion]} {'met' if o.met else 'missed'} as your next "
                f"message: {o.trainee} will see it. (It lapses in {REASON_MINUTES} minutes.)"
            ]
        )

    def cancel(self, actor: User) -> Outcome:
        return cancelled(self.verdicts.take_pending_reason(actor.id), "nothing changed")

    def awaits_reason(self, user_id: int) -> bool:
        """A cheap first check for every text: False means it is surely not a reason (no read)."""
        return self.verdicts.may_await_reason(user_id)

    def pending_reason(self, actor: User, text: str) -> Outcome | None:
        """The reason an instructor was asked for, or None: the message is not one (practice goes on).

        Only staff, never during their own practice call, and only before it lapses."""
        pending = self.verdicts.pending_reason(actor.id)
        if pending is None or self.store.active_attempt(actor.id) is not None:
            return None
        self.verdicts.take_pending_reason(actor.id)
        if pending.expires < self.store.now() or self.access.role_of(actor.id) == "trainee":
            return None
        reason = text.strip()
        if not reason:
            raise Refused("The reason can't be empty: tap the override again.")
        attempt = self.access.attempt(actor, str(pending.attempt_id), "override")
        return self.apply(actor, attempt, pending.criterion, pending.met, reason)

    def by_command(self, actor: User, args: list[str]) -> Outcome:
        """/override <attempt_id> <criterion> met|missed <reason>."""
        self.access.require(actor, "instructor", "override")
        usage = "Usage: /override <attempt_id> <criterion> met|missed <reason>"
        if len(args) < 4:
            raise Refused(usage + f" (criteria: {', '.join(CRITERIA)})")
        attempt = self.access.attempt(actor, args[0], "override")
        if args[1] not in CRITERIA:
            raise Refused(f"Unknown criterion \u201c{args[1]}\u201d: use one of {', '.join(CRITERIA)}.")
        if args[2] not in ("met", "missed"):
            raise Refused(usage)
        return self.apply(actor, attempt, args[1], args[2] == "met", " ".join(args[3:]))

    def by_form(self, actor: User, attempt_id: int, criterion: str, met: bool, reason: str) -> Outcome:
        """The same checks, the same audited change, the same notice to the trainee."""
        self.access.require(actor, "instructor", "override")
        attempt = self.access.attempt(actor, str(attempt_id), "override")
        if criterion not in CRITERIA:
            raise Refused(f"Unknown criterion \u201c{criterion}\u201d: use one of {', '.join(CRITERIA)}.")
        reason = reason.strip()
        if not reason:
            raise Refused("The reason can't be empty: the trainee is told why.")
        return self.apply(actor, attempt, criterion, met, reason)

    def apply(self, actor: User, attempt: AttemptRow, criterion: str, met: bool, reason: str) -> Outcome:
        if attempt.status != "finished":
            raise Refused(f"Attempt {attempt.id} is not finished yet.")
        title = self.calls.title(attempt.scenario_id)
        if not self.verdicts.results_of(attempt.id)[criterion]["applicable"]:
            raise Refused(f"{LABELS[criterion]} does not apply in \u201c{title}\u201d: nothing to override.")
        if bool(self.verdicts.results_of(attempt.id)[criterion]["met"]) == met:
            raise Refused(already(criterion, met, attempt.id))  # changed meanwhile (chat and dashboard)
        verdict = "met" if met else "missed"
        total = total_text(
            self.verdicts.override(attempt.id, criterion, met, reason, actor.id), bool(attempt.auto_fail)
        )
        trainee = self.store.user(attempt.user_id)
        day = weekday_date(local_date(attempt.started_at, self.tz))
        asked = self.requests.answered_by_override(actor, attempt.id, criterion, reason) if self.requests else None
        notice = (
            f"Your instructor reviewed your \u201c{title}\u201d call of {day}{', as you asked,' if asked else ''} "
            f"and marked {LABELS[criterion]} as {verdict}. Reason: {reason.rstrip('.')}. "
            f"Your new total for that call is {total}."
        )
        reply = f"{LABELS[criterion]} on attempt {attempt.id} ({title}) is now {verdict}; new total {total}. " + (
            "The trainee's review request is answered and they have been told."
            if asked
            else "The trainee has been told."
        )
        return Outcome([reply], [Notice(trainee["chat_id"], notice, call=attempt.id)])


def already(criterion: str, met: bool, attempt_id: int) -> str:
    return (
        f"{LABELS[criterion]} on attempt {attempt_id} is already {'met' if met else 'missed'} "
        "(changed since you were asked): nothing changed."
    )
