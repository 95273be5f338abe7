"""What a trainee's question asks the visitor: its topics ("what's the plate number?" asks about the vehicle)
and, for a check of understanding, what kind of check it is (a teach-back, "any questions?", "sound okay?").

Kept apart from bot.scenarios.intents, which matches a scenario's own ways of saying something: these are
fixed regular-expression tables over normalised text, long, and changed for other reasons (the visitor's
answers, not a scenario's intents). bot.scenarios.intents re-exports the public names, so its importers
need no change.
"""

from __future__ import annotations

import re

_TOPIC_PATTERNS: tuple[tuple[str, str, str], ...] = (
    # (topic, strong words, weak words): a weak word counts only when no topic has a strong one, so "a safe
    # number to reach you" asks for the number and "is she safe?" whether she is hurt.
    (
        "self_harm",
        r"kill(ing)? yourself|suicid\w*|end(ing)? (your life|it all|things)|hurt(ing)? yourself|harm(ing)? yourself|"
        r"take your (own )?life|want(ing)? to die|thoughts of (dying|death|suicide|ending)|a plan to|have a plan|"
        r"any plans? to",
        "",
    ),
    (
        "injured",
        r"hurt|injur\w*|bleeding|blood|ambulance|paramedic\w*|medic|doctor|pain|harmed|choked|hit you|hit her|hit him|"
        r"caught fire|catch fire|on fire|any fires?|burned|burnt|neck|whiplash|back pain|sore|"
        r"(you|u) (feeling|feelin'?) (ok|okay|alright|all right|fine)|"
        r"(is|are) (you|she|he|they|everyone|everybody|anyone|anybody|your \w+|the \w+|(mr|mrs|ms|miss) \w+) "
        r"(okay|ok|alright|all right)|"
        r"(she|he|they|everyone|everybody)( is|'s| are|'re)? (okay|ok|alright|all right|fine)(?= ?\?)|"
        r"how('s| is| are) (she|he|they|your \w+|(mr|mrs|ms|miss) \w+) (doing|holding up|coping|feeling)|"
        r"how('s| is) (she|he|(mr|mrs|ms|miss) \w+)(?= ?\?| she| he)",
        r"safe",
    ),
    (
        "medical",
        r"medical|medication\w*|medicine|meds|condition\w*|health|diabet\w*|asthma|allerg\w*|disabilit\w*|"
        r"autis\w*|seizure\w*|dementia|alzheimer\w*|insulin|inhaler|pills",
        "",
    ),
    (
        "description",
        r"wearing|wear|(had|has|have) on\b|dressed|"
        r"(look|looks|looked) like(?! (they|he|she|someone|somebody) (were|was|are|is|had|have)\b)|"
        r"describe|description|clothes|clothing|(?<!me and )(?<!to )colou?r(?! (?:with|in|a|some)\b)|height|tall|"
        r"build|hair|"
        r"jacket|shirt|what does (he|she|they|it) look",
        "",
    ),
    ("weapons", r"weapons?|guns?|firearms?|knife|knives|armed|rifle|pistol", ""),
    (
        "vehicle",
        r"plate|plates|license plate|tag number|make and model|unit number|car number|patrol car|squad car|"
        r"what kind of (car|vehicle|truck)|what car|vehicle|what(?: (are|were|r)|'re) (you|u|ya) driving|"
        r"what do (you|u) drive|what('s| is) (your|ur) (ride|car)|"
        r"what(?:'s|'re| is| was)? (he|she|they) (is |was |are |were )?driv\w*|what does (he|she|they) drive|"
        r"which car|what model|what make|what color is (the|your) (car|truck)|swap(ped)? (insurance|info|details)|"
        r"exchange(d)? (insurance|info|information|details)|other driver's (insurance|info|information|details|plate)",
        r"model|year|(?<!in the )(?<!the other )car|truck",  # not "make": "does that make sense?"; "where was the car
        # parked?" asks where; "anyone in the other car hurt?" asks who is hurt
    ),
    (
        "name",
        r"your (?:own )?name|your full name|your first name|your last name|spell (it|that|your)|"
        r"what('s| is) (you|ya|yo|ur) name\b|"  # Boston's "what's ya name?", read "you"
        r"who am i (speaking|talking|chatting)|"
        r"who i'?m (talking|chatting)|who('s| is) (on the line|speaking)|"
        r"may i ask who(?! (?:you|u) (?!are\b|r\b)| (?:he|she|they|it|the|your)\b)|"
        r"who('ve| have) i got|"
        r"who do i have (on the line|here|the pleasure)|the pleasure of (speaking|talking|chatting)|who am i helping|"
        r"who i'm helping|"
        r"who('s| is) calling|"
        r"who i'm speaking|who is calling|who's calling|who is this|who's this|and you are|what do i call you|"
        r"date of birth|dob",
        r"full name|spell",
    ),
    (
        "callback",
        r"call you back|callback|call back number|reach you|your number|phone number|best number|good number|"
        r"safe number|your cell|cell number|contact you|get hold of you|get ahold of you|number (i|we|they|the deputy) "
        r"can (call|reach)|number for you|telephone number|your telephone|contact number|mobile number|"
        r"cell phone number|name and (a |your |ur )?(good |best )?(number|phone)\b|(best|good|safe|contact) phone\b|"
        r"phone for (you|u)\b|"
        r"\b(got|have|you got|you have|is there) a (good |best )?number\b(?! for (the|that|them|a|an)\b)|"
        r"\ba number (in case|if|so)\b",
        "",
    ),
    (
        "number",
        r"case number|report number|reference number|booking number|receipt number|citation number|ticket number|"
        r"transaction number|confirmation number",
        "",
    ),
    (
        "taken",
        r"taken|stolen|stole|missing from|what was in|what did they (take|get)|what's missing|what is missing|"
        r"the amounts?|"
        r"anything missing|what did you lose|what's gone|what is gone|how much|how did (she|he|they|you) pay|"
        r"how was it (paid|sent)|what did (she|he|they|you) (send|pay)|paid|sent (them|it|the money)|the money|"
        r"what accounts?|which accounts?|what (was|were) opened|what charges|what did (they|he|she) (open|charge)|"
        r"(get|take|grab|steal) anything|anything (taken|stolen|gone)|what did (they|he|she) (get|grab|steal)|"
        r"what (else )?did you lose",
        "",
    ),
    (
        "where",
        r"where|what street|address|location|which street|what area|cross street|intersection|whereabouts|"
        r"street sign|what can you see|what do you see|see around|around you|near you|nearby|landmark|"
        r"what's the street|which house|what house|house number|street number|apartment number|apt number|"
        r"(the |and )place (of|where) (the|it|this|that|he|she|they)",
        "",
    ),
    (
        "when",
        r"when|what time|how long ago|what day|which day|(what|which)('s| is| was)? (the )?date(?! of birth)|"
        r"date and time|(the |and |a )date,? (and |or )?(the )?time|(the )?(date|time) (of|when) (the|it|this|that)|"
        r"how long has|how long have|since when|last seen|how long since|how long's it been|how long it's been|"
        r"last time|last heard|last saw|last spoke|what date|how did you (find out|notice|learn|hear|discover)|"
        r"when did you (find out|notice|realize|realise)",
        "",
    ),
    (
        "age",
        r"how old|age|ages|(over|under|at least) (18|21|eighteen|twenty one)|old enough|"
        r"(18|21|eighteen|twenty one) or (older|over|above)|(18|21|eighteen|twenty one) plus",
        "",
    ),
    (
        "who",
        r"which deputy|badge|suspect|their name|his name|her name|deputy's name|officer's name|"
        r"\b(?!(?:jail|station|office|company|bank|street|business|store|shop|school|place|facility|center|unit|"
        r"website|hospital|yard|lot|agency|program)'s)\w+'s (full |first |last )?name|do you know who|who did|"
        r"who was it|who took|who hit|who is he|who's he|"
        r"how many (people|of you|reps|staff|employees|workers|others)|who do you work for|what company|which company|"
        r"who are you with",
        r"who",
    ),
    (
        "what",
        r"what happened|what's going on|what is going on|tell me (more|what)|walk me through|what's happening|"
        r"tell me (a little|a bit)( about)? what|what (he|she|they|the deputy|deputy \w+) did|"
        r"what did (he|she|they|the deputy|the officer|deputy \w+)( actually| exactly| really)? (do|say)\b|"
        r"what (he|she|they|the deputy) (said|told you)|"
        r"what is happening|what are you selling|what do you sell|what (kind of )?(product|business|products)|"
        r"what('s| is) it for|what do you need it for|what's the reason|what is the reason|"
        r"what (was|is) (it|the \w+) for|what for|what did you find|what is it you found|what have you got|"
        r"what('s| is) that you('ve| have) got|what did you bring|what('ve| have) (you|u) (got|found)|what (you|u) got|"
        r"whatcha got|what do (you|u) have (there|with you|for (me|us))|what('s| is) (that|this) you('re| are) holding",
        "",
    ),
)
_WHO_WE_MEAN = re.compile(r"\b(?:so (?:i|we) know )?who (?:we're|we are|i'm|i am) (?:talking|talkin'?) about\b")
"""Who the question is about, said in passing: "... so I know who we're talking about" asks no one."""
_RELATIVE_WHO = re.compile(r"\b(person|man|woman|guy|someone|somebody|people|one|ones) who\b")
"""A "who" that starts a relative clause: "the person who did this" names someone, it asks no one."""
_ABOUT_WHERE = re.compile(r"\b(questions? (?:about|on)|in case [^?]*?) (?:where|when) (?=you|u|he|she|they|we|it|i)\b")
"""A place or time in passing: "... in case they have questions about where you found her" asks neither."""
_AUX_START = re.compile(
    r"^(?:(?:so|and|okay|ok|alright|but) )?(?:was|is|were|are|did|do|does|has|have|had|can|could|will|would)\b"
)
_CLAUSE_WH = re.compile(
    r"(?<!know )(?<!remember )(?<!idea )(?<!tell me )(?<!sure )(?<!see )(?<!say )(?<!notice )(?<!ask )(?<!recall )"
    r"(?<!get )\b(?:when|where) (?=(?:you|u|he|she|they|we|i|it)\b)(?!it (?:happened|occurred|started)\b)"
)
"""In a yes-or-no question, "when you found her" or "a friend where you can stay" is a clause, no question of
time or place ("do you know where he went?" still asks where)."""
_WHAT_HAPPENED = re.compile(
    r"\bwhat (happened|went on|is going on|'s going on|'s happening|is happening)\b|\bwalk me through\b"
)
_NOT_ABOUT_SOMEONE = frozenset(
    ("what", "that", "it", "there", "here", "who", "where", "how", "your")
    + ("jail", "station", "office", "company", "bank", "street", "business", "store", "shop", "school", "place")
    + ("facility", "center", "centre", "unit", "website", "hospital", "yard", "lot", "app", "agency", "program")
)
"""Words before "'s name" that are no third person ("what's name" is no name of theirs, nor "the jail's name")."""

