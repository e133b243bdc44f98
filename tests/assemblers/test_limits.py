"""Custom templates (--templates) and style files (--style) cannot hang a draft or fill memory.

Each hostile template is drafted through `actionbot draft` in a child process with its address space
capped and a timeout, so a regression fails the test instead of hanging the run or the machine.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from assemblers import docx_writer
from assemblers.errors import AssemblyError
from assemblers.render import environment, render
from tests.subproc import ROOT, run_cli

BASE = ROOT / "templates" / "base.docx"


def own_template(tmp_path: Path, name: str, text: str) -> Path:
    own = tmp_path / "own"
    own.mkdir(exist_ok=True)
    (own / f"{name}.md.j2").write_text(text, encoding="utf-8")
    (own / f"{name}.yaml").write_text(f"name: {name}\npurpose: test\n", encoding="utf-8")
    return own


def draft(tmp_path: Path, own: Path, name: str, *extra: str, memory_mb: int = 1024):
    out = tmp_path / "out.docx"
    return run_cli(["draft", name, "--templates", str(own), "-o", str(out), *extra], memory_mb=memory_mb, timeout=90)


def test_nested_range_loops_are_stopped_naming_template_and_line(tmp_path: Path) -> None:
    text = "# Title\n\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"
    result = draft(tmp_path, own_template(tmp_path, "loops", text), "loops")
    assert result.returncode == 2, result.stderr[-2000:]
    assert "template loops.md.j2 line 3 was stopped: it ran more than 5,000,000 loop turns" in result.stderr
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{{ 'a' * 4000000000 }}", "it would build a repetition (*) of 4,000,000,000 characters"),
        ("{{ 'a'.ljust(4000000000) }}", "it would build ljust(4,000,000,000)"),
        ("{{ 'a'|center(4000000000) }}", "it would build center(4,000,000,000)"),
        ("{{ '%4000000000d' % 1 }}", "it would build a % format field of 4,000,000,000"),
        ("{{ '{:>4000000000}'.format(1) }}", "it would build a format field of 4,000,000,000"),
        ("{{ ('a' * 100000).replace('', 'b' * 100000) }}", "it would build a replace() of 10,000,200,000"),
        ("{{ 10 ** 100000 }}", "it would compute a number of more than 4,096 bits"),
        ("{% set s = 'a' * 1000000 %}{% set t = s ~ s ~ s %}{{ t }}", "it would build a join (~) of 3,000,000"),
        ("{{ ('{0}' * 1000).format('a' * 100000) }}", "it would build a format() of 100,003,000"),
        ("{{ ('%s' * 1000) % ('a' * 100000) }}", "it would build a % format of 100,002,000"),
        ("{{ (['a' * 1000000] * 1)|join('b' * 100000) }}", "it would build join(1,100,000)"),
        ("{{ ([['a'] * 1000000] * 1000)|sum(start=[]) }}", "sum() adds numbers only here"),
        ("{{ lipsum(100000000) }}", "lipsum() may make at most 100 paragraphs"),
        ("{% for i in range(100000) %}{{ 'a' * 1000 }}{% endfor %}", "it wrote more than 10,000,000 characters"),
        (
            "{% macro m() %}{% for i in range(100000) %}{{ 'a' * 1000000 }}{% endfor %}{% endmacro %}{% set x = m() %}",
            "it wrote more than 50,000,000 characters (in loops, macros or set blocks)",
        ),
    ],
)
def test_memory_bombs_in_a_template_are_refused_before_they_are_built(tmp_path: Path, text: str, reason: str) -> None:
    result = draft(tmp_path, own_template(tmp_path, "bomb", "# Title\n\n" + text + "\n"), "bomb")
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert "template bomb.md.j2" in result.stderr and reason in result.stderr, result.stderr[-2000:]


def test_a_runtime_fault_names_template_and_line_not_a_traceback(tmp_path: Path) -> None:
    result = draft(tmp_path, own_template(tmp_path, "oops", "# Title\n\n{{ 1 / 0 }}\n"), "oops")
    assert result.returncode == 2
    assert "template oops.md.j2 line 3 failed: ZeroDivisionError: division by zero." in result.stderr
    assert "Traceback" not in result.stderr


def test_runaway_recursion_names_the_template(tmp_path: Path) -> None:
    text = "# Title\n\n{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}\n"
    result = draft(tmp_path, own_template(tmp_path, "deep", text), "deep")
    assert result.returncode == 2
    assert "template deep.md.j2 line 3 was stopped: it called a macro or recursive loop too deeply" in result.stderr


def test_a_loop_with_nothing_to_count_is_stopped_at_the_deadline(tmp_path: Path) -> None:
    # Three nested loops over the data with an empty body: no step to count, so the watchdog ends it.
    own = own_template(
        tmp_path, "slow", "{% for a in xs %}{% for b in xs %}{% for c in xs %}{% endfor %}{% endfor %}{% endfor %}\n"
    )
    with pytest.raises(AssemblyError, match=r"template slow\.md\.j2 line 1 was stopped: it ran for more than 1 second"):
        render(environment([own]), "slow", {"xs": list(range(5000))}, seconds=1)


def test_bundled_templates_still_draft_under_the_bounds(tmp_path: Path) -> None:
    out = tmp_path / "agenda.docx"
    result = run_cli(["draft", "agenda", "--meeting", "2025-01-14", "-o", str(out)], memory_mb=1024, timeout=90)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000


def zip_with(tmp_path: Path, name: str, part: str, data: bytes) -> Path:
    """A copy of base.docx whose `part` is replaced by `data` (compressed)."""
    out = tmp_path / name
    with zipfile.ZipFile(BASE) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == part else src.read(info.filename))
    return out


def test_a_style_file_with_millions_of_xml_elements_is_refused_naming_it(tmp_path: Path) -> None:
    body = b"<w:p/>" * 1_500_000
    original = zipfile.ZipFile(BASE).read("word/document.xml")
    start = original.index(b"<w:body>") + len(b"<w:body>")
    bomb = zip_with(tmp_path, "bomb.docx", "word/document.xml", original[:start] + body + original[start:])
    assert bomb.stat().st_size < 100_000
    result = run_cli(["templates", "--style", str(bomb)], memory_mb=1024, timeout=90)
    assert result.returncode == 1, result.stderr[-2000:]
    assert f"the style file {bomb} holds more than 1,000,000 XML elements (stopped at word/document.xml)" in (
        result.stdout
    )


def test_a_style_file_part_too_big_uncompressed_is_refused_naming_it(tmp_path: Path) -> None:
    original = zipfile.ZipFile(BASE).read("word/styles.xml")
    bomb = zip_with(tmp_path, "wide.docx", "word/styles.xml", original + b" " * (docx_writer.MAX_XML_BYTES + 1))
    result = run_cli(
        ["draft", "agenda", "--meeting", "2025-01-14", "--style", str(bomb), "-o", str(tmp_path / "x.docx")],
        memory_mb=1024,
        timeout=90,
    )
    assert result.returncode == 2
    assert f"the style file {bomb} has a part word/styles.xml of" in result.stderr
    assert "the most is 16,777,216" in result.stderr


def test_an_ordinary_style_file_still_works(tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    shutil.copy(BASE, copy)
    docx_writer.check_package(copy)  # no error
    assert "Body Text" in docx_writer.style_kinds(copy)


def test_a_huge_template_file_is_refused_naming_it(tmp_path: Path) -> None:
    own = own_template(tmp_path, "huge", "# Title\n\n" + "word " * 300_000)
    result = run_cli(["templates", "--templates", str(own)], timeout=60)
    assert result.returncode == 2
    assert f"the template file {own / 'huge.md.j2'} is 1,500,009 bytes; the most is 1,048,576." in result.stderr
