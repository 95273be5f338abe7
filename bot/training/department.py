"""The department's rules over one store and one library, built once and shared by every edge.

    department = Department(store, library, admins, tz)
    department.assignments.assign(actor, ["towed-car", code], today)

Each rule checks the caller's role itself (`Access.require`), so an edge cannot forget to.
"""

from __future__ import annotations

from datetime import UTC, tzinfo

from bot.scenarios.library import Library
from bot.storage.audit import AuditLog
from bot.storage.store import Store
from bot.storage.units import UnitTables
from bot.storage.verdicts import Verdicts
from bot.training.access import Access
from bot.training.assignments import Assignments
from bot.training.calls import Calls
from bot.training.notices import Notices
from bot.training.overrides import Overrides
from bot.training.people import People
from bot.training.reports import Reports
from bot.training.results import Results
from bot.training.reviews import Reviews
from bot.training.units import Units


class Department:
    def __init__(self, store: Store, library: Library, admins: frozenset[int] = frozenset(), tz: tzinfo = UTC) -> None:
        self.store, self.library, self.admins, self.tz = store, library, admins, tz
        audit, tables, verdicts = AuditLog(store), UnitTables(store), Verdicts(store)
        self.audit = audit
        self.calls = Calls(library)
        self.access = Access(store, admins, tables, audit)
        self.people = People(store, self.access, audit, tz)
        self.units = Units(self.access, tables)
        self.assignments = Assignments(self.access, tables, self.calls)
        self.results = Results(self.access)
        self.reviews = Reviews(store, self.access, verdicts, self.calls, self.people.names)
        self.overrides = Overrides(store, self.access, verdicts, self.calls, tz)
        self.notices = Notices(store, self.calls, tz)
        self.reports = Reports(self.access)
