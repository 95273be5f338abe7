"""A request to do something now, done in character: "Can you put them out of reach for me right now? Tell me
when you've done it." gets "Okay... okay. I put them out of reach.", not a detail of the visitor's story. The
words are data: bot/practice/phrases/complying.yaml.
"""

from __future__ import annotations

import random
import re

from bot.practice.gist import one_of
from bot.practice.lines import Lines
from bot.practice.others import other_answer
from bot.practice.plans import in_my_words
from bot.practice.said_once import content_words
from bot.practice.visitor import Visitor
from bot.practice.wording import pairs, patterns, table

_DO_NOW, _DO_FAVOUR, _DO_FOR_ME, _DO_WHEN_TOLD, _TELL_DONE, _DID_YOU, _PLACED_YET, _PLACED_WHERE = patterns(
    "do_now do_favour do_for_me do_when_told tell_done did_it placed_yet placed_where"
)
(_DO_AWAY,) = patterns("do_away")
_DONE = pairs("done_forms")
_PUT = ("put", "move", "lock", "hide", "leave", "throw", "give", "hand")
"""The verbs of putting a thing somewhere, asked after as "are they in the trunk now?"."""
COMPLIED = table("complied")
_AWAY = re.compile(r"\b(?:away|out of (?:your |my )?reach|trunk|back ?seat|glove ?box)\b", re.IGNORECASE)
"""Where a thing put out of reach went, asked after ("did you get them away from you?"): a place, in code like the
verbs of putting."""
_FOR_ME_NOW = re.compile(r"(?:,?\s+(?:for me|please))*(?:,?\s+(?:right )?now)?$", re.IGNORECASE)
_FOR_ME = re.compile(r",?\s+(?:for me|please)\b", re.IGNORECASE)
_RATHER = re.compile(r",? or (?:even better|better yet|better still|better|ideally),? ")
"""The desk's better option, said after the first ("..., or even better put them in the trunk"): the one done."""
_OR_ANOTHER = re.compile(r",? or (?=(?:" + "|".join(map(re.escape, _DONE)) + r")\b)", re.IGNORECASE)
"""Two ways to do it, either as good ("put those pills in the trunk or toss 'em out the window"): the first done."""


def complied(part: str, visitor: Visitor, lines: Lines) -> str | None:
    """The visitor saying it has done what it was asked to do now; "" for "Tell me when you've done it." (said with
    the request: the doing answers it); None for any other part."""
    if _TELL_DONE.search(part):
        return ""
    did = _DID_YOU.search(part)
    if did and (done_before := _done_before(did.group("verb"), part[did.end("verb") :], visitor)):
        return f"Yes. {done_before[:1].upper()}{done_before[1:]}."  # "Did you put the pills away?" once it has
    if did and _AWAY.search(part[did.end("verb") :]):  # "did you get them away from you?" once it put them in the
        put = (_done_before(verb, "", visitor) for verb in _PUT)  # back seat: what it did with them
        if done_before := next(filter(None, put), ""):
            return f"Yes. {done_before[:1].upper()}{done_before[1:]}."
    placed = _PLACED_YET.search(part)  # "are they in the trunk now?": "Yes. I put them in the trunk."
    put = (_done_before(verb, part[placed.start() :], visitor) for verb in _PUT) if placed else iter(())
    if done_before := next(filter(None, put), ""):
        return f"Yes. {done_before[:1].upper()}{done_before[1:]}."
    if _PLACED_WHERE.search(part):  # "where are they now?", "which one did you do?": what it said it did
        put = (_done_before(verb, "", visitor) for verb in _PUT)
        if done_before := next(filter(None, put), ""):
            return f"{done_before[:1].upper()}{done_before[1:]}."
    asked = _DO_NOW.search(part) or _DO_FAVOUR.search(part) or _DO_FOR_ME.search(part) or _DO_AWAY.search(part)
    asked = asked or (_DO_WHEN_TOLD.search(part) if _TELL_DONE.search(visitor.message) else None)
    if asked is None:  # "could you put the bottle in the trunk? Let me know when it's done.": done now too
        return None
    doing = _RATHER.split(asked.group("do"))[-1]  # "leave them in the glovebox, or even better put them in the trunk"
    doing = _OR_ANOTHER.split(doing)[0]  # "put those pills in the trunk or toss 'em out the window": the trunk
    doing = _FOR_ME_NOW.sub("", doing)  # "put that bottle in the trunk for me now, while we wait": the trunk
    cut = _FOR_ME.split(doing, maxsplit=1)[0]  # "put the pills in the trunk for me, away from you": the trunk
    doing = cut if len(cut.split()) > 1 else doing
    verb, _, rest = doing.strip(" ,").partition(" ")
    if done_before := _done_before(verb, rest, visitor):  # asked again what it has done: it says so
        return f"I already did. {done_before[:1].upper()}{done_before[1:]}."
    done = in_my_words(one_of(f"{verb} {rest}".strip()))  # "put your phone down": "I put my phone down"; "in the
    # trunk or away from you": "in the trunk", one of them, as done
    done = done[done.find(" ") + 1 :] if done.startswith("I ") else done
    rest = done.partition(" ")[2]
    rest = rest.replace(" and not ", " and won't ")  # "leave them there and not touch them": "... and won't touch"
    did = _DONE.get(verb.lower(), verb)
    done = (f"I'll {did.removeprefix('will ')} {rest}" if did.startswith("will ") else f"I {did} {rest}").strip()
    register = lines.scenario.persona_register
    confused = any(not d.known for d in lines.scenario.persona_details)
    table_ = COMPLIED.get("confused" if confused else register) or COMPLIED["everyday"]
    line = random.Random(f"{visitor.seed}:{visitor.turn}:complied").choice(table_)
    return line.format(done=done, Done=done[:1].upper() + done[1:])


def said_now(part: str, visitor: Visitor, lines: Lines) -> str | None:
    """What the visitor says to a part about right now: the name and number of someone it just mentioned, or
    that it has done what it was asked; "" when the part needs no answer of its own; None for any other part."""
    return other_answer(part, visitor.message, visitor, lines) or complied(part, visitor, lines)


def _done_before(verb: str, asked: str, visitor: Visitor) -> str:
    """What the visitor said it did (or would do) with that verb and thing ("i put them out of reach", "i'll put
    them out of reach"), as done, in its words; "" if it said neither ("did you get a picture?" is not answered by
    "I'll get it in before the deadline")."""
    thing = content_words(asked)
    past = _DONE.get(verb.lower())
    if past is None or past.startswith(("am ", "will ")):
        return ""
    for key in sorted(k for k in visitor.heard if k.startswith("said:")):
        said = f" {key[5:]} "
        for start in (f" i {past} ", f" i'll {verb.lower()} ", f" i will {verb.lower()} "):
            if (at := said.find(start)) >= 0:
                rest = said[at + len(start) :].strip()
                if thing and not thing & content_words(rest):
                    continue
                return f"I {past} {rest}".strip()
    return ""
