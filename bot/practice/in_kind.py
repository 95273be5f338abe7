"""Checks and quizzes, answered in kind: what a trainee asks to test that the visitor has it.

"Does that make sense?" gets yes, "any questions?" no (or the visitor's open question), "tell
me back what you'll do" the plan in the visitor's words, "how many days do you have?" the
trainee's own value, "Do you have that written down?" "Yes, I've written it down.", and
"And you call first to book, right?" "Yes, that's right." The words are data
(bot/practice/phrases/asking.yaml, read_back.yaml, stock_lines.yaml); the engine asks these of every message
the grader reads as a check of understanding (bot.practice.answers, bot.practice.engine).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from bot.grading.text import Sentence, split_sentences
from bot.practice.asking import READ_BACK_KINDS, Read, check_kind, plain, question_parts, read_back_ask, self_asked
from bot.practice.hearing import ACKNOWLEDGED
from bot.practice.knowing import self_answer
from bot.practice.lines import Lines
from bot.practice.next_steps import asks_heard_back
from bot.practice.plans import PHONE_NUMBER, told_back
from bot.practice.quizzes import QUIZ_WORDS, quiz_answer, quiz_kind
from bot.practice.read_back import (
    ASK_AGAIN,
    OPENERS,
    in_own_lines,
    key_items,
    mine,
    own_items,
    read_back,
    said_back,
    value_pattern,
)
from bot.practice.said_once import content_words
from bot.practice.shortening import in_short
from bot.practice.steps import asks_order, order_put_now
from bot.practice.stock_lines import (
    ALL_CLEAR,
    CONFIRMED,
    NOT_TOLD_YET,
    NOT_YET,
    NOTHING_TO_DO,
    REGISTERS,
    TOLD_BACK,
    in_register,
)
from bot.practice.visitor import Visitor
from bot.practice.wording import going_on, pattern, patterns, words
from bot.scenarios.format import Rule, Scenario, State
from bot.scenarios.intents import checks_understanding, testing_kind

YES_NO, _YES, _VOCATIVE = patterns("yes_no_opener says_yes vocative")
_NUMBER_BACK = pattern("number_back")
_CONFIRM = pattern("confirm", 0)

_CONFIRMING, _ABOUT_THEM, _OWN_DETAILS = patterns("name_asked_back about_them own_details_asked", 0)
"""A name the visitor gave, asked back for a yes ("so dale simmons is the other driver ?"); a request for what the
visitor knows of someone ("can you tell me what he look like"), never a quiz."""
_AND_THE = pattern("next_value_asked")
"""A bare "and the address?" after a read-back: the next value read back."""
_ASKS_MINE = pattern("asks_own_part")
"""A teach-back of the visitor's own part ("tell me back what you're gonna do while the deputy's on the way")."""
_THOSE, _SAY_BACK = pattern("those_values"), pattern("say_back")
_VALUE_KINDS = ("address", "number", "fee", "hours", "days", "deadline", "email")
"""A read-back of the values just told, by how many ("say those two back"), and the kinds of value it reads."""
_AND_PLACE = pattern("and_place")
"""A number asked with where it is ("their number and address?")."""
_THE_ONE = pattern("the_one_named")
"""A value named by what it is for ("the commendations one", "the mediation one")."""
_AND_BARE = pattern("bare_follow_up")
"""A bare follow-up after a read-back ("... and mediation?")."""
_SAID_BEFORE = pattern("read_back_opening")
"""A read-back's opening words ("You said 21 days."), said once for values read back in a row."""
_OF_ITSELF = frozenset(("keep_hidden", "able", "want", "own_thing", "own_id", "here", "safe_place", "with_you"))
"""The questions about itself a visitor answers alongside a quiz, each with its stock line."""
_SAID_AFTER = pattern("read_back_closing")
"""A read-back's closing words: ", you said.", ", that's what you said."."""


