"""The dashboard's working pages over HTTP: assignments, the scenario library, CSV downloads, charts,
sortable tables, the audit filters, the many-units overview, Telegram Web, and error pages."""
# ruff: noqa: F811  (the dashboard fixtures are imported from test_dashboard)

from __future__ import annotations

import csv
import io
import re

import httpx

from bot.web.app import COOKIE, Dashboard, build_web_app
from bot.web.auth import SignIn
from tests.telegram.conftest import Bot
from tests.telegram.test_dashboard import (  # noqa: F401  (fixtures)
    BASE,
    bot,
    client,
    csrf_of,
    dashboard,
    demoted_session,
    init_data,
    signed_in,
    staff_settings,
    world,
)
from tests.telegram.test_staff import ADMIN, INSTRUCTOR, RIVAL, TRAINEE, assign, new_unit, one

FUTURE = "2026-12-14"


def told(bot: Bot, starts: str) -> list[str]:
    return [t for t in bot.api.texts(TRAINEE) if t.startswith(starts)]


# --- assignments -----------------------------------------------------------------------------------


async def test_assigning_from_the_page_tells_members_and_is_audited(bot: Bot, dashboard: Dashboard, world: dict):
    path = f"/units/{world['unit']}/assignments"
    async with signed_in(dashboard, INSTRUCTOR) as web:
        page = await web.get(path)
        assert page.status_code == 200 and "Nothing assigned to this unit yet" in page.text
        assert 'option value="towed-car"' in page.text
        response = await web.post(
            path, data={"csrf": csrf_of(page.text), "scenario": "towed-car", "due": FUTURE}, follow_redirects=True
        )
        assert response.status_code == 200
        assert "due Mon 14 Dec; 1 member told" in response.text
        assert "done by 0 of 1" in response.text and 'option value="towed-car"' not in response.text
    await bot.until(lambda: told(bot, "New assignment"))
    assert "due Mon 14 Dec" in told(bot, "New assignment")[0]
    audit = [r["detail"] for r in bot.store.db.query("select * from audit where action = 'assign'")]
    assert audit == [f"towed-car to unit {world['unit']} due {FUTURE}"]


async def test_a_change_answers_with_a_redirect_so_a_reload_repeats_nothing(dashboard: Dashboard, world: dict):
    path = f"/units/{world['unit']}/assignments"
    async with signed_in(dashboard, INSTRUCTOR) as web:
        csrf = csrf_of((await web.get(path)).text)
        response = await web.post(path, data={"csrf": csrf, "scenario": "towed-car", "due": FUTURE})
        assert response.status_code == 303 and response.headers["location"] == path
        shown = await web.get(path)
        assert "1 member told" in shown.text, "the change is reported once, on the page it lands on"
        assert "1 member told" not in (await web.get(path)).text


async def test_changing_the_due_date_tells_members_once(bot: Bot, dashboard: Dashboard, world: dict):
    path = f"/units/{world['unit']}/assignments"
    async with signed_in(dashboard, INSTRUCTOR) as web:
        csrf = csrf_of((await web.get(path)).text)
        await web.post(path, data={"csrf": csrf, "scenario": "towed-car", "due": FUTURE})
        later = await web.post(
            path, data={"csrf": csrf, "scenario": "towed-car", "due": "2026-12-21"}, follow_redirects=True
        )
        assert "now due Mon 21 Dec" in later.text
        same = await web.post(
            path, data={"csrf": csrf, "scenario": "towed-car", "due": "2026-12-21"}, follow_redirects=True
        )
        assert "nobody told again" in same.text
    await bot.until(lambda: told(bot, "Your instructor changed an assignment"))
    (changed,) = told(bot, "Your instructor changed an assignment")
    assert "now due Mon 21 Dec (it was due Mon 14 Dec)" in changed


