"""The scenario engine: a transitions machine per scenario, shared by every attempt at it.

One `Machine` is built per scenario and each attempt's `Visitor` is added to it as a model (a machine per
attempt would cost far more memory). The visitor's whole state is plain values (`SavedVisitor`), so an attempt
can be saved after every message and restored later, even in another process.

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
from bot.practice.asking import offer_replies, read_asking, yes_no
from bot.practice.corrections import taken_back_in
from bot.practice.ending import (
    HANDED_OVER,
    Ending,
    closes,
    gone,
    hands_on,
    leaves_believing,
    meant,
    put_off,
    thanks_last,
    unresolved_floor,
)
from bot.practice.facts_back import facts_said_back
from bot.practice.hearing import Heard, believed, hear, plan_sentences, told_sentences, without_asking_where_it_called
from bot.practice.lines import Lines, bare_ack, leading_thanks, questions_in, times_of_day, without_last_reaction
from bot.practice.open_question import on_the_way_out, own_question
from bot.practice.open_question import remember as remember_open
from bot.practice.others import to_someone_else
from bot.practice.own_words import said_as
from bot.practice.plans import echoes_visitor, offers_heard
from bot.practice.said_once import not_repeating, premise_first, said_key, said_more_later, told_fuller
from bot.practice.steps import steps_heard
from bot.practice.stock_lines import ACKNOWLEDGED as _ACKNOWLEDGED
from bot.practice.stock_lines import DONT_KNOW, SAID_BEFORE, TAKEN_ABACK, TAKEN_IN, in_register, without_bare_ack
from bot.practice.turn_taking import question_last
from bot.practice.visitor import (
    MOOD_STEPS,
    PUT_DOWN,
    TAKEN_ABACK_AT_PICK_UP,
    Reply,
    SavedVisitor,
    Visitor,
    clamp,
    moved_mood,
    picked_up_hint,
    ring_of,
    ringing_hint,
    rule_matches,
)
from bot.practice.wording import patterns
from bot.scenarios.format import MOODS, Rule, Scenario, State

__all__ = ["DONT_KNOW", "SAID_BEFORE", "Reply", "SavedVisitor", "ScenarioEngine", "Visitor"]
"""What the rest of the bot, the tests and the benches import from here."""

log = logging.getLogger(__name__)

_MEMORY_ONLY: frozenset[str] = frozenset()
"""On entering a state, its rules are checked again against memory alone (no new message)."""
_WARM = frozenset({"appreciation", "empathy", "offer_more_help", "testing_questions", "invitation_to_return"})
_CONTEMPT = frozenset({"sarcasm", "rude"})
_CLOSING = frozenset({"offer_more_help", "appreciation"})
_ASKS_FOR = re.compile(r"\bplease\b|\bI'd like\b|\bcan I\b|\bcould I\b", re.IGNORECASE)
"""The visitor's answer asks for something: its no to "anything else?" would say the opposite."""
_THANKS_END = re.compile(r"\s*(?:thanks|thank you)(?: so much| very much)?[.!]?\s*$", re.IGNORECASE)
_JUST = re.compile(r"^just(?:\.\.\.|\u2026|,)?\s+", re.IGNORECASE)
_LEADING_NO = re.compile(r"^(?:no|nope|nah)(?:, thanks| thanks)?[.,!]\s*", re.IGNORECASE)
"""A call the trainee has closed: both said, the last of them in the message that ends it. Otherwise (a bare
"Take care.", a mid-call "Thank you.") the visitor's goodbye leaves the trainee the last word."""


_REMNANT = 3
"""Words left of a follow-up line once what it repeats is cut: a stray "Okay, great.", said with nothing."""

