"""A visitor's question ends its message: one asked mid-reply goes last, or goes when the reply answers it."""

from __future__ import annotations

import pytest

from bot.practice.turn_taking import question_last


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
