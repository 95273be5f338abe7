"""The department's rules over one store and one library, built once and shared by every edge.

    department = Department(store, library, admins, tz)
    department.assignments.assign(actor, ["towed-car", code], today)

Each rule checks the caller's role itself (`Access.require`), so an edge cannot forget to. The pass
mark is agency.yaml's (beside the library's scenarios; bot.config.load_pass_mark), unless given.
"""

from __future__ import annotations

from datetime import UTC, tzinfo
from pathlib import Path

from bot.config import DEFAULT_PASS_MARK, Calendar, load_calendar, load_pass_mark
from bot.scenarios.library import Library
from bot.storage.audit import AuditLog
from bot.storage.review_requests import ReviewRequestTables
from bot.storage.store import Store
from bot.storage.units import UnitTables
from bot.storage.verdicts import Verdicts
from bot.training.access import Access
from bot.training.assignments import Assignments
from bot.training.calls import Calls
from bot.training.membership import Membership
from bot.training.notices import Notices
from bot.training.overrides import Overrides
from bot.training.own_calls import OwnCalls
from bot.training.people import People
from bot.training.period_reports import PeriodReports
from bot.training.profiles import Profiles
from bot.training.records import provider_of
from bot.training.reminders import Reminders
from bot.training.reports import Reports
from bot.training.results import Results
from bot.training.review_requests import ReviewRequests
from bot.training.reviews import Reviews
from bot.training.units import Units


class Department:
    def __init__(
        self,
        store: Store,
        library: Library,
        admins: frozenset[int] = frozenset(),
        tz: tzinfo = UTC,
        pass_mark: int | None = None,
        calendar: Calendar | None = None,
    ) -> None:
        self.store, self.library, self.admins, self.tz = store, library, admins, tz
        self.pass_mark = pass_mark if pass_mark is not None else agency_pass_mark(library)
        """The lowest total that passes an assignment without a pass mark of its own."""
        self.calendar = calendar or agency_calendar(library)
        """agency.yaml's dates: late joiners' grace, how dates are typed, the reminder hour."""
        audit, tables, verdicts = AuditLog(store), UnitTables(store), Verdicts(store)
        self.audit = audit
        self.calls = Calls(library)
        self.access = Access(store, admins, tables, audit)
        self.people = People(store, self.access, audit, tz)
        self.units = Units(self.access, tables)
        self.assignments = Assignments(self.access, tables, self.calls, self.pass_mark, self.calendar)
        self.membership = Membership(store, self.access, tables, self.calls, self.pass_mark, self.calendar, tz)
        self.results = Results(self.access, self.pass_mark)
        self.reviews = Reviews(store, self.access, verdicts, self.calls, self.people.names)
        asked = ReviewRequestTables(store)
        self.review_requests = ReviewRequests(store, self.access, asked, self.reviews, verdicts, tz)
        self.own_calls = OwnCalls(store, self.reviews, asked, self.calls, self.pass_mark)
        self.overrides = Overrides(self.reviews, tz, self.review_requests)
        self.notices = Notices(store, self.calls, tz, self.pass_mark, self.calendar)
        self.reminders = Reminders(self.access, tables, audit, self.calls, self.pass_mark, tz)
        self.reports = Reports(self.access, self.calls, self.pass_mark, tz, provider_of(library))
        self.profiles = Profiles(store, self.access, audit)
        self.periods = PeriodReports(self.access, tz, self.pass_mark)


def agency_pass_mark(library: Library) -> int:
    """agency.yaml's pass mark, from the folder of the library's scenarios (the default when it has none)."""
    folders = sorted({Path(s.path).parent for s in library.scenarios.values()})
    return load_pass_mark(folders[0]) if folders else DEFAULT_PASS_MARK


def agency_calendar(library: Library) -> Calendar:
    """agency.yaml's dates (bot.config.load_calendar), from the folder of the library's scenarios."""
    folders = sorted({Path(s.path).parent for s in library.scenarios.values()})
    return load_calendar(folders[0]) if folders else Calendar()
