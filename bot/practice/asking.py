"""What a trainee message asks of the visitor: which sentences ask for a detail of its own.

The grader's signals read a message for the grade; the visitor must also tell a real question
("whats ur name") from a tag ("..., okay?"), an offer ("Do you want me to write it down?"), a
check of understanding or an offer of more help, and hear a request said as a statement ("I
need your name."). Every function here reads the sentences with the signals `detect` already
found for each (`MessageSignals.sentences`), so nothing is detected twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.grading.text import Sentence
from bot.scenarios.format import Detail
from bot.scenarios.intents import AGREEMENT_CHECK, checks_understanding, question_topics, testing_kind

Read = tuple[Sentence, frozenset[str]]
"""A sentence of the message with the signals it shows read alone (`MessageSignals.sentences`)."""

_NOT_ASKING = frozenset({"testing_questions", "offer_more_help"})
"""A question that checks understanding or offers help ("any questions about picking up your car?") asks for
no detail of the visitor's."""
_ASKS = re.compile(
    r"^(?:and |so |ok |okay )?(?:(?:do|did|does|is|are|was|were|have|has|can|could|would|will) "
    r"(?:you|he|she|they|it|anyone|anybody|someone|somebody|there|we)\b|"
    r"(?:what|what's|whats|when|where|where's|who|who's|which|why|how)\b)"
)
"""A question written without "?" ("whats ur name"); "Have his name ready when you call." is none."""
_OFFER = re.compile(
    r"^(?:and |so |okay |ok )?(?:do you want|would you like|you want|want) me to\b|"
    r"^(?:and |so )?(?:shall|should|can|may) i (?:write|print|grab|bring|make|jot)\b.*\bfor you \?$"
)
"""An offer the visitor answers "Yes, please." ("Do you want me to write that number down for you?")."""
_ASKS_FOR = re.compile(
    r"\b(i|we)('ll| will|'d| would)? (just )?need (your|ur|a|the|his|her|their)\b|\b(let me|lemme) (see|get|have)\b|"
    r"\bplease (give|tell|write|spell|read) (me|us)\b|^(your|ur) (name|number|phone|address|date of birth)\b|"
    r"^(and )?(go ahead and )?(read|tell|give|spell) me\b|\b(just )?(your|ur) (name|number|phone|address)\b.*\bplease$"
)
"""A request for a detail said as a statement ("Before you go I need your name and phone number.")."""
_TAG = re.compile(
    r"^(?!(and |so )?(is|are|was|were|do|does|did|can|could|will|would|has|have|what|when|where|who|how|why|which|"
    r"any)\b).* (okay|ok|alright|all right|right|yeah) \?$"
)
"""A statement with a tag ("Let's sit you here, okay?"): it asks for a yes, not a detail."""
_OFFERS_HELP = re.compile(
    r"\banything (else )?(you need|i can (do|get|help)|we can (do|get|help))\b|\b(is there )?anything else\b.*\?|"
    r"\bneed anything\b|\bwhat else can i (do|help)\b|\bcan i (get|do) (you )?anything\b"
)
"""An offer of more help in any words ("Anything you need from me while we wait?")."""


def asks(norm: str) -> bool:
    """A question, with its "?" or without ("whats ur name")."""
    return "?" in norm or bool(_ASKS.match(norm))


def offers(norm: str) -> bool:
    """An offer the visitor answers "Yes, please."."""
    return bool(_OFFER.search(norm))


def read_asking(names: frozenset[str], read: Sequence[Read], details: Sequence[Detail]) -> tuple[frozenset[str], bool]:
    """The message's signals once what it asks is weighed, and whether it offers the visitor something.

    "Okay with you?" asks for a yes, "I need your name" asks like a question, and a tag, an offer, a check
    of understanding or an offer of more help asks no detail of the visitor's."""
    sentences = [s for s, _ in read]
    if any("?" in s.norm and AGREEMENT_CHECK.search(s.norm) for s in sentences):
        names |= {"testing_questions"}  # "Okay with you?" asks for a yes, whatever else it reads as
    names = _with_checks(sentences, names)
    if any(_ASKS_FOR.search(x.norm) for x in sentences):
        names |= {"clarifying_question"}  # "I need your name and number." asks like a question
    names = _with_offer_of_help(sentences, names)
    if "clarifying_question" in names and not any(genuine(x, shown, details) for x, shown in read):
        names = names - {"clarifying_question"}  # a tag ("..., okay?"), an offer or a check asks no detail
    offered = any(offers(x.norm) for x in sentences)
    if offered and not any(asks(x.norm) and not offers(x.norm) and not checks_understanding(x.norm) for x in sentences):
        names = names - {"clarifying_question"}  # an offer asks no detail of the visitor's
    return names, offered


def questions(read: Sequence[Read], details: Sequence[Detail]) -> list[str]:
    """The message's questions for the visitor, normalised, in the order asked: no tag, no check of
    understanding, no offer of help unless it asks for one of the persona's details all the same."""
    return [
        s.norm
        for s, shown in read
        if (asks(s.norm) or _ASKS_FOR.search(s.norm))
        and not _TAG.search(s.norm)
        and (not shown & _NOT_ASKING or asks_a_detail(s.norm, details))
        and not checks_understanding(s.norm)
    ]


def genuine(sentence: Sentence, shown: frozenset[str], details: Sequence[Detail]) -> bool:
    """A sentence that asks the visitor for something of its own (not a tag, an offer or a check)."""
    norm = sentence.norm
    if not (asks(norm) or _ASKS_FOR.search(norm)):
        return False
    if _TAG.search(norm) or _OFFER.search(norm) or _OFFERS_HELP.search(norm) or checks_understanding(norm):
        return False
    return not shown & _NOT_ASKING or asks_a_detail(norm, details)


def asks_a_detail(norm: str, details: Sequence[Detail]) -> bool:
    """A question the grader may count as a check ("What number are you calling from?") that asks for one of
    the persona's own details all the same."""
    return testing_kind(norm) == "understanding" and any(
        d.asked.search(norm) and not _OFFERS_HELP.search(norm) for d in details
    )


def _with_offer_of_help(sentences: Sequence[Sentence], names: frozenset[str]) -> frozenset[str]:
    """An offer of more help the grader may read as a plain question ("Anything you need from me while we
    wait?") asks the visitor for nothing of its own: it is answered as an offer."""
    if not any(_OFFERS_HELP.search(x.norm) for x in sentences):
        return names
    names = names | {"offer_more_help"}
    others = [
        x
        for x in sentences
        if ("?" in x.norm or _ASKS.match(x.norm)) and not _OFFERS_HELP.search(x.norm) and question_topics(x.norm)
    ]
    return names if others else names - {"clarifying_question"}


def _with_checks(sentences: Sequence[Sentence], names: frozenset[str]) -> frozenset[str]:
    """A check of understanding the grader may read as a plain question ("just so I'm sure I explained it, what
    will you do?") asks the visitor to say the plan back: no detail of its own is asked when it is the only
    question in the message."""
    checks = [s for s in sentences if checks_understanding(s.norm)]
    if not checks:
        return names
    others = [s for s in sentences if ("?" in s.norm or _ASKS.match(s.norm)) and not checks_understanding(s.norm)]
    names = names | {"testing_questions"}
    return names if others else names - {"clarifying_question"}
