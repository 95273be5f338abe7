"""Whether the person was told the right thing (SPEC, "The contact as a whole"): each fact's
status with its evidence, wrong information, the cap on the total, and automatic fails
that only the real action clears."""

from __future__ import annotations

import pytest

from bot.grading import grade
from bot.grading.auto_fail import AutoFail
from bot.grading.contact import Contact
from bot.grading.facts import Context, FactRule, Service, fact_statuses, wrong_information
from bot.grading.quantities import values_in
from bot.grading.text import normalise
from bot.scenarios.intents import MeaningIntent, parse_slot
from bot.transcript import Turn


def ways(*ways: list[str]) -> MeaningIntent:
    return MeaningIntent("m", means=tuple(tuple(parse_slot(s, normalise) for s in way) for way in ways))


def value(text: str):
    return values_in(normalise(text))


DEADLINE = FactRule(
    "dmv_report",
    says=ways(["dmv", "days"]),
    about=ways(["dmv | sr 1"], ["days", "accident | report | file"]),
    values=value("10 days"),
    right="The SR-1 goes to the DMV within 10 days.",
)
DEPUTY = FactRule(
    "send_deputy",
    says=ways(["@send", "@deputy"], ["@deputy", "on the way"]),
    about=ways(["@deputy | pick you up | come get you | taxi | ride"]),
    now=True,
    right="Send a deputy to her now.",
)
PRIVATE = FactRule(
    "safety_now",
    says=ways(["private | interview | back", "room | office"]),
    about=ways(["room | office | private | lobby | bench"]),
    now=True,
    right="Get her somewhere private now.",
)
BANK = FactRule(
    "stop_payment",
    says=ways(["@call | contact", "bank | card company"]),
    about=ways(["bank | wire | gift card | payment"]),
    right="Call the bank right away to stop the payment.",
)
DOCUMENTS = FactRule(
    "bring_documents",
    says=ways(["bring", "license | registration | insurance"]),
    items=(
        ("license", ways(["license | licence"])),
        ("registration", ways(["registration"])),
        ("insurance", ways(["insurance"])),
    ),  # fmt: skip
    right="Bring a license, current registration and proof of insurance.",
)
TOW_YARD = FactRule(
    "tow_yard",
    says=ways(["valley tow"]),
    partly=ways(["tow* | impound*", "yard | lot"]),
    right="The car is at Valley Tow.",
)


def status(rule: FactRule, *trainee: str, visitor: str = "I need help.") -> tuple[str, str | None]:
    turns = [t for said in trainee for t in (Turn("visitor", visitor), Turn("trainee", said))]
    found = fact_statuses(turns, [rule], Context())[rule.name]
    return found.status, found.evidence


@pytest.mark.parametrize(
    ("rule", "said", "expected"),
    [
        (DEADLINE, ["You have to report it to the DMV within 10 days."], "given"),
        (DEADLINE, ["You have 30 days from the accident for that."], "wrong"),
        (DEADLINE, ["File with the DMV within thirty days, sorry, ten days."], "given"),  # corrected at once
        (DEADLINE, ["DMV within 30 days.", "Sorry, I misspoke: it's 10 days for the DMV."], "given"),  # later
        (DEADLINE, ["DMV within 10 days.", "Actually make that 30 days."], "wrong"),  # the last word counts
        (
            DEADLINE,
            ["DMV within 30 days.", "i told you 30 days its actually 10 days for the dmv not 30 my mistake"],
            "given",
        ),  # fmt: skip
        (DEADLINE, ["Have you reported it to the DMV yet?"], "wrong"),  # a question only
        (DEPUTY, ["I'm sending a deputy to you right now."], "given"),
        (DEPUTY, ["If you still can't find your way, call us back and we'll have someone come."], "wrong"),
        (DEPUTY, ["The best thing is to call your daughter and have her come pick you up."], "wrong"),
        (DEPUTY, ["Do you want me to send a deputy?", "Okay, a deputy is on the way to you now."], "given"),
        (PRIVATE, ["Sorry, the interview rooms are all busy tonight."], "wrong"),
        (PRIVATE, ["Come with me to the back office, you'll be safe there."], "given"),
        (BANK, ["Did she wire it or use gift cards?"], "wrong"),
        (BANK, ["Call your bank right now and ask them to stop the wire."], "given"),
        (DOCUMENTS, ["Bring your license."], "partly"),
        (DOCUMENTS, ["Bring your license and registration.", "Oh, and proof of insurance."], "given"),
        (TOW_YARD, ["It's at the tow yard, they'll have it."], "partly"),
        (TOW_YARD, ["It's at the tow yard.", "Valley Tow, on Industrial Way."], "given"),
        (TOW_YARD, ["Sounds rough, I'm sorry."], "missing"),
    ],
)
def test_a_fact_has_the_status_of_what_was_actually_said(rule: FactRule, said: list[str], expected: str) -> None:
    assert status(rule, *said)[0] == expected