QUESTION_TOPICS: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...] = tuple(
    (topic, re.compile(rf"\b({strong})\b"), re.compile(rf"\b({weak})\b") if weak else None)
    for topic, strong, weak in _TOPIC_PATTERNS
)
"""What a clarifying question asks about, in order of precedence (over normalised text)."""
_WHERE_TO_REACH = re.compile(
    r"\bwhere (we|i|they|he|she|someone|somebody|the deputy|you|u) can (reach|call|contact|get|be reached)\b|"
    r"(?<=number )(for you |for u )?where (?=(nobody|no one|no-one|only you|he|she|they|nobody else)\b)"
)
_BY_THE_CAR = re.compile(
    r"\b((?:still |hanging )?(?:around|near|by|next to|close to|away from|hanging around|lurking around|with you in)) "
    r"(?:the|your|ur) (?:vehicle|car|truck|van)\b(?! (?:make|model|plate|color|colour|year))"
)
"""The car as a place ("is the person still around the vehicle?"): the question asks who is there, not the car."""
_CLOSE_BY = re.compile(
    r"\b(family|relatives?|friends?|neighbou?rs?|kids|children|someone|anyone|anybody|adults?|people|parents?|"
    r"grown ?ups?) nearby\b"
)
_IN_A_NAME = re.compile(r"\b(in|under) (your|his|her|their|my) name\b")
_WHO_FOR_YOU = re.compile(
    r"\bwho(?:'ll| will| is going to| is gonna|'s going to|'s gonna)? (?:be )?(?:getting in touch|get in touch|"
    r"contacting|contacts|contact|calling|calls|call|reaching|reach|reviews|reviewing|review|looks at|look at|"
    r"handles|handle|gets back|get back)\b(?=.*\b(?:you|u|your|ur)\b)|"
    r"\bwho(?:'s| is) on the other end\b|\bwhich (?:office|line|unit|desk) (?:answers|picks up)\b"
)
"""Who the desk's plan has call the visitor ("who will be getting in touch with you?", "who reviews your complaint and
calls you back?"): asked back from what was told, never someone of the visitor's story."""
_TO_A_CHILD = re.compile(r"\b(sweetie|sweetheart|honey|kiddo|little one|buddy|little man|princess|hi there)\b")
"""Words a deputy says to a child in the lobby: the question is for the child, not the adult who brought them."""
_SOMEONE_ELSES_NAME = re.compile(r"\b(\w+)'s (full |first |last )?name\b|\b(his|her|their) (full |first |last )?name\b")
_SOMEONE_ELSES_NUMBER = re.compile(
    r"\b(?!what|that|it|there|here|who|your)\w+'s (?:phone |cell |mobile |home )?(?:number|phone)\b|"
    r"\b(?:his|her|their) (?:phone |cell |mobile |home )?number\b|"
    r"\b(?:did|does|has|have) (?:the \w+|he|she|they|someone|somebody|anyone) "
    r"(?:leave|left|give|gave|use|used|call from) (?:a|any|his|her|their) "
    r"(?:phone |cell |call ?back )?(?:number|phone)\b|"
    r"\bnumber (?:that|which|who) (?:called|rang|phoned|texted)\b"  # "the phone number that called her"
)
"""Someone else's number ("do you know your daughter's phone number?", "did the scammer leave a phone number?"): no
callback number of the visitor's."""
_YOUR_NUMBER = re.compile(r"\b(?:your|ur) (?:phone |cell |mobile |home |callback |best )?(?:number|phone)\b")


