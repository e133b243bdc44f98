"""Drafts of 40 and 200 pages through our two routes against docxtpl, side by side, warm and cold.

Each side does the complete work a user waits for, from the values to a .docx file on disk (see
bench/docx_sides.py): our Markdown route (escape, render the Markdown template in a fresh sandboxed
environment, parse, lay onto base.docx, write) and our Word-template route (assemblers/docx_template.py:
sandboxed, strict, escapes undone, draft properties, highlights commented) each against docxtpl
rendering the docxtpl template of the same report and saving it. Nothing compiled is kept between
calls on either side (docxtpl compiles its template on every render).

- warm: one process, a warm-up call each, then RUNS pairs, the order of the pair alternating; the
  ratio is the median of the pairs' ratios (each pair ran under the same machine load), with the
  lowest and highest pair ratio as the spread, for wall time and for CPU time;
- cold: COLD_RUNS fresh processes per side, alternating, each timing its imports and its one draft
  (modules imported from bytecode on both sides, as installed; see cold()).

`python -m bench.bench_docx [--runs N] [--cold-runs N] [--pages 40,200] [--no-libreoffice]`
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from html import unescape
from pathlib import Path

from assemblers import blocks, docx_writer
from assemblers.escape import md_escape
from assemblers.specs import DEFAULT_DIR
from bench import docx_sides

BASE = DEFAULT_DIR / "base.docx"
RUNS = 9  # warm pairs per comparison
COLD_RUNS = 5  # fresh processes per side per comparison
SCALES = {40: 1, 200: 5}  # pages: how many times the 40-page content
ROOT = Path(__file__).resolve().parents[1]


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
    """Return the median wall time of `runs` calls, in milliseconds, after one warm-up call."""
    func()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 1)


def _clock(func: Callable[[], object]) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    func()
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000


def _summary(ours: list[float], theirs: list[float]) -> dict:
    """Medians of each side and the median, lowest and highest of the paired ratios (ours / docxtpl)."""
    ratios = sorted(a / b for a, b in zip(ours, theirs, strict=True))
    return {
        "ours_median_ms": round(statistics.median(ours), 1),
        "ours_range_ms": [round(min(ours), 1), round(max(ours), 1)],
        "docxtpl_median_ms": round(statistics.median(theirs), 1),
        "docxtpl_range_ms": [round(min(theirs), 1), round(max(theirs), 1)],
        "ratio": round(statistics.median(ratios), 2),
        "ratio_spread": [round(ratios[0], 2), round(ratios[-1], 2)],
    }


def warm(route: str, scale: int, directory: Path, runs: int = RUNS) -> dict:
    """Both sides in this process, alternating, after one warm-up call each: wall and CPU summaries."""
    values = docx_sides.data(scale)
    ours = docx_sides.make(route, "ours", values, directory, directory / f"warm-{route}-ours.docx")
    theirs = docx_sides.make(route, "docxtpl", values, directory, directory / f"warm-{route}-docxtpl.docx")
    ours()
    theirs()
    times: dict[str, list[tuple[float, float]]] = {"ours": [], "docxtpl": []}
    for i in range(runs):
        order = (("ours", ours), ("docxtpl", theirs)) if i % 2 == 0 else (("docxtpl", theirs), ("ours", ours))
        for side, func in order:
            times[side].append(_clock(func))
    return {
        "wall": _summary([w for w, _ in times["ours"]], [w for w, _ in times["docxtpl"]]),
        "cpu": _summary([c for _, c in times["ours"]], [c for _, c in times["docxtpl"]]),
        "runs": runs,
    }


def cold(route: str, scale: int, directory: Path, runs: int = COLD_RUNS) -> dict:
    """Each side's first draft in a fresh process (imports included), alternating: wall and CPU summaries.

    Every module is imported from bytecode, as from an installed package: the children keep their
    compiled modules under one cache directory (PYTHONPYCACHEPREFIX), which an untimed first process
    of each side fills, whatever PYTHONDONTWRITEBYTECODE says (it would leave this checkout's own
    modules compiled from source in every process, and docxtpl's not).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(directory / "pycache")

    def child(side: str) -> dict:
        done = subprocess.run(
            [sys.executable, "-m", "bench.docx_sides", route, side, str(scale), str(directory)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        return json.loads(done.stdout.strip().splitlines()[-1])

    for side in ("ours", "docxtpl"):  # untimed: fills the bytecode cache
        child(side)
    times: dict[str, list[dict]] = {"ours": [], "docxtpl": []}
    for i in range(runs):
        for side in ("ours", "docxtpl") if i % 2 == 0 else ("docxtpl", "ours"):
            times[side].append(child(side))
    return {
        "wall": _summary([t["wall_ms"] for t in times["ours"]], [t["wall_ms"] for t in times["docxtpl"]]),
        "cpu": _summary([t["cpu_ms"] for t in times["ours"]], [t["cpu_ms"] for t in times["docxtpl"]]),
        "first_draft_after_imports": _summary(
            [t["draft_ms"] for t in times["ours"]], [t["draft_ms"] for t in times["docxtpl"]]
        ),
        "runs": runs,
    }


def prepare(directory: Path) -> None:
    """Write both templates of the report into `directory`: bench.md.j2 and the docxtpl template."""
    (directory / f"{docx_sides.TEMPLATE_NAME}.md.j2").write_text(docx_sides.TEMPLATE, encoding="utf-8")
    docxtpl_template(directory / docx_sides.WORD_TEMPLATE)


def same_document(directory: Path, scale: int) -> int:
    """Check that every side writes the same text, paragraph by paragraph; return how many paragraphs.

    Raises AssertionError naming the first paragraph that differs.
    """
    texts = {}
    for route, side in (("markdown", "ours"), ("word", "ours"), ("markdown", "docxtpl")):
        out = directory / f"check-{route}-{side}.docx"
        docx_sides.make(route, side, docx_sides.data(scale), directory, out)()
        texts[(route, side)] = paragraph_texts(out.read_bytes())
    theirs = texts[("markdown", "docxtpl")]
    for key, ours in texts.items():
        if ours != theirs:
            pairs = enumerate(zip(ours, theirs, strict=False))
            at = next((i for i, (a, b) in pairs if a != b), min(len(ours), len(theirs)))
            raise AssertionError(
                f"{key} and docxtpl differ at paragraph {at}: "
                f"{ours[at : at + 1]!r} vs {theirs[at : at + 1]!r} ({len(ours)} vs {len(theirs)} paragraphs)"
            )
    return len(theirs)


def paragraph_texts(data: bytes) -> list[str]:
    """The non-empty paragraphs of a .docx's body, as text, in order (tables' cells included)."""
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    texts = (unescape(re.sub(r"<[^>]+>", "", p)) for p in re.split(r"</w:p>", xml))
    return [t for t in texts if t.strip()]


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


def run(
    runs: int = RUNS, cold_runs: int = COLD_RUNS, page_counts: tuple[int, ...] = (40, 200), libreoffice: bool = True
) -> dict:
    """Time both routes against docxtpl at each size, warm and cold; also the writer alone and python-docx."""
    paragraphs, rows = docx_sides.content()
    text = markdown(paragraphs, rows)
    parsed = blocks.parse(text)
    ours = docx_writer.write(parsed, BASE)
    result: dict[str, object] = {
        "numbered_paragraphs": sum(isinstance(b, blocks.NumberedParagraph) for b in parsed.blocks),
        "table_rows": len(rows),
        "words": sum(len(p.split()) for p in paragraphs),
        "ours_write_40_pages_ms": timed(lambda: docx_writer.write(parsed, BASE)),
        "ours_markdown_to_docx_40_pages_ms": timed(lambda: docx_writer.write(blocks.parse(text), BASE)),
        "python_docx_add_row_40_pages_ms": timed(lambda: python_docx_add_row(paragraphs, rows), runs=3),
        "ours_bytes_40_pages": len(ours),
        "ours_pages_libreoffice": pages(ours) if libreoffice else None,
    }
    met = True
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        prepare(directory)
        for count in page_counts:
            scale = SCALES[count]
            result[f"{count}_pages_paragraphs_compared"] = same_document(directory, scale)
            for route in docx_sides.ROUTES:
                figures = {"warm": warm(route, scale, directory, runs)}
                figures["cold"] = cold(route, scale, directory, cold_runs)
                figures["meets_target"] = all(figures[k]["wall"]["ratio"] <= 1.0 for k in ("warm", "cold"))
                met &= figures["meets_target"]
                result[f"{route}_route_vs_docxtpl_{count}_pages"] = figures
                lines.append(f"{route} route, {count} pages: {_line(figures, 'warm')}, {_line(figures, 'cold')}")
    result["meets_target"] = met
    print("bench_docx (ratios <= 1.0 wanted, wall-time medians of paired runs):\n  " + "\n  ".join(lines))
    return result


def _line(figures: dict, kind: str) -> str:
    wall, cpu = figures[kind]["wall"], figures[kind]["cpu"]
    first = figures[kind].get("first_draft_after_imports")
    return (
        f"{kind} {wall['ratio']}x docxtpl (pairs {wall['ratio_spread']}; {wall['ours_median_ms']} vs "
        f"{wall['docxtpl_median_ms']} ms; CPU {cpu['ratio']}x"
        + (f"; imports aside {first['ratio']}x" if first else "")
        + ")"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_docx", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"warm pairs per comparison (default {RUNS})")
    parser.add_argument(
        "--cold-runs", type=int, default=COLD_RUNS, help=f"fresh processes per side (default {COLD_RUNS})"
    )
    parser.add_argument("--pages", default="40,200", help="page counts to compare, of 40 and 200 (default both)")
    parser.add_argument("--no-libreoffice", action="store_true", help="skip counting pages with LibreOffice")
    args = parser.parse_args(argv)
    counts = tuple(int(n) for n in args.pages.split(","))
    if any(n not in SCALES for n in counts):
        parser.error(f"--pages takes {' and '.join(map(str, SCALES))}")
    print(json.dumps(run(args.runs, args.cold_runs, counts, not args.no_libreoffice), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
