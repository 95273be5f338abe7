"""The dashboard's assignment page over HTTP: who passed, who tried, who has not started and who is
overdue, by name, with a Remind button beside each who has not passed (once a day each, audited, told
in Telegram); and a pass mark of the assignment's own, set on the form."""
# ruff: noqa: F811  (the dashboard fixtures are imported from test_dashboard)

from __future__ import annotations

import re

from bot.web.app import Dashboard
from tests.scripts import COURTEOUS, COURTEOUS_BUT_UNHELPFUL
from tests.telegram.conftest import Bot
from tests.telegram.test_behind import JO, play, say_as
from tests.telegram.test_dashboard import (  # noqa: F401  (fixtures)
    bot,
    csrf_of,
    dashboard,
    signed_in,
    staff_settings,
    world,
)
from tests.telegram.test_staff import INSTRUCTOR, OTHER, TRAINEE

CALL = "\u201cCar break-in, reported by phone\u201d"


def shown(html: str) -> str:
    """The page's words, as a reader sees them: no tags, single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


async def test_the_assignment_page_names_each_group_and_reminds_from_a_button(bot: Bot, dashboard: Dashboard, world):
    """Alex passed, Kim tried and failed, Jo has not started; the assignment is overdue."""
    code = bot.store.db.execute("select code from units where id = ?", [world["unit"]]).fetchone()[0]
    await say_as(bot, JO, "Jo", "/start")
    for user, name in ((OTHER, "Kim"), (JO, "Jo")):
        await say_as(bot, user, name, f"/join {code}")
    path = f"/units/{world['unit']}/assignments"
    async with signed_in(dashboard, INSTRUCTOR) as web:
        csrf = csrf_of((await web.get(path)).text)
        await web.post(path, data={"csrf": csrf, "scenario": "car-break-in", "due": "2026-11-23"})
        await bot.until(lambda: any(t.startswith("New assignment") for t in bot.api.texts(JO)))
        alex = await play(bot, TRAINEE, "Alex", COURTEOUS["car-break-in"])
        assert alex["total"] >= 80
        kim = await play(bot, OTHER, "Kim", COURTEOUS_BUT_UNHELPFUL["car-break-in"])
        assert kim["total"] < 80
        bot.store.db.execute(  # days have passed; the overdue notices went out then
            "insert into reminders (user_id, assignment_id, kind, at) select m.user_id, a.id, 'overdue', '2026-11-21' "
            "from assignments a join unit_members m on m.unit_id = a.unit_id"
        )
        bot.store.db.execute("update assignments set due = '2026-11-20'")

        page = await web.get(path)
        words = shown(page.text)
        assert "Due Fri 20 Nov · done by 1 of 3, 2 overdue · pass mark 80" in words
        assert f"Passed (1) Alex {alex['total']}/100 Tried, not passed (1) Kim {kim['total']}/100 Remind" in words
        assert "Not started (1) Jo Remind Overdue (2) Kim, Jo Remind all 2 not passed" in words
        assert page.text.count('name="user"') == 2, "a Remind button beside each who has not passed, and no other"
        assert 'aria-label="Remind Kim about Car break-in, reported by phone"' in page.text

        reminded = await web.post(
            f"{path}/car-break-in/remind", data={"csrf": csrf, "user": str(OTHER)}, follow_redirects=True
        )
        assert f"Reminded 1 about {CALL}: Kim." in reminded.text
        everyone = await web.post(f"{path}/car-break-in/remind", data={"csrf": csrf}, follow_redirects=True)
        assert f"Reminded 1 about {CALL}: Jo." in shown(everyone.text)
        assert "Already reminded today, not sent again: Kim." in shown(everyone.text)
        again = await web.post(f"{path}/car-break-in/remind", data={"csrf": csrf}, follow_redirects=True)
        assert "Already reminded today, not sent again: Kim, Jo." in shown(again.text)
        forged = await web.post(f"{path}/car-break-in/remind", data={"user": str(OTHER)})
        assert forged.status_code == 403
        bad = await web.post(f"{path}/car-break-in/remind", data={"csrf": csrf, "user": "Kim"})
        assert bad.status_code == 400 and "Choose whom to remind" in bad.text

    await bot.until(lambda: any(t.startswith("Reminder from") for t in bot.api.texts(OTHER)))
    await bot.until(lambda: any(t.startswith("Reminder from") for t in bot.api.texts(JO)))
    assert sum(t.startswith("Reminder from") for t in bot.api.texts(OTHER)) == 1
    assert not any(t.startswith("Reminder from") for t in bot.api.texts(TRAINEE)), "who passed is never reminded"
    audit = [r["detail"] for r in bot.store.db.query("select detail from audit where action = 'remind' order by id")]
    assert [d.rsplit(" ", 1)[1] for d in audit] == [str(OTHER), str(JO)]


async def test_an_assignment_gets_a_pass_mark_of_its_own_on_the_form(bot: Bot, dashboard: Dashboard, world):
    path = f"/units/{world['unit']}/assignments"
    async with signed_in(dashboard, INSTRUCTOR) as web:
        csrf = csrf_of((await web.get(path)).text)
        page = await web.post(
            path, data={"csrf": csrf, "scenario": "towed-car", "pass_mark": "60"}, follow_redirects=True
        )
        assert "pass mark 60; 1 member told" in page.text and "pass mark 60" in shown(page.text)
        assert 'name="pass_mark" min="1" max="100" value="60"' in page.text
        changed = await web.post(
            path, data={"csrf": csrf, "scenario": "towed-car", "pass_mark": ""}, follow_redirects=True
        )
        assert "now passes at 80/100; 1 member told" in changed.text
        bad = await web.post(path, data={"csrf": csrf, "scenario": "towed-car", "pass_mark": "150"})
        assert bad.status_code == 400 and "is not a pass mark: use a whole number from 1 to 100" in bad.text
    await bot.until(lambda: any("now passes at 80/100 (it was 60)" in t for t in bot.api.texts(TRAINEE)))
    audit = [r["detail"] for r in bot.store.db.query("select detail from audit where action = 'assign' order by id")]
    assert audit[0] == f"towed-car to unit {world['unit']} pass mark 60"
    listing = (await say_as(bot, TRAINEE, "Alex", "/assignments"))[0]
    assert "to do: An angry caller whose car was towed (Day shift), no due date; passes at 80/100" in listing
