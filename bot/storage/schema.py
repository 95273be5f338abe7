"""The database's schema: every migration, in order, and the verdict columns they add to attempts.

`Store` applies what is pending when it opens the file (under the write lock, so two processes
starting at once migrate once). A migration never changes after it is released: a new schema
is a new migration at the end.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database, Migrations

from bot.grading import CRITERIA

migrations = Migrations("deskdrill")


DELIVERY_COLUMNS = {"created": float, "next_at": float, "tries": int, "sent": float, "failed": str}
"""What a queue of things owed (the outbox, the xAPI queue) keeps for each: when it was made, when to try next,
how often it was tried, when it went, and why it was given up."""


@migrations()
def m001_initial(db: Database) -> None:
    db["users"].create(
        {"id": int, "chat_id": int, "first_name": str, "username": str, "role": str, "joined_at": str},
        pk="id",
        not_null={"role"},
        defaults={"role": "trainee"},
    )
    db["attempts"].create(
        {
            "id": int,
            "user_id": int,
            "chat_id": int,
            "scenario_id": str,
            "seed": int,
            "status": str,
            "started_at": str,
            "finished_at": str,
            "visitor": str,
            "total": int,
            "resolved": int,
            "completed": int,
        },
        pk="id",
        foreign_keys=[("user_id", "users", "id")],
        not_null={"user_id", "scenario_id", "status"},
    )
    db["attempts"].create_index(["user_id", "status"])
    of_an_attempt = [("attempt_id", "attempts", "id")]
    turn = {"id": int, "attempt_id": int, "idx": int, "role": str, "text": str, "at": str}
    db["turns"].create(turn, pk="id", foreign_keys=of_an_attempt)
    db["turns"].create_index(["attempt_id", "idx"], unique=True)
    result = {"attempt_id": int, "criterion": str, "met": int, "score": float, "evidence": str, "turn": int, "tip": str}
    db["results"].create(result, pk=("attempt_id", "criterion"), foreign_keys=of_an_attempt)
    db["updates"].create({"update_id": int, "chat_id": int, "outbox": str, "delivered": int, "at": str}, pk="update_id")


@migrations()
def m002_units_and_audit(db: Database) -> None:
    """Instructors and admins: units, members, assignments, overrides, reminders, audit log."""
    db["units"].create(
        {"id": int, "name": str, "code": str, "created_by": int, "created_at": str, "revoked_at": str},
        pk="id",
        not_null={"name", "code"},
    )
    db["units"].create_index(["code"], unique=True)
    db["unit_members"].create(
        {"unit_id": int, "user_id": int, "joined_at": str},
        pk=("unit_id", "user_id"),
        foreign_keys=[("unit_id", "units", "id"), ("user_id", "users", "id")],
    )
    db["unit_instructors"].create(
        {"unit_id": int, "user_id": int},
        pk=("unit_id", "user_id"),
        foreign_keys=[("unit_id", "units", "id"), ("user_id", "users", "id")],
    )
    db["assignments"].create(
        {"id": int, "unit_id": int, "scenario_id": str, "due": str, "assigned_by": int, "assigned_at": str},
        pk="id",
        foreign_keys=[("unit_id", "units", "id")],
    )
    db["assignments"].create_index(["unit_id", "scenario_id"], unique=True)
    db["overrides"].create(
        {"id": int, "attempt_id": int, "criterion": str, "original_met": int, "met": int, "reason": str,
         "by": int, "at": str},  # who overrode it, and when
        pk="id",
        foreign_keys=[("attempt_id", "attempts", "id")],
    )
    db["reminders"].create(
        {"user_id": int, "assignment_id": int, "kind": str, "at": str}, pk=("user_id", "assignment_id", "kind")
    )
    db["audit"].create({"id": int, "at": str, "actor": int, "action": str, "detail": str}, pk="id")


@migrations()
def m003_outbox_and_privacy(db: Database) -> None:
    """A real outbox, reminders that count only once delivered, groups told once, joined units' history."""
    db["outbox"].create(
        {"id": int, "chat_id": int, "body": str, "source": str, **DELIVERY_COLUMNS},
        pk="id",
        not_null={"chat_id", "body"},
    )
    db.execute("create index outbox_pending on outbox (chat_id, id) where sent is null and failed is null")
    db["reminders"].add_column("delivered_at", str)
    db["updates"].create_index(["at"])
    db["group_chats"].create({"chat_id": int, "told_at": str}, pk="chat_id")
    db["inbox"].create({"update_id": int, "body": str, "at": str}, pk="update_id")


