"""The staff screens that are not results: units and join links, role cards, the assign picker,
a trainee's assignments, an attempt's transcript with its override buttons."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.clock import date_hour, due_text
from bot.practice.scorecard import (
    MET,
    MISSED,
    NOT_APPLICABLE,
    addressed_lines,
    auto_fail_line,
    total_text,
    wrong_information_lines,
)
from bot.storage.outbox import Buttons
from bot.tg import callbacks as cb
from bot.tg.pages import button, earlier_later, in_pairs, label, page_marked, paginate, transcript_page
from bot.tg.record_screens import asked_keys, asked_lines
from bot.tg.screen import Screen, screen
from bot.tg.unit_screens import join_link, share_button
from bot.training.assignments import MyAssignment
from bot.training.dates import written
from bot.training.department import Department
from bot.training.names import beside_id
from bot.training.outcome import Offer, Outcome
from bot.training.people import article
from bot.training.reviews import Review, StoredVerdict
from bot.training.units import NO_UNITS
from bot.transcript import LABELS, User


class StaffScreens:
    def __init__(self, department: Department) -> None:
        self.department, self.tz = department, department.tz

    def new_unit(self, actor: User, name: str, bot_username: str) -> Screen:
        unit = self.department.units.create(actor, name)
        link = join_link(bot_username, unit.code)
        return screen(
            [f"Unit \u201c{unit.name}\u201d created. Join code: {unit.code}\nShare this link with its members: {link}"],
            ((share_button(unit, bot_username),), (button("Manage the unit", cb.ManageUnit(unit.id)),)),
        )

    def new_code(self, actor: User, code: str | None, bot_username: str) -> Screen:
        unit, fresh = self.department.units.new_code(actor, code)
        link = join_link(bot_username, fresh)
        return screen(
            [f"New join code for \u201c{unit.name}\u201d: {fresh} (the old one no longer works).\nLink: {link}"],
            ((share_button(replace(unit, code=fresh, revoked=False), bot_username),),),
        )

    def units(self, actor: User) -> Screen:
        """The active units, a row of buttons each (results, report, CSV, manage); a button to the archived ones."""
        lines = self.department.units.lines(actor)
        archived = len(self.department.units.lines(actor, archived=True))
        shelf = ((button(f"Archived units ({archived})", cb.ArchivedUnits()),),) if archived else ()
        if not lines and archived:
            return screen(["No active units: yours are archived (below). /newunit <name> makes one."], shelf)
        if not lines:
            return screen([NO_UNITS])
        texts = [
            f"{u.unit.name}: {u.members} members, code {u.unit.code}{' (revoked)' if u.unit.revoked else ''}"
            for u in lines
        ]
        shown, _, _ = paginate(texts, 0, 30)
        keyboard = tuple(
            (
                button(label(lines[i].unit.name, 28), cb.UnitResults(lines[i].unit.id, 0)),
                button("Report", cb.Report(lines[i].unit.id)),
                button("CSV", cb.Export(lines[i].unit.id)),
                button("Manage", cb.ManageUnit(lines[i].unit.id)),
            )
            for i in shown
        )
        more = f"\n(and {len(lines) - len(shown)} more: /results lists them all)" if len(shown) < len(lines) else ""
        return screen(["Your units:\n" + "\n".join(texts[i] for i in shown) + more], keyboard + shelf)

    def person_card(self, actor: User, target_id: int | None, name: str) -> Screen:
        """An admin forwarded a message from someone: who they are, with a button to change their role."""
        person = self.department.people.person(actor, target_id, name)
        keyboard: Buttons = ()
        if person.role == "trainee":
            keyboard = ((button("Make instructor", cb.Promote(person.id)),),)
        elif person.role == "instructor":
            keyboard = ((button("Make trainee", cb.Demote(person.id)),),)
        return screen([f"{beside_id(person.who)} ({person.id}) is {article(person.role)} {person.role}."], keyboard)

    def erase_ask(self, actor: User, raw_id: str | None) -> Screen:
        """/erase <id>: what goes and what stays, and nothing happens before the tap."""
        person = self.department.people.erasable(actor, raw_id)
        text = (
            f"Erase {beside_id(person.who)} ({person.id}, {person.role}) for good? Their name, username, every word "
            "of their calls, override reasons about them and their dashboard sessions are removed. Their scores "
            "stay, under their number only. This cannot be undone."
        )
        keyboard = ((button("Erase for good", cb.Erase(person.id)), button("Cancel", cb.EraseCancel())),)
        return screen([text], keyboard)

    def assign(self, actor: User, args: list[str], today: date) -> Outcome | Screen:
        """/assign alone: a button per call; with arguments, the assignment."""
        if args:
            return self.department.assignments.assign(actor, args, today)
        self.department.access.require(actor, "instructor", "assign")
        keyboard = tuple((button(label(s.title, 60), cb.AssignCall(s.id)),) for s in self.department.calls.in_order())
        fmt = self.department.calendar.date_format
        return screen(
            [
                f"Which call? (Or type /assign <scenario_id> <unit_code> [{fmt}] [pass mark] to set a date of your "
                f"own or a pass mark, e.g. /assign towed-car CODE {written(date(2026, 12, 1), fmt)} 70.)"
            ],
            keyboard,
        )

    def assign_call(self, actor: User, scenario_id: str) -> Screen:
        """A call tapped: a button per unit."""
        units = self.department.assignments.units_for(actor, scenario_id)
        if not units:
            return screen([NO_UNITS])
        keyboard = tuple((button(label(u.name, 60), cb.AssignToUnit(scenario_id, u.id)),) for u in units[:90])
        title = self.department.calls.title(scenario_id)
        return screen([f"Assign \u201c{title}\u201d to which unit?"], keyboard)

    def my_assignments(self, user: User, today: date) -> Outcome:
        mine = self.department.assignments.mine(user, today)
        if not mine:
            return Outcome(["Nothing is assigned to you. Practise anything with /practice."])
        lines, offers = ["Your assignments:"], []
        for a in mine:
            due = due_text(a.due) + (" (overdue)" if a.overdue else "")
            lines.append(f"{'done' if a.done else 'to do'}: {a.title} ({a.unit_name}), {due}; {standing_of(a)}")
            if not a.done and a.scenario_id not in [o.scenario_id for o in offers]:
                offers.append(Offer(a.scenario_id, a.title))
        shown, _, _ = paginate(lines, 0, 60)
        return Outcome(["\n".join(lines[i] for i in shown)], offers=offers[:50])

    # --- an attempt and its overrides -------------------------------------------------------

    def transcript(self, actor: User, raw_id: str | None, page: int = 0) -> Screen:
        """The call, a page at a time when long (split between turns), with its override buttons on every page."""
        review = self.department.reviews.review(actor, raw_id)
        keyboard: Buttons = ()
        if review.attempt.status == "finished" and review.verdicts:
            keyboard = in_pairs(
                [
                    button(
                        f"{LABELS[v.criterion]}: make {'missed' if v.met else 'met'}",
                        cb.OverrideAsk(review.attempt.id, i),
                    )
                    for i, v in enumerate(review.verdicts)
                    if v.applicable
                ]
            )
        keyboard += asked_keys(review, self.department.review_requests.open_about(review.attempt.id))
        head, turns, tail = self.transcript_parts(review)
        text, at, pages = transcript_page(head, turns, tail, page)
        text = page_marked(text, at, pages, f"Attempt {review.attempt.id}: {review.title}")
        return screen([text], keyboard + earlier_later(at, pages, lambda p: cb.TranscriptPage(review.attempt.id, p)))

    def transcript_lines(self, review: Review) -> list[str]:
        head, turns, tail = self.transcript_parts(review)
        return head + turns + tail

    def transcript_parts(self, review: Review) -> tuple[list[str], list[str], list[str]]:
        """(head, turns, tail): a page break falls only between turns."""
        attempt, turns = review.attempt, review.turns
        speaker = {"visitor": "Visitor", "trainee": review.trainee}
        total = total_text(attempt.total, bool(attempt.auto_fail)) if attempt.status == "finished" else "in progress"
        when = date_hour(attempt.started_at, self.tz)
        lines = [f"Attempt {attempt.id}: {review.title} ({review.trainee}, {when}), total {total}"]
        lines += [auto_fail_line(f, turns) for f in attempt.auto_fail]
        if review.addressed is not None:
            lines += wrong_information_lines(review.addressed)
        said = [f"{n}. {speaker[t.role]}: {t.text}" for n, t in enumerate(turns, start=1)]
        tail = [verdict_line(v) for v in review.verdicts]
        if review.addressed is not None:
            tail += addressed_lines(review.addressed)
        tail += [
            f"Override: {LABELS.get(o.criterion, o.criterion)} {'met' if o.met else 'missed'} "
            f"by {o.by_name}: {o.reason}"
            for o in review.overrides
        ]
        tail += asked_lines(review, self.department.review_requests.open_about(review.attempt.id))
        return lines, said, tail

    def override_ask(self, actor: User, attempt_id: int, index: int) -> Screen:
        """The first tap on an override button: confirm which way it changes."""
        o = self.department.overrides.overridable(actor, attempt_id, index)
        text = (
            f"Change {LABELS[o.criterion]} from {'missed' if o.met else 'met'} to {'met' if o.met else 'missed'} "
            f"on {o.trainee}'s call \u201c{o.title}\u201d ({date_hour(o.attempt.started_at, self.tz)})?"
        )
        keyboard = (
            (
                button("Yes, change it", cb.OverrideTo(o.attempt.id, index, int(o.met))),
                button("Cancel", cb.OverrideCancel()),
            ),
        )
        return screen([text], keyboard)

    def override_confirm(self, actor: User, attempt_id: int, index: int, met: bool | None = None) -> Screen:
        """Confirmed: the next text this instructor sends is the reason (`met`: the change they were shown)."""
        outcome = self.department.overrides.ask_reason(actor, attempt_id, index, met)
        return Screen(outcome, ((button("Cancel", cb.OverrideCancel()),),))


def standing_of(a: MyAssignment) -> str:
    """ "passed", "best 62/100, passes at 80", or "passes at 80/100" (not tried yet)."""
    if a.done:
        return "passed"
    return f"best {a.best}/100, passes at {a.pass_mark}" if a.tries else f"passes at {a.pass_mark}/100"


def verdict_line(v: StoredVerdict) -> str:
    """One stored verdict, as on the scorecard: mark, label, the trainee's words."""
    name = LABELS[v.criterion]
    if not v.applicable:
        return f"{NOT_APPLICABLE} {name} \u2014 n/a"
    evidence = f" \u2014 \u201c{v.evidence}\u201d (turn {v.turn})" if v.evidence else ""
    partly = ", partly" if not v.met and v.score > 0 else ""
    return f"{MET if v.met else MISSED} {name}{partly}{evidence}"
