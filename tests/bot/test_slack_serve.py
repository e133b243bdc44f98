"""`actionbot serve` as a real process in HTTP mode: answers mentions, reloads on SIGHUP, exits 2 on bad tokens."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import cli
from tests.bot.slack_harness import BOT_TOKEN, SECRET, event_body, mention, post, signed_headers
from tests.bot.slack_stub import SlackStub
from tests.conftest import MINI, write_kb

ROOT = Path(__file__).resolve().parents[2]
WAIT = 10.0
ACTIONBOT = (sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())")


@pytest.fixture
def stub() -> Iterator[SlackStub]:
    with SlackStub() as running:
        yield running


def serve_env(stub: SlackStub, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=stub.api_url,
        ACTIONBOT_STATE=str(tmp_path / "state.db"),
        ACTIONBOT_CACHE=str(tmp_path / "cache"),
    )
    return env


def lines_of(stream) -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in stream], daemon=True).start()
    return lines


def wait_for_line(lines: queue.Queue[str], pattern: str) -> re.Match[str]:
    seen = []
    while True:
        try:
            line = lines.get(timeout=WAIT)
        except queue.Empty:
            raise AssertionError(f"no line matching {pattern!r} within {WAIT} s; saw {seen}") from None
        seen.append(line)
        if match := re.search(pattern, line):
            return match


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX only")
def test_serve_answers_a_signed_mention_and_reloads_on_sighup(stub: SlackStub, tmp_path: Path) -> None:
    kb_dir = write_kb(tmp_path / "kb", MINI)
    proc = subprocess.Popen(
        [*ACTIONBOT, "-v", "serve", "--kb", str(kb_dir), "--port", "0"],
        cwd=ROOT,
        env=serve_env(stub, tmp_path),
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = lines_of(proc.stderr)
        port = wait_for_line(lines, r"listening on http://0\.0\.0\.0:(\d+)/slack/events").group(1)
        url = f"http://127.0.0.1:{port}/slack/events"
        body = event_body(mention("who leads action 1", ts="1.5"))
        assert post(url, body, signed_headers(body), "application/json")[0] == 200
        (reply,) = stub.wait_for("chat.postMessage")
        assert reply.params["thread_ts"] == "1.5" and "Corporate Director (Ann Lead)" in reply.params["text"]

        plan = kb_dir / "plans" / "alpha.yaml"
        plan.write_text(plan.read_text().replace("leads: [org-director]", "leads: [bob-other]"))
        proc.send_signal(signal.SIGHUP)
        wait_for_line(lines, r"knowledge base reloaded")
        body = event_body(mention("who leads action 1", ts="1.6"))
        assert post(url, body, signed_headers(body), "application/json")[0] == 200
        second = stub.wait_for("chat.postMessage", count=2)[1]
        assert second.params["thread_ts"] == "1.6" and "Bob Other" in second.params["text"]
    finally:
        proc.terminate()
        proc.wait(timeout=WAIT)


def test_serve_exits_2_when_slack_refuses_the_token(
    stub: SlackStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stub.respond_with("auth.test", {"ok": False, "error": "invalid_auth"})
    for name, value in serve_env(stub, tmp_path).items():
        monkeypatch.setenv(name, value)
    kb_dir = write_kb(tmp_path / "kb", MINI)
    assert cli.main(["serve", "--kb", str(kb_dir), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert "did not accept SLACK_BOT_TOKEN" in err and "invalid_auth" in err and "OAuth & Permissions" in err


def test_serve_exits_2_on_a_malformed_app_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_APP_TOKEN", "xoxb-not-an-app-token")
    assert cli.main(["serve"]) == 2
    assert capsys.readouterr().err.startswith("actionbot serve: SLACK_APP_TOKEN is malformed")


def test_serve_exits_2_when_the_port_is_taken(
    stub: SlackStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import socket

    for name, value in serve_env(stub, tmp_path).items():
        monkeypatch.setenv(name, value)
    previous = signal.getsignal(signal.SIGHUP) if hasattr(signal, "SIGHUP") else None
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        try:
            assert cli.main(["serve", "--kb", str(write_kb(tmp_path / "kb", MINI)), "--port", str(port)]) == 2
        finally:
            if previous is not None:
                signal.signal(signal.SIGHUP, previous)
    assert f"cannot listen on port {port}" in capsys.readouterr().err


def test_startup_errors_say_unreachable_or_token_refused() -> None:
    from bot.cli_slack import startup_error

    unreachable = startup_error(OSError("Connection refused"), "http://127.0.0.1:9/api/")
    assert unreachable.startswith("could not reach Slack at http://127.0.0.1:9/api/")
    refused = startup_error(RuntimeError("invalid_auth"), None)
    assert refused.startswith("Slack (https://slack.com/api/) did not accept SLACK_BOT_TOKEN: invalid_auth.")


def test_serve_starts_on_a_corrupt_state_file_and_says_so(stub: SlackStub, tmp_path: Path) -> None:
    (tmp_path / "state.db").write_bytes(b"\x00not sqlite\xff" * 1000)
    proc = subprocess.Popen(
        [*ACTIONBOT, "serve", "--kb", str(write_kb(tmp_path / "kb", MINI)), "--port", "0"],
        cwd=ROOT,
        env=serve_env(stub, tmp_path),
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = lines_of(proc.stderr)
        moved = wait_for_line(lines, r"state file (\S+) is not a readable SQLite database.*moved it to (\S+) ")
        assert moved.group(1) == str(tmp_path / "state.db") and Path(moved.group(2)).exists()
        port = wait_for_line(lines, r"listening on http://0\.0\.0\.0:(\d+)/slack/events").group(1)
        body = event_body(mention("who leads action 1", ts="1.7"))
        assert post(f"http://127.0.0.1:{port}/slack/events", body, signed_headers(body), "application/json")[0] == 200
        stub.wait_for("chat.postMessage")
    finally:
        proc.terminate()
        proc.wait(timeout=WAIT)
