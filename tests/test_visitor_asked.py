"""The visitor answers what it is asked, in the order asked, and says only what fits.

Blind play-testers (60 calls in their own words) found about two moments a call where the visitor did not
answer what it was asked. Each group below is one finding, written as the behaviour that replaced it, in the
registers trainees really use (plain, texting, non-native English):

1. every part of a multi-part question is answered, in order;
2. a yes-or-no question gets yes or no first, from the persona's details or an honest stock answer, never an
   unrelated detail, and the same answer when asked again;
3. a question about what the trainee said is a read-back, and "what's your name?" gets the visitor's own name;
4. a teach-back is a short read-back of the key actions and values, in the persona's voice;
5. a scripted question the trainee has already answered is not asked;
6. lines that do not fit the call are not said ("As I said" about nothing said, "Great." to a hello, an echo of
   the trainee's own question, "I'm calmer", a lead-in left without its question, a clause said twice);
7. the persona's phone number and house number vary with the seed.
"""

from __future__ import annotations

import re

import pytest

from bot.grading.text import split_sentences
from bot.practice.attempt import Attempt
from bot.practice.engine import ScenarioEngine
from bot.practice.hearing import without_questions_just_answered
from bot.practice.lines import Lines, without_echo, without_lead_ins
from bot.practice.said_once import content_words
from bot.practice.visitor import Visitor
from bot.scenarios.library import Library

SEEDS = (1, 2, 3, 11, 12)
HELLO = "Good afternoon, Harbor Station, Deputy Lopez speaking. How can I help?"
ANSWER_FIRST = re.compile(
    r"^(\([^)]*\)\s*)*(yes|yeah|no|nope|not|nobody|i don't|i'm not sure|i think|i tried|i'm alone|it's just me|"
    r"i'm on my own|only me|my mom's (right )?here)\b",
    re.I,
)


def play(library: Library, scenario_id: str, messages: list[str], seed: int) -> tuple[Attempt, list[str]]:
    attempt = Attempt.start(ScenarioEngine(library.scenarios[scenario_id]), seed)
    lines = []
    for message in messages:
        if attempt.ended:
            break
        lines.append(attempt.say(message).reply.line)
    return attempt, lines


def reply(library: Library, scenario_id: str, messages: list[str], seed: int) -> str:
    attempt, lines = play(library, scenario_id, messages, seed)
    attempt.finish()
    return lines[-1]


def drawn(library: Library, scenario_id: str, seed: int) -> dict:
    engine = ScenarioEngine(library.scenarios[scenario_id])
    with engine.started(seed) as (visitor, _):
        return engine.details(visitor)


# 1. Every part of a multi-part question is answered, in order, briefly.


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    ("scenario_id", "question", "parts"),
    [
        (
            "car-break-in",
            "Is the car at your house, and is anyone still hanging around it?",
            [r"\b(out front|in front|house|street)\b", r"\b(nobody|no one|anyone|gone|empty)\b"],
        ),
        (
            "car-break-in",
            "car still at ur place? n is any1 hanging around it",
            [r"\b(out front|in front|house|street)\b", r"\b(nobody|no one|anyone|gone|empty)\b"],
        ),
        (
            "car-break-in",
            "Anything taken, and did you see anyone or get any camera footage?",
            [r"\b(took|laptop|bag|tools|tablet|wallet|sunglasses)\b", r"\bsee\b", r"\bcamera\b"],
        ),
        (
            "report-copy",
            "Can I get your name, and is this for a report you filed yourself?",
            [r"[A-Z][a-z]+ [A-Z][a-z]+", r"\b(my own|mine|involved)\b"],
        ),
        (
            "noise-complaint",
            "What's your name and callback number? Do you want to stay anonymous?",
            [r"[A-Z][a-z]+ [A-Z][a-z]+", r"555-\d{4}", r"\b(my name|anonymous)\b"],
        ),
        ("parking-citation", "Is the ticket from this week? And where were you parked?", [r"yesterday", r"\bon\b"]),
        (
            "deputy-complaint",
            "When did this happen, date and time, and which Safeway?",
            [r"\b(tuesday|saturday|yesterday|sunday|thursday)\b", r"\b(gas station|corner|mall|pacific|safeway)\b"],
        ),
    ],
)
def test_every_part_of_a_multi_part_question_is_answered_in_order(
    library: Library, scenario_id: str, question: str, parts: list[str], seed: int
) -> None:
    line = reply(library, scenario_id, [HELLO, question], seed)
    found = [re.search(part, line, re.IGNORECASE) for part in parts]
    assert all(found), (seed, line)
    assert [m.start() for m in found if m] == sorted(m.start() for m in found if m) or len(parts) > 2, line
    assert "plate" not in line.lower() or "plate" in question.lower(), line  # not another detail


