"""Values a trainee states, read from a normalised clause: phone numbers, durations, amounts
of money, days of the week, clock times, ages, e-mail addresses and street numbers.

These are true token shapes, so they are patterns in code; the words around them
(which fact a value belongs to) are the scenario's data. `Value.agrees` says whether a
value the trainee said fits one that is right: a phone number by its last seven digits,
a duration within a margin ("about a week" for five to seven business days), days of
the week as a subset ("Tuesday" fits "Tuesdays and Thursdays", "any weekday" does not),
clock times inside the right hours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from bot.grading.clauses import WORDS
from bot.grading.text import normalise

_NOT_DURATIONS = tuple(dict.fromkeys(normalise(w) for w in WORDS["not_durations"].wordings))
"""Read as a trainee's words are ("hold on a minute" normalises to "hold on a minutes")."""
_UNIT_NOUNS = frozenset(WORDS["unit_nouns"].wordings)
"""A unit word before one of these names a thing, not a length of time ("after a night shift")."""
_OWNERS = WORDS["persons_own"]
_OWN_EVENTS = WORDS["own_events"]
_OWN_LINKS = frozenset(WORDS["own_event_links"].wordings)
OWN_VALUE_WORDS = 4
"""How many words after "your move on" can hold the person's own day or time ("8 a m", "next saturday")."""

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "couple": 2,
    "few": 3, "several": 4, "half": 0.5, "quarter": 0.25, "noon": 12, "midnight": 24,
}  # fmt: skip
UNITS = {"minute": 1 / 1440, "min": 1 / 1440, "hour": 1 / 24, "hr": 1 / 24, "day": 1.0, "night": 1.0,
         "week": 7.0, "wk": 7.0, "month": 30.0, "year": 365.0, "yr": 365.0}  # fmt: skip
VAGUE = {"couple": 3, "few": 5, "several": 7}
"""How far a vague number reaches: "a few business days" is three to five of them."""
BUSINESS_DAY = 1.4
"""Calendar days per business day: ten business days is two weeks."""
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS = {d: i for i, d in enumerate(DAYS)} | {d[:3]: i for i, d in enumerate(DAYS)} | {"tues": 1, "thurs": 3}
_DAY_SETS = {
    "weekday": frozenset(range(5)),
    "weekdays": frozenset(range(5)),
    "weekend": frozenset({5, 6}),
    "weekends": frozenset({5, 6}),
    "daily": frozenset(range(7)),
    "everyday": frozenset(range(7)),
}
_ALL_DAYS = ("every day", "any day", "seven days a week", "7 days a week", "7 days", "all week", "any time", "24 7",
             "24 hours a day", "around the clock", "anytime")  # fmt: skip
_ALL_HOURS = ("24 7", "around the clock", "24 hours a day", "open 24 hours", "open 24 hrs", "opened 24 hours",
              "staffed 24 hours", "open twenty four hours", "open all night", "open all day and night")  # fmt: skip
"""Hours, not how long: "they're open 24 hours" is a clock span of the whole day."""
_DIGIT_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
                "six": "6", "seven": "7", "eight": "8", "nine": "9"}  # fmt: skip
_ZERO_MONEY = ("free", "no charge", "no fee", "no cost", "costs nothing", "cost nothing", "doesn't cost", "at no cost",
               "nothing to pay", "don't have to pay", "won't cost")  # fmt: skip
_ZERO_TIME = ("while you wait", "on the spot", "same day", "walk out with it", "same afternoon")
_STREETS = frozenset(
    "street st avenue ave boulevard blvd drive dr way road rd lane ln court ct place pl highway".split()
)
_CLOCK_AFTER = frozenset(("a", "p", "am", "pm", "o'clock", "oclock"))
_RANGE = frozenset(("to", "till", "til", "until", "through", "thru", "and"))
_DAY_PARTS = ("in the morning", "in the afternoon", "in the evening", "at night")
_TIME_LEAD = frozenset(("from", "till", "til", "until", "at", "between", "by", "opens", "closes", "after", "before"))


