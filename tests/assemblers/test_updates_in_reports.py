"""A progress update recorded from Slack or the command line appears in the next progress report."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx import Document

from assemblers.context import DraftRequest
from assemblers.pipeline import draft_bytes
from knowledge.dates import LONDON
from knowledge.loader import load_knowledge_base
from knowledge.updates import UpdateRequest, record_update


def test_recorded_update_is_in_the_progress_table(mini_kb_dir: Path) -> None:
    note = "Records review half done: 40 of 80 <files> & counting"
    record_update(
        mini_kb_dir,
        load_knowledge_base(mini_kb_dir),
        UpdateRequest("alpha", "1", "ann-lead", note, "in-progress"),
        dt.datetime(2021, 1, 4, 9, tzinfo=LONDON),
    )
    data = draft_bytes(
        "progress-report", load_knowledge_base(mini_kb_dir), DraftRequest(plan="alpha"), today=dt.date(2021, 1, 5)
    )
    cells = [c.text for t in Document(io.BytesIO(data)).tables for r in t.rows for c in r.cells]
    assert any(note in c and "4 January 2021" in c for c in cells), cells
