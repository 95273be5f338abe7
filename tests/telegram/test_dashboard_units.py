"""A unit's people and settings on the dashboard, over HTTP: remove a member or a co-instructor (asked first),
rename, archive (asked first) and restore; each checked again when sent, audited and told in Telegram as in chat.
Due dates on the pages show their weekday."""
# ruff: noqa: F811  (the dashboard fixtures are imported from test_dashboard)

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from bot.web.app import Dashboard
from tests.telegram.conftest import Bot
from tests.telegram.test_dashboard import (  # noqa: F401  (fixtures)
    bot,
    csrf_of,
    dashboard,
    signed_in,
    staff_settings,
    world,
)
from tests.telegram.test_staff import INSTRUCTOR, OTHER, RIVAL, TRAINEE, one


def told(bot: Bot, user: int, starts: str) -> list[str]:
    return [t for t in bot.api.texts(user) if t.startswith(starts)]


def code_of(bot: Bot, unit_id: int) -> str:
    return bot.store.db.execute("select code from units where id = ?", [unit_id]).fetchone()[0]


def name(bot: Bot, user: int, first_name: str) -> None:
    bot.store.db.execute("update users set first_name = ? where id = ?", [first_name, user])


async def test_removing_a_member_asks_first_tells_them_and_is_audited(bot: Bot, dashboard: Dashboard, world: dict):
    name(bot, TRAINEE, "Sam")
    unit = world["unit"]
    async with signed_in(dashboard, INSTRUCTOR) as web:
        assert "People and settings" in (await web.get(f"/units/{unit}")).text
        manage = await web.get(f"/units/{unit}/manage")
        assert manage.status_code == 200 and "Members (1)" in manage.text
        assert f'href="/units/{unit}/members/{TRAINEE}/remove"' in manage.text
        confirm = await web.get(f"/units/{unit}/members/{TRAINEE}/remove")
        assert confirm.status_code == 200 and "Remove Sam from \u201cDay shift\u201d?" in confirm.text
        assert bot.store.db.execute("select count(*) from unit_members").fetchone()[0] == 1, "asked, not done"
        forged = await web.post(f"/units/{unit}/members/{TRAINEE}/remove", data={})
        assert forged.status_code == 403
        done = await web.post(
            f"/units/{unit}/members/{TRAINEE}/remove", data={"csrf": csrf_of(confirm.text)}, follow_redirects=True
        )
        assert "Sam is no longer a member of \u201cDay shift\u201d; they have been told." in done.text
        assert "Members (0)" in done.text
        again = await web.post(f"/units/{unit}/members/{TRAINEE}/remove", data={"csrf": csrf_of(confirm.text)})
        assert again.status_code == 400 and "no longer a member" in again.text
    await bot.until(lambda: bool(told(bot, TRAINEE, "Alex removed you from \u201cDay shift\u201d")))
    detail = bot.store.db.execute("select detail from audit where action = 'removemember'").fetchone()[0]
    assert detail == f"user {TRAINEE} from unit {unit}"


async def test_another_units_instructor_can_neither_see_nor_change_the_settings(
    bot: Bot, dashboard: Dashboard, world: dict
):
    unit = world["unit"]
    async with signed_in(dashboard, RIVAL) as web:
        assert (await web.get(f"/units/{unit}/manage")).status_code == 403
        csrf = csrf_of((await web.get(f"/units/{world['rival_unit']}/manage")).text)
        for path in (f"/units/{unit}/members/{TRAINEE}/remove", f"/units/{unit}/archive", f"/units/{unit}/rename"):
            assert (await web.post(path, data={"csrf": csrf, "name": "Mine"})).status_code == 403, path
    assert bot.store.db.execute("select name, archived_at from units where id = ?", [unit]).fetchone() == (
        "Day shift",
        None,
    )
    assert bot.store.db.execute("select count(*) from unit_members").fetchone()[0] == 1


async def test_a_co_instructor_is_removed_from_one_unit(bot: Bot, dashboard: Dashboard, world: dict):
    unit = world["unit"]
    await one(bot, INSTRUCTOR, f"/addinstructor {code_of(bot, unit)} {RIVAL}")
    name(bot, RIVAL, "Jo")
    async with signed_in(dashboard, INSTRUCTOR) as web:
        manage = await web.get(f"/units/{unit}/manage")
        assert f'href="/units/{unit}/instructors/{RIVAL}/remove"' in manage.text
        assert f'href="/units/{unit}/instructors/{INSTRUCTOR}/remove"' not in manage.text, "never yourself"
        confirm = await web.get(f"/units/{unit}/instructors/{RIVAL}/remove")
        assert "Remove Jo as an instructor of \u201cDay shift\u201d?" in confirm.text
        done = await web.post(
            f"/units/{unit}/instructors/{RIVAL}/remove", data={"csrf": csrf_of(confirm.text)}, follow_redirects=True
        )
        assert "Jo no longer instructs \u201cDay shift\u201d" in done.text
        assert (await web.get(f"/units/{unit}/nobody/{RIVAL}/remove")).status_code == 403
    await bot.until(lambda: bool(told(bot, RIVAL, "Alex removed you as an instructor of \u201cDay shift\u201d")))
    assert bot.store.db.execute("select count(*) from unit_instructors where user_id = ?", [RIVAL]).fetchone()[0] == 1


