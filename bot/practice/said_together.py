"""Several parts of what the trainee said, told back as one brief answer ("You said Tuesdays and Thursdays, and
it's $25. And I bring my photo ID."), each thing said once."""

from __future__ import annotations

import random
import re

from bot.practice.lines import Lines
from bot.practice.read_back import framed, read_back_frames
from bot.practice.shortening import in_short
from bot.practice.visitor import Visitor

_CASE = re.compile(r"(?:if|when|once|until|unless|next time)\b", re.IGNORECASE)


def together(said: list[tuple[str, str]], visitor: Visitor, lines: Lines) -> str:
    """The parts told back as one brief answer, in order: values side by side in one of the visitor's read-back
    lines ("You said Tuesdays and Thursdays, and it's $25."), the rest each after "And"."""
    register = lines.scenario.persona_register
    rng = random.Random(f"{visitor.seed}:{visitor.turn}:parts")
    said = [(kind, _less_said_elsewhere(text, _others(said, i))) for i, (kind, text) in enumerate(said)]
    said = [
        (k, t) for i, (k, t) in enumerate(said) if not any(t.rstrip(".").lower() in o.lower() for o in _others(said, i))
    ]  # "The form SR-1." is said with "I'll send the form SR-1 to DMV"
    pieces: list[str] = []
    values: list[str] = []
    for kind, text in [*said, ("end", "")]:
        if kind == "value":
            values.append(lines.decap(text) if values else text)  # "Mondays, and five working days"
            continue
        if values:
            joined_ = ", and ".join(values)
            line = framed(rng.choice(read_back_frames(register, visitor)), joined_)
            pieces.append(f"And {joined_}." if pieces else line[:1].upper() + line[1:])
            values = []
        if text:
            text = in_short(text.rstrip(".;:, ")) + "." if kind == "item" else text  # "I call the inmate line, ..."
            pieces.append(f"And {lines.decap(text)}" if pieces and kind == "item" else text[:1].upper() + text[1:])
    return " ".join(pieces)


def _others(said: list[tuple[str, str]], at: int) -> list[str]:
    return [text for i, (_, text) in enumerate(said) if i != at]


def _less_said_elsewhere(values: str, others: list[str]) -> str:
    """Values side by side less one another part says with its thing ("a quarter of an hour, within two business
    days" with "I get a report number by email within two business days": the quarter of an hour only)."""
    if _CASE.match(values):
        return values  # "If they start up again, I call dispatch ...": the case stays with its step
    kept = [v for v in values.split(", ") if not any(v.strip(" .") in other for other in others)]
    return ", ".join(kept) if kept else values
