"""What one trainee message shows: the signals the engine reacts to and the grade counts.

A signal is credited to the first sentence that shows it, and that sentence is
kept as evidence. Spoilers (negation, dismissive or sarcastic wording in the
same sentence) cancel a courtesy signal, so "Sorry, not my problem" is not empathy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from bot.grading import lexicon as lx
from bot.grading.text import Sentence, split_sentences

CRITERIA: tuple[str, ...] = (
    "greeting",
    "empathy",
    "testing_questions",
    "offer_more_help",
    "appreciation",
)
"""The five graded criteria, in the order of a call."""

BUILTIN_SIGNALS: tuple[str, ...] = (
    *CRITERIA,
    "courteous_opener",
    "identifies",
    "clarifying_question",
    "dismissive",
    "rude",
    "sarcasm",
    "process_time",
    "contact_details",
    "invitation_to_return",
    "farewell",
    "long_sentences",
)
"""Every signal the detectors can report; scenario intents add their own names."""

LONG_SENTENCE_WORDS = 15
"""A sentence longer than this is hard to follow for someone with limited English."""


@dataclass(frozen=True)
class IntentMatcher:
    """A scenario-specific intent: any of its phrases (normalised) in a sentence."""

    name: str
    phrases: tuple[str, ...]

    def matches(self, norm: str) -> bool:
        padded = f" {norm} "
        return any(f" {p} " in padded for p in self.phrases)


@dataclass(frozen=True)
class MessageSignals:
    """The signals one message shows, each with the sentence that showed it."""

    evidence: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __contains__(self, signal: object) -> bool:
        return signal in self.evidence

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.evidence)


@lru_cache(maxsize=8192)
def detect(message: str, intents: tuple[IntentMatcher, ...] = ()) -> MessageSignals:
    """Return every signal the message shows, with its evidence sentence.

    Pure, so cached: the live engine and the final grade look at the same messages.
    """
    found: dict[str, str] = {}
    sentences = split_sentences(message)
    for sentence in sentences:
        for name in _sentence_signals(sentence, intents):
            found.setdefault(name, sentence.original)
    _add_greeting(found, sentences)
    return MessageSignals(MappingProxyType(found))


def _sentence_signals(s: Sentence, intents: tuple[IntentMatcher, ...]) -> list[str]:
    norm = s.norm
    rude = bool(lx.RUDE.search(norm))
    dismissive = bool(lx.DISMISSIVE.search(norm))
    sarcasm = bool(lx.SARCASM.search(norm) or lx.SARCASM_RAW.search(s.original))
    spoiled = rude or dismissive or sarcasm
    words = frozenset(norm.split())
    names = [name for name, hit in _COURTESY_CHECKS if _may_match(name, words) and hit(norm, spoiled)]
    names += [name for name, flag in (("rude", rude), ("dismissive", dismissive), ("sarcasm", sarcasm)) if flag]
    names += [name for name, hit in _FACT_CHECKS if _may_match(name, words) and hit(s)]
    if len(words) > LONG_SENTENCE_WORDS:
        names.append("long_sentences")
    if _is_question(norm) and _long_enough(norm) and not _is_courtesy_question(norm, names) and not dismissive:
        names.append("clarifying_question")
    names += [i.name for i in intents if i.matches(norm) and not _negated_intent(norm)]
    return names


def _may_match(signal: str, words: frozenset[str]) -> bool:
    gate = lx.GATES.get(signal)
    return gate is None or not gate.isdisjoint(words)


def _add_greeting(found: dict[str, str], sentences: list[Sentence]) -> None:
    """A greeting needs a courteous opener and an identification, anywhere in the message."""
    whole = " ".join(s.norm for s in sentences)
    if lx.SALUTATION.search(whole) or lx.COURTEOUS_OPENER.search(whole):
        found["courteous_opener"] = _quote(sentences)
    if lx.IDENTIFICATION.search(whole):
        found["identifies"] = _quote(sentences)
    if "courteous_opener" in found and "identifies" in found:
        found["greeting"] = _quote(sentences)


def _quote(sentences: list[Sentence]) -> str:
    return " ".join(s.original for s in sentences)


def _is_question(norm: str) -> bool:
    return "?" in norm or bool(lx.QUESTION_START.match(norm))


def _long_enough(norm: str) -> bool:
    """ "Hello?", "Yeah?" and "What?" are not information-gathering questions."""
    return len([w for w in norm.split() if w not in ("?", "!")]) >= 3


def _is_courtesy_question(norm: str, names: list[str]) -> bool:
    """Testing questions, offers and "how can I help" are not information-gathering."""
    if {"testing_questions", "offer_more_help"} & set(names):
        return True
    return bool(lx.COURTEOUS_OPENER.search(norm))


def _negated_intent(norm: str) -> bool:
    return bool(lx.DISMISSIVE.search(norm)) and ("can't" in norm or "not" in norm.split())


def _empathy(norm: str, spoiled: bool) -> bool:
    return not spoiled and bool(lx.EMPATHY.search(norm)) and not lx.EMPATHY_SPOILERS.search(norm)


def _testing(norm: str, spoiled: bool) -> bool:
    if spoiled or lx.TESTING_SPOILERS.search(norm) or not lx.TESTING_QUESTIONS.search(norm):
        return False
    return _is_question(norm) or "feel free to ask" in norm or "let me know" in norm


def _offer(norm: str, spoiled: bool) -> bool:
    return not spoiled and bool(lx.OFFER_MORE_HELP.search(norm)) and not lx.OFFER_SPOILERS.search(norm)


def _appreciation(norm: str, spoiled: bool) -> bool:
    if spoiled or not lx.APPRECIATION.search(norm):
        return False
    return not lx.APPRECIATION_SPOILERS.search(norm)


_COURTESY_CHECKS = (
    ("empathy", _empathy),
    ("testing_questions", _testing),
    ("offer_more_help", _offer),
    ("appreciation", _appreciation),
)
_FACT_CHECKS = (
    ("process_time", lambda s: bool(lx.PROCESS_TIME.search(s.norm))),
    ("contact_details", lambda s: bool(lx.CONTACT_DETAILS_RAW.search(s.original))),
    ("invitation_to_return", lambda s: bool(lx.INVITATION_TO_RETURN.search(s.norm))),
    ("farewell", lambda s: bool(lx.FAREWELL.search(s.norm))),
)
