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
    plan_sentences,
    still_here,
    told_back,
    told_sentences,
    without_answered_questions,
    without_offered_details,
    without_questions_just_answered,
    without_untold_values,
)
from bot.scenarios.format import MOODS, Detail, Line, Rule, Scenario, State
from bot.scenarios.intents import (
    AGREEMENT_CHECK,
    asked_words,
    checks_understanding,
    question_topics,
    testing_kind,
)
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
    "how what when where who why will would can could do does did is are should most he's she's they're i've "
    "nobody nothing none all some one two three four five six seven eight nine ten twenty thirty since until "
    "after before during over under outside inside behind near by with without for of to up down right left "
    "mine ours yours somebody someone everyone everybody yeah yep nope well oh um uh sure okay ok fine".split()
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
_SOMEONE_ELSES_NUMBER = re.compile(r"\b(?!your\b)(\w+'s|his|her|their) (phone |cell )?(number|phone|cell)\b")
""""Your daughter's phone number?" asks for hers, not the caller's own."""
_OFFERS_HELP = re.compile(
    r"\banything (else )?(you need|i can (do|get|help)|we can (do|get|help))\b|\b(is there )?anything else\b.*\?|"
    r"\bneed anything\b|\bwhat else can i (do|help)\b|\bcan i (get|do) (you )?anything\b"
)
"""An offer of more help in any words ("Anything you need from me while we wait?")."""
_HANDOFF = re.compile(
    r"\((the |a )?[\w -]{0,30}\b(joins the line|comes on the line|comes on|takes over|arrives|comes in|picks up)",
    re.IGNORECASE,
)
"""An ending that hands the visitor over ("(The crisis counselor joins the line.)"): nobody is hanging up."""
_DIGIT = re.compile(r"\d")
_SOMEONE_ELSES = re.compile(r"\b(their|the other)\b")
"""A question about someone else's car ("their plate") is answered by the detail about them, not the visitor's."""
_TOPIC_OF_DETAIL = {"phone": "callback"}
"""A detail that also tells its topic: once the number is given, "Do you need my number?" is not offered again."""
OFFER_YES = ("Yes, please.", "Yes, please. Thank you.", "Please, yes.")
_MEMORY_ONLY: frozenset[str] = frozenset()
_MOST_ANSWERS = 6
"""At most this many answers to one message's questions: every part of a multi-part question, not a speech."""
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
    "both": ("Yes, it does. No questions.", "Yes, got it. No questions.", "Yeah, I follow. No questions."),
    "teach_back": ("Sure.", "Okay, let me see.", "Okay."),
}
TOLD_BACK = ("I think I've got it all.", "I think I've got it. I'll do it just like you said.", "I've got it, yes.")
"""A teach-back answered when the scenario has no line that says the plan back."""
SAID_BEFORE = ("Like I said,", "As I said,", "Again,")
_NUMBER_BACK = re.compile(
    r"\b(read|say|repeat|give) (me )?(that|the|this|it|those)? ?(number|phone|digits|e-?mail|address)|"
    r"\b(number|e-?mail|address) back\b|\bback (the|their|that|his|her|your)( \w+'s)? (number|e-?mail|address)\b|"
    r"\b(read|say|repeat) (it|that|them) back\b",
    re.IGNORECASE,
)
NOTHING_ELSE = ("No, I think that's everything.", "No, that's all. Thank you.", "No, I'm okay. Thanks.")
"""An offer of more help when the visitor has nothing left to ask."""
DISTRESSED = {
    "understanding": ("Okay. I understand.", "Yes. Okay.", "I think so. Okay."),
    "questions": ("No. Not right now.", "No, I don't think so.", "No."),
    "agreement": ("Okay.", "Yes. Okay.", "Okay. Yes, please."),
    "both": ("Okay. I understand.", "Yes. I think I understand.", "Okay. No questions."),
    "teach_back": ("Okay.", "Um. Okay.", "Let me think."),
}
LIMITED = {
    "understanding": ("Yes. I understand.", "Yes, okay.", "Okay. Yes."),
    "questions": ("No question.", "No. Okay.", "No, thank you."),
    "agreement": ("Yes, okay.", "Okay. Good.", "Yes. Good."),
    "both": ("Yes. No question.", "Okay. I understand.", "Yes, okay. No question."),
    "teach_back": ("Okay.", "Yes.", "Okay, I say."),
}
CHILD = {
    "understanding": ("Yeah. I get it.", "Okay, yeah.", "Yeah, I understand."),
    "questions": ("No, I don't think so.", "Um, no.", "No."),
    "agreement": ("Okay, yeah.", "Yeah, okay.", "Okay."),
    "both": ("Yeah, I get it. No questions.", "Okay. Um, no questions.", "Yeah. No."),
    "teach_back": ("Um, okay.", "Okay, so.", "Okay."),
}
REGISTERS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "distressed": {
        "all_clear": DISTRESSED,
        "nothing_else": {"none": ("No. Just... thank you.", "No. That's all.", "No, I'm okay.")},
    },
    "limited": {
        "all_clear": LIMITED,
        "not_yet": {"understanding": ("Yes. But", "Okay. But"), "questions": ("One question.", "Yes, one.")},
        "nothing_else": {"none": ("No. Thank you.", "No, that is all. Thank you.", "No. Okay.")},
    },
    "child": {"all_clear": CHILD},
}
"""Stock lines in each persona register, by the table they replace (the default table is everyday speech)."""
NUDGES = (
    "Sorry, I feel like we're going in circles.",
    "I'm not sure we're getting anywhere.",
    "Okay, but that doesn't really help me.",
    "I'm still stuck on the same thing.",
)
AGAIN = ("So,", "Sorry, but", "I mean,", "Sorry, so")

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
    message: str = ""
    """The trainee's message being answered; not saved."""

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
        self._names = frozenset(
            word
            for value in [scenario.persona_name, *(v for values in scenario.pools.values() for v in values)]
            for text in (value.values() if isinstance(value, Mapping) else [value])
            for word in re.findall(r"[A-Z][\w-]+", str(text))
        )
        """Capitalised words of the persona's names and pool values: a name keeps its capital after "Like I said"."""
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
        self._remember_said(visitor, opening)
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
        names = _with_checks(message, names)
        if any(_ASKS_FOR.search(x.norm) for x in split_sentences(message)):
            names |= {"clarifying_question"}  # "I need your name and number." asks like a question
        names = _with_offer_of_help(message, names)
        if "clarifying_question" in names and not any(self._genuine(x) for x in split_sentences(message)):
            names = names - {"clarifying_question"}  # a tag ("..., okay?"), an offer or a check asks no detail
        offered = any(_OFFER.search(x.norm) for x in split_sentences(message))
        if offered and not any(
            ("?" in x.norm or _ASKS.match(x.norm)) and not _OFFER.search(x.norm) and not checks_understanding(x.norm)
            for x in split_sentences(message)
        ):
            names = names - {"clarifying_question"}  # an offer asks no detail of the visitor's
        visitor.facts -= {fact for fact, _ in heard.wrong}  # "Actually, it's 30 days": believed, so forgotten
        visitor.heard |= set(heard.memory)
        visitor.turn += 1
        visitor.message = message
        plans = plan_sentences(message)
        told = told_sentences(message)
        visitor.heard |= {f"plan:{visitor.turn:03d}:{i}:{int(t in plans)}:{t}" for i, t in enumerate(told) if plans}
        visitor.heard |= {f"told-me:{text}" for text in told}
        visitor.heard |= {f"tod:{when}" for when, words in _TIME_OF_DAY if words.search(message)}
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
        helped = bool(plans) or bool(names & {"clarifying_question", "testing_questions", "empathy"})
        visitor.stalls = 0 if moved or state.end else visitor.stalls + (0 if helped else 1)  # a fair step is no stall
        if visitor.mood >= MOODS.index("angry") and (visitor.mood > visitor.start_mood or visitor.turn >= 3):
            visitor.heard.add("was:angry")  # heated in this call, not only in its opening line
        line = self._reply(visitor, state, fired, message, names)
        if heard.wrong and not (fired and fired.say):
            line = f"{believed(heard.wrong, visitor.seed, visitor.turn)} {line}"
        elif names & _CONTEMPT and not (fired and fired.say) and not state.end:
            line = random.Random(f"{visitor.seed}:{visitor.turn}:tone").choice(TAKEN_ABACK)  # and waits
        answering = visitor.answered
        line = self._speakable(line, visitor, state, names)
        if offered and not state.end and not _YES_NO.match(line):
            line = f"{random.Random(f'{visitor.seed}:{visitor.turn}:offer').choice(OFFER_YES)} {line}"
        line = self._fitting(self._unrepeated(line, visitor, state, answering), visitor)
        self._remember_said(visitor, line)
        self._note_told(visitor, line)
        if self.leaving(visitor):  # the trainee still has the last word
            line = still_here(line) or "Okay."
            phone = self.scenario.channel == "phone"
            if _HANDOFF.search(line):  # handed over, not leaving: the desk may still close its part
                line += " (You're still on the line.)" if phone else " (The visitor is still here with you.)"
            else:
                line += " (The caller is about to hang up.)" if phone else " (The visitor turns to go.)"
        visitor.last_line = line
        log.debug("scenario %s turn %s: %s -> %s", self.scenario.id, visitor.turn, sorted(names), visitor.state)
        return Reply(line, visitor.state, visitor.mood_name, self.ended(visitor), signals)

    def _filtered(self, line: str, visitor: Visitor) -> str:
        """The line less what the visitor must not say: a question about what it was just told, a value it was
        never told, an offer of a detail it already gave."""
        line = without_answered_questions(line, self.scenario.fact_rules, visitor.facts, visitor.seed)
        line = without_untold_values(line, self.scenario.fact_rules, frozenset(visitor.heard), visitor.seed)
        told = [k.removeprefix("told-me:") for k in visitor.heard if k.startswith("told-me:")]
        line = without_questions_just_answered(line, " ".join([visitor.message, *told]))
        return without_offered_details(line, frozenset(visitor.heard), visitor.seed)

    @staticmethod
    def _heard_plan(visitor: Visitor) -> list[tuple[int, bool, str]]:
        """What the trainee told the visitor to do or what will happen, in the order said: (turn, sentence)."""
        found = []
        for key in visitor.heard:
            if key.startswith("plan:"):
                _, turn, index, directive, text = key.split(":", 4)
                found.append((int(turn), int(index), directive == "1", text))
        return [(turn, directive, text) for turn, _, directive, text in sorted(found)]

    def _unrepeated(self, line: str, visitor: Visitor, state: State, answer: str = "") -> str:
        """The line as never said before: the answer to a question asked again is given again, as a repeat ("Like
        I said, ..."); any other sentence said before in this call, or that echoes one before it in the line, is
        left out, and when nothing is left, another of the state's lines or the point said as a repeat."""
        said = {k for k in visitor.heard if k.startswith("said:")}
        said_words = [set(k.removeprefix("said:").split()) - _FILLER for k in said]
        at = line.find(answer) if answer else -1
        head, tail = (line[: at + len(answer)], line[at + len(answer) :]) if at >= 0 else ("", line)
        if head:
            head = " ".join(_distinct([head]))  # a repeat in it is said as one already (`_as_repeats`)
        kept: list[str] = []
        dropped: list[str] = []
        seen: list[set[str]] = [_content_words(x.original) for x in split_sentences(head)]
        for x in split_sentences(tail):
            words = _content_words(x.original)
            if len(words) < _SAYS_SOMETHING:
                kept.append(x.original)
            elif any(len(words & w) / len(words) >= 0.75 for w in seen + said_words):
                dropped.append(x.original)
            else:
                kept.append(x.original)
                seen.append(words)
        if not dropped:
            return line if not head else f"{head} {tail.strip()}".strip()
        if head or any(len(_content_words(k)) >= _SAYS_SOMETHING for k in kept) or "?" in " ".join(kept):
            return " ".join([head, *kept]).strip()
        for other in self._candidates(state.idle or state.lines, visitor):
            text = self._render(other.text, visitor)
            fresh = all(_said_key(x.original) not in said for x in split_sentences(text))
            if fresh and not state.end and self._filtered(text, visitor) == text:
                return " ".join([*kept, text]).strip()
        again = AGAIN if "?" in dropped[0] else SAID_BEFORE  # its own question asked again: "Sorry, but ...?"
        prefix = random.Random(f"{visitor.seed}:{visitor.turn}:said").choice(again)
        return " ".join([*kept, f"{prefix} {self._decap(dropped[0])}"]).strip()

    def _remember_said(self, visitor: Visitor, line: str) -> None:
        visitor.heard |= {
            _said_key(s.original) for s in split_sentences(line) if len(_content_words(s.original)) >= _SAYS_SOMETHING
        }
        if _APOLOGY.search(line):
            visitor.heard.add("was:sorry")

    def _fitting(self, line: str, visitor: Visitor) -> str:
        """The line as it fits this call: no apology for yelling from a visitor who never got heated (or has
        apologised already), no "have a good day" to someone who said good evening."""
        if _APOLOGY.search(line) and ("was:angry" not in visitor.heard or "was:sorry" in visitor.heard):
            kept = [s.original for s in split_sentences(line) if not _APOLOGY.search(s.original)]
            line = " ".join(kept) or "Okay."
        if "tod:evening" in visitor.heard:
            line = _GOOD_DAY.sub(lambda m: f"{m.group(1)} {m.group(2)} {m.group(3) or 'good '}night", line)
        elif "tod:morning" in visitor.heard:
            line = _GOOD_NIGHT.sub(lambda m: f"{m.group(1)} {m.group(2)} {m.group(3) or 'good '}day", line)
        return line

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
            return random.Random(f"{visitor.seed}:{visitor.turn}:none").choice(
                self._voice("nothing_else", {"none": NOTHING_ELSE})["none"]
            )
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
        if not persona and not self.scenario.persona_details:
            return None
        questions = [
            s.norm
            for s in split_sentences(message)
            if ("?" in s.norm or _ASKS.match(s.norm) or _ASKS_FOR.search(s.norm))
            and not _TAG.search(s.norm)
            and (not detect(s.original).names & _NOT_ASKING or self._asks_a_detail(s.norm))
            and not checks_understanding(s.norm)
        ]
        asked = [(q, t) for q in questions for t in question_topics(q)]
        wanted = [
            (q, d)
            for q in questions
            for d in self.scenario.persona_details
            if d.asked.search(q) and not (d.name == "phone" and _SOMEONE_ELSES_NUMBER.search(q))
        ]
        if not asked and not wanted:
            return None
        answers: list[str] = []
        done: set[str] = set()
        again = False
        told_before = frozenset(k for k in visitor.heard if k.startswith("told:"))  # before this answer
        for question in questions:  # every part of every question, in the order asked
            matched = [d for q, d in wanted if q == question]
            for topic in [t for q, t in asked if q == question]:
                theirs = topic == "vehicle" and matched and _SOMEONE_ELSES.search(question)
                if (
                    topic in done
                    or theirs
                    or (matched and (topic not in persona or _held_by(question, topic, matched)))
                ):
                    continue  # the detail answers it: no "I don't know", no name for "his date of birth?"
                done.add(topic)
                again |= f"told:{topic}" in told_before
                answers.append(self._topic_answer(visitor, topic, question, asked))
            for detail in matched:
                if detail.name in done:
                    continue
                done.add(detail.name)
                again |= f"told:detail:{detail.name}" in told_before
                line = self._pick(detail.say, visitor, salt=detail.name)
                if f"told:detail:{detail.name}" in visitor.heard and not detail.known:
                    line = f"{random.Random(f'{visitor.seed}:{visitor.turn}:said').choice(SAID_BEFORE)} " + (
                        self._decap(line)
                    )
                answers.append(line)
                visitor.heard.add(f"told:detail:{detail.name}")
                visitor.heard.add(f"told:{_TOPIC_OF_DETAIL.get(detail.name, detail.name)}")
        answers = self._as_repeats(_distinct(answers), visitor, again)
        if not answers:
            return None
        if len(answers) > 1:  # "Nina Petrova. Do you need my number too? Sure, it's ...": no offer mid-answer
            answers = [a for a in (_statements(a) for a in answers) if a]
        text = " ".join(answers[:_MOST_ANSWERS])
        if not asked:
            return text
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

    def _as_repeats(self, answers: list[str], visitor: Visitor, again: bool) -> list[str]:
        """Answers to a question asked again, said as repeats: the detail again ("Like I said, 1420 Juniper.",
        "And no threats..."), without the remarks that went with it the first time."""
        said = {k for k in visitor.heard if k.startswith("said:")}
        prefix = random.Random(f"{visitor.seed}:{visitor.turn}:said").choice(SAID_BEFORE)
        if again and answers and not any(_said_key(x.original) in said for x in split_sentences(answers[0])):
            answers = [f"{prefix} {self._decap(answers[0])}", *answers[1:]]  # asked again, said in other words
        first = not (again and answers and answers[0].startswith(SAID_BEFORE))
        result = []
        for part in answers:
            sentences = split_sentences(part)
            kept = []
            for i, x in enumerate(sentences):
                if _said_key(x.original) not in said:
                    kept.append(x.original)
                elif i == 0 or _DIGIT.search(x.original):  # the detail itself; a remark is not said twice
                    kept.append(f"{prefix if first else 'And'} {self._decap(x.original)}")
                    first = False
            if kept:
                result.append(" ".join(kept))
        return result

    def _genuine(self, sentence: Any) -> bool:
        """A sentence that asks the visitor for something of its own (not a tag, an offer or a check)."""
        norm = sentence.norm
        if not ("?" in norm or _ASKS.match(norm) or _ASKS_FOR.search(norm)):
            return False
        if _TAG.search(norm) or _OFFER.search(norm) or _OFFERS_HELP.search(norm) or checks_understanding(norm):
            return False
        return not detect(sentence.original).names & _NOT_ASKING or self._asks_a_detail(norm)

    def _asks_a_detail(self, norm: str) -> bool:
        """A question the grader may count as a check ("What number are you calling from?") that asks for one of
        the persona's own details all the same."""
        return testing_kind(norm) == "understanding" and any(
            d.asked.search(norm) and not _OFFERS_HELP.search(norm) for d in self.scenario.persona_details
        )

    def _topic_answer(self, visitor: Visitor, topic: str, question: str, asked: list[tuple[str, str]]) -> str:
        """The persona's line for one topic asked, or an honest "I don't know" (once; again, "Like I said")."""
        persona = self.scenario.persona_facts
        if topic in persona:
            detail = self._detail(visitor, topic, question)
            if _HOW_MANY.search(question) and not _COUNT.search(detail):  # "how many?" is no "who"
                counted = [
                    c for c in self._candidates(persona[topic], visitor) if _COUNT.search(self._render(c.text, visitor))
                ]
                detail = self._pick(tuple(counted) or self.scenario.persona_unknown or DONT_KNOW, visitor, salt=topic)
            if topic == "injured" and _FINE.search(question) and not any(_HURT.search(q) for q, _ in asked):
                detail = _LEADING_NO.sub("", detail)  # "Is she okay?" is not answered "No, nobody's hurt."
                detail = detail[:1].upper() + detail[1:]
            visitor.heard.add(f"told:{topic}")
            return detail
        unknown = self._pick(self.scenario.persona_unknown or DONT_KNOW, visitor, salt=topic)
        if f"unknown:{topic}" in visitor.heard:
            return f"{random.Random(f'{visitor.seed}:{visitor.turn}:said').choice(SAID_BEFORE)} {self._decap(unknown)}"
        visitor.heard.add(f"unknown:{topic}")
        return unknown

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

    def _decap(self, text: str) -> str:
        """The line to follow "Like I said,": a common first word lower-cased ("Plate 7HWD310" too), a name
        ("Harbor View Drive", "Jamal's birthday") kept."""
        words = text.split(" ", 2)
        first = words[0].strip(",.")
        following = words[1] if len(words) > 1 else ""
        plain = following[:1].islower() or following[:1].isdigit()
        if first == "I" or first.startswith("I'"):
            return text
        common = first.lower().split("-")[0] in _COMMON_OPENERS
        if common or plain and first.split("'")[0] not in self._names:
            return text[:1].lower() + text[1:]
        return text

    def _testing_answer(self, visitor: Visitor, state: State, fired: Rule | None, message: str) -> str:
        """ "Does that make sense?" gets yes, "any questions?" no (or the visitor's open question), "tell me back
        what you'll do" the plan in the visitor's words: the opener always fits the question asked."""
        kinds = [
            testing_kind(s.norm) for s in split_sentences(message) if "testing_questions" in detect(s.original).names
        ] or [testing_kind(" ".join(s.norm for s in split_sentences(message)))]
        kind = "teach_back" if "teach_back" in kinds else kinds[-1]
        missing = [f for f in self.scenario.resolution_facts if f not in visitor.facts]
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:testing")
        clear, not_yet = self._voice("all_clear", ALL_CLEAR), self._voice("not_yet", NOT_YET)
        plan = told_back(self._heard_plan(visitor), bool(_NUMBER_BACK.search(message))) if kind == "teach_back" else ""
        if plan:  # the plan as the visitor heard it, wrong values and all; then what it still needs
            ask = self._open_ask(visitor, state) if missing else ""
            ask = ask if "?" in ask else ""
            return f"{rng.choice(clear[kind])} {plan} {ask}".strip()
        if missing:
            opener = rng.choice(not_yet[kind])
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

    def _voice(self, name: str, table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        """A table of stock lines in the persona's register: a frightened caller says "Okay. I understand.", not
        "Yeah, I follow."; the limited-English visitor "Yes. I understand." (`persona.register`)."""
        voiced = REGISTERS.get(self.scenario.persona_register, {}).get(name)
        return {**table, **voiced} if voiced else table

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
        """The state's hint; when the call needs agency facts, a pointer to the desk reference shown with the
        brief (the numbers and hours are there, not in the trainee's head)."""
        hint = self.scenario.states[visitor.state].hint
        if hint and self.scenario.desk_reference and not self.scenario.states[visitor.state].end:
            return f"{hint} (The numbers and hours are in the desk reference under the brief.)"
        return hint

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


_TIME_OF_DAY = (
    ("evening", re.compile(r"\bgood (evening|night)\b|\btonight\b|\bthis evening\b|\bat this hour\b", re.I)),
    ("morning", re.compile(r"\bgood morning\b|\bmornin'?\b|\bthis morning\b", re.I)),
)
"""What the trainee's words say of the time of day, which the visitor's goodbyes follow."""
_GOOD_DAY = re.compile(r"\b(have|enjoy) (a|the rest of your|your) ((?:good |nice |great )?)day\b", re.I)
_GOOD_NIGHT = re.compile(r"\b(have|enjoy) (a|the rest of your|your) ((?:good |nice |great )?)(?:night|evening)\b", re.I)
_APOLOGY = re.compile(
    r"\bsorry (?:i|for) (?:yelled|yelling|snapp\w*|was (?:short|rude|snippy|so rude)|being (?:short|rude|difficult)|"
    r"lost my|the attitude|raising|shouting|shouted|got (?:heated|loud|upset))|\bsorry for snapping\b",
    re.I,
)
_FILLER = frozenset(
    "the a an and or but so to of in on at it is was i i'm my me you your yes no okay ok oh um uh just that this "
    "for with be do did does are were he she his her they them we our thanks thank much very too really please "
    "alright right well sure good great".split()
)
_SAYS_SOMETHING = 2
"""Content words a sentence needs to count as said (so "Okay, thanks." may come twice, "My cell's best." not)."""


def _content_words(sentence: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9']+", sentence.lower()) if w not in _FILLER}


def _said_key(sentence: str) -> str:
    """A sentence said, as the visitor remembers it (its words, without case or punctuation)."""
    return "said:" + " ".join(re.findall(r"[a-z0-9']+", sentence.lower()))


def _distinct(answers: list[str]) -> list[str]:
    """The answers less any sentence that only repeats what came before it ("Jamal Yusuf. ... Jamal Yusuf.",
    "Blue Ford Focus. The plate's 9GHL031. A blue Ford Focus, plate 9GHL031.")."""
    seen: set[str] = set()
    result = []
    for answer in answers:
        kept = []
        for s in split_sentences(answer):
            words = _content_words(s.original)
            stems = {w.removesuffix("'s") for w in words}
            if stems and len(stems & seen) / len(stems) >= 0.75:
                continue
            kept.append(s.original)
            seen |= stems
        if kept:
            result.append(" ".join(kept))
    return result


def _statements(text: str) -> str:
    return " ".join(s.original for s in split_sentences(text) if "?" not in s.original)


def _held_by(question: str, topic: str, details: list[Detail]) -> bool:
    """Every word of the question that asks for the topic is a word asking for one of the details ("date of
    birth" asks for the birth date, not the name)."""
    spans = [m.span() for d in details for m in d.asked.finditer(question)]
    words = [m.span() for w in asked_words(question, topic) for m in re.finditer(re.escape(w), question)]
    return all(any(a <= s and e <= b for a, b in spans) for s, e in words)


def _with_offer_of_help(message: str, names: frozenset[str]) -> frozenset[str]:
    """An offer of more help the grader may read as a plain question ("Anything you need from me while we
    wait?") asks the visitor for nothing of its own: it is answered as an offer."""
    sentences = split_sentences(message)
    if not any(_OFFERS_HELP.search(x.norm) for x in sentences):
        return names
    names = names | {"offer_more_help"}
    others = [
        x
        for x in sentences
        if ("?" in x.norm or _ASKS.match(x.norm)) and not _OFFERS_HELP.search(x.norm) and question_topics(x.norm)
    ]
    return names if others else names - {"clarifying_question"}


def _with_checks(message: str, names: frozenset[str]) -> frozenset[str]:
    """A check of understanding the grader may read as a plain question ("just so I'm sure I explained it, what
    will you do?") asks the visitor to say the plan back: no detail of its own is asked when it is the only
    question in the message."""
    sentences = split_sentences(message)
    checks = [s for s in sentences if checks_understanding(s.norm)]
    if not checks:
        return names
    others = [s for s in sentences if ("?" in s.norm or _ASKS.match(s.norm)) and not checks_understanding(s.norm)]
    names = names | {"testing_questions"}
    return names if others else names - {"clarifying_question"}


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