class InKind:
    """Answers one scenario's checks and quizzes (shared by all its attempts)."""

    def __init__(self, scenario: Scenario, lines: Lines) -> None:
        self.scenario, self.lines = scenario, lines
        self.plans = tuple(
            line
            for state in scenario.states.values()
            for rule in state.rules
            if "testing_questions" in rule.when
            for line in rule.say
        )
        """Every line in which the visitor says back what it was told: a teach-back's answer in any state."""

    def quizzed(self, visitor: Visitor, read: Sequence[Read], checks: bool = True) -> str | None:
        """A check ("Do you have that written down?") or a quiz ("Which number is for dispatch?") in the message,
        answered in kind, the last asked first; None when there is none (or only a check, `checks` off: "Got it
        written down? Tell me back what you'll do." wants the plan)."""
        # "The dispatch number is just for non-emergencies." tells, asks nothing back
        asked = [s for s, _ in read if not _tells_only(s)]
        answered = [self._quiz_parts(visitor, s.norm) for s in asked]
        quizzes = list(dict.fromkeys(q for q in answered if q))
        if len(quizzes) > 1:  # "What do you keep? And what do we do if we find the bike?": both, in order
            return self.own_lines(visitor, _one_read_back(_without_subsumed(quizzes)))
        for sentence, quiz in reversed(list(zip(asked, answered, strict=True))):
            asks = checks and not sentence.original.rstrip().endswith((".", "!"))  # "You got it." affirms, "...?" asks
            if quiz:
                return self.own_lines(visitor, quiz)
            if found := asks and self.check(visitor, sentence.norm):
                return found
            norm = sentence.norm
            said_back = checks and (self.confirmation(visitor, norm) or self.named_back(visitor, norm))
            if said_back:
                return said_back
        return None

    @staticmethod
    def own_lines(visitor: Visitor, answer: str) -> str:
        """The answer with each fact it says back in the visitor's own line, unless the message asks a thing to be
        answered as told (`_AS_TOLD_ASKED`)."""
        asked = plain(visitor.message)
        named = content_words(asked) - QUIZ_WORDS - _ASKED_DOING  # "what's the form?": the form
        return answer if _AS_TOLD_ASKED.search(asked) else in_own_lines(answer, named)

    def _quiz_parts(self, visitor: Visitor, sentence: str) -> str | None:
        """A quiz, or a quiz in parts ("how many days do you have, and what's the number to call?"): each part
        answered, in order, when the parts are answered apart; else the sentence's answer as a whole."""
        whole = self.quiz(visitor, sentence)
        parts = question_parts(sentence)
        if len(parts) < 2:
            return whole
        first = self.quiz(visitor, parts[0])  # "which day, and what time?": a bare part after a quiz is quizzed too
        if first is None and testing_kind(parts[0]) == "teach_back":
            return None  # "tell me what you've got to do next, and by when?": the plan said back, its deadline too
        own = next(
            (p for p in parts if _ASKS_MINE.search(plain(p)) and not _ON_A_CASE.search(plain(p)) and not asks_order(p)),
            None,
        )  # "what you will do first after we hang up" asks the first step, not the whole plan
        if own:  # "what you must do, and by when?": the plan, and the deadline when the plan does not say it
            return self._own_part_and(visitor, own, [p for p in parts if p != own]) or whole
        answers = [self.quiz(visitor, part, bare=bool(first)) for part in parts]
        each = list(dict.fromkeys(a for a in answers if a))
        if len(each) < 2:
            found = each[0] if each and whole and _says_more(each[0], [whole]) else whole or (each[0] if each else None)
            if not found:
                return None
            asked = zip(parts, answers, strict=True)
            told = [t for part, a in asked if not a and (t := self._part_told(visitor, part))]
            if told and found not in " ".join(told):  # "which number ..., and what will you tell them?": both
                return " ".join(_in_order(found, told, answers))
            mine = [] if first else [m for m in [self._of_itself(visitor, parts[0])] if m]  # "Is it safe to keep ...?"
            checked = next((c for part in parts[1:] if (c := self.check(visitor, part))), "")
            return " ".join([*mine, found, *([checked] if checked else [])])  # "Who'd you call, and got it handy?"
        if whole and _says_more(whole, each):
            return whole  # "what papers you bring, how much it cost": the papers too, not only the two figures
        return _one_read_back(_without_subsumed(each))

    def _own_part_and(self, visitor: Visitor, own: str, others: list[str]) -> str | None:
        """ "Tell me back what you must do now, and how many days you have?": the plan said back, and each other part
        answered that the plan does not already say."""
        plan = self._part_told(visitor, own)
        if not plan:
            return None
        said, figures = content_words(plain(plan)), set(_VALUES.findall(plan))
        more = dict.fromkeys(a for part in others if (a := self.quiz(visitor, part, bare=True)))
        new = [a for a in more if not set(_VALUES.findall(a)) <= figures and not content_words(plain(a)) <= said]
        return " ".join([plan, *new])

    def _part_told(self, visitor: Visitor, part: str) -> str:
        """A part of a question in parts that no quiz answers, answered from what was told: the plan for "what you
        must do now", the step its words name for "what will you tell them?"; "" for any other part."""
        text = plain(part)
        if not _WH_WORD_FIRST.search(text) or _ABOUT_THEM.search(text):
            return ""
        about = content_words(text) - _ASKING_WORDS
        if not _ASKS_MINE.search(text) and (step := self._step_about(visitor, about) if about else ""):
            return step
        if _ASKS_MINE.search(text) or testing_kind(part) == "teach_back":
            return self._said_back(visitor, visitor.message, random.Random(f"{visitor.seed}:{visitor.turn}:part"))
        return ""

    def _of_itself(self, visitor: Visitor, part: str) -> str:
        """Its stock answer to a yes-or-no question about itself asked with a quiz ("Is it safe for you to keep these
        numbers somewhere he won't see, and can you read the advocate's number back?"), or ""."""
        kind = self_asked(part)
        return self_answer(self.scenario.persona_register, visitor.seed, kind) if kind in _OF_ITSELF else ""

    def quiz(self, visitor: Visitor, part: str, bare: bool = False) -> str | None:
        """A question about what the trainee said ("How many days do you have?", "What hours did I give you?")
        answered from its words; what it does with a thing it was told nothing about ("what you do with this
        number?" before a word of it) gets an honest question back; None for any other question."""
        found = self._quiz(visitor, part, bare)
        if found is None and _OWN_ABOUT.search(plain(part)):
            table = in_register(self.scenario.persona_register, "not_told_yet", NOT_TOLD_YET)
            return random.Random(f"{visitor.seed}:{visitor.turn}:not-told").choice(table)
        return found

    def _quiz(self, visitor: Visitor, part: str, bare: bool) -> str | None:
        text = plain(part)
        if _OWN_DETAILS.search(text):
            return None  # "what's your address and a good number for ya?": its own, never dispatch's read back
        own, of_party = _OWN_ABOUT.search(text), _ASKS_OF.search(text)
        if (own or of_party) and (step := self._step_about(visitor, content_words(text) - _ASKING_WORDS, of_party)):
            return step  # "What you do about the credit?": the step told about the credit
        if _ABOUT_THEM.search(plain(part)) and not read_back_ask(part) and not asks_heard_back(part):
            return None  # "can you tell me what he look like" asks what the visitor knows, not what it was told
        if found := self._kinds_read_back(visitor, part) or self._those_read_back(visitor, part):
            return found  # "read me the number back and the days": each read back, in one line
        after = _SAID_AFTER.search(visitor.last_line) or _SAID_BEFORE.match(visitor.last_line)  # a read-back
        after = after or f"said-back:{visitor.turn - 1:03d}" in visitor.heard  # or the plan said back just now
        bare_and = _AND_BARE.match(plain(part)) if after else None
        if bare_and and self._told_of(visitor, tail := content_words(bare_and.group(1)) - QUIZ_WORDS):
            return read_back(self._heard_plan(visitor), "number", self.lines, visitor, tail) or None  # "and mediation?"
        if found := quiz_answer(part, visitor, self.lines):
            return self._and_place(visitor, part, found)
        kind = read_back_ask(part)
        just_told = kind == "number" and _THAT_ONE.search(part) and not PHONE_NUMBER.search(visitor.message)
        kind = "" if just_told else kind  # "call the gift card company ... Can you say that one back?": that step
        followed = bare and len(plain(part).replace("?", "").split()) <= 3  # "... and what time?"
        if kind is None and (followed or _AND_THE.match(plain(part)) and after):
            kind = next((k for k, words in READ_BACK_KINDS if k and words.search(part)), None)  # "and the address?"
        about = content_words(plain(part)) - QUIZ_WORDS  # "the mediation one": mediation
        if kind is None and after and _AND_THE.match(plain(part)) and (step := self._step_about(visitor, about)):
            return step  # "And the report with us?" after the plan said back: the step told about the report
        if kind is None:
            return self._the_one_named(visitor, part, about)
        plan = self._heard_plan(visitor)
        plan = [p for p in plan if p[0] == plan[-1][0]] if just_told and plan else plan  # this message's step only
        said = read_back(plan, kind, self.lines, visitor, about)
        if said and not kind and _nothing_mine(plan, part):  # its part: waiting for the desk's
            return _waiting(random.Random(f"{visitor.seed}:{visitor.turn}:testing").choice(NOTHING_TO_DO), said)
        return said or None

    def _those_read_back(self, visitor: Visitor, part: str) -> str | None:
        """ "Can you say those two back for me?": each value the last thing told gave (the place and the number of
        "... at Valley Tow, 1450 Industrial Way, phone (562) 555-0188."), in one line; None for any other part."""
        text = plain(part)
        if not _THOSE.search(text) or not (_SAY_BACK.search(text) or read_back_ask(part) is not None):
            return None
        for told in reversed(self._heard_plan(visitor)):  # the latest thing told with two values or more
            kinds = [k for k in _VALUE_KINDS if (shape := value_pattern(k)) is not None and shape.search(told[2])]
            each = list(dict.fromkeys(a for k in kinds if (a := read_back([told], k, self.lines, visitor))))
            if len(each) > 1:
                return _one_read_back(each)
        return None

    def _and_place(self, visitor: Visitor, part: str, found: str) -> str:
        """A number asked with its place ("What's their number and address?"): the place told said after it."""
        if not _AND_PLACE.search(plain(part)) or quiz_kind(part) != "number":
            return found
        place = quiz_answer("where are they ?", visitor, self.lines) or ""
        return f"{found} And {self.lines.decap(place)}" if place and place not in found else found

    def _step_about(self, visitor: Visitor, about: set[str], of_party: object = None) -> str:
        """The step told that the words name ("the report": "I call the fraud line, (562) 555-0163."), or "";
        of a party ("what are you asking the bureau for?"), the step told after the one that names it."""
        plan = [t for *_, t in reversed(self._heard_plan(visitor)) if about & content_words(t)]
        told = [(t, i) for t in plan for i in key_items(t)]
        if of_party and told:
            best = max(told, key=lambda ti: len(about & content_words(ti[1])))
            items = key_items(best[0])
            place = items.index(best[1])
            return items[place + 1] if place + 1 < len(items) else best[1]

        def named(told_item: tuple[str, str]) -> tuple[int, int]:  # "Report: call our fraud line": led by its name
            sentence, item = told_item
            lead = sentence.split(":", 1)[0] if ":" in sentence[:40] else ""
            return len(about & content_words(lead)), len(about & content_words(item))

        return in_short(max(told, key=named, default=("", ""))[1])  # "Real talk, ..., so the best move is ..."

    def _told_of(self, visitor: Visitor, about: set[str]) -> bool:
        """A number was told with one of these words ("mediation ... (562) 555-0181")."""
        return any(PHONE_NUMBER.search(t) and about & content_words(t) for *_, t in self._heard_plan(visitor))

    def _the_one_named(self, visitor: Visitor, part: str, about: set[str]) -> str | None:
        """ "Would you mind readin' the commendations one back to me?": the value told that the question names
        (the commendations e-mail address), or None."""
        if not _THE_ONE.search(plain(part)) or not read_back_ask(part) and not checks_understanding(part):
            return None
        plan = self._heard_plan(visitor)
        for kind in ("email", "number", "address"):
            found = read_back(plan, kind, self.lines, visitor, frozenset(about))
            if found and any(len(w) >= 4 and w in found.lower() for w in about):
                return found
        return None

    def _kinds_read_back(self, visitor: Visitor, part: str) -> str | None:
        """A read-back asked of values of two kinds or more ("read me the number back and the days"), each read
        back in one line; None for any other part, or when fewer than two were told."""
        if not read_back_ask(part):
            return None
        asked = sorted((m.start(), k) for k, words in READ_BACK_KINDS if k and (m := words.search(part)))
        kinds = [k for _, k in asked]  # in the order asked
        about = content_words(plain(part)) - QUIZ_WORDS
        plan = self._heard_plan(visitor)
        each = list(dict.fromkeys(a for k in kinds if (a := read_back(plan, k, self.lines, visitor, about))))
        return _one_read_back(each) if len(each) > 1 else None

    def check(self, visitor: Visitor, text: str) -> str | None:
        """Yes to a check that the visitor has what it needs ("Do you have that written down?", "Can you do that?",
        "You understand?"), in its voice; None for any other question."""
        kind = check_kind(text)
        if kind is None or _ABOUT_THEM.search(plain(text)):
            return None  # "tell me what Deputy Park did so I can write it down" asks her story, no check
        return random.Random(f"{visitor.seed}:{visitor.turn}:check").choice(
            self.lines.voice("all_clear", ALL_CLEAR)[kind]
        )

    def confirmation(self, visitor: Visitor, part: str) -> str | None:
        """Yes to the trainee's plan said as the visitor's, with a tag ("And you call first to book, right?"), in
        its voice; None for any other question."""
        if not _CONFIRM.search(part):
            return None
        voiced = REGISTERS.get(self.scenario.persona_register, {}).get("confirmed") or CONFIRMED
        return random.Random(f"{visitor.seed}:{visitor.turn}:confirm").choice(voiced)

    def named_back(self, visitor: Visitor, part: str) -> str | None:
        """Yes to a name or value the visitor gave, asked back to confirm it ("So Dale Simmons is the other
        driver?"), in its voice, not the whole detail again; None for any other question."""
        text = plain(part)
        named = _CONFIRMING.match(text)
        said = " ".join(k.removeprefix("said:") for k in visitor.heard if k.startswith("said:"))
        if not text.endswith("?") or " or " in text:
            return None
        if named and f" {named.group(1)} " not in f" {said} " or not named and not _its_own_facts(text, said):
            return None
        voiced = REGISTERS.get(self.scenario.persona_register, {}).get("confirmed") or CONFIRMED
        return random.Random(f"{visitor.seed}:{visitor.turn}:confirm").choice(
            voiced[:1] if voiced is CONFIRMED else voiced
        )

    def whole_plan(self, visitor: Visitor, read: Sequence[Read]) -> str | None:
        """The plan said back, to a teach-back of all of it ("can u run thru the steps for me? like what u do
        first"), however a question beside it asks one part; None for any other message."""
        asked = [s for s, shown in read if "testing_questions" in shown and _WHOLE_PLAN.search(s.norm)]
        if not asked or any(_one_part_after(s.norm) for s in asked):
            return None  # "walk me through it: what day are you coming in?" asks the day
        plan = self._said_back(visitor, visitor.message, random.Random(f"{visitor.seed}:{visitor.turn}:testing"))
        for s in asked:  # "the steps and how long approval takes": the plan, then the part asked beside it
            wh = _WH_AFTER.search(s.norm, _WHOLE_PLAN.search(s.norm).end())
            beside = self._quiz(visitor, s.norm[wh.start() :], bare=False) if wh else None
            if plan and beside and _value_of(beside).lower() not in plan.lower():
                plan = f"{plan} {not_opened_again([beside])[0]}"
        if plan:
            visitor.heard.add(f"said-back:{visitor.turn:03d}")
        return plan or None

    def testing_answer(
        self, visitor: Visitor, state: State, fired: Rule | None, message: str, read: Sequence[Read]
    ) -> str:
        """ "Does that make sense?" gets yes, "any questions?" no (or the visitor's open question), "tell me back
        what you'll do" the plan in the visitor's words: the opener always fits the question asked."""
        kinds = [testing_kind(s.norm) for s, shown in read if "testing_questions" in shown] or [
            testing_kind(" ".join(s.norm for s, _ in read))
        ]
        kind = "teach_back" if "teach_back" in kinds else kinds[-1]
        whole = self.whole_plan(visitor, read)
        if whole:
            return whole
        if found := self.quizzed(visitor, read, checks=kind != "teach_back"):
            visitor.heard.add(f"said-back:{visitor.turn:03d}")  # "And the report with us?" next asks on about it
            return found
        missing = [f for f in self.scenario.resolution_facts if f not in visitor.facts]
        rng = random.Random(f"{visitor.seed}:{visitor.turn}:testing")
        clear, not_yet = self.lines.voice("all_clear", ALL_CLEAR), self.lines.voice("not_yet", NOT_YET)
        plan = self._said_back(visitor, message, rng) if kind == "teach_back" else ""
        if plan:  # the plan as the visitor heard it, wrong values and all; then what it still needs
            visitor.heard.add(f"said-back:{visitor.turn:03d}")
            ask = self.lines.open_ask(visitor, state) if missing else ""
            ask = ask if "?" in ask else ""
            if ask and plan.endswith(ASK_AGAIN):
                plan = plan[: -max(len(a) for a in ASK_AGAIN if plan.endswith(a))].strip()
            opener = f"{rng.choice(clear[kind])} " if _NUMBER_BACK.search(message) else ""
            return f"{opener}{plan} {ask}".strip()
        if missing:
            opener = rng.choice(not_yet[kind])
            ask = self.lines.open_ask(visitor, state)
            ask = ask if not opener.endswith(("But", ",")) else self.lines.decap(ask)
            return f"{opener} {ask}"
        if kind in ("understanding", "agreement") and (order := order_put_now(visitor, self.lines)):
            return f"{fitting_yes(clear[kind], message, rng)} {order}"  # "..., then our fraud line. Okay?"
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
            return rng.choice(clear[kind])  # "Yes. I'll keep the report number." is no answer to "Any questions?"
        return f"{fitting_yes(clear[kind], message, rng)} {rest}".strip()

    def _said_back(self, visitor: Visitor, message: str, rng: random.Random) -> str:
        """The plan said back: the number read back when asked for it, else the key actions and values."""
        plans = self._heard_plan(visitor)
        if _NUMBER_BACK.search(message):
            return told_back(plans, asks_number=True)
        confused = any(not d.known for d in self.scenario.persona_details)
        said = said_back(plans, self.scenario.persona_register, confused, rng, self.lines) if plans else ""
        said = _not_called_by_name(said, self.lines.persona_name(visitor))  # "I stay back from the road, June."
        if said and _nothing_mine(plans, message):  # "what are you gonna do?", told only what the desk does
            return _waiting(rng.choice(NOTHING_TO_DO), said)
        return _own_part(said) if _ASKS_MINE.search(message.lower()) else said


    @staticmethod
    def _heard_plan(visitor: Visitor) -> list[tuple[int, bool, str]]:
        """What the trainee told the visitor to do or what will happen, in the order said: (turn, sentence)."""
        found = []
        for key in visitor.heard:
            if key.startswith("plan:"):
                _, turn, index, directive, text = key.split(":", 4)
                found.append((int(turn), int(index), directive == "1", text))
        return [(turn, directive, text) for turn, _, directive, text in sorted(found)]


