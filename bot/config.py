"""Settings from the environment and an optional .env file, read and checked once at start-up."""

from __future__ import annotations

import math
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    token: str | None
    db_path: Path
    admins: frozenset[int]
    api_base_url: str | None = None
    api_file_url: str | None = None
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    webhook_secret: str | None = None
    scenarios_dir: Path | None = None
    user_rate: float = 2.0
    user_burst: int = 6
    max_sends_per_second: float = 0.0
    log_content: bool = False
    """Log trainees' words and names with errors (DESKDRILL_LOG_CONTENT=1); ids and lengths only otherwise."""
    reminder_interval: float = 1800.0
    timezone: str = "UTC"
    """IANA name (DESKDRILL_TIMEZONE): every date shown, every "today" and every reminder."""
    web_url: str | None = None
    """The dashboard's public base URL (DESKDRILL_WEB_URL): https, or http on localhost for a trial."""
    web_listen: str = "127.0.0.1"
    web_port: int | None = None
    """DESKDRILL_WEB_PORT: `deskdrill run` serves the dashboard too when set."""
    xapi_endpoint: str | None = None
    """DESKDRILL_XAPI_ENDPOINT: a Learning Record Store's xAPI base URL; each finished call is sent there."""
    xapi_username: str | None = None
    xapi_password: str | None = None
    """DESKDRILL_XAPI_USERNAME / DESKDRILL_XAPI_PASSWORD: the LRS's HTTP basic credentials."""
    xapi_home_page: str | None = None
    """DESKDRILL_XAPI_HOMEPAGE: whose accounts the trainees are (default DESKDRILL_WEB_URL)."""

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        def get(key: str) -> str | None:
            value = environ.get(key, "").strip()
            return value or None

        return cls(
            token=get("TELEGRAM_BOT_TOKEN"),
            db_path=Path(get("DESKDRILL_DB") or "data/deskdrill.db"),
            admins=_user_ids(get("DESKDRILL_ADMINS") or "", "DESKDRILL_ADMINS"),
            api_base_url=get("TELEGRAM_API_BASE_URL"),
            api_file_url=get("TELEGRAM_API_FILE_URL"),
            webhook_url=get("TELEGRAM_WEBHOOK_URL"),
            webhook_listen=get("TELEGRAM_WEBHOOK_LISTEN") or "0.0.0.0",
            webhook_port=_port(get("TELEGRAM_WEBHOOK_PORT") or "8443", "TELEGRAM_WEBHOOK_PORT"),
            webhook_secret=get("TELEGRAM_WEBHOOK_SECRET"),
            scenarios_dir=Path(p) if (p := get("DESKDRILL_SCENARIOS")) else None,
            user_rate=_number(get("DESKDRILL_USER_RATE") or "2", "DESKDRILL_USER_RATE"),
            user_burst=int(_number(get("DESKDRILL_USER_BURST") or "6", "DESKDRILL_USER_BURST")),
            max_sends_per_second=_number(get("TELEGRAM_MAX_SENDS_PER_SECOND") or "0", "TELEGRAM_MAX_SENDS_PER_SECOND"),
            log_content=(get("DESKDRILL_LOG_CONTENT") or "0") in ("1", "true", "yes"),
            timezone=_timezone(get("DESKDRILL_TIMEZONE") or "UTC"),
            web_url=_web_url(get("DESKDRILL_WEB_URL")),
            web_listen=get("DESKDRILL_WEB_LISTEN") or "127.0.0.1",
            web_port=_port(p, "DESKDRILL_WEB_PORT") if (p := get("DESKDRILL_WEB_PORT")) else None,
            reminder_interval=max(
                1.0, _number(get("DESKDRILL_REMINDER_INTERVAL") or "1800", "DESKDRILL_REMINDER_INTERVAL")
            ),
            **_xapi(get),
        )

    @property
    def web_base(self) -> str | None:
        """The dashboard's base URL: DESKDRILL_WEB_URL, or this machine's port when only that is set."""
        if self.web_url:
            return self.web_url
        return f"http://127.0.0.1:{self.web_port}" if self.web_port else None

    def require_token(self) -> str:
        if not self.token:
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token in .env "
                "(see .env.example)"
            )
        return self.token


