"""The grader's phrasing data as tests: every entry's examples and counter-examples, and the loader's refusals.

Each frame or pattern in bot/grading/phrases/*.yaml (and the department's phrases.yaml) may
list `examples:` it must match and `counter:` sentences it must not; each is one case here,
named by the entry's file and line. The gates are derived from the patterns (gates.py), so
they are checked against every example: a gate that shuts out its own example is a bug.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest

from bot.grading import lexicon as lx
from bot.grading.gates import gate_of
from bot.grading.grammar import compile_act
from bot.grading.phrasing import VISITOR, Entry, PhraseError, load_phrasing
from bot.grading.text import normalise, split_sentences

CLASSES = {name: lx.PHRASING.class_text(name) for name in lx.PHRASING.classes}
RAW_TEXT = {
    "visitor_fear",
    "visitor_anger",
    "visitor_trouble",
    "visitor_grave",
    "he_in_line",
    "she_in_line",
    "visitor_man",
    "visitor_woman",
    "named_in_line",
    "feeling_in_line",
    *(f"time_{t}" for t in ("night", "evening", "afternoon", "morning")),
}
"""Patterns run over the visitor's own words, in any case, not over normalised text."""


class Case(NamedTuple):
    kind: str
    name: str
    entry: Entry
    sentence: str
    expected: bool


VISITORS = str(VISITOR.relative_to(VISITOR.parents[2]))
"""The visitor's patterns (raw text, any case) are tested in tests/test_visitor_phrases.py."""


def _cases() -> list[Case]:
    cases = []
    for kind, table in (("frame", lx.PHRASING.frames), ("pattern", lx.PHRASING.patterns)):
        for name, entries in table.items():
            # an included act's entries are listed once
            for entry in dict.fromkeys(e for e in entries if not e.where.file.startswith(VISITORS)):
                cases += [Case(kind, name, entry, s, True) for s in entry.examples]
                cases += [Case(kind, name, entry, s, False) for s in entry.counter]
    return cases


CASES = _cases()


def _frame_matches(frame: str, sentence: str) -> bool:
    act = compile_act("one", [frame], CLASSES)
    return any(act.search(s.marked, frozenset(s.norm.split())) for s in split_sentences(sentence))


def _pattern_matches(name: str, entry: Entry, sentence: str) -> bool:
    signal = lx.compile_signal(name, re.I if name in RAW_TEXT else 0)
    _, gate, alone = next(e for e in signal.entries if e[0] == entry)
    if name in RAW_TEXT:
        return alone.search(sentence) is not None
    sentences = split_sentences(sentence)
    texts = [s.marked for s in sentences] if name == "bare_salutation" else [" ".join(s.norm for s in sentences)]
    found = any(alone.search(text) for text in texts)
    assert not found or any(gate.admits(text) for text in texts), f"the derived gate shuts out {sentence!r}"
    return found


@pytest.mark.parametrize("case", CASES, ids=[f"{c.entry.where}:{'+' if c.expected else '-'}" for c in CASES])
def test_each_entry_matches_its_examples_and_not_its_counter_examples(case: Case) -> None:
    if case.kind == "frame":
        found = _frame_matches(case.entry.text, case.sentence)
    else:
        found = _pattern_matches(case.name, case.entry, case.sentence)
    assert found is case.expected, f"{case.entry.where}: {case.entry.text!r} on {case.sentence!r}"


def test_most_entries_carry_an_example() -> None:
    entries = [e for table in (lx.PHRASING.frames, lx.PHRASING.patterns) for es in table.values() for e in es]
    assert len(CASES) >= 400
    assert sum(bool(e.examples) for e in entries) / len(entries) > 0.8


FORMS = sorted(lx.TEXTING_FORMS.items())


@pytest.mark.parametrize(("form", "words"), FORMS, ids=[form for form, _ in FORMS])
def test_each_texting_form_reads_as_its_words(form: str, words: str) -> None:
    assert normalise(form) == words


# --- the gates, derived --------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "admitted", "shut_out"),
    [
        (r"\bhello\b(?! hold)", "well hello there", "othello"),
        (r"\bthank(s| you)( so much)? for (calling|waiting)", "thank you for waiting", "we appreciate it"),
        (r"\b(good night|goodnight)\b", "goodnight all", "good evening"),
        (r"\b(minutes?|hours?)\b", "two hours", "hourly"),
        (r"\bwe're (always )?here (if|for you)", "we're always here if", "we are there"),
    ],
)
def test_a_gate_is_read_off_its_pattern(pattern: str, admitted: str, shut_out: str) -> None:
    gate = gate_of([pattern])
    assert gate.admits(admitted) and re.search(pattern, admitted)
    assert not gate.admits(shut_out)


