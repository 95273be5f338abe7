"""The visitor's stock lines: what any persona says when its scenario has no line of its own.

Answers to checks of understanding, "I don't know", goodbyes, nudges and the openers of a repeat,
each in everyday speech and, where a persona's register calls for it, in that register. The lines
are data (bot/practice/phrases/stock_lines.yaml); the engine and the answers choose among them by
the visitor's seed and turn.
"""

from __future__ import annotations

import re

from bot.grading.text import split_sentences
from bot.practice.wording import nested, pattern, said, says, table
from bot.scenarios.format import Line

DONT_KNOW = tuple(Line(text) for text in says("dont_know"))
# By kind of check: the opener of a visitor who understood what was said but still needs something (its open
# question follows), and the answer of one who has it all.
NOT_YET, ALL_CLEAR = table("not_yet"), table("all_clear")
REGISTERS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = nested("register")
"""Stock lines in each persona register, by the table they replace (the default table is everyday speech)."""
DISTRESSED, LIMITED, CHILD = (REGISTERS[name]["all_clear"] for name in ("distressed", "limited", "child"))


def in_register(register: str, name: str, everyday: tuple[str, ...]) -> tuple[str, ...]:
    """A list of stock lines in the persona's register ("register.limited.taken_in": "Okay. Thank you."), or the
    everyday list when the register has none."""
    voiced = REGISTERS.get(register, {}).get(name)
    return voiced if isinstance(voiced, tuple) else everyday
# A teach-back answered when the scenario has no line that says the plan back; the opener of something said
# before; an offer of more help when the visitor has nothing left to ask; going in circles; a repeat's opener;
# the last word of a distressed, limited or child visitor (and after an offer of more help); the first words
# after sarcasm or contempt; the yes to an offer ("Do you want me to write that number down for you?").
TOLD_BACK, COMMON_SAID_BEFORE, NOTHING_ELSE, NUDGES, AGAIN = said("told_back said_before nothing_else nudges again")
LIMITED_SAID_BEFORE = says("said_before_limited")
NOT_TOLD_YET = says("not_told_yet")
"""Asked what it does with a thing the desk has told it nothing about yet: a question back."""
SAID_BEFORE = COMMON_SAID_BEFORE + LIMITED_SAID_BEFORE
"""Every opener of a repeat, so that a repeat is known for one whoever says it."""
CONFIRMED = says("confirmed")
NOTHING_TO_DO = says("nothing_to_do")
"""Asked to say back what it will do when the desk has only said what the desk does: it waits, and says so."""
"""A yes to the trainee's plan said back as the visitor's ("And you call first to book, right?")."""
GENTLE_SAID_BEFORE = tuple(p for p in COMMON_SAID_BEFORE if p in says("said_before_gentle"))
"""The openers of a repeat a visitor with a register (distressed, limited English, a child) says: a subset of
SAID_BEFORE, so that every repeat is still known for one."""
LAST_WORDS, LAST_WORDS_ASKED, TAKEN_ABACK, OFFER_YES, OFFER_NO_NEED = said(
    "last_words last_words_asked taken_aback offer_yes offer_no_need"
)

SELF_ANSWERS = table("self_answers")
"""Answers to a yes-or-no question about the visitor itself that no persona detail covers ("Is anyone with you?"):
honest, and the same each time it is asked (bot.practice.asking.SELF_ASKED)."""
SELF_REGISTERS = nested("self_register")
"""The stock answers about the visitor itself, in a persona's register where everyday words do not fit."""
MISHEARD = says("misheard")
TAKEN_IN = says("taken_in")
"""A word that the visitor heard the answer to its question, before it goes on ("Okay, good to know.")."""
ACKNOWLEDGED = pattern("acknowledged", re.IGNORECASE)


def without_bare_ack(line: str) -> str:
    """The line less an opening sentence that only takes the news in ("Okay, good to know.", "Got it."), for a line
    that already says it took something in ("(562) 555-0142. Okay, I'll remember that.", "Oh, okay, 0124."): never
    two acknowledgements in a row."""
    sentences = [s.original for s in split_sentences(line)]
    if sentences and ACKNOWLEDGED.match(sentences[0]) and len(sentences[0].split()) <= _ACK_WORDS:
        return " ".join(sentences[1:])
    return line


_ACK_WORDS = 4
"""A line that already takes in what was said ("Okay, ...", "Thanks, ...", "Oh, good.")."""
REASKED = pattern("reasked", re.IGNORECASE)
"""Re-asked after an answer that missed: not the same answer again ("As I said, Derek Vance."), an honest one."""
