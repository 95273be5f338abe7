"""`resolution.facts` as a mapping: what makes each fact right, read from a scenario file.

    resolution:
      facts:
        tow_yard:
          partly: [["tow* | impound*", "yard | lot"]]      # "the tow yard", with no name
          right: the car is at {tow_yard_name}, {tow_yard_address}
          wrong: ["We don't handle tows, call the city."]  # counter-examples: never given
        tow_yard_number:
          values: ["{tow_yard_phone}"]

Keys (all optional): `now` (the agency must do it now: a referral, a condition, a later
promise or a question is wrong), `may_refer` (with `now`: sending them straight to the fact's own
number also gives it), `about` / `against` / `partly` (ways of saying, as in an
intent's `means`), `items` (label: ways of saying each item of a list), `values` (the right
phone numbers, days, hours, fees, deadlines, ages, addresses: texts with agency
placeholders), `right` (what is right, in plain words) and `wrong` (realistic wrong answers
that must never count as given; `deskdrill scenarios check` fails when one does).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from bot.grading.clauses import read
from bot.grading.detectors import shows
from bot.grading.facts import GIVEN, WRONG, Context, FactRule, Service, fact_statuses
from bot.grading.quantities import Value, email_value, values_in
from bot.grading.text import normalise
from bot.scenarios.intents import MeaningIntent, parse_slot
from bot.transcript import Turn

RULE_KEYS = {"now", "may_refer", "about", "against", "partly", "items", "values", "right", "wrong"}


class _Reports(Protocol):
    """The scenario parser's problem and warning lists (bot.scenarios.format._Parser)."""

    def problem(self, path: tuple, message: str, state: str | None = None, line: int | None = None) -> None: ...
    def warn(self, path: tuple, message: str, state: str | None = None) -> None: ...
    def fill(self, text: str, path: tuple, state: str | None, pools: bool = True) -> str: ...


class BuiltinSignal:
    """A built-in signal (process_time, contact_details) as a fact's way of saying it.

    Asked of every clause of every message, it checks the one signal (`shows`): detecting the whole
    sentence again would repeat the work `detect` did on the message."""

    def __init__(self, name: str) -> None:
        self.name = name

    def matches(self, norm: str, negation: bool = True) -> bool:
        return shows(norm, self.name)

    def matches_sentence(self, sentence: str) -> bool:
        return shows(sentence, self.name)


SERVICE_FIELDS = ("_name", "_phone", "_hours", "_fee", "_address", "_location", "_email", "_time", "_days")
"""agency.yaml keys that describe a service: `tow_yard_hours` is the hours of the "tow yard"."""


def agency_context(agency: Mapping[str, str]) -> Context:
    """Every value agency.yaml states, its e-mail domains, and its services with their values."""
    known: list[Value] = []
    domains = set()
    for text in agency.values():
        if "@" in text:
            email = email_value(normalise(text))
            domains.add(email.words)
            known.append(email)
        else:
            known += values_in(normalise(text))
    return Context(tuple(known), frozenset(domains), _services(agency))


def _services(agency: Mapping[str, str]) -> tuple[Service, ...]:
    """ "tow_yard_name", "tow_yard_hours"...: the tow yard, named "tow yard" or by its name, with its hours."""
    groups: dict[str, dict[str, str]] = {}
    for key, text in agency.items():
        field = next((f for f in SERVICE_FIELDS if key.endswith(f)), None)
        if field is not None:
            groups.setdefault(key.removesuffix(field), {})[field] = text
    services = []
    for prefix, fields in groups.items():
        values = tuple(
            v for f, text in fields.items() if f != "_name" and "@" not in text for v in values_in(normalise(text))
        )
        names = {normalise(prefix.replace("_", " "))} | ({normalise(fields["_name"])} if "_name" in fields else set())
        names |= _named_by(prefix, groups)
        if values and len(prefix) > 2:
            said = ", ".join(f"{f.strip('_')} {t}" for f, t in fields.items() if f != "_name")
            services.append(
                Service(tuple(sorted(names)), values, f"{fields.get('_name', prefix.replace('_', ' '))}: {said}")
            )
    return tuple(services)


def _named_by(prefix: str, groups: Mapping[str, Mapping[str, str]]) -> set[str]:
    """The names of the service a part of belongs to: `jail_info_phone` is the jail's line, named "jail" or
    by `jail_name` ("the jail's inmate information line. Their number is ...")."""
    found: set[str] = set()
    for other, fields in groups.items():
        if other != prefix and prefix.startswith(f"{other}_") and "_name" in fields:
            found |= {normalise(other.replace("_", " ")), normalise(fields["_name"])}
    return found


def says_it(intent: MeaningIntent, text: str) -> bool:
    """Does a clause of `text` say it affirmatively (not negated, a question or a condition)?"""
    return any(intent.matches(c.norm) and not (c.says_no or c.question or c.conditional or c.later) for c in read(text))


