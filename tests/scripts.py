"""Model and poor trainee scripts for the bundled scenarios, one message a line."""

COURTEOUS = {
    "car-break-in": [
        "Good afternoon, Harbor Station, Deputy Lopez speaking. How can I help you?",
        "I'm so sorry that happened to you. When did it happen?",
        "You can file the report online on our website; it takes about fifteen minutes.",
        "Do you have any questions I can answer for you? Is there anything else I can help you with? "
        "Thank you for calling.",
    ],
    "report-copy": [
        "Good morning, welcome to Harbor Station. I'm Deputy Alvarez. How can I help you?",
        "I'm sorry about the accident, that sounds stressful. Do you have the case number?",
        "You can request the copy at the records window here in the lobby. It costs $15 "
        "and takes five to seven business days.",
        "Does that make sense? Is there anything else I can help you with? Thanks for coming in.",
    ],
    "towed-car": [
        "Good afternoon, Harbor Station, Deputy Lopez speaking. How can I help you?",
        "I'm so sorry, I can hear how frustrating this is. Let's find your car. What's the plate number?",
        "Your car is at Valley Tow, 1450 Industrial Way. Their direct line is (562) 555-0188.",
        "Bring your license and registration. Do you have any questions I can answer? "
        "Is there anything else I can help you with? Thank you for calling.",
    ],
}

CURT = {
    "car-break-in": ["Yeah?", "What is it?", "Whatever, go online.", "Not my problem, it takes a few days.", "Bye."],
    "report-copy": ["Yeah?", "Not my problem. Whatever.", "Records. Next!", "bye"],
    "towed-car": ["What?", "Calm down, sir.", "It's at the impound. Not my problem."],
}

CLOSING_PHONE = (
    "Do you have any questions I can answer for you? Is there anything else I can help you with? Thank you for calling."
)
CLOSING_LOBBY = (
    "Do you have any questions I can answer for you? Is there anything else I can help you with? "
    "Thank you for coming in."
)
GREETING_PHONE = "Good afternoon, Harbor Station, Deputy Lopez speaking. How can I help you?"
GREETING_LOBBY = "Good morning, welcome to Harbor Station. I'm Deputy Alvarez. How can I help you?"

COURTEOUS |= {
    "grandparent-scam": [
        GREETING_PHONE,
        "I'm so sorry, that must be so upsetting for both of you.",
        "I can take a fraud report right now. Please also call the gift card company or her bank today "
        "to stop the payment.",
        CLOSING_PHONE,
    ],
    "noise-complaint": [
        GREETING_PHONE,
        "I'm so sorry, that sounds exhausting, and I understand why you're frustrated.",
        "I'm sending a deputy out now; they should be there within twenty minutes.",
        CLOSING_PHONE,
    ],
    "child-late-home": [
        GREETING_PHONE,
        "I'm so sorry, that must be frightening. What is your child wearing, and where were they last seen?",
        "I'm sending a deputy to you right now and transferring you to dispatch; their direct line is (562) 555-0111.",
        CLOSING_PHONE,
    ],
    "service-tester": [
        GREETING_PHONE,
        "I'm sorry to hear you had an accident. Records is open 8 a.m. to 4 p.m., Monday through Friday, "
        "right here in the lobby.",
        CLOSING_PHONE,
    ],
    "deputy-complaint": [
        GREETING_LOBBY,
        "I'm sorry that happened, that sounds really upsetting, especially in front of your kids.",
        "I'll take your complaint myself right now. The watch commander will review it and contact you within "
        "three days; his direct line is (562) 555-0142.",
        CLOSING_LOBBY,
    ],
    "found-property": [
        GREETING_LOBBY,
        "I'm sure the owner is worried sick; you did the right thing bringing it in.",
        "I'll log it with our property unit and give you a receipt, and we'll try to reach the owner today.",
        CLOSING_LOBBY,
    ],
    "clearance-letter": [
        GREETING_LOBBY,
        "Congratulations on the job! That sounds stressful with a deadline, but we can get this done in time.",
        "Fingerprints and clearance letters are done at the records window. Bring a photo ID and the $25 fee; "
        "the letter takes about five business days.",
        CLOSING_LOBBY,
    ],
    "arrested-relative": [
        GREETING_LOBBY,
        "I'm so sorry, I can hear how worried you are about your son.",
        "I can't discuss the case here, but the jail's inmate information line can tell you where he is, "
        "visiting and bail. Their direct number is (562) 555-0170.",
        CLOSING_LOBBY,
    ],
    "limited-english": [
        "Hello. I am Deputy Park, Harbor Station. How can I help?",
        "I am sorry about your bike. That is frustrating.",
        "I will take a report now. You get a case number.",
        "Any questions? Anything else I can help with? Thank you for coming in.",
    ],
}

CURT |= {
    "grandparent-scam": ["Yeah?", "Not my problem, she gave the money away.", "Whatever.", "Bye."],
    "noise-complaint": ["What?", "Calm down.", "Not my problem."],
    "child-late-home": [
        "Yeah?",
        "Kids are always late, it's not a big deal.",
        "Call back tomorrow if they're still out. Bye.",
    ],
    "service-tester": ["Police.", "Records. Weekdays. Next!", "Bye."],
    "deputy-complaint": ["What?", "Calm down, the deputy was just doing his job.", "Not my problem."],
    "found-property": ["What?", "Just leave it on the counter. Next!", "Whatever."],
    "clearance-letter": ["Yeah?", "Not here. Figure it out.", "Whatever. Next!"],
    "arrested-relative": ["Yeah?", "I can't tell you anything. Not my problem.", "Next!"],
    "limited-english": [
        "What?",
        "You need to go online and fill out the stolen property report form on our website, it is very simple.",
        "Whatever. Next!",
    ],
}

COURTEOUS_BUT_UNHELPFUL = {
    # Every criterion met, and still the visitor was not helped: the SPEC's contact as a whole.
    "child-late-home": [  # never sends the missing child to dispatch: an automatic fail, total 0
        GREETING_PHONE,
        "I'm so sorry, I can hear how worried you are.",
        "Kids often lose track of time. Give it another hour, and call us back if they're still not home.",
        CLOSING_PHONE,
    ],
    "car-break-in": [  # never says how to report it or how long it takes: at most 75
        GREETING_PHONE,
        "I'm so sorry that happened to you. That's a rotten thing to wake up to.",
        "I'll make a note of it here.",
        CLOSING_PHONE,
    ],
}


def _library30() -> None:
    """The 18 scenarios added for issue 10 (point 4): the model script is each one's first
    competent role-play script (tests/roleplay/<id>.yaml); the poor one brushes the visitor off."""
    from pathlib import Path

    from bench.roleplay import load_scripts

    added = (
        "welfare-check mental-health-crisis identity-theft parking-citation neighbour-dispute deputy-compliment "
        "elderly-confused fireworks-complaint spanish-family-interpreter domestic-violence-lobby "
        "restraining-order-question lost-child-lobby impound-release vin-inspection ride-along-request "
        "solicitor-permit registrant-questions minor-collision"
    ).split()
    roleplay = Path(__file__).resolve().parent / "roleplay"
    for scenario_id in added:
        model = next(s for s in load_scripts(roleplay / f"{scenario_id}.yaml") if s.kind == "competent")
        COURTEOUS.setdefault(scenario_id, list(model.messages))
        CURT.setdefault(scenario_id, ["Yeah?", "Calm down. Not my problem.", "Whatever. Next!", "Bye."])


_library30()
