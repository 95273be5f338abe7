"""Who has the last word, and how a call ends: turn-taking found wrong by blind play-testers in 60 calls.

1. A visitor whose need is met stays until the desk closes; one that said goodbye first still hears the desk out:
   a check gets its answer and the call stays open for the closing (within a small cap), so no competent call
   loses a point because the visitor left first.
2. A visitor's question or demand on its way out ("Who's in charge there?") never ends the call: the desk has one
   more message, and the visitor's answer to it ends it.
3. After the desk's goodbye the visitor says goodbye, never a new question.
4. The final mood and the outcome follow how the call ended: a hang-up, a refusal, a missed emergency never end
   calm.
5. Nothing the brief calls right (a handoff with a "Take care.", "Good night." as a greeting, "Hold on. I'm
   connecting you.") makes the visitor leave, and goodbye lines fit what was said.
"""

from __future__ import annotations

import re

import pytest

from bench.roleplay import CLOSING, load_scripts, script_files, without_close
from bot.practice.attempt import Attempt
from bot.practice.engine import ScenarioEngine
from bot.practice.scorecard import scorecard_lines
from bot.scenarios.format import MOODS
from bot.scenarios.library import Library
from tests.calls import call

SEEDS = (1, 2, 3)
HELLO = "Good afternoon, Harbor Station, Deputy Lopez speaking. How can I help?"
GONE = re.compile(r"\([^()]*\b(hangs up|leaves|walks out|walks off|heads out|click|goes dead|goes quiet)\b", re.I)
HANDED = re.compile(r"\([^()]*\b(takes over|joins the line|comes on the line|comes out to the counter)\b", re.I)
TOW = "It was towed to Valley Tow at 1450 Industrial Way, their direct line is 562-555-0188."
SCRIPTS = {path.stem: load_scripts(path) for path in script_files()}


def spoken(line: str) -> str:
    """The line less its stage directions."""
    return re.sub(r"\([^()]*\)", "", line).strip()


def outcome(attempt: Attempt) -> tuple[str, str]:
    result = attempt.finish()
    scenario = attempt.engine.scenario
    lines = scorecard_lines(result, scenario.title, "caller" if scenario.channel == "phone" else "visitor")
    return result.final_mood, next(line for line in lines if re.search(r"\(mood \w+ \u2192 \w+\)", line))


# 1. The visitor stays until the desk closes, and hears the desk out after its own goodbye.


@pytest.mark.parametrize("seed", SEEDS)
def test_given_what_they_needed_with_thanks_for_their_patience_the_caller_stays(library: Library, seed: int) -> None:
    attempt = call(library, "towed-car", [HELLO, "I'm sorry, that's awful. What's the plate?"], seed)
    reply = attempt.say(f"{TOW} Thanks for your patience.").reply
    assert not attempt.engine.leaving(attempt.visitor) and not attempt.ended, reply.line
    assert not re.search(r"\bbye\b|hang up", reply.line, re.I), reply.line
    attempt.finish()


@pytest.mark.parametrize("seed", SEEDS)
def test_a_check_after_the_callers_goodbye_is_answered_and_the_closing_still_counts(
    library: Library, seed: int
) -> None:
    attempt = call(library, "towed-car", [HELLO, "I'm sorry, that's awful. What's the plate?", TOW], seed)
    attempt.say("Thank you for your patience.")
    assert attempt.engine.leaving(attempt.visitor), attempt.turns[-1].text  # its goodbye, said first
    read_back = attempt.say("Could you read me back the tow yard's number?").reply
    assert "555-0188" in read_back.line and not read_back.ended and not GONE.search(read_back.line), read_back.line
    check = attempt.say("Does that make sense?").reply
    assert not check.ended and not spoken(check.line).lower().startswith("no"), check.line
    closing_turn = len(attempt.turns) + 1
    assert attempt.say(CLOSING).reply.ended
    result = attempt.finish()
    for criterion in ("testing_questions", "offer_more_help", "appreciation"):
        assert result.grade.criteria[criterion].met, criterion
    assert result.grade.criteria["offer_more_help"].turn == closing_turn
    assert result.resolved and result.grade.total == 100


