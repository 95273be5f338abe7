"""What instructors and admins can do, each command checking the caller's role on the server.

Every method takes the acting user and raw arguments, validates them, and returns an
`Outcome` (replies, messages for other users, an optional file); a refusal or a bad
argument raises `Refused` with one line a person can act on.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from bot.clock import date_hour, local_date
from bot.grading import CRITERIA, Addressed
from bot.practice.coach import User
from bot.practice.scorecard import (
    LABELS,
    MET,
    MISSED,
    NOT_APPLICABLE,
    addressed_lines,
    auto_fail_line,
    total_text,
    wrong_information_lines,
)
from bot.scenarios.library import Library
from bot.storage.outbox import Buttons, Outgoing
from bot.storage.store import Store
from bot.training import staff_queries as q
from bot.training.reports import report_text
from bot.training.units import Unit, Units

log = logging.getLogger(__name__)

ROLES = ("trainee", "instructor", "admin")
PAGE_CHARS = 3000
"""A page of a list stays well under Telegram's 4,096 characters, so no entry is ever split."""
SUMMARY_CHARS = 1500
TRAINEES_PER_PAGE = 20
ATTEMPTS_PER_PAGE = 8
UNITS_PER_PAGE = 8
REASON_MINUTES = 15
COMPLETIONS_EVERY = timedelta(hours=1)


class Refused(Exception):
    """A one-line answer instead of the command's result."""


@dataclass(frozen=True)
class Notice:
    """A message for another user: an assignment, an override, a reminder. Held while they are in a call."""

    chat_id: int
    text: str
    buttons: Buttons = ()


@dataclass(frozen=True)
class Outcome:
    replies: list[str]
    notices: list[Notice] = field(default_factory=list)
    render: tuple[str, dict] | None = None
    """A chart or file to draw and send after the replies: (renderer name, its arguments)."""
    buttons: list[tuple[str, str]] = field(default_factory=list)
    """(label, scenario id): a keyboard of practice buttons after the replies."""
    role_changed: tuple[int, str] | None = None
    """(chat id, new role) when someone's command menu must change."""
    keyboard: Buttons = ()
    """Inline buttons under the last reply: rows of (label, callback data)."""
    secret: bool = False
    """The keyboard holds a secret (a sign-in link): the outbox forgets it once delivered."""


@dataclass(frozen=True)
class Deferred:
    """A command whose answer needs a heavy read: `read(connection)` runs off the event loop on a
    read-only connection, then `then(data)` makes the Outcome inside the update's transaction."""

    read: Callable[[sqlite3.Connection], Any]
    then: Callable[[Any], Outcome]


def paginate(entries: Sequence[str], page: int, per_page: int, limit: int = PAGE_CHARS) -> tuple[list[int], int, int]:
    """The indices of page `page`'s whole entries (at most `per_page`, within `limit` characters);
    (indices, page, pages). An entry is never split across pages."""
    pages: list[list[int]] = [[]]
    size = 0
    for i, entry in enumerate(entries):
        if pages[-1] and (len(pages[-1]) >= per_page or size + len(entry) + 1 > limit):
            pages.append([])
            size = 0
        pages[-1].append(i)
        size += len(entry) + 1
    page = max(0, min(page, len(pages) - 1))
    return pages[page], page, len(pages)


def nav(page: int, pages: int, data: Callable[[int], str]) -> tuple[tuple[str, str], ...]:
    """Previous/Next buttons for a paginated list (empty when it fits one page)."""
    row = []
    if page > 0:
        row.append(("\u25c0 Previous", data(page - 1)))
    if page < pages - 1:
        row.append(("Next \u25b6", data(page + 1)))
    return tuple(row)


