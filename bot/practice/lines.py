"""The visitor's lines for one scenario: chosen, filled in, and never said twice.

A line is chosen for the visitor's mood, the same one for the same seed and turn, and its pool
placeholders are filled from this attempt's draw. Before it is said it loses what the visitor must
not say (a question just answered, a value it was never told), what it said before in the call,
and what does not fit the call (an apology from a visitor who never got heated). The engine
decides what to say; this module decides how it comes out.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from typing import Any

from bot.grading.text import split_sentences
from bot.practice.corrections import correction_noted, put_right
from bot.practice.hearing import (
    ACKNOWLEDGED,
    told_sentences,
    without_answered_questions,
    without_offered_details,
    without_questions_just_answered,
    without_untold_values,
)
from bot.practice.others import misnamed, misnamed_deputy, misnumbered, misplaced, misplated
from bot.practice.said_once import content_words, distinct, once_each, said_key, streets_once
from bot.practice.stock_lines import (
    AGAIN,
    COMMON_SAID_BEFORE,
    GENTLE_SAID_BEFORE,
    LIMITED_SAID_BEFORE,
    NOTHING_ELSE,
    NUDGES,
    REGISTERS,
    SAID_BEFORE,
)
from bot.practice.visitor import Visitor
from bot.practice.wording import pattern, patterns, words
from bot.scenarios.format import Line, Scenario, State

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?:\.([a-z_][a-z0-9_]*))?\}")
_SENTENCE_START = re.compile(r"(^|[.!?]\)?\s+|^\(|[:\u2014]\s+[\"\u201c]?)$")
_COMMON_OPENERS = frozenset(words("common_openers"))
"""First words of a line that are no name, so they lose their capital after "Like I said,"."""
_CAPITALISED_OPENERS = frozenset(w.capitalize() for w in _COMMON_OPENERS if w not in ("i", "i've"))
"""A pool value's first word that is capitalised only to open a sentence ("In my driveway")."""


_SENTENCE_WORDS = frozenset(
    "the then it its they he she we you i a an and but so this that there my his her our your their if when".split()
)


_PROPER_NAME = re.compile(r"\b[A-Z][\w'-]+(?: (?:of |de |the )?[A-Z][\w'-]+)+")
"""A name of two capitalised words or more ("Valley Tow", "County Administration Building")."""
_LOWER_WORD = re.compile(r"\b[a-z]")
_LEADING_STAGE = re.compile(r"^(?:\([A-Za-z][^()]*\)\s*)+")
"""The stage directions a line opens with ("(Asks mother.)")."""


