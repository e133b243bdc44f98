"""Draw the progress chart: a bar of actions in each category, as PNG bytes (matplotlib, Agg, no pyplot)."""

from __future__ import annotations

import io
from collections.abc import Sequence

COLOURS = {
    "complete": "#2E7D32",
    "on_track": "#92D050",
    "overdue": "#E53935",
    "not_started": "#FFC000",
    "not_stated": "#A6A6A6",
}


def progress_chart(categories: Sequence[dict], title: str = "Actions by progress") -> bytes:
    """Return a PNG bar chart of `categories` ({key, label, count}); a zero "No status stated" bar is left out."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    shown = [c for c in categories if c["key"] != "not_stated" or c["count"]]
    figure = Figure(figsize=(6.3, 2.6), dpi=200)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    labels = [c["label"] for c in shown]
    counts = [c["count"] for c in shown]
    bars = axes.bar(labels, counts, color=[COLOURS.get(c["key"], "#4472C4") for c in shown], width=0.6)
    axes.bar_label(bars, padding=2, fontsize=9)
    axes.set_title(title, fontsize=10)
    axes.set_ylabel("Actions", fontsize=9)
    axes.tick_params(labelsize=9)
    axes.set_ylim(0, max([*counts, 1]) * 1.2)
    axes.yaxis.get_major_locator().set_params(integer=True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()
