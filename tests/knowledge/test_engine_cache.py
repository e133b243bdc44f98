"""The built Engine is cached with the knowledge base, and stays correct when a file changes."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import cache
from knowledge.engine import Engine
from knowledge.loader import load_knowledge_base
from tests.conftest import MINI, write_kb

TODAY = dt.date(2020, 1, 15)


def test_a_cached_engine_answers_as_a_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    root = write_kb(tmp_path / "kb", MINI)
    first = cache.load_engine(root)
    again = cache.load_engine(root)
    assert again is not first and list((tmp_path / "cache").glob("engine-*.pickle"))
    fresh = Engine(load_knowledge_base(root))
    for question in ("who leads action 1?", "what is overdue?", "what does Ann Lead lead?", "actions on things"):
        assert again.ask(question, today=TODAY).to_dict() == fresh.ask(question, today=TODAY).to_dict()


def test_a_changed_file_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    root = write_kb(tmp_path / "kb", MINI)
    assert "Ann Lead" in cache.load_engine(root).ask("who leads action 1?", today=TODAY).text
    people = root / "people" / "people.yaml"
    people.write_text(people.read_text().replace("name: Ann Lead", "name: Anne Leader"))
    assert "Anne Leader" in cache.load_engine(root).ask("who leads action 1?", today=TODAY).text


def test_ask_by_id_imports_neither_numpy_nor_slack(tmp_path: Path) -> None:
    """`actionbot ask` imports only what the answer needs (numpy only for topic search; Slack never; YAML
    only to fill the cache; shutil not for argparse's help layout; logging only when something logs; json only
    for --json; the committee answers and the timescale reader not for an action's lead)."""
    unwanted = (
        *("numpy", "slack_bolt", "slack_sdk", "docx", "bm25s", "yaml", "shutil", "tempfile"),
        *("logging", "threading", "json", "knowledge.answers_committee", "knowledge.timescales"),
    )
    code = (
        "import sys; from bot.cli import main; main(['ask', 'who leads action 7a?', '--today', '2020-01-15']);"
        f"print(sorted(m for m in {unwanted!r} if m in sys.modules))"
    )
    env = {"ACTIONBOT_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    for _ in range(2):  # the second run starts from the cache
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert "Corporate Director" in out
    assert out.strip().splitlines()[-1] == "[]"


def test_the_key_changes_with_the_code(tmp_path: Path) -> None:
    """Code is known by name, size and modification time: an edit (even to the same size) or a reinstall is seen."""
    root = write_kb(tmp_path / "kb", MINI)
    contents = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    module = tmp_path / "answers_extra.py"
    module.write_text("X = 1\n")
    first = cache.content_key(root, contents, (module,))
    assert cache.content_key(root, contents, (module,)) == first
    module.write_text("X = 2\n")  # the same size
    stat = module.stat()
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    second = cache.content_key(root, contents, (module,))
    assert second != first
    module.write_text("X = 22\n")
    assert cache.content_key(root, contents, (module,)) not in (first, second)
    assert cache.content_key(root, contents) != cache.content_key(root, contents, (module,))


PASSAGE_QUESTION = "what happened to the exploitation day"


def test_a_cached_engine_reads_the_papers_only_for_a_passage_question(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    cache.load_engine()  # fills the cache
    again = cache.load_engine()
    fresh = Engine(load_knowledge_base())
    assert isinstance(again.kb.papers, cache.Papers) and not again.kb.papers.loaded
    for question in ("who leads action 7a?", "what is overdue?", "when does the panel next meet?"):
        assert again.ask(question, today=TODAY).to_dict() == fresh.ask(question, today=TODAY).to_dict()
    assert not again.kb.papers.loaded
    answer = again.ask(PASSAGE_QUESTION, today=TODAY)
    assert again.kb.papers.loaded
    assert answer.to_dict() == fresh.ask(PASSAGE_QUESTION, today=TODAY).to_dict()
    assert "Exploitation" in answer.text
    assert dict(again.kb.papers) == fresh.kb.papers and again.kb.passages() == fresh.kb.passages()


def test_papers_removed_or_rewritten_since_are_read_from_the_knowledge_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    cache.load_engine()
    fresh = Engine(load_knowledge_base()).ask(PASSAGE_QUESTION, today=TODAY).to_dict()
    (papers,) = (tmp_path / "cache").glob("engine-*-papers.pickle")
    removed = cache.load_engine()
    papers.unlink()
    assert removed.ask(PASSAGE_QUESTION, today=TODAY).to_dict() == fresh
    papers.write_bytes(b"not a pickle")
    assert cache.load_engine().ask(PASSAGE_QUESTION, today=TODAY).to_dict() == fresh


def test_a_cached_engine_pickles_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bench's floor unpickles the same objects the cache holds: papers still read when first used."""
    import pickle

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    cache.load_engine()
    copy = pickle.loads(pickle.dumps(cache.load_engine()))
    assert not copy.kb.papers.loaded
    assert "Exploitation" in copy.ask(PASSAGE_QUESTION, today=TODAY).text
