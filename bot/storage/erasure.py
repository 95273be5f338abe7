"""Erase a person who leaves the department: their names (Telegram's and their training profile's, with their
badge), username, words, sessions, and the xAPI statements about them not yet sent.

What stays is anonymous: their attempts' totals and verdicts (so a unit's figures do not
change), under their numeric id with the name "(erased)". Messages still owed to them are
dropped; their name is blanked in messages owed to others and in the audit log. The erasure
itself is audited, naming only the id. Deleted rows are zeroed (secure_delete) and the WAL
emptied, so the name cannot be read back from the files.

`erase_person(store, person_id, actor)` is the whole of it: the CLI (`deskdrill erase-person`)
calls it, and an admin chat command can, after its confirmation, in one line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.storage.database import checkpoint
from bot.storage.retention import scrub_words
from bot.storage.store import Store

ERASED_NAME = "(erased)"


class ErasureError(ValueError):
    """The person cannot be erased (unknown id); the message says why."""


@dataclass(frozen=True)
class Erased:
    person_id: int
    attempts: int
    sessions: int
    messages: int
    checkpointed: bool

    def describe(self) -> str:
        return (
            f"erased person {self.person_id}: name, username, the words of {self.attempts} attempts, "
            f"{self.sessions} dashboard sessions and links, {self.messages} messages; totals kept"
        )


def erase_person(store: Store, person_id: int, actor: int = 0, wait_seconds: float = 15.0) -> Erased:
    """Erase the person (see the module); `actor` is who asked (0: the command line)."""
    row = store.db.execute("select first_name, username, full_name from users where id = ?", [person_id]).fetchone()
    if row is None:
        raise ErasureError(f"there is no person with id {person_id} (a Telegram user id, as /results shows it)")
    names = [n for n in (row[0], row[1] and f"@{row[1]}", row[1], row[2]) if n and n != ERASED_NAME and len(n) >= 2]
    db = store.db
    with db.atomic():
        attempts = [r[0] for r in db.execute("select id from attempts where user_id = ?", [person_id]).fetchall()]
        scrub_words(db, attempts, store.now())
        db.execute(
            "update users set first_name = ?, username = null, full_name = null, badge = null, erased_at = ? "
            "where id = ?",
            [ERASED_NAME, store.now(), person_id],
        )
        db.execute("delete from profile_prompts where user_id = ?", [person_id])
        db.execute(  # statements carry their name: wiped, and those not yet sent never will be (nor queued again)
            "update xapi_queue set body = '[]', failed = case when sent is null then 'person erased' end "
            "where user_id = ?",
            [person_id],
        )
        db.execute(  # an instructor's edit of their profile names them and their badge
            "update audit set detail = ? where action = 'profile' and detail glob ?",
            [f"profile of user {person_id}: {ERASED_NAME}", f"profile of user {person_id}:*"],
        )
        sessions = db.execute("delete from web_sessions where user_id = ?", [person_id]).rowcount
        sessions += db.execute("delete from web_links where user_id = ?", [person_id]).rowcount
        db.execute("delete from pending_reasons where user_id = ?", [person_id])
        db.execute("delete from review_waits where user_id = ?", [person_id])
        messages = db.execute("delete from outbox where chat_id = ?", [person_id]).rowcount
        messages += _forget_their_updates(store, person_id)
        for name in names:
            _blank(store, name)
        db.execute(
            "insert into audit (at, actor, action, detail) values (?, ?, 'erase', ?)",
            [
                store.now(),
                actor,
                f"person {person_id}: name, username, words of {len(attempts)} attempts and "
                f"{sessions} sessions removed; totals kept",
            ],
        )
    done = checkpoint(db, wait_seconds)
    return Erased(person_id, len(attempts), sessions, messages, done)


def _forget_their_updates(store: Store, person_id: int) -> int:
    """Updates they sent that are still waiting in the inbox (their name and words are in the body)."""
    gone = 0
    for update_id, body in store.db.execute("select update_id, body from inbox").fetchall():
        if str(person_id) in body and _sender(json.loads(body)) == person_id:
            store.db.execute("delete from inbox where update_id = ?", [update_id])
            gone += 1
    return gone


def _sender(update: dict) -> int | None:
    for value in update.values():
        if isinstance(value, dict) and isinstance(value.get("from"), dict):
            return value["from"].get("id")
    return None


def _blank(store: Store, name: str) -> None:
    """Their name in messages owed to others ("Alex joined Day shift") and in audit entries."""
    needle = json.dumps(name, ensure_ascii=False)[1:-1]  # as it appears inside a JSON string
    store.db.execute(
        "update outbox set body = replace(body, ?, ?) where instr(body, ?) > 0", [needle, ERASED_NAME, needle]
    )
    store.db.execute(
        "update audit set detail = replace(detail, ?, ?) where instr(detail, ?) > 0", [name, ERASED_NAME, name]
    )
