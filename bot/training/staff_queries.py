"""TEMPORARY: the reads bot.web imports from here, now in bot.storage.staff_reads; see
bot/training/dashboard_facade.py. Delete with it."""

from bot.storage.staff_reads import attempt_count, member_detail, members_of_unit, unit_overview, unit_weekly

__all__ = ["attempt_count", "member_detail", "members_of_unit", "unit_overview", "unit_weekly"]
