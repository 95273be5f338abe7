from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import ConfigError, Settings, load_settings


def test_defaults_need_only_a_token_to_run() -> None:
    settings = Settings.from_env({"TELEGRAM_BOT_TOKEN": "1:abc"})
    assert settings.db_path == Path("data/deskdrill.db") and settings.admins == frozenset()
    assert settings.require_token() == "1:abc" and settings.webhook_url is None


def test_a_missing_token_is_explained() -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN is not set.*BotFather"):
        Settings.from_env({}).require_token()


def test_admins_are_comma_separated_ids_and_a_bad_one_is_named() -> None:
    assert Settings.from_env({"DESKDRILL_ADMINS": "12, 34,"}).admins == {12, 34}
    with pytest.raises(ConfigError, match="DESKDRILL_ADMINS: 'bob' is not a Telegram user id"):
        Settings.from_env({"DESKDRILL_ADMINS": "12,bob"})


def test_self_hosted_api_urls_and_webhook_settings_are_read() -> None:
    settings = Settings.from_env(
        {
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot",
            "TELEGRAM_API_FILE_URL": "http://127.0.0.1:8081/file/bot",
            "TELEGRAM_WEBHOOK_URL": "https://example.org/hook",
            "TELEGRAM_WEBHOOK_PORT": "8080",
        }
    )
    assert settings.api_base_url == "http://127.0.0.1:8081/bot" and settings.webhook_port == 8080
    with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_PORT"):
        Settings.from_env({"TELEGRAM_WEBHOOK_PORT": "eighty"})


