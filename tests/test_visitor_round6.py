"""What was left of round 6's play-tests (60 competent calls by two blind testers), fixed in general and replayed
by scenario and seed, with cases in other words and other scenarios:

1. A read-back or teach-back request gets the part asked, briefly, in the visitor's words ("tell me back what days
   and how much", "read me back the watch commander number", "which do you do first?", "are you calling her bank
   first?": the order the trainee gave, the corrected one after a correction); a teach-back never sends it away.
2. "What days ...?" asks the days of the service explained, not when the visitor is home.
3. "Give me her name and number" after "Can my sister pick me up?" is about the sister.
4. Re-asked after an answer that missed ("No, I mean ..."), the visitor does not say the same thing again.
5. "Can you put them out of reach right now?" is done, in character; asked after, it says it did.
6. "Which number is for what?" gets each number the trainee gave with what it is for.
7. Called by the wrong name, the visitor corrects it once.
8. Stock lines vary between the personas of one scenario.
"""

from __future__ import annotations

import re

import pytest

from bot.practice.attempt import Attempt
from bot.scenarios.library import Library
from tests.calls import call

LOBBY_HELLO = "Hi, welcome to Harbor Station, I'm Deputy Lee. What can I do for you?"
PHONE_HELLO = "Harbor Station, Deputy Lee speaking, how can I help?"
PHONE = re.compile(r"\(?\d{3}\)?[ -]?\d{3}-\d{4}")
REPEAT = re.compile(r"\b(?:as i said|like i said|again)\b", re.I)


def _replies(library: Library, scenario: str, seed: int, messages: list[str]) -> tuple[Attempt, list[str]]:
    attempt = call(library, scenario, [], seed)
    lines = []
    for message in messages:
        lines.append(attempt.say(message).reply.line)
    return attempt, lines


def _last(library: Library, scenario: str, seed: int, messages: list[str]) -> str:
    attempt, lines = _replies(library, scenario, seed, messages)
    attempt.finish()
    return lines[-1]


# 1. Read-back and teach-back: the part asked.

COMPLAINT = [
    LOBBY_HELLO,
    "I'm sorry that happened. I'll take your complaint personally right now. What's your name and best number?",
    "Thanks. A supervisor reviews it and someone will call you back at 555-0377 within a week. If you want to follow "
    "up yourself, the watch commander's direct line is 562-555-0142, and you can email "
    "watchcommander@bayviewsheriff.example.",
]


@pytest.mark.parametrize("seed", (92, 1, 2))
@pytest.mark.parametrize(
    "ask",
    ["Cool. Can you read me back the watch commander number real quick?", "Read me back the watch commander's line?"],
)
def test_read_back_of_the_watch_commander_number_is_that_number_only(library: Library, seed: int, ask: str) -> None:
    line = _last(library, "deputy-complaint", seed, [*COMPLAINT, ask])
    assert "0142" in line and "0377" not in line and "@" not in line, line
    assert not re.search(r"\bI call me\b|\bcall me back\b", line), line
    assert not re.search(r"\. And [A-Z]", line), line  # never the trainee's sentences glued with "And If"


CLEARANCE = [
    "hi, harbor station, deputy lee. what can i do for u?",
    "no worries, u got time. clearance letters are done at the records window. fingerprints are tuesdays and "
    "thursdays, 9 to noon. it's $25 and takes 5 to 7 business days. bring a photo id.",
]


@pytest.mark.parametrize("seed", (92, 91, 3))
def test_tell_me_back_what_days_and_how_much_gets_the_days_and_the_fee(library: Library, seed: int) -> None:
    line = _last(
        library,
        "clearance-letter",
        seed,
        [*CLEARANCE, "cool. did u write that down? tell me back what days and how much so i know we're good"],
    )
    assert re.search(r"tuesdays and thursdays", line, re.I) and "25" in line, line
    assert "written down" not in line and "photo" not in line, line


GRANDPARENT = [
    PHONE_HELLO,
    "I'm so sorry, that's a scam and you did the right thing calling. First thing, and I mean right after we hang "
    "up: call her bank and tell them it was a scam. Has anyone called the bank yet?",
    "Okay. Then the report: you can file it with our fraud line at (562) 555-0163, or I can start it with you now. "
    "What's your name and a good number to reach you?",
]


