"""The grader faults blind play-testers found, each as the family of phrasings it stands for.

1. A value the visitor said (their own callback number) is theirs, not a claim about the process.
2. A question that gathers information or checks understanding speaks to no fact; a refusal that turns to a
   referral ("..., but I can point you to the people who can") refuses nothing. A question in place of the
   instruction stays wrong (the SPEC's "only a question").
3. Wrong information is listed once for each (words, turn).
4. A wrong value is quoted in the words that hold it.
5. Checks of understanding and teach-backs are credited; an instruction to someone else ("just ask her...") is not;
   the testing tip names a turn where something was explained.
6. Offers of more help to the visitor and the people with them.
7. Empathy for a good deed and for good news.
8. Mock alarm and mocking titles are sarcasm (negated or quoted, they are not).
9. An empathy tip fits the gravity of the call.
10. Announcing an explanation is not giving it.

Cases generated from the data tables (meaning.yaml's word classes) sit beside the concrete quotes.
"""

from __future__ import annotations

import pytest

from bot.grading import Contact, detect, grade
from bot.grading.clauses import WORDS, read
from bot.grading.facts import announces, gathers
from bot.grading.grade import Addressed
from bot.grading.quantities import values_in
from bot.grading.text import normalise
from bot.practice.attempt import Attempt
from bot.practice.engine import ScenarioEngine
from bot.practice.scorecard import wrong_information_lines
from bot.scenarios.format import MOODS
from bot.scenarios.library import NOT_SCENARIOS, Library
from bot.transcript import Turn
from tests.conftest import SCENARIO_DIR

BUNDLED = sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml") if p.name not in NOT_SCENARIOS)
HELLO = "Harbor Station, Deputy Ruiz, how can I help?"


def call(library: Library, scenario: str, *texts: str, first: str = "trainee") -> dict:
    """Grade alternating turns (the trainee first, unless `first` says the visitor)."""
    other = "visitor" if first == "trainee" else "trainee"
    turns = [Turn(first if i % 2 == 0 else other, t) for i, t in enumerate(texts)]
    return grade(turns, contact=library.scenarios[scenario].contact).to_json()


def facts_of(result: dict) -> dict[str, str]:
    return {name: f["status"] for name, f in result["addressed"]["facts"].items()}


# --- 1. the visitor's own values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scenario", "visitor", "trainee", "fact"),
    [
        (
            "deputy-complaint",
            "I want to file a complaint. My cell is (562) 555-0262.",
            "I'm taking your complaint right now. The watch commander will review it, his direct line is "
            "555-0142, and someone from the watch commander's office will contact you at 555-0262.",
            "commander_contact",
        ),
        (
            "identity-theft",
            "Someone opened a card in my name. It's (562) 555-0291, that's my cell.",
            "I'm sorry. I'm transferring you to our fraud line, (562) 555-0163, to take the report right now. A "
            "fraud investigator may call you at 555-0291.",
            "take_report",
        ),
        (
            "identity-theft",
            "Someone opened a card in my name. Call me back on 555 0291.",
            "Okay, 555-0291, got it. The fraud line is 555-0163, they'll take the report now.",
            "take_report",
        ),
        (
            "found-property",
            "I found a wallet on the pier. If the owner wants to thank me, I'm at 562-555-0240.",
            "I'll log it into property now and write you a receipt. We'll pass 555-0240 along if they ask. "
            "Property's number is (562) 555-0155.",
            "property_receipt",
        ),
    ],
)
def test_a_number_the_visitor_said_is_theirs_not_wrong_information(
    library: Library, scenario: str, visitor: str, trainee: str, fact: str
) -> None:
    result = call(library, scenario, HELLO, visitor, trainee)
    assert result["wrong_information"] == []
    assert facts_of(result)[fact] != "wrong"


