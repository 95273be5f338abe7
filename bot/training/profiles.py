"""Training profiles: the full name and badge (or employee) number a trainee's records carry.

A trainee sets their own (/profile asks for the name, then the number; or all at once with
`/profile Jordan Lee, 4471`). An instructor of one of their units (or an admin) may correct it, in chat
(`/profile <user_id> Jordan Lee, 4471`) or on the dashboard; that edit is audited and the trainee told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from bot.storage.audit import AuditLog
from bot.storage.profiles import Profile, ProfileTable, Prompt
from bot.storage.store import Store
from bot.training.access import Access
from bot.training.outcome import Notice, Outcome, Refused, number
from bot.transcript import User

PROMPT_MINUTES = 15
MAX_NAME, MAX_BADGE = 80, 20
NAME_EXAMPLE, BADGE_EXAMPLE = "Jordan Lee", "4471"
NAME_WORD = re.compile(r"^[^\W\d_]+(?:['\u2019.-][^\W\d_]*)*\.?$")
"""One word of a name: letters, with hyphens, apostrophes and periods inside or after (Mary-Jo, O'Neil, Jr.)."""
BADGE = re.compile(r"^[A-Z0-9]+(?:[- /][A-Z0-9]+)*$")
ASK_NAME = f"send your full name as your department's records have it, e.g. {NAME_EXAMPLE}."
ASK_BADGE = f"send your badge or employee number, e.g. {BADGE_EXAMPLE} or D-1187."


@dataclass(frozen=True)
class ProfileReply:
    """What a profile step answers, and whether the person's next message is awaited (a Cancel button then)."""

    outcome: Outcome
    asking: bool = False


def full_name_of(raw: str) -> str:
    """A full name as typed, tidied (single spaces); Refused, saying what to send, when it is not one."""
    name = " ".join(raw.split())
    if not name:
        raise Refused(f"Please {ASK_NAME}")
    if any(c.isdigit() for c in name):
        raise Refused(f"A name has no digits. First {ASK_NAME} Your badge number comes next.")
    if len(name) > MAX_NAME:
        raise Refused(f"That's over {MAX_NAME} characters. Please {ASK_NAME}")
    if "," in name:
        raise Refused(f"Please send it without commas, the way you sign it, e.g. {NAME_EXAMPLE} Jr.")
    words = name.split(" ")
    if not all(NAME_WORD.match(w) for w in words):
        raise Refused(f"Use letters, spaces, hyphens and apostrophes only, e.g. Mary-Jo O'Neil. Please {ASK_NAME}")
    if len(words) < 2:
        raise Refused(f"Please send your first and last name, e.g. {NAME_EXAMPLE}.")
    return name


def badge_of(raw: str) -> str:
    """A badge or employee number as records write it (upper case, single spaces); Refused when it is not one."""
    badge = " ".join(raw.split()).upper().removeprefix("#").strip()
    for word in ("BADGE NO.", "BADGE NO", "BADGE", "EMPLOYEE NO.", "EMPLOYEE"):
        badge = badge.removeprefix(word).strip(" :#")
    if not any(c.isdigit() for c in badge):
        raise Refused(f"A badge or employee number has at least one digit. Please {ASK_BADGE}")
    if len(badge) > MAX_BADGE or not BADGE.match(badge):
        raise Refused(f"Use letters, digits and dashes only (up to {MAX_BADGE}). Please {ASK_BADGE}")
    return badge


def split_line(text: str) -> tuple[str, str | None]:
    """ "Jordan Lee, 4471" or "Jordan Lee 4471" -> (name, badge); "Jordan Lee" -> (name, None)."""
    text = " ".join(text.split())
    if "," in text:
        name, _, badge = text.rpartition(",")
        if any(c.isdigit() for c in badge):
            return name.strip(), badge.strip()
    words = text.split(" ")
    if len(words) > 1 and any(c.isdigit() for c in words[-1]):
        return " ".join(words[:-1]), words[-1]
    if len(words) > 1 and any(c.isdigit() for c in words[0]):  # the number first: "4471 Jordan Lee"
        return " ".join(words[1:]), words[0]
    return text, None


def card(profile: Profile | None) -> str:
    if profile is None or not (profile.full_name or profile.badge):
        return "Name: not set\nBadge: not set"
    return f"Name: {profile.full_name or 'not set'}\nBadge: {profile.badge or 'not set'}"


class Profiles:
    def __init__(self, store: Store, access: Access, audit: AuditLog) -> None:
        self.store, self.access, self.audit = store, access, audit
        self.table = ProfileTable(store)

    def of(self, user_id: int) -> Profile | None:
        return self.table.get(user_id)

    # --- a trainee's own ------------------------------------------------------------------------------

    def command(self, actor: User, args: list[str]) -> ProfileReply:
        """/profile: ask for it step by step; /profile <name>, <badge>: set it at once;
        /profile <user_id> [name, badge]: an instructor shows or corrects a member's."""
        staff = self.access.role_of(actor.id) != "trainee"  # a trainee's number first is their badge
        if staff and args and args[0].isascii() and args[0].isdigit():
            return ProfileReply(self.by_staff(actor, args[0], " ".join(args[1:])))
        if args:
            return self.own_line(actor, " ".join(args))
        if self.store.active_attempt(actor.id) is not None:
            raise Refused("You're in a practice call: finish it (/end) first, then send /profile.")
        profile = self.table.get(actor.id)
        self.ask(actor.id, "name")
        if profile is not None and profile.full_name and profile.badge:
            head = f"Your training profile:\n{card(profile)}\n\nTo change it, {ASK_NAME} (Step 1 of 2.)"
        else:
            head = f"Your training records need your full name and badge number.\n\nStep 1 of 2: {ASK_NAME}"
        return ProfileReply(Outcome([head]), asking=True)

    def own_line(self, actor: User, line: str) -> ProfileReply:
        raw_name, raw_badge = split_line(line)
        name = full_name_of(raw_name)
        if raw_badge is None:
            self.ask(actor.id, "badge", name)
            return ProfileReply(Outcome([f"Thanks, {name}.\nStep 2 of 2: {ASK_BADGE}"]), asking=True)
        badge = self.free_badge(badge_of(raw_badge), actor.id)
        self.table.drop(actor.id)
        self.table.save(actor.id, name, badge)
        return ProfileReply(Outcome([saved(name, badge)]))

    def ask(self, user_id: int, step: str, full_name: str | None = None) -> None:
        expires = (self.store.clock() + timedelta(minutes=PROMPT_MINUTES)).isoformat(timespec="seconds")
        self.table.ask(user_id, Prompt(step, full_name, expires))

    def awaits_answer(self, user_id: int) -> bool:
        """A cheap first check for every text: False means it is surely no answer (no read)."""
        return self.table.may_be_asked(user_id)

    def answer(self, actor: User, text: str) -> ProfileReply | None:
        """The answer to the profile question the person was asked, or None: the text is not one (it goes
        to practice). Never during a practice call, never after the question lapsed."""
        prompt = self.table.prompt(actor.id)
        if prompt is None:
            return None
        if prompt.expires < self.store.now() or self.store.active_attempt(actor.id) is not None:
            self.table.drop(actor.id)
            return None
        try:
            if prompt.step == "name":
                raw_name, raw_badge = split_line(text)
                return self.own_line(actor, text if raw_badge is None else f"{raw_name}, {raw_badge}")
            badge = self.free_badge(badge_of(text), actor.id)
        except Refused as refusal:  # asked again: the question stays open
            self.ask(actor.id, prompt.step, prompt.full_name)
            return ProfileReply(Outcome([str(refusal)]), asking=True)
        self.table.drop(actor.id)
        self.table.save(actor.id, prompt.full_name or "", badge)
        return ProfileReply(Outcome([saved(prompt.full_name or "", badge)]))

    def cancel(self, actor: User) -> Outcome:
        had = self.table.drop(actor.id)
        profile = self.table.get(actor.id)
        if not had:
            return Outcome(["Nothing to cancel."])
        kept = "Your profile is unchanged." if profile and profile.full_name else "Nothing was saved."
        return Outcome([f"Cancelled. {kept} Send /profile when you're ready."])

    def free_badge(self, badge: str, user_id: int) -> str:
        if self.table.badge_holder(badge, user_id) is not None:
            raise Refused(
                f"Badge {badge} is already on another trainee's profile. Check the number and send it again, "
                "or ask your instructor."
            )
        return badge

    # --- an instructor's correction ---------------------------------------------------------------------

    def member(self, actor: User, user_id: int) -> Profile:
        """A profile the actor may edit: an admin's any; an instructor's, their units' members'."""
        self.access.require(actor, "instructor", "profile")
        profile = self.table.get(user_id)
        allowed = profile is not None and (
            self.access.role_of(actor.id) == "admin" or self.table.instructs(actor.id, user_id)
        )
        if not allowed:
            raise Refused(f"User {user_id} is not a member of any of your units. /results lists your trainees.")
        return profile

    def by_staff(self, actor: User, raw_id: str, line: str) -> Outcome:
        usage = f"/profile <user_id> <full name>, <badge>, e.g. /profile {raw_id} {NAME_EXAMPLE}, {BADGE_EXAMPLE}"
        profile = self.member(actor, number(raw_id, f"Usage: {usage}"))
        if not line.strip():
            return Outcome(
                [
                    f"{profile.first_name}'s training profile (user {profile.user_id}):\n{card(profile)}"
                    f"\n\nTo correct it: {usage}"
                ]
            )
        raw_name, raw_badge = split_line(line)
        if raw_badge is None:
            raise Refused(f"Send the name and the number together: {usage}")
        return self.edit(actor, profile.user_id, raw_name, raw_badge)

    def edit(self, actor: User, user_id: int, raw_name: str, raw_badge: str) -> Outcome:
        """An instructor sets a member's full name and badge (chat or dashboard): audited, and the member told."""
        before = self.member(actor, user_id)
        name, badge = full_name_of(raw_name), self.free_badge(badge_of(raw_badge), user_id)
        if (name, badge) == (before.full_name, before.badge):
            return Outcome([f"{before.first_name}'s training profile already reads:\n{card(before)}"])
        self.table.save(user_id, name, badge)
        self.audit.write(
            actor.id,
            "profile",
            f"profile of user {user_id}: full name \u201c{before.full_name or ''}\u201d \u2192 \u201c{name}\u201d, "
            f"badge \u201c{before.badge or ''}\u201d \u2192 \u201c{badge}\u201d",
        )
        after = Profile(user_id, before.first_name, name, badge)
        notice = (
            f"Your instructor updated your training profile:\n{card(after)}\n\n"
            "If anything is wrong, send /profile to correct it."
        )
        chat_id = self.store.user(user_id)["chat_id"]
        return Outcome(
            [f"Saved {before.first_name}'s training profile (user {user_id}):\n{card(after)}\nThey have been told."],
            [Notice(chat_id, notice)],
        )


def saved(name: str, badge: str) -> str:
    return f"Saved for your training records:\nName: {name}\nBadge: {badge}\n\n/profile changes them."
