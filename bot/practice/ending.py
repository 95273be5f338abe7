"""How a contact ends: when the trainee has closed it, and what the visitor says once it has said goodbye.

A visitor whose need is met stays until the trainee closes the call: thanks, a goodbye, or an offer of more
help it declines once thanked. A visitor who said goodbye first is still there: the trainee's check or question
is answered and the call stays open for the closing, for at most `MOST_AFTER_GOODBYE` messages. A visitor who
walked out on a demand or a question ("Get me your watch commander.") is still there too: the trainee has one
message, and the visitor's answer to it ends the call. Only a visitor whose line has it gone (a stage direction:
hangs up, walks out, "(Click.)") has left.

The engine (bot.practice.engine) moves the visitor; this module reads what closes a call and speaks the lines
after a goodbye, in the persona's register and mood.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from bot.grading import MessageSignals
from bot.grading.text import split_sentences
from bot.practice.answers import Answers
from bot.practice.asking import Read
from bot.practice.hearing import Heard, still_here
from bot.practice.lines import Lines, content_words, said_key
from bot.practice.stock_lines import DONT_KNOW, LAST_WORDS, LAST_WORDS_ASKED, NOTHING_ELSE
from bot.practice.visitor import Visitor, clamp
from bot.scenarios.format import MOODS, Scenario, State

MOST_AFTER_GOODBYE = 3
"""Messages the trainee may send once the visitor has said goodbye; the last of them ends the call."""
GONE = re.compile(
    r"\([^()]*\b(?:hangs up|hung up|leaves|walks (?:out|off|away)|heads out|hurries out|turns away|is gone|"
    r"goes (?:dead|quiet)|disconnects|click)\b[^()]*\)",
    re.IGNORECASE,
)
"""A stage direction that has the visitor gone: nothing the trainee says now reaches them."""
HANDED_OVER = re.compile(
    r"\((the |a )?[\w ,-]{0,40}\b(joins the line|comes on the line|comes on|takes over|arrives|comes? in|comes? into|"
    r"picks up|waits with you|stays on the line)",
    re.IGNORECASE,
)
"""An ending that hands the visitor over ("(The crisis counselor joins the line.)"): nobody is hanging up."""
_CLOSING_THANKS = re.compile(
    r"\b(thanks|thank you)( so much| very much| again)? for (calling|your call|contacting us|reaching out)\b",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"\b(good luck|all the best|you'?re all set|hope (that|this) helps|i'?ll let you go|"
    r"have a (good|nice|great|safe|lovely|better) (one|day|night|evening|afternoon|morning|weekend|rest of))\b",
    re.IGNORECASE,
)
"""Thanks for the call and sign-offs: they close a call that asks nothing more ("Thanks for calling.")."""
_LAST_WORD = re.compile(
    r"^\W*((you'?re|you are) (very )?welcome|no problem|no worries|my pleasure|any ?time|glad (i|we) could help|"
    r"happy to help|(ok|okay|alright|all right|sure|will do|great|good|perfect)\b)",
    re.IGNORECASE,
)
"""After the visitor's goodbye, "You're welcome." or a bare "Okay." closes too: nothing is left to say."""
_SALUTATION = re.compile(r"^\W*good (night|evening|morning|afternoon|day)\b[\w ,']{0,12}[.!]?\W*$", re.IGNORECASE)
""""Good night." that opens a call greets; it says goodbye only once the call is under way."""
_HOLD = re.compile(
    r"^\W*((okay|ok|alright|right|please|sure),? )?(hold on|hang on|one (moment|sec|second)|just a (moment|sec|second)"
    r")\b[\w ,]{0,20}[.!]?\W*$",
    re.IGNORECASE,
)
""""Hold on." before the desk does something ("Hold on. I'm connecting you now.") is no brush-off."""
_HANDOFF = re.compile(
    r"\b(connect(ing)?|transfer(ring)?|put(ting)? you through|patch(ing)? you|conferenc(e|ing)|"
    r"stay on the line|stay with me|(get|getting|bring|bringing) (you )?(an?|the|our) [\w -]{0,20}"
    r"(interpreter|counsel?or|advocate|deputy|team|sergeant|supervisor)|(is|are) on (the|their|its|her|his) way)\b",
    re.IGNORECASE,
)
"""The desk handing the visitor on or bringing help ("I'm connecting you with the crisis line now. Take care."):
a goodbye said with it is no dismissal."""
_SUPERVISOR = re.compile(
    r"\b(supervisor|sergeant|watch commander|lieutenant|manager|boss|someone in charge|whoever is in charge|"
    r"someone else|transfer you|put you through|get (them|him|her) for you)\b",
    re.IGNORECASE,
)
_NOT = re.compile(r"\b(no|not|can't|cannot|won't|isn't|aren't|don't|doesn't|nobody|no one|unavailable|busy)\b", re.I)
_APOLOGY = re.compile(r"\b(sorry|apologi[sz]e|my apologies|you're right|you are right)\b", re.IGNORECASE)
_HOSTILE = frozenset({"dismissive", "sarcasm", "rude"})

