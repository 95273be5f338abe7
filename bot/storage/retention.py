"""Records kept only as long as the department says (agency.yaml, bot.config.Retention).

Trainees' words are the personal data of a call: the transcript, the evidence the grade quoted
from it (in results, facts and automatic fails), what the visitor heard them say, and the
instructors' override reasons about it, a review request's reason and reply. After `words_days` they are purged;
the attempt, its total and its verdicts stay, so reports and progress charts keep their numbers. Audit entries
go after `audit_days`; used or lapsed sign-in links at once.

`PRAGMA secure_delete` (bot.storage.database) zeroes what is deleted, and a checkpoint empties
the WAL afterwards, so purged words cannot be read back from the files.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlite_utils import Database

from bot.config import Retention
from bot.storage.database import checkpoint
from bot.storage.store import Store

WORDS_KEYS = frozenset({"evidence", "said"})
"""Keys under which a stored grade quotes what was said (facts, wrong information, automatic fails)."""
CHUNK = 500


@dataclass(frozen=True)
class Purged:
    attempts: int
    audit_entries: int
    sign_in_links: int
    checkpointed: bool

    def describe(self) -> str:
        return (
            f"purged the words of {self.attempts} attempts, {self.audit_entries} audit entries and "
            f"{self.sign_in_links} used or lapsed sign-in links"
        )


def purge(store: Store, retention: Retention, wait_seconds: float = 15.0, limit: int | None = None) -> Purged:
    """Purge what is past its retention; the scores and verdicts stay. Audited when anything went.

    `limit`: at most this many attempts in one go (the bot's hourly job, so a first purge of a
    years-old database never holds up trainees for long: it catches up hour by hour)."""
    now = store.clock()
    words_cutoff = (now - timedelta(days=retention.words_days)).isoformat(timespec="seconds")
    audit_cutoff = (now - timedelta(days=retention.audit_days)).isoformat(timespec="seconds")
    with store.db.atomic():
        expired = [
            r[0]
            for r in store.db.execute(
                "select id from attempts where words_purged_at is null "
                "and (finished_at < ? or (finished_at is null and started_at < ?)) order by id limit ?",
                [words_cutoff, words_cutoff, -1 if limit is None else limit],
            ).fetchall()
        ]
        scrub_words(store.db, expired, store.now())
        audit = store.db.execute("delete from audit where at < ?", [audit_cutoff]).rowcount
        links = store.db.execute(
            "delete from web_links where used_at is not null or expires < ?", [store.now()]
        ).rowcount
        if expired or audit:
            store.db.execute(
                "insert into audit (at, actor, action, detail) values (?, 0, 'retention', ?)",
                [
                    store.now(),
                    f"purged the words of {len(expired)} attempts ended before {words_cutoff[:10]} "
                    f"(kept {retention.words_days} days) and {audit} audit entries before {audit_cutoff[:10]} "
                    f"(kept {retention.audit_days} days)",
                ],
            )
    done = checkpoint(store.db, wait_seconds) if (expired or audit or links) else True
    return Purged(len(expired), audit, links, done)


def scrub_words(db: Database, attempt_ids: Sequence[int], now: str) -> None:
    """Remove everything said in these attempts, inside the caller's transaction; keep totals and verdicts.
    An attempt still open is closed (abandoned): its conversation is gone."""
    for start in range(0, len(attempt_ids), CHUNK):
        ids = list(attempt_ids[start : start + CHUNK])
        marks = ",".join("?" * len(ids))
        db.execute(f"delete from turns where attempt_id in ({marks})", ids)
        db.execute(f"update results set evidence = null where attempt_id in ({marks})", ids)
        db.execute(f"update overrides set reason = null where attempt_id in ({marks})", ids)
        db.execute(f"update review_requests set reason = null, answer = null where attempt_id in ({marks})", ids)
        rows = db.execute(f"select id, addressed, auto_fail, visitor from attempts where id in ({marks})", ids)
        for attempt_id, addressed, auto_fail, visitor in rows.fetchall():
            db.execute(
                "update attempts set addressed = ?, auto_fail = ?, visitor = ?, words_purged_at = ?, "
                "status = case status when 'active' then 'abandoned' else status end, "
                "finished_at = coalesce(finished_at, ?) where id = ?",
                [_scrubbed(addressed), _scrubbed(auto_fail), _forget_heard(visitor), now, now, attempt_id],
            )
            # an override's audit entry ends with its reason: "attempt 12 greeting -> missed: <reason>"; a review
            # request's with the trainee's reason or the instructor's reply
            db.execute(
                "update audit set detail = substr(detail, 1, instr(detail, ':') - 1) "
                "where action in ('override', 'review_ask', 'review_answer') and detail like ? "
                "and instr(detail, ':') > 0",
                [f"attempt {attempt_id} %"],
            )


def _scrubbed(raw: str | None) -> str | None:
    if not raw:
        return raw
    return json.dumps(_without_words(json.loads(raw)), ensure_ascii=False)


def _without_words(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: (None if k in WORDS_KEYS else _without_words(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_words(v) for v in value]
    return value


def _forget_heard(raw: str | None) -> str | None:
    """The saved visitor keeps its state and mood; what the trainee told it goes."""
    if not raw:
        return raw
    visitor = json.loads(raw)
    if isinstance(visitor, dict):
        visitor.update({k: v for k, v in {"heard": [], "last_line": ""}.items() if k in visitor})
    return json.dumps(visitor)