def _before(line: str, first: str, then: str) -> bool:
    low = line.lower()
    return first in low and then in low and low.index(first) < low.index(then)


@pytest.mark.parametrize("seed", (82, 1))
def test_after_a_correction_the_order_said_back_is_the_corrected_one(library: Library, seed: int) -> None:
    attempt, lines = _replies(
        library,
        "grandparent-scam",
        seed,
        [
            *GRANDPARENT,
            "Actually, bank first, then the report. The bank can still stop the money. Can you tell me back the order?",
            "Right, and who do you call first?",
            "But I mean you: when we hang up, are you calling her bank first?",
        ],
    )
    attempt.finish()
    told, first, yes = lines[-3:]
    assert _before(told, "bank", "report") and "(562) 555-0163" not in told, told
    assert _before(first, "bank", "report") and "lawyer" not in first, first
    assert yes.startswith("Yes") and "report" not in yes.split(".")[0], yes


@pytest.mark.parametrize("seed", (81, 2))
def test_a_teach_back_of_the_order_with_thanks_is_answered_and_the_caller_stays(library: Library, seed: int) -> None:
    attempt, lines = _replies(
        library,
        "grandparent-scam",
        seed,
        [
            PHONE_HELLO,
            "I'm so sorry, you did the right thing calling. First, call her bank right now and tell them it was "
            "fraud. Then call our fraud line at (562) 555-0163 to file the report. What's a good number for you?",
            "Thank you. Just so I know we're on the same page, what are the two calls you're going to make, and in "
            "what order?",
        ],
    )
    assert not attempt.ended and "hang up" not in lines[-1] and "Bye" not in lines[-1], lines[-1]
    assert _before(lines[-1], "bank", "fraud line") and "your fraud line" not in lines[-1], lines[-1]
    attempt.finish()


@pytest.mark.parametrize("seed", (82, 81))
@pytest.mark.parametrize(
    "ask", ["good. which do you do first?", "which call are you making first, the fraud line or the credit bureaus?"]
)
def test_which_first_is_answered_from_the_order_the_trainee_gave(library: Library, seed: int, ask: str) -> None:
    line = _last(
        library,
        "identity-theft",
        seed,
        [
            "harbor station, deputy lee, how can i help?",
            "ugh sorry, that's awful. name and best number for you?",
            "ok. first, call our fraud line at (562) 555-0163 to make a report. then contact the three credit bureaus "
            "and freeze your credit.",
            ask,
        ],
    )
    assert _before(line, "fraud line", "credit bureaus"), line
    assert "email" not in line and "home" not in line, line


@pytest.mark.parametrize("seed", (1, 2, 3))
def test_order_in_another_scenario_and_other_words(library: Library, seed: int) -> None:
    line = _last(
        library,
        "towed-car",
        seed,
        [
            PHONE_HELLO,
            "I'm sorry, that's a rotten start to the day. Call the tow yard first, then go pick up the car with your "
            "license and registration.",
            "So what do you do first?",
        ],
    )
    assert _before(line, "tow yard", "pick up"), line


# 2. "What days" asks the days.


@pytest.mark.parametrize("seed", (92, 91, 4))
@pytest.mark.parametrize(
    "ask", ["nice. so what days u coming in?", "And the days?", "Which days are the fingerprints done here?"]
)
def test_what_days_is_about_the_days_told_not_the_callback(library: Library, seed: int, ask: str) -> None:
    line = _last(library, "clearance-letter", seed, [*CLEARANCE, ask])
    assert re.search(r"tuesdays", line, re.I) and "cell" not in line.lower(), line


@pytest.mark.parametrize("seed", (92, 1))
def test_which_day_of_the_week_in_another_scenario(library: Library, seed: int) -> None:
    line = _last(
        library,
        "vin-inspection",
        seed,
        [
            LOBBY_HELLO,
            "We do the inspections on Wednesdays, from 1 to 4 in the afternoon. Book a time by calling (562) 555-0124.",
            "That's it. And which day of the week are inspections?",
        ],
    )
    assert "wednesday" in line.lower() and "last month" not in line.lower(), line


# 3. A person the visitor just mentioned.

SISTER = [
    LOBBY_HELLO,
    "I'm so sorry. You're safe here. Are you hurt anywhere?",
    "Would you like anything while we wait? Water, or someone to call?",
]


