"""A trainee's own record, over the loopback Bot API: past calls by tap, reviews they ask for, /practice.

/history lists past calls a page at a time; a tap opens a call's scorecard (the total first) with
Transcript, Ask for a review and History buttons. A review request names one verdict and says why; it
reaches the unit's instructors with the call, an override or a reply answers it, and the trainee is told,
with a button to the call. /practice shows what is assigned first, with due dates and marks, then the rest
by channel and difficulty, 8 to a page. A long transcript pages at turn boundaries.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.config import Settings
from bot.scenarios.library import Library
from bot.tg import callbacks as cb
from bot.transcript import MAX_MESSAGE_CHARS, User
from tests.scripts import COURTEOUS, COURTEOUS_BUT_UNHELPFUL
from tests.telegram.conftest import Bot, launch, shutdown
from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.test_staff import (
    ADMIN,
    INSTRUCTOR,
    TRAINEE,
    assign,
    one,
    start_all,
    tap,
    unit_with_trainee,
)

CALL = "Car break-in, reported by phone"
MONDAY = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)  # the store's clock: "Mon 23 Nov, 14:05" (UTC)


@pytest.fixture
def staff_settings(settings: Settings) -> Settings:
    return replace(settings, admins=frozenset({ADMIN}))


@pytest.fixture
def day() -> list[date]:
    return [date(2026, 11, 24)]  # a Tuesday: no weekly digest to get in the way


@pytest.fixture
async def bot(staff_settings: Settings, library: Library, bot_api: FakeBotApi, day: list[date]) -> AsyncIterator[Bot]:
    """The store's clock on Monday 23 November, 14:05 (UTC): dates and times read the same on every run."""
    running = await launch(staff_settings, library, bot_api, today=lambda: day[0])
    running.store.clock = lambda: MONDAY
    yield running
    await shutdown(running)


def keys(bot: Bot, chat_id: int) -> list[tuple[str, str]]:
    """(label, data) of the buttons under the latest message to the chat (a link's data: its URL)."""
    markup = bot.api.sent("sendMessage", chat_id)[-1].params.get("reply_markup")
    rows = json.loads(markup)["inline_keyboard"] if markup else []
    return [(b["text"], b.get("callback_data") or b.get("url", "")) for row in rows for b in row]


def labels(bot: Bot, chat_id: int) -> list[str]:
    return [label for label, _ in keys(bot, chat_id)]


def data(bot: Bot, chat_id: int, starts: str) -> str:
    """The data of the button under the latest message whose label starts so."""
    return next(d for label, d in keys(bot, chat_id) if label.startswith(starts))


def played(bot: Bot, user: int, scenario_id: str, lines: list[str]) -> int:
    """A whole call played straight through the coach (quick), ended with /end if still open; its id."""
    person = User(user, user, "Alex", None)
    with bot.store.db.atomic():
        bot.coach.start(person, scenario_id)
    for line in lines:
        if bot.store.active_attempt(user) is None:
            break
        with bot.store.db.atomic():
            bot.coach.say(person, line)
    if bot.store.active_attempt(user) is not None:
        with bot.store.db.atomic():
            bot.coach.end(person)
    return bot.store.history(user, 1)[0]["id"]


def all_fit(bot: Bot, *chats: int) -> bool:
    return all(len(t) < MAX_MESSAGE_CHARS for chat in chats for t in bot.api.texts(chat))


# --- /history: any past call's scorecard and transcript, by tap ------------------------------------


