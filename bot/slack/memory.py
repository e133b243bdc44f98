"""What "it" means in a conversation: the subject of the last answer, per channel thread or DM, for a while."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from knowledge.answer import Subject

TTL_SECONDS = 30 * 60
MAX_CONVERSATIONS = 2000


class Memory:
    """A small thread-safe LRU of conversation -> last answer subject, forgotten after TTL_SECONDS."""

    def __init__(self, ttl: float = TTL_SECONDS, size: int = MAX_CONVERSATIONS) -> None:
        self.ttl, self.size = ttl, size
        self._items: OrderedDict[tuple[str, ...], tuple[float, Subject]] = OrderedDict()
        self._lock = threading.Lock()

    def recall(self, key: tuple[str, ...], now: float | None = None) -> Subject | None:
        """The subject remembered for this conversation, if recent."""
        now = time.monotonic() if now is None else now
        with self._lock:
            found = self._items.get(key)
            if found is None or now - found[0] > self.ttl:
                return None
            return found[1]

    def remember(self, key: tuple[str, ...], subject: Subject | None, now: float | None = None) -> None:
        """Keep the latest answer's subject (an answer with none leaves the previous one in place)."""
        if subject is None:
            return
        with self._lock:
            self._items[key] = (time.monotonic() if now is None else now, subject)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def conversation_key(event: dict) -> tuple[str, ...]:
    """The thread a reply goes to: a mention's own thread (its ts starts it), or a DM (its channel)."""
    channel = str(event.get("channel", ""))
    thread = event.get("thread_ts") or (event.get("ts") if event.get("type") == "app_mention" else None)
    return (channel, str(thread)) if thread else (channel, "dm")
