"""Why the grader read a text as it did: `deskdrill phrases why "TEXT"`.

For each sentence: the words it was read as (after texting forms and typo fixes, each form
with the file and line that defines it), then every speech act and signal pattern it shows,
with the entry that matched (file:line) and, for a frame, which words of which class filled
it. Then what the whole message is credited with, which is what a grade uses: a sentence's
act can still be spoiled ("thanks for nothing") or belong to the visitor's own story.

A training officer who adds "mahalo" to THANKS in the department's phrases.yaml can see
here that "Mahalo for waiting" now reads as thanks, and because of which line. The visitor's
patterns (bot/practice/phrases/) are shown too, as "visitor: NAME": what the practice visitor
hears in the sentence ("cheers then" as a sign-off, once a department adds it).
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass

from bot.grading import lexicon as lx
from bot.grading import shapes
from bot.grading.detectors import detect
from bot.grading.phrasing import VISITOR, Phrasing, Where
from bot.grading.text import Sentence, _plain_word, split_sentences

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_CLASS_REF = re.compile(r"\{([A-Z_]+)\}")
_SENTENCE_SIGNALS = ("invitation_to_return", "farewell")
_GREETING_SIGNALS = ("salutation", "courteous_opener", "names_self")


@dataclass(frozen=True)
class Found:
    """One thing a sentence was read as, and because of what."""

    name: str
    """The act or signal ("thanks", "farewell", "identifies")."""
    entry: str
    """The entry that matched, as shown ("frame: ...", "pattern: ...", "title: deputy")."""
    where: str
    """Where that entry is written (file:line), or the module of a token shape."""
    words: tuple[str, ...] = ()
    """For a frame: each class it names, the phrase that filled it and where that is written."""


@dataclass(frozen=True)
class Reading:
    sentence: Sentence
    rewrites: tuple[str, ...]
    found: tuple[Found, ...]


def read(text: str, phrasing: Phrasing = lx.PHRASING) -> list[Reading]:
    """What each sentence of the text was read as, and because of which entries."""
    return [Reading(s, _rewrites(s.original, phrasing), tuple(_found(s, phrasing))) for s in split_sentences(text)]


def explain(text: str, phrasing: Phrasing = lx.PHRASING) -> str:
    """The readings of `text` as lines for a terminal."""
    lines: list[str] = []
    for number, reading in enumerate(read(text, phrasing), start=1):
        s = reading.sentence
        lines.append(f"{number}. \u201c{s.original}\u201d")
        lines.append(f"   read as: {s.marked.strip()}" + ("   (a question)" if s.is_question else ""))
        lines += [f"   {rewrite}" for rewrite in reading.rewrites]
        for found in reading.found:
            lines.append(f"   {found.name:<22} {found.entry}   [{found.where}]")
            lines += [f"   {'':<22}   {words}" for words in found.words]
        if not reading.found:
            lines.append("   (no act or signal of the grader's or the visitor's phrasing)")
    signals = detect(text).names
    credited = ", ".join(sorted(signals)) if signals else "nothing"
    lines.append(f"The whole message is credited with: {credited}")
    return "\n".join(lines)


def _rewrites(original: str, phrasing: Phrasing) -> tuple[str, ...]:
    """The texting forms and typo fixes applied to the sentence's words, each with where it is defined."""
    out = []
    for token in dict.fromkeys(_TOKEN.findall(original.lower().replace("\u2019", "'"))):
        plain = _plain_word(token)
        if plain == token:
            continue
        form = phrasing.forms.get(token)
        source = f"texting form [{form[1]}]" if form else "a typo of a keyword (texting.yaml, typo_targets)"
        out.append(f"{token} -> {plain}: {source}")
    return tuple(out)


def _found(s: Sentence, phrasing: Phrasing) -> list[Found]:
    words = frozenset(s.norm.split())
    found = []
    for name, act in lx.ACTS.items():
        frame = act.which(s.marked) if act.search(s.marked, words) else None
        if frame is not None:
            entry = phrasing.frames[name][frame.order]
            found.append(Found(name, f"frame: {entry.text}", frame.source, _fillers(entry.text, s.marked, phrasing)))
    for name in _GREETING_SIGNALS + _SENTENCE_SIGNALS:
        entry = lx.compile_signal(name, phrasing=phrasing).which(s.norm)
        if entry is not None:
            found.append(Found(name, f"pattern: {entry.text}", str(entry.where)))
    found += _identifies(s, phrasing)
    found += _visitor_hears(s, phrasing)
    if shapes.process_time(s.norm, words):
        found.append(Found("process_time", "a length of time (a token shape)", "bot/grading/shapes.py"))
    return found


