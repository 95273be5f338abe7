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
from bot.practice.said_once import content_words, word_stem
from bot.practice.stock_lines import OFFER_NO_NEED, OFFER_YES
from bot.practice.wording import kinds, pairs, patterns, words
from bot.scenarios.format import Detail
from bot.scenarios.intents import AGREEMENT_CHECK, checks_understanding, question_topics, testing_kind

Read = tuple[Sentence, frozenset[str]]
"""A sentence of the message with the signals it shows read alone (`MessageSignals.sentences`)."""

_NOT_ASKING = frozenset({"testing_questions", "offer_more_help"})
"""A question that checks understanding or offers help ("any questions about picking up your car?") asks for
no detail of the visitor's."""
_ASKS, _OFFER, _ASKS_FOR, _TAG, _OFFERS_HELP, _REPEAT_OFFER = patterns(
    "asks offer asks_for tag offers_help repeat_offer", 0
)
OFFERS_HELP = _OFFERS_HELP
"""An offer of more help as the visitor hears it ("anything else I can do?")."""
"""A question written without "?" ("whats ur name"), an offer the visitor answers "Yes, please.", a request said as
a statement ("I need your name."), a statement with a tag ("..., okay?"), an offer of more help
(bot/practice/phrases/asking.yaml)."""
_TEXTED = pairs("texted_forms")
_TEXTING = re.compile(rf"\b(?:{'|'.join(map(re.escape, _TEXTED))})\b")


def asks(norm: str) -> bool:
    """A question, with its "?" or without ("whats ur name")."""
    return "?" in norm or bool(_ASKS.match(norm))


def echo_question(norm: str, own: str) -> bool:
    """A few of the visitor's own words asked back to it ("Three nights straight?" after "It's three nights
    running!"): surprise or sympathy, no question to answer with a detail; `own` is what the visitor said."""
    words = [w for w in norm.rstrip(" ?!.").split() if w not in _INTERJECTIONS and w != ","]  # "aw geez, four ...?"
    norm = " ".join(words)
    if not words or len(words) > _ECHO_WORDS or words[0] in _ASKING_FIRST or _ASKS.match(norm):
        return False  # "does your mom speak spanish?" asks, though it says her words back
    if _DETAIL_NOUNS.intersection(words):
        return False  # "or karen's phone number?" asks for a detail
    own_stems = {word_stem(w) for w in re.findall(r"[a-z0-9']+", own.lower())}
    said = {word_stem(w) for w in content_words(norm)}
    return bool(said) and len(said & own_stems) * 3 >= len(said) * 2


_ECHO_WORDS = 5
_INTERJECTIONS = frozenset(words("echo_interjections"))
_DETAIL_NOUNS = frozenset(words("echo_detail_nouns"))
_ASKING_FIRST = frozenset([*words("asking_auxiliaries"), *words("question_words"), *words("echo_not_first")])


def offers(norm: str) -> bool:
    """An offer the visitor answers "Yes, please."."""
    return bool(_OFFER.search(norm))


