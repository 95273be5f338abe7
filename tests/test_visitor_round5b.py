"""What was left of round 5's play-tests (60 competent calls by two blind testers), fixed in general and replayed
by scenario and seed, with cases in other words and other scenarios:

1. Every part of a multi-part question is answered: "Name + phone?" both; "Which library?" the place; "the make,
   color, any case?" the make; "Was anything else taken ..., and did you see anybody ...?" both (no offer of help).
2. No canned fragment that answers nothing ("I'll figure something out.", "No idea. I just want it to stop.",
   "Nothing special about it.", "I'm calling about Jayden.") and no detail read out as a bare placeholder ("A
   deputy.", "A patrol car.").
3. The persona never says "I don't know" of what it plainly has or knows (its photo ID, its new job, where it found
   what it holds); "Which would you prefer?" after two options gets one of them.
4. After a hand-over on a demand for a supervisor, the trainee has one more message to close, credited.
5. One reply never says one thing twice, nor contradicts itself ("lit me up ... I don't remember").
"""

from __future__ import annotations

import re

import pytest

from bot.practice.attempt import Attempt
from bot.practice.engine import ScenarioEngine
from bot.practice.said_once import once_each
from bot.scenarios.library import Library
from tests.calls import call

NON_ANSWER = re.compile(r"no idea|i don't know|not sure|i don't remember|no clue", re.I)
PHONE = re.compile(r"\(\d{3}\) \d{3}-\d{4}")
LOBBY_HELLO = "Hi, welcome to Harbor Station, I'm Deputy Lee. What can I do for you?"
PHONE_HELLO = "Harbor Station, Deputy Ray speaking, how can I help?"


def _reply(library: Library, scenario: str, seed: int, before: list[str], message: str) -> str:
    attempt = call(library, scenario, before, seed)
    line = attempt.say(message).reply.line
    attempt.finish()
    return line


# 1. Every part answered.


@pytest.mark.parametrize("ask", ["Name + phone?", "Name and number?", "Phone, name?"])
@pytest.mark.parametrize("seed", (61, 2))
def test_a_terse_name_and_phone_gets_both(library: Library, ask: str, seed: int) -> None:
    attempt = call(library, "minor-collision", [LOBBY_HELLO], seed)
    line = attempt.say(f"Okay. Take a breath. {ask}").reply.line
    name = attempt.engine.persona_name(attempt.visitor)
    assert name in line and PHONE.search(line), line
    attempt.finish()


@pytest.mark.parametrize("seed", range(1, 11))
def test_which_library_gets_the_place_and_how_long_ago_the_time(library: Library, seed: int) -> None:
    engine_details = call(library, "lost-child-lobby", [], seed)
    place = engine_details.engine.details(engine_details.visitor)["place"]  # its name, and which one exactly
    engine_details.finish()
    line = _reply(
        library,
        "lost-child-lobby",
        seed,
        [LOBBY_HELLO],
        "Oh sweetie, you're safe here. Which library, the one on Harbor Boulevard? And how long ago?",
    )
    assert any(said.lower() in line.lower() for said in place.values()) and "minutes ago" in line, line


@pytest.mark.parametrize("seed", range(1, 7))
def test_asked_for_the_make_the_finder_names_it(library: Library, seed: int) -> None:
    line = _reply(
        library,
        "found-property",
        seed,
        [LOBBY_HELLO],
        "Cool. Can you describe it for me, like the make, color, any case?",
    )
    assert re.search(r"iPhone|Fossil|Coach|JanSport|Toyota", line), line
    assert "Nothing special" not in line, line


@pytest.mark.parametrize("seed", (71, 2, 3))
def test_what_else_was_taken_and_who_was_around_are_both_answered_not_taken_for_an_offer(
    library: Library, seed: int
) -> None:
    line = _reply(
        library,
        "car-break-in",
        seed,
        [PHONE_HELLO, "Oh no, I'm sorry. Can I get your name?"],
        "Okay. Was anything else taken besides the tablet, and did you see anybody hanging around?",
    )
    assert re.search(r"nobody|no one|didn't see|street's empty|long gone", line, re.I), line
    assert "?" not in line, line


@pytest.mark.parametrize("seed", (1, 2))
def test_where_was_it_parked_when_it_happened_asks_no_time(library: Library, seed: int) -> None:
    line = _reply(
        library,
        "car-break-in",
        seed,
        [PHONE_HELLO, "Oh no, I'm sorry. Can I get your name?"],
        "Thanks. Where was the car parked when it happened, and is it somewhere safe now?",
    )
    assert "overnight" not in line and "figure something out" not in line, line
    assert re.search(r"out front|right there|should be okay", line, re.I), line


