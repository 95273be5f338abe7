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
_DESK_OPTION, _DESK_OPTION_OR = pattern("desk_option", re.IGNORECASE), pattern("desk_option_or", re.IGNORECASE)
_BARE_CHOICE = pattern("bare_choice")
CHOSEN = says("chosen")
_WHICH = ("first", "second")
_INLINE = re.compile(
    r"^(?:and |so |okay |ok )?(?:do|would) (?:you|u) (?:want|like|prefer) "
    r"(?:(?:the|a) (?P<who>deputy|officer|deputies) to |me to |us to )?(?P<a>\w+ .+?),? or "
    r"(?P<lead>(?:do (?:you|u) want|would (?:you|u) like|would (?:you|u) rather) (?P<us>me |us )?(?:to )?)?"
    r"(?P<b>(?!(?:should|shall|can|could|will|would|do|does|did|is|are|not)\b)\w+ .+?) \?$"
)
_YOURS = re.compile(r"\b(?:you|u|your|ur|yourself)\b")


def asks_choice(part: str) -> bool:
    """The part asks the visitor to choose ("which would you prefer ?", over a normalised question)."""
    return bool(_CHOICE_ASK.search(part))


def options(read: Sequence[Read]) -> list[str]:
    """The options the desk laid out in the message, in the order said, each without its lead ("I can also")."""
    found = []
    told = [sentence.original for sentence, _ in read if "?" not in sentence.original]
    for at, sentence in enumerate(told):
        if (m := _DESK_OPTION.match(sentence)) and len(m.group(1).split()) >= 2:
            first, *more = _OR_WE.split(m.group(1))  # "get an interpreter, or we talk now": both, "we" kept
            found += [first.strip(" ,"), *(f"we {o.strip(' ,')}" for o in more)]
        elif (m := _DESK_OPTION_OR.match(sentence)) and at:  # "X is free this afternoon. Or we talk now ..."
            found += ([] if found else [told[at - 1].rstrip(" .")]) + [f"we {m.group(1).strip(' ,')}"]
    return found


_OR_WE = re.compile(r",?\s+or\s+(?:we|i)\s+(?:can\s+|could\s+)?", re.IGNORECASE)


def choose(part: str, read: Sequence[Read], seed: int, register: str = "everyday") -> str | None:
    """The visitor's pick of the options laid out before a question of choice; None for any other question or
    when fewer than two options were laid out. A visitor of little English picks in few words ("Talk now,
    please."), never the desk's sentence in fluent English."""
    if not asks_choice(part):
        return None
    laid_out = options(read)
    if len(laid_out) < 2:
        return None
    if register == "limited":
        picked = re.sub(r"^(?:we|you|i)\s+(?:can\s+|could\s+)?", "", laid_out[-1], flags=re.IGNORECASE)
        first = picked.split(",")[0].rstrip(" .")
        first += ", in English" if "english" in picked.lower() and "english" not in first.lower() else ""
        return f"{first[:1].upper()}{first[1:]}, please."  # "we go on now, in slow English": "Go on now, in English"
    if laid_out[-1].startswith("we "):  # "or we talk now, in English": both of them
        return f"I'd rather {laid_out[-1].rstrip('.')}, please."  # the desk's "we" is both of them: never swapped
    option = re.sub(r"^you can ", "", in_my_words(f"I can {laid_out[-1]}"), flags=re.IGNORECASE).rstrip(".")
    which = _WHICH[min(len(laid_out) - 1, 1)]
    line = random.Random(f"{seed}:choice").choice(CHOSEN)
    return line.format(which=which, option=option, Option=option[:1].upper() + option[1:])


def inline_choice(question: str, seed: int) -> str | None:
    """The visitor's pick between two things a question offers ("Do you want the deputy to stop by and talk to you,
    or keep you out of it?": "I'd rather you keep me out of it, please."), the same for its seed; None for any
    other question."""
    found = _INLINE.match(question)
    if found is None and (bare := _BARE_CHOICE.match(question)):
        picked = bare.group("a")  # "now or afternoon ?": the first, plainly
        return f"{picked[:1].upper()}{picked[1:]}, please."
    if found is None:
        return None
    who = f"the {found.group('who')}" if found.group("who") else "you"
    option = random.Random(f"{seed}:inline-choice").choice([found.group("a"), found.group("b")])
    if option == found.group("b") and found.group("lead") and not found.group("us"):
        who = "I'd"  # "..., or would you rather just go to the court first?": the visitor's own doing
    option = _YOURS.sub(
        lambda m: {"you": "me", "u": "me", "your": "my", "ur": "my", "yourself": "myself"}[m.group(0)], option
    )
    if who == "I'd":
        return f"I'd rather {option.strip(' ,')}."
    return f"I'd rather {who} {option.strip(' ,')}, please."
