"""How units and their members are doing: typed read models over the aggregate reads.

The reads run on a read-only connection off the event loop (see `Deferred`), so each
function here takes the connection and returns values, never rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, tzinfo

from bot.storage import staff_reads as reads
from bot.storage.attempt_reads import units_of_member
from bot.storage.units import Unit
from bot.training.access import Access
from bot.training.names import StaffName, beside_id, identity, staff_names
from bot.training.standings import DEFAULT_PASS_MARK, passes
from bot.transcript import CRITERIA, User


@dataclass(frozen=True)
class AssignmentProgress:
    scenario_id: str
    due: str | None
    members: int
    done: int
    """Members who passed it."""
    overdue: int
    """Members who have not passed it past its due date."""
    tried: int = 0
    """Members who tried it without passing."""
    pass_mark: int | None = None
    """The assignment's own pass mark; None: agency.yaml's."""
    id: int = 0


@dataclass(frozen=True)
class UnitOverview:
    members: int
    attempts: int
    """Finished attempts made since each member joined."""
    average: float | None
    failed: int
    rates: dict[str, float]
    """Percentage met, per criterion that applied at least once."""
    assignments: list[AssignmentProgress]


@dataclass(frozen=True)
class MemberLine:
    """A member in their unit's list: named as staff read them there (told apart from the others), their finished
    calls since joining, their average and how many assignments they have overdue."""

    id: int
    name: StaffName
    attempts: int
    average: float | None
    overdue: int


@dataclass(frozen=True)
class FinishedAttempt:
    id: int
    scenario_id: str
    started_at: str
    finished_at: str | None
    total: int
    failed: bool
    """An automatic fail."""
    met: dict[str, bool] = field(default_factory=dict)
    """The verdict of each criterion that applied (met or missed), as first graded."""
    misinformed: bool = False
    """It told the person something wrong (a wrong fact or other wrong information): it never passes."""


@dataclass(frozen=True)
class Assigned:
    scenario_id: str
    due: str | None
    assigned_at: str
    pass_mark: int | None = None
    """The assignment's own pass mark; None: agency.yaml's."""


@dataclass(frozen=True)
class Standing:
    """A member's standing on one assignment: (total, automatic fail) of the latest and the best
    finished attempt since it was assigned (None when not tried), whether one passed, and whether
    it is overdue (not passed by its due date)."""

    scenario_id: str
    due: str | None
    latest: tuple[int, bool] | None
    best: tuple[int, bool] | None
    overdue: bool
    passed: bool
    pass_mark: int
    """The mark that applies: the assignment's own, else agency.yaml's."""


@dataclass(frozen=True)
class MemberDetail:
    id: int
    name: StaffName
    """Full name and badge, else first name: their page shows their user id and @username beside it."""
    username: str | None
    attempts: list[FinishedAttempt]
    """Finished since joining, newest first."""
    assigned: list[Assigned]
    joined_at: str = ""


@dataclass(frozen=True)
class Week:
    """A unit's week in local time: its Monday, its finished calls and their average total (None when none)."""

    monday: str
    attempts: int
    average: float | None


def failed(auto_fail: str | None) -> bool:
    return auto_fail not in (None, "[]")


def best_first(score: tuple[int, bool]) -> tuple[bool, int]:
    """An attempt without an automatic fail beats any with one; then the higher total."""
    return (not score[1], score[0])


def standing(
    assigned: Sequence[Assigned], attempts: Sequence[FinishedAttempt], today: date, pass_mark: int = DEFAULT_PASS_MARK
) -> list[Standing]:
    """Each assignment of a member: latest and best since it was assigned, passed or not (`pass_mark`:
    agency.yaml's, for an assignment without its own)."""
    out = []
    for a in assigned:
        mark = a.pass_mark if a.pass_mark is not None else pass_mark
        mine = [t for t in attempts if t.scenario_id == a.scenario_id and t.started_at >= a.assigned_at]
        scores = [(t.total, t.failed) for t in mine]
        passed = any(passes(t.total, t.failed, t.misinformed, mark) for t in mine)
        overdue = not passed and bool(a.due) and a.due < today.isoformat()
        best = max(scores, key=best_first) if scores else None
        out.append(Standing(a.scenario_id, a.due, scores[0] if scores else None, best, overdue, passed, mark))
    return out