@dataclass(frozen=True)
class Value:
    """One stated value: its kind and what it is (`low`..`high`, or `items` for days and texts)."""

    kind: str
    """"phone", "duration" (days), "money" (dollars), "days", "clock" (hours, 0-24), "age", "email", "address"."""
    low: float = 0.0
    high: float = 0.0
    items: frozenset = frozenset()
    words: str = ""

    def agrees(self, right: Value) -> bool:
        if self.kind != right.kind:
            return False
        if self.kind == "duration":
            return _within(self, right)
        if self.kind == "days":
            return self.items <= right.items
        if self.kind == "clock":
            return right.low <= self.low and self.high <= right.high
        if self.kind in ("email", "phone"):
            return self.items == right.items
        return self.low == right.low


DURATION_MARGIN = (0.8, 1.2)
"""How far a said duration may stray from the right one ("about a week" for five to seven business days)."""


def _within(said: Value, right: Value) -> bool:
    """A duration that fits the right one, with a margin; a span said of a span must share more than its end
    with it ("7 to 10 business days" for five to seven starts where the right one ends: a different wait)."""
    if said.low > right.high * DURATION_MARGIN[1] or said.high < right.low * DURATION_MARGIN[0]:
        return False
    if said.high > said.low and right.high > right.low:
        return min(said.high, right.high) > max(said.low, right.low)
    return True


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
    found += _phones(tokens)
    found += _durations(_without_day_sets(norm).split(), norm)
    found += _money(tokens, norm)
    found += _days(tokens, norm)
    found += _clocks(tokens, norm)
    found += _ages(tokens)
    found += _addresses(tokens)
    return tuple(found)


def _without_day_sets(norm: str) -> str:
    """ "seven days a week" says which days, not how long; "give me a minute" is no duration."""
    padded = f" {norm} "
    for w in _ALL_DAYS + _ALL_HOURS:
        padded = padded.replace(f" {w} ", " ~ ")
    for w in _NOT_DURATIONS:
        padded = padded.replace(f" {w} ", " ~ ")
    return padded.replace(" a week ~ ", " ~ ").replace(" days a week ", " ~ ")


def email_value(norm: str) -> Value:
    """An e-mail address, normalised ("deputy bayviewsheriff example"): matched by its domain words."""
    tokens = norm.split()
    return Value("email", items=frozenset({tokens[0]}), words=" ".join(tokens[1:]))


def emails_in(norm: str, domains: frozenset[str]) -> tuple[Value, ...]:
    """The e-mail addresses of a known domain ("... at bayviewsheriff example") in a normalised text."""
    found = []
    padded = f" {norm} "
    for domain in domains:
        for m in re.finditer(rf"(\S+) (?:at )?{re.escape(domain)} ", padded):
            found.append(Value("email", items=frozenset({m.group(1)}), words=domain))
    return tuple(found)


def _number(token: str) -> float | None:
    if token.isdigit():
        return float(token)
    return NUMBER_WORDS.get(token)


def _read_number(tokens: list[str], i: int) -> tuple[float, int] | None:
    """The number at tokens[i] ("twenty one", "21", "a couple of"), and the index after it."""
    n = _number(tokens[i])
    if n is None:
        return None
    j = i + 1
    if j < len(tokens) and tokens[j] == "hundred" and n < 10:  # "a hundred and fifty"
        n, j = n * 100, j + 1
        if j < len(tokens) and tokens[j] == "and":
            j += 1
        if j < len(tokens) and (rest := _read_number(tokens, j)) and rest[0] < 100 and tokens[j] not in ("a", "an"):
            n, j = n + rest[0], rest[1]
        return n, j
    if n in (20, 30, 40, 50, 60, 70, 80, 90) and j < len(tokens) and (k := _number(tokens[j])) and 1 <= k <= 9:
        n, j = n + k, j + 1
    if tokens[i] == "quarter" and j + 1 < len(tokens) and tokens[j] == "of":
        j += 2 if tokens[j + 1] in ("a", "an") else 1
    if j < len(tokens) and tokens[j] == "of" and tokens[i] in ("couple", "few"):
        j += 1
    if tokens[i] in ("a", "an") and j < len(tokens) and tokens[j] in ("couple", "few"):
        return _read_number(tokens, j)
    return n, j


