"""Grade the engine against the question bank (tests/knowledge/question_bank.yaml).

A question is right when every `must` string appears in the rendered answer and no `must_not` string
does (case-insensitive, whitespace folded). An `unsure` question is right when the answer says plainly
that it is not sure or cannot find it, and contains no `must_not` string. "Confidently wrong" is an
answer that is neither right nor an honest "not sure".

Run `python -m tests.question_bank [--bank PATH] [--failures] [--kind KIND]` for the report by kind;
`--bank tests/knowledge/heldout_bank.yaml` grades the held-out bank (HELDOUT_BANK.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bot.render_text import render
from knowledge import yamlio
from knowledge.answer import Answer
from knowledge.engine import Engine
from knowledge.loader import load_knowledge_base

BANK = Path(__file__).parent / "knowledge" / "question_bank.yaml"
HELDOUT_BANK = Path(__file__).parent / "knowledge" / "heldout_bank.yaml"
DEFAULT_TODAY = dt.date(2025, 1, 10)
UNSURE = re.compile(
    r"\b(not sure|i don'?t know|i do not know|could not find|couldn'?t find|no (passage|document|record)|"
    r"the (documents|papers|plans) (do not|don'?t) (say|give|name|record|state)|"
    r"(documents|papers|plans?|knowledge base|minutes|work programme) "
    r"(give|gives|name|names|record|records|has|have|hold|holds|say) no|"
    r"can'?t tell|cannot tell|no (one|person) is named|do not record|does not record|records only)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Graded:
    entry: dict
    text: str
    verdict: str  # "right" | "unsure" (an honest not-sure where an answer was possible) | "wrong"


def _fold(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-").lower().split())


def answer_text(answer: Answer) -> str:
    return render(answer, show_sources=False)


def grade(entry: dict, answer: Answer) -> Graded:
    text = answer_text(answer)
    folded = _fold(text)
    has = all(_fold(str(m)) in folded for m in entry.get("must") or [])
    clean = not any(_fold(str(m)) in folded for m in entry.get("must_not") or [])
    # Honest means the reply's own headline says it does not know: an item's "status not stated in the plan"
    # under a confident answer about the wrong action is not a "not sure".
    honest = answer.kind in ("not-sure", "not-found") or bool(UNSURE.search(answer.text))
    if entry.get("unsure"):
        verdict = "right" if honest and clean else "wrong"
    elif has and clean:
        verdict = "right"
    elif honest and clean:
        verdict = "unsure"
    else:
        verdict = "wrong"
    return Graded(entry, text, verdict)


def load_bank(path: Path = BANK) -> list[dict]:
    return list(yamlio.parse(Path(path).read_text(encoding="utf-8")))


def run(engine: Engine, bank: list[dict]) -> list[Graded]:
    out = []
    for entry in bank:
        today = entry.get("today") or DEFAULT_TODAY
        if isinstance(today, str):
            today = dt.date.fromisoformat(today)
        out.append(grade(entry, engine.ask(str(entry["q"]), today=today)))
    return out


def report(results: list[Graded]) -> str:
    by_kind: dict[str, Counter] = {}
    for r in results:
        by_kind.setdefault(r.entry.get("kind", "?"), Counter())[r.verdict] += 1
    total = Counter(r.verdict for r in results)
    lines = [f"{'kind':16} {'n':>4} {'right':>6} {'unsure':>7} {'wrong':>6}"]
    for kind, c in sorted(by_kind.items()):
        n = sum(c.values())
        lines.append(f"{kind:16} {n:4} {c['right']:6} {c['unsure']:7} {c['wrong']:6}")
    n = len(results)
    right, honest = total["right"] / max(n, 1), (total["right"] + total["unsure"]) / max(n, 1)
    lines.append(
        f"{'all':16} {n:4} {total['right']:6} {total['unsure']:7} {total['wrong']:6}"
        f"   right {right:.0%}, right or honest {honest:.0%}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--failures", action="store_true", help="print each question not answered right")
    parser.add_argument("--kind", help="only this kind")
    parser.add_argument("--bank", type=Path, default=BANK, help="question bank YAML (default: question_bank.yaml)")
    args = parser.parse_args(argv)
    if not args.bank.is_file():
        parser.error(f"no such question bank: {args.bank}")
    engine = Engine(load_knowledge_base())
    bank = [e for e in load_bank(args.bank) if not args.kind or e.get("kind") == args.kind]
    results = run(engine, bank)
    if args.failures:
        for r in results:
            if r.verdict != "right":
                e = r.entry
                print(f"--- [{r.verdict}] ({e.get('kind')}) {e['q']!r} today={e.get('today')}")
                print(f"    must={e.get('must')} must_not={e.get('must_not')} unsure={e.get('unsure', False)}")
                print("    " + r.text[:600].replace("\n", "\n    "))
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
