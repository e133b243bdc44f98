"""Build the Bolt app: the Web API client, the middleware and every surface's listeners. Wiring only."""

from __future__ import annotations

import logging
from concurrent.futures import Executor

from bot.settings import Settings
from bot.slack import commands, errors, events, exports, home, imports, log_update, progress
from bot.slack.deps import Deps
from bot.slack.reload import EngineHolder
from bot.slack.sdk import App, ConnectionErrorRetryHandler, RateLimitErrorRetryHandler, WebClient
from bot.slack.workers import AnswerPool
from bot.state import State

RATE_LIMIT_RETRIES = 3


def make_client(settings: Settings) -> WebClient:
    """A WebClient on SLACK_API_URL (or Slack's own) that waits out 429s (Retry-After) and retries lost connections."""
    return WebClient(
        token=settings.bot_token,
        base_url=settings.api_url or WebClient.BASE_URL,
        retry_handlers=[ConnectionErrorRetryHandler(), RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)],
    )


class _QuietTokenWarning(logging.Filter):
    """Bolt warns that SLACK_BOT_TOKEN is unused when a client is given; that is how actionbot always runs."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


BOLT_LOG = logging.getLogger("actionbot.bolt")
BOLT_LOG.addFilter(_QuietTokenWarning())


def build_app(
    engine_holder: EngineHolder,
    settings: Settings,
    client: WebClient,
    *,
    state: State | None = None,
    executor: Executor | None = None,
    deps: Deps | None = None,
) -> App:
    """The Bolt app with signature verification on; checks the token with auth.test (raises BoltError if refused).

    Listeners run on `executor` (default: a bounded AnswerPool) after the request is acknowledged
    (process_before_response stays False): no answer work, and no state-database write, sits on the ack path.
    """
    deps = deps or Deps(engine_holder, state or State(settings.state_path))
    app = App(
        name="actionbot",
        client=client,
        signing_secret=settings.signing_secret,
        listener_executor=executor or AnswerPool(),
        process_before_response=False,
        logger=BOLT_LOG,
    )
    events.register(app, deps)
    commands.register(app, deps)
    home.register(app, deps)
    progress.register(app, deps)
    log_update.register(app, deps)
    exports.register(app, deps)
    imports.register(app, deps)
    errors.register(app)
    return app
