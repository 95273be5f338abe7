"""The buttons of unit management (a unit's card, its people, rename, archive, leaving) and of a due date tapped
when assigning; bot.tg.callbacks encodes and decodes them with every other button, under "un:" and "as"."""

from __future__ import annotations

from dataclasses import dataclass

from bot.tg.button_shapes import Bare, OnUnit, UnitPage, UnitPerson


@dataclass(frozen=True)
class AssignDue:
    """The due date tapped for a call and a unit: YYYYMMDD, or 0 for no due date."""

    scenario_id: str
    unit_id: int
    due: int


class ManageUnit(OnUnit):
    """A unit's card for its instructors: join code, Share, Members, Rename, Archive (or Restore)."""


class UnitPeople(UnitPage):
    """A unit's members and co-instructors, with a Remove button each; a page of them."""


class RemoveAsk(UnitPerson):
    """Ask before taking someone off one unit: as a member (instructor 0) or as a co-instructor (1)."""


class RemoveDo(UnitPerson):
    """Confirmed: take them off the unit (the permission is checked again)."""


class RenameHow(OnUnit):
    """How to rename a unit: the command to send, its code filled in."""


class RenameDo(OnUnit):
    """Confirmed: rename the unit to the name asked for with /rename."""


class ArchiveAsk(OnUnit): ...


class ArchiveDo(OnUnit): ...


class Restore(OnUnit): ...


class ArchivedUnits(Bare):
    """The caller's archived units, with their results and a way to restore each."""


class LeaveAsk(OnUnit):
    """A trainee asks to leave a unit: confirm first."""


class LeaveDo(OnUnit): ...


class UnitCancel(Bare):
    """Cancel a unit change that was asked (remove, rename, archive, leave): nothing changes."""
