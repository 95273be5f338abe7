"""A loopback stand-in for the Telegram Bot API, for end-to-end tests and benchmarks.

It listens on 127.0.0.1, serves getUpdates the way Telegram does (an update stays until
a later call's offset confirms it), answers sendMessage and friends, and records every
call. The bot reaches it through the Application's base URL setting, so everything
between python-telegram-bot and the network is real.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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
        self._cond = threading.Condition()
        self._server: ThreadingHTTPServer | None = None
        self._stopping = False

    # --- life cycle --------------------------------------------------------------

    def start(self) -> FakeBotApi:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 - the http.server name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, payload = api._dispatch(self.path, self.headers.get("Content-Type", ""), body)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

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
        return update_id

    def redeliver(self, update_id: int, kind: str, payload: dict) -> None:
        """Deliver an update again with the same id, as Telegram may after a network hiccup."""
        self.push(kind, payload, update_id)

    def text(self, user_id: int, text: str, first_name: str = "Alex") -> int:
        return self.push("message", self.message(user_id, text, first_name))

    def message(self, user_id: int, text: str | None = None, first_name: str = "Alex", **extra: Any) -> dict:
        with self._cond:
            message_id = self._next_message
            self._next_message += 1
        msg = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private"},
            "from": {"id": user_id, "is_bot": False, "first_name": first_name},
            **extra,
        }
        if text is not None:
            msg["text"] = text
            if text.startswith("/"):
                command = text.split()[0]
                msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return msg

    def press(self, user_id: int, data: str) -> int:
        message = self.message(user_id, "Choose a call to practise:")
        message["from"] = BOT_USER
        query = {
            "id": f"cb{message['message_id']}",
            "from": {"id": user_id, "is_bot": False, "first_name": "Alex"},
            "chat_instance": "1",
            "data": data,
            "message": message,
        }
        return self.push("callback_query", query)

    # --- failures ------------------------------------------------------------------

    def fail_next(self, method: str, status: int = 429, retry_after: int = 1, times: int = 1) -> None:
        error = {
            "ok": False,
            "error_code": status,
            "description": f"Too Many Requests: retry after {retry_after}",
            "parameters": {"retry_after": retry_after},
        }
        with self._cond:
            self._failures.setdefault(method, []).extend([error] * times)

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

    def _dispatch(self, path: str, content_type: str, body: bytes) -> tuple[int, dict]:
        prefix = f"/bot{self.token}/"
        if not path.startswith(prefix):
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = path[len(prefix) :]
        params = _parse(content_type, body)
        with self._cond:
            failures = self._failures.get(method)
            if failures:
                self.calls.append(Call(f"{method}!failed", params))
                return 429, failures.pop(0)
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        with self._cond:
            self.calls.append(Call(method, params))
            self._cond.notify_all()
            return 200, {"ok": True, "result": self._result(method, params)}

    def _get_updates(self, params: dict[str, Any]) -> list[dict]:
        offset = int(params.get("offset", 0) or 0)
        timeout = min(float(params.get("timeout", 0) or 0), 2.0)
        deadline = time.monotonic() + timeout
        with self._cond:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and not self._stopping and time.monotonic() < deadline:
                self._cond.wait(deadline - time.monotonic())
            limit = int(params.get("limit", 100) or 100)
            return sorted(self._updates, key=lambda u: u["update_id"])[:limit]

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
        return params
    if content_type.startswith("application/json"):
        return json.loads(body or b"{}")
    return {k: v[0] for k, v in parse_qs(body.decode("utf-8"), keep_blank_values=True).items()}
