"""The one place that imports Slack's libraries (slack_bolt, slack_sdk); the rest of bot/ imports from here."""

from __future__ import annotations

from slack_bolt import Ack, App, BoltRequest, BoltResponse, Respond
from slack_bolt.error import BoltError
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

__all__ = [
    "Ack",
    "App",
    "BoltError",
    "BoltRequest",
    "BoltResponse",
    "ConnectionErrorRetryHandler",
    "RateLimitErrorRetryHandler",
    "Respond",
    "SlackApiError",
    "SlackClientError",
    "WebClient",
    "socket_mode_handler",
]


def socket_mode_handler(app: App, app_token: str, client: WebClient) -> object:
    """A Socket Mode handler for the app (imported only when Socket Mode is used)."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    return SocketModeHandler(app, app_token, web_client=client)