async def test_renaming_a_unit_from_its_form_tells_its_members(bot: Bot, dashboard: Dashboard, world: dict):
    unit = world["unit"]
    async with signed_in(dashboard, INSTRUCTOR) as web:
        csrf = csrf_of((await web.get(f"/units/{unit}/manage")).text)
        empty = await web.post(f"/units/{unit}/rename", data={"csrf": csrf, "name": "   "})
        assert empty.status_code == 400 and "A unit&#x27;s name is 1 to 80 characters" in empty.text
        done = await web.post(f"/units/{unit}/rename", data={"csrf": csrf, "name": "Night desk"}, follow_redirects=True)
        assert "\u201cDay shift\u201d is now \u201cNight desk\u201d; 1 told." in done.text
        assert "People and settings of Night desk" in done.text
    await bot.until(lambda: bool(told(bot, TRAINEE, "Your unit \u201cDay shift\u201d is now called")))
    assert bot.store.db.execute("select action from audit where action = 'renameunit'").fetchone() == ("renameunit",)


async def test_archiving_asks_first_hides_the_unit_keeps_its_results_and_restores(
    bot: Bot, dashboard: Dashboard, world: dict
):
    unit = world["unit"]
    async with signed_in(dashboard, INSTRUCTOR) as web:
        confirm = await web.get(f"/units/{unit}/archive")
        assert confirm.status_code == 200 and "Archive \u201cDay shift\u201d?" in confirm.text
        done = await web.post(f"/units/{unit}/archive", data={"csrf": csrf_of(confirm.text)}, follow_redirects=True)
        assert done.url.path == "/" and "\u201cDay shift\u201d is archived; 1 told." in done.text
        assert "Archived units (1)" in done.text and "Weekly average total of Day shift" not in done.text
        kept = await web.get(f"/units/{unit}")
        assert kept.status_code == 200 and "Archived: this unit takes no new members" in kept.text
        assert "Alex" in kept.text, "its trainees and results are still there"
        assert (await web.get(f"/units/{unit}/archive")).status_code == 403  # already archived: said so
        manage = await web.get(f"/units/{unit}/manage")
        restored = await web.post(f"/units/{unit}/restore", data={"csrf": csrf_of(manage.text)}, follow_redirects=True)
        assert "\u201cDay shift\u201d is active again; 1 told." in restored.text
    await bot.until(lambda: len(told(bot, TRAINEE, "Alex ")) >= 2)
    actions = [r[0] for r in bot.store.db.execute("select action from audit where action in ('archive', 'restore')")]
    assert actions == ["archive", "restore"]
    assert (await one(bot, OTHER, f"/join {code_of(bot, unit)}")).startswith("You're a member"), (
        "restored: it takes members"
    )


async def test_due_dates_on_the_pages_show_their_weekday(bot: Bot, dashboard: Dashboard, world: dict):
    unit = world["unit"]
    async with signed_in(dashboard, INSTRUCTOR) as web:
        page = await web.get(f"/units/{unit}/assignments")
        assert 'type="date"' in page.text  # the date picker
        done = await web.post(
            f"/units/{unit}/assignments",
            data={"csrf": csrf_of(page.text), "scenario": "towed-car", "due": "2026-12-11"},
            follow_redirects=True,
        )
        assert (
            "due Fri 11 Dec; 1 member told" in done.text and 'Due <span class="nowrap">Fri 11 Dec</span>' in done.text
        )
        trainee = await web.get(f"/units/{unit}/trainees/{TRAINEE}")
        assert "Fri 11 Dec" in trainee.text


async def test_a_late_joiner_shows_their_own_date_on_the_assignments_page(bot: Bot, dashboard: Dashboard, world: dict):
    unit = world["unit"]
    await one(bot, INSTRUCTOR, f"/assign towed-car {code_of(bot, unit)} 2026-11-24")
    bot.store.clock = lambda: datetime.now(UTC) + timedelta(minutes=5)  # Kim joins after it was assigned
    joined, notice = await bot.say(OTHER, f"/join {code_of(bot, unit)}", replies=2)
    assert "due Mon 30 Nov" in notice
    name(bot, OTHER, "Kim")
    async with signed_in(dashboard, INSTRUCTOR) as web:
        page = await web.get(f"/units/{unit}/assignments")
    assert 'Kim <span class="muted">joined late: due Mon 30 Nov</span>' in page.text
    assert 'Due <span class="nowrap">Tue 24 Nov</span> · done by 0 of 2 · pass mark 80' in page.text, "not overdue"


