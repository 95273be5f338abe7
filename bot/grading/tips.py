"""What to say to a trainee who missed a criterion: the moment in this call where it
belonged, and one natural line they could have said there.

A tip is built from the transcript (who said what at which turn) and, when the scenario
is known, its own example line; otherwise a plain desk-language line fits the visitor's
words ("worried" gets a different line from "towed").

Everything a tip says of the call is so in this transcript: a turn it names is a turn of
the person it says, a quotation is that turn's own words, cut only at a word, and "you said
goodbye", "the caller thanked you" are what the grader itself reads in that turn. A line that
names someone the visitor never mentioned (kids, a dog, a husband) is not used: the plain
line is, which names no one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.grading import lexicon as lx
from bot.grading.contact import Contact
from bot.grading.detectors import MessageSignals, detect
from bot.grading.facts import explained_turns
from bot.transcript import Turn

QUOTE_CHARS = 70
_LINES = {name: line for name, (line, _) in lx.PHRASING.lines.items()}
"""The suggested lines of phrases/tips.yaml, by criterion (and channel, or feeling)."""
_STAGE = re.compile(r"\([^)]*\)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_TITLE = re.compile(r"(?:^|\s)(Mr|Mrs|Ms|Mx|Dr|St|Sgt|Lt|Capt|Det|Dep|Jr|Sr)\.$", re.I)
"""A sentence does not end at "Mrs." ("my neighbour, Mrs. Alvarez")."""
_FEAR, _ANGER, _TROUBLE, _GRAVE, _NAMED, _FEELING_NAMED = (
    lx.compile_signal(name, re.I).pattern
    for name in (
        "visitor_fear",
        "visitor_anger",
        "visitor_trouble",
        "visitor_grave",
        "named_in_line",
        "feeling_in_line",
    )
)
"""The visitor's words (phrases/tips.yaml): the feeling they showed, their trouble, and the people and pets
an example line may name only when the visitor mentioned them in this call."""
_HE, _SHE, _MAN, _WOMAN = (
    lx.compile_signal(name, re.I).pattern for name in ("he_in_line", "she_in_line", "visitor_man", "visitor_woman")
)
CALL_TIMES = ("night", "evening", "afternoon", "morning")
"""The times of a call a greeting can fit, in the order their words are looked for."""
_TIME_WORDS = {when: lx.compile_signal(f"time_{when}", re.I).pattern for when in CALL_TIMES}
"""The words that say when a call is (phrases/tips.yaml): "late at night", "Good evening"."""


@dataclass(frozen=True)
class Said:
    """A trainee message: its 1-based turn in the transcript and the signals it shows."""

    turn: int
    signals: MessageSignals


def tip(
    criterion: str,
    turns: Sequence[Turn],
    said: Sequence[Said],
    contact: Contact,
    variant: str | None = None,
) -> str:
    """The tip for a missed criterion of this call."""
    moment = _MOMENTS[criterion](turns, said, contact, variant)
    return f"{moment} \u201c{_example(criterion, turns, said, contact)}\u201d"


# --- where it belonged --------------------------------------------------------------


def _greeting_moment(turns: Sequence[Turn], said: Sequence[Said], contact: Contact, variant: str | None) -> str:
    if not said:
        return f"You never answered the {contact.visitor}. Open with:"
    first = _quote_of(turns, said[0].turn)
    opened = f"Your first message (turn {said[0].turn}), {first},"
    late = late_greeting(said)
    if variant == "late" and late is not None:
        return (
            f"{opened} came before your proper greeting at turn {late.turn}. The first words set the tone, so open"
            " with it:"
        )
    if variant == "no_identification":
        return f"{opened} greeted the {contact.visitor} but did not give your name or the station. Add them:"
    if variant == "not_courteous":
        return f"{opened} said who you are but did not greet the {contact.visitor}. Start warmer:"
    return f"{opened} neither greeted the {contact.visitor} nor gave your name and the station. Try:"


def _empathy_moment(turns: Sequence[Turn], said: Sequence[Said], contact: Contact, variant: str | None) -> str:
    found = _feeling_turn(turns, said)
    if found is None:
        return f"When the {contact.visitor} told you their problem, acknowledge it before fixing it:"
    turn, sentence = found
    return f"After the {contact.visitor} said \u201c{_short(sentence)}\u201d (turn {turn}), acknowledge it first:"


def _testing_moment(turns: Sequence[Turn], said: Sequence[Said], contact: Contact, variant: str | None) -> str:
    explained = _explained(turns, said, contact)
    if explained:
        turn = explained[-1]
        return f"Right after you explained things at turn {turn} ({_quote_of(turns, turn)}), check they followed:"
    goodbye = _goodbye(said)
    if goodbye is not None:
        return (
            f"Before you said goodbye at turn {goodbye.turn} ({_quote_of(turns, goodbye.turn)}), check they followed:"
        )
    if len(said) > 1:
        return (
            f"Before your last message (turn {said[-1].turn}, {_quote_of(turns, said[-1].turn)}), check they followed:"
        )
    return "Once you have explained what happens next, check they followed:"


def _explained(turns: Sequence[Turn], said: Sequence[Said], contact: Contact) -> list[int]:
    """The turns where the trainee explained something: gave one of the scenario's facts (the grader's own reading
    of each fact), else said a process time, contact details or an intent of the scenario in a statement. Not a
    greeting that only names the desk, a question ("Can you tell me back when the deputy's coming?") or an offer of
    more help ("Anything else I can do while the deputy's on the way?")."""
    opening = said[0].turn if len(said) > 1 else None  # a check right after the greeting is never the moment
    if contact.rules:
        closing = {s.turn for s in said if _only_closing(s)}
        return [t for t in explained_turns(turns, contact.rules, contact.context) if t != opening and t not in closing]
    informative = set(contact.facts) | {"process_time", "contact_details"}
    intents = [i for i in contact.intents if i.name in informative or not contact.facts]
    found = []
    for s in said:
        if s.turn == opening or not (informative | {i.name for i in intents}) & s.signals.names:
            continue  # nothing informative anywhere in the message: no sentence of it explained anything
        for sentence, own in s.signals.sentences:
            if sentence.is_question or "?" in sentence.original or own & {"offer_more_help", "testing_questions"}:
                continue
            if informative & own or any(i.matches(sentence.norm) for i in intents):
                found.append(s.turn)
                break
    return found


_CLOSING = frozenset({"appreciation", "farewell", "offer_more_help", "testing_questions", "invitation_to_return"})


def _only_closing(s: Said) -> bool:
    """Every sentence closes the call ("Thank you for calling, and good luck with the appeal."): no explaining."""
    return all(own & _CLOSING for _, own in s.signals.sentences)


def _offer_moment(turns: Sequence[Turn], said: Sequence[Said], contact: Contact, variant: str | None) -> str:
    goodbye = _goodbye(said)
    if goodbye is not None:
        return f"Before you said goodbye at turn {goodbye.turn} ({_quote_of(turns, goodbye.turn)}), ask:"
    if said:
        return f"Before you let them go (your last message was turn {said[-1].turn}), ask:"
    return "Before they go, ask:"


def _appreciation_moment(turns: Sequence[Turn], said: Sequence[Said], contact: Contact, variant: str | None) -> str:
    first, last = (said[0].turn, said[-1].turn) if said else (0, 0)
    thanked = next(
        (
            i
            for i, t in enumerate(turns, start=1)
            if first < i < last and t.role == "visitor" and _thanks(t.text)
        ),
        None,
    )  # the grader's own reading of thanks: not "thanks for nothing", "thank God" or "I'd appreciate an answer"
    thanked_first = bool(said) and "appreciation" in said[0].signals
    opening = " (thanks in your greeting count as greeting, not as thanks)" if thanked_first else ""
    if thanked is not None:
        return f"When the {contact.visitor} thanked you at turn {thanked}, thank them back{opening}:"
    if len(said) > 1:
        return f"In your last message (turn {said[-1].turn}), thank them as you close{opening}:"
    return f"As you close, thank them{opening}:"


@lru_cache(maxsize=4096)
def _thanks(text: str) -> bool:
    """A visitor's line thanks (kept apart from `detect`'s cache: a scenario's lines come back call after call)."""
    return "appreciation" in detect(text)


