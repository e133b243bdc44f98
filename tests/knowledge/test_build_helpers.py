"""What keeps building the engine linear in the actions: the collector paused while the indexes are built (and put
back as it was), and each word's stem worked out once (the same answer as working it out, within a bound)."""

from __future__ import annotations

import gc

import pytest

from knowledge import collector, index, text


def test_the_collector_is_paused_and_put_back_as_it_was() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector.paused():
        raise RuntimeError("a failed build")
    assert gc.isenabled()  # put back after a failure too
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_remembered_stems_are_the_stems() -> None:
    sample = "The carers' reviews of 12 policies and the foster carer's reviewing, confirmed by Ofsted in 2019."
    expected = [text.stem(w) for w in text.words(sample) if w not in text.STOPWORDS and not w.isdigit() and len(w) > 1]
    assert text.content_words(sample) == expected
    assert text.content_words(sample) == expected  # the second time from what was kept
    assert "review" in expected and "carer" in expected and "12" not in expected


def test_the_kept_words_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text, "MAX_CONTENT", 10)
    monkeypatch.setattr(index, "MAX_ROOTS", 10)
    for n in range(50):
        text.content_words(f"word{n}x unusual{n}y")
        index._root(f"confirming{n}")
    assert len(text._CONTENT) <= 10 and len(index._ROOTS) <= 10
    assert index._root("confirming") == "confirm" and index._root("engage") == "engag"
