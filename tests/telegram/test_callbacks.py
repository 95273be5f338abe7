"""Every button's callback data: each kind round-trips, the data already sent decodes, the rest is refused."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from bot.storage.offers import start_button as outbox_start_button
from bot.tg import callbacks as cb
from bot.tg.pages import start_button
from bot.training.outcome import Notice, Offer, owed

EVERY_KIND = [
    cb.AllUnits(2),
    cb.UnitResults(4, 0),
    cb.ResultsFor(0, "last-week", 1),
    cb.ResultsFor(4, "2026-11-01..2026-11-15", 2),
    cb.TraineeResults(4, 123456789, 3),
    cb.Transcript(981),
    cb.OverrideAsk(981, 4),
    cb.OverrideConfirm(981, 0),
    cb.OverrideTo(981, 0, 1),
    cb.OverrideCancel(),
    cb.AssignCall("towed-car"),
    cb.AssignToUnit("towed-car", 7),
    cb.Report(7),
    cb.ReportFor(7, "last-month", 0),
    cb.ReportFor(0, "2026-11-01..2026-11-15", 2),
    cb.Export(7),
    cb.ExportFor(0, "2026-11"),
    cb.Promote(5550170),
    cb.Demote(5550170),
    cb.Erase(5550170),
    cb.EraseCancel(),
    cb.DigestOff(),
    cb.Behind(0),
    cb.OnAssignment(31),
    cb.Remind(31, 0),
    cb.Remind(31, 123456789),
    cb.TranscriptPage(981, 2),
    cb.ReviewAnswer(31),
    cb.CallList(1),
    cb.History(2),
    cb.OwnCall(981),
    cb.OwnTranscript(981, 1),
    cb.ReviewPick(981),
    cb.ReviewAsk(981, 6),
    cb.ReviewCancel(),
    cb.AssignDue("spanish-family-interpreter", 123456, 20261208),
    cb.AssignDue("towed-car", 7, 0),
    cb.ManageUnit(7),
    cb.UnitPeople(7, 1),
    cb.RemoveAsk(7, 123456789, 0),
    cb.RemoveDo(7, 123456789, 1),
    cb.RenameHow(7),
    cb.RenameDo(7),
    cb.ArchiveAsk(7),
    cb.ArchiveDo(7),
    cb.Restore(7),
    cb.ArchivedUnits(),
    cb.LeaveAsk(7),
    cb.LeaveDo(7),
    cb.UnitCancel(),
    cb.ProfileCancel(),
    cb.Practice("towed-car"),
    cb.Practice(""),
]


def test_every_kind_of_button_is_tested() -> None:
    assert {type(c) for c in EVERY_KIND} == set(cb.PREFIXES)


@pytest.mark.parametrize("callback", EVERY_KIND, ids=repr)
def test_each_button_round_trips(callback: cb.Callback) -> None:
    data = cb.encode(callback)
    assert len(data.encode()) <= cb.MAX_BYTES
    assert cb.decode(data) == callback


@pytest.mark.parametrize(
    ("data", "callback"),
    [
        ("r:all:0", cb.AllUnits(0)),
        ("r:u:12:1", cb.UnitResults(12, 1)),
        ("r:t:12:34:0", cb.TraineeResults(12, 34, 0)),
        ("r:a:56", cb.Transcript(56)),
        ("r:o:56:2", cb.OverrideAsk(56, 2)),
        ("r:oy:56:2", cb.OverrideConfirm(56, 2)),
        ("r:oy:56:2:1", cb.OverrideTo(56, 2, 1)),
        ("r:ox", cb.OverrideCancel()),
        ("as:lost-wallet", cb.AssignCall("lost-wallet")),
        ("as:lost-wallet:3", cb.AssignToUnit("lost-wallet", 3)),
        ("as:", cb.AssignCall("")),
        ("rp:3", cb.Report(3)),
        ("ex:3", cb.Export(3)),
        ("pr:42", cb.Promote(42)),
        ("dm:42", cb.Demote(42)),
        ("dg:off", cb.DigestOff()),
        ("practice:", cb.Practice("")),
        ("practice:lost-wallet", cb.Practice("lost-wallet")),
    ],
)
def test_buttons_already_sent_still_decode(data: str, callback: cb.Callback) -> None:
    """Messages sent before this module keep working: their data is read as it always was."""
    assert cb.decode(data) == callback
    assert cb.encode(callback) == data


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "r",
        "r:u:12",  # a field short
        "r:u:12:1:9",  # a field over
        "r:u:x:1",  # not a number
        "r:u:-1:0",
        "r:u:\u0661:0",  # an Arabic-Indic one: a digit to str.isdigit, no id
        "r:a:12345678901234567",  # 17 digits
        "r:zz:1",
        "rp:",
        "pr:@someone",
        "dg:on",
        "as:a:b:c",
        "as:caf\u00e9",
        "other-bot:1",
        "x" * 65,
    ],
)
def test_malformed_or_foreign_data_is_refused_with_a_reason(data: str | None) -> None:
    with pytest.raises(cb.NotOurs) as refusal:
        cb.decode(data)
    assert repr(data) in str(refusal.value)  # the log says which data, and why


@pytest.mark.parametrize("callback", [cb.AssignCall("a:b"), cb.Practice("caf\u00e9"), cb.AssignCall("x" * 70)])
def test_data_that_would_not_read_back_is_never_made(callback: cb.Callback) -> None:
    with pytest.raises(ValueError, match="callback data"):
        cb.encode(callback)


OWN = (cb.Practice, cb.CallList, cb.History, cb.OwnCall, cb.OwnTranscript, cb.ReviewPick, cb.ReviewAsk, cb.ReviewCancel)
"""Anyone's buttons about their own calls: the trainee handler takes them."""


