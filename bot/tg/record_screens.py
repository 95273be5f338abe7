"""A trainee's own record in the chat: /history's pages of past calls, one call's scorecard (the total first),
its transcript a page at a time, and asking for a review of one verdict; and the instructor's side of a
review request (dismissing it with a reply)."""

from __future__ import annotations

from bot.clock import local_date, weekday_date, weekday_time
from bot.grading import Verdict
from bot.practice.scorecard import (
    FAILED,
    MET,
    MISSED,
    addressed_lines,
    auto_fail_line,
    capped_note,
    criterion_line,
    quote,
    total_text,
    wrong_information_lines,
)
from bot.storage.review_requests import DISMISSED, OPEN, ReviewRequest
from bot.tg import callbacks as cb
from bot.tg.pages import (
    button,
    columns,
    earlier_later,
    label,
    nav,
    page_marked,
    short_title,
    transcript_page,
)
from bot.tg.screen import Screen, screen
from bot.training.department import Department
from bot.training.own_calls import OwnCall, PassStanding, PastCall
from bot.training.review_requests import FACT, Subject, subjects_of
from bot.training.reviews import Override, Review, StoredVerdict
from bot.transcript import LABELS, User

HISTORY_PER_PAGE = 8
ASKED = "\u23f3"
ANSWERED = "\U0001f4ac"


class RecordScreens:
    def __init__(self, department: Department) -> None:
        self.department, self.tz = department, department.tz

    def history(self, user: User, page: int) -> Screen:
        """A page of the person's finished calls, newest first, a button each."""
        found = self.department.own_calls.page(user, page, HISTORY_PER_PAGE)
        now = [f"You're in \u201c{found.in_call}\u201d now: /end finishes it."] if found.in_call else []
        if not found.calls:
            return screen([" ".join(["No finished calls yet.", *(now or ["Send /practice to start one."])])])
        which = f" (page {found.page + 1} of {found.pages})" if found.pages > 1 else ""
        plural = "s" if found.count != 1 else ""
        lines = [f"Your {found.count} finished call{plural}, newest first{which}. Tap one for its scorecard."]
        if any(c.passed for c in found.calls):
            lines.append(f"{MET} = passed an assignment.")
        if any(c.failed for c in found.calls):
            lines.append(f"{FAILED} = automatic fail.")
        keyboard = tuple((button(self.history_label(c), cb.OwnCall(c.id)),) for c in found.calls)
        return screen(["\n".join(lines + now)], keyboard + nav(found.page, found.pages, cb.History))

    def history_label(self, c: PastCall) -> str:
        """ "✅ Fri 12 Dec · Car break-in · 85/100": passed an assignment; an automatic fail says so first (⛔)."""
        mark = f"{FAILED} " if c.failed else f"{MET} " if c.passed else ""
        day = weekday_date(local_date(c.started_at, self.tz))
        return f"{mark}{day} \u00b7 {short_title(c.scenario_id, c.title, 20)} \u00b7 {c.total}/100"

    def call(self, user: User, attempt_id: int) -> Screen:
        """One of the person's calls: its scorecard, with Transcript, Ask for a review and back to /history."""
        own = self.department.own_calls.call(user, attempt_id)
        keyboard = (
            (
                button("Transcript", cb.OwnTranscript(attempt_id, 0)),
                button("Ask for a review", cb.ReviewPick(attempt_id)),
            ),
            (button("\u25c0 History", cb.History(0)),),
        )
        return screen(["\n".join(self.scorecard(own))], keyboard)

    def scorecard(self, own: OwnCall) -> list[str]:
        """As at the end of the call, from what is stored: the title, the automatic fail and the total first, then
        wrong information, a line per criterion (changed ones say by whom and why), the facts, the requests."""
        review, attempt = own.review, own.review.attempt
        lines = [f"Scorecard: {review.title} ({weekday_time(attempt.started_at, self.tz)})"]
        lines += [auto_fail_line(f, review.turns) for f in attempt.auto_fail]
        failed = bool(attempt.auto_fail)
        capped = "" if failed else capped_note(review.addressed)
        lines.append(f"Total: {total_text(attempt.total, failed)}{capped}{standing_words(own.standing, failed)}")
        if review.addressed is not None:
            lines += wrong_information_lines(review.addressed)
        changed = {o.criterion: o for o in review.overrides}  # the latest change of each
        lines += [stored_line(v, changed.get(v.criterion)) for v in review.verdicts]
        if review.addressed is not None:
            lines += addressed_lines(review.addressed)
        subjects = {s.key: s for s in subjects_of(review, [])}
        lines += [request_line(r, about(subjects.get(r.subject), r)) for r in own.requests]
        return lines

    def transcript(self, user: User, attempt_id: int, page: int) -> Screen:
        """The call's words, one message, or pages split between turns with [◀ Earlier] [Later ▶]."""
        review = self.department.reviews.own(user, attempt_id)
        text, at, pages = paged_transcript(review, page, "You", self.tz)
        back = ((button("\u25c0 Scorecard", cb.OwnCall(attempt_id)),),)
        return screen([text], earlier_later(at, pages, lambda p: cb.OwnTranscript(attempt_id, p)) + back)

    def review_pick(self, user: User, attempt_id: int) -> Screen:
        """Which verdict to ask about: a button each, the criteria by name, the facts by number (listed above)."""
        review, subjects = self.department.review_requests.subjects(user, attempt_id)
        back = ((button("\u25c0 Scorecard", cb.OwnCall(attempt_id)),),)
        if not subjects:
            return screen([f"\u201c{review.title}\u201d has no verdicts to review."], back)
        lines = [
            f"Ask for a review of \u201c{review.title}\u201d: which verdict should your instructor look at again? "
            "Tap it, then send one message saying why."
        ]
        facts = [s for s in subjects if s.key.startswith(FACT)]
        lines += [f"Fact {n}: {s.label} ({s.verdict})" for n, s in enumerate(facts, start=1)]
        if any(s.asked for s in subjects):
            lines.append(f"{ASKED} = you asked already; the answer will come here.")
        numbers = {s.key: n for n, s in enumerate(facts, start=1)}
        picks = [button(subject_label(s, numbers.get(s.key)), cb.ReviewAsk(attempt_id, s.index)) for s in subjects]
        return screen(["\n".join(lines)], columns(picks) + back)

    def review_ask(self, user: User, attempt_id: int, subject: int) -> Screen:
        outcome = self.department.review_requests.ask(user, attempt_id, subject)
        return Screen(outcome, ((button("Cancel", cb.ReviewCancel()),),))

    def review_answer(self, user: User, request_id: int) -> Screen:
        """An instructor taps Dismiss under a request: their next message is the reply."""
        outcome, attempt_id = self.department.review_requests.answer_ask(user, request_id)
        keys = ((button("Cancel", cb.ReviewCancel()), button("Open the call", cb.Transcript(attempt_id))),)
        return Screen(outcome, keys)


