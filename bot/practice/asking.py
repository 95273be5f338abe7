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
    r"(?:you|he|she|they|it|anyone|anybody|any1|someone|somebody|there|we)\b|"
    r"(?:did|is|are|was|were|can|could|will) (?:the|your|his|her|their)\b|"
    r"(?:what|what's|whats|when|where|where's|who|who's|which|why|how)\b|"
    r"(?:anyone|anybody|anything|any1) (?!else\b)\w+)"
)
"""A question written without "?" ("whats ur name"); "Have his name ready when you call." is none."""
_TEXTED = {"any1": "anyone", "ne1": "anyone", "some1": "someone", "sum1": "someone", "no1": "no one"}
_TEXTING = re.compile(r"\b(?:any1|ne1|some1|sum1|no1)\b")
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
    r"any|you|u)\b).* \w+ (okay|ok|alright|all right|right|yeah) \?$"
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
    if any(_asks_yes_or_no(x, shown, details) for x, shown in read):
        names |= {"clarifying_question"}  # "You okay?", "You still there?" ask the visitor something all the same
    names = _with_offer_of_help(sentences, names)
    if "clarifying_question" in names and not any(genuine(x, shown, details) for x, shown in read):
        names = names - {"clarifying_question"}  # a tag ("..., okay?"), an offer or a check asks no detail
    offered = any(offers(x.norm) for x in sentences)
    if offered and not any(asks(x.norm) and not offers(x.norm) and not checks_understanding(x.norm) for x in sentences):
        names = names - {"clarifying_question"}  # an offer asks no detail of the visitor's
    return names, offered


def _asks_yes_or_no(sentence: Sentence, shown: frozenset[str], details: Sequence[Detail]) -> bool:
    """A yes-or-no question the grader may read as something else ("You okay?" as empathy), not a check."""
    norm = sentence.norm
    return (
        "?" in norm
        and yes_no(norm)
        and not shown & _NOT_ASKING
        and not AGREEMENT_CHECK.search(norm)
        and genuine(sentence, shown, details)
    )


