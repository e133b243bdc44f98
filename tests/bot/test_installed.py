"""A real, non-editable install: no command writes a file under the installed package (site-packages)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.subproc import ROOT

_MAIN = "import sys; from bot.cli import main; sys.exit(main(sys.argv[1:]))"


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under root with its size and modification time."""
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built as a wheel and installed with pip into a directory of its own (as site-packages)."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(".venv", ".git", "tests", "bench", "build", "*.egg-info", "__pycache__", ".*"),
    )
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    built = subprocess.run([*pip, "wheel", "--no-deps", "-w", str(work / "wheel"), str(source)], capture_output=True)
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel here (pip needs setuptools from the index): {built.stderr[-300:]!r}")
    wheel = next((work / "wheel").glob("actionbot-*.whl"))
    site = work / "site-packages"
    done = subprocess.run([*pip, "install", "--no-deps", "--no-index", "--target", str(site), str(wheel)])
    assert done.returncode == 0
    return site


def run(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(site),  # the installed copy; the dependencies come from this interpreter's environment
        "HOME": str(cwd / "home"),
        "XDG_DATA_HOME": "",
        "XDG_CACHE_HOME": "",
    }
    for name in ("ACTIONBOT_DATA", "ACTIONBOT_CACHE", "ACTIONBOT_KB", "ACTIONBOT_STATE"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-c", _MAIN, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_no_command_writes_under_the_installed_package(installed: Path, tmp_path: Path) -> None:
    bundled = installed / "knowledge" / "data"
    assert (bundled / "plans").is_dir()  # the wheel carries the demo knowledge base
    before = snapshot(installed)
    refused = run(installed, tmp_path, "update", "county", "12", "--note", "Reviewer appointed", "--by", "Pam Rosseter")
    assert refused.returncode == 2
    assert "read-only demo data" in refused.stderr and "--kb DIR" in refused.stderr
    imported = run(installed, tmp_path, "import", str(tmp_path / "missing.csv"), "--plan", "x")
    assert imported.returncode != 0
    for args in (["check"], ["ask", "who leads action 7b?"], ["remind", "--dry-run", "--today", "2020-01-20"]):
        result = run(installed, tmp_path, *args)
        assert result.returncode == 0, (args, result.stderr)
    assert run(installed, tmp_path, "doctor").returncode == 0
    assert run(installed, tmp_path, "init-kb", str(tmp_path / "mykb")).returncode == 0
    mine = run(
        installed,
        tmp_path,
        *("update", "county", "12", "--note", "Reviewer appointed", "--by", "Pam Rosseter", "--kb", "mykb"),
    )
    assert mine.returncode == 0, mine.stderr
    assert "Reviewer appointed" in (tmp_path / "mykb" / "updates" / "county-iicsa.yaml").read_text()
    assert snapshot(installed) == before
    assert not (bundled / "updates" / "county-iicsa.yaml").exists()
    assert (tmp_path / "home" / ".local" / "share" / "actionbot").is_dir()  # doctor made the data directory there
