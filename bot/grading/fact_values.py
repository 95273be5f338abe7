"""The values a clause states of a fact (bot.grading.quantities reads them): which are the fact's, which are
right, which are another fact's or another service's, and when a stray one counts at all."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.grading.clauses import WORDS, Clause, after_correction
from bot.grading.quantities import Value, claims_in, emails_in, other_emails, values_in
from bot.grading.services import sentence_norms
from bot.grading.text import split_sentences
from bot.grading.value import read_number

if TYPE_CHECKING:  # facts.py imports this module
    from bot.grading.facts import Context, FactRule


def owner_named(values: list[Value], c: Clause, context: Context) -> bool:
    """A value that is the own of the service the clause is about ("Valley Tow is open 7 to 6"), not one the
    person is sent to instead ("call the front desk at 555-0100" where dispatch is needed)."""
    if not values or c.actor == "person":
        return False
    subject = " ".join(c.core.split()[:4])
    return any(
        s.named_in(subject) and all(any(v.agrees(r) for r in s.values) for v in values) for s in context.services
    )


def values_of(c: Clause, rule: FactRule, rules: Sequence[FactRule], context: Context) -> list[Value]:
    """The values of this fact's kinds in the clause, less those that are another fact's right ones."""
    if not rule.values:
        return []
    found = list(claims_in(after_correction(c.norm)))
    if not any(v.kind in rule.kinds for v in found):
        found += _bare_correction(c, rule.kinds)  # "oh wait my bad, it's 18, not 21": the age, corrected
    if WORDS["conditions"].starts(f" {c.core} "):  # "if you move next Friday" sets a condition: its day is no claim
        found = [v for v in found if v.kind not in ("days", "clock")]
    if "email" in rule.kinds:
        found += emails_in(c.norm, context.email_domains) + other_emails(c.sentence, c.norm, context.email_domains)
    others = [r for r in rules if r is not rule]
    return [
        v
        for v in found
        if v.kind in rule.kinds and (is_right(v, rule, c.sentence) or not any(is_theirs(v, r) for r in others))
    ]


_BARE_FIX = re.compile(r"\b(\d{1,3}) ?,? not (\d{1,3})\b")
"""A bare figure said instead of another ("it's 18, not 21"): a correction of a value said before."""
_AS_KIND = {"age": "{n} years old", "money": "{n} dollars"}
"""How a bare figure reads as a value of the kind it corrects."""


def _bare_correction(c: Clause, kinds: frozenset[str]) -> list[Value]:
    """The figure a clause puts instead of another, read as an age or a fee of the fact ("it's 18, not 21")."""
    fix = _BARE_FIX.search(" ".join(sentence_norms(c.sentence)))
    if fix is None or fix.group(1) not in c.norm.split():
        return []
    return [v for k in kinds & _AS_KIND.keys() for v in claims_in(_AS_KIND[k].format(n=fix.group(1))) if v.kind == k]


def is_theirs(value: Value, rule: FactRule) -> bool:
    if any(value.agrees(r) for r in rule.values):
        return True
    numbers = getattr(rule.says, "numbers", ())
    return value.kind == "phone" and bool(numbers) and any(n in value.items for n in numbers)


def is_right(value: Value, rule: FactRule, sentence: str = "") -> bool:
    """The value agrees with a right one, or is the total of a fee for each of a count the sentence names
    ("three hundred dollars for six" of $50 a person), or of the fee the sentence gives ("$50 each, so $150")."""
    return any(value.agrees(r) for r in rule.values) or (bool(sentence) and _a_total(value, rule, sentence))


def _a_total(value: Value, rule: FactRule, sentence: str) -> bool:
    each = [r.low for r in rule.values if r.kind == "money" and r.low > 0]
    if value.kind != "money" or not each:
        return False
    if any(value.low == n * fee for n in _counts(sentence) for fee in each):
        return True
    tokens = " ".join(sentence_norms(sentence)).split()
    padded, words = f" {' '.join(tokens)} ", frozenset(tokens)
    said_total = WORDS["said_total"].find(padded, words) is not None and WORDS["for_each"].find(padded, words) is None
    fee_said = any(v.kind == "money" and v.low in each for v in claims_in(" ".join(tokens)))  # "$50 each, so $150"
    return (said_total or fee_said) and any(value.low == n * fee for n in range(2, 21) for fee in each)  # "$150 total."


def _counts(sentence: str) -> set[float]:
    """The counts of people or things a sentence names: "for six", "six of you", "4 permits"; or any count in a
    sentence that also says the fee is for each ("$50 per person so each of your 4 needs one, that's $200")."""
    tokens = " ".join(sentence_norms(sentence)).split()
    padded = f" {' '.join(tokens)} "
    each = WORDS["for_each"].find(padded, frozenset(tokens)) is not None
    counts = set()
    for i in range(len(tokens)):
        found = read_number(tokens, i)
        if found is None or not 2 <= found[0] <= 100 or tokens[i] in ("a", "an"):
            continue
        after = " " + " ".join(tokens[found[1] : found[1] + 2]) + " "
        if WORDS["not_counts"].starts(after):
            continue  # "takes 2 weeks", "50 dollars": a length or an amount, not a count of people
        for_them = i and tokens[i - 1] == "for" or i > 1 and tokens[i - 2 : i] == ["for", "the"]  # "for the three"
        if each or for_them or WORDS["count_nouns"].starts(after):
            counts.add(found[0])
    return counts


def known(value: Value, context: Context) -> bool:
    """Exactly a value agency.yaml states (another service's hours, number, fee): not made up."""
    return any(value.kind == k.kind and (value.low, value.high, value.items) == (k.low, k.high, k.items)
               for k in context.known)  # fmt: skip


def topical(values: list[Value], c: Clause) -> bool:
    """A value no fact's words are near counts against the one fact of its kind only when its sentence says what
    it is: a day or hour with words of opening hours ("it is open Monday to Friday"), a length of time with words
    of how long ("couple of days, tops"). People name days, times and lengths of other things all the time
    ("your move on Saturday", "after a night shift", "ten years on the job"); a phone number, fee or age is no
    such passing remark. A correction is about what it corrects."""
    sentence = " ".join(sentence_norms(c.sentence))  # "Couple of days, tops."
    padded, words = f" {sentence} ", frozenset(sentence.split())
    if WORDS["corrections_anywhere"].find(padded, words) or WORDS["corrections"].starts(f" {c.core} "):
        return True  # "Actually, make that 30 days.": the value said before, corrected
    for kind in {v.kind for v in values}:
        topic = TOPIC_WORDS.get(kind)
        if topic is not None and topic.find(padded, words) is None:
            return False
    return True


TOPIC_WORDS = {"days": WORDS["schedule_words"], "clock": WORDS["schedule_words"], "duration": WORDS["how_long_words"]}


def asked_about(rule: FactRule, visitor_words: str) -> bool:
    return bool(visitor_words) and any(rule.speaks_to(norm) for norm in sentence_norms(visitor_words))


def only_fact_of(rule: FactRule, stated: list[Value], rules: Sequence[FactRule]) -> bool:
    """No other fact of the scenario takes a value of this kind, so a stray one is this fact's;
    a stray duration only on the same scale ("takes ten minutes" is no ten-day deadline)."""
    kinds = {v.kind for v in stated}
    if any(r is not rule and kinds & r.kinds for r in rules):
        return False
    return all(v.kind != "duration" or any(same_scale(v, r) for r in rule.values) for v in stated)


def same_scale(value: Value, right: Value) -> bool:
    return right.kind == "duration" and (value.high < 1) == (right.high < 1)


IDENTITY_KINDS = frozenset({"phone", "email", "address"})
"""Values that are someone's own contact or place: a visitor who asks "can you call me at 555-0262?" gives theirs."""


@dataclass(frozen=True)
class Heard:
    """A value the visitor said, with the words of its sentence."""

    norm: str
    value: Value


@lru_cache(maxsize=4096)
def visitor_values(text: str) -> tuple[Heard, ...]:
    """The values of a visitor turn that are their own details: every phone number, e-mail or address they
    said, and any other value they stated (not asked: "Is it $200?" proposes a fee, it tells nothing)."""
    found = []
    for s in split_sentences(text):
        asked = "?" in s.original
        found += [Heard(s.norm, v) for v in values_in(s.norm) if v.kind in IDENTITY_KINDS or not asked]
    return tuple(found)


def same_value(a: Value, b: Value) -> bool:
    return a.kind == b.kind and a.agrees(b) and b.agrees(a)


def heard_by_turn(turns: Sequence) -> tuple[tuple[Heard, ...], ...]:
    """For each turn (0-based), what the visitor had said of their own before it: their values in earlier turns,
    less those the trainee said first (a number read out by the desk and repeated by the visitor stays the
    desk's)."""
    return _heard_by_turn(tuple(turns))


@lru_cache(maxsize=256)
def _heard_by_turn(turns: tuple) -> tuple[tuple[Heard, ...], ...]:
    said = [visitor_values(t.text) if t.role == "visitor" else () for t in turns]
    if not any(said):
        return ((),) * len(turns)  # most calls: the visitor stated no value at all
    heard: tuple[Heard, ...] = ()
    desk: list[str] = []
    before = []
    for turn, values in zip(turns, said, strict=True):
        before.append(heard)
        if turn.role == "visitor":
            heard = heard + tuple(h for h in values if not any(_desk_said(h.value, text) for text in desk))
        else:
            desk.append(turn.text)
    return tuple(before)


_NOT_DIGIT = re.compile(r"\D")
_WORD = re.compile(r"[a-z0-9]+")
_SPOKEN_DIGIT = re.compile(r"\b(zero|oh|one|two|three|four|five|six|seven|eight|nine)\b", re.I)


def _desk_said(value: Value, text: str) -> bool:
    """Did the desk's message state this value? A number is looked for by its digits first (most messages hold
    none of them), then read."""
    if value.kind in ("phone", "code"):
        digits, written = next(iter(value.items), ""), _NOT_DIGIT.sub("", text)
        if digits[-4:] not in written and (len(written) >= len(digits[-4:]) or not _SPOKEN_DIGIT.search(text)):
            return False  # not in digits, nor spelled out ("five five five, oh one seven oh")
    else:
        said = frozenset(_WORD.findall(text.lower()))
        if said.isdisjoint(_WORD.findall(value.words.lower())):
            return False  # none of its words ("tuesday", "25", "days") is in the message
    return any(same_value(value, v) for n in sentence_norms(text) for v in values_in(n))


def the_visitors(value: Value, heard: Sequence[Heard], about: Callable[[str], bool] | None = None) -> bool:
    """A value the visitor said before, in a sentence not about the fact (`about`): their own detail ("My cell is
    555-0262" then "someone will call you at 555-0262"), no claim about the process. "Is the fraud line 555-0262?"
    is about the fact: the desk's "yes, 555-0262" after it is a claim."""
    return any(same_value(value, h.value) and not (about is not None and about(h.norm)) for h in heard)