_MOMENTS = {
    "greeting": _greeting_moment,
    "empathy": _empathy_moment,
    "testing_questions": _testing_moment,
    "offer_more_help": _offer_moment,
    "appreciation": _appreciation_moment,
}


# --- what to say there ----------------------------------------------------------------


def _example(criterion: str, turns: Sequence[Turn], said: Sequence[Said], contact: Contact) -> str:
    example = contact.examples.get(criterion)
    grave = criterion == "empathy" and _grave(turns, said, contact)
    calm = criterion == "empathy" and not grave and not _showed_feeling(turns, said)
    # a scenario's own line, unless it names someone never mentioned, or a feeling never shown ("that sounds
    # stressful" for "Hi, quick question")
    invents = calm and example is not None and _FEELING_NAMED.search(example)
    if example is not None and _names_only_the_mentioned(example, turns) and not invents:
        return example
    line = criterion
    if criterion in ("greeting", "appreciation"):
        line += "_lobby" if contact.channel == "lobby" else "_phone"
    if criterion == "empathy":
        # The feeling named is the one in the words the tip quotes, not one the visitor never showed.
        found = _feeling_turn(turns, said)
        words = found[1] if found else ""
        line += (
            "_fear"
            if _FEAR.search(words)
            else "_anger"
            if _ANGER.search(words)
            else "_serious"
            if grave
            else "_calm"
            if calm
            else ""
        )
    sense = "hear" if contact.channel == "phone" else "see"
    template = _LINES[line]
    when = _when(turns, contact) if "{salutation}" in template else None  # only a greeting's line needs it
    salutation = _LINES[f"salutation_{when}" if when else "salutation"]
    return template.format(station=contact.station, sense=sense, salutation=salutation)


