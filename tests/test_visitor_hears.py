"""A visitor who reacts to what was actually said: a wrong value, a routine question, the last word, sarcasm.

Specification-style checks on a few bundled scenarios; `python bench/roleplay.py` runs the same checks on all.
"""

from __future__ import annotations

import re

import pytest

from bench.roleplay import (
    CLOSING,
    SARCASM,
    classify_answer,
    load_questions,
    untold_right_values,
    with_wrong_value,
)
from bot.grading.quantities import values_in
from bot.grading.text import normalise
from bot.practice.scorecard import outcome_line, scorecard_lines
from bot.scenarios.format import MOODS, TOPICS
from bot.scenarios.library import Library
from bot.transcript import Turn
from tests.calls import call

SEEDS = (1, 2, 3)


def rule(library: Library, scenario_id: str, name: str):
    return next(r for r in library.scenarios[scenario_id].fact_rules if r.name == name)


# A wrong value: believed, never corrected by the visitor from what it was not told, graded wrong.

WRONG_DMV_DEADLINE = [
    "Hi, welcome to Harbor Station, I'm Deputy Lopez. How can I help?",
    "I'm sorry, that's rattling. Is everyone okay?",
    "I'll take the collision report here at the counter. You also need to file an SR-1 with the DMV "
    "within 30 days, and let your insurance know.",
    "Does that make sense? Do you have any questions?",
    "Anything else I can help with? Thanks for coming in.",
]


@pytest.mark.parametrize("seed", SEEDS)
def test_told_30_days_for_the_dmv_the_visitor_never_says_ten_and_the_grade_marks_it_wrong(
    library: Library, seed: int
) -> None:
    result = call(library, "minor-collision", WRONG_DMV_DEADLINE, seed).finish()
    visitor = [t.text for t in result.turns if t.role == "visitor"]
    assert not [line for line in visitor if re.search(r"\b(ten|10) days\b", line, re.IGNORECASE)]
    dmv = rule(library, "minor-collision", "dmv_report")
    assert untold_right_values(result.turns, dmv, library.scenarios["minor-collision"].context) == []
    assert result.grade.addressed.status("dmv_report") == "wrong"
    assert result.grade.total <= 50
    assert any("WRONG INFORMATION" in line and "10 days" in line for line in scorecard_lines(result, "t"))


def test_the_untold_value_check_flags_a_visitor_who_states_the_deadline_it_was_not_told(library: Library) -> None:
    dmv = rule(library, "minor-collision", "dmv_report")
    context = library.scenarios["minor-collision"].context
    told_30 = [Turn("trainee", "The DMV form is due within 30 days."), Turn("visitor", "The DMV within ten days?")]
    told_10 = [Turn("trainee", "The DMV form is due within 10 days."), Turn("visitor", "The DMV within ten days.")]
    assert untold_right_values(told_30, dmv, context) == ["The DMV within ten days?"]
    assert untold_right_values(told_10, dmv, context) == []


def test_a_wrong_value_is_of_the_same_kind_and_disagrees_with_every_right_one(library: Library) -> None:
    scenario = library.scenarios["towed-car"]
    number = rule(library, "towed-car", "tow_yard_number")
    said = with_wrong_value("Their direct line is (562) 555-0188.", number, "phone", scenario.context)
    (phone,) = values_in(normalise(said))
    assert phone.kind == "phone" and not any(phone.agrees(r) for r in number.values)
    assert phone in scenario.context.known  # a neighbouring agency number, the realistic mix-up
    dmv = rule(library, "minor-collision", "dmv_report")
    assert with_wrong_value("within ten days", dmv, "duration", scenario.context) == "within 30 days"


# Routine questions: answered by the persona's fact for what was asked, not some other detail.


@pytest.mark.parametrize(
    ("scenario_id", "question", "label"),
    [
        ("car-break-in", "What was taken?", "taken"),
        ("car-break-in", "What's the plate, and the make and model?", "vehicle"),
        ("minor-collision", "Is anyone hurt?", "injured"),
        ("towed-car", "What's the best number to reach you?", "callback"),
    ],
)
def test_a_routine_question_gets_the_persona_answer_to_it(
    library: Library, scenario_id: str, question: str, label: str
) -> None:
    asked = next(q for q in load_questions()[scenario_id] if q.label == label)
    for seed in SEEDS:
        attempt = call(library, scenario_id, ["Good afternoon, Harbor Station, Deputy Lopez. How can I help?"], seed)
        reply = attempt.say(question).reply.line
        details = attempt.engine.details(attempt.visitor)
        assert classify_answer(attempt.engine, details, asked, reply) == "answered", reply
        attempt.finish()