def test_a_wrong_number_stays_wrong_when_the_visitor_only_repeated_it_or_asked_about_it(library: Library) -> None:
    echoed = call(library, "arrested-relative", "My son was arrested.", "Their line is 555-0107.", "555-0107?",
                  "Yes, 555-0107.", first="visitor")  # fmt: skip
    assert facts_of(echoed)["jail_number"] == "wrong"
    asked = call(library, "identity-theft", HELLO, "Is the fraud line 555-0291?", "Yes, the fraud line is 555-0291.")
    assert facts_of(asked)["take_report"] == "wrong"


# --- 2. questions that gather or check, and refusals that refer --------------------------------------------------

GATHERING = [
    "And do you have a photo ID on you?",
    "What's your name and the best number to reach you?",
    "Where'd you find 'em, and about what time?",
    "Has he ever threatened you, or has it gotten physical at all?",
    "Can you tell me back when the deputy's coming?",
    "is anything on fire or anybody hurt?",
    "whats ur name and a good number to reach u at?",
    "Can I grab your name and a callback number?",
    "Where did you find it, and roughly what time?",
    "When did you last hear from him?",
    "Did he threaten you tonight?",
    "Is anyone bleeding or hurt?",
    "Are you somewhere safe right now?",
    "Is he still there?",
    "Do you got your ID on you?",
    "You have your license with you today?",
    "Did you bring the paperwork?",
    "Can you tell me what time you last saw her?",
    "Do you know the case number?",
    "What are you going to do until the deputy comes?",
    "Just so I know it landed: which number is for mediation, and when would you call dispatch?",
    "I can't discuss his case from this counter, but I can point you to the people who can tell you where he is.",
    "I can't give out his booking info here, but I can get you the number for the people who can.",
]


@pytest.mark.parametrize("said", GATHERING)
def test_a_question_that_gathers_or_checks_is_wrong_for_no_fact_of_any_scenario(library: Library, said: str) -> None:
    for scenario in BUNDLED:
        result = call(library, scenario, HELLO, "Hi.", said)
        wrong = [name for name, status in facts_of(result).items() if status == "wrong"]
        assert not wrong, f"{scenario}: {wrong} on {said!r}"


@pytest.mark.parametrize(
    ("scenario", "visitor", "said", "fact"),
    [
        ("grandparent-scam", "My grandma sent them money.", "And how'd she send it, gift cards, wire?", "stop_payment"),
        ("grandparent-scam", "My grandma sent them money.", "Did she wire it or use gift cards?", "stop_payment"),
        (
            "mental-health-crisis",
            "I can't see the point anymore.",
            "Have you thought about calling 988?",
            "crisis_help",
        ),
        ("child-late-home", "My daughter isn't home.", "did you want to call 911? thats up to you", "dispatch_now"),
        ("limited-english", "Report. Then I have paper? Number?", "Do you have a case number already?", "case_number"),
        (
            "vin-inspection",
            "What do I need to bring?",
            "Did the DMV give you a form? Do you have the title?",
            "vin_bring",
        ),  # fmt: skip
        (
            "child-late-home",
            "My daughter isn't home.",
            "We can't send anyone out tonight, but I can give you the non-emergency number.",
            "dispatch_now",
        ),  # fmt: skip
    ],
)
def test_a_question_or_refusal_in_place_of_the_instruction_is_still_wrong(
    library: Library, scenario: str, visitor: str, said: str, fact: str
) -> None:
    assert facts_of(call(library, scenario, HELLO, visitor, said))[fact] == "wrong"


def _clause(text: str):
    return read(text)[0]


@pytest.mark.parametrize("words", WORDS["gathering_words"].wordings)
def test_every_gathering_word_makes_a_question_gather(words: str) -> None:
    assert gathers(_clause(f"And is there {words}?"))


@pytest.mark.parametrize("lead", WORDS["gathering_leads"].wordings)
def test_every_gathering_lead_opens_a_question_that_gathers(lead: str) -> None:
    assert gathers(_clause(f"{lead} it was exactly?"))


@pytest.mark.parametrize("lead", WORDS["asking_leads"].wordings)
def test_an_asking_lead_before_a_gathering_lead_still_gathers(lead: str) -> None:
    assert gathers(_clause(f"{lead} where it happened?"))