# 2. A yes-or-no question gets yes or no first, never a different detail.


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    ("scenario_id", "question", "unfit"),
    [
        ("fireworks-complaint", "Are they going off right now?", r"boat|usually"),
        ("fireworks-complaint", "they still going rn??", r"boat|usually"),
        ("noise-complaint", "Is the party still going on at the moment?", r"number|called before"),
        ("neighbour-dispute", "Is he there right now?", r"never hit|weapon"),
        ("neighbour-dispute", "He is at home now?", r"never hit|weapon"),
        ("neighbour-dispute", "Have you tried talking to him?", r"weapon"),
        ("domestic-violence-lobby", "Is anyone with you?", r"car keys|gray truck"),
        ("domestic-violence-lobby", "Do you have somewhere safe to go tonight?", r"bruise|bleeding|doctor|cheek"),
        ("domestic-violence-lobby", "Any kids at home?", r"car keys|gray truck"),
        ("welfare-check", "Does anyone have a key to her house?", r"ramp|corner house"),
        ("welfare-check", "Would you happen to know if anybody has a key to her place?", r"ramp|corner house"),
        ("welfare-check", "Is she usually home this time of day?", r"this number|tomorrow morning"),
        ("car-break-in", "Was your license in there too?", r"overnight|asleep"),
        ("report-copy", "Do you have a photo ID on you?", r"\b(14th|case)\b"),
        ("grandparent-scam", "Is the scammer's number on her caller ID?", r"pretended"),
        ("mental-health-crisis", "Is anybody there with you right now?", r"pills|plan"),
    ],
)
def test_a_yes_or_no_question_gets_yes_or_no_first_not_another_detail(
    library: Library, scenario_id: str, question: str, unfit: str, seed: int
) -> None:
    line = reply(library, scenario_id, [HELLO, question], seed)
    assert ANSWER_FIRST.match(line) or line.lower().startswith(("he's", "she's", "it's", "my ")), (seed, line)
    assert not re.search(unfit, line, re.IGNORECASE), (seed, line)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_answer_follows_the_personas_own_details(library: Library, seed: int) -> None:
    item = drawn(library, "car-break-in", seed)["item"]["name"]
    line = reply(library, "car-break-in", [HELLO, "Was your license in there too?"], seed)
    assert line.startswith("Yes") == ("wallet" in item), (item, line)


@pytest.mark.parametrize("seed", SEEDS)
def test_an_either_or_question_gets_one_of_its_answers_not_yes(library: Library, seed: int) -> None:
    question = "Is the gas station across the street, or right next to you?"
    line = reply(library, "elderly-confused", [HELLO, question], seed)
    assert re.search(r"across the street|next to", line, re.I) and not re.match(r"(yes|no)\.", line, re.I), line


