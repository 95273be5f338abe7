"""Automatic fails a scenario can declare: a moment the trainee must not let pass.

For example, a caller who reveals a child is missing (the trigger, in the visitor's
words) must be sent to 911 or dispatch (the required signal) in a later trainee
message. The grader reports a missed one under `auto_fail`, with the visitor's words that
triggered it; the five verdicts are unchanged, but the total is 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.grading.detectors import IntentMatcher, detect
from bot.grading.text import normalise, split_sentences
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
            if turn.role == "visitor" and self._triggers(normalise(turn.text)):
                return i
        return None

    def trigger_words(self, text: str) -> str:
        """The sentence of a visitor line that triggered the rule (the whole line if none alone does)."""
        return next((s.original for s in split_sentences(text) if self._triggers(s.norm)), text)

    def _triggers(self, norm: str) -> bool:
        padded = f" {norm} "
        return any(f" {p} " in padded for p in self.trigger)


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
            evidence = rule.trigger_words(turns[start - 1].text)
            failed.append({"id": rule.id, "reason": rule.reason, "turn": start, "evidence": evidence})
    return failed
