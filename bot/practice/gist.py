"""The gist of one step, as a caller says it back: the desk's alternatives cut to the first ("your driver's license,
state ID or passport" is "your driver's license"), its reasons and purposes left out ("since nobody's hurt, ...",
"... to talk with your mom directly"), who the people are left out too ("..., people who are trained for exactly
this"), a deadline said plainly ("inside 10 days from the accident" is "within 10
days").

A caller asked to say the plan back keeps what it has to do and the figures; it never recites every option and aside
the desk gave it. The phrasing is data (bot/practice/phrases/read_back.yaml); what is code here is the shape of a
list of alternatives.
"""

from __future__ import annotations

import re

from bot.grading.lexicon import PHRASING
from bot.practice.wording import patterns, words

_REASON_LEAD, _PURPOSE, _ASIDE_ABOUT, _DEADLINE_FROM, _INSIDE, _VALUE, _COUNTED = patterns(
    "reason_lead purpose_tail aside_about_them deadline_from deadline_inside value counted_list"
)
_PLAINLY = {
    desk: "" if name.endswith(".-") else name.split(".", 1)[1]
    for name in PHRASING.words
    if name.startswith("said_plainly.")
    for desk in words(name)
}
_DESK_WORDS = re.compile(r"(\s?)\b(" + "|".join(map(re.escape, sorted(_PLAINLY, key=len, reverse=True))) + r")\b", re.I)
_OR = re.compile(r"(,?) or (?!(?:" + "|".join(map(re.escape, words("or_kept_after"))) + r")\b)", re.IGNORECASE)
_SUBJECT = frozenset(words("clause_subjects"))
_NOT_NAMES = "(?i:" + "|".join(words("not_vocatives")) + ")"
_SAID_TO = "|".join(map(re.escape, words("said_to_visitor")))
_VOCATIVE = re.compile(
    rf",\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?!(?:{_NOT_NAMES})\b)[A-Z][a-z'-]+(?=\s*[.!?]?\s*$)|"
    rf"^(?:(?:Well|Okay|OK|Ok|So|Alright|Now|Oh|Hey)\s+)?(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?!(?:{_NOT_NAMES})\b)"
    rf"[A-Z][a-z'-]+,\s+(?=[a-z])|"
    rf",\s+(?:{_SAID_TO})(?=\s*[.!?]?\s*$)|^(?:{_SAID_TO}),\s+",
)
"""The visitor's own name, or "sir", said to it ("So you're not hanging up, Casey."): never said back to itself."""
_SEND_TO_THE = re.compile(
    r"\b(send|give|bring|take|mail|show) to ((?:the )?[\w-]+) ((?:the|your|my|a) [\w-]+(?: form| card| paper)?"
    r"(?: [A-Z]{1,4}-?\d{1,4})?)(?![\w-])"
)
"""A thing said after where it goes, as a learner of English may ("send to DMV the SR-1 form")."""
_NAMED_LIST = re.compile(
    r"(?<=[a-z]s),\s+(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\b)[A-Z][\w&-]*(?:,?\s+(?:and\s+|or\s+)?"
    r"(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\b)[A-Z][\w&-]*){1,4}(?=,|\.|$)"
)
"""The names of the things just counted ("the three credit bureaus, Equifax, Experian, TransUnion"): a caller
says "the three credit bureaus"."""
_MOST_IN_LIST = 4
"""Words in one alternative of a list ("state ID"): longer ones are clauses of their own, left as said."""


def gist(clause: str) -> str:
    """The clause without its reasons, purposes and second options, its deadline said plainly."""
    said = _VOCATIVE.sub("", _REASON_LEAD.sub("", clause, count=1))
    said = _ASIDE_ABOUT.sub("", _PURPOSE.sub("", said))  # "..., people who are trained for exactly this"
    said = _INSIDE.sub("within ", _DEADLINE_FROM.sub(r"\1", said))
    said = _SEND_TO_THE.sub(r"\1 \3 to \2", said)  # "send to DMV the SR-1 form": "send the SR-1 form to DMV"
    said = _DESK_WORDS.sub(_plainly, _OWNER.sub("", said))  # "right this minute": "now"
    said = _COUNTED.sub(r"\1", said).lstrip()  # "bring three things: a license, ...": "bring a license, ..."
    said = _NAMED_LIST.sub("", said)  # "the three credit bureaus, Equifax, Experian, TransUnion": "the three ..."
    return one_of(said) if " or " in said else said


