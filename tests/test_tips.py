"""Tips: what a trainee who missed a criterion is told, and why they can trust it.

A tip names the moment of this call where the criterion belonged and ends with one line
the trainee could have said there, in quotes. The specification:

1. The line works. Said at the moment the tip names (inserted as a trainee message at that
   point of the call), the grader credits it for that criterion; a greeting is said as the
   first message. This holds for every bundled scenario, every applicable criterion, and
   for the plain lines used when no scenario is known.
2. The tip names only what happened in this call. Every turn it mentions is a turn of this
   transcript, of the person it says; every quotation is the words of that turn; what it
   says of a turn is true of it ("your first message", "your last message", "you said
   goodbye", "the caller thanked you", "your proper greeting"). Its line names no person,
   relative or pet the visitor never mentioned and gives no one a sex the visitor did not.
3. Concrete calls for the bugs that were reported: kids and a dog that were never
   mentioned, a goodbye at turn 2 that was a greeting, an empathy line the grader rejects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from bot.grading import CRITERIA, Contact, MessageSignals, detect, grade
from bot.grading.text import split_sentences
from bot.practice.attempt import Attempt
from bot.practice.engine import ScenarioEngine
from bot.scenarios.format import Scenario
from bot.scenarios.library import NOT_SCENARIOS, Library
from bot.transcript import Turn
from tests.conftest import SCENARIO_DIR
from tests.scripts import COURTEOUS, CURT

BUNDLED = sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml") if p.name not in NOT_SCENARIOS)
SEEDS = range(8)
"""Enough attempts to meet every opening line and most details a scenario draws."""
NAME = "Lopez"
"""What a trainee says for the "[your name]" of a suggested greeting."""
WITHOUT_GREETING = "How can I help you?"
"""A courteous opener that names no one: the first message of a call that missed the greeting."""


# --- reading a tip --------------------------------------------------------------------------


@dataclass(frozen=True)
class Moment:
    """Where a tip says its line belongs: `where` is first, after, before, after_opening or
    closing, `turn` the turn it names (1-based) and `role` whose turn that is."""

    where: str
    turn: int | None
    role: str | None


V, T = "visitor", "trainee"
Q = "\u201c[^\u201d]*\u201d"
"""A quotation, in a pattern."""
N = r"(?P<turn>\d+)"
"""The turn a moment names, in a pattern."""
MOMENTS: tuple[tuple[str, str, str | None], ...] = (
    # (the moment, where the line goes: first, after, before, after_opening or closing, whose turn it names)
    # greeting: always as the first message
    (r"You never answered the (caller|visitor)\. Open with:", "first", None),
    (rf"Your first message \(turn {N}\), {Q}, .+:", "first", T),
    # empathy
    (rf"After the (caller|visitor) said {Q} \(turn {N}\), acknowledge it first:", "after", V),
    (r"When the (caller|visitor) told you their problem, acknowledge it before fixing it:", "after_opening", None),
    # testing questions
    (rf"Right after you explained things at turn {N} \({Q}\), check they followed:", "after", T),
    (rf"Before you said goodbye at turn {N} \({Q}\), (check they followed|ask):", "before", T),
    (rf"Before your last message \(turn {N}, {Q}\), check they followed:", "before", T),
    (r"Once you have explained what happens next, check they followed:", "closing", None),
    # offer more help
    (rf"Before you let them go \(your last message was turn {N}\), ask:", "after", T),
    (r"Before they go, ask:", "closing", None),
    # appreciation
    (rf"When the (caller|visitor) thanked you at turn {N}, thank them back[^:]*:", "after", V),
    (rf"In your last message \(turn {N}\), thank them as you close[^:]*:", "after", T),
    (r"As you close, thank them[^:]*:", "closing", None),
)
_TIP = re.compile(r"(?P<moment>.+:) \u201c(?P<line>[^\u201c\u201d]+)\u201d")
_QUOTE = re.compile(r"\u201c([^\u201d]*)\u201d")


def parts(tip: str) -> tuple[str, str]:
    """The moment and the suggested line of a tip."""
    found = _TIP.fullmatch(tip)
    assert found, f"a tip is a moment and a line in quotes: {tip!r}"
    return found["moment"], found["line"]


def moment_of(tip: str) -> Moment:
    moment, _ = parts(tip)
    for pattern, where, role in MOMENTS:
        found = re.fullmatch(pattern, moment)
        if found:
            turn = found.groupdict().get("turn")
            return Moment(where, int(turn) if turn else None, role)
    raise AssertionError(f"a tip names a moment of the call this specification knows: {moment!r}")


def trainee_turns(turns: list[Turn]) -> list[int]:
    return [i for i, t in enumerate(turns, start=1) if t.role == "trainee"]


def say_at(turns: list[Turn], tip: str, line: str) -> tuple[list[Turn], int]:
    """The call with the line said at the tip's moment, and the line's turn (1-based)."""
    moment = moment_of(tip)
    mine = trainee_turns(turns)
    if moment.where == "first":
        index = mine[0] - 1 if mine else 1
    elif moment.where == "after":
        index = moment.turn
    elif moment.where == "before":
        index = moment.turn - 1
    elif moment.where == "after_opening":
        index = next(i for i, t in enumerate(turns, start=1) if t.role == "visitor")
    else:  # closing: as the trainee's last message
        index = mine[-1] if mine else len(turns)
    return [*turns[:index], Turn("trainee", line), *turns[index:]], index + 1


def flat(text: str) -> str:
    return " ".join(text.split())


# --- realistic calls ------------------------------------------------------------------------


def play(scenario: Scenario, script: list[str], seed: int) -> list[Turn]:
    attempt = Attempt.start(ScenarioEngine(scenario), seed)
    for message in script:
        if attempt.ended:
            break
        attempt.say(message)
    turns = list(attempt.turns)
    attempt.finish()
    return turns


def without(criterion: str, script: list[str]) -> list[str]:
    """A model script that misses one criterion: the sentences that meet it left out (the
    greeting: a first message that names no one)."""
    if criterion == "greeting":
        return [WITHOUT_GREETING, *script[1:]]
    kept = []
    for message in script:
        sentences = [s.original for s in split_sentences(message) if criterion not in detect(s.original)]
        if sentences:
            kept.append(" ".join(sentences))
    return kept


@dataclass(frozen=True)
class Call:
    name: str
    turns: list[Turn]


def calls(scenario: Scenario, seeds: range = SEEDS, curt_seeds: range = SEEDS) -> Iterator[Call]:
    """The calls of a scenario a trainee gets tips on: a curt trainee's (the visitor says
    the least), and a model trainee's who left out one criterion, over several attempts."""
    for seed in curt_seeds:
        yield Call(f"curt, seed {seed}", play(scenario, CURT[scenario.id], seed))
    for seed in seeds:
        for criterion in CRITERIA:
            if criterion not in scenario.not_applicable:
                script = without(criterion, COURTEOUS[scenario.id])
                yield Call(f"model without {criterion}, seed {seed}", play(scenario, script, seed))