def _not_called_by_name(said: str, name: str) -> str:
    """A step said back without the visitor's own name the trainee called it by at its end ("Stay back from the road,
    June." is said back "I stay back from the road."): a caller never calls itself by name."""
    for part in {name, *name.split()} - {"Mr.", "Mrs.", "Ms.", "Dr.", ""}:
        said = re.sub(rf",\s*{re.escape(part)}(?=[.!?]|,? and\b)", "", said)
    return said


def _own_part(said: str) -> str:
    """Asked what it will do ("Could you tell me back what you will do while you wait?"), the visitor says its own
    steps, not also what the desk said it is doing ("And you are passing all of this to dispatch now ...")."""
    sentences = [x.original for x in split_sentences(said)]
    kept = [
        x
        for at, x in enumerate(sentences)
        if len(x.split()) <= 3 or _MINE_SAID.search(x) or x.rstrip().endswith("?")
        or at and _MINE_SAID.search(sentences[at - 1]) and _HOW_LONG.search(x)  # "I file it online. And it takes
        or PHONE_NUMBER.search(x)  # about fifteen minutes.": how long its own step takes; "their number's ...": the
    ]  # number it is to call
    return " ".join(kept) if any(_MINE_SAID.search(x) for x in kept) else said


_HOW_LONG = value_pattern("deadline")
_MINE_SAID = re.compile(
    r"^(?:(?:so|and|then|okay|ok|um|right|alright),?\s+)*(?:(?:if|when|once|until|while|after)\b[^,]*,\s*)?"
    r"(?:I|I'll|I'm|I've)\b",
    re.IGNORECASE,
)


