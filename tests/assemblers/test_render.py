"""Rendering in the sandbox: syntax errors, undefined values and sandbox refusals name template and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from assemblers.errors import AssemblyError
from assemblers.render import environment, render


def _render(tmp_path: Path, text: str, context: dict | None = None) -> str:
    (tmp_path / "t.md.j2").write_text(text, encoding="utf-8")
    return render(environment([tmp_path]), "t", context or {})


def test_renders_markdown_with_trimmed_block_lines(tmp_path: Path) -> None:
    text = "# {{ title }}\n\n{% for x in items %}\n1. {{ x }}\n{% endfor %}\n"
    assert _render(tmp_path, text, {"title": "T", "items": ["a", "b"]}) == "# T\n\n1. a\n1. b\n"


def test_syntax_error_names_template_and_line(tmp_path: Path) -> None:
    with pytest.raises(AssemblyError) as caught:
        _render(tmp_path, "line one\n\n{% if %}\n")
    assert "template t.md.j2 line 3 has a syntax error" in str(caught.value)


def test_unclosed_block_names_template(tmp_path: Path) -> None:
    with pytest.raises(AssemblyError, match=r"template t\.md\.j2 line \d+ has a syntax error"):
        _render(tmp_path, "{% for x in y %}\nno end\n")


def test_sandbox_refuses_python_internals(tmp_path: Path) -> None:
    with pytest.raises(AssemblyError) as caught:
        _render(tmp_path, "fine\n{{ ''.__class__.__mro__ }}\n")
    message = str(caught.value)
    assert "template t.md.j2 line 2 tried something the sandbox refuses" in message
    assert "__class__" in message


def test_sandbox_refuses_calling_unsafe_methods(tmp_path: Path) -> None:
    with pytest.raises(AssemblyError, match="sandbox refuses"):
        _render(tmp_path, "{{ f.__globals__ }}\n", {"f": _render})


def test_undefined_value_is_an_error_not_an_empty_string(tmp_path: Path) -> None:
    with pytest.raises(AssemblyError) as caught:
        _render(tmp_path, "a\nb\n{{ item.titel }}\n", {"item": {"title": "x"}})
    assert "template t.md.j2 line 3 uses a value that is not in its context" in str(caught.value)
    assert "titel" in str(caught.value)


def test_missing_template_file(tmp_path: Path) -> None:
    with pytest.raises(AssemblyError, match=r"there is no template file nope\.md\.j2"):
        render(environment([tmp_path]), "nope", {})


def test_include_cannot_leave_the_template_directories(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "t.md.j2").write_text('{% include "../secret.txt" %}\n', encoding="utf-8")
    with pytest.raises(AssemblyError, match=r"template t\.md\.j2 line 1 failed: \.\./secret\.txt"):
        render(environment([inner]), "t", {})
