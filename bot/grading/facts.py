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

The statuses are weighed from the events in bot.grading.fact_status; questions and announcements that give no
fact are told apart in bot.grading.fact_questions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import Protocol

from bot.grading.clauses import WORDS, Clause, after_correction, read
from bot.grading.fact_questions import announces, gathers, not_about_facts  # noqa: F401  (gathers: re-exported)
from bot.grading.fact_status import (  # noqa: F401  (MISSING, STATUSES, wrong_information: re-exported)
    GIVEN,
    MISSING,
    PARTLY,
    STATUSES,
    WRONG,
    Event,
    FactStatus,
    status_of,
    wrong_information,
)
from bot.grading.fact_values import (
    Heard,
    asked_about,
    heard_by_turn,
    is_right,
    known,
    only_fact_of,
    owner_named,
    the_visitors,
    topical,
    values_of,
)
from bot.grading.quantities import Value, claims_in
from bot.grading.services import Service, refers_back, sentence_norms, services_named
from bot.transcript import Turn


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
    may_refer: bool = False
    """A `now` fact that sending them to its own number, right away, also gives ("call our fraud line")."""
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
    """Does the clause speak to the fact, right or wrong? (cached: every fact asks of every clause) A name said
    as its owner's ("the property unit's number is ...") speaks as the name does."""
    if rule.said(norm, sentence, negation=False) or any(
        m is not None and m.matches(norm, negation=False) for m in (rule.about, rule.partly)
    ):
        return True
    owned = _POSSESSIVE.sub(r"\1", norm) if "'s " in norm else norm
    return owned != norm and _speaks_to(rule, owned, "")


_POSSESSIVE = re.compile(r"\b(?!(?:it|that|what|there|here|he|she|who|where|let|how|when|why)'s)(\w+)'s(?= )")


@dataclass(frozen=True)
class Context:
    """What the evaluation needs beyond one fact: the agency's known values and services."""

    known: tuple[Value, ...] = ()
    """Every value in agency.yaml: a right value of another service is not "wrong" unless said for this one."""
    email_domains: frozenset[str] = frozenset()
    services: tuple[Service, ...] = ()


def fact_statuses(turns: Sequence[Turn], rules: Sequence[FactRule], context: Context) -> dict[str, FactStatus]:
    """Each fact's status over the trainee's turns."""
    spoken = _spoken(tuple(turns), tuple(rules), context)
    events = _all_events(tuple(turns), tuple(rules), context)
    return {rule.name: status_of(rule, events[rule.name], spoken) for rule in rules}


@lru_cache(maxsize=256)
def _all_events(turns: tuple[Turn, ...], rules: tuple[FactRule, ...], context: Context) -> dict[str, list[Event]]:
    spoken = _spoken(turns, rules, context)
    return {rule.name: _events(rule, spoken, rules, context) for rule in rules}


@lru_cache(maxsize=256)
def _spoken(turns: tuple[Turn, ...], rules: tuple[FactRule, ...], context: Context) -> list[tuple]:
    """Every trainee clause with what it needs (`_trainee_clauses`, `_referred`): read once a call, whether for the
    statuses or for where things were explained."""
    return _referred(list(_trainee_clauses(turns)), rules, context)


def given_after(turns: Sequence[Turn], start: int, rule: FactRule, context: Context) -> bool:
    """Was the fact given (really: done or committed now, for an action) in a turn after `start`?"""
    spoken = [s for s in _referred(list(_trainee_clauses(turns)), (rule,), context) if s[0] > start]
    return status_of(rule, _events(rule, spoken, (rule,), context), spoken).status == GIVEN


def explained_turns(turns: Sequence[Turn], rules: Sequence[FactRule], context: Context) -> list[int]:
    """The trainee turns that gave some fact (right, or part of it), in order: where a check of understanding
    belongs. A question never gives one, so "Can you tell me back when the deputy's coming?" is no explanation."""
    events = _all_events(tuple(turns), tuple(rules), context)
    found = {e.turn for rule in rules for e in events[rule.name] if e.status in (GIVEN, PARTLY)}
    return sorted(found)


OPENING_SENTENCES = 3
"""A reply's first sentences answer the visitor's question ("Good afternoon, Harbor Station. No, ...")."""


