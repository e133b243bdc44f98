"""Composing weekly digests for 1,000 leads over the 10,000-action synthetic knowledge base."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

from bench import synthetic
from bot.remind import DEFAULT_PACE
from knowledge import loader
from knowledge.digest import compose


def run() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        kb = loader.load_knowledge_base(synthetic.write(Path(tmp) / "kb"))
    today = dt.date(2026, 1, 15)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        composition = compose(kb, today)
        times.append(time.perf_counter() - start)
    items = sum(len(d.items) for d in composition.digests)
    return {
        "actions": len(kb.actions()),
        "leads_with_digest": len(composition.digests),
        "digest_items": items,
        "compose_best_s": min(times),
        "compose_median_s": sorted(times)[2],
        "send_pacing_s": DEFAULT_PACE,
        "send_1000_leads_min": round(1000 * DEFAULT_PACE / 60, 1),
        "pacing_note": "sending is paced at one digest per ACTIONBOT_REMIND_PACE seconds (Slack allows about one "
        "chat.postMessage a second); a 429 is honoured via Retry-After",
    }
