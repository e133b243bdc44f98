"""`yamlio.parse` builds plain nodes itself (for speed): its data must be exactly what `yaml.safe_load` gives."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge import loader, yamlio

EDGE_CASES = [
    "a: 1\nb: 1.5\nc: true\nd: null\ne: ~\nf: 2020-01-02\ng: 2020-01-02 10:00:00\nh: yes\ni: 0x1f\nj: 0o17\n",
    "a: '1'\nb: \"true\"\nc: !!str 2020-01-02\nd: !!int '7'\ne: ''\nf:\n",
    "base: &b {x: 1, y: 2}\nplan:\n  <<: *b\n  y: 3\n",  # merge keys go through PyYAML's rules
    "plan:\n  <<: {x: 1}\n  y: 3\n",  # ... with or without an alias
    "1: one\n2: two\nthree: 3\n",  # keys that are not text
    "? [a, b]\n: c\n",  # a complex key (PyYAML refuses it: unhashable)
    "? {a: 1}\n: c\n",
    "a: 1\na: 2\nb: 3\n",  # a repeated key: the last value wins, in the first key's place
    "=: value key\nx: 1\n",
    "s: !!set {a, b}\no: !!omap [{a: 1}, {b: 2}]\np: !!pairs [{a: 1}]\nbin: !!binary aGVsbG8=\n",
    "- a\n- [b, c, {d: e}]\n- {f: [g, {h: i}]}\n- - - deep\n",
    "!!map {a: b}\n",
    "!!seq [a, b]\n",
    "!!str {a: b}\n",  # a mapping tagged as text (PyYAML refuses it)
    "plain text\n",
    "42\n",
    "",
    "# only a comment\n",
    "a: .inf\nb: -.nan\nc: 1_000\nd: 190:20:30\ne: +12\n",
    "a: |\n  literal\n  text\nb: >\n  folded\n  text\nc: 'it''s'\nd: \"\\u00e9\\t\"\n",
]


def safe(text: str | bytes) -> tuple[str, object]:
    """("ok", data) or ("error", the error's class name) from PyYAML's own C safe loader."""
    try:
        return "ok", yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as exc:
        return "error", type(exc).__name__


def ours(text: str | bytes) -> tuple[str, object]:
    try:
        return "ok", yamlio.parse(text)
    except yaml.YAMLError as exc:
        return "error", type(exc).__name__


def same(a: object, b: object) -> bool:
    """Equal, with the same types all the way down (1 is not True, "1" is not 1), NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)  # type: ignore[index]
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    if isinstance(a, float) and a != a:
        return b != b
    return a == b


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_parse_as_pyyaml_does(text: str) -> None:
    expected, got = safe(text), ours(text)
    assert expected[0] == got[0], (expected, got)
    assert same(expected[1], got[1]), (expected, got)


def test_every_bundled_file_parses_as_pyyaml_does() -> None:
    files = loader.kb_files(loader.BUNDLED)
    assert len(files) > 5
    for path in files:
        raw = path.read_bytes()
        assert same(safe(raw)[1], yamlio.parse(raw)), path


def test_types_survive_a_mixed_document() -> None:
    data = yamlio.parse("a: 2020-01-02\nb: '2020-01-02'\nc: [1, '1', true, 'true', null, 'null']\n")
    assert data == {"a": dt.date(2020, 1, 2), "b": "2020-01-02", "c": [1, "1", True, "true", None, "null"]}
    assert type(data["c"][2]) is bool


def test_nesting_deeper_than_the_stack_still_parses() -> None:
    depth = 990  # libyaml allows 1,000 levels; more than Python's default stack for a recursive builder
    data = yamlio.parse("[" * depth + "x" + "]" * depth)
    for _ in range(depth):
        assert isinstance(data, list) and len(data) == 1
        data = data[0]
    assert data == "x"


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.dates(),
    st.sampled_from(["yes", "No", "on", "~", "0x1F", "1_000", "2020-01-02", "12:30", "<<", "=", "-", "'", "#"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6) | st.integers(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from([None, True, False]))
def test_any_dumped_document_parses_as_pyyaml_does(data: object, flow: bool | None) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    assert same(safe(text)[1], ours(text)[1])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab:-[]{},&*!<=?'\"# \n0123456789.~", max_size=40))
def test_arbitrary_text_parses_or_fails_as_pyyaml_does(text: str) -> None:
    expected, got = safe(text), ours(text)
    if expected[0] == "ok" and got[0] == "error" and got[1] == "AliasError":
        return  # the alias budget refuses what PyYAML would expand (self-reference)
    assert expected[0] == got[0], (text, expected, got)
    assert same(expected[1], got[1]), (text, expected, got)
