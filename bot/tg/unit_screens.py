"""A unit's card for its instructors (join code with a Share button, people, rename, archive), the confirming
taps of each change, a trainee leaving a unit, and the due date tapped when assigning a call.

Every change is asked first ("Remove Sam from “Day shift”?" [Remove] [Cancel]); the confirming tap calls the
rule again, which checks the permission again (bot.training.membership).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from urllib.parse import quote

from bot.clock import weekday_date
from bot.storage.outbox import Buttons
from bot.storage.units import Unit
from bot.tg import callbacks as cb
from bot.tg.pages import button, columns, in_pairs, label, nav, paginate
from bot.tg.screen import Screen, screen
from bot.training.dates import DueChoice, due_choices
from bot.training.department import Department
from bot.training.membership import Removal, Roster
from bot.training.outcome import Outcome
from bot.transcript import User

PEOPLE_PER_PAGE = 20
"""Remove buttons on a page of a unit's people."""
CHOICE_WORDS = {"tomorrow": "Tomorrow", "friday": "Friday", "week": "In a week", "two_weeks": "In two weeks"}
UNIT_BUTTONS = (
    cb.ManageUnit,
    cb.UnitPeople,
    cb.RemoveAsk,
    cb.RemoveDo,
    cb.RenameHow,
    cb.RenameDo,
    cb.ArchiveAsk,
    cb.ArchiveDo,
    cb.Restore,
    cb.ArchivedUnits,
    cb.LeaveAsk,
    cb.LeaveDo,
    cb.UnitCancel,
)


def join_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username}?start=join-{code}"


def share_button(unit: Unit, bot_username: str) -> tuple[str, str]:
    """Telegram's own share sheet with the join link and the code, ready to forward to the unit's people."""
    link = join_link(bot_username, unit.code)
    text = f"Join \u201c{unit.name}\u201d for practice calls: tap the link, or send /join {unit.code} to the bot."
    return ("Share join link", f"url:https://t.me/share/url?url={quote(link, safe='')}&text={quote(text, safe='')}")


def choice_label(choice: DueChoice) -> str:
    """ "Tomorrow (Tue 24 Nov)", "No due date"."""
    if choice.day is None:
        return "No due date"
    return f"{CHOICE_WORDS[choice.kind]} ({weekday_date(choice.day)})"


def due_number(day: date | None) -> int:
    """A due date in a button's data: 20261208, or 0 for none."""
    return int(day.strftime("%Y%m%d")) if day else 0


def due_of(number: int) -> date | None:
    text = str(number)
    return date(int(text[:4]), int(text[4:6]), int(text[6:])) if number and len(text) == 8 else None


