"""The SQLite state file: events answered once across threads and restarts; Slack people cached."""

from __future__ import annotations

import threading
from pathlib import Path

from bot.state import State


def test_an_event_is_first_only_once_even_after_a_restart(tmp_path: Path) -> None:
    state = State(tmp_path / "state.db")
    assert state.first_time("Ev1") is True
    assert state.first_time("Ev1") is False
    assert state.first_time("Ev2") is True
    state.close()
    again = State(tmp_path / "state.db")
    assert again.first_time("Ev1") is False


def test_racing_threads_and_instances_agree_on_one_winner(tmp_path: Path) -> None:
    states = [State(tmp_path / "state.db") for _ in range(2)]
    results: list[bool] = []
    barrier = threading.Barrier(8)

    def claim(i: int) -> None:
        barrier.wait()
        results.append(states[i % 2].first_time("EvRace"))

    threads = [threading.Thread(target=claim, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False] * 7 + [True]


def test_old_event_ids_are_forgotten(tmp_path: Path) -> None:
    state = State(tmp_path / "state.db")
    state.first_time("EvOld", now=1000.0)
    state.first_time("EvNew", now=5000.0)
    assert state.forget_events(older_than=100, now=5050.0) == 1
    assert state.first_time("EvOld") is True and state.first_time("EvNew") is False


def test_slack_people_are_remembered_including_no_match(tmp_path: Path) -> None:
    state = State(tmp_path / "state.db")
    assert state.slack_person("U1") is None
    state.remember_person("U1", "ann-lead", "ann@example.org", now=10.0)
    state.remember_person("U2", None, None, now=11.0)
    assert state.slack_person("U1").person == "ann-lead"
    assert state.slack_person("U2").person is None and state.slack_person("U2").resolved_at == 11.0


def test_other_modules_can_add_tables(tmp_path: Path) -> None:
    state = State(tmp_path / "state.db")
    state.ensure_schema("CREATE TABLE IF NOT EXISTS reminders (id TEXT PRIMARY KEY);")
    state.ensure_schema("CREATE TABLE IF NOT EXISTS reminders (id TEXT PRIMARY KEY);")
    state.connect().execute("INSERT INTO reminders VALUES ('r1')")
    assert state.connect().execute("SELECT id FROM reminders").fetchall() == [("r1",)]
    assert state.connect().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
