"""The dashboard's reports over HTTP: a period selector on every report page that carries to the CSV download,
the units compared side by side (an admin's: every unit; an instructor's: their own), the trend charts with
their table, one unit's report with the names behind the figures, and the printable monthly report."""
# ruff: noqa: F811  (the dashboard fixtures are imported from test_dashboard)

from __future__ import annotations

import re

from bot.web.app import Dashboard
from tests.telegram.conftest import Bot
from tests.telegram.test_dashboard import bot, dashboard, signed_in, staff_settings  # noqa: F401  (fixtures)
from tests.telegram.test_report_periods import two_units_with_october_and_november
from tests.telegram.test_staff import ADMIN, INSTRUCTOR, RIVAL


def rows_of(page: str) -> list[str]:
    """The unit names of the side-by-side table, in order."""
    table = page.split('class="sortable compare"')[1].split("</table>")[0]
    return re.findall(r'/report\?period=[\w-]+">([^<]+)</a>', table)


async def test_the_period_selector_chooses_what_every_figure_covers_and_the_csv_link_carries_it(
    bot: Bot, dashboard: Dashboard
) -> None:
    await two_units_with_october_and_november(bot)
    async with signed_in(dashboard, INSTRUCTOR) as web:
        page = (await web.get("/reports")).text
        assert "<h1>Reports: this month</h1>" in page, "this month unless another is chosen"
        assert "Showing <b>this month (Sun 1 Nov \u2013 Mon 30 Nov 2026)</b>" in page
        for kind in ("this-week", "last-week", "this-month", "last-month"):
            assert f'href="/reports?period={kind}"' in page
        assert 'href="/reports?period=this-month" aria-current="page">This month</a>' in page
        assert 'name="from" value="2026-11-01"' in page and 'name="to" value="2026-11-30"' in page
        assert 'href="/export.csv?period=2026-11"' in page
        assert "<div>Calls<b>1</b></div>" in page

        october = (await web.get("/reports?period=last-month")).text
        assert "<h1>Reports: last month</h1>" in october and "<div>Calls<b>3</b></div>" in october
        assert "<div>Wrong information<b>1</b></div>" in october and 'href="/export.csv?period=2026-10"' in october

        custom = (await web.get("/reports?from=2026-10-01&to=2026-10-14")).text
        assert "Showing <b>Thu 1 Oct \u2013 Wed 14 Oct 2026</b>" in custom
        assert 'href="/export.csv?period=2026-10-01..2026-10-14"' in custom
        download = await web.get("/export.csv?period=2026-10-01..2026-10-14")
        assert download.status_code == 200 and download.text.count("\n") == 4, "a heading and October's 3 calls"

        wrong = await web.get("/reports?from=2026-10-14&to=2026-10-01")
        assert wrong.status_code == 200 and "swap the dates" in wrong.text
        assert "<h1>Reports: this month</h1>" in wrong.text, "the default period, with why the asked one is none"
        assert "is not a period" in (await web.get("/reports?period=fortnight")).text


async def test_units_side_by_side_every_unit_for_an_admin_their_own_for_an_instructor(
    bot: Bot, dashboard: Dashboard
) -> None:
    await two_units_with_october_and_november(bot)
    async with signed_in(dashboard, ADMIN) as web:
        page = (await web.get("/reports?period=last-month")).text
    assert rows_of(page) == ["Day shift", "Night shift", "Evening shift"]
    heads = re.findall(r"<th>([^<]+)</th>", page.split('class="sortable compare"')[1].split("</thead>")[0])
    assert heads[:5] == ["Unit", "Calls", "Trainees", "Passed", "Average"]
    assert heads[-2:] == ["Auto fails", "Wrong info"]
    day = page.split(">Day shift</a></td>")[1].split("</tr>")[0]
    cells = re.findall(r'<td data-sort="[^"]*">(.*?)</td>', day)
    assert cells[:4] == ["2", "1", "50%", cells[3]] and cells[-1] == '<span class="missed">1</span>'
    async with signed_in(dashboard, INSTRUCTOR) as web:
        assert rows_of((await web.get("/reports?period=last-month")).text) == ["Day shift", "Night shift"]
    async with signed_in(dashboard, RIVAL) as web:
        assert rows_of((await web.get("/reports?period=last-month")).text) == ["Evening shift"]


