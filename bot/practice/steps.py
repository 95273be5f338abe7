"""The order the trainee put steps in ("First, call the gift card company. Then call our fraud line."), as the
visitor remembers it, and told back when asked ("Which do you do first?", "And after that?", "Who do you call
second?"): the latest order said wins ("Actually, bank first, then the report." is believed)."""

from __future__ import annotations

import random
import re

from bot.grading.text import split_sentences
from bot.practice.asking import plain
from bot.practice.gist import gist
from bot.practice.lines import Lines
from bot.practice.plans import HANGING, continued, cut_whole, in_my_words
from bot.practice.said_once import content_words
from bot.practice.visitor import Visitor
from bot.practice.wording import patterns, says, table, words

_ORDER_ASK, _FIRST, _NEXT, _FRAME, _STEP_LEAD = patterns("order_ask step_first step_next step_frame step_lead")
_IN_ONE, _FIRST_THEN, _CONFIRM, _CHAIN = patterns("steps_in_one steps_first_then order_confirm steps_chain")
ORDER_SAID, ORDER_ONE = table("order_said"), table("order_one")
ORDER_YES, ORDER_NO = says("order_yes"), says("order_no")
_CUT = re.compile(
    r",|;|\s(?:and|or|so|because|but)\s|\s[-\u2013\u2014]\s"
    r"|\s(?:in order )?to\s(?!the\b|a\b|an\b|my\b|your\b|her\b|his\b|our\b)"
)
_VERBS = frozenset(words("step_verbs"))
_DETERMINERS = re.compile(r"^(?:the|a|an|her|his|my|your|our|their|this|that|it|I)\b", re.IGNORECASE)
_YES_NO = re.compile(r"\b(?:are|r|will|do|would|is) (?:you|u|it|that) (?:\w+ ){0,5}first\b")
_WH = re.compile(r"\b(?:which|what|who|whom)\b")
_MOST_STEP_WORDS = 8
_AFTER_ASK = re.compile(
    r"^(?:and |so |ok |okay )*(?:after that|then what|and then|what then|what(?:'s| is)? next|what comes next|"
    r"next|(?:the )?second(?: one| step| thing)?|what(?:'s| is) second)\s*\??$"
    r"|\b(?:who|what) (?:do|will|would|are|r|should) (?:you|u) (?:\w+ ){0,2}(?:second|next|after that)\b"
    r"|\bwhat(?:'s| is) (?:the|your|ur) (?:second|next) (?:step|one|thing|call)\b"
)
"""A question of the step after the one said back ("And after that?", "who do you call second?", "And second?",
"So what's your second step after the card company?")."""
_NAMED_FIRST = re.compile(
    r"(?:^|[.,;!] |\bso |\bsince [^,]+, )(?:the )?([\w' -]{3,40}?) (?:comes|goes|is|should be) first\b"
)
"""The step the trainee says comes first, in the message that asks the next ("the card company comes first")."""
_AFTER_NAMED = re.compile(
    r"\b(?:second|next) (?:step|one|thing|call) after (?:the |that |your |ur )?([\w' -]{3,40}?)\s*\??$"
)
_SECOND_TOO = re.compile(r"\b(?:second|then|next|after that|and after)\b")
_STEP_ABOUT = re.compile(
    r"^(?:so |and |then )?(?:for|about|as for|on) (?:the |your |ur )?[\w' -]{1,30}, ", re.IGNORECASE
)
"""What a step is for, said before it ("For the report, call our fraud line"): the step follows."""
_OURS = re.compile(r"\bour\s", re.IGNORECASE)
_TIME = re.compile(r"\s(?:right now|right away|straight away|at once|now|today|tonight|immediately)\b", re.IGNORECASE)


def asks_order(part: str) -> bool:
    """A question of the order of the steps ("what you will do first", "which do you call first?")."""
    return bool(_ORDER_ASK.search(plain(part)))