async def test_history_opens_a_past_scorecard_and_its_transcript_by_taps(bot: Bot) -> None:
    await one(bot, TRAINEE, "/start")
    first = played(bot, TRAINEE, "car-break-in", COURTEOUS["car-break-in"])
    later = [played(bot, TRAINEE, "car-break-in", ["Hello?"]) for _ in range(8)]  # 9 calls: two pages

    listing = await one(bot, TRAINEE, "/history")
    assert listing.startswith("Your 9 finished calls, newest first (page 1 of 2). Tap one for its scorecard.")
    assert labels(bot, TRAINEE)[0] == "Mon 23 Nov \u00b7 Car break-in \u00b7 0/100"
    assert len(labels(bot, TRAINEE)) == 9 and labels(bot, TRAINEE)[-1] == "Next \u25b6"  # 8 calls, then Next
    assert data(bot, TRAINEE, "Mon 23 Nov") == f"me:c:{later[-1]}"
    (second,) = await tap(bot, TRAINEE, data(bot, TRAINEE, "Next"))
    assert "(page 2 of 2)" in second and labels(bot, TRAINEE)[-1] == "\u25c0 Previous"

    (card,) = await tap(bot, TRAINEE, data(bot, TRAINEE, "Mon 23 Nov"))  # the oldest: the courteous call
    lines = card.splitlines()
    assert lines[0] == f"Scorecard: {CALL} (Mon 23 Nov, 14:05)"
    assert lines[1] == "Total: 100/100 \u2014 passed"  # the total first
    assert "\u2705 Empathy \u2014 \u201cI'm so sorry that happened to you.\u201d (turn 4)" in lines
    assert labels(bot, TRAINEE) == ["Transcript", "Ask for a review", "\u25c0 History"]

    (transcript,) = await tap(bot, TRAINEE, data(bot, TRAINEE, "Transcript"))
    assert transcript.startswith(f"Transcript: {CALL} (Mon 23 Nov, 14:05)\n1. Caller: ")
    assert "\n2. You: Good afternoon, Harbor Station" in transcript or "\n2. You: " in transcript
    assert labels(bot, TRAINEE) == ["\u25c0 Scorecard"]  # one message: no pages
    (again,) = await tap(bot, TRAINEE, data(bot, TRAINEE, "\u25c0 Scorecard"))
    assert again == card
    (back,) = await tap(bot, TRAINEE, data(bot, TRAINEE, "\u25c0 History"))
    assert back == listing
    assert first not in later and all_fit(bot, TRAINEE)


async def test_nobody_opens_another_persons_call_by_forging_a_button(bot: Bot) -> None:
    await unit_with_trainee(bot)
    theirs = played(bot, TRAINEE, "car-break-in", ["Hello?"])
    for forged in (cb.OwnCall(theirs), cb.OwnTranscript(theirs, 0), cb.ReviewPick(theirs), cb.ReviewAsk(theirs, 0)):
        (answer,) = await tap(bot, INSTRUCTOR, cb.encode(forged))
        assert answer == "That call is not among your finished calls: /history lists them."
    (nothing,) = await tap(bot, INSTRUCTOR, cb.encode(cb.History(0)))
    assert nothing == "No finished calls yet. Send /practice to start one."


# --- asking for a review ---------------------------------------------------------------------


