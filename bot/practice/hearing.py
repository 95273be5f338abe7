"""What the visitor heard: the facts a message really gave, and lines that never say what it was not told.

The visitor hears through the grader's own reading (clause meaning and fact statuses,
bot/grading/facts.py): "the interview rooms are all busy" does not give a private room,
"Wire, gift cards?" does not tell them to stop the payment, "you've got 30 days" is a
wrong deadline. A fact counts in the visitor's memory only when given; a wrong one is
forgotten if it was known, and the visitor believes the trainee's value ("30 days?
Okay."). The values the trainee said are remembered, so a visitor line that would state
the agency's value the trainee never gave ("the DMV within ten days") loses that sentence.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bot.grading.clauses import read
from bot.grading.facts import GIVEN, PARTLY, WRONG, FactRule, fact_statuses
from bot.grading.quantities import Value, values_in
from bot.grading.text import split_sentences
from bot.scenarios.format import Scenario
from bot.transcript import Turn

BELIEVED = ("{said}? Okay, good to know.", "{said}. Okay, I'll remember that.", "Okay, {said}. Got it.")
"""The visitor takes a wrong value at its word, in the trainee's own figure."""
ACKNOWLEDGED = ("Okay.", "Alright.", "Okay, got it.")


@dataclass(frozen=True)
class Heard:
    """One message as the visitor understood it."""

    given: frozenset[str] = frozenset()
    unheard: frozenset[str] = frozenset()
    """Facts the message spoke to without giving them (part of a list, a refusal, a wrong value)."""
    wrong: tuple[tuple[str, str], ...] = ()
    """(fact, the trainee's value) for each wrong value said."""
    memory: tuple[str, ...] = ()
    """New entries for the visitor's `heard`: values said, items of a list given."""
    reactions: frozenset[str] = frozenset()
    """Per fact, how this message spoke to it when it did not give it: "welfare_check.refused" (refused,
    negated, put off or sent elsewhere), "online_report.wrong" (any wrong answer but a mere question),
    "tow_yard.partly"."""

    @property
    def signals(self) -> frozenset[str]:
        """Signals a scenario's rules can react to: a wrong value ("wrong_information") and each fact's status."""
        return self.reactions | (frozenset({"wrong_information"}) if self.wrong else frozenset())


_REFUSALS = (
    "refused or negated",
    "a promise for later",
    "on a condition or for later",
    "left to them or sent",
    "sent elsewhere",
)


def hear(scenario: Scenario, visitor_line: str, message: str, heard: frozenset[str]) -> Heard:
    """What one trainee message told the visitor, with what it had heard before."""
    rules = scenario.fact_rules
    if not rules:
        return Heard(memory=tuple(_value_keys(message)))
    statuses = fact_statuses([Turn("visitor", visitor_line), Turn("trainee", message)], rules, scenario.context)
    given, unheard, wrong, memory = set(), set(), [], list(_value_keys(message))
    reactions: set[str] = set()
    for rule in rules:
        status = statuses[rule.name]
        if status.status == GIVEN:
            given.add(rule.name)
        elif status.status == PARTLY and rule.items:
            items = [f"{rule.name}:{label}" for label, _ in rule.items if label not in status.missing_items]
            memory += items
            known = heard | set(items)
            if all(f"{rule.name}:{label}" in known for label, _ in rule.items):
                given.add(rule.name)
            else:
                unheard.add(rule.name)
        elif status.status in (PARTLY, WRONG):
            unheard.add(rule.name)
            why = status.why or ""
            if status.status == WRONG and why.startswith("said "):
                wrong.append((rule.name, why.removeprefix("said ")))
            if status.status == PARTLY:
                reactions.add(f"{rule.name}.partly")
            elif why != "only a question":  # "Did you want to do that online?" is no answer yet
                reactions.add(f"{rule.name}.wrong")
                if why.startswith(_REFUSALS):
                    reactions.add(f"{rule.name}.refused")
    return Heard(frozenset(given), frozenset(unheard), tuple(wrong), tuple(memory), frozenset(reactions))


