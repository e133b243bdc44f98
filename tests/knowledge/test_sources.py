"""Every record in the bundled knowledge base quotes its seed word for word (spacing and markup aside)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.models import KnowledgeBase, Source

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"</?p>|\*\*|<[^>]+>", " ", text)).strip()


def sources(kb: KnowledgeBase) -> Iterator[tuple[str, Source | None]]:
    for org in kb.organisations.values():
        yield f"organisation {org.id}", org.source
    for person in kb.people.values():
        yield f"person {person.id}", person.source
    for role in kb.roles.values():
        yield f"role {role.id}", role.source
        yield from ((f"holder of {role.id}", h.source) for h in role.holders)
    for plan in kb.plans.values():
        yield f"plan {plan.id}", plan.source
        for action in plan.actions:
            yield f"{plan.id} {action.id}", action.source
            yield from ((f"{plan.id} {action.id} milestone", m.source) for m in action.milestones)
            yield from ((f"{plan.id} {action.id} update", u.source) for u in action.updates)
    for committee in kb.committees.values():
        yield f"committee {committee.id}", committee.source
        for meeting in committee.meetings:
            yield f"meeting {meeting.date}", meeting.source
            yield f"meeting {meeting.date} end", meeting.end_source
            yield from ((f"{meeting.date} note {n.number}", n.source) for n in meeting.notes)
            yield from ((f"{meeting.date} item {i.number}", i.source) for i in meeting.agenda)
            yield from (
                (f"{meeting.date} item {i.number} appendix", i.appendix.source) for i in meeting.agenda if i.appendix
            )
            yield from ((f"resolution {r.id}", r.source) for r in meeting.resolutions)
        yield from ((f"work item {w.title}", w.source) for w in committee.work_programme)


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS}")
def test_every_quote_is_in_its_seed(bundled: KnowledgeBase) -> None:
    texts = {p.name: normalise(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    checked = 0
    for what, source in sources(bundled):
        if source is None:
            continue
        assert source.seed in texts, f"{what}: unknown seed {source.seed}"
        assert normalise(source.quote) in texts[source.seed], f"{what}: {source.quote!r} not in {source.seed}"
        checked += 1
    assert checked > 200


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS}")
def test_report_titles_and_background_papers_are_in_their_seed_as_written(bundled: KnowledgeBase) -> None:
    texts = {p.name: normalise(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    written = []
    for committee in bundled.committees.values():
        for meeting in committee.meetings:
            for item in meeting.agenda:
                seed = texts[item.source.seed] if item.source else ""
                for text in (item.report_title, *item.background_papers):
                    if text:
                        assert normalise(text) in seed, f"{meeting.date} item {item.number}: {text!r} not in its seed"
                        written.append(text)
    assert len(written) >= 4  # two report titles and item 6's two background papers


def test_the_panel_agenda_contact_is_the_officer_its_agenda_names(bundled: KnowledgeBase) -> None:
    panel = bundled.committees["corporate-parenting-panel"]
    person = bundled.people[panel.agenda_contact or ""]
    assert (person.name, person.phone) == ("Sarah Ashton", "0115 977 3962")
    assert "contact Sarah Ashton (Tel. 0115 977 3962)" in person.source.quote
