"""The parser's shortcuts give exactly what stock markdown-it gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_block.table import escapedSplit

from assemblers.blocks import PLACEHOLDER_END, PLACEHOLDER_START, Run, _runs, parse
from assemblers.errors import AssemblyError
from assemblers.mdparse import _escaped_split, block_tokens, inline_tokens, plain_text

STOCK = MarkdownIt("commonmark", {"html": True}).enable("table")
MARKDOWNISH = st.text(alphabet="ab \\|`*_[]!<>&;#().-:\n\t1", max_size=40)


def _stock_inline(source: str) -> list[tuple[str, str]]:
    (paragraph_inline,) = [t for t in STOCK.parse(source) if t.type == "inline"]
    return [(c.type, c.content) for c in paragraph_inline.children]


@settings(max_examples=500)
@given(st.text(alphabet="ab \\|", max_size=30))
def test_fast_row_split_matches_markdown_its(line: str) -> None:
    assert _escaped_split(line) == escapedSplit(line)


def _folded(tokens: list) -> list[tuple]:
    """Block tokens as tuples, each table as mdparse gives it: table_open holding its rows of (inline source,
    line), then table_close (stock markdown-it gives thead, tbody, tr, th, td and inline tokens between)."""
    out: list[tuple] = []
    rows: list | None = None
    for t in tokens:
        if t.type == "table_open":
            rows = []
            out.append((t.type, t.tag, t.markup, t.content, t.map, rows))
        elif t.type == "table_close":
            rows = None
            out.append((t.type, t.tag, t.markup, t.content, t.map))
        elif rows is None:
            out.append((t.type, t.tag, t.markup, t.content, t.map))
        elif t.type == "tr_open":
            rows.append([])
        elif t.type == "inline":
            rows[-1].append((t.content, t.map[0]))
    return out


def _ours(tokens: list) -> list[tuple]:
    return [
        (
            t.type,
            t.tag,
            t.markup,
            t.content,
            t.map,
            *([[list(r) for r in t.meta["rows"]]] if t.type == "table_open" else []),
        )
        for t in tokens
    ]


@settings(max_examples=500)
@given(MARKDOWNISH)
def test_block_tokens_match_stock_markdown_it(text: str) -> None:
    ours, _ = block_tokens(text)
    assert _ours(ours) == _folded(STOCK.parse(text))


TABLEISH = st.lists(
    st.one_of(
        st.just("| a | b |"),
        st.just("|---|:-:|"),
        st.just("--- | ---"),
        st.just(""),
        st.just("> quote"),
        st.just("    | code |"),
        st.just("- item"),
        st.text(alphabet="ab |\\-:>#`", max_size=12),
    ),
    max_size=8,
).map("\n".join)


@settings(max_examples=1000)
@given(TABLEISH)
def test_tables_are_read_as_stock_markdown_it_reads_them(text: str) -> None:
    ours, _ = block_tokens(text)
    assert _ours(ours) == _folded(STOCK.parse(text))


@settings(max_examples=1000)
@given(MARKDOWNISH.map(lambda s: " ".join(s.split())).filter(bool))
def test_plain_text_fast_path_and_inline_parse_match_stock(source: str) -> None:
    if [t.type for t in STOCK.parse(source)] != ["paragraph_open", "inline", "paragraph_close"]:
        return  # a heading, list, reference definition...: not one paragraph of inline text
    expected = _stock_inline(source)
    assert [(t.type, t.content) for t in inline_tokens(source, {})] == expected
    text = plain_text(source)
    if text is not None:
        assert expected == ([("text", text)] if text else [])


def test_table_rows_with_escaped_pipes() -> None:
    text = "| a | b |\n|---|---|\n| x \\| y | \\\\\\| z |\n"
    ours, _ = block_tokens(text)
    (table,) = [t for t in ours if t.type == "table_open"]
    assert (
        [cell for row in table.meta["rows"] for cell, _ in row]
        == [t.content for t in STOCK.parse(text) if t.type == "inline"]
        == ["a", "b", "x | y", "\\\\| z"]
    )


@settings(max_examples=500)
@given(st.text(alphabet="ab \\`*_[]!<>&;#().-:1", max_size=30))
def test_rag_cell_shortcut_matches_the_full_inline_parse(text: str) -> None:
    markdown = f"| a |\n|---|\n| <!-- rag: amber --> {text} |\n"
    stock_cell = [t for t in STOCK.parse(markdown) if t.type == "inline"][-1]
    first, *rest = stock_cell.children
    assert first.type == "html_inline"
    try:
        expected = _runs(rest, stock_cell)
    except AssemblyError:
        with pytest.raises(AssemblyError):
            parse(markdown)
        return
    if expected and not expected[0].line_break:
        expected = (Run(expected[0].text.lstrip(), expected[0].bold, expected[0].italic), *expected[1:])
        expected = tuple(r for r in expected if r.text or r.line_break)
    (table,) = parse(markdown).blocks
    assert table.rows[0][0].rag == "amber"
    # "[...]" in the template's own text is a placeholder: the same text, between the placeholder marks
    unmarked = tuple(
        Run(r.text.replace(PLACEHOLDER_START, "").replace(PLACEHOLDER_END, ""), r.bold, r.italic, r.line_break)
        for r in table.rows[0][0].runs
    )
    assert unmarked == expected


def test_the_blocks_that_end_a_table_are_the_ones_the_row_shortcut_knows() -> None:
    """mdparse's table rule does not ask these rules about a row starting "|": none of them starts a block there."""
    from assemblers.mdparse import MD

    rules = MD.block.ruler.getRules("blockquote")
    assert [r.__name__ for r in rules] == ["_fence_rule", "blockquote", "hr", "list_block", "html_block", "heading"]
    text = "| a |\n|---|\n"
    for row in ("| x |", "|> x", "|# x", "|- x", "|<b>", "|```", "|1. x"):
        assert _ours(block_tokens(text + row)[0]) == _folded(STOCK.parse(text + row))
