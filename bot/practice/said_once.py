"""Each thing said once: the words a sentence says, a sentence as the visitor remembers it, and a reply or a line
less what it already said ("Jamal Yusuf. ... Jamal Yusuf.", "curly brown hair, braces ... curly brown hair, braces").

Kept apart from bot.practice.lines, which picks and fits the visitor's lines: these are the small text tests every
part of the visitor uses to tell whether something was said before.
"""

from __future__ import annotations

import re

from bot.grading.text import split_sentences
from bot.practice.wording import words

_FILLER = frozenset(words("say_nothing_words"))
_DIGIT = re.compile(r"\d")


def content_words(sentence: str) -> set[str]:
    """The words of a sentence that say something ("$15" says "15 dollars", as the visitor says it back)."""
    text = _DOLLAR.sub(r"\1 dollars", sentence) if "$" in sentence else sentence
    return {w for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in _FILLER}


_DOLLAR = re.compile(r"\$\s?(\d[\d,]*)")


def said_key(sentence: str) -> str:
    """A sentence said, as the visitor remembers it (its words, without case or punctuation)."""
    return "said:" + " ".join(re.findall(r"[a-z0-9']+", sentence.lower()))


def distinct(answers: list[str]) -> list[str]:
    """The answers less any sentence that only repeats what came before it ("Jamal Yusuf. ... Jamal Yusuf.",
    "Blue Ford Focus. The plate's 9GHL031. A blue Ford Focus, plate 9GHL031.")."""
    seen: set[str] = set()
    result = []
    for answer in answers:
        kept = []
        for s in split_sentences(answer):
            words = content_words(s.original)
            stems = {w.removesuffix("'s") for w in words}
            if stems and len(stems & seen) / len(stems) >= 0.75:
                continue
            kept.append(s.original)
            seen |= stems
        if kept:
            result.append(" ".join(kept))
    return said_more_later(result)


def said_more_later(answers: list[str]) -> list[str]:
    """The answers less a short sentence a later one says again with more ("I move next Friday." before "I'm moving
    next Friday, to an apartment on Willow Street."): said once, the fuller way."""
    said = [(i, s.original) for i, a in enumerate(answers) for s in split_sentences(a)]
    stems = [{word_stem(w) for w in content_words(text)} for _, text in said]
    dropped = {
        at
        for at, (_, text) in enumerate(said)
        if len(stems[at]) >= 2
        and "?" not in text
        and any(len(stems[at] & later) / len(stems[at]) >= 0.75 and len(later) > len(stems[at]) + 1
                and set(_DIGIT.findall(text)) <= set(_DIGIT.findall(said[j][1]))
                for j, later in enumerate(stems[at + 1 :], start=at + 1))
    }
    kept = [" ".join(t for at, (i, t) in enumerate(said) if i == n and at not in dropped) for n in range(len(answers))]
    return [k for k in kept if k]


def told_fuller(answer: str, follow: str) -> bool:
    """Whether the line after the answer tells the same story at more length ("I got stopped, I asked what for,
    and he started yelling. In front of my kids." before "I was stopped Sunday morning at the corner of Fifth and
    Main. The deputy yelled at me in front of my kids and wouldn't tell me why I was stopped."): said once, the
    fuller way. Never for a line that asks something."""
    if not follow or "?" in follow or follow.startswith("("):
        return False
    if not set(_DIGIT.findall(answer)) <= set(_DIGIT.findall(follow)):
        return False  # "Plate 9GHL031, a blue Ford Focus.": a figure the line does not give
    said = {word_stem(w) for w in content_words(answer)}
    told = {word_stem(w) for w in content_words(follow)}
    return len(said) >= _STORY_WORDS and len(told) > len(said) and len(said & told) * 2 >= len(said)


_STORY_WORDS = 6


def premise_first(answer: str, follow: str) -> tuple[str, str]:
    """The answer and the line after it, the other way round when that line tells the story the answer's details
    belong to ("It was Deputy Park. He drove around until he spotted Dad." then "It was last Tuesday. Deputy Park
    found my father ..."): the story first, then what it did not say ("He drove around ..."), never a sentence
    twice. Unchanged when the line asks something (a question ends the visitor's turn)."""
    if not follow or "?" in follow or follow.startswith("("):
        return answer, follow
    told = {word_stem(w) for w in content_words(follow)}
    sentences = [s.original for s in split_sentences(answer)]
    covered = [s for s in sentences if len(stems := {word_stem(w) for w in content_words(s)}) >= 2 and stems <= told]
    if not covered or covered[0] != sentences[0]:
        return answer, follow  # the answer opens with what the story does not say: it comes first
    return follow, " ".join(s for s in sentences if s not in covered)