def test_the_staff_handler_takes_staff_buttons_and_leaves_practice_to_the_trainee_handler() -> None:
    staff = [c for c in EVERY_KIND if not isinstance(c, OWN) and not cb.encode(c).startswith("pf:")]
    assert all(re.match(cb.STAFF_PATTERN, cb.encode(c)) for c in staff)
    assert not any(re.match(cb.STAFF_PATTERN, cb.encode(c)) for c in EVERY_KIND if isinstance(c, OWN))
    own = [c for c in EVERY_KIND if isinstance(c, OWN) and not isinstance(c, cb.Practice)]
    assert all(re.match(cb.TRAINEE_PATTERN, cb.encode(c)) for c in own)
    assert not any(re.match(cb.TRAINEE_PATTERN, cb.encode(c)) for c in staff)


def test_the_buttons_the_core_writes_under_notices_are_the_ones_the_chat_reads() -> None:
    """An override notice (from the chat or a dashboard form) opens the trainee's call; a review request offers the
    instructor the call and a reply."""
    ((opens,),) = owed([Notice(7, "Your instructor reviewed your call", call=981)])[0].buttons
    assert cb.decode(opens[1]) == cb.OwnCall(981)
    ((call, dismiss),) = owed([Notice(8, "Alex asks for a review", request=(981, 31))])[0].buttons
    assert cb.decode(call[1]) == cb.Transcript(981) and cb.decode(dismiss[1]) == cb.ReviewAnswer(31)


def test_fields_are_numbers_or_scenario_ids_only() -> None:
    kinds = {f.type for kind in cb.PREFIXES for f in fields(kind)}
    assert kinds <= {"int", "str"}


def test_the_start_button_the_core_writes_is_the_one_the_chat_makes_and_reads() -> None:
    """A notice from a dashboard form reaches the outbox without the Telegram edge (bot.storage.offers)."""
    for title in ("Towed car", "A very long title of a call that goes on well past fifty characters"):
        assert outbox_start_button("towed-car", title) == start_button("towed-car", title)
        ((row,),) = owed([Notice(7, "New assignment", Offer("towed-car", title))])[0].buttons
        assert row == start_button("towed-car", title)[0][0] and cb.decode(row[1]) == cb.Practice("towed-car")
