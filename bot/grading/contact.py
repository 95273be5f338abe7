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
from bot.grading.facts import Context, FactRule

CRITERIA_POINTS_WITH_SCENARIO = 75
FACTS_POINTS = 25
WRONG_INFORMATION_CAP = 50
"""Any wrong information caps the total here: a courteous call that misinforms does not pass."""
FACT_CREDIT = {"given": 1.0, "partly": 0.5, "wrong": 0.0, "missing": 0.0}

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
    rules: tuple[FactRule, ...] = ()
    """What makes each resolution fact right (one per fact, in the order of `facts`)."""
    actions: Mapping[str, FactRule] = field(default_factory=lambda: MappingProxyType({}))
    """The automatic fails' required actions, each as a fact that must be done now, by the agency."""
    context: Context = field(default_factory=Context)
    channel: str = "phone"
    call_time: str | None = None
    """When the call is, if the scenario says ("morning", "afternoon", "evening", "night": `tips.call_time` of
    its brief): the greeting a tip suggests fits it. None: the call's own words decide, else a time-neutral one."""
    known: bool = False
    """True when this is a scenario's contact: then `addressed` and `auto_fail` are reported."""
    serious: bool = False
    """The scenario is grave (hard or an emergency, or the visitor starts upset): a tip never plays it down ("this part
    is simple"). A scenario with automatic fails is grave whatever this says (`grave`)."""

    @property
    def grave(self) -> bool:
        return self.serious or bool(self.auto_fail)

    @property
    def visitor(self) -> str:
        """What the tips call the other person: "caller" on the phone, "visitor" at the counter."""
        return "caller" if self.channel == "phone" else "visitor"

    def action(self, name: str) -> FactRule | None:
        """An automatic fail's required action as a fact that must be done now, by the agency."""
        if name in self.actions:
            return self.actions[name]
        intent = next((i for i in self.intents if i.name == name), None)
        return FactRule(name, _Strict(intent), now=True) if intent is not None else None

    def describe(self, fact: str) -> str:
        return self.fact_descriptions.get(fact) or BUILTIN_FACT_DESCRIPTIONS.get(fact, fact.replace("_", " "))


def contact_total(
    met: Mapping[str, bool | None], facts: Mapping[str, object] | None, auto_failed: bool, misinformed: bool = False
) -> int:
    """The SPEC's total from verdicts only.

    `met` maps each criterion to its verdict (None: not applicable, left out);
    `facts` maps each resolution fact to its status (`{"status": ...}`; older attempts
    stored the evidence, or None when not given), or is None when the scenario is
    unknown. Any automatic fail makes the total 0; any wrong fact, or other wrong information
    (`misinformed`), caps it at 50.
    """
    if auto_failed:
        return 0
    applicable = [m for m in met.values() if m is not None]
    share = sum(1 for m in applicable if m) / len(applicable) if applicable else 1.0
    if not facts:
        return round(100 * share)
    statuses = [fact_status(f) for f in facts.values()]
    given = sum(FACT_CREDIT[s] for s in statuses) / len(statuses)
    total = round(CRITERIA_POINTS_WITH_SCENARIO * share + FACTS_POINTS * given)
    return min(total, WRONG_INFORMATION_CAP) if "wrong" in statuses or misinformed else total


def fact_status(stored: object) -> str:
    """A stored fact's status: its "status", or (older attempts) given when it has evidence."""
    if isinstance(stored, Mapping) and stored.get("status") in FACT_CREDIT:
        return str(stored["status"])
    return "missing" if stored is None else "given"


@dataclass(frozen=True)
class _Strict:
    """A phrase-only intent as a fact's matcher: a negated phrase is still about the fact."""

    intent: IntentMatcher

    @property
    def name(self) -> str:
        return self.intent.name

    def matches(self, norm: str, negation: bool = True) -> bool:
        return self.intent.matches(norm)
