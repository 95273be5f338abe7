"""The scenario engine: a transitions machine per scenario, shared by every attempt at it.

One `Machine` is built per scenario and each attempt's `Visitor` is added to it as a
model (a machine per attempt would cost far more memory). The visitor's whole state
is plain values (`SavedVisitor`), so an attempt can be saved after every message and
restored later, even in another process.

A visitor attached to the machine stays referenced by it until released, so whoever
attaches one uses `started` or `restored`, which release it however the block ends.

This module moves the visitor from state to state and decides what kind of reply a
message gets; the visitor's state is in bot.practice.visitor, what a message asks in
bot.practice.asking, the persona's answers in bot.practice.answers and the shaping of
every line in bot.practice.lines.
"""

from __future__ import annotations

import logging
import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from transitions import EventData, Machine

from bot.grading import MessageSignals, detect
from bot.practice.answers import YES_NO, Answers
from bot.practice.asking import read_asking
from bot.practice.hearing import Heard, believed, hear, plan_sentences, still_here, told_sentences
from bot.practice.lines import Lines, leading_thanks, not_repeating, times_of_day
from bot.practice.stock_lines import DONT_KNOW, LAST_WORDS, LAST_WORDS_ASKED, OFFER_YES, SAID_BEFORE, TAKEN_ABACK
from bot.practice.visitor import MOOD_STEPS, Reply, SavedVisitor, Visitor, clamp
from bot.scenarios.format import MOODS, Rule, Scenario, State

__all__ = ["DONT_KNOW", "SAID_BEFORE", "Reply", "SavedVisitor", "ScenarioEngine", "Visitor"]
"""What the rest of the bot, the tests and the benches import from here."""

log = logging.getLogger(__name__)

