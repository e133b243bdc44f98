"""Word-authored templates (.docx with Jinja tags, rendered by docxtpl in the sandbox)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest

from assemblers import specs
from assemblers.context import DraftRequest
from assemblers.errors import AssemblyError
from assemblers.pipeline import draft_bytes
from knowledge.models import KnowledgeBase
from tests.assemblers.conftest import EVIL_SHOWN, MEETING, TODAY

BRIEFING = specs.DEFAULT_DIR / "briefing-note.docx"


def word_template(directory: Path, name: str, *paragraphs: str, needs: str = "meeting") -> Path:
    """Write a Word template `name` with these paragraphs and its description into `directory`."""
    document = docx.Document(str(specs.DEFAULT_DIR / "base.docx"))
    for text in paragraphs:
        document.add_paragraph(text, style="Body Text")
    document.save(str(directory / f"{name}.docx"))
    (directory / f"{name}.yaml").write_text(
        f"name: {name}\npurpose: a test template\ninputs:\n  required:\n    {needs}: the meeting\n"
        "styles: [Body Text]\n",
        encoding="utf-8",
    )
    return directory


def text_of(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_the_briefing_note_is_one_page_of_the_items_facts(bundled: KnowledgeBase) -> None:
    data = draft_bytes(
        "briefing-note", bundled, DraftRequest(meeting=MEETING, item=8, plan="tce-action-plan"), today=MEETING
    )
    texts = text_of(data)
    assert texts[:4] == [
        "14 January 2025",
        "Agenda Item: 8",
        "BRIEFING NOTE FOR THE CORPORATE PARENTING PANEL",
        "HARMFUL SEXUAL BEHAVIOUR BY CHILDREN ANNUAL REVIEW 2024",
    ]
    assert any(t.startswith("As at 14 January 2025 the Tackling Child Exploitation") for t in texts)
    assert (
        "Ty Yousaf, Interim Head of Strategic Safeguarding and Independent Review, T: 0115 9772516, "
        "E: ty.yousaf@nottsc.gov.uk" in texts
    )
    assert not any("{" in t or "}" in t for t in texts)
    document = docx.Document(io.BytesIO(data))
    assert document.sections[0].footer.paragraphs[0].text.startswith("CF0226")
    assert document.core_properties.author == "Ty Yousaf" and document.core_properties.created.date() == MEETING
    # the one placeholder left (key points) is highlighted and carries a comment for the author
    (comment,) = document.comments
    assert comment.text == "To complete: The three or four points the Panel should know, one to a bullet."


def test_word_templates_are_listed_beside_the_markdown_ones() -> None:
    found = specs.available(specs.search_path(None))
    assert found["briefing-note"].kind == "docx" and found["committee-report"].kind == "markdown"


def test_knowledge_base_text_stays_literal_in_a_word_template(panel_kb: KnowledgeBase, tmp_path: Path) -> None:
    word_template(tmp_path, "evil", "Title: {{ item.title }}", needs="item")
    (tmp_path / "evil.yaml").write_text(
        "name: evil\npurpose: p\ninputs:\n  required:\n    meeting: m\n    item: i\nstyles: [Body Text]\n",
        encoding="utf-8",
    )
    data = draft_bytes("evil", panel_kb, DraftRequest(meeting=MEETING, item=9), templates_dir=tmp_path, today=TODAY)
    assert f"Title: {EVIL_SHOWN}" in text_of(data)


def test_an_undefined_value_names_the_template_and_the_tag(panel_kb: KnowledgeBase, tmp_path: Path) -> None:
    word_template(tmp_path, "typo", "Date: {{ meeting.date }}", "Venue: {{ meeting.venu }}")
    with pytest.raises(AssemblyError) as raised:
        draft_bytes("typo", panel_kb, DraftRequest(meeting=MEETING), templates_dir=tmp_path, today=TODAY)
    message = str(raised.value)
    assert "template typo.docx uses a value that is not in its context" in message
    assert "(in the tag {{ meeting.venu }})" in message


def test_a_syntax_error_names_the_template_and_the_tag(panel_kb: KnowledgeBase, tmp_path: Path) -> None:
    word_template(tmp_path, "broken", "Fine: {{ meeting.date }}", "Broken: {{ meeting.date | }}")
    with pytest.raises(AssemblyError, match=r"template broken\.docx has a syntax error: .*\(in the tag \{\{ meeting"):
        draft_bytes("broken", panel_kb, DraftRequest(meeting=MEETING), templates_dir=tmp_path, today=TODAY)


def test_the_sandbox_refuses_python_internals(panel_kb: KnowledgeBase, tmp_path: Path) -> None:
    word_template(tmp_path, "escape", "{{ meeting.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(
        AssemblyError, match=r"template escape\.docx (tried something the sandbox refuses|uses a value)"
    ):
        draft_bytes("escape", panel_kb, DraftRequest(meeting=MEETING), templates_dir=tmp_path, today=TODAY)


def test_a_description_with_two_templates_beside_it_is_refused(tmp_path: Path) -> None:
    word_template(tmp_path, "both", "x")
    shutil.copy(specs.DEFAULT_DIR / "agenda.md.j2", tmp_path / "both.md.j2")
    with pytest.raises(AssemblyError, match="needs exactly one template beside it"):
        specs.load_spec(tmp_path / "both.yaml")


@pytest.mark.parametrize(
    "tag",
    [
        "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}",
        "{{ 'a' * 4000000000 }}",
    ],
)
def test_a_word_template_is_bounded_like_a_markdown_one(panel_kb: KnowledgeBase, tmp_path: Path, tag: str) -> None:
    word_template(tmp_path, "bomb", tag)
    with pytest.raises(AssemblyError, match=r"template bomb\.docx (stopped|failed)"):
        draft_bytes("bomb", panel_kb, DraftRequest(meeting=MEETING), templates_dir=tmp_path, today=TODAY)
