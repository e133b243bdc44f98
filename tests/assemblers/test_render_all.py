"""Render every bundled template for every agenda item, meeting and plan of the bundled knowledge base.

Every draft is checked for leaks: a placeholder that is not highlighted, "None", a doubled word
("Action Action"), a Jinja tag, a Markdown escape, the footer's "{reference}". Items with no written
report must be refused with a message, never drafted.

Every draft is also converted to PDF by LibreOffice in one run (54 drafts, about 9 seconds on a
2-core machine) and its PDF text checked the same way; skipped, saying why, without LibreOffice or
pdftotext. REPRESENTATIVE names drafts that must be among them.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from assemblers import specs
from assemblers.context import DraftRequest, has_written_report
from assemblers.errors import AssemblyError
from assemblers.pipeline import draft_bytes
from knowledge.models import KnowledgeBase

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
DOUBLED = re.compile(r"\b([A-Za-z]{2,})\s+\1\b", re.IGNORECASE)
NONE = re.compile(r"\bNone\b(?!\.\"\])")  # "None." inside the marked placeholder ... write "None."] is asked for
LEAKS = ("{{", "{%", "%}", "}}", "{reference}", "\\", "\ue000", "\ue001")
REPRESENTATIVE = {
    "agenda-2025-01-14",
    "agenda-2025-04-01",
    "work-programme-2025-01-14",
    "committee-report-2025-01-14-6",
    "committee-report-2025-01-14-9-county-iicsa",
    "briefing-note-2025-01-14-8-tce-action-plan",
    "progress-report-city-iicsa",
    "progress-report-ncscp-business-plan",
}


def requests(kb: KnowledgeBase) -> list[tuple[str, str, DraftRequest]]:
    """(draft name, template, request) for every template and every input it takes from the knowledge base."""
    out = []
    meetings = [(c, m) for c in kb.committees.values() for m in c.meetings]
    for spec in specs.available(specs.search_path(None)).values():
        takes = set(spec.required) | set(spec.optional)
        plans = [None, *sorted(kb.plans)] if "plan" in takes else [None]
        if "meeting" not in spec.required:
            for plan in plans:
                if plan is not None:
                    out.append((f"{spec.name}-{plan}", spec.name, DraftRequest(plan=plan)))
            continue
        for committee, meeting in meetings:
            day = meeting.date.isoformat()
            if "item" not in spec.required:
                out.append(
                    (f"{spec.name}-{day}", spec.name, DraftRequest(meeting=meeting.date, committee=committee.id))
                )
                continue
            for item in meeting.agenda:
                for plan in plans:
                    name = "-".join(p for p in (spec.name, day, str(item.number), plan) if p)
                    out.append((name, spec.name, DraftRequest(plan, meeting.date, item.number, committee.id)))
    return out


def marked_and_plain(data: bytes) -> tuple[list[str], str]:
    """(the highlighted placeholders, all other text) of a .docx's body, footers included."""
    document = docx.Document(io.BytesIO(data))
    parts = [document.element.body] + [s.footer._element for s in document.sections]
    marked, plain = [], []
    for part in parts:
        for paragraph in part.iter(qn("w:p")):
            for run in paragraph.iter(qn("w:r")):
                text = "".join(t.text or "" for t in run.iter(qn("w:t")))
                highlighted = run.find(f"{qn('w:rPr')}/{qn('w:highlight')}") is not None
                (marked if highlighted else plain).append(text)
            plain.append("\n|\n")  # a paragraph (or cell) ends: words either side are not doubled
    return marked, "".join(plain)


def check_text(name: str, text: str, marked: list[str]) -> None:
    for placeholder in marked:
        text = text.replace(placeholder, " ")
    assert not re.search(r"\[[^\]\n]*\]", text), f"{name}: a placeholder that is not highlighted"
    assert not NONE.search(text), f"{name}: 'None' in the text"
    doubled = DOUBLED.search(text)
    assert doubled is None, f"{name}: doubled word {doubled.group(0)!r}"
    for leak in LEAKS:
        assert leak not in text, f"{name}: {leak!r} leaked into the text"


@pytest.fixture(scope="module")
def drafts(bundled: KnowledgeBase) -> dict[str, tuple[bytes, list[str]]]:
    """{name: (docx bytes, highlighted placeholders)} of every draft that is not refused."""
    out = {}
    refused = 0
    for name, template, request in requests(bundled):
        item = None
        if request.item is not None:
            meeting = bundled.committees[request.committee].meeting(request.meeting)
            item = meeting.item(request.item)
        needs_report = specs.find(template, specs.search_path(None)).needs_written_report
        if needs_report and item is not None and not has_written_report(item):
            with pytest.raises(AssemblyError, match=r"so there is no committee report to draft|not a report"):
                draft_bytes(template, bundled, request)
            refused += 1
            continue
        data = draft_bytes(template, bundled, request)
        marked, text = marked_and_plain(data)
        check_text(name, text, marked)
        out[name] = (data, marked)
    assert refused >= 10  # apologies, minutes, verbal updates and work programmes, of two meetings
    return out


def test_every_template_renders_for_every_item_meeting_and_plan(drafts: dict) -> None:
    names = set(specs.available(specs.search_path(None)))
    assert {t for t in names if any(n.startswith(t + "-") for n in drafts)} == names  # each template drafted
    assert len(drafts) >= 50


def test_every_draft_converts_to_pdf_without_leaks(drafts: dict, tmp_path: Path) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed; .ci/run installs libreoffice-writer-nogui")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed; .ci/run installs poppler-utils")
    assert set(drafts) >= REPRESENTATIVE
    sources = []
    for name in sorted(drafts):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(drafts[name][0])
        sources.append(str(path))
    command = [
        SOFFICE,
        f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path),
        *sources,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    for name in sorted(drafts):
        pdf = tmp_path / f"{name}.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        text = text.replace("\u00ad", "")
        marked = [" ".join(m.split()) for m in drafts[name][1]]
        flat = " ".join(text.split())
        assert len(flat) > 200, f"{name}.pdf has almost no text"
        check_text(f"{name}.pdf", flat, marked)