def tips_of(turns: list[Turn], contact: Contact) -> dict[str, str]:
    return {c: v.tip for c, v in grade(turns, contact=contact).criteria.items() if v.tip is not None}


# --- what a tip may say of the call ---------------------------------------------------------


def claims_errors(tip: str, turns: list[Turn], contact: Contact) -> list[str]:
    """What the tip says of this call that is not so."""
    errors = []
    moment, _ = parts(tip)
    mine = trainee_turns(turns)
    named = [int(n) for n in re.findall(r"\bturn (\d+)", moment)]
    for n in named:
        if not 1 <= n <= len(turns):
            errors.append(f"turn {n} is not a turn of this call")
    if errors:
        return errors
    found = moment_of(tip)
    if found.turn is not None and turns[found.turn - 1].role != found.role:
        errors.append(f"turn {found.turn} is the {turns[found.turn - 1].role}'s, not the {found.role}'s")
    for n in named:
        if n != found.turn and turns[n - 1].role != "trainee":
            errors.append(f"turn {n} is the {turns[n - 1].role}'s, not yours")
    for quote in _QUOTE.findall(moment):
        words = flat(quote).removesuffix("\u2026")
        if not named or words not in flat(turns[named[0] - 1].text):
            errors.append(f"\u201c{quote}\u201d is not the words of turn {named[0] if named else '?'}")
    signals = {n: detect(turns[n - 1].text, contact.intents) for n in named}
    checks = (
        (r"first message \(turn (\d+)\)", lambda n: bool(mine) and n == mine[0], "is not your first message"),
        (r"last message (?:\(turn|was turn) (\d+)", lambda n: bool(mine) and n == mine[-1], "is not your last"),
        (r"goodbye at turn (\d+)", lambda n: "farewell" in signals[n] and n != mine[0], "is no goodbye"),
        (r"proper greeting at turn (\d+)", lambda n: "greeting" in signals[n], "is no greeting"),
        (r"thanked you at turn (\d+)", lambda n: "appreciation" in signals[n], "does not thank you"),
        (r"explained things at turn (\d+)", lambda n: bool(_explains(signals[n], contact)), "explains nothing"),
    )
    for pattern, holds, wrong in checks:
        for n in map(int, re.findall(pattern, moment)):
            if not holds(n):
                errors.append(f"turn {n} {wrong}: {turns[n - 1].text!r}")
    return errors