@pytest.mark.parametrize("scenario_id", sorted(SCRIPTS))
def test_in_every_scenario_a_check_after_the_visitors_goodbye_keeps_the_call_open(
    library: Library, scenario_id: str
) -> None:
    engine = ScenarioEngine(library.scenarios[scenario_id])
    script = next(s for s in SCRIPTS[scenario_id] if s.kind == "competent")
    messages = [script.messages[0]] + [
        m for m in (without_close(m, engine.scenario.intents) for m in script.messages[1:]) if m
    ]
    attempt = Attempt.start(engine, 1)
    for message in messages + ["Thank you for your patience.", "Okay, you're all set. Take care."]:
        if engine.leaving(attempt.visitor):
            break
        attempt.say(message)
    assert engine.leaving(attempt.visitor), attempt.turns[-1].text
    check = attempt.say("Does that make sense?").reply
    assert not check.ended and not GONE.search(check.line), check.line
    closing_turn = len(attempt.turns) + 1
    assert attempt.say(CLOSING).reply.ended
    result = attempt.finish()
    assert result.resolved
    for criterion in ("offer_more_help", "appreciation"):
        verdict = result.grade.criteria[criterion]
        assert not verdict.applicable or verdict.met and verdict.turn == closing_turn, (criterion, verdict)


def test_after_its_goodbye_the_visitor_hears_out_a_few_messages_says_it_must_go_and_still_hears_the_close(
    library: Library,
) -> None:
    attempt = call(library, "towed-car", [HELLO, "I'm sorry, that's awful. What's the plate?", TOW], 1)
    attempt.say("Thank you for your patience.")
    extras = ["Make sure you bring your license.", "And your registration too.", "They open at seven."]
    replies = [attempt.say(m).reply for m in extras]
    assert [r.ended for r in replies] == [False, False, False], [r.line for r in replies]
    assert re.search(r"\bhave to go\b|\bneed to go\b", replies[-1].line) and not GONE.search(replies[-1].line)
    last = attempt.say("Anything else I can help with? Thanks for calling.").reply  # the trainee's close
    assert last.ended and GONE.search(last.line), last.line
    grade = attempt.finish().grade
    assert grade.criteria["offer_more_help"].met, grade.criteria["offer_more_help"]


# 2. A question or a demand on the way out leaves the desk one more message.


@pytest.mark.parametrize("seed", SEEDS)
def test_a_demand_for_the_watch_commander_gets_one_more_message_and_an_offer_of_one_hands_it_on(
    library: Library, seed: int
) -> None:
    attempt = call(library, "towed-car", ["Yeah?", "Yeah?"], seed)  # the pick-up, then the caller's words
    demand = attempt.turns[-1].text
    assert attempt.visitor.state == "wants_supervisor" and not attempt.ended, demand
    reply = attempt.say("I'm sorry, sir, you're right. Let me get my supervisor for you.").reply
    assert not reply.ended and HANDED.search(reply.line) and not spoken(reply.line).endswith("?"), reply.line
    reply = attempt.say("Thank you for your patience. Anything else I can help with before they take over?").reply
    assert reply.ended and "(You hand the call over.)" in reply.line, reply.line
    mood, line = outcome(attempt)
    assert mood != "calm" and "satisfied" not in line, line


@pytest.mark.parametrize("seed", SEEDS)
def test_a_demand_brushed_off_again_ends_in_an_angry_hang_up(library: Library, seed: int) -> None:
    attempt = call(library, "fireworks-complaint", [HELLO, "You idiot."], seed)
    assert not attempt.ended, attempt.turns[-1].text
    reply = attempt.say("Whatever.").reply
    assert reply.ended and GONE.search(reply.line), reply.line
    assert MOODS.index(reply.mood) >= MOODS.index("angry")
    attempt.finish()


@pytest.mark.parametrize("scenario_id", sorted(SCRIPTS))
def test_no_call_ends_on_the_visitors_question_or_demand(library: Library, scenario_id: str) -> None:
    """However a call ends (insulted, brushed off twice), its last line has the visitor seen to go or handed on."""
    attempt = call(library, scenario_id, [HELLO, "You idiot.", "Whatever, not my problem."], 1)
    last = attempt.turns[-1].text
    assert attempt.ended, last
    assert not spoken(last).endswith("?") and (GONE.search(last) or HANDED.search(last)), last
    attempt.finish()


# 3. After the desk's goodbye: a goodbye, never a new question.


@pytest.mark.parametrize(
    ("scenario_id", "messages"),
    [
        (
            "child-late-home",
            [HELLO, "I'm so sorry, that must be frightening.", "Kids usually turn up, give it another hour."],
        ),
        ("identity-theft", [HELLO]),
        ("neighbour-dispute", [HELLO]),
        ("car-break-in", [HELLO, "I'm sorry.", "You can report it online, it takes about fifteen minutes.", "Ugh."]),
    ],
)
@pytest.mark.parametrize("goodbye", ["Thanks for calling.", "I'm sorry. Thank you for calling, take care."])
def test_after_the_desks_goodbye_the_visitor_says_goodbye_and_asks_nothing(
    library: Library, scenario_id: str, messages: list[str], goodbye: str
) -> None:
    for seed in SEEDS:
        attempt = call(library, scenario_id, messages, seed)
        reply = attempt.say(goodbye).reply
        assert "?" not in spoken(reply.line), (seed, reply.line)
        assert attempt.ended or attempt.engine.leaving(attempt.visitor), (seed, reply.line)
        attempt.finish()