def believed(wrong: tuple[tuple[str, str], ...], seed: int, turn: int) -> str:
    """The visitor repeating the trainee's wrong value back, as said ("30 days? Okay, good to know.")."""
    said = wrong[0][1]
    line = random.Random(f"{seed}:{turn}:believed").choice(BELIEVED)
    text = line.format(said=said)
    return text[:1].upper() + text[1:]


def without_untold_values(line: str, rules: tuple[FactRule, ...], heard: frozenset[str], seed: int) -> str:
    """The line less any sentence stating a fact's right value the trainee never said."""
    kinds = {v.kind for rule in rules for v in rule.values}
    if not kinds or not any(ch.isdigit() for ch in line) and not _may_state(line):
        return line
    said = [_value(key) for key in heard if key.startswith("v|")]
    kept = [s.original for s in split_sentences(line) if not _untold(s.norm, rules, kinds, said)]
    if kept:
        return " ".join(kept)
    return random.Random(f"{seed}:{line}").choice(ACKNOWLEDGED)


def without_answered_questions(line: str, rules: tuple[FactRule, ...], known: set[str], seed: int) -> str:
    """The line less any question about facts the trainee has already given ("Do I need to bring anything?"
    right after the list): the visitor does not ask again what it was just told."""
    if "?" not in line or not rules:
        return line
    kept = []
    for s in split_sentences(line):
        asked = {r.name for r in rules if "?" in s.original and r.speaks_to(s.norm)}
        if not (asked and asked <= known):
            kept.append(s.original)
    if kept:
        return " ".join(kept)
    return random.Random(f"{seed}:{line}").choice(ACKNOWLEDGED)


_OFFERS = (
    ("callback", re.compile(r"\bmy (phone |cell |call ?back |contact )?(number|cell|phone)\b|\b(reach|call) me\b")),
    ("name", re.compile(r"\bmy (full )?name\b")),
    ("where", re.compile(r"\bmy address\b|\bwhere (i|she|he) lives?\b")),
    ("vehicle", re.compile(r"\b(the|my) plate\b")),
)
"""A visitor's question offering a detail ("Do you need my number?") and the persona topic that holds it."""


def without_offered_details(line: str, heard: frozenset[str], seed: int) -> str:
    """The line less any question offering a detail the visitor has already given ("Do you need my number in
    case...?" once it has said which number to call): a caller does not offer again what it was just asked."""
    told = {key.removeprefix("told:") for key in heard if key.startswith("told:")}
    if "?" not in line or not told:
        return line
    kept = []
    for s in split_sentences(line):
        lower = s.original.lower()
        offered = {topic for topic, pattern in _OFFERS if "?" in lower and pattern.search(lower)}
        if not (offered and offered <= told):
            kept.append(s.original)
    if kept:
        return " ".join(kept)
    return random.Random(f"{seed}:{line}").choice(ACKNOWLEDGED)


def still_here(line: str) -> str:
    """A goodbye line without the stage direction that has the visitor gone: the trainee has the last word."""
    return " ".join(_GONE.sub("", line).split())


_GONE = re.compile(
    r"\([^()]*\b(?:hangs up|hung up|leaves|walks out|heads out|goes|is gone|click)\b[^()]*\)",
    re.IGNORECASE,
)


def _may_state(line: str) -> bool:
    """Values written in words ("ten days", "Wednesday", "fifteen dollars")."""
    lower = line.lower()
    return any(w in lower for w in ("day", "week", "dollar", "hour", "minute", "month", " am", " pm", "a.m", "p.m"))


def _untold(norm: str, rules: tuple[FactRule, ...], kinds: set[str], said: list[Value]) -> bool:
    for v in values_in(norm):
        if v.kind not in kinds:
            continue
        agency = any(v.agrees(r) for rule in rules for r in rule.values)
        if agency and not any(v.agrees(s) or s.agrees(v) for s in said if s.kind == v.kind):
            return True
    return False


def _value_keys(message: str) -> list[str]:
    """Every value stated (not asked, not refused) in the message, as memory keys."""
    keys = []
    for clause in read(message):
        if clause.question or clause.says_no:
            continue
        keys += [_key(v) for v in values_in(clause.norm)]
    return keys


