"""What the persona knows beyond a topic's lines: the line of its own that speaks to a question no topic names,
and yes or no read off that line.

"Is the car at your house?" names no topic the persona has (a weak "car" is no plate), but its line "On Elm
Street, right in front of my house." answers it, with a yes; "Did you get any camera footage?" is answered by
"My neighbor might have a camera, though.". A line shares the question's own words (a few kinship and family
words count as one: "mom" is "mother"), never only its small words ("still", "anyone", "right now").
"""

from __future__ import annotations

import random
import re

from bot.grading.text import split_sentences
from bot.practice.asking import REQUEST, either_or, plain, self_asked, yes_no
from bot.practice.lines import Lines
from bot.practice.said_once import said_key
from bot.practice.stock_lines import DONT_KNOW, SAID_BEFORE, SELF_ANSWERS, SELF_REGISTERS
from bot.practice.visitor import Visitor
from bot.practice.wording import pairs, pattern, patterns, words
from bot.scenarios.format import Scenario
from bot.scenarios.intents import asked_words
from bot.scenarios.persona import PHONE

_QUIET = frozenset(words("quiet_words"))
"""Words of a question too common to tie it to a line."""
_SAME = pairs("same_meaning")
"""Words of one meaning: "your mom" is answered by the line about "my mother"."""
_WORD = re.compile(r"[a-z][a-z']+")
# A line that opens with its answer, a word that denies, and a line that says its yes or no in its first
# sentences ("Serial... no. Photo, yes."): bot/practice/phrases/answering.yaml.
_OPENS_WITH_ANSWER, _NEGATIVE, _SAYS_IT, _YES_NO = patterns("opens_with_answer negative says_yes_or_no yes_no_opener")
ENOUGH = 4
"""A line must share this much of the question (letters of shared words) to speak to it."""
_COVERED = 0.5
"""... and at least this share of the question's own words: "a key to her house" is not answered by "the blue house"."""
# Over the lower-case question: phrases that say nothing of what it asks, and whom it is about; over a line, in
# any case: whom the line is about.
_SET_PHRASES, _ABOUT_YOU, _ABOUT_OTHER = patterns("set_phrase about_you about_other", 0)
_FIRST_PERSON, _THIRD_PERSON, _VOCATIVE = patterns("first_person third_person vocative")


def stem(word: str) -> str:
    """A word without its ending ("parked", "parking": "park"; "photos": "photo"); "driver" stays "driver"."""
    word = _SAME.get(word, word).removesuffix("'s")
    for ending, instead in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3 and not word.endswith("ss"):
            word = word[: -len(ending)] + instead
            break
    return word.removesuffix("e") if len(word) > 3 else word


def words_of(text: str) -> set[str]:
    """Every word of a text without its ending, small words too ("I already called them": "call")."""
    return {stem(w.strip("'")) for w in _WORD.findall(text.lower())}


def stems(text: str) -> dict[str, int]:
    """The words of a text that can tie a question to a line, without their endings, with their length."""
    found: dict[str, int] = {}
    for word in _WORD.findall(_SET_PHRASES.sub(" ", text.lower())):
        word = word.strip("'")
        same = _SAME.get(word, word)
        if len(word) >= 3 and word not in _QUIET and same not in _QUIET:
            key = stem(word)
            found[key] = max(found.get(key, 0), len(same))
    return found


def shared(question: str, line: str) -> int:
    """How much of the question the line speaks to: the letters of the words they share."""
    asked = stems(question)
    return sum(asked[w] for w in asked.keys() & stems(line).keys())


def best(question: str, lines: list[str]) -> tuple[int, str]:
    """The line that speaks most to the question, with its score (0, "" when none does): it shares enough of the
    question's own words, and speaks of the one asked about ("Is she usually home?" is not answered by "I'm home
    until tomorrow.")."""
    question = plain(question)
    whole = sum(stems(question).values()) or 1
    scored = [(shared(question, line), -i, line) for i, line in enumerate(lines) if _same_person(question, line)]
    top = max(scored, default=(0, 0, ""))
    return (top[0], top[2]) if top[0] >= ENOUGH and top[0] / whole >= _COVERED else (0, "")


def _same_person(question: str, line: str) -> bool:
    """A question about the visitor is answered by a line about itself; one about someone else by a line about
    someone else."""
    if _ABOUT_OTHER.search(question):
        return bool(_THIRD_PERSON.search(line)) or not _FIRST_PERSON.search(line)
    if _ABOUT_YOU.search(question):
        return bool(_FIRST_PERSON.search(line)) or not _THIRD_PERSON.search(line)
    return True


