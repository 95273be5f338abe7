"""The meaning of a clause: what matters for grading whether the person was told the right thing.

A trainee's message is cut into sentences (bot/grading/text.py) and each sentence into
clauses, at commas, dashes and words that open a clause ("but", "if", "and we'll").
Every clause gets: is it negated or a refusal ("the rooms are all busy tonight"), a
question, conditional ("if she's not back by eight..."), put off ("call us back and
we'll..."), now, who acts (the agency, the person told to do it themselves, another
party) and whether it sends them elsewhere. The word classes are data (meaning.yaml),
matched as whole words, so every reading can be explained by the words that caused it
(`Clause.why`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.grading.lexicon import QUESTION_START
from bot.grading.phones import DIGIT_WORDS
from bot.grading.text import split_sentences

_DATA = Path(__file__).with_name("meaning.yaml")


class WordClass:
    """Wordings of one class, matched as whole words in a space-padded text."""

    def __init__(self, wordings: list[str]) -> None:
        found = {" ".join(str(w).lower().split()) for w in wordings}
        self.wordings = tuple(sorted(found, key=lambda w: (-len(w), w)))
        self.firsts = frozenset(w.split()[0] for w in self.wordings)
        self.by_first: dict[str, tuple[str, ...]] = {}
        for w in self.wordings:  # longest first, as in `wordings`
            self.by_first[w.split()[0]] = self.by_first.get(w.split()[0], ()) + (w,)

    def find(self, padded: str, words: frozenset[str]) -> str | None:
        """The first wording of the class in `padded` (" words of a clause "), or None."""
        if self.firsts.isdisjoint(words):
            return None
        return next((w for w in self.wordings if f" {w} " in padded), None)

    def starts(self, padded: str) -> str | None:
        """The wording the text (" words ... ") starts with, or None."""
        first = padded[1 : padded.find(" ", 1)] if len(padded) > 1 else ""
        return next((w for w in self.by_first.get(first, ()) if padded.startswith(f" {w} ")), None)


def _load() -> dict[str, WordClass]:
    """The word classes; an entry YAML reads as other than text (a bare no, on, yes) is an error."""
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    for name, words in data.items():
        bad = [w for w in words if not isinstance(w, str)]
        if bad:
            raise ValueError(f'{_DATA.name}: \'{name}\' holds {bad!r}, not text: quote it ("no", "on")')
    return {name: WordClass(words) for name, words in data.items()}


WORDS = _load()


@dataclass(frozen=True)
class Clause:
    """One clause of a trainee message, read for meaning."""

    sentence: str
    """The sentence it belongs to, as written: what a verdict quotes."""
    norm: str
    position: int
    """Its order in the message (0, 1, ...): a later clause can correct an earlier one."""
    question: bool = False
    negated: str | None = None
    """The negating words, when the clause says no."""
    refused: str | None = None
    """The refusing words ("busy", "nothing we can do")."""
    conditional: str | None = None
    later: str | None = None
    now: str | None = None
    actor: str = ""
    """"agency" (I, we, a deputy), "person" (told to do it themselves), "other" (another party) or ""."""
    elsewhere: str | None = None
    asks: str | None = None
    corrected: bool = False
    """Its sentence corrects itself ("thirty days, sorry, ten days"): the last value said counts."""
    spared: bool = False
    """The person is told not to do it themselves ("you don't need to go over or call them out yourself", "no going
    over there"): no refusal of what the agency does, and nothing left to them."""

    @property
    def padded(self) -> str:
        return f" {self.norm} "

    @property
    def core(self) -> str:
        """The clause without its leading fillers ("and", "okay", "ma'am")."""
        return _core(self.norm)

    @property
    def says_no(self) -> str | None:
        return self.refused or self.negated

    def why(self) -> list[str]:
        """What the clause was read as, with the words that decided it."""
        marks = [
            ("negated", self.negated),
            ("refusal", self.refused),
            ("conditional", self.conditional),
            ("later", self.later),
            ("now", self.now),
            ("elsewhere", self.elsewhere),
            ("asks back", self.asks),
        ]
        found = [f"{name} ({words!r})" for name, words in marks if words]
        if self.question:
            found.insert(0, "question")
        if self.spared:
            found.append("keeps them out of it")
        if self.actor:
            found.append(f"acts: {self.actor}")
        return found or ["statement"]


@lru_cache(maxsize=8192)
def read(message: str) -> tuple[Clause, ...]:
    """Every clause of the message, in order, read for meaning."""
    clauses: list[Clause] = []
    for sentence in split_sentences(message):
        parts = _split(sentence.marked)
        asked = _asking(sentence.original, sentence.is_question)
        sentence_clauses = [_clause(sentence.original, words, len(clauses) + i, asked) for i, words in enumerate(parts)]
        if asked and not any(c.question for c in sentence_clauses):
            at = _asked_at(sentence_clauses)  # "You're at home, right?"; "Your number, so the deputy can call you?"
            sentence_clauses[at] = _with(sentence_clauses[at], question=True)
        if asked:  # "What would you do if one caught fire?", "How'd she send it, gift cards, wire?"
            sentence_clauses = _question_parts(sentence_clauses)
        sentence_clauses = _conditions(sentence_clauses)
        if len(sentence_clauses) > 1 and any(WORDS["corrections"].starts(f" {c.core} ") for c in sentence_clauses[1:]):
            sentence_clauses = [_with(c, corrected=True) for c in sentence_clauses]
        if clauses and sentence_clauses and sentence_clauses[0].norm.split()[0] == "then":
            sentence_clauses = _carried(clauses[-1], sentence_clauses)
        sentence_clauses = _spared(sentence_clauses)
        clauses += sentence_clauses
    return tuple(_they_resolved(clauses))


def _they_resolved(clauses: list[Clause]) -> list[Clause]:
    """ "They" acts as the party named last: one of ours ("the property unit ... they'll call the owner")
    is the agency, anyone else ("your daughter ... they can pick you up") is another party."""
    party = ""
    resolved = []
    for c in clauses:
        if c.actor == "" and WORDS["they"].starts(f" {c.core} ") and party:
            c = _with(c, actor=party)
        elif party == "other" and WORDS["someone"].starts(f" {c.core} "):
            c = _with(c, actor="other")  # "call your daughter ... someone will come get you": she will
        elif c.elsewhere or c.actor == "person":
            party = "other"  # "call dispatch and they will send a unit": the person makes it happen
        elif c.actor == "agency" or not frozenset(c.norm.split()).isdisjoint(WORDS["agency_nouns"].wordings):
            party = "agency"
        resolved.append(c)
    return resolved


_SPARED = re.compile(
    r"^(?:(?:and|so|but|just|please|also|okay|ok|now)\s+)*(?:(?:you|u|y'all) (?:don't|do not|dont|shouldn't|should not|"
    r"won't|will not|never)\s+|(?:don't|do not|dont|never)\s+|no need to\s+)(?:need to |have to |gotta |want to )?"
    r"(?:go|talk|confront|approach|knock|handle|deal|try|ask|head|walk|drive|engage)\b|"  # not "don't call 911"
    r"^(?:(?:and|so|but|just|please)\s+)*no (?:going|talking|confronting|knocking|heading)\b"
)


def _spared(clauses: list[Clause]) -> list[Clause]:
    """The clauses that tell the person not to do it themselves, with an "or ..." that goes on from one ("you don't
    need to go over or call them out yourself")."""
    out: list[Clause] = []
    for c in clauses:
        spared = bool(_SPARED.match(c.norm)) or bool(out and out[-1].spared and c.norm.startswith("or "))
        out.append(_with(c, spared=True) if spared and c.actor != "agency" else c)
    return out


def _carried(before: Clause, clauses: list[Clause]) -> list[Clause]:
    """ "Come back with someone who can translate. Then we'll do the report.": the condition or delay carries on."""
    if not (before.conditional or before.later):
        return clauses
    return [_with(c, conditional=c.conditional or before.conditional, later=c.later or before.later) for c in clauses]


def after_correction(norm: str) -> str:
    """The words after a correction inside the clause ("30 days its actually 21 days" -> "21 days"), or all."""
    padded = f" {norm} "
    found = [(padded.find(f" {w} "), w) for w in WORDS["corrections_anywhere"].wordings if f" {w} " in padded]
    if not found:
        return norm
    at, w = min(found)
    return padded[at + len(w) + 2 :].strip()


def _asking(original: str, is_question: bool) -> bool:
    """A question: its mark decides when it has one ("Should be ready within a week." is not);
    unpunctuated, its opening words do ("did you want to call 911")."""
    if "?" in original:
        return True
    return is_question and not original.rstrip().endswith((".", "!"))


def _asked_at(clauses: list[Clause]) -> int:
    """Which clause a question mark asks, when none starts as a question: the last, unless it only says what the
    asking is for ("your name and phone number, so the deputy can call you after?": the name and number)."""
    last = len(clauses) - 1
    return last - 1 if last and clauses[last].norm.startswith(("so ", "so that ")) else last


QUESTION_LIST_WORDS = 3
"""Short pieces after a question are its options ("gift cards, wire?"), not statements."""


def _question_parts(clauses: list[Clause]) -> list[Clause]:
    parts, asking = [], False
    for c in clauses:
        asking = asking or c.question
        part_of = WORDS["conditions"].starts(f" {c.core} ") or (asking and len(c.norm.split()) <= QUESTION_LIST_WORDS)
        parts.append(_with(c, question=True) if part_of and not c.question else c)
    return parts


def _split(marked: str) -> list[str]:
    """A sentence's words cut into clauses: at clause marks, before openers and "and"/"or" + subject."""
    parts: list[str] = []
    for chunk in _numbers_joined(marked.split(" ,")):
        tokens = chunk.split()
        start = 0
        for i in range(1, len(tokens)):
            if i > start and _opens(tokens, i) and not (tokens[i - 1] in _JOINS and i - 1 >= start):
                parts.append(" ".join(tokens[start:i]))
                start = i
        if start < len(tokens):
            parts.append(" ".join(tokens[start:]))
    return [p for p in parts if p.strip(" ?!")]


_JOINS = frozenset(("and", "or", "but", "so"))


def _numbers_joined(chunks: list[str]) -> list[str]:
    """ "(562) 555-0181" is cut at its brackets: a piece that starts with a digit goes with the one before; so does
    a number said in words, group by group ("five six two, five five five, oh one seven oh")."""
    joined: list[str] = []
    for chunk in chunks:
        first = chunk.split()[:1]
        spoken = joined and _digits_said(chunk.split()) and _digits_said(joined[-1].split()[-3:])
        if joined and first and (first[0].isdigit() or spoken):
            joined[-1] += " " + chunk.strip()
        else:
            joined.append(chunk)
    return joined


def _digits_said(tokens: list[str]) -> bool:
    """Three or four digits said as words, and nothing else ("five five five", "oh one seven oh")."""
    return len(tokens) in (3, 4) and all(t in DIGIT_WORDS and t != "o" for t in tokens)


def _opens(tokens: list[str], i: int) -> bool:
    """Does a clause start at token i: an opener, or "and"/"or" before a subject or an opener?"""
    rest = " " + " ".join(tokens[i:]) + " "
    if len(tokens) - i < 2:
        return False  # "... take the complaint then": a last word opens nothing
    if tokens[i] == "if" and WORDS["whether"].find(f" {tokens[i - 1]} ", frozenset(tokens[i - 1 : i])):
        return False  # "I'll see if anyone has called in": whether, not a condition
    if tokens[i] in _JOINS:
        after = " " + " ".join(tokens[i + 1 :]) + " "
        return bool(WORDS["subjects"].starts(after) or WORDS["clause_openers"].starts(after))
    return WORDS["clause_openers"].starts(rest) is not None


def _clause(sentence: str, norm: str, position: int, question_sentence: bool) -> Clause:
    padded = f" {norm} "
    words = frozenset(norm.split())
    plain = _without_past_nobody(_without(padded, WORDS["not_negations"], words))
    core = _core(norm)
    if WORDS["conditions"].starts(f" {core} "):
        plain = _without(plain, WORDS["negators"], frozenset(plain.split()))  # "if he doesn't..." sets a condition
    plain_words = frozenset(plain.split())
    question = question_sentence and (bool(QUESTION_START.match(core)) or core.startswith(_WH))
    elsewhere = WORDS["elsewhere"].find(padded, words)
    return Clause(
        sentence=sentence,
        norm=norm,
        position=position,
        question=question,
        negated=WORDS["negators"].find(plain, plain_words),
        refused=WORDS["refusals"].find(plain, plain_words),
        later=WORDS["later"].find(_without(padded, WORDS["not_later"], words), words),
        now=WORDS["now"].find(padded, words),
        actor=_actor(core, elsewhere),
        elsewhere=elsewhere,
        asks=WORDS["asks"].find(padded, words) if question else None,
    )


_WH = (
    "what ",
    "which ",
    "where ",
    "when ",
    "who ",
    "how ",
    "why ",
    "how'd ",
    "what's ",
    "where's ",
    "when's ",
    "who's ",
    "how's ",
    "what'd ",
    "where'd ",
    "how're ",
    "what're ",
)
_LEADS = frozenset(WORDS["fillers"].wordings)


def _core(norm: str) -> str:
    """The clause without its leading fillers and conjunctions, and without a frame that only says a step follows
    ("so what happens is I pass it to the watch commander": the desk passes it on)."""
    tokens = norm.split()
    i, doer = 0, ""
    while i < len(tokens) - 1:
        frame = WORDS["step_frames"].starts(f" {' '.join(tokens[i:])} ")
        if tokens[i] not in _LEADS and not (frame and len(frame.split()) < len(tokens) - i):
            break
        doer = _DOERS.get(next((w for w in (frame or "").split() if w in _DOERS), ""), doer)
        i += len(frame.split()) if frame else 1
    rest = tokens[i:]
    if doer and rest and rest[0] not in _SUBJECTS:  # "what i'll do is pass this to his supervisor": I'll pass it
        rest = [doer, *rest]
    return _after_reason(rest)


_DOERS = {"i'll": "i'll", "i": "i'll", "we'll": "we'll", "we": "we'll"}
"""The doer a step frame names ("what I'll do is ..."): the step that follows is the desk's, not an order."""
_SUBJECTS = frozenset("i i'll i'm we we'll we're you you'll they they'll he she it the our a".split())


def _after_reason(tokens: list[str]) -> str:
    """The clause proper after a reason said with no comma ("since there's an ID we'll contact the owner": "we'll
    contact the owner"; "since the ID's in there the property unit will ...": "the property unit will ..."): who
    does it is the subject of the clause, not of its reason. Without such a subject, the clause as it is."""
    lead = WORDS["reason_leads"].starts(f" {' '.join(tokens)} ")
    if not lead:
        return " ".join(tokens)
    for i in range(len(lead.split()) + 1, len(tokens) - 1):
        rest = f" {' '.join(tokens[i:])} "
        subject = WORDS["main_subjects"].starts(rest)
        if subject in ("our", "the"):  # "the property unit will": one of ours by name, soon after
            subject = subject if not set(tokens[i + 1 : i + 3]).isdisjoint(WORDS["agency_nouns"].wordings) else None
        if subject:
            return " ".join(tokens[i:])
    return " ".join(tokens)


def _without(padded: str, cls: WordClass, words: frozenset[str]) -> str:
    """The clause with every wording of `cls` blanked out."""
    while (found := cls.find(padded, words)) is not None:
        padded = padded.replace(f" {found} ", " ~ ", 1)
        words = frozenset(padded.split())
    return padded


def _actor(core: str, elsewhere: str | None) -> str:
    """Who does it: the person told to (an imperative, "you can..."), the agency, or another party."""
    padded = f" {core} "
    if WORDS["together"].find(padded, frozenset(core.split())):
        return "agency"
    rest = padded
    while (lead := WORDS["person_leads"].starts(rest)) is not None:
        rest = rest[len(lead) + 1 :]
        if lead in ("you'll", "you will") and WORDS["receive_verbs"].starts(rest):
            break  # "you'll get a report number": they receive it
        if WORDS["person_verbs"].starts(rest):
            return "person"
    if WORDS["person_verbs"].starts(padded) and len(core.split()) > 1:
        return "person"  # an imperative ("Call your bank."); a bare "Report." is a fragment
    if WORDS["agency"].starts(padded):
        return "agency"
    opening = core.split()[:4]
    stating = any(t.isdigit() for t in core.split())  # "our mental health team is 555-0190" gives a number
    named = not set(opening).isdisjoint(WORDS["agency_nouns"].wordings)
    if opening and opening[0] not in ("you", "your") and named and not stating:
        return "agency"  # "a Spanish-speaking deputy will come", "the crisis team is on"
    return "other" if elsewhere else ""


def _is_past(word: str) -> bool:
    return word in WORDS["past_forms"].wordings or (len(word) > 4 and word.endswith("ed"))


def _without_past_nobody(plain: str) -> str:
    """The clause without a "nobody" or "no one" that says what happened ("sorry nobody walked you through it")."""
    tokens = plain.split()
    for i, token in enumerate(tokens):
        width = 2 if tokens[i : i + 2] == ["no", "one"] else 1 if token == "nobody" else 0
        if width and i + width < len(tokens) and _is_past(tokens[i + width]):
            tokens[i : i + width] = ["_"] * width
    return f" {' '.join(tokens)} "


def _premise(clause: Clause) -> bool:
    """ "If one of our deputies treated you badly": what already happened, not a condition on what we do."""
    words = clause.norm.split()
    hypothetical = WORDS["hypothetical_marks"].find(clause.padded, frozenset(words))
    return hypothetical is None and any(_is_past(w) for w in words[1:])


def _conditions(clauses: list[Clause]) -> list[Clause]:
    """Mark the condition and its consequence, and what a call-back puts off, in one sentence."""
    marked = list(clauses)
    for i, c in enumerate(clauses):
        core = f" {_core(c.norm)} "
        cond = WORDS["conditions"].starts(core)
        if cond is None or WORDS["polite_ifs"].starts(core) or (cond == "if" and _premise(c)):
            continue  # "..., if that's okay with you" asks leave; it sets no condition
        marked[i] = _with(marked[i], conditional=cond)
        joined = c.norm.split()[0] in _JOINS  # "..., and if he comes back call 911": its own consequence
        first = i == 0 or joined  # "If X, Y" / "..., and if X, Y"; else "Y if X"
        consequence = (i + 1 if i + 1 < len(clauses) else -1) if first else i - 1
        if consequence >= 0:
            marked[consequence] = _with(marked[consequence], conditional=cond)
            for j in range(consequence + 1, len(clauses)):  # "..., call us back and we'll send someone"
                if clauses[j].norm.split()[0] not in ("and", "then", "or"):
                    break
                marked[j] = _with(marked[j], conditional=cond)
    deferred = next((c.later for c in marked if c.later and "back" in c.later and not c.negated), None)
    if deferred:  # "call us back tomorrow and we'll send someone" puts it off; "this isn't a call-back thing" does not
        start = next(i for i, c in enumerate(marked) if c.later == deferred)
        marked[start:] = [c if c.later or c.now else _with(c, later=deferred) for c in marked[start:]]
    return marked


def _with(clause: Clause, **changes: str | bool | None) -> Clause:
    data = clause.__dict__ | changes
    return Clause(**data)
