"""A second real reader: LibreOffice opens every generated .docx and converts it to PDF.

Skipped, saying why, where LibreOffice is not installed (`.ci/run` installs it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from assemblers.context import DraftRequest
from assemblers.pipeline import draft
from knowledge.models import KnowledgeBase
from tests.assemblers.conftest import MEETING, TODAY

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
DRAFTS = {
    "committee-report": DraftRequest(meeting=MEETING, item=8, plan="progress"),
    "committee-report-evil": DraftRequest(meeting=MEETING, item=9),
    "progress-report": DraftRequest(plan="progress"),
    "agenda": DraftRequest(meeting=MEETING),
}


@pytest.fixture(scope="module")
def pdfs(panel_kb: KnowledgeBase, bundled: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if SOFFICE is None:
        pytest.skip(
            "LibreOffice (soffice) not installed: cannot prove a second reader opens the drafts; "
            "install the Debian package libreoffice-writer-nogui (as .ci/run does)"
        )
    work = tmp_path_factory.mktemp("libreoffice")
    sources = []
    for name, request in DRAFTS.items():
        template = name.removesuffix("-evil")
        sources.append(draft(template, panel_kb, request, today=TODAY, output=work / f"{name}.docx"))
    long = DraftRequest(plan="ncscp-business-plan")  # 30 actions: the table runs over several pages
    sources.append(draft("progress-report", bundled, long, today=TODAY, output=work / "long-progress-report.docx"))
    command = [
        SOFFICE,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work),
        *map(str, sources),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return {name: work / f"{name}.pdf" for name in [*DRAFTS, "long-progress-report"]}


@pytest.mark.parametrize("name", [*sorted(DRAFTS), "long-progress-report"])
def test_libreoffice_converts_the_draft_to_pdf(pdfs: dict[str, Path], name: str) -> None:
    pdf = pdfs[name]
    assert pdf.is_file(), f"LibreOffice wrote no PDF for {name}.docx"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and b"/Type /Page" in data.replace(b"/Type/Page", b"/Type /Page")


def _text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed: cannot read the PDF's text")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_libreoffice_numbers_paragraphs_and_recommendations_as_word_would(pdfs: dict[str, Path]) -> None:
    text = _text(pdfs["committee-report"])
    numbers = re.findall(r"^(\d+[.)]) ", text, flags=re.MULTILINE)  # wrapped lines are indented
    assert numbers == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "1)", "2)", "9.", "10."]
    assert "Agenda Item: 8" in text and "CF0226" in text
    assert "T: 0115 977 4123" in text and "E: carl.contact@example.gov.uk" in text


def test_libreoffice_repeats_the_table_header_on_every_page(pdfs: dict[str, Path]) -> None:
    pages = _text(pdfs["long-progress-report"]).split("\f")
    header = "What the plan says"  # the first line of the wrapped header cell: written once in the .docx
    with_header = [i for i, page in enumerate(pages) if header in page]
    assert len(with_header) >= 3, "the action table should run over several pages, its header on each"
    assert with_header == list(range(with_header[0], with_header[-1] + 1))


def test_libreoffice_shows_knowledge_base_text_literally(pdfs: dict[str, Path]) -> None:
    text = " ".join(_text(pdfs["committee-report-evil"]).split())
    assert "1. <b>Fish</b> & chips | *not bold* [link](http://x)" in text


def test_libreoffice_numbers_a_paragraph_the_author_adds_in_the_numbered_style(
    panel_kb: KnowledgeBase, tmp_path: Path
) -> None:
    """The numbering is on the style: a paragraph added with "Numbered Paragraph" and no numbering of its own
    is numbered by a second reader, continuing the sequence."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed; .ci/run installs libreoffice-writer-nogui")
    import io

    import docx

    from assemblers.pipeline import draft_bytes

    data = draft_bytes("committee-report", panel_kb, DraftRequest(meeting=MEETING, item=8), today=TODAY)
    document = docx.Document(io.BytesIO(data))
    document.add_paragraph("A point the author adds at the end.", style="Numbered Paragraph")
    source = tmp_path / "added.docx"
    document.save(str(source))
    command = [
        SOFFICE,
        f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path),
        str(source),
    ]
    subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)
    text = _text(tmp_path / "added.pdf")
    numbers = re.findall(r"^(\d+[.)]) ", text, flags=re.MULTILINE)
    assert numbers == ["1.", "2.", "3.", "4.", "5.", "6.", "1)", "2)", "7.", "8.", "9."]
    assert re.search(r"^9\.\s+A point the author adds at the end\.", text, flags=re.MULTILINE)


def test_cli_writes_a_pdf(kb_dir_for_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed; .ci/run installs libreoffice-writer-nogui")
    from bot.cli import main

    out = tmp_path / "report.pdf"
    argv = ["draft", "committee-report", "--meeting", "2025-01-14", "--item", "8", "--kb", str(kb_dir_for_pdf)]
    assert main([*argv, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert "Wrote" in capsys.readouterr().out
    assert "Agenda Item: 8" in _text(out)


def test_cli_says_clearly_when_libreoffice_is_missing(
    kb_dir_for_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from assemblers import pdf
    from bot.cli import main

    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    out = tmp_path / "report.pdf"
    argv = ["draft", "agenda", "--meeting", "2025-01-14", "--kb", str(kb_dir_for_pdf), "-o", str(out)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "cannot make a PDF: LibreOffice (soffice) is not installed." in err
    assert "apt-get install libreoffice-writer-nogui" in err
    assert not out.exists()


@pytest.fixture
def kb_dir_for_pdf(tmp_path: Path) -> Path:
    from tests.assemblers.conftest import PANEL_KB
    from tests.conftest import write_kb

    return write_kb(tmp_path / "kb", PANEL_KB)


def test_the_pdf_is_tagged_for_accessibility(bundled: KnowledgeBase) -> None:
    """LibreOffice's PDF/UA export of a committee report with a chart: tagged, in British English, with
    headings, table header cells and a figure in the structure tree."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed; .ci/run installs libreoffice-writer-nogui")
    from assemblers.pdf import to_pdf
    from assemblers.pipeline import draft_bytes

    request = DraftRequest(meeting=MEETING, item=7, plan="tce-action-plan")
    pdf = to_pdf(draft_bytes("committee-report", bundled, request, today=MEETING))
    assert b"/MarkInfo<</Marked true>>" in pdf.replace(b" ", b"") or b"/Marked true" in pdf
    for tag in (b"/Lang(en-GB)", b"/S/H1", b"/S/TH", b"/S/Figure", b"pdfuaid:part>1"):
        assert tag in pdf, tag
    assert b"/Subtype/Text" not in pdf.replace(b" ", b""), "the Word comments for the author are not in the PDF"