def _key(v: Value) -> str:
    return f"v|{v.kind}|{v.low}|{v.high}|{','.join(sorted(map(str, v.items)))}|{v.words}"


def _value(key: str) -> Value:
    _, kind, low, high, items, words = key.split("|", 5)
    parsed = frozenset(int(i) if i.isdigit() and kind == "days" else i for i in items.split(",") if i)
    return Value(kind, float(low), float(high), parsed, words)


# What the trainee told the visitor to do, kept so a teach-back says it back in the visitor's own words.

_DIRECTIVE_START = re.compile(
    r"^(?:(?:so|just|then|first|second|next|please|also|and|now|okay|ok|alright|after that|once|step one)[,:]?\s+)*"
    r"(bring|call|go|book|keep|stay|take|file|send|come|ask|fill|sign|pay|report|contact|e-?mail|write|wait|lock|"
    r"meet|check|make|get|don't|do not|cancel|pick|head|drop|leave|use|show|have|give|visit|apply|register|"
    r"request|contest|put|dial|text|screenshot|save|turn|hang on|hold on|sit|look|notify|tell)\b",
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
    r"\bmy name is\b|\bthis is deputy\b|\bi understand\b|\bi hear you\b|\bgood (morning|afternoon|evening)\b|"
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
    "again today tonight directly shortly soon by from there here".split()
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


# Questions the visitor would ask, and the words of an answer to them: asked right after the answer, they are
# not asked again.

_ASK_KINDS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(ask, re.IGNORECASE), re.compile(answer, re.IGNORECASE))
    for ask, answer in (
        (r"\bbring\b|what do i need|documents|paperwork|need to have", r"\bbring\b|\bID\b|license|title|form\b|papers"),
        (r"appointment|walk[- ]?in|book", r"appointment|walk[- ]?in|\bbook\b|just come in"),
        (r"\bage\b|how old|too young|old enough", r"\b1[6-9]\b|\b2[01]\b|\bage\b|older|years old|eighteen|adult"),
        (r"how much|\bcost|\bfee\b|price|\bpay\b|\bfree\b|charge", r"\$\s?\d|dollar|\bfee\b|\bfree\b|no charge|cost"),
        (
            r"how long|how soon|hear back|hear from|when will|when would|ready|take\b.*\blong|"
            r"when (do|can) i (get|pick)",
            r"\b\d+\s*(?:to \d+ )?(?:business |working )?(?:days?|weeks?|hours?|minutes?|months?)\b|"
            r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|a|few|couple of)\s+"
            r"(?:to \w+ )?(?:business |working )?(?:days?|weeks?|hours?|minutes?|months?)\b|same day|right away|soon",
        ),
        (
            r"what days|which days|what time|\bhours\b|\bopen\b|when (?:do|are|is|can)",
            r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday|weekend|\d\s*(?:a\.?m|p\.?m)|"
            r"o'clock|24 hours|noon|any time|anytime",
        ),
        (
            r"\bwhere\b|which office",
            r"\d+ \w+ (?:street|st|avenue|ave|boulevard|blvd|way|drive|road)|window|counter|office|courthouse|"
            r"building|down the hall|online|website|yard|center|centre",
        ),
        (r"who do i call|which number|what number|whose number|how do i (?:reach|contact|call)", r"\d{3}\D{0,2}\d{4}"),
        (r"\bcarry\b", r"\bcarry\b|on you\b|with you\b"),
        (r"\bsign\b", r"\bsign\b"),
    )
)


def without_questions_just_answered(line: str, told: str) -> str:
    """The line less any question the trainee's words just answered ("Do I need an appointment?" right after "by
    appointment", "What should I bring?" after the list): a visitor who heard the answer does not ask it again,
    whether or not the grader counts the value right."""
    if "?" not in line or not told:
        return line
    kept = []
    for s in split_sentences(line):
        if "?" in s.original:
            kinds = [answer for ask, answer in _ASK_KINDS if ask.search(s.original)]
            if kinds and all(answer.search(told) for answer in kinds):
                continue
        kept.append(s.original)
    return " ".join(kept) if kept else ACKNOWLEDGED[len(line) % len(ACKNOWLEDGED)]
