"""The grader's and the visitor's language, read from data files: bot/grading/phrases/*.yaml (the grader's),
bot/practice/phrases/*.yaml (the visitor's), then the department's own.

Every file has the same sections, each optional:

    classes:   word classes for frames       THANKS: thank you | thanks | many thanks
    frames:    speech acts, a list each       appreciation: ["{THANKS}", ...]
    forms:     texting forms and typos        thx: thanks
    words:     named word lists               titles: [deputy, officer, ...]
    patterns:  regular expressions, by signal (the bundled files only)
    lines:     tips' suggested lines          offer_more_help: Is there anything else I can help you with?
    says:      the visitor's stock lines      last_words: ["Bye.", "Thanks. Bye."]

Everything is checked when it is read, and a bad entry is refused with its file and line
(`PhraseError`), so a typo in a department's file stops the start-up instead of quietly
grading differently. The department file (phrases.yaml beside agency.yaml) adds to the
bundled data: phrases to a class, frames to an act, words to a list (the visitor's too), new texting forms,
lines the visitor may say. Names are shared by both folders: a name defined twice is refused.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

BUNDLED = Path(__file__).with_name("phrases")
VISITOR = BUNDLED.parents[1] / "practice" / "phrases"
"""The visitor's phrasing (what it hears in a trainee's message, what it says): read with the grader's."""
BUNDLED_FOLDERS = (BUNDLED, VISITOR)
DEPARTMENT_FILE = "phrases.yaml"
SECTIONS = ("classes", "frames", "forms", "words", "patterns", "lines", "says")
LINE_FIELDS = frozenset({"station", "sense", "salutation"})
"""What a suggested line may name: the station, "hear" or "see" (phone or lobby), and a salutation that fits
the time of the call ("Good evening", or a time-neutral "Hello")."""

_PHRASE = re.compile(r"\{[A-Z_]+\}|(?:[a-z0-9']+|[?!,])(?: (?:[a-z0-9']+|[?!,]))*")
"""A class phrase: plain lower-case words, or a reference to another class ("{OH}")."""
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
"""A texting form is one token as text.py cuts it."""
_WORDS = re.compile(r"(?:[^\W_A-Z]|['?!]|(?<=\w)-(?=\w))+(?: (?:[^\W_A-Z]|['?!]|(?<=\w)-(?=\w))+)*")
"""Plain lower-case words ("fiancée", "e-mail" too), with "'" inside a word and "?" or "!" on their own."""
_STR = "tag:yaml.org,2002:str"
_FOLDED_CHOICE = re.compile(r"\s*\|\s*")
"""A frame may be folded over lines at a "|": the line break is not a word gap."""


class PhraseError(ValueError):
    """A phrasing entry that cannot be used, with the file and line to fix."""


@dataclass(frozen=True)
class Where:
    """Where an entry was written: shown by `deskdrill phrases why` and in every error."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"

    def error(self, message: str) -> PhraseError:
        return PhraseError(f"{self.file}, line {self.line}: {message}")


@dataclass(frozen=True)
class Entry:
    """One frame or pattern with where it was written and the sentences it should and should not match."""

    text: str
    where: Where
    examples: tuple[str, ...] = ()
    counter: tuple[str, ...] = ()


@dataclass
class Phrasing:
    """Everything read, section by section, each value with where it was written."""

    classes: dict[str, list[tuple[str, Where]]] = field(default_factory=dict)
    frames: dict[str, list[Entry]] = field(default_factory=dict)
    forms: dict[str, tuple[str, Where]] = field(default_factory=dict)
    words: dict[str, list[tuple[str, Where]]] = field(default_factory=dict)
    patterns: dict[str, list[Entry]] = field(default_factory=dict)
    lines: dict[str, tuple[str, Where]] = field(default_factory=dict)
    says: dict[str, list[tuple[str, Where]]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def class_text(self, name: str) -> str:
        """The class as grammar.py reads it: its phrases joined by "|"."""
        return " | ".join(phrase for phrase, _ in self.classes[name])

    def word_list(self, name: str) -> tuple[str, ...]:
        return tuple(word for word, _ in self.words[name])

    def said(self, name: str) -> tuple[str, ...]:
        """The visitor's stock lines of that name, as written."""
        return tuple(line for line, _ in self.says[name])


