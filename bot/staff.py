"""What instructors and admins can do, each command checking the caller's role on the server.

Every method takes the acting user and raw arguments, validates them, and returns an
`Outcome` (replies, messages for other users, an optional file); a refusal or a bad
argument raises `Refused` with one line a person can act on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from bot.coach import User
from bot.grading import CRITERIA, Addressed
from bot.library import Library
from bot.outbox import Outgoing
from bot.reports import unit_report
from bot.scorecard import LABELS, MET, MISSED, NOT_APPLICABLE, addressed_lines, auto_fail_line, total_text
from bot.store import Store
from bot.units import Unit, Units

log = logging.getLogger(__name__)

ROLES = ("trainee", "instructor", "admin")


class Refused(Exception):
    """A one-line answer instead of the command's result."""


@dataclass(frozen=True)
class Notice:
    """A message for another user: an assignment, an override, a reminder."""

    chat_id: int
    text: str


@dataclass(frozen=True)
class Outcome:
    replies: list[str]
    notices: list[Notice] = field(default_factory=list)
    render: tuple[str, dict] | None = None
    """A chart or file to draw and send after the replies: (renderer name, its arguments)."""
    buttons: list[tuple[str, str]] = field(default_factory=list)
    role_changed: tuple[int, str] | None = None
    """(chat id, new role) when someone's command menu must change."""


