"""The dashboard's pages, one module per family; each class's `routes()` lists its URLs.

A handler reads the request, asks the core (the `Department` rules are called here, never in a template),
and renders its template in bot/web/templates. Who is signed in comes from `bot.web.access`;
refusals are raised and become pages in `errors`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from bot.web import ids
from bot.web.pages.assignments import AssignmentPages
from bot.web.pages.attempt import AttemptPage
from bot.web.pages.audit import AuditPage
from bot.web.pages.exports import ExportRoutes
from bot.web.pages.library import LibraryPages
from bot.web.pages.profiles import ProfilePage
from bot.web.pages.reports import ReportPages
from bot.web.pages.sign_in import SignInPages
from bot.web.pages.unit_changes import UnitChangePages
from bot.web.pages.units import UnitPages

if TYPE_CHECKING:
    from bot.web.app import Dashboard

ids.register()  # before any route is built: every id in a path is `{name:id}`


def all_routes(dashboard: Dashboard, static: Path) -> list[BaseRoute]:
    return [
        *UnitPages(dashboard).routes(),
        *UnitChangePages(dashboard).routes(),
        *AttemptPage(dashboard).routes(),
        *ProfilePage(dashboard).routes(),
        *AuditPage(dashboard).routes(),
        *AssignmentPages(dashboard).routes(),
        *LibraryPages(dashboard).routes(),
        *ReportPages(dashboard).routes(),
        *ExportRoutes(dashboard).routes(),
        *SignInPages(dashboard).routes(),
        Mount("/static", StaticFiles(directory=static), name="static"),
    ]
