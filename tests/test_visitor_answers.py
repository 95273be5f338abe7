"""A visitor who answers what is asked, in the words that fit the question.

Live play-tests found these moments in competent calls; each test names the behaviour that replaced one:
the detail asked for (not another), yes or no first, "I don't know" once, a check of understanding answered
in kind, no offer of a detail already given, a reaction to a refused fact, a header that names only a caller
who has said their name, and a scorecard whose mood line matches how the call ended.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.grading.text import split_sentences
from bot.practice.engine import SAID_BEFORE
from bot.practice.scorecard import outcome_line
from bot.scenarios.intents import question_topics
from bot.scenarios.intents import testing_kind as kind_of_check
from bot.scenarios.library import Library, load_library
from tests.calls import call
from tests.conftest import MINIMAL_SCENARIO

SEEDS = (1, 2, 3, 4, 5)
HELLO = "Good afternoon, Harbor Station, Deputy Lopez speaking. How can I help?"


def reply_to(library: Library, scenario_id: str, messages: list[str], question: str, seed: int) -> str:
    attempt = call(library, scenario_id, messages, seed)
    line = attempt.say(question).reply.line
    attempt.finish()
    return line


def topics(question: str) -> list[str]:
    return [t for s in split_sentences(question) for t in question_topics(s.norm)]


# What a question asks about: the words that name the detail win over a word that could mean several.


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Is there a safe number to reach you?", ["callback"]),
        ("Is she safe?", ["injured"]),
        ("What's the plate, and the make and model?", ["vehicle"]),
        ("How much did she send, and how?", ["taken"]),
        ("What's your child's full name?", ["who"]),
        ("What's your grandmother's name?", ["who"]),
        ("Can I get your name?", ["name"]),
        ("Who am I speaking with?", ["name"]),
        ("Is there a street sign near you?", ["where"]),
        ("Are you thinking of killing yourself tonight?", ["self_harm"]),
        ("Are you thinking of hurting yourself?", ["self_harm"]),
        ("What accounts were opened?", ["taken"]),
        ("What are you selling?", ["what"]),
        ("What did they open in your name?", ["taken"]),
        ("What's her name, and how old is she?", ["who", "age"]),
        ("Where was the car parked?", ["where"]),
        ("Hi there, what's your name, sweetie?", ["who"]),
        ("Has anything caught fire?", ["injured"]),
        ("How did you find out?", ["when"]),
        ("Did you swap insurance with the other driver?", ["vehicle"]),
        ("Does that make sense?", []),
        ("Okay with you?", []),
    ],
)
def test_a_question_is_read_for_the_detail_it_names(question: str, expected: list[str]) -> None:
    assert topics(question) == expected


@pytest.mark.parametrize(
    ("check", "kind"),
    [
        ("Does that make sense?", "understanding"),
        ("Is that clear?", "understanding"),
        ("Does that sound okay?", "agreement"),
        ("Does that work for you?", "agreement"),
        ("Any questions?", "questions"),
        ("Is anything unclear?", "questions"),
        ("Can you tell me back what you're going to do first?", "teach_back"),
        ("Can you tell me what you're going to do?", "teach_back"),
        ("So which number are you calling first?", "teach_back"),
        ("What happens next?", "teach_back"),
        ("Does that all make sense about what happens next?", "understanding"),
    ],
)
def test_a_check_of_understanding_is_read_for_the_answer_it_wants(check: str, kind: str) -> None:
    assert kind_of_check(" ".join(s.norm for s in split_sentences(check))) == kind


# The detail asked for, not another.


@pytest.mark.parametrize("seed", SEEDS)
def test_asked_for_the_plate_the_caller_gives_the_plate(library: Library, seed: int) -> None:
    attempt = call(library, "towed-car", [HELLO], seed)
    plate = attempt.engine.details(attempt.visitor)["plate"]
    assert plate in attempt.say("What's the plate number?").reply.line
    attempt.finish()


@pytest.mark.parametrize("seed", SEEDS)
def test_asked_for_a_safe_number_a_victim_gives_her_number_not_her_injuries(library: Library, seed: int) -> None:
    line = reply_to(library, "domestic-violence-lobby", [HELLO], "Is there a safe number to reach you?", seed)
    assert re.search(r"\b(number|phone)\b", line, re.IGNORECASE) and "bleeding" not in line, line


@pytest.mark.parametrize("seed", SEEDS)
def test_asked_for_the_childs_name_the_parent_names_the_child_not_themself(library: Library, seed: int) -> None:
    attempt = call(library, "child-late-home", [HELLO], seed)
    child = attempt.engine.details(attempt.visitor)["child"]["short"]
    line = attempt.say("What's your child's full name?").reply.line
    assert child in line and not line.startswith("I'm "), line
    attempt.finish()


@pytest.mark.parametrize("seed", SEEDS)
def test_the_grandchild_gives_their_own_callback_number_not_the_scammers(library: Library, seed: int) -> None:
    line = reply_to(library, "grandparent-scam", [HELLO], "And what's a good number to reach you?", seed)
    assert re.search(r"\(562\) 555-0[2-4]\d\d", line) and "started with" not in line, line  # its own, drawn per seed


@pytest.mark.parametrize("seed", SEEDS)
def test_a_question_is_answered_even_in_a_message_that_also_shows_empathy(library: Library, seed: int) -> None:
    attempt = call(library, "lost-child-lobby", [HELLO], seed)
    line = attempt.say("Thank you so much for bringing her in, you did the right thing. How old is she?").reply.line
    age = attempt.engine.details(attempt.visitor)["age"]
    assert age.lower() in line.lower(), line
    attempt.finish()


@pytest.mark.parametrize("seed", SEEDS)
def test_the_visitors_own_date_is_never_cut_as_an_agency_value(library: Library, seed: int) -> None:
    """ "Last Thursday" is the day of her incident, not the records window's days: it is said."""
    line = reply_to(library, "report-copy", [HELLO], "When did it happen?", seed)
    assert line not in ("Okay.", "Alright.", "Okay, got it.") and "follow" not in line, line