@pytest.mark.parametrize("where", WORDS["on_them"].wordings)
def test_what_they_have_on_them_is_asked_not_told(where: str) -> None:
    assert gathers(_clause(f"Do you have the paperwork {where}?"))
    assert not gathers(_clause("Do you have a case number already?"))


# --- 3. wrong information listed once ----------------------------------------------------------------------------


def test_wrong_information_is_listed_once_for_each_words_and_turn() -> None:
    said = {"said": "You have 30 days, and it's free.", "turn": 4}
    addressed = Addressed(
        {},
        wrong_information=(
            {"fact": "deadline", **said, "right": "21 days."},
            {"fact": "deadline", **said, "right": "21 days."},
            {"fact": "fee", **said, "right": "The fee is $15"},
            {"fact": None, "said": "You have 30 days, and it's free.", "turn": 6, "right": None},
        ),
    )
    lines = wrong_information_lines(addressed)
    assert len(lines) == 2
    assert lines[0].count("You have 30 days") == 1 and "21 days. The fee is $15." in lines[0]
    assert "(turn 6)" in lines[1]


def test_two_clauses_of_one_wrong_sentence_are_one_entry(library: Library) -> None:
    said = "Honestly nothing usually happens with these, it goes in his file and that's the end of it."
    result = call(library, "deputy-complaint", HELLO, "I want to complain about a deputy.", said)
    entries = [(w["fact"], w["turn"], w["said"]) for w in result["wrong_information"]]
    assert entries and len(entries) == len(set(entries))


# --- 4. the wrong value is quoted ---------------------------------------------------------------------------------


def test_the_wrong_information_quotes_the_sentence_that_holds_the_wrong_value(library: Library) -> None:
    wrong = "I'm staying on the line, and we can call 998 together right now."
    said = f"I'm really glad you called. The crisis line can really help. {wrong}"
    result = call(library, "mental-health-crisis", HELLO, "I can't see the point anymore.", said)
    assert facts_of(result)["crisis_help"] == "wrong"
    assert [w["said"] for w in result["wrong_information"]] == [
        "I'm staying on the line, and we can call 998 together right now."
    ]
    right = call(library, "mental-health-crisis", HELLO, "I can't see the point anymore.",
                 "I'm staying right here with you, and I'm conferencing in 988 right now.")  # fmt: skip
    assert facts_of(right)["crisis_help"] == "given" and right["wrong_information"] == []


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("call 998 together right now", "998"),
        ("text nine eight eight", "988"),
        ("I'm conferencing in 988 right now", "988"),
        ("the 988 line is open all night", "988"),
        ("the crisis line is 998", "998"),
        ("call 911 if he comes back", "911"),
        ("you're at 412 Pine Street", None),
        ("it costs 150 dollars", None),
        ("call 555 0190", None),
    ],
)
def test_a_three_digit_service_number_is_read_only_where_it_is_dialled(said: str, code: str | None) -> None:
    codes = [sorted(v.items)[0] for v in values_in(normalise(said)) if v.kind == "code"]
    assert codes == ([code] if code else [])


# --- 5. checks of understanding ------------------------------------------------------------------------------------

CHECKS = [
    "Just so I know it landed: which number is for mediation, and when would you call dispatch?",
    "what are you going to do until the deputy comes?",
    "what did I say about when the deputy will get there?",
    "how long did I say the report takes, and when will the number come?",
    "Just so we're square, you've got it as eight to four, weekdays only?",
    "Can you repeat back the deadline for me?",
    "so who's going to call your mom back, and what will she get at the end?",
    "can you tell me what's going to happen in the next few minutes?",
    "Can you read the advocate's number back to me?",
    "You can say me back which days you come, and how much is cost?",
    "Can you tell me back when the deputy's coming?",
    "lmk if u have questions",
    "so 911 for any fire and dispatch for the fireworks does that make sense any questions",
]
NOT_CHECKS = [
    "Just ask her where and when it happened, Marco.",
    "Can you tell me what happened?",
    "What were you doing when it happened?",
    "Who's going to pick you up?",
    "I'll read the number back to you.",
    "ok got it",
]


