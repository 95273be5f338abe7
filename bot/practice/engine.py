"""The visitor: a transitions machine per scenario, shared by every attempt at it.

One `Machine` is built per scenario and each attempt's `Visitor` is added to it as a
model (a machine per attempt would cost far more memory). The visitor's whole state
is plain values (`SavedVisitor`), so an attempt can be saved after every message and
restored later, even in another process.

A visitor attached to the machine stays referenced by it until released, so whoever
attaches one uses `started` or `restored`, which release it however the block ends.
"""

from __future__ import annotations

import logging
import random
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from transitions import EventData, Machine

from bot.grading import MessageSignals, detect
from bot.grading.text import split_sentences
from bot.practice.hearing import (
    ACKNOWLEDGED,
    believed,
    hear,
    still_here,
    without_answered_questions,
    without_offered_details,
    without_untold_values,
)
from bot.scenarios.format import MOODS, Line, Rule, Scenario, State
from bot.scenarios.intents import AGREEMENT_CHECK, asked_words, question_topics, testing_kind
from bot.values import SavedVisitor

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?:\.([a-z_][a-z0-9_]*))?\}")
_SENTENCE_START = re.compile(r"(^|[.!?]\)?\s+|^\(|[:\u2014]\s+[\"\u201c]?)$")
_YES_NO = re.compile(
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
_NOT_ASKING = frozenset({"testing_questions", "offer_more_help"})
"""A question that checks understanding or offers help ("any questions about picking up your car?") asks for
no detail of the visitor's."""
_COMMON_OPENERS = frozenset(
    "it's it the a an she he they we my her his their this that these same last just no yes not nobody "
    "on in at from around about sometime yesterday today tonight maybe probably only there here "
    "how what when where who why will would can could do does did is are should".split()
)
"""First words of a line that are no name, so they lose their capital after "Like I said,"."""
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
_ASKS = re.compile(r"^(do|did|does|is|are|was|were|have|has|can|could|would|will|what|when|where|who|which|why|how)\b")
_MEMORY_ONLY: frozenset[str] = frozenset()
"""On entering a state, its rules are checked again against memory alone (no new message)."""
_OPENERS = frozenset({"greeting", "courteous_opener", "identifies", "empathy"})
_WARM = frozenset({"appreciation", "empathy", "offer_more_help", "testing_questions", "invitation_to_return"})

DONT_KNOW = (Line("I don't know, honestly."), Line("I'm not sure, sorry."), Line("I really don't know that."))
NOT_YET = {
    "understanding": ("I think so. But", "Mostly, yes. But", "Yes, I think so. Only,"),
    "agreement": ("I think so. But", "Yes, mostly. But", "Okay. Only,"),
    "questions": ("Just one.", "Yes, one thing.", "Actually, yes."),
    "teach_back": ("I'm not sure I can yet.", "Um, not yet, I think.", "I'm still missing a piece."),
}
"""The opener of a visitor who understood what was said but still needs something (its open question follows)."""
ALL_CLEAR = {
    "understanding": ("Yes, that makes sense.", "It does, yes.", "Yeah, I follow.", "Yes, got it."),
    "questions": ("No, no questions.", "No, I think that covers it.", "Nope, I'm good.", "No, I've got it."),
    "agreement": ("Yes, that sounds good.", "Sounds good, yes.", "Yes, that works for me."),
    "both": ("Yes, it does. No questions.", "Yes, got it, thanks. No questions.", "Yeah, I follow. Nothing else."),
    "teach_back": ("Sure.", "Okay, let me see.", "Okay."),
}
TOLD_BACK = ("I think I've got it all.", "I think I've got it. I'll do it just like you said.", "I've got it, yes.")
"""A teach-back answered when the scenario has no line that says the plan back."""
SAID_BEFORE = ("Like I said,", "As I said,", "I told you,")
NOTHING_ELSE = ("No, I think that's everything.", "No, that's all. Thank you.", "No, I'm okay. Thanks.")
"""An offer of more help when the visitor has nothing left to ask."""
NUDGES = (
    "Sorry, I feel like we're going in circles.",
    "I'm not sure we're getting anywhere.",
    "Okay, but that doesn't really help me.",
    "I'm still stuck on the same thing.",
)
AGAIN = ("Like I said,", "Again,", "I mean,", "Sorry, but")

LAST_WORDS = ("Bye.", "Thanks. Bye.", "Okay, bye now.")
LAST_WORDS_ASKED = ("No, that's everything. Thanks, bye.", "No, I'm all set. Bye.", "Nope, that's it. Thanks.")
TAKEN_ABACK = (
    "Excuse me?",
    "Wow. Okay. Was that necessary?",
    "Was that supposed to be funny?",
    "I don't appreciate that. Are you going to help me or not?",
)
"""The visitor's first words after sarcasm or contempt."""
_CONTEMPT = frozenset({"sarcasm", "rude"})
_CLOSING = frozenset({"offer_more_help", "appreciation"})
"""A call the trainee has closed: both said, the last of them in the message that ends it. Otherwise (a bare
"Take care.", a mid-call "Thank you.") the visitor's goodbye leaves the trainee the last word."""
_CLOSING_WORDS = frozenset({"appreciation", "farewell"})

MOOD_STEPS = {"empathy": -1, "appreciation": -1, "dismissive": +1, "sarcasm": +1, "rude": +2}
"""How the visitor's mood moves with each thing a message shows (negative: calmer)."""


@dataclass(eq=False)
class Visitor:
    """The model a scenario's machine drives; `state` is set by the machine.

    Compared by identity: the machine finds its models with `==`, and two attempts can hold
    equal values (one seed, one save), so value equality would attach or release the wrong one.
    """

    scenario_id: str
    seed: int
    mood: int
    start_mood: int
    turn: int = 0
    facts: set[str] = field(default_factory=set)
    fired: Rule | None = None
    details: dict[str, Any] | None = None
    """This attempt's draw from the scenario's pools; derived from the seed, never saved."""
    state: str = ""
    last_line: str = ""
    stalls: int = 0
    heard: set[str] = field(default_factory=set)
    """Values the trainee said and items of a list given (see bot.practice.hearing), and what the visitor told
    the trainee: "told:callback" after it gave its number, "told:name" once its name was said."""
    closed: bool = False
    """The visitor said goodbye first and the trainee has had their closing message."""
    answered: str = ""
    """This reply's answer to the trainee's question: the persona's own details, never filtered; not saved."""

    def save(self) -> SavedVisitor:
        return SavedVisitor(
            self.scenario_id,
            self.state,
            self.mood,
            self.seed,
            self.turn,
            tuple(sorted(self.facts)),
            self.start_mood,
            self.last_line,
            self.stalls,
            tuple(sorted(self.heard)),
            self.closed,
        )

    @property
    def mood_name(self) -> str:
        return MOODS[self.mood]


@dataclass(frozen=True)
class Reply:
    """The visitor's answer to one trainee message."""

    line: str
    state: str
    mood: str
    ended: bool
    signals: MessageSignals


class ScenarioEngine:
    """Runs attempts at one scenario; owns the scenario's single shared Machine."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.machine = Machine(
            model=None,
            states=list(scenario.states),
            initial=scenario.start,
            auto_transitions=False,
            send_event=True,
            ignore_invalid_triggers=True,
        )
        for state in scenario.states.values():
            if not state.end:
                for rule in scenario.always + state.rules:
                    self._add_rule(state.name, rule)
        self._plans = tuple(
            line
            for state in scenario.states.values()
            for rule in state.rules
            if "testing_questions" in rule.when
            for line in rule.say
        )
        """Every line in which the visitor says back what it was told: a teach-back's answer in any state."""

    def _add_rule(self, source: str, rule: Rule) -> None:
        def matches(event: EventData) -> bool:
            if event.kwargs.get("memory_only") and (rule.when or not rule.given or rule.to is None):
                return False
            return _rule_matches(rule, event.model, event.kwargs["signals"])

        def record(event: EventData) -> None:
            event.model.fired = rule

        self.machine.add_transition("respond", source, rule.to, conditions=[matches], after=[record])

    def start(self, seed: int) -> tuple[Visitor, str]:
        """A new visitor in the start state, and their opening line."""
        mood = self.scenario.persona_mood
        visitor = Visitor(self.scenario.id, seed, mood, mood)
        self.machine.add_model(visitor, initial=self.scenario.start)
        try:
            opening = self._pick(self.scenario.states[visitor.state].lines, visitor)
        except BaseException:  # the caller never gets the visitor, so it could never release it
            self.release(visitor)
            raise
        visitor.last_line = opening
        self._note_told(visitor, opening)
        return visitor, opening

    def restore(self, saved: SavedVisitor) -> Visitor:
        """The visitor as saved; no on-enter callbacks fire, nothing is said again."""
        if saved.state not in self.scenario.states:
            raise ValueError(f"scenario '{self.scenario.id}' has no state '{saved.state}'")
        visitor = Visitor(saved.scenario_id, saved.seed, saved.mood, saved.start_mood, saved.turn, set(saved.facts))
        visitor.last_line, visitor.stalls = saved.last_line, saved.stalls
        visitor.heard, visitor.closed = set(saved.heard), saved.closed
        self.machine.add_model(visitor, initial=saved.state)
        return visitor

    def release(self, visitor: Visitor) -> None:
        """Detach a finished or evicted visitor from the shared machine; releasing twice is harmless."""
        if visitor in self.machine.models:
            self.machine.remove_model(visitor)

    @contextmanager
    def started(self, seed: int) -> Iterator[tuple[Visitor, str]]:
        """`start`, then `release` however the block ends: the machine would otherwise keep the visitor forever."""
        visitor, opening = self.start(seed)
        try:
            yield visitor, opening
        finally:
            self.release(visitor)

    @contextmanager
    def restored(self, saved: SavedVisitor) -> Iterator[Visitor]:
        """`restore`, then `release` however the block ends (an early return, an exception) so none leaks."""
        visitor = self.restore(saved)
        try:
            yield visitor
        finally:
            self.release(visitor)

    def respond(self, visitor: Visitor, message: str) -> Reply:
        """React to one trainee message.

        The mood moves, everything the message shows joins the visitor's memory (a rule's
        `given` counts it whatever state it was said in), the first matching rule fires and,
        once in a new state, rules that what was already said satisfies fire too. The reply
        answers a clarifying or testing question by what it asks, and is never the line
        just said.
        """
        if self.ended(visitor):
            raise ValueError("this attempt has ended")
        signals = detect(message, self.scenario.intents)
        if self.scenario.states[visitor.state].end:
            return self._closing(visitor, signals)
        heard = hear(self.scenario, visitor.last_line, message, frozenset(visitor.heard))
        reactions = {r for r in heard.signals if r.partition(".")[0] not in visitor.facts}  # given before: settled
        names = (signals.names - heard.unheard) | heard.given | frozenset(reactions)
        if _checks_agreement(message):
            names |= {"testing_questions"}  # "Okay with you?" asks for a yes, whatever else it reads as
        visitor.facts -= {fact for fact, _ in heard.wrong}  # "Actually, it's 30 days": believed, so forgotten
        visitor.heard |= set(heard.memory)
        visitor.turn += 1
        before = (visitor.state, frozenset(visitor.facts))
        step = sum(MOOD_STEPS.get(s, 0) for s in names)
        if visitor.turn == 1 and not names & _OPENERS:
            step += 1  # "Yeah?" or "What?" to someone who called for help
        visitor.mood = _clamp(visitor.mood + step)
        visitor.facts |= names
        visitor.fired = None
        visitor.trigger("respond", signals=names)
        fired = visitor.fired
        hops = 0
        while fired is not None and fired.to is not None and hops < 3 and not self.scenario.states[visitor.state].end:
            visitor.fired = None
            visitor.trigger("respond", signals=_MEMORY_ONLY, memory_only=True)
            if visitor.fired is None or visitor.fired.to is None:
                visitor.fired = fired
                break
            fired, hops = visitor.fired, hops + 1
        fired = self._closed_in_passing(visitor, before[0], fired, names)
        state = self.scenario.states[visitor.state]
        if state.end and names & _CLOSING and visitor.facts | names >= _CLOSING:
            visitor.closed = True  # the trainee has offered more help and thanked, the last of it now
        if state.end and "farewell" in names and not names & _WARM:
            visitor.mood = _clamp(visitor.mood + 1)  # a curt "Bye." leaves the visitor a little sourer
        moved = (visitor.state, frozenset(visitor.facts)) != before
        visitor.stalls = 0 if moved or state.end else visitor.stalls + 1
        line = self._reply(visitor, state, fired, message, names)
        if heard.wrong and not (fired and fired.say):
            line = f"{believed(heard.wrong, visitor.seed, visitor.turn)} {line}"
        elif names & _CONTEMPT and not (fired and fired.say) and not state.end:
            line = random.Random(f"{visitor.seed}:{visitor.turn}:tone").choice(TAKEN_ABACK)  # and waits
        line = self._speakable(line, visitor, state, names)
        self._note_told(visitor, line)
        if self.leaving(visitor):  # the trainee still has the last word
            line = still_here(line) or "Okay."
            line += (
                " (The caller is about to hang up.)"
                if self.scenario.channel == "phone"
                else " (The visitor turns to go.)"
            )
        visitor.last_line = line
        log.debug("scenario %s turn %s: %s -> %s", self.scenario.id, visitor.turn, sorted(names), visitor.state)
        return Reply(line, visitor.state, visitor.mood_name, self.ended(visitor), signals)

    def _filtered(self, line: str, visitor: Visitor) -> str:
        """The line less what the visitor must not say: a question about what it was just told, a value it was
        never told, an offer of a detail it already gave."""
        line = without_answered_questions(line, self.scenario.fact_rules, visitor.facts, visitor.seed)
        line = without_untold_values(line, self.scenario.fact_rules, frozenset(visitor.heard), visitor.seed)
        return without_offered_details(line, frozenset(visitor.heard), visitor.seed)

    def _speakable(self, line: str, visitor: Visitor, state: State, names: frozenset[str]) -> str:
        """The line as filtered; when nothing of it is left but a bare "Okay.", another of the state's lines that
        survives whole, so a visitor with a need still open says what it still needs."""
        answer, visitor.answered = visitor.answered, ""
        if answer and line.startswith(answer):  # the persona's own details ("last Thursday") are no agency values
            rest = line[len(answer) :].strip()
            return f"{answer} {self._filtered(rest, visitor) if rest else ''}".strip()
        kept = self._filtered(line, visitor)
        if kept == line or kept not in ACKNOWLEDGED or state.end:
            return kept
        others = [self._render(c.text, visitor) for c in self._candidates(state.idle or state.lines, visitor)]
        random.Random(f"{visitor.seed}:{visitor.turn}:speakable").shuffle(others)
        if "offer_more_help" in names:  # "Anything else?" after its last question was answered: no, not "Okay."
            return random.Random(f"{visitor.seed}:{visitor.turn}:none").choice(NOTHING_ELSE)
        for other in others:
            if other != visitor.last_line and self._filtered(other, visitor) == other:
                return other
        return kept

    def _open_ask(self, visitor: Visitor, state: State) -> str:
        """One of the state's lines that the visitor can still say whole: what it still needs."""
        lines = state.idle or state.lines
        first = self._pick(lines, visitor)
        if self._filtered(first, visitor) == first:
            return first
        others = [self._render(c.text, visitor) for c in self._candidates(lines, visitor)]
        return next((o for o in others if self._filtered(o, visitor) == o), first)

    def _closed_in_passing(self, visitor: Visitor, was: str, fired: Rule | None, names: frozenset[str]) -> Rule | None:
        """One message can answer the last question and close the call ("... Anything else? Thanks for calling."):
        once the answer has moved the visitor on, the closing words count in the new state too."""
        if visitor.state == was or self.scenario.states[visitor.state].end or not names & _CLOSING_WORDS:
            return fired
        moved_to = visitor.state
        visitor.fired = None
        visitor.trigger("respond", signals=names)
        closing = visitor.fired
        if closing is not None and closing.to is not None and self.scenario.states[visitor.state].end:
            return closing
        if visitor.state != moved_to:
            self.machine.set_state(moved_to, model=visitor)  # only a goodbye may move it twice in one message
        return fired

    def _reply(self, visitor: Visitor, state: State, fired: Rule | None, message: str, names: frozenset[str]) -> str:
        moved = fired is not None and fired.to is not None
        if fired is not None and fired.say:
            lines = fired.say
        elif moved:
            lines = state.lines
        else:
            lines = state.idle or state.lines
        if state.end:
            return self._pick(lines, visitor)
        answer = self._answer(visitor, message) if "clarifying_question" in names else None
        if answer is not None:  # a question asked is answered first, whatever else the message did
            follow = _not_repeating(self._pick(lines, visitor), answer) if moved else ""
            thanks, follow = _leading_thanks(follow)  # "Alright, thanks." comes before the answer, not after it
            line = f"{thanks} {answer} {follow}".strip()
            if line == visitor.last_line:  # asked again: the same answer, said as a repeat, never another detail
                prefix = random.Random(f"{visitor.seed}:{visitor.turn}:said").choice(SAID_BEFORE)
                answer = line = f"{prefix} {self._decap(line)}"
            visitor.answered = line.removesuffix(follow).strip() if follow else line
            return line
        if "clarifying_question" in names and fired is not None and "clarifying_question" in fired.when and fired.say:
            return self._fresh(self._closest(fired.say, message, visitor), visitor, lines)
        if "clarifying_question" in names and not moved and (nearest := self._closest((), message, visitor)):
            return self._fresh(nearest, visitor, lines)  # a question no topic names, that a fact of its speaks to
        testing = fired is None or "testing_questions" in fired.when or not fired.when
        if "testing_questions" in names and testing:
            return self._fresh(self._testing_answer(visitor, state, fired, message), visitor, lines)
        if fired is None and visitor.stalls >= 2:
            return self._fresh(self._nudge(visitor, state), visitor, lines)
        return self._fresh(self._pick(lines, visitor), visitor, lines)

    def _answer(self, visitor: Visitor, message: str) -> str | None:
        """The persona's answer to what a clarifying question asks: the detail asked for (the line that names the
        very thing asked, "plate", when there is one), yes or no first to a yes-or-no question, and an honest
        "I don't know" for a detail the persona does not have (once; asked again, it says it said so)."""
        persona = self.scenario.persona_facts
        if not persona:
            return None
        asked = [
            (s.norm, t)
            for s in split_sentences(message)
            if ("?" in s.norm or _ASKS.match(s.norm)) and not detect(s.original).names & _NOT_ASKING
            for t in question_topics(s.norm)
        ]
        if not asked:
            return None
        answers: list[str] = []
        done: set[str] = set()
        for question, topic in asked:
            if topic in done:
                continue
            done.add(topic)
            if topic in persona:
                detail = self._detail(visitor, topic, question)
                if _HOW_MANY.search(question) and not _COUNT.search(detail):  # "how many?" is no "who"
                    detail = self._pick(self.scenario.persona_unknown or DONT_KNOW, visitor, salt=topic)
                if topic == "injured" and _FINE.search(question) and not any(_HURT.search(q) for q, _ in asked):
                    detail = _LEADING_NO.sub("", detail)  # "Is she okay?" is not answered "No, nobody's hurt."
                    detail = detail[:1].upper() + detail[1:]
                answers.append(detail)
                visitor.heard.add(f"told:{topic}")
            elif f"unknown:{topic}" in visitor.heard:
                answers.append(
                    f"{random.Random(f'{visitor.seed}:{visitor.turn}:said').choice(SAID_BEFORE)} "
                    f"{self._decap(self._pick(self.scenario.persona_unknown or DONT_KNOW, visitor, topic))}"
                )
            else:
                answers.append(self._pick(self.scenario.persona_unknown or DONT_KNOW, visitor, salt=topic))
                visitor.heard.add(f"unknown:{topic}")
            if len(answers) == 2:
                break
        text = " ".join(answers)
        first, topic = asked[0]
        if _YES_NO_QUESTION.match(first) and not _REQUEST.match(first) and not _YES_NO.match(text.lstrip(". ")):
            words = [w for w in asked_words(first, topic) if len(w) > 2]
            naming = next(
                (
                    x.original
                    for x in split_sentences(text)
                    if any(re.search(rf"\b{re.escape(w)}", x.original, re.IGNORECASE) for w in words)
                ),
                None,
            )
            if naming is not None:  # "Do you have the plate?" "Yes. Plate 6TRM441."; no yes or no to what it omits
                text = f"{'No.' if _NEGATIVE.search(naming) else 'Yes.'} {text}"
        return text

    def _closest(self, lines: tuple[Line, ...], question: str, visitor: Visitor) -> str:
        """The answer to a question no topic names: of the persona's facts and the rule's answers, the one that
        shares the most words with it, a persona fact first ("swap insurance?" gets "... And their insurance.");
        the rule's pick when none shares any."""
        asked = _stems(question)
        persona = [line for topic in self.scenario.persona_facts.values() for line in topic]
        scored = [
            (sum(asked[w] for w in asked.keys() & _stems(text)), own, text)  # a long shared word weighs more
            for own, group in ((1, persona), (0, lines))
            for c in self._candidates(tuple(group), visitor)
            if (text := self._render(c.text, visitor))
        ]
        best = max(scored, default=(0, 0, ""))[:2]
        if best[0] == 0:
            return self._pick(lines, visitor) if lines else ""
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
                        return self._pick(naming, visitor, salt=topic)
        naming = self._naming(lines, visitor, words)
        return self._pick(naming or lines, visitor, salt=topic)

    def _naming(self, lines: tuple[Line, ...], visitor: Visitor, words: list[str]) -> tuple[Line, ...]:
        """The lines (for the visitor's mood) that say one of the words."""
        return tuple(
            line
            for line in self._candidates(lines, visitor)
            if any(re.search(rf"\b{re.escape(w)}", self._render(line.text, visitor), re.IGNORECASE) for w in words)
        )

    @staticmethod
    def _decap(text: str) -> str:
        """The line to follow "Like I said,": a common first word lower-cased, a name ("Harbor View Drive") kept."""
        first = text.split(" ", 1)[0].strip(",.")
        return text[:1].lower() + text[1:] if first.lower() in _COMMON_OPENERS else text

    def _testing_answer(self, visitor: Visitor, state: State, fired: Rule | None, message: str) -> str:
        """ "Does that make sense?" gets yes, "any questions?" no (or the visitor's open question), "tell me back
        what you'll do" the plan in the visitor's words: the opener always fits the question asked."""
        kinds = [
            testing_kind(s.norm) for s in split_sentences(message) if "testing_questions" in detect(s.original).names
        ] or [testing_kind(" ".join(s.norm for s in split_sentences(message)))]
        kind = "teach_back" if "teach_back" in kinds else kinds[-1]
        missing = [f for f in self.scenario.resolution_facts if f not in visitor.facts]
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:testing")
        if missing:
            opener = rng.choice(NOT_YET[kind])
            ask = self._open_ask(visitor, state)
            ask = ask if not opener.endswith(("But", ",")) else self._decap(ask)
            return f"{opener} {ask}"
        says = fired.say if fired is not None and fired.say else ()
        if kind == "teach_back":  # the line that says back the most of the plan, from any state if need be
            plans = [self._render(c.text, visitor) for c in self._candidates(says or self._plans, visitor)]
            plans = [t for t in plans if "?" not in t and self._filtered(t, visitor) == t]
            rest = max(plans, key=len, default="")
        else:
            rest = self._pick(says, visitor) if says else ""
        if rest and (kept := self._filtered(rest, visitor)) != rest:  # its question was answered already
            rest = "" if kept in ACKNOWLEDGED else kept
        full, said_yes = rest, bool(_YES.match(rest))
        while (stripped := _VOCATIVE.sub("", _YES_NO.sub("", rest)).strip()) != rest:
            rest = stripped
        rest = rest[:1].upper() + rest[1:]
        if kind == "teach_back":
            return f"{rng.choice(ALL_CLEAR[kind])} {rest or rng.choice(TOLD_BACK)}"
        if len(set(kinds)) > 1:
            kind = "both"
        if said_yes and kind in ("understanding", "agreement"):
            return full  # the scenario's own yes, in the persona's voice
        if kind == "questions" and "?" in rest:
            return f"{rng.choice(NOT_YET['questions'])} {rest}"  # "Any questions?" "Just one. Should I ...?"
        if kind == "questions" and said_yes:
            return f"No. {rest}"  # "Yes. Report, number." answers "Any questions?" as "No. Report, number."
        return f"{rng.choice(ALL_CLEAR[kind])} {rest}".strip()

    def _nudge(self, visitor: Visitor, state: State) -> str:
        """A trainee going in circles: the visitor says so, in their own voice, and /hint is offered."""
        if state.nudge:
            return self._pick(state.nudge, visitor)
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:nudge")
        ask = self._open_ask(visitor, state)
        return f"{rng.choice(NUDGES)} {ask} (Stuck? /hint gives a pointer.)"

    def _fresh(self, line: str, visitor: Visitor, lines: tuple[Line, ...]) -> str:
        """Never the line just said: another variant, or the same point rephrased."""
        if line != visitor.last_line:
            return line
        others = [self._render(c.text, visitor) for c in self._candidates(lines, visitor)]
        others = [o for o in others if o != visitor.last_line]
        if others:
            return random.Random(f"{visitor.seed}:{visitor.turn}:fresh").choice(others)
        prefix = random.Random(f"{visitor.seed}:{visitor.turn}:again").choice(AGAIN)
        return f"{prefix} {self._decap(line)}"

    def ended(self, visitor: Visitor) -> bool:
        """Over: the visitor left unhappy, or said goodbye and the trainee has closed the call."""
        state = self.scenario.states[visitor.state]
        return state.end and (state.outcome != "resolved" or visitor.closed)

    def leaving(self, visitor: Visitor) -> bool:
        """The visitor has said goodbye; the trainee has one message left to close the call."""
        return self.scenario.states[visitor.state].end and not self.ended(visitor)

    def _closing(self, visitor: Visitor, signals: MessageSignals) -> Reply:
        """The trainee's last word after the visitor's goodbye: graded like any message, answered briefly."""
        visitor.turn += 1
        visitor.closed = True
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:closing")
        asked = "offer_more_help" in signals or "testing_questions" in signals
        line = rng.choice(LAST_WORDS_ASKED if asked else LAST_WORDS)
        gone = "(The caller hangs up.)" if self.scenario.channel == "phone" else "(The visitor heads out.)"
        visitor.last_line = f"{line} {gone}"
        return Reply(visitor.last_line, visitor.state, visitor.mood_name, True, signals)

    def resolved(self, visitor: Visitor) -> bool:
        """Resolved: the visitor left satisfied and every fact of the resolution was given."""
        state = self.scenario.states[visitor.state]
        return state.outcome == "resolved" and set(self.scenario.resolution_facts) <= visitor.facts

    def hint(self, visitor: Visitor) -> str | None:
        return self.scenario.states[visitor.state].hint

    def details(self, visitor: Visitor) -> dict[str, Any]:
        """This attempt's draw from each pool: derived from the seed, so never saved."""
        if visitor.details is None:
            visitor.details = {
                name: random.Random(f"{visitor.seed}:pool:{name}").choice(values)
                for name, values in self.scenario.pools.items()
            }
        return visitor.details

    def persona_name(self, visitor: Visitor) -> str:
        return self._render(self.scenario.persona_name, visitor)

    def speaker(self, visitor: Visitor) -> str:
        """How the visitor's lines are labelled: "Caller (?)" until the caller has given their name, then
        "Caller (Dana Whitfield)". The desk cannot know a name it was never told."""
        role = "Caller" if self.scenario.channel == "phone" else "Visitor"
        name = self.persona_name(visitor) if "told:name" in visitor.heard else "?"
        return f"{role} ({name})"

    def _note_told(self, visitor: Visitor, line: str) -> None:
        """Remember that the visitor has said its name, so the desk may show it."""
        name = self.persona_name(visitor)
        if name and name.lower() in line.lower():
            visitor.heard.add("told:name")

    def _render(self, text: str, visitor: Visitor) -> str:
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
            return value

        return _PLACEHOLDER.sub(fill, text)

    def _candidates(self, lines: tuple[Line, ...], visitor: Visitor) -> list[Line]:
        for_mood = [line for line in lines if visitor.mood in line.moods]
        general = [line for line in lines if not line.moods]
        return for_mood or general or list(lines)

    def _pick(self, lines: tuple[Line, ...], visitor: Visitor, salt: str = "") -> str:
        """Choose a line for the visitor's mood, the same one for the same seed and turn."""
        candidates = self._candidates(lines, visitor)
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:{visitor.state}{salt}")
        return self._render(rng.choice(candidates).text, visitor)


_STOP = frozenset(
    "what when where which there their they them this that with have does your about would could other "
    "anything something right thing just really".split()
)


def _stems(text: str) -> dict[str, int]:
    """Content words of a text, cut to five letters ("parked", "parking": "parki"), with their length."""
    return {w[:5]: len(w) for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


_THANKS = re.compile(
    r"^(ok(ay)?|alright|all right|thanks|thank you|sure|right)(,? (thanks|thank you|okay))?[.!]$", re.I
)


def _leading_thanks(follow: str) -> tuple[str, str]:
    """The follow line split into its opening acknowledgements ("Alright. Thanks.") and the rest."""
    sentences = split_sentences(follow)
    n = 0
    while n < len(sentences) and _THANKS.match(sentences[n].original):
        n += 1
    return " ".join(s.original for s in sentences[:n]), " ".join(s.original for s in sentences[n:])


def _checks_agreement(message: str) -> bool:
    return any("?" in s.norm and AGREEMENT_CHECK.search(s.norm) for s in split_sentences(message))


def _not_repeating(follow: str, answer: str) -> str:
    """The follow-up line less any sentence that only repeats the answer just given ("It's a white Toyota pickup."
    after "Plate 9GHL031, a white Toyota pickup.")."""
    said = set(re.findall(r"[a-z0-9']{4,}", answer.lower()))
    kept = []
    for s in split_sentences(follow):
        words = set(re.findall(r"[a-z0-9']{4,}", s.original.lower()))
        if not words or len(words & said) / len(words) < 0.6:
            kept.append(s.original)
    return " ".join(kept)


def _clamp(mood: int) -> int:
    return max(0, min(len(MOODS) - 1, mood))


def _rule_matches(rule: Rule, visitor: Visitor, signals: frozenset[str]) -> bool:
    if not all(s in signals for s in rule.when) or any(s in signals for s in rule.unless):
        return False
    if not all(f in visitor.facts for f in rule.given) or any(f in visitor.facts for f in rule.not_given):
        return False
    if rule.mood_at_least is not None and visitor.mood < rule.mood_at_least:
        return False
    return rule.mood_at_most is None or visitor.mood <= rule.mood_at_most
