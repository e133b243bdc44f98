"""What the listeners share: the engine holder, the state database and the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.slack.memory import Memory
from bot.slack.reload import EngineHolder
from bot.state import State
from knowledge.dates import today_in_london


@dataclass(frozen=True)
class Deps:
    """Handed to every `register(app, deps)`; handlers read `holder.engine` once per request."""

    holder: EngineHolder
    state: State
    today: Callable[[], dt.date] = field(default=today_in_london)
    memory: Memory = field(default_factory=Memory)