# 4. The mood and the outcome follow the ending.


@pytest.mark.parametrize(
    ("scenario_id", "wrong"),
    [
        ("child-late-home", "We can't take a missing person report until it's been 24 hours. Take care."),
        ("mental-health-crisis", "You should call 988, they can help you. Take care of yourself."),
        ("elderly-confused", "Hang up and call your daughter to come get you, dear. Bye now."),
        ("fireworks-complaint", "There's not much we can do about fireworks. Bye."),
    ],
)
@pytest.mark.parametrize("seed", SEEDS)
def test_a_visitor_sent_away_unhelped_never_leaves_calm(
    library: Library, scenario_id: str, wrong: str, seed: int
) -> None:
    kind = ["I'm so sorry, that sounds frightening. Thank you for telling me.", "I really appreciate you calling."]
    attempt = call(library, scenario_id, [HELLO, *kind, wrong], seed)
    start = attempt.visitor.start_mood
    assert attempt.ended, attempt.turns[-1].text
    mood, line = outcome(attempt)
    assert mood != "calm" and MOODS.index(mood) >= start, line
    assert "calm" not in line and "satisfied" not in line, line


@pytest.mark.parametrize("scenario_id", sorted(SCRIPTS))
def test_a_call_that_ends_unresolved_ends_no_calmer_than_it_began_nor_calm(library: Library, scenario_id: str) -> None:
    """Calmed by kind words, then sent off with nothing: the visitor leaves as it came in, or worse."""
    for seed in SEEDS:
        attempt = call(library, scenario_id, [HELLO, "I'm sorry, that sounds awful.", "Thanks. Bye."], seed)
        if attempt.engine.leaving(attempt.visitor):
            attempt.say("Bye.")
        resolved = attempt.engine.resolved(attempt.visitor)
        result = attempt.finish()
        if result.completed and not resolved:
            mood, start = MOODS.index(result.final_mood), MOODS.index(result.start_mood)
            assert mood >= max(start, 1), (seed, result.start_mood, result.final_mood)


# 5. What the brief calls right never makes the visitor leave; goodbye lines fit what was said.


@pytest.mark.parametrize(
    ("scenario_id", "messages"),
    [
        ("mental-health-crisis", [HELLO, "I'm connecting you with the mental health team right now. Take care."]),
        ("spanish-family-interpreter", [HELLO, "Hold on, I'm connecting a Spanish interpreter now. Take care."]),
        ("mental-health-crisis", ["Good night. Harbor Station, Deputy Lopez."]),
        ("noise-complaint", ["Good night. You've reached Harbor Station, this is Deputy Lopez."]),
        ("towed-car", ["Harbor Station, Deputy Lopez speaking. Hold on. I'm pulling up the tow records now."]),
    ],
)
@pytest.mark.parametrize("seed", SEEDS)
def test_what_the_brief_calls_right_never_makes_the_visitor_leave(
    library: Library, scenario_id: str, messages: list[str], seed: int
) -> None:
    attempt = call(library, scenario_id, messages, seed)
    assert not attempt.ended and not attempt.engine.leaving(attempt.visitor), attempt.turns[-1].text
    attempt.finish()


@pytest.mark.parametrize("seed", range(1, 13))
def test_goodbye_lines_fit_what_the_desk_said(library: Library, seed: int) -> None:
    found = call(
        library,
        "found-property",
        [
            "Good morning, welcome to Harbor Station, I'm Deputy Alvarez. How can I help you?",
            "I'll log it with our property unit and give you a receipt. We'll try to reach the owner today.",
            "Anything else? Thanks for bringing it in.",
        ],
        seed,
    )
    assert "you too" not in found.turns[-1].text.lower(), found.turns[-1].text
    found.finish()
    child = call(
        library,
        "child-late-home",
        [HELLO, "I'm sending a deputy to you right now.", "Thank you for calling, we'll find him."],
        seed,
    )
    said = " ".join(t.text for t in child.turns if t.role == "visitor").lower()
    assert "hold for dispatch" not in said, said
    child.finish()