@pytest.mark.parametrize("seed", SEEDS)
def test_a_yes_or_no_answer_with_no_detail_behind_it_is_honest_and_said_once(library: Library, seed: int) -> None:
    attempt, lines = play(library, "deputy-complaint", [HELLO, "Is anyone with you?", "Is anyone with you?"], seed)
    attempt.finish()
    first, again = lines[-2:]
    assert re.match(r"(no\b|it's just me|i'm on my own)", first, re.I), first
    assert again != first and content_words(first) <= content_words(again) | {"like", "said", "again"}, again


# 3. A question about the trainee's words is a read-back; "your name" is the visitor's own.


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    "check", ["So what hours did you get?", "What hours did I give you, just to double-check?", "And the hours again?"]
)
def test_a_question_about_what_the_trainee_said_reads_it_back(library: Library, check: str, seed: int) -> None:
    told = "Our records counter is open Monday to Friday, 7 to 3."  # wrong hours, believed all the same
    line = reply(library, "service-tester", [HELLO, told, check], seed)
    assert "7 to 3" in line, (seed, line)
    assert not re.search(r"\d{2}-\d{5}|parking lot|driveway|[A-Z][a-z]+ [A-Z][a-z]+\.$", line), line


@pytest.mark.parametrize("seed", SEEDS)
def test_a_read_back_of_the_hours_is_no_case_number(library: Library, seed: int) -> None:
    told = "You can pick it up at the records window, weekdays 8 to 5, it's 15 dollars."
    line = reply(library, "report-copy", [HELLO, told, "What hours did I give you, just to double-check?"], seed)
    assert "8 to 5" in line and not re.search(r"\d{2}-\d{5}", line), line


@pytest.mark.parametrize("seed", SEEDS)
def test_asked_her_own_name_a_mother_gives_hers_not_her_sons(library: Library, seed: int) -> None:
    pools = drawn(library, "arrested-relative", seed)
    line = reply(library, "arrested-relative", [HELLO, "And you're his mom? What's your name?"], seed)
    assert pools["visitor"]["name"] in line and pools["son"]["short"] not in line, line


@pytest.mark.parametrize("seed", SEEDS)
def test_how_long_it_has_been_going_on_gets_a_duration(library: Library, seed: int) -> None:
    line = reply(library, "neighbour-dispute", [HELLO, "How long has this been going on?"], seed)
    assert re.search(r"months?|year", line), line


@pytest.mark.parametrize("seed", range(1, 9))
def test_a_place_in_the_middle_of_a_sentence_keeps_no_capital(library: Library, seed: int) -> None:
    line = reply(library, "service-tester", [HELLO, "Where did it happen?"], seed)
    assert not re.search(r"\b(was|It was) (In|On|At) ", line), line


# 4. A teach-back is a short read-back of the key actions and values, in the persona's voice.

CAR_PLAN = [
    HELLO,
    "I'm sorry, that's a rotten way to start the day. You can file the report online at our website, it takes "
    "about fifteen minutes, and you'll get a report number by email within two business days.",
]
TEACH_BACK = "Just so I'm sure I explained it, what are you going to do now?"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_teach_back_is_the_key_points_not_the_trainees_sentence(library: Library, seed: int) -> None:
    line = reply(library, "car-break-in", [*CAR_PLAN, TEACH_BACK], seed)
    assert not line.startswith("Okay, let me see."), line
    assert re.search(r"online|website", line) and re.search(r"fifteen minutes|two business days", line), line
    assert "The easiest way" not in line and "your website" not in line, line


def test_teach_back_openers_vary(library: Library) -> None:
    lines = [reply(library, "car-break-in", [*CAR_PLAN, TEACH_BACK], seed) for seed in range(1, 9)]
    openers = {" ".join(line.split()[:2]) for line in lines}
    assert len(openers) >= 3 and not any(line.startswith("Okay, let me see.") for line in lines), lines


