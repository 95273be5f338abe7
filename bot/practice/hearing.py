"""What the visitor heard: the facts a message really gave, and lines that never say what it was not told.

The visitor hears through the grader's own reading (clause meaning and fact statuses,
bot/grading/facts.py): "the interview rooms are all busy" does not give a private room,
"Wire, gift cards?" does not tell them to stop the payment, "you've got 30 days" is a
wrong deadline. A fact counts in the visitor's memory only when given; a wrong one is
forgotten if it was known, and the visitor believes the trainee's value ("30 days?
Okay."). The values the trainee said are remembered, so a visitor line that would state
the agency's value the trainee never gave ("the DMV within ten days") loses that sentence.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bot.grading.clauses import read
from bot.grading.facts import GIVEN, PARTLY, WRONG, FactRule, fact_statuses
from bot.grading.quantities import Value, values_in
from bot.grading.text import split_sentences
from bot.practice.plans import PHONE_NUMBER as PHONE_NUMBER
from bot.practice.plans import in_my_words as in_my_words
from bot.practice.plans import plan_sentences as plan_sentences
from bot.practice.plans import told_back as told_back
from bot.practice.plans import told_sentences as told_sentences
from bot.practice.wording import kinds, pairs, pattern, patterns, says, words
from bot.scenarios.format import Scenario
from bot.transcript import Turn

BELIEVED = says("believed")
"""The visitor takes a wrong value at its word, in the trainee's own figure."""
ACKNOWLEDGED = says("acknowledged")


@dataclass(frozen=True)
class Heard:
    """One message as the visitor understood it."""

    given: frozenset[str] = frozenset()
    unheard: frozenset[str] = frozenset()
    """Facts the message spoke to without giving them (part of a list, a refusal, a wrong value)."""
    wrong: tuple[tuple[str, str], ...] = ()
    """(fact, the trainee's value) for each wrong value said."""
    memory: tuple[str, ...] = ()
    """New entries for the visitor's `heard`: values said, items of a list given."""
    reactions: frozenset[str] = frozenset()
    """Per fact, how this message spoke to it when it did not give it: "welfare_check.refused" (refused,
    negated, put off or sent elsewhere), "online_report.wrong" (any wrong answer but a mere question),
    "tow_yard.partly"."""
    gave: tuple[tuple[str, str], ...] = ()
    """(fact, the trainee's sentence that gave it) for each fact given or told wrong: what the visitor says back."""

    @property
    def signals(self) -> frozenset[str]:
        """Signals a scenario's rules can react to: a wrong value ("wrong_information") and each fact's status."""
        return self.reactions | (frozenset({"wrong_information"}) if self.wrong else frozenset())


_REFUSALS = (
    "refused or negated",
    "a promise for later",
    "on a condition or for later",
    "left to them or sent",
    "sent elsewhere",
)


def hear(scenario: Scenario, visitor_line: str, message: str, heard: frozenset[str]) -> Heard:
    """What one trainee message told the visitor, with what it had heard before."""
    rules = scenario.fact_rules
    if not rules:
        return Heard(memory=tuple(_value_keys(message)))
    own = ". ".join(k[5:] for k in sorted(heard) if k.startswith("said:"))  # its own number is no value of ours
    own = re.sub(r"\b(\d{3}) (\d{3}) (\d{4})\b", r"(\1) \2-\3", own)  # remembered as words: "562 555 0262"
    before = [Turn("visitor", own), Turn("trainee", "Okay.")] if own else []
    turns = [*before, Turn("visitor", visitor_line), Turn("trainee", message)]
    statuses = fact_statuses(turns, rules, scenario.context)
    given, unheard, wrong, memory = set(), set(), [], list(_value_keys(message))
    reactions: set[str] = set()
    gave: list[tuple[str, str]] = []
    for rule in rules:
        status = statuses[rule.name]
        if status.status in (GIVEN, WRONG) and status.evidence:
            gave.append((rule.name, status.evidence))
        if status.status == GIVEN:
            given.add(rule.name)
        elif status.status == PARTLY and rule.items:
            items = [f"{rule.name}:{label}" for label, _ in rule.items if label not in status.missing_items]
            memory += items
            known = heard | set(items)
            if all(f"{rule.name}:{label}" in known for label, _ in rule.items):
                given.add(rule.name)
            else:
                unheard.add(rule.name)
                reactions.add(f"{rule.name}.partly")  # "file a report with the DMV": the deadline still to come
        elif status.status in (PARTLY, WRONG):
            unheard.add(rule.name)
            why = status.why or ""
            if status.status == WRONG and why.startswith("said "):
                wrong.append((rule.name, why.removeprefix("said ")))
            if status.status == PARTLY:
                reactions.add(f"{rule.name}.partly")
            elif why != "only a question":  # "Did you want to do that online?" is no answer yet
                reactions.add(f"{rule.name}.wrong")
                if why.startswith(_REFUSALS):
                    reactions.add(f"{rule.name}.refused")
    return Heard(frozenset(given), frozenset(unheard), tuple(wrong), tuple(memory), frozenset(reactions), tuple(gave))


