"""The persona's answers: to a question about itself, and to a check of understanding.

A question is answered by what it asks: the detail asked for, yes or no first to a yes-or-no
question, an honest "I don't know" for what the persona does not know, every part of a
multi-part question once, and what was asked before said as a repeat ("Like I said, ...").
"Does that make sense?" gets yes, "any questions?" no (or the visitor's open question), and a
teach-back the plan in the words the trainee used.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from bot.grading.text import split_sentences
from bot.practice.asking import Read, questions
from bot.practice.hearing import ACKNOWLEDGED, told_back
from bot.practice.lines import Lines, distinct, said_key
from bot.practice.stock_lines import ALL_CLEAR, DONT_KNOW, NOT_YET, SAID_BEFORE, TOLD_BACK
from bot.practice.visitor import Visitor
from bot.scenarios.format import Detail, Line, Rule, Scenario, State
from bot.scenarios.intents import asked_words, question_topics, testing_kind

YES_NO = re.compile(
    r"^(yes|yeah|yep|no|nope|nah|okay|ok|sure|right|i think so|i do|it does|i follow|got it|i understand|"
    r"(that )?makes sense|that's clear|(no,? )?no questions)\b[,.!:]?\s*",
    re.IGNORECASE,
)
"""Words that answer a yes-or-no check; the visitor's own opener says them, so the rest of its line loses them."""
_YES = re.compile(
    r"^(\([^)]*\)\s*)*(yes|yeah|yep|i think so|i understand|i do|it does|sure|all clear)\b", re.IGNORECASE
)
"""A scenario line that already says yes ("Yes. I understand. Report, number."), in the persona's own words."""
_FINE = re.compile(r"\b(okay|ok|alright|all right|safe|fine|well)\b")
_HURT = re.compile(r"\b(hurt|injur\w*|bleeding|harmed)\b")
_LEADING_NO = re.compile(r"^(no|nope)[,.!]\s*", re.IGNORECASE)
_VOCATIVE = re.compile(r"^(dear|sir|ma'am|honey|officer)\b[,.!]?\s*", re.IGNORECASE)
""""Yes, dear. I'll stay here." less its "Yes," starts "dear.": that goes with it."""
_YES_NO_QUESTION = re.compile(r"^(do|did|does|is|are|was|were|have|has|had|can|could|would|will|any|anything)\b")
_REQUEST = re.compile(
    r"^(can|could|would|will|may) (i|you|we) (please )?(get|have|grab|take|tell|give|describe|spell|confirm|walk|"
    r"share|send|let|read|repeat|run|start|go)\b"
)
"""A question that asks for a detail ("Can I get your name?"), answered by the detail, not yes or no."""
_WHOSE_NAME = re.compile(r"\b(\w+)'s (?:full |first |last )?name\b")
_THEIR_NAME = re.compile(r"\b(his|her|their) (?:full |first |last )?name\b")
_HOW_MANY = re.compile(r"\bhow many\b")
_COUNT = re.compile(
    r"\b\d{1,3}\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|dozen|"
    r"hundred|couple|few|handful|several|lots|bunch|crowd)\b",
    re.IGNORECASE,
)
_KIN = (
    frozenset({"mother", "mom", "mum", "mama", "mommy"}),
    frozenset({"grandmother", "grandma", "nana", "gran", "granny"}),
    frozenset({"grandfather", "grandpa"}),
    frozenset({"father", "dad", "daddy"}),
    frozenset({"child", "kid", "son", "daughter", "boy", "girl"}),
    frozenset({"neighbour", "neighbor"}),
    frozenset({"husband", "wife", "partner", "boyfriend", "girlfriend", "fiancé", "fiance", "ex"}),
)
"""Words for one person: asked for "your mom's name", the line about "my mother" answers it."""
_NEGATIVE = re.compile(r"\b(no|not|never|nobody|nothing|none|no one|nowhere|n't|idea)\b|n't\b", re.IGNORECASE)
_SOMEONE_ELSES_NUMBER = re.compile(r"\b(?!your\b)(\w+'s|his|her|their) (phone |cell )?(number|phone|cell)\b")
""""Your daughter's phone number?" asks for hers, not the caller's own."""
_DIGIT = re.compile(r"\d")
_SOMEONE_ELSES = re.compile(r"\b(their|the other)\b")
"""A question about someone else's car ("their plate") is answered by the detail about them, not the visitor's."""
_TOPIC_OF_DETAIL = {"phone": "callback"}
"""A detail that also tells its topic: once the number is given, "Do you need my number?" is not offered again."""
_MOST_ANSWERS = 6
"""At most this many answers to one message's questions: every part of a multi-part question, not a speech."""
_NUMBER_BACK = re.compile(
    r"\b(read|say|repeat|give) (me )?(that|the|this|it|those)? ?(number|phone|digits|e-?mail|address)|"
    r"\b(number|e-?mail|address) back\b|\bback (the|their|that|his|her|your)( \w+'s)? (number|e-?mail|address)\b|"
    r"\b(read|say|repeat) (it|that|them) back\b",
    re.IGNORECASE,
)


