"""Socket Mode: the app connected to Slack over slack_sdk's own client (through Bolt's adapter), its connection
watched by a ConnectionMonitor, and a clean stop that closes the socket.

What slack_sdk's built-in client does on its own, and what this relies on: on `hello` it is connected; on a
close frame or a `disconnect` message (e.g. refresh_requested) it asks apps.connections.open for a new URL and
connects at once; if a connection attempt fails or the socket dies, its monitor retries every `ping_interval`
seconds until Slack answers again. Events Slack could not deliver, or that were not acknowledged, are redelivered
by Slack with `retry_attempt`; the state store's event_id check (bot/slack/dedupe.py) answers each one once.
"""

from __future__ import annotations

import logging
import threading

from bot.slack.sdk import App, WebClient, socket_mode_handler
from bot.slack.socket_health import ConnectionMonitor

log = logging.getLogger(__name__)
PING_SECONDS = 10.0  # Bolt's default: a silent connection is replaced after four intervals


class SocketMode:
    """One app's Socket Mode connection: `start()` connects (not blocking), `stop()` closes the socket."""

    def __init__(self, app: App, app_token: str, client: WebClient, ping_interval: float = PING_SECONDS) -> None:
        self.handler = socket_mode_handler(app, app_token, client, ping_interval=ping_interval)
        self.monitor = ConnectionMonitor()
        self.monitor.attach(self.handler.client)  # type: ignore[attr-defined]
        self._stopped = threading.Event()

    def start(self) -> None:
        """Ask Slack for a connection URL and connect; raises SlackApiError if Slack refuses the app token.

        A connection that fails after that is retried by the client itself.
        """
        self.handler.connect()  # type: ignore[attr-defined]

    def stop(self) -> None:
        """Close the connection and the client's threads (idempotent). Listeners already running finish."""
        if self._stopped.is_set():
            return
        self._stopped.set()
        self.handler.close()  # type: ignore[attr-defined]
        log.info("Socket Mode: connection closed; %s", self.monitor.state().describe())

    @property
    def connected(self) -> bool:
        return self.monitor.state().connected
