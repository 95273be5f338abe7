"""Play-test rounds 52 to 58: verdicts that were wrong, each now right."""

from __future__ import annotations

import pytest

from bot.grading.facts import fact_statuses
from bot.grading.text import normalise
from bot.scenarios.library import Library
from tests.test_grading_round33 import HELLO, met_after_plan, said


@pytest.mark.parametrize(
    ("trainee", "criterion", "met"),
    [
        # a texted "ur" before what the person is doing is "you're", not "your"
        ("cool. wats ur name? + can u read back wat ur bringin + when?", "testing_questions", True),
        ("can u tell me back wat ur gonna do first?", "testing_questions", True),
        ("can u read back ur case number?", "testing_questions", False),
        ("can u say back where ur gonna send it?", "testing_questions", True),  # round 57: "ur gonna" is you're
        # a learner's check of understanding in the plain present (round 53)
        ("Give this number to insurance. Can you tell me: what you give to insurance?", "testing_questions", True),
        ("Can you tell me what you saw?", "testing_questions", False),
        # the trouble named in a clause of its own
        ("ugh, out-of-state cars r always a hassle w dmv, sorry.", "empathy", True),
        ("Title transfers are such a pain with the DMV.", "empathy", True),
        ("Parking downtown is always a hassle for the deputies.", "empathy", False),
        # a good deed and the incident named, in any English (round 53)
        ("Deputy Lee, Harbor Station. Good job bringing her in.", "empathy", True),
        ("I am sorry for the hit-and-run, this is not nice, and now also papers for insurance.", "empathy", True),
        ("Sorry about the wait.", "empathy", False),
        # a check announced, then the plan asked for (round 54)
        ("so just to check, tell me the steps n how long it takes?", "testing_questions", True),
        ("Just to check, tell me your plate.", "testing_questions", False),
        # what they were told to ask for, asked back in a learner's words (round 54)
        ("Call a credit bureau and ask for a fraud alert. And the credit bureaus, what you ask them?",
         "testing_questions", True),
        # round 55: a real headache is empathy; a valid licence is not validation; the plan walked through is a check
        ("Well now, that's a real headache, especially with work tomorrow.", "empathy", True),
        ("You'll bring three things to the tow yard: your valid driver's license, your current registration, and proof "
         "of insurance.", "empathy", False),
        ("Can you walk me through it in your own words: where you're going for the order, and what you'll do if he "
         "shows up?", "testing_questions", True),
        ("Can you walk me through what happened?", "testing_questions", False),
        ("So, walk me through it, what time did you get home?", "testing_questions", False),
        # a worry said to be a common one, in a learner's words (round 55)
        ("Of course, it is good question. Many people worry same thing.", "empathy", True),
        ("Many people ask for the same form.", "empathy", False),
        # round 58: what was hard to raise named; a finder thanked in a learner's words; a check of what and when
        ("I know this isn't an easy thing to raise at a counter, so let's keep it between us.", "empathy", True),
        ("This isn't an easy form to fill out.", "empathy", False),
        ("Very kind from you to bring it, thank you.", "empathy", True),
        ("So we're straight, what's happening and about when?", "testing_questions", True),
        ("Just to check, what happened and when?", "testing_questions", False),
        ("can u say back where ur sending it?", "testing_questions", True),
        ("So tell me, what's happening next?", "testing_questions", True),
        ("Tell me what happened next.", "testing_questions", False),
        # round 57: two values asked again together are a read-back; the visitor's own details are not
        ("Would you mind repeating the number and the deadline to me?", "testing_questions", True),
        ("Would you mind repeating your name and address?", "testing_questions", False),
        # round 59: an Upper Midwest "ya" between commas is "yeah", and knowing how that goes is empathy
        ("Oh, ya, the DMV runaround, I know how that goes. Let's get you sorted.", "empathy", True),
        ("I'll walk you through it.", "empathy", False),
    ],
)
def test_what_was_said_meets_the_criterion_it_meets(trainee: str, criterion: str, met: bool) -> None:
    assert met_after_plan(trainee, criterion) is met


@pytest.mark.parametrize(
    ("written", "read"),
    [("ur bringin", "you're bringing"), ("your welcome", "you're welcome"), ("ur van", "your van"),
     ("your parking ticket", "your parking ticket"),
     # round 60: a spoken "ya" before a thing one has is "your"; between commas, the Upper Midwest "yeah"
     ("Can I grab ya name?", "can i grab your name ?"), ("bring ya photo ID", "bring your photo id"),
     ("thank ya", "thank you"), ("Oh, ya, the DMV runaround", "oh yeah the dmv runaround")],
)
def test_ur_is_youre_only_before_what_one_is(written: str, read: str) -> None:
    assert normalise(written) == read


