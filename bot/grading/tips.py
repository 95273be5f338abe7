"""What to say to a trainee who missed a criterion: the moment in this call where it
belonged, and one natural line they could have said there.

A tip is built from the transcript (who said what at which turn) and, when the scenario
is known, its own example line; otherwise a plain desk-language line fits the visitor's
words ("worried" gets a different line from "towed").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.grading.contact import Contact
from bot.grading.detectors import MessageSignals
from bot.transcript import Turn

QUOTE_CHARS = 70
_STAGE = re.compile(r"\([^)]*\)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_FEAR = re.compile(r"\b(worried|scared|afraid|panic\w*|frantic|terrified|nervous|shaking|frightened|hurry)\b", re.I)
_ANGER = re.compile(r"\b(frustrat\w*|angry|furious|unbelievable|ridiculous|upset|fed up|sick of|third time)\b", re.I)
_TROUBLE = re.compile(
    r"\b(broke|broken|smashed|stole|stolen|towed|lost|missing|scam\w*|arrest\w*|hurt|awful|terrible|stress\w*|"
    r"late|loud|noise|rude|yelled|deadline|can't sleep|no idea|don't know)\b",
    re.I,
)
_THANKS = re.compile(r"\b(thank|thanks|appreciate)\b", re.I)


@dataclass(frozen=True)
class Said:
    """A trainee message: its 1-based turn in the transcript and the signals it shows."""

    turn: int
    signals: MessageSignals


def tip(
    criterion: str,
    turns: Sequence[Turn],
    said: Sequence[Said],
    contact: Contact,
    variant: str | None = None,
) -> str:
    """The tip for a missed criterion of this call."""
    moment = _MOMENTS[criterion](turns, said, contact, variant)
    return f"{moment} \u201c{_example(criterion, turns, contact)}\u201d"


# --- where it belonged --------------------------------------------------------------


def _greeting_moment(turns: Sequence[Turn], said: Sequence[Said], contact: Contact, variant: str | None) -> str:
    if not said:
        return f"You never answered the {contact.visitor}. Open with:"
    first = _quote_of(turns, said[0].turn)
    opened = f"Your first message (turn {said[0].turn}), {first},"
    late = next((s.turn for s in said[1:] if "greeting" in s.signals), None)
    if variant == "late" and late is not None:
        return (
            f"{opened} came before your proper greeting at turn {late}. The first words set the tone, so open with it:"
        )
    if variant == "no_identification":
        return f"{opened} greeted the {contact.visitor} but did not give your name or the station. Add them:"
    if variant == "not_courteous":
        return f"{opened} said who you are but did not greet the {contact.visitor}. Start warmer:"
    return f"{opened} neither greeted the {contact.visitor} nor gave your name and the station. Try:"


def _empathy_moment(turns: Sequence[Turn], said: Sequence[Said], contact: Contact, variant: str | None) -> str:
    found = _feeling_turn(turns)
    if found is None:
        return f"When the {contact.visitor} told you their problem, acknowledge it before fixing it:"
    turn, sentence = found
    return f"After the {contact.visitor} said \u201c{_short(sentence)}\u201d (turn {turn}), acknowledge it first:"


def _testing_moment(turns: Sequence[Turn], said: Sequence[Said], contact: Contact, variant: str | None) -> str:
    informative = set(contact.facts) | {"process_time", "contact_details"} | {i.name for i in contact.intents}
    explained = [s for s in said if informative & s.signals.names]
    if explained:
        turn = explained[-1].turn
        return f"Right after you explained things at turn {turn} ({_quote_of(turns, turn)}), check they followed:"
    goodbye = next((s for s in said[1:] if "farewell" in s.signals), None)
    if goodbye is not None:
        return (
            f"Before you said goodbye at turn {goodbye.turn} ({_quote_of(turns, goodbye.turn)}), check they followed:"
        )
    if len(said) > 1:
        return (
            f"Before your last message (turn {said[-1].turn}, {_quote_of(turns, said[-1].turn)}), check they followed:"
        )
    return "Once you have explained what happens next, check they followed:"


def _offer_moment(turns: Sequence[Turn], said: Sequence[Said], contact: Contact, variant: str | None) -> str:
    goodbye = next((s for s in said if "farewell" in s.signals), None)
    if goodbye is not None:
        return f"Before you said goodbye at turn {goodbye.turn} ({_quote_of(turns, goodbye.turn)}), ask:"
    if said:
        return f"Before you let them go (your last message was turn {said[-1].turn}), ask:"
    return "Before they go, ask:"


def _appreciation_moment(turns: Sequence[Turn], said: Sequence[Said], contact: Contact, variant: str | None) -> str:
    first, last = (said[0].turn, said[-1].turn) if said else (0, 0)
    thanked = next(
        (
            i
            for i, t in enumerate(turns, start=1)
            if first < i < last and t.role == "visitor" and _THANKS.search(t.text)
        ),
        None,
    )
    opening = " (thanks in your greeting count as greeting, not as thanks)" if said and _thanks_in(said[0]) else ""
    if thanked is not None:
        return f"When the {contact.visitor} thanked you at turn {thanked}, thank them back{opening}:"
    if len(said) > 1:
        return f"In your last message (turn {said[-1].turn}), thank them as you close{opening}:"
    return f"As you close, thank them{opening}:"


_MOMENTS = {
    "greeting": _greeting_moment,
    "empathy": _empathy_moment,
    "testing_questions": _testing_moment,
    "offer_more_help": _offer_moment,
    "appreciation": _appreciation_moment,
}


# --- what to say there ----------------------------------------------------------------


def _example(criterion: str, turns: Sequence[Turn], contact: Contact) -> str:
    if criterion in contact.examples:
        return contact.examples[criterion]
    if criterion == "greeting":
        if contact.channel == "lobby":
            return f"Good morning, welcome to {contact.station}. I'm Deputy [your name]. How can I help you?"
        return f"Good afternoon, {contact.station}, Deputy [your name] speaking. How can I help you?"
    if criterion == "empathy":
        visitor_words = " ".join(t.text for t in turns if t.role == "visitor")
        if _FEAR.search(visitor_words):
            return "I can hear how worried you are. Let's get you some help right now."
        if _ANGER.search(visitor_words):
            return "I'd be frustrated too. Let's get this sorted out for you."
        return "I'm sorry you're dealing with this. Let's see what we can do."
    if criterion == "testing_questions":
        return "Does that all make sense, or is there anything you'd like me to go over again?"
    if criterion == "offer_more_help":
        return "Is there anything else I can help you with today?"
    return "Thanks for coming in." if contact.channel == "lobby" else "Thanks for calling us, and take care."


# --- helpers ------------------------------------------------------------------------


def _feeling_turn(turns: Sequence[Turn]) -> tuple[int, str] | None:
    """The visitor's first sentence showing fear or anger, else their first one about the trouble."""
    for pattern in (_FEAR, _ANGER, _TROUBLE):
        for i, turn in enumerate(turns, start=1):
            if turn.role != "visitor":
                continue
            for sentence in _sentences(turn.text):
                if pattern.search(sentence):
                    return i, sentence
    first = next(((i, t) for i, t in enumerate(turns, start=1) if t.role == "visitor"), None)
    sentences = _sentences(first[1].text) if first else []
    if first is None or not sentences:
        return None
    return first[0], next((s for s in sentences if len(s.split()) >= 4), " ".join(sentences))  # not "Excuse me."


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(_STAGE.sub("", text)) if s.strip()]


def _thanks_in(said: Said) -> bool:
    return any(_THANKS.search(evidence) for evidence in said.signals.evidence.values())


def _quote_of(turns: Sequence[Turn], turn: int) -> str:
    return f"\u201c{_short(turns[turn - 1].text)}\u201d"


def _short(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