def questions(read: Sequence[Read], details: Sequence[Detail]) -> list[str]:
    """The message's questions for the visitor, normalised, in the order asked: no tag, no check of
    understanding, no offer of help unless it asks for one of the persona's details all the same."""
    return [
        _TEXTING.sub(lambda m: _TEXTED[m.group(0)], s.norm)
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


# A question's parts, and what kind of answer each wants: a message may ask several things in one sentence ("Is
# the car at your house, and is anyone still hanging around it?"), and each part gets its own answer, in order.

_LEAD = re.compile(
    r"^(?:(?:and|so|ok|okay|also|but|or|then|um|uh|oh|alright|now|sorry|hey|well|right|last|one more|quick)[,:]?\s+)+"
)
_PART_JOIN = re.compile(
    r" (?:and|or|also|plus|but|&) (?=(?:is|are|was|were|do|does|did|can|could|have|has|had|will|would|should|"
    r"what|what's|whats|when|where|where's|who|who's|whose|which|how|why|any|anything|anyone|anybody)\b)"
)
_OR_DOING = re.compile(
    r" or (?=(?:get|got|see|saw|hear|heard|notice|take|took|call|talk|speak|touch|hit|threaten|put|leave|say|tell|"
    r"have|bring|keep|make|try|tried|ask|text|check|lock|follow|grab|push|shove)\b)"
)
_AUX_SUBJECT = re.compile(
    r"^((?:and |so |or )*(?:do|did|does|is|are|was|were|have|has|had|can|could|will|would) "
    r"(?:you|u|he|she|they|it|we|anyone|anybody|someone|somebody|the \w+|your \w+|his \w+|her \w+|their \w+))\b"
)
_WH = re.compile(r"^(?:what|what's|whats|when|where|where's|who|who's|whose|which|why|how)\b")
_YES_NO_START = re.compile(
    r"^(?:do|did|does|is|are|was|were|have|has|had|can|could|would|will|should|may|isn't|aren't|wasn't|weren't|"
    r"don't|doesn't|didn't|haven't|hasn't|won't|any|anything|anyone|anybody|anywhere|someone|somebody|got|you|"
    r"you're|he|he's|she|she's|they|they're|it|it's|that|that's|this|there|there's|your|his|her|their|no|not)\b"
)
REQUEST = re.compile(
    r"^(?:can|could|would|will|may) (?:i|you|u|we) (?:please |just |quickly |also )?(?:get|have|grab|take|tell|give|"
    r"describe|spell|confirm|walk|share|send|let|read|repeat|run|start|go|hold|stay|wait|come|bring|check|look|step|"
    r"sit|hang|call|text|e-?mail|write|fill|sign|explain|show|put|keep|help|speak|talk|try|ask|jot|place|note)\b"
)
"""A question that asks for something ("Can I get your name?", "Can you hold on?"), not a yes or no."""


def question_parts(question: str) -> list[str]:
    """A question's parts, in the order asked: "is the car at your house and is anyone still around it ?" is two;
    "did you see anyone or get any footage ?" is two as well ("did you get any footage"); "your name and
    number ?" one (its topics answer each)."""
    parts: list[str] = []
    for piece in _PART_JOIN.split(question.strip()):
        pieces = _OR_DOING.split(piece)
        head = _AUX_SUBJECT.match(_LEAD.sub("", pieces[0]))
        parts.append(pieces[0])
        parts += [f"{head.group(1)} {p}" if head else p for p in pieces[1:]]
    return [p.strip() for p in parts if len(p.replace("?", "").split()) >= 1 and p.strip(" ?")]


def yes_no(part: str) -> bool:
    """A part that wants yes or no first ("is he still there ?", "any kids at home ?", "you're his mom ?"),
    not a detail ("what's your name ?") nor a request ("can you describe him ?")."""
    text = _LEAD.sub("", part.strip())
    return not _WH.match(text) and not REQUEST.match(text) and bool(_YES_NO_START.match(text))


def either_or(part: str) -> bool:
    """A yes-or-no question that offers two answers ("is it across the street or right next to you ?")."""
    return yes_no(part) and " or " in part and not re.search(r" or (not|no|what|anything|anyone)\b", part)


_READ_BACK_ASK = re.compile(
    r"\b(?:what|which) (?:\w+ ){0,3}(?:did|have) i (?:just )?(?:give|gave|tell|told|say|said|mention)\b|"
    r"\bwhat did i (?:just )?(?:say|tell you|give you)\b|\bdid i give you\b|"
    r"\b(?:what|which) (?:\w+ ){0,2}(?:did|have) you (?:get|got|hear|catch|write|jot|note|take)\b(?! stolen| taken)|"
    r"\b(?:the|that|those|these) (?:\w+ )?(?:hours|times?|days|number|address|fee|price|cost|deadline|website|"
    r"e-?mail|steps|dates?|place) again\b|\bremind me what i said\b|\bread (?:them|those|it) back\b"
)
"""A question about what the trainee said ("What hours did I give you?", "And the hours again?"): the visitor reads
back what it was told, not a detail of its own."""
READ_BACK_KINDS = (
    ("hours", r"\bhours?\b|\bopen\b|\btimes?\b|\bwhen\b"),
    ("days", r"\bdays?\b"),
    ("number", r"\bnumber\b|\bphone\b|\bdigits\b"),
    ("fee", r"\bfee\b|\bprice\b|\bcost\b|\bhow much\b"),
    ("address", r"\baddress\b|\bwhere\b|\bplace\b"),
    ("deadline", r"\bdeadline\b|\bhow long\b|\bwithin\b"),
)


def read_back_ask(part: str) -> str | None:
    """What a question about the trainee's own words asks back ("hours", "number", ... or "" for all of it), or
    None for a question about the visitor's own things."""
    if not _READ_BACK_ASK.search(part) or re.search(r"\b(your|ur) (own )?(number|phone|address|name)\b", part):
        return None
    return next((kind for kind, words in READ_BACK_KINDS if re.search(words, part)), "")


SELF_ASKED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(words))
    for kind, words in (
        (
            "with_you",
            r"\b(?:anyone|anybody|someone|somebody|who(?:'s| is)?)(?: else)? (?:there |here )?(?:with|w) (?:you|u)\b|"
            r"\b(?:are|r) (?:you|u) (?:alone|by yourself|on your own)\b|\bcome (?:in |here )?(?:alone|by yourself)\b|"
            r"\b(?:anyone|anybody|someone|somebody) (?:else )?(?:there|home|here) with (?:you|u)\b",
        ),
        (
            "own_id",
            r"\b(?:photo id|id|identification|license|licence|id card)\b.{0,20}\b(?:on you|with you|handy|on u)\b|"
            r"^(?:do|did) (?:you|u) (?:have|got|bring|carry) (?:a |an |your |the |any )?(?:photo |picture )?"
            r"(?:id|identification|license|licence|id card|registration|paperwork|papers|documents|title|receipt)\b",
        ),
        (
            "safe_place",
            r"\b(?:somewhere|some place|someplace|a place|anywhere|place) (?:safe )?(?:to (?:go|stay|sleep)|you can "
            r"(?:go|stay))\b|\bsafe place\b|\bstay (?:tonight|the night)\b|\bsomewhere safe\b",
        ),
        (
            "fine",
            r"^(?:are|r) (?:you|u) (?:doing )?(?:safe|okay|ok|alright|all right|hurt)\b|"
            r"^(?:you|u) (?:doing )?(?:okay|ok|alright|all right|safe|good)\b",
        ),
        ("anonymous", r"\banonymous(?:ly)?\b|\b(?:use|give|leave|keep) your name (?:out|off|on)\b"),
        ("here", r"^(?:are|r) (?:you|u) (?:still )?(?:there|with me|on the line)\b|^(?:can|could) (?:you|u) hear me\b"),
        (
            "able",
            r"^(?:are|r|would|will) (?:you|u) (?:be )?able to\b|"
            r"^(?:can|could) (?:you|u) (?:make it|come|get here|be here|be there)\b",
        ),
        ("want", r"^(?:do|would) (?:you|u) (?:want|like|prefer)\b"),
        (
            "tried",
            r"^(?:have|did) (?:you|u) (?:already |ever )?(?:tried|try|talk(?:ed)?|spoken|speak|spoke|ask(?:ed)?|"
            r"knock(?:ed)?|reach(?:ed)? out)\b|^(?:have|did) (?:you|u) (?:already |ever )?(?:call(?:ed)?|text(?:ed)?|"
            r"contact(?:ed)?) (?:him|her|them|the neighbou?r|your neighbou?r|her (?:son|daughter|family))\b",
        ),
        (
            "not_yet",
            r"^(?:have|did) (?:you|u) (?:already )?(?:call(?:ed)?|contact(?:ed)?|report(?:ed)?|file(?:d)?|"
            r"cancel(?:l?ed)?|notif(?:y|ied)|told|tell|froze|frozen|freeze|change(?:d)?|let \w+ know)\b",
        ),
        ("request", r"^(?:can|could|would|will) (?:you|u)\b"),
    )
)
"""Yes-or-no questions about the visitor itself that it can answer without a fact of its own ("Is anyone with
you?", "Do you have your ID on you?"): a stock answer in its voice (bot.practice.stock_lines.SELF_ANSWERS),
unless the persona has a detail that says otherwise."""


