"""A small slot grammar: speech-act frames written as data, compiled to one regex each.

A frame is a line of space-separated items, matched over a sentence's `marked` text
(normalised words, with "," between clauses, and one leading space):

    {CLASS}        one phrase of a word class ("{YOU}" -> you | y'all | we ...)
    word|other     one of these literal words; "_" joins words ("with_me" -> "with me")
    [item]         the item is optional ("[{INTENS}]", "[so_far]")
    ...  ...6      a gap of up to four (or the given number of) words, within one clause
    ^  $           the start / end of a clause (a trailing "?" or "!" may follow "$", and so may a
                   tag of the word class {TAG}, when the table defines one: "sir", "hon", "right?")
    ^^  $$         the start / end of the whole sentence (a bare "Hold on." is not "Hold on, connecting now.")

Every frame needs at least one word that must be present. The compiler indexes each
frame under the rarest word of each phrase of its most selective required item (common words such as
"you" or "that" make poor keys), and keeps the other required items as word sets: a
frame's regex runs only when the sentence holds a key word and a word of each item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

_GAP = r"(?: [^ ,]+){0,%d}"
_DEFAULT_GAP = 4
_CLAUSE_START = r"(?:^|(?<=,))"
_CLAUSE_END = r"(?=%s(?: [?!])*(?: ,|$))"
_SENTENCE_START = r"^"
_SENTENCE_END = r"(?=%s(?: [?!])*(?: ,)?$)"
_WORD_END = r"(?![^ ,?!])"


COMMON_WORDS = frozenset(
    "i i'm i'd i'll i've me my we we're we'll us our you you're you'd you've your y'all he she they it it's that "
    "that's this these those there there's here the a an and or but so if to of in on at for with from by about "
    "as is are was were be been being do does did have has had can could will would should may might must shall "
    "not no yes okay just all any some what when where who how why which get got go going know like one up out "
    "now then well right let oh".split()
)


@dataclass(frozen=True)
class Frame:
    """One compiled frame: its regex and, for each required item, the words one of which must be present."""

    pattern: re.Pattern[str]
    needs: tuple[frozenset[str], ...]
    anchor: int = 0
    """0: the frame may match anywhere; 1: at the start of a clause ("^"); 2: of the sentence ("^^")."""
    source: str = ""
    """Where the frame was written ("bot/grading/phrases/empathy.yaml:12"): what `phrases why` shows."""
    order: int = 0
    """Its place among the act's frames, as written."""


@dataclass(frozen=True)
class Act:
    """A compiled speech act: its frames, indexed by their key words."""

    name: str
    index: Mapping[str, tuple[Frame, ...]]
    gate: frozenset[str]

    def search(self, marked: str, words: frozenset[str], hot: frozenset[str] | None = None) -> bool:
        """True when one of the act's frames matches the sentence (its `marked` text and word set).

        `hot`, when given, is any subset of `words` that holds all of them that are key words
        (of this act or others): a smaller set to look the keys up in.
        """
        keys = self.gate.intersection(words if hot is None else hot)
        if not keys:
            return False
        starts: list[int] | None = None
        for key in keys:
            for frame in self.index[key]:
                for need in frame.needs:
                    if need.isdisjoint(words):
                        break
                else:
                    if not frame.anchor:
                        if frame.pattern.search(marked):
                            return True
                        continue
                    # an anchored frame is tried only where a clause starts, not at every character
                    if starts is None:
                        starts = _clause_starts(marked)
                    for start in starts if frame.anchor == 1 else starts[:1]:
                        if frame.pattern.match(marked, start):
                            return True
        return False

    def which(self, marked: str) -> Frame | None:
        """The first frame, in the order written, that matches the sentence: what `phrases why` shows.

        Slow (every frame is tried): the grader itself only asks `search`.
        """
        starts = _clause_starts(marked)
        frames = dict.fromkeys(frame for frames in self.index.values() for frame in frames)
        for frame in sorted(frames, key=lambda f: f.order):
            tried = [frame.pattern.match(marked, at) for at in (starts if frame.anchor == 1 else starts[:1])]
            if frame.pattern.search(marked) if not frame.anchor else any(tried):
                return frame
        return None


def _clause_starts(marked: str) -> list[int]:
    """Where the clauses of a sentence's marked text start: its beginning and just after each ","."""
    starts, at = [0], marked.find(",")
    while at >= 0:
        starts.append(at + 1)
        at = marked.find(",", at + 1)
    return starts


class GrammarError(ValueError):
    """A frame or word class that cannot be compiled; `word_class` names the class at fault, if one is."""

    def __init__(self, message: str, word_class: str | None = None) -> None:
        super().__init__(message)
        self.word_class = word_class


def compile_act(name: str, frames: Iterable[str], classes: Mapping[str, str], sources: Sequence[str] = ()) -> Act:
    """Compile frames, each indexed under the first words of its most selective required item.

    `sources`, when given, says where each frame was written, in the same order.
    """
    expanded = expand_classes(classes)
    index: dict[str, list[Frame]] = {}
    for number, frame in enumerate(frames):
        pattern, required = _compile_frame(frame, expanded)
        wordy = [phrases for phrases in required if any(p != "," for p in phrases)]  # "," is not a word
        firsts = [frozenset(_rarest_word(p) for p in phrases) for phrases in wordy]
        key = min(firsts, key=lambda ws: sum(50 if w in COMMON_WORDS else 1 for w in ws))
        anchor = {"^": 1, "^^": 2}.get(_items(frame)[0], 0)
        source = sources[number] if number < len(sources) else ""
        compiled = Frame(re.compile(pattern), tuple(f for f in firsts if f is not key), anchor, source, number)
        for word in key:
            index.setdefault(word, []).append(compiled)
    return Act(name, {w: tuple(v) for w, v in index.items()}, frozenset(index))


