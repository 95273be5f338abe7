"""How a caller shortens a step it says back: not the desk's sentence with "you" made "I", but the gist of it.

"Real talk, the dog stuff is a civil thing, so the best move is community mediation" comes back as "community
mediation"; "I call their inmate information line at (562) 555-0170" as "I call the inmate information line,
(562) 555-0170."; "So you're going to take my complaint personally, right now" as "So you'll take my complaint now." The
words are data (bot/practice/phrases/read_back.yaml: talk_leads, adds_nothing_said_back, learner_phrases and the
patterns talk_lead, call_at, you_will, reason_then_so, recommended).
"""

from __future__ import annotations

import re

from bot.practice.wording import patterns, words

_TALK_LEAD, _CALL_AT, _YOU_WILL, _REASON_THEN_SO, _RECOMMENDED = patterns(
    "talk_lead call_at you_will reason_then_so recommended"
)
_ADDS_NOTHING = re.compile(
    r",?\s+(?:" + "|".join(map(re.escape, words("adds_nothing_said_back"))) + r")(?=[\s,.;]|$)", re.IGNORECASE
)
_AS_SAID = dict(pair.split(" as ", 1) for pair in words("learner_phrases"))
_LEARNER = re.compile(r"\b(?:" + "|".join(map(re.escape, _AS_SAID)) + r")\b", re.IGNORECASE)
_WHEN_DO = re.compile(
    r"^((?:next time|any time|anytime|if|when|once|whenever)\b[^,]{2,60}), "
    r"(call|ring|dial|text|go|come|bring|stay|keep|lock|get|hang up|leave)\b",
    re.IGNORECASE,
)
_OR_WILL = re.compile(r"(?<=\bor )(you|I|we|they)'ll\b")
_RIGHT_NOW = re.compile(r",?\s+right now\b", re.IGNORECASE)


def in_short(step: str) -> str:
    """The step as a caller says it back, shorter than the desk said it (see the module's docstring)."""
    said = _TALK_LEAD.sub("", step.strip())
    if (reason := _REASON_THEN_SO.match(said)) and len(said) - reason.end() > 10:
        said = said[reason.end() :]  # "the dog stuff is a civil thing, so the best move is ...": the step
    said = _RECOMMENDED.sub("", said)  # "the best move is community mediation": "community mediation"
    said = _RIGHT_NOW.sub(" now", said)  # "..., right now": "... now"
    said = _LEARNER.sub(lambda m: _AS_SAID[m.group(0).lower()], said)  # "make report": "make a report"
    said = _ADDS_NOTHING.sub("", said)
    said = _YOU_WILL.sub(_will_short, said)
    said = _OR_WILL.sub(r"\1 will", said)  # "the deputy or you'll call me back": "the deputy or you will"
    said = _WHEN_DO.sub(r"\1, I \2", said)  # "Next time it starts, call dispatch": "..., I call dispatch"
    tail = "." if said.endswith(".") else ""
    if call := _CALL_AT.match(said.rstrip(".")):
        said = _number_for(call) + tail
    return said[:1].upper() + said[1:] if step[:1].isupper() else said


def _number_for(call: re.Match[str]) -> str:
    """ "I call the inmate information line at (562) 555-0170" said back "I call the inmate information line, (562)
    555-0170"; "I call them at ... to book": "(562) 555-0129 to book"."""
    whom, number, why = call.group("whom"), call.group("number"), call.group("why")
    if whom.split()[0].lower() in ("them", "him", "her", "it"):
        return f"{number} {why}" if why else f"I call {whom} at {number}"
    whom = re.sub(r"^their\b", "the", whom, flags=re.IGNORECASE)
    # the call is kept: a teach-back may say again a number the visitor read back before, and a line without its
    # "I call" would be left out as said already
    return f"I call {whom}, {number}" + (f", {why}" if why else "")


def _will_short(found: re.Match[str]) -> str:
    """ "you will take", "you're going to ask" said short: "you'll take", "you'll ask"."""
    return f"{found.group('who')}'ll {found.group('verb')}"