# --- names, a trainee's period, and why nobody is behind -------------------------------------------


def shown(html: str) -> str:
    """The page's words as a reader sees them: no tags, single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


async def test_the_pages_name_trainees_by_their_records_and_tell_two_alexes_apart(
    bot: Bot, dashboard: Dashboard, world: dict
):
    """TRAINEE set a profile; OTHER and 6006 are "Alex" too, with no profile and no @username."""
    unit = world["unit"]
    bot.store.db.execute("update users set full_name = 'Alex Moreno', badge = '4471' where id = ?", [TRAINEE])
    await one(bot, OTHER, f"/join {code_of(bot, unit)}")
    await one(bot, 6006, "/start")
    await one(bot, 6006, f"/join {code_of(bot, unit)}")
    await one(bot, INSTRUCTOR, f"/assign towed-car {code_of(bot, unit)} 2026-12-11")
    async with signed_in(dashboard, INSTRUCTOR) as web:
        table = shown((await web.get(f"/units/{unit}")).text)
        assert "Alex (id 4004) 0" in table and "Alex (id 6006) 0" in table and "Alex Moreno #4471 1 1 100 0" in table
        people = shown((await web.get(f"/units/{unit}/manage")).text)
        assert "Alex (id 4004) Remove… Alex (id 6006) Remove… Alex Moreno · #4471 Remove…" in people
        behind = shown((await web.get(f"/units/{unit}/assignments")).text)
        assert "Not started (3) Alex (id 4004) Remind Alex (id 6006) Remind Alex Moreno · #4471 Remind" in behind
        assert "Who is behind" in (report := shown((await web.get(f"/units/{unit}/report")).text))
        assert "Not started: Alex (id 4004), Alex (id 6006), Alex Moreno · #4471" in report
        await web.post(
            f"/units/{unit}/assignments/towed-car/remind",
            data={"csrf": csrf_of((await web.get(f"/units/{unit}/assignments")).text), "user": str(TRAINEE)},
        )
        audit = shown((await web.get("/audit")).text)
        assert "Alex Moreno" in audit


async def test_a_trainee_page_shows_the_period_asked_for(bot: Bot, dashboard: Dashboard, world: dict):
    """The call was finished this month (November 2026): last month's page has none, with the period named."""
    path = f"/units/{world['unit']}/trainees/{TRAINEE}"
    async with signed_in(dashboard, INSTRUCTOR) as web:
        now = shown((await web.get(path)).text)
        assert "November 2026: 1 finished call" in now and "Finished calls: November 2026" in now
        assert f'href="/attempts/{world["attempt"]}"' in (await web.get(path)).text
        before = await web.get(f"{path}?period=last-month")
        assert 'aria-current="page">Last month' in before.text
        assert f'href="/attempts/{world["attempt"]}"' not in before.text
        assert "No finished calls in October 2026." in shown(before.text)
        assert "Assignments, as they stand today" in shown(before.text) or "Assignments" not in shown(before.text)
        odd = await web.get(f"{path}?period=someday")
        assert odd.status_code == 200 and "someday" in shown(odd.text), "a bad period is said, the default shown"
        unit_page = (await web.get(f"/units/{world['unit']}?period=last-month")).text
        assert f'href="/units/{world["unit"]}/trainees/{TRAINEE}?period=last-month"' in unit_page


async def test_the_dashboard_says_why_nobody_is_behind(bot: Bot, dashboard: Dashboard, world: dict):
    unit = world["unit"]
    async with signed_in(dashboard, INSTRUCTOR) as web:
        report = shown((await web.get(f"/units/{unit}/report")).text)
        assert "Who is behind Nothing is assigned in \u201cDay shift\u201d yet." in report
        manage = await web.get(f"/units/{unit}/manage")
        await web.post(f"/units/{unit}/archive", data={"csrf": csrf_of(manage.text)})
        overview = shown((await web.get("/")).text)
        assert (
            "Nobody can be behind: all your units are archived (\u201cDay shift\u201d), and archived units have no "
            "assignments to chase. Restore one to assign calls and remind people again" in overview
        )
        (chat,) = await bot.say(INSTRUCTOR, "/behind")
        assert chat.startswith("Nobody can be behind: all your units are archived (\u201cDay shift\u201d)"), "alike"
        report = shown((await web.get(f"/units/{unit}/report")).text)
        assert "Who is behind Nobody can be behind: \u201cDay shift\u201d is archived" in report