def steps_heard(message: str, turn: int) -> set[str]:
    """The steps the message puts in order, as memory: "step:<turn>:<at>:<f|n>:<step>", f for a step said first
    (an order starts again there), n for one said next."""
    found: list[tuple[str, str]] = []
    opening = ""  # the message's first step said with no word of order ("Call the card company ... Then ...")
    for sentence in split_sentences(message):
        text = sentence.original.strip()
        if "?" in text:
            continue
        if both := _IN_ONE.match(text) or _FIRST_THEN.match(text):
            found += [("f", both.group("a")), ("n", both.group("b"))]
        elif chain := _CHAIN.match(text):  # "Card numbers, then the card company, then our fraud line."
            found += [("f", chain.group("a")), ("n", chain.group("b"))] + ([("n", chain.group("c"))] * bool(chain["c"]))
        elif first := _FIRST.match(text):
            found.append(("f", text[first.end() :]))
        elif following := _NEXT.match(text):
            found += [("f", opening)] if opening and not found else []
            found.append(("n", text[following.end() :]))
        elif not opening and (bare := _YOU.sub("", _SOON.sub("", text))).split(" ", 1)[0].lower() in _VERBS:
            opening = bare  # "Right after we hang up, call the company ...", "You report it with us through ..."
    steps = [(mark, _step(raw)) for mark, raw in found]
    return {f"step:{turn:03d}:{at:02d}:{mark}:{step}" for at, (mark, step) in enumerate(steps) if step}


_SOON = re.compile(
    r"^\s*(?:(?:(?:right|just|straight) )?(?:(?:after|once|when|as soon as) (?:we|you|u) (?:hang up|get off the phone|"
    r"are done|finish)|right away|right now|today|tonight|now|first thing|asap|as soon as you can|like|um|uh|i mean)"
    r"[, ]+)+",
    re.IGNORECASE,
)
_YOU = re.compile(r"^(?:you|u|ya) (?=\w)", re.IGNORECASE)
"""The person told, before a bare step ("You report it with us through our fraud line")."""
"""When a step is to be done, said before it ("right away, call ...", "Right after we hang up, call ..."): the step
follows."""
_SOON_END = re.compile(r"[ ,]+(?:right away|straight away|right now|asap|immediately|at once)\s*[.!]?$", re.I)
"""A step's "right away" said after it ("stop the payment right away"): no frame, the step."""
_NO_STEP = frozenset(
    "like um uh so okay ok and also then now rn asap today tonight tomorrow first next right away".split()
)
"""Words that make no step on their own ("Then, like, today: freeze your credit": the freeze is the step)."""


def _step(raw: str) -> str:
    """A step as its few words: the frame ("and I mean right after we hang up:") and the reasons left out."""
    pieces = [_SOON_END.sub("", _SOON.sub("", p)).strip(" ,.") for p in raw.split(":")]  # "right away, call ..."
    pieces = [_STEP_LEAD.sub("", p) for p in pieces]  # "the most important thing is to stop the payment"
    acts = {p: bool(_VERBS & set(re.findall(r"[a-z']+", p.lower()))) for p in pieces}
    pieces = [p for p in pieces if p and (acts[p] or not _FRAME.search(p))]  # not "I mean right after we hang up"
    pieces = [p for p in pieces if set(re.findall(r"[a-z']+", p.lower())) - _NO_STEP] or pieces  # "like, today:"
    pieces = [p for p in pieces if acts[p]] or pieces  # "time really matters here: she needs to call ...": the call
    if not pieces:
        return ""
    step = _TIME.sub("", _CUT.split(_OURS.sub("the ", pieces[0]))[0]).strip(" ,.!")
    words_ = cut_whole(step.split(), _MOST_STEP_WORDS)
    while words_ and words_[-1].lower() in HANGING:
        words_.pop()
    return " ".join(words_)


def _urgent_step(visitor: Visitor, asked: str) -> list[str]:
    """ "What you'll do first?" when no order was put: the step told to do right away ("please call your bank and
    cancel those cards right away"), or the first step of the latest plan, as the only step in order."""
    if not _FIRST_ASKED.search(asked):
        return []
    keys = sorted(k.split(":", 4)[1:] for k in visitor.heard if k.startswith("plan:"))
    told = [(turn, t) for turn, _, _, t in keys if _VERBS & set(re.findall(r"[a-z']+", t.lower()))]
    urgent = [t for _, t in told if _URGENT.search(t)]  # "Call the gift card company right away", whenever said
    latest = [t for turn, t in told if turn == told[-1][0]] if told else []
    first = (urgent or latest)[:1]
    return _said_steps_of([_PLEASE.sub("", _step(gist(first[0])))]) if first else []


_FIRST_ASKED = re.compile(r"\bfirst\b")
_PLEASE = re.compile(r"^(?:please|pls|plz|just)\s+", re.IGNORECASE)
_URGENT = re.compile(r"\b(?:right away|right now|immediately|asap|first|straight away|at once)\b", re.IGNORECASE)


def _said_steps(visitor: Visitor) -> list[str]:
    """The steps of the latest order the trainee gave, in order, in the visitor's words."""
    keys = sorted(k.split(":", 4)[1:] for k in visitor.heard if k.startswith("step:"))
    starts = [i for i, (_, _, mark, _) in enumerate(keys) if mark == "f"]
    latest = keys[starts[-1] :] if starts else keys
    return _said_steps_of([step for *_, step in latest])


