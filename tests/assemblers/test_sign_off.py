"""Issue 12: drafts a clerk can send for sign-off, checked on the generated documents of the bundled knowledge base.

Each test pins one defect the report author found when comparing the drafts with the Corporate
Parenting Panel pack (seed 003): what the text says, the styles and numbering XML, the properties
and the Word comments.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn

from assemblers import pipeline, specs
from assemblers.context import DraftRequest
from assemblers.errors import AssemblyError
from assemblers.pipeline import draft_bytes
from knowledge import facts
from knowledge.models import KnowledgeBase
from tests.assemblers.conftest import MEETING, body_paragraphs, headings, labels

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AS_AT = dt.date(2020, 1, 15)


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def draft(kb: KnowledgeBase, template: str, today: dt.date | None = MEETING, **request: object) -> Document:
    return open_docx(draft_bytes(template, kb, DraftRequest(**request), today=today))


def all_text(document: Document) -> str:
    """Every paragraph of the body and its tables, one to a line."""
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def action_rows(document: Document) -> dict[str, object]:
    """{action id: the row} of the progress table (the one headed "Action")."""
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == "Action"]
    return {row.cells[0].text: row for row in table.rows[1:]}


def fill(cell) -> str | None:
    shading = cell._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    return shading.get(qn("w:fill")) if shading is not None else None


# ---------------------------------------------------------------- 1. status from the engine
@pytest.mark.parametrize(("plan", "action"), [("county-iicsa", "Action 7"), ("city-iicsa", "7b")])
def test_a_completed_action_is_never_shown_red_or_overdue(bundled: KnowledgeBase, plan: str, action: str) -> None:
    document = draft(bundled, "progress-report", today=AS_AT, plan=plan)
    row = action_rows(document)[action]
    status = row.cells[4]
    assert "overdue" not in status.text and fill(status) != "FF6B6B"
    overdue_lines = [p.text for p in document.paragraphs if p.text.startswith(f"{action}.")]
    assert overdue_lines == [], "a completed action is listed under Overdue actions"


def test_the_report_takes_every_status_word_and_colour_from_knowledge_facts(
    bundled: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Change the one status rule (knowledge.status.derive) and the report follows: no status logic of its own."""
    from knowledge import status

    def complete(action, today=None):
        return status.ActionState("complete", action.due, False, (), None)

    monkeypatch.setattr(status, "derive", complete)
    monkeypatch.setattr(facts, "derive", complete)
    document = draft(bundled, "progress-report", today=AS_AT, plan="county-iicsa")
    rows = action_rows(document)
    assert {row.cells[4].text for row in rows.values()} == {"complete"}
    assert {fill(row.cells[4]) for row in rows.values()} == {"92D050"}
    assert "Overdue actions" not in headings(document)
    assert "13 actions: 13 complete, 0 on track, 0 overdue" in all_text(document)


# ---------------------------------------------------------------- 2. background papers
def test_background_papers_come_from_the_knowledge_base(bundled: KnowledgeBase) -> None:
    texts = [p.text for p in draft(bundled, "committee-report", meeting=MEETING, item=6).paragraphs]
    at = texts.index("Background Papers and Published Documents")
    assert texts[at + 2 : at + 4] == [
        "Update on Nottinghamshire children's residential homes and secure accommodation service – report to "
        "Corporate Parenting Panel on 2 July 2024",
        "Update on Nottinghamshire children's residential homes and secure accommodation service – report to "
        "Corporate Parenting Panel on 15 October 2024",
    ]


@pytest.mark.parametrize("item", [6, 7, 8, 9])
def test_no_draft_says_none_for_papers_it_does_not_know(bundled: KnowledgeBase, item: int) -> None:
    texts = [p.text for p in draft(bundled, "committee-report", meeting=MEETING, item=item).paragraphs]
    assert "None." not in texts
    if item != 6:
        at = texts.index("Background Papers and Published Documents")
        assert texts[at + 2] == '[List the background papers and published documents, or write "None."]'


# ---------------------------------------------------------------- 3. no implied sign-off
@pytest.mark.parametrize("item", [6, 7, 8, 9])
def test_a_draft_never_carries_the_published_sign_off(bundled: KnowledgeBase, item: int) -> None:
    agenda_item = bundled.committees["corporate-parenting-panel"].meeting(MEETING).item(item)
    document = draft(bundled, "committee-report", meeting=MEETING, item=item)
    text = all_text(document)
    assert agenda_item.constitutional_comments not in text and agenda_item.financial_comments not in text
    for heading in ("Constitutional Comments", "Financial Comments"):
        (paragraph,) = [p for p in document.paragraphs if p.text.startswith(heading)]
        assert paragraph.text == f"{heading} ([initials date])"
        (marked,) = [r for r in paragraph.runs if r.font.highlight_color is not None]
        assert marked.text == "[initials date]"