def _visitor_hears(s: Sentence, phrasing: Phrasing) -> list[Found]:
    """The visitor's patterns the sentence shows (over its own words, in any case): what the practice visitor hears."""
    folder = str(VISITOR.relative_to(VISITOR.parents[2]))
    out = []
    for name, entries in phrasing.patterns.items():
        if entries and entries[0].where.file.startswith(folder):
            entry = lx.compile_signal(name, re.IGNORECASE, phrasing).which(s.original)
            if entry is not None:
                words = _listed(entry.text, s.original.lower(), phrasing)
                out.append(Found(f"visitor: {name}", f"pattern: {entry.text[:60]}", str(entry.where), words))
    return out


def _listed(pattern: str, text: str, phrasing: Phrasing) -> tuple[str, ...]:
    """For each word list the pattern names, the longest of its words in the text and where that word is written."""
    out = []
    for name in dict.fromkeys(re.findall(r"\{([a-z_]+)\}", pattern)):
        hits = [(w, where) for w, where in phrasing.words.get(name, []) if re.search(rf"\b{re.escape(w)}\b", text)]
        if hits:
            word, where = max(hits, key=lambda hit: len(hit[0]))
            out.append(f"{{{name}}} = \u201c{word}\u201d [{where}]")
    return tuple(out)


def _identifies(s: Sentence, phrasing: Phrasing) -> list[Found]:
    """A title or an agency named in the sentence: who is speaking (part of a greeting)."""
    padded = f" {s.norm} "
    out = []
    for name in ("titles", "agencies"):
        for word, where in phrasing.words[name]:
            if re.search(rf"\b{re.escape(word)}\b", padded):
                out.append(Found("identifies", f"{name[:-1]}: {word}", str(where)))
    return out


def _fillers(frame: str, marked: str, phrasing: Phrasing) -> tuple[str, ...]:
    """For each class the frame names, the phrase of it found in the sentence and where that phrase is written."""
    out = []
    for name in dict.fromkeys(_CLASS_REF.findall(frame)):
        hit = _longest_phrase(name, marked, phrasing, set())
        if hit is not None:
            phrase, where = hit
            out.append(f"{{{name}}} = \u201c{phrase}\u201d [{where}]")
    return tuple(out)


def _longest_phrase(name: str, marked: str, phrasing: Phrasing, seen: set[str]) -> tuple[str, Where] | None:
    """The longest phrase of the class (classes it names included) that is in the marked text as whole words."""
    if name in seen or name not in phrasing.classes:
        return None
    seen.add(name)
    best: tuple[str, Where] | None = None
    for phrase, where in phrasing.classes[name]:
        inner = _CLASS_REF.fullmatch(phrase)
        hit = _longest_phrase(inner.group(1), marked, phrasing, seen) if inner else None
        if hit is None and not inner and re.search(rf"(?<![^ ,]){re.escape(phrase)}(?![^ ,?!])", marked):
            hit = (phrase, where)
        if hit is not None and (best is None or len(hit[0]) > len(best[0])):
            best = hit
    return best


def add_phrases_command(sub: argparse._SubParsersAction) -> None:
    """`deskdrill phrases why TEXT` and `deskdrill phrases check`, registered on the CLI's subcommands."""
    phrases = sub.add_parser("phrases", help="the grader's phrasing: why a text was read as it was; check the files")
    actions = phrases.add_subparsers(metavar="ACTION")
    why = actions.add_parser("why", help="what each sentence of TEXT was read as, and which entry (file:line) matched")
    why.add_argument("text", help="a trainee's message, in quotes")
    why.set_defaults(handler=lambda args: _print(explain(args.text)))
    check = actions.add_parser("check", help="read and compile every phrasing file, the department's included")
    check.set_defaults(handler=lambda args: _print(_summary(lx.PHRASING)))


def _print(text: str) -> int:
    print(text)
    return 0


def _summary(phrasing: Phrasing) -> str:
    """What was read (it all compiled, or the grader would not have started)."""
    frames = sum(map(len, phrasing.frames.values()))
    phrases = sum(map(len, phrasing.classes.values()))
    return (
        f"{len(phrasing.files)} files read, all valid: {len(phrasing.classes)} word classes ({phrases} phrases), "
        f"{len(phrasing.frames)} acts ({frames} frames), {len(phrasing.forms)} texting forms, "
        f"{len(phrasing.words)} word lists, {len(phrasing.patterns)} signal patterns, {len(phrasing.lines)} lines\n"
        + "\n".join(f"  {file}" for file in phrasing.files)
    )