def department_file(environ: Mapping[str, str] = os.environ) -> Path | None:
    """phrases.yaml in the scenario directory (DESKDRILL_SCENARIOS, else ./scenarios, else the
    bundled one), found the way the scenario library finds agency.yaml; None when there is none."""
    folders = [Path(environ["DESKDRILL_SCENARIOS"])] if environ.get("DESKDRILL_SCENARIOS") else []
    folders += [Path("scenarios")] if not folders and Path("scenarios").is_dir() else []
    folders += [] if folders else [Path(__file__).resolve().parents[2] / "scenarios"]
    path = folders[0] / DEPARTMENT_FILE
    return path if path.is_file() else None


def load_phrasing(folders: Sequence[Path] = BUNDLED_FOLDERS, department: Path | None = None) -> Phrasing:
    """The bundled files of `folders` (each section's names defined once), then the department's additions."""
    phrasing = Phrasing()
    for path in (path for folder in folders for path in sorted(folder.glob("*.yaml"))):
        _read(path, phrasing, bundled=True)
    if department is not None:
        _read(department, phrasing, bundled=False)
    return phrasing


def _read(path: Path, into: Phrasing, *, bundled: bool) -> None:
    name = str(path.relative_to(BUNDLED.parents[2])) if path.is_relative_to(BUNDLED.parents[2]) else str(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise PhraseError(f"{name}, line {mark.line + 1 if mark else 1}: not valid YAML: {exc.problem}") from None
    into.files.append(name)
    if root is None:
        return
    reader = _Reader(name, into, bundled)
    for key, value in _mapping(reader, root, "the file"):
        section = _text(reader, key)
        if section not in SECTIONS or (section == "patterns" and not bundled):
            allowed = [s for s in SECTIONS if bundled or s != "patterns"]
            raise reader.at(key).error(f"unknown section '{section}' (one of: {', '.join(allowed)})")
        getattr(reader, section)(value)


class _Reader:
    """Reads one file's sections into a Phrasing, refusing anything malformed at its line."""

    def __init__(self, file: str, into: Phrasing, bundled: bool) -> None:
        self.file, self.into, self.bundled = file, into, bundled

    def at(self, node: yaml.Node) -> Where:
        return Where(self.file, node.start_mark.line + 1)

    def classes(self, node: yaml.Node) -> None:
        for key, value in _mapping(self, node, "classes"):
            name = _text(self, key)
            if not re.fullmatch(r"[A-Z][A-Z_]*", name):
                raise self.at(key).error(f"class name '{name}' must be upper case, as frames write it: {{{name}}}")
            if self.bundled and name in self.into.classes:
                raise self.at(key).error(f"class {name} is already defined")
            where = self.at(key)
            phrases = [_phrase(p, where) for p in _texts(self, value, split="|")]
            self.into.classes.setdefault(name, []).extend((p, where) for p in phrases)

    def frames(self, node: yaml.Node) -> None:
        for key, value in _mapping(self, node, "frames"):
            act = _text(self, key)
            if self.bundled == (act in self.into.frames):
                known = ", ".join(sorted(self.into.frames))
                problem = "is already defined" if self.bundled else f"is not an act the grader knows ({known})"
                raise self.at(key).error(f"act '{act}' {problem}")
            entries = self.into.frames.setdefault(act, [])
            for item in _sequence(self, value, act):
                entries.extend(self._entries(item, "frame", act))

    def patterns(self, node: yaml.Node) -> None:
        for key, value in _mapping(self, node, "patterns"):
            signal = _text(self, key)
            if signal in self.into.patterns:
                raise self.at(key).error(f"patterns for '{signal}' are already defined")
            self.into.patterns[signal] = [e for item in _sequence(self, value, signal) for e in self._entries(item)]

    def _entries(self, item: yaml.Node, kind: str = "pattern", act: str = "") -> list[Entry]:
        """A frame or pattern written bare, or as a mapping with examples and counter-examples."""
        if isinstance(item, yaml.ScalarNode):
            return [Entry(self._entry_text(item, kind), self.at(item))]
        fields = dict((_text(self, k), v) for k, v in _mapping(self, item, f"a {kind}"))
        if kind == "frame" and set(fields) == {"include"}:
            included = _text(self, fields["include"])
            if included not in self.into.frames:
                raise self.at(item).error(f"include: no act '{included}' defined before '{act}'")
            return list(self.into.frames[included])
        unknown = set(fields) - {kind, "examples", "counter"}
        if unknown or kind not in fields:
            raise self.at(item).error(f"a {kind} entry has '{kind}:' and optional 'examples:', 'counter:'")
        examples, counter = (tuple(_texts(self, fields[k])) if k in fields else () for k in ("examples", "counter"))
        return [Entry(self._entry_text(fields[kind], kind), self.at(item), examples, counter)]

    def _entry_text(self, node: yaml.Node, kind: str) -> str:
        text = _text(self, node).strip()
        return _FOLDED_CHOICE.sub("|", " ".join(text.split())) if kind == "frame" else text

    def forms(self, node: yaml.Node) -> None:
        for key, value in _mapping(self, node, "forms"):
            form, words = _text(self, key), " ".join(_text(self, value).split())
            if not _TOKEN.fullmatch(form):
                raise self.at(key).error(f"'{form}' is not one lower-case token (letters, digits, an inner ')")
            if not _WORDS.fullmatch(words):
                raise self.at(value).error(f"'{words}' must be plain lower-case words")
            self.into.forms[form] = (words, self.at(key))

    def words(self, node: yaml.Node) -> None:
        for key, value in _mapping(self, node, "words"):
            name = _text(self, key)
            self._adds_to(key, name, self.into.words, "word list")
            found = []
            for item in value.value if isinstance(value, yaml.SequenceNode) else [value]:
                word = " ".join(_text(self, item).split())
                if not _WORDS.fullmatch(word):
                    raise self.at(item).error(f"'{word}' must be plain lower-case words")
                found.append((word, self.at(item)))
            self.into.words.setdefault(name, []).extend(found)

    def says(self, node: yaml.Node) -> None:
        """The visitor's stock lines, as it says them (any text; "{said}" and the like are filled in by the code)."""
        for key, value in _mapping(self, node, "says"):
            name = _text(self, key)
            self._adds_to(key, name, self.into.says, "list of the visitor's lines")
            found = [(_text(self, item), self.at(item)) for item in _sequence(self, value, name)]
            if any(not line.strip() for line, _ in found):
                raise self.at(value).error(f"'{name}': an empty line")
            self.into.says.setdefault(name, []).extend(found)

    def _adds_to(self, key: yaml.Node, name: str, table: Mapping[str, object], what: str) -> None:
        """A bundled file defines a list once; the department's adds to one defined."""
        if self.bundled and name in table:
            raise self.at(key).error(f"{what} '{name}' is already defined")
        if not self.bundled and name not in table:
            raise self.at(key).error(f"no {what} '{name}' to add to (one of: {', '.join(sorted(table))})")

    def lines(self, node: yaml.Node) -> None:
        for key, value in _mapping(self, node, "lines"):
            line = " ".join(_text(self, value).split())
            try:
                named = {field for _, field, _, _ in string.Formatter().parse(line) if field is not None}
            except ValueError as exc:
                raise self.at(value).error(f"{exc} (write a brace as {{{{ or }}}})") from None
            if not named <= LINE_FIELDS:
                raise self.at(value).error(
                    f"unknown {sorted(named - LINE_FIELDS)}: a line may use {{station}}, {{sense}}, {{salutation}}"
                )
            self.into.lines[_text(self, key)] = (line, self.at(key))


def _mapping(reader: _Reader, node: yaml.Node, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise reader.at(node).error(f"{what} must be a mapping of names to entries")
    return node.value


def _sequence(reader: _Reader, node: yaml.Node, what: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        raise reader.at(node).error(f"'{what}' must be a list of entries, each on a line starting with '- '")
    return node.value


def _text(reader: _Reader, node: yaml.Node) -> str:
    """A scalar that YAML reads as text: a bare yes, no, on or a number is refused (quote it)."""
    if not isinstance(node, yaml.ScalarNode):
        raise reader.at(node).error("expected text here")
    if node.tag != _STR:
        kind = node.tag.rsplit(":", 1)[-1]
        raise reader.at(node).error(f"'{node.value}' reads as {kind}, not text: quote it (\"{node.value}\")")
    return node.value


def _texts(reader: _Reader, node: yaml.Node, split: str | None = None) -> list[str]:
    """Text items of a list, or of one text split at `split` ("a | b | c")."""
    if isinstance(node, yaml.SequenceNode):
        return [_text(reader, item) for item in node.value]
    value = _text(reader, node)
    return [p.strip() for p in value.split(split)] if split else [value]


def _phrase(phrase: str, where: Where) -> str:
    phrase = " ".join(phrase.split())
    if not _PHRASE.fullmatch(phrase):
        raise where.error(f"'{phrase}' is not a phrase: plain lower-case words, or {{CLASS}}")
    return phrase
