"""Escaping: any knowledge-base text renders literally, in a paragraph and in a table cell."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assemblers.blocks import Paragraph, Table, parse
from assemblers.escape import clean, md_escape, md_unescape, strip_control


def test_control_characters_go_tabs_and_newlines_become_spaces() -> None:
    assert strip_control("a\x00b\x07c\x1bd\x7fe\x9ff\ufffeg") == "abcdefg"
    assert clean("  one\ttwo\r\n\nthree  ") == "one two three"


def test_every_ascii_punctuation_character_is_escaped() -> None:
    assert md_escape("1. a|b") == "1\\. a\\|b"
    assert md_escape("<b>&amp;") == "\\<b\\>\\&amp\\;"
    assert md_unescape(md_escape("CF0226 -> *x*")) == "CF0226 -> *x*"


def _paragraph_text(markdown: str) -> str:
    blocks = parse(markdown).blocks
    assert len(blocks) == 1 and isinstance(blocks[0], Paragraph) and blocks[0].style == "Body Text"
    assert not any(run.bold or run.italic or run.line_break for run in blocks[0].runs)
    return "".join(run.text for run in blocks[0].runs)


@given(st.text())
def test_any_text_renders_literally_as_one_plain_paragraph(text: str) -> None:
    if not clean(text):
        return
    assert _paragraph_text(md_escape(text) + "\n") == clean(text)


@given(st.text())
def test_any_text_renders_literally_between_template_words(text: str) -> None:
    assert _paragraph_text(f"Before {md_escape(text)} after\n") == f"Before {clean(text)} after"


@given(st.text(), st.text())
def test_any_text_stays_in_its_table_cell(first: str, second: str) -> None:
    markdown = f"| a | b |\n|---|---|\n| {md_escape(first)} | {md_escape(second)} |\n"
    (table,) = parse(markdown).blocks
    assert isinstance(table, Table)
    (row,) = table.rows
    assert ["".join(r.text for r in cell.runs) for cell in row] == [clean(first), clean(second)]


def test_leading_number_and_marker_do_not_start_lists_or_headings() -> None:
    for text in ("1. first", "1) first", "- dash", "* star", "# hash", "> quote", "    code", "---", "==="):
        assert _paragraph_text(f"Line\n{md_escape(text)}\n") == f"Line {clean(text)}"


SPACES_AND_CONTROLS = " \t\n\x0b\x0c\r\x1c\x1f\x7f\x85\x9f\xa0\u2028\u3000\ue000\ue001\ufffe\uffffab.|"


@settings(max_examples=2000)
@given(st.text() | st.text(SPACES_AND_CONTROLS))
def test_cleaning_returns_a_clean_text_as_it_is_only_when_it_is_clean(text: str) -> None:
    assert clean(text) == " ".join(strip_control(text).split())