def _waiting(wait: str, said: str) -> str:
    """ "I just wait, I guess." and then what the desk does, without the read-back's own opener ("Um, okay. So")."""
    opener = max((o for each in OPENERS.values() for o in each if said.startswith(f"{o} ")), key=len, default="")
    rest = said[len(opener) :].strip()
    return f"{wait} {rest[:1].upper()}{rest[1:]}"


def _nothing_mine(plans: list[tuple[int, bool, str]], asked: str) -> bool:
    """Asked to say back its own part ("what you're gonna do while the deputy's on the way"), the visitor was told
    only what the desk does: nothing of its own to say back."""
    if not _ASKS_MINE.search(asked.lower()) or any(re.search(r"\d", t) for *_, t in plans):
        return False  # "Valley Tow ... 562-555-0188": its part is to call them
    told = [item for *_, t in plans for item in own_items(t)]  # "I get a receipt": a fact of its own, said back
    return bool(told) and not any(mine(i) for i in told)


def _its_own_facts(text: str, said: str) -> bool:
    """ "You found her by the entrance of the main library on Pacific, about twenty minutes ago, yeah?": the desk
    saying back what the visitor told it, most of its words the visitor's own, asked for a yes."""
    if not _TAGGED_YES.search(text):
        return False
    words = content_words(_TAGGED_YES.sub("", text)) - QUIZ_WORDS
    return len(words) >= 3 and len(words & set(said.split())) * 2 >= len(words)