@dataclass(frozen=True)
class Retention:
    """How long records are kept (agency.yaml's `keep_words_days` and `keep_audit_days`), in days.

    Trainees' words (transcripts, the evidence quoted from them, override reasons) go after
    `words_days` from the end of their call; scores and verdicts stay. Audit log entries go
    after `audit_days`.
    """

    words_days: int = 365
    audit_days: int = 1095


RETENTION_KEYS = {"keep_words_days": "words_days", "keep_audit_days": "audit_days"}


def load_retention(scenarios_dir: Path) -> Retention:
    """The retention settings of the department's agency.yaml (the defaults where it says nothing)."""
    data, path = agency_settings(scenarios_dir)
    values = {}
    for key, name in RETENTION_KEYS.items():
        raw = agency_number(data, path, key)
        if raw is not None:
            values[name] = raw
    return Retention(**values)


DEFAULT_PASS_MARK = 80
"""The lowest total (out of 100) that passes an assignment, unless agency.yaml or the assignment says otherwise."""


def load_pass_mark(scenarios_dir: Path) -> int:
    """agency.yaml's `pass_mark`: a whole number from 1 to 100 (DEFAULT_PASS_MARK where it says nothing)."""
    raw = agency_number(*agency_settings(scenarios_dir), "pass_mark")
    return DEFAULT_PASS_MARK if raw is None else raw


DEFAULT_TRAINING_HOURS = 0.25
"""Training hours a passed call counts for in the completed-training file, unless agency.yaml says otherwise."""

AGENCY_NUMBERS: dict[str, tuple[Any, float, float, str]] = {
    "keep_words_days": (int, 1, math.inf, "a whole number of days (1 or more)"),
    "keep_audit_days": (int, 1, math.inf, "a whole number of days (1 or more)"),
    "pass_mark": (
        int,
        1,
        100,
        "a pass mark: use a whole number from 1 to 100 "
        f"(the lowest total that passes an assignment; default {DEFAULT_PASS_MARK})",
    ),
    "training_hours_per_call": (
        int | float,
        0.01,
        8,
        "a number of hours: use a number from 0.01 to 8, "
        f"e.g. 0.25 for a quarter of an hour (default {DEFAULT_TRAINING_HOURS})",
    ),
    "grace_days": (int, 0, 365, "a whole number of days from 0 to 365 (default 7)"),
    "reminder_hour": (int, 0, 23, "an hour from 0 to 23, e.g. 9 for 09:00 (default 9)"),
}
"""agency.yaml's numbers: (their kinds, lowest, highest, what the error says a value must be)."""


def agency_number(data: dict, path: Path, key: str) -> Any:
    """agency.yaml's number `key` as AGENCY_NUMBERS allows it (never a yes/no), or None where it says nothing;
    ConfigError, naming the file and the key, for anything else."""
    kinds, low, high, what = AGENCY_NUMBERS[key]
    raw = data.get(key)
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, kinds) or not low <= raw <= high:
        raise ConfigError(f"{path}: {key}: '{raw}' is not {what}")
    return raw


def agency_settings(scenarios_dir: Path) -> tuple[dict, Path]:
    """The department's agency.yaml as a mapping ({} when there is none), and its path."""
    import yaml

    path = scenarios_dir / "agency.yaml"
    if not path.is_file():
        return {}, path
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from exc
    return (data if isinstance(data, dict) else {}), path


def load_settings(environ: Mapping[str, str] | None = None, dotenv: Path = Path(".env")) -> Settings:
    """The environment wins over .env; .env fills in what the environment leaves out."""
    merged = {**read_dotenv(dotenv), **(os.environ if environ is None else environ)}
    return Settings.from_env(merged)


def read_dotenv(path: Path) -> dict[str, str]:
    """KEY=value lines; blank lines and # comments are skipped, surrounding quotes removed."""
    if not path.is_file():
        return {}
    values: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.removeprefix("export ").partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"{path}, line {number}: expected KEY=value")
        values[key.strip()] = value.strip().strip("'\"")
    return values


