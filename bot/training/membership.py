"""Who belongs to a unit: joining (a late joiner gets the open assignments with a due date of their own),
leaving, an instructor taking a member or a co-instructor off one unit, renaming and archiving a unit.

Each change is asked first and confirmed by a tap (or a form) that runs these checks again, is audited
(bot.storage.membership), and is told to the people it affects as notices.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from bot.config import Calendar
from bot.storage.membership import MembershipTables
from bot.storage.standings import assignments_in
from bot.storage.store import Store
from bot.storage.units import Unit, UnitTables
from bot.training.access import Access
from bot.training.assignments import new_assignment_text
from bot.training.calls import Calls
from bot.training.dates import grace_until, member_due
from bot.training.names import StaffName, identity, named, staff_names
from bot.training.outcome import Notice, Offer, Outcome, Refused
from bot.transcript import User

RENAME_MINUTES = 15
"""A rename asked for waits this long for its confirming tap."""
NAME_CHARS = 80


@dataclass(frozen=True)
class Person:
    """Someone on a unit's roster, named as staff read them there (told apart from the rest of the roster); the
    chat they are told of a change in."""

    id: int
    name: StaffName
    chat_id: int


@dataclass(frozen=True)
class Roster:
    """A unit's people: its members and its instructors (its creator first)."""

    unit: Unit
    members: list[Person]
    instructors: list[Person]


@dataclass(frozen=True)
class Removal:
    """Someone an instructor may take off one unit: as a member, or as a co-instructor."""

    unit: Unit
    person: Person
    instructor: bool


def people_of(rows: list[dict]) -> list[Person]:
    """The roster's rows as people, their names told apart across all of them."""
    names = staff_names(identity(r) for r in rows)
    return [Person(r["id"], names[r["id"]], r["chat_id"]) for r in rows]


def unit_name(raw: str) -> str:
    """A unit's name: 1 to 80 characters, spaces around it trimmed."""
    name = " ".join(raw.split())
    if not name or len(name) > NAME_CHARS:
        raise Refused(f"A unit's name is 1 to {NAME_CHARS} characters, e.g. Day shift desk.")
    return name


