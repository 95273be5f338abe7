"""People and roles: promoting and demoting instructors, who someone is, the audit log."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import tzinfo

from bot.clock import date_hour
from bot.storage.audit import AuditEntry, AuditLog
from bot.storage.erasure import erase_person
from bot.storage.people import Identity
from bot.storage.people import People as PeopleTable
from bot.storage.sign_in import end_sessions
from bot.storage.store import Store
from bot.training.access import Access
from bot.training.names import base, staff_names
from bot.training.outcome import Notice, Outcome, Refused, number
from bot.transcript import User

USER_ID = re.compile(r"user (\d+)")
"""How an audit entry's detail names a person."""


@dataclass(frozen=True)
class Person:
    """Someone an admin is about to act on (a role change, an erasure): who they are (the confirmation names them
    beside their id: bot.training.names.beside_id) and their role now: trainee, instructor or admin."""

    who: Identity
    role: str

    @property
    def id(self) -> int:
        return self.who.id


def article(role: str) -> str:
    return "an" if role[0] in "aeiou" else "a"


class People:
    def __init__(self, store: Store, access: Access, audit: AuditLog, tz: tzinfo) -> None:
        self.store, self.access, self.audit, self.tz = store, access, audit, tz
        self.table = PeopleTable(store)

    def promote(self, actor: User, raw_id: str | None) -> Outcome:
        return self.set_role(actor, raw_id, "instructor", "promote")

    def demote(self, actor: User, raw_id: str | None) -> Outcome:
        return self.set_role(actor, raw_id, "trainee", "demote")

    def set_role(self, actor: User, raw_id: str | None, role: str, command: str) -> Outcome:
        self.access.require(actor, "admin", command)
        usage = f"Usage: /{command} <user_id> or @username (or forward me a message from them)"
        if raw_id and raw_id.startswith("@"):
            found = self.table.by_username(raw_id[1:])
            if found is None:
                raise Refused(f"No user {raw_id} known: they must send /start first (or use their id).")
            raw_id = str(found)
        target_id = number(raw_id, usage)
        target = self.store.user(target_id)
        if target is None:
            raise Refused(f"No user {target_id}: they must send /start to the bot first.")
        if target_id in self.access.admins or target["role"] == "admin":
            raise Refused(f"User {target_id} is an admin; admins are set in DESKDRILL_ADMINS.")
        if target["role"] == role:
            raise Refused(f"{target['first_name']} ({target_id}) is already {article(role)} {role}.")
        with self.store.db.atomic():
            self.store.set_role(target_id, role)
            end_sessions(self.store.db, target_id)  # a changed role starts afresh on the dashboard
            self.audit.write(actor.id, command, f"user {target_id} -> {role}")
        verb = "now an instructor" if role == "instructor" else "no longer an instructor"
        return Outcome(
            [f"{target['first_name']} ({target_id}) is {verb}."],
            [Notice(target["chat_id"], f"You are {verb} in DeskDrill. /help lists your commands.")],
            role_changed=(target["chat_id"], role),
        )

    def whoami(self, user: User) -> Outcome:
        role = self.access.role_of(user.id)
        handle = f" (@{user.username})" if user.username else ""
        return Outcome(
            [f"You are {user.first_name}{handle}, user id {user.id}, role: {role}. /help lists your commands."]
        )

    def person(self, actor: User, target_id: int | None, name: str) -> Person:
        """Someone an admin forwarded a message from, to change their role."""
        self.access.require(actor, "admin", "promote")
        if target_id is None:
            raise Refused(
                f"{name} hides their account in forwarded messages. Ask them to send /whoami and "
                "use /promote <their id>."
            )
        target = self.store.user(target_id)
        if target is None:
            raise Refused(f"{name} ({target_id}) hasn't started the bot: ask them to send /start first.")
        return Person(self.identity(target_id), self.access.role_of(target_id))

    def erasable(self, actor: User, raw_id: str | None) -> Person:
        """Someone an admin asked to erase (confirmed by a tap before anything goes): never an admin,
        never the asker, and only someone the bot knows."""
        self.access.require(actor, "admin", "erase")
        target_id = number(raw_id, "Usage: /erase <user_id> (the id /results and /whoami show)")
        target = self.store.user(target_id)
        if target is None:
            raise Refused(f"No user {target_id} is known to the bot.")
        role = self.access.role_of(target_id)
        if target_id == actor.id or role == "admin":
            raise Refused("An admin cannot be erased from the chat: remove them from DESKDRILL_ADMINS first.")
        if target["erased_at"]:
            raise Refused(f"User {target_id} was already erased.")
        return Person(self.identity(target_id), role)

    def erase(self, actor: User, target_id: int) -> Outcome:
        """Erase the person (bot.storage.erasure: name, username, words, sessions; anonymous totals kept)."""
        person = self.erasable(actor, str(target_id))
        erased = erase_person(self.store, person.id, actor=actor.id, wait_seconds=0)
        return Outcome([f"Done \u2014 {erased.describe()}."])

    def identity(self, user_id: int) -> Identity:
        found = self.table.identities([user_id])
        return found[0] if found else Identity(user_id, "")

    def signed_in(self, user_id: int, how: str) -> None:
        """A staff member signed in to the dashboard (by Telegram or a one-time link): audited."""
        self.audit.write(user_id, "dashboard", f"signed in ({how})")

    def audit_log(self, actor: User) -> Outcome:
        """The last 20 entries, each person named."""
        self.access.require(actor, "admin", "audit")
        entries = self.audit.entries(20)
        names = {p.id: base(p) for p in self.table.identities(self.ids_in(entries))}  # each beside their id

        def who(user_id: int) -> str:
            return f"{names[user_id]} ({user_id})" if user_id in names else str(user_id)

        lines = [
            f"{date_hour(e.at, self.tz)}  {who(e.actor) if e.actor else 'settings'}  {e.action}: "
            + USER_ID.sub(lambda m: "user " + who(int(m.group(1))), e.detail)
            for e in entries
        ]
        return Outcome(["Audit log (newest first):\n" + "\n".join(lines) if lines else "The audit log is empty."])

    def names_in(self, entries: list[AuditEntry]) -> dict[int, str]:
        return self.names(self.ids_in(entries))

    def ids_in(self, entries: list[AuditEntry]) -> set[int]:
        return {e.actor for e in entries if e.actor} | {int(i) for e in entries for i in USER_ID.findall(e.detail)}

    def names(self, user_ids: set[int]) -> dict[int, str]:
        """How staff read these people, told apart from each other (bot.training.names)."""
        return {i: n.short for i, n in staff_names(self.table.identities(user_ids)).items()}