class Lines:
    """Chooses and shapes the visitor's lines for one scenario (shared by all its attempts)."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.names = frozenset(
            word
            for value in [scenario.persona_name, *(v for values in scenario.pools.values() for v in values)]
            for text in (value.values() if isinstance(value, Mapping) else [value])
            for word in re.findall(r"[A-Z][\w-]+", str(text))
            if word.lower() not in _SENTENCE_WORDS  # "They said ..." in a pool value: no name
        )
        """Capitalised words of the persona's names and pool values: a name keeps its capital after "Like I said"."""
        self.proper = {
            found.group(0).lower(): found.group(0)
            for _, value in scenario.desk_reference
            for found in _PROPER_NAME.finditer(value)
        }
        """The desk reference's names ("Valley Tow", "Industrial Way"): said back as named, however they were typed."""
        self._pool_offsets = {
            name: random.Random(f"{scenario.id}:pool:{name}").randrange(len(values))
            for name, values in scenario.pools.items()
        }
        """Where each pool's draw starts (seed 0), fixed per scenario: the seed moves it along."""

    def details(self, visitor: Visitor) -> dict[str, Any]:
        """This attempt's draw from each pool: derived from the seed, so never saved; the next seed draws the next
        value of every pool, so two seeds in a row never share a name, a number or a description."""
        if visitor.details is None:
            visitor.details = {
                name: values[(self._pool_offsets[name] + visitor.seed) % len(values)]
                for name, values in self.scenario.pools.items()
            }
        return visitor.details

    def persona_name(self, visitor: Visitor) -> str:
        return self.render(self.scenario.persona_name, visitor)

    def render(self, text: str, visitor: Visitor) -> str:
        """Fill pool placeholders ({child}, {child.his}); a value opening a sentence gets a capital."""
        if not self.scenario.pools:
            return text
        details = self.details(visitor)

        def fill(m: re.Match[str]) -> str:
            value = details.get(m.group(1))
            if value is None:
                return m.group(0)
            if isinstance(value, Mapping):
                value = value.get(m.group(2) or "name", m.group(0))
            value = str(value)
            if _SENTENCE_START.search(text[: m.start()]):
                value = value[:1].upper() + value[1:]
            elif value.split(" ", 1)[0] in _CAPITALISED_OPENERS:  # "It was In the Vons lot": "in" mid-sentence
                value = value[:1].lower() + value[1:]
            return value

        return _PLACEHOLDER.sub(fill, text)

    def candidates(self, lines: tuple[Line, ...], visitor: Visitor) -> list[Line]:
        if any(line.told for line in lines):  # "(The crisis counselor joins the line.)" only once one was called
            said = " ".join(k.split(":", 1)[1] for k in visitor.heard if k.startswith("told-me:")).lower()
            fit = tuple(x for x in lines if not x.told or any(re.search(rf"\b{re.escape(w)}", said) for w in x.told))
            lines = _last_named(fit, visitor.message.lower()) or fit or lines
        for_mood = [line for line in lines if visitor.mood in line.moods]
        general = [line for line in lines if not line.moods]
        return for_mood or general or list(lines)

    def pick(self, lines: tuple[Line, ...], visitor: Visitor, salt: str = "") -> str:
        """Choose a line for the visitor's mood, the same one for the same seed and turn."""
        candidates = self.candidates(lines, visitor)
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:{visitor.state}{salt}")
        return self.render(rng.choice(candidates).text, visitor)

    def led(self, prefix: str, line: str) -> str:
        """The line after a repeat's opener, its stage direction first ("(Asks mother.) Like I said, she's okay.")."""
        stage = _LEADING_STAGE.match(line)
        if stage and line[stage.end() :].strip():
            return f"{stage.group(0).strip()} {prefix} {self.decap(line[stage.end() :].lstrip())}"
        return f"{prefix} {self.decap(line)}"

    def decap(self, text: str) -> str:
        """The line to follow "Like I said,": a common first word lower-cased ("Plate 7HWD310" too), a name
        ("Harbor View Drive", "Jamal's birthday") kept; a read-back's own "So," left out ("Like I said, Tuesdays")."""
        text = text.removeprefix("So, ")
        words = text.split(" ", 2)
        first = words[0].strip(",.!?")
        following = words[1] if len(words) > 1 else ""
        pronoun = following.strip(",.!?") == "I" or following.startswith("I'")  # "If I have...", "When I'm..."
        plain = following[:1].islower() or following[:1].isdigit() or pronoun
        if first == "I" or first.startswith("I'") or _CALENDAR.match(first):
            return text  # "I ...", "Tuesdays and Thursdays" keep their capital
        common = first.lower().split("-")[0] in _COMMON_OPENERS
        if common or plain and first.split("'")[0] not in self.names:
            return text[:1].lower() + text[1:]
        return text

    @property
    def said_before(self) -> tuple[str, ...]:
        """The openers of a repeat in the persona's voice: a frightened, confused, limited-English or young visitor
        says "Like I said,", never a curt "Again," or "As I said,"."""
        register = self.scenario.persona_register
        if register == "limited":
            return LIMITED_SAID_BEFORE
        confused = any(not d.known for d in self.scenario.persona_details)  # the lost elderly caller: never curt
        return GENTLE_SAID_BEFORE if register in REGISTERS or confused else COMMON_SAID_BEFORE

    def said_again(self, line: str, visitor: Visitor) -> str:
        """The line said as a repeat ("Like I said, ..."); a value read back without its own "you said"."""
        prefix = random.Random(f"{visitor.seed}:{visitor.turn}:said").choice(self.said_before)
        return self.led(prefix, _READ_BACK_TAIL.sub(".", line))

    def voice(self, name: str, table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        """A table of stock lines in the persona's register: a frightened caller says "Okay. I understand.", not
        "Yeah, I follow."; the limited-English visitor "Yes. I understand." (`persona.register`)."""
        voiced = REGISTERS.get(self.scenario.persona_register, {}).get(name)
        return {**table, **voiced} if voiced else table

    def nudge(self, visitor: Visitor, state: State) -> str:
        """A trainee going in circles: the visitor says so, in their own voice (the edge offers /hint beside it)."""
        if state.nudge:
            return self.pick(state.nudge, visitor)
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:nudge")
        ask = self.open_ask(visitor, state)
        return f"{rng.choice(NUDGES)} {ask}"

    def open_ask(self, visitor: Visitor, state: State) -> str:
        """One of the state's lines that the visitor can still say whole: what it still needs."""
        lines = (
            tuple(x for x in state.idle or state.lines if not _STILL_THERE.search(x.text)) or state.idle or state.lines
        )
        first = self.pick(lines, visitor)  # never "Hello, are you there?" straight after the desk spoke
        if self.filtered(first, visitor) == first:
            return first
        others = [self.render(c.text, visitor) for c in self.candidates(lines, visitor)]
        return next((o for o in others if self.filtered(o, visitor) == o), first)

    def fresh(self, line: str, visitor: Visitor, lines: tuple[Line, ...]) -> str:
        """Never the line just said: another variant, or the same point rephrased."""
        if line != visitor.last_line:
            return line
        others = [self.render(c.text, visitor) for c in self.candidates(lines, visitor)]
        others = [o for o in others if o != visitor.last_line]
        if others:
            return random.Random(f"{visitor.seed}:{visitor.turn}:fresh").choice(others)
        prefix = random.Random(f"{visitor.seed}:{visitor.turn}:again").choice(AGAIN)
        return self.led(prefix, line)

    def filtered(self, line: str, visitor: Visitor) -> str:
        """The line less what the visitor must not say: a question about what it was just told, a value it was
        never told, an offer of a detail it already gave."""
        known = visitor.facts | visitor.believed  # a wrong value told is as good as told: never asked for again
        line = without_answered_questions(line, self.scenario.fact_rules, known, visitor.seed)
        line = without_untold_values(line, self.scenario.fact_rules, frozenset(visitor.heard), visitor.seed)
        told = [k.split(":", 1)[1] for k in visitor.heard if k.startswith(("told-me:", "offered:"))]
        told += [k.split(":", 4)[4] for k in visitor.heard if k.startswith("plan:")]  # "there's a charger right here"
        asked = without_offered_details(
            without_questions_just_answered(without_echo(line, visitor.message), " ".join([visitor.message, *told])),
            frozenset(visitor.heard),
            visitor.seed,
        )
        return without_lead_ins(line, without_answered_before(asked, visitor), visitor.seed)

    @staticmethod
    def _all_said(line: str, visitor: Visitor) -> bool:
        return all(said_key(x.original) in visitor.heard for x in split_sentences(line))

    def speakable(self, line: str, visitor: Visitor, state: State, names: frozenset[str]) -> str:
        """The line as filtered; when nothing of it is left but a bare "Okay.", another of the state's lines that
        survives whole, so a visitor with a need still open says what it still needs."""
        answer, visitor.answered = visitor.answered, ""
        if answer and line.startswith(answer):  # the persona's own details ("last Thursday") are no agency values
            rest = line[len(answer) :].strip()
            rest = self.filtered(rest, visitor) if rest else ""
            return f"{answer} {'' if rest in ACKNOWLEDGED else rest}".strip()  # no "Okay." after the answer
        kept = self.filtered(line, visitor)
        offer = "offer_more_help" in names  # "Anything else?" after its question had an answer: not asked again
        asked_before = offer and "?" in kept and self._all_said(kept, visitor)
        lost_its_question = offer and "?" in line and "?" not in kept  # "Okay, here then." left of its question
        if (kept == line or kept not in ACKNOWLEDGED) and not asked_before and not lost_its_question or state.end:
            return kept
        if offer:  # "Anything else?" after its last question was answered: no, not "Okay."
            return random.Random(f"{visitor.seed}:{visitor.turn}:none").choice(
                self.voice("nothing_else", {"none": NOTHING_ELSE})["none"]
            )
        others = [self.render(c.text, visitor) for c in self.candidates(state.idle or state.lines, visitor)]
        random.Random(f"{visitor.seed}:{visitor.turn}:speakable").shuffle(others)
        for other in others:
            if other != visitor.last_line and self.filtered(other, visitor) == other:
                return other
        return kept

    def unrepeated(self, line: str, visitor: Visitor, state: State, answer: str = "") -> str:
        """The line as never said before: the answer to a question asked again is given again, as a repeat ("Like
        I said, ..."); any other sentence said before in this call, or that echoes one before it in the line, is
        left out, and when nothing is left, another of the state's lines or the point said as a repeat."""
        said = {k for k in visitor.heard if k.startswith("said:")}
        said_words = [set(k.removeprefix("said:").split()) - _FILLER for k in said]
        at = line.find(answer) if answer else -1
        head, tail = (line[: at + len(answer)], line[at + len(answer) :]) if at >= 0 else ("", line)
        if head:
            head = " ".join(distinct([head]))  # a repeat in it is said as one already (bot.practice.answers)
        kept: list[str] = []
        dropped: list[str] = []
        seen: list[set[str]] = [content_words(x.original) for x in split_sentences(head)]
        for x in split_sentences(tail):
            text = _without_said_tail(_without_said_clause(x.original, seen + said_words), seen + said_words)
            words = content_words(_STAGE.sub("", text))  # "(Asks mother.)" may come again
            if len(words) < _SAYS_SOMETHING:
                kept.append(text)
            elif any(len(words & w) / len(words) >= 0.75 for w in seen + said_words):
                dropped.append(text)
            else:
                kept.append(text)
                seen.append(words)
        if not dropped:
            unchanged = not head and kept == [x.original for x in split_sentences(tail)]
            return line if unchanged else " ".join([head, *kept]).strip()
        if head or any(len(content_words(k)) >= _SAYS_SOMETHING for k in kept) or "?" in " ".join(kept):
            return " ".join([head, *kept]).strip()
        if _NO_MORE.match(dropped[0]):  # "No, that's all I needed." after "that's all I needed to know": a no, anew
            nothing = self.voice("nothing_else", {"none": NOTHING_ELSE})["none"]
            unsaid = [n for n in nothing if said_key(n) not in said and n != visitor.last_line]
            if unsaid:
                return " ".join([*kept, random.Random(f"{visitor.seed}:{visitor.turn}:no-more").choice(unsaid)]).strip()
        for other in self.candidates(state.idle or state.lines, visitor):
            text = self.render(other.text, visitor)
            unsaid = all(said_key(x.original) not in said for x in split_sentences(text))
            fresh = unsaid and text not in (line, visitor.last_line)
            if fresh and not state.end and self.filtered(text, visitor) == text:
                return " ".join([*kept, text]).strip()
        if "?" not in dropped[0] and not _DIGIT.search(dropped[0]):  # a remark said again is no "As I said"
            acks = [a for a in ACKNOWLEDGED if a != visitor.last_line]
            return " ".join([*kept, random.Random(f"{visitor.seed}:{visitor.turn}:ack").choice(acks)]).strip()
        again = AGAIN if "?" in dropped[0] else self.said_before  # its own question asked again: "Sorry, but ...?"
        prefix = random.Random(f"{visitor.seed}:{visitor.turn}:said").choice(again)
        return " ".join([*kept, self.led(prefix, dropped[0])]).strip()

    def remember_said(self, visitor: Visitor, line: str) -> None:
        """Remember each sentence of the line that says something, and an apology once made."""
        visitor.heard |= {
            said_key(s.original) for s in split_sentences(line) if len(content_words(s.original)) >= _SAYS_SOMETHING
        }
        if _APOLOGY.search(line):
            visitor.heard.add("was:sorry")

    def note_told(self, visitor: Visitor, line: str) -> None:
        """Remember that the visitor has said its name, so the desk may show it."""
        name = self.persona_name(visitor)
        if name and name.lower() in line.lower():
            visitor.heard.add("told:name")

    def as_named(self, line: str) -> str:
        """The line with each name of the desk reference written as named ("valley tow": "Valley Tow")."""
        if not self.proper or not _LOWER_WORD.search(line):
            return line
        for lower, named in self.proper.items():
            if lower in line.lower():
                line = re.sub(rf"\b{re.escape(lower)}\b", named, line, flags=re.IGNORECASE)
        return line

    def fitting(self, line: str, visitor: Visitor) -> str:
        """The line as it fits this call: no apology for yelling from a visitor who never got heated (or has
        apologised already), no "have a good day" to someone who said good evening."""
        if _APOLOGY.search(line) and ("was:angry" not in visitor.heard or "was:sorry" in visitor.heard):
            kept = [s.original for s in split_sentences(line) if not _APOLOGY.search(s.original)]
            line = " ".join(kept) or "Okay."
        line = " ".join(s.original for s in split_sentences(line) if not _SELF_NARRATION.match(s.original)) or "Okay."
        if visitor.message and not told_sentences(visitor.message) and "?" not in visitor.message:
            line = _NEWS_TAKEN.sub("", line).strip()  # "Great." to "Hi, I'm Deputy Lee." takes nothing in
            line = line[:1].upper() + line[1:] if line else ("Hi." if visitor.turn <= 1 else "Okay.")
        line = _TWO_STOPS.sub(".", earned_repeats(once_each(_one_pet_name(line)), visitor))  # "to 11 a.m.."
        line = streets_once(line)  # "Number 2380, Bluebird Lane. It's on Bluebird Lane": "It's on the same street"
        line = self.as_named(line)  # "It's at valley tow" typed: "It's at Valley Tow"
        if "tod:evening" in visitor.heard:
            line = _GOOD_DAY.sub(lambda m: f"{m.group(1)} {m.group(2)} {m.group(3) or 'good '}night", line)
        elif "tod:morning" in visitor.heard:
            line = _GOOD_NIGHT.sub(lambda m: f"{m.group(1)} {m.group(2)} {m.group(3) or 'good '}day", line)
            line = _TONIGHT.sub("today", line)  # "I'll get started tonight." in a morning call
        line = _not_to_itself(line, self.persona_name(visitor))  # "I'm safe right now, Jasmine, right here"
        line = misplaced(line, visitor)  # "a deputy will come to 904 Alder Street": "Wait, no, it's 7209 ..."
        line = misnumbered(line, visitor)  # "call you back on (562) 555-0322" to 0223: "Sorry, no, my number is ..."
        line = misnamed_deputy(line, visitor)  # "I'm glad Deputy Martinez was there": "It was Deputy Park, ..."
        line = misplated(line, visitor)  # "7KLM442" for 9GHL031: "No, the plate's 9GHL031."
        line = correction_noted(put_right(line, visitor), visitor)  # "..., not 0142": "Oh, okay, 0124. Got it."
        return misnamed(line, visitor, self)  # "Thank ya, Sam." to Marcus: "It's Marcus, actually."


def _not_to_itself(said: str, name: str) -> str:
    """The plan said back without the visitor's own name the trainee called it by ("I'm somewhere safe right now,
    Jasmine, right here with you" is said "I'm somewhere safe right now, right here with you")."""
    for part in {name, *name.split()} - {"Mr.", "Mrs.", "Ms.", "Dr.", ""}:
        said = re.sub(rf",\s*{re.escape(part)}(?=,|\s+and\b)", lambda m, line=said: _vocative(line, m), said)
    return said


def _vocative(said: str, m: re.Match[str]) -> str:
    """The name dropped when it only calls the visitor by it mid-sentence ("I'm safe right now, Jasmine, here
    with you"); kept after a repeat's opener or a short lead ("Again, Jordan Lee, sure.")."""
    before = re.split(r"[.!?]\s", said[: m.start()])[-1].lower().split()
    after = re.split(r"[.!?]", said[m.end() + 1 :])[0].split()
    calling = len(before) >= 3 and before[-1] not in ("said", "again", "yes", "sure", "so") and len(after) >= 2
    return "" if calling else m.group(0)


_THANKS = pattern("thanks_only", re.I)
_UNKNOWN_AGAIN = pattern("unknown_again", re.I)
_REPEAT_OPENER = re.compile(rf"^(?:{'|'.join(re.escape(p.rstrip(',')) for p in SAID_BEFORE)}),?\s+", re.I)


_PET_NAME = re.compile(r", (?:dear|hon|honey|sweetie|sweetheart|darling|love)(?=[,.!?])")


def _one_pet_name(line: str) -> str:
    """The line with one "dear" at most ("I'm Mrs. June Whitfield, dear. No, dear, I'm not hurt. It's dark, dear.")."""
    found = list(_PET_NAME.finditer(line))
    for extra in reversed(found[1:]):
        line = line[: extra.start()] + line[extra.end() :]
    return line


def earned_repeats(line: str, visitor: Visitor) -> str:
    """The line without "Again," / "As I said," before what the visitor never said in this call: a repeat's opener
    only before something said earlier (most of its words, every number)."""
    said = [set(key[5:].split()) for key in visitor.heard if key.startswith("said:")]
    everything = set().union(*said)
    kept = []
    for sentence in split_sentences(line):
        text = sentence.original
        opener = _REPEAT_OPENER.match(text) if not text.endswith("?") else None  # "Again, small words?" asks
        rest = text[opener.end() :] if opener else ""
        words = content_words(rest)
        numbers = {w for w in words if w.isdigit()}
        known = _UNKNOWN_AGAIN.search(rest) and any(k.startswith("unknown:") for k in visitor.heard)
        known = known or said_key(rest)[5:] in said_key(visitor.last_line)  # "It's just me." just said
        earned = any(len(words & one) * 3 >= len(words) * 2 for one in said) and numbers <= everything
        if opener and not known and not (words and earned):
            text = rest[:1].upper() + rest[1:]
        kept.append(text)
    return " ".join(kept)


def bare_ack(said: str) -> bool:
    """ "Okay." or "Alright.": words that take in news, and nothing else (no thanks)."""
    return " ".join(said.lower().replace(",", " ").replace(".", " ").replace("!", " ").split()) in _BARE_ACKS


_BARE_ACKS = frozenset(words("bare_acks"))


def without_last_reaction(line: str) -> str:
    """The line less a reaction left at its end once what it reacted to was filtered out ("I'm Greg Hanley. Oh,
    good." was "... Oh, good. I feel much better. Do you need my name?"): it would react to the answer."""
    sentences = [s.original for s in split_sentences(line)]
    while len(sentences) > 1 and _REACTION_ONLY.match(sentences[-1].strip()):
        sentences.pop()
    return " ".join(sentences)


_REACTION_ONLY = pattern("reaction_only", re.IGNORECASE)


def leading_thanks(follow: str) -> tuple[str, str]:
    """The follow line split into its opening acknowledgements ("Alright. Thanks.") and the rest."""
    sentences = split_sentences(follow)
    n = 0
    while n < len(sentences) and _THANKS.match(sentences[n].original):
        n += 1
    return " ".join(s.original for s in sentences[:n]), " ".join(s.original for s in sentences[n:])


_TIME_OF_DAY = tuple(zip(("evening", "morning"), patterns("evening_words morning_words"), strict=True))
"""What the trainee's words say of the time of day, which the visitor's goodbyes follow."""
# Fitting a line to the call (bot/practice/phrases/speaking.yaml): "have a good day" said at night and the other
# way round; the visitor's apology for its temper; a visitor narrating its own mood ("I'm calmer.": the words of
# the line, not of a person); words that take in news ("Great.", "Okay. So when ..."), unfit after a message that
# told nothing; an acknowledgement that opens a sentence.
_GOOD_DAY, _GOOD_NIGHT, _TONIGHT, _APOLOGY, _SELF_NARRATION, _NEWS_TAKEN, _ACK_START = patterns(
    "have_a_good_day have_a_good_night tonight own_apology self_narration news_taken acknowledgement_start"
)
_FILLER = frozenset(words("say_nothing_words"))
_DIGIT = re.compile(r"\d")
_TWO_STOPS = re.compile(r"(?<!\.)\.\.(?!\.)")
_STILL_THERE = re.compile(r"\b(?:are|r) (?:you|u) (?:still )?there\b|^hello\??$", re.IGNORECASE)
"""A line that asks whether the desk is still on the line: no question of what the visitor still needs."""
_CALENDAR = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?$|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)$"
)
"""A day or a month ("Tuesdays", "March"): it keeps its capital after "Like I said,"."""
_READ_BACK_TAIL = re.compile(r", (?:you said|you told me|that's what you said)\.$")
_STAGE = re.compile(r"\([^()]*\)")
_FINITE = re.compile(
    r"\b(?:is|are|was|were|am|has|have|had|do|does|did|can|could|will|would|should|may|might|must|\w+ed|took|got|"
    r"went|came|left|saw|said|told|know|need|want|think|feel|keep|live|work|say)\b|'(?:s|re|m|ve|ll|d)\b",
    re.IGNORECASE,
)
"""A clause with a verb of its own, which can stand alone after "And"."""
_SAYS_SOMETHING = 2
"""Content words a sentence needs to count as said (so "Okay, thanks." may come twice, "My cell's best." not)."""


