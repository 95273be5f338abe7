"""/practice as a phone shows it: what is assigned to you first, with due dates and done marks, then the other
calls by channel and difficulty, a page at a time, each a button whose label fits (never cut)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.clock import due_text
from bot.scenarios.format import Scenario
from bot.tg import callbacks as cb
from bot.tg.pages import button, columns, nav, paginate, short_title
from bot.tg.screen import Screen, screen
from bot.training.assignments import MyAssignment

CALLS_PER_PAGE = 8
ASSIGNED_SHOWN = 8
PASSED, DUE, OVERDUE = "\u2705", "\u23f3", "\u26a0\ufe0f"
CHANNELS = {"phone": ("\U0001f4de", "By phone"), "lobby": ("\U0001f3e2", "At the lobby counter")}
DIFFICULTIES = ("routine", "moderate", "hard")
HEAD = "Choose a call to practise."


def call_list(scenarios: Sequence[Scenario], mine: Sequence[MyAssignment], page: int) -> Screen:
    """Page `page` of the calls: the first opens with what is assigned to you (✅ passed, ⏳ due, ⚠️ overdue)."""
    assigned = most_urgent(mine)
    rest = sorted((s for s in scenarios if s.id not in {a.scenario_id for a in assigned}), key=call_order)
    shown, at, pages = paginate([s.id for s in rest], page, CALLS_PER_PAGE)
    lines, keyboard = [HEAD], ()
    if at == 0 and assigned:
        first = assigned[:ASSIGNED_SHOWN]
        lines += ["", "Assigned to you:"] + [assigned_line(a) for a in first]
        if len(assigned) > len(first):
            lines.append(f"\u2026 and {len(assigned) - len(first)} more: /assignments")
        keyboard += columns([button(f"{mark(a)} {short_title(a.scenario_id, a.title)}", start(a)) for a in first])
    if rest:
        which = f" (page {at + 1} of {pages})" if pages > 1 else ""
        lines += ["", ("More calls" if assigned else "All calls") + which + ":"]
        lines += grouped([rest[i] for i in shown])
        keyboard += columns([call_button(rest[i]) for i in shown])
    elif not assigned:
        lines.append("No calls are loaded: ask an admin to check the scenarios folder.")
    return screen(["\n".join(lines)], keyboard + nav(at, pages, cb.CallList))


def most_urgent(mine: Sequence[MyAssignment]) -> list[MyAssignment]:
    """One entry per call (assigned by two units: the more urgent), overdue first, then by due date, undated
    next, passed last."""
    by_call: dict[str, MyAssignment] = {}
    for a in sorted(mine, key=urgency):
        by_call.setdefault(a.scenario_id, a)
    return sorted(by_call.values(), key=urgency)


def urgency(a: MyAssignment) -> tuple[bool, bool, bool, str]:
    return (a.done, not a.overdue, a.due is None, a.due or "")


def mark(a: MyAssignment) -> str:
    return PASSED if a.done else OVERDUE if a.overdue else DUE


def assigned_line(a: MyAssignment) -> str:
    """ "⏳ An angry caller whose car was towed — due Fri 12 Dec" (or "passed", "overdue, was due ...")."""
    if a.done:
        return f"{PASSED} {a.title} \u2014 passed"
    overdue = "overdue, was " if a.overdue else ""
    return f"{mark(a)} {a.title} \u2014 {overdue}{due_text(a.due, 'to do, no due date')}"


def start(a: MyAssignment) -> cb.Practice:
    return cb.Practice(a.scenario_id)


def call_order(s: Scenario) -> tuple[int, int, str]:
    """By channel (phone, then the lobby, then any other), then difficulty, then title."""
    channel = list(CHANNELS).index(s.channel) if s.channel in CHANNELS else len(CHANNELS)
    level = DIFFICULTIES.index(s.difficulty) if s.difficulty in DIFFICULTIES else len(DIFFICULTIES)
    return channel, level, s.title.casefold()


def grouped(calls: Sequence[Scenario]) -> list[str]:
    """The page's calls under a heading per channel and difficulty: "📞 By phone, routine", "• <title>"."""
    lines, group = [], None
    for s in calls:
        if (s.channel, s.difficulty) != group:
            group = (s.channel, s.difficulty)
            icon, where = CHANNELS.get(s.channel, ("\u2022", s.channel.capitalize()))
            lines.append(f"{icon} {where}, {s.difficulty}")
        lines.append(f"\u2022 {s.title}")
    return lines


def call_button(s: Scenario) -> tuple[str, str]:
    icon = CHANNELS.get(s.channel, ("\u2022",))[0]
    return button(f"{icon} {short_title(s.id, s.title)}", cb.Practice(s.id))
