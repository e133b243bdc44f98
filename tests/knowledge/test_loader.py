"""The loader: valid knowledge bases load; each kind of bad input names file, line and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from knowledge import cache
from knowledge.errors import KnowledgeError
from knowledge.loader import load_knowledge_base
from tests.conftest import MINI, write_kb


def broken(tmp_path: Path, **replace: str) -> Path:
    files = dict(MINI)
    files.update(replace)
    return write_kb(tmp_path / "kb", files)


def problems_of(root: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge_base(root)
    return [str(p) for p in info.value.problems]


def test_mini_kb_loads_into_frozen_dataclasses(mini_kb_dir: Path) -> None:
    kb = load_knowledge_base(mini_kb_dir)
    action = kb.plans["alpha"].action("1")
    assert action.leads == ("org-director",)
    assert action.due is not None and action.due.date == dt.date(2020, 3, 31)
    assert action.due.precision == "month"
    assert kb.plans["alpha"].action("2").due.date == dt.date(2020, 3, 31)
    assert kb.name_of("org-director") == "Corporate Director (Ann Lead)"
    with pytest.raises(AttributeError):
        action.id = "x"  # type: ignore[misc]


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    root = broken(tmp_path, **{"plans/beta.yaml": "plan:\n  id: beta\n  title: [unclosed\n  actions: []\n"})
    found = problems_of(root)
    assert len(found) == 1
    assert "plans/beta.yaml:" in found[0] and "not valid YAML" in found[0]
    line = int(found[0].split("beta.yaml:")[1].split(":")[0])
    assert 3 <= line <= 5


def test_duplicate_action_id(tmp_path: Path) -> None:
    text = MINI["plans/alpha.yaml"].replace('- id: "2"', '- id: "1"')
    found = problems_of(broken(tmp_path, **{"plans/alpha.yaml": text}))
    assert any("plans/alpha.yaml:14: plan.actions[1].id: duplicate action id '1'" in p for p in found), found


def test_unknown_lead_names_line_and_field(tmp_path: Path) -> None:
    text = MINI["plans/alpha.yaml"].replace("leads: [bob-other]", "leads: [bob-smith]")
    found = problems_of(broken(tmp_path, **{"plans/alpha.yaml": text}))
    assert len(found) == 1
    assert found[0].endswith(
        "plans/alpha.yaml:16: plan.actions[1].leads[0]: unknown person or role 'bob-smith'; define it or fix the id"
    )


def test_impossible_date(tmp_path: Path) -> None:
    text = MINI["plans/alpha.yaml"].replace('due: "2020-03"', 'due: "2020-02-30"')
    found = problems_of(broken(tmp_path, **{"plans/alpha.yaml": text}))
    assert len(found) == 1
    assert "plan.actions[0].due: not a real date" in found[0] and "day is out of range" in found[0]
    assert "alpha.yaml:11:" in found[0]


def test_unknown_status(tmp_path: Path) -> None:
    text = MINI["plans/alpha.yaml"].replace("status: complete", "status: overdue")
    found = problems_of(broken(tmp_path, **{"plans/alpha.yaml": text}))
    assert len(found) == 1
    assert "plan.actions[1].status: unknown status 'overdue'" in found[0]
    assert "alpha.yaml:19:" in found[0]


def test_all_problems_reported_together(tmp_path: Path) -> None:
    text = (
        MINI["plans/alpha.yaml"]
        .replace("status: complete", "status: done")
        .replace("leads: [org-director]", "leads: [nobody]")
        .replace('due: "FY2019/20"', 'due: "FY2019/21"')
    )
    found = problems_of(broken(tmp_path, **{"plans/alpha.yaml": text}))
    assert len(found) == 3
    assert {"status", "leads[0]", "due"} == {p.split(": ")[1].rsplit(".", 1)[-1] for p in found}


def test_missing_required_field_and_unknown_field(tmp_path: Path) -> None:
    text = MINI["plans/alpha.yaml"].replace("text: Review the foster carer records", "txt: Review")
    found = problems_of(broken(tmp_path, **{"plans/alpha.yaml": text}))
    assert any("plan.actions[0].text: required field is missing" in p for p in found)
    assert any("plan.actions[0].txt: unknown field" in p for p in found)


def test_duplicate_person_across_files(tmp_path: Path) -> None:
    extra = "people:\n  - id: ann-lead\n    name: Ann Again\n    source: {seed: test, quote: x}\n"
    found = problems_of(broken(tmp_path, **{"people/more.yaml": extra}))
    assert len(found) == 1
    assert "people/people.yaml:2: people[0].id: duplicate person id 'ann-lead' (first defined in more.yaml)" in found[0]


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    found = problems_of(tmp_path / "nope")
    assert "no such knowledge-base directory" in found[0]


def test_cache_reused_and_invalidated_on_change(
    mini_kb_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ACTIONBOT_CACHE", str(tmp_path / "c"))
    first = cache.load(mini_kb_dir)
    assert list((tmp_path / "c").glob("kb-*.pickle"))
    calls = []
    monkeypatch.setattr("knowledge.loader.build", lambda *a: calls.append(a) or first)
    assert cache.load(mini_kb_dir).plans["alpha"].title == "Alpha Plan"
    assert calls == []  # served from the cache
    plan = mini_kb_dir / "plans/alpha.yaml"
    plan.write_text(plan.read_text().replace("title: Alpha Plan", "title: Alpha Plan Two"))
    monkeypatch.undo()
    monkeypatch.setenv("ACTIONBOT_CACHE", str(tmp_path / "c"))
    assert cache.load(mini_kb_dir).plans["alpha"].title == "Alpha Plan Two"


def test_broken_cache_file_is_ignored(mini_kb_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ACTIONBOT_CACHE", str(tmp_path / "c"))
    cache.load(mini_kb_dir)
    for slot in (tmp_path / "c").glob("kb-*.pickle"):
        slot.write_bytes(b"garbage")
    assert cache.load(mini_kb_dir).plans["alpha"].action("1").text == "Review the foster carer records"


PANEL = """
committee:
  id: panel
  name: Example Panel
  agenda_contact: nobody-here
  source: {seed: test, quote: test}
