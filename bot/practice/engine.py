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
    believed,
    hear,
    still_here,
    without_answered_questions,
    without_untold_values,
)
from bot.scenarios.format import MOODS, Line, Rule, Scenario, State
from bot.scenarios.intents import question_topics, testing_kind
from bot.values import SavedVisitor

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?:\.([a-z_][a-z0-9_]*))?\}")
_SENTENCE_START = re.compile(r"(^|[.!?]\)?\s+|^\(|[:\u2014]\s+[\"\u201c]?)$")
_YES_NO = re.compile(r"^(yes|yeah|yep|no|nope|nah|okay|ok)\b[,.!]?\s*", re.IGNORECASE)
_ASKS = re.compile(r"^(do|did|does|is|are|was|were|have|has|can|could|would|will|what|when|where|who|which|why|how)\b")
_MEMORY_ONLY: frozenset[str] = frozenset()
"""On entering a state, its rules are checked again against memory alone (no new message)."""
_OPENERS = frozenset({"greeting", "courteous_opener", "identifies", "empathy"})
_WARM = frozenset({"appreciation", "empathy", "offer_more_help", "testing_questions", "invitation_to_return"})

DONT_KNOW = (Line("I don't know, honestly."), Line("I'm not sure, sorry."), Line("I really don't know that."))
NOT_YET = {
    "understanding": ("Not really, no.", "Not yet, no.", "Honestly, not quite."),
    "questions": ("Just one.", "Yes, one thing.", "Actually, yes."),
}
ALL_CLEAR = {
    "understanding": ("Yes, that makes sense.", "It does, yes.", "Yeah, I follow.", "Yes, got it."),
    "questions": ("No, no questions.", "No, I think that covers it.", "Nope, I'm good.", "No, that's clear."),
}
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
    """Values the trainee said and items of a list given (see bot.practice.hearing)."""
    closed: bool = False
    """The visitor said goodbye first and the trainee has had their closing message."""

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
        names = (signals.names - heard.unheard) | heard.given | heard.signals
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
        line = without_answered_questions(line, self.scenario.fact_rules, visitor.facts, visitor.seed)
        line = without_untold_values(line, self.scenario.fact_rules, frozenset(visitor.heard), visitor.seed)
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
        generic_question = fired is None or "clarifying_question" in fired.when
        answer = self._answer(visitor, message) if "clarifying_question" in names and generic_question else None
        if answer is not None:
            follow = self._pick(lines, visitor) if moved else ""
            return self._fresh(f"{answer} {follow}".strip(), visitor, lines)
        if "testing_questions" in names and (fired is None or "testing_questions" in fired.when):
            return self._fresh(self._testing_answer(visitor, state, fired, message), visitor, lines)
        if fired is None and visitor.stalls >= 2:
            return self._fresh(self._nudge(visitor, state), visitor, lines)
        return self._fresh(self._pick(lines, visitor), visitor, lines)

    def _answer(self, visitor: Visitor, message: str) -> str | None:
        """The persona's answer to what a clarifying question asks; "I don't know" when it has no such fact."""
        persona = self.scenario.persona_facts
        if not persona:
            return None
        topics = [
            t for s in split_sentences(message) if "?" in s.norm or _ASKS.match(s.norm) for t in question_topics(s.norm)
        ]
        if not topics:
            return None
        answers: list[str] = []
        for topic in dict.fromkeys(topics):
            if topic in persona:
                answers.append(self._pick(persona[topic], visitor, salt=topic))
            elif not answers:
                unknown = self.scenario.persona_unknown or DONT_KNOW
                answers.append(self._pick(unknown, visitor, salt=topic))
            if len(answers) == 2:
                break
        return " ".join(answers)

    def _testing_answer(self, visitor: Visitor, state: State, fired: Rule | None, message: str) -> str:
        """ "Does that make sense?" gets yes or no; "any questions?" gets the visitor's open question or none."""
        kind = testing_kind(" ".join(s.norm for s in split_sentences(message)))
        missing = [f for f in self.scenario.resolution_facts if f not in visitor.facts]
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:testing")
        if missing:
            opener = rng.choice(NOT_YET[kind])
            ask = self._pick(state.idle or state.lines, visitor)
            return f"{opener} {ask}"
        opener = rng.choice(ALL_CLEAR[kind])
        rest = self._pick(fired.say, visitor) if fired is not None and fired.say else ""
        rest = _YES_NO.sub("", rest).strip()
        return f"{opener} {rest[:1].upper()}{rest[1:]}".strip()

    def _nudge(self, visitor: Visitor, state: State) -> str:
        """A trainee going in circles: the visitor says so, in their own voice, and /hint is offered."""
        if state.nudge:
            return self._pick(state.nudge, visitor)
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:nudge")
        ask = self._pick(state.idle or state.lines, visitor)
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
        return f"{prefix} {line[:1].lower()}{line[1:]}" if not line.startswith(("I ", "I'")) else f"{prefix} {line}"

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