GOODBYES = {
    "warm": ("Thanks. Bye.", "Thank you. Bye now.", "Okay. Thanks again. Bye."),
    "cool": ("Yeah. Bye.", "Okay. Bye.", "Right. Bye."),
}
"""The visitor's last word after the trainee closes, by mood (calm or uneasy: warm)."""
BRUSHED_OFF = ("Wow. Okay. Bye.", "Right. Bye, then.", "Okay... bye.")
"""Contempt after the visitor's goodbye: it leaves at once."""
STILL_HERE = ("Okay.", "Okay, got it.", "Alright. Will do.")
"""A goodbye said, the visitor hears out what the trainee adds."""
LEAVING_ANYWAY = ("Sorry, I really have to go now. Bye.", "Okay, I have to go. Bye.", "I need to go. Bye.")
TAKEN_ON = {
    ("everyday", "phone"): (
        "Fine. Put them on. (Your supervisor takes over the call.)",
        "Okay. Yes, please. (Your supervisor takes over the call.)",
        "Alright. I'll hold for them. (Your supervisor takes over the call.)",
    ),
    ("everyday", "lobby"): (
        "Fine. I'll wait right here. (A supervisor comes out to the counter.)",
        "Okay. Yes, please. (A supervisor comes out to the counter.)",
        "Alright. Thank you. (A supervisor comes out to the counter.)",
    ),
    ("limited", "lobby"): ("Yes. Thank you. I wait. (A supervisor comes out to the counter.)",),
    ("child", "phone"): ("Okay. (Tells her mother in Spanish.) We'll wait. (Your supervisor takes over the call.)",),
    ("distressed", "phone"): ("Okay. Please. (Your supervisor takes over the call.)",),
}
"""A demand for a supervisor, met: the visitor is handed on, still without what it came for."""
WALKS_OUT = {
    ("everyday", "phone"): (
        "Unbelievable. I'll call back and ask for your supervisor myself. (The caller hangs up.)",
        "Forget it. Your supervisor is going to hear about this. (Click.)",
        "That's it. I'm taking this to your supervisor. (The caller hangs up.)",
    ),
    ("everyday", "lobby"): (
        "Unbelievable. I'll come back and ask for your supervisor myself. (The visitor walks out.)",
        "Forget it. Your supervisor is going to hear about this. (The visitor walks out.)",
        "That's it. I'm taking this to your supervisor. (The visitor leaves.)",
    ),
    ("limited", "lobby"): ("No help. Okay. I find supervisor. (The visitor walks out.)",),
    ("child", "phone"): ("(Crying.) My mom says we'll call your supervisor. Bye. (The caller hangs up.)",),
    ("distressed", "phone"): ("I'll call back for your supervisor. I can't do this. (The caller hangs up.)",),
}
"""A demand or a question left unanswered: the visitor goes over the trainee's head, and leaves."""


def gone(line: str) -> bool:
    """The line has the visitor gone (hung up, walked out): nothing more reaches them."""
    return bool(GONE.search(line))


def meant(names: frozenset[str], signals: MessageSignals, *, opening: bool) -> frozenset[str]:
    """What the visitor takes from the message: "Good night." that greets is no goodbye, and "Hold on." before
    the desk does something is no brush-off."""
    farewell = signals.evidence.get("farewell", "")
    if "farewell" in names and _SALUTATION.match(farewell) and (opening or names & {"greeting", "identifies"}):
        names -= {"farewell"}
    hold = signals.evidence.get("dismissive", "")
    if "dismissive" in names and _HOLD.match(hold) and len(signals.sentences) > 1:
        names -= {"dismissive"}
    return names


