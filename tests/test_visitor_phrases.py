"""The visitor's phrasing data as tests: every pattern's examples and counter-examples in bot/practice/phrases/.

The visitor's language (what it hears in a trainee's message, and its stock lines) is read with the grader's
(bot/grading/phrasing.py) from bot/practice/phrases/*.yaml; each pattern entry lists `examples:` it must match
and `counter:` sentences it must not, each one case here, named by file and line. The visitor's patterns run
over raw text in any case, except those of CASE_SENSITIVE_FILES and CASE_SENSITIVE, which run over lower-case
(normalised) text, or the visitor's own words in their case.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest

from bot.grading import lexicon as lx
from bot.grading.phrasing import VISITOR, PhraseError, load_phrasing

FOLDER = str(VISITOR.relative_to(VISITOR.parents[2]))
CASE_SENSITIVE = {"set_phrase", "about_you", "about_other", "did_you", "then_do", "kin_named"} | {
    f"offers.{kind}" for kind in ("callback", "name", "where", "vehicle")
} | {"read_back_opening", "read_back_closing"}
"""Patterns the visitor runs over a lower-case question (knowing.py, hearing.py), over its own words in their
case (plans.py, in_kind.py), or over the trainee's raw message in its case (others.py), not over raw text in any
case."""
CASE_SENSITIVE_FILES = ("asking.yaml",)
"""Files whose patterns run over a lower-case (normalised) question (asking.py, answers.py, in_kind.py, quizzes.py):
the few that run in any case say so, and their examples are in lower case."""


class Case(NamedTuple):
    name: str
    text: str
    where: str
    sentence: str
    expected: bool


def _cases() -> list[Case]:
    cases = []
    for name, entries in lx.PHRASING.patterns.items():
        for entry in entries:
            if entry.where.file.startswith(FOLDER):
                cases += [Case(name, entry.text, str(entry.where), s, True) for s in entry.examples]
                cases += [Case(name, entry.text, str(entry.where), s, False) for s in entry.counter]
    return cases


CASES = _cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.where}:{'+' if c.expected else '-'}" for c in CASES])
def test_each_visitor_pattern_matches_its_examples_and_not_its_counter_examples(case: Case) -> None:
    sensitive = case.name in CASE_SENSITIVE or case.where.split(":")[0].endswith(CASE_SENSITIVE_FILES)
    signal = lx.compile_signal(case.name, 0 if sensitive else re.IGNORECASE)
    alone = next(a for entry, _, a in signal.entries if str(entry.where) == case.where)
    found = alone.search(case.sentence) is not None
    assert found is case.expected, f"{case.where}: {case.text!r} on {case.sentence!r}"


def test_every_visitor_pattern_carries_an_example() -> None:
    entries = [e for es in lx.PHRASING.patterns.values() for e in es if e.where.file.startswith(FOLDER)]
    assert len(entries) >= 30
    assert all(e.examples for e in entries)


def test_every_visitor_file_opens_with_what_it_holds() -> None:
    for path in sorted(VISITOR.glob("*.yaml")):
        assert path.read_text(encoding="utf-8").startswith("# "), path


def test_a_department_adds_to_the_visitor_lists(tmp_path: Path) -> None:
    department = tmp_path / "phrases.yaml"
    department.write_text(
        'words:\n  sign_offs: [cheers then, mahalo]\nsays:\n  last_words: ["Mahalo. Bye."]\n', encoding="utf-8"
    )
    phrasing = load_phrasing(department=department)
    sign_off = lx.compile_signal("sign_off", re.IGNORECASE, phrasing).pattern
    assert sign_off.search("Cheers then!") and sign_off.search("Mahalo, have a good one.")
    assert not lx.compile_signal("sign_off", re.IGNORECASE).pattern.search("Cheers then!")
    assert phrasing.said("last_words")[-1] == "Mahalo. Bye."
    assert str(phrasing.words["sign_offs"][-1][1]).endswith("phrases.yaml:2")


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("words:\n  goodbye_words: [ciao]\n", 2, "no word list 'goodbye_words'"),
        ('says:\n  farewells: ["Bye."]\n', 2, "no list of the visitor's lines 'farewells'"),
        ('says:\n  last_words: "Bye."\n', 2, "must be a list"),
        ('says:\n  last_words: ["  "]\n', 2, "an empty line"),
    ],
)
def test_a_bad_department_entry_for_the_visitor_is_refused(tmp_path: Path, text: str, line: int, problem: str) -> None:
    department = tmp_path / "phrases.yaml"
    department.write_text(text, encoding="utf-8")
    with pytest.raises(PhraseError) as refused:
        load_phrasing(department=department)
    assert f"phrases.yaml, line {line}:" in str(refused.value) and problem in str(refused.value)


def test_a_name_defined_in_both_folders_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("words:\n  titles: [deputy]\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("words:\n  titles: [officer]\n", encoding="utf-8")
    with pytest.raises(PhraseError, match="b.yaml, line 2: word list 'titles' is already defined"):
        load_phrasing(folders=[tmp_path])
