"""Weekly digests for 10,000 leads: the whole job before sending - load, compose and render every message."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from bench import synthetic
from bench.measure import timed
from bot.remind import DEFAULT_PACE
from bot.remind_blocks import digest_blocks, fallback_text
from knowledge import loader
from knowledge.digest import compose

TODAY = dt.date(2026, 1, 15)
LEADS = 10_000


def run() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = synthetic.write(Path(tmp) / "kb", actions=30_000, plans=300, people=LEADS)
        kb = loader.load_knowledge_base(root)
        composition = compose(kb, TODAY)

        def render_all() -> int:
            return sum(len(json.dumps(digest_blocks(d))) + len(fallback_text(d)) for d in composition.digests)

        load = timed(lambda: loader.load_knowledge_base(root), runs=3)
        composing = timed(lambda: compose(kb, TODAY), runs=5)
        rendering = timed(render_all, runs=5)
    whole = load["median_s"] + composing["median_s"] + rendering["median_s"]
    return {
        "actions": len(kb.actions()),
        "people": len(kb.people),
        "leads_with_digest": len(composition.digests),
        "digest_items": sum(len(d.items) for d in composition.digests),
        "load": load,
        "compose": composing,
        "render_blocks": rendering,
        "compose_and_render_s": composing["median_s"] + rendering["median_s"],
        "meets_target_compose_and_render_under_2s": composing["median_s"] + rendering["median_s"] < 2.0,
        "load_compose_render_s": whole,
        "send_pacing_s": DEFAULT_PACE,
        "send_1000_leads_min": round(1000 * DEFAULT_PACE / 60, 1),
        "pacing_note": "sending is paced at one digest per ACTIONBOT_REMIND_PACE seconds (Slack allows about one "
        "chat.postMessage a second); a 429 is honoured via Retry-After",
    }