def questions_in(line: str) -> list[str]:
    """The questions a line asks, each a sentence of it."""
    return [s.original for s in split_sentences(line) if s.original.rstrip().endswith("?")]


def without_answered_before(line: str, visitor: Visitor) -> str:
    """The line less a question the visitor asked before and the trainee answered ("Should she change her phone
    number?" after "Should she change her number?" got "Not needed right away."): asked once, answered, done."""
    answered = [content_words(k[11:]) for k in visitor.heard if k.startswith("answered-q:")]
    if not answered or "?" not in line:
        return line
    kept = [
        s.original
        for s in split_sentences(line)
        if not s.original.rstrip().endswith("?")
        or len(words := content_words(s.original)) < 2
        or not any(len(words & a) / len(words) >= 0.6 for a in answered)
    ]
    return " ".join(kept) if kept else ACKNOWLEDGED[len(line) % len(ACKNOWLEDGED)]


_NO_MORE = re.compile(r"^(?:no|nope|nah|no thanks|no, thank you)\b", re.IGNORECASE)
"""A no to "anything else?" ("No, that's all I needed.")."""


def _without_said_clause(sentence: str, said: list[set[str]]) -> str:
    """The sentence less an opening clause said already ("My dad died in March, and I can't sleep." after "My dad
    died in March."): the rest of it, or the sentence as it was."""
    head, comma, rest = sentence.partition(", ")
    words = content_words(head)
    if not comma or len(words) < 3 or len(content_words(rest)) < _SAYS_SOMETHING:
        return sentence  # "She says no, thank you.": no clause said alone ("And thank you.")
    if not any(len(words & w) / len(words) >= 0.75 for w in said):
        return sentence
    rest = re.sub(r"^(?:and|but|so)\s+", "", rest)
    if not _FINITE.search(rest):
        return sentence  # "Smashed rear window, my wallet gone.": no "And my wallet gone."
    return f"And {rest}" if rest[:1].islower() and not rest.startswith("i ") else rest[:1].upper() + rest[1:]