def _label(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


class Staff:
    def __init__(self, store: Store, library: Library, admins: frozenset[int] = frozenset(), tz: tzinfo = UTC) -> None:
        self.store, self.library, self.admins, self.tz = store, library, admins, tz
        self.units = Units(store)

    # --- roles ---------------------------------------------------------------------

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
            self.units.audit(actor.id, "refused", f"/{command} needs {role}")
            raise Refused(f"/{command} needs the {role} role.")

    def promote(self, actor: User, raw_id: str | None) -> Outcome:
        return self._set_role(actor, raw_id, "instructor", "promote")

    def demote(self, actor: User, raw_id: str | None) -> Outcome:
        return self._set_role(actor, raw_id, "trainee", "demote")

    def _set_role(self, actor: User, raw_id: str | None, role: str, command: str) -> Outcome:
        self.require(actor, "admin", command)
        usage = f"Usage: /{command} <user_id> or @username (or forward me a message from them)"
        if raw_id and raw_id.startswith("@"):
            found = self.units.by_username(raw_id[1:])
            if found is None:
                raise Refused(f"No user {raw_id} known: they must send /start first (or use their id).")
            raw_id = str(found)
        target_id = _int(raw_id, usage)
        target = self.store.user(target_id)
        if target is None:
            raise Refused(f"No user {target_id}: they must send /start to the bot first.")
        if target_id in self.admins or target["role"] == "admin":
            raise Refused(f"User {target_id} is an admin; admins are set in DESKDRILL_ADMINS.")
        if target["role"] == role:
            raise Refused(
                f"{target['first_name']} ({target_id}) is already {'an' if role == 'instructor' else 'a'} {role}."
            )
        self.units.set_role(target_id, role)
        self.units.audit(actor.id, command, f"user {target_id} -> {role}")
        verb = "now an instructor" if role == "instructor" else "no longer an instructor"
        return Outcome(
            [f"{target['first_name']} ({target_id}) is {verb}."],
            [Notice(target["chat_id"], f"You are {verb} in DeskDrill. /help lists your commands.")],
            role_changed=(target["chat_id"], role),
        )

    def whoami(self, user: User) -> Outcome:
        role = self.role_of(user.id)
        handle = f" (@{user.username})" if user.username else ""
        return Outcome(
            [f"You are {user.first_name}{handle}, user id {user.id}, role: {role}. /help lists your commands."]
        )

    def person_card(self, actor: User, target_id: int | None, name: str) -> Outcome:
        """An admin forwarded a message from someone: who they are, with buttons to change their role."""
        self.require(actor, "admin", "promote")
        if target_id is None:
            raise Refused(
                f"{name} hides their account in forwarded messages. Ask them to send /whoami and "
                "use /promote <their id>."
            )
        target = self.store.user(target_id)
        if target is None:
            raise Refused(f"{name} ({target_id}) hasn't started the bot: ask them to send /start first.")
        role = self.role_of(target_id)
        keyboard: Buttons = ()
        if role == "trainee":
            keyboard = ((("Make instructor", f"pr:{target_id}"),),)
        elif role == "instructor":
            keyboard = ((("Make trainee", f"dm:{target_id}"),),)
        return Outcome([f"{target['first_name']} ({target_id}) is {_a(role)} {role}."], keyboard=keyboard)

    def audit_log(self, actor: User) -> Outcome:
        self.require(actor, "admin", "audit")
        rows = self.units.audit_log(20)
        names = self.units.names(
            {r["actor"] for r in rows} | {int(i) for r in rows for i in _USER.findall(r["detail"])}
        )

        def who(user_id: int) -> str:
            return f"{names[user_id]} ({user_id})" if user_id in names else str(user_id)

        lines = [
            f"{date_hour(r['at'], self.tz)}  {who(r['actor']) if r['actor'] else 'settings'}  {r['action']}: "
            + _USER.sub(lambda m: "user " + who(int(m.group(1))), r["detail"])
            for r in rows
        ]
        return Outcome(["Audit log (newest first):\n" + "\n".join(lines) if lines else "The audit log is empty."])

    # --- units ---------------------------------------------------------------------

    def new_unit(self, actor: User, name: str, bot_username: str) -> Outcome:
        self.require(actor, "instructor", "newunit")
        name = name.strip()
        if not name or len(name) > 80:
            raise Refused("Usage: /newunit <name> (up to 80 characters), e.g. /newunit Day shift desk")
        unit = self.units.create(name, actor.id)
        link = f"https://t.me/{bot_username}?start=join-{unit.code}"
        return Outcome(
            [f"Unit \u201c{name}\u201d created. Join code: {unit.code}\nShare this link with its members: {link}"]
        )

    def list_units(self, actor: User) -> Outcome:
        self.require(actor, "instructor", "units")
        units = self._visible(actor)
        if not units:
            return Outcome(["You have no units yet. Create one with /newunit <name>."])
        lines = [
            f"{u.name}: {self.units.member_count(u.id)} members, code {u.code}{' (revoked)' if u.revoked else ''}"
            for u in units
        ]
        shown, _, _ = paginate(lines, 0, 30)
        keyboard = tuple(
            (
                (_label(units[i].name, 28), f"r:u:{units[i].id}:0"),
                ("Report", f"rp:{units[i].id}"),
                ("CSV", f"ex:{units[i].id}"),
            )
            for i in shown
        )
        more = f"\n(and {len(units) - len(shown)} more: /results lists them all)" if len(shown) < len(units) else ""
        return Outcome(["Your units:\n" + "\n".join(lines[i] for i in shown) + more], keyboard=keyboard)

    def revoke(self, actor: User, code: str | None) -> Outcome:
        self.require(actor, "instructor", "revoke")
        unit = self._unit(actor, code, "revoke")
        if unit.revoked:
            raise Refused(f"The code of \u201c{unit.name}\u201d is already revoked.")
        self.units.revoke(unit, actor.id)
        return Outcome([f"Code {unit.code} of \u201c{unit.name}\u201d no longer works. Members stay in the unit."])

    def join(self, user: User, code: str | None) -> Outcome:
        """A join code makes members only; co-instructors are added with /addinstructor."""
        if not code:
            raise Refused("Usage: /join <code> (your instructor gives you the code or a link).")
        unit = self.units.by_code(code)
        if unit is None or unit.revoked:
            raise Refused("That join code doesn't work. Check it with your instructor.")
        added = self.units.join(unit, user.id)
        text = (
            f"You're a member of \u201c{unit.name}\u201d."
            if added
            else (f"You're already a member of \u201c{unit.name}\u201d.")
        )
        return Outcome([text + " /assignments shows what's assigned."])

    def add_instructor(self, actor: User, args: list[str]) -> Outcome:
        self.require(actor, "instructor", "addinstructor")
        if len(args) != 2:
            raise Refused(
                "Usage: /addinstructor <unit_code> <user_id> (they must be an instructor and have sent /start)"
            )
        unit = self._unit(actor, args[0], "addinstructor")
        target_id = _int(args[1], "Usage: /addinstructor <unit_code> <user_id> (a number)")
        target = self.store.user(target_id)
        if target is None or self.role_of(target_id) == "trainee":
            raise Refused(f"User {target_id} is not an instructor: an admin can /promote them first.")
        if not self.units.add_instructor(unit, target_id, actor.id):
            raise Refused(f"{target['first_name']} already instructs \u201c{unit.name}\u201d.")
        return Outcome(
            [f"{target['first_name']} ({target_id}) now instructs \u201c{unit.name}\u201d."],
            [Notice(target["chat_id"], f"You're now an instructor of \u201c{unit.name}\u201d. /results shows it.")],
        )

    def new_code(self, actor: User, code: str | None, bot_username: str) -> Outcome:
        """Replace a unit's code (revoked or not) so it can take members again."""
        self.require(actor, "instructor", "newcode")
        unit = self._unit(actor, code, "newcode")
        fresh = self.units.new_code(unit, actor.id)
        link = f"https://t.me/{bot_username}?start=join-{fresh}"
        return Outcome(
            [f"New join code for \u201c{unit.name}\u201d: {fresh} (the old one no longer works).\nLink: {link}"]
        )

    # --- assignments ------------------------------------------------------------------

    def assign(self, actor: User, args: list[str], today: date) -> Outcome:
        self.require(actor, "instructor", "assign")
        if not args:
            keyboard = tuple(((_label(s.title, 60), f"as:{s.id}"),) for s in self._scenarios())
            return Outcome(
                ["Which call? (Or type /assign <scenario_id> <unit_code> [YYYY-MM-DD] to set a due date.)"],
                keyboard=keyboard,
            )
        if len(args) not in (2, 3):
            raise Refused("Usage: /assign <scenario_id> <unit_code> [YYYY-MM-DD]")
        scenario = self.library.scenarios.get(args[0])
        if scenario is None:
            raise Refused(f"No scenario \u201c{args[0]}\u201d. Known: {', '.join(sorted(self.library.scenarios))}.")
        unit = self._unit(actor, args[1], "assign")
        due = _date(args[2]) if len(args) == 3 else None
        if due and due < today.isoformat():
            raise Refused(f"{due} is in the past (today is {today.isoformat()}): choose today or a later date.")
        return self._assign(actor, scenario.id, unit, due)

    def assign_button(self, actor: User, scenario_id: str, unit_id: int | None) -> Outcome:
        """/assign by taps: the call, then the unit (no due date; type the command to set one)."""
        self.require(actor, "instructor", "assign")
        if scenario_id not in self.library.scenarios:
            raise Refused("That call is no longer available.")
        if unit_id is None:
            units = self._visible(actor)
            if not units:
                return Outcome(["You have no units yet. Create one with /newunit <name>."])
            keyboard = tuple(((_label(u.name, 60), f"as:{scenario_id}:{u.id}"),) for u in units[:90])
            return Outcome([f"Assign \u201c{self._title(scenario_id)}\u201d to which unit?"], keyboard=keyboard)
        return self._assign(actor, scenario_id, self._unit_by_id(actor, unit_id, "assign"), None)

    def _assign(self, actor: User, scenario_id: str, unit: Unit, due: str | None) -> Outcome:
        """One notice per member per assignment; assigning again changes the due date and says so once."""
        title = self._title(scenario_id)
        when = f", due {due}" if due else ""
        previous = self.units.assignment(unit.id, scenario_id)
        if previous is not None and previous["due"] == due:
            return Outcome(
                [f"\u201c{title}\u201d is already assigned to \u201c{unit.name}\u201d{when}: nobody told again."]
            )
        assignment_id = self.units.assign(unit, scenario_id, due, actor.id)
        members = self.units.members(unit.id)
        start = ((("Start: " + _label(title, 50), f"practice:{scenario_id}"),),)
        if previous is None:
            text = (
                f"New assignment from your instructor: \u201c{title}\u201d{when}. "
                f"Start it with /practice {scenario_id} or see /assignments."
            )
            told = members
            reply = f"Assigned \u201c{title}\u201d to \u201c{unit.name}\u201d{when}; {members_told(len(told))}."
        else:
            done = self.units.completed_by(assignment_id)
            told = [m for m in members if m["id"] not in done]
            now_due = f"due {due}" if due else "without a due date"
            was = f" (it was due {previous['due']})" if previous["due"] else ""
            text = f"Your instructor changed an assignment: \u201c{title}\u201d is now {now_due}{was}."
            reply = f"\u201c{title}\u201d for \u201c{unit.name}\u201d is now {now_due}; {members_told(len(told))}."
        return Outcome([reply], [Notice(m["chat_id"], text, start) for m in told])

    def my_assignments(self, user: User, today: date) -> Outcome:
        rows = self.units.assignments_of_user(user.id)
        if not rows:
            return Outcome(["Nothing is assigned to you. Practise anything with /practice."])
        lines, buttons = ["Your assignments:"], []
        for a in rows:
            title = self._title(a["scenario_id"])
            done = bool(self.units.totals(user.id, a["scenario_id"], a["assigned_at"]))
            due = (
                f"due {a['due']}" + (" (overdue)" if a["due"] and not done and a["due"] < today.isoformat() else "")
                if a["due"]
                else "no due date"
            )
            lines.append(f"{'done' if done else 'to do'}: {title} ({a['unit_name']}), {due}")
            if not done and (f"Start: {title}", a["scenario_id"]) not in buttons:
                buttons.append((f"Start: {title}", a["scenario_id"]))
        shown, _, _ = paginate(lines, 0, 60)
        return Outcome(["\n".join(lines[i] for i in shown)], buttons=buttons[:50])

    # --- notices: reminders, completions, digests --------------------------------------------

    def queue_reminders(self, today: date) -> int:
        """Owe the reminders due now: once a day up to the due date (not on the day it was assigned),
        and once when overdue, per trainee and scenario however many units assigned it.

        Each is recorded and put in the outbox in one transaction, so it is neither lost nor
        sent twice; it counts as delivered only when the sender has delivered it.
        """
        queued = 0
        first: dict[tuple[int, str], dict] = {}
        for row in self.units.unfinished_assignments():  # the earliest due date of each (trainee, scenario)
            key = (row["user_id"], row["scenario_id"])
            if key not in first or row["due"] < first[key]["due"]:
                first[key] = row
        for row in first.values():
            title = self._title(row["scenario_id"])
            if today.isoformat() <= row["due"]:
                if local_date(row["assigned_at"], self.tz) >= today:
                    continue  # the assignment's own notice is enough for its first day
                kind = f"day:{today.isoformat()}"
                text = f"Reminder: \u201c{title}\u201d is due {row['due']}. /practice {row['scenario_id']}"
            else:
                kind = "overdue"
                text = f"Overdue: \u201c{title}\u201d was due {row['due']}. /practice {row['scenario_id']}"
            start = ((("Start: " + _label(title, 50), f"practice:{row['scenario_id']}"),),)
            with self.store.db.atomic():
                if self.units.mark_reminded(row["user_id"], row["assignment_id"], row["scenario_id"], kind):
                    reminder = (row["user_id"], row["assignment_id"], kind)
                    message = Outgoing(row["chat_id"], text, start, reminder=reminder, hold=True)
                    self.store.owe([message], "reminder")
                    queued += 1
        return queued

    def queue_completions(self) -> int:
        """Tell each unit's instructors who completed an assignment: at most one message an hour per unit."""
        now = self.store.clock()
        queued = 0
        for unit_id, last in self.units.units_with_untold_completions():
            if last is not None and now - datetime.fromisoformat(last) < COMPLETIONS_EVERY:
                continue
            with self.store.db.atomic():
                rows = self.units.untold_completions(unit_id)
                if not rows:
                    continue
                unit_name = rows[0]["unit_name"]
                entries = [
                    f"\u2022 {r['first_name']}: {self._title(r['scenario_id'])} "
                    f"({total_text(r['total'] or 0, _failed(r))})"
                    for r in rows
                ]
                shown, _, _ = paginate(entries, 0, 30, SUMMARY_CHARS)
                more = f"\n\u2022 and {len(entries) - len(shown)} more" if len(shown) < len(entries) else ""
                noun = "assignment" if len(rows) == 1 else "assignments"
                text = (
                    f"\u201c{unit_name}\u201d: {len(rows)} {noun} completed.\n"
                    + "\n".join(entries[i] for i in shown)
                    + more
                )
                keyboard = ((("Open results", f"r:u:{unit_id}:0"),),)
                messages = [Outgoing(c, text, keyboard, hold=True) for c in self.units.instructor_chats(unit_id)]
                self.store.owe(messages, "completions")
                self.units.mark_told(unit_id, self.store.now())
                queued += len(messages)
        return queued

    def digest_due(self, today: date) -> list[tuple[int, int, list[int]]]:
        """(user id, chat id, unit ids) of instructors owed this week's digest: Mondays, unless they opted out."""
        if today.weekday() != 0:
            return []
        return self.units.digest_recipients(_week(today))

    def digest_texts(
        self, conn: sqlite3.Connection, due: list[tuple[int, int, list[int]]], today: date
    ) -> dict[int, str]:
        """Each recipient's digest, read off the loop: a summary line per unit."""
        unit_ids = sorted({u for _, _, ids in due for u in ids})
        overview = q.unit_overview(conn, unit_ids, today.isoformat())
        names = {u.id: u for u in self.units.by_ids(conn, unit_ids)}
        texts = {}
        for user_id, _, ids in due:
            entries = [self._unit_summary(names[u], overview[u], brief=True) for u in ids if u in names]
            shown, _, _ = paginate(entries, 0, 12, PAGE_CHARS)
            more = f"\n\n(and {len(entries) - len(shown)} more units: /results)" if len(shown) < len(entries) else ""
            texts[user_id] = f"Weekly digest, {today.isoformat()}:\n\n" + "\n\n".join(entries[i] for i in shown) + more
        return texts

    def queue_digests(self, due: list[tuple[int, int, list[int]]], texts: dict[int, str], today: date) -> int:
        keyboard = ((("Open results", "r:all:0"), ("Stop weekly digests", "dg:off")),)
        queued = 0
        for user_id, chat_id, _ in due:
            with self.store.db.atomic():
                if self.units.mark_digest(user_id, _week(today), self.store.now()):
                    self.store.owe([Outgoing(chat_id, texts[user_id], keyboard, hold=True)], "digest")
                    queued += 1
        return queued

    def digest_off(self, actor: User) -> Outcome:
        self.units.digest_optout(actor.id, self.store.now())
        return Outcome(["You won't get weekly digests any more. /results shows your units at any time."])

    # --- results -----------------------------------------------------------------------

    def results(self, actor: User, code: str | None, today: date) -> Outcome | Deferred:
        """One unit's summary with a button per trainee; with several units, a summary per unit."""
        self.require(actor, "instructor", "results")
        if code:
            return self.unit_page(actor, self._unit(actor, code, "results").id, 0, today)
        units = self._visible(actor)
        if not units:
            return Outcome(["You have no units yet. Create one with /newunit <name>."])
        if len(units) == 1:
            return self.unit_page(actor, units[0].id, 0, today)
        return self.units_page(actor, 0, today)

    def units_page(self, actor: User, page: int, today: date) -> Deferred:
        self.require(actor, "instructor", "results")
        units = self._visible(actor)

        def then(overview: dict[int, dict]) -> Outcome:
            entries = [self._unit_summary(u, overview[u.id], brief=True) for u in units]
            shown, at, pages = paginate(entries, page, UNITS_PER_PAGE)
            head = f"Your {len(units)} units" + (f", page {at + 1} of {pages}" if pages > 1 else "") + ":"
            keyboard = tuple(((_label(units[i].name, 60), f"r:u:{units[i].id}:0"),) for i in shown)
            row = nav(at, pages, lambda p: f"r:all:{p}")
            return Outcome(
                [head + "\n\n" + "\n\n".join(entries[i] for i in shown)], keyboard=keyboard + ((row,) if row else ())
            )

        return Deferred(lambda conn: q.unit_overview(conn, [u.id for u in units], today.isoformat()), then)

    def unit_page(self, actor: User, unit_id: int, page: int, today: date) -> Deferred:
        """A unit's summary (at most 1,500 characters) and a page of buttons, one per trainee."""
        self.require(actor, "instructor", "results")
        unit = self._unit_by_id(actor, unit_id, "results")

        def read(conn: sqlite3.Connection) -> tuple[dict, list[dict]]:
            return q.unit_overview(conn, [unit.id], today.isoformat())[unit.id], q.members_of_unit(
                conn, unit.id, today.isoformat()
            )

        def then(data: tuple[dict, list[dict]]) -> Outcome:
            overview, members = data
            summary = self._unit_summary(unit, overview)
            if not members:
                return Outcome([summary + "\nNo members yet: share the join link from /newcode."])
            labels = [
                _label(m["first_name"], 18)
                + f" \u00b7 {m['attempts']} call{'s' if m['attempts'] != 1 else ''}"
                + (f" \u00b7 {m['overdue']} overdue" if m["overdue"] else "")
                for m in members
            ]
            shown, at, pages = paginate(labels, page, TRAINEES_PER_PAGE)
            buttons = [(labels[i], f"r:t:{unit.id}:{members[i]['id']}:0") for i in shown]
            keyboard = tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))
            row = nav(at, pages, lambda p: f"r:u:{unit.id}:{p}")
            which = f" (page {at + 1} of {pages})" if pages > 1 else ""
            return Outcome([summary + f"\nTap a trainee{which}:"], keyboard=keyboard + ((row,) if row else ()))

        return Deferred(read, then)

    def _unit_summary(self, unit: Unit, overview: dict, brief: bool = False) -> str:
        """Members, done, overdue, average, weakest criterion: within SUMMARY_CHARS."""
        lines = [
            f"\u201c{unit.name}\u201d ({unit.code}{', revoked' if unit.revoked else ''}): {overview['members']} members"
        ]
        if overview["attempts"]:
            rates = overview["rates"]
            weakest = min(rates, key=lambda c: rates[c]) if rates else None
            lines.append(
                f"{overview['attempts']} finished calls, average {overview['average']:.0f}/100"
                + (f", weakest: {LABELS[weakest]} ({rates[weakest]:.0f}% met)" if weakest else "")
            )
        else:
            lines.append("No finished calls yet.")
        assignments = overview["assignments"]
        if not assignments:
            lines.append("Nothing assigned yet.")
        elif brief:
            done = sum(a["done"] for a in assignments)
            owed = sum(a["members"] for a in assignments)
            overdue = sum(a["overdue"] for a in assignments)
            lines.append(f"{len(assignments)} assigned: {done}/{owed} done, {overdue} overdue")
        else:
            entries = [
                f"\u2022 {_label(self._title(a['scenario_id']), 45)}: {a['done']}/{a['members']} done"
                + (f", {a['overdue']} OVERDUE" if a["overdue"] else "")
                + (f" (due {a['due']})" if a["due"] else "")
                for a in assignments
            ]
            budget = SUMMARY_CHARS - sum(len(line) + 1 for line in lines) - 80
            shown, _, _ = paginate(entries, 0, 15, budget)
            lines += ["Assigned:"] + [entries[i] for i in shown]
            if len(shown) < len(entries):
                lines.append(f"\u2022 and {len(entries) - len(shown)} more")
        return "\n".join(lines)

    def trainee_page(self, actor: User, unit_id: int, user_id: int, page: int, today: date) -> Deferred:
        """A member: latest and best per assignment, then their finished calls with a button each."""
        self.require(actor, "instructor", "results")
        unit = self._unit_by_id(actor, unit_id, "results")

        def then(detail: dict | None) -> Outcome:
            if detail is None:
                raise Refused(f"That trainee is not a member of \u201c{unit.name}\u201d.")
            handle = f", @{detail['username']}" if detail["username"] else ""
            lines = [f"{detail['first_name']} ({detail['id']}{handle}) in \u201c{unit.name}\u201d"]
            for a in assignment_standing(detail, today):
                state = (
                    f"latest {total_text(*a['latest'])}, best {total_text(*a['best'])}" if a["latest"] else "not done"
                )
                overdue = f" (OVERDUE, due {a['due']})" if a["overdue"] else ""
                lines.append(f"\u2022 {a['scenario_id']}: {state}{overdue}")
            attempts = detail["attempts"]
            if not attempts:
                return Outcome(
                    ["\n".join(lines + ["No finished calls since joining."])],
                    keyboard=((("\u25c0 Unit", f"r:u:{unit.id}:0"),),),
                )
            labels = [
                f"{date_hour(t['finished_at'] or t['started_at'], self.tz)} "
                f"\u00b7 {_label(self._title(t['scenario_id']), 24)} \u00b7 {total_text(t['total'] or 0, _failed(t))}"
                for t in attempts
            ]
            shown, at, pages = paginate(labels, page, ATTEMPTS_PER_PAGE)
            which = f" (page {at + 1} of {pages})" if pages > 1 else ""
            lines.append(f"Finished calls, newest first{which}: tap one for its transcript.")
            keyboard = tuple(((_label(labels[i], 60), f"r:a:{attempts[i]['id']}"),) for i in shown)
            row = nav(at, pages, lambda p: f"r:t:{unit.id}:{detail['id']}:{p}")
            back = (("\u25c0 Unit", f"r:u:{unit.id}:0"),)
            return Outcome(["\n".join(lines)], keyboard=keyboard + ((row,) if row else ()) + (back,))

        return Deferred(lambda conn: q.member_detail(conn, unit.id, user_id), then)

    def transcript(self, actor: User, raw_id: str | None) -> Outcome:
        self.require(actor, "instructor", "transcript")
        attempt = self._attempt(actor, raw_id, "transcript")
        turns = self.store.turns(attempt.id)
        trainee = self.store.user(attempt.user_id)
        name = trainee["first_name"] if trainee else str(attempt.user_id)
        speaker = {"visitor": "Visitor", "trainee": name}
        total = total_text(attempt.total, bool(attempt.auto_fail)) if attempt.status == "finished" else "in progress"
        when = date_hour(attempt.started_at, self.tz)
        lines = [f"Attempt {attempt.id}: {self._title(attempt.scenario_id)} ({name}, {when}), total {total}"]
        lines += [auto_fail_line(f, turns) for f in attempt.auto_fail]
        if attempt.addressed is not None:
            lines += wrong_information_lines(self._addressed(attempt.scenario_id, attempt.addressed))
        lines += [f"{n}. {speaker[t.role]}: {t.text}" for n, t in enumerate(turns, start=1)]
        results = self.units.results_of(attempt.id)
        for criterion in CRITERIA if results else ():
            lines.append(_verdict_line(LABELS[criterion], results[criterion]))
        if attempt.addressed is not None:
            lines += addressed_lines(self._addressed(attempt.scenario_id, attempt.addressed))
        overrides = self.units.overridden(attempt.id)
        names = self.units.names({o["by"] for o in overrides})
        lines += [
            f"Override: {LABELS.get(o['criterion'], o['criterion'])} {'met' if o['met'] else 'missed'} "
            f"by {names.get(o['by'], o['by'])}: {o['reason']}"
            for o in overrides
        ]
        keyboard: Buttons = ()
        if attempt.status == "finished" and results:
            buttons = [
                (f"{LABELS[c]}: make {'missed' if results[c]['met'] else 'met'}", f"r:o:{attempt.id}:{i}")
                for i, c in enumerate(CRITERIA)
                if c in results and results[c]["applicable"]
            ]
            keyboard = tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))
        return Outcome(["\n".join(lines)], keyboard=keyboard)

    def override_ask(self, actor: User, attempt_id: int, index: int) -> Outcome:
        """The first tap on an override button: confirm which way it changes."""
        attempt, criterion, met = self._overridable(actor, attempt_id, index)
        trainee = self.store.user(attempt.user_id)
        text = (
            f"Change {LABELS[criterion]} from {'missed' if met else 'met'} to {'met' if met else 'missed'} "
            f"on {trainee['first_name']}'s call \u201c{self._title(attempt.scenario_id)}\u201d "
            f"({date_hour(attempt.started_at, self.tz)})?"
        )
        keyboard = ((("Yes, change it", f"r:oy:{attempt.id}:{index}"), ("Cancel", "r:ox")),)
        return Outcome([text], keyboard=keyboard)

    def override_confirm(self, actor: User, attempt_id: int, index: int) -> Outcome:
        """Confirmed: the next text this instructor sends is the reason (stored, so it survives a restart)."""
        attempt, criterion, met = self._overridable(actor, attempt_id, index)
        if self.store.active_attempt(actor.id) is not None:
            raise Refused("You're in a practice call: finish it (/end) first, then tap the override again.")
        expires = (self.store.clock() + timedelta(minutes=REASON_MINUTES)).isoformat(timespec="seconds")
        self.units.set_pending_reason(actor.id, attempt.id, criterion, met, expires)
        trainee = self.store.user(attempt.user_id)
        return Outcome(
            [
                f"Send the reason for making {LABELS[criterion]} {'met' if met else 'missed'} as your next message: "
                f"{trainee['first_name']} will see it. (It lapses in {REASON_MINUTES} minutes.)"
            ],
            keyboard=((("Cancel", "r:ox"),),),
        )

    def override_cancel(self, actor: User) -> Outcome:
        had = self.units.take_pending_reason(actor.id)
        return Outcome(["Cancelled: nothing changed." if had else "Nothing to cancel."])

    def pending_reason(self, actor: User, text: str) -> Outcome | None:
        """The reason an instructor was asked for, or None: the message is not one (practice goes on).

        Only staff, never during their own practice call, and only before it lapses."""
        pending = self.units.pending_reason(actor.id)
        if pending is None or self.store.active_attempt(actor.id) is not None:
            return None
        if pending["expires"] < self.store.now() or self.role_of(actor.id) == "trainee":
            self.units.take_pending_reason(actor.id)
            return None
        self.units.take_pending_reason(actor.id)
        reason = text.strip()
        if not reason:
            raise Refused("The reason can't be empty: tap the override again.")
        attempt = self._attempt(actor, str(pending["attempt_id"]), "override")
        return self._apply_override(actor, attempt, pending["criterion"], bool(pending["met"]), reason)

    def _overridable(self, actor: User, attempt_id: int, index: int):
        self.require(actor, "instructor", "override")
        attempt = self._attempt(actor, str(attempt_id), "override")
        if not 0 <= index < len(CRITERIA):
            raise Refused("That button is no longer in use.")
        criterion = CRITERIA[index]
        if attempt.status != "finished":
            raise Refused(f"Attempt {attempt.id} is not finished yet.")
        result = self.units.results_of(attempt.id).get(criterion)
        if result is None or not result["applicable"]:
            raise Refused(f"{LABELS[criterion]} does not apply in \u201c{self._title(attempt.scenario_id)}\u201d.")
        return attempt, criterion, not result["met"]

    def override(self, actor: User, args: list[str]) -> Outcome:
        self.require(actor, "instructor", "override")
        usage = "Usage: /override <attempt_id> <criterion> met|missed <reason>"
        if len(args) < 4:
            raise Refused(usage + f" (criteria: {', '.join(CRITERIA)})")
        attempt = self._attempt(actor, args[0], "override")
        if args[1] not in CRITERIA:
            raise Refused(f"Unknown criterion \u201c{args[1]}\u201d: use one of {', '.join(CRITERIA)}.")
        if args[2] not in ("met", "missed"):
            raise Refused(usage)
        return self._apply_override(actor, attempt, args[1], args[2] == "met", " ".join(args[3:]))

    def _apply_override(self, actor: User, attempt, criterion: str, met: bool, reason: str) -> Outcome:
        if attempt.status != "finished":
            raise Refused(f"Attempt {attempt.id} is not finished yet.")
        if not self.units.results_of(attempt.id)[criterion]["applicable"]:
            title = self._title(attempt.scenario_id)
            raise Refused(f"{LABELS[criterion]} does not apply in \u201c{title}\u201d: nothing to override.")
        verdict = "met" if met else "missed"
        total = total_text(self.units.override(attempt.id, criterion, met, reason, actor.id), bool(attempt.auto_fail))
        trainee = self.store.user(attempt.user_id)
        title = self._title(attempt.scenario_id)
        day = local_date(attempt.started_at, self.tz).isoformat()
        notice = (
            f"Your instructor reviewed your \u201c{title}\u201d call of {day} and marked {LABELS[criterion]} "
            f"as {verdict}. Reason: {reason.rstrip('.')}. Your new total for that call is {total}."
        )
        return Outcome(
            [
                f"{LABELS[criterion]} on attempt {attempt.id} ({title}) is now {verdict}; new total {total}. "
                "The trainee has been told."
            ],
            [Notice(trainee["chat_id"], notice)],
        )

    def report(self, actor: User, code: str | None, unit_id: int | None = None) -> Deferred:
        self.require(actor, "instructor", "report")
        units = self._chosen(actor, code, unit_id, "report")
        title = ", ".join(u.name for u in units) or "no units"
        if len(title) > 60:
            title = f"{len(units)} units"
        ids = [u.id for u in units]
        return Deferred(
            lambda conn: q.report_summary(conn, ids),
            lambda summary: Outcome(
                [report_text(summary, title)], render=("report", {"unit_ids": ids, "title": title})
            ),
        )

    def export_scope(self, actor: User, code: str | None, unit_id: int | None = None) -> tuple[list[int], str]:
        """The units an export covers (those /results shows, or the one asked for) and its file name."""
        self.require(actor, "instructor", "export")
        units = self._chosen(actor, code, unit_id, "export")
        return [u.id for u in units], f"deskdrill-{code or (units[0].code if unit_id else 'all-units')}.csv"

    def exported(self, actor: User, ids: list[int], count: int) -> None:
        self.units.audit(actor.id, "export", f"{count} attempts of units {ids}")

    def export(self, actor: User, code: str | None, unit_id: int | None = None) -> Deferred:
        ids, name = self.export_scope(actor, code, unit_id)

        def then(count: int) -> Outcome:
            self.exported(actor, ids, count)
            noun = "attempt" if count == 1 else "attempts"
            return Outcome([f"{count} {noun} exported."], render=("export", {"unit_ids": ids, "name": name}))

        return Deferred(lambda conn: q.attempt_count(conn, ids), then)

    # --- the web dashboard (bot.web): the chat commands' own checks --------------------------

    def dashboard_units(self, actor: User) -> list[Unit]:
        """The units /results shows this person; Refused unless instructor or admin."""
        self.require(actor, "instructor", "dashboard")
        return self._visible(actor)

    def dashboard_unit(self, actor: User, unit_id: int) -> Unit:
        self.require(actor, "instructor", "dashboard")
        return self._unit_by_id(actor, unit_id, "results")

    def dashboard_attempt(self, actor: User, attempt_id: int):
        """An attempt this person may see (as /transcript checks it)."""
        self.require(actor, "instructor", "transcript")
        return self._attempt(actor, str(attempt_id), "transcript")

    def override_verdict(self, actor: User, attempt_id: int, criterion: str, met: bool, reason: str) -> Outcome:
        """/override by form: the same checks, the same audited change, the same notice to the trainee."""
        self.require(actor, "instructor", "override")
        attempt = self._attempt(actor, str(attempt_id), "override")
        if criterion not in CRITERIA:
            raise Refused(f"Unknown criterion \u201c{criterion}\u201d: use one of {', '.join(CRITERIA)}.")
        reason = reason.strip()
        if not reason:
            raise Refused("The reason can't be empty: the trainee is told why.")
        return self._apply_override(actor, attempt, criterion, met, reason)

    def assign_to_unit(self, actor: User, unit_id: int, scenario_id: str, due: str | None, today: date) -> Outcome:
        """/assign by form: assign, or change the due date (extend); members are told as in chat."""
        self.require(actor, "instructor", "assign")
        unit = self._unit_by_id(actor, unit_id, "assign")
        if scenario_id not in self.library.scenarios:
            raise Refused("Choose a call from the list.")
        due = _date(due) if due else None
        if due and due < today.isoformat():
            raise Refused(f"{due} is in the past (today is {today.isoformat()}): choose today or a later date.")
        return self._assign(actor, scenario_id, unit, due)

    def unassign(self, actor: User, unit_id: int, scenario_id: str) -> Outcome:
        """Remove an assignment: members who had not done it are told it is off their list."""
        self.require(actor, "instructor", "assign")
        unit = self._unit_by_id(actor, unit_id, "assign")
        assignment = self.units.assignment(unit.id, scenario_id)
        title = self._title(scenario_id)
        if assignment is None:
            raise Refused(f"\u201c{title}\u201d is not assigned to \u201c{unit.name}\u201d.")
        done = self.units.completed_by(assignment["id"])
        told = [m for m in self.units.members(unit.id) if m["id"] not in done]
        self.units.unassign(assignment["id"], actor.id, f"{scenario_id} from unit {unit.id}")
        text = f"Your instructor removed an assignment: \u201c{title}\u201d is no longer on your list."
        reply = f"Removed \u201c{title}\u201d from \u201c{unit.name}\u201d; {members_told(len(told))}."
        return Outcome([reply], [Notice(m["chat_id"], text) for m in told])

    def audit_entries(
        self, actor: User, page: int, per_page: int = 50, action: str = "", who: int | None = None
    ) -> tuple[list[dict], dict[int, str], bool]:
        """A page of the audit log, newest first, of one action or one person when asked:
        (rows, names of the people in it, whether more follow)."""
        self.require(actor, "admin", "audit")
        rows = self.units.audit_log(per_page + 1, max(0, page) * per_page, action, who)
        names = self.units.names(
            {r["actor"] for r in rows} | {int(i) for r in rows for i in _USER.findall(r["detail"])}
        )
        return rows[:per_page], names, len(rows) > per_page

    # --- helpers ------------------------------------------------------------------------

    def _visible(self, actor: User) -> list[Unit]:
        return self.units.visible(actor.id, admin=self.role_of(actor.id) == "admin")

    def _chosen(self, actor: User, code: str | None, unit_id: int | None, command: str) -> list[Unit]:
        if unit_id is not None:
            return [self._unit_by_id(actor, unit_id, command)]
        return [self._unit(actor, code, command)] if code else self._visible(actor)

    def _unit_by_id(self, actor: User, unit_id: int, command: str) -> Unit:
        unit = next((u for u in self._visible(actor) if u.id == unit_id), None)
        if unit is None:
            raise Refused("That unit is not among yours. /units lists them.")
        return unit

    def _scenarios(self):
        return sorted(self.library.scenarios.values(), key=lambda s: (s.difficulty != "routine", s.channel, s.id))

    def _unit(self, actor: User, code: str | None, command: str) -> Unit:
        if not code:
            raise Refused(f"Usage: /{command} <unit_code> (see /units for your codes)")
        unit = next((u for u in self._visible(actor) if u.code == code), None)
        if unit is None:
            raise Refused(f"No unit with code {code} among yours. /units lists them.")
        return unit

    def _attempt(self, actor: User, raw_id: str | None, command: str):
        attempt_id = _int(raw_id, f"Usage: /{command} <attempt_id> (a number; see /results)")
        attempt = self.store.attempt(attempt_id)
        allowed = attempt is not None and (
            self.role_of(actor.id) == "admin" or self.units.may_see(actor.id, attempt.user_id, attempt.started_at)
        )
        if not allowed:
            raise Refused(f"No attempt {attempt_id} among your units' trainees.")
        return attempt

    def _title(self, scenario_id: str) -> str:
        scenario = self.library.scenarios.get(scenario_id)
        return scenario.title if scenario else scenario_id

    def _addressed(self, scenario_id: str, stored: dict) -> Addressed:
        """The stored facts, described in the scenario's words when it is still loaded."""
        scenario = self.library.scenarios.get(scenario_id)
        facts = stored["facts"]
        descriptions = {f: scenario.contact.describe(f) for f in facts} if scenario else {}
        return Addressed(facts, descriptions, tuple(stored.get("wrong_information") or ()))