@pytest.mark.parametrize("seed", (91, 92, 1))
def test_her_name_and_number_after_the_sister_is_the_sisters(library: Library, seed: int) -> None:
    attempt, lines = _replies(
        library,
        "domestic-violence-lobby",
        seed,
        [
            *SISTER,
            "Of course. Give me her name and number and I'll call her for you.",
            "Thank you. I meant your sister, what's her name and number so I can call her?",
        ],
    )
    details = attempt.engine.details(attempt.visitor)
    attempt.finish()
    if "sister" not in lines[-3]:
        pytest.skip("this visitor asked for no one")
    for line in lines[-2:]:
        assert str(details["his_name"]) not in line and "husband" not in line.lower(), line
        assert PHONE.search(line) and str(details["phone_no"]) not in line, line


def test_a_sister_asked_for_by_name_gets_a_believable_name_in_other_seeds(library: Library) -> None:
    for seed in range(1, 6):
        line = _last(
            library, "domestic-violence-lobby", seed, [*SISTER, "Sorry, I meant your sister. What's her number?"]
        )
        assert PHONE.search(line) and "Derek" not in line and "Troy" not in line, line


# 4. Re-asked after an answer that missed.


@pytest.mark.parametrize("seed", (91, 1, 2))
def test_re_asked_where_to_get_the_copy_the_visitor_answers_it(library: Library, seed: int) -> None:
    line = _last(
        library,
        "report-copy",
        seed,
        [
            LOBBY_HELLO,
            "Sure. You can get a copy at the records window, here in the lobby. There's a 15 dollar fee and it's "
            "ready in five to seven business days.",
            "Ha, no, I mean where do you go to get the copy?",
        ],
    )
    assert "records window" in line and not REPEAT.search(line), line


# 5. Done now, in character.


@pytest.mark.parametrize("seed", (81, 82, 3))
def test_asked_to_put_the_pills_out_of_reach_now_the_caller_does_it(library: Library, seed: int) -> None:
    attempt, lines = _replies(
        library,
        "mental-health-crisis",
        seed,
        [
            PHONE_HELLO,
            "That sounds incredibly hard. Are you thinking about hurting yourself?",
            "Thank you for telling me. Do you have anything with you that you could hurt yourself with?",
            "Can you put them out of reach for me right now, Casey? Tell me when you've done it.",
            "Good. Did you put the pills away?",
        ],
    )
    attempt.finish()
    done, asked = lines[-2:]
    assert "I put them out of reach" in done and "weeks" not in done, done
    assert asked.startswith("Yes") and "put" in asked, asked


@pytest.mark.parametrize("seed", (1, 2))
def test_a_request_to_do_something_now_in_another_scenario(library: Library, seed: int) -> None:
    line = _last(
        library,
        "child-late-home",
        seed,
        [PHONE_HELLO, "Okay, we'll take this seriously. Could you turn your phone's ringer up right now for me?"],
    )
    assert "I turned my phone's ringer up" in line, line


# 6. Which number is for what.


@pytest.mark.parametrize("seed", (81, 82))
def test_which_number_is_for_what_gets_both_with_their_use(library: Library, seed: int) -> None:
    attempt, lines = _replies(
        library,
        "neighbour-dispute",
        seed,
        [
            PHONE_HELLO,
            "That sounds exhausting. For the ongoing problem, community mediation is free, their number is "
            "(562) 555-0140. If he ever threatens you or it turns physical, call dispatch at (562) 555-0111.",
            "Do you want to tell me back which number is for what, just so I know I didn't garble it?",
            "Right, and what's that one for? And the other number?",
        ],
    )
    attempt.finish()
    for line in lines[-2:]:
        assert "0140" in line and "0111" in line and "mediation" in line and "dispatch" in line, line
        assert "my cell" not in line and "And and" not in line, line


# 7. The wrong name.


@pytest.mark.parametrize(
    ("scenario", "seed", "before", "slip"),
    [
        (
            "welfare-check",
            82,
            [PHONE_HELLO, "I understand. What's your name and number?"],
            "Thank ya, Sam. Is she ill?",
        ),
        ("vin-inspection", 91, [LOBBY_HELLO, "Sure. What's your name?"], "Got it, Mr. Kruger. Is the car drivable?"),
    ],
)
def test_called_by_the_wrong_name_the_visitor_corrects_it_once(
    library: Library, scenario: str, seed: int, before: list[str], slip: str
) -> None:
    attempt, lines = _replies(library, scenario, seed, [*before, slip, slip])
    name = attempt.engine.persona_name(attempt.visitor).split()
    attempt.finish()
    correction = rf"^(?:oh, |um, |sorry, )?(?:it's )?(?:{name[0]}|{name[-1]})\b"
    assert re.search(correction, lines[-2], re.I), lines[-2]
    assert "actually" not in lines[-1] and not re.search(correction, lines[-1], re.I), lines[-1]


