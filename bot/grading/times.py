"""Lengths of time, days of the week and clock times in a normalised text ("five to seven business days",
"Tuesdays and Thursdays", "8 to 4").

Kept apart from bot.grading.quantities (which reads every kind of value with `values_in`) because these three
share their words (units, day names, ranges such as "to" and "through") and must tell one another apart:
"seven days a week" is which days, not how long; "five to seven business days" is a wait, not a clock span.
"""

from __future__ import annotations

import re

from bot.grading.clauses import WORDS
from bot.grading.text import normalise
from bot.grading.value import BUSINESS_DAY, Value, number, read_number

_NOT_DURATIONS = tuple(dict.fromkeys(normalise(w) for w in WORDS["not_durations"].wordings))
"""Read as a trainee's words are ("hold on a minute" normalises to "hold on a minutes")."""
_UNIT_NOUNS = frozenset(WORDS["unit_nouns"].wordings)
"""A unit word before one of these names a thing, not a length of time ("after a night shift")."""
UNITS = {"minute": 1 / 1440, "min": 1 / 1440, "hour": 1 / 24, "hr": 1 / 24, "day": 1.0, "night": 1.0,
         "week": 7.0, "wk": 7.0, "month": 30.0, "year": 365.0, "yr": 365.0}  # fmt: skip
VAGUE = {"couple": 3, "few": 5, "several": 7}
"""How far a vague number reaches: "a few business days" is three to five of them."""
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
_ALL_DAYS = ("every day", "any day", "seven days a week", "7 days a week", "open 7 days", "open seven days", "all week",
             "any time", "24 7", "24 hours a day", "around the clock", "anytime")  # fmt: skip
"""Which days ("open 7 days"), never a wait ("in 5 to 7 days" is how long a copy takes)."""
_ALL_HOURS = ("24 7", "around the clock", "24 hours a day", "open 24 hours", "open 24 hrs", "opened 24 hours",
              "staffed 24 hours", "open twenty four hours", "open all night", "open all day and night")  # fmt: skip
"""Hours, not how long: "they're open 24 hours" is a clock span of the whole day."""
_ZERO_TIME = ("while you wait", "on the spot", "same day", "walk out with it", "same afternoon")
_CLOCK_AFTER = frozenset(("a", "p", "am", "pm", "o'clock", "oclock"))
_RANGE = frozenset(("to", "till", "til", "until", "through", "thru", "and"))
_TIME_LEAD = frozenset(("from", "till", "til", "until", "at", "between", "by", "opens", "closes", "after", "before"))


def without_day_sets(norm: str) -> str:
    """ "seven days a week" says which days, not how long; "give me a minute" is no duration."""
    padded = f" {norm} "
    for w in _ALL_DAYS + _ALL_HOURS:
        padded = padded.replace(f" {w} ", " ~ ")
    for w in _NOT_DURATIONS:
        padded = padded.replace(f" {w} ", " ~ ")
    return padded.replace(" a week ~ ", " ~ ").replace(" days a week ", " ~ ")


def _unit(token: str) -> float | None:
    base = token[:-1] if token.endswith("s") and token[:-1] in UNITS else token
    return UNITS.get(base)


def read_durations(tokens: list[str], norm: str) -> list[Value]:
    found = []
    i = 0
    while i < len(tokens):
        first = read_number(tokens, i)
        if first is None:
            i += 1
            continue
        low, j = first
        high = VAGUE.get(tokens[i] if tokens[i] not in ("a", "an") else tokens[min(i + 1, len(tokens) - 1)], low)
        if j + 1 < len(tokens) and tokens[j] in ("to", "or", "and") and (second := read_number(tokens, j + 1)):
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


def read_days(tokens: list[str], norm: str) -> list[Value]:
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


def read_clocks(tokens: list[str], norm: str) -> list[Value]:
    found = []
    if any(f" {w} " in f" {norm} " for w in _ALL_HOURS):
        found.append(Value("clock", 0, 24, words="24/7"))
    tokens = [t for t in (_split_ampm(t) for t in tokens) for t in t]
    for i, t in enumerate(tokens):
        n = number(t) if t not in ("a", "an", "couple", "few", "half", "several") else None
        if n is None or not 1 <= n <= 24 or (i and tokens[i - 1] in ("a", "p")):
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        marked = after in _CLOCK_AFTER or (i and tokens[i - 1] in _TIME_LEAD) or t in ("noon", "midnight")
        marked = marked or " ".join(tokens[i + 1 : i + 4]) in ("in the morning", "in the afternoon", "in the evening")
        ranged = after in _RANGE and i + 2 < len(tokens) and number(tokens[i + 2]) is not None
        ends = i >= 2 and tokens[i - 1] in _RANGE and number(tokens[i - 2]) is not None
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