def _user_ids(raw: str, key: str) -> frozenset[int]:
    ids = set()
    for part in filter(None, (p.strip() for p in raw.split(","))):
        if not part.lstrip("-").isdigit():
            raise ConfigError(f"{key}: '{part}' is not a Telegram user id (expected numbers separated by commas)")
        ids.add(int(part))
    return frozenset(ids)


def _number(raw: str, key: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if value < 0:
        raise ConfigError(f"{key}: '{raw}' is not a non-negative number")
    return value


def _port(raw: str, key: str) -> int:
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ConfigError(f"{key}: '{raw}' is not a port number")
    return int(raw)


def _web_url(raw: str | None) -> str | None:
    """https (Telegram opens Mini Apps over https only); http only on this machine, for a trial."""
    if raw is None:
        return None
    parts = urlsplit(raw)
    local = parts.scheme == "http" and parts.hostname in ("localhost", "127.0.0.1", "::1")
    if not (parts.scheme == "https" or local) or not parts.hostname or parts.query or parts.fragment:
        raise ConfigError(
            f"DESKDRILL_WEB_URL: '{raw}' is not an https URL such as https://deskdrill.example.org "
            "(http only for localhost)"
        )
    return raw.rstrip("/")


def _xapi(get) -> dict[str, str | None]:
    """The LRS settings, checked together: an endpoint needs both credentials and a home page for accounts."""
    endpoint, user, password = (
        get("DESKDRILL_XAPI_ENDPOINT"),
        get("DESKDRILL_XAPI_USERNAME"),
        get("DESKDRILL_XAPI_PASSWORD"),
    )
    home = get("DESKDRILL_XAPI_HOMEPAGE")
    if endpoint is None:
        return {}
    endpoint = _http_url(
        endpoint, "DESKDRILL_XAPI_ENDPOINT", "the LRS's xAPI base URL, e.g. https://lrs.example.org/xAPI"
    )
    if not user or not password:
        raise ConfigError(
            "DESKDRILL_XAPI_ENDPOINT is set: set DESKDRILL_XAPI_USERNAME and DESKDRILL_XAPI_PASSWORD too "
            "(the LRS's HTTP basic credentials)"
        )
    home = home or get("DESKDRILL_WEB_URL")
    if not home:
        raise ConfigError(
            "DESKDRILL_XAPI_ENDPOINT is set but trainees' accounts need a home page: set DESKDRILL_WEB_URL "
            "(the dashboard) or DESKDRILL_XAPI_HOMEPAGE (your agency's web address)"
        )
    home = _http_url(home, "DESKDRILL_XAPI_HOMEPAGE", "your agency's web address, e.g. https://sheriff.example.org")
    return {"xapi_endpoint": endpoint, "xapi_username": user, "xapi_password": password, "xapi_home_page": home}


def _http_url(raw: str, key: str, what: str) -> str:
    """An https URL (http only on this machine): credentials never cross a network in clear text."""
    parts = urlsplit(raw)
    local = parts.scheme == "http" and parts.hostname in ("localhost", "127.0.0.1", "::1")
    if not (parts.scheme == "https" or local) or not parts.hostname or parts.query or parts.fragment:
        raise ConfigError(f"{key}: '{raw}' is not {what} (https; http only for localhost)")
    return raw.rstrip("/")


@dataclass(frozen=True)
class TrainingHours:
    """The hours a passed call counts for in a training record (the completed-training file, xAPI's duration):
    agency.yaml's default, and any scenario's own."""

    default: float = DEFAULT_TRAINING_HOURS
    scenarios: Mapping[str, float] = field(default_factory=dict)
    """Scenario id -> its own hours (a longer or harder call may count for more)."""

    def of(self, scenario_id: str) -> float:
        return self.scenarios.get(scenario_id, self.default)

    @classmethod
    def stored(cls, raw: Any) -> TrainingHours:
        """From what an outbox row stored: {"default", "scenarios"}, or one number (a row from before)."""
        if isinstance(raw, Mapping):
            return cls(float(raw["default"]), {k: float(v) for k, v in (raw.get("scenarios") or {}).items()})
        return cls(float(raw))


HOURS_SHAPE = "training_hours: 0.25 and a line for a call of its own, training_hours.domestic-violence-lobby: 0.5"
OWN_HOURS = "training_hours."
"""agency.yaml's key for one call's own hours, before its scenario id (agency.yaml holds no nested settings)."""


def load_training_hours(scenarios_dir: Path, known: Collection[str] | None = None) -> TrainingHours:
    """agency.yaml's `training_hours` (every call's) and `training_hours.<scenario id>` (a call's own), or the older
    `training_hours_per_call`: hours from 0.01 to 8 each (DEFAULT_TRAINING_HOURS where it says nothing).
    ConfigError, naming the file and the entry, for a bad one; with the `known` scenario ids, for an unknown one."""
    data, path = agency_settings(scenarios_dir)
    old = agency_number(data, path, "training_hours_per_call")
    raw = data.get("training_hours")
    if raw is not None and old is not None:
        raise ConfigError(f"{path}: training_hours_per_call: remove it: training_hours sets every call's hours now")
    if isinstance(raw, Mapping):
        raise ConfigError(f"{path}: training_hours: give one number, and each call of its own a line: {HOURS_SHAPE}")
    default = hours_of(raw, path, "training_hours") if raw is not None else float(old or DEFAULT_TRAINING_HOURS)
    own: dict[str, float] = {}
    for key, value in data.items():
        if not str(key).startswith(OWN_HOURS):
            continue
        scenario_id = str(key).removeprefix(OWN_HOURS)
        if known is not None and scenario_id not in known:
            raise ConfigError(
                f"{path}: {key}: '{scenario_id}' is not a scenario id (deskdrill scenarios list shows them)"
            )
        own[scenario_id] = hours_of(value, path, str(key))
    return TrainingHours(default, own)


def hours_of(raw: Any, path: Path, entry: str) -> float:
    """A number of hours from 0.01 to 8; ConfigError naming the file and the entry otherwise."""
    _, low, high, what = AGENCY_NUMBERS["training_hours_per_call"]
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not low <= raw <= high:
        raise ConfigError(f"{path}: {entry}: '{raw}' is not {what}")
    return float(raw)


def _timezone(raw: str) -> str:
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"DESKDRILL_TIMEZONE: '{raw}' is not a time zone: use an IANA name such as Europe/London, "
            "America/Chicago or UTC"
        ) from exc
    return raw


