"""The department's rules: what instructors, admins and trainees in a unit may do, and what follows.

    department.py   every rule below, built once over a store and a library (`Department`)
    access.py       roles, the units a person instructs, the attempts they may see
    people.py       promoting and demoting, who someone is, the audit log
    audit_trail.py  the audit log as staff read it: who may read which entries, names, local times
    audit_words.py  each audit action and detail in plain words
    units.py        units, join codes, members, co-instructors
    membership.py   joining (a late joiner's own dates), leaving, removing someone, renaming, archiving
    dates.py        due dates typed in the agency's format or tapped, grace periods, the reminder hour
    assignments.py  assigning a call to a unit, due dates, pass marks, who is told, a trainee's list
    standings.py    pass marks; who passed each assignment, who tried, who has not started, who is overdue
    reminders.py    an instructor's reminders to those behind: once a day each, audited, owed as notices
    results.py      typed read models of how units and members are doing
    reviews.py      one attempt as an instructor sees it
    overrides.py    changing a verdict (by command, by taps and a reason, by form)
    notices.py      reminders, completions told to instructors, weekly digests
    reports.py      /report and /export: scope, text, charts, CSV
    outcome.py      what a rule returns: Outcome, Notice, Deferred, Refused; what notices owe the outbox

No screens here: no buttons, callback data or pagination (they are the edges', e.g. bot.tg),
and no SQL (bot.storage). The chat (bot.tg) and the dashboard (bot.web) call these same public rules.
"""
