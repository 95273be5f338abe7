"""The facts a visitor was told, said back in its own words: "So I get a receipt, and they'll call the owner.",
not the trainee's sentence with "you" made "I".

Each scenario says how its visitor puts each fact (`persona.says_back`, read by bot/scenarios/persona.py); the
engine remembers the sentence that gave each fact ("fact-told:<turn>:<place>:<fact>:<sentence>" in the visitor's
memory, wrong values too). A line is said only when that sentence has the words it needs, and a slot in it
({number}, {fee}, {time}, ...) holds the value as the trainee said it: a visitor told "40 dollars" says back "40
dollars".
"""

from __future__ import annotations

import random
import re

from bot.practice.lines import Lines
from bot.practice.own_words import FactBack
from bot.practice.plans import spoken
from bot.practice.read_back import value_pattern
from bot.practice.visitor import Visitor
from bot.scenarios.model import SaidBack
from bot.scenarios.schema import SAID_BACK_SLOTS

_KIND_OF_SLOT = {slot: slot for slot in SAID_BACK_SLOTS} | {"time": "deadline"}
"""A slot's kind of value in bot.practice.read_back ("time" is a time to wait or a deadline: "20 minutes")."""
_SLOT = re.compile(r"\{(" + "|".join(SAID_BACK_SLOTS) + r")\}")


def facts_told(visitor: Visitor) -> list[tuple[str, list[str]]]:
    """(fact, every trainee sentence that gave it, the latest last) for each fact the visitor holds, in the order
    told last."""
    told: dict[str, list[tuple[str, str]]] = {}
    for key in sorted(k for k in visitor.heard if k.startswith("fact-told:")):
        _, turn, at, fact, sentence = key.split(":", 4)
        told.setdefault(fact, []).append((f"{turn}:{at}", sentence))
    held = visitor.facts | visitor.believed
    latest_first = sorted(told.items(), key=lambda kv: kv[1][-1][0])
    return [(fact, [s for _, s in said]) for fact, said in latest_first if fact in held]


def facts_said_back(visitor: Visitor, lines: Lines, rng: random.Random) -> list[FactBack]:
    """Each fact told that the scenario gives words for, as the visitor says it back, in the order told: a line of
    the first of its `says_back` entries the latest sentence that gave it fits (or an earlier entry with the value
    an earlier sentence gave), for every sentence that gave it (a read-back of an earlier one says the fact as the
    visitor now holds it); a fact with none is left to the trainee's words."""
    said = []
    for fact, sentences in facts_told(visitor):
        entries = lines.scenario.persona_says_back.get(fact, ())
        found = next(((b, f) for s in reversed(sentences) for b in entries if (f := _fitting(b, s))), None)
        if found and not any(_SLOT.search(line) for line in found[0].lines):  # "the advocate is on the way" after
            before = entries[: entries.index(found[0])]  # "our victim advocate at (562) 555-0177": with its number
            valued = [b for b in before if _SLOT.search(b.lines[0])]
            found = next(((b, f) for b in valued for s in reversed(sentences) if (f := _fitting(b, s))), found)
        if found:  # the latest sentence with words for it ("Sorry, I didn't catch that." has none), with a value
            back, fitting = found
            line = lines.render(rng.choice(fitting), visitor).strip()
            line = line[:1].upper() + line[1:] + ("" if line.endswith((".", "!")) else ".")
            said += [FactBack(sentence, line, back.heard) for sentence in reversed(sentences)]
    return said


def _fitting(back: SaidBack, sentence: str) -> list[str]:
    """The lines of `back` the sentence fits: it has a `heard` word, and a value for each slot."""
    if back.heard is not None and not back.heard.search(sentence):
        return []
    return [filled for line in back.lines if (filled := with_values(line, sentence))]


def with_values(line: str, sentence: str) -> str:
    """The line with each slot holding the value of its kind as said in the sentence; "" when one is not said."""
    missing = False

    def value(m: re.Match[str]) -> str:
        nonlocal missing
        pattern = value_pattern(_KIND_OF_SLOT[m.group(1)])
        found = pattern.search(sentence) if pattern else None
        missing = missing or found is None
        return spoken(found.group(0).strip()) if found else ""

    filled = _SLOT.sub(value, line)
    return "" if missing else filled