ELDERLY_PLAN = [
    "Harbor Station, Deputy Adams. How can I help?",
    "I'm sending a deputy to you now. Stay right there on the bench, keep your coat on, don't walk anywhere, "
    "and keep this phone in your hand.",
]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_confused_caller_keeps_two_pieces_and_asks_for_the_rest(library: Library, seed: int) -> None:
    line = reply(library, "elderly-confused", [*ELDERLY_PLAN, "Can you tell me back what you're going to do?"], seed)
    kept = sum(bool(re.search(w, line, re.I)) for w in (r"deputy", r"bench|stay", r"coat", r"walk", r"phone"))
    assert kept <= 3 and ("?" in line or kept <= 2), line


@pytest.mark.parametrize("seed", SEEDS)
def test_a_limited_english_visitor_says_it_back_in_short_words(library: Library, seed: int) -> None:
    plan = (
        "Okay, so what we can do is make a report here with me right now, and then I will give you a case number "
        "so that you can show it to the bike shop or your insurance company later."
    )
    line = reply(library, "limited-english", [HELLO, plan, "Can you tell me what you will do?"], seed)
    assert all(len(s.original.split()) <= 9 for s in split_sentences(line)), line
    assert re.search(r"report|case number", line), line


def test_a_teach_back_says_back_the_trainees_values_even_wrong_ones(library: Library) -> None:
    plan = (
        "Alright, so what you'll want to do is call the tow yard at 562-555-0999, and when you go, bring 40 dollars "
        "cash because they don't take cards."
    )
    for seed in SEEDS:
        line = reply(library, "towed-car", [HELLO, plan, TEACH_BACK], seed)
        assert "555-0999" in line and "40 dollars" in line, line  # believed, wrong as they are
        said_back = line[: line.index("40 dollars")]
        assert "want to do" not in line and len(said_back.split()) < len(plan.split()) - 6, line


def test_a_teach_back_does_not_make_the_agency_the_visitors(library: Library) -> None:
    plan = "I'm also connecting you with our victim advocate, and a deputy is coming to take your report."
    for seed in SEEDS:
        line = reply(library, "domestic-violence-lobby", [HELLO, plan, TEACH_BACK], seed)
        assert "your victim advocate" not in line and "also connecting" not in line, line


# 5. A scripted question the trainee has already answered is not asked again.


@pytest.mark.parametrize(
    ("line", "told", "kept"),
    [
        ("Should I take photos first?", "Take photos of the window before you clean up.", ""),
        ("Who actually looks at it?", "The watch commander reviews every complaint himself.", ""),
        ("So can you cancel it or not?", "I can't cancel it, but you can request a review.", ""),
        ("Can she cancel her bank card?", "She should call her bank and cancel that card today.", ""),
        ("So my license is fine. Okay. Where, and how much?", "It's 25 dollars.", "Where?"),
        ("Okay. I need to call them right now. What's the number?", "The line is 562-555-0170.", ""),
        ("Sorry, I didn't catch the hours.", "Records is open Monday to Friday, 8 to 5.", ""),
    ],
)
def test_a_question_already_answered_is_not_asked(line: str, told: str, kept: str) -> None:
    left = without_questions_just_answered(line, told)
    assert "?" not in left.replace(kept, "") and (not kept or kept in left), left
    assert "didn't catch" not in left, left


@pytest.mark.parametrize("seed", SEEDS)
def test_photos_are_not_asked_about_after_the_trainee_said_to_take_them(library: Library, seed: int) -> None:
    messages = [
        *CAR_PLAN,
        "And go ahead and take photos of the window before you clean up the glass.",
        "Is there anything else I can help you with?",
    ]
    attempt, lines = play(library, "car-break-in", messages, seed)
    attempt.finish()
    assert not any(re.search(r"photos?.*\?", line) for line in lines[2:]), lines


# 6. Lines that do not fit the call are not said.


