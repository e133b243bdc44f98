"""The engine against the NEW-USER bank (tests/knowledge/newuser_bank.yaml, NEWUSER_BANK.md), written from the
seeds by a new user before the bot was run: graded 98 right, 18 honest "not sure", 4 wrong on first sight. The
floors are the figures after the root fixes its failures pointed to (relative windows beside a date stamp, who
presented an item from the minutes, one field of one work-programme item, plain "no reference code", plan-named
ids, "who is doing X" as a lead question, agenda notes, a whole paper's title page)."""

from __future__ import annotations

from knowledge.engine import Engine
from tests.knowledge.test_newuser_bank import NEWUSER
from tests.question_bank import load_bank, report, run

RIGHT_AT_LEAST = 116  # of 120
WRONG_AT_MOST = 0  # confidently wrong: neither right nor an honest "not sure"


def test_newuser_bank_score(engine: Engine) -> None:
    results = run(engine, load_bank(NEWUSER))
    right = sum(r.verdict == "right" for r in results)
    wrong = [r for r in results if r.verdict == "wrong"]
    summary = report(results)
    assert right >= RIGHT_AT_LEAST, summary
    assert len(wrong) <= WRONG_AT_MOST, summary + "\n" + "\n".join(r.entry["q"] for r in wrong)
