"""Recording progress updates: permission, bad input, concurrency, crash safety, visibility."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import random
import signal
import threading
import time
from pathlib import Path

import pytest

from knowledge import yamlio
from knowledge.dates import LONDON
from knowledge.engine import Engine
from knowledge.loader import load_knowledge_base
from knowledge.updates import UpdateError, UpdateRequest, atomic_write, record_update

NOW = dt.datetime(2021, 1, 4, 10, 30, tzinfo=LONDON)


def req(**kw) -> UpdateRequest:
    base = {"plan": "alpha", "action": "1", "by": "ann-lead", "note": "Started the review."}
    base.update(kw)
    return UpdateRequest(**base)


def test_update_is_written_and_visible_on_reload(mini_kb_dir: Path) -> None:
    kb = load_knowledge_base(mini_kb_dir)
    plan_before = (mini_kb_dir / "plans/alpha.yaml").read_bytes()
    record_update(mini_kb_dir, kb, req(status="in-progress", revised_due="2021-06", reason="Reviewer delayed"), NOW)
    assert (mini_kb_dir / "plans/alpha.yaml").read_bytes() == plan_before  # hand-written file untouched
    action = load_knowledge_base(mini_kb_dir).plans["alpha"].action("1")
    update = action.updates[-1]
    assert (update.by, update.status, update.text) == ("ann-lead", "in-progress", "Started the review.")
    assert update.revised_due is not None and update.revised_due.text == "2021-06"
    assert update.before == "status not-stated; due 2020-03"
    assert action.due is not None and action.due.text == "2020-03"  # the original due date is kept
    answer = Engine(load_knowledge_base(mini_kb_dir)).ask("when is action 1 due", today=NOW.date())
    assert "due June 2021" in answer.text and "revised from March 2020" in answer.items[0].lines[1]
    history = Engine(load_knowledge_base(mini_kb_dir)).ask("history of action 1", today=NOW.date())
    assert (
        "2021-01-04 10:30 Ann Lead [status -> in-progress; due -> June 2021 because Reviewer delayed]"
        in (history.items[0].lines[0])
    )


def test_only_leads_and_editors_may_update(mini_kb_dir: Path) -> None:
    kb = load_knowledge_base(mini_kb_dir)
    with pytest.raises(UpdateError, match=r"Sorry, Bob Other can't update alpha 1: .*\(Ann Lead\)"):
        record_update(mini_kb_dir, kb, req(by="bob-other"), NOW)
    assert not (mini_kb_dir / "updates").exists() or not list((mini_kb_dir / "updates").glob("*.yaml"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": "finished"}, "Unknown status 'finished'"),
        ({"note": "x" * 10_000}, "10,000 characters"),
        ({"note": "  \x00\x07 "}, "Please add a note"),
        ({"revised_due": "2020-12-01", "reason": "late"}, "is in the past"),
        ({"revised_due": "2021-06"}, "give a reason"),
        ({"revised_due": "June"}, "not a date"),
        ({"action": "99"}, "no action '99' in alpha"),
        ({"by": "ann-led"}, "no person 'ann-led' in the knowledge base. Did you mean ann-lead"),
    ],
)
def test_bad_input_gets_a_clear_message_and_writes_nothing(mini_kb_dir: Path, change: dict, message: str) -> None:
    kb = load_knowledge_base(mini_kb_dir)
    with pytest.raises(UpdateError, match=message):
        record_update(mini_kb_dir, kb, req(**change), NOW)
    assert not (mini_kb_dir / "updates" / "alpha.yaml").exists()


@pytest.mark.parametrize(
    "note",
    [
        "key: value # not a comment",
        "---\n...",
        "&anchor *alias !tag",
        "'quotes' \"double\" \\ back",
        "tab\there",
        "multi\nline\n  indented",
        "émoji 👶 and “curly”",
        "- list item",
        "{flow: [map]}",
        "@at `tick` %percent",
    ],
)
def test_yaml_special_notes_round_trip_exactly(mini_kb_dir: Path, note: str) -> None:
    record_update(mini_kb_dir, load_knowledge_base(mini_kb_dir), req(note=note), NOW)
    assert load_knowledge_base(mini_kb_dir).plans["alpha"].action("1").updates[-1].text == note.strip()


def test_control_characters_are_dropped(mini_kb_dir: Path) -> None:
    record_update(mini_kb_dir, load_knowledge_base(mini_kb_dir), req(note="done\x00\x1b[31m now"), NOW)
    assert load_knowledge_base(mini_kb_dir).plans["alpha"].action("1").updates[-1].text == "done[31m now"


def test_double_mark_complete_records_once(mini_kb_dir: Path) -> None:
    kb = load_knowledge_base(mini_kb_dir)
    record_update(mini_kb_dir, kb, req(status="complete"), NOW)
    with pytest.raises(UpdateError, match="already marked complete"):
        record_update(mini_kb_dir, kb, req(status="complete"), NOW)  # same stale in-memory kb: a double click
    with pytest.raises(UpdateError, match="already marked complete"):
        record_update(mini_kb_dir, load_knowledge_base(mini_kb_dir), req(status="complete"), NOW)
    assert [u.status for u in load_knowledge_base(mini_kb_dir).plans["alpha"].action("1").updates] == ["complete"]


def test_concurrent_writers_lose_nothing(mini_kb_dir: Path) -> None:
    kb = load_knowledge_base(mini_kb_dir)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(20):
                record_update(mini_kb_dir, kb, req(note=f"thread {n} update {i}"), NOW)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    notes = [u.text for u in load_knowledge_base(mini_kb_dir).plans["alpha"].action("1").updates]
    assert sorted(notes) == sorted(f"thread {n} update {i}" for n in range(10) for i in range(20))


def _write_forever(path: str) -> None:
    n = 0
    while True:
        n += 1
        atomic_write(Path(path), yamlio.dump({"updates": [{"n": n, "pad": "x" * 50_000}]}).encode())


def test_kill_during_write_leaves_old_or_new_file(tmp_path: Path) -> None:
    path = tmp_path / "updates.yaml"
    atomic_write(path, yamlio.dump({"updates": [{"n": 0, "pad": "x" * 50_000}]}).encode())
    rng = random.Random(5)
    ctx = multiprocessing.get_context("fork")
    for _ in range(8):
        child = ctx.Process(target=_write_forever, args=(str(path),))
        child.start()
        time.sleep(rng.uniform(0.01, 0.15))
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        data = yamlio.parse(path.read_bytes())
        assert isinstance(data["updates"][0]["n"], int) and len(data["updates"][0]["pad"]) == 50_000


def test_failed_write_leaves_previous_file_intact(mini_kb_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = load_knowledge_base(mini_kb_dir)
    record_update(mini_kb_dir, kb, req(note="first"), NOW)
    before = (mini_kb_dir / "updates/alpha.yaml").read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        record_update(mini_kb_dir, kb, req(note="second"), NOW)
    monkeypatch.undo()
    assert (mini_kb_dir / "updates/alpha.yaml").read_bytes() == before
    assert [p.name for p in (mini_kb_dir / "updates").iterdir() if p.suffix == ".tmp"] == []
    assert [u.text for u in load_knowledge_base(mini_kb_dir).plans["alpha"].action("1").updates] == ["first"]


def test_recorded_update_for_unknown_action_is_a_load_error(mini_kb_dir: Path) -> None:
    (mini_kb_dir / "updates").mkdir()
    (mini_kb_dir / "updates/alpha.yaml").write_text(
        "updates:\n- plan: alpha\n  action: '42'\n  at: '2021-01-01T10:00:00+00:00'\n  date: '2021-01-01'\n  text: x\n"
    )
    from knowledge.errors import KnowledgeError

    with pytest.raises(KnowledgeError, match=r"updates/alpha.yaml:3: updates\[0\].action: no action '42'"):
        load_knowledge_base(mini_kb_dir)
