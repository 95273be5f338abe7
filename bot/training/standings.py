"""Pass marks, and who is behind on each assignment: passed, tried but not passed, not started, overdue.

An assignment is done when it is passed, not merely tried: a finished call made since it was
assigned that totals at least its pass mark (the assignment's own, else agency.yaml's
`pass_mark`, default 80) with no automatic fail and no wrong information, whatever its total.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.config import DEFAULT_PASS_MARK
from bot.storage import standings as reads
from bot.training.names import StaffName, identity, staff_names
from bot.training.outcome import Refused

__all__ = [
    "DEFAULT_PASS_MARK",
    "AssignmentStatus",
    "Trainee",
    "nobody_behind",
    "nothing_assigned",
    "pass_mark_of",
    "passes",
    "statuses",
]

SHOWN_UNITS = 5
"""Archived units named in `nobody_behind` before "and more"."""


def nothing_assigned(where: str = "your units") -> str:
    """Why nobody is behind when nothing is assigned (the chat's /behind and the dashboard say it alike)."""
    return f"Nothing is assigned in {where} yet."


def nobody_behind(archived: Sequence[str], every: bool = True) -> str:
    """Why nobody can be behind in archived units (`every`: all the person's units are): where they are, and how
    to bring one back. The chat's /behind and the dashboard say it alike."""
    names = ", ".join(f"\u201c{n}\u201d" for n in archived[:SHOWN_UNITS])
    names += " and more" if len(archived) > SHOWN_UNITS else ""
    where = f"all your units are archived ({names})" if every else f"{names} is archived"
    again = "Restore one" if every else "Restore it"
    return (
        f"Nobody can be behind: {where}, and archived units have no assignments to chase. {again} to assign calls "
        "and remind people again, or create a new one with /newunit <name>."
    )


def passes(total: int | None, failed: bool, misinformed: bool, pass_mark: int) -> bool:
    """Whether a finished call passes: its total reaches the pass mark, with no automatic fail and no wrong
    information (an automatic fail or wrong information never passes, whatever the total)."""
    return not failed and not misinformed and (total or 0) >= pass_mark


def pass_mark_of(raw: str | int | None) -> int | None:
    """A pass mark typed or chosen for an assignment: a whole number from 1 to 100 ("70" or "70%");
    None when none was given (then agency.yaml's applies). Refused, saying what to type, otherwise."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    text = str(raw).strip().removesuffix("%")
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 100:
        raise Refused(f"\u201c{raw}\u201d is not a pass mark: use a whole number from 1 to 100, e.g. 80.")
    return int(text)


@dataclass(frozen=True)
class Trainee:
    """A member as an assignment sees them: how many finished tries, their best total (None: none yet)."""

    id: int
    name: StaffName
    """As staff read it in this assignment's list (bot.training.names)."""
    chat_id: int
    tries: int
    """Finished calls of the assignment's scenario since it was assigned (or since they joined)."""
    best: int | None
    due: str | None
    """When the assignment is due for them: its own date, or a late joiner's later one (bot.training.dates)."""
    overdue: bool
    """Not passed by the date it is due for them."""


@dataclass(frozen=True)
class AssignmentStatus:
    """Who is where on one assignment of one unit; each group in the order of their names."""

    assignment_id: int
    unit_id: int
    unit_name: str
    scenario_id: str
    due: str | None
    pass_mark: int
    """The mark that applies: the assignment's own, else agency.yaml's."""
    own_mark: bool
    """The assignment sets its own pass mark."""
    passed: tuple[Trainee, ...]
    tried: tuple[Trainee, ...]
    """Tried at least once, not passed."""
    not_started: tuple[Trainee, ...]
    overdue: bool
    """Past its due date."""

    @property
    def behind(self) -> tuple[Trainee, ...]:
        """Everyone who has not passed it: tried first, then not started."""
        return self.tried + self.not_started

    @property
    def late(self) -> tuple[Trainee, ...]:
        """Those who have not passed it by the date it is due for them (a late joiner's own date may be later)."""
        return tuple(t for t in self.behind if t.overdue)

    @property
    def members(self) -> int:
        return len(self.passed) + len(self.behind)

    def member(self, user_id: int) -> Trainee | None:
        return next((t for t in self.passed + self.behind if t.id == user_id), None)


def statuses(
    conn: sqlite3.Connection,
    unit_ids: Sequence[int],
    today: date,
    pass_mark: int = DEFAULT_PASS_MARK,
    assignment_id: int | None = None,
) -> list[AssignmentStatus]:
    """Each assignment of the units (or just one), oldest first, with its members in their groups."""
    found = reads.assignments_in(conn, list(unit_ids))
    if assignment_id is not None:
        found = [a for a in found if a["id"] == assignment_id]
    members: dict[int, list[dict]] = {}
    for row in reads.member_standings(conn, list(unit_ids), pass_mark, assignment_id):
        members.setdefault(row["assignment_id"], []).append(row)
    return [status_of(a, members.get(a["id"], []), today, pass_mark) for a in found]


def status_of(assignment: dict, members: list[dict], today: date, pass_mark: int) -> AssignmentStatus:
    groups: dict[str, list[Trainee]] = {"passed": [], "tried": [], "not_started": []}
    names = staff_names(identity(m, "user_id") for m in members)
    for m in members:
        late = bool(m["due"]) and not m["passed"] and m["due"] < today.isoformat()
        trainee = Trainee(m["user_id"], names[m["user_id"]], m["chat_id"], m["tries"], m["best"], m["due"], late)
        groups["passed" if m["passed"] else "tried" if m["tries"] else "not_started"].append(trainee)
    due = assignment["due"]
    return AssignmentStatus(
        assignment["id"],
        assignment["unit_id"],
        assignment["unit_name"],
        assignment["scenario_id"],
        due,
        assignment["pass_mark"] or pass_mark,
        assignment["pass_mark"] is not None,
        tuple(groups["passed"]),
        tuple(groups["tried"]),
        tuple(groups["not_started"]),
        bool(due) and due < today.isoformat(),
    )