def _explains(signals: MessageSignals, contact: Contact) -> set[str]:
    """The facts, intents, process time or contact details a message gives."""
    informative = set(contact.facts) | {"process_time", "contact_details"} | {i.name for i in contact.intents}
    return informative & signals.names


MAN = r"sons?|boy|husband|boyfriend|fianc[eé]|dad|father|grandpa|brother|uncle|mr|man|guy"
WOMAN = (
    r"daughters?|girl|wife|girlfriend|fianc[eé]e|mom|mum|mother|grand(ma|mother)|granny|nana|abuela|sister|aunt|"
    r"mrs|ms|woman|lady"
)
NAMED_ONLY_IF_MENTIONED: tuple[tuple[str, str, str], ...] = (
    # (who, the words naming them in a suggested line, other words of the visitor that mention them)
    ("children", r"kids?|child(ren)?|sons?|daughters?|boy|girl|baby|toddler", ""),
    ("a grandparent", r"grand\w*|granny|nana|abuela", ""),
    ("a parent", r"mom|mum|mother|dad|father|parents?", ""),
    ("a partner", r"husband|wife|(boy|girl)friend|partner|fianc\w*", "ex"),
    ("a neighbour or friend", r"neighbou?rs?|friends?", ""),
    ("a pet", r"dogs?|cats?|pets?|pupp(y|ies)", ""),
    ("their job", r"(the|your|new) job|(for|at|from|after|before) work", r"jobs?|work\w*"),
    ("a man", r"he|him|his", MAN),
    ("a woman", r"she|her|hers", WOMAN),
)


def unmentioned(line: str, turns: list[Turn]) -> list[str]:
    """Who or what the line names that the visitor never mentioned in this call."""
    heard = " ".join(t.text for t in turns if t.role == "visitor")
    return [
        who
        for who, words, also in NAMED_ONLY_IF_MENTIONED
        if re.search(rf"\b({words})\b", line, re.I) and not re.search(rf"\b({words}|{also or words})\b", heard, re.I)
    ]


# --- 1. the suggested line works, at the moment named ----------------------------------------