_TAGGED_YES = pattern("tagged_yes")
"""The desk's words asked for a yes ("..., yeah?")."""


def _without_subsumed(answers: list[str]) -> list[str]:
    """The answers to a quiz's parts less any sentence another part's answer says more fully ("And if he shows up, I
    call 911." beside "If he shows up before then, I call 911 right away.")."""
    sentences = [[x.original for x in split_sentences(a)] for a in answers]
    words = [[content_words(x) for x in each] for each in sentences]
    kept = []
    for i, each in enumerate(sentences):
        others = [w for j, ws in enumerate(words) if j != i for w in ws]
        own = [x for x, w in zip(each, words[i], strict=True) if not any(w and w < o for o in others)]
        if own:
            kept.append(" ".join(own))
    return kept or answers


def merged_read_backs(answers: list[str]) -> list[str]:
    """Answers in a row that each read a value back with the same closing words, as one ("Fifteen dollars, you said.
    Five to seven business days, you said." is said "Fifteen dollars, and five to seven business days, you said.")."""
    merged: list[str] = []
    answers = [a for a in answers if not any(a != b and _value_of(a) in b for b in answers)]  # said in a longer one
    for answer in answers:
        tail, opener = _SAID_AFTER.search(answer), _SAID_BEFORE.match(answer)
        if merged and tail and merged[-1].endswith(tail.group(0)):
            merged[-1] = _one_read_back([merged[-1], answer])
        elif merged and opener and merged[-1].startswith(opener.group(0)) and "." not in merged[-1][:-1]:
            merged[-1] = f"{merged[-1][:-1]}, and {answer[opener.end() :]}"  # "You said X. You said Y.": one "You said"
        else:
            merged.append(answer)
    return merged