def self_asked(part: str) -> str | None:
    """The kind of question about the visitor itself the part asks, or None."""
    text = _LEAD.sub("", part.strip())
    return next((kind for kind, pattern in SELF_ASKED if pattern.search(text)), None)


def plain(part: str) -> str:
    """The part without the words that lead into it ("and", "so", "okay")."""
    return _LEAD.sub("", part.strip())


_HINTED = (
    (
        "when",
        r"\b(?:from|on|since|during|in|over) (?:this|last) (?:week|month|weekend|year|morning|night)\b|"
        r"^(?:is|was) .*\b(?:yesterday|last night|last week|this week|this morning)\b|"
        r"\bhow long (?:has|have|had)\b|\bgoing on for\b",
    ),
    ("injured", r"^(?:you|u|are you|r u|you doing|are you doing) (?:okay|ok|alright|all right|safe|hurt)\b"),
    (
        "where",
        r"^(?:which|what) (?:store|shop|safeway|target|walmart|vons|costco|ralphs|cvs|walgreens|school|park|street|"
        r"lot|parking lot|station|gas station|building|house|apartment|mall|corner|intersection|block|location)\b",
    ),
)
"""Topics a question names in words the topic tables do not hold ("Is the ticket from this week?" asks when)."""


def hinted_topics(part: str) -> list[str]:
    text = plain(part)
    return [topic for topic, words in _HINTED if re.search(words, text)]
