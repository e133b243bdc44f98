"""The engine against the question bank written from the seeds (tests/knowledge/question_bank.yaml).

The floors are today's measured figures (see tests/knowledge/QUESTION_BANK.md): a change that answers
fewer questions right, or more confidently wrong, fails here with the report by kind.
"""

from __future__ import annotations

from knowledge.engine import Engine
from tests.question_bank import load_bank, report, run

RIGHT_AT_LEAST = 264  # of 273, strict "honest" rule (the headline must say it); 220 before the fixes of 2026-11-27
WRONG_AT_MOST = 0  # confidently wrong: neither right nor an honest "not sure"


def test_question_bank_score(engine: Engine) -> None:
    bank = load_bank()
    assert len(bank) >= 200
    results = run(engine, bank)
    right = sum(r.verdict == "right" for r in results)
    wrong = [r for r in results if r.verdict == "wrong"]
    summary = report(results)
    assert right >= RIGHT_AT_LEAST, summary
    assert len(wrong) <= WRONG_AT_MOST, summary + "\n" + "\n".join(r.entry["q"] for r in wrong)


def test_unanswerable_questions_get_an_honest_not_sure(engine: Engine) -> None:
    """Where the documents do not say, the bot says so: no unrelated list, no guess."""
    bank = [e for e in load_bank() if e.get("unsure")]
    assert len(bank) >= 10
    wrong = [r.entry["q"] for r in run(engine, bank) if r.verdict != "right"]
    assert len(wrong) <= 3, wrong