def says_yes_or_no(line: str) -> bool:
    """The line already opens with its yes or no, or with an answer as good ("Nobody's around.", "I think so.")."""
    return bool(_OPENS_WITH_ANSWER.match(line.strip()))


def with_yes_or_no(line: str, either: bool = False, question: str = "") -> str:
    """The line with "Yes." or "No." first ("No. I didn't see anyone."), read off what it says of the question's
    own words: "No." when one of them is denied ("no key", "nobody"), "Yes." when it is spoken of plainly ("Her
    car hasn't moved. It's right there." says yes to "is her car there?"). An either-or question ("across the
    street, or next to you?"), a line that opens with its answer or says yes or no itself, and one that does not
    speak of what was asked ("It's just me." to "Are you alone?") get none."""
    if either or not line or says_yes_or_no(line) or _SAYS_IT.search(line[:40]):
        return line
    asked = set(stems(question)) if question else set()
    if PHONE.search(line) and asked & {stem("number"), stem("phone"), stem("cell")}:
        return line  # "Is there a safe number?": the number is the answer ("... He doesn't know this number.")
    plain, denied = 0, 0
    for sentence in split_sentences(line):
        words = _WORD.findall(sentence.original.lower())
        for i in (i for i, w in enumerate(words) if stem(w) in asked):
            if _NEGATIVE.search(" ".join(words[max(0, i - 3) : i + 1])):
                denied += 1
            else:
                plain += 1
    if not plain and not denied:
        return line  # it does not speak of what was asked: no yes or no to guess
    if _THERE_ASKED.search(question) and _ELSEWHERE.search(line) and "home" not in line.lower():
        return f"No. {line}"  # "any kids at home?" "My son is with my sister.": not there
    return f"{'No.' if denied >= plain else 'Yes.'} {line}"  # "walking home ... I can't find my street": no


_THERE_ASKED = re.compile(r"\b(?:at home|in the house|at the house|home with you|there with you|with you)\b")
_ELSEWHERE = re.compile(r"\b(?:is|are|'s|'re)(?: \w+)? (?:with|at) (?:my|her|his|their|our|the|school|work)\b", re.I)
"""Asked whether someone is there ("any kids at home?"), an answer that puts them elsewhere ("with my sister")."""


_DID = pattern("did_you")


def _did_it(part: str, visitor: Visitor) -> bool:
    """The visitor has already said it did what it is asked about ("I've been calling everywhere" before "Have
    you called anyone else?")."""
    verb = _DID.match(plain(part))
    if not verb:
        return False
    done = re.compile(rf"\bi(?:'ve| have)?(?: already| been| just)* {re.escape(stem(verb.group(1))[:4])}\w*")
    return any(done.search(k) for k in visitor.heard if k.startswith("said:"))


_WHO_I_AM = frozenset({"name", "callback"})