def credited_at_its_moment(criterion: str, tip: str, turns: list[Turn], contact: Contact) -> str | None:
    """None if the tip's line, said at its moment, is credited for the criterion; else why not."""
    _, line = parts(tip)
    with_line, turn = say_at(turns, tip, line.replace("[your name]", NAME))
    verdict = grade(with_line, contact=contact).criteria[criterion]
    if verdict.met and verdict.turn == turn:
        return None
    return f"{line!r} said at turn {turn} is not credited ({verdict.met}, turn {verdict.turn})"


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_every_suggested_line_is_credited_when_said_at_the_moment_the_tip_names(
    library: Library, scenario_id: str
) -> None:
    scenario = library.scenarios[scenario_id]
    contact = scenario.contact
    failures, tried = [], set()
    for call in calls(scenario):
        for criterion, tip in tips_of(call.turns, contact).items():
            tried.add(criterion)
            if problem := credited_at_its_moment(criterion, tip, call.turns, contact):
                failures.append(f"{criterion} ({call.name}): {problem}\n    tip: {tip}")
    assert not failures, "\n".join(dict.fromkeys(failures))
    applicable = {c for c in CRITERIA if c not in scenario.not_applicable}
    assert tried == applicable, f"no call of {scenario_id} missed {sorted(applicable - tried)}"


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_every_example_line_of_a_scenario_is_credited_for_its_criterion(library: Library, scenario_id: str) -> None:
    scenario = library.scenarios[scenario_id]
    rejected = {
        c: line
        for c, line in scenario.examples.items()
        if c not in detect(line.replace("[your name]", NAME), scenario.contact.intents)
    }
    assert not rejected, f"the grader rejects these example lines of {scenario_id}: {rejected}"


CALLS_WITHOUT_A_SCENARIO = {
    "phone, worried": [
        Turn("visitor", "Hi. My daughter isn't home yet and I'm really worried."),
        Turn("trainee", "Sheriff's."),
        Turn("visitor", "She's eleven. She walks home from school."),
        Turn("trainee", "A deputy will call you back in ten minutes."),
        Turn("visitor", "Okay, thank you."),
        Turn("trainee", "Bye."),
    ],
    "phone, angry": [
        Turn("visitor", "This is ridiculous. My car got towed from my own driveway."),
        Turn("trainee", "It's at the city lot on Fifth Street."),
    ],
    "phone, neither": [
        Turn("visitor", "I'd like to know how to get a copy of a report."),
        Turn("trainee", "Hello?"),
        Turn("visitor", "A copy of a report. For my insurance."),
        Turn("trainee", "Records window, weekdays, fifteen dollars."),
    ],
}


@pytest.mark.parametrize("name", sorted(CALLS_WITHOUT_A_SCENARIO))
@pytest.mark.parametrize("channel", ["phone", "lobby"])
def test_the_plain_lines_used_without_a_scenario_are_credited_too(name: str, channel: str) -> None:
    contact = Contact(station="Harbor Station", channel=channel)
    turns = CALLS_WITHOUT_A_SCENARIO[name]
    tips = tips_of(turns, contact)
    assert set(tips) == set(CRITERIA)
    failures = [p for c, tip in tips.items() if (p := credited_at_its_moment(c, tip, turns, contact))]
    assert not failures


# --- 2. the tip names only what happened in this call -----------------------------------------


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_tips_mention_only_turns_and_words_of_this_call(library: Library, scenario_id: str) -> None:
    contact = library.scenarios[scenario_id].contact
    failures = [
        f"{criterion} ({call.name}): {error}\n    tip: {tip}"
        for call in calls(library.scenarios[scenario_id])
        for criterion, tip in tips_of(call.turns, contact).items()
        for error in claims_errors(tip, call.turns, contact)
    ]
    assert not failures, "\n".join(dict.fromkeys(failures))


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_a_suggested_line_names_no_one_the_visitor_never_mentioned(library: Library, scenario_id: str) -> None:
    scenario = library.scenarios[scenario_id]
    failures = [
        f"{criterion} names {what} ({call.name}); the visitor said: "
        + " / ".join(t.text for t in call.turns if t.role == "visitor")
        + f"\n    tip: {tip}"
        for call in calls(scenario, curt_seeds=range(40))
        for criterion, tip in tips_of(call.turns, scenario.contact).items()
        for what in unmentioned(parts(tip)[1], call.turns)
    ]
    assert not failures, "\n".join(dict.fromkeys(failures))


# --- 3. the calls that were reported --------------------------------------------------------