def test_dotenv_fills_in_and_the_environment_wins(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("# comment\nTELEGRAM_BOT_TOKEN='1:from-file'\nexport DESKDRILL_DB=x.db\n\n")
    settings = load_settings({"DESKDRILL_DB": "env.db"}, dotenv)
    assert settings.token == "1:from-file" and settings.db_path == Path("env.db")


def test_a_malformed_dotenv_line_is_reported_with_its_number(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("A=1\nnot a setting\n")
    with pytest.raises(ConfigError, match=r"line 2: expected KEY=value"):
        load_settings({}, dotenv)


def test_the_time_zone_is_an_iana_name_checked_at_start() -> None:
    import pytest as _pytest

    from bot.config import ConfigError, Settings

    assert Settings.from_env({}).timezone == "UTC"
    assert str(Settings.from_env({"DESKDRILL_TIMEZONE": "America/Chicago"}).tz) == "America/Chicago"
    with _pytest.raises(ConfigError, match="DESKDRILL_TIMEZONE: 'Mars/Olympus' is not a time zone"):
        Settings.from_env({"DESKDRILL_TIMEZONE": "Mars/Olympus"})


def test_dashboard_settings_are_read_and_checked() -> None:
    settings = Settings.from_env({"DESKDRILL_WEB_URL": "https://dash.example.org/", "DESKDRILL_WEB_PORT": "8080"})
    assert settings.web_url == "https://dash.example.org" and settings.web_port == 8080
    assert settings.web_listen == "127.0.0.1" and settings.web_base == "https://dash.example.org"
    assert Settings.from_env({}).web_port is None and Settings.from_env({}).web_base is None
    assert Settings.from_env({"DESKDRILL_WEB_PORT": "8080"}).web_base == "http://127.0.0.1:8080"
    assert Settings.from_env({"DESKDRILL_WEB_URL": "http://localhost:8080"}).web_url == "http://localhost:8080"
    for bad in ("http://dash.example.org", "dash.example.org", "https://", "https://x.org/?a=1", "ftp://x.org"):
        with pytest.raises(ConfigError, match="DESKDRILL_WEB_URL"):
            Settings.from_env({"DESKDRILL_WEB_URL": bad})
    with pytest.raises(ConfigError, match="DESKDRILL_WEB_PORT: 'web' is not a port number"):
        Settings.from_env({"DESKDRILL_WEB_PORT": "web"})


def test_a_learning_record_store_needs_its_credentials_and_a_home_page_for_accounts() -> None:
    lrs = {"DESKDRILL_XAPI_ENDPOINT": "https://lrs.example.org/xAPI/", "DESKDRILL_XAPI_USERNAME": "u"}
    with pytest.raises(ConfigError, match="set DESKDRILL_XAPI_USERNAME and DESKDRILL_XAPI_PASSWORD too"):
        Settings.from_env(lrs)
    lrs["DESKDRILL_XAPI_PASSWORD"] = "p"
    with pytest.raises(ConfigError, match="set DESKDRILL_WEB_URL .* or DESKDRILL_XAPI_HOMEPAGE"):
        Settings.from_env(lrs)
    settings = Settings.from_env({**lrs, "DESKDRILL_WEB_URL": "https://dash.example.org"})
    assert settings.xapi_endpoint == "https://lrs.example.org/xAPI"
    assert settings.xapi_home_page == "https://dash.example.org"
    with pytest.raises(ConfigError, match="DESKDRILL_XAPI_ENDPOINT: 'http://lrs.example.org/xAPI' is not"):
        Settings.from_env({**lrs, "DESKDRILL_XAPI_ENDPOINT": "http://lrs.example.org/xAPI"})
    assert Settings.from_env({}).xapi_endpoint is None, "no LRS unless one is set"


def test_a_department_sets_training_hours_per_scenario_and_each_bad_entry_is_named(tmp_path: Path) -> None:
    from bot.config import load_training_hours
    from bot.scenarios.format import load_agency

    yaml_file = tmp_path / "agency.yaml"
    yaml_file.write_text("training_hours: 0.25\ntraining_hours.domestic-violence-lobby: 0.5\n")
    hours = load_training_hours(tmp_path, {"towed-car", "domestic-violence-lobby"})
    assert (hours.of("towed-car"), hours.of("domestic-violence-lobby")) == (0.25, 0.5)
    assert load_agency(tmp_path)[1] == [], "the scenarios still read the file (flat settings only)"
    yaml_file.write_text("training_hours_per_call: 1\ntraining_hours.towed-car: 2\n")
    assert load_training_hours(tmp_path).of("towed-car") == 2.0 and load_training_hours(tmp_path).default == 1.0
    bad = {
        "training_hours.towed-cat: 0.5": r"training_hours.towed-cat: 'towed-cat' is not a scenario id",
        "training_hours.towed-car: -1": r"training_hours.towed-car: '-1' is not a number of hours",
        "training_hours.towed-car: half": r"training_hours.towed-car: 'half' is not a number of hours",
        "training_hours: 0": r"training_hours: '0' is not a number of hours",
        "training_hours: {default: 1}": r"training_hours: give one number, and each call of its own a line",
        "training_hours: 1\ntraining_hours_per_call: 1": r"training_hours_per_call: remove it",
    }
    for text, message in bad.items():
        yaml_file.write_text(text + "\n")
        with pytest.raises(ConfigError, match=re.escape(str(yaml_file)) + ": " + message):
            load_training_hours(tmp_path, {"towed-car"})


def test_training_hours_per_call_come_from_agency_yaml_and_a_bad_value_is_named(tmp_path: Path) -> None:
    from bot.config import load_training_hours

    assert load_training_hours(tmp_path).default == 0.25
    (tmp_path / "agency.yaml").write_text("training_hours_per_call: 0.5\n")
    assert load_training_hours(tmp_path).of("towed-car") == 0.5, "the older key still works"
    for bad in ("quarter", "0", "12", "true"):
        (tmp_path / "agency.yaml").write_text(f"training_hours_per_call: {bad}\n")
        with pytest.raises(ConfigError, match=r"training_hours_per_call: .* is not a number of hours"):
            load_training_hours(tmp_path)