async def test_bad_assignments_are_explained_and_change_nothing(dashboard: Dashboard, world: dict):
    path = f"/units/{world['unit']}/assignments"
    async with signed_in(dashboard, INSTRUCTOR) as web:
        csrf = csrf_of((await web.get(path)).text)
        past = await web.post(path, data={"csrf": csrf, "scenario": "towed-car", "due": "2026-11-01"})
        assert past.status_code == 400 and "Sun 1 Nov 2026 is in the past (today is Mon 23 Nov)" in past.text
        nonsense = await web.post(path, data={"csrf": csrf, "scenario": "towed-car", "due": "next week"})
        assert nonsense.status_code == 400 and "is not a date" in nonsense.text
        unknown = await web.post(path, data={"csrf": csrf, "scenario": "no-such-call"})
        assert unknown.status_code == 400 and "Choose a call from the list" in unknown.text
        forged = await web.post(path, data={"scenario": "towed-car"})
        assert forged.status_code == 403
    assert not list(dashboard.store.db.query("select * from assignments"))


async def test_removing_an_assignment_asks_first_then_tells_who_had_not_done_it(
    bot: Bot, dashboard: Dashboard, world: dict
):
    path = f"/units/{world['unit']}/assignments"
    async with signed_in(dashboard, INSTRUCTOR) as web:
        csrf = csrf_of((await web.get(path)).text)
        await web.post(path, data={"csrf": csrf, "scenario": "towed-car", "due": FUTURE})
        confirm = await web.get(f"{path}/towed-car/remove")
        assert confirm.status_code == 200 and "Remove it" in confirm.text and "Keep it" in confirm.text
        assert dashboard.store.db.execute("select count(*) from assignments").fetchone()[0] == 1
        removed = await web.post(f"{path}/towed-car/remove", data={"csrf": csrf}, follow_redirects=True)
        assert "Removed \u201cAn angry caller whose car was towed\u201d" in removed.text
        assert "1 member told" in removed.text
        again = await web.post(f"{path}/towed-car/remove", data={"csrf": csrf})
        assert again.status_code == 400 and "is not assigned" in again.text
    assert dashboard.store.db.execute("select count(*) from assignments").fetchone()[0] == 0
    await bot.until(lambda: told(bot, "Your instructor removed an assignment"))
    audit = [r["detail"] for r in bot.store.db.query("select * from audit where action = 'unassign'")]
    assert audit == [f"towed-car from unit {world['unit']}"]


async def test_another_units_instructor_cannot_assign_or_remove(dashboard: Dashboard, world: dict):
    path = f"/units/{world['unit']}/assignments"
    async with signed_in(dashboard, RIVAL) as web:
        assert (await web.get(path)).status_code == 403
        csrf = csrf_of((await web.get(f"/units/{world['rival_unit']}/assignments")).text)
        assert (await web.post(path, data={"csrf": csrf, "scenario": "towed-car"})).status_code == 403
        assert (await web.post(f"{path}/towed-car/remove", data={"csrf": csrf})).status_code == 403
        from_library = await web.post("/scenarios/towed-car/assign", data={"csrf": csrf, "unit": str(world["unit"])})
        assert from_library.status_code == 400 and "not among yours" in from_library.text
    async with demoted_session(dashboard) as web:
        assert (await web.get(path)).status_code == 401
    assert not list(dashboard.store.db.query("select * from assignments"))


# --- the scenario library ---------------------------------------------------------------------------


