"""Slack settings from the environment, and `actionbot serve` refusing to start without them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import cli
from bot.settings import SettingsError, api_url, from_env, state_path

GOOD = {"SLACK_BOT_TOKEN": "xoxb-123-456-abc", "SLACK_SIGNING_SECRET": "0123456789abcdef0123456789abcdef"}


def test_http_mode_needs_the_bot_token_and_signing_secret() -> None:
    settings = from_env({**GOOD, "ACTIONBOT_STATE": "/tmp/x.db"})
    assert (settings.bot_token, settings.signing_secret, settings.socket_mode) == (
        GOOD["SLACK_BOT_TOKEN"],
        GOOD["SLACK_SIGNING_SECRET"],
        False,
    )


@pytest.mark.parametrize(
    ("env", "variable", "where"),
    [
        ({}, "SLACK_BOT_TOKEN", "OAuth & Permissions"),
        ({"SLACK_BOT_TOKEN": "xoxp-user-token", "SLACK_SIGNING_SECRET": "a" * 32}, "SLACK_BOT_TOKEN", "OAuth"),
        ({"SLACK_BOT_TOKEN": " xoxb-1-2 "}, "SLACK_BOT_TOKEN", "OAuth & Permissions"),
        ({"SLACK_BOT_TOKEN": "xoxb-1-2"}, "SLACK_SIGNING_SECRET", "Basic Information"),
        ({"SLACK_BOT_TOKEN": "xoxb-1-2", "SLACK_SIGNING_SECRET": "not a secret!"}, "SLACK_SIGNING_SECRET", "Basic"),
        ({**GOOD, "SLACK_APP_TOKEN": "xoxb-wrong-kind"}, "SLACK_APP_TOKEN", "App-Level Tokens"),
    ],
)
def test_missing_or_malformed_settings_name_the_variable_and_where_to_get_it(
    env: dict, variable: str, where: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        from_env(env)
    message = str(caught.value)
    assert message.startswith(variable) and where in message and "api.slack.com/apps" in message
    assert "\n" not in message


def test_socket_mode_needs_no_signing_secret() -> None:
    settings = from_env({"SLACK_BOT_TOKEN": "xoxb-1-2", "SLACK_APP_TOKEN": "xapp-1-A1-2-abc"})
    assert settings.socket_mode and settings.signing_secret == ""


def test_api_url_gets_its_trailing_slash_and_must_be_a_url() -> None:
    assert api_url({"SLACK_API_URL": "http://127.0.0.1:9/api"}) == "http://127.0.0.1:9/api/"
    assert api_url({}) is None
    with pytest.raises(SettingsError, match="SLACK_API_URL"):
        api_url({"SLACK_API_URL": "slack.com/api"})


def test_state_path_defaults_under_the_data_directory(tmp_path: Path) -> None:
    assert state_path({"ACTIONBOT_STATE": str(tmp_path / "s.db")}) == tmp_path / "s.db"
    assert state_path({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path / "actionbot" / "state.db"
    assert state_path({}) == Path.home() / ".local" / "share" / "actionbot" / "state.db"


def test_serve_without_a_token_prints_one_line_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)
    assert cli.main(["serve"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("actionbot serve: SLACK_BOT_TOKEN is not set") and "\n" not in err
