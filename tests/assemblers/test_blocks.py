"""The Markdown convention: numbered paragraphs, recommendations, tables, pictures, directives, refusals."""

from __future__ import annotations

import pytest

from assemblers.blocks import (
    Heading,
    Image,
    NumberedParagraph,
    PageBreak,
    Paragraph,
    Recommendation,
    Run,
    Table,
    parse,
)
from assemblers.errors import AssemblyError


def test_full_stop_lists_are_numbered_paragraphs_and_bracket_lists_recommendations() -> None:
    parsed = parse("# A\n\n1. one\n2. two\n\n# B\n\n1. three\n\n1) r1\n2) r2\n\ntext\n\n1) s1\n")
    kinds = [(type(b).__name__, getattr(b, "group", None)) for b in parsed.blocks]
    assert kinds == [
        ("Heading", None),
        ("NumberedParagraph", None),
        ("NumberedParagraph", None),
        ("Heading", None),
        ("NumberedParagraph", None),
        ("Recommendation", 1),
        ("Recommendation", 1),
        ("Paragraph", None),
        ("Recommendation", 2),
    ]


def test_list_item_continuations_bullets_and_quotes() -> None:
    parsed = parse("1. first\n\n   more\n\n   - a\n   - b\n\n> said\n")
    assert [(type(b).__name__, b.style) for b in parsed.blocks] == [
        ("NumberedParagraph", "Numbered Paragraph"),
        ("Paragraph", "Numbered Continuation"),
        ("Paragraph", "List Bullet"),
        ("Paragraph", "List Bullet"),
        ("Paragraph", "Quote"),
    ]


def test_inline_formatting_and_line_breaks() -> None:
    (block,) = parse("plain **bold *both*** *it*\\\nnext [link](http://x)\n").blocks
    assert block.runs == (
        Run("plain "),
        Run("bold ", bold=True),
        Run("both", bold=True, italic=True),
        Run(" "),
        Run("it", italic=True),
        Run(line_break=True),
        Run("next link"),
    )


def test_directives() -> None:
    parsed = parse(
        "<!-- reference: CF0226 -->\n<!-- title: A \\& B -->\n<!-- style: Report Title -->\nTitle\n\n"
        "<!-- page-break -->\n<!-- style: Agenda Table -->\n<!-- table: widths=1,3 -->\n"
        "| | |\n|-|-|\n| <!-- rag: amber --> 1 | x |\n"
    )
    assert parsed.properties == {"reference": "CF0226", "title": "A & B"}
    title, page_break, table = parsed.blocks
    assert title == Paragraph((Run("Title"),), "Report Title")
    assert page_break == PageBreak()
    assert isinstance(table, Table) and table.header is None and table.widths == (1.0, 3.0)
    assert table.style == "Agenda Table"
    assert [(c.rag, c.runs) for c in table.rows[0]] == [("amber", (Run("1"),)), (None, (Run("x"),))]


def test_picture_with_caption() -> None:
    (image,) = parse('![Alt words](chart:progress "Figure 1: caption")\n').blocks
    assert image == Image("chart:progress", "Alt words", "Figure 1: caption", "Figure")


def test_styles_used_with_their_kinds() -> None:
    parsed = parse('# H\n\n1. n\n\n1) r\n\n| a |\n|---|\n| b |\n\n![x](chart:progress "c")\n')
    assert parsed.styles() == {
        "Heading 1": "paragraph",
        "Numbered Paragraph": "paragraph",
        "Recommendation": "paragraph",
        "Action Table": "table",
        "Table Text": "paragraph",
        "Table Heading": "paragraph",
        "Figure": "paragraph",
        "Caption": "paragraph",
    }
    assert isinstance(parsed.blocks[0], Heading) and isinstance(parsed.blocks[1], NumberedParagraph)
    assert isinstance(parsed.blocks[2], Recommendation)


@pytest.mark.parametrize(
    ("markdown", "words"),
    [
        ("<div>raw</div>\n", "raw HTML is not supported"),
        ("text <b>bold</b>\n", "inline HTML is not supported"),
        ("<!-- colour: red -->\ntext\n", "unknown directive <!-- colour: red -->"),
        ("a\n\n---\n", "a rule (---) has no place in a report"),
        ("```\ncode\n```\n", "a code block has no place in a report"),
        ("#### Deep\n", "a level-4 heading is deeper than the house styles go"),
        ("1. a\n\n   1. b\n", "a numbered list inside a list item"),
        ("see ![x](chart:progress) here\n", "a picture must stand alone in its paragraph"),
        ("<!-- table: widths=1,x -->\n| a |\n|---|\n", "cannot read <!-- table: widths=1,x -->"),
        ("<!-- table: widths=1,2 -->\n| a |\n|---|\n", "gives 2 widths for 1 columns"),
        ("| a |\n|---|\n| <!-- rag: blue --> x |\n", "unknown RAG colour 'blue'"),
        ("text\n\n<!-- style: Quote -->\n", "followed by no block"),
    ],
)
def test_refusals_name_the_problem_and_line(markdown: str, words: str) -> None:
    with pytest.raises(AssemblyError) as caught:
        parse(markdown)
    assert words in str(caught.value)
    if "line" in str(caught.value):
        assert "of the rendered Markdown" in str(caught.value)


def test_refusal_names_the_line() -> None:
    with pytest.raises(AssemblyError, match=r"line 3 of the rendered Markdown"):
        parse("one\n\n<span>x</span>\n")