class UnitScreens:
    def __init__(self, department: Department) -> None:
        self.department = department
        self.membership = department.membership

    def act(self, user: User, tapped: cb.Callback, bot_username: str) -> Callable[[], Screen | Outcome] | None:
        """The screen a unit button stands for (None: not one of these)."""
        m = self.membership
        match tapped:
            case cb.ManageUnit(unit_id):
                return lambda: self.manage(user, unit_id, bot_username)
            case cb.UnitPeople(unit_id, page):
                return lambda: self.people(user, unit_id, page)
            case cb.RemoveAsk(unit_id, user_id, instructor):
                return lambda: self.remove_ask(user, unit_id, user_id, bool(instructor))
            case cb.RemoveDo(unit_id, user_id, instructor):
                return lambda: self.back(m.remove(user, unit_id, user_id, bool(instructor)), cb.UnitPeople(unit_id, 0))
            case cb.RenameHow(unit_id):
                return lambda: self.rename_how(user, unit_id)
            case cb.RenameDo(unit_id):
                return lambda: self.back(m.rename(user, unit_id), cb.ManageUnit(unit_id))
            case cb.ArchiveAsk(unit_id):
                return lambda: self.archive_ask(user, unit_id)
            case cb.ArchiveDo(unit_id):
                return lambda: self.back(m.archive(user, unit_id), cb.ArchivedUnits())
            case cb.Restore(unit_id):
                return lambda: self.back(m.archive(user, unit_id, archived=False), cb.ManageUnit(unit_id))
            case cb.ArchivedUnits():
                return lambda: self.archived(user)
            case cb.LeaveAsk(unit_id):
                return lambda: self.leave_ask(user, unit_id)
            case cb.LeaveDo(unit_id):
                return lambda: m.leave(user, unit_id)
            case cb.UnitCancel():
                return lambda: m.forget_rename(user)
        return None

    @staticmethod
    def back(outcome: Outcome, to: cb.Callback, words: str = "\u25c0 Back") -> Screen:
        return Screen(outcome, ((button(words, to),),))

    # --- a unit's card and its people ----------------------------------------------------------------

    def manage(self, actor: User, unit_id: int, bot_username: str) -> Screen:
        roster = self.membership.roster(actor, unit_id)
        unit = roster.unit
        people = f"{counted(len(roster.members), 'member')} \u00b7 {counted(len(roster.instructors), 'instructor')}"
        lines = [f"\u201c{unit.name}\u201d \u00b7 {people}"]
        if unit.archived:
            lines.append("Archived: it takes no new members and is off your lists; its results are kept.")
            keyboard: Buttons = (
                (button("Results", cb.UnitResults(unit.id, 0)), button("Restore", cb.Restore(unit.id))),
                (button("\u25c0 Archived units", cb.ArchivedUnits()),),
            )
            return screen(["\n".join(lines)], keyboard)
        if unit.revoked:
            lines.append(f"Join code {unit.code} is revoked: /newcode {unit.code} makes a fresh one.")
        else:
            lines += [f"Join code: {unit.code}", f"Join link: {join_link(bot_username, unit.code)}"]
        rows: list[tuple[tuple[str, str], ...]] = [] if unit.revoked else [(share_button(unit, bot_username),)]
        rows += [
            (
                button(f"People ({len(roster.members) + len(roster.instructors)})", cb.UnitPeople(unit.id, 0)),
                button("Results", cb.UnitResults(unit.id, 0)),
            ),
            (button("Rename", cb.RenameHow(unit.id)), button("Archive", cb.ArchiveAsk(unit.id))),
        ]
        return screen(["\n".join(lines)], tuple(rows))

    def people(self, actor: User, unit_id: int, page: int) -> Screen:
        """Members then co-instructors, by name, a Remove button each (none for yourself or a sole instructor)."""
        roster = self.membership.roster(actor, unit_id)
        entries = [(p, False) for p in roster.members] + [
            (p, True) for p in roster.instructors if p.id != actor.id and len(roster.instructors) > 1
        ]
        labels = [label(f"Remove {p.name.short}" + (" (instructor)" if i else ""), 40) for p, i in entries]
        shown, at, pages = paginate(labels, page, PEOPLE_PER_PAGE)
        keys = [button(labels[n], cb.RemoveAsk(unit_id, entries[n][0].id, int(entries[n][1]))) for n in shown]
        more = nav(at, pages, lambda p: cb.UnitPeople(unit_id, p))
        back = ((button("\u25c0 Unit", cb.ManageUnit(unit_id)),),)
        return screen([people_text(roster)], columns(keys) + more + back)

    def remove_ask(self, actor: User, unit_id: int, user_id: int, instructor: bool) -> Screen:
        r: Removal = self.membership.removal(actor, unit_id, user_id, instructor)
        where = f"\u201c{r.unit.name}\u201d"
        if instructor:
            text = f"Remove {r.person.name} as an instructor of {where}? They are told; their other units stay."
        else:
            text = (
                f"Remove {r.person.name} from {where}? They are told, and its assignments leave their list; "
                "their calls stay theirs."
            )
        remove = button("Remove", cb.RemoveDo(unit_id, user_id, int(instructor)))
        return screen([text], ((remove, button("Cancel", cb.UnitCancel())),))

    def rename_how(self, actor: User, unit_id: int) -> Screen:
        unit = self.membership.unit(actor, unit_id)
        how = f"To rename \u201c{unit.name}\u201d, send:\n/rename {unit.code} <new name>"
        return self.back(Outcome([how]), cb.ManageUnit(unit_id))

    def rename_ask(self, actor: User, args: list[str]) -> Screen:
        """/rename <code> <new name>: asked, then renamed by the tap."""
        unit, name = self.membership.ask_rename(actor, args)
        keyboard = ((button("Rename", cb.RenameDo(unit.id)), button("Cancel", cb.UnitCancel())),)
        return screen([f"Rename \u201c{unit.name}\u201d to \u201c{name}\u201d? Its members are told."], keyboard)

    def archive_ask(self, actor: User, unit_id: int) -> Screen:
        unit = self.membership.archivable(actor, unit_id)
        text = (
            f"Archive \u201c{unit.name}\u201d? It takes no new members, leaves your lists and its reminders stop. "
            "Its results are kept under Archived in /units, and you can restore it."
        )
        return screen([text], ((button("Archive", cb.ArchiveDo(unit_id)), button("Cancel", cb.UnitCancel())),))

    def archived(self, actor: User) -> Screen:
        lines = self.department.units.lines(actor, archived=True)
        if not lines:
            return screen(["You have no archived units."])
        text = "Archived units (results kept):\n" + "\n".join(f"{u.unit.name}: {u.members} members" for u in lines)
        keyboard = tuple(
            (button(label(u.unit.name, 28), cb.UnitResults(u.unit.id, 0)), button("Restore", cb.Restore(u.unit.id)))
            for u in lines[:40]
        )
        return screen([text], keyboard)

    # --- a trainee leaves ------------------------------------------------------------------------------

    def leave(self, user: User) -> Screen:
        """/leave: the units the person is a member of, a button each; with one, the question at once."""
        units = self.membership.my_units(user)
        if not units:
            return screen(["You're not a member of any unit. Your instructor gives you a code for /join."])
        if len(units) == 1:
            return self.leave_ask(user, units[0].id)
        keyboard = tuple((button(label(f"Leave {u.name}", 60), cb.LeaveAsk(u.id)),) for u in units[:40])
        return screen(["Which unit do you want to leave?"], keyboard)

    def leave_ask(self, user: User, unit_id: int) -> Screen:
        unit = self.membership.leaving(user, unit_id)
        text = (
            f"Leave \u201c{unit.name}\u201d? Its assignments leave your list and its instructors are told. "
            "Your own calls and results stay yours."
        )
        return screen([text], ((button("Leave", cb.LeaveDo(unit.id)), button("Cancel", cb.UnitCancel())),))

    # --- the due date of a call assigned by taps ---------------------------------------------------------

    def due_picker(self, actor: User, scenario_id: str, unit_id: int, today: date) -> Screen:
        """The call and unit tapped: Tomorrow, Friday, In a week, In two weeks, No due date (each with its date)."""
        unit = self.department.assignments.unit_for(actor, scenario_id, unit_id)
        title = self.department.calls.title(scenario_id)
        fmt = self.department.calendar.date_format
        keys = [
            button(choice_label(c), cb.AssignDue(scenario_id, unit.id, due_number(c.day))) for c in due_choices(today)
        ]
        text = (
            f"Assign \u201c{title}\u201d to \u201c{unit.name}\u201d: when is it due?\n"
            f"(Another date: /assign {scenario_id} {unit.code} {fmt})"
        )
        return screen([text], in_pairs(keys))


def counted(n: int, word: str) -> str:
    """ "1 member", "3 members"."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def people_text(roster: Roster) -> str:
    """ "“Day shift”\nMembers (2): Kim, Sam\nInstructors (2): Alex, Jo" """
    members = ", ".join(str(p.name) for p in roster.members) or "none yet"
    instructors = ", ".join(str(p.name) for p in roster.instructors)
    return (
        f"\u201c{roster.unit.name}\u201d\nMembers ({len(roster.members)}): {label(members, 1500)}\n"
        f"Instructors ({len(roster.instructors)}): {label(instructors, 500)}"
    )
