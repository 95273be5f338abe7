"""Reporting periods: this week, last week, this month, last month, a calendar month, or a range of days.

Days are local days in the agency's time zone (DESKDRILL_TIMEZONE). Weeks start on Monday and
months on the 1st, at local midnight; a period's bounds are those midnights as the UTC instants
attempts are stored in, so a call finished at 23:30 on 31 October in Los Angeles counts in October
whatever the clocks did that week. A period is written, typed and carried in links and buttons as a
token: a word (`this-month`), a month (`2026-11`) or two dates (`2026-11-01..2026-11-15`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from bot.clock import utc_bound, weekday_date
from bot.training.outcome import Refused

KINDS: dict[str, str] = {
    "this-week": "This week",
    "last-week": "Last week",
    "this-month": "This month",
    "last-month": "Last month",
}
"""The periods relative to today, in the order their buttons and links show them."""
DEFAULT = "this-month"
MAX_DAYS = 366
"""A range of days covers at most a year (its trend has at most 53 weeks)."""
TREND_WEEKS = 8
"""A trend shows at least this many weeks, ending with the period's last week (up to today)."""
HELP = (
    "this-week, last-week, this-month, last-month, a month (2026-11), a year (2026) or two dates "
    "(2026-11-01..2026-11-15)"
)
MONTH, YEAR = re.compile(r"^(\d{4})-(\d{2})$"), re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class Period:
    """Local days `first` up to (not including) `after`; `kind` is a KINDS key, "month" or "custom"."""

    first: date
    after: date
    kind: str = "custom"

    @property
    def last(self) -> date:
        return self.after - timedelta(days=1)

    @property
    def whole_month(self) -> bool:
        return self.first.day == 1 and self.after == next_month(self.first)

    @property
    def whole_year(self) -> bool:
        return self.first == date(self.first.year, 1, 1) and self.after == date(self.first.year + 1, 1, 1)

    def dates(self) -> str:
        """ "Sun 1 Nov – Mon 30 Nov 2026"; a single day as "Mon 30 Nov 2026"."""
        if self.first == self.last:
            return weekday_date(self.first, year=True)
        start = weekday_date(self.first, year=self.first.year != self.last.year)
        return f"{start} \u2013 {weekday_date(self.last, year=True)}"

    def name(self) -> str:
        """ "this month", "November 2026", or the dates of a custom range."""
        if self.kind in KINDS:
            return KINDS[self.kind].lower()
        if self.whole_month:
            return f"{self.first:%B %Y}"
        return str(self.first.year) if self.whole_year else self.dates()

    def short(self) -> str:
        """The days themselves, briefly, as read any day: "October 2026", "week of Mon 16 Nov 2026", the dates."""
        if self.whole_month:
            return f"{self.first:%B %Y}"
        if self.first.weekday() == 0 and self.after == self.first + timedelta(weeks=1):
            return f"week of {weekday_date(self.first, year=True)}"
        return str(self.first.year) if self.whole_year else self.dates()

    def words(self) -> str:
        """ "this month (Sun 1 Nov – Mon 30 Nov 2026)", "November 2026", "Mon 2 Nov – Sun 15 Nov 2026"."""
        if self.kind in KINDS:
            return f"{self.name()} ({self.dates()})"
        return self.name()

    def token(self) -> str:
        """How links, buttons and commands write it: the kind for a relative period, else `fixed()`."""
        return self.kind if self.kind in KINDS else self.fixed()

    def fixed(self) -> str:
        """The same days whenever it is read: "2026-11" for a calendar month, else "2026-11-01..2026-11-15"."""
        if self.whole_month:
            return f"{self.first:%Y-%m}"
        if self.whole_year:
            return str(self.first.year)
        return f"{self.first.isoformat()}..{self.last.isoformat()}"

    def bounds(self, tz: tzinfo) -> tuple[str, str]:
        """(since, until): the UTC instants of its first local midnight and of the one after its last day."""
        return utc_bound(self.first, tz), utc_bound(self.after, tz)

    def mondays(self, today: date, weeks: int = TREND_WEEKS) -> list[date]:
        """The Mondays of its trend, oldest first: every week it touches up to today, at least `weeks` of them."""
        end = min(self.last, max(today, self.first))
        last_monday = monday_of(end)
        first_monday = min(monday_of(self.first), last_monday - timedelta(weeks=weeks - 1))
        return [first_monday + timedelta(weeks=i) for i in range((last_monday - first_monday).days // 7 + 1)]

    def trend_bounds(self, today: date, tz: tzinfo, weeks: int = TREND_WEEKS) -> tuple[list[date], list[str]]:
        """The trend's Mondays and its bucket bounds: each Monday's midnight, then the end (the period's
        end, or the Monday after the last week when that comes first), as UTC instants."""
        mondays = self.mondays(today, weeks)
        end = min(self.after, mondays[-1] + timedelta(weeks=1))
        return mondays, [utc_bound(m, tz) for m in mondays] + [utc_bound(end, tz)]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def next_month(day: date) -> date:
    """The first day of the month after `day`'s."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def relative(kind: str, today: date) -> Period:
    """This week, last week, this month or last month, as seen on `today`."""
    if kind == "this-week":
        return Period(monday_of(today), monday_of(today) + timedelta(weeks=1), kind)
    if kind == "last-week":
        return Period(monday_of(today) - timedelta(weeks=1), monday_of(today), kind)
    first = today.replace(day=1)
    if kind == "this-month":
        return Period(first, next_month(first), kind)
    if kind == "last-month":
        before = (first - timedelta(days=1)).replace(day=1)
        return Period(before, first, kind)
    raise Refused(f"\u201c{kind}\u201d is not a period: use {HELP}.")


def month(raw: str) -> Period:
    """ "2026-11": that calendar month. Refused otherwise."""
    found = MONTH.match(raw.strip())
    if not found or not 1 <= int(found[2]) <= 12 or int(found[1]) < 2000:
        raise Refused(f"\u201c{raw}\u201d is not a month: use YYYY-MM, e.g. 2026-11.")
    first = date(int(found[1]), int(found[2]), 1)
    return Period(first, next_month(first), "month")


def between(first_raw: str, last_raw: str, today: date) -> Period:
    """The days from `first_raw` to `last_raw`, both included (ISO dates): the dashboard's from/to form."""
    first, last = day_of(first_raw, "From"), day_of(last_raw, "To")
    if last < first:
        raise Refused(
            f"The period ends ({weekday_date(last, True)}) before it starts ({weekday_date(first, True)}): "
            "swap the dates."
        )
    if (last - first).days >= MAX_DAYS:
        raise Refused(f"A period covers at most {MAX_DAYS} days: choose a shorter one, or a month.")
    if first > today:
        raise Refused(f"The period starts after today ({weekday_date(today, True)}): choose one that has begun.")
    return Period(first, last + timedelta(days=1))


def day_of(raw: str, which: str) -> date:
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise Refused(f"{which}: \u201c{raw}\u201d is not a date: use YYYY-MM-DD, e.g. 2026-11-01.") from None


def parse(raw: str, today: date) -> Period:
    """A period as a token (typed, or from a link or button): see HELP. Refused, saying what to type."""
    text = raw.strip().lower()
    if text in KINDS:
        return relative(text, today)
    if MONTH.match(text):
        return month(text)
    if YEAR.match(text) and int(text) >= 2000:
        return Period(date(int(text), 1, 1), date(int(text) + 1, 1, 1))
    first, sep, last = text.partition("..")
    if sep:
        return between(first, last, today)
    raise Refused(f"\u201c{raw}\u201d is not a period: use {HELP}.")


def looks_like_period(raw: str) -> bool:
    """A typed argument meant as a period (a word of KINDS, or digits with dashes and dots), not a unit code."""
    text = raw.strip().lower()
    return text in KINDS or (bool(text) and text[0].isdigit() and set(text) <= set("0123456789-."))


def from_query(params: Mapping[str, str], today: date, default: str = DEFAULT) -> Period:
    """The period a page's query asks for: `from` and `to` (the form), else `period` (a link), else `month`,
    else `default`. Refused with what to type when a value is no period."""
    first, last = (params.get("from") or "").strip(), (params.get("to") or "").strip()
    if first or last:
        if not (first and last):
            raise Refused("Give both dates of the period: from and to (YYYY-MM-DD).")
        return between(first, last, today)
    if params.get("period"):
        return parse(params["period"], today)
    if params.get("month"):
        return month(params["month"])
    return relative(default, today)
