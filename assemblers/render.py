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

from assemblers import sandbox
from assemblers.errors import AssemblyError

SUFFIX = ".md.j2"


def environment(directories: Sequence[Path]) -> SandboxedEnvironment:
    """Return a sandboxed, strict environment loading templates from `directories`, first match wins.

    One environment is kept per list of directories, so a template is compiled once and recompiled
    only when its file changes (Jinja's auto_reload).
    """
    return _environment(tuple(str(Path(d).resolve()) for d in directories))


def forget_compiled() -> None:
    """Drop the kept environments and the templates compiled in them: the next render compiles afresh."""
    _environment.cache_clear()


@lru_cache(maxsize=16)
def _environment(directories: tuple[str, ...]) -> SandboxedEnvironment:
    return sandbox.BoundedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(d) for d in directories]),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(env: SandboxedEnvironment, name: str, context: dict[str, Any], seconds: float = sandbox.MAX_SECONDS) -> str:
    """Return the Markdown that template `name` renders from `context`.

    Raises AssemblyError naming the template and line for a syntax error, an undefined value,
    anything the sandbox refuses (such as reaching Python internals), a render that passes one of
    the bounds in assemblers/sandbox.py (`seconds` of wall-clock time among them), or any other fault.
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
        with sandbox.bounded(seconds) as budget:
            return sandbox.stream(template.generate(context), budget)
    except (sandbox.LimitExceeded, sandbox.RenderTimeout) as exc:
        reason = str(exc) or f"it ran for more than {seconds:g} seconds"
        raise AssemblyError(
            f"template {_where(filename, _line(exc.__traceback__, template.filename))} was stopped: {reason}.",
            "Templates must stay within the limits in templates/README.md; simplify the loops or values.",
        ) from None
    except RecursionError as exc:
        raise AssemblyError(
            f"template {_where(filename, _line(exc.__traceback__, template.filename))} was stopped: it called a macro "
            "or recursive loop too deeply.",
            "Make sure every recursive macro or loop stops.",
        ) from None
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
    except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError, MemoryError) as exc:
        raise AssemblyError(
            f"template {_where(filename, _line(exc.__traceback__, template.filename))} failed: "
            f"{type(exc).__name__}: {_sentence(str(exc)[:200])}.",
            "Fix the template and try again.",
        ) from None


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
