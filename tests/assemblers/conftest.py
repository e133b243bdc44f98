"""Fixtures for the assemblers: a small panel knowledge base written inline, and readers of .docx XML."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn

from assemblers.context import DraftRequest
from assemblers.pipeline import draft_bytes
from knowledge.loader import load_knowledge_base
from knowledge.models import KnowledgeBase
from tests.conftest import write_kb

TODAY = dt.date(2025, 1, 6)
MEETING = dt.date(2025, 1, 14)
# Text that would inject Markdown or break XML if it were not escaped; the control characters go.
EVIL = "1. <b>Fish</b> & chips | *not bold* [link](http://x) \\ `tick` # \x07bell\x1b[0m"
EVIL_SHOWN = "1. <b>Fish</b> & chips | *not bold* [link](http://x) \\ `tick` # bell[0m"
EVIL_YAML = json.dumps(EVIL)  # a YAML double-quoted scalar: \u0007 and \u001b stay control characters
SRC = '{seed: test, quote: "test"}'

PANEL_KB = {
    "organisations.yaml": f"""
        organisations:
          - id: org
            name: Example County Council
            source: {SRC}
    """,
    "people/people.yaml": f"""
        people:
          - id: rita-signer
            name: Rita Signer
            titles: ["Interim Service Director, Commissioning and Resources"]
            organisation: org
            source: {SRC}
          - id: carl-contact
            name: Carl Contact
            titles: ["Group Manager, Old Title", "Head of Service, Fostering, Residential & Secure Accommodation"]
            organisation: org
            email: carl.contact@example.gov.uk
            phone: "0115 977 4123"
            source:
              seed: test
              quote: "E: carl.contact@example.gov.uk"
              location: "contacts: Carl Contact, Head of Service, Fostering, Residential & Secure Accommodation"
          - id: dee-email
            name: Dee Email
            titles: ["CSM Strategic Safeguarding and LADO"]
            email: dee@example.gov.uk
            source: {SRC}
          - id: evil-lead
            name: {EVIL_YAML}
            source: {SRC}
    """,
    "plans/progress.yaml": f"""
        plan:
          id: progress
          title: Example Progress Plan
          short_names: [progress plan]
          reports_to: Example Safeguarding Partnership
          source: {SRC}
          actions:
            - id: "1"
              text: Already done
              leads: [rita-signer]
              due: "2024-03"
              status: complete
              source: {SRC}
            - id: "2"
              text: Going well
              leads: [carl-contact]
              due: "2025-12"
              status: in-progress
              source: {SRC}
            - id: "3"
              text: Late
              leads: [carl-contact]
              due: "2024-06"
              status: in-progress
              source: {SRC}
            - id: "4"
              text: Not begun
              leads: [dee-email]
              due: "2026-03"
              status: not-started
              source: {SRC}
            - id: "5"
              text: {EVIL_YAML}
              leads: [evil-lead]
              due: "2025-09"
              status: ongoing
              source: {SRC}
            - id: "6"
              text: Also late
              leads: [rita-signer]
              due: "2023-12"
              status: not-stated
              source: {SRC}
    """,
    "committees/panel.yaml": f"""
        committee:
          id: test-panel
          name: Corporate Parenting Panel
          organisation: org
          source: {SRC}
        meetings:
          - date: "2025-01-14"
            time: "14:00"
            venue: "County Hall, West Bridgford"
            agenda:
              - number: 1
                title: Apologies for Absence
                source: {SRC}
              - number: 8
                title: Harmful Sexual Behaviour by Children Annual Review 2024
                pages: "49 - 60"
                report_of: "Interim Service Director, Commissioning and Resources"
                signatory: rita-signer
                contacts: [carl-contact, dee-email]
                reference: CF0226
                constitutional_comments: "CD 11/12/24"
                financial_comments: "CDS 06/12/24"
                purpose: "This report provides an outline of the progress and challenges."
                recommendations:
                  - "That the Corporate Parenting Panel considers whether there are any actions it requires."
                  - "That the Panel notes the plan."
                source: {SRC}
              - number: 9
                title: {EVIL_YAML}
                pages: "61 - 74"
                report_of: "Service Director, Help, Protection & Care"
                signatory: rita-signer
                contacts: [evil-lead]
                reference: "CF0227"
                purpose: {EVIL_YAML}
                source: {SRC}
            resolutions: []
            source: {SRC}
    """,
}


@pytest.fixture(scope="session")
def panel_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return load_knowledge_base(write_kb(tmp_path_factory.mktemp("panel-kb"), PANEL_KB))


def make(template: str, kb: KnowledgeBase, **request: object) -> Document:
    """Draft `template` and reopen it with python-docx."""
    style = request.pop("style", None)
    templates_dir = request.pop("templates_dir", None)
    data = draft_bytes(template, kb, DraftRequest(**request), style=style, templates_dir=templates_dir, today=TODAY)
    return docx.Document(io.BytesIO(data))


def body_paragraphs(document: Document) -> list:
    """The body's own paragraphs (not those inside tables), in order."""
    return list(document.paragraphs)