async def test_the_library_lists_every_call_and_draws_each_diagram_from_its_mermaid_source(
    dashboard: Dashboard, world: dict
):
    calls = dashboard.department.library.scenarios
    async with signed_in(dashboard, ADMIN) as web:
        index = await web.get("/scenarios")
        assert index.status_code == 200
        assert index.text.count('href="/scenarios/') == len(calls)
        page = await web.get("/scenarios/child-late-home")
        assert page.status_code == 200
        assert '<pre class="mermaid">' in page.text and "stateDiagram-v2" in page.text
        assert "Automatic fail" in page.text and "not sent to 911 or dispatch" in page.text
        assert "/static/vendor/mermaid.min.js" in page.text
        assert not re.search(r'src="(https?:)?//', page.text), "no script from another site"
        assert "'unsafe-inline'" in page.headers["content-security-policy"].split("style-src")[1].split(";")[0]
        assert "'unsafe-inline'" not in page.headers["content-security-policy"].split("script-src")[1].split(";")[0]
        script = await web.get("/static/vendor/mermaid.min.js")
        assert script.status_code == 200 and len(script.content) > 1_000_000
        assert (await web.get("/scenarios/no-such-call")).status_code == 404


async def test_a_call_is_assigned_from_its_library_page(bot: Bot, dashboard: Dashboard, world: dict):
    async with signed_in(dashboard, INSTRUCTOR) as web:
        page = await web.get("/scenarios/towed-car")
        assert f'<option value="{world["unit"]}">Day shift</option>' in page.text
        assert "Night shift" not in page.text
        response = await web.post(
            "/scenarios/towed-car/assign",
            data={"csrf": csrf_of(page.text), "unit": str(world["unit"]), "due": ""},
            follow_redirects=True,
        )
        assert response.status_code == 200 and "1 member told" in response.text
    await bot.until(lambda: told(bot, "New assignment"))


async def test_trainees_get_no_library(dashboard: Dashboard, world: dict):
    async with demoted_session(dashboard) as web:
        assert (await web.get("/scenarios")).status_code == 401
        assert (await web.get("/scenarios/towed-car")).status_code == 401


# --- exports ------------------------------------------------------------------------------------------


async def test_a_units_csv_is_the_chats_file_and_is_audited(dashboard: Dashboard, world: dict):
    async with signed_in(dashboard, INSTRUCTOR) as web:
        response = await web.get(f"/units/{world['unit']}/export.csv")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        assert "attachment" in response.headers["content-disposition"]
        assert response.content.startswith("\ufeff".encode())
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert [int(r["attempt_id"]) for r in rows] == [world["attempt"]]
        assert (await web.get(f"/units/{world['rival_unit']}/export.csv")).status_code == 403
    audit = [r["detail"] for r in dashboard.store.db.query("select * from audit where action = 'export'")]
    assert audit == [f"1 attempts of units [{world['unit']}]"]


async def test_all_units_export_covers_what_the_person_may_see(dashboard: Dashboard, world: dict):
    async with signed_in(dashboard, INSTRUCTOR) as web:
        rows = list(csv.DictReader(io.StringIO((await web.get("/export.csv")).content.decode("utf-8-sig"))))
        assert [int(r["attempt_id"]) for r in rows] == [world["attempt"]]
    async with signed_in(dashboard, RIVAL) as web:
        rows = list(csv.DictReader(io.StringIO((await web.get("/export.csv")).content.decode("utf-8-sig"))))
        assert rows == [], "the rival's unit has no attempts; the other unit's are not theirs"
    async with demoted_session(dashboard) as web:
        assert (await web.get("/export.csv")).status_code == 401


# --- pages with charts and sortable tables ----------------------------------------------------------------


async def test_trainee_page_charts_totals_and_shows_latest_and_best_per_assignment(
    bot: Bot, dashboard: Dashboard, world: dict
):
    code = bot.store.db.execute("select code from units where id = ?", [world["unit"]]).fetchone()[0]
    assert "1 member told" in await assign(bot, f"car-break-in {code}")
    await one(bot, TRAINEE, "/practice car-break-in")
    from tests.scripts import COURTEOUS

    for message in COURTEOUS["car-break-in"]:
        await one(bot, TRAINEE, message)
    async with signed_in(dashboard, INSTRUCTOR) as web:
        page = (await web.get(f"/units/{world['unit']}/trainees/{TRAINEE}")).text
    assert '<svg class="chart"' in page and 'role="img"' in page
    assert '<ul class="meters">' in page and "Greeting" in page
    assert "<h2>Assignments, as they stand today</h2>" in page and "Car break-in, reported by phone" in page
    row = re.search(r"<h2>Assignments, as they stand today</h2>.*?<tbody>(.*?)</tbody>", page).group(1)
    assert re.search(
        r"Car break-in, reported by phone</td><td><span class=\"nowrap\">\u2013</span></td>"
        r"<td>100/100</td><td>100/100</td>",
        row,
    ), "latest and best of the assignment"
    assert 'class="sortable"' in page and "data-sort=" in page


