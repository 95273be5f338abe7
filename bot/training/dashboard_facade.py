"""TEMPORARY: the dashboard's old way into the rules, until bot/web is switched (issue 18, point 3).

The dashboard (bot.web) still calls a `Staff` object, some of it private, and reads rows as
dicts. This facade keeps exactly those calls working by delegating to the rules in
`bot.training.department`; it holds no rule of its own. When the dashboard calls
`Department` directly, delete this module, `bot/training/staff.py` and
`bot/training/staff_queries.py`, and drop their exemptions in tests/test_architecture.py.

The web calls it serves, and what each becomes:

    Staff(store, library, admins, tz)        -> Department(store, library, admins, tz)
    staff.store / .library / .tz             -> department.store / .library / .tz
    staff.role_of(user_id)                   -> department.access.role_of
    staff.require(actor, role, command)      -> department.access.require
    staff.dashboard_units(actor)             -> department.access.require + .access.visible
    staff.dashboard_unit(actor, unit_id)     -> department.results.unit (checked as "dashboard")
    staff.dashboard_attempt(actor, id)       -> department.access.attempt (checked as "transcript")
    staff.override_verdict(...)              -> department.overrides.by_form
    staff.assign_to_unit(...)                -> department.assignments.assign_by_form
    staff.unassign(actor, unit_id, sid)      -> department.assignments.unassign
    staff.audit_entries(...)                 -> department.people.audit_page (typed AuditEntry)
    staff.export_scope(...) / .exported(...) -> department.reports.export_scope / .exported
    staff._title(sid)                        -> department.calls.title
    staff._scenarios()                       -> department.calls.in_order
    staff._addressed(sid, stored)            -> department.reviews.addressed
    staff.units.audit(actor, action, detail) -> department.audit.write
    staff.units.audit_actions()              -> department.audit.actions
    staff.units.results_of(attempt_id)       -> department.reviews.review(...).verdicts
    staff.units.overridden(attempt_id)       -> department.reviews.review(...).overrides
    staff.units.names(user_ids)              -> department.people.names
    staff.units.assignment(unit_id, sid)     -> bot.storage.units.UnitTables.assignment
    bot.training.staff.Outcome / Refused     -> bot.training.outcome.Outcome / Refused
    bot.training.staff.assignment_standing   -> bot.training.results.standing (typed)
    bot.training.staff_queries.*             -> bot.training.results (typed) / bot.storage.staff_reads

Notices reach the web as `WebNotice`s with Telegram buttons because the dashboard writes them to
the outbox itself; the start button is the one `bot.tg.callbacks` encodes (pinned by a test).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, date, tzinfo

from bot.grading import Addressed
from bot.scenarios.format import Scenario
from bot.scenarios.library import Library
from bot.storage.outbox import Buttons
from bot.storage.store import AttemptRow, Store
from bot.storage.units import Unit, UnitTables
from bot.storage.verdicts import Verdicts
from bot.training.department import Department
from bot.training.outcome import Notice, Outcome, Refused
from bot.training.results import detail_of, standing
from bot.transcript import User

__all__ = ["Refused", "Staff", "WebNotice", "WebOutcome", "assignment_standing", "start_button"]


def start_button(scenario_id: str, title: str) -> Buttons:
    """The "Start: <call>" button under a notice (mirrors bot.tg.callbacks.Practice; see the module doc)."""
    label = title if len(title) <= 50 else title[:49] + "\u2026"
    return ((("Start: " + label, f"practice:{scenario_id}"),),)


@dataclass(frozen=True)
class WebNotice:
    chat_id: int
    text: str
    buttons: Buttons = ()


@dataclass(frozen=True)
class WebOutcome:
    replies: list[str]
    notices: list[WebNotice] = field(default_factory=list)


def for_web(outcome: Outcome) -> WebOutcome:
    def notice(n: Notice) -> WebNotice:
        return WebNotice(n.chat_id, n.text, start_button(n.offer.scenario_id, n.offer.title) if n.offer else ())

    return WebOutcome(outcome.replies, [notice(n) for n in outcome.notices])


def assignment_standing(detail: dict, today: date) -> list[dict]:
    """Each of a member's unit assignments (rows of `staff_queries.member_detail`) with "latest",
    "best" and "overdue" added, as the dashboard reads them."""
    member = detail_of(detail)
    typed = standing(member.assigned, member.attempts, today)
    return [
        {**a, "latest": s.latest, "best": s.best, "overdue": s.overdue}
        for a, s in zip(detail["assignments"], typed, strict=True)
    ]


class WebUnits:
    """`staff.units.*` as the dashboard calls it."""

    def __init__(self, department: Department) -> None:
        self.department = department
        self.tables, self.verdicts = UnitTables(department.store), Verdicts(department.store)

    def audit(self, actor: int, action: str, detail: str) -> None:
        self.department.audit.write(actor, action, detail)

    def audit_actions(self) -> list[str]:
        return self.department.audit.actions()

    def results_of(self, attempt_id: int) -> dict[str, dict]:
        return self.verdicts.results_of(attempt_id)

    def overridden(self, attempt_id: int) -> list[dict]:
        return self.verdicts.overridden(attempt_id)

    def names(self, user_ids: set[int]) -> dict[int, str]:
        return self.department.people.names(user_ids)

    def assignment(self, unit_id: int, scenario_id: str) -> dict | None:
        return self.tables.assignment(unit_id, scenario_id)


class Staff:
    def __init__(self, store: Store, library: Library, admins: frozenset[int] = frozenset(), tz: tzinfo = UTC) -> None:
        self.department = Department(store, library, admins, tz)
        self.store, self.library, self.admins, self.tz = store, library, admins, tz
        self.units = WebUnits(self.department)

    def role_of(self, user_id: int) -> str:
        return self.department.access.role_of(user_id)

    def require(self, actor: User, role: str, command: str) -> None:
        self.department.access.require(actor, role, command)

    def dashboard_units(self, actor: User) -> list[Unit]:
        """The units /results shows this person; Refused unless instructor or admin."""
        self.require(actor, "instructor", "dashboard")
        return self.department.access.visible(actor)

    def dashboard_unit(self, actor: User, unit_id: int) -> Unit:
        self.require(actor, "instructor", "dashboard")
        return self.department.access.unit_by_id(actor, unit_id)

    def dashboard_attempt(self, actor: User, attempt_id: int) -> AttemptRow:
        """An attempt this person may see (as /transcript checks it)."""
        self.require(actor, "instructor", "transcript")
        return self.department.access.attempt(actor, str(attempt_id), "transcript")

    def override_verdict(self, actor: User, attempt_id: int, criterion: str, met: bool, reason: str) -> WebOutcome:
        return for_web(self.department.overrides.by_form(actor, attempt_id, criterion, met, reason))

    def assign_to_unit(self, actor: User, unit_id: int, scenario_id: str, due: str | None, today: date) -> WebOutcome:
        return for_web(self.department.assignments.assign_by_form(actor, unit_id, scenario_id, due, today))

    def unassign(self, actor: User, unit_id: int, scenario_id: str) -> WebOutcome:
        return for_web(self.department.assignments.unassign(actor, unit_id, scenario_id))

    def audit_entries(
        self, actor: User, page: int, per_page: int = 50, action: str = "", who: int | None = None
    ) -> tuple[list[dict], dict[int, str], bool]:
        audit = self.department.people.audit_page(actor, page, per_page, action, who)
        return [asdict(e) for e in audit.entries], audit.names, audit.more

    def export_scope(self, actor: User, code: str | None, unit_id: int | None = None) -> tuple[list[int], str]:
        return self.department.reports.export_scope(actor, code, unit_id)

    def exported(self, actor: User, ids: list[int], count: int) -> None:
        self.department.reports.exported(actor, ids, count)

    def _title(self, scenario_id: str) -> str:
        return self.department.calls.title(scenario_id)

    def _scenarios(self) -> list[Scenario]:
        return self.department.calls.in_order()

    def _addressed(self, scenario_id: str, stored: dict) -> Addressed:
        return self.department.reviews.addressed(scenario_id, stored)