_DAYS = pairs("days_typed_short")  # each day typed short, and in full (plans.yaml)
_DAY_NAME = re.compile(rf"\b(?:{'|'.join(sorted({*_DAYS, *_DAYS.values()}, key=len, reverse=True))})s?\b")


def believed(wrong: tuple[tuple[str, str], ...], seed: int, turn: int) -> str:
    """The visitor repeating the trainee's wrong value back, as said ("30 days? Okay, good to know.")."""
    said = wrong[0][1]
    if re.fullmatch(r"1?\d{10}", said):  # a phone number, read as its digits: said as written
        said = f"({said[-10:-7]}) {said[-7:-4]}-{said[-4:]}"
    said = _DAY_NAME.sub(lambda m: m.group(0).capitalize(), said)  # "tuesday, wednesday": "Tuesday, Wednesday"
    line = random.Random(f"{seed}:{turn}:believed").choice(BELIEVED)
    text = line.format(said=said)
    return text[:1].upper() + text[1:]


def without_untold_values(line: str, rules: tuple[FactRule, ...], heard: frozenset[str], seed: int) -> str:
    """The line less any sentence stating a fact's right value the trainee never said."""
    kinds = {v.kind for rule in rules for v in rule.values}
    if not kinds or not any(ch.isdigit() for ch in line) and not _may_state(line):
        return line
    said = [_value(key) for key in heard if key.startswith("v|")]
    kept = [s.original for s in split_sentences(line) if not _untold(s.norm, rules, kinds, said)]
    if kept:
        return " ".join(kept)
    return random.Random(f"{seed}:{line}").choice(ACKNOWLEDGED)


def without_answered_questions(line: str, rules: tuple[FactRule, ...], known: set[str], seed: int) -> str:
    """The line less any question about facts the trainee has already given ("Do I need to bring anything?"
    right after the list): the visitor does not ask again what it was just told."""
    if "?" not in line or not rules:
        return line
    kept = []
    for s in split_sentences(line):
        asked = {r.name for r in rules if "?" in s.original and r.speaks_to(s.norm)}
        if not (asked and asked <= known):
            kept.append(s.original)
    if kept:
        return " ".join(kept)
    return random.Random(f"{seed}:{line}").choice(ACKNOWLEDGED)


_OFFERS = kinds("offers", 0)
"""A visitor's question offering a detail ("Do you need my number?") and the persona topic that holds it."""


def without_offered_details(line: str, heard: frozenset[str], seed: int) -> str:
    """The line less any question offering a detail the visitor has already given ("Do you need my number in
    case...?" once it has said which number to call): a caller does not offer again what it was just asked."""
    told = {key.removeprefix("told:") for key in heard if key.startswith("told:")}
    if "?" not in line or not told:
        return line
    kept = []
    for s in split_sentences(line):
        lower = s.original.lower()
        offered = {topic for topic, pattern in _OFFERS if "?" in lower and pattern.search(lower)}
        if not (offered and offered <= told):
            kept.append(s.original)
    if kept:
        return " ".join(kept)
    return random.Random(f"{seed}:{line}").choice(ACKNOWLEDGED)


def still_here(line: str) -> str:
    """A goodbye line without the stage direction that has the visitor gone: the trainee has the last word."""
    return " ".join(_GONE.sub("", line).split())


_GONE = pattern("leaving", re.IGNORECASE)
"""A stage direction that has the visitor leaving ("(The visitor leaves.)")."""


def _may_state(line: str) -> bool:
    """Values written in words ("ten days", "Wednesday", "fifteen dollars")."""
    lower = line.lower()
    return any(w in lower for w in ("day", "week", "dollar", "hour", "minute", "month", " am", " pm", "a.m", "p.m"))


def _untold(norm: str, rules: tuple[FactRule, ...], kinds: set[str], said: list[Value]) -> bool:
    for v in values_in(norm):
        if v.kind not in kinds:
            continue
        agency = any(v.agrees(r) for rule in rules for r in rule.values)
        if agency and not any(v.agrees(s) or s.agrees(v) for s in said if s.kind == v.kind):
            return True
    return False


def _value_keys(message: str) -> list[str]:
    """Every value stated (not asked, not refused) in the message, as memory keys."""
    keys = []
    for clause in read(message):
        if clause.question or clause.says_no:
            continue
        keys += [_key(v) for v in values_in(clause.norm)]
    return keys


