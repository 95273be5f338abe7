"""Someone the visitor just mentioned, asked about: "Can my sister pick me up?" then "Give me her name and number"
is about the sister, never the visitor's own name nor another person of its story (the abuser's). The persona's
detail for that person when it has one, otherwise a believable first name and a number (the scenario's pool of
numbers, not the visitor's own), the same for the seed. The words are data: bot/practice/phrases/others.yaml (the
shape of a street address is code: _ADDRESS).
"""

from __future__ import annotations

import random
import re
import unicodedata
from typing import TYPE_CHECKING

from bot.practice.visitor import Visitor
from bot.practice.wording import pairs, patterns, says, table, words

if TYPE_CHECKING:  # lines.py uses `misnamed`
    from bot.practice.lines import Lines

_ASKED, _NAMED, _MENTIONED = patterns("other_asked named mentioned")
_ADDRESSED, _KIN_NAMED = patterns("addressed kin_named", 0)
"""A name the trainee calls the visitor by ("Thank ya, Sam."); a name asked of one of the visitor's people ("Is
Karen your daughter?": Karen, daughter)."""
_FIRST_NAMES = frozenset(words("first_names"))
_NOT_NAMES = frozenset(words("not_names"))
(_TITLE_BEFORE,) = patterns("title_before")
_PRONOUNS = pairs("relatives")
NAMES, ANSWERS, WRONG_NAME = table("other_names"), table("other_answer"), says("wrong_name")
WRONG_DEPUTY, WRONG_PLATE = says("wrong_deputy"), says("wrong_plate")
"""A caller's correction of the name of the deputy it called about ("It was Deputy Park, actually.") and of its
plate read back wrong ("No, the plate's 9GHL031.")."""
WRONG_NAME_LIMITED = says("wrong_name_limited")
UNKNOWN_NUMBER = says("other_answer_unknown")
_OWN_DETAILS = frozenset({"phone", "address", "birth"})
"""The visitor's own details: "her name and number" asks the person mentioned, whatever these match."""


def _known_to_persona(part: str, span: tuple[int, int], lines: Lines) -> bool:
    """A detail of the persona's asks for the very words asked ("her full name"), not another thing the part
    names ("your sister" of "I meant your sister, her name and number?" is the visitor's wish to call her)."""
    start, end = span
    return any(
        m.start() < end and m.end() > start
        for d in lines.scenario.persona_details
        if d.name not in _OWN_DETAILS
        for m in d.asked.finditer(part)
    )


def other_answer(part: str, message: str, visitor: Visitor, lines: Lines) -> str | None:
    """The name and number of the person the visitor just mentioned (or the trainee names: "I meant your
    sister"), when the part asks for them; None otherwise."""
    asked = _ASKED.search(part)
    if asked is None:
        return None
    mentioned = _NAMED.search(message) or _MENTIONED.search(visitor.last_line)
    if mentioned is None:
        return None
    relative = next(g for g in mentioned.groups() if g).lower()
    pronoun = _PRONOUNS.get(relative, "their")
    if asked.group(0).split()[0].lower() != pronoun:
        return None  # "his name" after "can my sister come?" is about someone else
    if _known_to_persona(part, asked.span(), lines):
        return None  # the persona knows that person: its detail answers ("her full name": Ingrid Larsen)
    rng = random.Random(f"{visitor.seed}:other:{relative}")
    drawn = lines.details(visitor)
    if _name_known(relative, drawn, "") and "who" in lines.scenario.persona_facts:
        return None  # the persona's own mother: its line about her answers ("My mom's name is Carmen Reyes.")
    name = _name_known(relative, drawn, message) or rng.choice(NAMES[pronoun])
    if any(not d.known for d in lines.scenario.persona_details):  # a confused caller knows no number by heart
        line = rng.choice(UNKNOWN_NUMBER).format(Pronoun=pronoun.capitalize(), Pronoun_lower=pronoun, name=name)
    else:
        own = {str(v) for v in drawn.values()}
        pool = [str(n) for n in lines.scenario.pools.get("phone_no", ()) if str(n) not in own]
        number = rng.choice(pool) if pool else f"(562) 555-0{rng.randrange(100, 499)}"
        line = rng.choice(ANSWERS.get(lines.scenario.persona_register, ANSWERS["everyday"]))
        line = line.format(Pronoun=pronoun.capitalize(), name=name, number=number)
    named = name.lower() in message.lower() or _said_by_visitor(name, visitor)
    if "name" not in asked.group(0).lower() and named and ". " in line:
        return line.split(". ", 1)[1]  # "Is Karen your daughter? Do you know her number?": no "Her name's Karen."
    return line


