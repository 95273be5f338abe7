"""The buttons the core writes into the outbox itself, under notices: "Start: <call>" under a notice that offers a
call; "Open the call" under a notice about a call; a review request's two buttons.

A notice is written to the outbox by whichever edge made the change (a chat command or a dashboard
form), and the dashboard never imports the Telegram edge; so these buttons are made here, below both,
with the data `bot.tg.callbacks` decodes (as `Practice`, `OwnCall`, `Transcript` and `ReviewAnswer`;
tests/telegram/test_callbacks.py pins the two together). Every other button's data is made in bot.tg.callbacks.
"""

from __future__ import annotations

from bot.storage.outbox import Buttons

START_DATA = "practice:{scenario_id}"
LABEL_CHARS = 50
"""A title longer than this is cut with an ellipsis, so the button reads on a phone."""


def start_button(scenario_id: str, title: str) -> Buttons:
    """One row, one button: "Start: <title>", which starts the call when tapped."""
    label = title if len(title) <= LABEL_CHARS else title[: LABEL_CHARS - 1] + "\u2026"
    return ((("Start: " + label, START_DATA.format(scenario_id=scenario_id)),),)


CALL_DATA = "me:c:{attempt_id}"
"""A person's own call: its scorecard, with Transcript and Ask-for-a-review buttons (bot.tg.callbacks.OwnCall)."""
STAFF_CALL_DATA = "r:a:{attempt_id}"
"""A trainee's call as staff see it, with override buttons (bot.tg.callbacks.Transcript)."""
REVIEW_REPLY_DATA = "r:rd:{request_id}"
"""Dismiss a review request with a reply (bot.tg.callbacks.ReviewAnswer)."""


def call_button(attempt_id: int) -> Buttons:
    """Under a notice about the person's own call (an override, an answer to their review request)."""
    return ((("Open the call", CALL_DATA.format(attempt_id=attempt_id)),),)


def review_buttons(attempt_id: int, request_id: int) -> Buttons:
    """Under a review request to an instructor: open the call (to override), or dismiss it with a reply."""
    return (
        (
            ("Open the call", STAFF_CALL_DATA.format(attempt_id=attempt_id)),
            ("Dismiss with a reply", REVIEW_REPLY_DATA.format(request_id=request_id)),
        ),
    )