async def test_the_trainees_table_sorts_by_numbers(dashboard: Dashboard, world: dict):
    async with signed_in(dashboard, INSTRUCTOR) as web:
        page = (await web.get(f"/units/{world['unit']}")).text
    assert '<table class="sortable">' in page and "/static/sort.js" in page
    assert re.search(r'<td data-sort="1">1</td>', page), "the calls column sorts by its number"
    assert "Weekly average total" in page


async def test_many_units_get_one_sortable_table_with_department_totals(bot: Bot, dashboard: Dashboard, world: dict):
    for name in ("Evening", "Weekend", "Reserve"):
        await new_unit(bot, INSTRUCTOR, name)
    async with signed_in(dashboard, ADMIN) as web:
        page = (await web.get("/")).text
    assert '<table class="sortable">' in page and "<div>Units<b>5</b></div>" in page
    for name in ("Day shift", "Night shift", "Evening", "Weekend", "Reserve"):
        assert name in page
    assert "Weakest" in page and "This week" in page
    assert "<div>Assignments done<b>0/0</b></div>" in page


async def test_the_many_units_figures_are_read_again_after_a_change_made_here(
    bot: Bot, dashboard: Dashboard, world: dict
):
    for name in ("Evening", "Weekend", "Reserve"):
        await new_unit(bot, INSTRUCTOR, name)
    async with signed_in(dashboard, ADMIN) as web:
        assert "<div>Assignments done<b>0/0</b></div>" in (await web.get("/")).text
        path = f"/units/{world['unit']}/assignments"
        csrf = csrf_of((await web.get(path)).text)
        await web.post(path, data={"csrf": csrf, "scenario": "towed-car"})
        assert "<div>Assignments done<b>0/1</b></div>" in (await web.get("/")).text


# --- the audit log ---------------------------------------------------------------------------------------


async def test_the_audit_log_filters_by_action_and_by_person(bot: Bot, dashboard: Dashboard, world: dict):
    async with signed_in(dashboard, ADMIN) as web:
        promotions = (await web.get("/audit?action=promote")).text
        assert promotions.count('<td class="did">made an instructor</td>') == 2
        assert '<td class="did">created a unit</td>' not in promotions
        assert '<option value="promote" selected>' in promotions
        mine = (await web.get(f"/audit?who={RIVAL}")).text
        assert f'<span title="#{RIVAL}">' in mine and f'<span title="#{INSTRUCTOR}">' not in mine
        assert "Nothing in the audit log matches" in (await web.get("/audit?action=nothing")).text
        assert (await web.get("/audit?who=%C2%B2&page=x")).status_code == 200


# --- Telegram Web, errors --------------------------------------------------------------------------------


async def test_in_telegram_web_the_mini_app_gets_a_link_for_a_tab_of_its_own(dashboard: Dashboard, world: dict):
    async with client(dashboard) as framed:
        response = await framed.post("/auth/telegram", data={"init_data": init_data(INSTRUCTOR), "mode": "link"})
        assert response.status_code == 200 and COOKIE not in response.headers.get("set-cookie", "")
        link = re.search(r'href="https://dash.example.org(/login\?t=[^"]+)" target="_blank"', response.text).group(1)
    async with client(dashboard) as tab:
        token = link.split("t=", 1)[1]
        assert (await tab.post("/login", data={"t": token})).status_code == 303
        assert (await tab.get("/")).status_code == 200


