"""A visitor says back what it was told in its own words (`persona.says_back`): the facts as a caller puts them,
the trainee's values (wrong ones too), never the agency's, and never the trainee's sentence with "you" made "I"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.scenarios.library import load_library
from tests.calls import last_reply
from tests.conftest import MINIMAL_SCENARIO

SAYS_BACK = """\
  says_back:
    found_property:
      - heard: "receipt"
        say: ["I get a receipt."]
"""


def _with_says_back(block: str) -> str:
    return MINIMAL_SCENARIO.replace("  mood: uneasy\n", "  mood: uneasy\n" + block, 1)


def problems_in(path: Path) -> list[str]:
    return [str(p) for p in load_library([path]).problems]


def test_a_scenario_may_say_how_its_visitor_says_each_fact_back(scenario_file) -> None:
    library = load_library([scenario_file(_with_says_back(SAYS_BACK))])
    said = library.scenarios["lost-wallet"].persona_says_back["found_property"]
    assert library.problems == ()
    assert said[0].lines == ("I get a receipt.",) and said[0].heard.search("Here's your Receipt")


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("found_property:\n      -", "found_propery:\n      -"), "'found_propery' is not a resolution fact"),
        (('"I get a receipt."', '"Do I get a receipt?"'), "it asks nothing"),
        (('"I get a receipt."', '"I call {station_phone}."'), "'{station_phone}' is the agency's value"),
        (('heard: "receipt"', "heard: 3"), "'heard' is the trainee's words"),
    ],
)
def test_a_line_said_back_that_asks_or_knows_the_agencys_value_is_a_problem(
    scenario_file, edit: tuple[str, str], expected: str
) -> None:
    old, new = edit
    path = scenario_file(_with_says_back(SAYS_BACK.replace(old, new, 1)))
    (path.parent / "agency.yaml").write_text("station_phone: (562) 555-0100\n")
    assert any(expected in p for p in problems_in(path)), problems_in(path)


def test_a_slot_holds_the_value_as_the_trainee_said_it(scenario_file) -> None:
    block = SAYS_BACK.replace('"I get a receipt."', '"I call them at {number}."').replace('"receipt"', '"call*"')
    said = load_library([scenario_file(_with_says_back(block))]).scenarios["lost-wallet"].persona_says_back
    assert said["found_property"][0].lines == ("I call them at {number}.",)


FOUND_IT = [
    "Hello, Harbor Station, Deputy Lee. How can I help?",
    "Thanks so much for bringing it in, that was good of you. I'll log it, book it into property, and give you a "
    "receipt with a case number. We'll look for ID inside and contact the owner to return it.",
    "Can you tell me back what happens now?",
]


def test_the_plan_is_said_back_in_the_visitors_words_not_the_trainees(library) -> None:
    said = last_reply(library, "found-property", 3, FOUND_IT)
    assert "receipt" in said.lower()
    assert "give me a receipt with a case number" not in said  # the trainee's clause with "you" made "me"


def _says_back_lines(library) -> list[tuple[str, str, str]]:
    return [
        (scenario.id, fact, line)
        for scenario in library.scenarios.values()
        for fact, entries in scenario.persona_says_back.items()
        for entry in entries
        for line in entry.lines
    ]


def test_no_line_said_back_holds_a_value_of_the_agencys(library) -> None:
    """Each value a visitor says back comes from the trainee's sentence (a slot), so a wrong one is said wrong."""
    agency = yaml.safe_load((Path(__file__).resolve().parents[1] / "scenarios" / "agency.yaml").read_text())
    values = [str(v) for v in agency.values() if re.search(r"\d{3}|@|\$\d", str(v))]
    found = [(s, f, line) for s, f, line in _says_back_lines(library) if any(v in line for v in values)]
    assert _says_back_lines(library) and found == []


TOLD_TWICE = [
    "Good evening. I'm Deputy Margaret Ellison, Harbor Station. I'm very glad you came in, and you did the right "
    "thing. Please, come with me into this private room off the lobby where we can talk. Are you hurt, and are you "
    "safe right now?",
    "I'm so sorry he hurt you. None of this is your fault. You're safe here, he cannot come back into this room, and "
    "you won't be alone; I'll stay with you. I'm calling a deputy to come sit down with you right now, and I'm also "
    "calling our victim advocate at (562) 555-0177 to come meet you. Is there a head injury we should get a medic to "
    "look at? And may I have your name?",
    "Thank you, Jasmine. The deputy will be here in a few minutes and the advocate is on the way. The advocate can "
    "help with a safe place to stay tonight and an emergency protective order. Can you tell me back who is coming to "
    "see you and what the advocate can help with?",
]


def test_a_fact_told_twice_is_said_back_in_the_visitors_words_from_either_sentence(library) -> None:
    """Round 56: "who is coming?" read the first telling of the deputy and the advocate, and said it back as the
    trainee's sentence ("So you're calling a deputy to come sit down with me now, ...")."""
    said = last_reply(library, "domestic-violence-lobby", 1091, TOLD_TWICE)
    assert "deputy" in said and "advocate" in said.lower()
    assert "sit down with me" not in said and "come meet me" not in said


FILED_ONLINE = [
    "Good morning, Harbor Station, this is Deputy Ramos speaking. How can I help you today?",
    "Oh no, I'm sorry, that's an awful thing to wake up to. Is anyone hurt, and is the person still around?",
    "Got it, Elm Street. What you can do is file it online on our website, it takes about fifteen minutes, and you'll "
    "get a report number by email within two business days. Since your wallet was taken, call your bank and cancel "
    "your cards right away too.",
    "Just so I know it landed, can you tell me back how you'll file it and when you'll get your report number?",
]


def test_a_part_asked_back_is_said_in_the_visitors_words(library) -> None:
    """Round 56: "how you'll file it?" came back "What I can do is file it online on the website." (the trainee's
    sentence with "you" made "I"); now the visitor's line for that fact, with the value as told."""
    said = last_reply(library, "car-break-in", 1081, FILED_ONLINE)
    assert "online" in said and "two business days" in said
    assert "What I can do" not in said and "on the website" not in said