async def test_a_review_request_reaches_the_instructor_an_override_answers_it_and_the_trainee_is_told(
    bot: Bot,
) -> None:
    await unit_with_trainee(bot)
    attempt = played(bot, TRAINEE, "car-break-in", ["Hello?"])  # every criterion missed
    await one(bot, TRAINEE, "/history")
    await tap(bot, TRAINEE, data(bot, TRAINEE, "Mon 23 Nov"))
    (pick,) = await tap(bot, TRAINEE, data(bot, TRAINEE, "Ask for a review"))
    assert pick.startswith(f"Ask for a review of \u201c{CALL}\u201d: which verdict")
    assert labels(bot, TRAINEE)[:5] == [
        f"\u274c {c}" for c in ("Greeting", "Empathy", "Testing questions", "Offer more help", "Appreciation")
    ]
    assert "\u274c Fact 1" in labels(bot, TRAINEE) and "\nFact 1: " in pick  # facts by number, named above
    (why,) = await tap(bot, TRAINEE, data(bot, TRAINEE, "\u274c Greeting"))
    assert why.startswith("Why should your instructor look again at Greeting (partly)?") or why.startswith(
        "Why should your instructor look again at Greeting (missed)?"
    )
    assert labels(bot, TRAINEE) == ["Cancel"]
    assert bot.store.db["review_waits"].count == 1  # stored: survives a restart

    before = len(bot.api.texts(INSTRUCTOR))
    (sent,) = await bot.say(TRAINEE, "I said hello, I just didn't get to say more before it ended")
    assert (
        sent
        == f"Sent to your instructor: your request about Greeting on \u201c{CALL}\u201d. The answer will come here."
    )
    notice = (await bot.texts(INSTRUCTOR, before + 1))[-1]
    assert notice.startswith("Alex (id 3003) asks for a review of Greeting ("), "no profile: told apart by id"
    assert f"on their call \u201c{CALL}\u201d (Mon 23 Nov, 14:05, call {attempt}): \u201cI said hello," in notice
    assert labels(bot, INSTRUCTOR) == ["Open the call", "Dismiss with a reply"]
    audit = [r["action"] for r in bot.store.db.query("select action from audit order by id")]
    assert "review_ask" in audit

    # one open request per verdict
    await tap(bot, TRAINEE, cb.encode(cb.ReviewPick(attempt)))
    assert labels(bot, TRAINEE)[0].startswith("\u23f3 Greeting")
    (again,) = await tap(bot, TRAINEE, cb.encode(cb.ReviewAsk(attempt, 0)))
    assert again.startswith("You already asked for a review of Greeting on this call")

    # the instructor opens the call from the notice and overrides it: the request is answered
    (call,) = await tap(bot, INSTRUCTOR, data(bot, INSTRUCTOR, "Open the call"))
    assert (
        call.startswith(f"Attempt {attempt}: {CALL}")
        and "\u23f3 Alex asks for a review of Greeting: \u201cI said" in call
    )
    await tap(bot, INSTRUCTOR, data(bot, INSTRUCTOR, "Greeting: make met"))
    await tap(bot, INSTRUCTOR, data(bot, INSTRUCTOR, "Yes, change it"))
    before = len(bot.api.texts(TRAINEE))
    (done,) = await bot.say(INSTRUCTOR, "Fair: the caller hung up on you")
    assert done.endswith("The trainee's review request is answered and they have been told.")
    told = (await bot.texts(TRAINEE, before + 1))[-1]
    assert told.startswith(
        f"Your instructor reviewed your \u201c{CALL}\u201d call of Mon 23 Nov, as you asked, and "
        "marked Greeting as met. Reason: Fair: the caller hung up on you."
    )
    assert keys(bot, TRAINEE) == [("Open the call", f"me:c:{attempt}")]  # the notice links to the call
    (card,) = await tap(bot, TRAINEE, data(bot, TRAINEE, "Open the call"))
    assert "\u2705 Greeting \u2014 changed to met by Alex: \u201cFair: the caller hung up on you\u201d" in card
    assert "\U0001f4ac You asked for a review of Greeting; your instructor changed it (above)." in card
    status = bot.store.db.execute("select status, answer from review_requests").fetchone()
    assert status == ("overridden", "Fair: the caller hung up on you")
    assert "review_answer" in [r["action"] for r in bot.store.db.query("select action from audit")]
    assert all_fit(bot, TRAINEE, INSTRUCTOR)


async def test_a_request_dismissed_with_a_reply_tells_the_trainee_why_with_the_call(bot: Bot) -> None:
    await unit_with_trainee(bot)
    attempt = played(bot, TRAINEE, "car-break-in", COURTEOUS_BUT_UNHELPFUL["car-break-in"])
    await tap(bot, TRAINEE, cb.encode(cb.ReviewPick(attempt)))
    (why,) = await tap(bot, TRAINEE, data(bot, TRAINEE, "\u274c Fact 1"))
    assert why.startswith("Why should your instructor look again at the fact \u201c")
    await bot.say(TRAINEE, "I told them to come in")
    await bot.until(lambda: "Dismiss with a reply" in labels(bot, INSTRUCTOR))

    (ask,) = await tap(bot, INSTRUCTOR, data(bot, INSTRUCTOR, "Dismiss with a reply"))
    assert ask.startswith("Send your reply to Alex as your next message: it keeps the fact \u201c")
    assert labels(bot, INSTRUCTOR) == ["Cancel", "Open the call"]
    before = len(bot.api.texts(TRAINEE))
    (done,) = await bot.say(INSTRUCTOR, "You never said where to file the report.")
    assert done.startswith("Done: Alex is told ") and done.endswith("with your reply.")
    told = (await bot.texts(TRAINEE, before + 1))[-1]
    assert told.startswith("Your instructor looked again at the fact \u201c")
    assert told.endswith("as you asked, and kept it as it was: \u201cYou never said where to file the report.\u201d")
    assert keys(bot, TRAINEE) == [("Open the call", f"me:c:{attempt}")]
    (card,) = await tap(bot, TRAINEE, data(bot, TRAINEE, "Open the call"))
    assert "your instructor kept it: \u201cYou never said where to file the report.\u201d" in card
    # the same Dismiss tapped again: already answered, nothing sent
    (late,) = await tap(bot, INSTRUCTOR, cb.encode(cb.ReviewAnswer(1)))
    assert late == "That request was already answered (dismissed): nothing to do."