# ---------------------------------------------------------------- 4. the words the tool writes
@pytest.mark.parametrize("plan", ["county-iicsa", "city-iicsa"])
def test_progress_report_words(bundled: KnowledgeBase, plan: str) -> None:
    document = draft(bundled, "progress-report", today=AS_AT, plan=plan)
    text = all_text(document)
    assert "Action Action" not in text
    assert "due not stated" not in text
    assert not re.search(r"\([^()]*\([^()]*\)\)", text), "nested brackets"
    assert "…" not in text, "a cell cut short"
    if plan == "county-iicsa":
        assert action_rows(document)["Action 5"].cells[3].text == "September 2019"
    else:
        assert "Corporate Director (Catherine Underwood)" in text


def test_overdue_lines_name_the_overdue_milestone_not_a_missing_due_date(bundled: KnowledgeBase) -> None:
    document = draft(bundled, "progress-report", today=AS_AT, plan="county-iicsa")
    at = headings(document).index("Overdue actions")
    assert at >= 0
    lines = [text for label, text in labels(document) if text.startswith("Action ")]
    assert lines, "the overdue actions are listed"
    for line in lines:
        assert line.count("Action") == 1 and "Lead: " in line
        assert re.search(r"(Due [A-Z0-9]|Overdue milestones?: .+ \(due )", line), line


def test_tce_timescales_and_owners_as_written(bundled: KnowledgeBase) -> None:
    rows = action_rows(draft(bundled, "progress-report", today=MEETING, plan="tce-action-plan"))
    plan = bundled.plans["tce-action-plan"]
    twelve = [a for a in plan.actions if a.timescale == "12 months" and a.due is not None]
    assert twelve
    for action in twelve:
        assert rows[action.id].cells[3].text == f"{action.due.describe()} (timescale as written: 12 months)"
    assert rows["TCE3"].cells[2].text.startswith("Service Managers Nottingham City and Nottinghamshire SCPs")
    assert "Dan Evans" in rows["TCE3"].cells[2].text


def test_the_latest_update_is_whole(bundled: KnowledgeBase) -> None:
    rows = action_rows(draft(bundled, "progress-report", today=AS_AT, plan="county-iicsa"))
    longest = max((row.cells[5].text for row in rows.values()), key=len)
    assert len(longest) > 200 and not longest.endswith("…")


@pytest.mark.parametrize(("item", "title"), [(7, "APRIL 2023 – MARCH 2024"), (9, "ANNUAL REPORT 2023/24")])
def test_the_title_is_the_report_heading_as_written(bundled: KnowledgeBase, item: int, title: str) -> None:
    texts = [p.text for p in body_paragraphs(draft(bundled, "committee-report", meeting=MEETING, item=item))]
    assert texts[3].endswith(title)
    assert "2023-24" not in texts[3]


# ---------------------------------------------------------------- 5. items without a written report
@pytest.mark.parametrize(
    ("item", "words"),
    [
        (1, "is a standing item"),
        (2, "is a standing item"),
        (3, "is the minutes of the last meeting"),
        (4, "is a verbal report"),
        (5, "is a verbal report"),
        (10, "actionbot draft work-programme --meeting 2025-01-14"),
    ],
)
def test_items_without_a_written_report_are_refused(bundled: KnowledgeBase, item: int, words: str) -> None:
    for template in ("committee-report", "briefing-note"):
        with pytest.raises(AssemblyError, match=re.escape(words)) as raised:
            draft_bytes(template, bundled, DraftRequest(meeting=MEETING, item=item), today=MEETING)
        assert "REPORT OF THE" not in str(raised.value)


def test_the_work_programme_renders_the_programme(bundled: KnowledgeBase) -> None:
    document = draft(bundled, "work-programme", meeting=MEETING)
    panel = bundled.committees["corporate-parenting-panel"]
    (table,) = document.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Title", "Sponsor/ Report Author"]
    for work in panel.work_programme:
        assert [work.title, work.sponsors_text or ""] in rows
    headings_in_table = [r[0] for r in rows[1:] if r[1] == "" and r[0] not in {w.title for w in panel.work_programme}]
    assert headings_in_table == ["Standing items for each meeting", "1 April 2025", "8 July 2025"]
    assert "Agenda Item: 10" in [p.text for p in document.paragraphs]


