"""The whole pipeline on a small inline knowledge base, read back from the .docx as Word would."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from assemblers import pipeline, specs
from assemblers.blocks import parse
from assemblers.context import DraftRequest
from assemblers.docx_writer import RAG_FILLS
from assemblers.errors import AssemblyError
from knowledge.models import KnowledgeBase
from tests.assemblers.conftest import EVIL_SHOWN, MEETING, TODAY, body_paragraphs, footer_text, headings, labels, make

SEED_HEADINGS = [  # the committee reports of 003_1684bf18d656461f.txt, in order
    "Purpose of the Report",
    "Information",
    "Other Options Considered",
    "Reason/s for Recommendation/s",
    "Statutory and Policy Implications",
    "Financial Implications",
    "RECOMMENDATION/S",
    "Constitutional Comments ([initials date])",
    "Financial Comments ([initials date])",
    "Background Papers and Published Documents",
    "Electoral Division(s) and Member(s) Affected",
]


def _texts(document) -> list[str]:
    return [p.text for p in body_paragraphs(document)]


def test_committee_report_follows_the_house_format(panel_kb: KnowledgeBase) -> None:
    document = make("committee-report", panel_kb, meeting=MEETING, item=8)
    texts = _texts(document)
    assert texts[:4] == [
        "14 January 2025",
        "Agenda Item: 8",
        "REPORT OF THE INTERIM SERVICE DIRECTOR, COMMISSIONING AND RESOURCES",
        "HARMFUL SEXUAL BEHAVIOUR BY CHILDREN ANNUAL REVIEW 2024",
    ]
    assert [body_paragraphs(document)[i].style.name for i in range(4)] == [
        "Report Header",
        "Report Header",
        "Report Of",
        "Report Title",
    ]
    assert headings(document) == SEED_HEADINGS
    assert labels(document) == [
        ("1.", "This report provides an outline of the progress and challenges."),
        ("2.", texts[texts.index("Information") + 1]),
        ("3.", texts[texts.index("Other Options Considered") + 1]),
        ("4.", texts[texts.index("Reason/s for Recommendation/s") + 1]),
        ("5.", texts[texts.index("Statutory and Policy Implications") + 1]),
        ("6.", "There are no financial implications arising from the report."),
        ("1)", "That the Corporate Parenting Panel considers whether there are any actions it requires."),
        ("2)", "That the Panel notes the plan."),
        ("7.", "[To be completed by Legal Services.]"),
        ("8.", "[To be completed by Finance.]"),
    ]
    assert texts[texts.index("Other Options Considered") + 1].startswith("To not bring this report to the Panel:")
    signature = texts.index("That the Panel notes the plan.") + 1
    assert texts[signature] == "Rita Signer\nInterim Service Director, Commissioning and Resources"
    assert texts[signature + 1] == "For any enquiries about this report please contact:"
    assert texts[signature + 2 : signature + 4] == [
        "Carl Contact\nHead of Service, Fostering, Residential & Secure Accommodation\nT: 0115 977 4123\n"
        "E: carl.contact@example.gov.uk",
        "Dee Email\nCSM Strategic Safeguarding and LADO\nE: dee@example.gov.uk",
    ]
    assert texts[-3:] == [  # no background papers recorded: the author is asked, never told "None."
        '[List the background papers and published documents, or write "None."]',
        "Electoral Division(s) and Member(s) Affected",
        "All.",
    ]
    assert footer_text(document).startswith("CF0226\tPage ")
    assert document.core_properties.title == "Harmful Sexual Behaviour by Children Annual Review 2024"
    assert not document.tables and not document.inline_shapes


def test_committee_report_with_a_plan_carries_chart_and_table(panel_kb: KnowledgeBase) -> None:
    document = make("committee-report", panel_kb, meeting=MEETING, item=8, plan="progress")
    assert headings(document) == SEED_HEADINGS
    numbers = [label for label, _ in labels(document)]
    assert numbers == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "1)", "2)", "9.", "10."]
    (table,) = document.tables
    assert len(table.rows) == 1 + 6
    assert len(document.inline_shapes) == 1
    texts = _texts(document)
    assert texts[texts.index("Information") + 1].startswith(
        "This report sets out progress on the Example Progress Plan as at 6 January 2025. Of its 6 actions, "
        "1 complete, 2 on track, 2 overdue and 1 not started."
    )
    assert any(t.startswith("Overdue: Action 3, Action 6.") for t in texts)


def test_progress_report_table_chart_and_header_repeat(panel_kb: KnowledgeBase) -> None:
    document = make("progress-report", panel_kb, plan="progress")
    texts = _texts(document)
    assert texts[:2] == ["PROGRESS REPORT TO THE EXAMPLE SAFEGUARDING PARTNERSHIP", "EXAMPLE PROGRESS PLAN"]
    assert headings(document) == ["Summary", "Progress on each action", "Overdue actions"]
    counts, actions = document.tables
    assert [[c.text for c in row.cells] for row in counts.rows] == [
        ["Progress", "Actions"],
        ["Complete", "1"],
        ["On track", "2"],
        ["Overdue", "2"],
        ["Not started", "1"],
        ["Total", "6"],
    ]
    assert [c.text for c in actions.rows[0].cells] == [
        "Action",
        "What the plan says will be done",
        "Lead",
        "Due",
        "Status",
        "Latest milestone or update",
    ]
    assert [row.cells[0].text for row in actions.rows[1:]] == ["1", "2", "3", "4", "5", "6"]
    header = actions._tbl.findall(qn("w:tr"))[0]
    assert header.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    fills = [row.cells[4]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) for row in actions.rows[1:]]
    assert fills == [RAG_FILLS[c] for c in ("green", "green", "red", "amber", "green", "red")]
    assert actions.rows[3].cells[4].text == "in progress (overdue)"
    (shape,) = document.inline_shapes
    assert shape._inline.graphic.graphicData.pic is not None
    assert [label for label, _ in labels(document)] == ["1.", "2.", "3.", "4."]
    assert footer_text(document).startswith("\tPage ")


def test_agenda_front_sheet(panel_kb: KnowledgeBase) -> None:
    document = make("agenda", panel_kb, meeting=MEETING)
    texts = _texts(document)
    assert texts[:4] == [
        "Corporate Parenting Panel",
        "Tuesday, 14 January 2025 at 14:00",
        "County Hall, West Bridgford",
        "AGENDA",
    ]
    (table,) = document.tables
    assert [[c.text for c in row.cells] for row in table.rows][:2] == [
        ["1", "Apologies for Absence", ""],
        ["8", "Harmful Sexual Behaviour by Children Annual Review 2024", "49 - 60"],
    ]
    assert table._tbl.findall(qn("w:tr"))[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
    assert table.style.name == "Agenda Table"


def test_knowledge_base_text_renders_literally(panel_kb: KnowledgeBase) -> None:
    document = make("committee-report", panel_kb, meeting=MEETING, item=9, plan="progress")
    texts = _texts(document)
    assert texts[3] == EVIL_SHOWN.upper()
    assert labels(document)[0] == ("1.", EVIL_SHOWN)
    assert f"{EVIL_SHOWN}\nE: " not in "\n".join(texts)  # the evil contact has no email, so no E: line
    assert EVIL_SHOWN in texts
    assert [body_paragraphs(document)[4].style.name, body_paragraphs(document)[5].style.name] == [
        "Heading 1",
        "Numbered Paragraph",
    ]
    evil_row = document.tables[0].rows[5]
    assert [evil_row.cells[i].text for i in (0, 1, 2)] == ["5", EVIL_SHOWN, EVIL_SHOWN]
    runs = [r for p in document.paragraphs for r in p.runs] + [
        r for row in document.tables[0].rows for c in row.cells for p in c.paragraphs for r in p.runs
    ]
    assert not any(r.bold or r.italic for r in runs if "Fish" in r.text)
    assert texts[2] == "REPORT OF THE SERVICE DIRECTOR, HELP, PROTECTION & CARE"


def test_declared_styles_cover_every_style_the_templates_use(panel_kb: KnowledgeBase) -> None:
    requests = {
        "committee-report": DraftRequest(meeting=MEETING, item=8, plan="progress"),
        "progress-report": DraftRequest(plan="progress", meeting=MEETING, item=8),
        "agenda": DraftRequest(meeting=MEETING),
    }
    for name, request in requests.items():
        prepared = pipeline.prepare(name)
        used = parse(pipeline.markdown(prepared, panel_kb, request, TODAY)).styles()
        declared = set(prepared.spec.styles)
        assert set(used) <= declared, f"{name} uses styles its description does not list: {set(used) - declared}"


@pytest.mark.parametrize(
    ("template", "request_", "words"),
    [
        ("committee-reprot", DraftRequest(), "there is no template 'committee-reprot'. Did you mean committee-report?"),
        ("committee-report", DraftRequest(meeting=MEETING, item=7), "has no agenda item 7"),
        ("committee-report", DraftRequest(meeting=MEETING), "the template committee-report needs: item,"),
        ("progress-report", DraftRequest(), "the template progress-report needs: plan,"),
        ("agenda", DraftRequest(meeting=MEETING, plan="progress"), "the template agenda does not take plan"),
    ],
)
def test_bad_input_is_a_clear_error(panel_kb: KnowledgeBase, template: str, request_: DraftRequest, words: str) -> None:
    with pytest.raises(AssemblyError) as caught:
        pipeline.draft_bytes(template, panel_kb, request_, today=TODAY)
    assert words in str(caught.value)


def test_style_missing_from_a_supplied_base_names_style_and_file(panel_kb: KnowledgeBase, tmp_path: Path) -> None:
    council = tmp_path / "council.docx"
    docx.Document().save(str(council))  # Word's stock styles: no "Report Header", no "Numbered Paragraph"
    with pytest.raises(AssemblyError) as caught:
        pipeline.draft_bytes("committee-report", panel_kb, DraftRequest(meeting=MEETING, item=8), style=council)
    assert "'Action Table'" in str(caught.value) and "the template committee-report" in str(caught.value)
    assert str(council) in str(caught.value)


def test_a_table_style_of_the_wrong_kind_is_refused(panel_kb: KnowledgeBase, tmp_path: Path, base_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "odd.md.j2").write_text("<!-- style: Body Text -->\n| a |\n|---|\n| b |\n", encoding="utf-8")
    (own / "odd.yaml").write_text("name: odd\npurpose: test\n", encoding="utf-8")
    with pytest.raises(AssemblyError, match=r"'Body Text' in .* is a paragraph style; the template odd needs a table"):
        pipeline.draft_bytes("odd", panel_kb, templates_dir=own)


def test_own_templates_directory_syntax_error_names_template_and_line(panel_kb: KnowledgeBase, tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "broken.md.j2").write_text("# Title\n\n{{ meeting.date }\n", encoding="utf-8")
    (own / "broken.yaml").write_text("name: broken\npurpose: test\ninputs: {required: {meeting: date}}\n")
    with pytest.raises(AssemblyError, match=r"template broken\.md\.j2 line 3 has a syntax error"):
        pipeline.draft_bytes("broken", panel_kb, DraftRequest(meeting=MEETING), templates_dir=own)
    assert "committee-report" in specs.available(specs.search_path(own)), "bundled templates stay available"


def test_own_template_reaching_for_internals_is_refused(panel_kb: KnowledgeBase, tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "sneaky.md.j2").write_text("Hello\n\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    (own / "sneaky.yaml").write_text("name: sneaky\npurpose: test\n")
    with pytest.raises(AssemblyError, match=r"template sneaky\.md\.j2 line 3 tried something the sandbox refuses"):
        pipeline.draft_bytes("sneaky", panel_kb, templates_dir=own)


def test_own_template_emitting_raw_html_is_refused(panel_kb: KnowledgeBase, tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "html.md.j2").write_text("Hello\n\n<script>x</script>\n")
    (own / "html.yaml").write_text("name: html\npurpose: test\n")
    with pytest.raises(AssemblyError, match="the template html rendered Markdown the writer cannot lay out: raw HTML"):
        pipeline.draft_bytes("html", panel_kb, templates_dir=own)


def test_own_base_docx_in_templates_dir_is_used(panel_kb: KnowledgeBase, tmp_path: Path, base_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    shutil.copy(base_path, own / "base.docx")
    assert pipeline.prepare("agenda", templates_dir=own).base == own / "base.docx"
    assert pipeline.prepare("agenda").base == base_path


def test_draft_writes_atomically_and_a_failure_keeps_the_old_file(
    panel_kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.docx"
    assert pipeline.draft("agenda", panel_kb, DraftRequest(meeting=MEETING), output=out) == out
    docx.Document(str(out))
    before = out.read_bytes()
    with pytest.raises(AssemblyError):
        pipeline.draft("committee-report", panel_kb, DraftRequest(meeting=MEETING, item=99), output=out)
    assert out.read_bytes() == before

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipeline.os, "replace", refuse)
    with pytest.raises(AssemblyError, match=r"cannot write .*report\.docx: No space left on device"):
        pipeline.draft("committee-report", panel_kb, DraftRequest(meeting=MEETING, item=8), output=out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"], "no temporary file left behind"


def test_draft_without_output_returns_bytes_of_a_docx(panel_kb: KnowledgeBase) -> None:
    data = pipeline.draft("agenda", panel_kb, DraftRequest(meeting=MEETING))
    assert isinstance(data, bytes) and data[:2] == b"PK"
    assert docx.Document(io.BytesIO(data)).paragraphs[0].text == "Corporate Parenting Panel"
