"""Fair dates: due dates typed in the agency's own format or chosen by a tap, a late joiner's own due date, and
the local hour from which the day's reminders go out (agency.yaml's `date_format`, `grace_days`, `reminder_hour`).

    due_date("12/08/2026", today, "MM/DD/YYYY") == "2026-12-08"     (December 8)
    due_date("12/08/2026", today, "DD/MM/YYYY") == "2026-08-12"     (12 August; refused if that has passed)
    member_due("2026-11-20", "2026-12-01") == "2026-12-01"          (joined 24 Nov, a week's grace)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from bot.clock import weekday_date
from bot.config import Calendar
from bot.training.outcome import Refused

TYPED = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
"""A date typed with day and month first in some order: 12/08/2026, 12.8.26, 12-08-2026."""
EXAMPLE = date(2026, 12, 8)


def example(date_format: str) -> str:
    """The agency's way of writing 8 December 2026: "12/08/2026", "08/12/2026" or "2026-12-08"."""
    return written(EXAMPLE, date_format)


def written(day: date, date_format: str) -> str:
    """A date as the agency types it."""
    if date_format == "DD/MM/YYYY":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if date_format == "MM/DD/YYYY":
        return f"{day.month:02d}/{day.day:02d}/{day.year}"
    return day.isoformat()


def iso_day(raw: str) -> date | None:
    """A year-first date (2026-12-08, 2026-12-8), always understood whatever the agency's format; else None."""
    found = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw.strip())
    return real_day(*(int(g) for g in found.groups())) if found else None


def typed_day(raw: str, date_format: str) -> date | None:
    """`raw` as a date: year first, or day and month in the agency's order (a two-digit year is this century's)."""
    found = TYPED.match(raw.strip())
    if found is None or date_format == "YYYY-MM-DD":
        return iso_day(raw)
    first, second, year = (int(g) for g in found.groups())
    month, day = (second, first) if date_format == "DD/MM/YYYY" else (first, second)
    return real_day(year + 2000 if year < 100 else year, month, day)


def real_day(year: int, month: int, day: int) -> date | None:
    """The date, or None when there is no such day (31 April, 30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def due_date(raw: str, today: date, date_format: str = "MM/DD/YYYY") -> str:
    """A due date typed by a person: today or later, as an ISO date. Refused, saying how to type it, otherwise."""
    day = typed_day(raw, date_format)
    if day is None:
        how = example(date_format)
        also = "" if date_format == "YYYY-MM-DD" else f" (or {EXAMPLE.isoformat()})"
        raise Refused(f"\u201c{raw}\u201d is not a date: type it as {date_format}, e.g. {how}{also} for 8 December.")
    return chosen_due(day, today)


def chosen_due(day: date, today: date) -> str:
    """A due date chosen (typed, tapped or picked): today or later."""
    if day < today:
        raise Refused(
            f"{weekday_date(day, year=True)} is in the past (today is {weekday_date(today)}): "
            "choose today or a later date."
        )
    return day.isoformat()


# --- due dates by tap --------------------------------------------------------------------------


@dataclass(frozen=True)
class DueChoice:
    """A due date offered by a tap: `kind` is "tomorrow", "friday", "week", "two_weeks" or "none"."""

    kind: str
    day: date | None


def due_choices(today: date) -> list[DueChoice]:
    """Tomorrow, the coming Friday (unless that is tomorrow, or a week away: today is a Friday), in a week, in two
    weeks, and no due date."""
    tomorrow, week = today + timedelta(days=1), today + timedelta(weeks=1)
    friday = today + timedelta(days=(4 - today.weekday()) % 7 or 7)
    choices = [DueChoice("tomorrow", tomorrow)]
    if friday not in (tomorrow, week):
        choices.append(DueChoice("friday", friday))
    choices += [
        DueChoice("week", week),
        DueChoice("two_weeks", today + timedelta(weeks=2)),
        DueChoice("none", None),
    ]
    return choices


# --- a late joiner's own due date ---------------------------------------------------------------


def grace_until(joined: date, calendar: Calendar) -> str:
    """The earliest date an assignment made before someone joined is due for them: the grace period from the day
    they joined (local date)."""
    return (joined + timedelta(days=calendar.grace_days)).isoformat()


def member_due(due: str | None, grace: str | None) -> str | None:
    """An assignment's due date for a member who joined after it was made: its own, or the end of their grace
    period when that is later (no due date stays none). bot.storage.standings.MEMBER_DUE is the same in SQL."""
    if due is None or grace is None:
        return due
    return max(due, grace)


# --- when reminders go out ------------------------------------------------------------------------


def reminders_due(now: datetime, today: date, calendar: Calendar, tz: tzinfo) -> bool:
    """Whether the day's reminders and digests may go out: `today` has reached the agency's reminder hour by the
    clock `now` (09:00 local by default, not just after midnight)."""
    return now >= datetime.combine(today, time(calendar.reminder_hour), tz)
