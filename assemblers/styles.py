"""Check that a base .docx holds every style a template uses, before any document is drafted."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from assemblers.docx_writer import style_kinds
from assemblers.errors import AssemblyError
from assemblers.escape import md_unescape

_STYLE_DIRECTIVE = re.compile(r"<!--\s*style\s*:\s*(.*?)\s*-->")


def directive_styles(template_text: str) -> set[str]:
    """Return the style names a template's <!-- style: NAME --> directives give literally."""
    return {md_unescape(name) for name in _STYLE_DIRECTIVE.findall(template_text) if "{" not in name}


def check(base: Path, styles: Iterable[str] | Mapping[str, str], used_by: str) -> None:
    """Raise AssemblyError naming the first style `used_by` needs that `base` lacks (or has of the wrong kind).

    `styles` is a collection of names, or {name: "paragraph" | "table"} to check the kind too.
    """
    if not base.is_file():
        raise AssemblyError(f"there is no style file {base}.", "Give an existing .docx file.")
    stat = base.stat()
    kinds = _kinds(str(base.resolve()), stat.st_mtime_ns, stat.st_size)
    wanted = styles if isinstance(styles, Mapping) else dict.fromkeys(styles)
    for name in sorted(wanted):
        if name not in kinds:
            raise AssemblyError(
                f"the style {name!r}, which {used_by} uses, is not in {base}.",
                "Add that style to the file in Word (Styles pane > New Style), or leave out --style to use "
                "templates/base.docx.",
            )
        kind = wanted[name]
        if kind and kinds[name] != kind:
            raise AssemblyError(
                f"the style {name!r} in {base} is a {kinds[name]} style; {used_by} needs a {kind} style.",
                "Fix the style's type in Word, or use templates/base.docx.",
            )


@lru_cache(maxsize=8)
def _kinds(path: str, mtime_ns: int, size: int) -> dict[str, str]:
    """Return the style kinds of a .docx, cached while the file is unchanged."""
    return style_kinds(Path(path))