def _tag(classes: Mapping[str, tuple[str, ...]]) -> str:
    """The optional tag that may close a clause or sentence: " sir", " hon", " right" (the class {TAG})."""
    tags = classes.get("TAG", ())
    if not tags:
        return ""
    return "(?: " + _alternation(tags) + ")?"


def _rarest_word(phrase: str) -> str:
    """The word of a phrase least likely to be in an unrelated sentence: uncommon, then longest."""
    words = [w for w in phrase.split() if w != ","]
    return min(words, key=lambda w: (w in COMMON_WORDS, -len(w)))


def expand_classes(classes: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Each class as its list of phrases, with "{OTHER}" references inlined."""
    done: dict[str, tuple[str, ...]] = {}

    def expand(name: str, seen: tuple[str, ...]) -> tuple[str, ...]:
        if name in done:
            return done[name]
        if name in seen or name not in classes:
            raise GrammarError(f"word class {{{name}}} is unknown or refers to itself", seen[-1] if seen else name)
        phrases: list[str] = []
        for alt in (a.strip() for a in classes[name].split("|")):
            if alt.startswith("{") and alt.endswith("}"):
                phrases += expand(alt[1:-1], (*seen, name))
            elif alt:
                phrases.append(alt.replace("_", " "))
        done[name] = tuple(dict.fromkeys(phrases))
        return done[name]

    for name in classes:
        expand(name, ())
    return done


def _alternatives(item: str, classes: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    phrases: list[str] = []
    for alt in item.split("|"):
        if alt.startswith("{") and alt.endswith("}"):
            if alt[1:-1] not in classes:
                raise ValueError(f"frame names unknown word class {alt}")
            phrases += classes[alt[1:-1]]
        elif any(c in alt for c in "{}[]") or not alt:
            raise ValueError(f"malformed frame item {item!r}")
        else:
            phrases.append(alt.replace("_", " "))
    return tuple(phrases)


def _items(frame: str) -> list[str]:
    """Split a frame on spaces, keeping a bracketed optional group ("[{ABOUT} {THAT}]") whole."""
    items, depth, current = [], 0, ""
    for char in frame:
        depth += (char == "[") - (char == "]")
        if char == " " and depth == 0:
            if current:
                items.append(current)
            current = ""
        else:
            current += char
    if depth or current.count("[") != current.count("]"):
        raise ValueError(f"unbalanced brackets in frame {frame!r}")
    return [*items, current] if current else items


def _sequence(items: list[str], classes: Mapping[str, tuple[str, ...]], frame: str) -> tuple[str, list]:
    """The regex of a run of items (each led by a space) and the phrase lists it requires."""
    out, required = [], []
    for item in items:
        if item.startswith("...") and item[3:].isdigit() | (item == "..."):
            out.append(_GAP % int(item[3:] or _DEFAULT_GAP))
        elif item.startswith("[") and item.endswith("]"):
            inner, _ = _sequence(_items(item[1:-1]), classes, frame)
            out.append(f"(?:{inner})?")
        else:
            phrases = _alternatives(item, classes)
            out.append(" " + _alternation(phrases))
            required.append(phrases)
    return "".join(out), required


def _alternation(phrases: Iterable[str]) -> str:
    """One of the phrases, as a regex that shares their common beginnings ("i know", "i know that", "i get"
    -> "i (?:get|know(?: that)?)"): the engine then tries a few letters, not every phrase in turn. What
    follows an item (a space, or the end of a word) still decides where a phrase may end."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    """The regex of a letter trie ({"a": {"": {}, "n": {"": {}}}} -> "an?"); "" marks where a phrase ends."""
    optional = "" in node
    branches = []
    for char in sorted(c for c in node if c):
        child, text = node[char], re.escape(char)
        while len(child) == 1 and "" not in child:  # a run of single letters: one literal
            ((char, child),) = child.items()
            text += re.escape(char)
        rest = _trie_regex(child) if child != {"": {}} else ""
        branches.append(text + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


def _compile_frame(frame: str, classes: Mapping[str, tuple[str, ...]]) -> tuple[str, list[tuple[str, ...]]]:
    items = _items(frame)
    starts = {"^": _CLAUSE_START, "^^": _SENTENCE_START}
    ends = {"$": _CLAUSE_END, "$$": _SENTENCE_END}
    start = starts.get(items[0], "") if items else ""
    end = ends[items[-1]] % _tag(classes) if items and items[-1] in ends else _WORD_END
    items = [i for i in items if i not in starts and i not in ends]
    if not items or items[0].startswith("..."):
        raise ValueError(f"frame {frame!r} is empty or starts with a gap")
    body, required = _sequence(items, classes, frame)
    if not required:
        raise ValueError(f"frame {frame!r} has no required word")
    return start + body + end, required