def test_a_question_the_visitor_asked_makes_a_bare_no_about_the_fact() -> None:
    assert status(DOCUMENTS, "Nope, nothing.", visitor="Do I need to bring my license or anything?")[0] == "wrong"


def test_a_wrong_fact_is_wrong_information_that_caps_the_total_and_leads_the_scorecard() -> None:
    contact = Contact(facts=("dmv_report",), rules=(DEADLINE,), known=True)
    turns = [
        Turn("visitor", "Somebody backed into me in the parking lot."),
        Turn("trainee", "Good morning, Harbor Station, Deputy Park. I'm sorry, that's a rotten thing to happen."),
        Turn("visitor", "Do I have to tell the DMV?"),
        Turn("trainee", "Yes, you have 30 days from the accident for that. Any questions? Anything else I can do?"),
        Turn("visitor", "No, thanks."),
        Turn("trainee", "Thanks for coming in."),
    ]
    result = grade(turns, contact=contact).to_json()
    assert result["addressed"]["facts"]["dmv_report"]["status"] == "wrong"
    assert result["wrong_information"] == [
        {
            "fact": "dmv_report",
            "said": "Yes, you have 30 days from the accident for that.",
            "turn": 4,
            "right": "The SR-1 goes to the DMV within 10 days.",
        }
    ]
    assert all(v["met"] for v in result["criteria"].values()) and result["total"] == 50


def test_an_automatic_fail_is_cleared_only_by_the_action_now_by_the_agency() -> None:
    rule = AutoFail("lost_elder", "A lost elderly caller must have a deputy sent.", ("i'm lost",), ("send_deputy",))
    contact = Contact(auto_fail=(rule,), facts=("send_deputy",), rules=(DEPUTY,), actions={"send_deputy": DEPUTY},
                      known=True)  # fmt: skip
    lost = Turn("visitor", "I'm lost and it's dark, I don't know where I am.")
    for answer, fails in [
        ("Call your daughter. Or take a taxi.", True),
        ("If you can't find a street sign, call us back and we'll send a deputy.", True),
        ("Do you want me to send a deputy?", True),
        ("Stay right there, I'm sending a deputy to you now.", False),
    ]:
        failed = grade([Turn("trainee", "Harbor Station."), lost, Turn("trainee", answer)], contact=contact).auto_fail
        assert bool(failed) is fails, answer


@pytest.mark.parametrize(
    ("scenario_id", "said", "fact", "status"),
    [
        # found by trainees playing live: a right recap is never wrong information
        (
            "towed-car",
            "So, Valley Tow, (562) 555-0188, 1450 Industrial Way, open 7 to 6 daily.",
            "tow_yard_number",
            "given",
        ),
        ("towed-car", "So, Valley Tow, (562) 555-0188, 1450 Industrial Way, open 7 to 6 daily.", "tow_yard", "given"),
        ("impound-release", "Valley Tow is open 7 to 6 every day.", "release_fee", "missing"),
        # the lobby's or another service's values given for this fact's are wrong
        ("clearance-letter", "Records does prints on Friday mornings from 8.", "records_location", "wrong"),
        ("neighbour-dispute", "For threats you can call the front desk at 562-555-0100.", "escalate", "wrong"),
    ],
)
def test_a_value_of_another_service_is_wrong_only_when_given_for_this_fact(
    library, scenario_id: str, said: str, fact: str, status: str
) -> None:
    result = grade([Turn("visitor", "Okay."), Turn("trainee", said)], contact=library.scenarios[scenario_id].contact)
    assert result.addressed.facts[fact]["status"] == status


def test_someone_the_person_was_sent_to_is_not_a_deputy(library) -> None:
    """Played by another hand: the daughter, then 'someone will come get you' in the next message."""
    lost = "I'm trying to get home, dear. I don't know where I am."
    turns = [
        Turn("trainee", "Harbor Station, good evening, Officer Tran speaking."),
        Turn("visitor", lost),
        Turn("trainee", "Can you ask someone at the gas station to help you find your daughter's number?"),
        Turn("visitor", "I... I don't know. It's dark."),
        Turn("trainee", "Ok June just hang tight, someone will come get you."),
    ]
    assert grade(turns, contact=library.scenarios["elderly-confused"].contact).auto_fail
    turns[-1] = Turn("trainee", "Ok June just hang tight, I'm sending a deputy to come get you right now.")
    assert not grade(turns, contact=library.scenarios["elderly-confused"].contact).auto_fail


