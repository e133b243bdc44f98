"""Logging for operators: timestamps, INFO by default, JSON lines on request, and never a secret.

What is logged at INFO: start-up (where the knowledge base, the data and the state are), reloads,
reminder runs with their counts, and updates recorded (plan, action, person and status - never the
note's text). The formatters also mask anything shaped like a Slack token, and the values
of the secret variables that are set, in case a library's message carries one.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Iterable
from typing import TextIO

from knowledge.lazyre import lazy

_TOKEN = lazy(r"\bx(?:ox[abposre]|app)-[A-Za-z0-9-]+")
MASK = "[redacted]"


class Redact:
    """Replaces Slack tokens and the given secret values with [redacted]."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self.secrets = [s for s in secrets if s]

    def clean(self, text: str) -> str:
        text = _TOKEN.sub(MASK, text)
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        return text


class JsonLines(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, and the traceback if any."""

    def __init__(self, redact: Redact | None = None) -> None:
        super().__init__()
        self.redact = redact or Redact()

    def format(self, record: logging.LogRecord) -> str:
        import json  # here, not at the top: only JSON logging needs it, and every command configures logging

        out = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": self.redact.clean(record.getMessage()),
        }
        if record.exc_info:
            out["traceback"] = self.redact.clean(self.formatException(record.exc_info))
        return json.dumps(out, ensure_ascii=False)


class Text(logging.Formatter):
    """`2026-11-27T09:00:01.123Z INFO bot.remind: message` in UTC, the traceback below if any; redacted."""

    def __init__(self, redact: Redact | None = None) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")
        self.redact = redact or Redact()

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return dt.datetime.fromtimestamp(record.created, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.") + (
            f"{int(record.msecs):03d}Z"
        )

    def format(self, record: logging.LogRecord) -> str:
        return self.redact.clean(super().format(record))


class _Stderr(logging.StreamHandler):
    """A handler writing to whatever sys.stderr is at the time of each record (tests swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass


def configure(
    level: str = "INFO", fmt: str = "text", secrets: Iterable[str] = (), stream: TextIO | None = None
) -> logging.Handler:
    """Send every log record to `stream` (default stderr) in `fmt` ("text" or "json"); returns the handler."""
    handler: logging.StreamHandler = logging.StreamHandler(stream) if stream is not None else _Stderr()
    redact = Redact(secrets)
    handler.setFormatter(JsonLines(redact) if fmt == "json" else Text(redact))
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "actionbot", False):
            root.removeHandler(old)
    handler.actionbot = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(getattr(logging, level))
    for noisy in ("urllib3", "slack_sdk", "slack_bolt", "waitress", "filelock", "matplotlib", "PIL"):
        logging.getLogger(noisy).setLevel(max(getattr(logging, level), logging.WARNING))
    return handler