_MEMORY_ONLY: frozenset[str] = frozenset()
"""On entering a state, its rules are checked again against memory alone (no new message)."""
_OPENERS = frozenset({"greeting", "courteous_opener", "identifies", "empathy"})
_WARM = frozenset({"appreciation", "empathy", "offer_more_help", "testing_questions", "invitation_to_return"})
_CONTEMPT = frozenset({"sarcasm", "rude"})
_CLOSING = frozenset({"offer_more_help", "appreciation"})
"""A call the trainee has closed: both said, the last of them in the message that ends it. Otherwise (a bare
"Take care.", a mid-call "Thank you.") the visitor's goodbye leaves the trainee the last word."""
_CLOSING_WORDS = frozenset({"appreciation", "farewell"})
_HANDOFF = re.compile(
    r"\((the |a )?[\w -]{0,30}\b(joins the line|comes on the line|comes on|takes over|arrives|comes in|picks up)",
    re.IGNORECASE,
)
"""An ending that hands the visitor over ("(The crisis counselor joins the line.)"): nobody is hanging up."""


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
        self.lines = Lines(scenario)
        self.answers = Answers(scenario, self.lines)

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
            opening = self.lines.pick(self.scenario.states[visitor.state].lines, visitor)
        except BaseException:  # the caller never gets the visitor, so it could never release it
            self.release(visitor)
            raise
        visitor.last_line = opening
        self.lines.remember_said(visitor, opening)
        self.lines.note_told(visitor, opening)
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
        names, offered = read_asking(names, signals.sentences, self.scenario.persona_details)
        planned = self._take_in(visitor, message, heard)
        before = (visitor.state, frozenset(visitor.facts))
        fired = self._move(visitor, names)
        state = self.scenario.states[visitor.state]
        moved = (visitor.state, frozenset(visitor.facts)) != before
        helped = planned or bool(names & {"clarifying_question", "testing_questions", "empathy"})
        self._settle(visitor, state, names, moved, helped)
        line = self._reply(visitor, state, fired, message, names, signals)
        line = self._spoken(line, visitor, state, fired, names, heard, offered)
        visitor.last_line = line
        log.debug("scenario %s turn %s: %s -> %s", self.scenario.id, visitor.turn, sorted(names), visitor.state)
        return Reply(line, visitor.state, visitor.mood_name, self.ended(visitor), signals)

    def _take_in(self, visitor: Visitor, message: str, heard: Heard) -> bool:
        """What the message tells the visitor joins its memory: a wrong value believed (the right one forgotten),
        the values heard, what it was told and told to do, the time of day. True when it was told a plan."""
        visitor.facts -= {fact for fact, _ in heard.wrong}  # "Actually, it's 30 days": believed, so forgotten
        visitor.heard |= set(heard.memory)
        visitor.turn += 1
        visitor.message = message
        plans = plan_sentences(message)
        told = told_sentences(message)
        visitor.heard |= {f"plan:{visitor.turn:03d}:{i}:{int(t in plans)}:{t}" for i, t in enumerate(told) if plans}
        visitor.heard |= {f"told-me:{text}" for text in told}
        visitor.heard |= times_of_day(message)
        return bool(plans)

    def _move(self, visitor: Visitor, names: frozenset[str]) -> Rule | None:
        """The mood moves, the message joins the visitor's memory and the first matching rule fires; in a new
        state, rules that memory alone satisfies fire too (three hops at most). The rule that decides the reply."""
        was = visitor.state
        step = sum(MOOD_STEPS.get(s, 0) for s in names)
        if visitor.turn == 1 and not names & _OPENERS:
            step += 1  # "Yeah?" or "What?" to someone who called for help
        visitor.mood = clamp(visitor.mood + step)
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
        return self._closed_in_passing(visitor, was, fired, names)

    def _settle(self, visitor: Visitor, state: State, names: frozenset[str], moved: bool, helped: bool) -> None:
        """Once the visitor has moved: whether the trainee has closed the call, the mood a curt goodbye leaves,
        the trainee's stalls (a message that neither moved the call on nor helped) and a visitor heated."""
        if state.end and names & _CLOSING and visitor.facts | names >= _CLOSING:
            visitor.closed = True  # the trainee has offered more help and thanked, the last of it now
        if state.end and "farewell" in names and not names & _WARM:
            visitor.mood = clamp(visitor.mood + 1)  # a curt "Bye." leaves the visitor a little sourer
        visitor.stalls = 0 if moved or state.end else visitor.stalls + (0 if helped else 1)  # a fair step is no stall
        if visitor.mood >= MOODS.index("angry") and (visitor.mood > visitor.start_mood or visitor.turn >= 3):
            visitor.heard.add("was:angry")  # heated in this call, not only in its opening line

    def _spoken(
        self,
        line: str,
        visitor: Visitor,
        state: State,
        fired: Rule | None,
        names: frozenset[str],
        heard: Heard,
        offered: bool,
    ) -> str:
        """The reply as the visitor says it: taking up a wrong value it believed, taken aback by contempt, yes to
        an offer, filtered, never said before, fitting the call, and remembered as said."""
        if heard.wrong and not (fired and fired.say):
            line = f"{believed(heard.wrong, visitor.seed, visitor.turn)} {line}"
        elif names & _CONTEMPT and not (fired and fired.say) and not state.end:
            line = random.Random(f"{visitor.seed}:{visitor.turn}:tone").choice(TAKEN_ABACK)  # and waits
        answering = visitor.answered
        line = self.lines.speakable(line, visitor, state, names)
        if offered and not state.end and not YES_NO.match(line):
            line = f"{random.Random(f'{visitor.seed}:{visitor.turn}:offer').choice(OFFER_YES)} {line}"
        line = self.lines.fitting(self.lines.unrepeated(line, visitor, state, answering), visitor)
        self.lines.remember_said(visitor, line)
        self.lines.note_told(visitor, line)
        if self.leaving(visitor):  # the trainee still has the last word
            line = self._leaving(line)
        return line

    def _leaving(self, line: str) -> str:
        """The visitor's goodbye, marked as such: about to hang up or turn to go, or handed over."""
        line = still_here(line) or "Okay."
        phone = self.scenario.channel == "phone"
        if _HANDOFF.search(line):  # handed over, not leaving: the desk may still close its part
            line += " (You're still on the line.)" if phone else " (The visitor is still here with you.)"
        else:
            line += " (The caller is about to hang up.)" if phone else " (The visitor turns to go.)"
        return line

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

    def _reply(
        self,
        visitor: Visitor,
        state: State,
        fired: Rule | None,
        message: str,
        names: frozenset[str],
        signals: MessageSignals,
    ) -> str:
        """What the visitor says to the message: the answer to a question first, then whatever the rule or
        state has it say; the answer to a check of understanding; a nudge after stalls."""
        moved = fired is not None and fired.to is not None
        if fired is not None and fired.say:
            lines = fired.say
        elif moved:
            lines = state.lines
        else:
            lines = state.idle or state.lines
        if state.end:
            return self.lines.pick(lines, visitor)
        answer = self.answers.answer(visitor, signals.sentences) if "clarifying_question" in names else None
        if answer is not None:  # a question asked is answered first, whatever else the message did
            follow = not_repeating(self.lines.pick(lines, visitor), answer) if moved else ""
            thanks, follow = leading_thanks(follow)  # "Alright, thanks." comes before the answer, not after it
            line = f"{thanks} {answer} {follow}".strip()
            if line == visitor.last_line:  # asked again: the same answer, said as a repeat, never another detail
                prefix = random.Random(f"{visitor.seed}:{visitor.turn}:said").choice(SAID_BEFORE)
                answer = line = f"{prefix} {self.lines.decap(line)}"
            visitor.answered = line.removesuffix(follow).strip() if follow else line
            return line
        if "clarifying_question" in names and fired is not None and "clarifying_question" in fired.when and fired.say:
            return self.lines.fresh(self.answers.closest(fired.say, message, visitor), visitor, lines)
        if "clarifying_question" in names and not moved and (nearest := self.answers.closest((), message, visitor)):
            return self.lines.fresh(nearest, visitor, lines)  # a question no topic names, that a fact of its speaks to
        testing = fired is None or "testing_questions" in fired.when or not fired.when
        if "testing_questions" in names and testing:
            return self.lines.fresh(
                self.answers.testing_answer(visitor, state, fired, message, signals.sentences), visitor, lines
            )
        if fired is None and visitor.stalls >= 2:
            return self.lines.fresh(self.lines.nudge(visitor, state), visitor, lines)
        return self.lines.fresh(self.lines.pick(lines, visitor), visitor, lines)

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
        return self.lines.details(visitor)

    def persona_name(self, visitor: Visitor) -> str:
        return self.lines.persona_name(visitor)

    def speaker(self, visitor: Visitor) -> str:
        """How the visitor's lines are labelled: "Caller (?)" until the caller has given their name, then
        "Caller (Dana Whitfield)". The desk cannot know a name it was never told."""
        role = "Caller" if self.scenario.channel == "phone" else "Visitor"
        name = self.persona_name(visitor) if "told:name" in visitor.heard else "?"
        return f"{role} ({name})"


def _rule_matches(rule: Rule, visitor: Visitor, signals: frozenset[str]) -> bool:
    if not all(s in signals for s in rule.when) or any(s in signals for s in rule.unless):
        return False
    if not all(f in visitor.facts for f in rule.given) or any(f in visitor.facts for f in rule.not_given):
        return False
    if rule.mood_at_least is not None and visitor.mood < rule.mood_at_least:
        return False
    return rule.mood_at_most is None or visitor.mood <= rule.mood_at_most
