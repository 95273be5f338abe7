"""Time as people live it: stored UTC instants shown in the deployment's time zone (DESKDRILL_TIMEZONE)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo


def local(iso: str, tz: tzinfo) -> datetime:
    """A stored ISO instant (UTC, or naive meaning UTC) in the local zone."""
    moment = datetime.fromisoformat(iso)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz)


def local_date(iso: str, tz: tzinfo) -> date:
    return local(iso, tz).date()


def date_hour(iso: str | None, tz: tzinfo) -> str:
    """ "2026-11-23 14:00" in the local zone: how lists show a time."""
    return local(iso, tz).strftime("%Y-%m-%d %H:00") if iso else ""


def today_in(tz: tzinfo) -> date:
    return datetime.now(tz).date()


def weekday_date(day: date, year: bool = False) -> str:
    """ "Fri 12 Dec" (or "Fri 12 Dec 2026"): a local day as lists and reports show it, weekday first."""
    return f"{day:%a} {day.day} {day:%b}" + (f" {day.year}" if year else "")


def utc_bound(day: date, tz: tzinfo) -> str:
    """The stored UTC instant at which the local `day` begins (its midnight in `tz`): a period's bound,
    compared with stored times as text, so it is written the way they are ("2026-11-01T07:00:00+00:00")."""
    return datetime.combine(day, time(0), tz).astimezone(UTC).isoformat(timespec="seconds")


def weekday_time(iso: str, tz: tzinfo) -> str:
    """ "Fri 12 Dec, 14:05": a stored instant as a list of one person's calls shows it, in the local zone."""
    moment = local(iso, tz)
    return f"{weekday_date(moment.date())}, {moment:%H:%M}"


def due_text(due: str | None, none: str = "no due date") -> str:
    """ "due Fri 12 Dec" for an ISO due date, or `none` when there is no due date."""
    return f"due {weekday_date(date.fromisoformat(due))}" if due else none
