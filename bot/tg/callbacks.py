"""Every inline button's callback data, encoded and decoded in one place.

Telegram hands a button's data back verbatim when it is tapped, from any message the bot ever
sent, so old buttons must keep decoding and anything else (a forged or foreign string) is
refused by `decode` with `NotOurs`, never half-read. Data is at most 64 bytes: short
prefixes and numeric ids, separated by ":".

    encode(UnitResults(unit_id=4, page=0)) == "r:u:4:0"
    decode("r:u:4:0") == UnitResults(4, 0)
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from bot.tg.button_shapes import (
    AttemptPage,
    Bare,
    OnAttempt,
    OnCriterion,
    OnPage,
    OnScenario,
    OnUnit,
    OnUser,
    UnitPage,
    UnitPeriodPage,
)
from bot.tg.unit_callbacks import (  # the unit buttons, cb.<name> like every other
    ArchiveAsk,
    ArchiveDo,
    ArchivedUnits,
    AssignDue,
    LeaveAsk,
    LeaveDo,
    ManageUnit,
    RemoveAsk,
    RemoveDo,
    RenameDo,
    RenameHow,
    Restore,
    UnitCancel,
    UnitPeople,
)

MAX_BYTES = 64
"""Telegram's limit on a button's callback data."""


class NotOurs(ValueError):
    """Callback data this bot does not (or no longer) make."""


class AllUnits(OnPage): ...


class UnitResults(UnitPage):
    """A unit's results over the default period, `page` of its trainees (ResultsFor names another period)."""


@dataclass(frozen=True)
class TraineeResults:
    """One member's results in a unit: what they were assigned, then `page` of their finished calls."""

    unit_id: int
    user_id: int
    page: int


class Transcript(OnAttempt): ...


class OverrideAsk(OnCriterion): ...


class OverrideConfirm(OnCriterion): ...


@dataclass(frozen=True)
class OverrideTo:
    """Confirmed: make the criterion met (1) or missed (0), as the question showed it, so a verdict
    changed meanwhile (on the dashboard) is not flipped back. Old "Yes" buttons decode as OverrideConfirm."""

    attempt_id: int
    criterion: int
    met: int


class OverrideCancel(Bare): ...


class AssignCall(OnScenario): ...


@dataclass(frozen=True)
class AssignToUnit:
    scenario_id: str
    unit_id: int


class Report(OnUnit): ...


class ReportFor(UnitPeriodPage):
    """A report for a period (a token of bot.training.periods: "last-month", "2026-11", "2026-11-01..2026-11-15")
    of one unit, or with unit_id 0 of all the caller's units, whose buttons are on page `page`."""


class Export(OnUnit): ...


@dataclass(frozen=True)
class ExportFor:
    """The results file of a report's period (a fixed token: "2026-11", "2026-11-01..2026-11-15") of one unit, or
    with unit_id 0 of all the caller's units."""

    unit_id: int
    period: str


class ResultsFor(UnitPeriodPage):
    """/results over a period: of one unit, or with unit_id 0 of all the caller's units, `page` of its list (a
    unit's trainees, or the units). The period is a token of bot.training.periods ("this-month", "2026-11")."""


class Promote(OnUser): ...


class Demote(OnUser): ...


class Erase(OnUser): ...


class EraseCancel(Bare): ...


class DigestOff(Bare): ...


class Behind(OnPage):
    """Who has not passed each assignment of the caller's units, a page of them."""


@dataclass(frozen=True)
class OnAssignment:
    """One assignment: who passed, who tried, who has not started, with Remind buttons."""

    assignment_id: int


@dataclass(frozen=True)
class Remind:
    """Remind one member (user_id) of an assignment, or, with user_id 0, everyone who has not passed it."""

    assignment_id: int
    user_id: int


class ProfileCancel(Bare):
    """Stop the /profile questions: nothing more is saved."""


class TranscriptPage(AttemptPage):
    """A page of a long transcript, as staff see it (page 0 is what Transcript shows)."""


@dataclass(frozen=True)
class ReviewAnswer:
    """Dismiss a trainee's review request: the instructor's next message is the reply."""

    request_id: int


class CallList(OnPage):
    """A page of /practice: what is assigned to you first, then the other calls."""


class History(OnPage):
    """A page of your own finished calls (/history)."""


class OwnCall(OnAttempt):
    """One of your finished calls: its scorecard, with Transcript and Ask-for-a-review buttons."""


class OwnTranscript(AttemptPage):
    """A page of one of your calls' transcript."""


class ReviewPick(OnAttempt):
    """Ask for a review of one of your calls: which verdict."""


@dataclass(frozen=True)
class ReviewAsk:
    """The verdict picked (its place: criteria first, then facts); your next message is the reason."""

    attempt_id: int
    subject: int


class ReviewCancel(Bare):
    """Stop waiting for a review reason (or an instructor's reply to one)."""


class Practice(OnScenario):
    """Start a call; an empty id lists the calls."""


