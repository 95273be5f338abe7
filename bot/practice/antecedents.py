"""What a told sentence points back to: "Their number is (562) 555-0177." is the advocate's number when the sentence
before it named the advocate, and a read-back of "the advocate's number" must find it there."""

from __future__ import annotations

import re


def in_context(sentences: list[str]) -> dict[str, str]:
    """Each sentence told (latest first), with those said before it when it names its thing only by pointing back
    ("Their number is (562) 555-0177." after "I want to connect you with our victim advocate; they can help.")."""
    context = {}
    for i, sentence in enumerate(sentences):
        before = sentences[i + 1 : i + 3] if _POINTS_BACK.match(sentence) else []
        kept = before[:1] + [b for b in before[1:] if _PRONOUN_START.match(before[0])]
        context[sentence] = " ".join([*reversed(kept), sentence])
    return context


_POINTS_BACK = re.compile(r"^(?:and |so )?(?:their|its|that|the) (?:direct |main )?(?:number|line|phone)\b", re.I)
_PRONOUN_START = re.compile(r"^(?:they|their|it|its|he|she)\b", re.I)
