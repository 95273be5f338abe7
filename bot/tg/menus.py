"""Each role's command menu and /help text: plain data (the delivery process sets menus without handlers)."""

from __future__ import annotations

HELP = (
    "/practice \u2013 choose a practice call (or /practice <id> to start one)\n"
    "/hint \u2013 a coaching hint for this moment of the call\n"
    "/end \u2013 finish now and get your scorecard\n"
    "/history \u2013 your past calls: tap one for its scorecard and transcript, or to ask for a review\n"
    "/progress \u2013 a chart of your results over time\n"
    "/help \u2013 this list\n\n"
    "During a call, just type what you would say. You're graded on greeting, empathy, testing questions, "
    "offering more help and appreciation."
)
COMMANDS = [
    ("practice", "Choose a practice call"),
    ("hint", "A hint for this moment of the call"),
    ("end", "Finish the call and get your scorecard"),
    ("history", "Your past calls: scorecards, transcripts, reviews"),
    ("progress", "Chart of your results over time"),
    ("help", "What this bot does"),
]

TRAINEE_MENU = [
    *COMMANDS,
    ("join", "Join a unit with its code"),
    ("leave", "Leave a unit"),
    ("assignments", "What is assigned to you"),
    ("profile", "Your full name and badge for your records"),
    ("whoami", "Your user id and role"),
]
INSTRUCTOR_MENU = [
    *TRAINEE_MENU,
    ("results", "Your units this month (or a period): summary, then tap a trainee"),
    ("behind", "Who hasn't passed an assignment; remind them"),
    ("units", "Your units, members and codes"),
    ("assign", "Assign a call (tap, or /assign <id> <code> [date] [pass mark])"),
    ("report", "A period's report and trends: /report [code] [period]"),
    ("export", "CSV of attempts: /export [code] [month]"),
    ("completions", "Completed training file: /completions [code] [month]"),
    ("newunit", "Create a unit: /newunit <name>"),
    ("revoke", "Stop a join code: /revoke <code>"),
    ("newcode", "A new join code: /newcode <code>"),
    ("rename", "Rename a unit: /rename <code> <new name>"),
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
    HELP + "\n\n/join <code> \u2013 join your unit\n/leave \u2013 leave a unit\n"
    "/assignments \u2013 what your instructor assigned\n"
    "/profile \u2013 your full name and badge number for your training records\n"
    "/whoami \u2013 your user id and role"
)
INSTRUCTOR_HELP = (
    "\n\nInstructor:\n/results \u2013 your units at a glance; tap a unit, a trainee, a call, then a criterion "
    "to override it\n/behind \u2013 who hasn't passed each assignment, by name, with Remind buttons\n"
    "/units \u2013 codes, with Results, Report, CSV and Manage buttons (share the join link, remove someone, "
    "rename, archive)\n"
    "/assign \u2013 tap a call, a unit and a due date (or /assign <scenario_id> <code> [date] [pass mark] for a "
    "date of your own and a pass mark)\n"
    "/rename <code> <new name> \u2013 rename a unit\n"
    "/report [code] [period] \u2013 this month's report (or this-week, last-week, last-month, 2026-11, "
    "2026-11-01..2026-11-15) with buttons for the period and each unit, and a chart of each step week by week\n"
    "/export [code] [period] \u2013 a CSV of results, one row per call (a period: 2026-11, 2026, or "
    "2026-11-01..2026-11-15)\n"
    "/completions [code] [period] \u2013 completed training for your records system: who passed which call\n"
    "/profile <user_id> <full name>, <badge> \u2013 correct a member's training profile\n"
    "/newunit <name>, /revoke <code>, /newcode <code>, /addinstructor <code> <user_id>\n"
    "/transcript <attempt_id>, /override <attempt_id> <criterion> met|missed <reason>\n"
    "/dashboard \u2013 your units in a web page (a button, or a one-time link for a browser)\n"
    "A trainee's review request comes with Open the call (override it there) and Dismiss with a reply."
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
