"""Render a Markdown template in Jinja2's sandbox, turning every template fault into an AssemblyError."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from assemblers.errors import AssemblyError

SUFFIX = ".md.j2"


def environment(directories: Sequence[Path]) -> SandboxedEnvironment:
    """Return a sandboxed, strict environment loading templates from `directories`, first match wins.

    One environment is kept per list of directories, so a template is compiled once and recompiled
    only when its file changes (Jinja's auto_reload).
    """
    return _environment(tuple(str(Path(d).resolve()) for d in directories))


@lru_cache(maxsize=16)
def _environment(directories: tuple[str, ...]) -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(d) for d in directories]),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(env: SandboxedEnvironment, name: str, context: dict[str, Any]) -> str:
    """Return the Markdown that template `name` renders from `context`.

    Raises AssemblyError naming the template and line for a syntax error, an undefined value, or
    anything the sandbox refuses (such as reaching Python internals).
    """
    filename = name + SUFFIX
    try:
        template = env.get_template(filename)
    except TemplateSyntaxError as exc:
        raise AssemblyError(
            f"template {_where(exc.name or filename, exc.lineno)} has a syntax error: {_sentence(exc.message)}.",
            "Fix the template and try again.",
        ) from exc
    except TemplateNotFound as exc:
        raise AssemblyError(
            f"there is no template file {filename}.", "Run `actionbot templates` to list them."
        ) from exc
    try:
        return template.render(context)
    except SecurityError as exc:
        raise AssemblyError(
            f"template {_where(filename, _line(exc.__traceback__, template.filename))} tried something the "
            f"sandbox refuses: {_sentence(exc)}.",
            "Templates may only use the values in their context (see templates/README.md).",
        ) from exc
    except UndefinedError as exc:
        raise AssemblyError(
            f"template {_where(filename, _line(exc.__traceback__, template.filename))} uses a value that is not "
            f"in its context: {_sentence(exc.message)}.",
            "Check the spelling against templates/README.md, or guard it with {% if ... %}.",
        ) from exc
    except TemplateSyntaxError as exc:  # raised at render time by an {% include %} of a broken template
        raise AssemblyError(
            f"template {_where(exc.name or filename, exc.lineno)} has a syntax error: {_sentence(exc.message)}.",
            "Fix the template and try again.",
        ) from exc
    except TemplateError as exc:
        raise AssemblyError(
            f"template {_where(filename, _line(exc.__traceback__, template.filename))} failed: {_sentence(exc)}.",
            "Fix the template and try again.",
        ) from exc
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError) as exc:
        raise AssemblyError(  # e.g. looping over something that is not a list
            f"template {_where(filename, _line(exc.__traceback__, template.filename))} failed: "
            f"{type(exc).__name__}: {_sentence(exc)}.",
            "Fix the template and try again.",
        ) from exc


def _sentence(message: object) -> str:
    return str(message).strip().rstrip(".")


def _where(name: str, line: int | None) -> str:
    return f"{name} line {line}" if line else name


def _line(tb: TracebackType | None, filename: str | None) -> int | None:
    """Return the last line of the template's own file in a traceback (Jinja rewrites frames to template lines)."""
    line = None
    while tb is not None:
        if filename and tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