def word_stem(word: str) -> str:
    """A word less its ending ("moving", "move": "mov"), to tell the same word said two ways."""
    word = word.removesuffix("'s")
    return re.sub(r"(?:ing|ed|es|e|s)$", "", word) if len(word) > 3 else word


def streets_once(line: str) -> str:
    """The line with a street it has named already said as "the same street" ("Number 2380, Bluebird Lane. It's on
    Bluebird Lane, ... The kids over on Bluebird Lane ...": "It's on the same street, ... The kids over on the same
    street ...")."""
    named: set[str] = set()

    def said(found: re.Match[str]) -> str:
        street = found.group("street")
        if street not in named:
            named.add(street)
            return found.group(0)
        return "on the same street" if found.group("on") else found.group(0)

    return _STREET.sub(said, line)


_KINDS = "|".join(w.title() for w in words("street_kinds"))
_STREET = re.compile(rf"(?P<on>\bon )?(?P<street>\b[A-Z][a-z]+ (?:{_KINDS})\b)(?! (?:and|&) )")


def once_each(line: str) -> str:
    """The line less a statement that says again what an earlier sentence of it said ("I'm a bit shaky. ... I'm
    still a bit shaky.", "It's registered to me. ... It's registered in my name."): most of its words said, or
    all of a sentence said before it in a long word of its own; a question, a new number, is never dropped."""
    kept: list[str] = []
    earlier: list[set[str]] = []
    dropped = False
    for s in split_sentences(line):
        text = _without_said_parts(s.original, " ".join(kept))
        if dropped and text[:1].islower():  # "... look at it... okay.": what went on from a part left out
            continue
        dropped = True
        if not text or _courtesy_again(text, kept):
            continue  # "Thank you." said twice in one reply
        words = content_words(text)
        everything = set().union(*earlier) if earlier else set()  # "There's an ID card in the side pocket, ..."
        plain = not _DIGIT.search(text) and not _STAGE.search(line)  # no figure, no stage direction ("(Asks mother.)")
        again = any(_says_again(words, e) for e in earlier) or plain and _told_across(words, everything)
        if not words or "?" in text or not again or set(_DIGIT.findall(text)) - set("".join(kept)):
            kept.append(text)
            earlier += [words] if words else []
            dropped = False
    return " ".join(kept) or line


_STAGE = re.compile(r"\([A-Za-z]")
"""A stage direction ("(Asks mother.)"), not a phone number's area code."""
_COURTESY = frozenset({"thank", "thanks", "you", "okay", "ok", "alright", "much", "so", "again", "please"})
"""The words of a courtesy said once in a reply ("Thank you."), however the reply was put together."""


def _courtesy_again(text: str, kept: list[str]) -> bool:
    said = text.lower()
    return set(re.findall(r"[a-z]+", said)) <= _COURTESY and any(said == k.lower() for k in kept)


def _without_said_parts(sentence: str, before: str) -> str:
    """The sentence less a listed part the line said already ("About four feet, curly brown hair, braces." after
    "Small for her age, curly brown hair, braces.": "About four feet."; "It's on Bluebird Lane, three nights
    running." after "It's on Bluebird Lane, the same spot every time.": "Three nights running.")."""
    reason = _BECAUSE.search(sentence)  # "I'm not paying it, because the meter was broken." after "... the meter was
    if reason and len(reason.group(1)) >= 8 and reason.group(1).lower() in before.lower():  # broken."
        return sentence[: reason.start()].rstrip(" ,") + "."
    parts = sentence.rstrip(".").split(", ")
    kept = [p for p in parts if len(p) < 5 or p.lower() not in before.lower()]
    if len(parts) < 2 or len(kept) == len(parts) or not kept or "?" in sentence:
        return sentence
    if _JOINED_ON.match(kept[0]):
        return ""  # "Mediation, and dispatch if it gets ugly." after the read-back: no "And dispatch if ..." alone
    said = ", ".join(kept) + "."
    return said[:1].upper() + said[1:]


