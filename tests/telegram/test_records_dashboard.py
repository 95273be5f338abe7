"""Training records on the dashboard: an instructor corrects a trainee's profile (audited, the trainee told in
Telegram), and downloads the results or the completed-training file of a unit for a month."""

# ruff: noqa: F811  (the dashboard fixtures are imported from test_dashboard)
from __future__ import annotations

import csv
import io

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
from tests.telegram.test_staff import INSTRUCTOR, RIVAL, TRAINEE


def profile_path(world: dict) -> str:
    return f"/units/{world['unit']}/trainees/{TRAINEE}/profile"


async def test_an_instructor_corrects_a_trainees_profile_and_the_trainee_is_told(
    bot: Bot, dashboard: Dashboard, world: dict
):
    async with signed_in(dashboard, INSTRUCTOR) as web:
        trainee = await web.get(f"/units/{world['unit']}/trainees/{TRAINEE}")
        assert f'href="{profile_path(world)}"' in trainee.text
        page = await web.get(profile_path(world))
        assert page.status_code == 200 and 'name="full_name"' in page.text and 'name="badge"' in page.text
        bad = await web.post(
            profile_path(world), data={"csrf": csrf_of(page.text), "full_name": "Jordan Lee", "badge": "none"}
        )
        assert bad.status_code == 400
        assert "A badge or employee number has at least one digit." in bad.text
        assert 'value="Jordan Lee"' in bad.text, "what was typed stays in the form"
        saved = await web.post(
            profile_path(world), data={"csrf": csrf_of(page.text), "full_name": " Jordan  Lee ", "badge": "4471"}
        )
        assert saved.status_code == 303
        shown = await web.get(saved.headers["location"])
        assert f"training profile (user {TRAINEE}):" in shown.text and "They have been told." in shown.text
    row = bot.store.db.execute("select full_name, badge from users where id = ?", [TRAINEE]).fetchone()
    assert row == ("Jordan Lee", "4471")
    (detail,) = bot.store.db.execute("select detail from audit where action = 'profile'").fetchone()
    assert detail.startswith(f"profile of user {TRAINEE}: full name \u201c\u201d \u2192 \u201cJordan Lee\u201d")
    await bot.until(lambda: bot.api.texts(TRAINEE)[-1].startswith("Your instructor updated your training profile"))


async def test_another_units_instructor_can_neither_see_nor_change_the_profile(dashboard: Dashboard, world: dict):
    async with signed_in(dashboard, RIVAL) as web:
        assert (await web.get(profile_path(world))).status_code == 403
        csrf = csrf_of((await web.get("/")).text)
        refused = await web.post(profile_path(world), data={"csrf": csrf, "full_name": "X Y", "badge": "1"})
        assert refused.status_code in (400, 403)
    assert dashboard.store.db.execute("select badge from users where id = ?", [TRAINEE]).fetchone() == (None,)


async def test_a_months_files_download_with_their_names_and_a_wrong_month_is_explained(
    dashboard: Dashboard, world: dict
):
    month = dashboard.today().strftime("%Y-%m")  # the calls finish on the dashboard's today (test_dashboard.bot)
    base = f"/units/{world['unit']}"
    async with signed_in(dashboard, INSTRUCTOR) as web:
        unit_page = await web.get(base)
        assert (
            'type="month" name="period"' in unit_page.text and f'formaction="{base}/completions.csv"' in unit_page.text
        )
        results = await web.get(f"{base}/export.csv", params={"period": month})
        assert results.status_code == 200
        assert f'filename="deskdrill-results-day-shift-{month}.csv"' in results.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(results.content.decode("utf-8-sig"))))
        assert [int(r["attempt_id"]) for r in rows] == [world["attempt"]]
        done = await web.get(f"{base}/completions.csv", params={"period": month})
        assert f'filename="deskdrill-completions-day-shift-{month}.csv"' in done.headers["content-disposition"]
        (row,) = csv.DictReader(io.StringIO(done.content.decode("utf-8-sig")))
        assert row["course_title"] == "Car break-in, reported by phone" and row["hours"] == "0.25"
        wrong = await web.get(f"{base}/export.csv", params={"period": "November"})
        assert wrong.status_code == 400
        assert "\u201cNovember\u201d is not a period: use" in wrong.text
        everything = await web.get(f"{base}/export.csv", params={"period": ""})
        assert 'filename="deskdrill-results-day-shift-all-time.csv"' in everything.headers["content-disposition"]
