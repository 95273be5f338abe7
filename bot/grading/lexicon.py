"""The grader's language, compiled once at start-up from phrases/*.yaml and the department's phrases.yaml.

The data says what words mean (phrasing.py reads and checks it); this module turns it into
what the detectors run: word sets, the speech acts of grammar.py and the signal patterns,
each pattern behind a gate derived from the pattern itself (gates.py). Patterns and frames
run over normalised text (text.py): lower case, texting forms already expanded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.grading.gates import Gate, gate_of, parts
from bot.grading.grammar import Act, GrammarError, compile_act, expand_classes
from bot.grading.phrasing import Entry, PhraseError, Phrasing, Where, department_file, load_phrasing

PHRASING = load_phrasing(department=department_file())
"""Everything read, with where each entry was written (for `deskdrill phrases why`)."""


@dataclass(frozen=True)
class Signal:
    """A signal found by patterns (the alternatives of one entry list), each behind its own gate.

    Most alternatives are keyed by the words of their gate (`by_word`): a sentence holding none
    of those words, and none of the needles of the others, costs one set lookup; one that holds
    some runs only the alternatives those words key.
    """

    name: str
    entries: tuple[tuple[Entry, Gate, re.Pattern[str]], ...]
    by_word: Mapping[str, tuple[re.Pattern[str], ...]]
    """For each gate word, the alternatives that need it (or one of their other gate words)."""
    unkeyed: tuple[tuple[Gate, re.Pattern[str]], ...]
    """The alternatives gated by needles, or not at all."""
    gate: Gate
    """The gate of all the alternatives (a text it shuts out cannot show the signal)."""
    keys: frozenset[str] = frozenset()
    """The words of `by_word`, as a set to intersect."""

    @property
    def pattern(self) -> re.Pattern[str]:
        """All the entries as one pattern (for text that is not normalised, where no gate applies)."""
        flags = self.entries[0][2].flags if self.entries else 0
        return re.compile("|".join(f"(?:{alone.pattern})" for _, _, alone in self.entries), flags)

    def search(self, text: str, text_parts: frozenset[str] | None = None) -> bool:
        """Does the text show the signal? `text_parts`, when given, are its word parts (`gates.parts`)."""
        keys = self.keys.intersection(parts(text) if text_parts is None else text_parts)
        if not keys and not self.unkeyed:
            return False  # the common case: one set operation
        tried: set[re.Pattern[str]] = set()
        for key in keys:
            for alone in self.by_word[key]:
                if alone not in tried:
                    if alone.search(text):
                        return True
                    tried.add(alone)
        return any(gate.admits(text) and alone.search(text) for gate, alone in self.unkeyed)

    def which(self, text: str) -> Entry | None:
        """The first entry that matches the text: what `phrases why` shows."""
        return next((entry for entry, _, alone in self.entries if alone.search(text)), None)


def word_list(name: str, phrasing: Phrasing = PHRASING) -> tuple[str, ...]:
    return phrasing.word_list(name)


def compile_signal(name: str, flags: int = 0, phrasing: Phrasing = PHRASING) -> Signal:
    """The signal's patterns, "{list}" expanded to the words of that list, each behind its own gate."""
    entries = []
    for entry in phrasing.patterns[name]:
        try:
            source = re.sub(r"\{([a-z_]+)\}", lambda m: _words_regex(m.group(1), phrasing), entry.text)
            alone = re.compile(source, flags)
        except (KeyError, re.error) as exc:
            problem = f"no word list {exc}" if isinstance(exc, KeyError) else f"not a valid pattern: {exc}"
            raise entry.where.error(problem) from None
        entries.append((entry, gate_of([alone], cheapest=False), alone))
    by_word: dict[str, list[re.Pattern[str]]] = {}
    for _, gate, alone in entries:
        for word in gate.words or ():
            by_word.setdefault(word, []).append(alone)
    unkeyed = tuple((gate, alone) for _, gate, alone in entries if not gate.words)
    whole = gate_of((alone for _, _, alone in entries), cheapest=False)
    keyed = {w: tuple(a) for w, a in by_word.items()}
    return Signal(name, tuple(entries), keyed, unkeyed, whole, frozenset(keyed))


def _words_regex(name: str, phrasing: Phrasing) -> str:
    return "|".join(_escaped(word) for word in phrasing.word_list(name))


