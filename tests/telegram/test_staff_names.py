"""Staff see trainees by the names their records carry, and never two alike, over the loopback Bot API.

Three trainees are all "Alex" in Telegram: one set a training profile (Alex Moreno, badge 4471), one has an
@username, one has neither. Wherever staff see a list of trainees (/behind and its Remind buttons, /results and
its trainee buttons, a unit's people and its Remove buttons, the audit log) and in a review request's notice,
each reads differently: "Alex Moreno · #4471", "Alex (@alexk)", "Alex (id 6006)".
"""
# ruff: noqa: F811  (fixtures imported from test_own_record)

from __future__ import annotations

from bot.storage.people import Identity
from bot.tg import callbacks as cb
from bot.training.names import StaffName, staff_name, staff_names
from tests.telegram.conftest import Bot
from tests.telegram.test_own_record import (  # noqa: F401  (fixtures)
    ADMIN,
    INSTRUCTOR,
    TRAINEE,
    bot,
    data,
    day,
    labels,
    one,
    staff_settings,
    start_all,
    tap,
)
from tests.telegram.test_staff import OTHER, new_unit

JO = 6006
MORENO, KAPLAN, BARE = "Alex Moreno \u00b7 #4471", "Alex (@alexk)", "Alex (id 6006)"


def test_the_naming_rule() -> None:
    """Full name and badge, else the first name; two alike told apart by @username, else by the id's end."""
    people = [
        Identity(3003, "Alex", None, "Alex Moreno", "4471"),
        Identity(4004, "Alex", "alexk"),
        Identity(7654321, "Alex"),
        Identity(9, "Kim", "kimmy"),
    ]
    names = staff_names(people)
    assert [str(names[p.id]) for p in people] == [MORENO, KAPLAN, "Alex (id \u20264321)", "Kim"]
    assert names[3003].short == "Alex Moreno", "a button has no room for the badge"
    twins = staff_names([Identity(12344321, "Sam"), Identity(99994321, "Sam")])
    assert {n.short for n in twins.values()} == {"Sam (id 12344321)", "Sam (id 99994321)"}
    assert staff_name(Identity(4004, "Alex", "alexk")) == StaffName("Alex (@alexk)"), "alone, never a bare Alex"
    assert staff_name(Identity(3003, "Alex", None, "Alex Moreno", "4471")).full == MORENO


async def three_alexes(bot: Bot, assigned: bool = True) -> str:
    """A unit with three members all called Alex in Telegram (and an assignment they have not done)."""
    await start_all(bot)
    code = await new_unit(bot)
    await one(bot, TRAINEE, f"/join {code}")
    await one(bot, TRAINEE, "/profile Alex Moreno, 4471")
    await bot.say_as(OTHER, "/start", "Alex", "alexk")
    await bot.say_as(OTHER, f"/join {code}", "Alex", "alexk")
    await bot.say_as(JO, "/start", "Alex")
    await bot.say_as(JO, f"/join {code}", "Alex")
    if assigned:
        await one(bot, INSTRUCTOR, f"/assign car-break-in {code} 2026-11-30")
    return code


async def test_three_alexes_are_told_apart_wherever_staff_list_them(bot: Bot) -> None:
    code = await three_alexes(bot)

    (behind,) = await bot.say(INSTRUCTOR, "/behind")
    assert f"Not started (3): {KAPLAN}, {BARE}, {MORENO}" in behind
    (assignment,) = await tap(bot, INSTRUCTOR, data(bot, INSTRUCTOR, "3 behind"))
    assert f"Not started (3): {KAPLAN}, {BARE}, {MORENO}" in assignment
    assert labels(bot, INSTRUCTOR)[1:4] == ["Remind Alex (@alexk)", "Remind Alex (id 6006)", "Remind Alex Moreno"]
    (reminded,) = await tap(bot, INSTRUCTOR, data(bot, INSTRUCTOR, "Remind Alex (@alexk)"))
    assert reminded.endswith(f": {KAPLAN}.")

    (results,) = await bot.say(INSTRUCTOR, f"/results {code}")
    trainees = [t for t in labels(bot, INSTRUCTOR) if t.startswith("Alex")]
    assert trainees == ["Alex (@alexk) \u00b7 0 calls", "Alex (id 6006) \u00b7 0 calls", "Alex Moreno \u00b7 0 calls"]
    (page,) = await tap(bot, INSTRUCTOR, data(bot, INSTRUCTOR, "Alex (@alexk)"))
    assert page.startswith(f"Alex (user {OTHER}, @alexk) in \u201cDay shift\u201d")

    unit_id = bot.store.db.execute("select id from units").fetchone()[0]
    (people,) = await tap(bot, INSTRUCTOR, cb.encode(cb.UnitPeople(unit_id, 0)))
    assert f"Members (3): {KAPLAN}, {BARE}, {MORENO}\n" in people
    removes = [t for t in labels(bot, INSTRUCTOR) if t.startswith("Remove")]
    assert removes == ["Remove Alex (@alexk)", "Remove Alex (id 6006)", "Remove Alex Moreno"]
    (ask,) = await tap(bot, INSTRUCTOR, data(bot, INSTRUCTOR, "Remove Alex Moreno"))
    assert ask.startswith(f"Remove {MORENO} from \u201cDay shift\u201d?")

    (audit,) = await bot.say(ADMIN, "/audit")
    assert f"to user Alex ({OTHER})" in audit, "beside their id"


async def test_a_review_request_names_the_trainee_by_their_records(bot: Bot) -> None:
    from tests.telegram.test_own_record import played

    await three_alexes(bot, assigned=False)  # no assignment notice to land between the taps
    played(bot, TRAINEE, "car-break-in", ["Hello?"])
    await one(bot, TRAINEE, "/history")
    await tap(bot, TRAINEE, data(bot, TRAINEE, "Mon 23 Nov"))
    await tap(bot, TRAINEE, data(bot, TRAINEE, "Ask for a review"))
    await tap(bot, TRAINEE, data(bot, TRAINEE, "\u274c Greeting"))
    before = len(bot.api.texts(INSTRUCTOR))
    await bot.say(TRAINEE, "I said hello")
    notice = (await bot.texts(INSTRUCTOR, before + 1))[-1]
    assert notice.startswith(f"{MORENO} asks for a review of Greeting (")
