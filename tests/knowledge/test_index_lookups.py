"""The look-ups that keep answers from scanning every record: an id within one plan, people by a word of their
name, the plans' words arranged once, and a bounded memo of topic searches. Each gives what the scan gave."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge import index
from knowledge.engine import Engine
from knowledge.loader import load_knowledge_base
from knowledge.query import plan_vocab


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_knowledge_base())


def test_an_id_within_a_plan_is_the_scan_of_that_plan(engine: Engine) -> None:
    for plan in engine.kb.plans.values():
        for action in plan.actions:
            key = index.id_key(action.id)
            assert engine.ids.find(key, plan.id) == [a for a in engine.ids.find(key) if a.plan == plan.id]
            assert engine.ids.family(key, plan.id) == [a for a in engine.ids.family(key) if a.plan == plan.id]


def test_people_are_suggested_from_a_word_of_their_name(engine: Engine) -> None:
    found = engine.names.suggest_named("anything for laurence jnoes", {"anything", "for", "laurence", "jnoes"})
    assert found == ["laurence-jones"]
    assert engine.names.suggest_named("what is overdue", {"what", "is", "overdue"}) == []


def test_the_plans_words_are_arranged_once(engine: Engine) -> None:
    vocab = plan_vocab(engine)
    assert plan_vocab(engine) is vocab
    for phrase, plan in engine.plan_words.items():
        assert phrase in vocab.phrases[plan]
        assert set(phrase.split()) <= vocab.own[plan]
    city = next(p for p in engine.kb.plans if p.startswith("city"))
    tce = next(p for p in engine.kb.plans if p.startswith("tce"))
    # a word naming the TCE plan is a topic in a question about the city plan, not the other way round
    word = next(w for w in vocab.phrases[tce] if " " not in w and w not in vocab.firsts and w not in vocab.own[city])
    assert vocab.names_other(word, city) and not vocab.names_other(word, tce)


def test_topic_searches_are_remembered_and_bounded(engine: Engine) -> None:
    topics = engine.topics
    first = topics.search(["foster", "carers"])
    assert first and topics.search(["foster", "carers"]) == first
    first.clear()  # a caller changing its list changes nothing kept
    assert topics.search(["foster", "carers"])
    for n in range(index.MAX_FOUND + 5):
        topics.search([f"word{n}"])
    assert len(topics.__dict__["_found"]) <= index.MAX_FOUND
    answer = engine.ask("actions on foster carers", dt.date(2020, 1, 15))
    assert answer.items
