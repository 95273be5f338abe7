"""Automatic fails a scenario can declare: a moment the trainee must not let pass.

For example, a caller who reveals a child is missing (the trigger, in the visitor's
words) must be sent to 911 or dispatch (the required signal) in a later trainee
message. The grader reports a missed one as an extra; the five verdicts are unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.grading.detectors import IntentMatcher, detect
from bot.grading.text import normalise
from bot.transcript import Turn


@dataclass(frozen=True)
class AutoFail:
    id: str
    reason: str
    trigger: tuple[str, ...]
    """Normalised phrases; the first visitor turn holding one starts the check."""
    required: tuple[str, ...]
    """Signal or intent names; any one of them in a later trainee turn passes it."""

    def triggered_at(self, turns: Sequence[Turn]) -> int | None:
        for i, turn in enumerate(turns, start=1):
            padded = f" {normalise(turn.text)} "
            if turn.role == "visitor" and any(f" {p} " in padded for p in self.trigger):
                return i
        return None


def check_auto_fails(
    turns: Sequence[Turn], rules: Sequence[AutoFail], intents: tuple[IntentMatcher, ...]
) -> list[dict[str, object]]:
    """The rules the transcript fails: triggered, and never answered with a required signal."""
    failed = []
    for rule in rules:
        start = rule.triggered_at(turns)
        if start is None:
            continue
        later = (detect(t.text, intents).names for t in turns[start:] if t.role == "trainee")
        if not any(set(rule.required) & names for names in later):
            failed.append({"id": rule.id, "reason": rule.reason, "turn": start})
    return failed
