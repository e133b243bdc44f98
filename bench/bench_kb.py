"""Knowledge-base load time and question latency on the 10,000-action synthetic knowledge base."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import random
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from bench import synthetic
from knowledge import cache, loader, yamlio
from knowledge.engine import Engine
from knowledge.errors import KnowledgeError


def best_of(runs: int, func) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def run_load(root: Path) -> dict:
    files = loader.kb_files(root)
    raw = best_of(3, lambda: [yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader) for p in files])
    ours = best_of(3, lambda: loader.load_knowledge_base(root))
    with tempfile.TemporaryDirectory() as cdir:
        os.environ["ACTIONBOT_CACHE"] = cdir
        cache.load(root)
        cached = best_of(5, lambda: cache.load(root))
        blob = pickle.dumps(loader.load_knowledge_base(root), protocol=pickle.HIGHEST_PROTOCOL)
        unpickle = best_of(5, lambda: pickle.loads(blob))
    return {
        "files": len(files),
        "yaml_CSafeLoader_s": raw,
        "load_validated_s": ours,
        "load_ratio": ours / raw,
        "cached_start_s": cached,
        "unpickle_s": unpickle,
        "cache_ratio": cached / unpickle,
    }


QUESTIONS = [
    "who leads action {id}",
    "status of {id} in plan {p}",
    "when is action {id} due",
    "what is overdue in plan {p}",
    "what does {name} lead",
    "actions on {w1} {w2}",
    "who is responsible for the {w1} {w2} {w3}",
    "what is due in the next 30 days",
    "what is {name} on",
    "{w1} {w2}",
    "jeny whistin",
    "action 99999",
]


def run_questions(root: Path, n: int = 1000) -> dict:
    kb = loader.load_knowledge_base(root)
    start = time.perf_counter()
    engine = Engine(kb)
    build = time.perf_counter() - start
    rng = random.Random(3)
    names = [p.name for p in kb.people.values()]
    questions = []
    for i in range(n):
        template = QUESTIONS[i % len(QUESTIONS)]
        questions.append(
            template.format(
                id=f"{rng.randint(1, 50)}a",
                p=rng.randrange(200),
                name=rng.choice(names),
                w1=rng.choice(synthetic.WORDS),
                w2=rng.choice(synthetic.WORDS),
                w3=rng.choice(synthetic.WORDS),
            )
        )
    today = dt.date(2026, 1, 15)
    times = []
    for q in questions:
        t = time.perf_counter()
        engine.ask(q, today=today)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    by_kind: dict[str, list[float]] = {}
    for q, t in zip(questions, times, strict=False):
        by_kind.setdefault(q.split()[0], []).append(t)
    return {
        "engine_build_s": build,
        "questions": n,
        "p50_ms": statistics.median(times),
        "p99_ms": times[int(len(times) * 0.99) - 1],
        "max_ms": times[-1],
    }


def problem_kb(root: Path, actions: int, lead: str) -> Path:
    """One plan file of about 0.9 MB whose `actions` actions each name `lead` (formatted with the index)."""
    (root / "plans").mkdir(parents=True, exist_ok=True)
    people = {"people": [{"id": "known", "name": "Known Person", "source": {"seed": "s", "quote": "q"}}]}
    (root / "people.yaml").write_text(yamlio.dump(people))
    rows = [
        {
            "id": str(i),
            "text": " ".join(synthetic.WORDS[(i + k) % len(synthetic.WORDS)] for k in range(34)),
            "leads": [lead.format(i=i)],
            "timescale": "by March 2026",
            "due": "2026-03",
            "source": {"seed": "synthetic", "quote": "generated"},
        }
        for i in range(actions)
    ]
    plan = {"plan": {"id": "many", "title": "Many", "source": {"seed": "s", "quote": "q"}, "actions": rows}}
    (root / "plans" / "many.yaml").write_text(yamlio.dump(plan))
    return root


def run_problems(actions: int = 2000) -> dict:
    """Reporting thousands of problems in one file costs about one load (issue 11: it took 178 s for 2,000)."""
    with tempfile.TemporaryDirectory() as tmp:
        good = problem_kb(Path(tmp) / "good", actions, "known")
        bad = problem_kb(Path(tmp) / "bad", actions, "nobody-{i}")

        def report() -> None:
            try:
                loader.load_knowledge_base(bad)
            except KnowledgeError as exc:
                assert len(exc.problems) == actions, len(exc.problems)
            else:  # pragma: no cover - the knowledge base is broken on purpose
                raise AssertionError("expected problems")

        valid = best_of(3, lambda: loader.load_knowledge_base(good))
        problems = best_of(3, report)
        return {
            "problems": actions,
            "file_bytes": (bad / "plans" / "many.yaml").stat().st_size,
            "load_valid_s": valid,
            "report_problems_s": problems,
            "ratio": problems / valid,
        }


def run() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = synthetic.write(Path(tmp) / "kb")
        return {"load": run_load(root), "questions": run_questions(root), "problems": run_problems()}
