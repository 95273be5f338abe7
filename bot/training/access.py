"""Who may do what: roles, the units a person instructs, the attempts they may see.

Every rule checks the caller's role here, on the server, whichever edge the request came from;
a refusal is audited and answered with one line a person can act on.
"""

from __future__ import annotations

import logging

from bot.storage.audit import AuditLog
from bot.storage.store import AttemptRow, Store
from bot.storage.units import Unit, UnitTables, code_forms
from bot.training.outcome import Refused, number
from bot.transcript import User

log = logging.getLogger(__name__)

ROLES = ("trainee", "instructor", "admin")


class Access:
    def __init__(self, store: Store, admins: frozenset[int], units: UnitTables, audit: AuditLog) -> None:
        self.store, self.admins, self.units, self.audit = store, admins, units, audit

    def role_of(self, user_id: int) -> str:
        """DESKDRILL_ADMINS alone makes admins; a stored admin role without it counts as trainee."""
        if user_id in self.admins:
            return "admin"
        user = self.store.user(user_id)
        role = user["role"] if user else "trainee"
        return "trainee" if role == "admin" else role

    def require(self, actor: User, role: str, command: str) -> None:
        if ROLES.index(self.role_of(actor.id)) < ROLES.index(role):
            log.warning("refused /%s for user %s (needs %s)", command, actor.id, role)
            self.audit.write(actor.id, "refused", f"/{command} needs {role}")
            raise Refused(f"/{command} needs the {role} role.")

    def visible(self, actor: User) -> list[Unit]:
        """All units for an admin; an instructor's own units otherwise."""
        return self.units.visible(actor.id, admin=self.role_of(actor.id) == "admin")

    def active(self, actor: User) -> list[Unit]:
        """The units the person sees that are not archived: the ones lists offer."""
        return [u for u in self.visible(actor) if not u.archived]

    def unit_by_code(self, actor: User, code: str | None, command: str) -> Unit:
        """One of the person's units by its join code, typed in any case, with or without its dashes."""
        if not code:
            raise Refused(f"Usage: /{command} <unit_code> (see /units for your codes)")
        forms = code_forms(code)
        unit = next((u for u in self.visible(actor) if u.code in forms), None)
        if unit is None:
            raise Refused(f"No unit with code {code} among yours. /units lists them.")
        return unit

    def unit_by_id(self, actor: User, unit_id: int) -> Unit:
        unit = next((u for u in self.visible(actor) if u.id == unit_id), None)
        if unit is None:
            raise Refused("That unit is not among yours. /units lists them.")
        return unit

    def chosen(self, actor: User, code: str | None, unit_id: int | None, command: str) -> list[Unit]:
        """The unit asked for (by id or code), else every unit the person sees."""
        if unit_id is not None:
            return [self.unit_by_id(actor, unit_id)]
        return [self.unit_by_code(actor, code, command)] if code else self.visible(actor)

    def attempt(self, actor: User, raw_id: str | None, command: str) -> AttemptRow:
        """An attempt the person may see: an admin sees all; an instructor those made in their units."""
        attempt_id = number(raw_id, f"Usage: /{command} <attempt_id> (a number; see /results)")
        attempt = self.store.attempt(attempt_id)
        allowed = attempt is not None and (
            self.role_of(actor.id) == "admin" or self.units.may_see(actor.id, attempt.user_id, attempt.started_at)
        )
        if not allowed:
            raise Refused(f"No attempt {attempt_id} among your units' trainees.")
        return attempt
