"""Convert a drafted .docx to PDF with LibreOffice (soffice), run headless in a private profile."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from assemblers.errors import AssemblyError

TIMEOUT_SECONDS = 180
MAX_BYTES = 50 * 1024 * 1024  # a PDF larger than this is refused rather than read into memory
CONCURRENT = 2  # LibreOffice processes at once (each takes ~200 MB); more requests wait up to WAIT_SECONDS
WAIT_SECONDS = 120
# Tagged PDF/UA (LibreOffice 7.4+ takes filter options as JSON): headings, table headers, alt text and the
# language reach screen readers. The Word comments for the author stay in the .docx, not the PDF.
PDF_FILTER = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"PDFUACompliance":{"type":"boolean","value":"true"},'
    '"ExportNotes":{"type":"boolean","value":"false"}}'
)
_SLOTS = threading.BoundedSemaphore(CONCURRENT)


def soffice() -> str | None:
    """Return the LibreOffice program to run, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: bytes, name: str = "draft") -> bytes:
    """Return the tagged (PDF/UA) PDF of a .docx, converted by LibreOffice.

    Raises AssemblyError when LibreOffice is not installed, fails, or takes longer than TIMEOUT_SECONDS.
    """
    program = soffice()
    if program is None:
        raise AssemblyError(
            "cannot make a PDF: LibreOffice (soffice) is not installed.",
            "Install it (Debian/Ubuntu: apt-get install libreoffice-writer-nogui), or write a .docx instead.",
        )
    if not _SLOTS.acquire(timeout=WAIT_SECONDS):
        raise AssemblyError("too many PDFs are being made at once.", "Try again in a few minutes, or ask for a .docx.")
    try:
        return _convert(program, docx, name)
    finally:
        _SLOTS.release()


def _convert(program: str, docx: bytes, name: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="actionbot-pdf-") as tmp:
        work = Path(tmp)
        source = work / f"{name}.docx"
        source.write_bytes(docx)
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            PDF_FILTER,
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise AssemblyError(
                f"LibreOffice took longer than {TIMEOUT_SECONDS} seconds to make the PDF.",
                "Try again, or write a .docx.",
            ) from None
        except OSError as exc:
            raise AssemblyError(f"cannot run LibreOffice ({program}): {exc}.", "Write a .docx instead.") from exc
        result = work / f"{name}.pdf"
        if done.returncode != 0 or not result.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise AssemblyError(
                f"LibreOffice could not convert the draft to PDF{': ' + detail[-1] if detail else ''}.",
                "Write a .docx instead and convert it in Word.",
            )
        if result.stat().st_size > MAX_BYTES:
            raise AssemblyError("the PDF LibreOffice made is too large to return.", "Write a .docx instead.")
        return result.read_bytes()