class Membership:
    def __init__(
        self,
        store: Store,
        access: Access,
        tables: UnitTables,
        calls: Calls,
        pass_mark: int,
        calendar: Calendar,
        tz: tzinfo,
    ) -> None:
        self.store, self.access, self.tables, self.calls = store, access, tables, calls
        self.pass_mark, self.calendar, self.tz = pass_mark, calendar, tz
        self.rosters = MembershipTables(store)

    # --- joining and leaving ----------------------------------------------------------------------

    def join(self, user: User, code: str | None, today: date) -> Outcome:
        """A join code makes members only (co-instructors are added with /addinstructor). Whoever joins after
        assignments were made gets each, like a new one, due the grace period after today at the earliest."""
        if not code or not code.strip():
            raise Refused("Usage: /join <code> (your instructor gives you the code or a link).")
        unit = self.tables.by_code(code)
        if unit is None or unit.revoked:
            raise Refused("That join code doesn't work. Check it with your instructor.")
        if unit.archived:
            raise Refused(f"\u201c{unit.name}\u201d is archived and takes no new members. Check with your instructor.")
        grace = grace_until(today, self.calendar)
        if not self.tables.join(unit, user.id, grace):
            return Outcome([f"You're already a member of \u201c{unit.name}\u201d. /assignments shows what's assigned."])
        waiting = self.waiting(unit, user, grace)
        if not waiting:
            more = " /assignments shows what's assigned."
        else:
            more = f" It has {len(waiting)} assignment{'s' if len(waiting) != 1 else ''} for you: see below."
        return Outcome([f"You're a member of \u201c{unit.name}\u201d.{more}"], waiting)

    def waiting(self, unit: Unit, user: User, grace: str) -> list[Notice]:
        """The unit's assignments, told to someone who just joined, each due for them no sooner than `grace`."""
        notices = []
        for a in assignments_in(self.store.db.conn, [unit.id]):
            if not self.calls.known(a["scenario_id"]):
                continue
            title = self.calls.title(a["scenario_id"])
            mark = a["pass_mark"] if a["pass_mark"] is not None else self.pass_mark
            text = new_assignment_text(title, a["scenario_id"], member_due(a["due"], grace), mark)
            notices.append(Notice(user.chat_id, text, Offer(a["scenario_id"], title)))
        return notices

    def my_units(self, user: User) -> list[Unit]:
        """The units the person is a member of (archived ones too: they may still leave them)."""
        return self.rosters.units_of_member(user.id)

    def leaving(self, user: User, unit_id: int) -> Unit:
        """A unit the person may leave; Refused when they are not (or no longer) a member."""
        unit = next((u for u in self.my_units(user) if u.id == unit_id), None)
        if unit is None:
            raise Refused("You're not a member of that unit (any more). /assignments shows your units' work.")
        return unit

    def leave(self, user: User, unit_id: int) -> Outcome:
        """The trainee leaves the unit (confirmed); its instructors are told."""
        unit = self.leaving(user, unit_id)
        self.rosters.remove_member(unit, user.id, user.id, "leave")
        told = [i for i in self.rosters.instructors(unit.id) if i["id"] != user.id]
        text = f"{named(self.store, user.id)} left \u201c{unit.name}\u201d."
        reply = (
            f"You left \u201c{unit.name}\u201d: its assignments are off your list. "
            "Your own calls and results stay yours (/history, /progress)."
        )
        return Outcome([reply], [Notice(i["chat_id"], text) for i in told])

    # --- an instructor's changes -------------------------------------------------------------------

    def unit(self, actor: User, unit_id: int) -> Unit:
        """One of the instructor's units (archived ones too), checked again at every tap."""
        self.access.require(actor, "instructor", "units")
        return self.access.unit_by_id(actor, unit_id)

    def roster(self, actor: User, unit_id: int) -> Roster:
        unit = self.unit(actor, unit_id)
        members, instructors = self.tables.members(unit.id), self.rosters.instructors(unit.id)
        people = people_of(members + instructors)
        return Roster(unit, people[: len(members)], people[len(members) :])

    def removal(self, actor: User, unit_id: int, user_id: int, instructor: bool) -> Removal:
        """Who would be taken off the unit; Refused when they are not on it, or are the asker as an instructor,
        or its last instructor."""
        roster = self.roster(actor, unit_id)
        people = roster.instructors if instructor else roster.members
        person = next((p for p in people if p.id == user_id), None)
        where = f"\u201c{roster.unit.name}\u201d"
        if person is None:
            raise Refused(f"That person is no longer {'an instructor' if instructor else 'a member'} of {where}.")
        if instructor and person.id == actor.id:
            raise Refused(f"You can't remove yourself from {where}: another instructor of it can.")
        if instructor and len(roster.instructors) == 1:
            raise Refused(f"{person.name.short} is the only instructor of {where}: add another first.")
        return Removal(roster.unit, person, instructor)

    def remove(self, actor: User, unit_id: int, user_id: int, instructor: bool) -> Outcome:
        """Take a member (their calls stay theirs) or a co-instructor off one unit; they are told."""
        r = self.removal(actor, unit_id, user_id, instructor)
        where = f"\u201c{r.unit.name}\u201d"
        if instructor:
            self.rosters.remove_instructor(r.unit, r.person.id, actor.id)
            text = f"{actor.first_name} removed you as an instructor of {where}."
            reply = f"{r.person.name.short} no longer instructs {where}; they have been told."
        else:
            self.rosters.remove_member(r.unit, r.person.id, actor.id, "removemember")
            text = (
                f"{actor.first_name} removed you from {where}: its assignments are off your list. "
                "Your own calls and results stay yours (/history)."
            )
            reply = f"{r.person.name.short} is no longer a member of {where}; they have been told."
        return Outcome([reply], [Notice(r.person.chat_id, text)])

    def ask_rename(self, actor: User, args: list[str]) -> tuple[Unit, str]:
        """/rename <unit_code> <new name>: the unit and its new name, waiting for the confirming tap."""
        self.access.require(actor, "instructor", "rename")
        if len(args) < 2:
            raise Refused("Usage: /rename <unit_code> <new name>, e.g. /rename K7M-4QX-R9T Night desk")
        unit = self.access.unit_by_code(actor, args[0], "rename")
        name = unit_name(" ".join(args[1:]))
        if name == unit.name:
            raise Refused(f"The unit is already called \u201c{name}\u201d.")
        expires = self.store.clock() + timedelta(minutes=RENAME_MINUTES)
        self.rosters.ask_rename(actor.id, unit.id, name, expires.isoformat(timespec="seconds"))
        return unit, name

    def rename(self, actor: User, unit_id: int, name: str | None = None) -> Outcome:
        """Rename the unit: to `name` (a form), or to the name asked for with /rename (the confirming tap).
        Its members and other instructors are told."""
        unit = self.unit(actor, unit_id)
        if name is None:
            name = self.rosters.asked_rename(actor.id, unit.id)
            if name is None:
                raise Refused("That rename lapsed or was done: send /rename <unit_code> <new name> again.")
        name = unit_name(name)
        if name == unit.name:
            self.rosters.forget_rename(actor.id)
            return Outcome([f"The unit is already called \u201c{name}\u201d: nothing changed."])
        self.rosters.rename(unit, name, actor.id)
        text = f"Your unit \u201c{unit.name}\u201d is now called \u201c{name}\u201d (renamed by {actor.first_name})."
        told = self.everyone_but(unit, actor)
        return Outcome([f"\u201c{unit.name}\u201d is now \u201c{name}\u201d; {len(told)} told."], self.tell(told, text))

    def forget_rename(self, actor: User) -> Outcome:
        self.rosters.forget_rename(actor.id)
        return Outcome(["Cancelled: nothing changed."])

    def archivable(self, actor: User, unit_id: int, archived: bool = True) -> Unit:
        """A unit that can be archived (`archived`) or restored."""
        unit = self.unit(actor, unit_id)
        if unit.archived == archived:
            state = "archived" if archived else "active"
            raise Refused(f"\u201c{unit.name}\u201d is already {state}: nothing changed.")
        return unit

    def archive(self, actor: User, unit_id: int, archived: bool = True) -> Outcome:
        """Archive a unit (no new members, hidden from active lists, its reminders stop, its results kept) or
        restore it; its members and other instructors are told."""
        unit = self.archivable(actor, unit_id, archived)
        self.rosters.archive(unit, actor.id, archived)
        told = self.everyone_but(unit, actor)
        where = f"\u201c{unit.name}\u201d"
        if archived:
            text = (
                f"{actor.first_name} archived {where}: its assignments are off your list and it takes no new "
                "members. Results are kept."
            )
            reply = f"{where} is archived; {len(told)} told. Its results are kept, under Archived units."
        else:
            text = f"{actor.first_name} restored {where}: it is active again."
            reply = f"{where} is active again; {len(told)} told."
        return Outcome([reply], self.tell(told, text))

    def everyone_but(self, unit: Unit, actor: User) -> list[int]:
        """The chats of the unit's members and instructors other than `actor`, each once."""
        rows = self.tables.members(unit.id) + self.rosters.instructors(unit.id)
        chats = {r["id"]: r["chat_id"] for r in rows if r["id"] != actor.id}
        return list(chats.values())

    @staticmethod
    def tell(chats: list[int], text: str) -> list[Notice]:
        return [Notice(chat, text) for chat in chats]