def put_off(scenario: Scenario, heard: Heard, reactions: set[str]) -> frozenset[str]:
    """ "put_off" when the message refused an action the agency owes now (a deputy sent, a crisis line
    conferenced in), or told the visitor to wait or do it themselves; a wrong value is none (it is believed)."""
    owed = {rule.name for rule in scenario.fact_rules if rule.now} - {fact for fact, _ in heard.wrong}
    refused = any(r.split(".")[0] in owed and r.endswith((".refused", ".wrong")) for r in reactions)
    return frozenset({"put_off"}) if refused else frozenset()


def unresolved_floor(visitor: Visitor, state: State) -> None:
    """A visitor who hung up or walked out without what it came for is never calmer than it came in, nor calm:
    upset at least (uneasy, for one who came in calm)."""
    if state.end and state.outcome != "resolved":
        floor = MOODS.index("uneasy" if visitor.start_mood == 0 else "upset")
        visitor.mood = max(visitor.mood, visitor.start_mood, floor)


def hands_on(message: str) -> bool:
    """The desk hands the visitor on or brings help: a goodbye said with it is no dismissal."""
    return bool(_HANDOFF.search(message))


def closes(names: frozenset[str], message: str, opening: bool) -> bool:
    """The trainee ends the call: a goodbye, or thanks for the call or a sign-off with nothing else in it ("Thanks
    for calling."; not "Thanks for bringing it in, you did the right thing.", which opens a lobby visit)."""
    if "farewell" in names:
        return True
    if opening or names - {"appreciation", "courteous_opener"}:
        return False
    return bool(_CLOSING_THANKS.search(message) or _SIGN_OFF.search(message))


def recovers(message: str, names: frozenset[str]) -> bool:
    """After a demand for a supervisor: the trainee offers one, or apologises, without another brush-off."""
    if names & _HOSTILE:
        return False
    offers = any(_SUPERVISOR.search(s) and not _NOT.search(s) for s in re.split(r"(?<=[.!?])\s+", message))
    return offers or ("empathy" in names or bool(_APOLOGY.search(message))) and "farewell" not in names