@pytest.mark.parametrize("seed", (1, 2))
def test_a_name_said_about_someone_else_is_no_wrong_name(library: Library, seed: int) -> None:
    line = _last(
        library, "welfare-check", seed, [PHONE_HELLO, "I understand. What's your name?", "Is Mrs. Brennan okay?"]
    )
    assert "actually" not in line, line


# 8. Stock lines vary between personas.


def test_the_parents_of_child_late_home_do_not_share_their_callback_lines(library: Library) -> None:
    said = []
    for seed in (81, 82):
        _, lines = _replies(
            library,
            "child-late-home",
            seed,
            [
                PHONE_HELLO,
                "Okay, we're going to take this seriously. I'm sending this to dispatch now. What's your name and a "
                "number where they can reach you?",
                "Stay on the line with me while I connect you. What's a good callback number in case we get cut off?",
            ],
        )
        said.append({PHONE.sub("#", x).strip(" .") for line in lines[1:] for x in re.split(r"(?<=[.!?])\s+", line)})
    shared = {x for x in said[0] & said[1] if len(x.split()) >= 3}
    assert not shared, shared


@pytest.mark.parametrize(
    ("scenario", "told", "ask", "number"),
    [
        (
            "arrested-relative",
            "I'm sorry, that's scary. Call the jail information line at (562) 555-0190 for his status and bail.",
            "Of course. Just so we're good, you got that number down? Want to say it back to me?",
            "555-0190",
        ),
        (
            "towed-car",
            "It shows as towed to Valley Tow. Call the yard at (562) 555-0188 first, then go get it.",
            "Right. And the yard's number you wrote down is...?",
            "555-0188",
        ),
    ],
)
@pytest.mark.parametrize("seed", (91, 81, 1))
def test_say_it_back_gets_the_number_not_a_bare_yes(
    library: Library, scenario: str, told: str, ask: str, number: str, seed: int
) -> None:
    line = _last(library, scenario, seed, [LOBBY_HELLO if scenario == "arrested-relative" else PHONE_HELLO, told, ask])
    assert number in line and "written it down" not in line and "got it" not in line, line


@pytest.mark.parametrize(
    ("scenario", "said"),
    [
        ("car-break-in", "Yes, this is the sheriff's desk. Oh, I'm sorry, that's a rotten thing. Anyone hurt?"),
        ("neighbour-dispute", "Tell me what's been happening with Mr. Pruitt, and has anybody been hurt?"),
        ("towed-car", "Okay, sure. Sorry, that's a pain. Where were you parked?"),
    ],
)
def test_round_7_nobody_addressed_by_name_means_no_name_correction(library: Library, scenario: str, said: str) -> None:
    """Round 7: "It's Ben, actually." after "Oh, I'm sorry" and "It's Frank, actually." after "with Mr. Pruitt,"."""
    line = _last(library, scenario, 111, ["Harbor Station, Deputy Ng, how can I help?", said])
    assert "actually" not in line and not line.startswith(("It's", "Um, it's")), line


# Round 7: a request to tell back two parts (or more) gets every part, in the order asked, in the visitor's words.