@pytest.mark.parametrize("said", CHECKS)
def test_a_check_of_understanding_in_any_words_is_a_testing_question(said: str) -> None:
    assert "testing_questions" in detect(said)


@pytest.mark.parametrize("said", NOT_CHECKS)
def test_an_instruction_or_a_question_for_details_is_no_testing_question(said: str) -> None:
    assert "testing_questions" not in detect(said)


def test_the_testing_tip_names_a_turn_that_explained_something(library: Library) -> None:
    turns = [
        Turn("trainee", "Sheriff's office, Deputy Ruiz. Hey, I'm here, what's going on?"),
        Turn("visitor", "My daughter is ten and she's not home. It's getting dark."),
        Turn("trainee", "Okay. What's her name?"),
        Turn("visitor", "Sofia."),
        Turn("trainee", "I'm sending a deputy to you right now. Anything else I can do while they're on the way?"),
        Turn("visitor", "No."),
        Turn("trainee", "Okay. Stay by the phone."),
    ]
    tip = grade(turns, contact=library.scenarios["child-late-home"].contact).criteria["testing_questions"].tip
    assert "turn 5 (" in tip and "turn 1" not in tip and "turn 3" not in tip
    plain = grade(turns, contact=Contact()).criteria["testing_questions"].tip
    assert "explained things at turn 1" not in plain and "turn 3" not in plain
    told = [*turns[:4], Turn("trainee", "A deputy will be there in about 20 minutes. Anything else I can do?"),
            *turns[5:]]  # fmt: skip
    assert "explained things at turn 5 (" in grade(told, contact=Contact()).criteria["testing_questions"].tip


# --- 6. offers of more help --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "Is there anything you need right now while we wait?",
        "Is there anything else you or your mom need right now?",
        "anything else I can do for you two?",
        "need anything else from us tonight?",
        "Good. Anything else she needs?",
        "Can I get you and the kids anything while we wait?",
        "Anything else I can sort out for you while you're here?",
    ],
)
def test_help_offered_to_the_visitor_or_the_people_with_them_is_an_offer(said: str) -> None:
    assert "offer_more_help" in detect(said)


@pytest.mark.parametrize("said", ["Anything else she needs to tell me?", "Anything else they took?"])
def test_asking_what_else_happened_is_no_offer(said: str) -> None:
    assert "offer_more_help" not in detect(said)


# --- 7. empathy ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "thanks for not just walking past it",
        "A lot of people would've just kept it, so thank you.",
        "Not everyone would bother.",
        "That's wonderful to hear, thank you. Changing a tire in the rain on the shoulder is no small thing.",
        "Five days, oh mate, that's a worry.",
        "I'm so sorry, not knowing where your son is has to be terrifying.",
    ],
)
def test_credit_for_a_good_deed_and_news_acknowledged_are_empathy(said: str) -> None:
    assert "empathy" in detect(said)


@pytest.mark.parametrize(
    "said",
    [
        "Thanks for being upfront about it, most people just wait till they get pulled over.",
        "Great to hear.",
        "Sorry, not my problem.",
        "Most people just pay it online.",
    ],
)
def test_routine_words_near_those_are_not_empathy(said: str) -> None:
    assert "empathy" not in detect(said)


# --- 8. sarcasm ---------------------------------------------------------------------------------------------------

SARCASM = [
    "Wow, a deputy did his job. Alert the media.",
    "Wow. Truly the crime of the century.",
    "Wow, a lost phone. Stop the presses.",
    "Better call the news.",
    "somebody call CNN",
    "Big whoop.",
    "Boo hoo.",
    "Cry me a river.",
    "Must be nice.",
    "Slow day for you, huh?",
    "Thanks, genius.",
    "Okay Einstein, read the ticket.",
    "Congratulations, you found a parking ticket.",
    "A scratched bumper. What a tragedy.",
]
NOT_SARCASM = [
    "Nobody's calling it the crime of the century, but it matters to you, so it matters to us.",
    'I\'d never say "alert the media" about a stolen bike, it matters.',
    "It's a slow day here, so I can take the report right now.",
    "Congratulations on the new job!",
]


