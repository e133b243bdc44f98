"""The Slack app manifest asks for what the app uses, within Slack's field limits."""

from __future__ import annotations

from pathlib import Path

import yaml

import bot

MANIFEST = Path(bot.__file__).with_name("manifest.yaml")


def manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


def test_scopes_events_and_command() -> None:
    m = manifest()
    assert set(m["oauth_config"]["scopes"]["bot"]) == {
        "app_mentions:read",
        "chat:write",
        "im:history",
        "channels:history",
        "groups:history",
        "im:read",
        "im:write",
        "commands",
        "users:read",
        "users:read.email",
        "files:write",
        "files:read",
    }
    assert set(m["settings"]["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im", "app_home_opened"}
    (command,) = m["features"]["slash_commands"]
    assert command["command"] == "/actions" and command["url"].endswith("/slack/events")
    (shortcut,) = m["features"]["shortcuts"]
    assert shortcut == {
        "name": "Log as update",
        "type": "message",
        "callback_id": "log_as_update",
        "description": "Record this message as a progress update on one of your actions",
    }
    assert len(shortcut["name"]) <= 24 and len(shortcut["description"]) <= 80  # short, within Slack's manifest limits


def test_home_tab_interactivity_and_socket_mode() -> None:
    m = manifest()
    assert m["features"]["app_home"]["home_tab_enabled"] is True
    assert m["features"]["app_home"]["messages_tab_enabled"] is True
    assert m["features"]["app_home"]["messages_tab_read_only_enabled"] is False
    assert m["settings"]["interactivity"]["is_enabled"] is True
    assert m["settings"]["socket_mode_enabled"] is True
    for url in (m["settings"]["interactivity"]["request_url"], m["settings"]["event_subscriptions"]["request_url"]):
        assert url.startswith("https://") and url.endswith("/slack/events")


def test_display_fields_fit_slacks_limits() -> None:
    info = manifest()["display_information"]
    assert len(info["name"]) <= 35 and len(info["description"]) <= 140
    assert 175 <= len(info["long_description"]) <= 4000
    assert len(manifest()["features"]["bot_user"]["display_name"]) <= 80


def test_the_manifest_ships_with_the_package() -> None:
    import tomllib

    pyproject = tomllib.loads((Path(bot.__file__).parents[1] / "pyproject.toml").read_text())
    assert "manifest.yaml" in pyproject["tool"]["setuptools"]["package-data"]["bot"]
