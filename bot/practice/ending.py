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
from bot.practice.asking import OFFERS_HELP as _OFFERS_HELP
from bot.practice.asking import Read
from bot.practice.hearing import Heard, still_here
from bot.practice.lines import Lines
from bot.practice.said_once import content_words, said_key
from bot.practice.stock_lines import DONT_KNOW, LAST_WORDS, LAST_WORDS_ASKED, NOTHING_ELSE
from bot.practice.telling import asks_back
from bot.practice.visitor import Visitor, clamp
from bot.practice.wording import patterns, said, table
from bot.scenarios.format import MOODS, Rule, Scenario, State

MOST_AFTER_GOODBYE = 3
"""Messages the trainee may send once the visitor has said goodbye; the last of them ends the call."""
# What closes a call, each described in bot/practice/phrases/closing.yaml: a stage direction that has the
# visitor gone (GONE: nothing the trainee says now reaches it) or handed over (HANDED_OVER: "(The crisis
# counselor joins the line.)", nobody is hanging up); thanks for the call and sign-offs, which close a call that
# asks nothing more; after the visitor's goodbye, "You're welcome." or a bare "Okay." (_LAST_WORD); "Good
# night." that opens a call, which greets (_SALUTATION); "Hold on." before the desk does something, no
# brush-off; the desk handing the visitor on or bringing help (a goodbye said with it is no dismissal); after a
# demand, a supervisor offered and not refused, or an apology.
_GOOD_TIME = re.compile(r"^\W*good (?:night|evening|morning|afternoon|day)\b", re.IGNORECASE)
_THANKS = re.compile(r"\b(?:thank|thanks|thx|thnx|ty|cheers|appreciate)\b")
GONE, HANDED_OVER, _CLOSING_THANKS, _SIGN_OFF, _LAST_WORD, _SALUTATION, _HOLD, _HANDOFF = patterns(
    "gone handed_over closing_thanks sign_off last_word greeted_goodbye hold handoff"
)
_SUPERVISOR, _NOT, _APOLOGY = patterns("supervisor_offer refusal apology")
_STILL_HERE = re.compile(r"\b(?:still|stays|staying|waits|waiting)\b", re.IGNORECASE)
"""A stage direction that already says the visitor is there ("The caller stays on the line until help takes over")."""
(_BYE_SAID,) = patterns("bye_said")
_HOSTILE = frozenset({"dismissive", "sarcasm", "rude"})

# The visitor's lines (the says: of closing.yaml): its last word after the trainee closes, by mood (calm or
# uneasy: warm); contempt after its goodbye (it leaves at once); hearing out what the trainee adds after its
# goodbye; leaving anyway; a demand for a supervisor met (handed on, still without what it came for) or left
# unanswered (it goes over the trainee's head, and leaves), by register and channel.
GOODBYES, TAKEN_ON, WALKS_OUT = (table(name) for name in ("goodbyes", "taken_on", "walks_out"))
BRUSHED_OFF, STILL_HERE, LEAVING_ANYWAY, STAYS_ON, STAYS_LOBBY, STAYS_HOLDING, THATS_ALL = said(
    "brushed_off still_here leaving_anyway stays_on stays_on.lobby stays_on.holding thats_all"
)
TURNS_BACK = dict(zip(("lobby", "phone"), said("turns_back.lobby turns_back.phone"), strict=True))
"""Asked something just after its goodbye: the beat before the answer ("(Turns back.) Oh, sure.")."""
HOLDING = {
    "everyday": said("holding")[0],
    "child": said("holding.child")[0],
    "limited": said("holding.limited")[0],
    "lobby": said("holding.lobby")[0],
}


def gone(line: str) -> bool:
    """The line has the visitor gone (hung up, walked out): nothing more reaches them."""
    return bool(GONE.search(line))


def meant(names: frozenset[str], signals: MessageSignals, *, opening: bool) -> frozenset[str]:
    """What the visitor takes from the message: "Good night." that greets is no goodbye, and "Hold on." before
    the desk does something is no brush-off."""
    farewell = signals.evidence.get("farewell", "")
    greets = _SALUTATION.match(farewell) or opening and _GOOD_TIME.match(farewell)  # "Good day to you, and welcome"
    if "farewell" in names and greets and (opening or names & {"greeting", "identifies"}):
        names -= {"farewell"}
    hold = signals.evidence.get("dismissive", "")
    if "dismissive" in names and _HOLD.match(hold) and len(signals.sentences) > 1:
        names -= {"dismissive"}
    if "appreciation" in names and not names & {"farewell", "offer_more_help"} and _asks_on(signals):
        names -= {"appreciation"}  # "Thanks, Diane. Have you noticed anything else?": thanks in passing, no close
    return names


