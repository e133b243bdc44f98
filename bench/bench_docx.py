"""A 40-page report (60 numbered paragraphs of ~120 words, a 200-row action table): our writer vs docxtpl.

Also, in the same run, the Word-template kind (assemblers/docx_template.py: sandboxed, strict, the
escaped context unescaped, draft properties set) against docxtpl's bare render of the same template.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from assemblers import blocks, docx_writer, render
from assemblers.escape import md_escape
from assemblers.specs import DEFAULT_DIR

BASE = DEFAULT_DIR / "base.docx"
RUNS = 9
WORDS = [
    *[
        "the",
        "panel",
        "partnership",
        "safeguarding",
        "children",
        "action",
        "plan",
        "review",
        "progress",
        "report",
        "council",
        "officers",
    ],
    *[
        "lead",
        "assessment",
        "training",
        "audit",
        "governance",
        "exploitation",
        "missing",
        "care",
        "leavers",
        "residential",
        "homes",
    ],
    *[
        "allegations",
        "designated",
        "officer",
        "police",
        "health",
        "education",
        "schools",
        "neglect",
        "domestic",
        "abuse",
        "early",
        "help",
    ],
]
STATUSES = ("red", "amber", "green", "grey")


def content(seed: int = 5, scale: int = 1) -> tuple[list[str], list[dict[str, str]]]:
    """Return 60 paragraphs of ~120 words and 200 action rows (times `scale`: 5 for a ~200-page report)."""
    rng = random.Random(seed)

    def words(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."

    paragraphs = [words(rng.randint(110, 130)) for _ in range(60 * scale)]
    rows = [
        {
            "id": f"{i + 1}{'abc'[i % 3]}",
            "text": words(rng.randint(10, 20)),
            "lead": f"Service Manager {i % 17}",
            "due": f"{rng.choice(['March', 'June', 'September', 'December'])} 202{rng.randint(4, 7)}",
            "status": rng.choice(["in progress", "not started", "complete", "ongoing (overdue)"]),
            "rag": STATUSES[i % 4],
            "latest": words(rng.randint(5, 12)),
        }
        for i in range(200 * scale)
    ]
    return paragraphs, rows


def markdown(paragraphs: list[str], rows: list[dict[str, str]]) -> str:
    """Return the report as the templates would render it (values escaped as the context escapes them)."""
    out = ["<!-- reference: CF0000 -->", "", "# Information", ""]
    for i, text in enumerate(paragraphs):
        out += [f"1. {md_escape(text)}", ""]
        if i == 29:
            out += [
                "<!-- table: widths=9,26,14,15,13,23 -->",
                "| Action | What will be done | Lead | Due | Status | Latest |",
                "|---|---|---|---|---|---|",
            ]
            out += [
                f"| {md_escape(r['id'])} | {md_escape(r['text'])} | {md_escape(r['lead'])} | {md_escape(r['due'])} "
                f"| <!-- rag: {r['rag']} --> {md_escape(r['status'])} | {md_escape(r['latest'])} |"
                for r in rows
            ]
            out.append("")
    return "\n".join(out)


TEMPLATE = """<!-- reference: CF0000 -->

# Information

{% for p in first %}
1. {{ p }}

{% endfor %}
<!-- table: widths=9,26,14,15,13,23 -->
| Action | What will be done | Lead | Due | Status | Latest |
|---|---|---|---|---|---|
{% for r in rows %}
| {{ r.id }} | {{ r.text }} | {{ r.lead }} | {{ r.due }} | <!-- rag: {{ r.rag }} --> {{ r.status }} | {{ r.latest }} |
{% endfor %}

{% for p in second %}
1. {{ p }}

