"""A small slot grammar: speech-act frames written as data, compiled to one regex each.

A frame is a line of space-separated items, matched over a sentence's `marked` text
(normalised words, with "," between clauses, and one leading space):

    {CLASS}        one phrase of a word class ("{YOU}" -> you | y'all | we ...)
    word|other     one of these literal words; "_" joins words ("with_me" -> "with me")
    [item]         the item is optional ("[{INTENS}]", "[so_far]")
    ...  ...6      a gap of up to four (or the given number of) words, within one clause
    ^  $           the start / end of a clause (a trailing "?" or "!" may follow "$")

Every frame needs at least one word that must be present. The compiler indexes each
frame under the rarest word of each phrase of its most selective required item (common words such as
"you" or "that" make poor keys), and keeps the other required items as word sets: a
frame's regex runs only when the sentence holds a key word and a word of each item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_GAP = r"(?: [^ ,]+){0,%d}"
_DEFAULT_GAP = 4
_CLAUSE_START = r"(?:^|(?<=,))"
_CLAUSE_END = r"(?=(?: [?!])*(?: ,|$))"
_WORD_END = r"(?![^ ,?!])"


_COMMON = frozenset(
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
        for key in keys:
            for frame in self.index[key]:
                for need in frame.needs:
                    if need.isdisjoint(words):
                        break
                else:
                    if frame.pattern.search(marked):
                        return True
        return False


def compile_act(name: str, frames: Iterable[str], classes: Mapping[str, str]) -> Act:
    """Compile frames, each indexed under the first words of its most selective required item."""
    expanded = _expand_classes(classes)
    index: dict[str, list[Frame]] = {}
    for frame in frames:
        pattern, required = _compile_frame(frame, expanded)
        wordy = [phrases for phrases in required if any(p != "," for p in phrases)]  # "," is not a word
        firsts = [frozenset(_rarest_word(p) for p in phrases) for phrases in wordy]
        key = min(firsts, key=lambda ws: sum(50 if w in _COMMON else 1 for w in ws))
        compiled = Frame(re.compile(pattern), tuple(f for f in firsts if f is not key))
        for word in key:
            index.setdefault(word, []).append(compiled)
    return Act(name, {w: tuple(v) for w, v in index.items()}, frozenset(index))


def _rarest_word(phrase: str) -> str:
    """The word of a phrase least likely to be in an unrelated sentence: uncommon, then longest."""
    words = [w for w in phrase.split() if w != ","]
    return min(words, key=lambda w: (w in _COMMON, -len(w)))


def _expand_classes(classes: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Each class as its list of phrases, with "{OTHER}" references inlined."""
    done: dict[str, tuple[str, ...]] = {}

    def expand(name: str, seen: tuple[str, ...]) -> tuple[str, ...]:
        if name in done:
            return done[name]
        if name in seen or name not in classes:
            raise ValueError(f"word class {{{name}}} is unknown or refers to itself")
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
            out.append(" (?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + ")")
            required.append(phrases)
    return "".join(out), required


def _compile_frame(frame: str, classes: Mapping[str, tuple[str, ...]]) -> tuple[str, list[tuple[str, ...]]]:
    items = _items(frame)
    start = _CLAUSE_START if items and items[0] == "^" else ""
    end = _CLAUSE_END if items and items[-1] == "$" else _WORD_END
    items = [i for i in items if i not in ("^", "$")]
    if not items or items[0].startswith("..."):
        raise ValueError(f"frame {frame!r} is empty or starts with a gap")
    body, required = _sequence(items, classes, frame)
    if not required:
        raise ValueError(f"frame {frame!r} has no required word")
    return start + body + end, required
