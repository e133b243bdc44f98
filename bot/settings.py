"""Every setting actionbot reads from the environment, in one place.

`VARIABLES` lists each ACTIONBOT_* and SLACK_* variable with its default and meaning (the README's table
and `actionbot doctor` are made from it; a test checks that no module reads a variable missing here).
The knowledge layer reads three of them itself (ACTIONBOT_KB in knowledge/loader.py, ACTIONBOT_CACHE and
ACTIONBOT_CACHE_MAX_MB in knowledge/cache.py) because it may not import the bot layer; they are listed here all
the same.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from knowledge.lazydataclass import frozen_dataclass
from knowledge.lazyre import LazyPattern, lazy

APPS_PAGE = "api.slack.com/apps -> your app"
_BOT_TOKEN = lazy(r"xoxb-[A-Za-z0-9-]+")
_APP_TOKEN = lazy(r"xapp-[A-Za-z0-9-]+")
_SECRET = lazy(r"[A-Za-z0-9]{16,}")
_URL = lazy(r"https?://[^\s/]+(/\S*)?")


@frozen_dataclass
class Variable:
    """One environment variable: its name, its default (as an operator would read it) and what it sets."""

    name: str
    default: str
    meaning: str
    secret: bool = False


VARIABLES: tuple[Variable, ...] = (
    Variable("SLACK_BOT_TOKEN", "none (required by serve and remind)", "the bot token, xoxb-...", secret=True),
    Variable(
        "SLACK_SIGNING_SECRET", "none (required in HTTP mode)", "verifies that requests come from Slack", secret=True
    ),
    Variable("SLACK_APP_TOKEN", "none (HTTP mode)", "an app-level token, xapp-...: turns on Socket Mode", secret=True),
    Variable("SLACK_API_URL", "https://slack.com/api/", "the Slack Web API (the tests point it at a local stub)"),
    Variable("ACTIONBOT_KB", "the bundled demo knowledge base (read-only)", "the knowledge-base directory"),
    Variable(
        "ACTIONBOT_DATA",
        "$XDG_DATA_HOME/actionbot, else ~/.local/share/actionbot",
        "the writable data directory (the SQLite state file lives here)",
    ),
    Variable(
        "ACTIONBOT_STATE",
        "$ACTIONBOT_DATA/state.db",
        "the state store: a SQLite file path, or postgresql://user@host/db for several replicas",
    ),
    Variable(
        "ACTIONBOT_CACHE", "$XDG_CACHE_HOME/actionbot, else ~/.cache/actionbot", "knowledge-base cache (off: none)"
    ),
    Variable(
        "ACTIONBOT_CACHE_MAX_MB",
        "256",
        "the cache's budget in MiB: a write past it removes the least recently used entries",
    ),
    Variable("ACTIONBOT_REMIND_CRON", "0 9 * * 1 (Monday 09:00, Europe/London)", "when serve sends the weekly digests"),
    Variable("ACTIONBOT_REMIND_SKIP", "none", "dates (YYYY-MM-DD, comma-separated) whose run moves to the next day"),
    Variable("ACTIONBOT_REMIND_PACE", "1.1", "seconds between two digests (Slack's rate limit)"),
    Variable("ACTIONBOT_COORDINATORS_CHANNEL", "none (no summary)", "channel id (C...) for the coordinators' summary"),
    Variable(
        "ACTIONBOT_SMTP_URL",
        "none (digests by Slack only)",
        "smtp://host[:port] (STARTTLS when offered; ?starttls=require) or smtps://host: email digests",
    ),
    Variable("ACTIONBOT_SMTP_USER", "none (or the user in the URL)", "the SMTP login"),
    Variable("ACTIONBOT_SMTP_PASSWORD", "none (or the password in the URL)", "the SMTP password", secret=True),
    Variable("ACTIONBOT_MAIL_FROM", "none (required with ACTIONBOT_SMTP_URL)", "the address digests come from"),
    Variable("ACTIONBOT_MAIL_REPLY_TO", "the From address", "where replies go (the coordinators' mailbox)"),
    Variable("ACTIONBOT_HEALTH_PORT", "none (no health port)", "Socket Mode: serve /healthz and /readyz on this port"),
    Variable("ACTIONBOT_LOG_LEVEL", "INFO", "DEBUG, INFO, WARNING or ERROR"),
    Variable("ACTIONBOT_LOG_FORMAT", "text", "text, or json for one JSON object per line (also --log-format)"),
)
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
LOG_FORMATS = ("text", "json")


class SettingsError(Exception):
    """A missing or malformed setting; the message is one line naming the variable and where to get it."""


@frozen_dataclass
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


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """ACTIONBOT_DATA, else $XDG_DATA_HOME/actionbot, else ~/.local/share/actionbot: where actionbot writes.

    Never inside the installed code: the bundled knowledge base is read-only demo data.
    """
    env = os.environ if env is None else env
    if env.get("ACTIONBOT_DATA"):
        return Path(env["ACTIONBOT_DATA"]).expanduser()
    base = Path(env["XDG_DATA_HOME"]) if env.get("XDG_DATA_HOME") else Path.home() / ".local" / "share"
    return base / "actionbot"


def state_path(env: Mapping[str, str]) -> Path:
    """ACTIONBOT_STATE (a SQLite file), else $ACTIONBOT_DATA/state.db (see data_dir)."""
    if env.get("ACTIONBOT_STATE"):
        return Path(env["ACTIONBOT_STATE"]).expanduser()
    return data_dir(env) / "state.db"


def log_level(env: Mapping[str, str] | None = None) -> str:
    """ACTIONBOT_LOG_LEVEL (default INFO); raises SettingsError for an unknown level."""
    env = os.environ if env is None else env
    value = (env.get("ACTIONBOT_LOG_LEVEL") or "INFO").strip().upper()
    if value not in LOG_LEVELS:
        raise SettingsError(f"ACTIONBOT_LOG_LEVEL is {value!r}; use one of {', '.join(LOG_LEVELS)}.")
    return value


def log_format(env: Mapping[str, str] | None = None) -> str:
    """ACTIONBOT_LOG_FORMAT (default text); raises SettingsError unless text or json."""
    env = os.environ if env is None else env
    value = (env.get("ACTIONBOT_LOG_FORMAT") or "text").strip().lower()
    if value not in LOG_FORMATS:
        raise SettingsError(f"ACTIONBOT_LOG_FORMAT is {value!r}; use text or json.")
    return value


def secrets_in(env: Mapping[str, str] | None = None) -> list[str]:
    """The values of the secret variables that are set (for the log filter to hide)."""
    env = os.environ if env is None else env
    return [env[v.name] for v in VARIABLES if v.secret and len(env.get(v.name) or "") >= 8]


def _required(env: Mapping[str, str], name: str, shape: LazyPattern, what: str, where: str) -> str:
    value = _optional(env, name, shape, what, where)
    if value is None:
        raise SettingsError(f"{name} is not set: it should be {what}; get it at {APPS_PAGE} -> {where}.")
    return value


def _optional(env: Mapping[str, str], name: str, shape: LazyPattern, what: str, where: str) -> str | None:
    value = env.get(name)
    if value is None or value == "":
        return None
    if not shape.fullmatch(value):
        hint = " (it has spaces or quotes around it)" if value.strip().strip("'\"") != value else ""
        raise SettingsError(
            f"{name} is malformed{hint}: it should be {what}; copy it again from {APPS_PAGE} -> {where}."
        )
    return value


# -- email digests ----------------------------------------------------------------------------
SMTP_URL_ENV = "ACTIONBOT_SMTP_URL"
SMTP_USER_ENV = "ACTIONBOT_SMTP_USER"
SMTP_PASSWORD_ENV = "ACTIONBOT_SMTP_PASSWORD"
MAIL_FROM_ENV = "ACTIONBOT_MAIL_FROM"
MAIL_REPLY_TO_ENV = "ACTIONBOT_MAIL_REPLY_TO"
_ADDRESS = lazy(r"[^@\s<>()\[\],;:\"\\]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,63}|[^@\s<>()\[\],;:\"\\]+@localhost")
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


@frozen_dataclass
class MailSettings:
    """Where and how email digests are sent (ACTIONBOT_SMTP_URL and friends)."""

    host: str
    port: int
    tls: str  # "implicit" (smtps://), "starttls" (smtp://: used when the server offers it) or "require-starttls"
    user: str | None
    password: str | None = field(repr=False)
    sender: str  # ACTIONBOT_MAIL_FROM: a bare address, e.g. actionbot@safeguarding.example.gov.uk
    reply_to: str | None  # ACTIONBOT_MAIL_REPLY_TO: the coordinators' mailbox, if not the sender's

    @property
    def local(self) -> bool:
        """True for a server on this machine (the only place a password may go without TLS)."""
        return self.host in _LOCAL_HOSTS

    def describe(self) -> str:
        """Where mail goes, without the password."""
        scheme = "smtps" if self.tls == "implicit" else "smtp"
        return f"{scheme}://{self.user + '@' if self.user else ''}{self.host}:{self.port}"


def mail_settings(env: Mapping[str, str] | None = None) -> MailSettings | None:
    """The email settings, or None when ACTIONBOT_SMTP_URL is not set (digests go by Slack only).

    ACTIONBOT_SMTP_URL is smtp://[user[:password]@]host[:port] (STARTTLS when the server offers it; add
    ?starttls=require to refuse a server that does not) or smtps://... (TLS from the start, port 465 by default).
    User and password may instead come from ACTIONBOT_SMTP_USER / ACTIONBOT_SMTP_PASSWORD, which win.
    Raises SettingsError naming the variable that is malformed.
    """
    env = os.environ if env is None else env
    raw = (env.get(SMTP_URL_ENV) or "").strip()
    if not raw:
        return None
    example = "e.g. smtp://mail.example.gov.uk:587 or smtps://user@mail.example.gov.uk"
    try:
        url = urlsplit(raw)
        port = url.port
    except ValueError as exc:
        raise SettingsError(f"{SMTP_URL_ENV} is not a URL ({exc}); {example}.") from None
    if url.scheme not in ("smtp", "smtps") or not url.hostname:
        raise SettingsError(f"{SMTP_URL_ENV} must start smtp:// or smtps:// and name a host; {example}.")
    query = parse_qs(url.query)
    if set(query) - {"starttls"} or query.get("starttls", ["require"]) != ["require"] or url.path not in ("", "/"):
        raise SettingsError(f"{SMTP_URL_ENV} may only add ?starttls=require after the host; {example}.")
    tls = "implicit" if url.scheme == "smtps" else "require-starttls" if query else "starttls"
    user = env.get(SMTP_USER_ENV) or (unquote(url.username) if url.username else None)
    password = env.get(SMTP_PASSWORD_ENV) or (unquote(url.password) if url.password else None)
    if password and not user:
        raise SettingsError(f"{SMTP_PASSWORD_ENV} (or a password in {SMTP_URL_ENV}) is set without a user name.")
    sender = _address(env, MAIL_FROM_ENV, required=True)
    reply_to = _address(env, MAIL_REPLY_TO_ENV, required=False)
    default_port = 465 if tls == "implicit" else 587
    return MailSettings(url.hostname, port or default_port, tls, user, password, sender or "", reply_to)


def _address(env: Mapping[str, str], name: str, required: bool) -> str | None:
    value = (env.get(name) or "").strip()
    if not value:
        if required:
            raise SettingsError(
                f"{name} is not set: it should be the address digests come from, e.g. "
                "actionbot@safeguarding.example.gov.uk (a mailbox the coordinators read)."
            )
        return None
    if not plain_address(value):
        raise SettingsError(f"{name} is not a plain email address ({value[:80]!r}); e.g. actionbot@example.gov.uk.")
    return value


def plain_address(value: str) -> bool:
    """True for a bare ASCII address (local@domain) with no spaces, brackets, commas or line breaks."""
    return value.isascii() and bool(_ADDRESS.fullmatch(value)) and len(value) <= 254  # no SMTPUTF8 needed
