"""The answer pool: the threads that run listeners after the request was acknowledged, with a bound on the queue.

Bolt acknowledges an event before its listener runs and hands the listener to this executor, so the HTTP (or
Socket Mode) thread that acknowledges never waits for an answer. Why a pool of our own and not Bolt's default
(`ThreadPoolExecutor(max_workers=5)`): that queue has no bound, so a burst of mentions could queue work without
limit. Here at most `workers + queue` listeners are running or waiting; past that `submit` raises `Overloaded`,
Bolt answers the request 500 and Slack delivers the event again later (the duplicate check runs in the listener,
so a refused event was not recorded and its redelivery is answered). Over Socket Mode, Bolt sends no
acknowledgement for a 500, so Slack redelivers the envelope in the same way
(tests/bot/test_slack_socket_faults.py). A few threads are enough: answers take a
millisecond or two of Python, and the rest of a listener's time is spent waiting on Slack's Web API.

A command, button, shortcut or view submission acknowledges from inside its listener (Bolt's request thread waits
for that `ack()`, up to Slack's 3 s). Such a listener must not wait behind answers to events already acknowledged:
it runs on two threads of its own (`awaits_ack`), within the same bound.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

WORKERS = 4
QUEUE = 1000
ACK_WORKERS = 2
ACK_FIRST_WAIT = 0.02  # seconds an answer waits at most for requests being acknowledged to be acknowledged


class AckGate:
    """Requests being acknowledged in this process, so that answers start after them ("acks first").

    Slack wants an acknowledgement within 3 s (past that it delivers the event again); an answer has no deadline.
    Answers and acknowledgements share one interpreter lock: under a burst, answer threads doing engine work
    take most of it and every acknowledgement waits its turn (8 senders at 10,000 actions: ack p99 ~60-70 ms).
    The request thread holds the gate from the request's arrival to its acknowledgement; an answer waits (at most
    ACK_FIRST_WAIT, so that a steady stream of requests never starves the answers) until no request is being
    acknowledged before it starts.
    """

    def __init__(self) -> None:
        self._busy = 0
        self._clear = threading.Condition(threading.Lock())

    @contextlib.contextmanager
    def acking(self) -> Iterator[None]:
        with self._clear:
            self._busy += 1
        try:
            yield
        finally:
            with self._clear:
                self._busy -= 1
                if not self._busy:
                    self._clear.notify_all()

    def wait_clear(self, timeout: float = ACK_FIRST_WAIT) -> bool:
        """Wait until no request is being acknowledged, at most `timeout` seconds; True when clear."""
        with self._clear:
            return self._clear.wait_for(lambda: not self._busy, timeout)


GATE = AckGate()  # this process's: the HTTP server and the answer pool share it


class Overloaded(RuntimeError):
    """The answer pool is full: the request is refused (Slack will deliver an event again later)."""


class AnswerPool(ThreadPoolExecutor):
    """A thread pool that refuses work past `workers` running plus `queue` waiting."""

    def __init__(self, workers: int = WORKERS, queue: int = QUEUE, name: str = "answer", gate: AckGate = GATE) -> None:
        super().__init__(max_workers=workers, thread_name_prefix=name)
        self.gate = gate
        self.limit = workers + ACK_WORKERS + queue
        self._slots = threading.BoundedSemaphore(self.limit)
        self._acks = ThreadPoolExecutor(max_workers=ACK_WORKERS, thread_name_prefix=f"{name}-ack")

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        if not self._slots.acquire(blocking=False):
            raise Overloaded(f"{self.limit} listeners already running or waiting")
        try:
            if awaits_ack(fn):
                future = self._acks.submit(fn, *args, **kwargs)
            else:
                future = super().submit(self._after_acks, fn, *args, **kwargs)
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(lambda _future: self._slots.release())
        return future

    def _after_acks(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        self.gate.wait_clear()
        return fn(*args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._acks.shutdown(wait, cancel_futures=cancel_futures)
        super().shutdown(wait, cancel_futures=cancel_futures)


def awaits_ack(fn: Callable[..., Any]) -> bool:
    """True for a Bolt listener that Slack is still waiting on: one that acknowledges itself and has not yet.

    Bolt (slack_bolt/listener/thread_runner.py) submits a closure over the request's `ack`; an event's was called
    before the submit (`ack.response` set). Anything else, or a Bolt that changed its closure, is an answer.
    """
    code, cells = getattr(fn, "__code__", None), getattr(fn, "__closure__", None)
    if code is None or not cells or "ack" not in code.co_freevars:
        return False
    try:
        ack = cells[code.co_freevars.index("ack")].cell_contents
    except (IndexError, ValueError):  # ValueError: an empty cell
        return False
    return hasattr(ack, "response") and ack.response is None