def _trainee_clauses(turns: Sequence[Turn]):
    """(turn, clause, the visitor's words just before, in the reply's opening?, the clause and the next, what the
    visitor had said of their own by then) per clause."""
    before, party = "", ""
    heard = heard_by_turn(turns)
    for i, turn in enumerate(turns, start=1):
        if turn.role != "trainee":
            before = turn.text
            continue
        clauses, party = _someone_resolved(read(turn.text), party)
        opening = list(dict.fromkeys(c.sentence for c in clauses))[:OPENING_SENTENCES]
        for k, clause in enumerate(clauses):
            after = clauses[k + 1] if k + 1 < len(clauses) and clauses[k + 1].sentence == clause.sentence else None
            pair = f"{clause.norm} {after.norm}" if after else clause.norm
            yield i, clause, before, clause.sentence in opening, pair, heard[i - 1]


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
    events, named_in = [], 0
    for turn, clause, before, opening, pair, heard, antecedent in spoken:
        refers = antecedent is not None and _names(rule, antecedent, context)
        event = _event(rule, turn, clause, before, opening, pair, rules, context, refers, heard)
        if event is None and named_in == turn and _brought_in(clause):  # "There's an advocate ... I'll call her in"
            event = _new_event(turn, clause, GIVEN, "the desk brings them in now", hard=not rule.values)
        if event is not None:
            events.append(event)
        named_in = turn if rule.speaks_to(clause.norm, clause.sentence) else named_in
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
    heard: Sequence[Heard] = (),
) -> Event | None:
    """What one clause says of the fact, if anything. `refers`: its "they" or "their" is the fact's subject,
    named in an earlier clause or message; `heard`: the values the visitor said of their own before."""
    if c.spared:
        return None  # "you don't need to go over yourself, let the deputy handle it": no refusal, nothing left to them
    spoils = bool(c.says_no) or (rule.now and _put_off(c))  # "give them a ring when you feel up to it"
    direct = rule.speaks_to(c.norm, c.sentence) or (
        spoils and not WORDS["told_not_to"].starts(f" {c.core} ") and _sentence_speaks_to(rule, c.sentence, c)
    )
    stated = values_of(c, rule, rules, context)
    if stated and heard:  # "someone will call you at 555-0262": the caller's own number, read back
        stated = [v for v in stated if not the_visitors(v, heard, rule.speaks_to)]
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
    if c.says_no and not rule.now and _turns_to_referral(c):
        return None  # "I can't give out his booking info here, but I can get you the number for the people who can"
    if c.question and not_about_facts(c, before, rule):
        return None  # "What's the best number to reach you?", "Is anybody hurt?", "Can you tell me back when...?"
    asks_details = not (stated or c.says_no or c.later or c.conditional) and gathers(c)
    doer = c.actor == "agency" or bool(_THEY_WILL.search(c.norm))  # "he will call you at this number": the deputy
    promised = doer and not c.question and rule.said(c.norm, c.sentence)  # "will call you on it"
    if asks_details and not promised and not _about_beyond_asking(rule, pair, c):
        return None  # "Write your full name here. And your phone number.": their details asked, not the fact
    return _act_event(rule, c, pair, direct, event)


_THEY_WILL = re.compile(r"(?:^|\b(?:and|then|so)\b )(?:he|she|they|someone|somebody)(?: will|'ll) ")
"""Someone the desk sends doing a thing for the visitor ("after the deputy checks on her, he will call you")."""


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
    closed_days = _closed_days(c, stated, rule)
    if closed_days:  # "closed on weekends" of a service open Monday to Friday: nothing wrong, nothing given
        if clash := [v for v in closed_days if not _closed_when_not_open(v, rule)]:
            return True, event(WRONG, f"said closed {clash[0].words}", hard=True, kinds=frozenset({"days"}))
        if not (stated := [v for v in stated if v not in closed_days]):
            return True, None
    wrong = [v for v in stated if not is_right(v, rule, c.sentence)]
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
    if not wrong and (not rule.now or (rule.may_refer and _sent_to_it(c))):
        kinds = frozenset(v.kind for v in stated)
        return True, event(GIVEN, f"said {stated[0].words}", hard=True, kinds=kinds)
    if wrong:
        return True, None  # a right value of another service ("they're open 7 to 6", of the tow yard)
    return False, None  # an action: by doing it


