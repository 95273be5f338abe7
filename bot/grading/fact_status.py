"""A fact's status from the events its clauses make: given, partly, wrong or missing, and the wrong information
of a call. Kept apart from bot.grading.facts, which reads the trainee's clauses into events; this module only
weighs the events (the last value said decides, a list by its items) and lists what was wrong.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.grading.services import false_about_services
from bot.transcript import Turn

if TYPE_CHECKING:
    from bot.grading.facts import Context, FactRule

GIVEN, PARTLY, WRONG, MISSING = "given", "partly", "wrong", "missing"
STATUSES = (GIVEN, PARTLY, WRONG, MISSING)


@dataclass(frozen=True)
class Event:
    status: str
    turn: int
    position: int
    evidence: str
    why: str
    hard: bool = False
    """A stated value: the last one said decides."""
    corrected: bool = False
    """Said in a sentence that corrects itself: its last value counts, not any wrong one in it."""
    kinds: frozenset[str] = frozenset()
    """The kinds of value it states: the last value said of each kind decides (a later fee leaves a wrong age)."""


@dataclass(frozen=True)
class FactStatus:
    status: str
    evidence: str | None = None
    turn: int | None = None
    right: str | None = None
    why: str | None = None
    missing_items: tuple[str, ...] = ()
    wrong: tuple[Event, ...] = ()
    """The statements that made it wrong, for `wrong_information`."""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"status": self.status, "evidence": self.evidence, "turn": self.turn}
        if self.status in (WRONG, PARTLY) and self.right:
            data["right"] = self.right
        if self.missing_items:
            data["missing"] = list(self.missing_items)
        if self.why:
            data["why"] = self.why
        return data


def status_of(rule: FactRule, events: list[Event], spoken) -> FactStatus:
    """The fact's status from its events (see bot.grading.facts): a stated value decides by the last one said;
    else given, then a list's items, then partly, then wrong; else missing."""
    wrong_said = _last_values_wrong([e for e in events if e.hard])
    if wrong_said is not None:
        return FactStatus(WRONG, wrong_said.evidence, wrong_said.turn, rule.right, wrong_said.why, wrong=(wrong_said,))
    given = next((e for e in events if e.status == GIVEN), None)
    if rule.items:
        return _items_status(rule, events, spoken, given)
    if given is not None:
        return FactStatus(GIVEN, given.evidence, given.turn, why=given.why)
    partly = next((e for e in events if e.status == PARTLY), None)
    if partly is not None:
        return FactStatus(PARTLY, partly.evidence, partly.turn, rule.right, partly.why)
    wrong = tuple(e for e in events if e.status == WRONG)
    if wrong:
        return FactStatus(WRONG, wrong[-1].evidence, wrong[-1].turn, rule.right, wrong[-1].why, wrong=wrong)
    return FactStatus(MISSING)


def _last_values_wrong(hard: list[Event]) -> Event | None:
    """The statement that leaves a value wrong: for each kind of value (and for plain statements), the last
    sentence that said one decides, all its values together unless it corrects itself. Of several kinds left
    wrong, the latest statement is quoted (kinds in a fixed order, so the same call always quotes the same)."""
    wrongs = []
    for kind in sorted({k for e in hard for k in (e.kinds or {""})}):
        of_kind = [e for e in hard if kind in (e.kinds or {""})]
        last = [e for e in of_kind if (e.turn, e.evidence) == (of_kind[-1].turn, of_kind[-1].evidence)]
        if last[-1].corrected:
            last = last[-1:]
        wrongs += [e for e in last if e.status == WRONG][:1]
    return max(wrongs, key=lambda e: e.turn, default=None)


def _items_status(rule: FactRule, events: list[Event], spoken, given: Event | None) -> FactStatus:
    """A list: every item said (in any turn, not as a question or a refusal) is given; some is partly."""
    said: dict[str, tuple[int, str]] = {}
    for turn, clause, *_ in spoken:
        if clause.question or clause.says_no:
            continue
        for label, matcher in rule.items:
            if label not in said and matcher.matches(clause.norm):
                said[label] = (turn, clause.sentence)
    missing = tuple(label for label, _ in rule.items if label not in said)
    if said and not missing:
        turn, evidence = max(said.values())
        return FactStatus(GIVEN, evidence, turn, why="every item")
    if said or given is not None:
        turn, evidence = min(said.values()) if said else (given.turn, given.evidence)
        return FactStatus(PARTLY, evidence, turn, rule.right, "some items", missing)
    wrong = tuple(e for e in events if e.status == WRONG)
    if wrong:
        return FactStatus(WRONG, wrong[-1].evidence, wrong[-1].turn, rule.right, wrong[-1].why, wrong=wrong)
    return FactStatus(MISSING)


def wrong_information(
    statuses: Mapping[str, FactStatus], turns: Sequence[Turn] = (), context: Context | None = None
) -> list[dict[str, Any]]:
    """Every statement that made a fact wrong, and every other false value said of one of the agency's
    services ("They're open 24/7" of a tow yard open 7 to 6): the words, the turn and what is right."""
    found = list(
        {
            (name, e.turn, e.evidence): {"fact": name, "said": e.evidence, "turn": e.turn, "right": s.right}
            for name, s in statuses.items()
            if s.status == WRONG
            for e in s.wrong
        }.values()
    )  # one entry a fact and sentence: two clauses of one sentence are one thing said
    counted = {(w["turn"], w["said"]) for w in found}
    if context is not None and context.services:
        for w in false_about_services(turns, context.services):
            if (w["turn"], w["said"]) not in counted:
                found.append(w)
                counted.add((w["turn"], w["said"]))
    return found
