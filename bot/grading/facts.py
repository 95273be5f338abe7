"""Whether the person was told the right thing: each resolution fact's status, with its evidence.

A scenario fact (scenarios/*.yaml, an intent named in `resolution.facts`) says what
makes it right: the way of saying it (`says`), what speaking to it looks like, right or
wrong (`about`), the opposite of what is needed (`against`), part of it (`partly`), the
items of a list, its right values (phone numbers, days, hours, fees, deadlines...), and
whether the agency must do it now (`now`). Every clause of the trainee's turns that
speaks to the fact becomes an event (given, partly or wrong, with the words and the
turn); the status follows from the events:

- a stated value decides by the last value said (a later correction counts, either way);
- otherwise anything given wins; then all the items of a list, some of them (partly);
  then a refusal, a question only, a condition, a later promise or somewhere else
  instead of the action (wrong); else missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import Any, Protocol

from bot.grading.clauses import WORDS, Clause, after_correction, read
from bot.grading.fact_values import asked_about, is_right, known, only_fact_of, owner_named, topical, values_of
from bot.grading.quantities import Value
from bot.grading.services import Service, false_about_services, refers_back, services_named
from bot.transcript import Turn

GIVEN, PARTLY, WRONG, MISSING = "given", "partly", "wrong", "missing"
STATUSES = (GIVEN, PARTLY, WRONG, MISSING)


class Matcher(Protocol):
    """An intent of the scenario (bot.scenarios.intents.MeaningIntent)."""

    name: str

    def matches(self, norm: str, negation: bool = True) -> bool: ...


@dataclass(frozen=True, eq=False)
class FactRule:
    """What makes one resolution fact right (see the module docstring)."""

    name: str
    says: Matcher
    now: bool = False
    about: Matcher | None = None
    against: Matcher | None = None
    partly: Matcher | None = None
    items: tuple[tuple[str, Matcher], ...] = ()
    values: tuple[Value, ...] = ()
    right: str = ""
    """What is right, in plain words, for the scorecard ("the DMV deadline is 10 days")."""
    counter_examples: tuple[str, ...] = ()
    """Realistic wrong answers that must never count as given (checked when the scenario loads)."""

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(v.kind for v in self.values)

    def speaks_to(self, norm: str, sentence: str = "") -> bool:
        return _speaks_to(self, norm, sentence)

    def said(self, norm: str, sentence: str = "", negation: bool = True) -> bool:
        """The way of saying it; a built-in signal (a phone number, an e-mail) reads the sentence as written."""
        whole = getattr(self.says, "matches_sentence", None)
        if whole is not None and sentence:
            return whole(sentence)
        return self.says.matches(norm, negation=negation)


@lru_cache(maxsize=65536)
def _speaks_to(rule: FactRule, norm: str, sentence: str) -> bool:
    """Does the clause speak to the fact, right or wrong? (cached: every fact asks of every clause)"""
    return rule.said(norm, sentence, negation=False) or any(
        m is not None and m.matches(norm, negation=False) for m in (rule.about, rule.partly)
    )


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


@dataclass(frozen=True)
class Context:
    """What the evaluation needs beyond one fact: the agency's known values and services."""

    known: tuple[Value, ...] = ()
    """Every value in agency.yaml: a right value of another service is not "wrong" unless said for this one."""
    email_domains: frozenset[str] = frozenset()
    services: tuple[Service, ...] = ()


def fact_statuses(turns: Sequence[Turn], rules: Sequence[FactRule], context: Context) -> dict[str, FactStatus]:
    """Each fact's status over the trainee's turns."""
    spoken = _referred(list(_trainee_clauses(turns)), rules, context)
    return {rule.name: _status(rule, _events(rule, spoken, rules, context), spoken) for rule in rules}


def given_after(turns: Sequence[Turn], start: int, rule: FactRule, context: Context) -> bool:
    """Was the fact given (really: done or committed now, for an action) in a turn after `start`?"""
    spoken = [s for s in _referred(list(_trainee_clauses(turns)), (rule,), context) if s[0] > start]
    return _status(rule, _events(rule, spoken, (rule,), context), spoken).status == GIVEN


OPENING_SENTENCES = 3
"""A reply's first sentences answer the visitor's question ("Good afternoon, Harbor Station. No, ...")."""