@migrations()
def m004_contact_totals(db: Database) -> None:
    """The contact as a whole (SPEC): automatic fails, facts given, criteria not applicable;
    then every finished attempt re-totalled under the new rule from its stored verdicts
    (overrides included) and its transcript, re-graded for facts and automatic fails only."""
    db["attempts"].add_column("auto_fail", str)
    db["attempts"].add_column("addressed", str)
    db["results"].add_column("applicable", int, not_null_default=1)
    if db.execute("select count(*) from attempts where status = 'finished'").fetchone()[0]:
        from bot.storage.stored_totals import bundled_scenarios, retotal_finished

        retotal_finished(db, bundled_scenarios())


@migrations()
def m005_staff_scale(db: Database) -> None:
    """Staff at scale: indexes for aggregates, notices held during a live call, pending override
    reasons, completed assignments (for instructors' batched notices) and weekly digests."""
    db.execute(
        "create index if not exists attempts_user_scenario on attempts (user_id, scenario_id, status, started_at)"
    )
    for criterion in CRITERIA:
        db["attempts"].add_column(f"v_{criterion}", int)
    sync_verdicts(db)
    verdicts = ", ".join(f"v_{c}" for c in CRITERIA)
    db.execute(
        "create index attempts_user_totals on attempts "
        f"(user_id, status, started_at, total, finished_at, auto_fail, id, {verdicts})"
    )
    db.execute("create index if not exists unit_members_user on unit_members (user_id, unit_id)")
    db.execute("create index if not exists overrides_attempt on overrides (attempt_id)")
    db.execute("create index if not exists reminders_kind on reminders (user_id, kind)")
    db["outbox"].add_column("hold", int)
    db["pending_reasons"].create(
        {"user_id": int, "attempt_id": int, "criterion": str, "met": int, "expires": str}, pk="user_id"
    )
    db["completions"].create(
        {"assignment_id": int, "user_id": int, "unit_id": int, "attempt_id": int, "at": str, "told_at": str},
        pk=("assignment_id", "user_id"),
    )
    db.execute("create index completions_untold on completions (unit_id) where told_at is null")
    db["digests"].create({"user_id": int, "week": str, "at": str}, pk=("user_id", "week"))
    db["digest_optout"].create({"user_id": int, "at": str}, pk="user_id")


@migrations()
def m006_web_sign_in(db: Database) -> None:
    """The web dashboard: one-time sign-in links and sessions, each stored as a SHA-256 of its secret."""
    db["web_links"].create(
        {"token_hash": str, "user_id": int, "expires": str, "used_at": str}, pk="token_hash", not_null={"user_id"}
    )
    db["web_sessions"].create(
        {"token_hash": str, "user_id": int, "csrf": str, "created_at": str, "seen_at": str},
        pk="token_hash",
        not_null={"user_id", "csrf", "seen_at"},
    )


@migrations()
def m007_audit_filters(db: Database) -> None:
    """The dashboard's audit log filtered by action, and its list of actions, without a scan."""
    db.execute("create index if not exists audit_action on audit (action, id)")


