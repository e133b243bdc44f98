"""The one place that imports Slack's libraries (slack_bolt, slack_sdk); the rest of bot/ imports from here."""

from __future__ import annotations

import copy

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
    "without_connection_retries",
]


def without_connection_retries(client: object) -> object:
    """The client, or a copy of it that does not retry requests after a lost connection.

    slack_sdk's ConnectionErrorRetryHandler sends a request again when the connection drops, even if Slack already
    acted on it: right for reads, wrong for chat.postMessage, which would post twice. Rate-limit retries stay (a
    429 means Slack did nothing).
    """
    handlers = getattr(client, "retry_handlers", None)
    if not handlers or not any(isinstance(h, ConnectionErrorRetryHandler) for h in handlers):
        return client
    clone = copy.copy(client)
    clone.retry_handlers = [h for h in handlers if not isinstance(h, ConnectionErrorRetryHandler)]
    return clone


def socket_mode_handler(app: App, app_token: str, client: WebClient, **options: object) -> object:
    """A Socket Mode handler for the app (imported only when Socket Mode is used).

    Bolt's default adapter, on slack_sdk's built-in Socket Mode client: no dependency beyond slack_sdk (the
    websocket-client and aiohttp clients need theirs; the websockets and aiohttp ones need Bolt's async app).
    It reconnects by itself: at once on a close frame or a `disconnect` message, and otherwise when its monitor,
    every `ping_interval` seconds, finds the connection gone or silent for four intervals. `options` go to
    SocketModeHandler (e.g. ping_interval).
    """
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    return SocketModeHandler(app, app_token, web_client=client, **options)
