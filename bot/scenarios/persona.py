"""The persona's answers: `persona.facts` (by topic of a clarifying question) and `persona.details`.

A deputy asks every caller for a number and an address, and a visitor answers the question asked, not
"my cell": this module holds the words of a question that ask for each built-in detail and the checks that a
persona who answers questions holds its details in digits. The rest of the persona (name, mood, register) is
read with the scenario itself (bot/scenarios/format.py).
"""

from __future__ import annotations

import re
from typing import Any

from bot.scenarios.model import Detail, Line, SaidBack
from bot.scenarios.reading import Reader, kind_of
from bot.scenarios.schema import MOODS, PLACEHOLDER, REGISTERS, SAID_BACK_SLOTS, TOPICS

DETAIL_ASKED: dict[str, str] = {
    "phone": r"call ?back|reach you|name (and |\+ |n |& )?(a |your |ur |the )?(phone|number|cell)|"
    r"(phone|cell) \?|a phone number|"
    r"(?<!on )(?<!in )(?<!from )(?<!to )(?<!with )your (cell|phone|mobile|number|#)|phone (number|#)|cell (number|#)|"
    r"(best|good|safe|contact|callback|cell|home) (number|#|phone)\b|(number|phone) for (you|u)\b|the cell|"
    r"ur (cell|number|phone|#)|"
    r"number (i|we|they|the deputy) can|read me (the|your) (cell|number)|what number (are you|is this)|"
    r"number (are you|you're) calling from|phone #|number where|number of (the|this|that) phone|"
    r"phone (you're|you are) (on|calling from|using)|(what|which) (number|#)('s| is)? (the )?(best|good|easiest)|"
    r"number('s| is) (the )?best|telephone (number|#)|your telephone|mobile (number|#)",
    "address": r"address|house number|street number|what number on|which number on|apartment|"
    r"where do you live|where (does|do) (she|he|they) live|where are you (right now|now|staying|calling from)|"
    r"where you are|number on \w+ (street|st|avenue|ave|lane|drive|road|court|way)|what house|which house",
    "birth": r"date of birth|dob|birthday|birth date|born",
}
"""The words of a question that ask for each built-in persona detail (over normalised text)."""
REQUIRED_DETAILS = ("phone", "address")
"""Every persona can give these: a deputy asks every caller and visitor for a number and an address."""
DIGITS = re.compile(r"\d")
PHONE = re.compile(r"\d{3}\D{0,2}\d{4}\b")
"""A phone number as a line gives it (555-0142, 555 0142)."""


def persona_fields(reader: Reader, persona: dict) -> dict[str, Any]:
    """The Scenario's `persona_*` values, read from the `persona` mapping (its keys already checked)."""
    mood = persona.get("mood")
    return {
        "persona_name": reader.text(persona, ("persona", "name")),
        "persona_mood": MOODS.index(mood) if mood in MOODS else 0,
        "persona_facts": persona_facts(reader, persona.get("facts", {})),
        "persona_unknown": reader.lines_of(persona.get("unknown"), ("persona", "unknown"), None, required=False),
        "persona_details": persona_details(reader, persona.get("details"), answers="facts" in persona),
        "persona_says_back": persona_says_back(reader, persona.get("says_back")),
        "persona_register": reader.choice(persona, ("persona", "register"), REGISTERS)
        if "register" in persona
        else "everyday",
    }


def persona_facts(reader: Reader, raw: Any) -> dict[str, tuple[Line, ...]]:
    """`persona.facts`: the visitor's answers to clarifying questions, by topic (when, where, medical ...)."""
    if not isinstance(raw, dict):
        reader.problem(("persona", "facts"), f"'facts' must map topics ({', '.join(TOPICS)}) to lines")
        return {}
    facts = {}
    for topic, lines in raw.items():
        if topic not in TOPICS:
            reader.problem(
                ("persona", "facts", topic), f"unknown topic '{topic}' (expected one of: {', '.join(TOPICS)})"
            )
            continue
        lines = [lines] if isinstance(lines, str) else lines
        facts[topic] = reader.lines_of(lines, ("persona", "facts", topic), None)
    return facts