# ---------------------------------------------------------------- 6. agenda note (3)
def test_agenda_note_names_the_democratic_services_officer(bundled: KnowledgeBase) -> None:
    text = all_text(draft(bundled, "agenda", meeting=MEETING))
    assert (
        "invited to contact Sarah Ashton (Tel. 0115 977 3962) or a colleague in Democratic Services prior to the "
        "meeting." in text
    )
    assert "[the Democratic Services Officer" not in text


# ---------------------------------------------------------------- 7. the date a draft is as at
def test_without_today_a_committee_report_is_as_at_its_meeting(bundled: KnowledgeBase) -> None:
    document = draft(bundled, "committee-report", today=None, meeting=MEETING, item=7, plan="tce-action-plan")
    assert "as at 14 January 2025" in all_text(document)
    assert pipeline.resolve_today(DraftRequest(meeting=MEETING), None) == MEETING


def test_a_date_outside_the_plans_life_is_warned_about(bundled: KnowledgeBase) -> None:
    (warning,) = pipeline.date_warnings(bundled, DraftRequest(plan="tce-action-plan"), AS_AT)
    assert "15 January 2020, before the first date" in warning
    assert pipeline.date_warnings(bundled, DraftRequest(plan="tce-action-plan"), MEETING) == []
    (late,) = pipeline.date_warnings(bundled, DraftRequest(plan="city-iicsa"), dt.date(2026, 1, 1))
    assert "over a year after the last due date" in late


# ---------------------------------------------------------------- Word-native numbering
def _style(document: Document, name: str):
    return document.styles[name].element