_AND_HIS = re.compile(r"\b(name|number|address|phone)\b(.{0,30}?)\band (his|hers|her|their|theirs)\s*\?\s*$")
"""A detail asked, then the same of someone else in two words ("your name, darlin', and his?")."""


def question_topics(question: str) -> list[str]:
    """The topics a normalised question asks about, in the order it asks them.

    Someone else's name ("your son's full name", "her name") asks who they are, not the caller's name; a weak
    word ("safe", "make", a bare "who") counts only when no topic has a strong one."""
    question = _IN_A_NAME.sub(" ", question)  # "what did they open in your name?" does not ask the name
    question = _AND_HIS.sub(r"\1\2and \3 \1 ?", question)  # "your name, darlin', and his?": his name too
    question = _WHERE_TO_REACH.sub(" to reach you", question)  # "a number where we can reach you" asks no place
    question = _CLOSE_BY.sub(r"\1 close by", question)  # "any family nearby?" asks who, not where
    question = _BY_THE_CAR.sub(r"\1 there", question)  # "is the person still around the vehicle?" asks no car
    question = _WHO_WE_MEAN.sub(" ", question)  # "... so I know who we're talking about" asks no one
    question = _WHO_FOR_YOU.sub(" ", question)  # "who will be getting in touch with you?": the plan, no one of theirs
    question = _RELATIVE_WHO.sub(r"\1 that", question)  # "is the person who did this nearby?" asks where, not who
    question = _ABOUT_WHERE.sub(r"\1", question)  # "in case they have questions about where you found her"
    if _AUX_START.match(question):  # "was the library open when you found her?" asks whether it was open
        question = _CLAUSE_WH.sub(" ", question)
    found = {topic: m.start() for topic, pattern, _ in QUESTION_TOPICS if (m := pattern.search(question))}
    if not found:
        found = {
            topic: m.start() for topic, _, weak in QUESTION_TOPICS if weak is not None and (m := weak.search(question))
        }
    strong = sorted(found, key=found.__getitem__)  # in the order asked: "her name, and how old is she?"
    if "what" in strong and len(strong) > 1 and not _WHAT_HAPPENED.search(question):
        strong.remove("what")  # "can you tell me what he look like": how he looks, not what happened
    someone = [m for m in _SOMEONE_ELSES_NAME.finditer(question) if (m.group(1) or "") not in _NOT_ABOUT_SOMEONE]
    if someone and "name" in strong and not re.search(r"\byour (full |first |last )?name\b", question):
        strong = [t for t in strong if t != "name"]
    if someone and "who" not in strong:
        strong.insert(0, "who")
    if "callback" in strong and _SOMEONE_ELSES_NUMBER.search(question) and not _YOUR_NUMBER.search(question):
        strong.remove("callback")  # "your daughter's phone number" is not the caller's own
    if "name" in strong and _TO_A_CHILD.search(question):  # "what's your name, sweetie?" asks the child
        strong = ["who" if t == "name" else t for t in strong]
    if "self_harm" in strong and re.search(r"\b(hurt|harm)(ing)? yourself\b", question):
        strong = [t for t in strong if t != "injured"]  # "thinking of hurting yourself?" is no question of injury
    return strong