def call_time(text: str) -> str | None:
    """When a call is, as a scenario's brief or a message says it ("late at night": "night"), or None."""
    return next((when for when in CALL_TIMES if _TIME_WORDS[when].search(text)), None)


def _when(turns: Sequence[Turn], contact: Contact) -> str | None:
    """When this call is: as the scenario says, else as the trainee's own words say ("Good evening", "anything
    else tonight?"), else as the visitor's "tonight" or "at this hour" does; None when nothing says."""
    if contact.call_time in CALL_TIMES:
        return contact.call_time
    for role, times in (("trainee", CALL_TIMES), ("visitor", ("night",))):
        for t in turns:
            if t.role == role and (found := _time_said(t.text, times)):
                return found
    return None


@lru_cache(maxsize=4096)
def _time_said(text: str, times: tuple[str, ...]) -> str | None:
    """The first of `times` that a message's words (not its stage directions) say it is."""
    words = _STAGE.sub(" ", text)
    return next((when for when in times if _TIME_WORDS[when].search(words)), None)


# --- helpers ------------------------------------------------------------------------


def _feeling_turn(turns: Sequence[Turn], said: Sequence[Said]) -> tuple[int, str] | None:
    """The visitor's first sentence showing fear or anger, else their first one about the trouble, in the first
    turn that shows any (a "threatens me" in a read-back late in the call is not where empathy belonged).

    Only turns the trainee could still answer count (a "this is unbelievable" on the way out
    is not where empathy belonged), unless the trainee never answered any.
    """
    visitor = [(i, t) for i, t in enumerate(turns, start=1) if t.role == "visitor"]
    answered = [(i, t) for i, t in visitor if said and i < said[-1].turn] or visitor
    for i, turn in answered:
        for pattern in (_FEAR, _ANGER, _GRAVE, _TROUBLE):
            for sentence in _sentences(turn.text):
                if pattern.search(sentence):
                    return i, sentence
    first = next(((i, t) for i, t in answered if _sentences(t.text)), None)  # not the ring alone
    sentences = _sentences(first[1].text) if first else []
    if first is None or not sentences:
        return None
    longest = max(sentences, key=lambda s: len(s.split()))
    return first[0], next((s for s in sentences if len(s.split()) >= 4), longest)  # not "Excuse me."