def _asks_on(signals: MessageSignals) -> bool:
    """The message goes on from its thanks to ask more ("Thanks, Diane. Does she have family?")."""
    thanked = signals.evidence.get("appreciation", "")
    said = [s.original for s, _ in signals.sentences]
    at = next((i for i, s in enumerate(said) if thanked and thanked in s), None)
    return at is not None and any(s.rstrip().endswith("?") and not _TAG_ONLY.search(s) for s in said[at + 1 :])


(_TAG_ONLY,) = patterns("tag_only")
"""A question that is only a tag on what it tells ("..., you call us right back, y'hear?"): it asks nothing on."""


def put_off(scenario: Scenario, heard: Heard, reactions: set[str]) -> frozenset[str]:
    """ "put_off" when the message refused an action the agency owes now (a deputy sent, a crisis line
    conferenced in), or told the visitor to wait or do it themselves; a wrong value is none (it is believed)."""
    owed = {rule.name for rule in scenario.fact_rules if rule.now} - {fact for fact, _ in heard.wrong}
    refused = any(r.split(".")[0] in owed and r.endswith((".refused", ".wrong")) for r in reactions)
    return frozenset({"put_off"}) if refused else frozenset()


def leaves_believing(scenario: Scenario, visitor: Visitor, names: frozenset[str]) -> str | None:
    """The resolved ending for a visitor who goes at the trainee's close believing a wrong value ("14 days"): it
    cannot know the value was wrong, so it leaves as one who got what it came for (the grade, not the visitor, says
    it was wrong); None when it leaves for any other reason (a hostile word, a fact never told)."""
    state = scenario.states[visitor.state]
    if not state.end or state.outcome == "resolved" or names & _HOSTILE or not names & _CLOSED_WITH:
        return None
    believed = visitor.believed - visitor.facts
    needed = {rule.name for rule in scenario.fact_rules}
    if not believed or not needed <= visitor.facts | believed:
        return None
    return next((name for name, s in scenario.states.items() if s.end and s.outcome == "resolved"), None)


_CLOSED_WITH = frozenset({"farewell", "appreciation", "offer_more_help"})


def unresolved_floor(visitor: Visitor, state: State) -> None:
    """A visitor who hung up or walked out without what it came for is never calmer than it came in, nor calm:
    upset at least (uneasy, for one who came in calm)."""
    if state.end and state.outcome != "resolved":
        floor = MOODS.index("uneasy" if visitor.start_mood == 0 else "upset")
        visitor.mood = max(visitor.mood, visitor.start_mood, floor)


def hands_on(message: str) -> bool:
    """The desk hands the visitor on or brings help: a goodbye said with it is no dismissal."""
    return bool(_HANDOFF.search(message))


_ON_ITS_WAY = re.compile(r"\b(?:is|are|'s|'re) on (?:the|their|its|her|his) way\b", re.IGNORECASE)
"""Help coming in person: nothing on the line to hold for."""
_ASKING = frozenset({"clarifying_question", "testing_questions"})
_EXITS = frozenset({"put_off", "farewell"}) | _HOSTILE


def stays_to_answer(
    scenario: Scenario, moved: tuple[str, str], fired: Rule | None, names: frozenset[str], message: str
) -> bool:
    """The message asks the visitor something (a question, a detail, a read-back, a check) and the rule would have
    it say goodbye: it stays and answers. Only a goodbye of the trainee's, a whole closing (more help offered and
    thanks), a check said with thanks, or a reaction to something wrong (contempt, a refusal, a wrong answer, the
    mood run out) still ends it."""
    was, now = moved
    asking = bool(names & _ASKING) or message.rstrip().endswith("?")  # "..., yeah?" asks for a yes all the same
    if not scenario.states[now].end or scenario.states[was].end or not asking or "farewell" in names:
        return False
    if names >= {"offer_more_help", "appreciation"}:
        return False  # "... your name? Anything else I can help with? Thanks.": answered, and the goodbye with it
    asked = [x.original for x in split_sentences(message) if "?" in x.original]
    if "appreciation" in names and asked and all(_TAG_ONLY.search(x) for x in asked):
        return False  # "Thanks for lettin' us know. ..., you call us right back, y'hear?": its goodbye says yes
    thanked = "appreciation" in names and not _thanks_then_asks(message)
    thanked = thanked or bool(_CLOSING_THANKS.search(message) or _SIGN_OFF.search(message))
    if "clarifying_question" not in names and thanked and not asks_back(message):
        return False  # "Any questions? Thank you for coming.": a check on the way out (a teach-back stays)
    return fired is None or fired.mood_at_least is None and not any(_exit(w) for w in fired.when)


