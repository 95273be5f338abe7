"""Turn a trainee's raw message into normalised sentences the detectors can match.

Normalising is where typos, texting forms, dropped g's ("callin'") and curly quotes
disappear, so the phrasing data can be written once in plain English. Each sentence keeps
its original wording too: that is what a verdict quotes as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.grading.lexicon import (
    DROPPED_G_EXCEPTIONS,
    ILL_AS_I_WILL,
    KEYWORDS,
    NOT_TYPOS,
    QUESTION_START,
    TEXTING_FORMS,
    TWO_AS_TO,
    YA_IS_YOUR,
    YOUR_AS_YOU_ARE,
)

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n\s*")
"""Where a sentence may end: after . ! ? ; and a space, or at a line break. A piece that
follows an abbreviation is joined back (`_continues`)."""
_TITLES = frozenset(
    "mr mrs ms dr st sgt lt det ofc dep cpl capt cmdr sr jr ave blvd rd no ext vs approx dept apt ft mt".split()
)
"""Abbreviations that never end a sentence ("Mrs. Lopez", "Ext. 12", "St. Mary's")."""
_CLOCK = re.compile(r"(?:\b[ap]\.\s?m|\be\.g|\bi\.e|\betc|(?-i:\b[A-Z]))\.$", re.IGNORECASE)
"""a.m., p.m., e.g., i.e., etc. and an initial ("J. Smith"): a sentence may end there, or not. A lower-case letter
is no initial ("thats rly decent of u. can i get ur name"): texting's "u" ends a sentence."""
_GOES_ON = re.compile(
    r"^(?:[a-z0-9(]|(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday|"
    r"Mon|Tue|Wed|Thu|Fri|Sat|Sun|Weekdays?|Every|Through)\b)"
)
"""The next piece carries on the sentence: lower case, a digit, or a time or day word."""
_DOLLARS = re.compile(r"\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d\d)?")
"""An amount in dollars ("$1,500", "$25.00"): read as "1500 dollars"."""
_HASH = re.compile(r"(?<=\w)\s*#(?!\w)|(?<![\w#])#(?=\s*\d)")
"""A "#" that stands for "number": "the dispatch #", "case #26-01873" (not a hashtag)."""
_AND_SIGN = re.compile(r"(?<=\w)\s+[+&]\s+(?=\w)")
"""A "+" or "&" between words that stands for "and": "name + best #", "the # back + the days"."""
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[?!]")
"""A token: a word, "?" or "!"."""
_IF_ANY = re.compile(r"^(?:anything|anyone|anybody) (?!else\b|has\b|does\b|was\b)[a-z]+(?:es|s)\b(?! (?:you|u)\b)")
""""Anything catches fire, dial 911." is a condition ("if anything ..."), not a question without its "?"."""
_CLAUSE = re.compile(r"[,;:()\u2014\u2013]| - |\.\.+")
"""A mark that ends a clause (none can overlap a word)."""
_GLUED_CLOCK = re.compile(r"(\d)([ap]m)\b", re.IGNORECASE)
_ELONGATED = re.compile(r"(.)\1{2,}")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u201c": '"', "\u201d": '"'})
_FILLERS = frozenset("so and okay alright wait um uh oh well now right hey but then also yeah yes".split())


@dataclass(frozen=True)
class Sentence:
    """One sentence of a message: as written (for evidence) and normalised (for matching).

    `norm` is the words alone; `marked` is the same words with "," wherever a clause
    ends (commas, dashes, colons...) and a leading space, for the frames of phrases/*.yaml.
    """

    original: str
    norm: str
    marked: str
    is_question: bool


def split_sentences(message: str) -> list[Sentence]:
    """Split a message into sentences and normalise each one (a new list each time; the sentences are shared)."""
    return list(_split(message))


@lru_cache(maxsize=8192)
def _split(message: str) -> tuple[Sentence, ...]:
    """Cached: the visitor, the facts and the tips read the same messages and lines many times over a call."""
    return tuple(_said(p) for p in _pieces(message.translate(_QUOTES)))


def _said(piece: str) -> Sentence:
    """One sentence: "$15" is read as "15 dollars", and quoted (and said back) as written."""
    if "$" not in piece:
        return _sentence(piece)
    read = _sentence(_DOLLARS.sub(r"\1 dollars", piece))
    return Sentence(piece, read.norm, read.marked, read.is_question)


def _pieces(message: str) -> list[str]:
    """The message cut at sentence ends, with what an abbreviation cut off joined back."""
    pieces: list[str] = []
    for part in _SENTENCE_END.split(message):
        part = part.strip()
        if not part:
            continue
        if pieces and _continues(pieces[-1], part):
            pieces[-1] += " " + part
        else:
            pieces.append(part)
    return pieces


def _continues(before: str, after: str) -> bool:
    """Did `before` end at an abbreviation ("Mrs.", "8 a.m.") rather than at the end of a sentence?"""
    if not before.endswith("."):
        return False
    words = before[:-1].rsplit(None, 1)
    if not words:
        return False  # ". . ."
    last = words[-1].lower().lstrip("(")
    if last in _TITLES:
        return True
    return bool(_CLOCK.search(before)) and bool(_GOES_ON.match(after))


def normalise(text: str) -> str:
    """Lower-case, tokenise, and map texting forms and typos to plain words."""
    text = text.translate(_QUOTES)
    return _sentence(_DOLLARS.sub(r"\1 dollars", text) if "$" in text else text).norm