def test_a_pattern_with_no_literal_it_needs_has_no_gate() -> None:
    assert gate_of([r"[a-z]+ing\b"]).admits("anything at all")


def test_no_hand_kept_gate_tables_are_left() -> None:
    assert not hasattr(lx, "GATES") and not hasattr(lx, "PART_GATES")


# --- the loader: a bad entry is refused with its file and line ------------------------


def _load(tmp_path: Path, text: str) -> None:
    department = tmp_path / "phrases.yaml"
    department.write_text(text, encoding="utf-8")
    phrasing = load_phrasing(department=department)
    lx.compile_acts(phrasing)


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("classes:\n  THANKS: [mahalo\n", 3, "not valid YAML"),
        ("greetings:\n  - aloha\n", 1, "unknown section 'greetings'"),
        ("patterns:\n  farewell: ['\\baloha\\b']\n", 1, "unknown section 'patterns'"),
        ("classes:\n  THANKS: mahalo | Mahalo!!\n", 2, "not a phrase"),
        ("classes:\n  thanks: mahalo\n", 2, "must be upper case"),
        ("classes:\n  THANKS: mahalo | {NO_SUCH}\n", 2, "names no word class"),
        ('frames:\n  appreciation:\n    - "{NO_SUCH} for waiting"\n', 3, "unknown word class"),
        ('frames:\n  appreciation:\n    - "[mahalo for"\n', 3, "unbalanced brackets"),
        ("frames:\n  gratitude:\n    - mahalo\n", 2, "not an act the grader knows"),
        ("frames:\n  appreciation: mahalo\n", 2, "must be a list"),
        ("forms:\n  brah man: bro\n", 2, "not one lower-case token"),
        ("forms:\n  no: yes\n", 2, "reads as bool"),
        ("words:\n  nicknames: [the barn]\n", 2, "no word list 'nicknames'"),
        ("words:\n  agencies: [The Barn]\n", 2, "plain lower-case words"),
        ("lines:\n  offer_more_help: Anything else for {visitor}?\n", 2, "{station}, {sense}"),
    ],
)
def test_a_bad_department_entry_is_refused_with_its_file_and_line(
    tmp_path: Path, text: str, line: int, problem: str
) -> None:
    with pytest.raises(PhraseError) as refused:
        _load(tmp_path, text)
    assert f"phrases.yaml, line {line}:" in str(refused.value)
    assert problem in str(refused.value)


def test_department_phrasings_are_added_to_the_bundled_ones(tmp_path: Path) -> None:
    department = tmp_path / "phrases.yaml"
    department.write_text(
        "classes:\n  THANKS: mahalo\nforms:\n  brah: bro\nwords:\n  agencies: [the barn]\n"
        "frames:\n  appreciation:\n    - frame: ^ shaka $\n      examples: [shaka]\n",
        encoding="utf-8",
    )
    phrasing = load_phrasing(department=department)
    acts = lx.compile_acts(phrasing)
    thanks = split_sentences("Mahalo for waiting.")[0]
    assert acts["appreciation"].search(thanks.marked, frozenset(thanks.norm.split()))
    assert ("mahalo", phrasing.classes["THANKS"][-1][1]) == phrasing.classes["THANKS"][-1]
    assert str(phrasing.classes["THANKS"][-1][1]).endswith("phrases.yaml:2")
    assert phrasing.forms["brah"][0] == "bro"
    assert "the barn" in phrasing.word_list("agencies")
    assert phrasing.frames["appreciation"][-1].examples == ("shaka",)


def test_the_example_department_file_is_valid_and_reads_mahalo_as_thanks() -> None:
    example = Path(__file__).parents[1] / "scenarios" / "phrases.yaml"
    phrasing = load_phrasing(department=example)
    acts = lx.compile_acts(phrasing)
    thanks = split_sentences("Mahalo for waiting, brah.")[0]
    assert acts["appreciation"].search(thanks.marked, frozenset(thanks.norm.split()))
