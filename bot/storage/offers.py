"""The one button the core writes into the outbox itself: "Start: <call>" under a notice that offers a call.

A notice is written to the outbox by whichever edge made the change (a chat command or a dashboard
form), and the dashboard never imports the Telegram edge; so this button is made here, below both,
with the data `bot.tg.callbacks` decodes as `Practice(scenario_id)` (tests/telegram/test_callbacks.py
pins the two together). Every other button's data is made in bot.tg.callbacks.
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