def _name_known(relative: str, drawn: dict, message: str) -> str:
    """The name the call already gave that person: the persona's own ("daughter": Karen), or the one the trainee
    asks about ("Is Karen your daughter?"); "" when none was given."""
    for kin in sorted(next((g for g in _KIN if relative in g), {relative}), key=lambda k: k != relative):
        known = drawn.get(kin)  # "my mom": the persona's "mother"
        known = known.get("name") if isinstance(known, dict) else known
        if isinstance(known, str) and known[:1].isupper():
            return known
    start = 0
    while asked := _KIN_NAMED.search(message, start):  # the first "is Karen your <relative>" of the message
        if asked.group(2) == relative:
            return asked.group(1)
        start = asked.start() + 1
    return ""


_KIN = tuple(frozenset(group.split()) for group in words("same_person"))
"""Words for one person ("mom mother ..."): the call's "mother" is the "mom" the visitor mentioned."""


def _others_in_call(visitor: Visitor, lines: Lines, own: list[str]) -> set[str]:
    """The names of the other people of this call (its child, its grandmother, its abuser), drawn for the seed."""
    drawn = " ".join(str(v) for v in lines.details(visitor).values())
    return set(re.findall(r"[A-Z][\w-]+", drawn)) - set(own)


def _said_by_visitor(name: str, visitor: Visitor) -> bool:
    """The visitor itself said this name in the call (the sister whose number it gave)."""
    said = [key[5:] for key in visitor.heard if key.startswith("said:")] + [visitor.last_line.lower()]
    return any(re.search(rf"\b{re.escape(name.lower())}\b", text) for text in said)


_GREETED = re.compile(r"\b(?:hi|hey|hello|heya)\s+$", re.IGNORECASE)
_CHILD_TALK, _RADIO_TALK = patterns("child_talk radio_talk")
"""A name greeted ("hi Lily") after the call is under way: someone else there is greeted, not the visitor."""
_TITLES = frozenset(words("titles_with_surname"))
"""A persona known by title and surname ("Mr. Farouk") is corrected with both."""


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def misnamed(line: str, visitor: Visitor, lines: Lines) -> str:
    """The line, with a polite correction first when the trainee's message called the visitor by a name not its
    own ("Thank ya, Sam." to Marcus: "It's Marcus, actually."); once a call."""
    if "corrected:name" in visitor.heard or not visitor.message or not lines.scenario.persona_name:
        return line
    own = [_unaccented(n) for n in lines.persona_name(visitor).split()]
    for address in _ADDRESSED.finditer(visitor.message):
        name = _unaccented(address.group("name"))  # "Sofia" for Sofía: no accent is heard on a call
        untitled = not address.group("title") and _TITLE_BEFORE.search(visitor.message[: address.start("name")])
        if name in own or name.lower() in _NOT_NAMES or untitled:
            continue  # "Oh, I'm sorry", "Yes, ...", "... with Mr. Pruitt, and": nobody addressed
        if not (address.group("title") or name in lines.names or name.lower() in _FIRST_NAMES):
            continue
        if name in _others_in_call(visitor, lines, own) or _said_by_visitor(name, visitor):
            continue  # "Hi Zoe, you're safe with us": the lost child; "Rosa, (562) ...": the sister it named
        greeted = _GREETED.search(visitor.message[max(0, address.start("name") - 8) : address.start("name")])
        if visitor.turn > 1 and greeted:
            continue  # "hi Lily, love your shirt" well into the call: said to someone else there, not the visitor
        visitor.heard.add("corrected:name")
        named = lines.persona_name(visitor).split()
        said = named[-1] if address.group("title") and len(named) > 1 else named[0]
        said = " ".join(named) if named[0].rstrip(".").lower() in _TITLES else said  # "Mr. Farouk", never "Mr."
        voiced = WRONG_NAME_LIMITED if lines.scenario.persona_register == "limited" else WRONG_NAME
        correction = random.Random(f"{visitor.seed}:{lines.scenario.id}:named").choice(voiced).format(name=said)
        return f"{correction} {line}"
    return line