def with_its_if(sentence: str) -> str:
    """A case said bare before a colon, with its "if", the first of its cases ("He threatens you, gets physical: call
    dispatch" is "If he threatens you, call dispatch"): never said back as "He calls dispatch"."""
    return _COLON_CASE.sub(lambda m: f"If {m.group(1)[:1].lower()}{m.group(1)[1:].split(',')[0]}, ", sentence)


_COLON_CASE = re.compile(
    r"^((?:he|she|they|someone|somebody|anyone|anybody|it)\s+\w+s\b[^:.;?]{0,80}):\s*(?=(?:call|dial|ring|phone|text|"
    r"contact|go|come|get)\b)",
    re.IGNORECASE,
)
_OWNER = re.compile(r"\b(?:[A-Z][\w-]*\s){2,6}[A-Z][\w-]*'s\s+(?=[a-z])")
"""A long name of whose thing it is ("the Bayview County Inmate Reception Center's inmate information line"): a
caller says "the inmate information line"."""


def _plainly(found: re.Match[str]) -> str:
    """The desk's words as the caller says them ("right this minute": "now"), or nothing."""
    plain = _PLAINLY[found.group(2).lower()]
    return f"{found.group(1)}{plain}" if plain else ""


def one_of(clause: str) -> str:
    """The first of the alternatives ("a license, state ID or passport": "a license"; "if he threatens you, gets
    physical, or ..., call dispatch": "if he threatens you, call dispatch"); values are never cut ("911 or
    (562) 555-0111"), nor "or so", "or not"; a list of examples goes whole ("a photo ID, like a license, a state ID
    or a passport": "a photo ID")."""
    if (examples := _EXAMPLES.search(clause)) and not _VALUE.search(examples.group(0)):
        clause = clause[: examples.start()] + clause[examples.end() :]
    for found in _OR.finditer(clause):
        end = _alternative_end(clause, found.end())
        last = clause[found.end() : end]
        if not last or _VALUE.search(last) or _VALUE.search(clause[max(0, found.start() - 12) : found.start()]):
            continue
        start = _list_start(clause, found.start())
        if start is None and len(last.split()) > _MOST_IN_LIST:
            continue  # "... or we can mail it to you at home": a clause of its own, not one of a list
        rest = one_of(clause[end:])
        if start is not None and _PLACE_AFTER.match(rest):
            rest = rest[1:]  # "send our team, just one or two calm people, to the beach lot": "... team to the ..."
        return clause[: found.start() if start is None else start] + rest
    return clause


_PLACE_AFTER = re.compile(r",\s+(?:to|at|in|into|on|for|from|with|by|near)\b")


_EXAMPLES = re.compile(r",\s*(?:like|such as|say|for example|for instance|e\.g\.)\s[^.;:]*?\bor\b[^,.;:]*", re.I)


def _alternative_end(clause: str, at: int) -> int:
    """Where the last alternative ends: at the next comma or full stop, or the end."""
    stop = _STOP.search(clause, at)
    return stop.start() if stop else len(clause)


_STOP = re.compile(r"[,.;!?]")


def _list_start(clause: str, at: int) -> int | None:
    """Where the alternatives after the first begin ("a license|, state ID| or passport"; "if he threatens you|,
    gets physical|, or ..."), or None for two alternatives with no comma ("a fraud alert or freeze") and for an
    "or" inside one thing of a longer list ("the title or bill of sale, and your photo ID")."""
    if re.match(r"\s*,?\s*(?:and\b|plus\b|\+|&)", clause[_alternative_end(clause, at + 4) :]):
        return None
    segments = clause[:at].split(",")[1:]  # the first of them stays
    if clause[at : at + 1] != "," and segments and len(segments[-1].split()) > 2:
        return None  # "today, place a fraud alert or a freeze": one step's two options, no list
    start = at
    for segment in reversed(segments):
        said = segment.split()
        if not said or len(said) > _MOST_IN_LIST or said[0].lower() in _SUBJECT or _VALUE.search(segment):
            break
        start -= len(segment) + 1
    return start if start < at or clause[at : at + 1] == "," else None