async def test_a_review_reason_can_be_cancelled_lapses_and_never_takes_a_practice_line(bot: Bot) -> None:
    await unit_with_trainee(bot)
    attempt = played(bot, TRAINEE, "car-break-in", ["Hello?"])
    await tap(bot, TRAINEE, cb.encode(cb.ReviewAsk(attempt, 1)))
    (cancelled,) = await tap(bot, TRAINEE, data(bot, TRAINEE, "Cancel"))
    assert cancelled == "Cancelled: nothing was sent."
    assert (await one(bot, TRAINEE, "hello")).startswith("You're not in a practice call")

    await tap(bot, TRAINEE, cb.encode(cb.ReviewAsk(attempt, 1)))
    bot.store.clock = lambda: MONDAY + timedelta(minutes=16)
    lapsed = await one(bot, TRAINEE, "too late")
    assert lapsed == "Your review request lapsed after 15 minutes, so nothing was sent: tap again."
    assert bot.store.db["review_requests"].count == 0

    # during a practice call the next line is practice, and the reason waits
    await tap(bot, TRAINEE, cb.encode(cb.ReviewAsk(attempt, 1)))
    await one(bot, TRAINEE, "/practice car-break-in")
    (reply,) = await bot.say(TRAINEE, "Good afternoon, Harbor Station, Deputy Park speaking.")
    assert reply.startswith("Caller (") and bot.store.db["review_requests"].count == 0


async def test_no_instructor_no_request_and_empty_or_long_reasons_are_explained(bot: Bot) -> None:
    await start_all(bot)
    alone = played(bot, TRAINEE, "car-break-in", ["Hello?"])  # in no unit
    (refused,) = await tap(bot, TRAINEE, cb.encode(cb.ReviewAsk(alone, 0)))
    assert refused.startswith("No instructor can review this call: you were not in a unit when you made it.")
    assert bot.store.db["review_waits"].count == 0


# --- the notice of any override links to the call --------------------------------------------------


async def test_an_override_notice_opens_the_call(bot: Bot) -> None:
    await unit_with_trainee(bot)
    attempt = played(bot, TRAINEE, "car-break-in", COURTEOUS["car-break-in"])
    before = len(bot.api.texts(TRAINEE))
    await one(bot, INSTRUCTOR, f"/override {attempt} empathy missed too brief")
    told = (await bot.texts(TRAINEE, before + 1))[-1]
    assert told.startswith(f"Your instructor reviewed your \u201c{CALL}\u201d call of Mon 23 Nov and marked Empathy")
    (card,) = await tap(bot, TRAINEE, data(bot, TRAINEE, "Open the call"))
    assert card.splitlines()[1] == "Total: 85/100 \u2014 passed"


# --- /practice: assigned first, with marks; the rest in pages ---------------------------------


