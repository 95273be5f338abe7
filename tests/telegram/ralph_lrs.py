"""A real Learning Record Store for the xAPI tests: ralph-malph (France Université Numérique's LRS), from PyPI.

It pins its own FastAPI and pydantic, so it lives in a virtual environment of its own, made once and kept
under the repository's build/ (build/ralph-lrs; a marker file says it is complete) for the next runs. The
server runs with the filesystem backend in a temporary folder, with HTTP basic credentials made by
`ralph auth`, on a free port of 127.0.0.1; it is stopped by its process id.

Ralph's filesystem backend (5.1) writes each accepted request to one file and refuses a second write to it
(HTTP 500, "fs_lrs.jsonl already exists"): a production LRS (its Elasticsearch, MongoDB or ClickHouse
backends) has no such limit. So each test here has the LRS take exactly one request.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / "build" / "ralph-lrs"
MARKER = VENV / ".installed"
REQUIREMENT = "ralph-malph[backend-fs,lrs,cli]"
INSTALL_TIMEOUT = 900
START_TIMEOUT = 90.0
USER, PASSWORD = "deskdrill", "s3cret-for-tests"


def pypi_reachable() -> bool:
    try:
        with urllib.request.urlopen("https://pypi.org/simple/ralph-malph/", timeout=10) as response:
            return response.status == 200
    except OSError:
        return False


def ralph() -> Path:
    """The `ralph` command of the cached environment, installing it first if needed (one process at a time)."""
    VENV.parent.mkdir(parents=True, exist_ok=True)
    with open(VENV.parent / "ralph-lrs.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not MARKER.exists():
            install()
    return VENV / "bin" / "ralph"


def install() -> None:
    shutil.rmtree(VENV, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True)
    done = subprocess.run(
        [str(VENV / "bin" / "pip"), "install", "-q", REQUIREMENT, "requests"],
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT,
    )
    if done.returncode != 0:
        shutil.rmtree(VENV, ignore_errors=True)
        if not pypi_reachable():
            pytest.skip(f"PyPI is unreachable, so the LRS ({REQUIREMENT}) cannot be installed for this test")
        raise RuntimeError(f"pip install {REQUIREMENT} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    MARKER.write_text(REQUIREMENT + "\n")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Lrs:
    """A ralph LRS in `folder`, on `port` once started."""

    folder: Path
    port: int
    process: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        """The xAPI base URL (statements are at {endpoint}/statements)."""
        return f"http://127.0.0.1:{self.port}/xAPI"

    def env(self) -> dict[str, str]:
        app = self.folder / "app"
        return {
            **os.environ,
            "RALPH_APP_DIR": str(app),
            "RALPH_AUTH_FILE": str(app / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH": str(self.folder / "data"),
        }

    def start(self) -> Lrs:
        command = ralph()
        (self.folder / "data").mkdir(parents=True, exist_ok=True)
        if not (self.folder / "app" / "auth.json").exists():
            subprocess.run(
                [str(command), "auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-M", "mailto:lrs@example.org", "-w"],
                env=self.env(),
                cwd=self.folder,
                check=True,
                capture_output=True,
                timeout=120,
            )
        log = open(self.folder / "server.log", "ab")  # noqa: SIM115 - the server's, closed with it
        self.process = subprocess.Popen(
            [str(command), "runserver", "-b", "fs", "--fs-default-directory-path", str(self.folder / "data"),
             "-h", "127.0.0.1", "-p", str(self.port)],
            env=self.env(),
            cwd=self.folder,  # runserver reloads on changes in its folder: never the repository's
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the LRS stopped at start: {(self.folder / 'server.log').read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"the LRS did not answer in {START_TIMEOUT:.0f} s")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)  # its own session: the server and anything it started
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