_STOP = frozenset(
    "what when where which there their they them this that with have does your about would could other "
    "anything something right thing just really".split()
)


def _stems(text: str) -> dict[str, int]:
    """Content words of a text, cut to five letters ("parked", "parking": "parki"), with their length."""
    return {w[:5]: len(w) for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


def _statements(text: str) -> str:
    return " ".join(s.original for s in split_sentences(text) if "?" not in s.original)


def _held_by(question: str, topic: str, details: list[Detail]) -> bool:
    """Every word of the question that asks for the topic is a word asking for one of the details ("date of
    birth" asks for the birth date, not the name)."""
    spans = [m.span() for d in details for m in d.asked.finditer(question)]
    words = [m.span() for w in asked_words(question, topic) for m in re.finditer(re.escape(w), question)]
    return all(any(a <= s and e <= b for a, b in spans) for s, e in words)


class Answers:
    """Answers the trainee's questions for one scenario's persona (shared by all its attempts)."""

    def __init__(self, scenario: Scenario, lines: Lines) -> None:
        self.scenario = scenario
        self.lines = lines
        self.plans = tuple(
            line
            for state in scenario.states.values()
            for rule in state.rules
            if "testing_questions" in rule.when
            for line in rule.say
        )
        """Every line in which the visitor says back what it was told: a teach-back's answer in any state."""

    def answer(self, visitor: Visitor, read: Sequence[Read]) -> str | None:
        """The persona's answer to what a clarifying question asks: the detail asked for (the line that names the
        very thing asked, "plate", when there is one), yes or no first to a yes-or-no question, and an honest
        "I don't know" for a detail the persona does not have (once; asked again, it says it said so)."""
        if not self.scenario.persona_facts and not self.scenario.persona_details:
            return None
        asking = questions(read, self.scenario.persona_details)
        asked = [(q, t) for q in asking for t in question_topics(q)]
        wanted = [
            (q, d)
            for q in asking
            for d in self.scenario.persona_details
            if d.asked.search(q) and not (d.name == "phone" and _SOMEONE_ELSES_NUMBER.search(q))
        ]
        if not asked and not wanted:
            return None
        answers, again = self._answers(visitor, asking, asked, wanted)
        answers = self._as_repeats(distinct(answers), visitor, again)
        if not answers:
            return None
        if len(answers) > 1:  # "Nina Petrova. Do you need my number too? Sure, it's ...": no offer mid-answer
            answers = [a for a in (_statements(a) for a in answers) if a]
        text = " ".join(answers[:_MOST_ANSWERS])
        return _yes_or_no(text, *asked[0]) if asked else text

    def _answers(
        self, visitor: Visitor, asking: list[str], asked: list[tuple[str, str]], wanted: list[tuple[str, Detail]]
    ) -> tuple[list[str], bool]:
        """An answer to every part of every question, in the order asked, and whether one was given before."""
        answers: list[str] = []
        done: set[str] = set()
        again = False
        told_before = frozenset(k for k in visitor.heard if k.startswith("told:"))  # before this answer
        for question in asking:
            matched = [d for q, d in wanted if q == question]
            for topic in [t for q, t in asked if q == question]:
                if topic in done or self._left_to_details(question, topic, matched):
                    continue  # the detail answers it: no "I don't know", no name for "his date of birth?"
                done.add(topic)
                again |= f"told:{topic}" in told_before
                answers.append(self._topic_answer(visitor, topic, question, asked))
            for detail in matched:
                if detail.name in done:
                    continue
                done.add(detail.name)
                again |= f"told:detail:{detail.name}" in told_before
                answers.append(self._detail_answer(visitor, detail))
        return answers, again

    def _left_to_details(self, question: str, topic: str, matched: list[Detail]) -> bool:
        """The details the question asks for answer its topic too: someone else's car ("their plate"), or a
        topic every asking word of which asks for a detail ("date of birth" asks for no name)."""
        if not matched:
            return False
        if topic == "vehicle" and _SOMEONE_ELSES.search(question):
            return True
        return topic not in self.scenario.persona_facts or _held_by(question, topic, matched)

    def _detail_answer(self, visitor: Visitor, detail: Detail) -> str:
        """The persona's line for a detail asked for; one it does not know, asked again, said as a repeat."""
        line = self.lines.pick(detail.say, visitor, salt=detail.name)
        if f"told:detail:{detail.name}" in visitor.heard and not detail.known:
            line = f"{random.Random(f'{visitor.seed}:{visitor.turn}:said').choice(SAID_BEFORE)} " + (
                self.lines.decap(line)
            )
        visitor.heard.add(f"told:detail:{detail.name}")
        visitor.heard.add(f"told:{_TOPIC_OF_DETAIL.get(detail.name, detail.name)}")
        return line

    def _as_repeats(self, answers: list[str], visitor: Visitor, again: bool) -> list[str]:
        """Answers to a question asked again, said as repeats: the detail again ("Like I said, 1420 Juniper.",
        "And no threats..."), without the remarks that went with it the first time."""
        said = {k for k in visitor.heard if k.startswith("said:")}
        prefix = random.Random(f"{visitor.seed}:{visitor.turn}:said").choice(SAID_BEFORE)
        if again and answers and not any(said_key(x.original) in said for x in split_sentences(answers[0])):
            answers = [f"{prefix} {self.lines.decap(answers[0])}", *answers[1:]]  # asked again, said in other words
        first = not (again and answers and answers[0].startswith(SAID_BEFORE))
        result = []
        for part in answers:
            sentences = split_sentences(part)
            kept = []
            for i, x in enumerate(sentences):
                if said_key(x.original) not in said:
                    kept.append(x.original)
                elif i == 0 or _DIGIT.search(x.original):  # the detail itself; a remark is not said twice
                    kept.append(f"{prefix if first else 'And'} {self.lines.decap(x.original)}")
                    first = False
            if kept:
                result.append(" ".join(kept))
        return result

    def _topic_answer(self, visitor: Visitor, topic: str, question: str, asked: list[tuple[str, str]]) -> str:
        """The persona's line for one topic asked, or an honest "I don't know" (once; again, "Like I said")."""
        persona = self.scenario.persona_facts
        if topic in persona:
            detail = self._detail(visitor, topic, question)
            if _HOW_MANY.search(question) and not _COUNT.search(detail):  # "how many?" is no "who"
                counted = [
                    c
                    for c in self.lines.candidates(persona[topic], visitor)
                    if _COUNT.search(self.lines.render(c.text, visitor))
                ]
                detail = self.lines.pick(
                    tuple(counted) or self.scenario.persona_unknown or DONT_KNOW, visitor, salt=topic
                )
            if topic == "injured" and _FINE.search(question) and not any(_HURT.search(q) for q, _ in asked):
                detail = _LEADING_NO.sub("", detail)  # "Is she okay?" is not answered "No, nobody's hurt."
                detail = detail[:1].upper() + detail[1:]
            visitor.heard.add(f"told:{topic}")
            return detail
        unknown = self.lines.pick(self.scenario.persona_unknown or DONT_KNOW, visitor, salt=topic)
        if f"unknown:{topic}" in visitor.heard:
            prefix = random.Random(f"{visitor.seed}:{visitor.turn}:said").choice(SAID_BEFORE)
            return f"{prefix} {self.lines.decap(unknown)}"
        visitor.heard.add(f"unknown:{topic}")
        return unknown

    def closest(self, lines: tuple[Line, ...], question: str, visitor: Visitor) -> str:
        """The answer to a question no topic names: of the persona's facts and the rule's answers, the one that
        shares the most words with it, a persona fact first ("swap insurance?" gets "... And their insurance.");
        the rule's pick when none shares any."""
        asked = _stems(question)
        persona = [line for topic in self.scenario.persona_facts.values() for line in topic]
        scored = [
            (sum(asked[w] for w in asked.keys() & _stems(text)), own, text)  # a long shared word weighs more
            for own, group in ((1, persona), (0, lines))
            for c in self.lines.candidates(tuple(group), visitor)
            if (text := self.lines.render(c.text, visitor))
        ]
        best = max(scored, default=(0, 0, ""))[:2]
        if best[0] == 0:
            return self.lines.pick(lines, visitor) if lines else ""
        tied = [text for n, own, text in scored if (n, own) == best]
        return random.Random(f"{visitor.seed}:{visitor.turn}:closest").choice(tied)

    def _detail(self, visitor: Visitor, topic: str, question: str) -> str:
        """The persona's line for the topic, preferring one that names what was asked ("plate", "address"); asked
        for someone's name ("your grandmother's name?"), the line about that person, whichever topic holds it."""
        lines = self.scenario.persona_facts[topic]
        words = [w for w in asked_words(question, topic) if len(w) > 3]
        whose = _WHOSE_NAME.search(question)
        if topic == "who" and (whose or _THEIR_NAME.search(question)):
            kin = sorted(next((g for g in _KIN if whose.group(1) in g), {whose.group(1)})) if whose else []
            for wanted in (kin, ["name is", "named", "name's", "last name"]):  # the person asked about, or a name
                for held in (lines, self.scenario.persona_facts.get("name", ())):
                    naming = self._naming(held, visitor, wanted)
                    if naming:
                        return self.lines.pick(naming, visitor, salt=topic)
        naming = self._naming(lines, visitor, words)
        return self.lines.pick(naming or lines, visitor, salt=topic)

    def _naming(self, lines: tuple[Line, ...], visitor: Visitor, words: list[str]) -> tuple[Line, ...]:
        """The lines (for the visitor's mood) that say one of the words."""
        return tuple(
            line
            for line in self.lines.candidates(lines, visitor)
            if any(re.search(rf"\b{re.escape(w)}", self.lines.render(line.text, visitor), re.IGNORECASE) for w in words)
        )

    def testing_answer(
        self, visitor: Visitor, state: State, fired: Rule | None, message: str, read: Sequence[Read]
    ) -> str:
        """ "Does that make sense?" gets yes, "any questions?" no (or the visitor's open question), "tell me back
        what you'll do" the plan in the visitor's words: the opener always fits the question asked."""
        kinds = [testing_kind(s.norm) for s, shown in read if "testing_questions" in shown] or [
            testing_kind(" ".join(s.norm for s, _ in read))
        ]
        kind = "teach_back" if "teach_back" in kinds else kinds[-1]
        missing = [f for f in self.scenario.resolution_facts if f not in visitor.facts]
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:testing")
        clear, not_yet = self.lines.voice("all_clear", ALL_CLEAR), self.lines.voice("not_yet", NOT_YET)
        plan = told_back(self._heard_plan(visitor), bool(_NUMBER_BACK.search(message))) if kind == "teach_back" else ""
        if plan:  # the plan as the visitor heard it, wrong values and all; then what it still needs
            ask = self.lines.open_ask(visitor, state) if missing else ""
            ask = ask if "?" in ask else ""
            return f"{rng.choice(clear[kind])} {plan} {ask}".strip()
        if missing:
            opener = rng.choice(not_yet[kind])
            ask = self.lines.open_ask(visitor, state)
            ask = ask if not opener.endswith(("But", ",")) else self.lines.decap(ask)
            return f"{opener} {ask}"
        says = fired.say if fired is not None and fired.say else ()
        if kind == "teach_back":  # the line that says back the most of the plan, from any state if need be
            plans = [self.lines.render(c.text, visitor) for c in self.lines.candidates(says or self.plans, visitor)]
            plans = [t for t in plans if "?" not in t and self.lines.filtered(t, visitor) == t]
            rest = max(plans, key=len, default="")
        else:
            rest = self.lines.pick(says, visitor) if says else ""
        if rest and (kept := self.lines.filtered(rest, visitor)) != rest:  # its question was answered already
            rest = "" if kept in ACKNOWLEDGED else kept
        full, said_yes = rest, bool(_YES.match(rest))
        while (stripped := _VOCATIVE.sub("", YES_NO.sub("", rest)).strip()) != rest:
            rest = stripped
        rest = rest[:1].upper() + rest[1:]
        if kind == "teach_back":
            return f"{rng.choice(clear[kind])} {rest or rng.choice(TOLD_BACK)}"
        if len(set(kinds)) > 1:
            kind = "both"
        if said_yes and kind in ("understanding", "agreement"):
            return full  # the scenario's own yes, in the persona's voice
        if "questions" in kinds and "?" in rest:
            return f"{rng.choice(not_yet['questions'])} {rest}"  # "Any questions?" "Just one. Should I ...?"
        if kind == "questions" and said_yes:
            return f"No. {rest}"  # "Yes. Report, number." answers "Any questions?" as "No. Report, number."
        return f"{rng.choice(clear[kind])} {rest}".strip()

    @staticmethod
    def _heard_plan(visitor: Visitor) -> list[tuple[int, bool, str]]:
        """What the trainee told the visitor to do or what will happen, in the order said: (turn, sentence)."""
        found = []
        for key in visitor.heard:
            if key.startswith("plan:"):
                _, turn, index, directive, text = key.split(":", 4)
                found.append((int(turn), int(index), directive == "1", text))
        return [(turn, directive, text) for turn, _, directive, text in sorted(found)]


def _yes_or_no(text: str, question: str, topic: str) -> str:
    """Yes or no first to a yes-or-no question, by the line that names what was asked ("Do you have the plate?"
    "Yes. Plate 6TRM441."); none to what the answer omits, nor to a request ("Can I get your name?")."""
    if not _YES_NO_QUESTION.match(question) or _REQUEST.match(question) or YES_NO.match(text.lstrip(". ")):
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
    return f"{'No.' if _NEGATIVE.search(naming) else 'Yes.'} {text}"
