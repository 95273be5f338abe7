"""Scenario intents matched by meaning: concepts in any order and form, numbers in any format.

An intent (scenarios/*.yaml, `intents:`) may list literal `phrases` (the old form), `means`
(ways of saying it: each a list of slots that must all appear in one sentence, in any order)
and `numbers` (phone numbers, matched however they are written). A slot is alternatives
separated by `|`: a word ("take" also matches takes, took, taking, taken), a wording of
several words ("write up"), a prefix ending in `*` ("dispatch*") or a shared concept
`@name` from `CONCEPTS` below.

`MeaningIntent` has the interface the detectors expect of an intent (`name`, `matches(norm)`
over a normalised sentence), so the detection layer needs no change to use it.

What a trainee's question asks (its topics, the kind of check of understanding) is matched by
the regular-expression tables of bot.scenarios.questions, re-exported here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from functools import lru_cache

# What a question asks lives in bot.scenarios.questions; its public names are re-exported here, where the
# practice engine and the tests have always imported them.
from bot.scenarios.questions import AGREEMENT_CHECK as AGREEMENT_CHECK
from bot.scenarios.questions import QUESTION_TOPICS as QUESTION_TOPICS
from bot.scenarios.questions import asked_words as asked_words
from bot.scenarios.questions import checks_understanding as checks_understanding
from bot.scenarios.questions import question_topics as question_topics
from bot.scenarios.questions import testing_kind as testing_kind

CONCEPTS: dict[str, str] = {
    "send": "send | dispatch* | have a deputy | get a deputy | get someone | have someone | on the way | "
    "on their way | on his way | on her way | headed | heading | coming out | come out | coming by | come by | "
    "stop by | roll | en route",
    "deputy": "deputy | deputies | officer | officers | patrol | car | unit | someone | somebody | sheriff",
    "now": "now | right away | immediately | shortly | soon | minutes | asap | straight away | tonight",
    "call": "call | phone | ring | reach | contact | get in touch | get ahold | get a hold | give a call | dial",
    "report": "report | case | complaint | incident | file",
    "take": "take | write | write up | file | log | document | record | start | open | handle | process | "
    "fill out | put in | put down | make | create | do",
    "owner": "owner | owners | whoever owns | whoever lost | person who lost | rightful",
    "receipt": "receipt | paperwork | copy | property number | reference number | item number | slip",
    "online": "online | website | web site | web | internet | computer | sheriff dot | portal",
    "fee": "fee | cost* | charge | dollar* | pay | price | fifteen | twenty five",
    "transfer": "transfer* | connect* | put you through | patch you | hand you over | warm transfer",
    "stay": "stay on | stay with me | hold on | hang on | don't hang up | keep the line | remain on",
}
"""Shared concepts a scenario refers to as `@name` in a slot."""

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "take": ("took", "taken", "taking"),
    "write": ("wrote", "written", "writing"),
    "give": ("gave", "given", "giving"),
    "send": ("sent", "sending"),
    "get": ("got", "gotten", "getting"),
    "find": ("found",),
    "speak": ("spoke", "spoken"),
    "make": ("made", "making"),
    "do": ("did", "done", "doing", "does"),
    "come": ("came", "coming"),
    "go": ("went", "gone", "going", "goes"),
    "bring": ("brought",),
    "tell": ("told",),
    "leave": ("left", "leaving"),
    "hold": ("held",),
    "put": ("putting",),
    "run": ("ran", "running"),
    "see": ("saw", "seen", "seeing"),
    "pay": ("paid",),
    "have": ("has", "had", "having"),
    "be": ("is", "are", "was", "were", "been", "being", "am"),
    "keep": ("kept",),
    "hang": ("hung",),
    "steal": ("stole", "stolen"),
    "tow": ("towed", "towing"),
    "ring": ("rang", "rung"),
    "stop": ("stopped", "stopping"),
    "log": ("logged", "logging"),
    "drop": ("dropped", "dropping"),
    "plan": ("planned",),
    "ship": ("shipped",),
}

NEGATORS = frozenset(
    "not can't cannot won't don't didn't doesn't isn't aren't wasn't never unable shouldn't couldn't wouldn't".split()
)
_NOT_A_NEGATION_AFTER = frozenset(("worry", "hesitate", "forget", "mind", "panic", "wait"))
_NEGATION_WINDOW = 3
_SLOT_SPLIT = re.compile(r"\s*\|\s*")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@functools.cache  # one set a word, shared by every slot that names it (the slots hold thousands)
def forms(word: str) -> frozenset[str]:
    """A word and its common inflections: take -> takes, taking, took, taken ..."""
    found = {word, *_IRREGULAR.get(word, ())}
    if len(word) < 3 or not word.isalpha():
        return frozenset(found)
    found |= {word + "s", word + "ed", word + "ing", word + "er", word + "ers", word + "'s"}
    if word.endswith("e"):
        found |= {word + "d", word[:-1] + "ing", word + "r", word + "rs"}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        found |= {word + "es"}
    if word.endswith("y") and word[-2] not in "aeiou":
        found |= {word[:-1] + "ies", word[:-1] + "ied"}
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", word):
        found |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return frozenset(found)


@dataclass(frozen=True)
class Wording:
    """One alternative of a slot: words in sequence, each a set of forms (or a prefix)."""

    words: tuple[frozenset[str] | str, ...]
    """A frozenset: any of these tokens; a str: a prefix (written `dispatch*`)."""

    def positions(self, tokens: tuple[str, ...], present: frozenset[str]) -> list[int]:
        first = self.words[0]
        if isinstance(first, frozenset) and first.isdisjoint(present):
            return []
        n = len(self.words)
        return [i for i in range(len(tokens) - n + 1) if all(_fits(w, tokens[i + k]) for k, w in enumerate(self.words))]


def _fits(word: frozenset[str] | str, token: str) -> bool:
    return token in word if isinstance(word, frozenset) else token.startswith(word)


Slot = tuple[Wording, ...]


def parse_slot(text: str, normalise=None) -> Slot:
    """`take | write up | dispatch* | @send` -> its wordings (concepts expanded)."""
    wordings: list[Wording] = []
    for alternative in _SLOT_SPLIT.split(text.strip()):
        if not alternative:
            continue
        if alternative.startswith("@"):
            concept = CONCEPTS.get(alternative[1:].strip())
            if concept is None:
                raise ValueError(f"unknown concept '{alternative}' (known: {', '.join(sorted(CONCEPTS))})")
            wordings += parse_slot(concept, normalise)
            continue
        words: list[frozenset[str] | str] = []
        raw_words = alternative.lower().split()
        for raw in raw_words:
            if raw.endswith("*") and len(raw) > 2:
                words.append(raw[:-1])
                continue
            token = normalise(raw) if normalise else raw
            tokens = _WORD.findall(token) or [token]
            words += [forms(t) for t in tokens]
        if words:
            wordings.append(Wording(tuple(words)))
    return tuple(wordings)


def digits_of(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return digits[-7:] if len(digits) >= 7 else digits


@dataclass(frozen=True)
class MeaningIntent:
    """A scenario intent: a literal phrase, a way of saying it (slots in any order) or a number."""

    name: str
    phrases: tuple[str, ...] = ()
    """Normalised literal phrases (the original format)."""
    means: tuple[tuple[Slot, ...], ...] = ()
    numbers: tuple[str, ...] = ()
    """The last seven digits of each number."""
    gates: tuple[frozenset[str] | None, ...] = field(default=(), compare=False, repr=False)
    """Per way of saying it: the words one of which must be in a sentence for it to match (None: a prefix
    slot, no gate). Derived, so a sentence with none of them is passed over without a search."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "gates", tuple(_gate(m) for m in self.means))
        object.__setattr__(self, "_hash", hash((self.name, self.phrases, self.means, self.numbers)))

    def __hash__(self) -> int:
        """Computed once: intents key the grader's caches, and hashing every slot's wordings on each look-up
        cost more than the look-up saved."""
        return self._hash  # type: ignore[attr-defined]

    def matches(self, norm: str, negation: bool = True) -> bool:
        """Does the normalised sentence say it? `negation=False` also counts a negated way of saying it
        ("we can't send a deputy" is about sending a deputy)."""
        return self.evidence(norm, negation) is not None

    def evidence(self, norm: str, negation: bool = True) -> str | None:
        """The phrase, number or way of saying it that matched, or None."""
        if self.phrases:
            padded = f" {norm} "
            found = next((p for p in self.phrases if f" {p} " in padded), None)
            if found:
                return found
        view = _view(norm)
        if self.numbers and (run := next((r for r in view.numbers if r.endswith(self.numbers)), None)):
            return run
        return next(
            (
                " + ".join(_slot_text(m, view))
                for m, gate in zip(self.means, self.gates, strict=True)
                if (gate is None or not gate.isdisjoint(view.present)) and _means_match(m, view, negation)
            ),
            None,
        )


