"""TEMPORARY: the names bot.web imports from here; see bot/training/dashboard_facade.py. Delete with it."""

from bot.training.dashboard_facade import Staff, WebOutcome, assignment_standing
from bot.training.outcome import Refused

Outcome = WebOutcome

__all__ = ["Outcome", "Refused", "Staff", "assignment_standing"]
