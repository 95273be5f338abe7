"""How a clause is read for meaning: every line of tests/corpus/clauses.tsv is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.grading.clauses import Clause, read
from bot.grading.text import normalise, split_sentences

CASES = [
    line.split("\t")
    for line in (Path(__file__).parent / "readings" / "clauses.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]

READINGS = {
    "refused": lambda c: bool(c.refused),
    "negated": lambda c: bool(c.negated),
    "question": lambda c: c.question,
    "conditional": lambda c: bool(c.conditional),
    "later": lambda c: bool(c.later),
    "now": lambda c: bool(c.now),
    "agency": lambda c: c.actor == "agency",
    "person": lambda c: c.actor == "person",
    "elsewhere": lambda c: bool(c.elsewhere),
}


def clause_holding(words: str, message: str) -> Clause:
    found = [c for c in read(message) if normalise(words) in c.norm]
    assert found, f"no clause of {message!r} holds {words!r}: {[c.norm for c in read(message)]}"
    return found[0]


@pytest.mark.parametrize(("reading", "words", "message"), CASES, ids=[f"{r}: {w}" for r, w, _ in CASES])
def test_a_clause_reads_as_the_table_says(reading: str, words: str, message: str) -> None:
    clause = clause_holding(words, message)
    negative = reading.startswith("not ")
    name = reading.removeprefix("not ")
    if name in ("person", "agency") and negative:
        assert clause.actor != name, clause.why()
        return
    if name in ("negated", "refused") and negative:  # "don't hang up" is neither a negation nor a refusal
        assert not clause.says_no, clause.why()
        return
    assert READINGS[name](clause) is not negative, clause.why()


def test_every_reading_has_a_case() -> None:
    assert {r.removeprefix("not ") for r, _, _ in CASES} >= set(READINGS) - {"now"} | {"now"}


@pytest.mark.parametrize(
    ("message", "sentences"),
    [
        ("Records is open 8 a.m. to 4 p.m. Monday through Friday. Come by then.", 2),
        ("Mrs. Lopez called. Dr. Smith too.", 2),
        ("Ask for Sgt. Ramos at ext. 12, she's in till 4 p.m. today.", 1),
        ("We open at 8 a.m. Come by then.", 2),
        ("Open 8 a.m. to 4 p.m. Is there anything else?", 2),
        ("ok so im sending a deputy now\nstay on the line with me", 2),
        ("well . . . okay then", 4),  # spaced dots: cut, never a crash
    ],
)
def test_sentences_are_not_cut_at_abbreviations_or_times(message: str, sentences: int) -> None:
    assert len(split_sentences(message)) == sentences


def test_a_phone_number_in_brackets_stays_in_one_clause() -> None:
    assert any("562 555 0181" in c.norm for c in read("Their number is (562) 555-0181, call them first."))


def test_why_names_the_words_behind_each_reading() -> None:
    (clause,) = read("Sorry, the rooms are all busy tonight.")[1:]
    assert "refusal ('busy')" in clause.why()