async def test_each_step_has_a_trend_chart_and_the_weeks_a_table(bot: Bot, dashboard: Dashboard) -> None:
    await two_units_with_october_and_november(bot)
    async with signed_in(dashboard, INSTRUCTOR) as web:
        page = (await web.get("/reports?period=last-month")).text
    assert page.count('<svg class="chart trend"') == 8, "five steps, facts, average total, calls"
    for name in ("Greeting", "Empathy", "Facts given right", "Average total", "Calls"):
        assert f"<figcaption>{name}" in page
    assert 'aria-label="Empathy of your units, week by week"' in page and '<circle class="dot"' in page
    assert '<rect class="outside"' in page, "the weeks before October are greyed"
    assert "<th>Week starting</th>" in page and "Mon 12 Oct 2026" in page


async def test_a_units_report_names_who_is_behind_and_who_gave_wrong_information(
    bot: Bot, dashboard: Dashboard
) -> None:
    units = await two_units_with_october_and_november(bot)
    path = f"/units/{units['Day shift']}/report"
    async with signed_in(dashboard, INSTRUCTOR) as web:
        page = (await web.get(path + "?period=last-month")).text
        assert "<h1>Day shift: last month</h1>" in page and f'href="{path}?period=this-week"' in page
        assert "Not started: Jordan" in page and "An angry caller whose car was towed" in page
        assert 'Jordan: <span class="missed">1 with wrong information</span>' in page
        assert f'href="/units/{units["Day shift"]}/export.csv?period=2026-10"' in page
        unit_page = (await web.get(f"/units/{units['Day shift']}")).text
        assert f'href="{path}?period=this-month"' in unit_page, "the unit's page leads to its report of its period"
    async with signed_in(dashboard, RIVAL) as web:
        refused = await web.get(path)
        assert refused.status_code == 403 and "not among yours" in refused.text


async def test_the_monthly_report_is_a_sheet_per_unit_with_a_page_break_after_each(
    bot: Bot, dashboard: Dashboard
) -> None:
    await two_units_with_october_and_november(bot)
    async with signed_in(dashboard, ADMIN) as web:
        page = (await web.get("/reports/monthly")).text
        assert "<h1>Monthly report: October 2026</h1>" in page, "last month by default"
        assert page.count('<section class="sheet">') == 3
        assert "DeskDrill monthly report \u00b7 October 2026 \u00b7 printed Mon 23 Nov 2026" in page
        css = (await web.get("/static/reports.css")).text
        assert "@media print" in css and "break-after: page" in css
        november = (await web.get("/reports/monthly?month=2026-11")).text
        assert "<h1>Monthly report: November 2026</h1>" in november
        assert "not a month" in (await web.get("/reports/monthly?month=2026-xx")).text


def card_of(page: str, unit: str) -> str:
    """A unit's card on the overview (its name up to the next card)."""
    return page.split(f">{unit}</a></h2>")[1].split("</section>")[0]


async def test_the_overview_and_a_units_page_show_a_period_named_on_each_card(bot: Bot, dashboard: Dashboard) -> None:
    """Day shift: Jordan's model call and wrong-information call in October, a model call in November."""
    units = await two_units_with_october_and_november(bot)
    day = units["Day shift"]
    async with signed_in(dashboard, INSTRUCTOR) as web:
        overview = (await web.get("/")).text
        november = card_of(overview, "Day shift")
        assert '<h3 class="period-name">November 2026</h3>' in november, "this month unless another is chosen"
        assert "<div>Calls<b>1</b></div>" in november and "<div>Passed<b>100%</b></div>" in november
        assert 'href="/?period=this-month" aria-current="page">This month</a>' in overview
        assert 'href="/export.csv?period=2026-11"' in overview and 'href="/reports?period=this-month"' in overview

        october = card_of((await web.get("/?period=last-month")).text, "Day shift")
        assert '<h3 class="period-name">October 2026</h3>' in october
        assert "<div>Calls<b>2</b></div>" in october and "<div>Passed<b>50%</b></div>" in october
        assert "<div>Assignments done<b>0/1</b></div>" in october, "assignments as they stand today"

        custom = (await web.get(f"/units/{day}?from=2026-10-01&to=2026-11-30")).text
        assert '<h3 class="period-name">Thu 1 Oct \u2013 Mon 30 Nov 2026</h3>' in custom
        assert "<h2>Trainees: Thu 1 Oct \u2013 Mon 30 Nov 2026</h2>" in custom
        jordan = custom.split("Jordan</a>")[1].split("</tr>")[0]
        assert re.findall(r'<td data-sort="[^"]*">(.*?)</td>', jordan)[:2] == ["3", "2"], "3 calls, 2 passed"
        assert f'href="/units/{day}/export.csv?period=2026-10-01..2026-11-30"' in custom

        wrong = await web.get(f"/units/{day}?period=fortnight")
        assert wrong.status_code == 200 and "is not a period" in wrong.text
        assert '<h3 class="period-name">November 2026</h3>' in wrong.text
