"""Render an Answer as plain text for the terminal."""

from __future__ import annotations

from knowledge.answer import Answer

MAX_ITEMS = 40


def render(answer: Answer, show_sources: bool = True) -> str:
    """The answer as a few readable lines, with a short "Source:" line per item."""
    out = [answer.text]
    for item in answer.items[:MAX_ITEMS]:
        out.append("")
        out.append(f"  {item.title}")
        out.extend(f"    {line}" for line in item.lines)
        if show_sources and item.source is not None:
            out.append(f"    Source: {item.source.describe()}")
    if len(answer.items) > MAX_ITEMS:
        out.append(f"\n  ... and {answer.count - MAX_ITEMS} more.")
    if answer.suggestions:
        out.append("")
        out.append("Did you mean: " + "; ".join(answer.suggestions))
    for note in answer.notes:
        out.append(f"Note: {note}")
    return "\n".join(out)
