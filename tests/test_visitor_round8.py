"""What round 8's play-tests (30 competent calls by two blind testers) found, fixed in general and replayed by
scenario and seed, with cases in other words:

1. A two-part question whose first part is a yes-or-no about a thing named loosely ("is the car parked on Elm
   Street now, and what's the plate?") gets both parts answered: the plate is not dropped.
2. A caller in crisis answers the questions a deputy must ask: whether they took any of the pills (and not the
   pills they have again, after "Again,"), and whether they are in a car, from where they are.
3. A sentence read back after "And" keeps its pronoun "I" but loses the capital of its first word ("And if I
   have any questions later", not "And If I").
4. A check in two parts ("how many days do you have, and what's the number to call?") gets both back, from the
   trainee's words, the second after "And".
5. "Your name and a number" asks the phone too.
6. A sentence said back in the visitor's words: "let's keep our voices down" is "We'll keep our voices down", not
   "I let's keep your voices down"; "you have within 10 days" is "I have 10 days".
7. "Does that timing work for you?", "Is that okay with you?", "Sound good?" get a yes that agrees, not "I don't
   know that".
8. "Was that nine in the morning or at night?" asks a time, not a place: no "Like I said, on the on-ramp."
9. A frightened, limited-English or young visitor repeats itself with "Like I said,", never a curt "Again," or
   "As I said,".
10. Asked "her full name" of a relative the persona knows (the grandmother), the visitor gives that name, never
    a made-up first name.
11. A trainee who greets someone else of the call by name ("Hi Zoe, you're safe with us" to the lost child) is
    not corrected by the visitor ("Um, it's Greg.").
12. "A photo on your phone?" asks for no phone number.
13. The trainee's plan said as the visitor's, with a tag ("And you call 562-555-0124 first to book, right?"),
    gets a yes, in the persona's voice, never "I'm not sure".
"""

from __future__ import annotations

import pytest

from bot.practice.lines import Lines
from bot.practice.others import NAMES as OTHER_NAMES
from bot.practice.plans import in_my_words
from bot.practice.stock_lines import SAID_BEFORE
from bot.scenarios.library import Library
from tests.calls import call, last_reply

PHONE_HELLO = "Harbor Station sheriff's desk, Deputy Ramos speaking, how can I help?"


# 1. Both parts of a two-part question.


@pytest.mark.parametrize(
    "question",
    [
        "Okay. Is the car parked on Elm Street now, and what's the plate?",
        "Is your car still out front? And what's the plate number?",
        "is the car still on your street, and whats the plate",
    ],
)
def test_a_yes_or_no_about_the_car_does_not_swallow_the_plate_asked_after_it(library: Library, question: str) -> None:
    plate = library.scenarios["car-break-in"].pools["plate"]
    line = last_reply(library, "car-break-in", 131, [PHONE_HELLO, "I'm sorry that happened. Is anyone hurt?", question])
    assert any(p in line for p in plate), line


# 2. The crisis caller's pills and whereabouts.

CRISIS = [PHONE_HELLO, "I'm really glad you called. I'm staying right here with you. Where are you right now?"]


@pytest.mark.parametrize(
    "question",
    [
        "Did you swallow any of the pills tonight, yes or no?",
        "Have you taken any of them?",
        "Casey, have you taken anything tonight?",
        "did u take any pills",
    ],
)
def test_the_crisis_caller_says_whether_they_took_any_pills(library: Library, question: str) -> None:
    line = last_reply(library, "mental-health-crisis", 131, [*CRISIS, question])
    assert line.startswith("No") and "taken" in line and not line.startswith(("Again", "As I said")), line


@pytest.mark.parametrize("seed", range(131, 136))
def test_asked_whether_they_are_in_a_car_the_crisis_caller_answers_from_where_they_are(
    library: Library, seed: int
) -> None:
    attempt = call(library, "mental-health-crisis", CRISIS[:1], seed)
    where = attempt.say(CRISIS[1]).reply.line
    answer = attempt.say("Are you in a car? What kind, so the team can find you?").reply.line
    in_a_vehicle = any(w in where for w in ("lot", "behind the"))
    assert answer.startswith("Yes" if in_a_vehicle else "No"), (where, answer)
    assert "don't know" not in answer


# 3. "And if I ...", not "And If I ...".


@pytest.mark.parametrize(
    ("sentence", "after_and"),
    [
        ("If I have any questions later, I call the property unit.", "if I have any questions later"),
        ("When I'm done, I bring the receipt.", "when I'm done"),
        ("Harbor View Drive is where it was.", "Harbor View Drive"),
    ],
)
def test_a_sentence_said_after_and_keeps_its_i_and_its_names_but_not_its_capital(
    library: Library, sentence: str, after_and: str
) -> None:
    assert Lines(library.scenarios["found-property"]).decap(sentence).startswith(after_and)


# 4. A check in two parts.

CITATION = [
    "Harbor Station, Deputy Ramos speaking, how can I help?",
    "I'm sorry, that's frustrating. You have 21 days from the ticket to contest it. The parking citations office "
    "is at (562) 555-0137.",
]


@pytest.mark.parametrize(
    "check",
    [
        "Just so I'm sure I explained it right, how many days do you have, and what's the number to call?",
        "So how many days do you have to contest it, and what's the office number you call?",
    ],
)
def test_a_two_part_check_gets_both_parts_back_in_the_trainees_words(library: Library, check: str) -> None:
    line = last_reply(library, "parking-citation", 131, [*CITATION, check])
    assert "21 days" in line and "555-0137" in line and line.count("You said") <= 1, line


# 5. "Your name and a number".


