"""Patterns compiled on first use behave as compiled patterns, and are compiled once; handlers load on first call."""

from __future__ import annotations

import pickle
import re

import pytest

from knowledge import lazyre, registry
from knowledge.lazyre import LazyPattern, lazy

TEXT = "Action 7a is due in March 2020; action 12 in June."


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source, flags = r"\baction (\d+)([a-z]?)", re.I
    made, compiled = lazy(source, flags), re.compile(source, flags)
    assert made._compiled is None  # nothing compiled yet
    assert made.pattern == compiled.pattern
    assert made.search(TEXT).groups() == compiled.search(TEXT).groups()
    assert made.findall(TEXT) == compiled.findall(TEXT)
    assert [m.span() for m in made.finditer(TEXT)] == [m.span() for m in compiled.finditer(TEXT)]
    assert made.sub("#", TEXT) == compiled.sub("#", TEXT) and made.subn("#", TEXT) == compiled.subn("#", TEXT)
    assert made.split(TEXT) == compiled.split(TEXT)
    assert made.match("ACTION 3").group(1) == "3" and made.fullmatch("action 3b").group(2) == "b"
    assert (made.flags, made.groups, made.groupindex) == (compiled.flags, compiled.groups, compiled.groupindex)


def test_compiled_once_and_its_methods_kept() -> None:
    made = lazy(r"\bdue\b")
    made.search(TEXT)
    first = made.compiled()
    made.search("not due")
    assert made.compiled() is first
    assert made.search.__self__ is first  # a bound method of the compiled pattern: no lookup per call
    assert "search" in vars(made)


def test_pickles_as_its_source() -> None:
    made = lazy(r"\d+", re.A)
    again = pickle.loads(pickle.dumps(made))
    assert (again.pattern, again.flags) == (made.pattern, made.flags) and again.findall("a1b22") == ["1", "22"]


def test_compile_all_compiles_every_pattern_made() -> None:
    made = lazy(r"x+y")
    assert lazyre.compile_all() >= 1
    assert made._compiled is not None


def test_every_intent_handler_is_a_function_of_its_module() -> None:
    """Handlers are found when first called: a misspelt one would otherwise fail only when a question reaches it."""
    for intent in registry.INTENTS:
        resolve = getattr(intent.handler, "resolve", None)
        func = resolve() if resolve is not None else intent.handler
        assert callable(func) and func.__module__.startswith("knowledge.answers_"), intent.name
        if resolve is not None:
            assert func.__module__ == intent.handler.module and func.__name__ == intent.handler.name


def test_every_intent_cue_is_a_pattern_of_the_registry() -> None:
    """Cues are registry data: a constant reached through a lazily imported handler module would be a handler
    stand-in, not a pattern, and would fail on the first question."""
    for intent in registry.INTENTS:
        assert intent.cues is None or isinstance(intent.cues, LazyPattern), intent.name
        if intent.cues is not None:
            intent.cues.search("who presented the report at the last panel")  # compiles and searches


# -- the texts every match starts with: a question holding none of them skips compiling the pattern ----------


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"who leads?\b", ("who lead",)),
        (r"(has|have) been", ("has", "have")),
        (r"(?<!where )(has|had) (\w+ ){1,3}gone", ("has", "had")),
        (r"^\s*who(?: is| s)? from", ("who",)),
        (r"\b(status|how (is|are))\b", ("status", "how")),
        (r"(a|b)? x", None),  # an optional group may match nothing
        (r"(a|)b", None),
        (r".*foo", None),
        (r"[a-z]{1,4}\d{4}", None),
        (r"x{2}", None),
    ],
)
def test_the_texts_every_match_starts_with(pattern: str, needs: tuple[str, ...] | None) -> None:
    assert lazyre.leading_literals(pattern) == needs


def test_no_hint_with_flags_that_change_what_text_matches() -> None:
    assert lazyre.lazy(r"who leads", re.IGNORECASE).needs is None
    assert lazyre.lazy(r"who leads").needs == ("who leads",)