_DEPUTY_NAMED = re.compile(r"\b(?:Deputy|Dep\.|Officer)\s+([A-Z][a-z-]+(?:'(?!s\b)[a-z]+)?)")
"""A deputy named, without a possessive ("Deputy Park's sergeant" names Park; "Deputy O'Neil" is O'Neil)."""
_SELF_NAMED = re.compile(
    r"\b(?:this is|I'm|I am|it's|name is|name's|you've got|you got)\s+(?:Deputy|Dep\.|Officer)\s+([A-Z][a-z'-]+)|"
    r"(?:Deputy|Dep\.|Officer)\s+([A-Z][a-z'-]+)(?:,)?\s+(?:here|speaking)\b",
    re.IGNORECASE,
)


def misnamed_deputy(line: str, visitor: Visitor) -> str:
    """The line, with a correction first when the trainee calls the deputy the visitor phoned about by another name
    ("I'm glad Deputy Martinez was there" to a caller praising Deputy Park: "It was Deputy Park, actually."); never
    for the trainee's own name; once a call."""
    theirs = (visitor.details or {}).get("deputy")
    if not isinstance(theirs, str) or not theirs.startswith("Deputy ") or not visitor.message:
        return line
    if visitor.turn <= 1:  # the desk's own name, said as it picks up: never the deputy called about
        visitor.heard |= {f"desk-name:{n}" for m in _DEPUTY_NAMED.finditer(visitor.message) for n in m.groups()}
        return line
    if "corrected:deputy" in visitor.heard:
        return line
    own = {n for m in _SELF_NAMED.finditer(visitor.message) for n in m.groups() if n}
    for found in _DEPUTY_NAMED.finditer(visitor.message):
        name = found.group(1)
        if name == theirs.split()[-1] or name in own or f"desk-name:{name}" in visitor.heard:
            continue
        visitor.heard.add("corrected:deputy")
        said = random.Random(f"{visitor.seed}:deputy").choice(WRONG_DEPUTY).format(deputy=theirs, wrong=name)
        return f"{said} {line}"
    return line


def to_someone_else(sentence: str, visitor: Visitor, lines: Lines) -> bool:
    """A sentence the trainee opens by naming another person of the call ("Hi Zoe, you're safe here, we're gonna
    find your mom or dad." with the finder at the desk): said to them, so never said back as the visitor's own."""
    if _CHILD_TALK.search(sentence) and lines.scenario.persona_register != "child":
        return True  # "we're gonna find your mommy fast ok": to the lost child beside the visitor
    if _RADIO_TALK.search(sentence):
        return True  # "Dispatch, Harbor desk: ... send units to check the lot": on the radio, never its own to do
    found = _ADDRESSED.match(sentence)
    if found is None or not lines.scenario.persona_name:
        return False
    own = [_unaccented(n) for n in lines.persona_name(visitor).split()]
    name = _unaccented(found.group("name"))
    greeted = visitor.turn > 1 and _GREETED.search(sentence[: found.start("name")])  # "hi Lily, ..." mid-call
    return name not in own and bool(greeted) or name in _others_in_call(visitor, lines, own)


