"""What the trainee told the visitor to do, kept so a teach-back says it back in the visitor's own words.

The engine remembers every statement of a trainee message that tells the visitor something
(`told_sentences`) and the ones that say what to do or what happens next (`plan_sentences`); a
teach-back says them back (`told_back`: the sentences, in the visitor's words; bot.practice.read_back:
the key actions and values, in the persona's voice).
"""

from __future__ import annotations

import re

from bot.grading.text import split_sentences

_DIRECTIVE_START = re.compile(
    r"^(?:(?:so|just|then|first|second|next|please|also|and|now|okay|ok|alright|after that|once|step one)[,:]?\s+)*"
    r"(bring|call|go|book|keep|stay|take|file|send|come|ask|fill|sign|pay|report|contact|e-?mail|write|wait|lock|"
    r"meet|check|make|get|don't|do not|cancel|pick|head|drop|leave|use|show|have|give|visit|apply|register|"
    r"request|contest|put|dial|text|screenshot|save|turn|hang on|hold on|sit|look|notify|tell|try|start|stop|freeze|"
    r"set|note|let|place|change|block|write down|print)\b",
    re.IGNORECASE,
)
_DIRECTIVE = re.compile(
    r"\byou(?:'ll| will| need to| have to| must| can| could| should| gotta| got to| may| want to|'re going to| "
    r"are going to| just)\b|\bu (?:need|have|gotta|can|should)\b|"
    r"\byou (?:fill|turn|go|call|bring|book|take|get|pay|sign|send|come|head|file|register|submit|request|keep|"
    r"complete|return|drop off|show up|check in|"
    r"stay|wait|contest|apply|ask|pick|show|drop|walk|e-?mail|mail|hear|receive|give|start|meet|visit)\b|"
    r"\bi'?m (?:sending|getting|calling|connecting|bringing|putting|going to|staying|taking|writing|"
    r"logging|booking|transferring|patching)\b|\bi(?:'ll| will) (?:send|get|call|connect|bring|stay|put|take|"
    r"write|give|log|book|transfer|patch|be)\b|"
    r"\b(?:will|'ll|going to|gonna)\b|\bi'?m \w+ing\b|"
    r"(?:^|, )(?:bring|call|go|book|keep|stay|send|come|ask|fill|sign|pay|e-?mail|wait|meet|contact|file)\b|"
    r"\b(?:deputy|deputies|counsel+or|advocate|someone|team|interpreter|officer|sergeant|supervisor|watch commander|"
    r"property unit|they)\b.{0,30}\b(?:is|are|will|'ll|'s)\b.{0,20}\b(?:on (?:the|their|his|her) way|coming|"
    r"heading|come|call|contact|review|look|join|be there|get there|take|schedule|help|give)",
    re.IGNORECASE,
)
_VALUE_WORDS = re.compile(
    r"\d{3}\D{0,2}\d{4}|\$\d|\b\d+\s*(?:days?|weeks?|hours?|hrs|minutes?|mins?|a\.?m\.?|p\.?m\.?)\b|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|a few|a couple of)\s+"
    r"(?:business |working )?(?:days?|weeks?|hours?|minutes?)\b|"
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|\b911\b|\b988\b|\bweekdays?\b|"
    r"\b\d{1,2}(?::\d\d)? ?(?:to|-|until|till) ?\d{1,2}\b|@\w|\bage\b.*\d|\d+ or older|"
    r"\b\d{2,5} \w+ (?:street|st|avenue|ave|way|drive|road|boulevard|blvd|lane|court)\b",
    re.IGNORECASE,
)
_NOT_PLAN = re.compile(
    r"\?|\bsorry\b|\bthank|\bhow can i help|\bwhat can i do for you|\banything else\b|\bharbor station\b|"
    r"\bmy name is\b|\bthis is deputy\b|\bi'?m (?:deputy|officer|sergeant|sgt|dep)\b|"
    r"\bby the way\b|\bi understand\b|\bi hear you\b|\bgood (morning|afternoon|evening)\b|"
    r"\bright thing\b|\bglad you\b|\bback to me\b|\btell me back\b|\bmake sense\b|\bsame page\b|"
    r"\bso i know\b|\bexplained\b|\bneed (?:your|ur)\b|\bcan i (?:get|have)\b|"
    r"\b(?:give me|gimme) (?:a|one) (?:sec|second|moment|minute)\b|\bone (?:sec|second|moment)\b|"
    r"\blet me (?:check|look|see|run|pull)\b|\bhold on\b",
    re.IGNORECASE,
)
_READ_BACK = re.compile(r"(?:\(?\b\d{3}\)?[\s.-]*)?\b\d{3}[\s.-]\d{4}\b|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
PHONE_NUMBER = re.compile(r"(?:\(?\b\d{3}\)?[\s.-]*)?\b\d{3}[\s.-]\d{4}\b")


def told_sentences(message: str) -> list[str]:
    """Every statement of a trainee message that tells the visitor something ("It comes from the county permit
    office."): what a question the visitor would ask next may already have been answered by."""
    return [
        s.original
        for s in split_sentences(message)
        if "?" not in s.original
        and (len(s.original.split()) >= 3 or PHONE_NUMBER.search(s.original))
        and not _NOT_PLAN.search(s.original)
    ]


def plan_sentences(message: str) -> list[str]:
    """The sentences of a trainee message that tell the visitor what to do or what will happen next
    ("Bring your license.", "A deputy is on the way.", "The number is (562) 555-0170.")."""
    return [
        s.original
        for s in split_sentences(message)
        if not _NOT_PLAN.search(s.original)
        and (_DIRECTIVE_START.search(s.original) or _DIRECTIVE.search(s.original) or _VALUE_WORDS.search(s.original))
    ]


_SWAP = {
    "you": "I",
    "your": "my",
    "yours": "mine",
    "yourself": "myself",
    "you'll": "I'll",
    "you're": "I'm",
    "you've": "I've",
    "you'd": "I'd",
    "u": "I",
    "ur": "my",
    "ya": "me",
    "im": "you're",
    "i": "you",
    "i'm": "you're",
    "i'll": "you'll",
    "i've": "you've",
    "i'd": "you'd",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "we": "you",
    "we'll": "you'll",
    "we're": "you're",
    "we've": "you've",
    "our": "your",
    "us": "you",
}
_AFTER_AN_OBJECT = frozenset(
    "and or to the a an in at on for with back about know out up down through when if once as so too right now "
    "again today tonight directly shortly soon by from there here before after until while if unless".split()
)


_BEFORE_AN_OBJECT = frozenset(
    "help let tell ask give send show make get call remind text email contact connect take see meet for with to "
    "at on about".split()
)


def _object_of(parts: list[str], at: int) -> bool:
    """Is the "you" at parts[at] an object ("call you back", "help you fill it", "check on you.")? A subject has
    its verb next."""
    following = next((p for p in parts[at + 1 :] if p.strip()), "")
    before = next((p for p in reversed(parts[:at]) if p.strip()), "")
    if before.lower() in _BEFORE_AN_OBJECT:
        return True
    return not following[:1].isalpha() or following.lower() in _AFTER_AN_OBJECT


_WORDS_AND_GAPS = re.compile(r"[A-Za-z']+|[^A-Za-z']+")


def in_my_words(sentence: str) -> str:
    """A trainee's sentence as the visitor says it back: "Bring your ID, and you'll get a call" becomes "I bring
    my ID, and I'll get a call"; "I'm sending a deputy" becomes "you're sending a deputy"."""
    text = _shortened(sentence.strip())
    text = _LEAD_IN.sub("", text)
    directive = bool(_DIRECTIVE_START.match(text))
    parts = _WORDS_AND_GAPS.findall(text)
    out: list[str] = []
    for part in parts:
        lower = part.lower()
        if lower in _SWAP and part[:1].isalpha():
            part = _SWAP[lower]
            if lower == "you" and _object_of(parts, len(out)):
                part = "me"  # "we'll call you back" -> "you'll call me back"; "you can report" -> "I can report"
        out.append(part)
    said = "".join(out)
    if directive:  # "Bring your ID" -> "I bring my ID"
        said = "I " + said[:1].lower() + said[1:]
    said = _THEN_DO.sub(r", I \1", said)  # "If it gets worse, call 911" -> "If it gets worse, I call 911"
    said = re.sub(r"\bI are\b", "I am", said)
    said = re.sub(r"\bI were\b", "I was", said)
    said = re.sub(r"\byou am\b", "you are", said)
    said = re.sub(r"\bI has\b", "I have", said)
    return said[:1].upper() + said[1:]


_MOST_WORDS = 34
_THEN_DO = re.compile(
    r", (call|bring|go|book|keep|stay|send|come|ask|fill|sign|pay|wait|meet|contact|file|dial|don't)\b(?! you\b)"
)
_LEAD_IN = re.compile(
    r"^(?:(?:so|okay|ok|alright|now|and|but|just|please|then|first thing|first|next|also)[,:]?\s+)+", re.I
)


def _shortened(sentence: str) -> str:
    """A long sentence cut at the last comma before its word limit: a caller says back the gist, not a speech."""
    words = sentence.split()
    if len(words) <= _MOST_WORDS:
        return sentence
    cut = " ".join(words[:_MOST_WORDS])
    return cut[: cut.rfind(",")] if "," in cut[20:] else cut


def told_back(plans: list[tuple[int, bool, str]], asks_number: bool) -> str:
    """The plan as the visitor says it back: the number read back when asked for it; else what the latest
    explanation said (up to three sentences, what to do first; the one before when it was short), in the
    visitor's words. `plans` holds (turn, tells what to do, sentence) of each message that told it something."""
    if not plans:
        return ""
    if asks_number:  # the last number or e-mail address given, read back
        numbers = [m.group(0) for _, _, text in plans for m in _READ_BACK.finditer(text)]
        if numbers:
            return f"{numbers[-1]}."
    last_turn = plans[-1][0]
    chosen = [(d, t) for turn, d, t in plans if turn == last_turn and (d or len(t.split()) >= 5)]
    if len(chosen) < 2:
        chosen = [(d, t) for turn, d, t in plans if turn < last_turn and d][-1:] + chosen
    if len(chosen) > 2 and sum(d for d, _ in chosen) >= 2:
        chosen = [c for c in chosen if c[0]]  # what to do and the figures, not the remarks around them
    chosen = chosen[:4]
    said = [in_my_words(t).rstrip(" .!;,:") + "." for _, t in chosen[-4:]]
    return " ".join(said)