def trainee(*said: str) -> list[Turn]:
    return [t for line in said for t in (Turn("visitor", "Okay."), Turn("trainee", line))]


@pytest.mark.parametrize(
    ("scenario_id", "said"),
    [
        # found by play-testers: each capped a competent call at 50 as wrong information
        (
            "deputy-complaint",
            [
                "Here's what happens next: I'm writing this up as a formal complaint now and it goes to the watch "
                "commander, who reviews it and pulls the deputy's records for Sunday to identify him."
            ],
        ),
        ("deputy-complaint", ["Okay. I hear you, and I'm not going to tell you to calm down."]),
        (
            "registrant-questions",
            [
                "So, to recap: call the registration unit for an appointment, and register within five working days "
                "of your move on Saturday. Does that make sense?"
            ],
        ),
        (
            "registrant-questions",
            [
                "Call the registration unit at (562) 555-0129, Mondays and Wednesdays 8 to 11 a.m.",
                "The earliest slot is 8 a.m. on a Monday or Wednesday; that should work after a night shift.",
            ],
        ),
        (
            "arrested-relative",
            [
                "I'm not able to discuss his case from this desk, but the people who can tell you are at the county "
                "jail's inmate information line. Their direct number is (562) 555-0170."
            ],
        ),
        (
            "arrested-relative",
            [
                "The jail runs an inmate line. Their direct line is (562) 555-0107.",
                "Wait, I'm sorry, I read that wrong. It's 555-0170, not 0107.",
            ],
        ),
        # round 16: the visitor's own details asked for are no referral to call a number
        ("limited-english", ["Yes, please, write your full name here. And your phone number."]),
        # round 25: the caller kept out of it is no refusal to send a deputy, nor the job left to them
        (
            "noise-complaint",
            [
                "I'm putting a deputy on it right now, they'll head to 1187 Birch as soon as we hang up. You don't "
                "need to go over or call them out yourself, just let the deputy handle it.",
                "And you just stay inside and leave it to the deputy, no going over there.",
            ],
        ),
    ],
)
def test_a_day_or_time_of_something_else_is_no_wrong_information(library, scenario_id: str, said: list[str]) -> None:
    result = grade(trainee(*said), contact=library.scenarios[scenario_id].contact)
    assert result.addressed.wrong_information == (), result.addressed.wrong_information


@pytest.mark.parametrize(
    ("scenario_id", "said", "fact", "status"),
    [
        # found by play-testers: values said of the fact, in other words, and invented ones
        (
            "ride-along-request",
            ["You gotta be 18 or older with no serious criminal record. Approval usually takes about two weeks."],
            "ride_eligibility",
            "given",
        ),
        ("report-copy", ["The copy is $15, and it usually takes 7 to 10 business days."], "process_time", "wrong"),
        ("report-copy", ["The copy is $15, and it usually takes 7 to 10 business days."], "report_fee", "given"),
        # "their" is the one named last, in an earlier sentence or message
        (
            "registrant-questions",
            ["You book with our registration unit. Their number is (562) 555-0124."],
            "registration_unit",
            "wrong",
        ),
        (
            "registrant-questions",
            ["You book with our registration unit.", "You can reach them at (562) 555-0999."],
            "registration_unit",
            "wrong",
        ),
        (
            "registrant-questions",
            ["You book with our registration unit.", "They're open Tuesdays and Thursdays."],
            "registration_unit",
            "wrong",
        ),
        (
            "registrant-questions",
            ["You book with our registration unit. Their number is (562) 555-0129."],
            "registration_unit",
            "given",
        ),
        # a promise to call on the number asked for is the call back, not a request for the number
        ("welfare-check", ["The deputy will call you on that number once they've checked."], "callback", "given"),
        (
            "welfare-check",
            [
                "The deputy will call you on that number once they've checked.",
                "Please don't go inside, but you're welcome to watch for the deputy and point them to the house.",
            ],
            "callback",
            "given",
        ),
        ("welfare-check", ["Just keep an eye on the house, you'll see the patrol car."], "callback", "wrong"),
        # "who" of one of ours is ours: the unit does it
        (
            "found-property",
            ["It goes to our property unit, who'll use that ID to try and reach the owner."],
            "owner_contact",
            "given",
        ),
        # round 22: she is brought through to the private room; the advocate named, then called in
        (
            "domestic-violence-lobby",
            [
                "Come on through this side door here, we've got a private room right off the lobby where nobody "
                "can see or hear ya."
            ],
            "safety_now",
            "given",
        ),
        ("domestic-violence-lobby", ["Please wait over there by the door."], "safety_now", "wrong"),
        (
            "domestic-violence-lobby",
            [
                "There's also a victim advocate, her whole job is helpin' folks in your spot. I'll call her in too. "
                "Her direct number is (562) 555-0177."
            ],
            "advocate",
            "given",
        ),
        (
            "domestic-violence-lobby",
            ["There's also a victim advocate. Her direct number is (562) 555-0177."],
            "advocate",
            "wrong",
        ),
    ],
)
def test_a_value_said_of_the_fact_is_checked_whatever_the_words(
    library, scenario_id: str, said: list[str], fact: str, status: str
) -> None:
    result = grade(trainee(*said), contact=library.scenarios[scenario_id].contact)
    assert result.addressed.facts[fact]["status"] == status


