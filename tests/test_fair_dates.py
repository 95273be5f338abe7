"""Fair dates, as rules: a late joiner's own due date (the grace period from the day they joined, when later),
dates typed in the agency's format, the due dates offered by a tap, and the hour reminders wait for, by the
store's injected clock. The SQL (bot.storage.standings.MEMBER_DUE) and the Python rule agree."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.config import Calendar, ConfigError, load_calendar
from bot.scenarios.library import Library
from bot.storage.store import Store
from bot.training.dates import due_choices, due_date, grace_until, member_due, reminders_due
from bot.training.department import Department
from bot.training.outcome import Refused
from bot.training.results import overview
from bot.training.standings import statuses
from bot.transcript import User
from tests.conftest import SCENARIO_DIR

INSTRUCTOR = User(20, 20, "Ira")
TODAY = date(2026, 11, 24)  # a Tuesday
CHICAGO = ZoneInfo("America/Chicago")


# --- a late joiner's own due date --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("joined", "grace", "due", "own"),
    [
        (date(2026, 11, 27), 7, "2026-11-25", "2026-12-04"),  # joined after the date passed: a week from joining
        (date(2026, 11, 24), 7, "2026-12-20", "2026-12-20"),  # the unit's date is later: it stands
        (date(2026, 11, 24), 7, "2026-12-01", "2026-12-01"),  # exactly the grace period: the same day
        (date(2026, 11, 24), 0, "2026-11-20", "2026-11-24"),  # no grace: due the day they joined, never before
        (date(2026, 12, 28), 7, "2026-12-30", "2027-01-04"),  # across a year's end
        (date(2026, 11, 24), 7, None, None),  # no due date stays none
    ],
)
def test_a_late_joiner_is_due_the_grace_period_after_joining_when_that_is_later(
    joined: date, grace: int, due: str | None, own: str | None
) -> None:
    assert member_due(due, grace_until(joined, Calendar(grace_days=grace))) == own


def test_only_late_joiners_get_a_date_of_their_own_and_the_sql_agrees(library: Library) -> None:
    """Sam joined before the assignment was made, Kim three days after its date: Sam's date is the unit's."""
    now = [datetime(2026, 11, 20, 10, tzinfo=UTC)]
    store = Store(Database(memory=True), clock=lambda: now[0])
    department = Department(store, library, calendar=Calendar(grace_days=7))
    store.register(INSTRUCTOR.id, INSTRUCTOR.chat_id, INSTRUCTOR.first_name, None, role="instructor")
    unit = department.units.create(INSTRUCTOR, "Day shift")
    store.register(100, 100, "Sam", None)
    department.membership.join(User(100, 100, "Sam"), unit.code, date(2026, 11, 20))
    department.assignments.assign(INSTRUCTOR, ["car-break-in", unit.code, "2026-11-24"], date(2026, 11, 20))
    now[0] = datetime(2026, 11, 27, 10, tzinfo=UTC)
    store.register(200, 200, "Kim", None)
    joined = department.membership.join(User(200, 200, "Kim"), unit.code.lower(), date(2026, 11, 27))
    assert [n.text for n in joined.notices] == [
        "New assignment from your instructor: \u201cCar break-in, reported by phone\u201d, due Fri 4 Dec "
        "(it passes at 80/100). Start it with /practice car-break-in or see /assignments."
    ]
    (status,) = statuses(store.db.conn, [unit.id], date(2026, 11, 27), department.pass_mark)
    dues = {t.name.short: (t.due, t.overdue) for t in status.behind}
    assert dues == {"Sam": ("2026-11-24", True), "Kim": ("2026-12-04", False)}
    assert [t.name.short for t in status.late] == ["Sam"]
    (progress,) = overview(store.db.conn, [unit.id], date(2026, 11, 27))[unit.id].assignments
    assert progress.overdue == 1, "the unit counts Sam overdue, not Kim"
    (kim,) = department.assignments.mine(User(200, 200, "Kim"), date(2026, 11, 27))
    assert (kim.due, kim.overdue) == ("2026-12-04", False)


# --- dates typed as the agency writes them ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "date_format", "due"),
    [
        ("12/08/2026", "MM/DD/YYYY", "2026-12-08"),  # the US default: December 8
        ("12/08/2026", "DD/MM/YYYY", None),  # 12 August: in the past, refused below
        ("08/12/2026", "DD/MM/YYYY", "2026-12-08"),
        ("1/5/2027", "MM/DD/YYYY", "2027-01-05"),
        ("1/5/27", "DD/MM/YYYY", "2027-05-01"),
        ("12.8.2026", "MM/DD/YYYY", "2026-12-08"),
        ("2026-12-08", "DD/MM/YYYY", "2026-12-08"),  # ISO, always
        ("2026-12-8", "MM/DD/YYYY", "2026-12-08"),
        ("2026-12-08", "YYYY-MM-DD", "2026-12-08"),
    ],
)
def test_a_typed_date_is_read_in_the_agencys_format_and_iso_always(typed: str, date_format: str, due: str) -> None:
    if due is None:
        with pytest.raises(Refused, match=r"^Wed 12 Aug 2026 is in the past \(today is Tue 24 Nov\)"):
            due_date(typed, TODAY, date_format)
    else:
        assert due_date(typed, TODAY, date_format) == due


@pytest.mark.parametrize(
    ("typed", "date_format", "how"),
    [
        ("13/08/2026", "MM/DD/YYYY", "type it as MM/DD/YYYY, e.g. 12/08/2026 (or 2026-12-08) for 8 December."),
        ("31/02/2027", "DD/MM/YYYY", "type it as DD/MM/YYYY, e.g. 08/12/2026 (or 2026-12-08) for 8 December."),
        ("next friday", "MM/DD/YYYY", "type it as MM/DD/YYYY"),
        ("2026-13-01", "MM/DD/YYYY", "type it as MM/DD/YYYY"),
        ("12/08/2026", "YYYY-MM-DD", "type it as YYYY-MM-DD, e.g. 2026-12-08 for 8 December."),
    ],
)
def test_a_bad_date_says_how_to_type_one(typed: str, date_format: str, how: str) -> None:
    with pytest.raises(Refused) as refused:
        due_date(typed, TODAY, date_format)
    assert str(refused.value).startswith(f"\u201c{typed}\u201d is not a date: {how}")


# --- due dates by tap -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "offered"),
    [
        (date(2026, 11, 24), ["tomorrow 11-25", "friday 11-27", "week 12-01", "two_weeks 12-08", "none"]),
        (date(2026, 11, 26), ["tomorrow 11-27", "week 12-03", "two_weeks 12-10", "none"]),  # Thursday: no 2nd Friday
        (date(2026, 11, 27), ["tomorrow 11-28", "week 12-04", "two_weeks 12-11", "none"]),  # Friday: "in a week"
        (date(2026, 11, 29), ["tomorrow 11-30", "friday 12-04", "week 12-06", "two_weeks 12-13", "none"]),
    ],
)
def test_the_dates_offered_by_a_tap(today: date, offered: list[str]) -> None:
    assert [f"{c.kind} {c.day:%m-%d}" if c.day else c.kind for c in due_choices(today)] == offered


# --- the reminder hour -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("utc", "hour", "due"),
    [
        (datetime(2026, 11, 24, 14, 59, tzinfo=UTC), 9, False),  # 08:59 in Chicago
        (datetime(2026, 11, 24, 15, 0, tzinfo=UTC), 9, True),  # 09:00 in Chicago
        (datetime(2026, 11, 24, 6, 5, tzinfo=UTC), 9, False),  # just after midnight there: not any more
        (datetime(2026, 11, 24, 13, 0, tzinfo=UTC), 7, True),  # an agency that starts at 07:00
        (datetime(2026, 11, 25, 3, 0, tzinfo=UTC), 9, True),  # late the same evening
    ],
)
def test_reminders_wait_for_the_agencys_local_hour_by_the_injected_clock(
    library: Library, utc: datetime, hour: int, due: bool
) -> None:
    store = Store(Database(memory=True), clock=lambda: utc)
    department = Department(store, library, tz=CHICAGO, calendar=Calendar(reminder_hour=hour))
    assert department.notices.reminder_hour_reached(TODAY) is due
    assert reminders_due(utc, TODAY, Calendar(reminder_hour=hour), CHICAGO) is due


# --- agency.yaml ----------------------------------------------------------------------------------------


def test_the_shipped_agency_yaml_documents_the_dates_and_sets_the_defaults() -> None:
    text = (SCENARIO_DIR / "agency.yaml").read_text()
    assert "grace_days: 7" in text and "date_format: MM/DD/YYYY" in text and "reminder_hour: 9" in text
    assert load_calendar(SCENARIO_DIR) == Calendar() == Calendar(7, "MM/DD/YYYY", 9)


def test_agency_dates_are_read_from_agency_yaml(tmp_path: Path) -> None:
    (tmp_path / "agency.yaml").write_text("grace_days: 3\ndate_format: dd/mm/yyyy\nreminder_hour: 7\n")
    assert load_calendar(tmp_path) == Calendar(3, "DD/MM/YYYY", 7)
    assert load_calendar(tmp_path / "nowhere") == Calendar()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("grace_days: -1", "grace_days: '-1' is not a whole number of days from 0 to 365"),
        ("grace_days: a week", "grace_days: 'a week' is not a whole number of days"),
        ("reminder_hour: 24", "reminder_hour: '24' is not an hour from 0 to 23"),
        ("reminder_hour: 9.5", "reminder_hour: '9.5' is not an hour"),
        ("date_format: M/D/Y", "date_format: 'M/D/Y' is not one of MM/DD/YYYY, DD/MM/YYYY, YYYY-MM-DD"),
    ],
)
def test_a_bad_agency_date_setting_names_itself(tmp_path: Path, line: str, message: str) -> None:
    (tmp_path / "agency.yaml").write_text(line + "\n")
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_calendar(tmp_path)
