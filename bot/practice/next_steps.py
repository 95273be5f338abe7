"""What the trainee said happens next and how the visitor will hear back, found in its words for a read-back
("what's going to happen next?", "how will you hear from us?")."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.practice.antecedents import named_back
from bot.practice.asking import plain
from bot.practice.plans import IN_PASSING, in_my_words
from bot.practice.read_back import CHECK_LEAD, FEELING, key_items, own_items, said_again
from bot.practice.said_once import content_words
from bot.practice.shortening import in_short
from bot.practice.wording import going_on, kinds


def what_happens(sentences: list[str]) -> str:
    """What the desk said happens next, the latest said, in the visitor's words ("You're going to ask dispatch to
    send the mental health team out to the beach lot.")."""
    latest = sentences[:8]
    doing = [s for s in latest if _WILL_DO.search(s) and not IN_PASSING.search(s) and not _WONT.search(s)]
    doing = doing or [s for s in latest if _GOES_ON.search(s) and not IN_PASSING.search(s)]
    if not doing:
        return ""
    ranked = sorted(doing, key=lambda s: -len(content_words(s)))  # the plan, not "I'll stay on until they pick up"
    most = len(content_words(ranked[0]))
    chosen = sorted((x for x in ranked[:2] if len(content_words(x)) * 5 >= most * 3), key=sentences.index)[::-1]
    items: list[str] = []
    for sentence in chosen:  # in the order told: "you're calling a medic, ..., and the advocate's number is ..."
        at = sentences.index(sentence)
        sentence = named_back(sentence, sentences[at + 1] if at + 1 < len(sentences) else "")  # "Their number is"
        its = [i.rstrip(".") for i in own_items(sentence) or [in_my_words(sentence)]]  # a fact in its own words
        items += [i for i in its if not FEELING.search(i) and not CHECK_LEAD.search(i)][:3]  # not "I shouldn't have
        # to translate", nor "I make sure you understand each other"
    items = said_again(list(dict.fromkeys(items)))[:3] or [in_my_words(chosen[0]).rstrip(".")]
    items = [in_short(i) for i in items]  # "So you will take my complaint, right now": "So you'll take ... now"
    rest = [going_on(_LEADING_WORD.sub(lambda m: m.group(0).lower(), i)) for i in items[1:]]
    said = [items[0], *rest]
    return (", ".join(said[:-1]) + ", and " + said[-1] if len(said) > 2 else ", and ".join(said)) + "."


_LEADING_WORD = re.compile(r"^(?:You|They|We|He|She|It|Then|The|A|An|Our|Your|My|Their|His|Her|Someone|Somebody)\b")
"""A step's first word, in lower case once it follows another ("..., and they'll review it")."""
_WILL_DO = re.compile(
    r"\b(?:I'm going to|I am going to|I'll|I will|we'll|we will|we're going to|they'll|they will|a deputy will|"
    r"(?:the|a|our) [\w -]{3,30} (?:will|is going to|is coming))\b|"
    r"\b(?:is|are|'s|'re) (?:on (?:the|their|its|his|her) way|coming)\b|"
    r"\b(?:deputy|deputies|officer|officers|unit|units|team|car)(?:'s| is| are|'re) "
    r"(?:heading|headed|driving|going|en route)\b|"
    r"\b(?:I'm|I am|we're|we are) (?:sending|having|getting|passing|calling|putting|writing|writin'|taking|"
    r"filing|logging|forwarding|flagging)\b|\bwho'll\b|, who will\b|"
    r"\b(?:I|we) (?:can|want to|'d like to|would like to) (?:transfer|connect|send|get|put|bring|patch)\b",
    re.IGNORECASE,
)
_GOES_ON = re.compile(
    r"\b(?:it|this|that|she|he|complaint|report|case|application|form|letter) (?:goes|gets sent|gets logged|stays|"
    r"is sent|is kept|is held|is logged|waits)\b|"
    r"\bthey (?:try|look|check|review|contact|hold|keep|search)\b|\b\w+ stays (?:here|right here|with)\b",
    re.IGNORECASE,
)
"""What happens told in the present ("it goes to the property unit n they try 2 find the owner"), when nothing is
told as what someone will do."""
_WONT = re.compile(r"\b(?:will not|won't|'ll not|am not going to|'m not going to|not gonna)\b", re.IGNORECASE)
"""A promise not to do something ("I will not send a crowd"): no step of what happens next."""


