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
from bot.practice.asking import (
    Read,
    check_kind,
    echo_question,
    either_or,
    hinted_topics,
    offers,
    plain,
    question_parts,
    questions,
    read_back_ask,
    self_asked,
    with_antecedent,
    yes_no,
)
from bot.practice.choosing import choose, inline_choice
from bot.practice.complying import said_now
from bot.practice.in_kind import InKind, fitting_yes, merged_read_backs, not_opened_again
from bot.practice.knowing import Knowing, stem, with_yes_or_no, words_of, yes_or_no_first
from bot.practice.lines import Lines
from bot.practice.quizzes import quiz_kind
from bot.practice.repeats import as_repeats
from bot.practice.said_once import once_yes, said_more_later
from bot.practice.stock_lines import ALL_CLEAR, DONT_KNOW, SELF_ANSWERS
from bot.practice.visitor import Visitor
from bot.practice.wording import pattern, patterns, words
from bot.scenarios.format import Detail, Line, Scenario
from bot.scenarios.intents import QUESTION_TOPICS, asked_words, question_topics
from bot.scenarios.persona import DETAIL_ASKED
from bot.scenarios.questions import testing_kind, to_a_child

YES_NO, _YES, _DENIAL, _LEADING_NO, _VOCATIVE = patterns("yes_no_opener says_yes denial leading_no vocative")
_WH_FIRST = re.compile(r"(?:so |and |ok |okay )?(?:where|who|when|what|which|how)\b")
"""Words that answer a yes-or-no check (the visitor's own opener says them, so the rest of its line loses them), a
scenario line that already says yes ("Yes. I understand. Report, number."), a denial, a leading "No,", and a
vocative left with a "Yes," ("Yes, dear."): bot/practice/phrases/answering.yaml."""
_FINE, _HURT, _WHOSE_NAME, _THEIR_NAME, _KINS_NAME, _HOW_MANY, _WHERE_YOU_ARE, _HOW_LONG, _WHEN_CLAUSE = patterns(
    "asks_if_fine asks_of_harm whose_name their_name kins_name how_many where_you_are how_long when_clause", 0
)
"""What a question asks after, over its lower-case words (bot/practice/phrases/asking.yaml)."""
_DONE, _OWN_THING, _TERSE_PHONE = pattern("did_you"), pattern("own_thing"), pattern("terse_phone")
_DURATION_WORDS = list(words("duration_words"))
def _without_bare_yes(part: str, answer: str) -> str:
    """The answer to a question of where, what or when without the "Yes." its line opens with ("where does she
    walk home from?": "She walks home from the library.", never "Yes. She walks ...")."""
    yes = _BARE_YES.match(answer)
    if not yes or not _WH_ASKS.match(plain(part)) or not answer[yes.end() :].strip():
        return answer
    rest = answer[yes.end() :].strip()
    return rest[:1].upper() + rest[1:]