_USER = re.compile(r"user (\d+)")


def members_told(count: int) -> str:
    return "1 member told" if count == 1 else f"{count} members told"


def assignment_standing(detail: dict, today: date) -> list[dict]:
    """Each of a member's unit assignments: (total, automatic fail) of the latest and the best finished
    attempt since it was assigned (None when not done), and whether it is overdue."""
    standing = []
    for a in detail["assignments"]:
        mine = [
            (t["total"] or 0, _failed(t))
            for t in detail["attempts"]  # newest first
            if t["scenario_id"] == a["scenario_id"] and t["started_at"] >= a["assigned_at"]
        ]
        overdue = not mine and bool(a["due"]) and a["due"] < today.isoformat()
        best = max(mine, key=_best) if mine else None
        standing.append({**a, "latest": mine[0] if mine else None, "best": best, "overdue": overdue})
    return standing


def _a(role: str) -> str:
    return "an" if role[0] in "aeiou" else "a"


def _failed(row: dict) -> bool:
    return row.get("auto_fail") not in (None, "[]")


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _best(score: tuple[int, bool]) -> tuple[bool, int]:
    """An attempt without an automatic fail beats any with one; then the higher total."""
    return (not score[1], score[0])


def _verdict_line(label: str, result: dict) -> str:
    """One stored verdict, as on the scorecard: mark, label, the trainee's words."""
    if not result["applicable"]:
        return f"{NOT_APPLICABLE} {label} \u2014 n/a"
    evidence = f" \u2014 \u201c{result['evidence']}\u201d (turn {result['turn']})" if result["evidence"] else ""
    partly = ", partly" if not result["met"] and (result["score"] or 0) > 0 else ""
    return f"{MET if result['met'] else MISSED} {label}{partly}{evidence}"


def _int(raw: str | None, usage: str) -> int:
    """A plain ASCII number ("²" and "١" pass str.isdigit() but are no id)."""
    raw = (raw or "").strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 15:
        raise Refused(usage)
    return int(raw)


def _date(raw: str) -> str:
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError as exc:
        raise Refused(f"\u201c{raw}\u201d is not a date: use YYYY-MM-DD, e.g. 2026-12-01.") from exc
