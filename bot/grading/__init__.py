"""The grader: deterministic, explainable verdicts on the five customer-service criteria.

    from bot.grading import grade, detect
    grade(turns).to_json()

See ../shared/grading/SPEC.md for the contract.
"""

from bot.grading.auto_fail import AutoFail
from bot.grading.contact import Contact, contact_total
from bot.grading.detectors import BUILTIN_SIGNALS, CRITERIA, IntentMatcher, MessageSignals, detect
from bot.grading.grade import Addressed, Grade, Verdict, grade

__all__ = [
    "Addressed",
    "AutoFail",
    "BUILTIN_SIGNALS",
    "CRITERIA",
    "Contact",
    "Grade",
    "IntentMatcher",
    "MessageSignals",
    "Verdict",
    "detect",
    "contact_total",
    "grade",
]
