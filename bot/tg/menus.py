"""Each role's command menu and /help text."""

from __future__ import annotations

from bot.tg.trainee import COMMANDS, HELP

TRAINEE_MENU = [
    *COMMANDS,
    ("join", "Join a unit with its code"),
    ("assignments", "What is assigned to you"),
    ("whoami", "Your user id and role"),
]
INSTRUCTOR_MENU = [
    *TRAINEE_MENU,
    ("results", "Your units: summary, then tap a trainee"),
    ("behind", "Who hasn't passed an assignment; remind them"),
    ("units", "Your units, members and codes"),
    ("assign", "Assign a call (tap, or /assign <id> <code> [date] [pass mark])"),
    ("report", "Pass rates and charts: /report [code]"),
    ("export", "CSV of attempts: /export [code]"),
    ("newunit", "Create a unit: /newunit <name>"),
    ("revoke", "Stop a join code: /revoke <code>"),
    ("newcode", "A new join code: /newcode <code>"),
    ("addinstructor", "/addinstructor <code> <user_id>"),
    ("transcript", "A whole attempt: /transcript <attempt_id>"),
    ("override", "/override <attempt> <criterion> met|missed <reason>"),
    ("dashboard", "Open the web dashboard"),
]
ADMIN_MENU = [
    *INSTRUCTOR_MENU,
    ("promote", "Make an instructor: id, @username or forward"),
    ("demote", "Make an instructor a trainee"),
    ("audit", "The last 20 audit entries"),
    ("erase", "Erase a person who left"),
]
TRAINEE_HELP = (
    HELP + "\n\n/join <code> \u2013 join your unit\n/assignments \u2013 what your instructor assigned\n"
    "/whoami \u2013 your user id and role"
)
INSTRUCTOR_HELP = (
    "\n\nInstructor:\n/results \u2013 your units at a glance; tap a unit, a trainee, a call, then a criterion "
    "to override it\n/behind \u2013 who hasn't passed each assignment, by name, with Remind buttons\n"
    "/units \u2013 codes, with Results, Report and CSV buttons\n"
    "/assign \u2013 tap a call and a unit (or /assign <scenario_id> <code> YYYY-MM-DD [pass mark] for a due date "
    "and a pass mark of its own)\n"
    "/report [code], /export [code] \u2013 pass rates and charts, a CSV file\n"
    "/newunit <name>, /revoke <code>, /newcode <code>, /addinstructor <code> <user_id>\n"
    "/transcript <attempt_id>, /override <attempt_id> <criterion> met|missed <reason>\n"
    "/dashboard \u2013 your units in a web page (a button, or a one-time link for a browser)"
)
ADMIN_HELP = (
    "\n\nAdmin:\n/promote <user_id or @username>, or forward me any message from the person\n"
    "/demote <user_id>\n/audit \u2013 the last 20 audit entries\n"
    "/erase <user_id> \u2013 erase a person who left (asks first; their scores stay, anonymous)"
)
HELPS = {
    "trainee": TRAINEE_HELP,
    "instructor": TRAINEE_HELP + INSTRUCTOR_HELP,
    "admin": TRAINEE_HELP + INSTRUCTOR_HELP + ADMIN_HELP,
}
MENUS = {"trainee": TRAINEE_MENU, "instructor": INSTRUCTOR_MENU, "admin": ADMIN_MENU}
