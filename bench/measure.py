"""Fair timing helpers: the same collector setting on both sides, medians with their spread."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def collector_off() -> Iterator[None]:
    """Switch the cyclic garbage collector off for a timed region (both sides of a comparison use it)."""
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def timed(func: Callable[[], object], runs: int = 5, collector: bool = False) -> dict:
    """Median, min and max seconds over `runs` calls, with the collector off unless `collector`."""
    times = []
    for _ in range(runs):
        if collector:
            start = time.perf_counter()
            func()
            times.append(time.perf_counter() - start)
            continue
        with collector_off():
            start = time.perf_counter()
            func()
            times.append(time.perf_counter() - start)
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times), "runs": runs}


def side_by_side(funcs: dict[str, Callable[[], object]], runs: int = 5, collector: bool = False) -> dict[str, dict]:
    """`timed` for several functions run in turn within each round (the order alternating between rounds), so
    that a machine busy with other work slows every side alike; {name: median, min, max seconds}."""
    times: dict[str, list[float]] = {name: [] for name in funcs}
    order = list(funcs)
    for round_ in range(runs):
        for name in order if round_ % 2 == 0 else order[::-1]:
            times[name].append(timed(funcs[name], runs=1, collector=collector)["min_s"])
    return {
        name: {"median_s": statistics.median(t), "min_s": min(t), "max_s": max(t), "runs": runs}
        for name, t in times.items()
    }


def ratio(ours: dict, theirs: dict) -> dict:
    """Our median over theirs, with the spread (our best over their worst, our worst over their best)."""
    return {
        "ratio": ours["median_s"] / theirs["median_s"],
        "ratio_low": ours["min_s"] / theirs["max_s"],
        "ratio_high": ours["max_s"] / theirs["min_s"],
    }


def percentiles(values_ms: list[float]) -> dict:
    ordered = sorted(values_ms)
    if not ordered:
        return {"n": 0}

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, round(p * len(ordered)) - 1))]

    return {"n": len(ordered), "p50_ms": at(0.5), "p90_ms": at(0.9), "p99_ms": at(0.99), "max_ms": ordered[-1]}
