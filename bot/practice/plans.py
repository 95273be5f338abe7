"""What the trainee told the visitor to do, kept so a teach-back says it back in the visitor's own words.

The engine remembers every statement of a trainee message that tells the visitor something
(`told_sentences`) and the ones that say what to do or what happens next (`plan_sentences`); a
teach-back says them back (`told_back`: the sentences, in the visitor's words; bot.practice.read_back:
the key actions and values, in the persona's voice).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.grading.lexicon import ILL_AS_I_WILL, TEXTING_FORMS, TWO_AS_TO, YA_IS_YOUR, YOUR_AS_YOU_ARE
from bot.grading.text import split_sentences
from bot.practice.gist import gist, with_its_if
from bot.practice.wording import pairs, pattern, patterns, says, words
from bot.scenarios.intents import testing_kind

_DIRECTIVE_START, _DIRECTIVE, _VALUE_WORDS, _NOT_PLAN = patterns("directive_start directive value_in_words not_plan")
"""A sentence that opens with an instruction, one that says what the visitor will do or what happens next, a value
in words ("ten days", "Wednesday") and a sentence that tells nothing to do (bot/practice/phrases/plans.yaml)."""
_VALUE_SHAPES = re.compile(
    r"\d{3}\D{0,2}\d{4}|\$\d|\b\d+\s*(?:days?|weeks?|hours?|hrs|minutes?|mins?|a\.?m\.?|p\.?m\.?)\b|"
    r"\b\d{1,2}(?::\d\d)? ?(?:to|-|until|till) ?\d{1,2}\b|@\w|\bage\b.*\d|\d+ or older|"
    r"\b\d{2,5} \w+ (?:street|st|avenue|ave|way|drive|road|boulevard|blvd|lane|court)\b",
    re.IGNORECASE,
)
"""A value written in figures: a phone number, an amount, a time, hours, an e-mail address, an age, a street address."""
_READ_BACK = re.compile(r"(?:\(?\b\d{3}\)?[\s.-]*)?\b\d{3}[\s.-]\d{4}\b|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
PHONE_NUMBER = re.compile(r"(?:\(?\b\d{3}\)?[\s.-]*)?\b\d{3}[\s.-]\d{4}\b")
SERVICE_CODE = re.compile(r"\b(?:911|9-1-1|988|311|211)\b")


def told_sentences(message: str) -> list[str]:
    """Every statement of a trainee message that tells the visitor something ("It comes from the county permit
    office."): what a question the visitor would ask next may already have been answered by."""
    return list(_told(message))  # a copy: the engine asks several times a reply


@lru_cache(maxsize=256)
def _told(message: str) -> tuple[str, ...]:
    statements = [
        with_its_if(_without_apology(untagged(s.original))) for s in split_sentences(message) if not _asks_back(s.norm)
    ]
    statements += [_promised(found) for found in _CALLBACK_ASKED.finditer(message)]  # "..., so he can call you?"
    return tuple(
        s
        for s in statements
        if "?" not in s
        and (len(s.split()) >= 3 or "$" in s or PHONE_NUMBER.search(s) or _DIRECTIVE_START.match(s))  # "Fee's $15."
        and not _NOT_PLAN.search(s)
    )


_CALLBACK_ASKED = pattern("callback_in_question", re.IGNORECASE)


def _promised(found: re.Match[str]) -> str:
    """The callback a question gives as its reason, as a promise ("The deputy will call you afterwards.")."""
    said = re.sub(r" (?:can|could|may) ", " will ", found.group(1).strip(), count=1)  # the reason given: a promise
    return said[:1].upper() + said[1:] + "."


def _asks_back(norm: str) -> bool:
    """A request to say the plan back ("walk me through what you'll do and by when."): it tells nothing to do, though
    it says "you'll do"."""
    return "you" in norm and testing_kind(norm) == "teach_back"


def _without_apology(sentence: str) -> str:
    """The sentence less an apology said beside what it tells ("..., not same day, sorry."), when that leaves
    something told: "Sorry for the wait." stays as it is (and tells nothing)."""
    rest = _APOLOGY_ASIDE.sub("", sentence).strip(" ,")
    if rest == sentence or len(rest.split()) < 4 or not _VALUE_SHAPES.search(rest) and not _VALUE_WORDS.search(rest):
        return sentence
    return rest[:1].upper() + rest[1:] + ("" if rest.endswith((".", "!")) else ".")


(_APOLOGY_ASIDE,) = patterns("apology_aside")


def offers_heard(message: str) -> set[str]:
    """The desk's offers in the message ("Would you like a deputy to take a report about them today?"), as memory
    ("offered:<sentence>"): a visitor who was offered a thing does not later ask for it as if it never was."""
    return {f"offered:{s.original}" for s in split_sentences(message) if _DESK_OFFER.search(s.original)}


_DESK_OFFER = pattern("desk_offer", re.IGNORECASE)


def echoes_visitor(sentence: str, heard: frozenset[str] | set[str]) -> bool:
    """The sentence only says back the visitor's own figures ("Ms. Shah, (562) 555-0415, Sunday at Fifth and Main."):
    the desk checking what it was told, nothing told to the visitor (never read back to it as the desk's number)."""
    figures = re.findall(r"\d{3,}", sentence) or [m.group(0).lower() for m in _VALUE_WORDS.finditer(sentence)]
    if not figures or len(sentence.split()) > 12 or _SAYS_WHAT_HAPPENS.search(sentence):  # "... will call you back"
        return False
    said = " ".join(k for k in heard if k.startswith("said:"))
    return all(f in said for f in figures)  # "Okay, twenty minutes, got it.": its own "about twenty minutes ago"


_SAYS_WHAT_HAPPENS = re.compile(
    r"\b(?:will|'ll|going to|gonna|call|calls|send|sending|sendin'|come|coming|bring|go|take|need|must|should|can|"
    r"oughta|ought|within|on the way)\b",
    re.I,
)


_TAG = re.compile(
    r",\s*(?:okay|ok|right|alright|all right|yeah|yes|understand|got it|hmm|ya|yah|see it|see that|see there|you see|"
    r"see)\s*\?+\s*$",
    re.I,
)


def untagged(sentence: str) -> str:
    """A statement with a tag question, without the tag: "If something catches fire, you call 911, okay?" tells
    the visitor what to do, as "If something catches fire, you call 911." would."""
    tagged = _TAG.search(sentence)
    return sentence[: tagged.start()] + "." if tagged and len(sentence[: tagged.start()].split()) >= 3 else sentence


def plan_sentences(message: str) -> list[str]:
    """The sentences of a trainee message that tell the visitor what to do or what will happen next
    ("Bring your license.", "A deputy is on the way.", "The number is (562) 555-0170."), and a callback promised
    inside a question ("What's your number, so the deputy can call you afterwards?")."""
    statements = [
        with_its_if(_without_apology(untagged(s.original))) for s in split_sentences(message) if not _asks_back(s.norm)
    ]
    statements += [_promised(found) for found in _CALLBACK_ASKED.finditer(message)]
    return [
        s
        for s in statements
        if not _NOT_PLAN.search(s)
        and (_plan_like(_DROPPED_G.sub(r"\1ing", s)) or _plan_like(_LEAD_WORDS.sub("", s)) or _ANNOUNCED.match(s))
    ]  # "Most important now: ...", "So here's the deal: Zoe chills here with us, ..."


(_ANNOUNCED,) = patterns("plan_announced")


_LEAD_WORDS = re.compile(r"^[A-Za-z' ,]{0,40}:\s+")
"""Words that lead a step in ("Most important now: call the gift card company ...")."""


def _plan_like(s: str) -> bool:
    """An instruction, the desk's doing, a value ("I'm puttin' this through" read as "putting")."""
    return bool(_DIRECTIVE_START.search(s) or _DIRECTIVE.search(s) or _VALUE_SHAPES.search(s) or _VALUE_WORDS.search(s))


_SWAP = {
    word: "I" + said[1:] if said == "i" or said.startswith("i'") else said
    for word, said in pairs("swapped_words").items()
}
"""The visitor's words for the trainee's ("your" is "my", "I'm" is "you're")."""
_AFTER_AN_OBJECT = frozenset(words("after_an_object"))
_BEFORE_AN_OBJECT = frozenset(words("before_an_object"))


def _object_of(parts: list[str], at: int) -> bool:
    """Is the "you" at parts[at] an object ("call you back", "help you fill it", "check on you.")? A subject has
    its verb next."""
    following = next((p for p in parts[at + 1 :] if p.strip()), "")
    before = next((p for p in reversed(parts[:at]) if p.strip()), "")
    if before.lower() in _BEFORE_AN_OBJECT or _VERB_ING.fullmatch(before):
        return True  # "help you", "leaving you alone
    return not following[:1].isalpha() or following.lower() in _AFTER_AN_OBJECT


_VERB_ING = re.compile(r"(?!(?:\w*thing|during|morning|evening|ceiling)$)[a-z]{2,}ing", re.IGNORECASE)
"""A verb's -ing form before "you" ("leaving you alone"): "you" its object; not "anything you need"."""
_WORDS_AND_GAPS = re.compile(r"[A-Za-z']+|[^A-Za-z']+")


_ON_THE_CALL = re.compile(
    r"\b(?:on|onto|in|into) (?:this|the) (?:call|line|phone) with\s+$|\bbetween\s+$", re.IGNORECASE
)
_WHILE = re.compile(r"\bwhile\s+$", re.IGNORECASE)
"""Both ends of the call waiting ("While we wait, ..."): still "we" when said back."""
_TOGETHER = re.compile(r"(?:(?!\band\b)[^.,;])*\btogether\b", re.IGNORECASE)
"""A step both sides do ("we'll inventory it together"): said back with "we"."""
_BOTH_OF_US = re.compile(r"\s+(?:get|got|are|'re|lose|lost)\s+(?:cut|disconnected|the|off)\b", re.IGNORECASE)
"""What happens to both ends of a call ("if we get cut off"): said back with "we"."""


_ALL_OF_YOU = re.compile(r"\s+(?:both|all|two)\b", re.IGNORECASE)
_AFTER_VERB = re.compile(r"\b(?!and\b|or\b|but\b|so\b)[a-z]+\s+$")
"""Words before "you both" that make it the object ("sit you both down"), not its subject ("and you both ...")."""


def _next_word(parts: list[str], at: int) -> str:
    """The next word after parts[at], lower-cased ("" at the end)."""
    return next((p.lower() for p in parts[at + 1 :] if p[:1].isalpha()), "")


def in_my_words(sentence: str) -> str:
    """A trainee's sentence as the visitor says it back: "Bring your ID, and you'll get a call" becomes "I bring
    my ID, and I'll get a call"; "I'm sending a deputy" becomes "you're sending a deputy"."""
    text = _DROPPED_G.sub(r"\1ing", spoken(_shortened(_plainer(everyday(sentence.strip())))))  # "sendin'": "sending"
    text = _LEAD_IN.sub("", text)
    if together := _LETS.match(text):  # "let's keep our voices down": both of them, said back as "we"
        return "We'll " + text[together.end() :]
    if mine := _LET_ME.match(text):  # "Let me jot this down": the desk's doing, "You'll jot this down"
        text = "I'll " + text[mine.end() :]
    directive = bool(_DIRECTIVE_START.match(text)) and not _NOUN_IS.match(text)  # not "Report's done"
    parts = _WORDS_AND_GAPS.findall(text)
    out: list[str] = []
    for at, part in enumerate(parts):
        lower = part.lower()
        if (
            lower == "we"
            and _BOTH_OF_US.match("".join(parts[at + 1 : at + 6]))
            or (lower == "us" and _ON_THE_CALL.search("".join(out)))
            or (lower == "we" and _WHILE.search("".join(out)))
            or (lower.split("'")[0] == "we" and _TOGETHER.match("".join(parts[at + 1 :])))
        ):
            out.append(part)  # "if we get cut off", "on this call with us": both of them, still "we"
            continue
        if lower in ("ya", "yer") and _next_word(parts, at) in YA_IS_YOUR:
            out.append("my")  # "bring ya photo ID": "I bring my photo ID", never "me photo ID"
            continue
        if lower in _SWAP and part[:1].isalpha():
            part = _SWAP[lower]
            if lower in ("you", "u", "ya") and _object_of(parts, len(out)):
                part = "me"  # "we'll call you back" -> "you'll call me back"; "you can report" -> "I can report"
            elif (
                lower in ("you", "u", "ya")
                and _ALL_OF_YOU.match("".join(parts[at + 1 : at + 3]))
                and _AFTER_VERB.search("".join(out))
            ):
                part = "us"  # "they'll sit you both down": "they'll sit us both down", never "sit I both down"
        out.append(part)
    said = "".join(out)
    if directive:  # "Bring your ID" -> "I bring my ID"
        said = "I " + said[:1].lower() + said[1:]
        said = _HAVE_DO.sub(r"I'll \1 ", said)  # "have your grandmother call ...": "I'll have my grandmother call"
    said = _THEN_DO.sub(r"\1, I \2", said)  # "If it gets worse, call 911" -> "If it gets worse, I call 911"
    said = _THEN_DO_BARE.sub(r"\1, I \2", said)  # "if anything changes call 911": "..., I call 911"
    if directive or ", I don't" in said or ", I do not" in said:  # "Don't open the door": "I won't open the door"
        said = re.sub(r"(^|, )I (?:don't|do not) (?=\w)", r"\1I won't ", said)
    # "..., don't wait", "it takes fifteen minutes, and don't touch the car": "..., and I won't touch the car"
    said = _AND_DONT.sub(", and I won't ", said)
    said = re.sub(r"\b(I|you|we) shall\b", r"\1'll", said)  # "I shall pass it on": "you'll pass it on"
    said = re.sub(r"\byou(?:'d| would) like to (?=\w)", "you'll ", said)  # "I'd like to connect you": "you'll ..."
    said = re.sub(r"\bI are\b", "I am", said)
    said = re.sub(r"\bI were\b", "I was", said)
    said = re.sub(r"\byou am\b", "you are", said)
    said = re.sub(r"\bI has\b", "I have", said)
    said = re.sub(r"\b(I have|I've got|I got) within\b", r"\1", said)  # "you have within 10 days": "I have 10 days"
    said = re.sub(r"\bI (?:may|might|must|should) (?=\w)", "I'll ", said)  # "you may call dispatch": "I'll call"
    said = _ONE_DOES.sub(_i_do, said) if "one " in said.lower() else said
    if "dispatch" in said or " sen" in said:  # "you're going to have dispatch send the team to me"
        said = _COMING.sub(_coming, _VIA_DISPATCH.sub("", said))  # "the team is coming to me"
    said = _THEY_DO_BARE.sub(_they_does, said)  # a learner's "a deputy go to her house": "a deputy goes to ..."
    said = _CHECK_BARE.sub(r"for a \1 check", said)  # "for welfare check": "for a welfare check"
    return said[:1].upper() + said[1:]


_HAVE_DO = re.compile(r"^I (have) (?=(?:my|him|her|them|someone|somebody)\b \w+ (?!ready\b|with\b|on\b)\w)")
"""Someone else made to do a step ("have your grandmother call the card company"), said as a promise, never the bare
"I have my grandmother call"."""
_AND_DONT = re.compile(r", (?:and )?(?:don't|do not) (?!worry|hesitate|panic|stress|fret|be\b)(?=\w)")
"""A later clause telling the visitor not to do something ("..., and don't touch the car"), not a comfort."""


_THEY_DO_BARE = re.compile(
    r"\b((?:a|the) (?:deputy|officer|unit|detective|clerk|supervisor)|he|she|someone|somebody) "
    rf"({'|'.join(words('third_person_verbs'))})\b",
    re.IGNORECASE,
)
"""A learner's bare verb after one person ("the deputy call you"): the caller says it as English has it."""
_CHECK_BARE = re.compile(r"\bfor (welfare|wellness|security|safety) check\b", re.IGNORECASE)
_BARE_AFTER = frozenset({"does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "let",
                         "make", "have", "help", "see", "watch", "hear", "to", "'ll", "shall"})


def _they_does(found: re.Match[str]) -> str:
    before = found.string[: found.start()].split()
    if before and before[-1].lower() in _BARE_AFTER:
        return found.group(0)  # "does he go", "let someone check": bare as it should be
    verb = found.group(2)
    ending = "es" if verb.lower().endswith(("o", "sh", "ch", "ss", "x")) else "s"
    return f"{found.group(1)} {verb}{ending}"


_CALLERS_WORDS = {
    desk.strip().lower(): caller.strip() for desk, caller in (w.split("=", 1) for w in says("callers_words"))
}
_DESK_WORDS = re.compile(
    r"\b(?:" + "|".join(map(re.escape, sorted(_CALLERS_WORDS, key=len, reverse=True))) + r")\b", re.IGNORECASE
)


def everyday(text: str) -> str:
    """The desk's formal words in a caller's everyday ones ("You may obtain a copy" is said back "... get a copy";
    bot/practice/phrases/plans.yaml): a caller saying a plan back does not recite the desk's wording."""
    said = _DESK_WORDS.sub(lambda m: _CALLERS_WORDS[m.group(0).lower()], text)
    said = re.sub(r"  +", " ", said).replace(" ,", ",").strip()
    return said[:1].upper() + said[1:] if text[:1].isupper() else said


_VIA_DISPATCH = re.compile(
    r"\b[Yy]ou(?:'re| are) (?:putting|passing) (?:this|it) (?:through|over|on) to dispatch(?: right now| now)?,? and "
    r"(?=getting\b)"
)
_COMING = re.compile(
    r"(?:\b[Yy]ou(?:'re| are|'ll| will)(?: going to| gonna)? |^)(?:have|get|getting|having) "
    r"(?:dispatch (?:to )?send(?:ing)? )?((?:the|a|an|your) [\w -]+?) (?:sent )?(out )?(to me|to us|over|here)\b"
)
"""The desk sending someone, said back as what the caller waits for: "a deputy is coming out to me"."""


def _coming(found: re.Match[str]) -> str:
    someone = re.sub(r"^your ", "the ", found.group(1))  # "our mental health team", said back "your ...": "the ..."
    return f"{someone} is coming {found.group(2) or ''}{found.group(3)}"


_ONE_DOES = re.compile(r"(^|, )[Oo]ne (\w+?)(e?s)\b((?:[^,.;]*? and (\w+?)(e?s)\b)?)")
"""The formal "one" as the doer ("To apply, one completes an application and presents an ID"): said back as "I"."""
_BARE_OF = {"doe": "do", "goe": "go", "ha": "have"}


def _i_do(found: re.Match[str]) -> str:
    """ "one completes ... and presents" as "I complete ... and present"."""
    verb, more = _bare(found.group(2), found.group(3)), found.group(4)
    if found.group(5):
        more = more[: more.rfind(" and ") + 5] + _bare(found.group(5), found.group(6))
    return f"{found.group(1)}I {verb}{more}"


def _bare(stem: str, ending: str) -> str:
    """The verb without its "-s" ("completes" is stem "complet", ending "es": "complete"; "pushes": "push")."""
    base = stem + ("e" if ending == "es" and not stem.endswith(("sh", "ch", "x", "ss", "z")) else "")
    return _BARE_OF.get(base, base)


_SAID_OUT = {form: said for form, said in TEXTING_FORMS.items() if form not in set(words("not_spoken_forms"))}
_SAID_OUT |= pairs("typed_short")
_AND_SIGN = re.compile(r"\s+[+&]\s*(?=\w)")
_THEM = re.compile(r"(?<![\w'])'em\b")
_WITHIN = re.compile(r"\bw/in\b", re.IGNORECASE)
_WITHOUT = re.compile(r"\bw/o\b", re.IGNORECASE)
_DRIVERS = re.compile(r"\b([Dd]river)s(?= licen[cs]e)")
_WITH_SLASH = re.compile(r"\bw/\s*", re.IGNORECASE)
_NUMBER_SIGN = re.compile(r"#(?!\s*\d)")
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")


def spoken(text: str) -> str:
    """What the trainee typed, as said out loud: "+ ur photo ID" is "and your photo ID", "w/" "with", "the
    booking #" "the booking number", "wanna" "want to" (a caller saying a plan back never says the shorthand)."""
    text = _DROPPED_G.sub(r"\1ing", text)  # "eight in the mornin'": "morning"
    text = _MINUTES.sub(" minutes", text)  # "15 min", but "min age" is the minimum (plans.yaml typed_short)
    text = _DOLLAR_SIGN.sub(r"\1 dollars", text) if "$" in text else text  # "It's $50": "It's 50 dollars"
    text = _CLOCK_RANGE.sub(r"\1 to \2", text)  # "8am-4pm": "8am to 4pm"
    text = _DAYPART.sub(r"\1 in the \2", text)  # "8 in morning to 4 in afternoon": "8 in the morning ..."
    if "+" in text or "&" in text:
        text = _AND_SIGN.sub(" and ", text)
    text = _N_AND.sub(" and ", _YOU_ARE.sub(lambda m: "You're " if m.group(0)[0].isupper() else "you're ", text))
    text = _W_WITH.sub("with ", _COMPANIES.sub(r"\1 companies", text))  # "the insurance cos", "w the DMV"
    text = _WITHIN.sub("within", _WITHOUT.sub("without", _THEM.sub("them", text)))  # "give 'em a call"
    text = _ILL.sub("I'll", _WITH_SLASH.sub("with ", text))  # "ill write this up": "I'll write this up"
    text = _NUMBER_SIGN.sub("number", _TWO_TO.sub("to", text)) if "2" in text or "#" in text else text
    text = _DAY_SHORT.sub(lambda m: _DAYS_SAID[m.group(0).rstrip(".").lower()].title(), text)  # "Mon": "Monday"
    text = _DRIVERS.sub(r"\1's", _TOKEN.sub(_said_out, text))  # "drivers license": "driver's license"
    text = _ITS_IS.sub(lambda m: _its(text, m.start()), text)  # "its 50 dollars": "it's 50 dollars"
    return _STREET.sub(lambda m: m.group(0).title(), text)  # "500 ocean boulevard": "500 Ocean Boulevard"


_MINUTES = re.compile(r"(?<=\d) ?min\b|(?<=few) min\b", re.IGNORECASE)
_CLOCK_RANGE = re.compile(r"\b(\d{1,2}(?::\d\d)?\s?[ap]\.?m\.?)\s?-\s?(\d{1,2}(?::\d\d)?\s?[ap]\.?m\.?)", re.I)
_DAYPART = re.compile(r"\b(\d{1,2}(?::\d\d)?) in (morning|afternoon|evening)\b", re.IGNORECASE)
_DOLLAR_SIGN = re.compile(r"\$\s?(\d{1,3}(?:,\d{3})*|\d+)(?:\.00)?(?!\.?\d)")
"""An amount the trainee typed ("$50"), said back in words ("50 dollars")."""
_DAYS_SAID = pairs("days_typed_short")
_DAY_SHORT = re.compile(
    r"\b(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?(?=\s*(?:-|to|through|thru|till|until|and|,|$))|"
    r"(?:(?<=-)|(?<=to )|(?<=through )|(?<=thru )|(?<=and ))(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?",
    re.IGNORECASE,
)
"""A day said short in a range or a list ("Mon to Fri", "Mon-Fri"), not "the Sun"."""


_YOU_ARE = re.compile(
    rf"\b(?:ur|u r|u're)\s+(?=(?:gna|{'|'.join(sorted(YOUR_AS_YOU_ARE))})\b)",
    re.I,
)
"""A "ur" that is "you're" ("ur gonna need ur ID", "ur good then"), not "your", as the grader reads it."""
_COMPANIES = re.compile(r"\b(insurance|phone|credit card|card|tow|utility|cable|gift card) cos\b", re.IGNORECASE)
_W_WITH = re.compile(
    r"\bw (?=(?:the|that|this|those|these|it|your|ur|my|a|an|his|her|their|our|them|him|me|us|you|u|ya)\b)"
)
_N_AND = re.compile(r"(?<=[A-Za-z,]) n (?=[a-z])")
""""ur ID n the title": "and"."""
_TWO_TO = re.compile(rf"(?<=[A-Za-z] )2(?= (?:{'|'.join(sorted(TWO_AS_TO))})\b)")
"""A texted "2" that is "to" ("try 2 find the owner"), as the grader reads it (bot/grading/phrases/texting.yaml)."""
_ILL = re.compile(rf"\b[Ii]ll(?= (?:{'|'.join(sorted(ILL_AS_I_WILL))})\b)")
"""A texted "ill" that is "I'll" ("ill write this up"), as the grader reads it."""
_ITS_IS = re.compile(r"\bits(?= (?:\d|\$|a |an |the |about |only |free\b|open\b|closed\b|on |at |in |not ))")
_STREET = re.compile(rf"\b\d{{1,5}} (?:[a-z]+ ){{1,2}}(?:{'|'.join(words('street_kinds'))})\b")


def _its(text: str, at: int) -> str:
    return "It's" if at == 0 or text[:at].rstrip().endswith((".", "!", "?")) else "it's"


def _said_out(token: re.Match[str]) -> str:
    typed = token.group(0)
    said = _SAID_OUT.get(typed.lower())
    if said is None or (len(typed) == 1 and not typed.islower()):
        return typed
    if said == "i" or said.startswith("i'") or typed[:1].isupper():
        return said[:1].upper() + said[1:]
    return said


_DROPPED_G = re.compile(r"\b(\w{2,})in'(?=[\s,.!?]|$)")
_MOST_WORDS = 34
_LET_ME = re.compile(r"^(?:let me|lemme)\s+", re.IGNORECASE)
_LETS = re.compile(r"^(?:let's|lets|let us)\s+", re.IGNORECASE)
_THEN_DO, _THEN_DO_BARE = pattern("then_do", 0), pattern("then_do_bare", 0)
_LEAD_IN = pattern("lead_in", re.IGNORECASE)
_NOUN_IS = re.compile(r"^\w+'s\b")
"""A first word with "'s" ("Report's done"): a thing that is, not an instruction."""


def continued(said: str) -> str:
    """A sentence in the visitor's words, to go on after other words ("If he comes back, I call 911."): its first
    letter lower-cased, but "I" kept."""
    return said if said.startswith(("I ", "I'")) else said[:1].lower() + said[1:]


IN_PASSING = pattern("in_passing", re.IGNORECASE)
"""A note made in passing, no step of the plan ("I'll pass that to the deputy", "I'll explain it in a moment")."""
HANGING = frozenset(words("hanging_words"))
"""Words a cut sentence may not end on ("the back of those")."""


def _plainer(sentence: str) -> str:
    """The sentence less what a caller saying it back leaves out: a description of someone just named, the desk's
    hedge ("if you can") and its "sir", capitals said for weight ("someone IS going")."""
    text = _VOCATIVE.sub("", _HEDGE.sub("", _APPOSITIVE.sub("", sentence)))
    text = _POLITE_LEAD.sub("", text)  # "Kindly bring ...", "Please do call ...": "Bring ...", "Call ..."
    text = _CAPITALS.sub(lambda m: m.group(0).lower() if m.group(0).lower() in _EMPHASIS else m.group(0), text)
    text = _SHOUTED.sub(lambda m: m.group(0).lower(), text)  # "CURRENT registration": "current registration"
    return text[:1].upper() + text[1:] if sentence[:1].isupper() else text


_APPOSITIVE, _HEDGE, _VOCATIVE = patterns("appositive hedge desk_vocative", re.IGNORECASE)
_CAPITALS = re.compile(r"\b[A-Z]{2,6}\b")
_SHOUTED = re.compile(r"\b[A-Z]{5,}\b")
"""A long word in capitals, said for weight ("CURRENT"): no acronym is that long among the desk's words."""
_POLITE_LEAD = re.compile(
    rf"^(?:(?:please|kindly|do|pray)\s+)+(?=(?:{'|'.join(map(re.escape, words('directive_verbs')))})\b)", re.IGNORECASE
)
"""The desk's courtesy before an instruction ("Kindly bring", "Please do call"), which a caller saying it back drops."""
_EMPHASIS = frozenset(words("emphasis_words"))


def _shortened(sentence: str) -> str:
    """A long sentence cut at the last comma before its word limit: a caller says back the gist, not a speech."""
    words = sentence.split()
    if len(words) <= _MOST_WORDS:
        return sentence
    cut = " ".join(words[:_MOST_WORDS])
    if "," in cut[20:]:
        return cut[: cut.rfind(",")]
    return " ".join(cut_whole(words, _MOST_WORDS)).rstrip(",;:")


def cut_whole(words: list[str], most: int) -> list[str]:
    """The first `most` words, or a few more to end the phrase they cut ("call the number on the back of those gift
    cards", never "... of those" nor "... of those gift")."""
    end = min(most, len(words))
    while end < min(len(words), most + 3) and not words[end - 1].endswith((",", ";", ".")):
        if words[end - 1].lower() not in HANGING and words[end].lower() in HANGING:
            break
        end += 1
    return words[:end]


def told_back(plans: list[tuple[int, bool, str]], asks_number: bool) -> str:
    """The plan as the visitor says it back: the number read back when asked for it; else what the latest
    explanation said (up to three sentences, what to do first; the one before when it was short), in the
    visitor's words. `plans` holds (turn, tells what to do, sentence) of each message that told it something."""
    if not plans:
        return ""
    if asks_number:  # the last number or e-mail address given, read back
        numbers = [m.group(0) for _, _, text in plans for m in _READ_BACK.finditer(text)]
        latest = [t for turn, _, t in plans if turn == plans[-1][0]]
        codes = [m.group(0) for t in latest for m in SERVICE_CODE.finditer(t)]
        if codes and not any(_READ_BACK.search(t) for t in latest):
            return f"{codes[-1]}."  # "you dial 911. Can you say that back?": the 911 just told
        if numbers:
            return f"{numbers[-1]}."
    last_turn = plans[-1][0]
    chosen = [(d, t) for turn, d, t in plans if turn == last_turn and (d or len(t.split()) >= 5)]
    if len(chosen) < 2:
        chosen = [(d, t) for turn, d, t in plans if turn < last_turn and d][-1:] + chosen
    if len(chosen) > 2 and sum(d for d, _ in chosen) >= 2:
        chosen = [c for c in chosen if c[0]]  # what to do and the figures, not the remarks around them
    chosen = chosen[:4]
    said = [in_my_words(gist(t) or t).rstrip(" .!;,:") + "." for _, t in chosen[-4:]]  # its gist, not recited
    return " ".join(said)
