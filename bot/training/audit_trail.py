"""The audit log as staff read it: names, local times and plain words; filtered by action and person.

An admin reads every entry. An instructor reads their units' entries: what they did themselves, and what
names one of their units, its assignments, an attempt made in it, or one of its instructors or members
(a member's entries from when they joined). An entry naming a unit belongs to that unit alone, so an
instructor of two units never sees a colleague's work in a third. Trainees are refused, and the refusal
is audited like any other.

Entries are read newest first a batch at a time and stop once a page is full, so the first pages of a
long log cost a few hundred rows, not the whole table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from itertools import islice
from typing import NamedTuple

from bot.clock import local
from bot.storage.audit import AuditEntry, AuditLog, UnitCircle
from bot.training.access import Access
from bot.training.audit_words import SYSTEM, References, Wording, action_words, did, references
from bot.training.calls import Calls
from bot.transcript import User


@dataclass(frozen=True)
class Named:
    """A person as the log names them; id None for what no person did (the settings, a schedule)."""

    id: int | None
    name: str


@dataclass(frozen=True)
class ReadableEntry:
    id: int
    at: datetime
    """When, in the agency's time zone."""
    actor: Named
    action: str
    """As stored ("override"), to filter by."""
    did: str
    """The action in plain words ("changed a verdict")."""
    person: Named | None
    """Whom it was done to, when it was done to someone."""
    details: str


@dataclass(frozen=True)
class AuditQuery:
    action: str = ""
    who: str = ""
    """A name, an @username or a user id (with or without "#"), as typed; empty: anyone."""


@dataclass(frozen=True)
class TrailPage:
    entries: list[ReadableEntry]
    more: bool
    """Whether older entries follow."""
    matched: list[Named] | None
    """Whom the person filter found (None: no person asked for)."""


class Scope(NamedTuple):
    viewer: int
    circle: UnitCircle
"""What an instructor (`viewer`, a user id) may read: their own entries and their units' (`circle`)."""


@dataclass(frozen=True)
class Found:
    """An entry of the log with the ids its detail names (`refs`) and the person it acted on: what the scope and
    person filters test."""

    entry: AuditEntry
    refs: References
    subject: int | None
    """The person acted on: the first person the detail names, else who made the attempt it names."""


