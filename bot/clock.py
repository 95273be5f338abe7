"""Time as people live it: stored UTC instants shown in the deployment's time zone (DESKDRILL_TIMEZONE)."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo


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