_VALUES = re.compile(r"\d[\d,.:-]*")


def _says_more(whole: str, answers: list[str]) -> bool:
    """Does the answer to the whole question say every figure the parts' answers say, and more besides?"""
    figures = set(_VALUES.findall(whole))
    return all(_VALUES.findall(a) and set(_VALUES.findall(a)) <= figures for a in answers) and len(whole) > sum(
        len(a) for a in answers
    ) + 20


def _in_order(found: str, told: list[str], answers: list[str | None]) -> list[str]:
    """The quiz's answer and the steps told for the other parts, in the order the parts were asked."""
    first, *rest = [found, *told] if answers[0] else [*told, found]
    return [first, *not_opened_again(rest)]


def not_opened_again(rest: list[str]) -> list[str]:
    """Answers after the first without a read-back's opening: "A DMV SR-1 form. And 10 days.", never "... form.
    Right, 10 days."."""
    return [
        f"And {a[m.end() :]}" if (m := _SAID_BEFORE.match(a)) and a[m.end() :] and not _NO_VALUE.match(a[m.end() :])
        else a
        for a in rest
    ]


_NO_VALUE = re.compile(r"(?:what|how|why|who|where|when|it|right|all|fine|okay)\b", re.IGNORECASE)
"""What follows "That's" in a line of the visitor's own, not a value read back ("That's what it is, dear.")."""