# Yes or no first, "I don't know" once, and the same answer again when asked again.


@pytest.mark.parametrize("seed", SEEDS)
def test_a_yes_or_no_question_is_answered_yes_or_no_first(library: Library, seed: int) -> None:
    hurt = reply_to(library, "minor-collision", [HELLO], "Is anybody hurt?", seed)
    assert re.match(r"(no|nobody|not)\b", hurt, re.IGNORECASE), hurt
    plate = reply_to(library, "car-break-in", [HELLO], "Do you have the plate number?", seed)
    assert plate.startswith("Yes.") or not re.search(r"\bplate\b", plate, re.IGNORECASE), plate


@pytest.mark.parametrize("seed", SEEDS)
def test_a_detail_the_persona_does_not_know_gets_i_dont_know_once_then_like_i_said(library: Library, seed: int) -> None:
    attempt = call(library, "car-break-in", [HELLO, "Okay."], seed)  # picked up, then heard the caller out
    unknown = [line.text for line in attempt.engine.scenario.persona_unknown]
    first = attempt.say("Does anyone in the house have a medical condition?").reply.line
    assert first in unknown, first  # honest, and nothing else
    again = attempt.say("Any medical conditions at all?").reply.line
    assert again.startswith(SAID_BEFORE), again
    attempt.finish()


@pytest.mark.parametrize("seed", SEEDS)
def test_asked_the_same_thing_twice_the_visitor_repeats_its_answer_not_another_detail(
    library: Library, seed: int
) -> None:
    attempt = call(library, "welfare-check", [HELLO], seed)
    first = attempt.say("What's the address?").reply.line
    second = attempt.say("And where was this, exactly?").reply.line
    street = attempt.engine.details(attempt.visitor)["street"]
    assert street in first and street in second, (first, second)
    attempt.finish()


# Checks of understanding answered in kind.

TOWED = [
    HELLO,
    "I'm sorry, that's a lousy way to start the day. Let me look it up for you.",
    "It was towed to Valley Tow at 1450 Industrial Way. Their direct line is 562-555-0188.",
]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    ("check", "wrong_start"),
    [
        ("Does that sound okay?", r"(no|nope|nah)\b"),
        ("Does that make sense?", r"(no|nope|nah|not really)\b"),
        ("Any questions?", r"(yes|yeah|yep)\b(?!.*\?)"),
        ("Can you tell me back what you're going to do?", r"(no|nope)\b|yes, that makes sense\.?$"),
    ],
)
def test_a_check_of_understanding_gets_the_answer_it_asks_for(
    library: Library, seed: int, check: str, wrong_start: str
) -> None:
    line = reply_to(library, "towed-car", TOWED, check, seed)
    assert not re.match(wrong_start, line, re.IGNORECASE), line
    assert "no questions" not in line.lower() or check == "Any questions?", line


