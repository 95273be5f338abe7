"""xAPI statements reach a real Learning Record Store (ralph-malph, tests/telegram/ralph_lrs.py) and are read back.

Each finished call becomes "attempted", "completed" and "passed" or "failed", with the total as the scaled score
and each criterion and automatic fail as result extensions, for an account of the agency's and an activity
titled like the call. While the LRS is down the statements wait in the database, across a restart, and arrive
once it is up. An instructor's override voids the result the LRS has and states the corrected one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from bot.config import Settings
from bot.lrs import sender as lrs_sender
from bot.scenarios.library import Library
from tests.scripts import COURTEOUS, COURTEOUS_BUT_UNHELPFUL
from tests.telegram.conftest import Bot, launch, shutdown
from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.ralph_lrs import PASSWORD, USER, Lrs, free_port
from tests.telegram.test_staff import ADMIN, INSTRUCTOR, one, unit_with_trainee

HOME = "https://dash.example.org"
TRAINEE = 3003
NS = f"{HOME}/xapi/"
ADL = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture
def lrs(tmp_path: Path) -> Iterator[Lrs]:
    server = Lrs(tmp_path / "lrs", free_port())
    yield server
    server.stop()


@pytest.fixture
def xapi_settings(settings: Settings, lrs: Lrs, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setattr(lrs_sender, "FIRST_PAUSE", 0.2)
    monkeypatch.setattr(lrs_sender, "MAX_PAUSE", 0.5)  # a down LRS is tried again within half a second
    return replace(
        settings, xapi_endpoint=lrs.endpoint, xapi_username=USER, xapi_password=PASSWORD, xapi_home_page=HOME
    )


@pytest.fixture
async def bot(xapi_settings: Settings, library: Library, bot_api: FakeBotApi) -> AsyncIterator[Bot]:
    running = await launch(xapi_settings, library, bot_api)
    yield running
    await shutdown(running)


async def call(bot: Bot, scenario: str, lines: list[str]) -> int:
    await bot.say(TRAINEE, f"/practice {scenario}")
    for line in lines:
        await bot.say(TRAINEE, line)
    if bot.store.active_attempt(TRAINEE):
        await bot.say(TRAINEE, "/end")
    return bot.store.history(TRAINEE)[0]["id"]


def sent(bot: Bot, attempt_id: int) -> bool:
    row = bot.store.db.execute("select sent from xapi_queue where attempt_id = ?", [attempt_id]).fetchone()
    return row is not None and row[0] is not None


async def statements(lrs: Lrs) -> list[dict]:
    async with httpx.AsyncClient(auth=(USER, PASSWORD)) as client:
        response = await client.get(
            f"{lrs.endpoint}/statements", params={"limit": 100}, headers={"X-Experience-API-Version": "1.0.3"}
        )
    assert response.status_code == 200, response.text
    return response.json()["statements"]


def of_attempt(found: list[dict], attempt_id: int) -> dict[str, dict]:
    """The attempt's statements by verb ("attempted", "completed", "passed"...)."""
    mine = [s for s in found if s["context"]["extensions"][NS + "attempt-id"] == attempt_id]
    return {s["verb"]["id"].removeprefix(ADL): s for s in mine}


async def test_a_finished_call_is_attempted_completed_and_passed_in_the_lrs(bot: Bot, lrs: Lrs) -> None:
    lrs.start()
    await bot.say(TRAINEE, "/start")
    await bot.say(TRAINEE, "/profile Jordan Lee, 4471")
    passed = await call(bot, "car-break-in", COURTEOUS["car-break-in"])
    await bot.until(lambda: sent(bot, passed), timeout=30)

    good = of_attempt(await statements(lrs), passed)
    assert sorted(good) == ["attempted", "completed", "passed"]
    won = good["passed"]
    assert won["actor"]["account"] == {"homePage": HOME, "name": str(TRAINEE)}
    assert won["actor"]["name"] == "Jordan Lee"
    assert won["object"]["id"] == f"{HOME}/scenarios/car-break-in"
    assert won["object"]["definition"]["name"] == {"en-US": "Car break-in, reported by phone"}
    assert won["result"]["score"] == {"scaled": 1.0, "raw": 100, "min": 0, "max": 100}
    assert won["result"]["success"] is True and won["result"]["completion"] is True
    assert {c: won["result"]["extensions"][NS + f"criterion/{c}"] for c in ("greeting", "empathy")} == {
        "greeting": "met",
        "empathy": "met",
    }
    assert won["result"]["extensions"][NS + "automatic-fail"] == []
    assert won["result"]["extensions"][NS + "pass-mark"] == 80
    assert won["context"]["extensions"][NS + "badge"] == "4471"
    assert len({s["context"]["registration"] for s in good.values()}) == 1, "one registration per attempt"
    assert good["completed"]["result"] == won["result"] and "result" not in good["attempted"]


