"""What a told sentence points back to: "Their number is (562) 555-0177." is the advocate's number when the sentence
before it named the advocate, and a read-back of "the advocate's number" must find it there."""

from __future__ import annotations

import re


def in_context(sentences: list[str]) -> dict[str, str]:
    """Each sentence told (latest first), with those said before it when it names its thing only by pointing back
    ("Their number is (562) 555-0177." after "I want to connect you with our victim advocate; they can help.")."""
    context = {}
    for i, sentence in enumerate(sentences):
        before = sentences[i + 1 : i + 3] if _POINTS_BACK.match(sentence) else []
        kept = before[:1] + [b for b in before[1:] if _PRONOUN_START.match(before[0])]
        context[sentence] = " ".join([*reversed(kept), sentence])
    return context


_POINTS_BACK = re.compile(r"^(?:and |so )?(?:(?:their|its|that|the) )?(?:direct |main )?(?:number|line|phone)\b", re.I)
_PRONOUN_START = re.compile(r"^(?:they|their|it|its|he|she)\b", re.I)


_PHONE = r"(?:\(?\b\d{3}\)?[\s.-]*)?\b\d{3}[\s.-]\d{4}\b"
_WHOM = (
    r"((?:(?!is\b|are\b|was\b|way\b|to\b|an?\b|the\b|our\b|your\b|their\b|my\b)[\w'-]+ ){0,4}?"
    r"(?:line|unit|office|desk|center|centre|team|"
    r"hotline|window|advocate|advocates|counselor|commander|clerk|mediation|program|service|shelter|clinic|"
    r"citations|records|bureau|division))"
)
_NAMED_NUMBER = re.compile(
    rf"(?:\b(?:the|their|our|its|through|via) |^){_WHOM}(?: number| #| phone)?(?:'s|;| is| at|,)"
    rf"[^.]{{0,25}}?({_PHONE})|"
    rf"\b(?:an?|the|their|our) {_WHOM}\b[^.:]{{0,60}}:\s*({_PHONE})",
    re.I,
)
"""A number told with whom it reaches: "the inmate information line is (562) 555-0170", "They have an inmate
information line that answers exactly these questions: (562) 555-0170"."""
_NAMED_THING = re.compile(
    rf"(?:\b(?:the|their|our|its|an?|is|to|try|call) |^(?:next|and|also|then)?:?\s*){_WHOM}\b", re.IGNORECASE
)
_NUMBER = re.compile(_PHONE)
_BARE_LINE = re.compile(r"^(?:direct |main |phone |front )?(?:line|number|desk)\s*$", re.I)
"""A number's own name that names no one ("Their direct line is ..."): whom it reaches is said before it."""


def number_named(sentence: str, before: str = "") -> tuple[str, str] | None:
    """(whom, number) of a number the sentence tells with whom it reaches ("the inmate information line is (562)
    555-0170"; "The direct number is (562) 555-0170." after "... keeps an inmate information line, and ..."), or
    None."""
    for text in (sentence, f"{before} {sentence}"):
        found = _NAMED_NUMBER.search(text)
        whom, number = (found.group(1) or found.group(3), found.group(2) or found.group(4)) if found else ("", "")
        whom = _CALL_LEAD.sub("", whom.strip())  # "You call Parking Citations at ...": Parking Citations
        if found and whom and not _BARE_LINE.match(whom):
            named = all(w[:1].isupper() for w in whom.split())  # a name of its own ("Parking Citations")
            return (whom if named else f"the {whom}"), number
    number = _NUMBER.search(sentence)
    if not number or not _POINTS_BACK.match(sentence):
        return None
    if named := _NAMED_THING.findall(before):
        return f"the {named[-1].strip()}", number.group(0)
    company = COMPANY.findall(before)  # "... it's sittin' at Valley Tow. Their number is (562) 555-0188."
    return (company[-1], number.group(0)) if company else None


COMPANY = re.compile(r"\b[A-Z][\w&'-]*(?: [A-Z][\w&'-]*)* (?:Tow|Towing|Auto|Impound|Storage)(?: Yard| Lot)?\b")
"""A company named in the trainee's words ("Valley Tow")."""


_CALL_LEAD = re.compile(
    r"^(?:(?:you|u|ya|just|then|so|and)\s+)*(?:(?:can|could|should|need to|want to|will|'ll)\s+)?"
    r"(?:call|ring|phone|dial|contact|reach)\s+(?:the\s+)?",
    re.IGNORECASE,
)
"""A call said before whom it reaches ("You call Parking Citations at ..."): the call, not part of the name."""
_PRAISE = re.compile(r"^(?:(?:free|new|good|great|local|really|very|excellent|wonderful) )+", re.I)
_BARE_NUMBER = re.compile(r"^(?:and |so )?(?:the )?(?:number|phone number)('s| is)(?= \(?\d)", re.I)
_THEIR_NUMBER = re.compile(r"^(?:and |so )?(?:their|its|her|his) (?=(?:direct |main )?(?:number|line|phone)\b)", re.I)


def named_back(sentence: str, before: str) -> str:
    """The sentence with a number it gives by pointing back named ("Their number is (562) 555-0177" after "Next:
    victim advocate." is "The victim advocate's number is (562) 555-0177"), so that it reads alone."""
    bare = _BARE_NUMBER.match(sentence)  # "Number's (562) 555-0181." after "... a community mediation service ..."
    if not _THEIR_NUMBER.match(sentence) and not bare:
        return sentence
    named = _NAMED_THING.findall(before)
    if not named:
        return sentence
    name = _PRAISE.sub("", named[-1].strip())  # "a free community mediation service": the community mediation's
    if bare:
        return f"The {name}'s number{bare.group(1)}{sentence[bare.end():]}"
    return _THEIR_NUMBER.sub(f"The {name}'s ", sentence, count=1)