def _besides(part: str, found: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The answers less the sentences about the thing the question sets aside ("besides the wallet, did they take
    anything else?": not "My wallet from the glovebox.", but "My license was in the wallet."); "No, just the wallet."
    when nothing else is left."""
    aside = _BESIDES.search(part)
    if not aside:
        return found
    thing = aside.group(2)
    names_it = re.compile(rf"^(?:(?:my|the|your|a|just|only|yes|no),? )*{re.escape(thing)}\b", re.IGNORECASE)
    kept = []
    for answer, before in found:
        sentences = [s.original for s in split_sentences(answer)]
        if sentences and names_it.match(sentences[0]):
            sentences = [x for x in sentences[1:] if not _FEELING_ONLY.match(x)]  # "I feel so stupid ..." with it
        if sentences:
            kept.append((" ".join(sentences), before))
    return kept or [(f"No, just {aside.group(1) or 'the '}{thing}.", False)]


_BESIDES, _FEELING_ONLY = patterns("set_aside feeling_only")
"""A sentence left of the thing set aside that only says how the visitor feels about it ("I feel so stupid ...")."""
_WHICH_ONE = re.compile(r"^(?:(?:and|so|okay|ok|now|then)\s+)*which\b")
_BARE_YES = re.compile(r"^(?:Yes|Yeah|Yep)[.,]\s+")
_WH_ASKS = re.compile(r"^(?:(?:and|so|okay|ok|now|then)\s+)*(?:where|what|when|which|who|how)\b")
"""A question that asks where, what or when: a line that opens "Yes." answers another question."""
_COUNT, _NUMBER_BACK, _WHO_OF_IT, _WISH_TAG = patterns("count number_back who_of_it wish_tag")
"""A line that says how many ("Two of them."), a request to read a number back, a part naming only who it asks."""
_KIN = tuple(frozenset(group.split()) for group in words("same_person"))
"""Words for one person: asked for "your mom's name", the line about "my mother" answers it."""
_SOMEONE_ELSES_NUMBER, _SOMEONE_ELSES = patterns("someone_elses_number someone_elses", 0)
""""Your daughter's phone number?" asks for hers, not the caller's own; a question about someone else's car ("their
plate") is answered by the detail about them, not the visitor's."""
_TRIED_AS = frozenset(stem(w) for w in ("called", "asked", "checked", "texted", "drove", "went", "looked"))
_OR_ASKS = re.compile(
    r"\bor (?:is|are|was|were|do|does|did|has|have|will|would|can|could)\b|"
    r"\bor (?:outside|inside|at home|somewhere else|in (?:a|the|your) \w+|on (?:a|the) \w+)\b"
)  # "Is 1187 the party, or is that yours?", "Are you in a car, or outside?"
_BARE_YES = re.compile(r"^(?:Yes|No|Yeah|Nope)\.\s+(?=[A-Z])")
"""A question that offers two things to choose from, each a question of its own: no bare "Yes." to either."""
_TOPIC_OF_DETAIL = {"phone": "callback"}
"""A detail that also tells its topic: once the number is given, "Do you need my number?" is not offered again."""
_MOST_ANSWERS = 6
"""At most this many answers to one message's questions: every part of a multi-part question, not a speech."""
_YOUR_NAME = re.compile(r"\b(?:your|ur) (?:full |first |last )?name\b")
_BARE_LIST = re.compile(
    r"^(?:and |or )?(?!.*\b(?:any\w*|some\w*|is|are|was|were|did|do|does|has|have|can|could|will|what|where|when|who|"
    r"how|which|why|you|u|your|ur)\b)(?:\w+ ?(?:, |and |or )?){1,4}\?$"
)
"""A question of bare nouns ("name, insurance, plate?"): about whoever the question before it named."""
_STOP = frozenset(words("common_question_words"))


_BARE_SURE = frozenset(SELF_ANSWERS.get("request", ()))
"""A bare yes to a request ("Okay, sure."), dropped when another part of the answer already speaks to it."""


def _stems(text: str) -> dict[str, int]:
    """Content words of a text, cut to five letters ("parked", "parking": "parki"), with their length."""
    return {w[:5]: len(w) for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


_OR_ELSE = re.compile(r"^or (?:the|a|an|any|maybe|even|just|what|which|is|are|do|does|did|can|could)\b")
"""A question put again another way after the first ("... Or the words on the sign?"): the first's answer does."""
_WHY_ASKED = re.compile(
    r",? (?:just )?in case\b[^?]*|,? so (?:that |we |i |they |the deputy |the deputies |he |she |someone )[^?]*"
    r"|,? because\b[^?]*|,? for (?:the|my|our) (?:report|records|log|file)\b[^?]*"
)
"""Why the desk asks, said with the question ("in case anybody calls about your crew"): no detail asked."""


def _statements(text: str) -> str:
    return " ".join(s.original for s in split_sentences(text) if "?" not in s.original)


def _held_by(question: str, topic: str, details: list[Detail]) -> bool:
    """Every word of the question that asks for the topic is a word asking for one of the details ("date of
    birth" asks for the birth date, not the name)."""
    spans = [m.span() for d in details for m in d.asked.finditer(question)]
    words = [m.span() for w in asked_words(question, topic) for m in re.finditer(re.escape(w), question)]
    return bool(words) and all(any(a <= s < b or s <= a < b <= e for a, b in spans) for s, e in words)  # in or over


class Answers:
    """Answers the trainee's questions for one scenario's persona (shared by all its attempts)."""

    def __init__(self, scenario: Scenario, lines: Lines) -> None:
        self.scenario = scenario
        self.lines = lines
        self.knowing = Knowing(scenario, lines)
        self.in_kind = InKind(scenario, lines)

    def answer(self, visitor: Visitor, read: Sequence[Read]) -> str | None:
        """The persona's answer to what a clarifying question asks, part by part, in the order asked: the detail
        asked for (the line that names the very thing asked, "plate", when there is one), yes or no first to a
        yes-or-no question (from a line of its own that speaks to it, or an honest stock answer), what the trainee
        said to a question about it ("what hours did I give you?"), and an honest "I don't know" for a detail the
        persona does not have (once; asked again, it says it said so)."""
        if not self.scenario.persona_facts and not self.scenario.persona_details:
            return None
        said = " ".join(s.norm for s, _ in read if "?" not in s.norm)  # "do you have one?" after "your photo ID"
        asking = questions(read, self.scenario.persona_details)
        picked = {i: c for i, q in enumerate(asking) if (c := inline_choice(q, visitor.seed))}  # "..., or ...?"
        parts = [
            (i, p if i in picked else with_antecedent(p, said))
            for i, q in enumerate(asking)
            for p in ([q] if i in picked else question_parts(q))
        ]
        answers: list[tuple[str, bool]] = []
        done: set[str] = set()
        told_before = frozenset(k for k in visitor.heard if k.startswith(("told:", "gave:", "yn:")))
        asked = [(p, t) for _, p in parts for t in question_topics(p)]  # "Is she okay? Anyone hurt?" asks of harm
        answered: set[int] = set()
        own = visitor.last_line  # "Three nights straight?" after "It's three nights running!"
        offering = {i for i, p in parts if offers(p)}
        either = {i for i, q in enumerate(asking) if _OR_ASKS.search(q)}  # "Is 1187 the party, or is that yours?"
        for i, part in parts:
            if i in picked:
                answers.append((picked[i], False))
                continue
            if i in offering and not offers(part) and check_kind(part):
                continue  # "Got something to write on, or would you like me to jot it on a card?": the offer's yes
            if len(asking) > 1 and echo_question(part, own):
                continue  # "Three nights straight? ... Are they goin' off right now?": the real question answered
            if _OR_ELSE.match(part.lower()) and answers and part == asking[i]:  # a question of its own
                continue  # "Can you read the name of the supermarket? Or the words on the sign?": one answer to both
            if self._goes_with(part, [p for j, p in parts if j == i - 1]):
                continue  # "did u swap info w the other driver? name, insurance, plate?": theirs, answered just now
            chosen = choose(part, read, visitor.seed, self.scenario.persona_register)  # "Which would you prefer?"
            found = [(chosen, False)] if chosen else self._part(visitor, part, done, told_before, asked)
            found = [(_without_bare_yes(part, a), before) for a, before in found]
            found = _besides(part, found)  # "besides the wallet, did they take anything else?": not the wallet
            if _WHICH_ONE.match(plain(part)) and any(not before for _, before in found):
                found = [(a, before) for a, before in found if not before]  # "which beach lot?": the one, not again
                # "I'm in my car in the beach lot."
            if i in answered and yes_no(part) and all(self.knowing.unknown(a, visitor) for a, _ in found):
                continue  # "any fighting, or just the music?": the first part's answer answers the rest
            answered |= {i} if found else set()
            answers += [(_BARE_YES.sub("", a) or a, b) if i in either else (a, b) for a, b in found]
        if not [a for a, _ in answers if a]:
            return None
        answers = [(a, b) for a, b in answers if a not in _BARE_SURE] or answers  # "Can you read it?" answered already
        said = list(dict.fromkeys(as_repeats(answers, visitor, self.lines)))  # "alone, or anyone with you?": once
        if not said:
            return None
        if len(said) > 1:  # "Nina Petrova. Do you need my number too? Sure, it's ...": no offer mid-answer
            said = merged_read_backs([a for a in (_statements(a) for a in said) if a])
            said = said_more_later([once_yes(a, said[:i]) for i, a in enumerate(said)])  # "I move next Friday."
        said = said[:1] + not_opened_again(said[1:_MOST_ANSWERS])  # "A DMV SR-1 form. And 10 days."
        return self.in_kind.own_lines(visitor, " ".join(said)) or None  # said once, in "I'm moving next Friday, ..."

    def _part(
        self, visitor: Visitor, part: str, done: set[str], told_before: frozenset[str], asked: list[tuple[str, str]]
    ) -> list[tuple[str, bool]]:
        """The answers to one part of a question, each with whether it was given before: a read-back of what the
        trainee said, the topics and details it asks for, or, to a yes-or-no question none of them answers, a line
        of the persona's that speaks to it or an honest stock answer."""
        if _WISH_TAG.match(plain(part)):
            return []  # "Drive safe with that headlight, okay?": a wish, no detail asked
        if (now := said_now(part, visitor, self.lines)) is not None:
            return [(now, False)] if now else []  # her name (the sister's); done now; "Tell me when it's done."
        kind = self.in_kind
        if quizzed := kind.quiz(visitor, part, bare="quiz" in done):  # "which day, and what time?": both quizzed
            done.add("quiz")
            visitor.heard.add(f"said-back:{visitor.turn:03d}")  # "And the name of the form?" next asks on about it
            return [(quizzed, False)]
        if "quiz" in done and quiz_kind(part):
            return []  # "the 10 days is for what? who do you send what to?": the step said back answers both
        if checked := kind.check(visitor, part) or kind.confirmation(visitor, part) or kind.named_back(visitor, part):
            return [(checked, False)]  # "Got a pen?", "How many days?", "And you call first, right?": in kind
        part = _WHY_ASKED.sub("", part) if len(_WHY_ASKED.sub("", part).split()) > 2 else part  # "your name, in
        matched = self._details_asked(part)  # case anybody calls about your crew?": the name, not the crew again
        found = self._found_topics(part, matched)
        strong = self._strong(part)
        topics = [
            t
            for t in found
            if t not in done
            and not (f"weak:{t}" in done and t not in strong)
            and not self._left_to_details(part, t, matched)
        ]
        asks_yes_no = yes_no(part)
        if found and not topics and not matched and all(t in done or f"weak:{t}" in done for t in found):
            return []  # "u ok? anyone hurt": one answer to both
        if self_asked(part) == "fine" and "injured" not in self.scenario.persona_facts:
            done.add("injured")  # "Are you safe?" to a caller nothing has hurt: "I'm fine, thanks."
            return [line] if (line := self.knowing.yes_or_no(visitor, part, "")) else []
        if asks_yes_no and not matched and not set(topics) & strong:
            guess = topics[0] if topics and topics[0] in self.scenario.persona_facts else ""
            preview = self._detail(visitor, guess, part) if guess else ""
            line = self.knowing.yes_or_no(visitor, part, preview, asked_words(part, guess) if guess else [])
            if line is not None:  # a topic named by a weak word ("car") stays open to a later part that names it
                done.update(f"weak:{t}" for t in topics)  # outright: "is the car still there, and what's the plate?"
                return [line]
        answers = []
        for topic in topics:
            done.add(topic)
            line = self._topic_answer(visitor, topic, part, asked)
            line = yes_or_no_first(line, part, topic) if asks_yes_no else line
            answers.append((line, f"gave:{topic}" in told_before))
        for detail in matched:
            if detail.name not in done:
                done.add(detail.name)
                again = f"told:detail:{detail.name}" in told_before
                line = self._detail_answer(visitor, detail)
                answers.append(
                    (with_yes_or_no(line, either_or(part), part) if asks_yes_no and not topics else line, again)
                )
        if not answers and not asks_yes_no:
            line = self.knowing.open_answer(visitor, part)
            return [line] if line is not None else []
        return answers

    def _found_topics(self, part: str, matched: list[Detail]) -> list[str]:
        """The topics the part names or hints at, less those it only seems to ask: a place only hinted ("which
        store?") when a detail answers it, "where you are" of a yes-or-no question, the time of a "when" clause."""
        named = question_topics(part)
        if "who" in named and "child" not in self.scenario.pools and to_a_child(part) and _YOUR_NAME.search(part):
            named = ["name" if t == "who" else t for t in named]  # "what's your name, sweetheart?" to the visitor
        hinted = [t for t in hinted_topics(part) if not (matched and t == "where" and t not in named)]
        if any(d.name == "address" for d in matched):  # "the address where the car was parked": the address alone
            named = [t for t in named if t != "where"]
        found = list(dict.fromkeys([*named, *hinted]))
        if yes_no(part) and _WHERE_YOU_ARE.search(part):
            found = [t for t in found if t != "where"]  # "are you safe where you are?" asks no place
        if _WHEN_CLAUSE.search(plain(part)):
            found = [t for t in found if t != "when"]  # "where was it parked when it happened?" asks no time
        if "vehicle" in found and all(w.startswith("colo") for w in asked_words(part, "description")):
            found = [t for t in found if t != "description"]  # "your car - make, model, color?": the car's colour
        return found

    def asked(self, visitor: Visitor, read: Sequence[Read], names: frozenset[str]) -> str | None:
        """The answer to what the message asks: a question's, or a check's or a quiz's that the grader reads as a
        check of understanding ("How many days do you have to contest it?"); None when it asks nothing of these."""
        if "testing_questions" in names and (plan := self.in_kind.whole_plan(visitor, read)):
            answer = self.answer(visitor, read) if "clarifying_question" in names else None
            return f"{answer} {plan}" if answer and answer not in plan else plan  # "Your number? And the steps back?"
        if "clarifying_question" in names:  # "Your name and number? And tell me back which day.": both
            said_back, answer = self._read_back_asked(visitor, read), self.answer(visitor, read)
            if answer and not said_back and "testing_questions" in names:
                said_back = self.in_kind.quizzed(visitor, read, checks=False)  # "Did you ...? That number back?"
            if not answer and not said_back:  # "how will you find out how she is?": what it was told of it
                said_back = self.in_kind.quizzed(visitor, read, checks=False)
            if said_back:
                visitor.heard.add(f"said-back:{visitor.turn:03d}")  # "And what about the cost?" next asks on
            if said_back and answer and said_back not in answer:
                return said_back if answer in said_back else " ".join([answer, *not_opened_again([said_back])])
            if answer and "testing_questions" in names:
                return self._with_check(visitor, read, answer)  # "Do you understand? Any family to stay with?"
            if answer or said_back or "testing_questions" not in names:
                return answer or said_back
        if "testing_questions" not in names:  # "The Google Play call, you've got that one first, yeah?": in kind
            return self.in_kind.quizzed(visitor, read) if any("?" in s.norm for s, _ in read) else None
        teach_back = any(testing_kind(s.norm) == "teach_back" for s, _ in read if "?" in s.norm)
        found = self.in_kind.quizzed(visitor, read, checks=not teach_back)  # "Got it down? Tell me back ...": the plan
        if found:
            visitor.heard.add(f"said-back:{visitor.turn:03d}")  # "And the report with us?" next asks on about it
        return found

    @staticmethod
    def teach_back_left(visitor: Visitor, read: Sequence[Read]) -> bool:
        """A teach-back asked beside a question ("What's your number? And tell me what happens from here.") that the
        answer to the question left unsaid: the plan is said back after it."""
        return f"said-back:{visitor.turn:03d}" not in visitor.heard and any(
            "testing_questions" in shown and testing_kind(s.norm) == "teach_back" for s, shown in read
        )

    def _with_check(self, visitor: Visitor, read: Sequence[Read], answer: str) -> str:
        """The answer, after a yes to the check of understanding asked with the question ("Do you understand what
        happens now? Do you have a friend to stay with?" "Yes, I understand. Not really. I can't go home.")."""
        kinds = [
            kind
            for s, shown in read
            if "?" in s.norm
            and (
                (kind := check_kind(s.norm)) == "clear"
                or "testing_questions" in shown
                and (kind := testing_kind(s.norm)) in ("understanding", "agreement")
            )
        ]
        if not kinds or YES_NO.match(answer):
            return answer
        yes = self.lines.voice("all_clear", ALL_CLEAR)[kinds[0]]
        opener = fitting_yes(yes, visitor.message, random.Random(f"{visitor.seed}:{visitor.turn}:testing"))
        return f"{opener} {answer}".strip()

    def _read_back_asked(self, visitor: Visitor, read: Sequence[Read]) -> str | None:
        """ "Did you get that down? Read 'em back to me.": the read-back asked without a question mark, which the
        question before it only leads up to; or one the questions leave to it ("the phone number, what were those
        again?", bot.practice.asking.questions)."""
        asked = (s.norm for s, _ in read if read_back_ask(s.norm) is not None)
        return next((found for norm in asked if (found := self.in_kind.quiz(visitor, norm))), None)

    def _goes_with(self, part: str, before: list[str]) -> bool:
        """The part only goes on with the question before it, answered with it: who it asks of ("anybody hurt? u or
        the other driver?"), or a bare list of the details it asked ("... other driver? name, insurance?"), not of
        its own ("How many of you? Name of the company?")."""
        if _WHO_OF_IT.match(plain(part)):
            return any(question_topics(p) for p in before)
        earlier = {d.name for p in before for d in self._details_asked(p)}
        return bool(
            _BARE_LIST.match(plain(part)) and earlier and {d.name for d in self._details_asked(part)} <= earlier
        )

    def _details_asked(self, part: str) -> list[Detail]:
        """The persona's details the part asks for, in the order asked; of two asked by the same words the one
        asked more closely ("is the other driver still there?" asks whether they left, not who they are); none
        when the part asks what the visitor did about a thing ("did you call your insurance?")."""
        found = [
            (m.start(), m.end(), d)
            for d in self.scenario.persona_details
            if (m := d.asked.search(part)) and not (d.name == "phone" and _SOMEONE_ELSES_NUMBER.search(part))
        ]
        if _TERSE_PHONE.match(plain(part)) and not any(f[2].name == "phone" for f in found):
            found += [(0, 5, d) for d in self.scenario.persona_details if d.name == "phone"]  # "Phone, name?"
        own = {(f[0], f[1]) for f in found if f[2].name not in DETAIL_ASKED}  # "which house?": the scenario's
        found = [f for f in found if f[2].name not in DETAIL_ASKED or (f[0], f[1]) not in own]  # own, not the address
        papers = [m.span() for m in _OWN_THING.finditer(part)]  # "photo" of "photo id" asks for no photo
        found = [
            f
            for f in found
            if not any(o[0] <= f[0] and f[1] <= o[1] and o[1] - o[0] > f[1] - f[0] for o in [*found, *papers])
        ]
        if yes_no(part):  # "are you safe where you are?" asks no address
            found = [f for f in found if not _WHERE_YOU_ARE.fullmatch(part[f[0] : f[1]])]
        elif _WH_FIRST.match(plain(part)):  # "where r they going off?" gets no "Yes, right now."
            found = [f for f in found if not all(YES_NO.match(x.text) for x in f[2].say)]
        if self_asked(part) in ("tried", "not_yet") and (verb := _DONE.match(plain(part))):
            lead, done = len(part) - len(plain(part)), stem(verb.group(1))
            done_as = {done} | (_TRIED_AS if done == stem("tried") else set())  # "tried her friends?": "I called them"
            found = [
                f
                for f in found
                if f[0] - lead <= verb.end() or any(d in words_of(x.text) for x in f[2].say for d in done_as)
            ]  # "did you call your insurance?" is not answered by the insurance card, "called his friends?" is
        return [d for _, _, d in sorted(found, key=lambda f: f[0])]

    def _strong(self, part: str) -> set[str]:
        """The topics the part names outright ("plate", "hurt"), not by a word that may mean another ("car")."""
        strong = {topic for topic, pattern, _ in QUESTION_TOPICS if pattern.search(part)} | set(hinted_topics(part))
        return strong | ({"who"} if _WHOSE_NAME.search(part) or _THEIR_NAME.search(part) else set())

    def _left_to_details(self, question: str, topic: str, matched: list[Detail]) -> bool:
        """The details the question asks for answer its topic too: someone else's car ("their plate"), or a
        topic every asking word of which asks for a detail ("date of birth" asks for no name)."""
        if not matched:
            return False
        if topic == "vehicle" and _SOMEONE_ELSES.search(question) or topic not in self._strong(question):
            return True  # "is the car in your name?" asks whose it is, not its plate
        if topic == "who" and (any(d.name.endswith("_name") for d in matched) or _KINS_NAME.search(question)):
            return True  # "Kevin's full name": the son's name, not who arrested him; "her mom's name": hers
        if topic == "callback" and any(d.name == "phone" for d in matched):
            return True  # "a good number to reach you?": the digits, not "Yes, this is my cell." before them
        return topic not in self.scenario.persona_facts or _held_by(question, topic, matched)

    def _detail_answer(self, visitor: Visitor, detail: Detail) -> str:
        """The persona's line for a detail asked for; one it does not know, asked again, said as a repeat."""
        line = self.lines.pick(detail.say, visitor, salt=detail.name)
        if f"told:detail:{detail.name}" in visitor.heard and not detail.known:
            prefix = random.Random(f"{visitor.seed}:{visitor.turn}:said").choice(self.lines.said_before)
            line = self.lines.led(prefix, line)
        visitor.heard.add(f"told:detail:{detail.name}")
        visitor.heard.add(f"told:{_TOPIC_OF_DETAIL.get(detail.name, detail.name)}")
        return line

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
                detail = self._fine(visitor, detail)  # "Is she okay?" is not answered "No, nobody's hurt."
            visitor.heard |= {f"told:{topic}", f"gave:{topic}"}
            return detail
        unknown = self.lines.pick(self.scenario.persona_unknown or DONT_KNOW, visitor, salt=topic)
        if f"unknown:{topic}" in visitor.heard:
            prefix = random.Random(f"{visitor.seed}:{visitor.turn}:said").choice(self.lines.said_before)
            return self.lines.led(prefix, unknown)
        visitor.heard.add(f"unknown:{topic}")
        return unknown

    def _fine(self, visitor: Visitor, detail: str) -> str:
        """The injury line that answers "Is she okay?": without its "No,", one that does not open with a denial
        ("She's not hurt." rather than "Nobody's hurt.") when the persona has one."""
        lines = [
            self.lines.render(c.text, visitor)
            for c in self.lines.candidates(self.scenario.persona_facts["injured"], visitor)
        ]
        stripped = [_LEADING_NO.sub("", x) for x in [detail, *lines]]
        stripped = [x[:1].upper() + x[1:] for x in stripped if x]
        return next((x for x in stripped if not _DENIAL.match(x)), stripped[0] if stripped else detail)

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
        if _HOW_LONG.search(question) and (lasting := self._naming(lines, visitor, _DURATION_WORDS)):
            return self.lines.pick(lasting, visitor, salt=topic)  # "how long has this been going on?": months
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