async def test_statements_wait_while_the_lrs_is_down_even_across_a_restart_and_arrive_once_it_is_up(
    xapi_settings: Settings, library: Library, bot_api: FakeBotApi, lrs: Lrs
) -> None:
    first = await launch(xapi_settings, library, bot_api)
    try:
        await first.say(TRAINEE, "/start")
        passed = await call(first, "car-break-in", COURTEOUS["car-break-in"])
        failed = await call(first, "child-late-home", COURTEOUS_BUT_UNHELPFUL["child-late-home"])
        tried = "select tries, error from xapi_queue where attempt_id = ?"
        await first.until(lambda: (first.store.db.execute(tried, [failed]).fetchone() or (0,))[0] >= 2)
        tries, error = first.store.db.execute(tried, [passed]).fetchone()
        assert tries >= 2 and "ConnectError" in error and not sent(first, passed)
    finally:
        await shutdown(first)

    lrs.start()
    second = await launch(xapi_settings, library, bot_api)
    try:
        await second.until(lambda: sent(second, passed) and sent(second, failed), timeout=30)
    finally:
        await shutdown(second)
    found = await statements(lrs)
    assert sorted(of_attempt(found, passed)) == ["attempted", "completed", "passed"]
    lost = of_attempt(found, failed)
    assert sorted(lost) == ["attempted", "completed", "failed"]
    result = lost["failed"]["result"]
    assert result["success"] is False and result["score"]["scaled"] == 0.0
    (reason,) = result["extensions"][NS + "automatic-fail"]
    assert reason.startswith("The caller said their child is missing")
    assert len(found) == 6, "each statement once"


async def test_an_override_reaches_the_lrs_as_the_earlier_result_voided_and_the_corrected_one(
    xapi_settings: Settings, library: Library, bot_api: FakeBotApi, lrs: Lrs
) -> None:
    bot = await launch(replace(xapi_settings, admins=frozenset({ADMIN})), library, bot_api)
    try:
        await unit_with_trainee(bot)
        attempt = await call(bot, "car-break-in", COURTEOUS["car-break-in"])
        tried = "select tries from xapi_queue where attempt_id = ? and revision = 0"
        await bot.until(lambda: (bot.store.db.execute(tried, [attempt]).fetchone() or (0,))[0] >= 1)
        for criterion in ("greeting", "empathy"):
            told = await one(bot, INSTRUCTOR, f"/override {attempt} {criterion} missed Say the agency and sympathise")
            assert f"on attempt {attempt} (Car break-in, reported by phone) is now missed" in told, told
        corrections = "select count(*) from xapi_queue where attempt_id = ? and revision > 0"
        await bot.until(lambda: bot.store.db.execute(corrections, [attempt]).fetchone()[0] >= 1)
        lrs.start()  # one request: the call's statements, then the correction (ralph's file backend takes one)
        unsent = "select count(*) from xapi_queue where sent is null"
        await bot.until(lambda: bot.store.db.execute(unsent).fetchone()[0] == 0, timeout=30)
    finally:
        await shutdown(bot)
    found = [s for s in await statements(lrs) if s["actor"]["account"]["name"] == str(TRAINEE)]
    voided = {s["object"]["id"] for s in found if s["verb"]["id"] == ADL + "voided"}
    assert {s["object"]["objectType"] for s in found if s["verb"]["id"] == ADL + "voided"} == {"StatementRef"}
    first = {s["verb"]["id"].removeprefix(ADL): s for s in found if "corrected-by" not in str(s.get("context"))}
    assert {first["completed"]["id"], first["passed"]["id"]} <= voided, "the result the LRS had is voided"
    standing = {
        s["verb"]["id"].removeprefix(ADL): s
        for s in found
        if s["id"] not in voided and s["verb"]["id"] != ADL + "voided"
    }
    assert sorted(standing) == ["attempted", "completed", "failed"], "what stands: the call as corrected"
    failed = standing["failed"]
    assert failed["result"]["score"]["raw"] == 70 and failed["result"]["success"] is False
    assert failed["result"]["extensions"][NS + "criterion/greeting"] == "missed"
    assert failed["context"]["extensions"][NS + "corrected-by"] == "override"
    assert len({s["id"] for s in found}) == len(found), "each statement once"