class Knowing:
    """Answers a yes-or-no question no topic of the persona's names (shared by all attempts at one scenario)."""

    def __init__(self, scenario: Scenario, lines: Lines) -> None:
        self.scenario = scenario
        self.lines = lines

    def known(self, visitor: Visitor) -> list[str]:
        """Every line of the persona's facts and details, for the visitor's mood, filled in; its name and number
        only answer a question for them ("how many accounts?" shares "account" with "the name on the account")."""
        facts = [lines for topic, lines in self.scenario.persona_facts.items() if topic not in _WHO_I_AM]
        groups = [*facts, *(d.say for d in self.scenario.persona_details if d.known)]
        return [self.lines.render(c.text, visitor) for group in groups for c in self.lines.candidates(group, visitor)]

    def yes_or_no(
        self, visitor: Visitor, part: str, preview: str, topic_words: list[str] | None = None
    ) -> tuple[str, bool] | None:
        """Yes or no to a question no detail or topic of the persona's answers outright, with whether it was given
        before: what it said before, a stock answer about itself ("No, it's just me."), its own line that speaks
        to it ("Yes. On Elm Street, right in front of my house."), or an honest "I'm not sure". None when a topic
        the question may mean (`preview`, its line; `topic_words`, the words that name it) answers it better than
        any other line."""
        topic_words = topic_words or []
        key = "yn:" + (self_asked(part) or " ".join(sorted(stems(part))) or part)
        before = next((k for k in visitor.heard if k.startswith(key + "|")), None)
        if before is not None:
            return before.removeprefix(key + "|"), True
        kind = self_asked(part)
        if kind is not None and kind != "request":  # "Can you still drive it?" asks no favour
            did = kind in ("tried", "not_yet") and _did_it(part, visitor)
            line = self._stock(visitor, "done" if did else kind)
        else:
            score, line = best(part, self.known(visitor))
            if preview and not shared(part, preview) and set(stems(part)) - set(stems(" ".join(topic_words))):
                preview = ""  # "was the car locked?" is not answered by the car's plate
            if preview and shared(part, preview) >= score:
                return None
            line = with_yes_or_no(line, either_or(part), part) if line else ""
            line = line or self._unknown(visitor, key)
        visitor.heard.add(f"{key}|{line}")
        return line, False

    def open_answer(self, visitor: Visitor, part: str) -> tuple[str, bool] | None:
        """A question no topic or detail answers ("which Safeway?"): the persona's line that speaks to it, "Sure."
        to a request of it ("Can you hold on a sec?"), or None (the engine's own reply then)."""
        if REQUEST.match(plain(part)) and self_asked(part) in ("request", "able"):
            return self._stock(visitor, self_asked(part) or "request"), False  # "Can you stay a few minutes?"
        score, line = best(part, self.known(visitor))
        return (line, False) if score > ENOUGH else None

    def unknown(self, line: str, visitor: Visitor) -> bool:
        """The line is an honest "I don't know" (the persona's own or a plain one), said as a repeat or not."""
        said = next((line[len(p) :].strip() for p in SAID_BEFORE if line.startswith(p)), line)
        lines = self.lines.candidates(self.scenario.persona_unknown or DONT_KNOW, visitor)
        known = {self.lines.render(c.text, visitor) for c in [*lines, *self.lines.candidates(DONT_KNOW, visitor)]}
        return line in known or said[:1].upper() + said[1:] in known

    def _unknown(self, visitor: Visitor, key: str) -> str:
        """An honest "I'm not sure", one not said before in the call: the persona's own, else a plain one."""
        own = self.lines.candidates(self.scenario.persona_unknown or DONT_KNOW, visitor)
        for group in (own, self.lines.candidates(DONT_KNOW, visitor)):
            lines = [self.lines.render(c.text, visitor) for c in group]
            fresh = [x for x in lines if all(said_key(s.original) not in visitor.heard for s in split_sentences(x))]
            if fresh:
                return random.Random(f"{visitor.seed}:{visitor.turn}:{key}").choice(fresh)
        return random.Random(f"{visitor.seed}:{visitor.turn}:{key}").choice(lines)

    def _stock(self, visitor: Visitor, kind: str) -> str:
        return self_answer(self.scenario.persona_register, visitor.seed, kind)


def self_answer(register: str, seed: int, kind: str) -> str:
    """The visitor's stock answer to a question about itself of that kind ("Is anyone with you?"), in its register
    (bot/practice/phrases/stock_lines.yaml, self_answers.*), the same all call."""
    table = {**SELF_ANSWERS, **SELF_REGISTERS.get(register, {})}
    return random.Random(f"{seed}:{kind}").choice(table[kind])


def yes_or_no_first(text: str, question: str, topic: str) -> str:
    """Yes or no first to a yes-or-no question, by the line that names what was asked ("Do you have the plate?"
    "Yes. Plate 6TRM441."); none to what the answer omits, nor to a request ("Can I get your name?")."""
    if not yes_no(question) or _YES_NO.match(text.lstrip(". ")):
        return text
    words = [w for w in asked_words(question, topic) if len(w) > 2]
    naming = next(
        (
            x.original
            for x in split_sentences(text)
            if any(re.search(rf"\b{re.escape(w)}", x.original, re.IGNORECASE) for w in words)
        ),
        None,
    )
    if naming is None:
        return text
    return with_yes_or_no(text, either_or(question), " ".join(words))  # "Her car hasn't moved" is no "No."


def bare_yes_or_no(sentence: str) -> bool:
    """A sentence that only says yes or no, perhaps to someone ("No, dear.")."""
    opener = _YES_NO.match(sentence)
    return bool(opener) and not _VOCATIVE.sub("", sentence[opener.end() :]).strip(" .!,")