@pytest.mark.parametrize(
    ("scenario", "fact", "trainee", "status"),
    [
        # a reason said with no comma after it does not hide who acts
        ("found-property", "owner_contact",
         "so wat happens: i log it in, book it into property, and since theres an ID we'll try 2 contact the owner.",
         "given"),
        ("found-property", "owner_contact",
         "Since there is an ID the property unit will contact the owner and get it back to them.", "given"),
        ("found-property", "owner_contact",
         "if nobody claims it after the hold period u might b able 2 claim it urself, property unit can tell u.",
         "missing"),
        ("found-property", "owner_contact", "Honestly people hardly ever come back for these.", "wrong"),
        # told she is safe at the counter is no private room; taken to one is
        ("domestic-violence-lobby", "safety_now", "Harbor Station, Deputy Ruiz. You're safe now. Is he outside?",
         "missing"),
        ("domestic-violence-lobby", "safety_now", "lets go in the interview room in back, private, door locks.",
         "given"),
        # a number said in words, group by group, is the number (round 53)
        ("arrested-relative", "jail_number",
         "The inmate information line can tell you. That number is five-six-two, five-five-five, oh-one-seven-oh.",
         "given"),
        # a Boston fee is a fee, wrong when wrong
        ("impound-release", "release_fee", "The release fee's a hundred fifteen dollahs.", "wrong"),
        # thanks for the caller's own deed tells nothing about the deputy sent
        ("welfare-check", "welfare_check",
         "You got the right number, and bless you for checkin' on her, that's real worrisome.", "missing"),
        ("welfare-check", "welfare_check", "Thanks for calling, I'm sending a deputy to check on her now.", "given"),
        # a texted "wks" is weeks (round 54)
        ("ride-along-request", "ride_eligibility", "nice, ur good then, min age is 18. approval takes about 2 wks.",
         "given"),
        # a promise to protect their credit names no way to (round 54)
        ("identity-theft", "protect_credit", "We will make report and protect your credit, step by step.", "missing"),
        ("identity-theft", "protect_credit", "Pull your credit report tonight and look for anything else.", "given"),
        # round 55: a form fetched is no receipt; a phone number asked for is no case number, nor a report sent away
        ("found-property", "property_receipt", "Let me grab a property form. Where on the pier did you find it?",
         "missing"),
        ("found-property", "property_receipt", "I'll log it, book it into property, and give you a receipt.", "given"),
        ("limited-english", "case_number", "Maybe on your receipt or a photo. And a phone number for you, please.",
         "missing"),
        ("limited-english", "take_report", "And a phone number for you, please.", "missing"),
        ("limited-english", "take_report", "Call the non-emergency number and report it.", "wrong"),
        # round 57: an invitation asked is the room given, not a room named that nobody takes her to
        ("domestic-violence-lobby", "safety_now",
         "Would you come with me to a private room, away from the lobby, where we can talk?", "given"),
        ("domestic-violence-lobby", "safety_now", "There's a private room away from the lobby.", "wrong"),
        # round 58: ten business days said again as "ten days" is the figure told, not a new wait
        ("solicitor-permit", "permit_fee_time", "Yeah, I hear ya, ten days is a stretch.", "partly"),
        ("solicitor-permit", "permit_fee_time", "It takes about three days.", "wrong"),
        # an e-mail address at a domain none of the agency's is another address: wrong, never missed (round 57)
        ("deputy-compliment", "contact_details", "You can also email commendations@harborsheriff.example.", "wrong"),
        ("deputy-compliment", "contact_details", "You can also email commendations@bayviewsheriff.example.", "given"),
        # round 59: "what I'll do is ..." is the desk's own step, never an order left to the caller
        ("deputy-compliment", "pass_on",
         "so what i'll do is pass this straight to his supervisor and it goes in his file as a commendation.", "given"),
        ("car-break-in", "online_report", "What you can do is file it online on our website.", "given"),
        # round 60: sympathy said with a "not" is no refusal of the complaint
        ("deputy-complaint", "take_complaint",
         "I'm real sorry you had a bad time with one of our guys, that's not how it's supposed to go.", "missing"),
    ],
)
def test_what_was_said_is_graded_for_what_it_does(
    library: Library, scenario: str, fact: str, trainee: str, status: str
) -> None:
    rules = library.scenarios[scenario]
    assert fact_statuses(said(HELLO, trainee), rules.fact_rules, rules.context)[fact].status == status