def test_a_cue_skipped_by_its_hint_never_matches() -> None:
    """Every intent cue and attribute pattern, on every bank question and example: when the hint says the pattern
    cannot match, it does not (so skipping the compile changes no answer)."""
    import glob
    from pathlib import Path

    from knowledge import registry
    from knowledge.text import fold
    from tests.question_bank import load_bank

    questions = [str(e["q"]) for p in sorted(glob.glob("tests/knowledge/*_bank.yaml")) for e in load_bank(Path(p))]
    questions += list(registry.examples())
    patterns = [i.cues for i in registry.INTENTS if i.cues is not None] + [rx for _, rx in registry.ATTRIBUTES]
    patterns += [registry._PROGRESS_FORM, registry._ARRIVES_FORM, registry._HAPPENED_FORM, *registry._WHOSE_FORMS]
    skipped = 0
    for question in questions:
        folded = fold(question)
        for rx in patterns:
            if not rx.may_search(folded):
                skipped += 1
                assert not rx.search(folded), (rx.pattern, question)
            # and the pruned pattern (only the alternatives that may match) finds a match exactly when the whole does
            assert rx.found_in(folded) == (rx.search(folded) is not None), (rx.pattern, question)
    assert len(questions) > 1000 and skipped > len(questions) * len(patterns) // 2  # most checks are skipped


def test_alternatives_compile_only_those_a_text_may_match() -> None:
    rx = lazyre.lazy_alternatives(("who leads", "status", r"(\w+ ){1,3}done"), r"\b(", r")\b")
    assert rx.needs is None  # one alternative has no hint: the whole has none
    assert rx.found_in("is it done") and not rx.found_in("who owns it")
    assert rx._compiled is None  # neither question compiled the whole pattern
    assert set(rx._pruned) == {(2,)}  # only the alternative with no hint was compiled, once per subset
    assert rx.found_in("who leads it") and (0, 2) in rx._pruned
    assert rx.search("status please").group(1) == "status"  # the whole pattern still answers search()
    rx.compiled()
    assert rx.found_in("status who leads")  # compiled whole now (as a server does): answered by it


def test_the_pruned_patterns_kept_are_bounded() -> None:
    many = lazyre.lazy_alternatives(tuple(f"word{n}x" for n in range(lazyre.MAX_PRUNED + 10)), r"\b(", r")\b")
    for n in range(lazyre.MAX_PRUNED + 10):  # each question a different subset of alternatives
        assert many.found_in(f"a word{n}x here")
        assert len(many._pruned) <= lazyre.MAX_PRUNED


def test_alternatives_pickle_as_themselves() -> None:
    import pickle

    rx = lazyre.lazy_alternatives(("a b", "c"), r"\b(", r")\b")
    back = pickle.loads(pickle.dumps(rx))
    assert isinstance(back, lazyre.LazyAlternatives) and back.alternatives == ("a b", "c")
    assert back.pattern == rx.pattern == r"\b(a b|c)\b"


def test_a_finding_method_answers_no_match_without_compiling_while_the_text_lacks_the_leading_words() -> None:
    rx = lazyre.lazy(r"\b(who leads|owner of) (\w+)")
    assert rx.search("what is due") is None and rx.match("what is due") is None
    assert list(rx.finditer("what is due")) == [] and rx.findall("what is due") == []
    assert rx._compiled is None  # nothing compiled for texts that could not match
    assert rx.search("so who leads 7a").group(2) == "7a"  # a text that may match: compiled and searched
    assert rx._compiled is not None and rx.search == rx._compiled.search  # then its own methods, directly
    assert rx.sub("x", "who leads it now") == "x now"


def test_every_lazy_pattern_finds_the_same_with_and_without_its_guard() -> None:
    """Every lazy pattern the engine defines, on every bank question: the guarded search (no compile for a question
    lacking the pattern's leading words) finds a match exactly when the compiled pattern does."""
    import glob
    from pathlib import Path

    import knowledge.answers_actions
    import knowledge.answers_committee
    import knowledge.answers_papers
    import knowledge.answers_people
    import knowledge.answers_plans
    import knowledge.guard
    import knowledge.passages
    import knowledge.query  # noqa: F401  (their patterns)
    from knowledge.text import fold
    from tests.question_bank import load_bank

    questions = [str(e["q"]) for p in sorted(glob.glob("tests/knowledge/*_bank.yaml")) for e in load_bank(Path(p))]
    texts = [text for q in questions for text in (q, q.lower(), fold(q))]
    patterns = [p for p in lazyre._EVERY if p.needs is not None]
    assert len(patterns) > 50
    for made in patterns:
        fresh = lazyre.LazyPattern(made.pattern, made._flags)  # a new one: guarded until it compiles
        whole = re.compile(made.pattern, made._flags)
        for text in texts:
            assert (fresh.search(text) is None) == (whole.search(text) is None), (made.pattern, text)