def _trainee_clauses(turns: Sequence[Turn]):
    """(turn, clause, the visitor's words just before, in the reply's opening?, the clause and the next) per clause."""
    before, party = "", ""
    for i, turn in enumerate(turns, start=1):
        if turn.role != "trainee":
            before = turn.text
            continue
        clauses, party = _someone_resolved(read(turn.text), party)
        opening = list(dict.fromkeys(c.sentence for c in clauses))[:OPENING_SENTENCES]
        for k, clause in enumerate(clauses):
            after = clauses[k + 1] if k + 1 < len(clauses) and clauses[k + 1].sentence == clause.sentence else None
            pair = f"{clause.norm} {after.norm}" if after else clause.norm
            yield i, clause, before, clause.sentence in opening, pair


def _referred(spoken: list[tuple], rules: Sequence[FactRule], context: Context) -> list[tuple]:
    """Each clause with the one its "they", "their" or "them" refers back to, or None: the last clause, in this
    message or an earlier one, that spoke to a fact, named one of the agency's services or another party
    ("...the jail's inmate information line." then "Their number is 555-0147": the line's number)."""
    last: Clause | None = None
    referred = []
    for item in spoken:
        c = item[1]
        referred.append((*item, last if refers_back(c) else None))
        if (
            c.elsewhere
            or c.actor == "other"
            or any(r.speaks_to(c.norm, c.sentence) for r in rules)
            or services_named(c.norm, context.services)
        ):
            last = c
    return referred


def _names(rule: FactRule, c: Clause, context: Context) -> bool:
    """Does the clause name what the fact is about: its own words, or the service whose value is the fact's?"""
    return rule.speaks_to(c.norm, c.sentence) or any(
        any(v.agrees(r) for v in s.values for r in rule.values) for s in services_named(c.norm, context.services)
    )


def _someone_resolved(clauses: tuple[Clause, ...], party: str) -> tuple[list[Clause], str]:
    """ "Can you ask someone at the gas station to help?" ... next message: "someone will come get you": that
    someone is the one the person was sent to, not a deputy; and the party the message leaves named last."""
    resolved = []
    for c in clauses:
        if c.actor == "agency" and party == "other" and WORDS["someone"].starts(f" {c.core} "):
            c = replace(c, actor="other")
        elif c.actor in ("person", "other") or c.elsewhere:
            party = "other"
        elif c.actor == "agency":
            party = "agency"
        resolved.append(c)
    return resolved, party


def _events(rule: FactRule, spoken, rules: Sequence[FactRule], context: Context) -> list[Event]:
    events = []
    for turn, clause, before, opening, pair, antecedent in spoken:
        refers = antecedent is not None and _names(rule, antecedent, context)
        event = _event(rule, turn, clause, before, opening, pair, rules, context, refers)
        if event is not None:
            events.append(event)
    return events


def _event(
    rule: FactRule,
    turn: int,
    c: Clause,
    before: str,
    opening: bool,
    pair: str,
    rules: Sequence[FactRule],
    context: Context,
    refers: bool = False,
) -> Event | None:
    """What one clause says of the fact, if anything. `refers`: its "they" or "their" is the fact's subject,
    named in an earlier clause or message."""
    spoils = bool(c.says_no) or (rule.now and _put_off(c))  # "give them a ring when you feel up to it"
    direct = rule.speaks_to(c.norm, c.sentence) or (spoils and _sentence_speaks_to(rule, c.sentence))
    stated = values_of(c, rule, rules, context)
    asked = (
        opening
        and (c.says_no or stated)
        and asked_about(rule, before)
        and not any(r is not rule and r.speaks_to(c.norm, c.sentence) for r in rules)  # "No form." is the form's
    )
    alone = stated and only_fact_of(rule, stated, rules) and not c.question
    if not (direct or asked or alone or (refers and stated)):
        return None

    event = partial(_new_event, turn, c)
    fixed = after_correction(c.norm) != c.norm  # "... its actually 21 days not 30 my mistake": the value counts
    if stated and not c.question and (not c.says_no or fixed):
        decided, found = _value_event(rule, c, stated, event, asked or direct, refers, context)
        if decided:
            return found
    if not direct and not asked:
        return None
    return _act_event(rule, c, pair, direct, event)


def _new_event(
    turn: int, c: Clause, status: str, why: str, hard: bool = False, kinds: frozenset[str] = frozenset()
) -> Event:
    return Event(status, turn, c.position, c.sentence, why, hard, c.corrected, kinds)


