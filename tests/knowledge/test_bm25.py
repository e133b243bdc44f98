"""Passage scores in pure Python are bm25s's own, to the bit: same documents, same order, same ties."""

from __future__ import annotations

import pickle
import random

import pytest

from knowledge.bm25 import Bm25
from knowledge.models import KnowledgeBase
from knowledge.passages import PassageIndex
from tests.knowledge.passage_questions import (
    ANSWERABLE,
    HELD_OUT_2_ANSWERABLE,
    HELD_OUT_2_UNANSWERABLE,
    HELD_OUT_ANSWERABLE,
    HELD_OUT_UNANSWERABLE,
    UNANSWERABLE,
)

np = pytest.importorskip("numpy")
bm25s = pytest.importorskip("bm25s")

QUESTIONS = (
    *(q for q, _, _ in (*ANSWERABLE, *HELD_OUT_ANSWERABLE, *HELD_OUT_2_ANSWERABLE)),
    *UNANSWERABLE,
    *HELD_OUT_UNANSWERABLE,
    *HELD_OUT_2_UNANSWERABLE,
)


@pytest.fixture(scope="module")
def index(bundled: KnowledgeBase) -> PassageIndex:
    return PassageIndex(bundled)


@pytest.fixture(scope="module")
def reference(index: PassageIndex) -> bm25s.BM25:
    """bm25s itself over the same documents, as the index was built before scoring moved to pure Python."""
    model = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
    model.index([index._tokens(index._indexed_text(p)) for p in index.passages], show_progress=False)
    return model


def queries(index: PassageIndex) -> list[list[str]]:
    """The token lists the search scores for the question sets, and random draws from the vocabulary (with
    repeats, unknown tokens, and common words whose rows are long)."""
    out = [
        list(dict.fromkeys(x for t in index.terms(q) for x in (t.token, *t.expansion, *t.alternatives)))
        for q in QUESTIONS
    ]
    vocabulary = sorted(index._bm25._vocab)
    draw = random.Random(13)
    for size in (1, 2, 3, 5, 8, 13):
        for _ in range(40):
            out.append(draw.sample(vocabulary, size) + draw.choice(([], ["notaword"], [vocabulary[0]] * 2)))
    return [q for q in out if q]


def reference_scores(model: bm25s.BM25, tokens: list[str]) -> np.ndarray:
    known = [t for t in tokens if t in model.vocab_dict]
    return model.get_scores(known) if known else np.zeros(model.scores["num_docs"], dtype=np.float32)


def reference_top(scores: np.ndarray, k: int, only: list[bool] | None) -> list[tuple[int, float]]:
    if only is not None:
        scores = np.where(np.asarray(only, dtype=bool), scores, 0)
    order = np.argsort(-scores, kind="stable")[: min(k, len(scores))]
    return [(int(i), float(scores[i])) for i in order if scores[i] > 0]


def test_scores_are_bm25s_scores_to_the_bit(index: PassageIndex, reference: bm25s.BM25) -> None:
    for tokens in queries(index):
        ours = np.asarray(index._bm25.scores(tokens), dtype=np.float64)
        theirs = reference_scores(reference, tokens)
        assert theirs.dtype == np.float32
        assert np.array_equal(ours, theirs.astype(np.float64)), tokens


def test_top_is_the_same_documents_order_and_scores(index: PassageIndex, reference: bm25s.BM25) -> None:
    draw = random.Random(7)
    size = len(index.passages)
    for tokens in queries(index):
        theirs = reference_scores(reference, tokens)
        for k in (1, 3, 16, size + 5):
            assert index._bm25.top(tokens, k) == reference_top(theirs, k, None), (tokens, k)
        only = [draw.random() < 0.4 for _ in range(size)]
        assert index._bm25.top(tokens, 16, only) == reference_top(theirs, 16, only), tokens


def test_ties_keep_document_order() -> None:
    model = Bm25([["a", "b"], ["c"], ["a", "b"], ["a", "b"], ["d"]])
    assert [doc for doc, _ in model.top(["a"], 10)] == [0, 2, 3]
    assert [doc for doc, _ in model.top(["a"], 2)] == [0, 2]
    assert model.top(["a"], 10, [False, True, False, True, True]) == model.top(["a"], 10)[2:]


def test_an_empty_corpus_or_query_scores_nothing() -> None:
    empty = Bm25([[], []])
    assert empty.scores(["a"]) == [0.0, 0.0] and empty.top(["a"], 3) == [] and not empty.known("a")
    assert Bm25([]).top(["a"], 3) == []
    model = Bm25([["a"], ["b"]])
    assert model.top([], 3) == [] and model.top(["zzz"], 3) == [] and model.top(["a"], 0) == []


def test_the_index_pickles_as_plain_python(index: PassageIndex) -> None:
    copy = pickle.loads(pickle.dumps(index._bm25, protocol=pickle.HIGHEST_PROTOCOL))
    assert b"numpy" not in pickle.dumps(index._bm25) and b"bm25s" not in pickle.dumps(index._bm25)
    for tokens in queries(index)[:50]:
        assert copy.top(tokens, 16) == index._bm25.top(tokens, 16)
