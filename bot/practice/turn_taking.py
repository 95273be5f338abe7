"""Turn-taking inside one reply: a visitor's question ends its message and waits for the answer.

Answers stitched together can put a persona's own question in the middle ("It's Rebecca Stone. Do you need my ID?
A photo ID. Right, two weeks."): the visitor would be answering its own question. A question that what follows
answers (they share a word that means something) is left out; any other goes last, where it waits.
"""

from __future__ import annotations

import re

from bot.practice.said_once import content_words

_SENTENCE = re.compile(r"[^.!?()]*(?:\([^)]*\)[^.!?()]*)*[.!?]+(?:\s+|$)|\([^)]*\)\s*")
"""A sentence, or a stage direction in brackets, with the space after it."""


def question_last(line: str) -> str:
    """The line with its questions at the end (or gone, when what follows in it answers them)."""
    sentences = [s.strip() for s in _SENTENCE.findall(line) if s.strip()]
    if "".join(sentences).replace(" ", "") != line.replace(" ", ""):
        return line  # not cut cleanly into sentences: said as it is
    asked = [i for i, s in enumerate(sentences) if s.endswith("?") and i < len(sentences) - 1]
    stated = [i for i, s in enumerate(sentences) if not s.endswith("?") and not s.startswith("(")]
    if not asked or not stated or max(stated) < min(asked):
        return line
    moved: list[str] = []
    for i in asked:
        later = content_words(" ".join(s for s in sentences[i + 1 :] if not s.endswith("?")))
        if not content_words(sentences[i]) & later:
            moved.append(sentences[i])
    kept = [s for i, s in enumerate(sentences) if i not in asked]
    return " ".join(kept + moved)