def to_a_child(question: str) -> bool:
    """Whether the question speaks to a child by a word of endearment ("what's your name, sweetie?")."""
    return bool(_TO_A_CHILD.search(question))


def asked_words(question: str, topic: str) -> list[str]:
    """The words of the question that ask for the topic ("plate" in "what's the plate number?")."""
    for name, strong, weak in QUESTION_TOPICS:
        if name == topic:
            return [m.group(0) for p in (strong, weak) if p is not None for m in p.finditer(question)]
    return []


_QUESTIONS = re.compile(
    r"\b(any|other|more|further) questions?\b|\bquestions?\b.*\?|\b(unclear|confus\w*|anything (i can|to) clarify|"
    r"anything you're (not sure|unsure) about)\b|"
    r"\b(anything|something) else (that )?(you|u) (want|wanna|wanted|need|needed) to (know|ask)\b"
)
"""A check that asks for questions ("any questions?", "anything unclear?"): the visitor says no."""
_AGREEMENT = re.compile(
    r"\b(sound|sounds) (okay|ok|good|alright|all right|fair)|\b(okay|ok|alright|good) with you\b|"
    r"\bwork for you\b|\bthat okay\b"
)
"""A check that asks for agreement ("sounds fair?"): the visitor says yes and agrees (`testing_kind`)."""
_TEACH_BACK = re.compile(
    r"\b(tell|say|read|repeat|run|walk) (me |it |that |this |those |them )?(back|through) (to me|for me|what)|"
    r"\b(tell|say|read|repeat|run) (me )?(those|these|the|your|all the) (steps|things|points|numbers) back\b|"
    r"\b(repeat|recite|list|go over|run through) (the |those |these |your )?(two |three |four )?"
    r"(steps|things|points)\b|"
    r"\b(tell|say|repeat|read|give) me back\b|"
    r"\b(tell|say|walk|run) me (through )?what('s| is)? (happens|happening|going to happen|gonna happen|will happen)\b|"
    r"\b(tell|say|repeat|read) (it |that |this )?back\b|"
    r"\b(tell|say|repeat|read) me (it|that|this|those|these|them|everything|all that) back\b|"
    r"\b(tell|say|repeat|read|run) (me )?(that|the|this) (last |second |first )?(part|bit) back\b|"
    r"in (your|ur) (own )?words(?!,? (how|what|when|where|why) (did|do|was|were|happened)\b)|"
    r"\b(say|tell|list|name) (them|those) (back )?to me\b|"
    r"\b(say|tell|explain) (to )?me what (will|is going to|is gonna) happen\b|"
    r"what (are|will) you (going to )?do|what you're going to do|what you are going to do|what you'll do|"
    r"what('re| are| r) (you|u) (gonna|going to) do|"
    r"what you (will|must|have to|need to|gotta) do|"
    r"(which|what) (two |three )?things (will|are|do) you (going to )?do|"
    r"what('s| is) your (plan|next step|first step)|"
    r"which (number|one) (are|will) you (going to |gonna )?(call|calling)\b(?! from)|"
    r"who (are|will) you (going to )?call|"
    r"what are you calling|what do you do (first|next|now|if)|what will you do|"
    r"what (you've|you have|you) (got to|gotta|have to|need to) do\b|"
    r"(read|reading|say|saying|repeat|repeating) (that|the|this|it|those)( \w+){0,2} back|"
    r"(number|it|that|e-?mail) back to me|"
    r"what number (will|are|do|would) you (going to |gonna )?(call|calling|dial)\b(?! from)|"
    r"when (do|will|would) you call|"
    r"(tell|walk|take|run) me (through )?the steps"
)
_SAY_BACK = re.compile(
    r"\bwhat are the \w+ things|\bwhat('s| is) (going to|gonna) happen|\bwhat happens (next|now)|"
    r"\bhow will you (hear|know)|\bwhere (are|will) you (going to |gonna )?go\b|"
    r"\b(the place|where) (you'll|you will|you're going to|you are going to|you're gonna) (go|head)\b|"
    r"\bwhat('s| is) the first step|\bwhat('s| is) the plan (for (the |your |this )?\w+ )?(from here|now|next)\b|"
    r"\bwhen should the deputy|\bwhat you need to bring|\bwhat you will do|\bwhat you do (next|now|if)|"
    r"\bjust to check\b.*\b(where do you|how long|what do you|when do you|who do you)|"
    r"\bwhat (will|do) you tell\b|\bhow long (will|should) you (tell|wait)\b"
)
"""Questions that ask the visitor for the plan it was given ("what happens next?"): a check only as a question
("Here's what happens next: ..." tells it)."""
_CHECK_PREAMBLE = re.compile(
    r"\b(just )?(so|to make sure|to be sure|to check|to double check) (that )?(i|we)('m| am| are)? "
    r"(sure|clear|on the same page|explained|made|got)|\bso i know (i|that i|it|that) |"
    r"\b(i )?explained (it|that|things|everything)( \w+)? (clear|clearly|ok|okay|well|right|good|properly)|"
    r"\bsame page\b|\bmake sure (i|that i) (explained|was clear|made)|\b(that|it) came across\b"
)
"""Words that frame a question as a check of the trainee's own explanation ("just so I'm sure I explained it,
what will you do?"): the question asks the visitor to say the plan back, not for a detail of its own."""


