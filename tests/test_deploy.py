"""The deployment kit: the Docker image (built when Docker works here), the compose file and the systemd unit."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bot import settings

ROOT = Path(__file__).resolve().parent.parent
IMAGE = "actionbot-test:latest"


def _final_stage(dockerfile: str) -> str:
    return dockerfile.split("\nFROM ")[-1]


def test_the_dockerfile_runs_as_a_user_with_no_compiler_in_the_final_stage() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert len(re.findall(r"^FROM ", text, flags=re.M)) == 2  # two stages
    final = _final_stage(text)
    assert re.search(r"^USER actionbot$", final, flags=re.M)
    assert "COPY --from=build /opt/actionbot /opt/actionbot" in final
    assert not re.search(r"apt-get install|gcc|build-essential|pip install", final)
    assert "/healthz" in final


def test_the_compose_file_runs_replicas_on_postgresql_and_names_only_known_variables() -> None:
    text = (ROOT / "compose.yaml").read_text()
    assert "ACTIONBOT_STATE: postgresql://" in text and "image: postgres:" in text
    assert "bot1:" in text and "bot2:" in text
    known = {v.name for v in settings.VARIABLES}
    for path in (
        ROOT / "compose.yaml",
        ROOT / "deploy" / "actionbot.service",
        ROOT / "deploy" / "actionbot.env.example",
    ):
        used = set(re.findall(r"\b((?:ACTIONBOT|SLACK)_[A-Z_]+)\b", path.read_text()))
        assert used and used <= known, (path.name, used - known)


def test_the_systemd_unit_keeps_the_code_read_only_and_reloads_on_hup() -> None:
    unit = (ROOT / "deploy" / "actionbot.service").read_text()
    for line in ("ProtectSystem=strict", "NoNewPrivileges=yes", "StateDirectory=actionbot", "User=actionbot"):
        assert line in unit
    assert "ExecReload=/bin/kill -HUP $MAINPID" in unit
    assert "Environment=ACTIONBOT_DATA=/var/lib/actionbot" in unit


def _docker_problem() -> str | None:
    if shutil.which("docker") is None:
        return "the docker command is not installed"
    try:
        info = subprocess.run(["docker", "info"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"`docker info` failed: {exc}"
    if info.returncode != 0:
        return "Docker is not usable here: " + (info.stderr.strip().splitlines() or ["docker info failed"])[-1]
    return None


def test_the_docker_image_builds_runs_as_non_root_and_has_no_compiler() -> None:
    problem = _docker_problem()
    if problem:
        pytest.skip(problem)
    built = subprocess.run(["docker", "build", "-t", IMAGE, str(ROOT)], capture_output=True, text=True, timeout=1800)
    assert built.returncode == 0, built.stderr[-2000:]
    try:
        version = subprocess.run(["docker", "run", "--rm", IMAGE, "--version"], capture_output=True, text=True)
        assert version.stdout.startswith("actionbot ")
        uid = subprocess.run(
            ["docker", "run", "--rm", "--entrypoint", "id", IMAGE, "-u"], capture_output=True, text=True
        )
        assert uid.stdout.strip() not in ("", "0")
        cc = subprocess.run(
            ["docker", "run", "--rm", "--entrypoint", "sh", IMAGE, "-c", "command -v gcc cc c++ || echo none"],
            capture_output=True,
            text=True,
        )
        assert cc.stdout.strip() == "none"
        check = subprocess.run(["docker", "run", "--rm", IMAGE, "check", "--kb", "/kb"], capture_output=True, text=True)
        assert check.returncode != 0 and "knowledge" in (check.stdout + check.stderr).lower()  # /kb is empty here
    finally:
        subprocess.run(["docker", "rmi", "-f", IMAGE], capture_output=True)