{% endfor %}
"""


def ours_from_template(directory: Path, paragraphs: list[str], rows: list[dict[str, str]]) -> bytes:
    """The whole pipeline after the knowledge base: escape values, render in the sandbox, parse, write."""
    escaped = [{k: v if k == "rag" else md_escape(v) for k, v in r.items()} for r in rows]
    texts = [md_escape(p) for p in paragraphs]
    context = {"first": texts[:30], "second": texts[30:], "rows": escaped}
    text = render.render(render.environment([directory]), "bench", context)
    return docx_writer.write(blocks.parse(text), BASE)


def docxtpl_template(path: Path) -> None:
    """Write the equivalent docxtpl template: a paragraph loop and a table-row loop on the same base.docx."""
    import docx

    document = docx.Document(str(BASE))
    document.add_heading("Information", 1)
    document.add_paragraph("{%p for p in first %}")
    document.add_paragraph("{{ p }}", style="Numbered Paragraph")
    document.add_paragraph("{%p endfor %}")
    table = document.add_table(rows=4, cols=6, style="Action Table")
    for cell, title in zip(
        table.rows[0].cells, ["Action", "What will be done", "Lead", "Due", "Status", "Latest"], strict=True
    ):
        cell.text = title
    table.rows[1].cells[0].text = "{%tr for r in rows %}"
    for cell, key in zip(table.rows[2].cells, ["id", "text", "lead", "due", "status", "latest"], strict=True):
        cell.text = "{{ r." + key + " }}"
    table.rows[3].cells[0].text = "{%tr endfor %}"
    document.add_paragraph("{%p for p in second %}")
    document.add_paragraph("{{ p }}", style="Numbered Paragraph")
    document.add_paragraph("{%p endfor %}")
    document.save(str(path))


def python_docx_add_row(paragraphs: list[str], rows: list[dict[str, str]]) -> bytes:
    """The slow path the issue measured: add_paragraph per paragraph, add_row and cell.text per row."""
    import docx

    document = docx.Document(str(BASE))
    for text in paragraphs[:30]:
        document.add_paragraph(text, style="Numbered Paragraph")
    table = document.add_table(rows=1, cols=6, style="Action Table")
    for cell, title in zip(
        table.rows[0].cells, ["Action", "What will be done", "Lead", "Due", "Status", "Latest"], strict=True
    ):
        cell.text = title
    for r in rows:
        cells = table.add_row().cells
        for cell, key in zip(cells, ["id", "text", "lead", "due", "status", "latest"], strict=True):
            cell.text = r[key]
    for text in paragraphs[30:]:
        document.add_paragraph(text, style="Numbered Paragraph")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def timed(func: Callable[[], object], runs: int = RUNS) -> float:
    """Return the median wall time of `runs` calls, in milliseconds, after one warm-up call (collector on)."""
    func()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 1)


def side_by_side(ours: Callable[[], object], theirs: Callable[[], object], runs: int = RUNS) -> dict:
    """Both sides alternated in one loop (same machine load), medians with spread, warm and cold.

    Cold is each side's first call in this process (imports, template parsing and styles loaded once).
    """
    cold_ours = _once(ours)
    cold_theirs = _once(theirs)
    a, b = [], []
    for _ in range(runs):
        a.append(_once(ours))
        b.append(_once(theirs))
    return {
        "cold_ours_ms": round(cold_ours * 1000, 1),
        "cold_docxtpl_ms": round(cold_theirs * 1000, 1),
        "cold_ratio": round(cold_ours / cold_theirs, 2),
        "warm_ours_median_ms": round(statistics.median(a) * 1000, 1),
        "warm_docxtpl_median_ms": round(statistics.median(b) * 1000, 1),
        "warm_ratio": round(statistics.median(a) / statistics.median(b), 2),
        "warm_ratio_spread": [round(min(a) / max(b), 2), round(max(a) / min(b), 2)],
        "runs": runs,
    }


def _once(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def pages(data: bytes) -> int | None:
    """Return the page count LibreOffice lays the document out to, or None without LibreOffice."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "report.docx"
        source.write_bytes(data)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(source),
            ],
            capture_output=True,
            timeout=300,
            check=False,
        )
        pdf = Path(tmp) / "report.pdf"
        return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes())) if pdf.exists() else None


