"""Telegram's limits on a screen: whole entries per page, Previous/Next buttons, short button labels."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.storage.outbox import Buttons
from bot.tg import callbacks as cb

PAGE_CHARS = 3000
"""A page of a list stays well under Telegram's 4,096 characters, so no entry is ever split."""
SUMMARY_CHARS = 1500


def paginate(entries: Sequence[str], page: int, per_page: int, limit: int = PAGE_CHARS) -> tuple[list[int], int, int]:
    """The indices of page `page`'s whole entries (at most `per_page`, within `limit` characters);
    (indices, page, pages). An entry is never split across pages."""
    pages: list[list[int]] = [[]]
    size = 0
    for i, entry in enumerate(entries):
        if pages[-1] and (len(pages[-1]) >= per_page or size + len(entry) + 1 > limit):
            pages.append([])
            size = 0
        pages[-1].append(i)
        size += len(entry) + 1
    page = max(0, min(page, len(pages) - 1))
    return pages[page], page, len(pages)


def nav(page: int, pages: int, to: Callable[[int], cb.Callback]) -> Buttons:
    """A row of Previous/Next buttons for a paginated list (no row when it fits one page)."""
    row = []
    if page > 0:
        row.append(("\u25c0 Previous", cb.encode(to(page - 1))))
    if page < pages - 1:
        row.append(("Next \u25b6", cb.encode(to(page + 1))))
    return (tuple(row),) if row else ()


def label(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def button(text: str, callback: cb.Callback) -> tuple[str, str]:
    return (text, cb.encode(callback))


def in_pairs(buttons: Sequence[tuple[str, str]]) -> Buttons:
    return tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))


def start_button(scenario_id: str, title: str) -> Buttons:
    """The "Start: <call>" button under a notice that offers a call."""
    return ((button("Start: " + label(title, 50), cb.Practice(scenario_id)),),)