def overview(
    conn: sqlite3.Connection, unit_ids: Sequence[int], today: date, pass_mark: int = DEFAULT_PASS_MARK
) -> dict[int, UnitOverview]:
    found = reads.unit_overview(conn, list(unit_ids), today.isoformat(), pass_mark)
    return {u: _overview(o) for u, o in found.items()}


def _overview(o: dict) -> UnitOverview:
    progress = [
        AssignmentProgress(
            a["scenario_id"], a["due"], a["members"], a["done"], a["overdue"], a["tried"], a["pass_mark"], a["id"]
        )
        for a in o["assignments"]
    ]
    return UnitOverview(o["members"], o["attempts"], o["average"], o["failed"], o["rates"], progress)


def members(
    conn: sqlite3.Connection, unit_id: int, today: date, pass_mark: int = DEFAULT_PASS_MARK
) -> list[MemberLine]:
    found = reads.members_of_unit(conn, unit_id, today.isoformat(), pass_mark)
    names = staff_names(identity(m) for m in found)
    return [MemberLine(m["id"], names[m["id"]], m["attempts"], m["average"], m["overdue"]) for m in found]


def member_detail(conn: sqlite3.Connection, unit_id: int, user_id: int) -> MemberDetail | None:
    d = reads.member_detail(conn, unit_id, user_id)
    return None if d is None else detail_of(d)


def detail_of(d: dict) -> MemberDetail:
    attempts = [
        FinishedAttempt(
            t["id"],
            t["scenario_id"],
            t["started_at"],
            t["finished_at"],
            t["total"] or 0,
            failed(t["auto_fail"]),
            {c: bool(t[f"v_{c}"]) for c in CRITERIA if t.get(f"v_{c}") is not None},
            bool(t.get("misinformed")),
        )
        for t in d["attempts"]
    ]
    assigned = [Assigned(a["scenario_id"], a["due"], a["assigned_at"], a.get("pass_mark")) for a in d["assignments"]]
    name = beside_id(identity(d))  # its page shows the user id and @username beside it
    return MemberDetail(d["id"], name, d["username"], attempts, assigned, d.get("joined_at", ""))


def weekly(
    conn: sqlite3.Connection, unit_ids: Sequence[int], today: date, weeks: int, tz: tzinfo = UTC
) -> dict[int, list[Week]]:
    """Per unit, its last `weeks` weeks, oldest first, empty weeks included (see staff_reads.unit_weekly)."""
    found = reads.unit_weekly(conn, list(unit_ids), today, weeks, tz)
    return {u: [Week(w["week"], w["attempts"], w["average"]) for w in ws] for u, ws in found.items()}


def units_by_ids(conn: sqlite3.Connection, unit_ids: Sequence[int]) -> list[Unit]:
    return reads.units_by_ids(conn, unit_ids)


class Results:
    """Who may see which results: the checks before any read."""

    def __init__(self, access: Access, pass_mark: int = DEFAULT_PASS_MARK) -> None:
        self.access = access
        self.pass_mark = pass_mark
        """agency.yaml's pass mark, for the reads above (an assignment may set its own)."""

    def units(self, actor: User, command: str = "results") -> list[Unit]:
        """The units this person sees results of; Refused (naming `command`) unless instructor or admin."""
        self.access.require(actor, "instructor", command)
        return self.access.visible(actor)

    def active(self, actor: User, command: str = "results") -> list[Unit]:
        """The units this person sees results of that are not archived: the ones overviews list."""
        return [u for u in self.units(actor, command) if not u.archived]

    def unit(self, actor: User, unit_id: int, command: str = "results") -> Unit:
        self.access.require(actor, "instructor", command)
        return self.access.unit_by_id(actor, unit_id)

    def units_of_member(self, actor: User, user_id: int, command: str = "results") -> list[Unit]:
        """The units this person sees that `user_id` is a member of (the way back from their attempt)."""
        member_of = units_of_member(self.access.store.db, user_id)
        return [u for u in self.units(actor, command) if u.id in member_of]

    def unit_by_code(self, actor: User, code: str) -> Unit:
        self.access.require(actor, "instructor", "results")
        return self.access.unit_by_code(actor, code, "results")