def _showed_feeling(turns: Sequence[Turn], said: Sequence[Said]) -> bool:
    """The visitor showed a feeling or told of trouble, where the trainee could still answer: else a tip's line
    names no feeling for them ("Hi, quick question" is not stress)."""
    visitor = [t for i, t in enumerate(turns, start=1) if t.role == "visitor" and (not said or i < said[-1].turn)]
    return any(p.search(s) for t in visitor for s in _sentences(t.text) for p in (_FEAR, _ANGER, _TROUBLE))


def _grave(turns: Sequence[Turn], said: Sequence[Said], contact: Contact) -> bool:
    """A grave call (a missing child, a threat, someone hurt; a hard or emergency scenario): its empathy tip
    acknowledges how serious it is and never reassures that "this part is simple"."""
    if contact.grave:
        return True
    visitor = [t for i, t in enumerate(turns, start=1) if t.role == "visitor" and (not said or i < said[-1].turn)]
    return any(_GRAVE.search(s) for t in visitor for s in _sentences(t.text))


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    """The visitor's own sentences, each a piece of the text as written: stage directions
    ("(She glances at the door.)") end a sentence rather than being cut out of one."""
    sentences: list[str] = []
    for piece in _STAGE.split(text):
        parts: list[str] = []
        for part in _SENTENCE.split(piece.strip()):
            if parts and _TITLE.search(parts[-1]):
                parts[-1] += " " + part
            elif part:
                parts.append(part)
        sentences += parts
    return tuple(sentences)


def late_greeting(said: Sequence[Said]) -> Said | None:
    """A proper greeting that came late: in the second message ("Hang on, I'm on the phone." then "Good morning,
    Harbor Station..."), not a closing that thanks and names someone ("Thank you for calling us right away, a
    deputy will call you shortly.")."""
    second = said[1] if len(said) > 1 else None
    if second is None or "greeting" not in second.signals:
        return None
    return None if second is said[-1] and "farewell" in second.signals else second


def _goodbye(said: Sequence[Said]) -> Said | None:
    """The trainee's goodbye: their last message, when it says one. Never the first message
    ("Good night, Harbor Station" greets), nor a "take it easy" the call went on after."""
    last = said[-1] if len(said) > 1 else None
    return last if last is not None and "farewell" in last.signals else None


def _names_only_the_mentioned(line: str, turns: Sequence[Turn]) -> bool:
    """Every person or pet the line names, the visitor mentioned ("your kids" only after "my kids"), and no one is
    given a sex the visitor did not give them ("if he threatens you" only after a man was spoken of)."""
    heard = {_kin(m.group(0)) for t in turns if t.role == "visitor" for m in _NAMED.finditer(t.text)}
    if not all(_kin(m.group(0)) in heard for m in _NAMED.finditer(line)):
        return False
    said = " ".join(t.text for t in turns if t.role == "visitor")  # "he" only of a man the visitor spoke of
    return not (_HE.search(line) and not _MAN.search(said)) and not (_SHE.search(line) and not _WOMAN.search(said))


_KIN_OF = {word: name[4:] for name in lx.PHRASING.words if name.startswith("kin_") for word in lx.word_list(name)}
"""Who a named word is ("granny" -> grandparent), from the kin_* word lists of phrases/tips.yaml."""


def _kin(word: str) -> str:
    """The kind of person or pet a word names: "granny" and "grandmother" name the same one."""
    word = word.lower()
    return _KIN_OF.get(word, "grandparent" if word.startswith("grand") else word)


def _quote_of(turns: Sequence[Turn], turn: int) -> str:
    return f"\u201c{_short(turns[turn - 1].text)}\u201d"


def _short(text: str, limit: int = QUOTE_CHARS) -> str:
    """The text, or its beginning cut at a word and marked "…": never half a word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "\u2026"