def test_a_tow_yard_said_open_24_hours_is_wrong_information(library) -> None:
    """Played: "... it's at Valley Tow, 1450 Industrial Way. Their direct number is (562) 555-0188, and they're
    open 24 hours." (the yard is open 7 to 6): said of the yard, so wrong, whatever the facts ask."""
    said = "It's at Valley Tow, 1450 Industrial Way. Their direct number is (562) 555-0188, and they're open 24 hours."
    result = grade(trainee(said), contact=library.scenarios["towed-car"].contact)
    assert [w["said"] for w in result.addressed.wrong_information] == [
        "Their direct number is (562) 555-0188, and they're open 24 hours."
    ]


RECORDS = Service(("records",), tuple(values_in(normalise("Monday through Friday"))), "records: Monday to Friday")


@pytest.mark.parametrize(
    ("said", "wrong"),
    [
        ("The watch commander pulls the deputy's records for Sunday.", False),  # someone else's records
        ("He'll check his records for Sunday.", False),
        ("Records is open on Sunday.", True),
        ("Our records window is open on Sunday.", True),
        ("Go to Records. They're open Sunday.", True),  # "they": the one named last
        ("Go to Records. Your insurance company will want it; they're open Sunday.", False),  # another party since
    ],
)
def test_a_service_is_the_agencys_not_someone_elses_of_the_same_name(said: str, wrong: bool) -> None:
    context = Context(services=(RECORDS,))
    assert bool(wrong_information({}, trainee(said), context)) is wrong


def test_telling_a_child_she_need_not_know_every_word_refuses_no_interpreter(library) -> None:
    turns = [
        Turn("visitor", "She says he took her bag with the rent money. Um... I don't know all the words she's saying."),
        Turn("trainee", "That's okay, you don't need to know all the words. What's your name?"),
    ]
    result = grade(turns, contact=library.scenarios["spanish-family-interpreter"].contact)
    assert result.addressed.wrong_information == (), result.addressed.wrong_information


@pytest.mark.parametrize(
    ("closed", "wrong"),
    [("They're closed on the weekends, I'm afraid.", False), ("They're closed on Tuesdays, though.", True)],
)
def test_a_service_said_closed_on_days_it_is_not_open_is_right(library, closed: str, wrong: bool) -> None:
    """Played (round 17): "Records is open ... Monday through Friday. They're closed on the weekends, I'm afraid."
    capped a competent call at 50; closed on a day it is open is still wrong."""
    said = f"Records is open eight in the morning until four in the afternoon, Monday through Friday. {closed}"
    result = grade(trainee(said), contact=library.scenarios["service-tester"].contact)
    assert bool(result.addressed.wrong_information) is wrong, result.addressed.wrong_information


def test_a_number_said_of_another_line_after_the_caller_named_the_jail_is_no_wrong_information(library) -> None:
    """Round 23: the caller said "saying I was in jail"; the fraud line's number, told next, is the fraud line's."""
    turns = [
        Turn("visitor", "Somebody called my abuela pretending to be me, saying I was in jail."),
        Turn("trainee", "Second, I'm takin' a report right now, and then you're gonna call our fraud line, "
             "(562) 555-0163, so a detective can follow up."),
    ]
    assert grade(turns, contact=library.scenarios["grandparent-scam"].contact).addressed.wrong_information == ()
    turns[-1] = Turn("trainee", "The jail's information line is (562) 555-0999.")
    assert grade(turns, contact=library.scenarios["grandparent-scam"].contact).addressed.wrong_information != ()
