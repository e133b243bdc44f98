"""Knowledge-base reload: on file change and SIGHUP; invalid files keep the last good engine serving."""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.slack.reload import EngineHolder
from knowledge.loader import load_knowledge_base
from tests.conftest import MINI, write_kb

WAIT = 5.0


def rename_action(kb_dir: Path, new_text: str) -> None:
    path = kb_dir / "plans" / "alpha.yaml"
    path.write_text(path.read_text().replace("Review the foster carer records", new_text))


def action_text(holder: EngineHolder) -> str:
    return holder.engine.kb.plans["alpha"].action("1").text


@pytest.fixture
def holder(mini_kb_dir: Path) -> Iterator[EngineHolder]:
    held = EngineHolder(mini_kb_dir, load=load_knowledge_base)
    yield held
    held.stop()


def test_unchanged_files_are_not_reloaded(holder: EngineHolder) -> None:
    engine = holder.engine
    assert holder.poll() is None and holder.engine is engine


def test_a_changed_file_is_picked_up(holder: EngineHolder, mini_kb_dir: Path) -> None:
    rename_action(mini_kb_dir, "Review every foster carer record in the county")
    assert holder.poll() is True
    assert action_text(holder) == "Review every foster carer record in the county"
    assert holder.generation == 1


def test_invalid_files_keep_the_last_good_engine_and_log_why(
    holder: EngineHolder, mini_kb_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    good = holder.engine
    (mini_kb_dir / "plans" / "alpha.yaml").write_text("plan: [unclosed\n")
    with caplog.at_level(logging.ERROR, logger="bot.slack.reload"):
        assert holder.poll() is False
    assert holder.engine is good and action_text(holder) == "Review the foster carer records"
    assert "still serving the last good one" in caplog.text and "alpha.yaml" in caplog.text
    assert holder.poll() is None  # the broken files are not retried until they change again
    write_kb(mini_kb_dir, {"plans/alpha.yaml": MINI["plans/alpha.yaml"]})
    rename_action(mini_kb_dir, "Fixed text")
    assert holder.poll() is True and action_text(holder) == "Fixed text" and holder.last_error is None


def test_a_new_file_counts_as_a_change(holder: EngineHolder, mini_kb_dir: Path) -> None:
    write_kb(
        mini_kb_dir,
        {
            "plans/beta.yaml": MINI["plans/alpha.yaml"]
            .replace("id: alpha", "id: beta")
            .replace("Alpha Plan", "Beta Plan")
            .replace("alpha plan", "beta plan")
        },
    )
    assert holder.poll() is True and set(holder.engine.kb.plans) == {"alpha", "beta"}


def test_the_watcher_thread_reloads_on_change(holder: EngineHolder, mini_kb_dir: Path) -> None:
    holder.watch(interval=0.05)
    rename_action(mini_kb_dir, "Changed while watching")
    assert holder.wait_for_generation(1, WAIT)
    assert action_text(holder) == "Changed while watching"


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX only")
def test_sighup_reloads_without_waiting_for_the_next_poll(holder: EngineHolder, mini_kb_dir: Path) -> None:
    rename_action(mini_kb_dir, "Changed behind the poller's back!")
    holder.watch(interval=3600)  # the poll would not come for an hour
    previous = signal.getsignal(signal.SIGHUP)
    try:
        assert holder.install_sighup()
        os.kill(os.getpid(), signal.SIGHUP)
        assert holder.wait_for_generation(1, WAIT)
    finally:
        signal.signal(signal.SIGHUP, previous)
    assert action_text(holder) == "Changed behind the poller's back!"
