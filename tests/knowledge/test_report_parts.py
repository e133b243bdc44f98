"""A question about one part of the papers ("any financial implications in the allegations service report") is
answered from that part, or honestly not at all: never by an action whose text shares the words."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.render_text import render
from knowledge.engine import Engine
from knowledge.loader import load_knowledge_base

TODAY = dt.date(2025, 1, 10)
PACK = "corporate-parenting-panel-2025-01-14"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_knowledge_base())


def test_a_report_is_named_by_a_word_few_titles_use(engine: Engine) -> None:
    index = engine.passage_index
    assert index is not None
    parts, _ = index.named_parts("is there anything about money in the allegations report")
    assert parts == [(PACK, "item-9-managing-allegations")]
    # two parts of one item share the words: both are named
    parts, _ = index.named_parts("reasons in the hsb report")
    assert set(parts) == {(PACK, "item-8-hsb-report"), (PACK, "item-8-hsb-review")}
    # a word of the whole paper's title names the paper, not its chapter "The NCSCP"
    parts, _ = index.named_parts("author of the ncscp annual report")
    assert all(part != "the-ncscp" for _, part in parts)


def test_a_search_within_parts_stays_in_them(engine: Engine) -> None:
    index = engine.passage_index
    assert index is not None
    only = [(PACK, "item-7-strategic-safeguarding")]
    hits = index.search("financial implications", limit=3, parts=only)
    assert hits and all((h.paper.id, h.passage.part) == only[0] for h in hits)
    everywhere = index.search("financial implications", limit=6)
    assert {h.passage.part for h in everywhere} - {"item-7-strategic-safeguarding"}  # others exist, kept out


@pytest.mark.parametrize(
    ("question", "part", "section"),
    [
        ("financial implications in the strategic safeguarding service report?", "Strategic Safeguarding", "Financial"),
        ("what are the other options in the residential homes report", "Residential Homes", "Other Options"),
        ("reason for the recommendation in the hsb paper", "Harmful Sexual Behaviour", "Reason"),
    ],
)
def test_the_part_named_answers(engine: Engine, question: str, part: str, section: str) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.kind == "passage", render(answer)
    assert part in answer.text and section in answer.text, answer.text
    assert not any(item.kind == "action" for item in answer.items)


def test_nothing_in_the_part_named_is_not_sure_not_an_action(engine: Engine) -> None:
    # county Action 3's text mentions "financial implications"; the allegations report has no legal implications
    answer = engine.ask("any legal implications in the allegations service report", TODAY)
    assert answer.kind == "not-sure", render(answer)
    assert "Action 3" not in answer.text