_WH_WORD_FIRST, _ASKING_WORDS = pattern("wh_part"), frozenset(words("part_asking_words"))
_ON_A_CASE = pattern("case_said", re.IGNORECASE)
_OWN_ABOUT, _ASKS_OF = pattern("asks_own_about"), pattern("asks_of_party")
"""What the visitor does in a case ("what will you do if he shows up?"): the step told for it, not the whole plan."""
"""A part that asks what, who, how or where, and the words of it that name nothing told (bot/practice/phrases)."""


def _one_read_back(answers: list[str]) -> str:
    """Answers to the parts of one quiz as one read-back: "You said 21 days. And (562) 555-0137.", "Fifteen dollars,
    and five to seven business days, you said.", never "you said" twice, nor a part the first answer already said
    ("And if he shows up, I call 911 ..." then "If he shows up before then, I call 911 right away.")."""
    answers = [a for i, a in enumerate(answers) if not i or not _said_in(a, answers[0])] or answers
    opener = _SAID_BEFORE.match(answers[0])
    if opener and all(a.startswith(opener.group(0)) and "." not in a[:-1] for a in answers):  # "So, X, and Y."
        return ", and ".join([answers[0][:-1], *(going_on(a[opener.end() : -1]) for a in answers[1:])]) + "."
    tail = _SAID_AFTER.search(answers[0])
    if tail and all(a.endswith(tail.group(0)) for a in answers[1:]):
        values = [a[: -len(tail.group(0))] for a in answers]
        return ", and ".join([values[0], *(v[:1].lower() + v[1:] for v in values[1:])]) + tail.group(0)
    opener = " ".join(answers[0].split()[:2]) + " "
    rest = [f"And {a[len(opener) :]}" if a.startswith(opener) else a for a in answers[1:]]
    return " ".join([answers[0], *not_opened_again(rest)])


