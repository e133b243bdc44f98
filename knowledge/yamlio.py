"""The one place that imports PyYAML: fast parsing, and line numbers for error messages.

Parsing is bounded: YAML aliases (`*name`) let a few hundred bytes stand for billions of values
("billion laughs"), so `parse` refuses a document whose aliases would expand it by more than
ALIAS_BUDGET values (or ALIAS_FACTOR times its own), or that refers to itself, before anything walks the data.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from typing import Any

import yaml

log = logging.getLogger(__name__)

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    log.warning("PyYAML has no C loader (libyaml); loading the knowledge base will be slower")
    _Loader = yaml.SafeLoader

YAMLError = yaml.YAMLError
Path = tuple[str | int, ...]
ALIAS_BUDGET = 100_000  # values (or SCALAR_UNIT-character pieces of text) aliases may add to a small document
ALIAS_FACTOR = 4  # ... or this many times the document's own values, if that is more
SCALAR_UNIT = 80  # characters of text that count as one value


class AliasError(yaml.YAMLError):
    """A document whose aliases expand too far, or refer to themselves; `problem` says which."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem)
        self.problem, self.problem_mark, self.context = problem, mark, None


def parse(text: str | bytes) -> Any:
    """Parse one YAML document with the C loader where available: the same data as `yaml.safe_load`.

    Raises YAMLError for bad YAML, and AliasError (a YAMLError) when aliases would expand the
    document by more than ALIAS_BUDGET values (ALIAS_FACTOR times its own, if more) or make it contain itself.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if (b"*" if isinstance(text, bytes) else "*") in text:  # every alias starts with "*"
            check_aliases(node)
            return loader.construct_document(node)  # PyYAML's own, which shares the objects aliases name
        try:
            return _construct(loader, node)
        except RecursionError:  # nesting deeper than Python's stack (libyaml allows 1,000 levels)
            return loader.construct_document(node)  # PyYAML's own builds nested values without recursing
    finally:
        loader.dispose()


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def _construct(loader: Any, node: yaml.Node) -> Any:
    """The data of a document without aliases, exactly as PyYAML's SafeConstructor builds it, but quicker.

    Text, lists and mappings whose keys are all text (nearly every node of a knowledge base) are built
    here directly; every other node (numbers, dates, booleans, nulls, merge keys `<<`, explicit tags,
    mappings with other keys) goes to PyYAML's constructor. PyYAML's constructor takes about 40% of
    `yaml.load(CSafeLoader)`, mostly per-node bookkeeping that only aliases need (the caller hands
    documents with aliases to PyYAML whole); built here, parsing a knowledge base takes about 0.6 of it.
    """
    kind = node.__class__
    if kind is yaml.ScalarNode:
        return node.value if node.tag == _STR else loader.construct_object(node, deep=True)
    if kind is yaml.MappingNode:
        if node.tag == _MAP:
            out = {}
            for key, value in node.value:
                if key.tag != _STR or key.__class__ is not yaml.ScalarNode:
                    break  # a merge key, a number, a complex key: PyYAML's rules for the whole mapping
                if value.__class__ is yaml.ScalarNode and value.tag == _STR:
                    out[key.value] = value.value
                else:
                    out[key.value] = _construct(loader, value)
            else:
                return out
    elif kind is yaml.SequenceNode and node.tag == _SEQ:
        return [
            item.value if item.__class__ is yaml.ScalarNode and item.tag == _STR else _construct(loader, item)
            for item in node.value
        ]
    return loader.construct_object(node, deep=True)


def check_aliases(root: yaml.Node) -> None:
    """Raise AliasError if aliases would add more than ALIAS_BUDGET values, or ALIAS_FACTOR times its own if more.

    Ordinary aliases (a shared `source:` mapping, as PyYAML itself writes for shared objects) add a
    few values each; a "billion laughs" adds billions. Each node's expanded size is computed once
    (memoised), so the check costs one pass over the distinct nodes however far aliases would expand.
    """
    size: dict[int, int] = {}
    distinct = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    open_: set[int] = set()
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in _children(node))
            continue
        if key in size:
            continue  # an alias to a node already measured
        if key in open_:
            raise AliasError("an alias (*name) refers to a value that contains it", node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            size[key] = 1 + len(node.value) // SCALAR_UNIT
            distinct += size[key]
            continue
        distinct += 1
        open_.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))
    allowed = max(ALIAS_BUDGET, ALIAS_FACTOR * distinct)
    if size[id(root)] - distinct > allowed:
        raise AliasError(
            f"its aliases (*name) would repeat values more than {allowed:,} times; write the values out",
            _first_alias(root),
        )


def _children(node: yaml.Node) -> Iterable[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, yaml.SequenceNode):
        yield from node.value


def _first_alias(root: yaml.Node) -> Any:
    """The mark of the first node reached twice (where an alias is), else the document's start."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node.start_mark
        seen.add(id(node))
        stack.extend(reversed(list(_children(node))))
    return root.start_mark