def tips_for(library: Library, scenario_id: str, *lines: str) -> dict[str, str]:
    """The tips of a call alternating visitor and trainee lines, visitor first."""
    turns = [Turn("visitor" if i % 2 == 0 else "trainee", text) for i, text in enumerate(lines)]
    return tips_of(turns, library.scenarios[scenario_id].contact)


def test_a_complaint_tip_does_not_bring_up_kids_the_visitor_never_mentioned(library: Library) -> None:
    tips = tips_for(
        library,
        "deputy-complaint",
        "(A visitor walks straight to the counter.) I want to make a complaint about one of your deputies.",
        "What?",
        "Get me your supervisor.",
    )
    assert "kids" not in tips["empathy"] and "children" not in tips["empathy"]
    assert tips["empathy"].startswith("After the visitor said \u201cI want to make a complaint")


def test_an_empathy_tip_quotes_the_first_upset_line_not_a_threat_said_back_later(library: Library) -> None:
    """Round 58: the tip quoted a read-back ("... if he ever threatens me, I call dispatch at", turn 11)."""
    tips = tips_for(
        library,
        "neighbour-dispute",
        "(The phone rings.)",
        "Harbor Station, Deputy Jackson, how can I help?",
        "I'm at the end of my rope. Is this where I complain about a neighbour?",
        "Yes. Mediation is (562) 555-0181; if he threatens you, call dispatch at (562) 555-0111. Who do you call?",
        "So I try mediation, and if he ever threatens me, I call dispatch.",
        "Right. Bye.",
        "Bye.",
    )
    assert tips["empathy"].startswith("After the caller said \u201cI'm at the end of my rope.\u201d (turn 3)")


def test_a_fireworks_tip_does_not_bring_up_a_dog_the_caller_never_mentioned(library: Library) -> None:
    tips = tips_for(
        library,
        "fireworks-complaint",
        "(The phone rings.) Hi. I want to complain about the fireworks on Carson Street. It's four nights in a row!",
        "Yeah?",
        "I've called before and nobody came. And my baby can't sleep.",
        "Calm down. Not my problem.",
        "Put your sergeant on, please.",
    )
    assert "dog" not in tips["empathy"]


def test_a_trainers_line_naming_someone_never_mentioned_gives_way_to_a_plain_one() -> None:
    contact = Contact(channel="lobby", examples={"empathy": "I'm sorry that happened in front of your kids."})
    with_kids = [Turn("visitor", "A deputy yelled at me in front of my two kids."), Turn("trainee", "Okay.")]
    assert tips_of(with_kids, contact)["empathy"].endswith("\u201cI'm sorry that happened in front of your kids.\u201d")
    without_kids = [Turn("visitor", "A deputy yelled at me at the gas station."), Turn("trainee", "Okay.")]
    tip = tips_of(without_kids, contact)["empathy"]
    assert "kids" not in tip
    assert credited_at_its_moment("empathy", tip, without_kids, contact) is None


def test_a_greeting_that_says_good_night_is_not_the_goodbye(library: Library) -> None:
    tips = tips_for(
        library,
        "found-property",
        "(A man in running clothes steps up.) Morning! Is this where you turn in lost stuff? I found a wallet.",
        "Good night, Harbor Station, Deputy Marsh. What have you got?",
        "A brown leather wallet, at the bus stop on Main.",
        "Okay, leave it with me and we'll log it.",
        "Great.",
    )
    assert "goodbye" not in tips["offer_more_help"] and "turn 2" not in tips["offer_more_help"]
    assert tips["offer_more_help"].startswith("Before you let them go (your last message was turn 4)")


def test_calming_words_mid_call_are_not_the_goodbye(library: Library) -> None:
    tips = tips_for(
        library,
        "child-late-home",
        "(The phone rings.) Hello, um, this might be nothing, but my son Marcus is late home.",
        "Hello, Harbor Station, Deputy Marsh speaking. How can I help?",
        "He walks home from the library on Main. Nobody has seen him.",
        "Take it easy, we'll find him. What is he wearing?",
        "A blue jacket and a red backpack.",
        "I'm sending a deputy to you right now.",
        "Okay. Okay.",
    )
    for criterion in ("testing_questions", "offer_more_help"):
        assert "goodbye" not in tips[criterion], tips[criterion]