class Ending:
    """The visitor's lines once it has said goodbye or walked out on a demand (shared by all attempts)."""

    def __init__(self, scenario: Scenario, lines: Lines, answers: Answers) -> None:
        self.scenario, self.lines, self.answers = scenario, lines, answers

    def goodbye_state(self, visitor: Visitor, stay: str) -> str:
        """The goodbye that fits what the visitor got when the trainee closed the call: satisfied with every fact
        given, otherwise the state its farewell rules lead to (this state's first) or any other end."""
        states = self.scenario.states
        resolved = [s.name for s in states.values() if s.end and s.outcome == "resolved"]
        if resolved and set(self.scenario.resolution_facts) <= visitor.facts:
            return resolved[0]
        rules = [r for name in (stay, *states) for r in self.scenario.always + states[name].rules]
        unhappy = [r.to for r in rules if "farewell" in r.when and r.to and r.to not in resolved]
        return (unhappy or [s.name for s in states.values() if s.end and s.name not in resolved] or resolved)[0]

    def leaving(self, line: str) -> str:
        """The visitor's goodbye, marked as such: about to hang up or turn to go, or handed over."""
        line = still_here(line) or "Okay."
        phone = self.scenario.channel == "phone"
        if HANDED_OVER.search(line):  # handed over, not leaving: the desk may still close its part
            line += " (You're still on the line.)" if phone else " (The visitor is still here with you.)"
        else:
            line += " (The caller is about to hang up.)" if phone else " (The visitor turns to go.)"
        return line

    def goodbye_mark(self, visitor: Visitor, was: str) -> None:
        """Remember when the visitor said goodbye and the state it said it from (its checks are answered there)."""
        if not any(k.startswith("bye:") for k in visitor.heard):
            visitor.heard.add(f"bye:{visitor.turn:03d}:{was}")

    def said_goodbye(self, visitor: Visitor) -> tuple[int, str]:
        """The turn of the visitor's goodbye and the state it said it from."""
        mark = next((k for k in visitor.heard if k.startswith("bye:")), f"bye:{visitor.turn:03d}:{visitor.state}")
        _, turn, was = mark.split(":", 2)
        return int(turn), was if was in self.scenario.states else visitor.state

    def answer_demand(self, visitor: Visitor, message: str, names: frozenset[str]) -> str:
        """The trainee's one message after a demand or a question on the way out; the visitor's answer ends it:
        handed to a supervisor when the trainee offers one or apologises, otherwise gone, angrier."""
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:demand")
        channel = "lobby" if self.scenario.channel == "lobby" else "phone"
        voice = (self.scenario.persona_register, channel)
        if recovers(message, names):
            return rng.choice(TAKEN_ON.get(voice, TAKEN_ON["everyday", channel]))
        visitor.mood = clamp(max(visitor.mood + 1, MOODS.index("angry")))
        return rng.choice(WALKS_OUT.get(voice, WALKS_OUT["everyday", channel]))

    def last_word(self, visitor: Visitor, message: str, signals: MessageSignals, names: frozenset[str]) -> str:
        """The trainee's message once the visitor has said goodbye: a check or a question answered, the call kept
        open; a closing answered with a goodbye, the visitor gone (`visitor.closed`)."""
        turn, was = self.said_goodbye(visitor)
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:after")
        thanked_before = "appreciation" in visitor.facts
        asks = bool(names & {"clarifying_question", "testing_questions", "offer_more_help"})
        short = len(message.split()) <= 4 and bool(_LAST_WORD.match(message))
        done = bool(names & {"farewell", "appreciation"}) or ("offer_more_help" in names and thanked_before)
        done = done or not asks and short
        answer = self._answer(visitor, self.scenario.states[was], message, signals.sentences, names)
        if names & _HOSTILE:  # contempt after its goodbye: it goes, cooler
            line, done = rng.choice(BRUSHED_OFF), True
        elif done:
            bye = rng.choice(LAST_WORDS_ASKED if "offer_more_help" in names and not answer else self._goodbyes(visitor))
            line = f"{answer} {bye}" if answer else bye
        elif answer:
            line = answer
        elif "offer_more_help" in names:
            line = rng.choice(self.lines.voice("nothing_else", {"none": NOTHING_ELSE})["none"])
        else:
            line = rng.choice(STILL_HERE)
        if not done and visitor.turn - turn >= MOST_AFTER_GOODBYE:
            line, done = f"{line} {rng.choice(LEAVING_ANYWAY)}", True
        visitor.closed = done
        return f"{line} {self._gone_direction(visitor)}" if done else line

    def _answer(self, visitor: Visitor, state: State, message: str, read: Sequence[Read], names: frozenset[str]) -> str:
        """The answer to a check of understanding or a question asked after the goodbye ("" if none was asked)."""
        if "testing_questions" in names:
            rule = next((r for r in state.rules if "testing_questions" in r.when and r.say), None)
            answer = self.answers.testing_answer(visitor, state, rule, message, read)
            said = [x.original for x in split_sentences(answer)]
            kept = [x for x in said if len(content_words(x)) < 2 or said_key(x) not in visitor.heard]
            return " ".join(kept) if kept and kept != said else answer  # "Any questions?" "No.", not its plan again
        if "clarifying_question" in names:
            found = self.answers.answer(visitor, read)
            if found is None:
                asked = tuple(line for r in state.rules if "clarifying_question" in r.when for line in r.say)
                found = self.answers.closest(asked, message, visitor) if asked else ""
            return found or self.lines.pick(self.scenario.persona_unknown or DONT_KNOW, visitor, salt="unknown")
        return ""

    def _goodbyes(self, visitor: Visitor) -> tuple[str, ...]:
        if self.scenario.persona_register in ("distressed", "limited", "child"):
            return LAST_WORDS
        return GOODBYES["warm" if visitor.mood <= MOODS.index("uneasy") else "cool"]

    def _gone_direction(self, visitor: Visitor) -> str:
        phone = self.scenario.channel == "phone"
        if "handed-over" in visitor.heard:
            return "(You hand the call over.)" if phone else "(You leave the visitor with them.)"
        return "(The caller hangs up.)" if phone else "(The visitor heads out.)"