DATE_FORMATS = ("MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD")
"""How people in the agency type a date (agency.yaml's `date_format`); an ISO date is always understood too."""


@dataclass(frozen=True)
class Calendar:
    """The agency's dates (agency.yaml): a late joiner's grace period, how dates are typed, when reminders go."""

    grace_days: int = 7
    """A trainee who joins after an assignment was made has until this many days after joining, if that is later."""
    date_format: str = "MM/DD/YYYY"
    reminder_hour: int = 9
    """Reminders and weekly digests go out from this local hour (0 to 23) of their day."""


def load_calendar(scenarios_dir: Path) -> Calendar:
    """agency.yaml's `grace_days` (0 to 365), `date_format` (one of DATE_FORMATS) and `reminder_hour` (0 to 23);
    the defaults where it says nothing."""
    data, path = agency_settings(scenarios_dir)
    values: dict[str, object] = {}
    for key in ("grace_days", "reminder_hour"):
        raw = agency_number(data, path, key)
        if raw is not None:
            values[key] = raw
    raw = data.get("date_format")
    if raw is not None:
        if str(raw).strip().upper() not in DATE_FORMATS:
            raise ConfigError(f"{path}: date_format: '{raw}' is not one of {', '.join(DATE_FORMATS)}")
        values["date_format"] = str(raw).strip().upper()
    return Calendar(**values)  # type: ignore[arg-type]