@pytest.mark.parametrize("seed", SEEDS)
def test_like_i_said_only_repeats_what_was_said(library: Library, seed: int) -> None:
    messages = [HELLO, "Can I get a phone number for you?", "And is that the best number to call you back on?"]
    attempt, lines = play(library, "car-break-in", messages, seed)
    attempt.finish()
    said = " ".join(lines[:-1]).lower()
    for s in split_sentences(lines[-1]):
        if re.match(r"(like i said|as i said|again),", s.original, re.I):
            rest = content_words(s.original) - {"like", "said", "again", "as"}
            assert all(w in said for w in rest), (s.original, lines)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_name_is_not_followed_by_its_on_the_ticket_and_a_number(library: Library, seed: int) -> None:
    line = reply(library, "parking-citation", [HELLO, "Can I get your name and number?"], seed)
    assert not re.search(r"It's on the ticket\. \(?\d", line), line


@pytest.mark.parametrize("seed", range(1, 9))
def test_a_greeting_is_not_taken_as_news(library: Library, seed: int) -> None:
    line = reply(library, "service-tester", ["Hi, Harbor Station.", "I'm Deputy Lee, by the way."], seed)
    assert not re.match(r"(okay\. so|great\b|perfect\b|got it\b)", line, re.I), line


def _visitor(library: Library, scenario_id: str, message: str) -> tuple[Lines, Visitor]:
    lines = Lines(library.scenarios[scenario_id])
    visitor = Visitor(scenario_id, 1, 1, 1, turn=2, message=message)
    visitor.heard |= {f"told-me:{message}"}
    return lines, visitor


def test_great_is_no_answer_to_a_bare_introduction(library: Library) -> None:
    lines, visitor = _visitor(library, "ride-along-request", "I'm Deputy Lee, by the way.")
    assert not lines.fitting("Great.", visitor).startswith("Great"), lines.fitting("Great.", visitor)


def test_the_visitor_does_not_narrate_its_own_mood(library: Library) -> None:
    lines, visitor = _visitor(library, "grandparent-scam", "Okay. We'll work through this together.")
    assert "calmer" not in lines.fitting("Okay. I'm calmer. Where do we start?", visitor)


def test_the_visitor_does_not_echo_the_trainees_own_question() -> None:
    kept = without_echo("Is there anything else she needs?", "Okay. Is there anything else she needs?")
    assert "anything else she needs" not in kept, kept


def test_a_lead_in_goes_with_its_answered_question() -> None:
    line = "I'll call anyone. Who do I call?"
    asked = without_questions_just_answered(line, "Call the inmate line at 562-555-0170.")
    assert "call anyone" not in without_lead_ins(line, asked, 1), asked


def test_a_clause_already_said_is_not_said_again_in_the_same_turn(library: Library) -> None:
    engine = ScenarioEngine(library.scenarios["mental-health-crisis"])
    with engine.started(1) as (visitor, _):
        state = library.scenarios["mental-health-crisis"].states[visitor.state]
        line = "My dad died in March. I haven't slept in days. My dad died in March, and I can't see the point."
        said = engine.lines.unrepeated(line, visitor, state, "My dad died in March. I haven't slept in days.")
    assert said.count("died in March") == 1 and "see the point" in said, said


# 7. The persona's phone number and house number vary with the seed.


def test_phone_and_house_numbers_vary_with_the_seed(library: Library) -> None:
    shared = []
    for scenario_id, scenario in library.scenarios.items():
        details = {d.name: d for d in scenario.persona_details}
        if "phone" not in details or not details["phone"].known or not scenario.persona_facts:
            continue
        engine = ScenarioEngine(scenario)
        seen = []
        for seed in (11, 12):
            with engine.started(seed) as (visitor, _):
                texts = [engine.lines.render(line.text, visitor) for line in details["phone"].say]
                texts += [engine.lines.render(line.text, visitor) for line in details["address"].say]
                seen.append(" ".join(texts))
        if re.findall(r"\d{3}-\d{4}", seen[0]) == re.findall(r"\d{3}-\d{4}", seen[1]):
            shared.append(scenario_id)
    assert len(shared) <= 3, shared
