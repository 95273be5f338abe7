"""A loopback stand-in for the Telegram Bot API, for end-to-end tests and benchmarks.

It listens on 127.0.0.1, serves getUpdates the way Telegram does (an update stays until
a later call's offset confirms it), answers sendMessage and friends, and records every
call. The bot reaches it through the Application's base URL setting, so everything
between python-telegram-bot and the network is real.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.parser
import email.policy
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

TOKEN = "123456:TEST-TOKEN"
BOT_USER = {
    "id": 999000,
    "is_bot": True,
    "first_name": "DeskDrill",
    "username": "deskdrill_test_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


class FakeBotApi:
    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.pushed_at: dict[int, float] = {}
        self._updates: list[dict] = []
        self._next_update = 1
        self._next_message = 1
        self._failures: dict[str, list[dict]] = {}
        self._slow: dict[str, float] = {}
        self._cond = threading.Condition()
        self._server: asyncio.Server | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wakeup: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._connections: set[asyncio.Task] = set()
        self._stopping = False
        self.polls = 0
        self.on_call: Callable[[Call], None] | None = None
        """Called (in a server thread) after each recorded call; for benchmarks."""

    # --- life cycle --------------------------------------------------------------

    def start(self) -> FakeBotApi:
        """Serve on 127.0.0.1 (a free port) from an asyncio loop in a thread of its own."""
        ready = threading.Event()

        def serve() -> None:
            asyncio.set_event_loop(self._loop)
            self._wakeup = asyncio.Event()
            self._server = self._loop.run_until_complete(asyncio.start_server(self._serve_connection, "127.0.0.1", 0))
            ready.set()
            self._loop.run_forever()

        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=serve, daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    async def serve(self) -> FakeBotApi:
        """Serve from the running event loop instead of a thread (no GIL hand-offs: for benchmarks)."""
        self._loop = asyncio.get_running_loop()
        self._wakeup = asyncio.Event()
        self._server = await asyncio.start_server(self._serve_connection, "127.0.0.1", 0)
        return self

    async def aclose(self) -> None:
        """Stop serving from the running loop (the counterpart of `serve`)."""
        with self._cond:
            self._stopping = True
        if self._server is not None:
            self._server.close()
            await self._end_connections()
            self._server = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}/bot"

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._server is not None and self._loop is not None:
            asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            if self._thread is not None:
                self._thread.join(10)
            self._loop.close()
            self._server = None

    async def _shutdown(self) -> None:
        """Close the listener and end every open connection before the loop stops."""
        assert self._server is not None
        self._server.close()
        await self._end_connections()

    async def _end_connections(self) -> None:
        self._wake()
        tasks = list(self._connections)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _wake(self) -> None:
        if self._wakeup is not None:
            self._wakeup.set()

    async def _serve_connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """HTTP/1.1 with keep-alive: just enough of it for httpx."""
        writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        task = asyncio.current_task()
        if task is not None:
            self._connections.add(task)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                request_line, *header_lines = head.decode("latin-1").split("\r\n")
                headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines if h)}
                body = await reader.readexactly(int(headers.get("content-length", 0)))
                path = request_line.split(" ")[1]
                status, payload = await self._dispatch(path, headers.get("content-type", ""), body)
                data = json.dumps(payload).encode()
                writer.write(
                    f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\nContent-Type: application/json"
                    f"\r\nContent-Length: {len(data)}\r\n\r\n".encode()
                    + data
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError, asyncio.CancelledError):
            pass
        finally:
            self._connections.discard(task)  # type: ignore[arg-type]
            writer.close()

    # --- what users do ---------------------------------------------------------------

    def push(self, kind: str, payload: dict, update_id: int | None = None) -> int:
        """Make an update available to getUpdates; returns its id."""
        with self._cond:
            if update_id is None:
                update_id = self._next_update
                self._next_update += 1
            self._updates.append({"update_id": update_id, kind: payload})
            self.pushed_at.setdefault(update_id, time.monotonic())
            self._cond.notify_all()
        if self._loop is not None and self._loop.is_running():
            self._loop.call_soon_threadsafe(self._wake)
        return update_id

    def redeliver(self, update_id: int, kind: str, payload: dict) -> None:
        """Deliver an update again with the same id, as Telegram may after a network hiccup."""
        self.push(kind, payload, update_id)

    def text(self, user_id: int, text: str, first_name: str = "Alex") -> int:
        return self.push("message", self.message(user_id, text, first_name))

    def message(
        self, user_id: int, text: str | None = None, first_name: str = "Alex", chat: dict | None = None, **extra: Any
    ) -> dict:
        """A message from the user, in their private chat unless `chat` says otherwise."""
        with self._cond:
            message_id = self._next_message
            self._next_message += 1
        msg = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat or {"id": user_id, "type": "private"},
            "from": {"id": user_id, "is_bot": False, "first_name": first_name},
            **extra,
        }
        if text is not None:
            msg["text"] = text
            if text.startswith("/"):
                command = text.split()[0]
                msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return msg

    def press(self, user_id: int, data: str, message_gone: bool = False) -> int:
        """A button pressed; `message_gone`: its message was deleted (Telegram then sends no message)."""
        message = self.message(user_id, "Choose a call to practise:")
        message["from"] = BOT_USER
        query = {
            "id": f"cb{message['message_id']}",
            "from": {"id": user_id, "is_bot": False, "first_name": "Alex"},
            "chat_instance": "1",
            "data": data,
        }
        if not message_gone:
            query["message"] = message
        return self.push("callback_query", query)

    def button_answers(self, user_id: int) -> list[str]:
        """Texts shown on button presses (answerCallbackQuery) for this user's presses."""
        return [str(c.params.get("text", "")) for c in self.sent("answerCallbackQuery")]

    # --- failures ------------------------------------------------------------------

    def fail_next(self, method: str, status: int = 429, retry_after: int = 1, times: int = 1) -> None:
        """The next `times` calls of `method` fail: 429 with retry_after, or another status (500, 403...)."""
        if status == 429:
            error = {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {retry_after}",
                "parameters": {"retry_after": retry_after},
            }
        else:
            error = {"ok": False, "error_code": status, "description": f"Error {status}: injected"}
        with self._cond:
            self._failures.setdefault(method, []).extend([error] * times)

    def slow_down(self, chat_id: int, seconds: float) -> None:
        """Every send to this chat takes `seconds` before it is answered (a hung request)."""
        with self._cond:
            self._slow[str(chat_id)] = seconds

    # --- what the bot did -------------------------------------------------------------

    def sent(self, method: str = "sendMessage", chat_id: int | None = None) -> list[Call]:
        with self._cond:
            return [
                c
                for c in self.calls
                if c.method == method and (chat_id is None or str(c.params.get("chat_id")) == str(chat_id))
            ]

    def texts(self, chat_id: int) -> list[str]:
        return [c.params.get("text", "") for c in self.sent("sendMessage", chat_id)]

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(left, 0.05))
        return True

    def wait_for_texts(self, chat_id: int, count: int, timeout: float = 10.0) -> list[str]:
        """Wait until the bot has sent at least `count` messages to the chat; return them all."""
        if not self.wait_for(lambda: len(self._texts_unlocked(chat_id)) >= count, timeout):
            raise AssertionError(f"expected {count} messages to {chat_id}, got {self._texts_unlocked(chat_id)}")
        return self.texts(chat_id)

    def _texts_unlocked(self, chat_id: int) -> list[str]:
        return [
            c.params.get("text", "")
            for c in self.calls
            if c.method == "sendMessage" and str(c.params.get("chat_id")) == str(chat_id)
        ]

    def confirmed(self, update_id: int) -> bool:
        """True once getUpdates was called with an offset past this update."""
        with self._cond:
            return all(u["update_id"] != update_id for u in self._updates)

    # --- the HTTP side -----------------------------------------------------------------

    async def _dispatch(self, path: str, content_type: str, body: bytes) -> tuple[int, dict]:
        prefix = f"/bot{self.token}/"
        if not path.startswith(prefix):
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = path[len(prefix) :]
        params = _parse(content_type, body)
        with self._cond:
            failures = self._failures.get(method)
            if failures:
                self.calls.append(Call(f"{method}!failed", params))
                error = failures.pop(0)
                return error["error_code"], error
            delay = self._slow.get(str(params.get("chat_id")), 0.0)
        if delay:
            await asyncio.sleep(delay)
        if method == "getUpdates":
            return 200, {"ok": True, "result": await self._get_updates(params)}
        call = Call(method, params)
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()
            result = self._result(method, params)
        if self.on_call is not None:
            self.on_call(call)
        return 200, {"ok": True, "result": result}

    async def _get_updates(self, params: dict[str, Any]) -> list[dict]:
        """Long polling: answer at once if updates wait, else when one is pushed or the timeout ends."""
        offset = int(params.get("offset", 0) or 0)
        limit = int(params.get("limit", 100) or 100)
        deadline = time.monotonic() + min(float(params.get("timeout", 0) or 0), 2.0)
        while True:
            assert self._wakeup is not None
            self._wakeup.clear()
            with self._cond:
                self.polls += 1
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                self._cond.notify_all()
                if self._updates or self._stopping or time.monotonic() >= deadline:
                    return sorted(self._updates, key=lambda u: u["update_id"])[:limit]
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), deadline - time.monotonic())

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in ("sendMessage", "sendPhoto", "sendDocument", "editMessageText"):
            self._next_message += 1
            message = {
                "message_id": self._next_message,
                "date": int(time.time()),
                "from": BOT_USER,
                "chat": {"id": int(params.get("chat_id", 0)), "type": "private"},
            }
            if method == "sendPhoto":
                message["photo"] = [{"file_id": "p1", "file_unique_id": "p1", "width": 800, "height": 450}]
            elif method == "sendDocument":
                message["document"] = {"file_id": "d1", "file_unique_id": "d1"}
            else:
                message["text"] = params.get("text", "")
            return message
        return True


def _parse(content_type: str, body: bytes) -> dict[str, Any]:
    if content_type.startswith("multipart/form-data"):
        raw = b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
        parsed = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
        params: dict[str, Any] = {}
        for part in parsed.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            params[name] = payload if part.get_filename() else payload.decode("utf-8", "replace")
            if part.get_filename():
                params[f"{name}.filename"] = part.get_filename()
        return params
    if content_type.startswith("application/json"):
        return json.loads(body or b"{}")
    return {k: v[0] for k, v in parse_qs(body.decode("utf-8"), keep_blank_values=True).items()}
