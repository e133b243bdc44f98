"""Passage search: recall and false positives on the narrative question sets, latency, index build time.

    .venv/bin/python -m bench bench.bench_passages

Candidates share one tokeniser (knowledge.passages): bm25s (the shipped one) with and without the
stemmer and typo correction, and rank-bm25's BM25Okapi (needs the `bench` extra) over the same tokens.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench import synthetic
from knowledge import loader
from knowledge.models import KnowledgeBase, Passage
from knowledge.passages import PassageIndex
from tests.knowledge.passage_questions import (
    ANSWERABLE,
    HELD_OUT_2_ANSWERABLE,
    HELD_OUT_2_UNANSWERABLE,
    HELD_OUT_ANSWERABLE,
    HELD_OUT_UNANSWERABLE,
    UNANSWERABLE,
)

Search = Callable[[str], list[tuple[Passage, bool]]]  # best first; (passage, "answers")


def is_expected(passage: Passage, paper: str, snippets: tuple[str, ...]) -> bool:
    return passage.paper == paper and any(" ".join(s.split()) in passage.text for s in snippets)


def quality(search: Search, answerable=ANSWERABLE, unanswerable=UNANSWERABLE) -> dict:
    at1 = at3 = answered = wrong_answers = 0
    misses = []
    for question, paper, snippets in answerable:
        hits = search(question)
        found = [is_expected(p, paper, snippets) for p, _ in hits[:3]]
        at1 += bool(found[:1] and found[0])
        at3 += any(found)
        answered += bool(hits and hits[0][1] and found[0])
        wrong_answers += bool(hits and hits[0][1] and not found[0])
        if not (found[:1] and found[0]):
            misses.append(question)
    false_pos = [q for q in unanswerable if (h := search(q)) and h[0][1]]
    n = len(answerable)
    return {
        "recall@1": f"{at1}/{n} ({at1 / n:.0%})",
        "recall@3": f"{at3}/{n} ({at3 / n:.0%})",
        "right and marked as answering": f"{answered}/{n}",
        "wrong top passage marked as answering": f"{wrong_answers}/{n}",
        "false positives": f"{len(false_pos)}/{len(unanswerable)}",
        "missed@1": misses,
        "false-positive questions": false_pos,
    }


def latency(search: Search, rounds: int = 20) -> dict:
    questions = [q for q, _, _ in ANSWERABLE] + list(UNANSWERABLE)
    for q in questions:
        search(q)
    times = []
    for _ in range(rounds):
        for q in questions:
            start = time.perf_counter()
            search(q)
            times.append(time.perf_counter() - start)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times) * 1000, 3),
        "p99_ms": round(times[int(len(times) * 0.99) - 1] * 1000, 3),
        "queries": len(times),
    }


def ours(index: PassageIndex) -> Search:
    return lambda q: [(h.passage, h.answers) for h in index.search(q, limit=3)]


def ours_quoted(index: PassageIndex) -> Search:
    """As `ours`, but a hit is judged on everything its answer quotes (the whole paragraph, and the
    section's paragraph that carries the fact asked for), not only its best-scoring passage."""
    return lambda q: [
        (replace(h.passage, text=" ".join(p.text for p in h.quoted or (h.passage,))), h.answers)
        for h in index.search(q, limit=3)
    ]


def rank_bm25_search(index: PassageIndex) -> Search | None:
    try:
        from rank_bm25 import BM25Okapi
    except ModuleNotFoundError:
        return None
    docs = [index._tokens(index._indexed_text(p)) for p in index.passages]
    model = BM25Okapi(docs, k1=1.2, b=0.75)

    def search(question: str) -> list[tuple[Passage, bool]]:
        terms = index.terms(question)
        scores = model.get_scores(list(dict.fromkeys(x for t in terms for x in (t.token, *t.expansion))))
        order = sorted(range(len(scores)), key=lambda i: -scores[i])[:3]
        return [(index.passages[i], False) for i in order if scores[i] > 0]

    return search


def timed_build(kb: KnowledgeBase, **options) -> tuple[PassageIndex, float]:
    start = time.perf_counter()
    index = PassageIndex(kb, **options)
    return index, round((time.perf_counter() - start) * 1000, 1)


def run() -> dict:
    kb = loader.load_knowledge_base()
    out: dict = {"passages": len(kb.passages()), "papers": len(kb.papers)}
    variants = {
        "bm25s + stemmer + typo correction (shipped)": {},
        "bm25s + stemmer, no typo correction": {"correct_typos": False},
        "bm25s, no stemmer": {"stem": False},
    }
    for name, options in variants.items():
        index, build_ms = timed_build(kb, **options)
        out[name] = {"index_build_ms": build_ms, **quality(ours(index)), **latency(ours(index))}
        if options:
            out[name].pop("missed@1")
    index, _ = timed_build(kb)
    out["held-out set 1 (written after the thresholds were set)"] = quality(
        ours(index), HELD_OUT_ANSWERABLE, HELD_OUT_UNANSWERABLE
    )
    out["held-out set 2 (written before the answer-type check and acronyms)"] = quality(
        ours(index), HELD_OUT_2_ANSWERABLE, HELD_OUT_2_UNANSWERABLE
    )
    quoted = {
        "tuning set": quality(ours_quoted(index)),
        "held-out set 1": quality(ours_quoted(index), HELD_OUT_ANSWERABLE, HELD_OUT_UNANSWERABLE),
        "held-out set 2": quality(ours_quoted(index), HELD_OUT_2_ANSWERABLE, HELD_OUT_2_UNANSWERABLE),
    }
    out["shipped, each hit judged on what its answer quotes"] = {
        name: {k: v for k, v in figures.items() if k not in ("missed@1", "false-positive questions")}
        for name, figures in quoted.items()
    }
    other = rank_bm25_search(index)
    if other is not None:
        result = quality(other)
        for key in ("right and marked as answering", "wrong top passage marked as answering", "false positives"):
            result.pop(key)
        result.pop("false-positive questions")
        result.pop("missed@1")
        out["rank-bm25 BM25Okapi, same tokens + stemmer + typo correction + acronyms"] = {**result, **latency(other)}
    big = synthetic_kb()
    index, build_ms = timed_build(big)
    out["10,000-action synthetic KB (same papers)"] = {
        "actions": len(big.actions()),
        "passages": len(big.passages()),
        "index_build_ms": build_ms,
        **latency(ours(index), rounds=5),
    }
    return out


def synthetic_kb() -> KnowledgeBase:
    """The 10,000-action synthetic knowledge base with the bundled papers copied in."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        synthetic.write(root, actions=10_000)
        shutil.copytree(loader.BUNDLED / "papers", root / "papers")
        return loader.load_knowledge_base(root)