(_YES_OR_NO,) = patterns("answers_yes_or_no")
"""A reply that answers a yes-or-no question first ("Not needed right away. But ...")."""


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
        self.ending = Ending(scenario, self.lines, self.answers)

    def _add_rule(self, source: str, rule: Rule) -> None:
        def matches(event: EventData) -> bool:
            if event.kwargs.get("memory_only") and (rule.when or not rule.given or rule.to is None):
                return False
            return rule_matches(rule, event.model, event.kwargs["signals"])

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
        ring = ring_of(opening) if self.scenario.channel == "phone" else None
        if ring is not None:  # the phone rings: the caller speaks once the desk has picked up
            visitor.last_line = ring[0]
            return visitor, ring[0]
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
        just said. While the phone still rings, the message picks up: the caller says what it
        called about and stays in the opening state, unless a rule reacts to a rude, dismissive
        or farewell pick-up.
        """
        if self.ended(visitor):
            raise ValueError("this attempt has ended")
        signals = detect(message, self.scenario.intents)
        visitor.checked = signals.evidence.get("testing_questions", "")  # what its parts ask back is what was told
        remember_open(visitor, message, signals.names)  # "Can my brother pick it up?" met with "good luck, bye!"
        if self.scenario.states[visitor.state].end:
            return self._after_goodbye(visitor, message, signals)
        spoken = self._ringing(visitor)
        heard = hear(self.scenario, visitor.last_line, message, frozenset(visitor.heard))
        reactions = {r for r in heard.signals if r.partition(".")[0] not in visitor.facts}  # given before: settled
        names = (
            (signals.names - heard.unheard)
            | heard.given
            | frozenset(reactions)
            | put_off(self.scenario, heard, reactions)
        )
        names = meant(names, signals, opening=visitor.turn == 0)
        names, offered = read_asking(names, signals.sentences, self.scenario.persona_details)
        answered_it = "?" in visitor.last_line and bool(told_sentences(message))  # "Should I call every time?" "Yes"
        if answered_it and _YES_OR_NO.match(message.strip()):  # "Should she change her number?" "Not needed
            asked = [q for q in questions_in(visitor.last_line) if yes_no(q.lower())]  # right away.": not asked again
            visitor.heard |= {f"answered-q:{said_key(q)[5:]}" for q in asked}
        planned = self._take_in(visitor, message, heard)
        before = (visitor.state, frozenset(visitor.facts))
        fired = self._arrived(visitor, before[0], self._move(visitor, names))
        if believing := leaves_believing(self.scenario, visitor, names):  # "14 days" believed: it leaves content
            self.machine.set_state(believing, model=visitor)
        if spoken is not None and not self._put_down(visitor, fired, names):
            return self._picked_up(visitor, spoken, names, signals)
        state = self.scenario.states[visitor.state]
        moved = (visitor.state, frozenset(visitor.facts)) != before
        helped = planned or bool(names & {"clarifying_question", "testing_questions", "empathy"}) or answered_it
        self._settle(visitor, state, names, moved, helped)
        if state.end:
            self.ending.goodbye_mark(visitor, before[0])
            unresolved_floor(visitor, state)
        with said_as(facts_said_back(visitor, self.lines, random.Random(f"{visitor.seed}:{visitor.turn}:facts"))):
            line = self._reply(visitor, state, fired, message, names, signals)
        line = self._spoken(line, visitor, state, fired, names, heard, offered)
        visitor.last_line = line = on_the_way_out(visitor, line, self.scenario.persona_register) if state.end else line
        log.debug("scenario %s turn %s: %s -> %s", self.scenario.id, visitor.turn, sorted(names), visitor.state)
        stuck = f"nudged:{visitor.turn:03d}" in visitor.heard
        return Reply(line, visitor.state, visitor.mood_name, self.ended(visitor), signals, stuck)

    def _take_in(self, visitor: Visitor, message: str, heard: Heard) -> bool:
        """What the message tells the visitor joins its memory: a wrong value believed (the right one forgotten),
        the values heard, what it was told and told to do, the time of day. True when it was told a plan."""
        visitor.facts -= {fact for fact, _ in heard.wrong}  # "Actually, it's 30 days": believed, so forgotten
        visitor.heard |= {f"believed:{fact}" for fact, _ in heard.wrong}  # and never asked for again
        visitor.heard |= set(heard.memory)
        visitor.heard |= {  # in the order told: "fact-told:<turn>:<where in the message>:<fact>:<sentence>"
            f"fact-told:{visitor.turn:03d}:{max(0, message.find(said)):04d}:{fact}:{said}" for fact, said in heard.gave
        }
        visitor.turn += 1
        visitor.message = message
        plans = plan_sentences(message)
        before = " ".join(k.removeprefix("told-me:") for k in sorted(visitor.heard) if k.startswith("told-me:"))
        told = [t for t in told_sentences(message) if not echoes_visitor(t, visitor.heard)]
        told = [t for t in told if not to_someone_else(t, visitor, self.lines)]  # "Hi Zoe, we'll find your mom"
        visitor.heard |= {f"plan:{visitor.turn:03d}:{i}:{int(t in plans)}:{t}" for i, t in enumerate(told) if plans}
        visitor.heard |= {f"told-me:{text}" for text in told} | offers_heard(message)  # offered, as good as told
        visitor.heard |= times_of_day(message) | steps_heard(message, visitor.turn)
        fixes = taken_back_in(message, before)  # "..., not 0118"; "I gave you that number wrong. It's ..."
        visitor.heard |= {f"fixed:{old}>{new}" for old, new in fixes.items()}
        return bool(plans)

    def _ringing(self, visitor: Visitor) -> str | None:
        """While the phone still rings (nobody has picked up): what the caller will say once the desk does."""
        ring = self._ring(visitor) if visitor.turn == 0 and visitor.state == self.scenario.start else None
        return ring[1] if ring is not None and ring[0] == visitor.last_line else None

    def _ring(self, visitor: Visitor) -> tuple[str, str] | None:
        """A phone call that opened with the ring: the ring and the opening's words (the same for the seed)."""
        if self.scenario.channel != "phone":
            return None
        start = self.scenario.start
        first = Visitor(visitor.scenario_id, visitor.seed, visitor.start_mood, visitor.start_mood, state=start)
        return ring_of(self.lines.pick(self.scenario.states[start].lines, first))

    def _put_down(self, visitor: Visitor, fired: Rule | None, names: frozenset[str]) -> bool:
        """The pick-up was rude, dismissive or a goodbye and the state's rules react to it (or the caller is gone)."""
        if not names & PUT_DOWN:
            return False
        reacts = fired is not None and (bool(set(fired.when) & names & PUT_DOWN) or fired.mood_at_least is not None)
        return reacts or self.scenario.states[visitor.state].end

    def _picked_up(self, visitor: Visitor, spoken: str, names: frozenset[str], signals: MessageSignals) -> Reply:
        """The desk has picked up: the caller says what it called about and stays in the opening state, the pick-up
        remembered (its signals, values heard); taken aback first by sarcasm or a brush-off no rule reacts to."""
        self.machine.set_state(self.scenario.start, model=visitor)
        self._settle(visitor, self.scenario.states[visitor.state], names, True, True)
        spoken = without_asking_where_it_called(spoken, visitor.message)  # "Is this the sheriff's?" when told so
        if names & PUT_DOWN:
            spoken = f"{random.Random(f'{visitor.seed}:pick-up').choice(TAKEN_ABACK_AT_PICK_UP)} {spoken}"
        visitor.last_line = spoken
        self.lines.remember_said(visitor, spoken)
        self.lines.note_told(visitor, spoken)
        return Reply(spoken, visitor.state, visitor.mood_name, False, signals)

    def _move(self, visitor: Visitor, names: frozenset[str]) -> Rule | None:
        """The mood moves, the message joins the visitor's memory and the first matching rule fires; in a new
        state, rules that memory alone satisfies fire too (three hops at most). The rule that decides the reply."""
        was = visitor.state
        new_facts = names & set(self.scenario.resolution_facts) - visitor.facts
        visitor.mood = moved_mood(visitor, names, helped=bool(new_facts))  # what it came for calms it too
        held = "farewell" in names and bool(new_facts or hands_on(visitor.message))
        visitor.facts |= names
        visitor.fired = None
        visitor.trigger("respond", signals=names - {"farewell"} if held else names)  # a handoff's "Take care."
        fired = visitor.fired
        hops = 0
        while fired is not None and fired.to is not None and hops < 3 and not self.scenario.states[visitor.state].end:
            visitor.fired = None
            visitor.trigger("respond", signals=_MEMORY_ONLY, memory_only=True)
            if visitor.fired is None or visitor.fired.to is None:
                visitor.fired = fired
                break
            fired, hops = visitor.fired, hops + 1
        fired = self._closed_in_passing(visitor, was, fired, names)
        if self.ending.stays_to_answer(was, visitor, fired, names):
            self.machine.set_state(was, model=visitor)  # asked something: it answers before any goodbye
            return None
        return fired if held else self._sent_off(visitor, fired, names)

    def _arrived(self, visitor: Visitor, was: str, fired: Rule | None) -> Rule | None:
        """The help the visitor waits for comes on its own (the state's `arrives`): after that many messages in the
        state that moved nothing, at one that asks nothing, the visitor moves on ("(Headlights pull up.) That must
        be him."), never stuck waiting for a deputy who never comes. The rule that decides the reply: none, once it
        has moved."""
        state = self.scenario.states[visitor.state]
        if visitor.state != was or state.arrives is None:
            return fired
        visitor.heard.add(f"waited:{was}:{visitor.turn:03d}")
        after, to = state.arrives
        if sum(key.startswith(f"waited:{was}:") for key in visitor.heard) < after or "?" in visitor.message:
            return fired  # a question is answered first: help arrives while the trainee only keeps them talking
        self.machine.set_state(to, model=visitor)
        return None

    def _settle(self, visitor: Visitor, state: State, names: frozenset[str], moved: bool, helped: bool) -> None:
        """Once the visitor has moved: whether the trainee has closed the call, the mood a curt goodbye leaves,
        the trainee's stalls (a message that neither moved the call on nor helped) and a visitor heated."""
        if state.end and names & _CLOSING and visitor.facts | names >= _CLOSING and thanks_last(visitor.message):
            visitor.closed = True  # the trainee has offered more help and thanked, the last of it now
        if state.end and "farewell" in names and not (names | visitor.facts) & _WARM:
            visitor.mood = clamp(visitor.mood + 1)  # a curt "Bye." after a call with no warmth in it leaves the
            # visitor a little sourer; after help offered and thanks earlier, its warm goodbye stands
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
        """The reply as the visitor says it: a wrong value believed, contempt, an offer, filtered, fitting, said."""
        if heard.wrong and not (fired and fired.say):
            line = f"{believed(heard.wrong, visitor.seed, visitor.turn)} {without_bare_ack(line)}".strip()
        elif names & _CONTEMPT and not (fired and fired.say) and not state.end:
            line = random.Random(f"{visitor.seed}:{visitor.turn}:tone").choice(TAKEN_ABACK)  # and waits
        answering = visitor.answered
        line = self.lines.speakable(line, visitor, state, names)
        no_more = offered and "offer_more_help" in names and _LEADING_NO.match(line)  # "Would you like me to take
        if no_more:  # that report now? And anything else?": yes to the offer, then nothing else
            rest = _THANKS_END.sub("", _LEADING_NO.sub("", line)).strip()
            line = f"Otherwise, {rest[:1].lower()}{rest[1:]}" if rest else ""
        if offered and not state.end and (no_more or not YES_NO.match(line) or not without_bare_ack(line).strip()):
            yes = random.Random(f"{visitor.seed}:{visitor.turn}:offer").choice(offer_replies(visitor.message))
            line = f"{yes} {without_bare_ack(line)}".strip()  # a bare "Okay." to an offer is "Yes, please."
        line = self.lines.fitting(self.lines.unrepeated(line, visitor, state, answering), visitor)
        line = without_last_reaction(line) if answering else line  # "I'm Greg Hanley. Oh, good.": reacts to nothing
        line = question_last(line)  # "It's Rebecca Stone. Do you need my ID? A photo ID.": it never answers itself
        if answering and line == answering and not state.end:  # "Your name? Anything else?": the offer answered too
            line = self.ending.and_offer(line, visitor, state, names)
        self.lines.remember_said(visitor, line)
        self.lines.note_told(visitor, line)
        if state.end and HANDED_OVER.search(line):
            visitor.heard.add("handed-over")
        if state.end and state.outcome == "resolved" and not visitor.closed:  # the trainee still has the last word
            line = self.ending.leaving(line, visitor.message)
        return self.ending.held_on(line, visitor)  # "Hang on, I'll get the interpreter": it holds, no "Bye."

    def _closed_in_passing(self, visitor: Visitor, was: str, fired: Rule | None, names: frozenset[str]) -> Rule | None:
        """One message can answer the last question and close the call ("... Anything else? Thanks for calling."):
        once the answer has moved the visitor on, a goodbye or a whole closing counts in the new state too (thanks for
        its patience alone is no closing: it stays), but a need still open never leaves unhappy on it: "I'm
        connecting you with the mental health team. Take care." hands the caller on, it does not send it away."""
        closing_now = "farewell" in names or bool(names & _CLOSING) and visitor.facts >= _CLOSING
        if visitor.state == was or self.scenario.states[visitor.state].end or not closing_now:
            return fired
        moved_to = visitor.state
        visitor.fired = None
        visitor.trigger("respond", signals=names)
        closing = visitor.fired
        state = self.scenario.states[visitor.state]
        satisfied = state.outcome == "resolved" or set(self.scenario.resolution_facts) <= visitor.facts
        if closing is not None and closing.to is not None and state.end and satisfied:
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
        answer = self.answers.asked(visitor, signals.sentences, names)
        if answer is not None and self.answers.teach_back_left(visitor, signals.sentences):
            plan = self.answers.in_kind.testing_answer(visitor, state, fired, message, signals.sentences)
            answer = answer if plan in answer else f"{answer} {plan}"  # "Your number? And tell me back the plan.": both
        if state.end and answer is None and self.answers.teach_back_left(visitor, signals.sentences):
            answer = self.answers.in_kind.testing_answer(visitor, state, fired, message, signals.sentences)  # "Thanks,
            # Greg. Quick check: tell me what happens now with Zoe.": the plan said back, then the goodbye
        if state.end:  # a question asked with the closing is answered before the goodbye (again, if asked again)
            visitor.answered = answer or ""
            return f"{answer or ''} {self.lines.pick(lines, visitor)}".strip()
        if answer is not None:  # answered first, whatever else the message did; its question ends it
            goes_on = "?" not in answer and (moved or bool(fired and "offer_more_help" in fired.when and fired.say))
            picked = self.lines.pick(lines, visitor) if goes_on else ""
            follow = not_repeating(picked, answer, visitor.heard) if goes_on else ""
            follow = "" if follow != picked and len(follow.split()) <= _REMNANT else follow  # "Okay, great." left of
            # "Okay, great. I'll come by early next week." once the answer said the rest: a remnant, not a reply
            if follow and _ASKS_FOR.search(answer):  # "Some water, please." is no "No." to "anything else?"
                follow = _JUST.sub("", _LEADING_NO.sub("", follow)).strip()
                follow = follow[:1].upper() + follow[1:]  # "No. Just... don't let him in here.": "Don't let ..."
            thanks, follow = leading_thanks(follow)  # "Alright, thanks." comes before the answer, not after it
            thanks = "" if bare_ack(thanks) and not told_sentences(message) else thanks  # took in nothing told
            answer, follow = (follow, "") if told_fuller(answer, follow) else premise_first(answer, follow)
            if follow and said_more_later([answer, follow]) == [follow]:  # "I move next Friday." said fuller in
                answer, follow = follow, ""  # "I'm moving next Friday, to an apartment on Willow Street. ...": once
            line = f"{thanks} {answer} {follow}".strip()
            if line == visitor.last_line:  # asked again: the same answer, said as a repeat, never another detail
                answer = line = self.lines.said_again(line, visitor)
            visitor.answered = line.removesuffix(follow).strip() if follow else line
            return line
        if "clarifying_question" in names and fired is not None and "clarifying_question" in fired.when and fired.say:
            return self.lines.fresh(self.answers.closest(fired.say, message, visitor), visitor, lines)
        asks_back = self.answers.teach_back_left(visitor, signals.sentences)  # "tell me what happens now": the plan
        if (
            "clarifying_question" in names
            and not moved
            and not asks_back
            and (nearest := self.answers.closest((), message, visitor))
        ):
            return self.lines.fresh(nearest, visitor, lines)  # a question no topic names, that a fact of its speaks to
        testing = fired is None or "testing_questions" in fired.when or not fired.when
        if "testing_questions" in names and testing:  # asked again, the plan is said again, not dropped as said
            visitor.answered = self.answers.in_kind.testing_answer(visitor, state, fired, message, signals.sentences)
            return self.ending.and_offer(self.lines.fresh(visitor.answered, visitor, lines), visitor, state, names)
        if fired is None and visitor.stalls >= 2:
            visitor.heard.add(f"nudged:{visitor.turn:03d}")
            return self.lines.fresh(self.lines.nudge(visitor, state), visitor, lines)
        line = self.lines.fresh(self.lines.pick(lines, visitor), visitor, lines)
        asked = names & {"clarifying_question", "testing_questions", "offer_more_help"}
        return self._taken_in(line, visitor) if fired is None and not asked else line  # "Your name?": no answer

    def _taken_in(self, line: str, visitor: Visitor) -> str:
        """The visitor's next line after its question was answered, with a word that it heard the answer first
        ("Okay, good to know. Is there anything else I need to do?"), never a new question as if nothing was said."""
        if not own_question(visitor.last_line) or "?" in visitor.message or _ACKNOWLEDGED.match(line):
            return line
        if not told_sentences(visitor.message):
            return line  # "Okay.": nothing was answered
        table = in_register(self.scenario.persona_register, "taken_in", TAKEN_IN)  # "Okay. Thank you." in few words
        return f"{random.Random(f'{visitor.seed}:{visitor.turn}:taken-in').choice(table)} {line}"

    def ended(self, visitor: Visitor) -> bool:
        """Over: the visitor is gone (hung up, walked out), or said goodbye and the trainee has closed the call. A
        visitor who walked out on a demand or a question ("Get me your supervisor.") is still there for one message."""
        state = self.scenario.states[visitor.state]
        return state.end and (visitor.closed or state.outcome != "resolved" and gone(visitor.last_line))

    def leaving(self, visitor: Visitor) -> bool:
        """The visitor has said goodbye (or walked out on a demand) and is still there: the trainee may answer."""
        return self.scenario.states[visitor.state].end and not self.ended(visitor)

    def _after_goodbye(self, visitor: Visitor, message: str, signals: MessageSignals) -> Reply:
        """A message once the visitor has said goodbye (or walked out on a demand): graded like any, answered. A
        check or a question gets its answer and the call stays open for the closing; the closing ends it."""
        state = self.scenario.states[visitor.state]
        names = meant(signals.names, signals, opening=False)
        names, _ = read_asking(names, signals.sentences, self.scenario.persona_details)
        self._take_in(visitor, message, hear(self.scenario, visitor.last_line, message, frozenset(visitor.heard)))
        visitor.mood = clamp(visitor.mood + sum(MOOD_STEPS.get(s, 0) for s in names))
        if state.outcome == "resolved":
            line = self.ending.last_word(visitor, message, signals, names)
        else:
            line, visitor.closed = self.ending.after_demand(visitor, message, signals, names)
            unresolved_floor(visitor, state)
        visitor.facts |= names
        line = on_the_way_out(visitor, self.lines.fitting(line, visitor), self.scenario.persona_register)
        self.lines.remember_said(visitor, line)
        visitor.last_line = line
        return Reply(line, visitor.state, visitor.mood_name, self.ended(visitor), signals)

    def _sent_off(self, visitor: Visitor, fired: Rule | None, names: frozenset[str]) -> Rule | None:
        """The trainee has closed the call and no rule took the visitor to a goodbye: it says one now (its
        farewell rule's, or the goodbye that fits what it got), never another question."""
        stay = visitor.state
        if self.scenario.states[stay].end or not closes(names, visitor.message, visitor.turn == 1):
            return fired
        visitor.fired = None
        visitor.trigger("respond", signals=frozenset({"farewell"}))
        if visitor.fired is not None and self.scenario.states[visitor.state].end:
            return visitor.fired
        self.machine.set_state(self.ending.goodbye_state(visitor, stay), model=visitor)
        return Rule(to=visitor.state)

    def resolved(self, visitor: Visitor) -> bool:
        """Resolved: the visitor left satisfied and every fact of the resolution was given."""
        state = self.scenario.states[visitor.state]
        return state.outcome == "resolved" and set(self.scenario.resolution_facts) <= visitor.facts

    def hint(self, visitor: Visitor) -> str | None:
        """The state's hint; when the call needs agency facts, a pointer to the desk reference shown with the
        brief (the numbers and hours are there, not in the trainee's head)."""
        hint = self.scenario.states[visitor.state].hint
        if self._ringing(visitor) is not None:
            hint = ringing_hint(hint)
        elif visitor.state == self.scenario.start and self._ring(visitor):
            hint = picked_up_hint(self.scenario)  # picked up: the greeting is done
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