async def test_a_trainee_is_refused_at_telegram_sign_in(dashboard: Dashboard, world: dict):
    async with client(dashboard) as web:
        response = await web.post("/auth/telegram", data={"init_data": init_data(TRAINEE)})
        assert response.status_code == 403 and "/history" in response.text
        assert COOKIE not in response.headers.get("set-cookie", "")


async def test_unknown_pages_and_errors_get_a_plain_page(dashboard: Dashboard, world: dict, monkeypatch):
    async with signed_in(dashboard, INSTRUCTOR) as web:
        missing = await web.get("/no/such/page")
        assert missing.status_code == 404 and "There is no such page" in missing.text
        session = web.cookies.get(COOKIE)

    def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(dashboard.department.results, "units", broken)
    transport = httpx.ASGITransport(app=build_web_app(dashboard), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url=BASE, cookies={COOKIE: session}) as web:
        response = await web.get("/")
    assert response.status_code == 500 and "Something went wrong on our side" in response.text
    assert "database on fire" not in response.text and "Traceback" not in response.text


async def test_a_trainees_link_signs_nobody_in(dashboard: Dashboard, world: dict):
    token = SignIn(dashboard.store).new_link(TRAINEE)
    async with client(dashboard) as web:
        response = await web.post("/login", data={"t": token})
        assert response.status_code == 403 and "/history" in response.text
        assert COOKIE not in response.headers.get("set-cookie", "")
    assert dashboard.store.db.execute("select count(*) from web_sessions").fetchone()[0] == 0


async def test_a_sign_in_posted_from_another_site_is_refused(dashboard: Dashboard, world: dict):
    token = SignIn(dashboard.store).new_link(INSTRUCTOR)
    async with client(dashboard) as web:
        forged = await web.post("/login", data={"t": token}, headers={"Sec-Fetch-Site": "cross-site"})
        assert forged.status_code == 403 and COOKIE not in forged.headers.get("set-cookie", "")
        elsewhere = await web.post(
            "/auth/telegram", data={"init_data": init_data(INSTRUCTOR)}, headers={"Origin": "https://evil.example"}
        )
        assert elsewhere.status_code == 403
        own = await web.post("/login", data={"t": token}, headers={"Sec-Fetch-Site": "same-origin", "Origin": BASE})
        assert own.status_code == 303, "the link was not used up by the refused attempt"


async def test_a_head_request_builds_and_audits_nothing_and_gzip_can_be_refused(dashboard: Dashboard, world: dict):
    path = f"/units/{world['unit']}/export.csv"
    async with signed_in(dashboard, INSTRUCTOR) as web:
        head = await web.head(path)
        assert head.status_code == 200 and head.content == b""
        plain = await web.get(path, headers={"Accept-Encoding": "gzip;q=0, identity"})
        assert "content-encoding" not in plain.headers and plain.content.startswith("\ufeff".encode())
        packed = await web.get(path, headers={"Accept-Encoding": "gzip"})
        assert packed.headers["content-encoding"] == "gzip" and packed.content.startswith("\ufeff".encode())
    audit = dashboard.store.db.execute("select count(*) from audit where action = 'export'").fetchone()[0]
    assert audit == 2, "the two downloads, not the HEAD"


async def test_an_export_survives_its_process_dying(dashboard: Dashboard, world: dict):
    import os
    import signal

    from bot.training import export_files

    async with signed_in(dashboard, INSTRUCTOR) as web:
        assert (await web.get(f"/units/{world['unit']}/export.csv")).status_code == 200
        for pid in list(export_files._pool._processes):  # the export process, killed as the OOM killer would
            os.kill(pid, signal.SIGKILL)
        again = await web.get(f"/units/{world['unit']}/export.csv")
        assert again.status_code == 200 and "attempt_id" in again.content.decode("utf-8-sig")


