"""Each criterion's positives and negatives, as a table a reviewer can read."""

from __future__ import annotations

import pytest

from bot.grading import detect, grade
from bot.transcript import Turn

VISITOR = Turn("visitor", "Hi, someone broke into my car last night.")


def signals(message: str) -> frozenset[str]:
    return detect(message).names


@pytest.mark.parametrize(
    "message",
    [
        "Good afternoon, Cerritos Sheriff's Station, Deputy Lopez speaking. How can I help you?",
        "Thank you for calling Chandler Police, this is Records Specialist Kim.",
        "Hi there, welcome to the front desk. I'm Deputy Alvarez.",
        "hello, metro police dept, officer diaz speaking, how can i help",
        "Good evening, Sgt. Baker, how may I assist you?",
        "gd mornin, lakewood station, dep ramirez, how can i help u",
        "Good morning, you've reached the records unit, this is Pat.",
        "Hello, my name is Chris, how can I help you today?",
        "Good afternoon, Chandler PD front desk, how can I help?",
    ],
)
def test_courteous_opener_with_identification_is_a_greeting(message: str) -> None:
    assert "greeting" in signals(message)


@pytest.mark.parametrize(
    "message",
    [
        "Yeah?",
        "What do you need?",
        "Police.",
        "Good morning, how can I help you?",
        "Hello?",
        "Hi. Hold on a second.",
        "Station. What is it?",
        "Cerritos Station.",
        "What's the problem?",
        "Hang on, I'm on another line.",
    ],
)
def test_curt_or_anonymous_openers_are_not_greetings(message: str) -> None:
    assert "greeting" not in signals(message)


@pytest.mark.parametrize(
    "message",
    [
        "I'm so sorry that happened to you.",
        "That sounds really frustrating, I'd be upset too.",
        "I can hear how worried you are about your grandmother.",
        "Oh no, I'm sorry to hear your car was broken into.",
        "That must have been frightening.",
        "You did the right thing by calling us.",
        "I completely understand why you're upset about the tow.",
        "Anyone would be upset about that.",
        "im so sry that happend to u",
        "that sounds so stresful",
        "I understand your frustration, let's get this sorted.",
        "What a nightmare, I'm sorry.",
        "I can only imagine how scary that was.",
        "I know this is hard.",
        "I'm sorry for your loss.",
        "That's awful.",
    ],
)
def test_sympathy_is_empathy(message: str) -> None:
    assert "empathy" in signals(message)


@pytest.mark.parametrize(
    "message",
    [
        "I'm not sorry, you parked illegally.",
        "Sorry, not my problem.",
        "Sorry for the wait.",
        "Sorry, can you repeat that?",
        "Sorry about the hold, the lines are busy.",
        "Calm down, sir.",
        "I understand. What's the license plate?",
        "Okay.",
        "We get this all the time, it's not a big deal.",
        "Oh I'm soooo sorry your car got towed 🙄",
        "Boo hoo, I'm sorry you had to wait in line.",
        "That's not that hard to understand.",
        "I don't understand why you're upset.",
        "I'm sorry for the inconvenience.",
        "That doesn't sound frustrating to me.",
        "Yeah right, that must be really hard for you lol",
    ],
)
def test_negated_dismissive_sarcastic_or_polite_apologies_are_not_empathy(message: str) -> None:
    assert "empathy" not in signals(message)


@pytest.mark.parametrize(
    "message",
    [
        "Do you have any questions I can answer for you?",
        "Does that make sense?",
        "What questions do you have for me?",
        "Did I answer everything you wanted to know?",
        "Is that clear?",
        "Any other questions?",
        "do u have any questons",
        "any q's for me?",
        "If you have any questions about the form, let me know.",
        "Is anything unclear?",
        "Would you like me to go over that again?",
        "Have I answered all your questions?",
    ],
)
def test_checking_understanding_is_a_testing_question(message: str) -> None:
    assert "testing_questions" in signals(message)


@pytest.mark.parametrize(
    "message",
    [
        "What's your address?",
        "Do you have the case number?",
        "No more questions, please.",
        "I have no questions for you.",
        "Is there anything else I can help you with?",
        "Can you give me your date of birth?",
        "Don't ask me any more questions.",
    ],
)
def test_information_gathering_and_refusals_are_not_testing_questions(message: str) -> None:
    assert "testing_questions" not in signals(message)


@pytest.mark.parametrize(
    "message",
    [
        "Is there anything else I can help you with?",
        "Anything else I can do for you today?",
        "Can I help you with anything else?",
        "anything else i can help u with?",
        "anythign els i can hlep with?",
        "Is there something else I can do for you?",
        "What else can I help you with?",
        "Anything else?",
        "Let me know if there is anything else we can do for you.",
    ],
)
def test_offering_further_help_now_is_offer_more_help(message: str) -> None:
    assert "offer_more_help" in signals(message)