def _without_said_tail(sentence: str, said: list[set[str]]) -> str:
    """The sentence less a closing "and ..." said already ("So, they broke the window and took my wallet from the
    glovebox." after "they took my wallet from the glovebox"): "So, they broke the window."."""
    head, joined, tail = sentence.rpartition(" and ")
    words = content_words(tail)
    if not joined or len(words) < 3 or len(content_words(head)) < _SAYS_SOMETHING or "?" in tail:
        return sentence
    if not any(len(words & w) / len(words) >= 0.75 for w in said):
        return sentence
    return head.rstrip(",") + (sentence[-1] if sentence[-1] in ".!" else ".")


def without_echo(line: str, message: str) -> str:
    """The line less a question that only echoes the trainee's own question ("Is there anything else she needs?"
    to "Is there anything else she needs?")."""
    asked = [content_words(s.original) for s in split_sentences(message) if "?" in s.original]
    if "?" not in line or not asked:
        return line
    kept = [
        s.original
        for s in split_sentences(line)
        if "?" not in s.original
        or not (w := content_words(s.original))
        or not any(len(w & a) / len(w) >= 0.75 for a in asked)
    ]
    return " ".join(kept) if kept else ACKNOWLEDGED[len(line) % len(ACKNOWLEDGED)]


def without_lead_ins(line: str, asked: str, seed: int) -> str:
    """What is left of a line that lost its question: a short lead-in right before the question ("I'll call
    anyone." of "I'll call anyone. Who do I call?") goes with it; an acknowledgement, a figure ("45 minutes.") or
    a remark that says something stays."""
    if "?" not in line or "?" in asked or asked in ACKNOWLEDGED or asked == line:
        return asked
    sentences = [s.original for s in split_sentences(line)]
    lead_ins = {
        s
        for s, after in zip(sentences, sentences[1:], strict=False)
        if "?" in after
        and after not in asked
        and len(s.split()) <= 4
        and not _ACK_START.match(s)
        and not _DIGIT.search(s)
    }
    kept = [s.original for s in split_sentences(asked) if s.original not in lead_ins]
    return " ".join(kept) if kept else random.Random(f"{seed}:{line}").choice(ACKNOWLEDGED)


def times_of_day(message: str) -> set[str]:
    """What the trainee's words say of the time of day ("tod:evening"), for the visitor to remember."""
    return {f"tod:{when}" for when, words in _TIME_OF_DAY if words.search(message)}


def _last_named(lines: tuple[Line, ...], latest: str) -> tuple[Line, ...]:
    """The lines about what the trainee's latest message named last ("I'll call Ana right after the advocate. ...
    The deputy's walking in now": the deputy comes in, not the advocate); none when it named nothing of theirs."""

    def named_at(line: Line) -> int:
        return max((m.start() for w in line.told for m in re.finditer(rf"\b{re.escape(w)}", latest)), default=-1)

    last = max(map(named_at, lines), default=-1)
    return tuple(x for x in lines if last >= 0 and named_at(x) == last)
