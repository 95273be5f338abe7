"""Gates derived from patterns: the words a regular expression cannot match without.

A pattern runs on every sentence of every message, so each one sits behind a gate: a few
words, one of which any match must contain. A set lookup is much cheaper than the regex,
and most sentences hold none of the words.

The gates used to be kept by hand beside the patterns, and nothing checked that they still
agreed when a pattern grew a new word. Here they are read off the compiled pattern itself,
so a gate is right by construction: it is only ever a necessary condition.

Two kinds, best first:
- word parts: a literal the pattern bounds on both sides (by "\\b", a space, "^" or "$") is a
  whole word part of any text it matches, where the parts of a text are its runs of letters
  and digits (`parts`): `\\bhello\\b` cannot match a text without the part "hello";
- needles: failing that, literal text any match holds ("thank" in `\\bthank(s| you)`).
A pattern with neither gets no gate and always runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from re import _constants as C  # noqa: N812 - the regex parser's own opcode names
from re import _parser

from bot.grading.grammar import COMMON_WORDS

Found = frozenset[str]
_SEPARATOR = re.compile(r"[^a-z0-9]+")
_BOUNDS = frozenset({C.AT_BOUNDARY, C.AT_BEGINNING, C.AT_BEGINNING_STRING, C.AT_END, C.AT_END_STRING})
_ZERO_WIDTH = frozenset({C.AT, C.ASSERT, C.ASSERT_NOT})
"""Items that consume nothing: a run of literals goes on across "\\b" or a lookahead."""


def parts(text: str) -> frozenset[str]:
    """The word parts of normalised text: its runs of letters and digits ("we're here ?" -> we, re, here, ?).

    Normalised text (text.py) holds nothing but words, "'" inside them, and "?", "!", "," as words of
    their own, so splitting at spaces and apostrophes is enough (and cheaper than a regex)."""
    return frozenset(text.replace("'", " ").split())


@dataclass(frozen=True)
class Gate:
    """What a text must hold before its pattern is worth running."""

    words: Found | None = None
    """Word parts (see `parts`): a text holding one of them is admitted."""
    needles: Found | None = None
    """Literal text: a text holding one of them is admitted too. Neither: the pattern always runs."""

    def __post_init__(self) -> None:
        finder = re.compile("|".join(map(re.escape, sorted(self.needles)))) if self.needles else None
        object.__setattr__(self, "_finder", finder)  # one search for all the needles

    def admits(self, text: str, text_parts: frozenset[str] | None = None) -> bool:
        if self.words is None and self.needles is None:
            return True
        if self.words and not self.words.isdisjoint(parts(text) if text_parts is None else text_parts):
            return True
        return self._finder is not None and self._finder.search(text) is not None  # type: ignore[attr-defined]


def gate_of(patterns: Iterable[re.Pattern[str] | str], *, cheapest: bool = True) -> Gate:
    """The gate of a set of alternatives: each one's words or needles, whichever lets fewer texts through
    (`cheapest`), else its words whenever it has some (a set lookup is cheaper than a needle search);
    no gate when one has neither."""
    words: set[str] = set()
    needles: set[str] = set()
    for pattern in patterns:
        tree = _parser.parse(pattern.pattern if isinstance(pattern, re.Pattern) else pattern)
        whole, text = _analyse(tree, False, False, whole=True), _analyse(tree, False, False, whole=False)
        if whole and (not cheapest or not text or _cost(whole) <= 2 * _cost(text)):  # a needle finds more
            words |= whole
        elif text:
            needles |= text
        else:
            return Gate()
    shortest = frozenset(n for n in needles if not any(o != n and o in n for o in needles))
    return Gate(frozenset(words), shortest or None) if words or needles else Gate()


def _union(sets: Iterable[Found | None]) -> Found | None:
    found: set[str] = set()
    for one in sets:
        if not one:
            return None
        found |= one
    return frozenset(found)


def _analyse(items: _parser.SubPattern | list, start: bool, end: bool, *, whole: bool) -> Found | None:
    """The best set one of which every match of the sequence holds: whole word parts when `whole`
    (`start`/`end`: is the sequence bounded there), else literal needles; None when there is none."""
    items = list(items)
    candidates: list[Found | None] = []
    run, run_start, run_end, bounded = "", False, False, start
    for i, (op, arg) in enumerate(items):
        if op is C.LITERAL:
            run, run_start = (run + chr(arg), run_start) if run else (chr(arg), bounded)
            bounded, run_end = not chr(arg).isalnum(), False
            continue
        if op in _ZERO_WIDTH:
            at_bound = op is C.AT and arg in _BOUNDS
            bounded, run_end = bounded or at_bound, run_end or at_bound
            continue
        choices = _choices(op, arg) if whole and run[-1:].isalnum() and not run_end else None
        if choices is not None:  # "to(day|night)", "minute(s)?": the word goes on into the choice
            head, tail = _TAIL.match(run).groups()  # type: ignore[union-attr]
            if head:
                candidates.append(_run_found(head, run_start, True, whole))
            letters = [(C.LITERAL, ord(c)) for c in tail]
            after = _ends_bounded(items, i + 1, end)
            found = (_analyse(letters + list(c), bool(head) or run_start, after, whole=True) for c in choices)
            candidates.append(_union(found))
            run, bounded = "", op is C.BRANCH and _edge_bounded([(op, arg)], last=True)
            continue
        if run:
            candidates.append(_run_found(run, run_start, run_end or _ends_bounded(items, i, end), whole))
            run = ""
        if op is C.SUBPATTERN or op is C.BRANCH or (op in _REPEATS and arg[0] >= 1):
            candidates.append(_item_found(op, arg, bounded, _ends_bounded(items, i + 1, end), whole))
        if op in _REPEATS and arg[0] == 0:  # skipped, or taken: bounded either way, or not
            bounded = bounded and _edge_bounded(list(arg[2]), last=True)
        else:
            bounded = _edge_bounded([(op, arg)], last=True)
    if run:
        candidates.append(_run_found(run, run_start, run_end or end, whole))
    usable = [c for c in candidates if c]
    if not usable:
        return None
    return min(usable, key=_cost)


_REPEATS = frozenset({C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT})
_TAIL = re.compile(r"(.*[^a-z0-9])?([a-z0-9]+)$", re.S)
"""A run of literals as what comes before its last, unfinished word, and that word."""


def _choices(op: object, arg: object) -> list | None:
    """The ways a choice or an optional item may go ("(s| you)": "s", " you"; "s?": "s", nothing)."""
    if op is C.BRANCH:
        return list(arg[1])  # type: ignore[index]
    if op in _REPEATS and arg[0] == 0 and arg[1] == 1:  # type: ignore[index]
        return [arg[2], []]  # type: ignore[index]
    return None


def _cost(found: Found) -> int:
    """How often a set is likely to let a sentence through: a common word ("you", "have") costs
    as much as fifty rare ones (the measure grammar.py keys its frames by)."""
    return sum(
        1000 if not word.strip() else 50 if word.strip() in COMMON_WORDS or len(word) < 3 else 1 for word in found
    )


def _worth(word: str) -> tuple[bool, int]:
    return word not in COMMON_WORDS, len(word)


def _ends_bounded(items: list, i: int, end: bool) -> bool:
    """Is the text just before item i bounded: the sequence ends there (and is bounded), or what
    follows starts with "\\b", "$" or a character that is not a letter or digit."""
    return _edge_bounded(items[i:], last=False, beyond=end)


def _edge_bounded(items: list, *, last: bool, beyond: bool = False) -> bool:
    """Does every match of the sequence start (or, `last`, end) with a bound: "\\b", "^", "$", or a
    character that is not a letter or digit ("(?:well |so )" ends with one, "(s| you)" does not start so).
    An optional item at the edge counts when it is bounded itself and so is what lies beyond it, and a
    lookahead ("(?= ,|$)") when what it looks for is; `beyond`: is the text past the sequence bounded."""
    for op, arg in reversed(items) if last else items:
        if op is C.LITERAL:
            return not chr(arg).isalnum()
        if op is C.AT:
            return arg in _BOUNDS
        if op is C.ASSERT and arg[0] == 1 and not last and _edge_bounded(list(arg[1]), last=False):
            return True
        if op in (C.ASSERT, C.ASSERT_NOT):
            continue
        if op is C.SUBPATTERN:
            return _edge_bounded(list(arg[-1]), last=last)
        if op is C.BRANCH:
            return all(_edge_bounded(list(b), last=last) for b in arg[1])
        if op not in _REPEATS or not _edge_bounded(list(arg[2]), last=last):
            return False
        if arg[0] >= 1:
            return True
    return beyond


def _run_found(run: str, start: bool, end: bool, whole: bool) -> Found | None:
    """A literal run's best word part that is whole (bounded on both sides), or the run as a needle."""
    if not whole:
        return frozenset([run])
    pieces = _SEPARATOR.split(run)
    last = len(pieces) - 1
    complete = [p for i, p in enumerate(pieces) if p and (i > 0 or start) and (i < last or end)]
    return frozenset([max(complete, key=_worth)]) if complete else None


def _item_found(op: object, arg: object, start: bool, end: bool, whole: bool) -> Found | None:
    """The set of a group, a choice or a repeat that must happen at least once."""
    if op is C.SUBPATTERN:
        return _analyse(arg[-1], start, end, whole=whole)  # type: ignore[index]
    if op is C.BRANCH:
        return _union(_analyse(branch, start, end, whole=whole) for branch in arg[1])  # type: ignore[index]
    low, high, sub = arg  # type: ignore[misc]
    return _analyse(sub, start, end and high == 1, whole=whole)
