"""The end-of-attempt scorecard as plain text, the same for the terminal and Telegram."""

from __future__ import annotations

from bot.attempt import AttemptResult
from bot.grading import CRITERIA

LABELS = {
    "greeting": "Greeting",
    "empathy": "Empathy",
    "testing_questions": "Testing questions",
    "offer_more_help": "Offer more help",
    "appreciation": "Appreciation",
}


def scorecard_lines(result: AttemptResult, title: str) -> list[str]:
    """One line a criterion (with evidence or tip below), then the outcome and total."""
    lines = [f"Scorecard: {title}"]
    for failure in result.grade.extras.get("auto_fail", []):
        lines.append(f"AUTOMATIC FAIL: {failure['reason']} (turn {failure['turn']})")
    for key in CRITERIA:
        verdict = result.grade.criteria[key]
        mark = "MET   " if verdict.met else "MISSED"
        lines.append(f"{mark} {LABELS[key]}")
        if verdict.evidence:
            lines.append(f"       \u201c{_short(verdict.evidence)}\u201d (turn {verdict.turn})")
        if verdict.tip:
            lines.append(f"       Tip: {verdict.tip}")
    violations = result.grade.extras.get("courtesy_violations", [])
    if violations:
        first = violations[0]
        quote = f"\u201c{_short(first['evidence'])}\u201d (turn {first['turn']})"
        lines.append(f"Watch your tone: {quote} came across as {first['kind']}.")
    outcome = "Issue resolved" if result.resolved else "Issue not resolved"
    if not result.completed:
        outcome = "You ended the contact before the visitor was done; issue not resolved"
    lines.append(f"{outcome}. Visitor's mood: {result.start_mood} \u2192 {result.final_mood}.")
    lines.append(f"Total: {result.grade.total}/100")
    return lines


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
