"""The SIXTH question bank (tests/knowledge/sixth_bank.yaml) is well formed.

This does NOT grade the engine on the bank (`python -m tests.question_bank --bank
tests/knowledge/sixth_bank.yaml` does, see SIXTH_BANK.md). Here we only check, without the engine, that
every entry has its fields, that every question is dated and the date parses, that no question repeats
any other bank word for word, and that every `must`/`must_not` string is in the seeds. Same approach as
test_newuser_bank.py. Other banks are read only for their `q` strings, to rule out repeats.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from knowledge import yamlio

HERE = Path(__file__).parent
SIXTH = HERE / "sixth_bank.yaml"
# Every other bank in this folder, whatever its name, so that a bank added later is checked too.
OTHER_BANKS = tuple(p for p in sorted(HERE.glob("*_bank.yaml")) if p != SIXTH)
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS}")

FIELDS = {"q", "kind", "today", "must", "must_not", "unsure", "why"}
KINDS = {
    "lead",
    "due",
    "status",
    "overdue",
    "due-soon",
    "person",
    "portfolio",
    "contact",
    "meeting",
    "report",
    "work-programme",
    "priority",
    "narrative",
    "ambiguous",
    "unanswerable",
}
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
SHORT_MONTHS = "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
# Strings a correct answer may give in its own date wording are exempt from the seed check.
DATE_LIKE = re.compile(
    rf"\b(?:{MONTHS}|{SHORT_MONTHS})\b|\b(?:19|20)\d\d\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b", re.IGNORECASE
)
FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def fold(text: str) -> str:
    """Lower case, curly quotes and dashes made plain, whitespace collapsed: the grader's matching rule."""
    return " ".join(str(text).translate(FOLD).lower().split())


def load(path: Path) -> list[dict]:
    return list(yamlio.parse(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def bank() -> list[dict]:
    return load(SIXTH)


def test_every_entry_has_its_fields(bank: list[dict]) -> None:
    assert len(bank) == 100
    for entry in bank:
        assert set(entry) <= FIELDS, (entry.get("q"), set(entry) - FIELDS)
        assert isinstance(entry.get("q"), str) and entry["q"].strip(), entry
        assert entry.get("kind") in KINDS, entry
        assert isinstance(entry.get("why"), str) and "seed" in entry["why"].lower(), entry["q"]
        for key in ("must", "must_not"):
            value = entry.get(key, [])
            assert isinstance(value, list) and all(isinstance(s, str) and s.strip() for s in value), (entry["q"], key)
        assert entry.get("unsure", False) in (True, False), entry["q"]
        if entry["kind"] == "unanswerable":
            assert entry.get("unsure") is True, entry["q"]
        if not entry.get("unsure") and entry["kind"] != "unanswerable":
            assert entry.get("must") or entry.get("must_not"), f"nothing to grade: {entry['q']}"


def test_dated_questions_parse(bank: list[dict]) -> None:
    for entry in bank:
        today = entry.get("today")
        assert today is not None, f"every question is dated: {entry['q']}"
        if isinstance(today, str):
            today = dt.date.fromisoformat(today)
        assert isinstance(today, dt.date), entry["q"]
        assert dt.date(2018, 1, 1) <= today <= dt.date(2026, 12, 31), entry["q"]


def test_no_question_repeats_either_bank_or_itself(bank: list[dict]) -> None:
    seen = {fold(e["q"]) for path in OTHER_BANKS for e in load(path)}
    counts = Counter(fold(e["q"]) for e in bank)
    assert [q for q, n in counts.items() if n > 1] == []
    assert [e["q"] for e in bank if fold(e["q"]) in seen] == []


def test_every_kind_is_covered_and_unanswerables_are_about_an_eighth(bank: list[dict]) -> None:
    kinds = Counter(e["kind"] for e in bank)
    assert set(kinds) == KINDS, KINDS ^ set(kinds)
    share = kinds["unanswerable"] / len(bank)
    assert 0.10 <= share <= 0.15, share


@needs_seeds
def test_every_must_string_is_in_the_seeds_unless_date_like(bank: list[dict]) -> None:
    seeds = " \n ".join(fold(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt")))
    missing = [
        (entry["q"], s)
        for entry in bank
        for s in (entry.get("must") or []) + (entry.get("must_not") or [])
        if fold(s) not in seeds and not DATE_LIKE.search(s)
    ]
    assert missing == []


def test_the_seed_check_would_catch_an_invented_string() -> None:
    """The fold and the date exemption are not so loose that anything passes."""
    assert DATE_LIKE.search("February 2020") and DATE_LIKE.search("06/12/24")
    assert not DATE_LIKE.search("Laurence Jones") and not DATE_LIKE.search("Action 5")
    assert fold("Completed \u2013 December\n 2019") == "completed - december 2019"
