"""The short cuts taken for speed give the documents the long way gives.

- the Word-template route's DocxTemplate skips docxtpl's listing and table passes when they would
  change nothing: its documents equal stock docxtpl's, for templates where the passes do work too;
- comment_highlights finds highlighted runs with lxml: its comments equal the ones python-docx's
  paragraph, table, row and cell walk gave (and a merged cell is commented once, not per column);
- the sandbox takes `row.key` from a plain dict directly: the same value, method or error as Jinja's way;
- docx_writer's own escape and quoteattr equal xml.sax.saxutils';
- the writer's body, spliced into the saved package as text, is the body it parsed into the document.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from xml.sax import saxutils

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, UndefinedError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from assemblers import blocks, docx_template, docx_writer, sandbox
from assemblers.specs import DEFAULT_DIR

BASE = DEFAULT_DIR / "base.docx"
HEADINGS = ["Action", "What will be done", "Lead"]


def report_template(path: Path, spans: bool = False, column_loop: bool = False) -> Path:
    """A docxtpl template: a paragraph loop, a table-row loop; optionally a merged header cell or a column loop."""
    document = docx.Document(str(BASE))
    document.add_paragraph("Report on {{ title }}", style="Body Text")
    document.add_paragraph("{%p for p in paragraphs %}")
    document.add_paragraph("{{ p }}", style="Numbered Paragraph")
    document.add_paragraph("{%p endfor %}")
    table = document.add_table(rows=4, cols=3, style="Action Table")
    for cell, title in zip(table.rows[0].cells, HEADINGS, strict=True):
        cell.text = title
    if spans:
        table.cell(0, 1).merge(table.cell(0, 2))
    table.rows[1].cells[0].text = "{%tr for r in rows %}"
    for cell, key in zip(table.rows[2].cells, ["id", "text", "lead"], strict=True):
        cell.text = "{{ r." + key + " }}"
    if column_loop:  # a cell per extra value: rows end up with more cells than the grid has columns
        for text in ("{%tc for x in r.extra %}", "{{ x }}", "{%tc endfor %}"):
            table.add_column(docx.shared.Cm(2)).cells[2].text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"
    document.save(str(path))
    return path


def context(listing: bool = False) -> dict:
    rows = [
        {"id": f"{i}a", "text": f"Do thing {i} & more", "lead": f"Lead {i}", "extra": ["w", "x", "y", "z"]}
        for i in range(30)
    ]
    paragraphs = [f"Paragraph {i} <about> things." for i in range(12)]
    if listing:  # tabs, new lines and a page break in values: docxtpl's listing pass has work to do
        paragraphs[3] = "First line\nsecond line\tafter a tab"
        rows[5]["text"] = "Two\nlines\fand a page"
    return {"title": "the panel", "paragraphs": paragraphs, "rows": rows}


def parts(template_class: type, path: Path, values: dict) -> dict[str, bytes]:
    document = template_class(str(path))
    document.render(values, jinja_env=SandboxedEnvironment(), autoescape=True)
    out = io.BytesIO()
    document.save(out)
    archive = zipfile.ZipFile(out)
    return {name: archive.read(name) for name in archive.namelist() if name.endswith(".xml")}


@pytest.mark.parametrize(
    ("spans", "column_loop", "listing"),
    [(False, False, False), (False, False, True), (True, False, False), (False, True, True)],
)
def test_the_word_routes_docxtpl_writes_what_docxtpl_writes(
    tmp_path: Path, spans: bool, column_loop: bool, listing: bool
) -> None:
    path = report_template(tmp_path / "report.docx", spans, column_loop)
    values = context(listing)
    ours = parts(docx_template._template_class(), path, values)
    theirs = parts(DocxTemplate, path, values)
    assert ours.keys() == theirs.keys()
    for name in theirs:
        assert ours[name] == theirs[name], name
    body = theirs["word/document.xml"].decode()
    assert "Do thing 29 &amp; more" in body and "&lt;about&gt;" in body
    assert ("<w:br/>" in body) == listing
    assert ('w:gridSpan w:val="2"' in body) == spans


def test_the_short_cuts_are_taken_only_when_they_change_nothing(tmp_path: Path) -> None:
    """The table check refuses every table docxtpl's fix_tables would change (so that docxtpl's code runs)."""
    plain = report_template(tmp_path / "plain.docx")
    spanned = report_template(tmp_path / "spanned.docx", spans=True)

    def body(path: Path) -> str:
        xml = zipfile.ZipFile(path).read("word/document.xml").decode()
        return xml[xml.index("?>") + 2 :]  # as docxtpl hands it over: no XML declaration

    assert docx_writer.grids_fit(docx_writer.parse_recovering(body(plain)))
    assert not docx_writer.grids_fit(docx_writer.parse_recovering(body(spanned)))
    short = body(plain).replace("</w:tr>", "</w:tr><w:tr><w:tc><w:p/></w:tc></w:tr>", 1)  # a row of one cell
    assert not docx_writer.grids_fit(docx_writer.parse_recovering(short))


def old_comment_highlights(document: docx.document.Document, day: dt.date) -> int:
    """comment_highlights as it was: python-docx's paragraphs, then every table's rows' cells' paragraphs."""
    body = document.element.body
    if {e.get(qn("w:id")) for e in body.iter(qn("w:commentRangeStart"))}:
        return 0
    added = 0
    for paragraph in document.paragraphs + [
        p for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs
    ]:
        group: list = []
        for run in [*paragraph.runs, None]:
            if run is not None and run.font.highlight_color is not None and run.text:
                group.append(run)
                continue
            if group:
                text = "".join(r.text for r in group)
                comment = document.add_comment(group, f"To complete: {text.strip().strip('[]')}", "actionbot", "AB")
                comment._comment_elm.date = dt.datetime.combine(day, dt.time(9, 0), tzinfo=dt.UTC)
                added += 1
                group = []
    return added


def highlighted(merge: bool = False) -> bytes:
    """A document with highlighted stretches in body paragraphs and table cells (a merged cell if `merge`)."""
    document = docx.Document(str(BASE))
    for i in range(3):
        paragraph = document.add_paragraph(f"Before {i} ", style="Body Text")
        for text in (f"[first {i}]", " and ", f"[second {i}]", f"[joined {i}]"):
            run = paragraph.add_run(text)
            if text.startswith("["):
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    document.add_paragraph("Nothing marked here.", style="Body Text")
    table = document.add_table(rows=3, cols=3)
    for i, row in enumerate(table.rows):
        for j, cell in enumerate(row.cells):
            cell.paragraphs[0].add_run(f"cell {i}{j} ")
            if (i + j) % 2 == 0:
                cell.paragraphs[0].add_run(f"[to do {i}{j}]").font.highlight_color = WD_COLOR_INDEX.BRIGHT_GREEN
    if merge:
        table.cell(1, 0).merge(table.cell(1, 1))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def comments_and_body(document: docx.document.Document) -> tuple[list[tuple[str, str]], bytes]:
    out = io.BytesIO()
    document.save(out)
    archive = zipfile.ZipFile(out)
    found = [(c.text, c.author) for c in document.comments]
    return found, archive.read("word/document.xml") + archive.read("word/comments.xml")


def test_comment_highlights_comments_what_the_python_docx_walk_commented() -> None:
    day = dt.date(2025, 1, 14)
    ours, theirs = docx.Document(io.BytesIO(highlighted())), docx.Document(io.BytesIO(highlighted()))
    assert docx_writer.comment_highlights(ours, day) == old_comment_highlights(theirs, day) == 11
    assert comments_and_body(ours) == comments_and_body(theirs)
    assert comments_and_body(ours)[0][:2] == [
        ("To complete: first 0", "actionbot"),
        ("To complete: second 0][joined 0", "actionbot"),
    ]
    assert docx_writer.comment_highlights(ours, day) == 0  # commented already: left alone


def test_a_merged_cell_is_commented_once() -> None:
    document = docx.Document(io.BytesIO(highlighted(merge=True)))
    docx_writer.comment_highlights(document, dt.date(2025, 1, 14))
    texts = [c.text for c in document.comments]
    assert texts.count("To complete: to do 11") == 1 and len(texts) == len(set(texts)) == 11
    walked = docx.Document(io.BytesIO(highlighted(merge=True)))
    old_comment_highlights(walked, dt.date(2025, 1, 14))  # the python-docx walk met the merged cell twice
    assert [c.text for c in walked.comments].count("To complete: to do 11") == 2


def test_nothing_highlighted_gets_no_comment() -> None:
    document = docx.Document(str(BASE))
    document.add_paragraph("Plain.", style="Body Text")
    assert docx_writer.comment_highlights(document, dt.date(2025, 1, 14)) == 0
    assert list(document.comments) == []


def test_a_dicts_keys_methods_and_missing_keys_read_as_jinja_reads_them() -> None:
    bounded = sandbox.BoundedEnvironment(undefined=StrictUndefined)
    plain = SandboxedEnvironment(undefined=StrictUndefined)
    row = {"lead": "Ann", "items": "shadowed by the method", "n": 3, 4: "four"}
    for source in ("{{ r.lead }}", "{{ r.items() | list | length }}", "{{ r.n + 1 }}", "{{ r['items'] }}"):
        assert bounded.from_string(source).render(r=row) == plain.from_string(source).render(r=row)
    with sandbox.bounded():
        assert bounded.from_string("{{ r.lead }}").render(r=row) == "Ann"
    for env in (bounded, plain):
        with pytest.raises(UndefinedError, match="has no attribute 'missing'"):
            env.from_string("{{ r.missing }}").render(r=row)
    huge = {"text": "x" * (sandbox.MAX_VALUE + 1)}
    with pytest.raises(sandbox.LimitExceeded):
        bounded.from_string("{{ r.text }}").render(r=huge)


@pytest.mark.parametrize("text", ["plain", "a & b < c > d", 'say "hi"', "it's", "both ' and \"", "tab\tnew\nline\r"])
def test_the_writers_escapes_are_saxutils_escapes(text: str) -> None:
    assert docx_writer.escape(text) == saxutils.escape(text)
    assert docx_writer.quoteattr(text) == saxutils.quoteattr(text)


RICH = """<!-- reference: CF0999 -->
<!-- title: Ann & Bob's "report" -->