class AuditTrail:
    def __init__(self, access: Access, audit: AuditLog, calls: Calls, tz: tzinfo) -> None:
        self.access, self.audit, self.calls, self.tz = access, audit, calls, tz

    def page(self, actor: User, query: AuditQuery, page: int = 1, per_page: int = 50) -> TrailPage:
        """Page `page` (from 1) of the entries the person may read that match the query, newest first."""
        scope = self.scope(actor)
        who = self.who(query.who, scope)
        start = (max(1, page) - 1) * per_page
        found = list(islice(self.matching(query.action, scope, who), start, start + per_page + 1))
        matched = None if who is None else self.named(who)
        return TrailPage(self.readable(found[:per_page]), len(found) > per_page, matched)

    def everything(self, actor: User, query: AuditQuery) -> list[ReadableEntry]:
        """Every entry a page of the same query would show, newest first: for a download."""
        scope = self.scope(actor)
        return self.readable(list(self.matching(query.action, scope, self.who(query.who, scope))))

    def actions(self, actor: User) -> list[tuple[str, str]]:
        """Every action the log holds, in plain words, to filter by: (action, words)."""
        self.access.require(actor, "instructor", "audit")
        return sorted(((a, action_words(a)) for a in self.audit.actions()), key=lambda a: a[1])

    def exported(self, actor: User, count: int, query: AuditQuery) -> None:
        """A download of the log is itself audited: how many entries, and which filter chose them."""
        chose = [f"action {query.action}"] if query.action else []
        if query.who:
            raw = query.who.strip().removeprefix("#")
            chose.append(f"about user {raw}" if raw.isdigit() else f"about \u201c{query.who.strip()[:40]}\u201d")
        self.audit.write(actor.id, "exportaudit", ", ".join([f"{count} entries", *chose]))

    # --- who may read what --------------------------------------------------------------------

    def scope(self, actor: User) -> Scope | None:
        """None for an admin (everything); an instructor's own entries and their units'."""
        self.access.require(actor, "instructor", "audit")
        if self.access.role_of(actor.id) == "admin":
            return None
        return Scope(actor.id, self.audit.circle([u.id for u in self.access.visible(actor)]))

    def who(self, text: str, scope: Scope | None) -> set[int] | None:
        """The people a person filter means (None: no filter). An instructor finds only their units' people."""
        text = text.strip()
        if not text:
            return None
        raw = text.removeprefix("#")
        numeric = raw.isascii() and raw.isdigit() and len(raw) <= 15
        found = {int(raw)} if numeric else set(self.audit.people_called(text))
        if scope is not None:
            found &= {scope.viewer, *scope.circle.instructors, *scope.circle.members}
        return found

    def matching(self, action: str, scope: Scope | None, who: set[int] | None) -> Iterator[Found]:
        """The entries of `action` (any when empty) that the scope holds and that name one of `who`."""
        if who is not None and not who:
            return
        for batch in self.audit.newest_first(action):
            refs = {e.id: references(e.detail) for e in batch}
            attempts = {a for r in refs.values() for a in r.attempts}
            owners = self.audit.attempt_owners(attempts) if attempts else {}
            inside = self.audit.attempts_in(attempts, sorted(scope.circle.units)) if scope and attempts else set()
            for e in batch:
                r = refs[e.id]
                subject = r.people[0] if r.people else next((owners[a] for a in r.attempts if a in owners), None)
                found = Found(e, r, subject)
                if (scope is None or concerns(found, scope, inside)) and (who is None or names(found, who)):
                    yield found

    # --- in plain words -----------------------------------------------------------------------

    def readable(self, found: list[Found]) -> list[ReadableEntry]:
        people = {f.entry.actor for f in found if f.entry.actor} | {f.subject for f in found if f.subject}
        people |= {p for f in found for p in f.refs.people}
        wording = Wording(
            self.audit.people(people), self.audit.unit_names({u for f in found for u in f.refs.units}), self.calls.title
        )
        return [
            ReadableEntry(
                f.entry.id,
                local(f.entry.at, self.tz),
                Named(f.entry.actor, wording.name(f.entry.actor))
                if f.entry.actor
                else Named(None, SYSTEM.get(f.entry.action, "the system")),
                f.entry.action,
                did(f.entry.action, f.entry.detail),
                Named(f.subject, wording.name(f.subject)) if f.subject else None,
                wording.details(f.entry.action, f.entry.detail),
            )
            for f in found
        ]

    def named(self, user_ids: set[int]) -> list[Named]:
        wording = Wording(self.audit.people(user_ids), {}, self.calls.title)
        return sorted((Named(i, wording.name(i)) for i in user_ids), key=lambda n: (n.name.lower(), n.id))


def concerns(found: Found, scope: Scope, inside: set[int]) -> bool:
    """Whether an instructor's scope holds the entry (see the module)."""
    entry, refs, circle = found.entry, found.refs, scope.circle
    if entry.actor == scope.viewer:
        return True
    if refs.units:
        return not circle.units.isdisjoint(refs.units)
    if not circle.assignments.isdisjoint(refs.assignments) or not inside.isdisjoint(refs.attempts):
        return True
    named = refs.people or (() if refs.assignments or refs.attempts or not entry.actor else (entry.actor,))
    return any(p in circle.instructors or circle.members.get(p, "\uffff") <= entry.at for p in named)


def names(found: Found, who: set[int]) -> bool:
    """Whether the entry was done by, or to, or names one of these people."""
    return found.entry.actor in who or found.subject in who or not who.isdisjoint(found.refs.people)