async def test_forms_without_their_csrf_token_change_nothing(dashboard: Dashboard, world: dict):
    path = f"/units/{world['unit']}/assignments"
    async with signed_in(dashboard, INSTRUCTOR) as web:
        csrf = csrf_of((await web.get(path)).text)
        await web.post(path, data={"csrf": csrf, "scenario": "towed-car"})
        assert (await web.post(f"{path}/towed-car/remove", data={})).status_code == 403
        assert (await web.post("/scenarios/report-copy/assign", data={"unit": str(world["unit"])})).status_code == 403
    assert [r["scenario_id"] for r in dashboard.store.db.query("select * from assignments")] == ["towed-car"]


async def test_removing_an_assignment_drops_its_reminders_still_waiting(bot: Bot, dashboard: Dashboard, world: dict):
    import json

    from bot.storage.outbox import Outgoing

    path = f"/units/{world['unit']}/assignments"
    async with signed_in(dashboard, INSTRUCTOR) as web:
        csrf = csrf_of((await web.get(path)).text)
        await web.post(path, data={"csrf": csrf, "scenario": "towed-car", "due": FUTURE})
        (assignment_id,) = bot.store.db.execute("select id from assignments").fetchone()
        held = Outgoing(TRAINEE, "Reminder: towed-car is due", reminder=(TRAINEE, assignment_id, "due"), hold=True)
        bot.store.db.execute("update outbox set sent = 1 where sent is null")  # earlier messages delivered
        bot.store.owe([held], "test")
        await web.post(f"{path}/towed-car/remove", data={"csrf": csrf})
    waiting = [json.loads(b) for (b,) in bot.store.db.execute("select body from outbox where sent is null")]
    assert not any("reminder" in body for body in waiting)
    assert any("no longer on your list" in body.get("text", "") for body in waiting)


def test_weekly_averages_fall_in_local_weeks(bot: Bot, world: dict):
    from datetime import date
    from zoneinfo import ZoneInfo

    from bot.training import results

    new_york = ZoneInfo("America/New_York")
    # Sunday 22 November, 20:00 in New York is Monday 01:00 UTC: still last week there.
    bot.store.db.execute(
        "update attempts set started_at = '2026-11-23T00:50:00+00:00', finished_at = '2026-11-23T01:00:00+00:00'"
    )
    bot.store.db.execute("update unit_members set joined_at = '2026-11-01T00:00:00+00:00'")
    weeks = results.weekly(bot.store.db.conn, [world["unit"]], date(2026, 11, 23), 2, new_york)[world["unit"]]
    assert [(w.monday, w.attempts) for w in weeks] == [("2026-11-16", 1), ("2026-11-23", 0)]
    utc = results.weekly(bot.store.db.conn, [world["unit"]], date(2026, 11, 23), 2)[world["unit"]]
    assert [(w.monday, w.attempts) for w in utc] == [("2026-11-16", 0), ("2026-11-23", 1)]


async def test_a_dashboard_under_a_path_keeps_its_links_and_cookie_there(bot: Bot, dashboard: Dashboard, world: dict):
    under = Dashboard(dashboard.department, dashboard.bot_token, f"{BASE}/deskdrill", dashboard.today, dashboard.wake)
    transport = httpx.ASGITransport(app=build_web_app(under))
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as web:
        token = SignIn(under.store).new_link(INSTRUCTOR)
        signed = await web.post("/deskdrill/login", data={"t": token})
        assert signed.status_code == 303 and signed.headers["location"] == "/deskdrill/"
        assert "path=/deskdrill" in signed.headers["set-cookie"].lower()
        page = (await web.get("/deskdrill/")).text
        assert 'href="/deskdrill/scenarios"' in page and 'href="/deskdrill/static/style.css"' in page
        path = f"/deskdrill/units/{world['unit']}/assignments"
        csrf = csrf_of((await web.get(path)).text)
        changed = await web.post(path, data={"csrf": csrf, "scenario": "towed-car"})
        assert changed.headers["location"] == path
