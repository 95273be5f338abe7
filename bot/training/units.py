"""Units: creating one, its join code, who joins it, who instructs it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.units import Unit, UnitTables
from bot.training.access import Access
from bot.training.outcome import Notice, Outcome, Refused, number
from bot.transcript import User

__all__ = ["Unit", "UnitLine", "Units"]

NO_UNITS = "You have no units yet. Create one with /newunit <name>."


@dataclass(frozen=True)
class UnitLine:
    unit: Unit
    members: int


class Units:
    def __init__(self, access: Access, tables: UnitTables) -> None:
        self.access, self.tables = access, tables

    def create(self, actor: User, name: str) -> Unit:
        self.access.require(actor, "instructor", "newunit")
        name = name.strip()
        if not name or len(name) > 80:
            raise Refused("Usage: /newunit <name> (up to 80 characters), e.g. /newunit Day shift desk")
        return self.tables.create(name, actor.id)

    def lines(self, actor: User, archived: bool = False) -> list[UnitLine]:
        """The person's active units (or, `archived`, their archived ones) with their member counts."""
        self.access.require(actor, "instructor", "units")
        units = [u for u in self.access.visible(actor) if u.archived == archived]
        return [UnitLine(u, self.tables.member_count(u.id)) for u in units]

    def revoke(self, actor: User, code: str | None) -> Outcome:
        self.access.require(actor, "instructor", "revoke")
        unit = self.access.unit_by_code(actor, code, "revoke")
        if unit.revoked:
            raise Refused(f"The code of \u201c{unit.name}\u201d is already revoked.")
        self.tables.revoke(unit, actor.id)
        return Outcome([f"Code {unit.code} of \u201c{unit.name}\u201d no longer works. Members stay in the unit."])

    def new_code(self, actor: User, code: str | None) -> tuple[Unit, str]:
        """Replace a unit's code (revoked or not) so it can take members again: (the unit, its new code)."""
        self.access.require(actor, "instructor", "newcode")
        unit = self.access.unit_by_code(actor, code, "newcode")
        return unit, self.tables.new_code(unit, actor.id)

    def add_instructor(self, actor: User, args: list[str]) -> Outcome:
        self.access.require(actor, "instructor", "addinstructor")
        if len(args) != 2:
            raise Refused(
                "Usage: /addinstructor <unit_code> <user_id> (they must be an instructor and have sent /start)"
            )
        unit = self.access.unit_by_code(actor, args[0], "addinstructor")
        target_id = number(args[1], "Usage: /addinstructor <unit_code> <user_id> (a number)")
        target = self.access.store.user(target_id)
        if target is None or self.access.role_of(target_id) == "trainee":
            raise Refused(f"User {target_id} is not an instructor: an admin can /promote them first.")
        if not self.tables.add_instructor(unit, target_id, actor.id):
            raise Refused(f"{target['first_name']} already instructs \u201c{unit.name}\u201d.")
        return Outcome(
            [f"{target['first_name']} ({target_id}) now instructs \u201c{unit.name}\u201d."],
            [Notice(target["chat_id"], f"You're now an instructor of \u201c{unit.name}\u201d. /results shows it.")],
        )