# One \\<b\\> & 'quotes' "too" ünïcödé

1. first **bold** and *italic* with [a placeholder to fill]

1. second\\
   after a line break

<!-- caption: Table 1: actions -->
<!-- table: widths=1,3,2 -->
| Action | What | Status |
|---|---|---|
| 1a | x & y < z > w | <!-- rag: amber --> in progress |
| 2b | **bold** cell [to confirm] | <!-- rag: red --> late |

## Two

1. third

   continued

1) rec a
1) rec b

Between.

<!-- comment: Ask the lead -->
1) rec c [name]

<!-- page-break -->

> A quote with "marks".

- a bullet

| no | header |
|---|---|
"""


def package(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("scale", [0, 1])
def test_the_spliced_body_is_the_parsed_bodys_document(monkeypatch: pytest.MonkeyPatch, scale: int) -> None:
    """The body written as text into the package gives the document parsing it into the tree gave:
    the same parts, the same XML (canonically), the same text, styles and numbering when reopened."""
    from bench import bench_docx, docx_sides

    markdown = RICH if scale == 0 else bench_docx.markdown(*docx_sides.content(scale=scale))
    parsed = blocks.parse(markdown)
    day = dt.date(2025, 1, 14)
    spliced = docx_writer.write(parsed, BASE, day=day)
    monkeypatch.setattr(docx_writer, "SPLICE_BODY", False)
    reparsed = docx_writer.write(parsed, BASE, day=day)
    ours, theirs = package(spliced), package(reparsed)
    assert list(ours) == list(theirs)
    for name in theirs:
        if name == "word/document.xml":
            assert etree.canonicalize(etree.fromstring(ours[name])) == etree.canonicalize(
                etree.fromstring(theirs[name])
            )
        else:
            assert ours[name] == theirs[name], name
    a, b = docx.Document(io.BytesIO(spliced)), docx.Document(io.BytesIO(reparsed))
    assert [(p.text, p.style.name) for p in a.paragraphs] == [(p.text, p.style.name) for p in b.paragraphs]
    assert [[c.text for c in r.cells] for t in a.tables for r in t.rows] == [
        [c.text for c in r.cells] for t in b.tables for r in t.rows
    ]
    numbers = [p._p.pPr.numPr.numId.val for p in a.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert numbers == [
        p._p.pPr.numPr.numId.val for p in b.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None
    ]
    if scale == 0:
        # the later recommendations restart in a list of their own; each placeholder carries a comment
        assert len(set(numbers)) == 1 and [c.text for c in a.comments][-1] == "Ask the lead"
        assert len(list(a.comments)) == 3
        assert 'Ann &amp; Bob\'s "report"' not in ours["word/document.xml"].decode()  # a property, not body text
        assert "x &amp; y &lt; z &gt; w" in ours["word/document.xml"].decode()


def test_style_ids_are_python_docxs() -> None:
    document = docx.Document(str(BASE))
    expected = {s.name: s.style_id for s in document.styles}
    assert docx_writer._style_ids(document) == expected
    assert expected["Heading 1"] == "Heading1" and expected["Numbered Paragraph"]