def persona_details(reader: Reader, raw: Any, answers: bool) -> tuple[Detail, ...]:
    """`persona.details`: a built-in detail (phone, address, birth) as a line or lines, or any detail as
    `{asked: "words | words", say: [lines], known: false}`. A persona that answers questions (has `facts`)
    must hold phone and address, in digits: a deputy asks every caller for them."""
    path = ("persona", "details")
    if raw is None:
        if answers:
            reader.problem(path, f"the persona needs 'details' with at least {', '.join(REQUIRED_DETAILS)}")
        return ()
    if not isinstance(raw, dict):
        reader.problem(path, f"'details' must map detail names to lines, not {kind_of(raw)}")
        return ()
    details = []
    for name, spec in raw.items():
        at = path + (name,)
        spec = spec if isinstance(spec, dict) else {"say": spec}
        reader.keys(spec, at, {"asked", "say", "known"}, ("say",))
        asked = spec.get("asked", DETAIL_ASKED.get(str(name)))
        if not isinstance(asked, str) or not asked.strip():
            reader.problem(at, f"detail '{name}' needs 'asked': the words of a question that ask for it")
            continue
        if "asked" in spec:
            asked = alternatives(asked)
        say = spec["say"] if isinstance(spec.get("say"), list) else [spec.get("say")]
        lines = reader.lines_of(say, at + ("say",), None)
        known = spec.get("known", True) is not False
        digits = PHONE if name == "phone" else DIGITS if name in ("address", "birth") else None
        if known and digits and not all(digits.search(reader.sample(line.text)) for line in lines):
            reader.problem(at, f"detail '{name}' must give it in digits (or say `known: false`)")
        details.append(Detail(str(name), lines, re.compile(rf"\b({asked})\b"), known))
    for name in REQUIRED_DETAILS:
        if name not in raw:
            reader.problem(path, f"the persona needs a '{name}' detail (a deputy asks every caller for it)")
    return tuple(details)


def alternatives(words: str) -> str:
    """ "log* | book it" as a pattern: each way of saying it, a trailing * for any ending ("logged", "logging")."""
    each = [w.strip() for w in words.split("|") if w.strip()]
    return "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in each)


def persona_says_back(reader: Reader, raw: Any) -> dict[str, tuple[SaidBack, ...]]:
    """`persona.says_back`: per resolution fact, how the visitor says it back once told, as lines or as
    `{heard: "words | words*", say: [lines]}` (said only when the trainee's sentence has one of the words). A
    value comes from the trainee, never the agency: a line holds a slot ({number}, {fee}, {time}, ...), not an
    agency.yaml setting, so a wrong value told is said back wrong."""
    path = ("persona", "says_back")
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        reader.problem(path, f"'says_back' must map resolution facts to lines, not {kind_of(raw)}")
        return {}
    facts = getattr(reader, "resolution_names", set())
    said: dict[str, tuple[SaidBack, ...]] = {}
    for fact, entries in raw.items():
        at = path + (fact,)
        if fact not in facts:
            reader.problem(at, f"'{fact}' is not a resolution fact of this scenario ({', '.join(sorted(facts))})")
        elif not isinstance(entries, list) or not entries:
            reader.problem(at, "a non-empty list of lines, or of {heard: 'words | words', say: [lines]}")
        else:
            said[str(fact)] = tuple(e for i, item in enumerate(entries) if (e := _said_back(reader, item, at + (i,))))
    return said


def _said_back(reader: Reader, item: Any, at: tuple) -> SaidBack | None:
    spec = item if isinstance(item, dict) else {"say": [item]}
    reader.keys(spec, at, {"heard", "say"}, ("say",))
    heard = spec.get("heard")
    if heard is not None and (not isinstance(heard, str) or not heard.strip()):
        reader.problem(at + ("heard",), "'heard' is the trainee's words that this line needs: 'receipt | log*'")
        return None
    say = spec.get("say") if isinstance(spec.get("say"), list) else [spec.get("say")]
    lines = tuple(line for i, text in enumerate(say) if (line := _said_back_line(reader, text, at + (i,))))
    if not lines:
        return None
    return SaidBack(re.compile(rf"\b(?:{alternatives(heard)})\b", re.IGNORECASE) if heard else None, lines)


_TWO_SENTENCES = re.compile(r"(?:[.!]|\.\.\.)\s+\S")
_OPENER = re.compile(r"^(?:so|okay|ok|alright|right|um|uh)\b", re.IGNORECASE)
_MOST_WORDS = 12
"""A line said back is one step, put together with the others ("So I call them, and they'll ..."): a second
sentence or an opener of its own reads as a recital once joined."""


def _said_back_line(reader: Reader, text: Any, at: tuple) -> str:
    """One line said back, its slots kept for the trainee's values; an agency value in it is a problem."""
    if not isinstance(text, str) or not text.strip():
        reader.problem(at, "a line said back must be non-empty text")
        return ""
    if "?" in text:
        reader.problem(at, f"a line said back states what the visitor was told, it asks nothing: {text!r}")
        return ""
    if _TWO_SENTENCES.search(text.strip().rstrip(".!")) or _OPENER.match(text) or len(text.split()) > _MOST_WORDS:
        reader.problem(at, f"a line said back is one short sentence, no 'So' or 'Okay' of its own: {text!r}")
        return ""
    for name, _ in PLACEHOLDER.findall(text):
        if name in reader.agency:
            slots = ", ".join(f"{{{s}}}" for s in SAID_BACK_SLOTS)
            reader.problem(at, f"'{{{name}}}' is the agency's value: say back the trainee's, with a slot ({slots})")
            return ""
    kept = PLACEHOLDER.sub(lambda m: f"\x00{m.group(1)}\x00" if m.group(1) in SAID_BACK_SLOTS else m.group(0), text)
    return re.sub("\x00([a-z]+)\x00", r"{\1}", reader.fill(kept.strip(), at, None))
