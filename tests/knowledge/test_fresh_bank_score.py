"""The engine against the FRESH bank (tests/knowledge/fresh_bank.yaml), written while the fixes of
2026-11-27 were being made and graded for the first time after they were merged: 109 right, 38 honest
"not sure", 23 wrong (94 / 52 / 24 on the engine before those fixes). The floors are today's figures, after
four root fixes its failures pointed to (plan-name words, "behind", "item N" with a time, past windows)."""

from __future__ import annotations

from knowledge.engine import Engine
from tests.knowledge.test_fresh_bank import FRESH
from tests.question_bank import load_bank, report, run

RIGHT_AT_LEAST = 156  # of 170
WRONG_AT_MOST = 0  # confidently wrong: neither right nor an honest "not sure"


def test_fresh_bank_score(engine: Engine) -> None:
    results = run(engine, load_bank(FRESH))
    right = sum(r.verdict == "right" for r in results)
    wrong = [r for r in results if r.verdict == "wrong"]
    summary = report(results)
    assert right >= RIGHT_AT_LEAST, summary
    assert len(wrong) <= WRONG_AT_MOST, summary + "\n" + "\n".join(r.entry["q"] for r in wrong)