@pytest.mark.parametrize(
    "message",
    [
        "There's nothing else I can do for you.",
        "That's all I can help with.",
        "Call us if anything changes.",
        "I can't do anything else for you.",
        "If anything else happens, call 911.",
        "If you need us, we're just a phone call away.",
    ],
)
def test_refusals_and_later_invitations_are_not_offers(message: str) -> None:
    assert "offer_more_help" not in signals(message)


@pytest.mark.parametrize(
    "message",
    [
        "Thank you for calling us.",
        "Thanks for coming in today, have a good one.",
        "I appreciate your patience with us.",
        "Thanks for letting us know.",
        "thx for calling",
        "ty for ur patience",
        "I really appreciate you coming in.",
    ],
)
def test_sincere_thanks_is_appreciation(message: str) -> None:
    assert "appreciation" in signals(message)


@pytest.mark.parametrize(
    "message",
    [
        "Thanks for nothing.",
        "No thanks.",
        "Gee thanks, that's just great.",
        "Thanks a lot for wasting my time.",
        "I don't appreciate your tone.",
        "Okay, bye.",
    ],
)
def test_negated_or_sarcastic_thanks_is_not_appreciation(message: str) -> None:
    assert "appreciation" not in signals(message)


def test_greeting_counts_only_in_the_first_message() -> None:
    turns = [
        VISITOR,
        Turn("trainee", "What do you need?"),
        Turn("visitor", "Hello?"),
        Turn("trainee", "Good evening, Sergeant Baker, Chandler Police Department."),
    ]
    verdict = grade(turns).criteria["greeting"]
    assert not verdict.met
    assert verdict.turn == 4 and "first message" in (verdict.tip or "")


def test_thanks_in_the_opening_is_not_appreciation() -> None:
    turns = [
        VISITOR,
        Turn("trainee", "Thank you for calling Chandler Police, this is Records Specialist Kim."),
        Turn("visitor", "My car was towed."),
        Turn("trainee", "It is at the city lot."),
    ]
    result = grade(turns)
    assert result.criteria["greeting"].met
    assert not result.criteria["appreciation"].met


def test_one_message_can_meet_several_criteria() -> None:
    closing = "Do you have any other questions, or is there anything else I can help you with? Thanks for calling."
    result = grade([VISITOR, Turn("trainee", "Hi, Cerritos Station, Deputy Park."), Turn("trainee", closing)])
    assert all(result.criteria[c].met for c in ("testing_questions", "offer_more_help", "appreciation"))
    assert all(result.criteria[c].turn == 3 for c in ("testing_questions", "offer_more_help", "appreciation"))


def test_evidence_quotes_the_trainees_own_words_and_missed_criteria_carry_a_tip() -> None:
    result = grade(
        [
            VISITOR,
            Turn("trainee", "Hello, Deputy Ruiz, Cerritos Station."),
            Turn("trainee", "Okay. That sounds awful! When did it happen?"),
        ]
    )
    assert result.criteria["empathy"].evidence == "That sounds awful!"
    assert result.criteria["empathy"].tip is None
    assert "anything else" in (result.criteria["offer_more_help"].tip or "").lower()
    assert result.criteria["offer_more_help"].evidence is None


def test_total_is_twenty_points_a_criterion() -> None:
    full = grade(
        [
            VISITOR,
            Turn("trainee", "Good morning, Cerritos Station, Deputy Park speaking."),
            Turn("trainee", "I'm so sorry. Does that make sense? Anything else I can help with? Thanks for calling."),
        ]
    )
    assert full.total == 100
    assert grade([VISITOR, Turn("trainee", "Yeah?")]).total == 0


def test_half_a_greeting_is_partial_credit_in_its_score_but_not_in_the_total() -> None:
    # SPEC "The contact as a whole": total counts met criteria only (it used to give 10 here).
    result = grade([VISITOR, Turn("trainee", "Good morning, how can I help you?")])
    assert result.criteria["greeting"].score == 0.5 and result.criteria["greeting"].partly and result.total == 0


def test_extras_report_clarifying_questions_facts_and_violations_without_changing_verdicts() -> None:
    result = grade(
        [
            VISITOR,
            Turn("trainee", "Police. What is it?"),
            Turn("trainee", "When did this happen? It takes about ten minutes online; call 555-0142."),
            Turn("trainee", "Calm down, you idiot."),
        ]
    )
    extras = result.extras
    assert extras["clarifying_questions"]["count"] == 1
    assert extras["process_time"]["met"] and extras["contact_details"]["turn"] == 3
    kinds = {v["kind"] for v in result.to_json()["courtesy_violations"]}  # top level, per the SPEC
    assert {"rude", "dismissive"} <= kinds
    assert result.total == 0


def test_same_input_same_grade() -> None:
    turns = [VISITOR, Turn("trainee", "hi cerritos station dep lopez"), Turn("trainee", "so sorry, anything else?")]
    assert grade(turns).to_json() == grade(list(turns)).to_json()