Callback = (
    AllUnits
    | UnitResults
    | ResultsFor
    | TraineeResults
    | Transcript
    | OverrideAsk
    | OverrideConfirm
    | OverrideTo
    | OverrideCancel
    | AssignCall
    | AssignToUnit
    | Report
    | ReportFor
    | Export
    | ExportFor
    | Promote
    | Demote
    | Erase
    | EraseCancel
    | DigestOff
    | Behind
    | OnAssignment
    | Remind
    | ProfileCancel
    | TranscriptPage
    | ReviewAnswer
    | CallList
    | History
    | OwnCall
    | OwnTranscript
    | ReviewPick
    | ReviewAsk
    | ReviewCancel
    | AssignDue
    | ManageUnit
    | UnitPeople
    | RemoveAsk
    | RemoveDo
    | RenameHow
    | RenameDo
    | ArchiveAsk
    | ArchiveDo
    | Restore
    | ArchivedUnits
    | LeaveAsk
    | LeaveDo
    | UnitCancel
    | Practice
)

PREFIXES: dict[type, str] = {
    AllUnits: "r:all",
    UnitResults: "r:u",
    ResultsFor: "r:up",
    TraineeResults: "r:t",
    Transcript: "r:a",
    OverrideAsk: "r:o",
    OverrideConfirm: "r:oy",
    OverrideTo: "r:oy",
    OverrideCancel: "r:ox",
    AssignCall: "as",
    AssignToUnit: "as",
    Report: "rp",
    ReportFor: "rp",
    Export: "ex",
    ExportFor: "ex",
    Promote: "pr",
    Demote: "dm",
    Erase: "er",
    EraseCancel: "er:x",
    DigestOff: "dg:off",
    Behind: "r:b",
    OnAssignment: "r:w",
    Remind: "r:rm",
    ProfileCancel: "pf:x",
    TranscriptPage: "r:a",
    ReviewAnswer: "r:rd",
    CallList: "me:p",
    History: "me:h",
    OwnCall: "me:c",
    OwnTranscript: "me:t",
    ReviewPick: "me:r",
    ReviewAsk: "me:r",
    ReviewCancel: "me:rx",
    AssignDue: "as",
    ManageUnit: "un:m",
    UnitPeople: "un:p",
    RemoveAsk: "un:ra",
    RemoveDo: "un:rd",
    RenameHow: "un:n",
    RenameDo: "un:nd",
    ArchiveAsk: "un:aa",
    ArchiveDo: "un:ad",
    Restore: "un:re",
    ArchivedUnits: "un:ar",
    LeaveAsk: "un:la",
    LeaveDo: "un:ld",
    UnitCancel: "un:x",
    Practice: "practice",
}
"""The data starts with its kind's prefix; the fields follow in order. AssignCall and AssignToUnit share
"as" (with AssignDue), OverrideConfirm and OverrideTo "r:oy", Transcript and TranscriptPage "r:a", ReviewPick
and ReviewAsk "me:r", Report and ReportFor "rp", Export and ExportFor "ex": they differ by their number of fields."""

STAFF_PATTERN = r"^(r|as|rp|ex|pr|dm|er|dg|un):"
"""Data of the staff buttons (bot.tg.staff); "practice:" is the trainee's (bot.tg.trainee)."""
TRAINEE_PATTERN = r"^me:"
"""Data of anyone's buttons about their own calls (bot.tg.trainee): the call list, history, reviews."""
PROFILE_PATTERN = r"^pf:"
"""Data of the /profile buttons (bot.tg.profile_screens): anyone's, trainees' included."""

_BY_PREFIX: dict[tuple[str, int], type] = {(p, len(fields(k))): k for k, p in PREFIXES.items()}


def encode(callback: Callback) -> str:
    values = [getattr(callback, f.name) for f in fields(callback)]
    for value in values:
        if isinstance(value, str) and (":" in value or not value.isascii()):
            raise ValueError(f"{value!r} cannot be a field of callback data (ASCII without ':' only)")
    data = ":".join([PREFIXES[type(callback)], *map(str, values)])
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data {data!r} is over Telegram's {MAX_BYTES} bytes")
    return data


def decode(data: str | None) -> Callback:
    """The button a tap stands for; NotOurs, saying why, for anything this bot does not make."""
    if not data or not data.isascii() or len(data.encode()) > MAX_BYTES:
        raise NotOurs(f"not callback data of ours: {data!r}")
    for prefix_parts in (2, 1):
        parts = data.split(":")
        prefix, values = ":".join(parts[:prefix_parts]), parts[prefix_parts:]
        kind = _BY_PREFIX.get((prefix, len(values)))
        if kind is not None:
            return kind(*(_field(data, f.type, v) for f, v in zip(fields(kind), values, strict=True)))
    raise NotOurs(f"no button of ours has the data {data!r}")


def _field(data: str, kind: object, raw: str) -> int | str:
    if kind in (int, "int"):
        if not raw.isdigit() or len(raw) >= 16:
            raise NotOurs(f"{raw!r} in {data!r} is not a number")
        return int(raw)
    return raw
