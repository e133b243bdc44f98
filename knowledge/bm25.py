"""The one place that imports bm25s (sparse-matrix BM25) and PyStemmer (Snowball stemmers).

Chosen over rank-bm25 for passage search: the same Okapi scores (bm25s's "lucene" variant), a
precomputed sparse score matrix so a query costs one row-gather per term rather than a pass over
every document, no dependency beyond numpy, and maintained. bench/bench_passages.py measures both.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import bm25s
import numpy as np
import Stemmer

logging.getLogger("bm25s").setLevel(logging.WARNING)
_STEMMER = Stemmer.Stemmer("english")


def stem_words(words: Sequence[str]) -> list[str]:
    """Snowball (Porter 2) English stems: "funded" -> "fund", "exploitation" -> "exploit"."""
    return _STEMMER.stemWords(list(words))


class Bm25:
    """BM25 over pre-tokenised documents; `scores` gives one float per document."""

    def __init__(self, documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.size = len(documents)
        self._model = bm25s.BM25(k1=k1, b=b, method="lucene")
        self._vocab: dict[str, int] = {}
        if any(documents):  # bm25s cannot index an empty corpus; with no words every score is 0
            self._model.index([list(d) for d in documents], show_progress=False)
            self._vocab = dict(self._model.vocab_dict)

    def known(self, token: str) -> bool:
        return token in self._vocab

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        """Each document's BM25 score for the query tokens (tokens outside the vocabulary add nothing)."""
        known = [t for t in tokens if t in self._vocab]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return self._model.get_scores(known)

    def top(self, tokens: Sequence[str], k: int, only: Sequence[bool] | None = None) -> list[tuple[int, float]]:
        """The k best (document index, score) pairs with a positive score, best first (ties in document order).

        `only`, one flag per document, limits the search to the flagged documents.
        """
        scores = self.scores(tokens)
        if only is not None:
            scores = np.where(np.asarray(only, dtype=bool), scores, 0)
        k = min(k, self.size)
        if k <= 0:
            return []
        order = np.argsort(-scores, kind="stable")[:k]
        return [(int(i), float(scores[i])) for i in order if scores[i] > 0]