_WILL_YOU_DO = re.compile(r"\b(?:will|would|can|could) you (?:stay|keep|wait|remain|hang on|hold on|sit)\b")
"""A check that asks the visitor to agree to do a thing now ("will you stay on the phone with me?")."""
_YES_OR_NO_CHECK = re.compile(
    r"^(?:and |so |okay |ok )?(?:does|do|is|are) (?:that|this|it|everything|all|you)\b.{0,25}"
    r"\b(?:make sense|makes sense|clear|understand|follow|got it)\b"
)
"""A check asked for a yes ("does that all make sense about what happens next?"), whatever it names."""


_THEIR_STORY = re.compile(
    r"\bwhat happened\b|\bwhat('s| has| is) (been )?(going on|happening)\b|\bfrom the (start|beginning)\b"
)


def checks_understanding(norm: str) -> bool:
    """Does this sentence ask the visitor to say back what it was told (a teach-back, a read-back of a number)?
    "What time did it happen?" asks a detail; "just so I'm sure I explained it, when are inspections done?"
    asks the visitor to say it back."""
    asks = "?" in norm
    if _THEIR_STORY.search(norm):
        return False  # "walk me through what happened" asks for their story, not the plan
    return bool(_TEACH_BACK.search(norm) or asks and (_CHECK_PREAMBLE.search(norm) or _SAY_BACK.search(norm)))