def _phones(tokens: list[str]) -> list[Value]:
    """Runs of 7, 10 or 11 digits, written or spoken ("five five five, oh one seven oh"); a number that
    follows one ("555-0188 1450 Industrial Way") is cut off."""
    found, groups = [], []
    for t in tokens + ["."]:
        if t.isdigit() or (t in _DIGIT_WORDS and (groups or t not in ("o", "oh"))):
            groups.append(_DIGIT_WORDS.get(t, t))
            continue
        found += _numbers_in(groups)
        groups = []
    return [Value("phone", items=frozenset({r[-7:]}), words=r) for r in found]


def _numbers_in(groups: list[str]) -> list[str]:
    """The phone numbers in a run of digit groups, longest first from the left."""
    numbers, i = [], 0
    while i < len(groups):
        for j in range(len(groups), i, -1):
            digits = "".join(groups[i:j])
            if len(digits) in (7, 10, 11) and _dialled([len(g) for g in groups[i:j]]):
                numbers.append(digits)
                i = j
                break
        else:
            i += 1
    return numbers


def _dialled(groups: list[int]) -> bool:
    """Grouped as a phone number is (555-0170, 562 555 0170, digit by digit), not as a case number (26-05120)."""
    if len(groups) == 1 or all(g == 1 for g in groups):
        return True
    return groups[-1] == 4 and all(g in (1, 3) for g in groups[:-1])


def _unit(token: str) -> float | None:
    base = token[:-1] if token.endswith("s") and token[:-1] in UNITS else token
    return UNITS.get(base)


def _durations(tokens: list[str], norm: str) -> list[Value]:
    found = []
    i = 0
    while i < len(tokens):
        first = _read_number(tokens, i)
        if first is None:
            i += 1
            continue
        low, j = first
        high = VAGUE.get(tokens[i] if tokens[i] not in ("a", "an") else tokens[min(i + 1, len(tokens) - 1)], low)
        if j + 1 < len(tokens) and tokens[j] in ("to", "or", "and") and (second := _read_number(tokens, j + 1)):
            high, j = second
        business = j < len(tokens) and tokens[j] in ("business", "working", "work", "calendar")
        k = j + 1 if business else j
        unit = _unit(tokens[k]) if k < len(tokens) else None
        if unit is None or (tokens[i] in ("a", "an") and low == 1 and k != i + 1):
            i += 1
            continue
        if k + 1 < len(tokens) and tokens[k + 1] in _UNIT_NOUNS:
            i = k + 1
            continue  # "after a night shift", "a day job": a kind of thing
        if k + 1 < len(tokens) and tokens[k + 1] == "ago":
            i = k + 2
            continue  # "a couple of days ago" is when, not how long
        scale = unit * (BUSINESS_DAY if business and tokens[j] != "calendar" else 1)
        words = " ".join(tokens[i : k + 1])
        found.append(Value("duration", low * scale, high * scale, words=words))
        i = k + 1
    found += [Value("duration", 0, 0.05, words=w) for w in _ZERO_TIME if f" {w} " in f" {norm} "]
    return found


def _money(tokens: list[str], norm: str) -> list[Value]:
    found = []
    for i, t in enumerate(tokens):
        if t in ("dollars", "dollar", "bucks") and i > 0:
            starts = (s for s in range(max(0, i - 5), i) if (n := _read_number(tokens, s)) and n[1] == i)
            start = next(starts, None)  # the longest number that ends right before "dollars"
            if start is not None:
                amount = _read_number(tokens, start)[0]
                found.append(Value("money", amount, amount, words=f"${amount:g}"))
    if any(f" {w} " in f" {norm} " for w in _ZERO_MONEY):
        found.append(Value("money", 0, 0, words="free"))
    return found