_ADDRESS = re.compile(
    r"\b(\d{2,5}) ((?:[A-Z][a-z]+ ){1,2}(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Way|Boulevard|Blvd|Court|Ct|"
    r"Place|Pl|Terrace|Circle))\b"
)
"""A street address as told ("904 Alder Street"): a value shape, not phrasing."""
(_TO_THEM,) = patterns("sent_to_them")
"""Someone sent to the visitor at an address ("a deputy who speaks Spanish will come to 904 Alder Street")."""


def misplaced(line: str, visitor: Visitor) -> str:
    """The line, with a correction first when the trainee sends someone to the visitor at an address not the one
    it gave ("a deputy will come to 904 Alder Street" to a caller at 7209 Orange Avenue: "Wait, no, it's 7209
    Orange Avenue."), once a call; a house number it never gave, on its own street, each time it is said."""
    if not visitor.message:
        return line
    if "corrected:address" in visitor.heard or not _ADDRESS.search(visitor.message):
        return _misheard_number(line, visitor)
    own = _own_address(visitor)  # read only when the message gives an address
    for told in _ADDRESS.finditer(visitor.message):
        said = f"{told.group(1)} {told.group(2)}"
        if own and said.lower() != own.lower() and _TO_THEM.search(visitor.message[: told.start()]):
            visitor.heard.add("corrected:address")
            return f"Wait, no, it's {own}, not {said}. {line.replace(said, own)}"
    return _misheard_number(line, visitor)


def _misheard_number(line: str, visitor: Visitor) -> str:
    """The line, with a correction first when the trainee sends someone to a house number on the visitor's street
    that the visitor never said ("sending a deputy out to 4192 Birch" to a caller who said 1185 and 1187 Birch):
    "Wait, no, not 4192. I'm at 1185 Birch Street. The party's next door, at 1187." (and again if it is said
    again), never agreeing to it."""
    said = [k[5:] for k in sorted(visitor.heard) if k.startswith("said:")]
    for told in _ON_A_STREET.finditer(visitor.message):
        number, street = told.group(1), told.group(2)
        on_it = [s for s in said if re.search(rf"\b{re.escape(street.lower())}\b", s) and _HOUSE.search(s)]
        again = f"misplaced:{number}" in visitor.heard  # its own correction said the number: still not its own
        its_own = number in " ".join(said) and not again
        if not on_it or its_own or not _TO_THEM.search(visitor.message[: told.start()]):
            continue
        visitor.heard |= {"corrected:address", f"misplaced:{number}"}
        near = on_it + [s for s in said if _AT_HOUSE.search(s) and s not in on_it]  # "the party's next door, at 1187"
        spoken = " ".join(_spoken_back(x, street) for x in near)
        rest = " ".join(x for x in re.split(r"(?<=[.!?])\s+", line) if number not in x)
        return f"{'No' if again else 'Wait, no'}, not {number}. {spoken} {rest}".strip()
    return line


_HOUSE, _AT_HOUSE = re.compile(r"\b\d{2,5}\b"), re.compile(r"\bat \d{2,5}\b")


def _spoken_back(sentence: str, street: str) -> str:
    """A sentence the visitor said, as it said it (its memory keeps it in lower case)."""
    said = re.sub(rf"\b{re.escape(street.lower())}\b( street| avenue| road| drive| lane| way| court)?",
                  lambda m: street + (m.group(1) or "").title(), sentence)
    said = re.sub(r"\bi\b", "I", said).rstrip(" .") + "."
    return said[:1].upper() + said[1:]


_ON_A_STREET = re.compile(r"\b(\d{2,5}) ([A-Za-z]{3,})\b")
"""A house number and the street word after it, as typed ("4192 birch")."""