meetings:
  - date: "2025-01-14"
    agenda:
      - number: 6
        title: A report
        report_title: A REPORT 2023/24
        background_papers: [{title: not text}]
"""


def test_agenda_contact_and_background_papers_are_checked(tmp_path: Path) -> None:
    found = problems_of(broken(tmp_path, **{"committees/panel.yaml": PANEL}))
    assert any(
        p.endswith("committee.agenda_contact: unknown person 'nobody-here'; define it or fix the id") for p in found
    ), found
    assert any("meetings[0].agenda[0].background_papers[0]: expected text" in p for p in found), found


def test_agenda_contact_report_title_and_background_papers_load(tmp_path: Path) -> None:
    text = PANEL.replace("nobody-here", "ann-lead").replace("[{title: not text}]", '["Paper one", "Paper two"]')
    kb = load_knowledge_base(broken(tmp_path, **{"committees/panel.yaml": text}))
    panel = kb.committees["panel"]
    item = panel.meetings[0].item(6)
    assert panel.agenda_contact == "ann-lead"
    assert (item.report_title, item.background_papers) == ("A REPORT 2023/24", ("Paper one", "Paper two"))


MEETING_EXTRAS = """
committee:
  id: panel
  name: Example Panel
  source: {seed: test, quote: test}
meetings:
  - date: "2024-10-15"
    end: {time: "15:55", source: {seed: test, quote: "closed the meeting at 3:55pm"}}
    notes:
      - {number: 2, text: "Customer Services Centre 0300 500 80 80", source: {seed: test, quote: "0300"}}
    agenda:
      - number: 8
        title: A covering report
        signatory: ann-lead
        no_background_papers: true
        also_called:
          names: [LADO]
          source: {seed: test, quote: "the work of the LADO"}
        appendix:
          title: THE ANNUAL REVIEW
          signatory: bob-other
          signatory_title: Service Manager
          signed: "01.04.2024"
          source: {seed: test, quote: "Bob Other"}
