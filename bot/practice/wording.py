"""The visitor's language, read from bot/practice/phrases/*.yaml with the grader's (bot.grading.phrasing).

What the visitor hears in a trainee's message (word lists, and the patterns built of them) and the stock
lines it says are data; the modules of this package keep the logic and compile the data here, once, at
import. A department's phrases.yaml may add to the visitor's lists too ("cheers then" as a sign-off).
"""

from __future__ import annotations

import re

from bot.grading.lexicon import PHRASING, compile_signal


def pattern(name: str, flags: int = 0) -> re.Pattern[str]:
    """The named patterns as one regular expression ("{list}" expanded to the words of that list)."""
    return compile_signal(name, flags).pattern


def patterns(names: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    """Each of the space-separated names as one regular expression (over raw text in any case, by default)."""
    return tuple(pattern(name, flags) for name in names.split())


def words(name: str) -> tuple[str, ...]:
    """A word list, in the order written."""
    return PHRASING.word_list(name)


def pairs(name: str) -> dict[str, str]:
    """A word list of pairs ("mom mother", "no1 no one": the first word read as the rest), as a mapping."""
    return dict(w.split(" ", 1) for w in words(name))


def kinds(prefix: str, flags: int = re.IGNORECASE) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The patterns named "prefix.kind", each with its kind, in the order read (the first that matches wins)."""
    return tuple(
        (name[len(prefix) + 1 :], pattern(name, flags)) for name in PHRASING.patterns if name.startswith(prefix + ".")
    )


def says(name: str) -> tuple[str, ...]:
    """The visitor's stock lines of that name."""
    return PHRASING.said(name)


def said(names: str) -> tuple[tuple[str, ...], ...]:
    """The stock lines of each of the space-separated names."""
    return tuple(says(name) for name in names.split())


def nested(prefix: str) -> dict:
    """The stock lines named "prefix.a.b...", as mappings nested by each part of the name, in the order read."""
    found: dict = {}
    for name in PHRASING.says:
        if name.startswith(prefix + "."):
            *path, last = name[len(prefix) + 1 :].split(".")
            place = found
            for part in path:
                place = place.setdefault(part, {})
            place[last] = says(name)
    return found


def table(prefix: str) -> dict:
    """The stock lines named "prefix.key" (or "prefix.key.other", keyed by the tuple), by key, in the order read."""
    found: dict = {}
    for name in PHRASING.says:
        if name.startswith(prefix + "."):
            rest = name[len(prefix) + 1 :]
            found[tuple(rest.split(".")) if "." in rest else rest] = says(name)
    return found


def going_on(said: str) -> str:
    """Words said after others in one sentence ("..., and ten business days", "..., and even if I feel okay"): a
    common first word lower-cased (bot/practice/phrases/speaking.yaml), a name or "I" kept."""
    first = said.split(" ", 1)[0].lower()
    return said[:1].lower() + said[1:] if first in _COMMON_OPENERS and first != "i" and first[:2] != "i'" else said


_COMMON_OPENERS = frozenset(words("common_openers"))