@pytest.mark.parametrize("said", SARCASM)
def test_mock_alarm_and_mocking_titles_are_a_sarcastic_courtesy_violation(library: Library, said: str) -> None:
    assert "sarcasm" in detect(said)
    result = call(library, "found-property", "Harbor Station, Deputy Ruiz. Hi.", "I found this phone.", said)
    assert [v["kind"] for v in result["courtesy_violations"]] == ["sarcasm"]


@pytest.mark.parametrize("said", SARCASM[:5])
def test_the_visitor_hears_the_sarcasm_too(library: Library, said: str) -> None:
    attempt = Attempt.start(ScenarioEngine(library.scenarios["car-break-in"]), 1)
    attempt.say("Good afternoon, Harbor Station, Deputy Lopez speaking. How can I help you?")
    before = attempt.visitor.mood
    assert MOODS.index(attempt.say(said).reply.mood) > before


@pytest.mark.parametrize("said", NOT_SARCASM)
def test_negated_quoted_or_sincere_forms_are_no_violation(said: str) -> None:
    assert not {"sarcasm", "rude", "dismissive"} & detect(said).names


# --- 9. tips fit the gravity of the call ---------------------------------------------------------------------------

CALM_LINE = "sorted out for you, step by step"


def _empathy_tip(turns: list[Turn], contact: Contact) -> str:
    return grade(turns, contact=contact).criteria["empathy"].tip


@pytest.mark.parametrize(
    "visitor",
    [
        "Hi. My son Marco is eleven. He was supposed to be home at four and it's six.",
        "My daughter hasn't come home from school.",
        "My ex threatened me again last night.",
        "My mom has dementia and she wandered off.",
    ],
)
def test_a_grave_call_gets_a_serious_acknowledgement_never_a_reassurance(library: Library, visitor: str) -> None:
    turns = [Turn("trainee", "Harbor Station, Deputy Ruiz."), Turn("visitor", visitor), Turn("trainee", "Okay.")]
    for contact in (Contact(), library.scenarios["child-late-home"].contact):
        tip = _empathy_tip(turns, contact)
        assert CALM_LINE not in tip, tip
        line = tip[tip.index("\u201c", tip.index("first:")) + 1 : -1]
        assert "empathy" in detect(line), line


def test_a_grave_scenario_keeps_its_own_line_for_a_calm_visitor(library: Library) -> None:
    turns = [Turn("trainee", "Harbor Station, Deputy Ruiz."), Turn("visitor", "Hi. It's about my son."),
             Turn("trainee", "Okay.")]  # fmt: skip
    tip = _empathy_tip(turns, library.scenarios["child-late-home"].contact)
    assert library.scenarios["child-late-home"].examples["empathy"] in tip
    routine = [Turn("visitor", "Hi, quick question about the clearance letter."), Turn("trainee", "Ok.")]
    assert CALM_LINE in _empathy_tip(routine, library.scenarios["clearance-letter"].contact)


# --- 10. an explanation announced is not given ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "status"),
    [
        ("I can tell you exactly how to contest it.", "missing"),
        ("Let me explain how you contest it.", "missing"),
        ("I'll walk you through how to contest it.", "missing"),
        ("Here's how you contest it.", "missing"),
        ("Here's how you contest it: ask the citation office for an initial review, then a hearing.", "given"),
        ("You can contest it by requesting an initial review.", "given"),
    ],
)
def test_announcing_an_explanation_is_not_giving_it(library: Library, said: str, status: str) -> None:
    result = call(library, "parking-citation", HELLO, "I want to fight this ticket.", said)
    assert facts_of(result)["contest_review"] == status


@pytest.mark.parametrize("said", ["A deputy is on the way.", "I'm sending a deputy to you now.",
                                  "Let me tell you what happens now: a deputy is on the way to you."])  # fmt: skip