@migrations()
def m008_records(db: Database) -> None:
    """Records a department can defend (docs/records.md): each attempt's scenario as it was (a content
    hash; the text once per hash) and the grader version that scored it; when its words were purged;
    people erased."""
    db["scenario_texts"].create({"hash": str, "scenario_id": str, "text": str}, pk="hash", not_null={"text"})
    db["attempts"].add_column("scenario_hash", str)
    db["attempts"].add_column("grader_version", str)
    db["attempts"].add_column("words_purged_at", str)
    db["users"].add_column("erased_at", str)
    db.execute("create index if not exists attempts_unpurged on attempts (finished_at) where words_purged_at is null")
    db.execute("create index if not exists audit_at on audit (at)")


@migrations()
def m009_pass_marks(db: Database) -> None:
    """An assignment is done when passed, not merely tried: an assignment's own pass mark (NULL: agency.yaml's),
    and a completion per finished attempt at it (not only the first), so a pass after a failed try is told too."""
    db["assignments"].add_column("pass_mark", int)
    db["completions"].transform(pk=("assignment_id", "user_id", "attempt_id"))
    db.execute("create index if not exists completions_untold on completions (unit_id) where told_at is null")


@migrations()
def m010_training_records(db: Database) -> None:
    """Records a training office accepts: each trainee's full name and badge (or employee) number, the profile
    question the bot waits for an answer to, and the xAPI statements owed to a Learning Record Store (a queue
    like the outbox: nothing is lost while the LRS is down)."""
    db["users"].add_column("full_name", str)
    db["users"].add_column("badge", str)
    db.execute("create index if not exists users_badge on users (badge) where badge is not null")
    db["profile_prompts"].create({"user_id": int, "step": str, "full_name": str, "expires": str}, pk="user_id")
    db["xapi_queue"].create(
        {"id": int, "attempt_id": int, "user_id": int, "body": str, **DELIVERY_COLUMNS, "error": str},
        pk="id",
        not_null={"attempt_id", "body"},
    )
    db.execute("create unique index xapi_queue_attempt on xapi_queue (attempt_id)")
    db.execute("create index xapi_queue_pending on xapi_queue (next_at, id) where sent is null and failed is null")
    db["xapi_state"].create({"key": str, "value": str}, pk="key")
    db.execute("create index if not exists attempts_finished on attempts (finished_at)")


@migrations()
def m011_review_requests(db: Database) -> None:
    """A trainee asks for a review of one verdict (a criterion or a fact) with a line of why; at most one open
    request per verdict. The reason (or an instructor's reply) they are about to type waits in `review_waits`."""
    db["review_requests"].create(
        {"id": int, "attempt_id": int, "user_id": int, "subject": str, "reason": str, "status": str, "asked_at": str}
        | {"answered_by": int, "answered_at": str, "answer": str},  # the instructor's answer, once given
        pk="id",
        foreign_keys=[("attempt_id", "attempts", "id")],
        not_null={"attempt_id", "user_id", "subject", "status"},
    )
    db.execute(
        "create unique index review_requests_open on review_requests (attempt_id, subject) where status = 'open'"
    )
    db.execute("create index review_requests_attempt on review_requests (attempt_id)")
    db["review_waits"].create(
        {"user_id": int, "attempt_id": int, "subject": str, "request_id": int, "expires": str}, pk="user_id"
    )


@migrations()
def m012_report_periods(db: Database) -> None:
    """Reports over a period. Each attempt's facts in figures, kept by triggers from its stored `addressed`
    whichever code writes it (grading, a regrade, the retention purge): `facts_asked` (the facts its visitor
    needed), `facts_right` (given right) and `wrong_info` (1 when it told the person something wrong, as
    standings.misinformed). An index then seeks each member's calls finished in a period and holds every figure
    a report needs, so a month of all units reads no row of the table (whose rows carry whole visitors)."""
    for column in FACT_COLUMNS:
        db["attempts"].add_column(column, int)
    db.execute(f"update attempts set {fact_figures('attempts')} where addressed is not null")
    for event in ("insert", "update of addressed"):
        name = "attempts_facts_" + event.split()[0]
        db.execute(
            f"create trigger if not exists {name} after {event} on attempts "
            f"begin update attempts set {fact_figures('new')} where id = new.id; end"
        )
    verdicts = ", ".join(f"v_{c}" for c in CRITERIA)
    db.execute(
        "create index if not exists attempts_user_finished on attempts "
        f"(user_id, status, finished_at, started_at, total, auto_fail, {verdicts}, {', '.join(FACT_COLUMNS)})"
    )