def _escaped(word: str) -> str:
    """A listed word as regex text: only what could mean something else is escaped (no "\\ " for a space)."""
    return re.sub(r"([^a-z0-9' ])", r"\\\1", word)


def compile_acts(phrasing: Phrasing = PHRASING) -> dict[str, Act]:
    """Every act's frames compiled; a bad class or frame is refused at its file and line."""
    classes = {name: phrasing.class_text(name) for name in phrasing.classes}
    for phrases in phrasing.classes.values():
        for phrase, where in phrases:
            if phrase.startswith("{") and phrase[1:-1] not in classes:
                raise where.error(f"{phrase} names no word class")
    try:
        expand_classes(classes)
    except GrammarError as exc:
        where = phrasing.classes[exc.word_class][0][1] if exc.word_class in phrasing.classes else None
        raise (where.error(str(exc)) if where else PhraseError(str(exc))) from None
    acts = {}
    for name, entries in phrasing.frames.items():
        try:
            acts[name] = compile_act(name, [e.text for e in entries], classes, [str(e.where) for e in entries])
        except ValueError as exc:
            raise _culprit(entries, classes).error(str(exc)) from None
    return acts


def _culprit(entries: Sequence[Entry], classes: dict[str, str]) -> Where:
    """Where the frame is that does not compile (each compiled again alone to find it)."""
    for entry in entries:
        try:
            compile_act("one", [entry.text], classes)
        except ValueError:
            return entry.where
    return entries[0].where


# --- normalising text (text.py) --------------------------------------------------
TEXTING_FORMS: dict[str, str] = {form: words for form, (words, _) in PHRASING.forms.items()}
DROPPED_G_EXCEPTIONS = frozenset(word_list("not_dropped_g"))
"""Words that end in "in" but are not a dropped "-ing" ("callin'" -> "calling" is)."""
KEYWORDS = frozenset(word_list("typo_targets") + word_list("kept_as_written"))
"""Words typo correction maps to, and words never "corrected" into one of them."""
NOT_TYPOS = frozenset(word_list("not_typos"))
ILL_AS_I_WILL = frozenset(word_list("ill_means_i_will_before"))
TWO_AS_TO = frozenset(word_list("two_means_to_before"))
"""Words after which a texted "ill" is "I'll" (and a "2" is "to")."""
YOUR_AS_YOU_ARE = frozenset(word_list("your_means_you_are_before"))
"""Words after which a texted "ur" (or a hurried "your") is "you're": "ur bringin", "your welcome"."""
YA_IS_YOUR = frozenset(word_list("ya_means_your_before"))
"""Words after which a spoken "ya" is "your": "ya name", "ya photo ID"."""

# --- questions ----------------------------------------------------------------------
QUESTION_START = re.compile(r"^(" + "|".join(map(_escaped, word_list("question_starts"))) + r")\b")
PHATIC_WORDS = frozenset(word_list("phatic_words"))
PHATIC_QUESTIONS = frozenset(word_list("phatic_questions"))
PHATIC_LEADS = frozenset(word_list("phatic_leads"))
"""Words that may lead a phatic question ("Morning, what do you need?") without making it ask for anything."""

# --- greeting and closing -------------------------------------------------------------
SALUTATION = compile_signal("salutation")
BARE_SALUTATION = compile_signal("bare_salutation")
"""Over a sentence's marked text: a salutation alone in its clause."""
COURTEOUS_OPENER = compile_signal("courteous_opener")
NAMES_SELF = compile_signal("names_self")
INVITATION_TO_RETURN = compile_signal("invitation_to_return")
FAREWELL = compile_signal("farewell")

_IDENTIFIERS = word_list("titles") + word_list("agencies")
ID_WORDS = frozenset(a for a in _IDENTIFIERS if a.isalpha())
"""The one-word titles and agencies: a match when one is a word part of the text (its words split at
spaces and apostrophes: normalised text holds nothing else, so that is exactly `\\bdeputy\\b`)."""
ID_PHRASES = re.compile(r"\b(" + "|".join(_escaped(a) for a in _IDENTIFIERS if not a.isalpha()) + r")\b")
ID_PHRASE_FIRSTS = frozenset(a.split()[0].split("'")[0] for a in _IDENTIFIERS if not a.isalpha())
"""The gate of ID_PHRASES, derived from its phrases: the first word part of each."""

ACTS = compile_acts()
"""The speech acts (empathy, testing_checks, offer_more_help, ...), by name."""
