"""Telegram's limits on a screen: whole entries per page, Previous/Next buttons, short button labels."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.storage.outbox import Buttons, chunks
from bot.tg import callbacks as cb

PAGE_CHARS = 3000
"""A page of a list stays well under Telegram's 4,096 characters, so no entry is ever split."""
SUMMARY_CHARS = 1500
TRANSCRIPT_CHARS = 3500
"""A transcript fits one message or is paged at turn boundaries, each page under this (Telegram takes 4,096)."""
COLUMN_CHARS = 20
"""Buttons go two to a row only when every label fits this many characters (half a phone's width)."""
SHORT_TITLE_CHARS = 26


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


def nav(
    page: int, pages: int, to: Callable[[int], cb.Callback], words: tuple[str, str] = ("Previous", "Next")
) -> Buttons:
    """A row of Previous/Next buttons for a paginated list (no row when it fits one page)."""
    row = []
    if page > 0:
        row.append((f"\u25c0 {words[0]}", cb.encode(to(page - 1))))
    if page < pages - 1:
        row.append((f"{words[1]} \u25b6", cb.encode(to(page + 1))))
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


def earlier_later(page: int, pages: int, to: Callable[[int], cb.Callback]) -> Buttons:
    """[◀ Earlier] [Later ▶] under a page of a transcript (no row when it fits one page)."""
    return nav(page, pages, to, ("Earlier", "Later"))


def transcript_page(
    head: Sequence[str], turns: Sequence[str], tail: Sequence[str], page: int, limit: int = TRANSCRIPT_CHARS
) -> tuple[str, int, int]:
    """Page `page` of a transcript: (text, page, pages). The head opens the first page and the tail closes the
    last; the turns between are never split across pages, unless one alone is over `limit`."""
    first = chunks("\n".join(head), limit) if head else []
    last = chunks("\n".join(tail), limit) if tail else []
    entries = first + [piece for turn in turns for piece in chunks(turn, limit)] + last
    shown, at, pages = paginate(entries, page, max(1, len(entries)), limit)
    return "\n".join(entries[i] for i in shown), at, pages


def page_marked(text: str, at: int, pages: int, heading: str) -> str:
    """A page of several says which: the first page's first line ends " — page 1 of 3"; a later page opens
    with `heading` and its number."""
    if pages <= 1:
        return text
    if at == 0:
        first, _, rest = text.partition("\n")
        return f"{first} \u2014 page 1 of {pages}\n{rest}"
    return f"{heading} \u2014 page {at + 1} of {pages}\n{text}"


def short_title(scenario_id: str, title: str, limit: int = SHORT_TITLE_CHARS) -> str:
    """A call's name that fits a button on a phone, never cut mid-word: its title when short; else the title up
    to its first comma when that names everything its id does ("Car break-in, reported by phone"); else its id
    in words, spelled as the title spells them ("vin-inspection": "VIN inspection")."""
    if len(title) <= limit:
        return title
    before_comma = title.split(",")[0].strip()
    words = [w for w in scenario_id.replace("_", "-").split("-") if w]
    if len(before_comma) <= limit and all(w.casefold() in before_comma.casefold() for w in words):
        return before_comma
    named = id_words(words, title)
    return named[:1].upper() + named[1:] if 0 < len(named) <= limit else label(title, limit)


def id_words(words: Sequence[str], title: str) -> str:
    """An id's words as the title writes them: its casing ("VIN"), its hyphens ("ride-along")."""
    spelled = {w.casefold(): w for w in re.findall(r"[\w'-]+", title)}
    out: list[str] = []
    for word in words:
        joined = f"{out[-1]}-{word}" if out else ""
        if joined and joined.casefold() in spelled:
            out[-1] = spelled[joined.casefold()]
        else:
            out.append(spelled.get(word.casefold(), word))
    return " ".join(out)


def columns(buttons: Sequence[tuple[str, str]], width: int = COLUMN_CHARS) -> Buttons:
    """Two to a row when every label fits `width` characters, else one to a row: no label is ever cut."""
    if all(len(text) <= width for text, _ in buttons):
        return in_pairs(buttons)
    return tuple((b,) for b in buttons)
