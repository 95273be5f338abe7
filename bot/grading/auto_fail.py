"""Automatic fails a scenario can declare: a moment the trainee must not let pass.

For example, a caller who reveals a child is missing (the trigger, in the visitor's
words) must be sent to 911 or dispatch (the required signal) in a later trainee
message. The grader reports a missed one under `auto_fail`, with the visitor's words that
triggered it; the five verdicts are unchanged, but the total is 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.grading.facts import given_after
from bot.grading.text import normalise, split_sentences
from bot.transcript import Turn

if TYPE_CHECKING:
    from bot.grading.contact import Contact


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


def check_auto_fails(turns: Sequence[Turn], contact: Contact) -> list[dict[str, object]]:
    """The rules the transcript fails: triggered, and the required action never really taken after it.

    Only the real action clears one: done or committed now, by the agency (`given_after`
    over the action as a fact that must happen now); a referral elsewhere, a condition,
    a later promise, a question or a refusal does not, whatever words it uses."""
    failed = []
    for rule in contact.auto_fail:
        start = rule.triggered_at(turns)
        if start is None:
            continue
        actions = [a for name in rule.required if (a := contact.action(name)) is not None]
        if not any(given_after(turns, start, action, contact.context) for action in actions):
            evidence = rule.trigger_words(turns[start - 1].text)
            failed.append({"id": rule.id, "reason": rule.reason, "turn": start, "evidence": evidence})
    return failed
