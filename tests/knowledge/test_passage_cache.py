"""A cached Engine keeps its passage index in a file of its own: read, never trusted when stale, rebuilt if need be."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import cache, passages
from knowledge.engine import Engine
from knowledge.loader import load_knowledge_base
from tests.knowledge.passage_questions import ANSWERABLE, HELD_OUT_ANSWERABLE, UNANSWERABLE

TODAY = dt.date(2020, 1, 15)
QUESTIONS = (
    "what happened to the exploitation day",
    "how many rapid reviews were there",
    "what happened to the conference",
    "who chairs the CFH governance board",
    "how often does the tce practice network meet",
    "what are the priorities for 2020/21",
)
SEARCHED = (*(q for q, _, _ in (*ANSWERABLE, *HELD_OUT_ANSWERABLE)), *UNANSWERABLE)


@pytest.fixture(scope="module")
def fresh() -> Engine:
    return Engine(load_knowledge_base())


def stored(directory: Path) -> Path:
    (slot,) = directory.glob("engine-*-passages.pickle")
    return slot


def not_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building a passage index from here on fails the test: it must be read."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the passage index was built, not read from the cache")

    monkeypatch.setattr(passages.PassageIndex, "__init__", refuse)


def test_the_index_is_stored_when_built_and_read_back_answering_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: Engine
) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    first = cache.load_engine()
    assert not list(tmp_path.glob("*-passages.pickle"))  # written when first built, not before
    assert first.ask(QUESTIONS[0], today=TODAY).to_dict() == fresh.ask(QUESTIONS[0], today=TODAY).to_dict()
    assert stored(tmp_path).stat().st_size > 0
    not_built(monkeypatch)
    again = cache.load_engine()
    assert isinstance(again.kb.papers, cache.Papers) and not again.kb.papers.loaded
    for question in QUESTIONS:
        assert again.ask(question, today=TODAY).to_dict() == fresh.ask(question, today=TODAY).to_dict(), question
    assert again.kb.papers.loaded and dict(again.kb.papers) == fresh.kb.papers  # read with the index, once
    ours, theirs = again.passage_index, fresh.passage_index
    assert ours is not None and theirs is not None
    for question in SEARCHED:
        assert ours.search(question) == theirs.search(question), question
    # the engine pickles again (the bench's floor) and still reads its index from the store
    copy = pickle.loads(pickle.dumps(cache.load_engine()))
    assert copy.ask(QUESTIONS[0], today=TODAY).to_dict() == fresh.ask(QUESTIONS[0], today=TODAY).to_dict()


def test_the_stored_index_holds_no_question_memos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    cache.load_engine().ask(QUESTIONS[1], today=TODAY)
    with stored(tmp_path).open("rb") as fh:
        _, index = pickle.load(fh)
    assert index._read == {} and index._found == {} and isinstance(index.papers, dict)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other key", "not an index", "empty"])
def test_a_damaged_or_stale_file_is_rebuilt_never_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: Engine, damage: str
) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    cache.load_engine().ask(QUESTIONS[0], today=TODAY)
    slot = stored(tmp_path)
    good = slot.read_bytes()
    key, index = pickle.loads(good)
    if damage == "garbage":
        slot.write_bytes(b"not a pickle")
    elif damage == "truncated":
        slot.write_bytes(good[: len(good) // 2])
    elif damage == "other key":  # written by other code or for other files: here, a wrong index under that key
        index.passages = index.passages[::-1]
        slot.write_bytes(pickle.dumps(("0" * 40, index)))
    elif damage == "not an index":
        slot.write_bytes(pickle.dumps((key, {"passages": ()})))
    else:
        slot.write_bytes(b"")
    engine = cache.load_engine()
    for question in QUESTIONS[:3]:
        assert engine.ask(question, today=TODAY).to_dict() == fresh.ask(question, today=TODAY).to_dict(), question
    rewritten = pickle.loads(slot.read_bytes())  # built again and stored again, with the right key
    assert rewritten[0] == key and isinstance(rewritten[1], passages.PassageIndex)


def test_a_changed_paper_is_not_answered_from_the_old_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from knowledge.loader import BUNDLED

    root = tmp_path / "kb"
    shutil.copytree(BUNDLED, root)
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    question = "how many rapid reviews were there"
    assert "Four reviews completed" in str(cache.load_engine(root).ask(question, today=TODAY).to_dict())
    (paper,) = [p for p in (root / "papers").rglob("*") if p.is_file() and b"Four reviews completed" in p.read_bytes()]
    paper.write_bytes(paper.read_bytes().replace(b"Four reviews completed", b"Five reviews completed"))
    assert "Five reviews completed" in str(cache.load_engine(root).ask(question, today=TODAY).to_dict())


def test_a_passage_question_from_a_warm_cache_imports_neither_numpy_nor_bm25s(tmp_path: Path) -> None:
    """The index is read, not built (bm25s and numpy build it); pure-Python scoring needs neither.

    (A question that also searches the actions' topics imports numpy there, knowledge.index: these do not.)
    """
    code = (
        "import sys; from bot.cli import main; main(['ask', sys.argv[1], '--today', '2020-01-15']);"
        "print([m for m in ('numpy', 'bm25s', 'knowledge.passages') if m in sys.modules])"
    )
    env = {cache.CACHE_ENV: str(tmp_path), "PATH": "/usr/bin:/bin"}
    for question, said in (
        ("who chairs the CFH governance board", "chaired by"),
        ("how often does the tce practice network meet", "The papers say"),
    ):
        runs = [
            subprocess.run([sys.executable, "-c", code, question], capture_output=True, text=True, env=env, check=True)
            for _ in range(2)  # the first fills the cache and stores the index; the second reads it
        ]
        assert stored(tmp_path).is_file()
        assert runs[0].stdout.split("\n")[:-2] == runs[1].stdout.split("\n")[:-2]
        assert said in runs[1].stdout
        assert runs[1].stdout.strip().splitlines()[-1] == "['knowledge.passages']", question


def test_sentences_are_split_on_first_use_and_all_by_warm() -> None:
    """A one-shot question splits only the paragraphs it reads; a server (Engine.warm) splits every one up front,
    so that no answer pays for it."""
    from knowledge.engine import Engine
    from knowledge.loader import load_knowledge_base

    engine = Engine(load_knowledge_base())
    index = engine.passage_index
    assert index is not None and index._sentences == {}
    engine.ask("what happened to the exploitation day", today=dt.date(2025, 1, 10))
    assert 0 < len(index._sentences) < len(index.passages)
    engine.warm()
    assert len(index._sentences) == len(index.passages)


def test_a_knowledge_base_without_papers_looks_for_its_passage_index_once() -> None:
    """No papers, no index: the store is asked once, not on every question (an answer path free of I/O)."""
    import dataclasses

    from knowledge.engine import Engine
    from knowledge.loader import load_knowledge_base

    class CountingStore:
        reads = 0

        def read(self, papers: object) -> None:  # a stand-in for knowledge.cache.PassageStore
            CountingStore.reads += 1

    kb = load_knowledge_base()
    engine = Engine(dataclasses.replace(kb, papers={}))
    engine.passage_store = CountingStore()  # type: ignore[assignment]
    assert engine.passage_index is None and engine.passage_index is None
    engine.ask("what happened to the conference", today=dt.date(2025, 1, 10))
    assert CountingStore.reads == 1
