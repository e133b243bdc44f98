"""The one place that imports PyYAML: fast parsing, and line numbers for error messages."""

from __future__ import annotations

import logging
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


def parse(text: str | bytes) -> Any:
    """Parse one YAML document with the C loader where available."""
    return yaml.load(text, Loader=_Loader)


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
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            found = next(((k, v) for k, v in node.value if k.value == step), None)
            if found is None:
                return line
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def dump(data: Any) -> str:
    """Dump plain data as block-style YAML, keeping key order and unicode."""
    return yaml.dump(data, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True, width=100)


_Dumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_fast(data: Any) -> str:
    """Like dump(), with libyaml's C emitter where available: for generated files of thousands of records."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
