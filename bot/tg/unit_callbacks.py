"""The buttons of unit management (a unit's card, its people, rename, archive, leaving) and of a due date tapped
when assigning; bot.tg.callbacks encodes and decodes them with every other button, under "un:" and "as"."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AssignDue:
    """The due date tapped for a call and a unit: YYYYMMDD, or 0 for no due date."""

    scenario_id: str
    unit_id: int
    due: int


@dataclass(frozen=True)
class ManageUnit:
    """A unit's card for its instructors: join code, Share, Members, Rename, Archive (or Restore)."""

    unit_id: int


@dataclass(frozen=True)
class UnitPeople:
    """A unit's members and co-instructors, with a Remove button each; a page of them."""

    unit_id: int
    page: int


@dataclass(frozen=True)
class RemoveAsk:
    """Ask before taking someone off one unit: as a member (instructor 0) or as a co-instructor (1)."""

    unit_id: int
    user_id: int
    instructor: int


@dataclass(frozen=True)
class RemoveDo:
    """Confirmed: take them off the unit (the permission is checked again)."""

    unit_id: int
    user_id: int
    instructor: int


@dataclass(frozen=True)
class RenameHow:
    """How to rename a unit: the command to send, its code filled in."""

    unit_id: int


@dataclass(frozen=True)
class RenameDo:
    """Confirmed: rename the unit to the name asked for with /rename."""

    unit_id: int


@dataclass(frozen=True)
class ArchiveAsk:
    unit_id: int


@dataclass(frozen=True)
class ArchiveDo:
    unit_id: int


@dataclass(frozen=True)
class Restore:
    unit_id: int


@dataclass(frozen=True)
class ArchivedUnits:
    """The caller's archived units, with their results and a way to restore each."""


@dataclass(frozen=True)
class LeaveAsk:
    """A trainee asks to leave a unit: confirm first."""

    unit_id: int


@dataclass(frozen=True)
class LeaveDo:
    unit_id: int


@dataclass(frozen=True)
class UnitCancel:
    """Cancel a unit change that was asked (remove, rename, archive, leave): nothing changes."""
