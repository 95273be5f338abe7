"""Values a trainee states, read from a normalised clause: phone numbers, durations, amounts
of money, days of the week, clock times, ages, e-mail addresses and street numbers.

These are true token shapes, so they are patterns in code; the words around them
(which fact a value belongs to) are the scenario's data. `Value.agrees` says whether a
value the trainee said fits one that is right: a phone number by its last seven digits,
a duration within a margin ("about a week" for five to seven business days), days of
the week as a subset ("Tuesday" fits "Tuesdays and Thursdays", "any weekday" does not),
clock times inside the right hours.

`Value` and the reading of spoken numbers are in bot.grading.value; the readers of phone, service and street
numbers in bot.grading.phones; of durations, days and clock times in bot.grading.times. This module reads them
all (`values_in`), with money, ages and e-mail addresses.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from bot.grading.clauses import WORDS
from bot.grading.phones import read_addresses, read_codes, read_phones
from bot.grading.times import DAYS, read_clocks, read_days, read_durations, without_day_sets
from bot.grading.value import NUMBER_WORDS, Value, read_number  # noqa: F401  (NUMBER_WORDS: re-exported)

_OWNERS = WORDS["persons_own"]
_OWN_EVENTS = WORDS["own_events"]
_OWN_LINKS = frozenset(WORDS["own_event_links"].wordings)
OWN_VALUE_WORDS = 4
"""How many words after "your move on" can hold the person's own day or time ("8 a m", "next saturday")."""
_ZERO_MONEY = ("free", "no charge", "no fee", "no cost", "costs nothing", "cost nothing", "doesn't cost", "at no cost",
               "nothing to pay", "don't have to pay", "won't cost")  # fmt: skip


def claims_in(norm: str) -> tuple[Value, ...]:
    """The values a text states of a service or a fact: `values_in` less those of the person's own plans
    ("register within five working days of your move on Saturday": Saturday is the move's, not a registration
    day; "after your shift at 8")."""
    found = list(values_in(norm))
    if not found:
        return ()
    for own in _own_spans(norm.split()):
        for v in values_in(own):
            found = _less(found, v)
    return tuple(found)


def _less(found: list[Value], own: Value) -> list[Value]:
    """`found` without the person's own value; days are one set per text, so their own days leave the rest."""
    if own.kind == "days":
        kept = [f if f.kind != "days" else replace(f, items=f.items - own.items) for f in found]
        return [
            replace(f, words=", ".join(DAYS[d] for d in sorted(f.items))) if f.kind == "days" else f
            for f in kept
            if f.kind != "days" or f.items
        ]
    same = next(
        (f for f in found if (f.kind, f.low, f.high, f.items) == (own.kind, own.low, own.high, own.items)), None
    )
    return [f for f in found if f is not same]


def _own_spans(tokens: list[str]) -> list[str]:
    """The words right after the person's own plan ("your move [on] ...", "you're moving ..."): where its day is."""
    spans = []
    for i in range(len(tokens)):
        rest = " " + " ".join(tokens[i:]) + " "
        owner = _OWNERS.starts(rest)
        if owner is None:
            continue
        j = i + len(owner.split())
        event = _OWN_EVENTS.starts(" " + " ".join(tokens[j:]) + " ")
        if event is None:
            continue
        j += len(event.split())
        while j < len(tokens) and tokens[j] in _OWN_LINKS:
            j += 1
        span = next((" ".join(tokens[j:k]) for k in range(j + 1, min(j + OWN_VALUE_WORDS, len(tokens)) + 1)
                     if values_in(" ".join(tokens[j:k]))), None)  # fmt: skip
        if span:
            spans.append(span)  # the first value after it, no more ("saturday", "8 a m")
    return spans


@lru_cache(maxsize=16384)
def values_in(norm: str) -> tuple[Value, ...]:
    """Every value stated in a normalised text, in order of kind."""
    tokens = norm.replace("?", " ").split()
    found: list[Value] = []
    found += read_phones(tokens)
    found += read_durations(without_day_sets(norm).split(), norm)
    found += _money(tokens, norm)
    found += read_days(tokens, norm)
    found += read_clocks(tokens, norm)
    found += _ages(tokens)
    found += read_addresses(tokens)
    found += read_codes(tokens)
    return tuple(found)


def email_value(norm: str) -> Value:
    """An e-mail address, normalised ("deputy bayviewsheriff example"): matched by its domain words."""
    tokens = norm.split()
    return Value("email", items=frozenset({tokens[0]}), words=" ".join(tokens[1:]))


def emails_in(norm: str, domains: frozenset[str]) -> tuple[Value, ...]:
    """The e-mail addresses of a known domain ("... at bayviewsheriff example") in a normalised text, spelled out
    as on the phone too ("commendations at bayviewsheriff dot example")."""
    found = []
    padded = f" {norm} "
    for domain in domains:
        spoken = "|".join(re.escape(d) for d in (domain, domain.replace(" ", " dot ")))
        for m in re.finditer(rf"(\S+) (?:at )?(?:{spoken}) ", padded):
            found.append(Value("email", items=frozenset({m.group(1)}), words=domain))
    return tuple(found)


def other_emails(sentence: str, norm: str, domains: frozenset[str]) -> tuple[Value, ...]:
    """The e-mail addresses written out in the sentence at a domain none of the agency's ("commendations@
    harborsheriff.example"), each said in the clause (`norm`): an address of its own, never the right one."""
    found = []
    for m in _WRITTEN_EMAIL.finditer(sentence):
        local, domain = (" ".join(re.findall(r"[a-z0-9]+", part.lower())) for part in m.group(0).split("@", 1))
        if domain not in domains and f" {local} {domain} " in f" {norm} ":
            found.append(Value("email", items=frozenset({f"{local} {domain}"}), words=m.group(0)))
    return tuple(found)


_WRITTEN_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _money(tokens: list[str], norm: str) -> list[Value]:
    found = []
    for i, t in enumerate(tokens):
        if t in ("dollars", "dollar", "bucks") and i > 0:
            starts = (s for s in range(max(0, i - 5), i) if (n := read_number(tokens, s)) and n[1] == i)
            start = next(starts, None)  # the longest number that ends right before "dollars"
            if start is not None:
                amount = read_number(tokens, start)[0]
                found.append(Value("money", amount, amount, words=f"${amount:g}"))
    if any(f" {w} " in f" {norm} " for w in _ZERO_MONEY):
        found.append(Value("money", 0, 0, words="free"))
    return found


def _ages(tokens: list[str]) -> list[Value]:
    found = []
    for i in range(len(tokens)):
        n = read_number(tokens, i)
        if n is None or not 10 <= n[0] <= 99:
            continue
        j = n[1]
        before = " ".join(tokens[max(0, i - 2) : i])
        after = " ".join(tokens[j : j + 2])
        if (
            after in ("or older", "and up", "and over", "years old", "or over", "or up")
            or before
            in (
                "at least",
                "be at",
            )
            or (i and tokens[i - 1] in ("over", "age", "aged", "be"))
        ):
            found.append(Value("age", n[0], n[0], words=str(int(n[0]))))
    return found