def _about_beyond_asking(rule: FactRule, pair: str, c: Clause) -> bool:
    """The clause speaks to the fact in words other than those asking for the visitor's details: "call the
    non-emergency number and give them your name" still sends them on; "and your phone number" only asks."""
    padded = f" {pair} "
    while (found := WORDS["gathering_words"].find(padded, frozenset(padded.split()))) is not None:
        padded = padded.replace(f" {found} ", " ")
    rest = padded.strip()
    against = rule.against is not None and rule.against.matches(rest, negation=False)
    return bool(rest) and (against or rule.speaks_to(rest, c.sentence))


def _closed_days(c: Clause, stated: list[Value], rule: FactRule) -> list[Value]:
    """The days a clause says the service is closed ("it's closed on weekends"), of a fact with open days."""
    if not any(r.kind == "days" for r in rule.values):
        return []
    if not WORDS["closed_words"].find(c.padded, frozenset(c.norm.split())):
        return []
    return [v for v in stated if v.kind == "days"]


def _closed_when_not_open(value: Value, rule: FactRule) -> bool:
    """Days said closed that are none of the days the service is open: what the right days already imply."""
    open_days = [r.items for r in rule.values if r.kind == "days"]
    return value.kind == "days" and bool(open_days) and all(not (value.items & days) for days in open_days)


def _come_back(c: Clause) -> bool:
    """ "Come back tomorrow and we'll take the report": what we will do, put off to another visit or call."""
    later = f" {c.later} "
    return WORDS["put_off"].find(later, frozenset(later.split())) is not None


def _its_own_line(rule: FactRule, c: Clause) -> bool:
    """The clause's sentence names the fact's own right value (its number): "they" is that line, not elsewhere."""
    return any(is_right(v, rule) for v in claims_in(" ".join(sentence_norms(c.sentence))))


def _sent_to_it(c: Clause) -> bool:
    """Told to use the fact's own right value now ("call our fraud line, (562) 555-0163"): the route the fact
    names is given, not left to them; a condition or a later time still is."""
    return c.actor == "person" and not (c.conditional or c.later or c.says_no or c.question)


def _act_event(rule: FactRule, c: Clause, pair: str, direct: bool, event: Callable[..., Event]) -> Event | None:
    """What the clause does about the fact: the opposite, a refusal, a question, a condition or a promise for
    later, somewhere else, or saying it (in part)."""
    if WORDS["praise_leads"].starts(f" {c.core} "):
        return None  # "bless you for checkin' on her": the person's own deed, nothing told about the fact
    if rule.against is not None and rule.against.matches(pair, negation=False):
        return event(WRONG, "the opposite of what is needed")
    if c.says_no:
        return event(WRONG, f"refused or negated ({c.says_no!r})")
    if c.question:
        return event(WRONG, "only a question") if direct else None
    if c.actor == "agency" and c.later and (c.conditional or _come_back(c)):
        return event(WRONG, f"a promise for later, on a condition ({c.later!r})")
    if rule.now and (c.conditional or c.later):
        return event(WRONG, f"on a condition or for later ({c.conditional or c.later!r})")
    if rule.may_refer and not (c.conditional or c.later) and _its_own_line(rule, c):
        return event(GIVEN, "sent to its own number")  # "Our fraud line is 555-0163, they'll take the report."
    if rule.now and (c.actor in ("person", "other") or (c.elsewhere and c.actor != "agency")) and not _to_us(c):
        return event(WRONG, f"left to them or sent elsewhere ({c.elsewhere or 'told to do it themselves'})")
    if announces(c):
        return None  # "I can tell you exactly how to contest it": what comes next gives it, or nothing does
    if rule.said(c.norm, c.sentence):
        if rule.now and c.actor != "agency" and not c.now and not _terse(c) and not _taken_there(c):
            return event(WRONG, "named, but nobody is doing it")  # "911 is the fastest way"
        return event(GIVEN, "said it", hard=not rule.values)  # a value fact is given by its value
    if rule.partly is not None and rule.partly.matches(c.norm):
        return event(PARTLY, "said part of it")
    if c.elsewhere and c.actor in ("person", "other"):
        return event(WRONG, f"sent elsewhere instead ({c.elsewhere!r})")  # "call the fire marshal in the morning"
    return None


