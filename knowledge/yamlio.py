"""The one place that imports PyYAML: fast parsing, and line numbers for error messages."""

from __future__ import annotations

import json
import logging
import re
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
