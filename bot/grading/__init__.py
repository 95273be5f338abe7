"""The grader: deterministic, explainable verdicts on the five customer-service criteria.

    from bot.grading import grade, detect
    grade(turns).to_json()

See ../shared/grading/SPEC.md for the contract.
"""

from bot.grading.auto_fail import AutoFail
from bot.grading.detectors import BUILTIN_SIGNALS, CRITERIA, IntentMatcher, MessageSignals, detect
from bot.grading.grade import Grade, Verdict, grade

__all__ = [
    "AutoFail",
    "BUILTIN_SIGNALS",
    "CRITERIA",
    "Grade",
    "IntentMatcher",
    "MessageSignals",
    "Verdict",
    "detect",
    "grade",
]
