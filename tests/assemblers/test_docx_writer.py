"""The writer: numbering XML, tables built in bulk, RAG shading, pictures, footer, styles from the base."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from assemblers.blocks import parse
from assemblers.chart import progress_chart
from assemblers.docx_writer import RAG_FILLS, write
from assemblers.errors import AssemblyError
from tests.assemblers.conftest import footer_text, labels, num_pr

DOC = """<!-- reference: CF0999 -->

# One

1. first

1. second

| A | B |
|---|---|
| x | y |

# Two

1. third

   continued

1) rec a
1) rec b

Between.

1) rec c

1. fourth
"""


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_paragraph_numbers_continue_and_recommendations_restart(base_path: Path) -> None:
    document = _open(write(parse(DOC), base_path))
    assert labels(document) == [
        ("1.", "first"),
        ("2.", "second"),
        ("3.", "third"),
        ("1)", "rec a"),
        ("2)", "rec b"),
        ("1)", "rec c"),
        ("4.", "fourth"),
    ]
    numbered = {num_pr(p) for p in document.paragraphs if p.style.name == "Numbered Paragraph"}
    recs = [num_pr(p) for p in document.paragraphs if p.style.name == "Recommendation"]
    assert len(numbered) == 1, "one list for every numbered paragraph in the document"
    assert recs[0] == recs[1] != recs[2], "each recommendation list has its own restarting list"
    continued = next(p for p in document.paragraphs if p.text == "continued")
    assert continued.style.name == "Numbered Continuation" and num_pr(continued) is None


def test_numbering_definitions_are_added_after_the_bases_own(base_path: Path) -> None:
    document = _open(write(parse(DOC), base_path))
    root = document.part.numbering_part.element
    children = [child.tag for child in root]
    last_abstract = max(i for i, tag in enumerate(children) if tag == qn("w:abstractNum"))
    first_num = min(i for i, tag in enumerate(children) if tag == qn("w:num"))
    assert last_abstract < first_num, "schema order: every w:abstractNum before any w:num"
    nsids = [a.find(qn("w:nsid")).get(qn("w:val")) for a in root.iterchildren(qn("w:abstractNum"))]
    assert len(nsids) == len(set(nsids))


def test_numbering_part_is_created_when_the_base_has_none(tmp_path: Path, base_path: Path) -> None:
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(base_path) as src, zipfile.ZipFile(bare, "w") as dst:
        for info in src.infolist():
            if info.filename == "word/numbering.xml":
                continue
            data = re.sub(rb"<(Relationship|Override) [^>]*numbering[^>]*/>", b"", src.read(info))
            dst.writestr(info, data)
    assert not any("numbering" in rel.reltype for rel in docx.Document(str(bare)).part.rels.values())
    document = _open(write(parse("1. a\n\n1. b\n\n1) r\n"), bare))
    assert labels(document) == [("1.", "a"), ("2.", "b"), ("1)", "r")]


def test_table_header_repeats_widths_are_set_and_rag_cells_shaded(base_path: Path) -> None:
    rows = "".join(f"| {i} | <!-- rag: {c} --> {c} |\n" for i, c in enumerate(["red", "amber", "green", "grey"] * 50))
    markdown = f"<!-- table: widths=1,3 -->\n| Id | Status |\n|---|---|\n{rows}"
    document = _open(write(parse(markdown), base_path))
    (table,) = document.tables
    assert len(table.rows) == 201
    assert table.style.name == "Action Table"
    trs = table._tbl.findall(qn("w:tr"))
    assert trs[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert all(tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None for tr in trs[1:])
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid[1] == pytest.approx(3 * grid[0], abs=3) and sum(grid) == 9072
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    widths = [int(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))) for tc in trs[5].findall(qn("w:tc"))]
    assert widths == grid
    for tr in trs[1:5]:
        status = tr.findall(qn("w:tc"))[1]
        colour = "".join(t.text for t in status.iter(qn("w:t")))
        assert status.find(f"{qn('w:tcPr')}/{qn('w:shd')}").get(qn("w:fill")) == RAG_FILLS[colour]
        assert tr.findall(qn("w:tc"))[0].find(f"{qn('w:tcPr')}/{qn('w:shd')}") is None
    assert [c.paragraphs[0].style.name for c in table.rows[0].cells] == ["Table Heading"] * 2
    assert [c.paragraphs[0].style.name for c in table.rows[1].cells] == ["Table Text"] * 2


def test_table_without_widths_sizes_columns_by_content(base_path: Path) -> None:
    long = "word " * 30
    document = _open(write(parse(f"| a | b |\n|---|---|\n| 1 | {long} |\n"), base_path))
    grid = [int(col.get(qn("w:w"))) for col in document.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid[1] > 5 * grid[0]


def test_picture_is_an_inline_png_with_alt_text_and_caption(base_path: Path) -> None:
    categories = [
        {"key": "complete", "label": "Complete", "count": 3},
        {"key": "overdue", "label": "Overdue", "count": 1},
    ]
    png = progress_chart(categories)
    document = _open(
        write(parse('![Chart of progress](chart:progress "Figure 1: progress")\n'), base_path, {"chart:progress": png})
    )
    (shape,) = document.inline_shapes
    assert shape._inline.docPr.get("descr") == "Chart of progress"
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert document.part.related_parts[blip].content_type == "image/png"
    assert document.part.related_parts[blip].blob == png
    assert [p.style.name for p in document.paragraphs] == ["Figure", "Caption"]
    assert document.paragraphs[1].text == "Figure 1: progress"


def test_picture_the_draft_does_not_have_is_an_error(base_path: Path) -> None:
    with pytest.raises(AssemblyError, match="asks for the picture 'chart:other'"):
        write(parse("![x](chart:other)\n"), base_path, {"chart:progress": b""})


def test_footer_reference_and_page_number(base_path: Path) -> None:
    document = _open(write(parse(DOC), base_path))
    assert footer_text(document).startswith("CF0999\tPage ")
    instructions = [f.get(qn("w:instr")).strip() for f in document.sections[0].footer._element.iter(qn("w:fldSimple"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_footer_placeholder_is_emptied_without_a_reference(base_path: Path) -> None:
    document = _open(write(parse("text\n"), base_path))
    assert "{reference}" not in footer_text(document)
    assert footer_text(document).startswith("\tPage ")


def test_reference_is_added_when_the_base_footer_has_no_placeholder(tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    out = _open(write(parse("<!-- reference: CF0001 -->\n<!-- style: Normal -->\ntext\n"), plain))
    assert footer_text(out).splitlines()[0] == "CF0001"


def test_body_of_the_base_is_replaced_and_the_page_is_a4(base_path: Path) -> None:
    document = _open(write(parse("only\n"), base_path))
    assert [p.text for p in document.paragraphs] == ["only"]
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert (document.styles["Normal"].font.name, document.styles["Normal"].font.size.pt) == ("Arial", 12)
    defaults = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
    )
    assert defaults.get(qn("w:ascii")) == "Arial"


def test_a_style_the_base_lacks_is_an_error_naming_it_and_the_file(tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    with pytest.raises(AssemblyError) as caught:
        write(parse("1. numbered\n"), plain)
    assert "'Numbered Paragraph'" in str(caught.value) and str(plain) in str(caught.value)


def test_page_break_and_line_break(base_path: Path) -> None:
    document = _open(write(parse("a\\\nb\n\n<!-- page-break -->\nc\n"), base_path))
    breaks = [br.get(qn("w:type")) for br in document.element.body.iter(qn("w:br"))]
    assert breaks == [None, "page"]
