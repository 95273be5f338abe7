"""What the trainee said happens next and how the visitor will hear back, found in its words for a read-back
("what's going to happen next?", "how will you hear from us?")."""

from __future__ import annotations

import re

from bot.practice.plans import in_my_words
from bot.practice.read_back import key_items
from bot.practice.said_once import content_words


def what_happens(sentences: list[str]) -> str:
    """What the desk said happens next, the latest said, in the visitor's words ("You're going to ask dispatch to
    send the mental health team out to the beach lot.")."""
    doing = [s for s in sentences[:6] if _WILL_DO.search(s)]
    if not doing:
        return ""
    sentence = max(doing, key=lambda s: len(content_words(s)))  # the plan, not "I'll stay on until they pick up"
    items = [i.rstrip(".") for i in key_items(sentence) or [in_my_words(sentence)]][:2]
    rest = [i[:1].lower() + i[1:] if i.startswith("You") else i for i in items[1:]]
    return ", and ".join([items[0], *rest]) + "."


_WILL_DO = re.compile(
    r"\b(?:I'm going to|I am going to|I'll|I will|we'll|we will|we're going to|they'll|they will|a deputy will|"
    r"(?:the|a|our) [\w -]{3,30} (?:will|is going to|is coming))\b",
    re.IGNORECASE,
)


def heard_back(sentences: list[str]) -> str:
    """How the visitor will hear back, as told ("they will call me back at (562) 555-0398 to let me know")."""
    for sentence in sentences:
        for item in key_items(sentence) or [in_my_words(sentence)]:
            if _CALLED_BACK.search(item):
                return item
    return ""


_CALLED_BACK = re.compile(
    r"\b(?:call|ring|phone|text|e-?mail) (?:me|you) back\b|\b(?:let|tell) (?:me|you) know\b|"
    r"\b(?:contact|reach|call|text|e-?mail) (?:me|you)\b|\bget back to (?:me|you)\b",
    re.IGNORECASE,
)