def error_line(exc: yaml.YAMLError) -> int | None:
    """The 1-based line a YAML syntax error points at, if it says."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else None


def error_text(exc: yaml.YAMLError) -> str:
    """A YAML syntax error's message without its location lines."""
    problem = getattr(exc, "problem", None)
    context = getattr(exc, "context", None)
    parts = [p for p in (context, problem) if p]
    return "; ".join(parts) if parts else str(exc).splitlines()[0]


def line_of(text: str | bytes, path: Path) -> int | None:
    """The 1-based line of the node at `path` (mapping keys and list indexes), or its nearest parent."""
    return Lines(text).line_of(path)


class Lines:
    """Finds the lines of nodes in one document, composing it once for any number of look-ups."""

    def __init__(self, text: str | bytes) -> None:
        try:
            self.root: yaml.Node | None = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError:
            self.root = None
        self._keys: dict[int, dict[str, tuple[int, yaml.Node]]] = {}

    def line_of(self, path: Path) -> int | None:
        """The 1-based line of the node at `path`, or of its nearest parent that exists."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for step in path:
            if isinstance(node, yaml.MappingNode) and isinstance(step, str):
                found = self._index(node).get(step)
                if found is None:
                    return line
                line, node = found
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                node = node.value[step]
                line = node.start_mark.line + 1
            else:
                return line
        return line

    def _index(self, node: yaml.MappingNode) -> dict[str, tuple[int, yaml.Node]]:
        """{key: (line of the key, value node)} of a mapping, built once per mapping (first key wins)."""
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    index.setdefault(key.value, (key.start_mark.line + 1, value))
            self._keys[id(node)] = index
        return index


def dump(data: Any) -> str:
    """Dump plain data as block-style YAML, keeping key order and unicode."""
    return yaml.dump(data, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True, width=100)


def dump_plain(data: Any) -> str:
    """Block-style YAML for plain data (dicts, lists, str, int, bool, None), strings double-quoted.

    Written directly rather than through PyYAML's representer, which costs seconds for a 10,000-action
    plan; a double-quoted JSON string is a valid YAML double-quoted scalar once the characters YAML reads
    as line breaks (U+0085, U+2028, U+2029) are escaped too. Callers read the result back to check it.
    """
    out: list[str] = []
    _emit(data, 0, out)
    return "\n".join(out) + "\n"


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    text = json.dumps(str(value), ensure_ascii=False)
    return text.replace("\u0085", "\\N").replace("\u2028", "\\L").replace("\u2029", "\\P")


def _emit(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            out.append(pad + "{}")
        for key, item in value.items():
            head = f"{pad}{_key(key)}:"
            if isinstance(item, (dict, list)) and item:
                out.append(head)
                _emit(item, indent + 2, out)
            else:
                out.append(f"{head} {_inline(item)}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item:
                lines: list[str] = []
                _emit(item, indent + 2, lines)
                lines[0] = pad + "- " + lines[0][indent + 2 :]
                out.extend(lines)
            elif isinstance(item, list) and item:
                out.append(pad + "-")
                _emit(item, indent + 2, out)
            else:
                out.append(f"{pad}- {_inline(item)}")
    else:
        out.append(pad + _scalar(value))


_BARE_KEY = re.compile(r"^[a-z_][a-z0-9_]*$")
_SPECIAL = frozenset(["true", "false", "null", "yes", "no", "on", "off", "y", "n"])


def _key(key: Any) -> str:
    text = str(key)
    return text if _BARE_KEY.match(text) and text not in _SPECIAL else _scalar(text)


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value)