_JOINED_ON = re.compile(r"^(?:and|or|but|plus|then)\b", re.IGNORECASE)
"""A part that goes on from the one before it: never said alone once that one is left out."""
_BECAUSE = re.compile(r",? (?:because|since|'cause) ([^,.!?]+)\.?$", re.IGNORECASE)
"""The reason at the end of a sentence, left out when the line gave it already."""


def _told_across(words: set[str], before: set[str]) -> bool:
    """Most of the sentence's words were said across the sentences before it, four of them at least ("There's an
    ID card in the side pocket, I could see it." after "I only looked in the side pocket. There's an ID card in
    there.")."""
    shared = words & before
    return len(shared) >= 4 and len(shared) * 2 >= len(words)


def _says_again(words: set[str], before: set[str]) -> bool:
    shared = words & before
    if len(words) >= 2 and len(shared) / len(words) >= 0.66:
        return True
    return bool(before) and before <= words and len(shared) / len(words) >= 0.5 and max(map(len, shared)) >= 7


READ_BACK_LINE = re.compile(r"^(?:You said|So,|That's|Right,) |, you said\.$")
"""A value read back from the trainee's words ("21 days, you said."), which is no repeat of the visitor's own."""


def mostly_said(text: str, said: set[str]) -> bool:
    """Most of what the answer says was said before, in other words ("Like I said, ..."), though no sentence of it
    was said as it is now; an answer that tells something new is no repeat ("Yes. It hurts when I swallow.")."""
    if any(said_key(x.original) in said for x in split_sentences(text)):
        return False
    words = content_words(text)
    before = set().union(*(set(k.removeprefix("said:").split()) for k in said)) if said else set()
    return bool(words) and len(words & before) * 2 >= len(words)


def once_yes(answer: str, before: list[str]) -> str:
    """The answer without its "Yes." when one came before it ("Yes. She walks home. Yes. I called the school." is said
    "Yes. She walks home. I called the school."), and its "No." likewise."""
    for word in ("Yes", "No"):  # "No, nobody's hurt. ... No. The street's empty.": the second "No." goes too
        if answer.startswith(f"{word}. ") and len(answer) > len(word) + 2 and any(a.startswith(word) for a in before):
            return answer.removeprefix(f"{word}. ")
    return answer


def not_repeating(follow: str, answer: str, heard: frozenset[str] | set[str] = frozenset()) -> str:
    """The follow-up line less any sentence that only repeats the answer just given ("It's a white Toyota pickup."
    after "Plate 9GHL031, a white Toyota pickup."), or that with it says again a line of its own ("My daughter Lily
    should have been home from the park on Fifth Street" after "... should have been home hours ago" and "... at the
    park on Fifth Street"), or that says again a figure just given ("It's case 26-01873, ..." after "Yes, it's
    26-01873.")."""
    said = set(re.findall(r"[a-z0-9']{4,}", answer.lower()))
    own = [set(w for w in k[5:].split() if len(w) >= 4) for k in heard if k.startswith("said:")]
    figures = set(_FIGURE.findall(answer))
    counts = set(_COUNT_WORD.findall(answer.lower()))  # "She's ten." before "My daughter Lily is ten."
    kept, sentences = [], split_sentences(follow)
    for s in sentences:
        words = set(re.findall(r"[a-z0-9']{4,}", s.original.lower()))
        told = set(_COUNT_WORD.findall(s.original.lower()))
        new = not words or len(words & said) / len(words) < 0.6
        new = new and not (len(words) >= 5 and any(len(words & (said | o)) >= 0.8 * len(words) for o in own))
        short = words - _PRONOUN_IS if len(s.original.split()) <= 4 else set()
        new = new and not (short and short <= set().union(*own, said))  # "She's eighty-one." said in its opening
        if new and not figures & set(_FIGURE.findall(s.original)) and not (told and told <= counts):
            kept.append(s.original)
    if len(sentences) > 1 and kept[:1] == [sentences[0].original] and sentences[1].original not in kept:
        kept = kept[1:] if len(kept[0].split()) == 1 else kept  # "Fine." was the lead-in of what went: it goes too
    said = " ".join(kept)
    return said[:1].upper() + said[1:]  # "No. Just... don't let him in here." less its opening: "Don't let him ..."


_PRONOUN_IS = frozenset({"she's", "he's", "it's", "that's", "they're", "there's", "i'm", "you're", "we're"})
_FIGURE = re.compile(r"\d{4,}")
"""A figure that names one thing (a case or phone number's last four)."""
_COUNT_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\b")
