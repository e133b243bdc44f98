"""Slack settings from the environment: tokens, signing secret, Web API URL and the state file."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APPS_PAGE = "api.slack.com/apps -> your app"
_BOT_TOKEN = re.compile(r"xoxb-[A-Za-z0-9-]+")
_APP_TOKEN = re.compile(r"xapp-[A-Za-z0-9-]+")
_SECRET = re.compile(r"[A-Za-z0-9]{16,}")
_URL = re.compile(r"https?://[^\s/]+(/\S*)?")


class SettingsError(Exception):
    """A missing or malformed setting; the message is one line naming the variable and where to get it."""


@dataclass(frozen=True)
class Settings:
    """What `actionbot serve` needs to talk to Slack."""

    bot_token: str
    signing_secret: str
    app_token: str | None
    api_url: str | None
    state_path: Path
    health_port: int | None = None  # Socket Mode: serve /healthz and /readyz on this port (0: any free port)

    @property
    def socket_mode(self) -> bool:
        """True when an app-level token is set: connect out over Socket Mode, no public URL needed."""
        return self.app_token is not None


def from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings from `env` (default: os.environ).

    Raises SettingsError naming the first variable that is missing or malformed.
    """
    env = os.environ if env is None else env
    bot_token = _required(
        env, "SLACK_BOT_TOKEN", _BOT_TOKEN, "a bot token starting xoxb-", "OAuth & Permissions -> Bot User OAuth Token"
    )
    app_token = _optional(
        env,
        "SLACK_APP_TOKEN",
        _APP_TOKEN,
        "an app-level token starting xapp-",
        "Basic Information -> App-Level Tokens (scope connections:write)",
    )
    if app_token is None:
        secret = _required(
            env,
            "SLACK_SIGNING_SECRET",
            _SECRET,
            "the app's signing secret (letters and digits)",
            "Basic Information -> App Credentials -> Signing Secret",
        )
    else:
        secret = (
            _optional(
                env,
                "SLACK_SIGNING_SECRET",
                _SECRET,
                "the app's signing secret (letters and digits)",
                "Basic Information -> App Credentials -> Signing Secret",
            )
            or ""
        )
    return Settings(bot_token, secret, app_token, api_url(env), state_path(env), health_port(env))


def health_port(env: Mapping[str, str]) -> int | None:
    """ACTIONBOT_HEALTH_PORT as a TCP port (0-65535), or None when unset; raises SettingsError if malformed."""
    value = env.get("ACTIONBOT_HEALTH_PORT", "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) > 65535:
        raise SettingsError(
            f"ACTIONBOT_HEALTH_PORT is not a TCP port ({value!r}): give a number from 0 to 65535 (0 picks a free "
            "port), or unset it to serve no health port in Socket Mode"
        )
    return int(value)


def api_url(env: Mapping[str, str]) -> str | None:
    """SLACK_API_URL with a trailing slash, or None for Slack's own; raises SettingsError if not a URL."""
    value = env.get("SLACK_API_URL", "").strip()
    if not value:
        return None
    if not _URL.fullmatch(value):
        raise SettingsError(
            f"SLACK_API_URL is not an http(s) URL ({value!r}); unset it to use Slack's own "
            "https://slack.com/api/, or point it at a Web API stub such as http://127.0.0.1:8080/api/"
        )
    return value if value.endswith("/") else value + "/"


def state_path(env: Mapping[str, str]) -> Path:
    """ACTIONBOT_STATE, else $XDG_DATA_HOME/actionbot/state.db, else ~/.local/share/actionbot/state.db."""
    if env.get("ACTIONBOT_STATE"):
        return Path(env["ACTIONBOT_STATE"]).expanduser()
    base = Path(env["XDG_DATA_HOME"]) if env.get("XDG_DATA_HOME") else Path.home() / ".local" / "share"
    return base / "actionbot" / "state.db"


def _required(env: Mapping[str, str], name: str, shape: re.Pattern[str], what: str, where: str) -> str:
    value = _optional(env, name, shape, what, where)
    if value is None:
        raise SettingsError(f"{name} is not set: it should be {what}; get it at {APPS_PAGE} -> {where}.")
    return value


def _optional(env: Mapping[str, str], name: str, shape: re.Pattern[str], what: str, where: str) -> str | None:
    value = env.get(name)
    if value is None or value == "":
        return None
    if not shape.fullmatch(value):
        hint = " (it has spaces or quotes around it)" if value.strip().strip("'\"") != value else ""
        raise SettingsError(
            f"{name} is malformed{hint}: it should be {what}; copy it again from {APPS_PAGE} -> {where}."
        )
    return value