def _thanks_then_asks(message: str) -> bool:
    """The message's thanks come before its last question: "Okay, thank you. So who is going to call your mom
    back?" thanks for the answer and asks, where "Any questions? Thank you." closes."""
    sentences = [s.norm for s in split_sentences(message)]
    thanks = [i for i, norm in enumerate(sentences) if _THANKS.search(norm)]
    asked = [i for i, norm in enumerate(sentences) if "?" in norm]
    return bool(thanks and asked) and thanks[-1] < asked[-1]


def _exit(signal: str) -> bool:
    return signal in _EXITS or signal.endswith((".wrong", ".refused"))


def thanks_last(message: str) -> bool:
    """Whether the message's thanks, if any, come after its offer of more help: "Understood, thank you. Anything
    else I can help with?" thanks for the answer and offers help, the closing thanks still to come."""
    sentences = [s.norm for s in split_sentences(message)]
    thanks = [i for i, norm in enumerate(sentences) if _THANKS.search(norm)]
    offer = [i for i, norm in enumerate(sentences) if _OFFERS_HELP.search(norm)]
    return not thanks or not offer or thanks[-1] > offer[-1] or bool(_CLOSING_THANKS.search(message))


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


_SAID_YES = re.compile(r"^(?:yes|yeah|yep|i think so|i understand|got it|okay, yes)\b", re.IGNORECASE)
_NO_FIRST = re.compile(r"^(?:no|nope|nah)\b[,.!]?\s*", re.IGNORECASE)
"""A yes to the check, then the answer to "anything else?" without its "No" ("Yes, I understand. That's it.")."""


_ASKED_TO_HOLD = re.compile(
    r"\b(?:stay on(?: the line)?|hold on|hang on|don't hang up|do not hang up|stay with (?:me|us))\b", re.IGNORECASE
)
"""The caller asked to stay on while someone joins: it says it will, not "thank you for staying with me"."""

_TAKEN_ALONG = re.compile(
    r"\b(?:come|walk) (?:on )?(?:with|back with) me\b|\bfollow me\b|\bright this way\b|\bthis way,? please\b"
    r"|\blet's (?:go|walk|head|get you)\b|\bi'll (?:walk|take) you (?:back|to|there|in)\b",
    re.IGNORECASE,
)
"""The desk taking the visitor along ("Come with me, Jasmine."): it goes with the desk, it does not turn to go."""


