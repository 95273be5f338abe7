"""What one trainee message shows: the signals the engine reacts to and the grade counts.

A signal is credited to the first sentence that shows it, and that sentence is
kept as evidence. Courtesy is recognised by speech act (the frames of phrases/*.yaml:
sympathising, checking understanding, offering more help, thanking), then checked
against its spoilers: negation, an apology for one's own conduct or one that only
softens a refusal, and rude, dismissive or sarcastic wording in the same sentence.

Tone is read by meaning too: rude or dismissive words that are negated, quoted or
reported ("I'm not going to tell you to calm down") are excused in their own clause,
and a feeling word said of what happened ("it's awful") is sympathy only when it is
not the speaker's own story ("I went through the same. It was awful.").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from bot.grading import lexicon as lx
from bot.grading import shapes
from bot.grading.gates import parts as word_parts
from bot.grading.grammar import Act
from bot.grading.tags import checked_across
from bot.grading.text import Sentence, split_sentences
from bot.transcript import CRITERIA

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
    "wrong_information",
)
"""Every signal the detectors can report; scenario intents add their own names."""

LONG_SENTENCE_WORDS = 15
"""A sentence longer than this is hard to follow for someone with limited English."""

_ACTS: dict[str, Act] = lx.ACTS
"""The speech acts, compiled from phrases/*.yaml (the empathy, testing, offer, appreciation and tone frames)."""


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
    sentences: tuple[tuple[Sentence, frozenset[str]], ...] = field(default=(), compare=False)
    """Each sentence of the message (as `split_sentences` cuts it) with the built-in signals it shows read as a
    message of its own: no scenario intents, no neighbour's hostility taking its courtesy, and no greeting (which
    only a whole message makes). What a reader of one sentence needs ("is this sentence a check of
    understanding?") without detecting it again."""

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
    sentences = split_sentences(message)
    own = [_sentence_signals(sentence) for sentence in sentences]
    signals = [names + _intents_of(s, intents) for s, names in zip(sentences, own, strict=True)] if intents else own
    found = _credited(sentences, signals)
    _add_greeting(found, sentences)
    alone = tuple((s, _read_alone(s, names)) for s, names in zip(sentences, own, strict=True))
    return MessageSignals(MappingProxyType(found), alone)


def shows(text: str, name: str) -> bool:
    """`name in detect(text)` for a built-in signal, reading no more than the signal needs: a fact a sentence
    states (a process time, contact details...) is one check a sentence, no detection of the whole text."""
    sentences = split_sentences(text)
    check = _FACT_CHECK.get(name)
    if check is not None:
        return any(check(s, frozenset(s.norm.split()), _parts(s.norm)) for s in sentences)
    found = _credited(sentences, [_sentence_signals(s) for s in sentences])
    if name in _GREETING:
        _add_greeting(found, sentences)
    return name in found


def _credited(sentences: list[Sentence], signals: list[list[str]]) -> dict[str, str]:
    """Each signal with the first sentence that shows it, once what the message says as a whole is weighed: a
    bare courtesy beside hostility, a feeling word beside the speaker's own story."""
    found: dict[str, str] = {}
    hostile = any(_VIOLATIONS.intersection(names) for names in signals)
    # "I did. It was hard.": a feeling word beside the speaker's own story is about the speaker
    own_story = any(_EVALUATION in names for names in signals) and any(map(_own_story, sentences))
    for i, (sentence, names) in enumerate(zip(sentences, signals, strict=True)):
        if i and not hostile and checked_across(sentence, sentences[i - 1]):
            found.setdefault("testing_questions", f"{sentences[i - 1].original} {sentence.original}")
        if hostile and len(sentence.norm.split()) <= _BARE_WORDS:
            names = [n for n in names if n not in _COURTESY]  # "Questions? Not my department."
        if _EVALUATION in names:
            names = [n for n in names if n != "empathy"] if own_story else names
        for name in names:
            if not name.startswith("~"):
                found.setdefault(name, sentence.original)
    return found


def _read_alone(s: Sentence, names: list[str]) -> frozenset[str]:
    """The sentence's own signals as a message of its own would show them (see `MessageSignals.sentences`)."""
    if _EVALUATION not in names:
        return frozenset(names)
    return frozenset(n for n in names if not n.startswith("~") and (n != "empathy" or not _own_story(s)))


_VIOLATIONS = frozenset({"rude", "dismissive", "sarcasm"})
_EVALUATION = "~evaluation"
"""Marks a sentence whose empathy is only a feeling word said of what happened ("it's awful")."""
_COURTESY = frozenset({"empathy", "testing_questions", "offer_more_help", "appreciation"})
_BARE_WORDS = 3
"""A courtesy this short ("Questions?", "Oh no.") is not credited beside a hostile sentence."""


_KEY_ACTS: dict[str, frozenset[str]] = {
    word: frozenset(name for name, act in _ACTS.items() if word in act.gate)
    for word in frozenset().union(*(act.gate for act in _ACTS.values()))
}
"""For every word some frame is indexed under, the acts with such frames."""
_KEY_WORDS = frozenset(_KEY_ACTS)


class _Seen:
    """One sentence as the checks see it: its text, its words, those of them that key a
    frame (usually few), and the acts those keys belong to (a plain class: made per sentence)."""

    __slots__ = ("s", "words", "hot", "acts")

    def __init__(self, s: Sentence, words: frozenset[str]) -> None:
        self.s = s
        self.words = words
        self.hot = words & _KEY_WORDS
        self.acts = frozenset().union(*map(_KEY_ACTS.__getitem__, self.hot))

    def act(self, name: str) -> bool:
        """The act's search, skipped when no key word of the act is in the sentence."""
        return name in self.acts and _ACTS[name].search(self.s.marked, self.words, self.hot)


def _sentence_signals(s: Sentence) -> list[str]:
    """The built-in signals one sentence shows by itself, with its `_EVALUATION` mark."""
    norm, words = s.norm, frozenset(s.norm.split())
    seen = _Seen(s, words)
    rude, dismissive, sarcasm = _violations(seen)
    if (rude or dismissive or sarcasm) and ('"' in s.original or "'" in s.original):
        rude, dismissive, sarcasm = _unquoted_violations(s.original, (rude, dismissive, sarcasm))
    sarcasm = sarcasm or (
        (not _RAW_MARKS.isdisjoint(s.original) or "sorry" in words) and bool(shapes.SARCASM_RAW.search(s.original))
    )
    spoiled = rude or dismissive or sarcasm
    names = []
    if not spoiled:
        empathy = _empathy(seen)
        if empathy:
            names += ["empathy", _EVALUATION] if empathy == _EVALUATION else ["empathy"]
        names += [name for name, hit in _COURTESY_CHECKS if hit(seen)]
    names += [name for name, flag in (("rude", rude), ("dismissive", dismissive), ("sarcasm", sarcasm)) if flag]
    parts = _parts(norm)
    names += [name for name, hit in _FACT_CHECKS if hit(s, words, parts)]
    if len(words) > LONG_SENTENCE_WORDS:
        names.append("long_sentences")
    if not spoiled and s.is_question and (_is_clarifying(s, names) or _asks_then_offers(s.marked, names)):
        names.append("clarifying_question")
    return names


def _intents_of(s: Sentence, intents: tuple[IntentMatcher, ...]) -> list[str]:
    """The scenario's intents the sentence says (not "I can't ...")."""
    return [i.name for i in intents if i.matches(s.norm) and not _negated_intent(s.norm)]


def _parts(norm: str) -> frozenset[str]:
    """The sentence's words for the gates: word parts when an apostrophe joins some (`gates.parts`)."""
    return word_parts(norm) if "'" in norm else frozenset(norm.split())


def _own_story(s: Sentence) -> bool:
    """The speaker tells their own experience ("I went through the same", "same here")."""
    return _ACTS["self_story"].search(s.marked, frozenset(s.norm.split()))


def _add_greeting(found: dict[str, str], sentences: list[Sentence]) -> None:
    """A greeting needs a courteous opener and an identification, anywhere in the message."""
    whole = " ".join(s.norm for s in sentences)
    parts = word_parts(whole)
    opener = lx.SALUTATION.search(whole, parts) or (
        lx.BARE_SALUTATION.gate.admits(whole, parts) and any(lx.BARE_SALUTATION.search(s.marked) for s in sentences)
    )
    if opener or lx.COURTEOUS_OPENER.search(whole, parts):
        found["courteous_opener"] = _quote(sentences)
    if _identification(whole, parts) or any(_names_self(s.original) for s in sentences):
        found["identifies"] = _quote(sentences)
    if "courteous_opener" in found and "identifies" in found:
        found["greeting"] = _quote(sentences)


def _identification(text: str, parts: frozenset[str]) -> bool:
    """A title or an agency (as a word part of the text, or a phrase), or the speaker naming themselves."""
    return (
        not lx.ID_WORDS.isdisjoint(parts)
        or (not lx.ID_PHRASE_FIRSTS.isdisjoint(parts) and bool(lx.ID_PHRASES.search(text)))
        or lx.NAMES_SELF.search(text, parts)
    )


def _names_self(original: str) -> bool:
    """ "I'm Gloria", "this is Carol": the regex runs only when such a lead-in is there."""
    lead_in = "I'm" in original or "I am" in original or "is " in original or "Im " in original
    return (lead_in or "name" in original or "I'M" in original) and bool(shapes.NAMED_SELF.search(original))


def _quote(sentences: list[Sentence]) -> str:
    return " ".join(s.original for s in sentences)


def _is_clarifying(s: Sentence, names: list[str]) -> bool:
    """An information-gathering question: not "Hello?", not a courtesy or a check of understanding."""
    if not s.is_question or {"testing_questions", "offer_more_help", "dismissive", "sarcasm"} & set(names):
        return False
    words = [w for w in s.norm.split() if w not in ("?", "!")]
    if "?" not in s.norm and words[:1] == ["what"] and words[1:2] in (["a"], ["an"]):
        return False  # "What a hero your neighbour is!" exclaims
    if not words or (len(words) == 1 and (words[0] in lx.PHATIC_WORDS or "?" not in s.norm)):
        return False  # "Hello?", "What?"; but "Plate?" asks for something
    if len(words) == 2 and (" ".join(words) in lx.PHATIC_QUESTIONS or "?" not in s.norm):
        return False
    asked = [w for w in words if w not in ("hello", "hey", "hi")]
    while len(asked) > 1 and asked[0] in lx.PHATIC_LEADS:
        asked = asked[1:]  # "Morning, what do you need?"
    if " ".join(asked) in lx.PHATIC_QUESTIONS:
        return False
    if _ACTS["testing_checks"].search(s.marked, frozenset(words)):
        return False
    return not lx.COURTEOUS_OPENER.search(s.norm)


_ASKS_THEN_OFFERS = re.compile(r"^[^,]*\b(?:your|ur)\b[^,]* , (?:and|also|plus) (?=.*\b(?:anything|something)\b)")


def _asks_then_offers(marked: str, names: list[str]) -> bool:
    """A question for the visitor's own details asked with the offer of more help, in one sentence ("Could I trouble
    you for your name, and is there anything further I can help you with?"): it asks, as well as offering."""
    asks = bool(_ASKS_THEN_OFFERS.match(marked.strip()))
    return asks and "offer_more_help" in names and "testing_questions" not in names


def _negated_intent(norm: str) -> bool:
    words = frozenset(norm.split())
    return ("can't" in words or "not" in words) and _ACTS["dismissive"].search(" " + norm, words)


def _empathy(seen: _Seen) -> str | None:
    """ "empathy" for sympathy, `_EVALUATION` for a feeling word said of what happened, else None."""
    if seen.act("empathy") or _asks_after_them(seen):
        kind = "empathy"
    elif seen.act("empathy_evaluations"):
        kind = _EVALUATION
    else:
        return None
    if seen.act("empathy_spoilers"):
        return None
    if "sorry" not in seen.words or not seen.act("sorry_own_conduct"):
        return kind
    # "Sorry about the mix-up at the impound lot": the failing is another office's, not the desk's own.
    return kind if seen.act("sorry_others") or _sympathy_beyond_sorry(seen) else None


def _sympathy_beyond_sorry(seen: _Seen) -> bool:
    """An own-conduct apology may sit beside real sympathy: "sorry for the wait, that sounds awful"."""
    without, words = seen.s.marked.replace(" sorry", " "), seen.words - {"sorry"}
    return _ACTS["empathy"].search(without, words) or _ACTS["empathy_evaluations"].search(without, words)


def _asks_after_them(seen: _Seen) -> bool:
    """ "Is everyone okay?", "you hurt?": concern for their wellbeing, when the sentence asks nothing else.

    "Nobody hurt, nobody around now?" runs down a checklist of facts: that gathers information.
    """
    wellbeing = seen.act("empathy_wellbeing") or (seen.s.is_question and seen.act("empathy_questions"))
    if not wellbeing or " ," not in seen.s.marked:
        return wellbeing
    asks = [_ACTS["empathy_wellbeing"], _ACTS["empathy_questions"], _ACTS["empathy_asides"], _ACTS["empathy"]]
    for clause in seen.s.marked.split(" ,"):
        words = frozenset(clause.split()) - {"?", "!"}
        if words and not any(act.search(clause, words) for act in asks):
            return False
    return True


def _testing(seen: _Seen) -> bool:
    loose = not seen.s.is_question and _unpunctuated(seen.s)
    asks = seen.s.is_question or loose
    if "testing_invites" not in seen.acts and not (asks and "testing_checks" in seen.acts):
        return False  # no key word of either act: nothing to credit, in the sentence or a clause of it

    def credited(marked: str, words: frozenset[str]) -> bool:
        checks = seen.s.is_question and _ACTS["testing_checks"].search(marked, words)
        if not checks and loose:  # "...and dispatch for the fireworks does that make sense any questions"
            checks = any(_ACTS["testing_checks"].search(tail, frozenset(tail.split())) for tail in _asked_tails(marked))
        return checks or _ACTS["testing_invites"].search(marked, words)

    return _clause_clean(seen, credited, "testing_spoilers")


def _unpunctuated(s: Sentence) -> bool:
    """Typed as a run-on, with no mark at its end: a question inside it has lost its "?"."""
    return not s.original.rstrip().endswith((".", "!", "?", "\u2026", ")"))


_ASKING_AUX = frozenset(("does", "do", "did", "is", "are", "was", "can", "could", "would", "will", "have", "has"))
_ASKED_OF = frozenset(("that", "this", "it", "you", "y'all", "everything", "all", "i", "we", "anything", "any"))


def _asked_tails(marked: str) -> list[str]:
    """Where a question starts inside an unpunctuated run-on: at an inverted verb ("does that make sense", "do you
    have any questions") or at "any" ("any questions"), each to the end of the sentence."""
    tokens, tails = marked.split(), []
    for i in range(1, len(tokens)):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (tokens[i] in _ASKING_AUX and nxt in _ASKED_OF) or (tokens[i] == "any" and nxt not in ("of", ",")):
            tails.append(" " + " ".join(tokens[i:]))
    return tails


def _offer(seen: _Seen) -> bool:
    if "offer_more_help" not in seen.acts:
        return False  # no key word: nothing to credit, in the sentence or a clause of it
    return _clause_clean(seen, _ACTS["offer_more_help"].search, "offer_spoilers")


def _clause_clean(seen: _Seen, credited: Callable[[str, frozenset[str]], bool], spoilers: str) -> bool:
    """Credited and unspoiled in the sentence, or else in one clause of it.

    "Anything else I can help you with, or was anything else taken?" offers help in its
    first clause, though its second gathers information.
    """
    if not credited(seen.s.marked, seen.words):
        return False
    if not seen.act(spoilers):
        return True
    spoiler = _ACTS[spoilers]
    clauses = [(c, frozenset(c.split())) for c in seen.s.marked.split(" ,")]
    spoiled = [spoiler.search(c, words) for c, words in clauses]
    if not any(spoiled):
        return False  # the spoiler spans clauses ("any questions, call records"): it is about the whole
    return any(not bad and credited(c, words) for (c, words), bad in zip(clauses, spoiled, strict=True))


def _violations(seen: _Seen) -> tuple[bool, bool, bool]:
    """Rude, dismissive and sarcastic wording in the sentence (the frames of phrases/tone.yaml)."""
    return _violation(seen, "rude"), _violation(seen, "dismissive"), _violation(seen, "sarcasm")


_QUOTED = re.compile(r'"[^"]*"|(?<!\w)\'.+?\'(?!\w)')
"""A quoted span: "calm down", 'not my problem'."""


def _unquoted_violations(original: str, found: tuple[bool, bool, bool]) -> tuple[bool, bool, bool]:
    """The violations left once quoted words are taken out: I know "calm down" is the last thing you want to
    hear mentions the words, it does not say them. Scare quotes ('I'm "sorry"') are sarcasm of their own."""
    without = _QUOTED.sub(" ", original)
    if without == original:
        return found
    left = [_violations(_Seen(s, frozenset(s.norm.split()))) for s in split_sentences(without)]
    return tuple(was and any(kinds[i] for kinds in left) for i, was in enumerate(found))  # type: ignore[return-value]


def _violation(seen: _Seen, kind: str) -> bool:
    """Rude, dismissive or sarcastic words, unless excused: negated, quoted or reported ("I'm not going to tell you to
    calm down"), or kind ("we need more people like you"). An excuse covers its own clause, not the rest of the
    sentence: "I won't tell you to calm down, but that's not my problem" still brushes them off."""
    if kind not in seen.acts or not seen.act(kind):
        return False
    if f"{kind}_comforts" in _ACTS and seen.act(f"{kind}_comforts"):
        return False  # "Don't beat yourself up, it happens."
    return _clause_clean(seen, _ACTS[kind].search, f"{kind}_excuses")


def _appreciation(seen: _Seen) -> bool:
    """Thanks not spoiled, in the sentence or after a reply to their thanks ("You're welcome, thanks for calling.")."""
    if not seen.act("appreciation"):
        return False
    if not seen.act("appreciation_spoilers"):
        return True
    first, _, rest = seen.s.marked.partition(" ,")
    if not rest or not _ACTS["welcome_replies"].search(first, frozenset(first.split())):
        return False
    words = frozenset(rest.split())  # "You're welcome, thanks for calling.": the thanks after the reply
    return _ACTS["appreciation"].search(rest, words) and not _ACTS["appreciation_spoilers"].search(rest, words)


_CONTACT_CHARS = frozenset("0123456789@")


def _has_contact(original: str) -> bool:
    """A phone number, extension or address: only worth a regex when a digit or "@" is there."""
    return not _CONTACT_CHARS.isdisjoint(original) and bool(shapes.CONTACT_DETAILS_RAW.search(original))


_RAW_MARKS = frozenset("\U0001f644\U0001f612\U0001f611/*")
_COURTESY_CHECKS: tuple[tuple[str, Callable[[_Seen], bool]], ...] = (  # empathy, which has two kinds, apart
    ("testing_questions", _testing),
    ("offer_more_help", _offer),
    ("appreciation", _appreciation),
)
_FACT_CHECKS: tuple[tuple[str, Callable[[Sentence, frozenset[str], frozenset[str]], bool]], ...] = (
    ("process_time", lambda s, words, parts: shapes.process_time(s.norm, words, parts)),
    ("contact_details", lambda s, _, __: _has_contact(s.original)),
    ("invitation_to_return", lambda s, _, parts: lx.INVITATION_TO_RETURN.search(s.norm, parts)),
    ("farewell", lambda s, _, parts: lx.FAREWELL.search(s.norm, parts)),
)
"""Facts a sentence states, each given the sentence, its words and its word parts (`gates.parts`)."""
_FACT_CHECK = dict(_FACT_CHECKS)
_GREETING = frozenset({"courteous_opener", "identifies", "greeting"})
"""Signals only a whole message shows (`_add_greeting`)."""
