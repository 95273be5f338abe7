"""A question of choice after the trainee laid out options: the visitor picks one, in its own words.

"I can give you the watch commander's direct line. I can also write up your complaint right now. Which would
you prefer?" is answered "I'd rather you write up my complaint right now, please.", not "Yes, please." nor a
line that picks neither. The options are the desk's own ("I can ...", "we could ..."), each in a sentence of its
own; the visitor takes the last one laid out (the one the desk does now, for it), the same for its seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from bot.practice.asking import Read
from bot.practice.plans import in_my_words
from bot.practice.wording import pattern, says

_CHOICE_ASK = pattern("choice_ask")
_DESK_OPTION = pattern("desk_option", re.IGNORECASE)
CHOSEN = says("chosen")
_WHICH = ("first", "second")


def asks_choice(part: str) -> bool:
    """The part asks the visitor to choose ("which would you prefer ?", over a normalised question)."""
    return bool(_CHOICE_ASK.search(part))


def options(read: Sequence[Read]) -> list[str]:
    """The options the desk laid out in the message, in the order said, each without its lead ("I can also")."""
    found = []
    for sentence, _ in read:
        if "?" in sentence.original:
            continue
        if (m := _DESK_OPTION.match(sentence.original)) and len(m.group(1).split()) >= 2:
            found.append(m.group(1).strip(" ,"))
    return found


def choose(part: str, read: Sequence[Read], seed: int) -> str | None:
    """The visitor's pick of the options laid out before a question of choice; None for any other question or
    when fewer than two options were laid out."""
    if not asks_choice(part):
        return None
    laid_out = options(read)
    if len(laid_out) < 2:
        return None
    option = re.sub(r"^you can ", "", in_my_words(f"I can {laid_out[-1]}"), flags=re.IGNORECASE).rstrip(".")
    which = _WHICH[min(len(laid_out) - 1, 1)]
    line = random.Random(f"{seed}:choice").choice(CHOSEN)
    return line.format(which=which, option=option, Option=option[:1].upper() + option[1:])