@pytest.mark.parametrize("seed", (1, 2, 3, 62))
def test_on_the_pier_or_in_the_parking_area_gets_where_it_was_found(library: Library, seed: int) -> None:
    line = _reply(
        library,
        "found-property",
        seed,
        [LOBBY_HELLO],
        "Thank you. When did you find it, and was it on the pier itself or in the parking area?",
    )
    assert not NON_ANSWER.search(line), line
    assert re.search(r"\b(at|on) the\b|pier|park|stop|steps|lot", line.split(".", 1)[-1]), line


# 2. No canned fragments, no placeholders.


@pytest.mark.parametrize("seed", (71, 72, 1))
def test_any_fighting_or_just_the_music_gets_one_answer_without_a_stock_remark(library: Library, seed: int) -> None:
    line = _reply(
        library,
        "noise-complaint",
        seed,
        ["Harbor Station, Deputy Ray speaking.", "I'm sorry, that's miserable this late. What's the house number?"],
        "Any fighting or anything dangerous going on over there, or just the music?",
    )
    assert not NON_ANSWER.search(line) and "want it to stop" not in line, line


@pytest.mark.parametrize("seed", (72, 1))
def test_are_you_somewhere_safe_gets_no_figure_something_out(library: Library, seed: int) -> None:
    line = _reply(
        library,
        "car-break-in",
        seed,
        [PHONE_HELLO, "I'm sorry, Mr. Adeyemi, that's rattling."],
        "Are you somewhere safe right now, and is anyone still near the car?",
    )
    assert "figure something out" not in line and "work something out" not in line, line


@pytest.mark.parametrize("seed", range(1, 9))
def test_the_parent_giving_a_name_does_not_say_again_what_the_call_is_about(library: Library, seed: int) -> None:
    line = _reply(
        library,
        "child-late-home",
        seed,
        ["Harbor Station, Deputy Ray.", "Okay, I'm glad you called. How old is your child?"],
        "Quickly, what's your name and the best number to reach you?",
    )
    assert "calling about" not in line and "need help finding" not in line, line


@pytest.mark.parametrize("seed", range(1, 7))
def test_the_complainer_never_reads_out_a_bare_placeholder(library: Library, seed: int) -> None:
    line = _reply(
        library,
        "deputy-complaint",
        seed,
        [LOBBY_HELLO, "I'm sorry that happened. I'll take your complaint myself."],
        "That's okay. Did you get the deputy's name, a badge number, or the number on the patrol car?",
    )
    assert not re.search(r"(^|[.!] )(A deputy|A patrol car|A marked car)\.", line), line


@pytest.mark.parametrize("seed", range(1, 6))
def test_the_tools_livelihood_is_only_said_with_the_tools(library: Library, seed: int) -> None:
    attempt = Attempt.start(ScenarioEngine(library.scenarios["car-break-in"]), seed)
    lines = [attempt.say(m).reply.line for m in (PHONE_HELLO, "I'm so sorry. That's awful.", "Is anyone hurt?")]
    attempt.finish()
    for line in lines:
        assert "livelihood" not in line or "tools" in line, line


# 3. What the persona plainly knows.


@pytest.mark.parametrize("seed", (62, 61, 1))
def test_asked_for_her_photo_id_the_job_seeker_says_she_has_her_license(library: Library, seed: int) -> None:
    attempt = call(library, "clearance-letter", [LOBBY_HELLO], seed)
    line = attempt.say("Bring the form too, yes. But I mean your photo ID, like a driver's license. Do you have one?")
    assert re.search(r"license|have it|brought it", line.reply.line, re.I), line.reply.line
    assert not NON_ANSWER.search(line.reply.line), line.reply.line
    job = attempt.say("Is this for a new job, and what is your name please?").reply.line
    assert job.startswith("Yes") and not NON_ANSWER.search(job), job
    attempt.finish()


@pytest.mark.parametrize(("scenario", "hello"), [("impound-release", LOBBY_HELLO), ("towed-car", PHONE_HELLO)])
@pytest.mark.parametrize("seed", (1, 2))
def test_do_you_have_one_after_naming_a_drivers_license_gets_a_yes_or_no(
    library: Library, scenario: str, hello: str, seed: int
) -> None:
    line = _reply(library, scenario, seed, [hello], "I mean your photo ID, like a driver's license. Do you have one?")
    assert not NON_ANSWER.search(line), line