def paged_transcript(review: Review, page: int, trainee: str, tz) -> tuple[str, int, int]:
    """A page of the call's words, each turn numbered and named ("Caller", or `trainee`: "You" or their name)."""
    visitor = "Caller" if review.channel == "phone" else "Visitor"
    head = f"Transcript: {review.title} ({weekday_time(review.attempt.started_at, tz)})"
    turns = [f"{n}. {visitor if t.role == 'visitor' else trainee}: {t.text}" for n, t in enumerate(review.turns, 1)]
    if not turns:
        turns = ["(The words of this call were removed after the department's retention period.)"]
    text, at, pages = transcript_page([head], turns, [], page)
    return page_marked(text, at, pages, f"Transcript: {review.title}"), at, pages


def standing_words(standing: PassStanding, failed: bool) -> str:
    """ " — passed", " — not passed (pass mark 80)"; nothing after an automatic fail, which says it all."""
    if failed:
        return ""
    return " \u2014 passed" if standing.passed else f" \u2014 not passed (pass mark {standing.pass_mark})"


def with_standing(card: str, standing: PassStanding) -> str:
    """A scorecard's total line with whether the call passed, as the stored scorecard shows it."""
    lines = card.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("Total: ") and " \u2014 " not in line:
            lines[i] = line + standing_words(standing, "AUTOMATIC FAIL" in line)
            break
    return "\n".join(lines)


def stored_line(v: StoredVerdict, change: Override | None) -> str:
    """A criterion as the scorecard shows it; one an instructor changed says by whom and why."""
    name = LABELS[v.criterion]
    if change is not None and v.applicable:
        why = f": {quote(change.reason)}" if change.reason else ""
        now = f"{MET} {name} \u2014 changed to met" if v.met else f"{MISSED} {name} \u2014 changed to missed"
        return f"{now} by {change.by_name}{why}"
    if v.applicable and v.met and not v.evidence:  # its words purged after the retention period
        return f"{MET} {name}"
    met = v.met if v.applicable else None
    return criterion_line(name, Verdict(met, v.score, v.evidence, v.turn, v.tip, v.applicable))


def request_line(r: ReviewRequest, what: str) -> str:
    if r.status == OPEN:
        return f"{ASKED} You asked for a review of {what}: waiting for your instructor."
    if r.status == DISMISSED:
        reply = f": {quote(r.answer)}" if r.answer else "."
        return f"{ANSWERED} You asked for a review of {what}; your instructor kept it{reply}"
    return f"{ANSWERED} You asked for a review of {what}; your instructor changed it (above)."


def asked_lines(review: Review, asked: list[ReviewRequest]) -> list[str]:
    """Under the call as staff see it: each review the trainee is waiting for, with their reason."""
    subjects = {s.key: s for s in subjects_of(review, [])}
    return [
        f"{ASKED} {review.trainee} asks for a review of {about(subjects.get(r.subject), r)}"
        + (f": {quote(r.reason)}" if r.reason else "")
        for r in asked
    ]


def asked_keys(review: Review, asked: list[ReviewRequest]) -> tuple[tuple[tuple[str, str], ...], ...]:
    """Under the call as staff see it: a Dismiss button for each review the trainee is waiting for."""
    subjects = {s.key: s for s in subjects_of(review, [])}
    name = {r.id: subjects[r.subject].label if r.subject in subjects else "the request" for r in asked}
    return tuple((button(label(f"Dismiss with a reply: {name[r.id]}", 40), cb.ReviewAnswer(r.id)),) for r in asked)


def about(subject: Subject | None, request: ReviewRequest) -> str:
    if subject is None:
        return request.subject.removeprefix(FACT)
    return f"the fact \u201c{subject.label}\u201d" if subject.key.startswith(FACT) else subject.label


def subject_label(s: Subject, number: int | None = None) -> str:
    """ "❌ Empathy", "✅ Fact 2", "⏳ Greeting" (asked already)."""
    mark = ASKED if s.asked else MET if s.verdict in ("met", "given") else MISSED
    return f"{mark} Fact {number}" if number is not None else f"{mark} {s.label}"
