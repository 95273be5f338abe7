"""The end-of-attempt scorecard as plain text, the same for the terminal and Telegram.

Written for a phone in a proportional font: one line an item, a mark first
(✅ met, ❌ missed, ➖ not applicable), no columns aligned with spaces. An automatic
fail comes first, right under the title, then the total.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.grading import CRITERIA, Addressed, Grade, Verdict
from bot.practice.attempt import AttemptResult
from bot.scenarios.format import MOODS as MOOD_ORDER
from bot.transcript import LABELS, Turn

MET, MISSED, NOT_APPLICABLE, FAILED, WARNING = "\u2705", "\u274c", "\u2796", "\u26d4", "\u26a0\ufe0f"


def scorecard_lines(result: AttemptResult, title: str, visitor: str = "visitor") -> list[str]:
    """The automatic fail first, then the total, then one line a criterion, the issue, tone and outcome.

    `visitor` names the other person in the outcome line: "caller" on the phone."""
    grade = result.grade
    lines = [f"Scorecard: {title}"]
    lines += [auto_fail_line(f, result.turns) for f in grade.auto_fail or ()]
    lines.append(
        f"Total: {total_text(grade.total, grade.failed)}{'' if grade.failed else capped_note(grade.addressed)}"
    )
    if grade.addressed is not None:
        lines += wrong_information_lines(grade.addressed)
    lines += [criterion_line(LABELS[c], grade.criteria[c]) for c in CRITERIA]
    if grade.addressed is not None:
        lines += addressed_lines(grade.addressed)
    if grade.courtesy_violations:
        first = grade.courtesy_violations[0]
        lines.append(
            f"{WARNING} Watch your tone \u2014 {quote(first['evidence'])} (turn {first['turn']}) "
            f"came across as {first['kind']}."
        )
    lines.append(outcome_line(result, visitor))
    return lines


def criterion_line(label: str, verdict: Verdict) -> str:
    """ "✅ Greeting — “quote” (turn 2)", "❌ Empathy — Tip: ...", "➖ Empathy — n/a: reason"."""
    if not verdict.applicable:
        return f"{NOT_APPLICABLE} {label} \u2014 n/a" + (f": {verdict.reason}" if verdict.reason else "")
    if verdict.met:
        return f"{MET} {label} \u2014 {quote(verdict.evidence or '')} (turn {verdict.turn})"
    head = f"{MISSED} {label}, partly" if verdict.partly else f"{MISSED} {label}"
    said = f" {quote(verdict.evidence)} (turn {verdict.turn})." if verdict.partly and verdict.evidence else ""
    return f"{head} \u2014{said} Tip: {verdict.tip}" if verdict.tip else f"{head} \u2014{said}"


STATUS_WORDS = {"given": "given", "partly": "partly", "wrong": "WRONG", "missing": "missing"}


def addressed_lines(addressed: Addressed) -> list[str]:
    """Whether the issue was addressed, with each resolution fact's status (and where)."""
    lines = [f"{MET} Issue addressed:" if addressed.met else f"{MISSED} Issue not addressed:"]
    for name, fact in addressed.facts.items():
        what = addressed.descriptions.get(name, name.replace("_", " "))
        status = addressed.status(name)
        turn = f" (turn {fact['turn']})" if fact and fact.get("turn") else ""
        missing = fact.get("missing") if isinstance(fact, Mapping) else None
        lacks = f" — not yet: {', '.join(missing)}" if missing else ""
        lines.append(f"• {STATUS_WORDS[status]}: {what}{turn}{lacks}")
    return lines


def wrong_information_lines(addressed: Addressed) -> list[str]:
    """Right after an automatic fail: every wrong thing the person was told, and what is right. Each (words, turn)
    once: a sentence wrong about two facts is one line, with both right answers."""
    said: dict[tuple[Any, str], list[str]] = {}
    for w in addressed.wrong_information:
        rights = said.setdefault((w.get("turn"), " ".join(str(w.get("said", "")).split())), [])
        right = _sentence(w["right"]) if w.get("right") else ""
        if right and right not in rights:
            rights.append(right)
    lines = []
    for (turn, words), rights in said.items():
        right = f" Right: {' '.join(rights)}" if rights else ""
        lines.append(f"{WARNING} WRONG INFORMATION — You said {quote(words)} (turn {turn}).{right}")
    return lines


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def auto_fail_line(failure: Mapping[str, Any], turns: Sequence[Turn]) -> str:
    turn, evidence = failure.get("turn"), failure.get("evidence")
    if not evidence and isinstance(turn, int) and 0 < turn <= len(turns):
        evidence = turns[turn - 1].text
    said = f" It came up at turn {turn}: {quote(evidence)}" if evidence else ""
    return f"{FAILED} AUTOMATIC FAIL \u2014 {failure['reason']}{said}"


def total_text(total: int | None, failed: bool) -> str:
    """ "75/100", or "AUTOMATIC FAIL, 0/100": the same words on every list and scorecard."""
    if total is None:
        return "in progress"
    return f"AUTOMATIC FAIL, {total}/100" if failed else f"{total}/100"


def capped_note(addressed: Addressed | None) -> str:
    """Why a total is at most 50: wrong information (empty when nothing wrong was said)."""
    return " (capped at 50: wrong information)" if addressed is not None and addressed.wrong_information else ""


def grade_summary(grade: Grade) -> str:
    return total_text(grade.total, grade.failed)


def quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return "\u201c" + (text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026") + "\u201d"


def outcome_line(result: AttemptResult, visitor: str) -> str:
    """How the call ended, in words that agree with the mood and the tone ("left satisfied" never after sarcasm)."""
    moods = f"mood {result.start_mood} \u2192 {result.final_mood}"
    if not result.completed:
        return f"You ended the contact before the {visitor} was done ({moods})."
    hostile = any(v["kind"] in ("sarcasm", "rude") for v in result.grade.courtesy_violations)
    addressed = result.grade.addressed
    # The grade's "Issue addressed" is the record: never beside "left without what they needed".
    got_it = result.resolved or bool(addressed and addressed.met and not addressed.wrong_information)
    if got_it and hostile:
        return f"The {visitor} got what they needed, but not the respect ({moods})."
    if result.unanswered:  # "Can my brother pick it up?" closed over with "good luck, bye!"
        return f"The {visitor} left with a question unanswered: {quote(result.unanswered)} ({moods})."
    if got_it:
        return f"The {visitor} {_resolved_mood(result.start_mood, result.final_mood)} ({moods})."
    worse = MOOD_ORDER.index(result.final_mood) > MOOD_ORDER.index(result.start_mood)
    return f"The {visitor} left {'upset' if worse else 'without what they needed'} ({moods})."


def _resolved_mood(start: str, final: str) -> str:
    """How a visitor who got what they needed left, in words that fit the mood they left in: "satisfied" only
    when calm ("left satisfied (mood angry \u2192 uneasy)" would contradict itself)."""
    if final == "calm":
        return "left satisfied"
    calmer = MOOD_ORDER.index(final) < MOOD_ORDER.index(start)
    if final == "uneasy":
        return (
            "got what they needed and left calmer, if still uneasy" if calmer else "got what they needed, still uneasy"
        )
    return f"got what they needed, but left {final}"