class FactRuleParser:
    def __init__(self, parser: _Reports, intents: Mapping[str, MeaningIntent], context: Context) -> None:
        self.parser, self.intents, self.context = parser, intents, context

    def rules(self, raw: Any, names: tuple[str, ...]) -> tuple[FactRule, ...]:
        specs = raw if isinstance(raw, dict) else {}
        rules = []
        for name in names:
            says = self.intents.get(name) or BuiltinSignal(name)
            spec = specs.get(name) or {}
            path = ("resolution", "facts", name)
            if not isinstance(spec, dict):
                self.parser.problem(path, f"fact '{name}': its rule must be a mapping ({', '.join(sorted(RULE_KEYS))})")
                spec = {}
            rules.append(self.rule(name, says, spec, path))
        rules = tuple(rules)
        for rule, name in zip(rules, names, strict=True):
            self.check_wrong(rule, specs.get(name) or {}, ("resolution", "facts", name), rules)
        return rules

    def rule(self, name: str, says: Any, spec: dict, path: tuple) -> FactRule:
        for key in spec:
            if key not in RULE_KEYS:
                self.parser.problem(
                    path + (key,), f"unknown key '{key}' (expected one of: {', '.join(sorted(RULE_KEYS))})"
                )
        now, may_refer = spec.get("now", False), spec.get("may_refer", False)
        for key, flag in (("now", now), ("may_refer", may_refer)):
            if not isinstance(flag, bool):
                self.parser.problem(path + (key,), f"fact '{name}': '{key}' must be true or false")
        items = spec.get("items") or {}
        if not isinstance(items, dict):
            self.parser.problem(
                path + ("items",), f"fact '{name}': 'items' maps each item's label to ways of saying it"
            )
            items = {}
        return FactRule(
            name=name,
            says=says,
            now=now is True,
            may_refer=may_refer is True,
            about=self.ways(f"{name}.about", spec.get("about"), path + ("about",)),
            against=self.ways(f"{name}.against", spec.get("against"), path + ("against",)),
            partly=self.ways(f"{name}.partly", spec.get("partly"), path + ("partly",)),
            items=tuple(
                (str(label), m)
                for label, ways in items.items()
                if (m := self.ways(str(label), ways, path + ("items",)))
            ),
            values=self.values(name, spec.get("values"), path + ("values",)),
            right=" ".join(self.parser.fill(str(spec.get("right", "")), path + ("right",), None, pools=False).split()),
            counter_examples=tuple(
                self.parser.fill(w, path + ("wrong",), None, pools=False)
                for w in (spec.get("wrong") or [])
                if isinstance(w, str)
            ),
        )

    def ways(self, name: str, raw: Any, path: tuple) -> MeaningIntent | None:
        """Ways of saying it, as in an intent's `means`: a list of slot lists (or of single slots)."""
        if raw is None:
            return None
        raw = [raw] if isinstance(raw, str) else raw
        if not isinstance(raw, list):
            self.parser.problem(path, "a list of ways of saying it: [[take | file, complaint], ...]")
            return None
        means = []
        for way in raw:
            way = [way] if isinstance(way, str) else way
            if not isinstance(way, list) or not way or not all(isinstance(x, str) and x.strip() for x in way):
                self.parser.problem(path, "a way of saying it is a list of slots: [take | file, complaint]")
                continue
            try:
                means.append(tuple(parse_slot(self.parser.fill(x, path, None, pools=False), normalise) for x in way))
            except ValueError as exc:
                self.parser.problem(path, str(exc))
        return MeaningIntent(name, means=tuple(means)) if means else None

    def values(self, name: str, raw: Any, path: tuple) -> tuple[Value, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list) or not all(isinstance(v, str | int) for v in raw):
            self.parser.problem(path, f"fact '{name}': 'values' is a list of the right values (texts)")
            return ()
        found: list[Value] = []
        for text in raw:
            filled = self.parser.fill(str(text), path, None, pools=False)
            read_values = [email_value(normalise(filled))] if "@" in filled else list(values_in(normalise(filled)))
            if not read_values:
                self.parser.problem(path, f"fact '{name}': no value (number, days, hours, fee...) in {filled!r}")
            found += read_values
        return tuple(found)

    def check_wrong(self, rule: FactRule, spec: dict, path: tuple, rules: tuple[FactRule, ...]) -> None:
        """Each counter-example must not count as given; one not seen as wrong at all is a warning."""
        raw = spec.get("wrong", [])
        if not isinstance(raw, list) or not all(isinstance(w, str) and w.strip() for w in raw):
            self.parser.problem(path + ("wrong",), f"fact '{rule.name}': 'wrong' is a list of wrong answers (texts)")
            return
        for text in raw:
            said = self.parser.fill(text, path + ("wrong",), None, pools=False)
            status = fact_statuses([Turn("trainee", said)], rules, self.context)[rule.name].status
            if status == GIVEN:
                self.parser.problem(path + ("wrong",), f"fact '{rule.name}' counts its wrong answer {text!r} as given")
            elif status != WRONG:
                self.parser.warn(path + ("wrong",), f"fact '{rule.name}' reads its wrong answer {text!r} as {status}")