def _days(tokens: list[str], norm: str) -> list[Value]:
    days: set[int] = set()
    for i, t in enumerate(tokens):
        day = _DAY_WORDS.get(t[:-1] if t.endswith("s") and t[:-1] in _DAY_WORDS else t)
        if day is None:
            if t in _DAY_SETS:
                days |= _DAY_SETS[t]
            continue
        days.add(day)
        if i + 2 < len(tokens) and tokens[i + 1] in ("through", "thru", "to", "till", "until"):
            end = _DAY_WORDS.get(tokens[i + 2].rstrip("s"))
            if end is not None:
                days |= set(range(day, end + 1))
    if any(f" {w} " in f" {norm} " for w in _ALL_DAYS):
        days |= set(range(7))
    return [Value("days", items=frozenset(days), words=", ".join(DAYS[d] for d in sorted(days)))] if days else []


def _hour(n: float, tokens: list[str], j: int) -> float:
    """An hour of the day from a clock number: "4" is 4 p.m. at a front desk, "8" is 8 a.m."""
    after = tokens[j] if j < len(tokens) else ""
    part = " ".join(tokens[j : j + 3])
    if part in ("in the afternoon", "in the evening", "at night"):
        after = "pm"
    elif part == "in the morning":
        after = "am"
    if after in ("p", "pm") or after.endswith("pm"):
        return n + 12 if n < 12 else n
    if after in ("a", "am") or after.endswith("am"):
        return 0 if n == 12 else n
    return n + 12 if 1 <= n <= 6 else n


def _clocks(tokens: list[str], norm: str) -> list[Value]:
    found = []
    if any(f" {w} " in f" {norm} " for w in _ALL_HOURS):
        found.append(Value("clock", 0, 24, words="24/7"))
    tokens = [t for t in (_split_ampm(t) for t in tokens) for t in t]
    for i, t in enumerate(tokens):
        n = _number(t) if t not in ("a", "an", "couple", "few", "half", "several") else None
        if n is None or not 1 <= n <= 24 or (i and tokens[i - 1] in ("a", "p")):
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        marked = after in _CLOCK_AFTER or (i and tokens[i - 1] in _TIME_LEAD) or t in ("noon", "midnight")
        marked = marked or " ".join(tokens[i + 1 : i + 4]) in ("in the morning", "in the afternoon", "in the evening")
        ranged = after in _RANGE and i + 2 < len(tokens) and _number(tokens[i + 2]) is not None
        ends = i >= 2 and tokens[i - 1] in _RANGE and _number(tokens[i - 2]) is not None
        if not (marked or ranged or ends) or (after and _unit(after) is not None):
            continue
        k = i + 3 if ranged else i + 1
        k += k < len(tokens) and tokens[k] in ("business", "working", "calendar")
        if k < len(tokens) and _unit(tokens[k]) is not None:
            continue  # "five to seven business days": a duration
        found.append(Value("clock", _hour(n, tokens, i + 1), _hour(n, tokens, i + 1), words=t))
    return _ranges(found)


def _split_ampm(token: str) -> list[str]:
    m = re.fullmatch(r"(\d{1,2})([ap]m)", token)
    return [m.group(1), m.group(2)] if m else [token]


def _ranges(found: list[Value]) -> list[Value]:
    """Clock times as one span from the first to the last ("8 to 4" is 8:00 to 16:00; "9 to 7", 9:00 to 19:00)."""
    if len(found) < 2 or any(v.words == "24/7" for v in found):
        return found
    start, end = found[0].low, found[-1].high
    if end <= start and end < 12:
        end += 12  # "9 to 7": the evening
    if end <= start and start > 12:
        start -= 12  # "6 to 2": six in the morning
    return [Value("clock", start, end, words=f"{found[0].words} to {found[-1].words}")]


def _ages(tokens: list[str]) -> list[Value]:
    found = []
    for i in range(len(tokens)):
        n = _read_number(tokens, i)
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


def _addresses(tokens: list[str]) -> list[Value]:
    found = []
    for i, t in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if t.isdigit() and len(t) >= 3 and after.isalpha() and any(w in _STREETS for w in tokens[i + 2 : i + 5]):
            found.append(Value("address", float(t), float(t), words=" ".join(tokens[i : i + 4])))
    return found
