"""The content of the docx benchmark: paragraphs and action rows, and the Markdown template that lays them out.

Imports nothing of actionbot's (or of docxtpl's), so a cold run can build its data before the clock starts
and time the imports of whichever side it measures.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

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

ROUTES = ("markdown", "word")
SIDES = ("ours", "docxtpl")
TEMPLATE_NAME = "bench"  # bench.md.j2 for the Markdown route
WORD_TEMPLATE = "template.docx"  # the docxtpl template of the same report, both routes' baseline


def data(scale: int) -> dict:
    """The plain values docxtpl is given: the first 30 paragraphs, the rows, the other paragraphs."""
    paragraphs, rows = content(scale=scale)
    return {"first": paragraphs[:30], "second": paragraphs[30:], "rows": rows}


def make(route: str, side: str, values: dict, directory: Path, out: Path) -> Callable[[], None]:
    """Return the complete work one side does for one route, from the values (`data`) to a .docx file at `out`.

    Ours, Markdown route: escape the values as the context does, render the Markdown template in a
    fresh sandboxed environment (nothing compiled is kept between calls, as docxtpl keeps nothing),
    parse it, lay it onto base.docx and write the file. Ours, Word route: `actionbot draft`'s
    Word-template kind (sandboxed, strict, escapes undone, draft properties, highlights commented).
    docxtpl: open the same report's docxtpl template, render it and save it. Imports happen here, so
    a cold run (a fresh process) times them.
    """
    if side == "docxtpl":
        from docxtpl import DocxTemplate

        def theirs() -> None:
            document = DocxTemplate(str(directory / WORD_TEMPLATE))
            document.render(values)
            document.save(str(out))

        return theirs
    from assemblers.escape import md_escape

    if route == "word":
        import datetime as dt

        import docxtpl  # noqa: F401  (docx_template imports it at its first render)

        from assemblers import docx_template, docx_writer

        def word() -> None:
            escaped = escape_values(values, md_escape)
            out.write_bytes(
                docx_template.render(directory / WORD_TEMPLATE, escaped, {"title": "bench"}, dt.date(2025, 1, 14))
            )

        return word
    import templates
    from assemblers import blocks, docx_writer, mdparse, render  # noqa: F401  (blocks imports mdparse at its first parse)

    base = Path(templates.__file__).resolve().parent / "base.docx"  # the bundled style file

    def markdown() -> None:
        escaped = escape_values(values, md_escape)
        render.forget_compiled()
        text = render.render(render.environment([directory]), TEMPLATE_NAME, escaped)
        out.write_bytes(docx_writer.write(blocks.parse(text), base))

    return markdown


def escape_values(values: dict, md_escape: Callable[[str], str]) -> dict:
    """The values as the pipeline's context holds them: every string Markdown-escaped except the RAG colour."""
    return {
        "first": [md_escape(p) for p in values["first"]],
        "second": [md_escape(p) for p in values["second"]],
        "rows": [{k: v if k == "rag" else md_escape(v) for k, v in r.items()} for r in values["rows"]],
    }


def cold(route: str, side: str, scale: int, directory: Path) -> dict:
    """One side's first draft in this (fresh) process, imports included: wall and CPU milliseconds, and the
    wall milliseconds of the draft once the imports are done (nothing compiled or parsed yet)."""
    out = directory / f"cold-{route}-{side}.docx"
    values = data(scale)
    start, cpu = time.perf_counter(), time.process_time()
    work = make(route, side, values, directory, out)
    imported = time.perf_counter()
    work()
    end = time.perf_counter()
    return {
        "wall_ms": (end - start) * 1000,
        "cpu_ms": (time.process_time() - cpu) * 1000,
        "draft_ms": (end - imported) * 1000,
    }


if __name__ == "__main__":  # python -m bench.docx_sides ROUTE SIDE SCALE DIRECTORY: one cold run, as JSON
    route_, side_, scale_, directory_ = sys.argv[1:5]
    print(json.dumps(cold(route_, side_, int(scale_), Path(directory_))))
