"""A deadline for every request: a client that is slow or silent is let go (slowloris).

uvicorn waits for a request's headers and body as long as the client keeps its connection open, and
its keep-alive timeout restarts at every byte: a client that connects and sends nothing, or sends
its headers a byte every few seconds, holds a connection (a file descriptor, memory) for ever, and a
few hundred of them starve the dashboard. Here a client has READ_TIMEOUT seconds to send a whole
request (headers and body) from the moment it connects, and again from the moment its last answer
was sent on a kept-alive connection; then the connection is closed. The time the dashboard takes to
answer does not count.

`TimedH11Protocol` is uvicorn's h11 protocol with that deadline; `TimedConfig` carries its length.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger(__name__)

READ_TIMEOUT = 10.0
"""Seconds a client has to send a whole request: a form is a few hundred bytes; a phone on a bad
line sends one in well under a second."""


class TimedConfig(uvicorn.Config):
    """uvicorn's configuration, serving HTTP with `TimedH11Protocol` and this `read_timeout`."""

    def __init__(self, app: Any, *, read_timeout: float = READ_TIMEOUT, **options: Any) -> None:
        super().__init__(app, http=TimedH11Protocol, **options)
        self.read_timeout = read_timeout


class TimedH11Protocol(H11Protocol):
    def __init__(self, config: uvicorn.Config, *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self.read_timeout: float = getattr(config, "read_timeout", READ_TIMEOUT)
        self.deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.start_deadline()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.request_received():
            self.stop_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and not self.request_received():
            self.start_deadline()  # kept alive: the next request has its own deadline

    def connection_lost(self, exc: Exception | None) -> None:
        self.stop_deadline()
        super().connection_lost(exc)

    def request_received(self) -> bool:
        """A whole request is in and the dashboard is answering it."""
        cycle = self.cycle
        return cycle is not None and not cycle.more_body and not cycle.response_complete

    def start_deadline(self) -> None:
        self.stop_deadline()
        self.deadline = self.loop.call_later(self.read_timeout, self.too_slow)

    def stop_deadline(self) -> None:
        if self.deadline is not None:
            self.deadline.cancel()
            self.deadline = None

    def too_slow(self) -> None:
        """The deadline passed: close, unless a whole request arrived meanwhile and is being answered.
        A request cut off in its body reaches the page as a client gone away (answered by no one)."""
        self.deadline = None
        if self.transport.is_closing() or self.request_received():
            return
        log.debug("closed a connection from %s: no whole request within %ss", self.client, self.read_timeout)
        self.transport.close()