def _value_event(
    rule: FactRule,
    c: Clause,
    stated: list[Value],
    event: Callable[..., Event],
    pointed: bool,
    refers: bool,
    context: Context,
) -> tuple[bool, Event | None]:
    """What the clause's values say of the fact: (True, the event, or None when they are another service's),
    or (False, None) when right values leave an action fact to be judged by what is done."""
    wrong = [v for v in stated if not is_right(v, rule)]
    named = (
        pointed
        or rule.said(c.norm, c.sentence, negation=False)
        or bool(rule.partly and rule.partly.matches(c.norm))
        or _sentence_speaks_to(rule, c.sentence)  # "done at the records window, Mondays and Wednesdays"
    )
    theirs = WORDS["their_subject"].starts(f" {c.core} ") is not None
    said_it = rule.said(c.norm, c.sentence, negation=False)
    owned = owner_named(wrong, c, context)  # "Valley Tow is open 7 to 6": the tow yard's own hours
    stray = bool(wrong) and not known(wrong[0], context) and topical(wrong, c)  # "It takes 30 days."
    mine = refers or (said_it and theirs) or (not theirs and (named or stray))
    if wrong and mine and not (owned and not said_it):
        return True, event(WRONG, f"said {wrong[0].words}", hard=True, kinds=frozenset(v.kind for v in wrong))
    if not wrong and not rule.now:
        kinds = frozenset(v.kind for v in stated)
        return True, event(GIVEN, f"said {stated[0].words}", hard=True, kinds=kinds)
    if wrong:
        return True, None  # a right value of another service ("they're open 7 to 6", of the tow yard)
    return False, None  # an action: by doing it


def _act_event(rule: FactRule, c: Clause, pair: str, direct: bool, event: Callable[..., Event]) -> Event | None:
    """What the clause does about the fact: the opposite, a refusal, a question, a condition or a promise for
    later, somewhere else, or saying it (in part)."""
    if rule.against is not None and rule.against.matches(pair, negation=False):
        return event(WRONG, "the opposite of what is needed")
    if c.says_no:
        return event(WRONG, f"refused or negated ({c.says_no!r})")
    if c.question:
        return event(WRONG, "only a question") if direct else None
    if c.actor == "agency" and c.conditional and c.later:
        return event(WRONG, f"a promise for later, on a condition ({c.later!r})")
    if rule.now and (c.conditional or c.later):
        return event(WRONG, f"on a condition or for later ({c.conditional or c.later!r})")
    if rule.now and (c.actor in ("person", "other") or (c.elsewhere and c.actor != "agency")):
        return event(WRONG, f"left to them or sent elsewhere ({c.elsewhere or 'told to do it themselves'})")
    if rule.said(c.norm, c.sentence):
        if rule.now and c.actor != "agency" and not c.now and not _terse(c):
            return event(WRONG, "named, but nobody is doing it")  # "911 is the fastest way"
        return event(GIVEN, "said it", hard=not rule.values)  # a value fact is given by its value
    if rule.partly is not None and rule.partly.matches(c.norm):
        return event(PARTLY, "said part of it")
    if c.elsewhere and c.actor in ("person", "other"):
        return event(WRONG, f"sent elsewhere instead ({c.elsewhere!r})")  # "call the fire marshal in the morning"
    return None


def _sentence_speaks_to(rule: FactRule, sentence: str) -> bool:
    """ "How long it takes, I cannot say": a refusal in one clause about the fact named in another. One clause
    must speak to it by itself: "I hear you, and I'm not going to tell you to calm down" joins no "not ... hear"
    of two clauses into "you won't hear back"."""
    return any(rule.speaks_to(c.norm, sentence) for c in read(sentence))


TERSE_WORDS = 4
"""A clause this short with no one named ("Report. Write it down.", "Deputy coming.") is the desk's own act."""


def _terse(c: Clause) -> bool:
    """A whole sentence of a few words, nobody named ("Report.", "Deputy coming.");
    not "Here's a form, take it home"."""
    return c.actor == "" and not c.elsewhere and len(c.core.split()) <= TERSE_WORDS and len(read(c.sentence)) == 1


def _put_off(c: Clause) -> bool:
    """Not done now by the agency: on a condition, for later, or left to them or someone else."""
    return bool(c.conditional or c.later or c.actor in ("person", "other") or (c.elsewhere and c.actor != "agency"))


def _status(rule: FactRule, events: list[Event], spoken) -> FactStatus:
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
    found = [
        {"fact": name, "said": e.evidence, "turn": e.turn, "right": s.right}
        for name, s in statuses.items()
        if s.status == WRONG
        for e in s.wrong
    ]
    counted = {(w["turn"], w["said"]) for w in found}
    if context is not None and context.services:
        for w in false_about_services(turns, context.services):
            if (w["turn"], w["said"]) not in counted:
                found.append(w)
                counted.add((w["turn"], w["said"]))
    return found
