"""The visitor's own question that the desk closed the call over, and its goodbye as it fits how it goes.

"Can my brother pick it up?" met with "thx for being patient, good luck w the camry, bye!" is a question left
open: the visitor says so on its way out (it never asks again after the desk's goodbye) and the scorecard says it
left with the question unanswered, never "left satisfied". A message that answers anything of it (a yes or a no,
a figure, a word of the question's own) or does not close the call leaves nothing open. The words are data:
bot/practice/phrases/open_question.yaml.
"""

from __future__ import annotations

import random
import re

from bot.grading.text import split_sentences
from bot.practice.said_once import content_words
from bot.practice.stock_lines import in_register
from bot.practice.visitor import Visitor
from bot.practice.wording import pattern, patterns, says, words

ASKED_TO_WAIT = "asked-to-wait:"
"""The visitor's memory that the desk asked it to wait for someone, by the turn it was asked at: its goodbye then and
just after is a seat taken ("Okay. I'll sit and wait."), not a leaving."""
LEFT_OPEN = "unanswered:"
"""The visitor's memory of its question the desk closed over ("unanswered:Can my brother pick it up?")."""
_CLOSING = frozenset({"farewell", "appreciation"})
_ANSWERS = pattern("open_question_answered", re.IGNORECASE)
_MET = pattern("open_question_met", re.IGNORECASE)
_ASKING_WORDS = frozenset(words("open_question_words"))
_AWAY = says("left_unanswered")
_WAITING = says("waits_here")
_WAIT, _LEAVING, _GONE_OFF = patterns("asked_to_wait goodbye_said gone_off", re.IGNORECASE)
"""The desk asks the visitor to wait for someone ("Have a seat, the deputy will be with you in a minute."); the
visitor's line says goodbye, and not from a stage direction that has it gone already ("(The caller hangs up.)")."""


def own_question(line: str) -> str:
    """The question the visitor's line ends on ("Can my brother pick it up?"), or "" for a line that asks
    nothing (its stage directions left out)."""
    sentences = split_sentences(re.sub(r"\([^)]*\)", "", line))
    last = sentences[-1].original.strip() if sentences else ""
    if not last.endswith("?"):
        return ""
    if len(last.split()) < _FEW_WORDS and len(sentences) > 1 and sentences[-2].original.endswith(("...", "\u2026")):
        return f"{sentences[-2].original} {last}"  # "New lock... where I buy?": what it would buy is the lock
    return last


_FEW_WORDS = 4


def left_open(question: str, message: str, names: frozenset[str]) -> bool:
    """The message closes the call (thanks, a goodbye) and answers nothing of the visitor's question: no yes or
    no, no figure, no word of the question's own ("brother", "pick")."""
    if not question or not names & _CLOSING or _ANSWERS.match(message) or re.search(r"\d", message):
        return False
    if _MET.search(message):
        return False  # "i can't promise a call, ... but you can ring the property unit": answered, as it can be
    asked = {w[:4] for w in content_words(question) - _ASKING_WORDS if len(w) > 2}
    return bool(asked) and not asked & {w[:4] for w in content_words(message)}


def remember(visitor: Visitor, message: str, names: frozenset[str]) -> None:
    """Keep the visitor's question the message closed over, or forget one kept before (only the last counts)."""
    question = own_question(visitor.last_line)
    if _WAIT.search(message):  # "can u hang on til a deputy gets here?": it stays through the next message too
        visitor.heard.add(f"{ASKED_TO_WAIT}{visitor.turn + 1:03d}")
    visitor.heard -= {k for k in visitor.heard if k.startswith(LEFT_OPEN)}
    if left_open(question, message, names):
        visitor.heard.add(LEFT_OPEN + question)


def unanswered(heard: set[str] | frozenset[str]) -> str:
    """The question the visitor left with unanswered, or ""."""
    return next((k.removeprefix(LEFT_OPEN) for k in sorted(heard) if k.startswith(LEFT_OPEN)), "")


def on_the_way_out(visitor: Visitor, line: str, register: str = "everyday") -> str:
    """The visitor's goodbye as it fits how it goes: led by a word that its question went unanswered ("Oh. Okay,
    I'll find out about that myself, then."), once; a seat taken, not a goodbye, when the desk asked it to wait for
    someone ("Have a seat, the deputy will be with you in a minute.")."""
    waiting = any(k.startswith(ASKED_TO_WAIT) and visitor.turn - int(k[-3:]) <= 1 for k in visitor.heard)
    if waiting and _LEAVING.search(line) and not _GONE_OFF.search(line):
        return random.Random(f"{visitor.seed}:{visitor.turn}:wait").choice(_WAITING)
    away = in_register(register, "left_unanswered", _AWAY)  # a scared victim, little English, a child: few words
    if not unanswered(visitor.heard) or any(a in line for a in away):
        return line
    aside = random.Random(f"{visitor.seed}:{visitor.turn}:open").choice(away)
    corrected = _NAME_CORRECTED.match(line)  # "Brandt, actually." comes first, then the word on its way out
    if corrected:
        return f"{corrected.group(0)}{aside} {line[corrected.end():]}".strip()
    return f"{aside} {line}".strip()


_NAME_CORRECTED = re.compile(
    r"^(?:(?:Oh|Um|Sorry), )?(?:[Ii]t's )?[A-Z][\w.'-]*(?: [A-Z][\w'-]+)?, actually\. |"
    r"^(?:Um|Sorry), it's [A-Z][\w.'-]*(?: [A-Z][\w'-]+)?\. "
)
"""A wrong name put right at the start of the line (bot/practice/phrases/others.yaml, wrong_name)."""