@pytest.mark.parametrize("seed", SEEDS)
def test_a_teach_back_gets_the_plan_in_the_callers_words(library: Library, seed: int) -> None:
    line = reply_to(library, "towed-car", TOWED, "Can you tell me back what you're going to do?", seed)
    assert re.search(r"Valley Tow|555-0188", line), line  # what the trainee said, not the scenario's line


@pytest.mark.parametrize("seed", SEEDS)
def test_the_limited_english_visitor_says_yes_in_her_own_words(library: Library, seed: int) -> None:
    messages = [
        "Hello. Welcome to Harbor Station. I am Deputy Cruz. How can I help?",
        "I am sorry. I take the report here. Now. With you.",
        "Here is your case number. Keep it. For insurance.",
    ]
    line = reply_to(library, "limited-english", messages, "Do you understand?", seed)
    assert "makes sense" not in line and "I follow" not in line, line


# A detail the visitor gave is not offered again.


@pytest.mark.parametrize("seed", SEEDS)
def test_a_caller_who_gave_their_number_does_not_offer_it_again(library: Library, seed: int) -> None:
    messages = [
        "Good evening, Harbor Station, this is Deputy Cruz.",
        "I understand, that's worrying. What's her address?",
        "What's the best number to reach you?",
        "Okay, I'm sending a deputy out to check on her right now.",
        "Does that make sense?",
    ]
    attempt = call(library, "welfare-check", messages, seed)
    later = [t.text for t in attempt.turns[7:] if t.role == "visitor"]
    assert not [line for line in later if re.search(r"\bmy (phone )?number\b.*\?", line)], later
    assert later[-1] not in ("Okay.", "Alright.", "Okay, got it.", "Yes, I think so."), later
    attempt.finish()


def test_asking_for_the_callers_number_is_no_wrong_information(library: Library) -> None:
    messages = [
        "Good evening, Harbor Station, this is Deputy Cruz.",
        "I'm sorry, that's worrying. What's the best number to reach you?",
        "I'm sending a deputy to check on her now, and they'll call you back once she's been checked on.",
    ]
    result = call(library, "welfare-check", messages, 1).finish()
    assert not result.grade.addressed.wrong_information
    assert result.grade.addressed.status("callback") == "given"


# A reaction to a refused or wrong fact, chosen by its status.

REFUSED = "Give it another day, she's probably visiting family. Call us back tomorrow if she's still not around."


@pytest.mark.parametrize("seed", SEEDS)
def test_a_caller_put_off_about_a_welfare_check_asks_why_nobody_is_coming(library: Library, seed: int) -> None:
    line = reply_to(library, "welfare-check", ["Good evening, Harbor Station, this is Deputy Cruz."], REFUSED, seed)
    assert re.search(r"not sending anyone|nobody's going|just wait|knock", line, re.IGNORECASE), line


@pytest.mark.parametrize("seed", SEEDS)
def test_a_caller_told_nothing_can_be_done_reacts_to_the_refusal(library: Library, seed: int) -> None:
    line = reply_to(library, "car-break-in", [HELLO], "Honestly there's nothing we can do about break-ins.", seed)
    assert re.search(r"nothing|report|insurance", line, re.IGNORECASE), line


def test_a_fact_given_earlier_is_settled_no_later_sentence_sets_off_a_reaction(library: Library) -> None:
    messages = [
        "Harbor Station, Deputy Lopez speaking, how can I help you?",
        "I'm sending a deputy out for a welfare check now. What's the best number to reach you?",
    ]
    line = reply_to(library, "welfare-check", messages, "The deputy will call you back once they've checked.", 1)
    assert "not sending" not in line and "nobody" not in line.lower(), line


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("found_property.refused", None),
        ("found_property.sulks", "unknown reaction 'found_property.sulks'"),
        ("lost_wallet.refused", "'lost_wallet' is not one of this scenario's resolution facts"),
    ],
)
def test_a_rule_may_react_to_a_resolution_facts_status(tmp_path: Path, when: str, expected: str | None) -> None:
    text = MINIMAL_SCENARIO.replace(
        "      - when: dismissive\n", f'      - when: {when}\n        say: ["Oh."]\n      - when: dismissive\n', 1
    )
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    problems = [str(p) for p in load_library([tmp_path]).problems]
    assert (not problems) if expected is None else any(expected in p for p in problems), problems