def heard_back(sentences: list[str]) -> str:
    """How the visitor will hear back, as told ("they will call me back at (562) 555-0398 to let me know")."""
    for sentence in sentences:
        for item in key_items(sentence) or [in_my_words(sentence)]:
            if _CALLED_BACK.search(item) and not _STATE.match(item):
                return item
    return ""


_STATE = re.compile(r"^(?:I|you)(?: was| were| am|'m| are|'re)\b", re.IGNORECASE)
"""What the visitor is or was ("you were quite right to ring us", said back "I was quite right to call you"): no
word of how it will hear back."""


_CALLED_BACK = re.compile(
    r"\b(?:call|ring|phone|text|e-?mail) (?:me|you) back\b|\b(?:let|tell) (?:me|you) know\b|"
    r"\b(?:contact|reach|call|text|e-?mail) (?:me|you)\b|\bget back to (?:me|you)\b",
    re.IGNORECASE,
)


def next_answer(part: str, sentences: list[str], whole: str = "") -> str | None:
    """ "What happens next with your complaint, in your own words?": what the desk said it will do, as told; None
    for any other question."""
    told = _told_for(_NEXT, what_happens, part, sentences)
    if told and _WHEN_TOO.search(plain(whole or part)) and not _WITHIN.search(told):  # "... and roughly when?": the
        # time too
        when = next((m.group(0) for s in sentences if (m := _WITHIN.search(s))), "")
        return f"{_NOW_AT_END.sub('', told.rstrip('.'))}, {when}." if when else told  # not "now, within 30 minutes"
    return told


_NOW_AT_END = re.compile(r",?\s+(?:right )?now$")
_WHEN_TOO = re.compile(r"(?:\band|,) (?:roughly |about |around )?(?:when|how (?:long|soon))\b")
"""A question of what happens next that asks when too ("what happens next and roughly when?")."""
_WITHIN = re.compile(
    r"\b(?:with)?in (?:about |around |roughly )?(?:the next )?(?:\d+|an?|half an)(?: (?:to|or|-) \d+)? ?"
    r"(?:minutes?|mins?|hours?|hrs?|days?|business days|weeks?)\b",
    re.IGNORECASE,
)
"""How soon, as told ("within about 20 to 30 minutes"): a time shape, code like read_back's."""


def heard_back_answer(part: str, sentences: list[str]) -> str | None:
    """ "And how will you hear back from us?": how, as told; None for any other question."""
    return _told_for(_HEARD_BACK, heard_back, part, sentences)


def asks_heard_back(part: str) -> bool:
    """ "how will you find out how she is?": a question of how the visitor hears back, though it names someone."""
    return bool(_HEARD_BACK.search(plain(part)))


def _told_for(asks: re.Pattern[str], find: Callable[[list[str]], str], part: str, sentences: list[str]) -> str | None:
    """What the trainee told of the thing the part asks about, as a sentence; None when it asks of no such thing."""
    if not asks.search(plain(part)):
        return None
    told = find(sentences)
    if not told:
        return None
    if _SO_LED.match(told):  # said back as the caller takes it in: "So you're writing this up now, ..."
        return "So " + _LEADING_WORD.sub(lambda m: m.group(0).lower(), told, count=1)
    return told[:1].upper() + told[1:]


_SO_LED = re.compile(r"^(?:You|They|We|He|She|It|The|A|An|Someone|Somebody)\b")
"""A step said back that takes "So" before it (never a name: "Deputy Park ...")."""


_NEXT, _HEARD_BACK = (dict(kinds("told_part"))[k] for k in ("next", "heard_back"))
"""The words that ask what happens next and how the visitor will hear back (bot/practice/phrases/telling.yaml)."""


def what_they_do(sentences: list[str]) -> str:
    """What the trainee said the people sent to will do for the visitor ("They can tell you where Kevin is being
    held, the charges, bail and visiting."), in the visitor's words; "" when it said nothing of the kind."""
    for sentence in sentences:  # latest first
        if _THEY_DO.search(sentence):
            return in_my_words(sentence).rstrip(".") + "."
    return ""


_THEY_DO = re.compile(r"\b(?:they|he|she)(?:'ll| can| will| could) (?:tell|help|give|explain|answer|let)\b", re.I)