class Staff:
    def __init__(self, store: Store, library: Library, admins: frozenset[int] = frozenset()) -> None:
        self.store, self.library, self.admins = store, library, admins
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
        target_id = _int(raw_id, f"Usage: /{command} <user_id> (a number; the user must have sent /start)")
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

    def audit_log(self, actor: User) -> Outcome:
        self.require(actor, "admin", "audit")
        rows = self.units.audit_log(20)
        lines = [f"{r['at'][:16].replace('T', ' ')}  {r['actor']}  {r['action']}: {r['detail']}" for r in rows]
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
        return Outcome(["Your units:\n" + "\n".join(lines)])

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

    def assign(self, actor: User, args: list[str]) -> Outcome:
        self.require(actor, "instructor", "assign")
        if len(args) not in (2, 3):
            raise Refused("Usage: /assign <scenario_id> <unit_code> [YYYY-MM-DD]")
        scenario = self.library.scenarios.get(args[0])
        if scenario is None:
            raise Refused(f"No scenario \u201c{args[0]}\u201d. Known: {', '.join(sorted(self.library.scenarios))}.")
        unit = self._unit(actor, args[1], "assign")
        due = _date(args[2]) if len(args) == 3 else None
        self.units.assign(unit, scenario.id, due, actor.id)
        when = f", due {due}" if due else ""
        members = self.units.members(unit.id)
        notices = [
            Notice(
                m["chat_id"],
                f"New assignment from your instructor: \u201c{scenario.title}\u201d{when}. "
                f"Start it with /practice {scenario.id} or see /assignments.",
            )
            for m in members
        ]
        return Outcome(
            [f"Assigned \u201c{scenario.title}\u201d to \u201c{unit.name}\u201d{when}; {len(members)} members told."],
            notices,
        )

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
            if not done:
                buttons.append((f"Start: {title}", a["scenario_id"]))
        return Outcome(["\n".join(lines)], buttons=buttons)

    def queue_reminders(self, today: date) -> int:
        """Owe the reminders due now: once a day up to the due date, once when overdue.

        Each is recorded and put in the outbox in one transaction, so it is neither lost nor
        sent twice; it counts as delivered only when the sender has delivered it.
        """
        queued = 0
        for row in self.units.unfinished_assignments():
            title = self._title(row["scenario_id"])
            if today.isoformat() <= row["due"]:
                kind = f"day:{today.isoformat()}"
                text = f"Reminder: \u201c{title}\u201d is due {row['due']}. /practice {row['scenario_id']}"
            else:
                kind = "overdue"
                text = f"Overdue: \u201c{title}\u201d was due {row['due']}. /practice {row['scenario_id']}"
            with self.store.db.atomic():
                if self.units.mark_reminded(row["user_id"], row["assignment_id"], kind):
                    reminder = (row["user_id"], row["assignment_id"], kind)
                    self.store.owe([Outgoing(row["chat_id"], text, reminder=reminder)], "reminder")
                    queued += 1
        return queued

    # --- results -----------------------------------------------------------------------

    def results(self, actor: User, code: str | None, today: date) -> Outcome:
        self.require(actor, "instructor", "results")
        units = [self._unit(actor, code, "results")] if code else self._visible(actor)
        if not units:
            return Outcome(["You have no units yet. Create one with /newunit <name>."])
        blocks = [self._unit_results(u, today) for u in units]
        return Outcome(["\n\n".join(blocks)])

    def _unit_results(self, unit: Unit, today: date) -> str:
        assignments = self.units.assignments_of_unit(unit.id)
        lines = [f"\u201c{unit.name}\u201d ({unit.code})"]
        if not assignments:
            names = ", ".join(f"{m['first_name']} ({m['id']})" for m in self.units.members(unit.id)) or "none"
            return f"{lines[0]}: nothing assigned yet. Members: {names}."
        for member in self.units.members(unit.id):
            lines.append(f"{member['first_name']} ({member['id']}):")
            for a in assignments:
                totals = self.units.totals(member["id"], a["scenario_id"], a["assigned_at"])
                overdue = not totals and a["due"] and a["due"] < today.isoformat()
                state = (
                    f"latest {total_text(*totals[-1])}, best {total_text(*max(totals, key=_best))}"
                    if totals
                    else "not done"
                )
                lines.append(
                    f"\u2022 {a['scenario_id']}: {state}{' (OVERDUE, due ' + a['due'] + ')' if overdue else ''}"
                )
        return "\n".join(lines) if len(lines) > 1 else lines[0] + ": no members yet."

    def transcript(self, actor: User, raw_id: str | None) -> Outcome:
        self.require(actor, "instructor", "transcript")
        attempt = self._attempt(actor, raw_id, "transcript")
        turns = self.store.turns(attempt.id)
        speaker = {"visitor": "Visitor", "trainee": "Trainee"}
        total = total_text(attempt.total, bool(attempt.auto_fail)) if attempt.status == "finished" else "in progress"
        lines = [f"Attempt {attempt.id}: {self._title(attempt.scenario_id)} ({attempt.started_at[:16]}), total {total}"]
        lines += [auto_fail_line(f, turns) for f in attempt.auto_fail]
        lines += [f"{n}. {speaker[t.role]}: {t.text}" for n, t in enumerate(turns, start=1)]
        results = self.units.results_of(attempt.id)
        for criterion in CRITERIA if results else ():
            lines.append(_verdict_line(LABELS[criterion], results[criterion]))
        if attempt.addressed is not None:
            lines += addressed_lines(self._addressed(attempt.scenario_id, attempt.addressed))
        lines += [
            f"Override: {o['criterion']} {'met' if o['met'] else 'missed'} by {o['by']}: {o['reason']}"
            for o in self.units.overridden(attempt.id)
        ]
        return Outcome(["\n".join(lines)])

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
        if attempt.status != "finished":
            raise Refused(f"Attempt {attempt.id} is not finished yet.")
        if not self.units.results_of(attempt.id)[args[1]]["applicable"]:
            title = self._title(attempt.scenario_id)
            raise Refused(f"{LABELS[args[1]]} does not apply in \u201c{title}\u201d: nothing to override.")
        reason = " ".join(args[3:])
        total = total_text(
            self.units.override(attempt.id, args[1], args[2] == "met", reason, actor.id), bool(attempt.auto_fail)
        )
        trainee = self.store.user(attempt.user_id)
        change = f"{LABELS[args[1]]} on attempt {attempt.id} ({self._title(attempt.scenario_id)}) is now {args[2]}"
        return Outcome(
            [f"{change}; new total {total}. The trainee has been told."],
            [Notice(trainee["chat_id"], f"Your instructor changed {change}: {reason}. New total: {total}.")],
        )

    def report(self, actor: User, code: str | None) -> Outcome:
        self.require(actor, "instructor", "report")
        units = [self._unit(actor, code, "report")] if code else self._visible(actor)
        title = ", ".join(u.name for u in units) or "no units"
        text, _ = unit_report(*self.report_data([u.id for u in units]), title, chart=False)
        return Outcome([text], render=("report", {"unit_ids": [u.id for u in units], "title": title}))

    def report_data(self, unit_ids: list[int]) -> tuple[list[dict], dict[int, dict[str, dict]]]:
        rows = self.units.attempts_of_units(unit_ids)
        return rows, {r["id"]: self.units.results_of(r["id"]) for r in rows}

    def export(self, actor: User, code: str | None) -> Outcome:
        self.require(actor, "instructor", "export")
        units = [self._unit(actor, code, "export")] if code else self._visible(actor)
        unit_ids = [u.id for u in units]
        rows = self.units.attempts_of_units(unit_ids)
        count = len({r["id"] for r in rows})
        self.units.audit(actor.id, "export", f"{count} attempts of units {unit_ids}")
        name = f"deskdrill-{code or 'all-units'}.csv"
        noun = "attempt" if count == 1 else "attempts"
        return Outcome(
            [f"{count} {noun} exported."],
            render=("export", {"unit_ids": unit_ids, "name": name}),
        )

    # --- helpers ------------------------------------------------------------------------

    def _visible(self, actor: User) -> list[Unit]:
        return self.units.visible(actor.id, admin=self.role_of(actor.id) == "admin")

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
        return Addressed(facts, {f: scenario.contact.describe(f) for f in facts} if scenario else {})


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