_COME_TO_US = re.compile(
    r"^(?:\w+ ){0,3}?(?:come|step|follow|walk) (?:on |right |along )?(?:through|in|back|around|over|this way|with me|"
    r"me|inside|here)\b"
)


_BRING_IN = re.compile(
    r"^(?:\w+ ){0,2}?(?:i'll|i will|i'm going to|i'm gonna|i am going to|we'll|we will|let me|i'm) (?:just )?"
    r"(?:(?:call|calling|bring|bringing|get|getting|page|paging|radio|radioing|ring|ringing|have|having) "
    r"(?:her|him|them|one|someone) (?:in|down|over|up|out|here|now|right now|right away)\b|"
    r"(?:ask|asking|have|having|get|getting) (?:her|him|them) to (?:come|join|sit|meet)\b)"
)


def _brought_in(c: Clause) -> bool:
    """ "I'll call her in too": the one just named (an advocate) brought to the visitor now."""
    return not c.question and not c.conditional and bool(_BRING_IN.match(c.core))


def _taken_there(c: Clause) -> bool:
    """ "There is a private interview room just inside, and I will meet you there straight away": the place named in
    a sentence that takes the visitor to it now; "You are safe here": the visitor's state, told, not a thing named."""
    return bool(_YOU_ARE.match(c.core)) or any(
        not (other.conditional or other.says_no)
        and (_to_us(other) or not other.question and other.actor == "agency" and other.now and _meets_there(other))
        for other in read(c.sentence)
    )  # "Would you come with me to a private room, away from the lobby?" takes her there: an invitation, asked


def _meets_there(c: Clause) -> bool:
    """ "I will meet you there straight away": the desk takes the visitor to the place now."""
    return bool(_MEET_THERE.search(c.core))


_YOU_ARE = re.compile(r"^(?:you are|you're|you will be|you'll be|youre|ur) (?:\w+ )?safe\b")
_MEET_THERE = re.compile(r"\b(?:meet|join|see) you (?:there|in there|inside|in the back)\b")


def _to_us(c: Clause) -> bool:
    """ "Come on through this side door here": the visitor brought to the desk's side, nothing left to them."""
    return bool(_COME_TO_US.match(c.core))


def _sentence_speaks_to(rule: FactRule, sentence: str, refusing: Clause | None = None) -> bool:
    """ "How long it takes, I cannot say": a refusal in one clause about the fact named in another. One clause
    must speak to it by itself: "I hear you, and I'm not going to tell you to calm down" joins no "not ... hear"
    of two clauses into "you won't hear back". A refusal does not reach past a "but" that offers what it can ("I
    can't discuss his case from this counter, but I can point you to the people who can tell you where he is")."""
    return any(
        rule.speaks_to(c.norm, sentence)
        for c in read(sentence)
        if refusing is None or c.position <= refusing.position or not _offers_instead(c)
    )


def _turns_to_referral(refusing: Clause) -> bool:
    """The refusal is followed, in its sentence, by what the desk can do instead ("..., but I can point you to the
    people who can tell you where he is"): for a fact that is information or a referral, no refusal of it. A fact
    that must be done now stays refused ("we can't send anyone tonight, but I can give you a number")."""
    return any(c.position > refusing.position and _offers_instead(c) for c in read(refusing.sentence))


def _offers_instead(c: Clause) -> bool:
    """ "..., but I can point you to ...": a clause after a refusal that turns to what can be done."""
    return not c.says_no and WORDS["contrasts"].starts(f" {c.norm} ") is not None


TERSE_WORDS = 4
"""A clause this short with no one named ("Report. Write it down.", "Deputy coming.") is the desk's own act."""


def _terse(c: Clause) -> bool:
    """A whole sentence of a few words, nobody named ("Report.", "Deputy coming.");
    not "Here's a form, take it home"."""
    return c.actor == "" and not c.elsewhere and len(c.core.split()) <= TERSE_WORDS and len(read(c.sentence)) == 1


def _put_off(c: Clause) -> bool:
    """Not done now by the agency: on a condition, for later, or left to them or someone else."""
    return bool(c.conditional or c.later or c.actor in ("person", "other") or (c.elsewhere and c.actor != "agency"))