FACT_COLUMNS = ("facts_asked", "facts_right", "wrong_info")


def fact_figures(row: str) -> str:
    """SET clauses deriving FACT_COLUMNS from `row`.addressed (a value that is not JSON counts nothing)."""
    facts = f"json_each(case when json_valid({row}.addressed) then {row}.addressed end, '$.facts') f"
    right = (
        "f.type != 'null' and (f.type != 'object' "
        "or coalesce(json_extract(f.value, '$.status'), 'given') not in ('partly', 'wrong', 'missing'))"
    )
    wrong = (
        f"exists (select 1 from {facts} where json_extract(f.value, '$.status') = 'wrong') or "
        f"coalesce(json_array_length(case when json_valid({row}.addressed) then {row}.addressed end, "
        "'$.wrong_information'), 0) > 0"
    )
    return (
        f"facts_asked = (select count(*) from {facts}), facts_right = (select count(*) from {facts} where {right}), "
        f"wrong_info = ({wrong})"
    )


@migrations()
def m013_membership_and_dates(db: Database) -> None:
    """Fair dates and membership: a late joiner's own due date (the grace period from the day they joined), units
    archived (kept, hidden from active lists, taking no members), and a rename waiting for its confirming tap."""
    db["unit_members"].add_column("grace_until", str)
    db["units"].add_column("archived_at", str)
    db["unit_renames"].create({"user_id": int, "unit_id": int, "name": str, "expires": str}, pk="user_id")


@migrations()
def m014_xapi_corrections(db: Database) -> None:
    """Corrected results for a Learning Record Store: an override or a regrade of a call whose statements were
    queued owes a correction (`xapi_corrections`, written with the change); it is queued as another row of the
    attempt in `xapi_queue`, its `revision` the correction's id (0: the call's first statements)."""
    db["xapi_queue"].add_column("revision", int, not_null_default=0)
    db.execute("drop index if exists xapi_queue_attempt")
    db.execute("create unique index xapi_queue_attempt_revision on xapi_queue (attempt_id, revision)")
    db["xapi_corrections"].create(
        {"id": int, "attempt_id": int, "why": str, "created": str}, pk="id", not_null={"attempt_id", "why"}
    )


VERDICT_COLUMNS = ", ".join(f"v_{c} = ?" for c in CRITERIA)
"""An UPDATE's assignments of every verdict column, in CRITERIA's order: a new grade writes them from
itself (`verdict_column`), in the statement that finishes the attempt, with nothing to derive again."""


def verdict_column(verdict: Any) -> int | None:
    """A criterion's verdict column: 1 met, 0 missed, NULL not applicable (or not graded), as `sync_verdicts`."""
    if verdict is None or not verdict.applicable or verdict.met is None:
        return None
    return int(verdict.met)


def sync_verdicts(db: Database, attempt_id: int | None = None) -> None:
    """Copy each criterion's verdict (1 met, 0 missed, NULL n/a) onto its attempt's row (`v_<criterion>`),
    so reports aggregate 100,000 attempts from one covering index instead of half a million results.
    Derived from the stored results: for migration m005 and a regrade; a new grade writes them itself."""
    columns = ", ".join(
        f"v_{c} = (select case when r.applicable then r.met end from results r "
        f"where r.attempt_id = attempts.id and r.criterion = '{c}')"
        for c in CRITERIA
    )
    where, params = (" where id = ?", [attempt_id]) if attempt_id is not None else ("", [])
    db.execute(f"update attempts set {columns}{where}", params)