def _sentence(text: str) -> Sentence:
    """Normalise one sentence whose quotes are already straightened.

    Words are `_WORD` tokens; `marked` has "," wherever one or more clause marks follow
    a word. No clause mark can overlap a word, so the text is cut at the marks first.
    """
    text = _AND_SIGN.sub(" and ", text) if "+" in text or "&" in text else text
    words_of = _GLUED_CLOCK.sub(r"\1 \2", text)  # "8am to 4pm": "8 am to 4 pm", the hour a word of its own
    pieces = _CLAUSE.split((_HASH.sub(" number ", words_of) if "#" in words_of else words_of).lower())
    if len(pieces) == 1:
        words = _i_will(list(map(_plain_word, _ya_your(_WORD.findall(pieces[0])))))
        norm = " ".join(words)
        marked = " " + norm
    else:
        words = []
        chunks = []
        last = -1  # the last piece that held a word
        for i, piece in enumerate(pieces):
            found = _WORD.findall(piece)
            if found:
                plain = ["yeah"] if found in _YA_ALONE else _i_will(list(map(_plain_word, _ya_your(found))))
                words += plain
                chunks.append(" ".join(plain))
                last = i
        norm = " ".join(words)
        marked = " " + " , ".join(chunks) + (" ," if 0 <= last < len(pieces) - 1 else "")
    start = _skip_fillers(words, norm)
    question = "?" in text or bool(QUESTION_START.match(start)) and not _IF_ANY.match(start)
    return Sentence(text, norm, marked, question)


_YA_ALONE = (["ya"], ["yah"], ["yea"])
"""A "ya" said between clause marks is the Upper Midwest "yeah" ("Oh, ya, the DMV runaround"), never "you"."""


def _ya_your(tokens: list[str]) -> list[str]:
    """A spoken "ya" before a thing one has is "your" ("can I grab ya name?", "bring ya photo ID"); "thank ya", "see
    ya" stay "you"."""
    if "ya" not in tokens and "yer" not in tokens:
        return tokens
    return [
        "your" if t in ("ya", "yer") and i + 1 < len(tokens) and tokens[i + 1] in YA_IS_YOUR else t
        for i, t in enumerate(tokens)
    ]


def _i_will(words: list[str]) -> list[str]:
    """A texted "ill" read as "i'll" before a verb ("ill pass it on"), "2" as "to" ("try 2 find it"), "ur" (read
    "your") as "you're" before what one is ("ur bringin", "ur welcome"); "she's ill" stays ill, "2 forms" two and
    "ur van" your van."""
    if "ill" not in words and "2" not in words and "your" not in words:
        return words
    return [
        "i'll"
        if w == "ill" and i + 1 < len(words) and words[i + 1] in ILL_AS_I_WILL
        else "to"
        if w == "2" and i and i + 1 < len(words) and words[i + 1] in TWO_AS_TO
        else "you're"
        if w == "your" and i + 1 < len(words) and words[i + 1].split(" ", 1)[0] in YOUR_AS_YOU_ARE  # "going to"
        else w
        for i, w in enumerate(words)
    ]


def _skip_fillers(words: list[str], norm: str) -> str:
    if not words or words[0] not in _FILLERS:
        return norm
    i = 0
    while i < len(words) - 1 and words[i] in _FILLERS:
        i += 1
    return " ".join(words[i:])


@lru_cache(maxsize=65536)
def _plain_word(token: str) -> str:
    if token in TEXTING_FORMS:
        return TEXTING_FORMS[token]
    if token in KEYWORDS or token.isdigit():
        return token
    if len(token) < 4:
        single = _ELONGATED.sub(r"\1", token)  # "uuu" -> "u"
        return TEXTING_FORMS.get(single, single) if single != token else token
    squeezed = _ELONGATED.sub(r"\1\1", token)
    for candidate in (squeezed, _ELONGATED.sub(r"\1", token)):
        if candidate in KEYWORDS or candidate in TEXTING_FORMS:
            return TEXTING_FORMS.get(candidate, candidate)
    corrected = _correct_typo(squeezed)
    if corrected == squeezed and _dropped_g(squeezed):
        return squeezed + "g"
    return corrected


def _dropped_g(token: str) -> bool:
    """ "callin", "mornin", "lettin": a dropped final g, as in speech (not "cousin", "within")."""
    return (
        len(token) >= 5
        and token.endswith("in")
        and token[-3] not in "aeiouy"
        and token.isalpha()
        and token not in DROPPED_G_EXCEPTIONS
    )


def _correct_typo(token: str) -> str:
    """Map a token one edit away from a keyword (same first letter) to that keyword.

    Only keywords are corrected, never arbitrary English, so a real word that is
    not a keyword stays as it is ("held" does not become "help").
    """
    if len(token) < 5 or token in NOT_TYPOS:
        return token
    matches = {
        word
        for key in _deletes(token) | {token}
        for word in _DELETE_INDEX.get(key, ())
        if word[0] == token[0] and _one_edit_apart(token, word) and not _inflections(token, word)
    }
    if not matches:
        return token
    # A letter too many ("scarey") is likelier than a wrong one ("scared"); then alphabetical.
    return min(matches, key=lambda w: (len(w) != len(token) - 1, w))


def _inflections(token: str, word: str) -> bool:
    """Two forms of one word, not a typo: "numbers" of "number", "worries" beside "worried"."""
    if token == word + "s":
        return True
    return len(token) == len(word) and token[:-1] == word[:-1] and {token[-1], word[-1]} <= {"s", "d"}


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit_apart(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i, j = diff[0], diff[-1]
        return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _build_delete_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for word in KEYWORDS:
        if len(word) >= 5:
            for key in _deletes(word) | {word}:
                index.setdefault(key, []).append(word)
    return {k: tuple(sorted(v)) for k, v in index.items()}


_DELETE_INDEX = _build_delete_index()
