"""Phone numbers, three-digit service numbers (988, 911) and street numbers in a normalised text: digit strings
that say where to call or go, not how much or how long.

Kept apart from bot.grading.quantities (which reads every kind of value with `values_in`) because telling a
dialled number from a case number, an amount or a street number is a subject of its own.
"""

from __future__ import annotations

from bot.grading.value import Value

DIGIT_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
                "six": "6", "seven": "7", "eight": "8", "nine": "9"}  # fmt: skip
_STREETS = frozenset(
    "street st avenue ave boulevard blvd drive dr way road rd lane ln court ct place pl highway".split()
)


def read_phones(tokens: list[str]) -> list[Value]:
    """Runs of 7, 10 or 11 digits, written or spoken ("five five five, oh one seven oh"); a number that
    follows one ("555-0188 1450 Industrial Way") is cut off."""
    found, groups = [], []
    for t in tokens + ["."]:
        if t.isdigit() or (t in DIGIT_WORDS and (groups or t not in ("o", "oh"))):
            groups.append(DIGIT_WORDS.get(t, t))
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


def read_addresses(tokens: list[str]) -> list[Value]:
    found = []
    for i, t in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if t.isdigit() and len(t) >= 3 and after.isalpha() and any(w in _STREETS for w in tokens[i + 2 : i + 5]):
            found.append(Value("address", float(t), float(t), words=" ".join(tokens[i : i + 4])))
    return found


_CODE_DIALS = frozenset(("call", "calling", "called", "dial", "dialing", "dialling", "dialed", "dialled", "text",
                         "texting", "ring", "ringing", "try"))  # fmt: skip
_CODE_JOINS = frozenset(("conference", "conferencing", "connect", "connecting", "patch", "patching", "transfer",
                         "transferring", "bring", "bringing", "get", "getting", "loop", "looping"))  # fmt: skip
_CODE_LEADS = _CODE_DIALS | _CODE_JOINS
_CODE_WEAK = frozenset(("is", "it's", "at", "to", "in", "into", "the", "number", "line", "hotline", "lifeline"))
_CODE_NOUNS = frozenset(("line", "hotline", "lifeline", "number", "crisis", "help", "suicide", "counselor",
                         "counsellor", "operator", "dispatcher"))  # fmt: skip


def read_codes(tokens: list[str]) -> list[Value]:
    """Three-digit service numbers (988, 911, 211): the whole text ("988", a right value as agency.yaml writes it),
    or dialled ("call 998", "text nine eight eight", "conferencing in 988", "the 988 line", "the lifeline is 988");
    not a street number ("at 412 Pine Street") or an amount."""
    if len(tokens) == 1 and len(tokens[0]) == 3 and tokens[0].isdigit():
        return [Value("code", items=frozenset({tokens[0]}), words=tokens[0])]
    found = []
    i = 0
    while i < len(tokens):
        j, digits = i, ""
        while j < len(tokens) and (tokens[j].isdigit() or tokens[j] in DIGIT_WORDS) and len(digits) <= 3:
            digits += DIGIT_WORDS.get(tokens[j], tokens[j])
            j += 1
        if j == i:
            i += 1
            continue
        if len(digits) == 3 and j - i in (1, 3) and _dialled_code(tokens, i, j):
            found.append(Value("code", items=frozenset({digits}), words=digits))
        i = j
    return found


def _dialled_code(tokens: list[str], i: int, j: int) -> bool:
    """Is the number at tokens[i:j] a service number someone dials (not a street number, an amount, a time)?"""
    lead, lead2 = (tokens[i - 1] if i else ""), (tokens[i - 2] if i > 1 else "")
    after = tokens[j] if j < len(tokens) else ""
    if (j < len(tokens) and tokens[j].isdigit()) or after in _NOT_CODE or not _STREETS.isdisjoint(tokens[j : j + 4]):
        return False
    if lead in _CODE_LEADS or after in _CODE_NOUNS or (lead2 in _CODE_LEADS and lead in _CODE_WEAK):
        return True
    return lead in _CODE_WEAK and not _CODE_NOUNS.isdisjoint(tokens[max(0, i - 6) : i])


_NOT_CODE = frozenset(
    ("dollars", "bucks", "days", "day", "minutes", "hours", "weeks", "street", "st", "avenue", "ave", "block", "main",
     "north", "south", "east", "west", "a", "p", "am", "pm", "o'clock")
)  # fmt: skip