# The header and the scorecard say only what is so.


@pytest.mark.parametrize("seed", SEEDS)
def test_the_header_names_the_caller_only_once_they_have_given_their_name(library: Library, seed: int) -> None:
    attempt = call(library, "car-break-in", [HELLO], seed)
    engine, name = attempt.engine, attempt.engine.persona_name(attempt.visitor)
    spoken = " ".join(t.text for t in attempt.turns if t.role == "visitor")
    assert engine.speaker(attempt.visitor) == ("Caller (?)" if name not in spoken else f"Caller ({name})")
    attempt.say("Can I get your name, please?")
    assert engine.speaker(attempt.visitor) == f"Caller ({name})"
    attempt.finish()


def test_a_caller_who_got_what_they_needed_but_is_still_uneasy_did_not_leave_satisfied(library: Library) -> None:
    attempt = call(library, "towed-car", TOWED + ["Anything else I can help with? Thanks for calling."], 1)
    result = attempt.finish()
    outcome = outcome_line(result, "caller")
    if result.final_mood == "calm":
        assert "left satisfied" in outcome, outcome
    else:
        assert "left satisfied" not in outcome and result.final_mood in outcome, outcome


@pytest.mark.parametrize("seed", SEEDS)
def test_asked_whether_she_is_okay_the_caller_does_not_say_no_nobody_is_hurt(library: Library, seed: int) -> None:
    line = reply_to(library, "grandparent-scam", [HELLO, "Okay."], "Is your grandmother okay?", seed)
    assert not line.startswith("No"), line


@pytest.mark.parametrize("seed", SEEDS)
def test_how_many_gets_a_number_or_an_honest_i_dont_know(library: Library, seed: int) -> None:
    line = reply_to(library, "noise-complaint", [HELLO], "How many people are there, roughly?", seed)
    unknown = [x.text for x in library.scenarios["noise-complaint"].persona_unknown]
    assert line in unknown or re.search(
        r"\b(\d{1,3}|dozen|fifty|twenty|thirty|hundred|lots|bunch|crowd|few)\b", line
    ), line


@pytest.mark.parametrize("seed", SEEDS)
def test_okay_with_you_is_a_check_that_gets_a_yes_not_an_injury_report(library: Library, seed: int) -> None:
    messages = [
        "Hello, Harbor Station, Deputy Park. How can I help you today?",
        "Thank you for bringing her in. I'm calling dispatch now to get deputies looking for her family, and she "
        "stays right here with me. Can you wait a few minutes too?",
    ]
    line = reply_to(library, "lost-child-lobby", messages, "Okay with you?", seed)
    assert "hurt" not in line and not re.match(r"(no|nope)\b", line, re.IGNORECASE), line


@pytest.mark.parametrize("seed", SEEDS)
def test_a_question_no_topic_names_gets_the_persona_fact_that_shares_its_words(library: Library, seed: int) -> None:
    messages = [HELLO, "I'm sorry, that's rattling. Is anyone hurt?"]
    line = reply_to(library, "minor-collision", messages, "Did you get their insurance details?", seed)
    assert "insurance" in line.lower(), line


@pytest.mark.parametrize("seed", SEEDS)
def test_a_teach_back_in_any_state_says_the_plan_back(library: Library, seed: int) -> None:
    messages = [
        HELLO,
        "I'm sorry, that's rattling. I'll take the collision report here at the counter now and give you the "
        "report number. You also need to send an SR-1 to the DMV within 10 days and call your insurance.",
    ]
    line = reply_to(library, "minor-collision", messages, "Can you tell me back what you need to do?", seed)
    assert re.search(r"\b(report|dmv)\b", line, re.IGNORECASE), line
