"""Every redirect the dashboard sends stays on the dashboard: its Location is a path, never a host.

Starlette's trailing-slash redirect (`/units/1/` -> `/units/1`) builds an absolute URL from the
request's Host header, so a forged Host (or a proxy passing one through) made the dashboard point a
browser at another site. This middleware rewrites every redirect's Location to its path and query
alone, which a browser resolves against the address it already has. A path beginning `//` or `/\\`
would still name another host (a browser reads both as "same scheme, this host"), so its leading
slashes collapse to one.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send


def on_this_site(location: str) -> str:
    """The path and query of a redirect's target, as a path on this site."""
    parts = urlsplit(location)
    path = "/" + parts.path.lstrip("/\\")
    return urlunsplit(("", "", path, parts.query, ""))


class RelativeRedirects:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_relative(message: Message) -> None:
            if message["type"] == "http.response.start" and 300 <= message["status"] < 400:
                message = {
                    **message,
                    "headers": [
                        (k, on_this_site(v.decode("latin-1")).encode("latin-1") if k.lower() == b"location" else v)
                        for k, v in message.get("headers", [])
                    ],
                }
            await send(message)

        await self.app(scope, receive, send_relative)