def test_numbering_lives_in_the_styles(bundled: KnowledgeBase) -> None:
    document = draft(bundled, "committee-report", meeting=MEETING, item=8)
    for name, text in (("Numbered Paragraph", "%1."), ("Recommendation", "%1)")):
        numpr = _style(document, name).find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        assert numpr is not None, f"{name} carries no numbering"
        num_id = numpr.find(qn("w:numId")).get(qn("w:val"))
        root = document.part.numbering_part.element
        (num,) = [n for n in root.iterchildren(qn("w:num")) if n.get(qn("w:numId")) == num_id]
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        (abstract,) = [a for a in root.iterchildren(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id]
        level = abstract.find(qn("w:lvl"))
        assert level.find(qn("w:lvlText")).get(qn("w:val")) == text
        assert level.find(qn("w:pStyle")).get(qn("w:val")) == document.styles[name].style_id
    numbered = [p for p in document.paragraphs if p.style.name == "Numbered Paragraph"]
    assert numbered and all(p._p.pPr.find(qn("w:numPr")) is None for p in numbered)


def test_a_paragraph_the_author_adds_in_the_numbered_style_is_numbered(bundled: KnowledgeBase) -> None:
    document = draft(bundled, "committee-report", meeting=MEETING, item=8)
    before = labels(document)
    document.add_paragraph("A point the author adds in Word.", style="Numbered Paragraph")
    after = labels(document)
    numbered_before = [label for label, _ in before if label.endswith(".")]
    assert after[-1] == (f"{len(numbered_before) + 1}.", "A point the author adds in Word.")


def test_each_recommendation_list_restarts(panel_kb: KnowledgeBase) -> None:
    from assemblers import blocks
    from assemblers.docx_writer import write

    base = specs.DEFAULT_DIR / "base.docx"
    parsed = blocks.parse("1. one\n\n1) a\n1) b\n\n1. two\n\n1) c\n")
    document = open_docx(write(parsed, base, day=MEETING))
    assert labels(document) == [("1.", "one"), ("1)", "a"), ("2)", "b"), ("2.", "two"), ("1)", "c")]


# ---------------------------------------------------------------- placeholders an author cannot miss
def test_every_placeholder_is_highlighted_and_commented(bundled: KnowledgeBase) -> None:
    data = draft_bytes("committee-report", bundled, DraftRequest(meeting=MEETING, item=7), today=MEETING)
    document = open_docx(data)
    body = document.element.body
    marked = [r for r in body.iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:highlight')}") is not None]
    texts = ["".join(t.text for t in r.iter(qn("w:t"))) for r in marked]
    assert "[initials date]" in texts and "[To be completed by Legal Services.]" in texts
    assert all(t.startswith("[") and t.endswith("]") for t in texts)
    starts = {e.get(qn("w:id")) for e in body.iter(qn("w:commentRangeStart"))}
    ends = {e.get(qn("w:id")) for e in body.iter(qn("w:commentRangeEnd"))}
    refs = {e.get(qn("w:id")) for e in body.iter(qn("w:commentReference"))}
    assert len(starts) == len(marked) and starts == ends == refs
    comments = {str(c.comment_id): c.text for c in document.comments}
    assert set(comments) == starts
    legal = [t for t in comments.values() if "Legal Services" in t]
    assert len(legal) == 2  # the heading's initials and the paragraph
    assert any(t.startswith("Legal Services: write the constitutional comments") for t in legal)
    assert all(c.author == "actionbot" for c in document.comments)
    # nothing in the body text is bracketed without being marked
    plain = "".join(t.text or "" for r in body.iter(qn("w:r")) if r not in marked for t in r.iter(qn("w:t")))
    assert not re.search(r"\[[^\]]*\]", plain)


def test_knowledge_base_brackets_are_never_placeholders(panel_kb: KnowledgeBase) -> None:
    document = draft(panel_kb, "committee-report", meeting=MEETING, item=9)
    body = document.element.body
    marked = [
        "".join(t.text for t in r.iter(qn("w:t")))
        for r in body.iter(qn("w:r"))
        if r.find(f"{qn('w:rPr')}/{qn('w:highlight')}") is not None
    ]
    assert not any("link" in text for text in marked)  # the evil title's "[link](http://x)" is data


def test_the_font_is_set_once_in_the_style_chain() -> None:
    document = docx.Document(str(specs.DEFAULT_DIR / "base.docx"))
    with_font = [s.name for s in document.styles if s.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") is not None]
    assert with_font == ["Normal"]


# ---------------------------------------------------------------- properties, captions, accessibility
def test_document_properties_are_the_drafts_own(bundled: KnowledgeBase) -> None:
    data = draft_bytes("committee-report", bundled, DraftRequest(meeting=MEETING, item=6), today=MEETING)
    props = open_docx(data).core_properties
    assert props.title == "Update on Nottinghamshire Children’s Residential Homes and Secure Accommodation Service"
    assert props.subject == "Report to the Corporate Parenting Panel, 14 January 2025, agenda item 6"
    assert props.author == "Jenny Whiston"
    assert props.created.date() == props.modified.date() == MEETING
    app = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml").decode()
    assert "Microsoft" not in app and "<Application>actionbot</Application>" in app


def test_tables_and_figures_have_captions_the_text_refers_to(bundled: KnowledgeBase) -> None:
    document = draft(bundled, "progress-report", today=MEETING, plan="city-iicsa")
    captions = [p for p in document.paragraphs if p.style.name == "Caption"]
    assert [p.text.split(":")[0] for p in captions] == ["Table 1", "Figure 1", "Table 2"]
    for caption in captions:
        instr = "".join(t.text for t in caption._p.iter(qn("w:instrText")))
        assert instr.strip().startswith("SEQ " + caption.text.split()[0])
    assert "Table 2 sets out each action" in all_text(document)


def accessibility_problems(document: Document) -> list[str]:
    """What an accessibility checker flags in a draft: heading levels skipped, a data table without a marked header
    row, a picture without alt text, no document language, no title."""
    problems = []
    levels = [int(p.style.name.split()[-1]) for p in document.paragraphs if p.style.name.startswith("Heading ")]
    last = 0
    for level in levels:
        if level > last + 1:
            problems.append(f"heading level {level} follows level {last}")
        last = level
    for table in document.tables:
        if (
            table.style.name != "Agenda Table"
            and table._tbl.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:tblHeader')}") is None
        ):
            problems.append("a table has no header row marked")
    for shape in document.inline_shapes:
        if not shape._inline.docPr.get("descr"):
            problems.append("a picture has no alt text")
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    if defaults is None or not defaults.get(qn("w:val")):
        problems.append("no document language")
    if not document.core_properties.title:
        problems.append("no document title")
    return problems


@pytest.mark.parametrize(
    ("template", "request_"),
    [
        ("committee-report", {"meeting": MEETING, "item": 7, "plan": "tce-action-plan"}),
        ("progress-report", {"plan": "county-iicsa"}),
        ("agenda", {"meeting": MEETING}),
        ("work-programme", {"meeting": MEETING}),
        ("briefing-note", {"meeting": MEETING, "item": 8, "plan": "tce-action-plan"}),
    ],
)
def test_drafts_pass_the_accessibility_checks(bundled: KnowledgeBase, template: str, request_: dict) -> None:
    assert accessibility_problems(draft(bundled, template, **request_)) == []
