"""One value a trainee states (`Value`, and whether it agrees with a right one) and the reading of spoken numbers
("twenty one", "a couple of") that every kind of value starts from.

Kept apart from bot.grading.quantities so the readers of each kind (bot.grading.phones, bot.grading.times) can
build on it without importing quantities, which imports them.
"""

from __future__ import annotations

from dataclasses import dataclass

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "couple": 2,
    "few": 3, "several": 4, "half": 0.5, "quarter": 0.25, "noon": 12, "midnight": 24,
}  # fmt: skip


@dataclass(frozen=True)
class Value:
    """One stated value: its kind and what it is (`low`..`high`, or `items` for days and texts)."""

    kind: str
    """"phone", "duration" (days), "money" (dollars), "days", "clock" (hours, 0-24), "age", "email", "address",
    "code" (a three-digit service number: 988, 911)."""
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
        if self.kind in ("email", "phone", "code"):
            return self.items == right.items
        return self.low == right.low


BUSINESS_DAY = 1.4
"""Calendar days per business day: ten business days is two weeks."""
DURATION_MARGIN = (0.8, 1.2)
"""How far a said duration may stray from the right one ("about a week" for five to seven business days)."""


def _within(said: Value, right: Value) -> bool:
    """A duration that fits the right one, with a margin; a span said of a span must share more than its end
    with it ("7 to 10 business days" for five to seven starts where the right one ends: a different wait)."""
    if _business_days_as_days(said, right):
        return True  # "ten days is a stretch" of ten business days: the figure told, its "business" left off
    if said.low > right.high * DURATION_MARGIN[1] or said.high < right.low * DURATION_MARGIN[0]:
        return False
    if said.high > said.low and right.high > right.low:
        return min(said.high, right.high) > max(said.low, right.low)
    return True


def _business_days_as_days(said: Value, right: Value) -> bool:
    """The said days are the right count of business days ("ten days" of ten business days)."""
    low, high = right.low / BUSINESS_DAY, right.high / BUSINESS_DAY
    return said.low >= 1 and abs(said.low - round(low)) < 1e-6 and abs(low - round(low)) < 1e-6 and (
        abs(said.high - round(high)) < 1e-6 and abs(high - round(high)) < 1e-6
    )


def number(token: str) -> float | None:
    if token.isdigit():
        return float(token)
    return NUMBER_WORDS.get(token)


def read_number(tokens: list[str], i: int) -> tuple[float, int] | None:
    """The number at tokens[i] ("twenty one", "21", "a couple of"), and the index after it."""
    n = number(tokens[i])
    if n is None:
        return None
    j = i + 1
    if j < len(tokens) and tokens[j] == "hundred" and n < 10:  # "a hundred and fifty"
        n, j = n * 100, j + 1
        if j < len(tokens) and tokens[j] == "and":
            j += 1
        if j < len(tokens) and (rest := read_number(tokens, j)) and rest[0] < 100 and tokens[j] not in ("a", "an"):
            n, j = n + rest[0], rest[1]
        return n, j
    if n in (20, 30, 40, 50, 60, 70, 80, 90) and j < len(tokens) and (k := number(tokens[j])) and 1 <= k <= 9:
        n, j = n + k, j + 1
    if tokens[i] == "quarter" and j + 1 < len(tokens) and tokens[j] == "of":
        j += 2 if tokens[j + 1] in ("a", "an") else 1
    if j < len(tokens) and tokens[j] == "of" and tokens[i] in ("couple", "few"):
        j += 1
    if tokens[i] in ("a", "an") and j < len(tokens) and tokens[j] in ("couple", "few"):
        return read_number(tokens, j)
    return n, j