@pytest.mark.parametrize(
    ("message", "clarifying"),
    [
        ("When did this happen?", True),
        ("Do you have the case number?", True),
        ("can u give me ur plate number", True),
        ("Hello?", False),
        ("What?", False),
        ("How can I help you?", False),
        ("Does that make sense?", False),
        ("Is there anything else I can help you with?", False),
        ("What do you need?", False),
    ],
)
def test_clarifying_questions_are_information_gathering_questions(message: str, clarifying: bool) -> None:
    assert ("clarifying_question" in signals(message)) is clarifying


# Issue 9: courtesy in people's own words is credited; courtesy words in a spoiling frame are not.
@pytest.mark.parametrize(
    ("message", "criterion"),
    [
        ("You with me so far?", "testing_questions"),
        ("Clear?", "testing_questions"),
        ("Did that answer your questions?", "testing_questions"),
        ("You clear on all that?", "testing_questions"),
        ("u following me ok?", "testing_questions"),
        ("that's a really crappy way to end your night", "empathy"),
        ("Oh man, that's gotta be a sick feeling", "empathy"),
        ("burglaries are so violating, sorry you went through that", "empathy"),
        ("I understand completely how alarming that call must have been", "empathy"),
        ("I appreciate that taking time off is a considerable inconvenience", "empathy"),
        ("Appreciate you calling it in", "appreciation"),
        ("really appreciate it", "appreciation"),
        ("preciate ya callin'", "appreciation"),
        ("Was there anything else you needed?", "offer_more_help"),
        ("Need anything else from me?", "offer_more_help"),
        ("Is there any further matter with which I may assist you today?", "offer_more_help"),
        ("Good afternoon, I'm CSO Ramos", "greeting"),
        ("Dade County Jail, thanks for your call, Deputy Fox speaking", "greeting"),
    ],
)
def test_courtesy_in_ones_own_words_is_credited(message: str, criterion: str) -> None:
    assert criterion in signals(message)


@pytest.mark.parametrize(
    ("message", "signal"),
    [
        ("Sorry about that, good morning, I'm Deputy Walsh", "empathy"),
        ("sorry for the hold", "empathy"),
        ("I'm sorry, but records is closed until Monday", "empathy"),
        ("I appreciate that taking time off is a considerable inconvenience", "appreciation"),
        ("Oh no, fireworks near the Fourth of July, what a shock.", "empathy"),
        ("Real pleasure, thanks for all the yelling.", "appreciation"),
        ("anything else, or are we done here?", "offer_more_help"),
        ("What's your address?", "testing_questions"),
        ("they fool a lot of people", "rude"),
        ("hang on to that receipt", "dismissive"),
        ("hold on one second", "dismissive"),
        ("here's what happens next", "dismissive"),
    ],
)
def test_hard_negatives_are_not_credited_or_flagged(message: str, signal: str) -> None:
    assert signal not in signals(message)


def test_hostile_frames_are_flagged_as_sarcasm() -> None:
    for message in ("Oh no, fireworks near the Fourth of July, what a shock.", "anything else, or are we done here?"):
        assert "sarcasm" in signals(message)


# --- play-test misjudgements (evidence and flags) ---------------------------------------------------------


def test_appreciation_quotes_the_closing_thanks_not_a_mid_call_thank_you() -> None:
    turns = [
        VISITOR,
        Turn("trainee", "Good morning, Cerritos Station, Deputy Park. How can I help?"),
        Turn("visitor", "It's Fatima Yusuf. Y-U-S-U-F."),
        Turn("trainee", "Thank you. And your date of birth?"),
        Turn("visitor", "March 3rd, 1970."),
        Turn("trainee", "Anything else I can help you with?"),
        Turn("visitor", "No, that's all."),
        Turn("trainee", "Thank you for coming in, Mrs. Yusuf. Take care."),
    ]
    verdict = grade(turns).criteria["appreciation"]
    assert verdict.met and verdict.turn == 8 and verdict.evidence == "Thank you for coming in, Mrs. Yusuf."


def test_a_closing_that_thanks_and_names_a_deputy_is_not_a_late_greeting() -> None:
    turns = [
        VISITOR,
        Turn("trainee", "Chandler Police, Deputy Cruz speaking."),
        Turn("visitor", "My son is missing."),
        Turn("trainee", "What's his name?"),
        Turn("visitor", "Marcus."),
        Turn("trainee", "Thank you for calling us right away. Stay by your phone; a deputy will call you shortly."),
    ]
    verdict = grade(turns).criteria["greeting"]
    assert not verdict.met and verdict.turn == 2 and "turn 6" not in (verdict.tip or "")


@pytest.mark.parametrize(
    "message",
    [
        "Next, your complaint goes to the watch commander.",
        "Next, the sergeant reviews it and calls you back.",
    ],
)
def test_the_next_step_of_a_process_is_not_a_brush_off(message: str) -> None:
    result = grade([VISITOR, Turn("trainee", "Good morning, Cerritos Station, Deputy Park."), Turn("trainee", message)])
    assert result.courtesy_violations == ()
