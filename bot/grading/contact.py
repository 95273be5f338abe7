"""The contact as a whole: what a scenario asks of the trainee, whether it was given, the total.

The five criteria say how courteous the trainee was; `Contact` says what this scenario
adds (the resolution facts, the automatic fails, criteria that do not apply) and
`contact_total` turns verdicts into the 0..100 total of the SPEC, with no hidden
partial credit. The same function re-totals stored attempts and overrides.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from bot.grading.auto_fail import AutoFail
from bot.grading.detectors import IntentMatcher

CRITERIA_POINTS_WITH_SCENARIO = 75
FACTS_POINTS = 25

BUILTIN_FACT_DESCRIPTIONS: Mapping[str, str] = MappingProxyType(
    {
        "process_time": "says how long it takes",
        "contact_details": "gives a direct phone number or e-mail",
        "invitation_to_return": "invites them to come back or call again",
        "clarifying_question": "asks what happened",
    }
)


@dataclass(frozen=True)
class Contact:
    """What the grader knows of a scenario; every field has a harmless default."""

    intents: tuple[IntentMatcher, ...] = ()
    station: str = "[your station]"
    auto_fail: tuple[AutoFail, ...] = ()
    facts: tuple[str, ...] = ()
    """The resolution facts: signal or intent names the trainee must give, in any turn."""
    fact_descriptions: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    not_applicable: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Criterion -> why it does not apply in this scenario."""
    examples: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Criterion -> a line in this scenario's words, for the tip of a missed criterion."""
    channel: str = "phone"
    known: bool = False
    """True when this is a scenario's contact: then `addressed` and `auto_fail` are reported."""

    @property
    def visitor(self) -> str:
        """What the tips call the other person: "caller" on the phone, "visitor" at the counter."""
        return "caller" if self.channel == "phone" else "visitor"

    def describe(self, fact: str) -> str:
        return self.fact_descriptions.get(fact) or BUILTIN_FACT_DESCRIPTIONS.get(fact, fact.replace("_", " "))


def contact_total(met: Mapping[str, bool | None], facts: Mapping[str, object] | None, auto_failed: bool) -> int:
    """The SPEC's total from verdicts only.

    `met` maps each criterion to its verdict (None: not applicable, left out);
    `facts` maps each resolution fact to its evidence (None: not given), or is None
    when the scenario is unknown. Any automatic fail makes the total 0.
    """
    if auto_failed:
        return 0
    applicable = [m for m in met.values() if m is not None]
    share = sum(1 for m in applicable if m) / len(applicable) if applicable else 1.0
    if not facts:
        return round(100 * share)
    given = sum(1 for evidence in facts.values() if evidence is not None) / len(facts)
    return round(CRITERIA_POINTS_WITH_SCENARIO * share + FACTS_POINTS * given)