def test_a_trainee_who_said_goodbye_is_told_to_ask_before_it(library: Library) -> None:
    tips = tips_for(
        library,
        "car-break-in",
        "(The phone rings.) Hello? Is this the sheriff's? My car got broken into overnight.",
        "Harbor Station, Deputy Lopez. You can report it online; it takes about fifteen minutes.",
        "Okay, great.",
        "Alright, take care. Bye.",
        "Bye.",
    )
    assert tips["offer_more_help"].startswith(
        "Before you said goodbye at turn 4 (\u201cAlright, take care. Bye.\u201d)"
    )


def test_sarcastic_or_refused_thanks_is_not_the_visitor_thanking_you(library: Library) -> None:
    for words in ("Thanks for nothing.", "No thanks. I'd appreciate a straight answer."):
        tips = tips_for(
            library,
            "towed-car",
            "(The phone rings.) Are you the ones who towed my car? Because it's not where I parked it!",
            "Harbor Station.",
            words,
            "It's at Valley Tow.",
            "Fine.",
        )
        assert "thanked you" not in tips["appreciation"], words


def test_an_opening_that_did_not_thank_is_not_said_to_have_thanked(library: Library) -> None:
    tips = tips_for(
        library,
        "impound-release",
        "(A tired-looking visitor.) Hi. I've been to the tow yard twice. They keep saying I need a release form.",
        "Harbor Station, Deputy Lopez. I appreciate that it's a long drive out there.",
        "Yeah. So what do I need?",
        "The release form is done here at the front desk.",
    )
    assert "thanks in your greeting" not in tips["appreciation"]


def test_the_visitor_is_quoted_in_whole_sentences_of_their_own_words(library: Library) -> None:
    tips = tips_for(
        library,
        "welfare-check",
        "(The phone rings.) Hi, um, I'm not sure if this is the right number. "
        "I'm worried about my neighbour, Mrs. Alvarez. Nobody's seen her in four days.",
        "Yeah?",
    )
    assert "\u201cI'm worried about my neighbour, Mrs. Alvarez.\u201d (turn 1)" in tips["empathy"]
    stage = [
        Turn("visitor", "Hi. My boyfriend (she glances at the door) hurt me last night."),
        Turn("trainee", "Okay."),
    ]
    tip = tips_of(stage, Contact(channel="lobby"))["empathy"]
    assert not claims_errors(tip, stage, Contact(channel="lobby")), tip


def test_without_a_scenario_the_empathy_line_claims_no_feeling_the_visitor_did_not_show() -> None:
    polite = [
        Turn("visitor", "I'm afraid I don't have the plate number. Somebody towed my car last night."),
        Turn("trainee", "Okay."),
    ]
    assert "worried" not in tips_of(polite, Contact())["empathy"]
    scared = [Turn("visitor", "Please, I'm so scared, someone is outside my door."), Turn("trainee", "Okay.")]
    assert "worried" in tips_of(scared, Contact())["empathy"]


def test_empathy_belongs_where_the_trainee_could_still_answer(library: Library) -> None:
    tips = tips_for(
        library,
        "car-break-in",
        "(The phone rings.) Hi... um, someone broke into my car last night and I don't know what I'm supposed to do.",
        "Yeah?",
        "They got a box of work tools. Do I need to do something before I clean up the glass?",
        "What is it?",
        "You know what, I want to talk to your supervisor. This is unbelievable.",
    )
    assert "(turn 5)" not in tips["empathy"]


@pytest.mark.parametrize(
    ("scenario_id", "opening"),
    [
        ("clearance-letter", "(A man reads from a form.) Hello. It says I need a 'local records clearance' by Friday."),
        ("parking-citation", "(The phone rings.) Hi. I need this parking ticket cancelled. The meter was broken."),
        ("registrant-questions", "(A visitor hands over a paper.) Hi. My parole officer told me to come here."),
        ("impound-release", "(A visitor at the counter.) Hi. My blue Prius got impounded yesterday."),
    ],
)
def test_the_empathy_lines_the_grader_rejected_now_earn_empathy(
    library: Library, scenario_id: str, opening: str
) -> None:
    turns = [Turn("visitor", opening), Turn("trainee", "Harbor Station, Deputy Lopez. Hello.")]
    contact = library.scenarios[scenario_id].contact
    tip = tips_of(turns, contact)["empathy"]
    assert credited_at_its_moment("empathy", tip, turns, contact) is None


