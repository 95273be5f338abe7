"""Answers to a question asked again, said as repeats ("Like I said, 1420 Juniper."): only what was said before
is said as a repeat, and the answer that missed ("No, I mean your sister") is not said again."""

from __future__ import annotations

import random
import re

from bot.grading.text import split_sentences
from bot.practice.knowing import bare_yes_or_no
from bot.practice.lines import Lines
from bot.practice.quizzes import told as told_to
from bot.practice.said_once import READ_BACK_LINE, content_words, distinct, mostly_said, said_key
from bot.practice.stock_lines import MISHEARD, REASKED, SAID_BEFORE
from bot.practice.visitor import Visitor
from bot.practice.wording import patterns

(_DAY_NAMED,) = patterns("day_named")
_DIGIT = re.compile(r"\d")


def as_repeats(answers: list[tuple[str, bool]], visitor: Visitor, lines: Lines) -> list[str]:
    """Answers to a question asked again, said as repeats: the detail again ("Like I said, 1420 Juniper.",
    "And no threats..."), without the remarks that went with it the first time. Only what was said before is
    said as a repeat: an answer given now for the first time gets no "Like I said"."""
    said = {k for k in visitor.heard if k.startswith("said:")}
    prefix = random.Random(f"{visitor.seed}:{visitor.turn}:said").choice(lines.said_before)
    texts = distinct([a for a, _ in answers])
    if REASKED.search(visitor.message):  # "No, I mean your sister": the answer that missed is not said again
        told = content_words(" ".join(told_to(visitor)))  # the trainee's own value, said back, never missed
        asked = content_words(visitor.message)  # "I meant, have you checked your credit report?": it said so
        texts = [
            t
            for t in texts
            if not all(said_key(x.original) in said for x in split_sentences(t))
            or len(content_words(t) & told) * 3 >= len(content_words(t)) * 2
            or len(content_words(t) & asked) >= (1 if _DAY_NAMED.search(visitor.message) else 2)
        ]
        texts = texts or [random.Random(f"{visitor.seed}:{visitor.turn}:misheard").choice(MISHEARD)]
    again = {a for a, before in answers if before}
    if texts and texts[0] in again and mostly_said(texts[0], said) and not READ_BACK_LINE.search(texts[0]):
        texts = [lines.led(prefix, texts[0]), *texts[1:]]  # asked again, said in other words
    first = not (texts and texts[0].startswith(SAID_BEFORE))
    result = []
    for part in texts:
        sentences = split_sentences(part)
        kept = []
        opens = 1 if len(sentences) > 1 and bare_yes_or_no(sentences[0].original) else 0
        for i, x in enumerate(sentences):
            i -= opens  # "Yes." before the detail is no detail
            if said_key(x.original) not in said or READ_BACK_LINE.search(x.original):
                kept.append(x.original)  # a value read back is said again as it was: never "Like I said"
            elif i == 0 or _DIGIT.search(x.original):  # the detail itself; a remark is not said twice
                kept.append(lines.led(prefix, x.original) if first else f"And {lines.decap(x.original)}")
                first = False
        if kept:
            result.append(" ".join(kept))
    if result and " ".join(result) == visitor.last_line and result[0].startswith(prefix):
        other = next(p for p in SAID_BEFORE if p != prefix)  # the same repeat twice is said in other words
        result[0] = other + result[0][len(prefix) :]
    return result
