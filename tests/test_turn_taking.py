"""A visitor's question ends its message: one asked mid-reply goes last, or goes when the reply answers it."""

from __future__ import annotations

import pytest

from bot.practice.attempt import STUCK, Attempt
from bot.practice.engine import ScenarioEngine
from bot.practice.turn_taking import question_last
from bot.scenarios.library import Library
from bot.scenarios.schema import MOODS


@pytest.mark.parametrize(
    ("reply", "said"),
    [
        # answered by what follows it ("ID" again): left out
        ("It's Rebecca Stone. Do you need my ID? A photo ID. Right, two weeks.",
         "It's Rebecca Stone. A photo ID. Right, two weeks."),
        # not answered: it waits at the end
        ("Okay. Should I take photos? I have my phone.", "Okay. I have my phone. Should I take photos?"),
        # already last, or only stage directions after it: as it was
        ("Okay, thanks. What do I do now?", "Okay, thanks. What do I do now?"),
        ("(She nods.) Okay. Can my sister come? (She looks at the door.)",
         "(She nods.) Okay. Can my sister come? (She looks at the door.)"),
    ],
)
def test_a_question_never_waits_in_the_middle_of_a_reply(reply: str, said: str) -> None:
    assert question_last(reply) == said


def test_a_trainee_going_in_circles_hears_the_visitor_say_so_and_is_offered_a_hint_beside_its_words(
    library: Library,
) -> None:
    attempt = Attempt.start(ScenarioEngine(library.scenarios["noise-complaint"]), 3)
    said = [attempt.say(m) for m in ["Harbor Station, Deputy Cole speaking, how can I help?", "hmm", "hmm", "hmm"]]
    assert said[-1].notice == STUCK
    assert "/hint" not in said[-1].reply.line and "Stuck" not in said[-1].reply.line
    assert all("/hint" not in turn.text for turn in attempt.turns)  # the transcript holds only what was said


def test_answering_the_visitors_own_question_is_no_going_in_circles(library: Library) -> None:
    calls = [
        "hey, harbor station, deputy sam lee here, what's up?",
        "ugh that sounds rough, no need to be sorry. whereabouts r u, and is it happening right now?",
        "ok since it's going on rn, call dispatch at (562) 555-0111 and they'll send a deputy out while it's on. "
        "can i get ur name + number too?",
        "thx beverly. and w/ the hills that dry, if anything catches fire don't wait, call 911 straight away.",
        "yep, 911 for fire, dispatch for the fireworks. anything else i can do for u tonight?",
        "for sure, just tell dispatch u want to stay anonymous and the deputy won't give ur name to the neighbors.",
        "yeah pls do, every call gets logged and the more calls on that address the more we can push patrol.",
        "i hear u, it's exhausting. i'll also put in an extra patrol request for bluebird lane for a few nights.",
    ]
    attempt = Attempt.start(ScenarioEngine(library.scenarios["fireworks-complaint"]), 771)
    said = [attempt.say(m) for m in calls]
    assert [s.notice for s in said] == [None] * len(calls), [s.reply.line for s in said]


HANDED_TO_A_SUPERVISOR = [
    "hi, harbor station, dep. kim here. ok u want to file a complaint re a deputy, i can take that rn. what happened?",
    "ok. the person over complaints here is the watch commander. direct line (562) 555-0142, email "
    "watchcommander@bayviewsheriff.example. but i can write it up now so it gets to them today. whats ur name?",
]


def test_a_visitor_handed_to_a_supervisor_is_still_there_for_the_desk_to_close(library: Library) -> None:
    """Round 58: "Alright. Thank you. (A supervisor comes out to the counter.)" read as the end of the call, and the
    scorecard said the visitor left furious: now it says the visitor is still there, the mood eases, and the
    closing message is graded."""
    attempt = Attempt.start(ScenarioEngine(library.scenarios["deputy-complaint"]), 1131)
    replies = [attempt.say(message).reply.line for message in HANDED_TO_A_SUPERVISOR]
    assert "(A supervisor comes out" in replies[-1] and replies[-1].endswith("(The visitor is still with you.)")
    assert not attempt.ended
    attempt.say("does that make sense? anything else i can do? thx for telling us")
    grade = attempt.finish().grade
    assert all(grade.criteria[c].met for c in ("testing_questions", "offer_more_help", "appreciation"))
    assert MOODS[attempt.visitor.mood] != "furious"