def run() -> dict:
    """Time the report through our writer, through docxtpl and through python-docx's add_row, side by side."""
    paragraphs, rows = content()
    text = markdown(paragraphs, rows)
    parsed = blocks.parse(text)
    ours = docx_writer.write(parsed, BASE)
    result: dict[str, object] = {
        "numbered_paragraphs": sum(isinstance(b, blocks.NumberedParagraph) for b in parsed.blocks),
        "table_rows": len(rows),
        "words": sum(len(p.split()) for p in paragraphs),
        "ours_write_ms": timed(lambda: docx_writer.write(parsed, BASE)),
        "ours_markdown_to_docx_ms": timed(lambda: docx_writer.write(blocks.parse(text), BASE)),
        "python_docx_add_row_ms": timed(lambda: python_docx_add_row(paragraphs, rows), runs=3),
        "ours_bytes": len(ours),
        "ours_pages_libreoffice": pages(ours),
    }
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "bench.md.j2").write_text(TEMPLATE, encoding="utf-8")
        same = blocks.parse(
            render.render(
                render.environment([Path(tmp)]),
                "bench",
                {
                    "first": [md_escape(p) for p in paragraphs[:30]],
                    "second": [md_escape(p) for p in paragraphs[30:]],
                    "rows": [{k: v if k == "rag" else md_escape(v) for k, v in r.items()} for r in rows],
                },
            )
        )
        assert same.blocks == parsed.blocks, "the template renders the same report"
        result["ours_template_to_docx_ms"] = timed(lambda: ours_from_template(Path(tmp), paragraphs, rows))
    from docxtpl import DocxTemplate

    from assemblers import docx_template

    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template.docx"
        docxtpl_template(template)
        data = {"first": paragraphs[:30], "second": paragraphs[30:], "rows": rows}
        escaped = {  # what the pipeline hands a Word template: the Markdown-escaped context
            "first": [md_escape(p) for p in paragraphs[:30]],
            "second": [md_escape(p) for p in paragraphs[30:]],
            "rows": [{k: v if k == "rag" else md_escape(v) for k, v in r.items()} for r in rows],
        }

        def render_docxtpl() -> bytes:
            document = DocxTemplate(str(template))
            document.render(data)
            out = io.BytesIO()
            document.save(out)
            return out.getvalue()

        def render_word_route() -> bytes:
            # the Word-template kind as `actionbot draft` runs it: unescape, sandbox, strict, properties
            return docx_template.render(template, escaped, {"title": "bench"}, dt.date(2025, 1, 14))

        bare, routed = render_docxtpl(), render_word_route()
        assert _body_text(bare) == _body_text(routed), "both routes render the same document text"
        result["word_route_side_by_side_40_pages"] = side_by_side(render_word_route, render_docxtpl)
        result["docxtpl_ms"] = timed(render_docxtpl)
        result["word_template_route_ms"] = timed(render_word_route)
        result["word_route_vs_docxtpl"] = round(result["word_template_route_ms"] / result["docxtpl_ms"], 2)
        result["ours_vs_docxtpl"] = round(result["ours_template_to_docx_ms"] / result["docxtpl_ms"], 2)
    result["markdown_route_vs_docxtpl"] = {
        f"{pages_wanted}_pages": _markdown_vs_docxtpl(scale) for pages_wanted, scale in ((40, 1), (200, 5))
    }
    print(
        f"bench_docx: 40-page report, median of {RUNS}: ours {result['ours_template_to_docx_ms']} ms template to .docx "
        f"(Markdown to .docx {result['ours_markdown_to_docx_ms']} ms, writer alone {result['ours_write_ms']} ms); "
        f"docxtpl {result['docxtpl_ms']} ms bare, {result['word_template_route_ms']} ms through the Word-template "
        f"route; python-docx add_row {result['python_docx_add_row_ms']} ms"
    )
    return result


def _markdown_vs_docxtpl(scale: int) -> dict:
    """Our Markdown route (fresh sandbox environment each call: nothing compiled is reused) against docxtpl."""
    from docxtpl import DocxTemplate

    paragraphs, rows = content(scale=scale)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "bench.md.j2").write_text(TEMPLATE, encoding="utf-8")
        template = Path(tmp) / "template.docx"
        docxtpl_template(template)
        data = {"first": paragraphs[:30], "second": paragraphs[30:], "rows": rows}

        def theirs() -> bytes:
            document = DocxTemplate(str(template))
            document.render(data)
            out = io.BytesIO()
            document.save(out)
            return out.getvalue()

        return side_by_side(lambda: ours_from_template(Path(tmp), paragraphs, rows), theirs, runs=5)


def _body_text(data: bytes) -> str:
    """The text of a .docx's body, for comparing two renders of one template."""
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml)


if __name__ == "__main__":
    print(run())
