"""Render a Word-authored template (.docx with Jinja tags) through docxtpl, in Jinja2's sandbox.

The one module of the package that imports docxtpl. The context is the one the Markdown templates
get, with the Markdown escapes taken off (docxtpl escapes for XML itself).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from assemblers import sandbox
from assemblers.errors import AssemblyError
from assemblers.escape import md_unescape

_TAG = re.compile(r"\{[{%].*?[}%]\}", re.DOTALL)
_XML_TAG = re.compile(r"<[^>]+>")
_UNDEFINED_NAME = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


def plain(value: Any) -> Any:
    """Return a context with every string's Markdown escapes undone (lists and dicts copied)."""
    if isinstance(value, str):
        return md_unescape(value)
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def environment() -> SandboxedEnvironment:
    """Return a fresh sandboxed, strict environment with the same bounds as the Markdown templates'.

    docxtpl sets autoescape on the environment it is given.
    """
    return sandbox.BoundedEnvironment(undefined=StrictUndefined, autoescape=True)


def render(path: Path, context: Mapping[str, Any], properties: Mapping[str, str], day: dt.date) -> bytes:
    """Return the .docx bytes of the Word template at `path` rendered from `context` (escaped Markdown values).

    Raises AssemblyError naming the template and the tag for an undefined value, a syntax error or
    anything the sandbox refuses.
    """
    from assemblers.docx_writer import check_package, comment_highlights, set_properties

    name = path.name
    check_package(path)  # a hostile .docx: bounded before python-docx parses it
    try:
        with sandbox.bounded():
            template = _template_class()(str(path))
            template.render(plain(dict(context)), jinja_env=environment(), autoescape=True)
    except (sandbox.LimitExceeded, sandbox.RenderTimeout) as exc:
        raise AssemblyError(
            f"template {name} stopped: {_sentence(exc)}.", "Simplify the template's loops and values, and try again."
        ) from None
    except UndefinedError as exc:
        raise AssemblyError(
            f"template {name} uses a value that is not in its context: {_sentence(exc.message)}{_tag(path, exc)}.",
            "Check the spelling against templates/README.md, or guard it with {% if ... %}.",
        ) from exc
    except TemplateSyntaxError as exc:
        raise AssemblyError(
            f"template {name} has a syntax error: {_sentence(exc.message)}{_tag(path, exc)}.",
            "Fix the tag in Word and try again (type tags in one go so Word keeps them in one piece).",
        ) from exc
    except SecurityError as exc:
        raise AssemblyError(
            f"template {name} tried something the sandbox refuses: {_sentence(exc)}.",
            "Templates may only use the values in their context (see templates/README.md).",
        ) from exc
    except TemplateError as exc:
        raise AssemblyError(f"template {name} failed: {_sentence(exc)}.", "Fix the template and try again.") from exc
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise AssemblyError(
            f"cannot open the Word template {path}: {exc}.", "Save it again from Word as .docx."
        ) from exc
    set_properties(template.docx, properties, day)
    comment_highlights(template.docx, day)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


_LISTING = re.compile(r"[\t\a\n\f]")


@lru_cache(maxsize=1)
def _template_class() -> type:
    """docxtpl's DocxTemplate, with two of its passes over the rendered body skipped when they would
    change nothing (docxtpl's own code runs whenever they might; the result is the same document,
    which tests/assemblers/test_docx_fast_paths.py checks against docxtpl's):

    - the listing pass walks every paragraph, run and text with nested regular expressions (half of
      docxtpl's time on a long report) to turn tab, bell, newline and form-feed characters in text
      into Word's tabs, paragraphs, line breaks and page breaks, and changes nothing else: without
      any of those characters in the XML, the XML is the result;
    - the table pass widens or narrows each table's grid to the most cells a row has, looking into
      every cell for a horizontal span: for a table with no spans and no table inside it, whose rows
      all have as many cells as its grid has columns, it changes nothing.
    """
    from docxtpl import DocxTemplate

    from assemblers.docx_writer import grids_fit, parse_recovering

    class Template(DocxTemplate):
        def resolve_listing(self, xml: str) -> str:
            if _LISTING.search(xml) is None:
                return xml
            return super().resolve_listing(xml)

        def fix_tables(self, xml: str) -> Any:
            tree = parse_recovering(xml)
            return tree if grids_fit(tree) else super().fix_tables(xml)

    return Template


def tags(path: Path) -> list[str]:
    """Return the Jinja tags in a Word template's body text, in order (Word's run breaks and markup removed)."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    text = _XML_TAG.sub("", xml.replace("</w:p>", "\n"))
    return [" ".join(tag.split()) for tag in _TAG.findall(text)]


def _tag(path: Path, exc: Exception) -> str:
    """Return ' (in the tag {{ ... }})' naming the first tag that mentions the name an error is about."""
    message = str(getattr(exc, "message", None) or exc)
    match = _UNDEFINED_NAME.search(message)
    try:
        found = tags(path)
    except (OSError, KeyError, zipfile.BadZipFile):
        return ""
    if match:
        wanted = match.group(1) or match.group(2)
        found = [tag for tag in found if re.search(rf"\b{re.escape(wanted)}\b", tag)]
    elif isinstance(exc, TemplateSyntaxError):
        found = [tag for tag in found if _broken(tag)]
    return f" (in the tag {found[0]})" if found else ""


def _broken(tag: str) -> bool:
    """Whether a {{ ... }} tag fails to parse on its own (block tags only parse with their partner)."""
    if not tag.startswith("{{"):
        return False
    try:
        environment().parse(tag)
    except TemplateSyntaxError:
        return True
    return False


def _sentence(message: object) -> str:
    return str(message).strip().rstrip(".")