def test_a_commitment_counts_as_done_now(library: Library, said: str) -> None:
    result = call(library, "child-late-home", HELLO, "My daughter is ten and she's not home.", said)
    assert facts_of(result)["dispatch_now"] == "given"


@pytest.mark.parametrize("lead", WORDS["announce_leads"].wordings)
def test_every_announcing_lead_announces_and_gives_nothing(lead: str) -> None:
    assert announces(_clause(f"{lead} exactly how it works"))
    assert not announces(_clause(f"{lead} a deputy is on the way"))


# --- 11. round 4: checks of understanding, apologies for the visitor's hassle, other questions ------------------


@pytest.mark.parametrize(
    "said",
    [
        "Got that down?",
        "did u get all that down?",
        "You got everything written down okay?",
        "Got all that?",
        "You get all that?",
        "Did you catch that?",
        "Make sense so far?",
        "You with me?",
        "u with me so far?",
    ],
)
def test_round_4_checks_of_understanding_are_testing_questions(said: str) -> None:
    assert "testing_questions" in detect(said)


@pytest.mark.parametrize(
    "said", ["I got that down in the report.", "Did you get the plate number down?", "Did you catch the bus here?"]
)
def test_round_4_notes_and_details_are_no_testing_question(said: str) -> None:
    assert "testing_questions" not in detect(said)


@pytest.mark.parametrize(
    "said",
    [
        "I'm sorry about the hassle, let me help you get that sorted.",
        "Good afternoon, and I'm sorry about the runaround, let me get you sorted.",
        "so sorry for all this headache",
        "my apologies for all the hassle",
        "soz bout the hassle",
        "Sorry for the trouble, let me get that sorted for you.",
        "Sorry for the inconvenience, I'll take care of it right now.",
        "sry 4 the inconvenience, ill get it fixed for u",
        "That's a pain, I'm sorry.",
    ],
)
def test_round_4_sorry_for_the_visitors_hassle_is_empathy(said: str) -> None:
    assert "empathy" in detect(said)


@pytest.mark.parametrize(
    "said",
    [
        "I'm sorry for the inconvenience.",
        "Sorry for the wait, let me get that sorted.",
        "Sorry for the mix-up, I'll get it fixed.",
        "Sorry about the noise.",
        "Sorry for the runaround.",
        "Sorry about the runaround, that was my fault.",
        "Sorry to trouble you, let me get that sorted.",
    ],
)
def test_round_4_polite_own_conduct_apologies_stay_no_empathy(said: str) -> None:
    assert "empathy" not in detect(said)


@pytest.mark.parametrize(
    "said",
    [
        "Any other questions I can answer?",
        "Anything else you need to know?",
        "Any other questions, or anything else I can help with?",
    ],
)
def test_round_4_other_questions_with_an_offer_are_an_offer(said: str) -> None:
    assert "offer_more_help" in detect(said)


@pytest.mark.parametrize("said", ["Any other questions?", "Any other questions about visiting?"])
def test_round_4_bare_other_questions_invite_questions_but_offer_no_help(said: str) -> None:
    # dev-natural dn38 labels "Any other questions about visiting?" testing_questions, not offer_more_help
    found = detect(said)
    assert "testing_questions" in found
    assert "offer_more_help" not in found


# --- round 5: harmless lines are never wrong information; a fee for each said as its total ------------------------


@pytest.mark.parametrize(
    ("scenario", "visitor", "said"),
    [
        ("impound-release", "Nobody explained anything. What do I do?", "Sorry nobody walked you through it."),
        ("minor-collision", "Someone backed into me. How do I get a report?", "Glad nobody's hurt."),
        ("clearance-letter", "I need a clearance letter. What do I do?", "Yep, we can help with that, no worries."),
        (
            "deputy-complaint",
            "I want to complain about one of your deputies.",
            "If one of our deputies treated you badly, I want to hear about it, and I'll take your complaint myself.",
        ),
    ],
)
def test_round_5_a_line_without_a_value_or_a_refusal_is_not_wrong_information(
    library: Library, scenario: str, visitor: str, said: str
) -> None:
    result = call(library, scenario, HELLO, visitor, said)
    assert "wrong" not in facts_of(result).values(), facts_of(result)
    assert not result["wrong_information"]


