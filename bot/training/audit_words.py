"""The audit log in plain words: what each action is called, and each entry's detail as a person reads it.

An entry is stored as it was written ("override", "attempt 12 greeting -> missed: no agency name"); this
module says it for people ("changed a verdict", "Greeting marked missed on call 12: “no agency name”"),
naming people and units by name. A detail in a shape it does not know still reads: the people, units
and calls it names are named, its arrows drawn. The stored entries never change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.storage.audit import LoggedPerson
from bot.training.names import staff_names
from bot.transcript import LABELS

ACTIONS = {
    "addinstructor": "added an instructor to a unit",
    "admins": "changed an admin",
    "archive": "archived a unit",
    "assign": "assigned a call",
    "dashboard": "signed in to the dashboard",
    "demote": "took away the instructor role",
    "erase": "erased a person",
    "export": "downloaded results",
    "exportaudit": "downloaded the audit log",
    "leave": "left a unit",
    "newcode": "made a new join code",
    "newunit": "created a unit",
    "override": "changed a verdict",
    "profile": "changed a training profile",
    "promote": "made an instructor",
    "refused": "was refused",
    "regrade": "re-graded calls",
    "remind": "sent a reminder",
    "removeinstructor": "removed an instructor from a unit",
    "removemember": "removed a member from a unit",
    "renameunit": "renamed a unit",
    "restore": "restored a unit",
    "retention": "purged old records",
    "review_answer": "answered a review request",
    "review_ask": "asked for a review",
    "revoke": "revoked a join code",
    "unassign": "removed an assignment",
}
"""Each action as the log says it, after the name of who did it."""

SYSTEM = {"admins": "the settings", "retention": "the retention schedule", "erase": "the command line"}
"""Who did what no person did (actor 0), by action; anything else: "the system"."""

REFERENCE = re.compile(r"\b(unit|units|assignment|attempt|user|person) (\[[\d, ]*\]|\d+)")
"""How a detail names what it acted on: "unit 3", "units [1, 2]", "attempt 12", "user 7", "person 7"."""


@dataclass(frozen=True)
class References:
    """The ids an entry's detail names, by kind."""

    units: tuple[int, ...]
    assignments: tuple[int, ...]
    attempts: tuple[int, ...]
    people: tuple[int, ...]


def references(detail: str) -> References:
    found: dict[str, list[int]] = {"unit": [], "assignment": [], "attempt": [], "user": []}
    for kind, ids in REFERENCE.findall(detail or ""):
        kind = {"units": "unit", "person": "user"}.get(kind, kind)
        found[kind] += [int(i) for i in re.findall(r"\d+", ids)]
    return References(*(tuple(found[k]) for k in ("unit", "assignment", "attempt", "user")))


def action_words(action: str) -> str:
    """An action as the filter lists it."""
    return ACTIONS.get(action, action.replace("_", " "))


def did(action: str, detail: str) -> str:
    """What the entry says was done: "changed a verdict"; an admin made or unmade."""
    if action == "admins":
        return "made an admin" if detail.split(" (")[0].endswith("-> admin") else "removed an admin"
    return action_words(action)


def day(iso_date: str) -> str:
    """ "2026-12-01" as "Tue 1 Dec 2026"; anything else as it is."""
    try:
        when = date.fromisoformat(iso_date)
    except ValueError:
        return iso_date
    return f"{when:%a} {when.day} {when:%b %Y}"


def article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


class Wording:
    """Details in plain words, with the names of the people and units the entries name."""

    def __init__(self, people: dict[int, LoggedPerson], units: dict[int, str], title: Callable[[str], str]) -> None:
        self.people, self.units, self.title = people, units, title
        self.names = staff_names(p.who for p in people.values() if not p.erased)
        """Everyone the entries name, as staff read them, told apart from each other (bot.training.names)."""

    def name(self, user_id: int) -> str:
        """Their full name, else their first name (with @username or id beside another of that name); "erased #7"
        once erased; "#7" when the bot does not know them."""
        person = self.people.get(user_id)
        if person is not None and person.erased:
            return f"erased #{user_id}"
        return self.names[user_id].short if user_id in self.names else f"#{user_id}"

    def unit(self, unit_id: int | str) -> str:
        return self.units.get(int(unit_id), f"unit #{unit_id}")

    def call(self, scenario_id: str) -> str:
        return f"\u201c{self.title(scenario_id)}\u201d"

    def details(self, action: str, detail: str) -> str:
        shape = DETAILS.get(action)
        match = shape[0].fullmatch(detail or "") if shape else None
        return shape[1](self, match) if match else self.named(detail or "")

    def named(self, detail: str) -> str:
        """Any detail with its people, units and calls named, its arrows drawn."""

        def name(match: re.Match[str]) -> str:
            kind, ids = match.groups()
            numbers = [int(i) for i in re.findall(r"\d+", ids)]
            if kind in ("user", "person"):
                return self.name(numbers[0])
            if kind in ("unit", "units"):
                return " and ".join(self.unit(u) for u in numbers) or "no units"
            return f"{'call' if kind == 'attempt' else kind} {ids}"

        return REFERENCE.sub(name, detail).replace(" -> ", " \u2192 ")

    # --- one shape of detail each ---------------------------------------------------------------

    def role(self, m: re.Match[str]) -> str:
        role, settings = m.group(1), m.group(2)
        if settings:
            return f"{'now' if role == 'admin' else 'no longer'} an admin (set in {settings})"
        return f"now {article(role)} {role}"

    def override(self, m: re.Match[str]) -> str:
        attempt, criterion, verdict, reason = m.groups()
        said = f"{LABELS.get(criterion, criterion)} marked {verdict} on call {attempt}"
        return f"{said}: \u201c{reason}\u201d" if reason else said

    def assign(self, m: re.Match[str]) -> str:
        scenario, unit, due, mark = m.groups()
        parts = [f"{self.call(scenario)} to {self.unit(unit)}"]
        parts += [f"due {day(due)}"] if due else []
        parts += [f"pass mark {mark}"] if mark else []
        return ", ".join(parts)

    def export(self, m: re.Match[str]) -> str:
        completed, count, what, ids, period = m.groups()
        units = " and ".join(self.unit(u) for u in re.findall(r"\d+", ids)) or "no units"
        noun = ("completion" if what == "completions" else "call") + ("" if count == "1" else "s")
        said = f"{'completed training: ' if completed else ''}{count} {noun} of {units}"
        return f"{said} for {period}" if period else said

    def review(self, m: re.Match[str]) -> str:
        attempt, criterion, status, said = m.groups()
        about = f"{LABELS.get(criterion, criterion)} on call {attempt}" + (f" {status}" if status else "")
        return f"{about}: \u201c{said}\u201d"