@pytest.mark.parametrize(
    ("scenario", "hello"),
    [("car-break-in", PHONE_HELLO), ("impound-release", LOBBY_HELLO), ("minor-collision", LOBBY_HELLO)],
)
def test_asked_whether_it_has_its_own_keys_on_it_the_visitor_says_yes(
    library: Library, scenario: str, hello: str
) -> None:
    line = _reply(library, scenario, 2, [hello], "Do you have your keys with you?")
    assert re.match(r"(yes|no)\b", line, re.I) and not NON_ANSWER.search(line), line


@pytest.mark.parametrize("seed", (2, 72))
def test_asked_what_else_was_in_the_bag_the_owner_says(library: Library, seed: int) -> None:
    line = _reply(
        library,
        "car-break-in",
        seed,
        [PHONE_HELLO],
        "I'm sorry. Was there anything in the bag besides the laptop, like a wallet or ID?",
    )
    assert not NON_ANSWER.search(line) and re.search(r"license|wallet", line), line


@pytest.mark.parametrize("seed", (61, 1, 2))
def test_which_would_you_prefer_after_two_options_gets_one(library: Library, seed: int) -> None:
    line = _reply(
        library,
        "deputy-complaint",
        seed,
        [LOBBY_HELLO, "I'm sorry that happened. I'll take your complaint myself."],
        "I can give you the watch commander's direct line, (562) 555-0142. I can also write up your complaint "
        "right now, here at the counter, and it goes straight to the watch commander. Which would you prefer?",
    )
    assert re.search(r"write up my complaint|watch commander's direct line", line, re.I), line


@pytest.mark.parametrize("seed", (1, 2))
def test_which_works_better_in_other_words_in_another_scenario(library: Library, seed: int) -> None:
    line = _reply(
        library,
        "report-copy",
        seed,
        [LOBBY_HELLO],
        "We could mail you a copy. Or we can print it for you here in a few days. Which one do you want?",
    )
    assert "print it for me here" in line.lower(), line


# 4. A hand-over leaves the desk its closing.


@pytest.mark.parametrize("scenario", ["towed-car", "deputy-complaint", "noise-complaint"])
@pytest.mark.parametrize("seed", (1, 2, 3))
def test_after_a_supervisor_takes_over_the_desk_still_closes_and_is_credited(
    library: Library, scenario: str, seed: int
) -> None:
    attempt = call(library, scenario, ["Good afternoon, Harbor Station. How can I help?", "You idiot."], seed)
    if attempt.ended or not attempt.engine.leaving(attempt.visitor):
        attempt.finish()
        pytest.skip("no demand for a supervisor in this run")
    handed = attempt.say("I'm sorry, you're right, that was out of line. Let me get my supervisor for you.").reply
    if not re.search(r"takes over|comes out to the counter", handed.line):
        attempt.finish()
        pytest.skip("not handed on in this run")
    assert not handed.ended, handed.line
    closing = attempt.say("Thank you for your patience. Is there anything else I can help you with?").reply
    assert closing.ended and "?" not in closing.line, closing.line
    criteria = attempt.finish().grade.criteria
    assert criteria["offer_more_help"].met and criteria["appreciation"].met


# 5. One reply, one account.


def test_a_reply_never_says_one_thing_twice() -> None:
    shaky = (
        "Nobody's hurt, I think. Just a crumpled bumper. I'm a bit shaky. The other car hit me at the Trader Joe's "
        "parking lot. I'm still a bit shaky."
    )
    assert once_each(shaky).count("shaky") == 1
    registered = "Yes, it's registered to me. I've got my license right here. It's registered in my name."
    assert once_each(registered).count("registered") == 1
    kept = "My car is a blue Honda, plate 7HWD310. The other car was a white Camry, plate 8FRT552."
    assert once_each(kept) == kept


@pytest.mark.parametrize("seed", range(1, 7))
def test_was_it_a_traffic_stop_gets_a_yes_not_i_dont_remember(library: Library, seed: int) -> None:
    line = _reply(
        library,
        "deputy-complaint",
        seed,
        [LOBBY_HELLO, "I'm sorry, that's not okay. I'll take your complaint myself."],
        "When and where did this happen, and was it a traffic stop?",
    )
    assert not NON_ANSWER.search(line) and re.search(r"\byes\b|pulled me over", line, re.I), line


@pytest.mark.parametrize("seed", (61, 1, 2))
def test_the_shaken_driver_says_she_is_shaky_once(library: Library, seed: int) -> None:
    line = _reply(
        library,
        "minor-collision",
        seed,
        [],
        "Hi, welcome to Harbor Station. Deputy Ng. Sorry that happened, rattling stuff. Anyone hurt?",
    )
    assert line.count("shaky") <= 1, line