@dataclass(frozen=True)
class _View:
    tokens: tuple[str, ...]
    present: frozenset[str]
    numbers: tuple[str, ...]
    """Runs of adjacent digit tokens, joined: "562 555 0188" -> "5625550188"."""


@lru_cache(maxsize=16384)
def _view(norm: str) -> _View:
    tokens = tuple(norm.split())
    runs, current = [], ""
    for t in tokens:
        if t.isdigit():
            current += t
        else:
            if len(current) >= 7:
                runs.append(current)
            current = ""
    if len(current) >= 7:
        runs.append(current)
    return _View(tokens, frozenset(tokens), tuple(r for r in runs if len(r) in (7, 10, 11)))


def _gate(slots: tuple[Slot, ...]) -> frozenset[str] | None:
    """The first words of the wordings of the way's most selective slot (None when every slot has a prefix)."""
    best: frozenset[str] | None = None
    for slot in slots:
        firsts = [w.words[0] for w in slot]
        if any(isinstance(f, str) for f in firsts):
            continue  # a prefix ("dispatch*") can start anywhere
        words = frozenset().union(*firsts)
        if best is None or len(words) < len(best):
            best = words
    return best


def _means_match(slots: tuple[Slot, ...], view: _View, negation: bool = True) -> bool:
    hits: list[int] = []
    for slot in slots:
        found = [p for wording in slot for p in wording.positions(view.tokens, view.present)]
        if not found:
            return False
        hits.append(min(found))
    return not negation or not any(_negated(view.tokens, p) for p in hits)


def _slot_text(slots: tuple[Slot, ...], view: _View) -> list[str]:
    """The words of the sentence that filled each slot (for "why" explanations)."""
    words = []
    for slot in slots:
        found = [(p, len(w.words)) for w in slot for p in w.positions(view.tokens, view.present)]
        p, n = min(found)
        words.append(" ".join(view.tokens[p : p + n]))
    return words


def _negated(tokens: tuple[str, ...], position: int) -> bool:
    for i in range(max(0, position - _NEGATION_WINDOW), position):
        if tokens[i] in NEGATORS and not (i + 1 < len(tokens) and tokens[i + 1] in _NOT_A_NEGATION_AFTER):
            return True
    return False


def matches_text(intent: MeaningIntent, text: str, split) -> bool:
    """Does any sentence of `text` (split and normalised by `split`) show the intent?"""
    return any(intent.matches(s.norm) for s in split(text))