class Ending:
    """The visitor's lines once it has said goodbye or walked out on a demand (shared by all attempts)."""

    def __init__(self, scenario: Scenario, lines: Lines, answers: Answers) -> None:
        self.scenario, self.lines, self.answers = scenario, lines, answers

    def stays_to_answer(self, was: str, visitor: Visitor, fired: Rule | None, names: frozenset[str]) -> bool:
        """Asked something on its way out: it stays and answers (`stays_to_answer`)."""
        return stays_to_answer(self.scenario, (was, visitor.state), fired, names, visitor.message)

    def held_on(self, line: str, visitor: Visitor) -> str:
        """Told to hold while the desk brings help ("Hang on the line and I'll get the interpreter now."), the
        visitor holds: its goodbye and hang-up give way to "Okay, I'll hold." (where the call goes is unchanged)."""
        coming = _ON_ITS_WAY.sub("", visitor.message)  # "A deputy is on the way. Goodbye.": no line to hold
        if not hands_on(coming) or not _BYE_SAID.search(line):
            return line
        register = self.scenario.persona_register
        everyday = HOLDING["everyday" if self.scenario.channel == "phone" else "lobby"]  # at the desk, it waits
        table = everyday if register == "everyday" else HOLDING.get(register, everyday)
        hold = random.Random(f"{visitor.seed}:hold").choice(table)
        return " ".join([_BYE_SAID.sub("", line).strip(), hold]).replace("  ", " ").strip()

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

    def and_offer(self, line: str, visitor: Visitor, state: State, names: frozenset[str]) -> str:
        """The answer to a check, and to the offer of more help asked with it ("Does all that make sense? Is there
        anything else I can do for you?"): "Yes, I think so." and then the state's answer to the offer, or no."""
        if "offer_more_help" not in names or "?" in line:
            return line  # "Yes... can my sister pick me up after?": its question is what else it needs
        offered = [x for r in state.rules if "offer_more_help" in r.when and not r.to for x in r.say]
        none = self.lines.voice("nothing_else", {"none": NOTHING_ELSE})["none"]
        answer = (
            self.lines.pick(tuple(offered), visitor)
            if offered
            else random.Random(f"{visitor.seed}:{visitor.turn}:none").choice(none)
        )
        if answer in line:
            return line
        if _NO_FIRST.match(line) and _NO_FIRST.match(answer):
            return line  # "Any questions, or anything else?" "No, I think that covers it.": one no for both
        if _SAID_YES.match(line) and (no := _NO_FIRST.match(answer)) and answer[no.end() :]:
            answer = answer[no.end() :][:1].upper() + answer[no.end() + 1 :]  # "Yes, I see. That's it.", not "... No,"
            if content_words(answer) <= content_words(line):  # "Yes. Thanks for explaining." then no "Thanks." again
                answer = THATS_ALL[0]
        return f"{line} {answer}"

    def leaving(self, line: str, message: str = "") -> str:
        """The visitor's goodbye, marked as such: about to hang up or turn to go; handed over, its own stage
        direction says so ("(A deputy comes in to sit with her.)"), and at the counter a note that the visitor is
        still there, so the trainee knows it may still close ("(The visitor is still with you.)"); taken along by
        the desk's message ("Come with me, Jasmine."), it goes with the desk."""
        line = still_here(line) or "Okay."
        if _TAKEN_ALONG.search(message) and self.scenario.channel != "phone":
            return f"{line} (The visitor goes with you.)"  # "Come with me, Jasmine.": along, never turning to go
        if HANDED_OVER.search(line):  # handed over, not leaving: the desk may still close its part, and sees so
            still = self.scenario.channel != "phone" and not _STILL_HERE.search(line)
            return f"{line} (The visitor is still with you.)" if still else line
        return line + (
            " (The caller is about to hang up.)" if self.scenario.channel == "phone" else " (The visitor turns to go.)"
        )

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
        if recovers(message, names):  # heard, and handed on: no longer furious (never "left furious" after thanks)
            visitor.mood = clamp(min(visitor.mood, MOODS.index("angry")) - 1)
            return rng.choice(TAKEN_ON.get(voice, TAKEN_ON["everyday", channel]))
        visitor.mood = clamp(max(visitor.mood + 1, MOODS.index("angry")))
        return rng.choice(WALKS_OUT.get(voice, WALKS_OUT["everyday", channel]))

    def after_demand(
        self, visitor: Visitor, message: str, signals: MessageSignals, names: frozenset[str]
    ) -> tuple[str, bool]:
        """The trainee's message after a demand or a question on the way out, and whether the call ends with it:
        handed on to a supervisor, the visitor waits and the trainee still has one message to close (graded like
        any), which the visitor answers before the supervisor takes over; walked out, it is gone."""
        if "handed-over" not in visitor.heard:
            line = self.answer_demand(visitor, message, names)
            if gone(line):
                return line, True
            visitor.heard.add("handed-over")
            return self.leaving(line, message), False  # "(The visitor is still with you.)": the desk may still close
        answer = self._answer(visitor, self.scenario.states[visitor.state], message, signals.sentences, names)
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:after")
        asked_more = "offer_more_help" in names and not answer
        bye = rng.choice(self._asked_last(visitor) if asked_more else self._goodbyes(visitor))
        return f"{answer} {bye} {self._gone_direction(visitor)}".strip(), True

    def last_word(self, visitor: Visitor, message: str, signals: MessageSignals, names: frozenset[str]) -> str:
        """The trainee's message once the visitor has said goodbye: a check or a question answered, the call kept
        open; a closing answered with a goodbye, the visitor gone (`visitor.closed`)."""
        turn, was = self.said_goodbye(visitor)
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:after")
        thanked_before = "thanked:closing" in visitor.heard  # thanks since its goodbye, not "Thank you." for a number
        asks = bool(names & {"clarifying_question", "testing_questions", "offer_more_help"})
        short = len(message.split()) <= 4 and bool(_LAST_WORD.match(message))
        questions = bool(names & {"clarifying_question", "testing_questions"})  # "Thanks. Can you tell it back?"
        done = "farewell" in names or "appreciation" in names and not questions
        done = done or ("offer_more_help" in names and thanked_before)
        done = done or not asks and short
        answer = self._answer(visitor, self.scenario.states[was], message, signals.sentences, names)
        if names & _HOSTILE:  # contempt after its goodbye: it goes, cooler
            line, done = rng.choice(BRUSHED_OFF), True
        elif done:
            bye = rng.choice(
                self._asked_last(visitor) if "offer_more_help" in names and not answer else self._goodbyes(visitor)
            )
            line = f"{answer} {bye}" if answer else bye
        elif answer:
            line = self._turned_back(visitor, turn, answer, rng) if questions else answer
        elif "offer_more_help" in names:
            line = rng.choice(self.lines.voice("nothing_else", {"none": NOTHING_ELSE})["none"])
        else:
            line = rng.choice(STILL_HERE)
        if not done and visitor.turn - turn >= MOST_AFTER_GOODBYE:  # it must go: one more message to close
            if "leaving-now" in visitor.heard:
                bye = rng.choice(self._goodbyes(visitor))
                line, done = (f"{answer} {bye}" if answer else bye), True
            else:
                visitor.heard.add("leaving-now")
                line = self.leaving(f"{line} {rng.choice(LEAVING_ANYWAY)}", message)
        visitor.closed = done
        if "appreciation" in names:
            visitor.heard.add("thanked:closing")  # "Thank you. Can you tell it back?": the offer next closes the call
        if done and hands_on(message) and not names & _HOSTILE:  # "I'm right here with you until they arrive"
            stays = STAYS_ON if self.scenario.channel == "phone" else STAYS_LOBBY
            stays = STAYS_HOLDING if stays is STAYS_ON and _ASKED_TO_HOLD.search(message) else stays  # "stay on"
            return f"{answer} {rng.choice(stays)}".strip()
        return f"{line} {self._gone_direction(visitor)}" if done else line

    def _turned_back(self, visitor: Visitor, turn: int, answer: str, rng: random.Random) -> str:
        """A question just after its goodbye is answered after a beat: it had turned to go ("(Turns back.) Oh,
        sure. The SR-1 ..."); later ones, or a visitor handed over, answer straight."""
        if visitor.turn - turn != 1 or "handed-over" in visitor.heard:
            return answer
        beat = rng.choice(TURNS_BACK["lobby" if self.scenario.channel == "lobby" else "phone"])
        return f"{beat} {answer}"

    def _answer(self, visitor: Visitor, state: State, message: str, read: Sequence[Read], names: frozenset[str]) -> str:
        """The answer to a check of understanding or a question asked after the goodbye ("" if none was asked)."""
        if "testing_questions" in names:
            rule = next((r for r in state.rules if "testing_questions" in r.when and r.say), None)
            answer = self.answers.in_kind.testing_answer(visitor, state, rule, message, read)
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

    def _asked_last(self, visitor: Visitor) -> tuple[str, ...]:
        """The last word to an offer of more help: "Nope, that's it. Thanks." from a customer at a counter, never
        from a caller in crisis, a frightened victim, a confused or a limited-English visitor or a child."""
        confused = any(not d.known for d in self.scenario.persona_details)
        if confused or self.scenario.persona_register in ("distressed", "limited", "child"):
            return self.lines.voice("nothing_else", {"none": NOTHING_ELSE})["none"]
        return LAST_WORDS_ASKED

    def _goodbyes(self, visitor: Visitor) -> tuple[str, ...]:
        if self.scenario.persona_register in ("distressed", "limited", "child"):
            return LAST_WORDS
        return GOODBYES["warm" if visitor.mood <= MOODS.index("uneasy") else "cool"]

    def _gone_direction(self, visitor: Visitor) -> str:
        phone = self.scenario.channel == "phone"
        if "handed-over" in visitor.heard:
            return "(You hand the call over.)" if phone else "(You leave the visitor with them.)"
        return "(The caller hangs up.)" if phone else "(The visitor heads out.)"