@pytest.mark.parametrize("question", ["Can I get your name and a number?", "name and your number please"])
def test_your_name_and_a_number_asks_the_phone_too(library: Library, question: str) -> None:
    line = last_reply(library, "deputy-compliment", 131, [PHONE_HELLO, f"Oh, that's wonderful to hear. {question}"])
    assert "555-" in line, line


# 6. Said back in the visitor's words.


@pytest.mark.parametrize(
    ("trainee", "visitor"),
    [
        ("let's keep our voices down", "We'll keep our voices down"),
        ("Let us take this one step at a time.", "We'll take this one step at a time."),
        ("you have within 10 days to send it in", "I have 10 days to send it in"),
        ("Bring your ID", "I bring my ID"),
    ],
)
def test_a_sentence_said_back_is_the_visitors_own(trainee: str, visitor: str) -> None:
    assert in_my_words(trainee) == visitor


# 7. Agreement asked, agreement given.


@pytest.mark.parametrize("check", ["Does that timing work for you?", "Is that okay with you?", "Sound good?"])
def test_a_question_of_agreement_gets_a_yes_that_agrees(library: Library, check: str) -> None:
    explained = "The clearance letter's twenty-five dollars, and it's usually ready in five to seven business days."
    line = last_reply(
        library,
        "clearance-letter",
        121,
        ["Hi, welcome to Harbor Station, I'm Deputy Lee. What can I do for you?", f"{explained} {check}"],
    )
    assert line.startswith(("Yes", "Sounds good")) and "don't know" not in line, line


# 8. Morning or night is a time.


def test_morning_or_night_asks_a_time_not_a_place(library: Library) -> None:
    line = last_reply(
        library,
        "deputy-compliment",
        131,
        [
            PHONE_HELLO,
            "Oh, that's wonderful to hear. Can I get your name and a number, and about when and where this happened?",
            "Was that nine in the morning or at night?",
        ],
    )
    assert "afternoon" in line and "Pacific Street" not in line, line  # seed 131: her father, found at four


# 9. A gentle repeat.


@pytest.mark.parametrize("scenario", ["domestic-violence-lobby", "spanish-family-interpreter"])
def test_a_visitor_with_a_register_repeats_itself_gently(library: Library, scenario: str) -> None:
    openers = Lines(library.scenarios[scenario]).said_before
    assert openers and all(o == "Like I said," for o in openers)
    assert set(Lines(library.scenarios["car-break-in"]).said_before) == {"Like I said,", "As I said,", "Again,"}


def test_a_visitor_with_little_english_repeats_itself_without_a_fluent_idiom(library: Library) -> None:
    openers = Lines(library.scenarios["limited-english"]).said_before
    assert openers and not {"Like I said,", "As I said,", "Again,"} & set(openers)
    assert set(openers) <= set(SAID_BEFORE)  # still known for a repeat


# 10. A relative the persona knows.


@pytest.mark.parametrize(
    "question",
    [
        "Understood. Is Ingrid your grandmother? What's her full name and address?",
        "And your grandmother, what's her full name?",
    ],
)
def test_the_name_of_a_relative_the_persona_knows_is_the_personas(library: Library, question: str) -> None:
    attempt = call(library, "grandparent-scam", [], 131)
    for message in [PHONE_HELLO, "I'm sorry, that's a nasty scam. May I have your name and a number for you?"]:
        attempt.say(message)
    line = attempt.say(question).reply.line
    gran = attempt.engine.details(attempt.visitor)["gran"]
    invented = [n for names in OTHER_NAMES.values() for n in names if n != gran["first"]]
    assert f"{gran['first']} {gran['last']}" in line and not any(f"{n}." in line for n in invented), line


# 11. Someone else of the call, greeted by name.


@pytest.mark.parametrize("seed", [121, 122, 123])
def test_greeting_the_lost_child_by_name_is_no_wrong_name_for_the_finder(library: Library, seed: int) -> None:
    attempt = call(library, "lost-child-lobby", [], seed)
    child = attempt.engine.details(attempt.visitor)["child"]
    attempt.say("Hi, welcome to Harbor Station, I'm Deputy Lee. What can I do for you?")
    line = attempt.say(f"You did the right thing bringing her here. Hi {child}, you're safe with us, okay?").reply.line
    assert "actually" not in line and not line.startswith(("Um, it's", "It's")), line


# 12. "On your phone" asks no number.


@pytest.mark.parametrize("question", ["Or a photo on your phone?", "Do you have a picture of it saved to your phone?"])
def test_a_photo_on_your_phone_asks_no_phone_number(library: Library, question: str) -> None:
    line = last_reply(
        library, "limited-english", 121, ["Hello, welcome. I am Deputy Lee. How can I help?", f"Good. {question}"]
    )
    assert "555-" not in line, line


# 13. The plan said back for a yes.

VIN = [
    "Hi, welcome to Harbor Station, I'm Deputy Lee. What can I do for you?",
    "It's by appointment. We only do VIN inspections on Wednesdays, one to four in the afternoon, and you book a "
    "slot by calling 562-555-0124.",
]


@pytest.mark.parametrize(
    "check",
    [
        "And you call 562-555-0124 first to book the Wednesday slot, right?",
        "So you'll bring the title and your ID on Wednesday, correct?",
        "you call first then come wednesday, yeah?",
    ],
)
def test_the_plan_said_as_the_visitors_own_gets_a_yes(library: Library, check: str) -> None:
    line = last_reply(library, "vin-inspection", 121, [*VIN, check])
    assert line.startswith(("Yes", "Right")) and "not sure" not in line, line