async def test_practice_shows_what_is_assigned_first_with_marks_then_the_rest_in_pages(
    bot: Bot, day: list[date], library: Library
) -> None:
    code = await unit_with_trainee(bot)
    await assign(bot, f"towed-car {code} 2026-11-25")
    await assign(bot, f"welfare-check {code} 2026-12-04")
    await assign(bot, f"car-break-in {code}")
    played(bot, TRAINEE, "car-break-in", COURTEOUS["car-break-in"])  # passed
    day[0] = date(2026, 11, 26)  # towed-car is overdue now

    menu = await one(bot, TRAINEE, "/practice")
    assert menu.startswith(
        "Choose a call to practise.\n\nAssigned to you:\n"
        "\u26a0\ufe0f An angry caller whose car was towed \u2014 overdue, was due Wed 25 Nov\n"
        "\u23f3 A caller asks for a welfare check on an elderly neighbour \u2014 due Fri 4 Dec\n"
        f"\u2705 {CALL} \u2014 passed\n\nMore calls (page 1 of 4):\n\U0001f4de By phone, routine\n"
    )
    first = keys(bot, TRAINEE)
    assert [label for label, _ in first[:3]] == [
        "\u26a0\ufe0f Towed car",
        "\u23f3 Welfare check",
        "\u2705 Car break-in",
    ]
    assert [d for _, d in first[:3]] == ["practice:towed-car", "practice:welfare-check", "practice:car-break-in"]
    seen = [d for _, d in first[3:] if d.startswith("practice:")]
    assert len(seen) == 8 and first[-1][0] == "Next \u25b6"

    page = 0
    while "Next \u25b6" in labels(bot, TRAINEE):
        page += 1
        (text,) = await tap(bot, TRAINEE, data(bot, TRAINEE, "Next"))
        assert text.startswith(f"Choose a call to practise.\n\nMore calls (page {page + 1} of 4):\n")
        seen += [d for _, d in keys(bot, TRAINEE) if d.startswith("practice:")]
    # every other call once, phone before the lobby, routine before hard; none assigned twice
    assert sorted(seen) == sorted(
        f"practice:{s}" for s in library.scenarios if s not in ("towed-car", "welfare-check", "car-break-in")
    )
    assert labels(bot, TRAINEE)[-1] == "\u25c0 Previous"
    sent = bot.api.sent("sendMessage", TRAINEE)[-5:]
    for message in sent:
        rows = json.loads(message.params["reply_markup"])["inline_keyboard"]
        for row in rows:
            assert all("\u2026" not in b["text"] for b in row)  # no label cut
            assert len(row) == 1 or all(len(b["text"]) <= 20 for b in row)  # two to a row only when short
        assert "(phone, " not in message.params["text"]


# --- a long transcript pages at turn boundaries ------------------------------------------------------


LONG = [
    "Good afternoon, Harbor Station, Deputy Park speaking. " + "Let me make sure I have every detail right. " * 12,
    *("I understand, and I want to get all of this down properly for you. " * 9 for _ in range(10)),
]


async def test_a_long_transcript_pages_at_turn_boundaries_for_the_trainee_and_the_instructor(bot: Bot) -> None:
    await unit_with_trainee(bot)
    attempt = played(bot, TRAINEE, "car-break-in", LONG)
    turns = bot.store.turns(attempt)
    assert sum(len(t.text) for t in turns) > 5000

    for user, first in ((TRAINEE, cb.OwnTranscript(attempt, 0)), (INSTRUCTOR, cb.Transcript(attempt))):
        (page,) = await tap(bot, user, cb.encode(first))
        pages = [page]
        assert labels(bot, user)[-1] == "\u25c0 Scorecard" if user == TRAINEE else "Later \u25b6" in labels(bot, user)
        while "Later \u25b6" in labels(bot, user):
            (page,) = await tap(bot, user, data(bot, user, "Later"))
            pages.append(page)
            assert "\u25c0 Earlier" in labels(bot, user)
        assert len(pages) >= 2
        assert re.search(r" page 1 of \d", pages[0]) and f"page {len(pages)} of {len(pages)}" in pages[-1]
        for text in pages:
            assert len(text) < 3600
            body = text.splitlines()[1:]
            numbered = [line for line in body if re.match(r"\d+\. (Caller|You|Alex): ", line)]
            assert numbered, text[:200]
        said = "\n".join(pages)
        for n, turn in enumerate(turns, start=1):  # every turn whole, once, on one page
            assert len(re.findall(rf"^{n}\. \w+: {re.escape(turn.text)}$", said, re.MULTILINE)) == 1, n
