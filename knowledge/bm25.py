"""The one place that imports bm25s (sparse-matrix BM25) and PyStemmer (Snowball stemmers).

Chosen over rank-bm25 for passage search: the same Okapi scores (bm25s's "lucene" variant), a
precomputed sparse score matrix so a query costs one row-gather per term rather than a pass over
every document, no dependency beyond numpy, and maintained. bench/bench_passages.py measures both.

bm25s (and numpy) build the index only: what a query needs, each vocabulary token's documents and their
precomputed scores, is then kept as plain `array`s, so that scoring runs in pure Python and a pickled index
(knowledge.cache keeps one) loads without importing numpy or bm25s. Scores are summed in float32 as bm25s
sums them (each sum rounded to float32, tokens in query order), so they are the same to the bit.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import Stemmer

_STEMMER = Stemmer.Stemmer("english")


def stem_words(words: Sequence[str]) -> list[str]:
    """Snowball (Porter 2) English stems: "funded" -> "fund", "exploitation" -> "exploit"."""
    return _STEMMER.stemWords(list(words))


class Bm25:
    """BM25 over pre-tokenised documents; `scores` gives one float per document."""

    def __init__(self, documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.size = len(documents)
        self._vocab: dict[str, int] = {}  # token -> its row: documents _docs[_starts[row]:_starts[row + 1]]
        self._starts = array("q", [0])
        self._docs = array("i")
        self._data = array("f")  # ... and each one's precomputed score (float32, as bm25s keeps them)
        if any(documents):  # bm25s cannot index an empty corpus; with no words every score is 0
            self._index(documents, k1, b)

    def _index(self, documents: Sequence[Sequence[str]], k1: float, b: float) -> None:
        import logging

        import bm25s
        import numpy as np

        logging.getLogger("bm25s").setLevel(logging.WARNING)
        model = bm25s.BM25(k1=k1, b=b, method="lucene")
        model.index([list(d) for d in documents], show_progress=False)
        if model.nonoccurrence_array is not None:  # pragma: no cover - not the lucene variant's
            raise ValueError("BM25 variants scoring absent terms are not supported")
        matrix = model.scores
        self._starts = array("q", np.asarray(matrix["indptr"], dtype=np.int64).tobytes())
        # (bm25s's vocabulary also holds "", a placeholder with no row of the matrix, which no query word stems to)
        rows = len(self._starts) - 1
        self._vocab = {str(token): int(row) for token, row in model.vocab_dict.items() if row < rows}
        self._docs = array("i")
        self._docs.frombytes(np.asarray(matrix["indices"], dtype=np.dtype(f"i{self._docs.itemsize}")).tobytes())
        self._data = array("f")
        self._data.frombytes(np.asarray(matrix["data"], dtype=np.float32).tobytes())

    def known(self, token: str) -> bool:
        return token in self._vocab

    def _sums(self, tokens: Sequence[str]) -> tuple[array, set[int]]:
        """Each document's score summed in float32 (as bm25s sums them), and the documents any token is in."""
        sums = array("f", bytes(4 * self.size))
        touched: set[int] = set()
        starts, docs, data = self._starts, self._docs, self._data
        for token in tokens:
            row = self._vocab.get(token)
            if row is None:
                continue
            start, end = starts[row], starts[row + 1]
            row_docs = docs[start:end]
            touched.update(row_docs)
            for doc, score in zip(row_docs, data[start:end], strict=True):
                sums[doc] += score  # a double sum of two float32 values, stored rounded to float32: float32 addition
        return sums, touched

    def scores(self, tokens: Sequence[str]) -> list[float]:
        """Each document's BM25 score for the query tokens (tokens outside the vocabulary add nothing)."""
        return self._sums(tokens)[0].tolist()

    def top(self, tokens: Sequence[str], k: int, only: Sequence[bool] | None = None) -> list[tuple[int, float]]:
        """The k best (document index, score) pairs with a positive score, best first (ties in document order).

        `only`, one flag per document, limits the search to the flagged documents.
        """
        k = min(k, self.size)
        if k <= 0:
            return []
        sums, touched = self._sums(tokens)
        found = [(doc, sums[doc]) for doc in touched if sums[doc] > 0 and (only is None or only[doc])]
        found.sort(key=_best_first)
        return found[:k]


def _best_first(hit: tuple[int, float]) -> tuple[float, int]:
    return -hit[1], hit[0]
