"""The dashboard's audit log over HTTP: names instead of ids, local times with the weekday, actions and
details in plain words, filters by action and person, pages, a CSV download, and who may read what."""
# ruff: noqa: F811  (the dashboard fixtures are imported from test_dashboard)

from __future__ import annotations

import csv
import io
import re
from zoneinfo import ZoneInfo

import pytest

from bot.scenarios.library import Library
from bot.storage.erasure import erase_person
from bot.storage.units import UnitTables
from bot.training.department import Department
from bot.web.app import Dashboard
from tests.telegram.conftest import Bot
from tests.telegram.fake_bot_api import TOKEN
from tests.telegram.test_dashboard import (  # noqa: F401  (fixtures)
    BASE,
    bot,
    client,
    dashboard,
    demoted_session,
    signed_in,
    staff_settings,
    world,
)
from tests.telegram.test_staff import ADMIN, INSTRUCTOR, OTHER, RIVAL, TODAY, TRAINEE, one

PACIFIC = ZoneInfo("America/Los_Angeles")
NAMES = {ADMIN: "Morgan", INSTRUCTOR: "Dana", TRAINEE: "Jordan", OTHER: "Priya", RIVAL: "Sam"}


def name_everyone(bot: Bot) -> None:
    """Everyone by a name of their own (the stand-in Telegram calls everyone Alex, on every message)."""
    for user_id, name in NAMES.items():
        bot.store.db.execute("update users set first_name = ? where id = ?", [name, user_id])


@pytest.fixture
def pacific(bot: Bot, library: Library, world: dict) -> Dashboard:
    """The dashboard of an agency on Pacific time, everyone known by their own name."""
    name_everyone(bot)
    department = Department(bot.store, library, frozenset({ADMIN}), PACIFIC)
    return Dashboard(department, TOKEN, BASE, lambda: TODAY, bot.app.bot_data["sender"].wake)


def logged(dashboard: Dashboard, at: str, actor: int, action: str, detail: str) -> None:
    """An entry written at a moment of the test's choosing (UTC, as the store writes them)."""
    dashboard.store.db.execute(
        "insert into audit (at, actor, action, detail) values (?, ?, ?, ?)", [at, actor, action, detail]
    )