"""


def test_meeting_end_notes_and_report_appendix_load(tmp_path: Path) -> None:
    kb = load_knowledge_base(broken(tmp_path, **{"committees/panel.yaml": MEETING_EXTRAS}))
    meeting = kb.committees["panel"].meetings[0]
    assert meeting.end_time == "15:55" and meeting.end_source is not None
    assert [(n.number, n.text) for n in meeting.notes] == [(2, "Customer Services Centre 0300 500 80 80")]
    item = meeting.item(8)
    assert item.no_background_papers and item.background_papers == ()
    assert item.aliases == ("LADO",) and item.aliases_source is not None
    assert item.aliases_source.quote == "the work of the LADO"
    assert item.appendix is not None
    assert (item.appendix.signatory, item.appendix.signed, item.appendix.title) == (
        "bob-other",
        "01.04.2024",
        "THE ANNUAL REVIEW",
    )


def test_meeting_end_notes_and_appendix_are_checked(tmp_path: Path) -> None:
    text = (
        MEETING_EXTRAS.replace('end: {time: "15:55", ', "end: {")
        .replace("{number: 2, text:", "{number: two, text:")
        .replace("signatory: bob-other", "signatory: nobody-here")
        .replace("no_background_papers: true", "no_background_papers: perhaps")
        .replace("names: [LADO]", "names: {LADO: yes}")
    )
    found = problems_of(broken(tmp_path, **{"committees/panel.yaml": text}))
    assert any("meetings[0].end" in p and "time" in p for p in found), found
    assert any("meetings[0].notes[0].number: expected a whole number" in p for p in found), found
    assert any("meetings[0].agenda[0].appendix.signatory: unknown person 'nobody-here'" in p for p in found), found
    assert any("meetings[0].agenda[0].no_background_papers: expected true or false" in p for p in found), found
    assert any("meetings[0].agenda[0].also_called.names" in p for p in found), found


def test_loaded_records_are_the_dataclasses_their_init_would_make() -> None:
    """The loader fills actions, milestones and updates without their __init__: every field, frozen, equal."""
    import dataclasses

    kb = load_knowledge_base()
    records = [a for a in kb.actions()]
    records += [m for a in records for m in a.milestones] + [u for a in records for u in a.updates]
    assert {type(r).__name__ for r in records} == {"Action", "Milestone", "Update"}
    for record in records:
        names = [f.name for f in dataclasses.fields(record)]
        assert list(vars(record)) == names
        again = type(record)(**vars(record))
        assert again == record and hash(again) == hash(record) and repr(again) == repr(record)
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.text = "changed"  # type: ignore[misc]


def test_a_problem_in_an_update_or_milestone_still_names_line_and_field(tmp_path: Path) -> None:
    files = {
        **MINI,
        "plans/alpha.yaml": MINI["plans/alpha.yaml"].replace(
            '              source: {seed: test, quote: "1."}\n',
            '              source: {seed: test, quote: "1."}\n'
            "              milestones:\n                - {text: step, due: 2020-13}\n"
            '              updates:\n                - {date: "2020-02-30", text: done}\n',
        ),
    }
    root = write_kb(tmp_path, files)
    with pytest.raises(KnowledgeError) as err:
        load_knowledge_base(root)
    text = str(err.value)
    assert "milestones[0].due: not a real date" in text
    assert "updates[0].date: not a real date" in text
    lines = {p.field.rsplit(".", 1)[-1]: p.line for p in err.value.problems}
    source = root.joinpath("plans/alpha.yaml").read_text().splitlines()
    assert "2020-13" in source[lines["due"] - 1] and "2020-02-30" in source[lines["date"] - 1]
