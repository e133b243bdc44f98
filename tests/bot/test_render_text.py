"""Plain-text rendering of an Answer for the terminal."""

from __future__ import annotations

from bot.render_text import MAX_ITEMS, render
from knowledge.answer import Answer, Item
from knowledge.models import Source

SRC = Source("000_ba3eb70c98682f36.txt", "Corporate Director")


def test_items_lines_and_a_source_line_each() -> None:
    answer = Answer(
        "lead",
        "Lead of city plan, action 7a: Corporate Director.",
        (Item("action", "city plan, action 7a", ("Commission an evaluation", "Lead: X"), source=SRC),),
    )
    assert render(answer).splitlines() == [
        "Lead of city plan, action 7a: Corporate Director.",
        "",
        "  city plan, action 7a",
        "    Commission an evaluation",
        "    Lead: X",
        '    Source: 000_ba3eb70c98682f36.txt: "Corporate Director"',
    ]
    assert "Source:" not in render(answer, show_sources=False)


def test_suggestions_and_notes() -> None:
    answer = Answer(
        "not-found",
        "There is no action 99 in any plan.",
        suggestions=("action 9", "action 8a"),
        notes=("Say `help` for the questions I can answer.",),
    )
    out = render(answer)
    assert "Did you mean: action 9; action 8a" in out
    assert out.endswith("Note: Say `help` for the questions I can answer.")


def test_long_answers_are_cut_with_a_count() -> None:
    items = tuple(Item("action", f"action {n}") for n in range(MAX_ITEMS + 7))
    out = render(Answer("overdue", "Many.", items))
    assert f"action {MAX_ITEMS - 1}" in out and f"action {MAX_ITEMS}\n" not in out
    assert "... and 7 more." in out
