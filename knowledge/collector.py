"""Python's cyclic garbage collector paused while a large tree of new objects is built (loading, unpickling,
indexing): those objects make no garbage, and each pass of the collector over a growing heap costs more, so
building 100,000 actions' records would otherwise grow faster than linearly."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block, and back as it was after it (also when the block raises)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
