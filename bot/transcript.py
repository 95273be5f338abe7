"""The values every layer shares: a conversation as an ordered list of turns, a user, the criteria.

They live at the bottom so the grader, the store, the rules and both edges can all use them
without importing one another (see tests/test_architecture.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["visitor", "trainee"]
MAX_MESSAGE_CHARS = 4096
"""Telegram's limit for one message; longer trainee messages are cut to it."""


@dataclass(frozen=True)
class Turn:
    role: Role
    text: str

    def to_json(self) -> dict[str, str]:
        return {"role": self.role, "text": self.text}


def turns_from_json(raw: object) -> list[Turn]:
    """Parse the SPEC's `turns` list, raising ValueError with a reason a person can act on."""
    if not isinstance(raw, list):
        raise ValueError("'turns' must be a list of {role, text} objects")
    turns = []
    for i, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise ValueError(f"turn {i} is not an object")
        role, text = item.get("role"), item.get("text")
        if role not in ("visitor", "trainee"):
            raise ValueError(f"turn {i}: role must be 'visitor' or 'trainee', not {role!r}")
        if not isinstance(text, str):
            raise ValueError(f"turn {i}: text must be a string")
        turns.append(Turn(role, text))
    return turns


def clean_message(text: str) -> tuple[str | None, str | None]:
    """The message as it will be used, and a notice for the trainee when it was changed.

    An empty message is ignored (None); one over Telegram's 4,096 characters is cut.
    """
    stripped = text.strip()
    if not stripped:
        return None, "Empty message ignored: type what you would say to the visitor."
    if len(stripped) > MAX_MESSAGE_CHARS:
        return stripped[:MAX_MESSAGE_CHARS], (
            f"Your message was {len(stripped):,} characters; only the first {MAX_MESSAGE_CHARS:,} were kept."
        )
    return stripped, None


@dataclass(frozen=True)
class User:
    """A person as an edge sees them: Telegram id, private chat, first name, @username."""

    id: int
    chat_id: int
    first_name: str
    username: str | None = None


CRITERIA: tuple[str, ...] = (
    "greeting",
    "empathy",
    "testing_questions",
    "offer_more_help",
    "appreciation",
)
"""The five graded criteria, in the order of a call (the grader, the store and every screen share them)."""

LABELS: dict[str, str] = {
    "greeting": "Greeting",
    "empathy": "Empathy",
    "testing_questions": "Testing questions",
    "offer_more_help": "Offer more help",
    "appreciation": "Appreciation",
}
"""Each criterion as a person reads it."""