def rows(html: str) -> list[list[str]]:
    """The log's table as text: one list of cells per entry."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return [
        [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", body)
    ]


def csv_rows(body: bytes) -> list[dict[str, str]]:
    assert body.startswith("\ufeff".encode()), "a byte-order mark, so spreadsheets read names right"
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


# --- what an entry says ------------------------------------------------------------------------------


async def test_an_entry_names_who_did_it_and_to_whom_in_plain_words(pacific: Dashboard) -> None:
    async with signed_in(pacific, ADMIN) as web:
        page = (await web.get("/audit?action=promote")).text
        pacific.store.db.execute("update users set full_name = 'Dana Reyes' where id = ?", [INSTRUCTOR])
        profiled = (await web.get("/audit?action=promote")).text
    assert rows(page)[-1][1:] == ["Morgan", "made an instructor", "Dana", "now an instructor"]
    assert "promote" not in [cell for row in rows(page) for cell in row]
    assert '<span title="#2002">Dana</span>' in page, "the id is a tooltip away"
    assert rows(profiled)[-1][3] == "Dana Reyes", "the full name of their training profile, once given"


@pytest.mark.parametrize(
    ("action", "detail", "reads"),
    [
        ("override", "attempt {attempt} greeting -> missed: No name.",
         ["Dana", "changed a verdict", "Jordan", "Greeting marked missed on call {attempt}: \u201cNo name.\u201d"]),
        ("assign", "towed-car to unit {unit} due 2026-12-01 pass mark 70",
         ["Dana", "assigned a call", "", "\u201cAn angry caller whose car was towed\u201d to Day shift, "
          "due Tue 1 Dec 2026, pass mark 70"]),
        ("remind", "towed-car (assignment 9) to user 3003",
         ["Dana", "sent a reminder", "Jordan", "about \u201cAn angry caller whose car was towed\u201d"]),
        ("addinstructor", "user 5005 instructs unit {unit}",
         ["Dana", "added an instructor to a unit", "Sam", "to Day shift"]),
        ("removemember", "user 3003 from unit {unit}",
         ["Dana", "removed a member from a unit", "Jordan", "from Day shift"]),
        ("renameunit", "unit {unit} 'Day shift' -> 'Days'",
         ["Dana", "renamed a unit", "", "\u201cDay shift\u201d \u2192 \u201cDays\u201d"]),
        ("export", "4 attempts of units [{unit}, {rival_unit}]",
         ["Dana", "downloaded results", "", "4 calls of Day shift and Night shift"]),
        ("export", "completed training: 1 completions of units [{unit}] for 2026-11",
         ["Dana", "downloaded results", "", "completed training: 1 completion of Day shift for 2026-11"]),
        ("refused", "/audit needs admin", ["Dana", "was refused", "", "/audit needs the admin role"]),
        ("somethingnew", "user 3003 did a thing -> done",
         ["Dana", "somethingnew", "Jordan", "Jordan did a thing \u2192 done"]),
    ],
)  # fmt: skip
async def test_each_action_and_its_details_read_in_plain_words(
    pacific: Dashboard, world: dict, action: str, detail: str, reads: list[str]
) -> None:
    logged(pacific, "2026-11-23T10:00:00+00:00", INSTRUCTOR, action, detail.format(**world))
    async with signed_in(pacific, ADMIN) as web:
        page = (await web.get(f"/audit?action={action}")).text
    assert rows(page)[0][1:] == [cell.format(**world) for cell in reads]


async def test_times_are_the_agencys_local_time_to_the_minute_with_the_weekday(pacific: Dashboard) -> None:
    logged(pacific, "2025-12-13T00:44:59+00:00", INSTRUCTOR, "newcode", "unit 1 has a new join code")
    logged(pacific, "2026-07-04T19:05:00+00:00", INSTRUCTOR, "newcode", "unit 1 has a new join code")
    async with signed_in(pacific, ADMIN) as web:
        page = (await web.get("/audit?action=newcode")).text
    summer, winter = (r[0] for r in rows(page))
    assert winter == "Fri 12 Dec 2025, 16:44", "00:44 UTC on the 13th is 16:44 on Friday the 12th in LA"
    assert summer == "Sat 4 Jul 2026, 12:05", "daylight saving time: seven hours behind"
    assert '<time datetime="2025-12-12T16:44-08:00">' in page


async def test_the_settings_an_erased_person_and_a_stranger_are_named_as_such(bot: Bot, pacific: Dashboard) -> None:
    await one(bot, ADMIN, f"/demote {RIVAL}")
    name_everyone(bot)
    erase_person(bot.store, RIVAL, actor=ADMIN, wait_seconds=0)
    logged(pacific, "2026-11-22T10:00:00+00:00", 0, "admins", "user 1001 -> admin (DESKDRILL_ADMINS)")
    logged(pacific, "2026-11-22T11:00:00+00:00", 777, "promote", "user 888 -> instructor")
    async with signed_in(pacific, ADMIN) as web:
        demoted = rows((await web.get("/audit?action=demote")).text)
        erased = rows((await web.get("/audit?action=erase")).text)
        settings = rows((await web.get("/audit?action=admins")).text)
        strangers = rows((await web.get("/audit?who=888")).text)
    assert demoted[0][1:4] == ["Morgan", "took away the instructor role", f"erased #{RIVAL}"]
    assert erased[0][1:4] == ["Morgan", "erased a person", f"erased #{RIVAL}"]
    assert settings[0][1:5] == ["the settings", "made an admin", "Morgan", "now an admin (set in DESKDRILL_ADMINS)"]
    assert strangers == [[strangers[0][0], "#777", "made an instructor", "#888", "now an instructor"]]


# --- filters and pages -------------------------------------------------------------------------------


async def test_the_log_filters_by_action_and_by_person_by_name_or_id(pacific: Dashboard) -> None:
    async with signed_in(pacific, ADMIN) as web:
        promotions = rows((await web.get("/audit?action=promote")).text)
        by_name = (await web.get("/audit?who=sam")).text
        by_id = rows((await web.get(f"/audit?who=%23{RIVAL}")).text)
        nobody = (await web.get("/audit?who=Zebedee")).text
        both = rows((await web.get(f"/audit?action=newunit&who={RIVAL}")).text)
        odd = await web.get("/audit?who=%C2%B2&page=x&action=" + "x" * 500)
    assert [r[2] for r in promotions] == ["made an instructor"] * 2
    assert [r[3] for r in promotions] == ["Sam", "Dana"]
    assert "By or about: Sam (#5005)" in by_name
    assert rows(by_name) == by_id and all("Sam" in (r[1], r[3]) for r in by_id)
    assert "No one called \u201cZebedee\u201d is known." in nobody and "Nothing in the audit log matches." in nobody
    assert both == [[both[0][0], "Sam", "created a unit", "", "\u201cNight shift\u201d"]]
    assert '<option value="newunit">created a unit</option>' in nobody, "the filter lists actions in plain words"
    assert odd.status_code == 200


async def test_the_log_is_paged_newest_first_and_the_pages_keep_the_filter(pacific: Dashboard) -> None:
    for i in range(120):
        at = f"2026-11-24T{i // 60:02d}:{i % 60:02d}:00+00:00"
        logged(pacific, at, INSTRUCTOR, "newcode", f"unit {i} has a new join code")
    async with signed_in(pacific, ADMIN) as web:
        first = (await web.get("/audit?action=newcode")).text
        third = (await web.get("/audit?action=newcode&page=3")).text
        beyond = (await web.get("/audit?action=newcode&page=9")).text
    assert len(rows(first)) == 50 and rows(first)[0][4] == "for unit #119; the old one no longer works"
    assert 'href="/audit?action=newcode&amp;page=2">Older' in first and "Newer" not in first
    assert len(rows(third)) == 20 and rows(third)[-1][4] == "for unit #0; the old one no longer works"
    assert 'href="/audit?action=newcode&amp;page=2">\u25c0 Newer' in third and "Older" not in third
    assert "Nothing in the audit log matches." in beyond


# --- the download --------------------------------------------------------------------------------------


async def test_the_download_is_a_csv_of_every_filtered_entry_in_local_time(pacific: Dashboard) -> None:
    for i in range(60):
        logged(pacific, "2025-12-13T00:44:00+00:00", INSTRUCTOR, "newcode", f"unit {i} has a new join code")
    async with signed_in(pacific, ADMIN) as web:
        page = (await web.get("/audit?action=newcode")).text
        assert 'href="/audit.csv?action=newcode" download>Download these entries (CSV)' in page
        response = await web.get("/audit.csv?action=newcode")
        assert (await web.head("/audit.csv")).status_code == 200
    assert response.status_code == 200 and response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == f'attachment; filename="deskdrill-audit-{TODAY}.csv"'
    entries = csv_rows(response.content)
    assert len(entries) == 60, "every page's entries, not the first fifty"
    assert entries[0] == {
        "entry": entries[0]["entry"],
        "when (America/Los_Angeles)": "2025-12-12 16:44",
        "who": "Dana",
        "who_id": str(INSTRUCTOR),
        "action": "made a new join code",
        "person": "",
        "person_id": "",
        "details": "for unit #59; the old one no longer works",
        "action_code": "newcode",
    }
    audited = pacific.store.db.execute("select actor, detail from audit where action = 'exportaudit'").fetchall()
    assert audited == [(ADMIN, "60 entries, action newcode")], "the download is audited; the HEAD is not"


async def test_a_formula_in_a_name_is_neutralised_in_the_download(pacific: Dashboard) -> None:
    pacific.store.db.execute("update users set first_name = '=cmd()' where id = ?", [INSTRUCTOR])
    async with signed_in(pacific, ADMIN) as web:
        entries = csv_rows((await web.get("/audit.csv?action=newunit")).content)
    assert {e["who"] for e in entries} >= {"'=cmd()"}


# --- who reads what ---------------------------------------------------------------------------------


async def test_an_instructor_reads_only_their_own_units_entries(pacific: Dashboard, world: dict) -> None:
    tables = UnitTables(pacific.store)
    units = {u.id: u for u in tables.visible(ADMIN, admin=True)}
    day, night = units[world["unit"]], units[world["rival_unit"]]
    tables.add_instructor(day, RIVAL, ADMIN)
    tables.new_code(night, ADMIN)
    async with signed_in(pacific, INSTRUCTOR) as web:
        page = await web.get("/audit")
        download = csv_rows((await web.get("/audit.csv")).content)
        sam = rows((await web.get("/audit?who=Sam")).text)
    async with signed_in(pacific, RIVAL) as web:
        rivals = rows((await web.get("/audit")).text)
    async with signed_in(pacific, ADMIN) as web:
        everything = [r[4] for r in rows((await web.get("/audit?action=newunit")).text)]
    assert everything == ["\u201cNight shift\u201d", "\u201cDay shift\u201d"], "an admin reads every unit's entries"
    assert page.status_code == 200
    mine = [(r[1], r[2], r[4]) for r in rows(page.text)]
    assert ("Dana", "created a unit", "\u201cDay shift\u201d") in mine
    assert ("Morgan", "added an instructor to a unit", "to Day shift") in mine, "an admin's change to their unit"
    assert not [m for m in mine if "Night shift" in m[2]], "nothing of another instructor's unit"
    assert len(download) == len(mine)
    assert [r[2] for r in sam] == ["added an instructor to a unit", "made an instructor"], "Sam, now a colleague"
    their = [(r[1], r[2], r[4]) for r in rivals]
    assert ("Sam", "created a unit", "\u201cNight shift\u201d") in their
    assert ("Morgan", "made a new join code", "for Night shift; the old one no longer works") in their
    assert ("Morgan", "added an instructor to a unit", "to Day shift") in their, "Sam's own new unit"
    assert ("Dana", "created a unit", "\u201cDay shift\u201d") in their, "now Sam's unit too"


async def test_an_instructor_reads_overrides_of_their_trainees_calls_and_their_trainees_refusals(
    bot: Bot, pacific: Dashboard, world: dict
) -> None:
    await one(bot, TRAINEE, "/audit")
    name_everyone(bot)
    logged(pacific, "2026-11-24T10:00:00+00:00", ADMIN, "override", f"attempt {world['attempt']} empathy -> met: ok")
    async with signed_in(pacific, INSTRUCTOR) as web:
        dana = [r[1:] for r in rows((await web.get("/audit")).text)]
    async with signed_in(pacific, RIVAL) as web:
        sam = [r[1:] for r in rows((await web.get("/audit")).text)]
    override = [
        "Morgan",
        "changed a verdict",
        "Jordan",
        f"Empathy marked met on call {world['attempt']}: \u201cok\u201d",
    ]
    refused = ["Jordan", "was refused", "", "/audit needs the admin role"]
    assert override in dana and refused in dana
    assert override not in sam and refused not in sam


async def test_trainees_and_strangers_are_refused_the_log_and_its_download(pacific: Dashboard) -> None:
    for path in ("/audit", "/audit.csv"):
        async with demoted_session(pacific) as web:
            assert (await web.get(path)).status_code == 401, path
        async with client(pacific) as web:
            assert (await web.get(path)).status_code == 401, path
    assert not pacific.store.db.execute("select count(*) from audit where action = 'exportaudit'").fetchone()[0]