def offer_replies(message: str) -> tuple[str, ...]:
    """The visitor's answers to the offer in the message: "Yes, please.", or "No need, I've got it." to an offer to
    say it all again ("Sound good? Want me to run that back?")."""
    return OFFER_NO_NEED if _REPEAT_OFFER.search(message.lower()) else OFFER_YES


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
    names = _with_offer_of_help(sentences, names, details)
    if "offer_more_help" in names and _only_tags_check(read):
        names = names - {"testing_questions"}  # "Okay? Anything else I can help you with?": the offer is what it asks
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
    understanding, no offer of help unless it asks for one of the persona's details all the same (or asks beside
    the offer: "Any family we could reach, or anything else I can help with?")."""
    found = []
    for s, shown in read:
        beside = beside_offer(s.norm, details)
        if beside or (
            (asks(s.norm) or _ASKS_FOR.search(s.norm))
            and (not _TAG.search(s.norm) or question_topics(s.norm))  # "Nobody got hurt, right?" asks all the same
            and (not shown & _NOT_ASKING or asks_a_detail(s.norm, details))
            and not checks_understanding(s.norm)
            and read_back_ask(s.norm) is None  # "the phone number, what were those again?": ours, not its own
            and not _agrees(s.norm)  # "Is correct?" asks a yes
        ):
            found += [_TEXTING.sub(lambda m: _TEXTED[m.group(0)], q) for q in beside or [s.norm]]
    return found


_BESIDE = re.compile(
    r"\s*,?\s+(?:or|and|also|plus)\s+(?=(?:any|anyone|anybody|anything|someone|somebody|is|are|does|do|did|has|have|can|"
    r"what|who|where|when|how)\b)"
)


def beside_offer(norm: str, details: Sequence[Detail]) -> list[str]:
    """The question asked in one sentence with an offer of more help ("is there anything else you need, or anyone
    she might have gone with?": "anyone she might have gone with ?"), or []."""
    pieces = _BESIDE.split(norm)
    if len(pieces) < 2 or not any(_OFFERS_HELP.search(p) for p in pieces):
        return []
    asked = [p for p in pieces if not _OFFERS_HELP.search(p)]
    return [
        q if q.endswith("?") else f"{q.rstrip(' ?')} ?"
        for q in asked
        if question_topics(q) or any(d.asked.search(q) for d in details)
    ]


def genuine(sentence: Sentence, shown: frozenset[str], details: Sequence[Detail]) -> bool:
    """A sentence that asks the visitor for something of its own (not a tag, an offer or a check)."""
    norm = sentence.norm
    if not (asks(norm) or _ASKS_FOR.search(norm)):
        return False
    if _TAG.search(norm) and (not question_topics(norm) or "farewell" in shown):
        return False  # "..., okay?" is a tag, "You stay safe now, y'hear?" a goodbye; "She is okay?" asks
    if beside_offer(norm, details):
        return True  # "Anything else I can do, or anyone she might have gone with?" asks all the same
    if _OFFER.search(norm) or _OFFERS_HELP.search(norm) or checks_understanding(norm) or _agrees(norm):
        return False
    return not shown & _NOT_ASKING or asks_a_detail(norm, details)


def _agrees(norm: str) -> bool:
    """A short check that asks for a yes ("Is correct?", "Sound good?"), no detail of the visitor's."""
    return bool(_AGREES.match(norm))


_AGREES = re.compile(
    r"^(?:and |so )?(?:is|is it|it's|is that|that's|that is|all|we|you) (?:correct|right|good)\s*\?$|"
    r"^(?:and |so )?(?:does that |that )?sounds? (?:good|okay|ok|alright)\s*\?$|^(?:okay|ok|alright) with you\s*\?$"
)


def asks_a_detail(norm: str, details: Sequence[Detail]) -> bool:
    """A question the grader may count as a check ("What number are you calling from?") that asks for one of
    the persona's own details all the same."""
    return testing_kind(norm) == "understanding" and any(
        d.asked.search(norm) and not _OFFERS_HELP.search(norm) for d in details
    )


def _with_offer_of_help(
    sentences: Sequence[Sentence], names: frozenset[str], details: Sequence[Detail]
) -> frozenset[str]:
    """An offer of more help the grader may read as a plain question ("Anything you need from me while we
    wait?") asks the visitor for nothing of its own: it is answered as an offer (a question beside it that names
    a topic or one of the persona's details is asked all the same: "Is your dad okay now? Anything else?")."""
    if not any(_OFFERS_HELP.search(x.norm) for x in sentences):
        return names
    names = names | {"offer_more_help"}
    if any(beside_offer(x.norm, details) for x in sentences):
        return names | {"clarifying_question"}  # "Anything else I can do, or anyone she might have gone with?"
    others = [
        x
        for x in sentences
        if ("?" in x.norm or _ASKS.match(x.norm))
        and (not _OFFERS_HELP.search(x.norm) or beside_offer(x.norm, details))
        and (question_topics(x.norm) or any(d.asked.search(x.norm) for d in details))
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

_LEAD, _PART_JOIN, _WH_JOIN, _OR_DOING, _AUX_SUBJECT, _WH, _YES_NO_START, REQUEST, _NOT_EITHER_OR = patterns(
    "question_lead part_join wh_join or_doing aux_subject wh_question yes_no_start request not_either_or", 0
)
"""The words that lead into a question, where its parts join, the asking words that want a detail or a yes or no,
and a question that asks for something ("Can I get your name?", "Can you hold on?"), not a yes or no."""


def question_parts(question: str) -> list[str]:
    """A question's parts, in the order asked: "is the car at your house and is anyone still around it ?" is two;
    "did you see anyone or get any footage ?" is two as well ("did you get any footage"); "your name and
    number ?" one (its topics answer each)."""
    parts: list[str] = []
    question = _AND_HERS.sub(lambda m: f"{m.group(1)} and {_WHOSE[m.group(2)]} name", question)  # "... and hers"
    joined = _PART_JOIN.split(question.strip())
    for piece in (p for j in joined for p in _wh_pieces(j, led=not _WH.match(_LEAD.sub("", j)))):
        pieces = _OR_DOING.split(piece)
        head = _AUX_SUBJECT.match(_LEAD.sub("", pieces[0]))
        parts.append(pieces[0])
        parts += [f"{head.group(1)} {p}" if head else p for p in pieces[1:]]
    return [YALL.sub("you", p.strip()) for p in parts if len(p.replace("?", "").split()) >= 1 and p.strip(" ?")]


_AND_HERS = re.compile(r"\b(your (?:full |first |last )?name) and (hers|his|theirs)\b")
_WHOSE = {"hers": "her", "his": "his", "theirs": "their"}
"""Asked "your name and hers?": her name is asked too."""


def _wh_pieces(part: str, led: bool = False) -> list[str]:
    """A part split where a second question word starts, a first clause that only sets the time ("when you get
    the bureau on the phone") kept with the question it leads into; a part `led` by words that ask nothing ("you
    move Friday, so what's your deadline, which days can you go in") split only where a second one starts."""
    pieces = _WH_JOIN.split(part)
    if led and len(pieces) < 3:
        return [part]
    if len(pieces) > 1 and (led or _SUBORDINATE.match(pieces[0]) or not _LEAD.sub("", pieces[0] + " ").strip()):
        pieces[:2] = [f"{pieces[0]} {pieces[1]}"]
    return pieces


(_SUBORDINATE,) = patterns("subordinate_lead", 0)


YALL = re.compile(r"\b(?:y'all|yall|ya'll|you all|you guys|youse)\b")
"""The plural "you" of a region or a group ("where do y'all go to apply?"): asked as "you" (parts are lower case)."""


def yes_no(part: str) -> bool:
    """A part that wants yes or no first ("is he still there ?", "any kids at home ?", "you're his mom ?"),
    not a detail ("what's your name ?") nor a request ("can you describe him ?")."""
    text = _LEAD.sub("", part.strip())
    return (
        not _WH.match(text)
        and not REQUEST.match(text)
        and bool(_YES_NO_START.match(text))
        and not _DETAIL_LIST.match(text)
    )


(_DETAIL_LIST,) = patterns("detail_list", 0)
"""A list of someone's details asked for ("your car make model color plate ?"): details, no yes or no."""


def either_or(part: str) -> bool:
    """A yes-or-no question that offers two answers ("is it across the street or right next to you ?")."""
    return yes_no(part) and " or " in part and not _NOT_EITHER_OR.search(part)


_READ_BACK_ASK, _OWN_DETAIL = patterns("read_back_ask own_detail", 0)
"""A question about what the trainee said ("What hours did I give you?", "And the hours again?"): the visitor reads
back what it was told, not a detail of its own ("your number")."""
READ_BACK_KINDS = kinds("read_back_kind", 0)
"""What such a question asks back, by kind, the first that matches."""


def read_back_ask(part: str) -> str | None:
    """What a question about the trainee's own words asks back ("hours", "number", ... or "" for all of it), or
    None for a question about the visitor's own things."""
    if not _READ_BACK_ASK.search(part) or _OWN_DETAIL.search(part):
        return None
    return next((kind for kind, words in READ_BACK_KINDS if words.search(part)), "")


SELF_ASKED = kinds("self_asked", 0)
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


_HINTED = kinds("hinted", 0)
"""Topics a question names in words the topic tables do not hold ("Is the ticket from this week?" asks when)."""


def hinted_topics(part: str) -> list[str]:
    text = plain(part)
    return [topic for topic, words in _HINTED if words.search(text)]


CHECK_KINDS = kinds("check", 0)
"""A check that the visitor has what it needs ("Do you have that written down?", "Can you do that?", "You
understand?"), by kind: answered yes in kind (stock_lines.yaml, all_clear.written, .able, .clear)."""


def check_kind(text: str) -> str | None:
    """The kind of check a question makes ("written", "able", "clear"), or None."""
    return next((kind for kind, pattern in CHECK_KINDS if pattern.search(text)), None)


_PRONOUN_HAVE, _OWN_THING = patterns("pronoun_have own_thing", 0)


def with_antecedent(part: str, said: str) -> str:
    """ "do you have one ?" after "I mean your photo id, like a driver's license." asks "do you have driver's
    license ?": the pronoun read as the last of the visitor's own papers the message named (`said`, normalised)."""
    pronoun = _PRONOUN_HAVE.match(plain(part))
    named = [m.group(0) for m in _OWN_THING.finditer(said)]
    if pronoun is None or not named:
        return part
    text = plain(part)
    at = pronoun.end() - len(pronoun.group(0).split()[-1])
    return f"{text[:at]}{named[-1]}{text[pronoun.end() :]}"


def _only_tags_check(read: Sequence[Read]) -> bool:
    """Whether every check of understanding in the message is a bare tag ("Okay?", "Right?", "Yes?")."""
    checks = [s.norm for s, shown in read if "testing_questions" in shown] or [
        s.norm for s, shown in read if "?" in s.norm and "offer_more_help" not in shown
    ]  # a check read from the whole message ("... Monday to Friday. Okay?"): its questions
    return bool(checks) and all(len(norm.replace("?", "").split()) <= 2 for norm in checks)


_LISTED = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")
_LISTED_ITEM = re.compile(
    r"^(?:where|what|when|which|who|how much|how long|how many|how soon)\b(?:\s+[\w'$-]+){0,3}$", re.IGNORECASE
)


def listed_asks(original: str) -> list[str]:
    """A bare list of what to tell ("Where, how much, how long?", "Which days, what to bring, and how much?"), each
    item, in order; [] for any other sentence. After a request to tell it back, it names the parts to tell."""
    items = [i.strip(" ?.!") for i in _LISTED.split(original.strip().rstrip("?").strip()) if i.strip(" ?.!")]
    if len(items) < 2 or not all(_LISTED_ITEM.match(i) for i in items):
        return []
    return [i.lower() for i in items]


ASKING_WORDS = frozenset(words("quiz_words")) | frozenset(words("tell_back_words"))
"""The words that ask ("tell", "back", "what"): not what a question is about."""


def stems(text: str) -> set[str]:
    """The words that name something, each by its first four letters ("passing" and "pass", "calls" and "call")."""
    return {w[:4] for w in content_words(text) - ASKING_WORDS}