def _said_steps_of(told: list[str]) -> list[str]:
    """Steps in the visitor's words, each once: "call her bank" is "I call her bank"."""
    steps = []
    for step in told:
        said = continued(in_my_words(step).rstrip(" .!")) if step.strip() else ""
        if not said:
            continue  # a step that said nothing once its frame went ("Right away.")
        if said.split()[0].lower() in _VERBS:
            said = f"I {said}"  # "call her bank": "I call her bank"
        elif not _DETERMINERS.match(said) and len(said.split()) <= 2:
            said = f"the {said}"  # "bank first": "the bank"
        if said not in steps:
            steps.append(said)
    return steps[:3]


def _told_after(visitor: Visitor, first: set[str]) -> str:
    """The step told after the one these words name (or after the first told), in the visitor's words; "" when
    none was."""
    keys = sorted(k.split(":", 4)[1:] for k in visitor.heard if k.startswith("plan:"))
    steps = (_step(_STEP_ABOUT.sub("", gist(t))) for *_, t in keys)
    told = list(dict.fromkeys(s for s in steps if s and _VERBS & set(re.findall(r"[a-z']+", s.lower()))))
    overlap = [len(first & content_words(s)) for s in told]
    at = overlap.index(max(overlap)) if overlap and max(overlap) > 0 else 0
    after = _said_steps_of(told[at + 1 : at + 2])
    return after[0] if after else ""


def order_put_now(visitor: Visitor, lines: Lines) -> str:
    """The order the trainee has just put ("Card numbers, then the card company, then our fraud line. Okay?"), as
    the visitor takes it in; "" when this message put none."""
    keys = sorted(k.split(":", 4)[1:] for k in visitor.heard if k.startswith(f"step:{visitor.turn:03d}:"))
    steps = _said_steps_of([step for *_, step in keys])
    if len(steps) < 2:
        return ""
    rng = random.Random(f"{visitor.seed}:{visitor.turn}:order")
    line = rng.choice(ORDER_SAID.get(lines.scenario.persona_register, ORDER_SAID["everyday"]))
    return line.format(first=steps[0], First=steps[0][:1].upper() + steps[0][1:], then=", then ".join(steps[1:]))


def order_answer(part: str, visitor: Visitor, lines: Lines) -> str | None:
    """ "Which do you do first?": the steps in the order the trainee last gave them; yes or no first to "Are you
    calling her bank first?". None when the part asks no order or the trainee gave none."""
    text = plain(part)
    steps = _said_steps(visitor) or _urgent_step(visitor, text)
    if _CONFIRM.search(text) and (put := _IN_ONE.search(text.rstrip(" ?"))):
        steps = _said_steps_of([put.group("a"), put.group("b")])  # "the bank first, then the report?": this order
    if _AFTER_ASK.search(text) and not _ORDER_ASK.search(text):
        named = _NAMED_FIRST.search(visitor.message.lower()) or _AFTER_NAMED.search(text)  # "the card company
        if not named and len(steps) >= 2:  # comes first. And second?", "your second step after the card company?"
            return f"Then {steps[1]}."  # "And after that?", "who do you call second?": the next step told
        first = named.group(1) if named else steps[0] if steps else ""
        after = _told_after(visitor, content_words(first))
        if after:
            return f"Then {after}."  # no order put for it: the step told after the one named first
    if not (_ORDER_ASK.search(text) or _CONFIRM.search(text)) or not steps:
        return None
    register = lines.scenario.persona_register
    rng = random.Random(f"{visitor.seed}:{visitor.turn}:order")
    if len(steps) == 1 and _SECOND_TOO.search(text) and (after := _told_after(visitor, content_words(steps[0]))):
        steps = [steps[0], after]  # "what you'll do first and then second?": the step told after it, too
    first, rest = steps[0], ", then ".join(steps[1:])
    table_ = ORDER_SAID if rest else ORDER_ONE
    line = rng.choice(table_.get(register, table_["everyday"]))
    said = line.format(first=first, First=first[:1].upper() + first[1:], then=rest)
    if (_YES_NO.search(text) or _CONFIRM.search(text)) and not _WH.search(text):
        asked = content_words(text)
        yes = len(asked & content_words(first)) >= max((len(asked & content_words(s)) for s in steps[1:]), default=0)
        yes = yes or bool(_CONFIRM.search(text))  # the order it puts is the order taken
        said = f"{rng.choice(ORDER_YES if yes else ORDER_NO)} {said}"
    return said