def signed_in(_: Wording, m: re.Match[str]) -> str:
    how = m.group(1)
    return {"Telegram": "from Telegram", "one-time link": "with a one-time link"}.get(how, f"by {how}")


def capitalised(_: Wording, m: re.Match[str]) -> str:
    """The rest of the detail as it is, a sentence's capital first; "attempts" are "calls" on the dashboard."""
    return (m[1][:1].upper() + m[1][1:]).replace(" attempts", " calls").replace(" attempt ", " call ")


def quoted(_: Wording, m: re.Match[str]) -> str:
    return f"\u201c{m[1]}\u201d"


DETAILS: dict[str, tuple[re.Pattern[str], Callable[[Wording, re.Match[str]], str]]] = {
    "promote": (re.compile(r"user \d+ -> (\w+)()"), Wording.role),
    "demote": (re.compile(r"user \d+ -> (\w+)()"), Wording.role),
    "admins": (re.compile(r"user \d+ -> (\w+) \((\w+)\)"), Wording.role),
    "refused": (re.compile(r"/(\w+) needs (\w+)"), lambda w, m: f"/{m[1]} needs the {m[2]} role"),
    "dashboard": (re.compile(r"signed in \((.+)\)"), signed_in),
    "export": (
        re.compile(r"(completed training: )?(\d+) (attempts|completions) of units \[([\d, ]*)\](?: for (.+))?"),
        Wording.export,
    ),
    "remind": (re.compile(r"(\S+) \(assignment \d+\) to user \d+"), lambda w, m: f"about {w.call(m[1])}"),
    "override": (re.compile(r"attempt (\d+) (\w+) -> ([\w/]+)(?:: (.*))?", re.S), Wording.override),
    "review_ask": (re.compile(r"attempt (\d+) (\w+)(): (.*)", re.S), Wording.review),
    "review_answer": (re.compile(r"attempt (\d+) (\w+) (\w+): (.*)", re.S), Wording.review),
    "erase": (re.compile(r"person \d+: (.+)", re.S), capitalised),
    "profile": (re.compile(r"profile of user \d+: (.+)", re.S), capitalised),
    "newunit": (re.compile(r"unit \d+ '(.*)'", re.S), quoted),
    "archive": (re.compile(r"unit \d+ '(.*)'", re.S), quoted),
    "restore": (re.compile(r"unit \d+ '(.*)'", re.S), quoted),
    "renameunit": (
        re.compile(r"unit \d+ '(.*)' -> '(.*)'", re.S),
        lambda w, m: f"\u201c{m[1]}\u201d \u2192 \u201c{m[2]}\u201d",
    ),
    "revoke": (re.compile(r"unit (\d+) code revoked"), lambda w, m: f"{w.unit(m[1])}: its join code no longer works"),
    "newcode": (
        re.compile(r"unit (\d+) has a new join code"),
        lambda w, m: f"for {w.unit(m[1])}; the old one no longer works",
    ),
    "addinstructor": (re.compile(r"user \d+ instructs unit (\d+)"), lambda w, m: f"to {w.unit(m[1])}"),
    "removeinstructor": (re.compile(r"user \d+ from unit (\d+)"), lambda w, m: f"from {w.unit(m[1])}"),
    "removemember": (re.compile(r"user \d+ from unit (\d+)"), lambda w, m: f"from {w.unit(m[1])}"),
    "leave": (re.compile(r"user \d+ from unit (\d+)"), lambda w, m: f"{w.unit(m[1])}"),
    "assign": (re.compile(r"(\S+) to unit (\d+)(?: due (\S+))?(?: pass mark (\d+))?"), Wording.assign),
    "unassign": (re.compile(r"(\S+) from unit (\d+)"), lambda w, m: f"{w.call(m[1])} from {w.unit(m[2])}"),
}
"""The details the bot writes, by action: their shape, and how each reads."""