TWO_PART_CALLS = {
    "clearance-letter": (
        LOBBY_HELLO,
        "Fingerprints are done at the records window, Tuesdays and Thursdays, 9 to noon. It's $25 and takes 5 to 7 "
        "business days. Bring a photo ID.",
    ),
    "car-break-in": (
        PHONE_HELLO,
        "Okay. You can file the report online, it takes about fifteen minutes, and you'll get a report number "
        "within two business days.",
    ),
    "identity-theft": (
        PHONE_HELLO,
        "I am sorry. Call our fraud line at (562) 555-0163 to report it. Today, also freeze your credit with the "
        "three credit bureaus.",
    ),
    "parking-citation": (
        PHONE_HELLO,
        "You can contest it. You have 21 days to request an initial review. Call Parking Citations at (562) 555-0137.",
    ),
    "impound-release": (
        LOBBY_HELLO,
        "Here's how it works. Bring three things: a valid driver's license, the current registration, and proof of "
        "insurance. The release fee is 150 dollars. Then take the release to Valley Tow, 1450 Industrial Way.",
    ),
    "ride-along-request": (
        LOBBY_HELLO,
        "Turn in the application and a copy of your license at the front desk. You'll hear from us in about two weeks.",
    ),
    "registrant-questions": (
        LOBBY_HELLO,
        "You can register Tuesdays and Thursdays, 8 to 11. You have to register within five working days of moving.",
    ),
    "deputy-compliment": (
        PHONE_HELLO,
        "I will pass your compliment to the watch commander today. If you would like to put it in writing, you may "
        "e-mail commendations@bayviewsheriff.example.",
    ),
}


def _in_order(line: str, *parts: str) -> bool:
    """Each part said, in the order given (each a pattern, case ignored)."""
    at = 0
    for part in parts:
        found = re.compile(part, re.I).search(line, at)
        if found is None:
            return False
        at = found.end()
    return True


@pytest.mark.parametrize("seed", (101, 111, 1))
@pytest.mark.parametrize(
    ("scenario", "ask", "parts"),
    [
        ("clearance-letter", "Cool. Can you tell me back what days you come in and what it costs?", ("tuesdays", "25")),
        (
            "car-break-in",
            "Just to check, can you read back to me how long it takes and when you'll get the report number?",
            ("fifteen minutes", "two business days"),
        ),
        (
            "identity-theft",
            "Can you say back to me the fraud line number and what you do today for your credit?",
            ("0163", "freeze"),
        ),
        (
            "parking-citation",
            "Does that all make sense? Just so I know it landed, how many days do you have, and who do you call?",
            ("21 days", "0137"),
        ),
        (
            "impound-release",
            "Can you tell me back what you need to bring and where you take the release?",
            ("license", "industrial"),
        ),
        (
            "ride-along-request",
            "Sounds good. So tell me back, what do you turn in, and how long till you hear from us?",
            ("application", "two weeks"),
        ),
        (
            "registrant-questions",
            "Great. So I know we're on the same page, what days can you register, and how many days do you have "
            "after the move?",
            ("tuesdays", "five working days"),
        ),
        (
            "deputy-compliment",
            "Could you read that email address back to me, and tell me when I'm passing it on?",
            ("commendations@", r"\bpass\b.*\btoday\b"),
        ),
    ],
)
def test_a_two_part_read_back_gets_both_parts_in_order(
    library: Library, scenario: str, seed: int, ask: str, parts: tuple[str, str]
) -> None:
    line = _last(library, scenario, seed, [*TWO_PART_CALLS[scenario], ask])
    assert _in_order(line, *parts), line
    assert len(line.split()) <= 40, line  # briefly
    assert not re.search(r"\bI have I\b|\bYou said I\b", line), line  # an instruction is no value


@pytest.mark.parametrize("seed", (101, 92, 3))
@pytest.mark.parametrize(
    ("ask", "parts"),
    [
        ("quick check, what does it cost, and which days are the fingerprints?", ("25", "tuesdays")),
        ("Can you repeat to me what days you come in and how much it is?", ("tuesdays", "25")),
        ("So I know I was clear, tell me back what days, what it costs, and how long it takes.", ("tues", "25", "7")),
        ("Read me back the days and the cost, please?", ("tuesdays", "25")),
    ],
)
def test_two_parts_in_other_words_get_every_part_asked(
    library: Library, seed: int, ask: str, parts: tuple[str, ...]
) -> None:
    line = _last(library, "clearance-letter", seed, [*TWO_PART_CALLS["clearance-letter"], ask])
    assert _in_order(line, *parts), line


@pytest.mark.parametrize("seed", (101, 92, 3))
def test_a_yes_or_no_half_of_a_read_back_gets_its_yes(library: Library, seed: int) -> None:
    ask = "Can you tell me back what days you come in, and is it 25 dollars?"
    line = _last(library, "clearance-letter", seed, [*TWO_PART_CALLS["clearance-letter"], ask])
    assert _in_order(line, "tuesdays", r"\byes\b", "25"), line