def num_pr(paragraph) -> tuple[int, int] | None:
    """(numId, ilvl) in force for a paragraph, as Word resolves it: its own w:numPr, else its style's
    (following basedOn), or None."""
    ppr = paragraph._p.pPr
    numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
    style = paragraph.style.element if paragraph.style is not None else None
    while numpr is None and style is not None:
        style_ppr = style.find(qn("w:pPr"))
        numpr = style_ppr.find(qn("w:numPr")) if style_ppr is not None else None
        based = style.find(qn("w:basedOn"))
        style = None
        if numpr is None and based is not None:
            wanted = based.get(qn("w:val"))
            styles = paragraph.part.document.styles.element
            style = next((s for s in styles.iterchildren(qn("w:style")) if s.get(qn("w:styleId")) == wanted), None)
    if numpr is None:
        return None
    ilvl = numpr.find(qn("w:ilvl"))
    return int(numpr.find(qn("w:numId")).get(qn("w:val"))), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0


def labels(document: Document) -> list[tuple[str, str]]:
    """(number label as a reader shows it, text) of each numbered body paragraph, computed from numbering.xml.

    Counters are kept per abstract numbering definition; a w:num's startOverride restarts its
    counter the first time the num is used, as Word and LibreOffice do.
    """
    root = document.part.numbering_part.element
    nums = {int(n.get(qn("w:numId"))): n for n in root.iterchildren(qn("w:num"))}
    abstracts = {int(a.get(qn("w:abstractNumId"))): a for a in root.iterchildren(qn("w:abstractNum"))}
    counters: dict[int, int] = {}
    used: set[int] = set()
    out = []
    for paragraph in body_paragraphs(document):
        pr = num_pr(paragraph)
        if pr is None:
            continue
        num_id, ilvl = pr
        num = nums[num_id]
        abstract_id = int(num.find(qn("w:abstractNumId")).get(qn("w:val")))
        level = abstracts[abstract_id].find(qn("w:lvl"))
        assert int(level.get(qn("w:ilvl"))) == ilvl == 0
        start = int(level.find(qn("w:start")).get(qn("w:val")))
        override = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        if num_id not in used:
            used.add(num_id)
            if override is not None:
                counters[abstract_id] = int(override.get(qn("w:val"))) - 1
        counters[abstract_id] = counters.get(abstract_id, start - 1) + 1
        text = level.find(qn("w:lvlText")).get(qn("w:val"))
        assert level.find(qn("w:numFmt")).get(qn("w:val")) == "decimal"
        out.append((text.replace("%1", str(counters[abstract_id])), paragraph.text))
    return out


def footer_text(document: Document) -> str:
    return "\n".join(p.text for s in document.sections for p in s.footer.paragraphs)


def headings(document: Document, style: str = "Heading 1") -> list[str]:
    return [p.text for p in body_paragraphs(document) if p.style.name == style]


@pytest.fixture
def base_path() -> Path:
    return Path(__file__).resolve().parents[2] / "templates" / "base.docx"