def _said_in(answer: str, earlier: str) -> bool:
    """Does the earlier answer already say this one: all but one of its words that mean something ("before then"
    and "right away" add nothing to the step)?"""
    own = content_words(answer) - _ADDS_NOTHING
    return len(own) >= 3 and len(own - content_words(earlier)) <= 1


_ADDS_NOTHING = frozenset({"then", "away", "right", "now", "before", "again", "just", "also", "too"})


def _value_of(answer: str) -> str:
    """The value a read-back says ("Monday until Friday" of "Monday until Friday, you said.")."""
    tail, opener = _SAID_AFTER.search(answer), _SAID_BEFORE.match(answer)
    return answer[opener.end() if opener else 0 : tail.start() if tail else len(answer)].rstrip(".")


_ASKS_DOES = pattern("asks_does", re.IGNORECASE)
_WH_ASKED, _ASKS_A_YES = pattern("wh_asked"), pattern("asks_a_yes")
"""A "does ...?" (over the raw message); a question of when or what, and a check that asks for a yes (over the
lower-cased message)."""


def fitting_yes(yeses: Sequence[str], message: str, rng: random.Random) -> str:
    """A yes that fits the check asked: "It does, yes." only to a "does ...?", none to a question of when or what
    ("So just so we're square, when you gonna swing by records?" asks for a day, not a yes)."""
    if _WH_ASKED.search(message.lower()) and not _ASKS_A_YES.search(message.lower()):
        return ""
    fitting = [y for y in yeses if not y.startswith("It does")] if not _ASKS_DOES.search(message) else list(yeses)
    return rng.choice(fitting or list(yeses))


_THAT_ONE = re.compile(r"\b(?:that|this) one back\b")


def _one_part_after(norm: str) -> bool:
    """A question word after the request for the whole plan that asks one part of it instead ("walk me through it:
    what day are you coming in?"), not a second thing asked beside it ("the steps and how long approval takes")."""
    end = _WHOLE_PLAN.search(norm).end()
    wh = _WH_AFTER.search(norm, end)
    return wh is not None and not _AND_ALSO.fullmatch(norm[end : wh.start()])


_AND_ALSO = re.compile(r"\s*,?\s*(?:and|plus|&)\s+(?:also\s+)?")
_WHOLE_PLAN = pattern("whole_plan")
"""A teach-back of the whole plan ("can u run thru the steps for me?"): said back whole, not one quiz of it."""
_WH_AFTER = pattern("wh_word")


def _tells_only(sentence: Sentence) -> bool:
    """A statement that asks nothing back: no check, no read-back nor teach-back request in it."""
    norm = sentence.norm
    return (
        sentence.original.rstrip().endswith((".", "!"))
        and not checks_understanding(norm)
        and read_back_ask(norm) is None
        and testing_kind(norm) != "teach_back"
        and not (_TELL_ME.search(norm) and quiz_kind(norm))  # "tell me the days and times you'd go by."
    )


_TELL_ME = pattern("tell_me")


_ASKED_DOING = content_words(
    "file report do did go get call bring say tell back know need take make come happen happens happening next going "
    "gonna will would can could should you your me my we us it them what how when why whats"
)
_AS_TOLD_ASKED = re.compile(
    r"\b(?:who(?:m|'s|se)?|where|which (?:number|one|line)|what(?:'s| is) (?:the|their|that) (?:number|line|e-?mail)|"
    r"if|what if|say (?:he|she|they)(?:'s| is| are)?|should|suppose|in case)\b"
)
"""A question answered as told, never in a line of the visitor's: who does a thing, where, which number, or a case
("if he shows up, what do you do?": on the case as the question puts it)."""
