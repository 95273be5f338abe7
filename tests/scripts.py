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
