"""What to say to a trainee who missed a criterion: short, concrete, with an example."""

from __future__ import annotations

TIPS: dict[str, str] = {
    "greeting": (
        "Open with a courteous greeting that says who you are and where they have reached: "
        '"Good afternoon, {station}, Deputy [your name] speaking. How can I help you?"'
    ),
    "empathy": (
        "Acknowledge how the person feels before you fix the problem: "
        '"I\'m sorry that happened to you" or "That sounds really frustrating."'
    ),
    "testing_questions": (
        "Check they understood before you close: "
        '"Do you have any questions I can answer for you?" or "Does that make sense?"'
    ),
    "offer_more_help": ('End every contact by offering more help: "Is there anything else I can help you with?"'),
    "appreciation": (
        "Thank them at the end of the contact, not only in the opening: "
        '"Thank you for calling us" or "Thanks for coming in."'
    ),
}

GREETING_TIPS: dict[str, str] = {
    "no_identification": (
        "You greeted them courteously but did not say who you are: add your title, name and "
        'the station, e.g. "Good morning, {station}, Deputy [your name] speaking."'
    ),
    "not_courteous": (
        'You said where they reached but did not greet them: start with "Good morning" or '
        '"Thank you for calling" and end with "How can I help you?"'
    ),
    "late": ("Your proper greeting came after your first message: the first words set the tone, so open with it."),
}


def tip(criterion: str, station: str, variant: str | None = None) -> str:
    """The tip for a missed criterion, with the station's name filled in."""
    text = GREETING_TIPS[variant] if variant else TIPS[criterion]
    return text.format(station=station)