def _key(v: Value) -> str:
    return f"v|{v.kind}|{v.low}|{v.high}|{','.join(sorted(map(str, v.items)))}|{v.words}"


def _value(key: str) -> Value:
    _, kind, low, high, items, words = key.split("|", 5)
    parsed = frozenset(int(i) if i.isdigit() and kind == "days" else i for i in items.split(",") if i)
    return Value(kind, float(low), float(high), parsed, words)


# Questions the visitor would ask, and the words of an answer to them: asked right after the answer, they are
# not asked again.

_TOLD = dict(kinds("told"))
_ASK_KINDS = tuple((ask, _TOLD[kind]) for kind, ask in kinds("asks"))
"""Each kind of question and the words that answer it (bot/practice/phrases/plans.yaml, "asks.*" and "told.*")."""
_ASKS_AGENCY, _TOLD_AGENCY = dict(kinds("asks"))["agency"], _TOLD["agency"]


def without_asking_where_it_called(line: str, pick_up: str) -> str:
    """The caller's first words less "Is this the sheriff's?" when the desk picked up with the station's or the
    agency's name: only that (a "Good afternoon" answers no question about the hours)."""
    if not _TOLD_AGENCY.search(pick_up):
        return line
    kept = [s.original for s in split_sentences(line) if "?" not in s.original or not _ASKS_AGENCY.search(s.original)]
    return " ".join(kept) or line


_WANTS, _QUESTION_FORM, _SEGMENTS = patterns("still_wants question_form question_segment")
_BARE_WH = frozenset(("who", "what", "where", "when", "how", "whoever", "whatever"))
"""A statement that asks all the same ("Sorry, I didn't catch the hours."), a question in form, and where the parts
of a question part ("Where, and how much?")."""
_ASKING_WORDS = frozenset(words("asking_words"))


def without_questions_just_answered(line: str, told: str) -> str:
    """The line less any question the trainee's words already answered ("Do I need an appointment?" after "by
    appointment", "What should I bring?" after the list, "Should I take photos?" after "take photos first"): a
    visitor who heard the answer does not ask it again, whether or not the grader counts the value right. Of a
    question in parts ("Where, and how much?" after the fee) only the part still open is asked ("Where?")."""
    if "?" not in line and not _WANTS.search(line) or not told:
        return line
    kept = []
    for s in split_sentences(line):
        if "?" in s.original or _WANTS.search(s.original):
            asked = _still_open(s.original, told)
            if asked:
                kept.append(asked)
            continue
        kept.append(s.original)
    return " ".join(kept) if kept else ACKNOWLEDGED[len(line) % len(ACKNOWLEDGED)]


def _still_open(question: str, told: str) -> str:
    """The question less its parts the trainee has answered ("" when it answered all of them)."""
    if _answered(question, told):
        return ""
    segments = _SEGMENTS.split(question.rstrip("?. "))
    if len(segments) < 2:
        return question
    open_, after_answered = [], False
    for x in segments:
        if _answered(x, told) or after_answered and (x.strip() in _BARE_WH or not _QUESTION_FORM.match(x.strip())):
            after_answered = True  # "Do I report it to you or the bank or who?": its alternatives go with it
            continue
        open_.append(x)
        after_answered = False
    if len(open_) == len(segments):
        return question
    rest = ", and ".join(x.strip() for x in open_)
    return f"{rest[:1].upper()}{rest[1:]}?" if rest else ""


def _answered(question: str, told: str) -> bool:
    """The trainee's words answer every kind of thing the question asks ("how much" by a fee), or hold all its
    own words (two at least, or one long one: "Can she cancel her bank card?" after "she can cancel the card at her
    bank")."""
    kinds = [answer for ask, answer in _ASK_KINDS if ask.search(question)]
    if kinds:
        return all(answer.search(told) for answer in kinds)
    if not _QUESTION_FORM.match(question):
        return False  # "Tuesdays and Thursdays, 8 to 11?" takes up what was said; it asks nothing
    own = {w for w in re.findall(r"[a-z']{3,}", question.lower()) if w not in _ASKING_WORDS and w not in _FILLER_ASK}
    heard = set(re.findall(r"[a-z']{3,}", told.lower()))
    enough = len(own) >= 2 or any(len(w) >= 6 for w in own)  # "Is there a charger?" after "there's a charger here"
    enough = enough or len(own) == 1 and len(question.split()) <= 9  # "Should I keep a log of what he does?"
    return enough and all(any(h.startswith(w[:5]) if len(w) >= 5 else h == w for h in heard) for w in own)


_FILLER_ASK = frozenset(words("filler_asking_words"))