def test_every_scenario_has_routine_questions_about_persona_topics(library: Library) -> None:
    questions = load_questions()
    assert set(questions) == set(library.scenarios)
    for scenario_id, asked in questions.items():
        assert asked, scenario_id
        for q in asked:
            assert q.topic in TOPICS or (q.topic is None and q.accept), (scenario_id, q.label)


# The last word: after the visitor's goodbye, the trainee's closing is answered and graded.

TOWED_NO_THANKS = [
    "Harbor Station, Deputy Lopez speaking. How can I help?",
    "I'm sorry, that's a lousy way to start the morning. Let me find it for you. What's the plate?",
    "Okay, it was towed to Valley Tow at 1450 Industrial Way. Their direct line is 562-555-0188.",
    "Bring your license and registration. Does that make sense?",
    "Okay, you're all set. Take care.",
]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_closing_after_the_callers_goodbye_is_answered_and_credited_at_that_turn(
    library: Library, seed: int
) -> None:
    attempt = call(library, "towed-car", TOWED_NO_THANKS, seed)
    assert attempt.engine.leaving(attempt.visitor), attempt.turns[-1].text  # the caller said goodbye
    assert not attempt.ended
    assert "hangs up" not in attempt.turns[-1].text  # not gone yet: the trainee has the last word
    closing_turn = len(attempt.turns) + 1
    reply = attempt.say(CLOSING).reply
    assert reply is not None and reply.line and attempt.ended
    result = attempt.finish()
    assert result.resolved
    for criterion in ("offer_more_help", "appreciation"):
        verdict = result.grade.criteria[criterion]
        assert verdict.met and verdict.turn == closing_turn, (criterion, verdict)


# Sarcasm: the visitor takes it badly, and the scorecard never calls it a satisfied visitor.

CAR_BREAK_IN = [
    "Good afternoon, Harbor Station, Deputy Lopez speaking. How can I help you?",
    "I'm so sorry, that's an awful thing to find in the morning. What was taken?",
    "You can report it online on our website; it takes about fifteen minutes, and you'll get a report number "
    "by email within two business days.",
    "Does that make sense? Is there anything else I can help with? Thanks for calling.",
]


@pytest.mark.parametrize("line", SARCASM)
def test_sarcasm_sours_the_visitor_and_the_outcome_line(library: Library, line: str) -> None:
    for seed in SEEDS:
        polite = call(library, "car-break-in", CAR_BREAK_IN, seed).finish()
        assert "left satisfied" in outcome_line(polite, "caller")
        attempt = call(library, "car-break-in", CAR_BREAK_IN[:1], seed)
        before = attempt.visitor.mood
        after = MOODS.index(attempt.say(line).reply.mood)
        assert after > before
        for message in CAR_BREAK_IN[1:]:
            if not attempt.ended:
                attempt.say(message)
        outcome = outcome_line(attempt.finish(), "caller")
        assert "left satisfied" not in outcome, outcome


# A closing line plays what happened: no help arrives that nobody called.

TEAM_IN_PERSON = [
    "Harbor Station, Deputy Ames. I'm here, take your time. What's going on tonight?",
    "I'm really glad you called, Jordan. That sounds so heavy. I'm going to stay right here on the line with you. "
    "Are you safe right now, and where are you?",
    "Thank you for telling me. I'm asking dispatch to send our mental health team out to you in person right now. "
    "They're kind people. I'm staying on the phone with you until they get there.",
    "You're doing the right thing. Is there anything else you need while we wait?",
    "Thank you for talking with me tonight, Jordan. I'm right here until they walk up.",
]
COUNSELOR_CONFERENCED = [
    *TEAM_IN_PERSON[:2],
    "Thank you for telling me. I'm conferencing in a crisis counselor from 988 so they're on the line with us now, "
    "and I'm staying on the phone too.",
    *TEAM_IN_PERSON[3:],
]


@pytest.mark.parametrize("seed", range(1, 9))
def test_no_counselor_joins_the_line_when_the_team_was_sent_in_person(library: Library, seed: int) -> None:
    attempt = call(library, "mental-health-crisis", TEAM_IN_PERSON, seed)
    assert attempt.engine.resolved(attempt.visitor), attempt.turns[-1].text
    assert "counselor" not in attempt.turns[-1].text.lower(), attempt.turns[-1].text


def test_a_counselor_joins_the_line_only_when_one_was_conferenced_in(library: Library) -> None:
    calls = [call(library, "mental-health-crisis", COUNSELOR_CONFERENCED, seed) for seed in range(1, 13)]
    endings = {attempt.turns[-1].text for attempt in calls}
    assert any("counselor" in e.lower() for e in endings), endings