AGREEMENT_CHECK = re.compile(
    r"\b(is that|is this|that|does that|does this) (sound )?(okay|ok|alright|all right|good)\b|"
    r"\b(okay|ok|alright|all right) with you\b|\bwork for you\b|\bsound (okay|ok|good|alright)\b|"
    r"\b(all|we|you) good\b|^(is|is it|it's|is that|that's|that is) (correct|right)\s*\?"
)
"""A check that the visitor agrees ("Okay with you?"), which the grader may not count as a testing question."""


def testing_kind(norm: str) -> str:
    """What a testing question asks for: a "teach_back" ("tell me back what you'll do first") gets the plan in
    the visitor's words, "questions" ("any questions?", "anything unclear?") a no, "agreement" ("sound okay?")
    a yes that agrees, and "understanding" (every other check: "does that make sense?", "clear?") a yes."""
    if _WILL_YOU_DO.search(norm) and not _TEACH_BACK.search(norm):
        return "agreement"  # "just so we're on the same page: will you stay in the car with me?" asks for a yes
    if _TEACH_BACK.search(norm) or _CHECK_PREAMBLE.search(norm):
        return "teach_back"
    if "?" in norm and _SAY_BACK.search(norm) and not _YES_OR_NO_CHECK.search(norm):
        return "teach_back"  # "does that make sense about what happens next?" asks for a yes, not the plan
    if _QUESTIONS.search(norm):
        return "questions"
    return "agreement" if _AGREEMENT.search(norm) else "understanding"