def test_round_5_a_fee_for_each_said_as_its_total_for_the_count_is_right(library: Library) -> None:
    total = "Right, and that's the permits counter at 500 Ocean Boulevard, three hundred dollars for six."
    result = call(library, "solicitor-permit", HELLO, "I want to sell door to door. It's six of us.", total)
    assert not result["wrong_information"]
    wrong = call(library, "solicitor-permit", HELLO, "It's six of us.", "It's three hundred dollars per person.")
    assert wrong["wrong_information"]
    each = "It's $50 per person so each of ur 4 needs one, thats $200, at the permit office."
    assert not call(library, "solicitor-permit", HELLO, "We're four sellers.", each)["wrong_information"]
    weeks = "It's $100 per person, takes 2 weeks."  # 2 x $50, but 2 is weeks, not people
    assert call(library, "solicitor-permit", HELLO, "We're four sellers.", weeks)["wrong_information"]
    southern = "There ya go, so 150 dollars for the three of y'all."  # round 26: "for the three", "of y'all"
    assert not call(library, "solicitor-permit", HELLO, "It's three of us.", southern)["wrong_information"]


def test_round_6_a_plural_names_the_service_that_their_number_belongs_to(library: Library) -> None:
    said = "The parking citations office handles it, and their number is (562) 555-0137."
    turns = (HELLO, "I got a ticket.", "The desk can't cancel it.", "Who do I call?", said)
    result = call(library, "parking-citation", *turns)
    assert not result["wrong_information"]


def test_round_5_sending_them_to_the_agencys_own_fraud_line_gives_the_report_route(library: Library) -> None:
    """The fact says `may_refer`: the fraud line is the agency's own route (dev-contact dc-grandparent-scam-3)."""
    said = "Call the bank right now to stop the wire. After, you can call our fraud line, (562) 555-0163."
    result = call(library, "grandparent-scam", HELLO, "My grandma wired money to a scammer.", said)
    assert facts_of(result)["take_report"] == "given" and not result["wrong_information"]
    later = call(library, "grandparent-scam", HELLO, "My grandma wired money.", "Call our fraud line tomorrow.")
    assert facts_of(later)["take_report"] == "wrong"
    crisis = call(library, "mental-health-crisis", HELLO, "I don't want to be here anymore.", "You should call 988.")
    assert facts_of(crisis)["crisis_help"] != "given"


@pytest.mark.parametrize(
    "said",
    [
        "Sorry about that. Come back tomorrow and we'll take the report.",
        "Come back Monday and we'll do the report.",
        "just call us back tmrw and we'll write it up",
    ],
)
def test_round_6_a_report_put_off_to_another_visit_is_wrong_though_the_fact_is_not_marked_now(
    library: Library, said: str
) -> None:
    """A promise for tomorrow is a way of getting it wrong (the README's brief), for any fact the desk would do."""
    result = call(library, "minor-collision", HELLO, "Someone hit my car. What do I do?", said)
    assert facts_of(result)["collision_report"] == "wrong"
    now = call(library, "minor-collision", HELLO, "Someone hit my car.", "I'll take the report right now.")
    assert facts_of(now)["collision_report"] == "given"


def test_round_7_our_fraud_line_named_in_the_sentence_is_who_they_are(library: Library) -> None:
    """Round 7: "Then our fraud line is (562) 555-0163, they'll take the full report." was "sent elsewhere"."""
    said = "Call the gift card company right now. Then our fraud line is (562) 555-0163, they'll take the full report."
    result = call(library, "grandparent-scam", HELLO, "My grandma got scammed. What can we do?", said)
    assert facts_of(result)["take_report"] == "given" and not result["wrong_information"]
    typo = "Then our fraud line is (562) 555-0136, they'll take the full report."
    assert facts_of(call(library, "grandparent-scam", HELLO, "What can we do?", typo))["take_report"] == "wrong"
