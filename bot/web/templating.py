"""The dashboard's pages from Jinja2 templates (bot/web/templates), rendered through Starlette.

Autoescaping is on: every `{{ value }}` is escaped unless it is markup already (a macro's output).
Two settings keep the pages byte for byte what they were when they were built in f-strings:

- `finalize` escapes in the standard library's notation (`&#x27;`, `&quot;`, as `html.escape`
  does; markupsafe would write `&#39;`) and shows None as nothing rather than "None".
- Line breaks in a template are layout, never content (`LayoutBreaks`): a break and the
  indentation around it vanish next to markup (a tag, `{% %}`, `{{ }}`), and become one space
  between two pieces of text. So a template can be indented for reading while the page stays
  compact; a space that matters (between two inline elements) is written within the line.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from jinja2.ext import Extension
from markupsafe import Markup
from starlette.templating import Jinja2Templates

from bot.clock import weekday_date
from bot.web.figures import average_key, number, percent

TEMPLATES = Path(__file__).resolve().parent / "templates"
_BREAK = re.compile(r"[ \t]*\n\s*")


def escaped(value: Any) -> Markup:
    """A value as the page shows it: markup as it is, None as nothing, anything else escaped."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(html.escape("" if value is None else str(value), quote=True))


def without_layout_breaks(source: str) -> str:
    """The template's source with its line breaks dropped next to markup, else made one space."""

    def joined(match: re.Match[str]) -> str:
        before = source[match.start() - 1] if match.start() else ">"
        after = source[match.end()] if match.end() < len(source) else "<"
        return "" if before in ">}" or after in "<{" else " "

    return _BREAK.sub(joined, source)


class LayoutBreaks(Extension):
    """Applies `without_layout_breaks` to every template as it is loaded (once: templates are cached)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return without_layout_breaks(source)


def day(iso: str | None) -> str:
    """An ISO date as pages show it, weekday first ("Fri 12 Dec"); nothing for none."""
    return weekday_date(date.fromisoformat(iso)) if iso else ""


def page_templates(directory: Path = TEMPLATES) -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(directory),
        autoescape=True,
        finalize=escaped,
        extensions=[LayoutBreaks],
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
    )
    env.filters.update(number=number, percent=percent, average_key=average_key, day=day)
    return Jinja2Templates(env=env)
