"""The topic search sums in plain Python for a small index and in numpy for a large one: both give the same hits."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import synthetic
from knowledge import index
from knowledge.engine import Engine
from knowledge.loader import load_knowledge_base
from knowledge.models import KnowledgeBase
from tests.subproc import ROOT


@pytest.fixture(scope="module")
def synthetic_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    root = synthetic.write(Path(tmp_path_factory.mktemp("topics")), actions=600, plans=12, people=80)
    return load_knowledge_base(root)


def _queries(topics: index.TopicIndex) -> list[list[str]]:
    """Single words, pairs and triples from the index's own vocabulary, a typo, and a word no record uses."""
    common = sorted(topics.postings, key=lambda w: (-len(topics.postings[w]), w))[:12]
    rare = sorted(topics.postings, key=lambda w: (len(topics.postings[w]), w))[:6]
    words = common + rare
    out = [[w] for w in words] + [list(p) for p in itertools.combinations(common[:8], 2)]
    out += [list(t) for t in itertools.combinations(common[:6], 3)]
    out += [[common[0], "zzqxv"], [common[1][:-1] + "x" + common[1][-1], common[2]], [rare[0], common[0]]]
    return out


@pytest.mark.parametrize("kb_name", ["bundled", "synthetic_kb"])
def test_the_plain_and_the_numpy_sums_find_the_same(kb_name: str, request: pytest.FixtureRequest) -> None:
    topics = Engine(request.getfixturevalue(kb_name)).topics
    assert len(topics.docs) <= index.SMALL_INDEX  # the plain path is the one these answers take
    compared = 0
    for words in _queries(topics):
        for limit, cover in ((10, 0.6), (3, 0.4), (40, 0.3), (10, 0.0)):
            plain = topics._search(words, limit, cover)
            old, index.SMALL_INDEX = index.SMALL_INDEX, -1
            try:
                vector = topics._search(words, limit, cover)
            finally:
                index.SMALL_INDEX = old
            assert [(h.doc, h.score, h.meeting) for h in plain] == [(h.doc, h.score, h.meeting) for h in vector], words
            compared += bool(plain)
    assert compared > 50  # most of the queries found something to compare


def test_a_small_index_searches_without_importing_numpy() -> None:
    """A one-shot `ask` on a council's own plans does not pay numpy's import (a fresh interpreter checks)."""
    code = (
        "import sys\n"
        "from knowledge.engine import Engine\n"
        "from knowledge.loader import load_knowledge_base\n"
        "e = Engine(load_knowledge_base())\n"
        "hits = e.topics.search(['care', 'leaver'])\n"
        "assert hits, 'nothing found'\n"
        "print('numpy' in sys.modules)\n"
    )
    env = {**os.environ, "ACTIONBOT_CACHE": "off", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