def _own_address(visitor: Visitor) -> str:
    """The street address the visitor gave ("7209 Orange Avenue"), as it said it, or ""."""
    said = " ".join(k[5:] for k in sorted(visitor.heard) if k.startswith("said:"))
    found = _ADDRESS.search(re.sub(r"\b([a-z])", lambda m: m.group(1).upper(), said))
    return f"{found.group(1)} {found.group(2)}" if found else ""



_PHONE = re.compile(r"\(?\b(\d{3})\)?[\s.-]*(\d{3})[\s.-](\d{4})\b")
"""A phone number as told ("(562) 555-0223"): a value shape, not phrasing."""
(_FOR_YOU,) = patterns("number_for_them")
"""A number the desk will reach the visitor on ("he will call you back on ...", "your number is ...")."""


def misnumbered(line: str, visitor: Visitor) -> str:
    """The line, with a correction first when the trainee gives the visitor's own number back wrong ("call you
    back on (562) 555-0322" to a caller at 555-0223: "Sorry, no, it's (562) 555-0223."); a slip of a digit or two,
    never another number the desk gives out; once a call."""
    if "corrected:phone" in visitor.heard:  # never said back wrong after: "Yes, that's right. (562) 555-0223."
        own = own_phone(visitor)
        wrong = {k.removeprefix("misnumbered:") for k in visitor.heard if k.startswith("misnumbered:")}
        return _PHONE.sub(lambda m: own[1] if own and "".join(m.groups()) in wrong else m.group(0), line)
    if not visitor.message or not _PHONE.search(visitor.message):
        return line
    own = own_phone(visitor)
    for told in _PHONE.finditer(visitor.message):
        digits = "".join(told.groups())
        slip = own and digits != own[0] and sum(a != b for a, b in zip(digits, own[0], strict=True)) <= 2
        if slip and _FOR_YOU.search(_sentence_around(visitor.message, told.start())):
            visitor.heard |= {"corrected:phone", f"misnumbered:{digits}"}
            said = told.group(0).strip()
            return f"Sorry, no, my number is {own[1]}, not {said}. {misnumbered(line, visitor)}"
    return line


_PLATE = re.compile(r"\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{6,8}\b")
"""A licence plate as typed ("9GHL031", "8krt214"): letters and digits, six to eight of them."""


def misplated(line: str, visitor: Visitor) -> str:
    """The line, with a correction first when the trainee reads back a plate the visitor never gave ("7KLM442" to
    a caller who said 9GHL031: "No, the plate's 9GHL031. Not 7KLM442."); only of the one plate it gave; once a
    call."""
    if "corrected:plate" in visitor.heard or not visitor.message or not _PLATE.search(visitor.message):
        return line
    said = " ".join(k.removeprefix("said:") for k in visitor.heard if k.startswith("said:"))
    given = {p.upper() for p in _PLATE.findall(said)}
    if len(given) != 1:
        return line
    for told in _PLATE.findall(visitor.message):
        if told.upper() not in given:
            visitor.heard.add("corrected:plate")
            rng = random.Random(f"{visitor.seed}:plate")
            return f"{rng.choice(WRONG_PLATE).format(plate=next(iter(given)), wrong=told.upper())} {line}"
    return line


def own_phone(visitor: Visitor) -> tuple[str, str] | None:
    """The phone number the visitor gave, as digits and as it said it, or None."""
    said = " ".join(k[5:] for k in sorted(visitor.heard) if k.startswith("said:"))
    found = _PHONE.search(said)
    return ("".join(found.groups()), "({}) {}-{}".format(*found.groups())) if found else None


def _sentence_around(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at), text.rfind("! ", 0, at)) + 1
    ends = [e for e in (text.find(". ", at), text.find("? ", at), text.find("! ", at)) if e >= 0]
    return text[start : min(ends) + 1 if ends else len(text)].lower()