# --- the time of the call, and a calm visitor ---------------------------------------------------------------


def _greeting_tip(turns: list[Turn], contact: Contact) -> str:
    return tips_of(turns, contact)["greeting"]


@pytest.mark.parametrize(
    ("call_time", "said"),
    [("night", "Good evening"), ("evening", "Good evening"), ("morning", "Good morning"), (None, "Hello")],
)
def test_the_suggested_greeting_fits_the_time_the_scenario_gives(call_time: str | None, said: str) -> None:
    turns = [Turn("visitor", "Hi. I need some help."), Turn("trainee", "Harbor Station.")]
    tip = _greeting_tip(turns, Contact(call_time=call_time, station="Harbor Station"))
    assert f"\u201c{said}, Harbor Station" in tip


def test_without_a_time_in_the_scenario_the_call_itself_says_when_it_is() -> None:
    late = [
        Turn("visitor", "It's one in the morning and the party next door is still going."),
        Turn("trainee", "Harbor Station."),
        Turn("visitor", "Can someone come out tonight?"),
        Turn("trainee", "Yes, a deputy is on the way."),
    ]
    assert "\u201cGood evening, Harbor Station" in _greeting_tip(late, Contact(station="Harbor Station"))
    past = [Turn("visitor", "Someone broke into my car last night."), Turn("trainee", "Harbor Station.")]
    assert "\u201cHello, Harbor Station" in _greeting_tip(past, Contact(station="Harbor Station"))


@pytest.mark.parametrize(
    ("text", "call_time"),
    [
        ("A quiet caller phones the desk line late at night.", "night"),
        ("An elderly caller is confused, outside at night.", "night"),
        ("A visitor comes in first thing in the morning.", "morning"),
        ("A resident calls: their car was broken into last night.", None),
        ("A caller complains about fireworks, night after night.", None),
    ],
)
def test_call_time_reads_a_brief(text: str, call_time: str | None) -> None:
    from bot.grading.tips import call_time as read

    assert read(text) == call_time


def test_an_empathy_tip_invents_no_distress_for_a_calm_routine_visitor(library: Library) -> None:
    calm = [Turn("visitor", "Hi, Bayview Unified sent me. How does the clearance letter work?"), Turn("trainee", "Ok.")]
    contact = library.scenarios["clearance-letter"].contact
    tip = tips_of(calm, contact)["empathy"]
    assert "stressful" not in tip and "step by step" in tip
    assert credited_at_its_moment("empathy", tip, calm, contact) is None
    pressed = [Turn("visitor", "They need it by Friday, I'm so stressed."), Turn("trainee", "Ok.")]
    assert "stressful" in tips_of(pressed, contact)["empathy"]


def test_the_check_tip_never_points_at_a_goodbye_as_the_explanation(library: Library) -> None:
    """Play-test round 5: "Right after you explained things at turn 14 ("Thank you for calling, Mr. Holt, and good
    luck with the appeal.")" asked for a check after the goodbye; the explaining was two turns before it."""
    texts = [
        "Good morning, Harbor Station, Deputy Ng.",
        "I got a ticket I think is wrong.",
        "You can contest it in writing within 21 days with the parking citations office at (562) 555-0137.",
        "Okay.",
        "Thank you for calling, Mr. Holt, and good luck with the appeal.",
        "Bye.",
    ]
    turns = [Turn("trainee" if i % 2 == 0 else "visitor", t) for i, t in enumerate(texts)]
    tip = grade(turns, contact=library.scenarios["parking-citation"].contact).criteria["testing_questions"].tip
    assert moment_of(tip) == Moment("after", 3, "trainee"), tip
