"""The ack path: the real app acknowledges before any answer work, answers on a bounded pool, and a refused event
is answered when Slack delivers it again. Also: a settled engine holder frees the engine a reload replaced."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.slack.errors import BUSY
from bot.slack.reload import EngineHolder
from knowledge.loader import load_knowledge_base
from tests.bot.slack_harness import GatedEngine, RunningApp, TrackingExecutor, mention, start_app
from tests.bot.slack_stub import SlackStub
from tests.conftest import MINI, write_kb

WAIT = 10.0


@pytest.fixture
def stub() -> Iterator[SlackStub]:
    with SlackStub() as running:
        yield running


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    return write_kb(tmp_path / "kb", MINI)


def gated_app(
    stub: SlackStub, kb_dir: Path, tmp_path: Path, workers: int, queue: int
) -> tuple[RunningApp, GatedEngine]:
    holder = EngineHolder(kb_dir)
    gated = GatedEngine(holder.engine)
    holder.engine = gated  # type: ignore[assignment]
    app = start_app(stub, kb_dir, tmp_path / "state.db", holder=holder, executor=TrackingExecutor(workers, queue))
    return app, gated


def test_a_mention_is_acknowledged_while_its_answer_is_still_being_worked_out(
    stub: SlackStub, kb_dir: Path, tmp_path: Path
) -> None:
    app, gated = gated_app(stub, kb_dir, tmp_path, workers=2, queue=10)
    try:
        assert app.send_event(mention("who leads action 1", ts="1.000001"), event_id="EvA") == 200
        assert app.send_event(mention("who leads action 1", ts="1.000002"), event_id="EvB") == 200
        assert gated.asked.acquire(timeout=WAIT) and gated.asked.acquire(timeout=WAIT)  # both answers under way
        assert stub.calls("chat.postMessage") == []  # acknowledged, nothing answered yet
        gated.gate.set()
        posted = stub.wait_for("chat.postMessage", count=2)
        assert sorted(c.params["thread_ts"] for c in posted) == ["1.000001", "1.000002"]
        assert all("Ann Lead" in c.params["text"] for c in posted)
    finally:
        gated.gate.set()
        app.close()


def test_a_full_pool_refuses_an_event_and_answers_its_redelivery_once(
    stub: SlackStub, kb_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app, gated = gated_app(stub, kb_dir, tmp_path, workers=1, queue=0)
    try:
        assert app.send_event(mention("who leads action 1", ts="2.000001"), event_id="EvRun") == 200
        assert gated.asked.acquire(timeout=WAIT)  # the one worker is busy
        assert app.executor.limit == 3  # 1 answer thread, 2 for listeners that acknowledge themselves, no queue
        for i in (2, 4):
            assert app.send_event(mention("who leads action 1", ts=f"2.00000{i}"), event_id=f"EvQueued{i}") == 200
        refused = mention("who leads action 1", ts="2.000003")
        assert app.send_event(refused, event_id="EvRefused") == 500  # pool full: Slack will deliver it again
        assert "too busy to answer" in caplog.text and "Traceback" not in caplog.text
        gated.gate.set()
        app.idle()
        retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
        assert app.send_event(refused, event_id="EvRefused", headers=retry) == 200
        assert app.send_event(refused, event_id="EvRefused", headers=retry) == 200  # and again: answered once
        app.idle()
        posted = stub.calls("chat.postMessage")
        assert sorted(c.params["thread_ts"] for c in posted) == ["2.000001", "2.000002", "2.000003", "2.000004"]
        assert not any("went wrong" in c.params["text"].lower() for c in posted)  # no apology posted
    finally:
        gated.gate.set()
        app.close()


def test_a_full_pool_tells_a_slash_command_user_the_bot_is_busy(stub: SlackStub, kb_dir: Path, tmp_path: Path) -> None:
    app, gated = gated_app(stub, kb_dir, tmp_path, workers=1, queue=0)
    try:
        for i in range(app.executor.limit):  # one answer running, the rest waiting: the pool is full
            assert app.send_event(mention("who leads action 1", ts=f"3.{i:06d}"), event_id=f"EvFull{i}") == 200
        assert gated.asked.acquire(timeout=WAIT)
        status, _ = app.send_command("who leads action 1", response="busy")
        assert status == 500
        (reply,) = stub.wait_for("response/busy")
        assert reply.params["text"] == BUSY and reply.params["response_type"] == "ephemeral"
    finally:
        gated.gate.set()
        app.close()


def test_a_settled_holder_frees_the_engine_a_reload_replaced(kb_dir: Path) -> None:
    try:
        holder = EngineHolder(kb_dir, load=load_knowledge_base, settle=True)
        assert gc.get_freeze_count() > 0  # the engine is out of the collector's work
        old = weakref.ref(holder.engine)
        cycle: list[object] = []
        cycle.append(cycle)
        holder.engine._cycle = cycle  # type: ignore[attr-defined]  # a cycle only the cyclic collector frees
        cycle.append(holder.engine)
        del cycle
        (kb_dir / "plans" / "alpha.yaml").write_text(
            (kb_dir / "plans" / "alpha.yaml").read_text().replace("Review the foster", "Check the foster")
        )
        assert holder.reload() is True
        assert old() is None  # frozen, yet collected once the reload replaced it
        assert holder.engine.kb.actions()[0].text.startswith("Check the foster")
    finally:
        gc.unfreeze()


def test_a_slash_command_is_acknowledged_while_answers_fill_the_pool(
    stub: SlackStub, kb_dir: Path, tmp_path: Path
) -> None:
    app, gated = gated_app(stub, kb_dir, tmp_path, workers=1, queue=5)
    try:
        assert app.send_event(mention("who leads action 1", ts="4.000001"), event_id="EvBusy1") == 200
        assert gated.asked.acquire(timeout=WAIT)  # the answer worker is held
        assert app.send_event(mention("who leads action 1", ts="4.000002"), event_id="EvBusy2") == 200  # waiting
        status, body = app.send_command("who leads action 1", response="cmd")
        assert (status, body) == (200, "")  # acknowledged, not queued behind the answers
        assert gated.asked.acquire(timeout=WAIT)  # the command's own answer is under way on its own thread
        assert stub.calls("chat.postMessage") == [] and stub.calls("response/cmd") == []
        gated.gate.set()
        (reply,) = stub.wait_for("response/cmd")
        assert "Ann Lead" in reply.params["text"]
        assert len(stub.wait_for("chat.postMessage", count=2)) == 2
    finally:
        gated.gate.set()
        app.close()


def test_an_answer_starts_only_when_no_request_is_being_acknowledged() -> None:
    """Acks first: an answer queued while a request is being acknowledged waits for that acknowledgement (a burst
    of mentions otherwise has every ack wait behind answer work for the interpreter lock)."""
    import threading
    import time

    from bot.slack.workers import AckGate, AnswerPool

    gate = AckGate()
    pool = AnswerPool(workers=1, queue=4, gate=gate)
    order: list[str] = []
    try:
        with gate.acking():
            future = pool.submit(lambda: order.append("answer"))
            time.sleep(0.005)  # well under the bound: the answer is still waiting
            order.append("acked")
        future.result(timeout=WAIT)
        assert order == ["acked", "answer"]
        # the wait is bounded: a request that never finishes acknowledging does not starve the answers
        hold = threading.Event()
        with gate.acking():
            started = time.monotonic()
            pool.submit(hold.set).result(timeout=WAIT)
            assert hold.is_set() and time.monotonic() - started < WAIT
    finally:
        pool.shutdown()


def test_the_http_server_holds_the_gate_while_it_acknowledges(stub: SlackStub, kb_dir: Path, tmp_path: Path) -> None:
    from bot.slack import workers

    seen: list[bool] = []
    real = workers.GATE.acking

    def watching():  # the server's request thread enters the gate around each signed POST
        seen.append(True)
        return real()

    workers.GATE.acking = watching  # type: ignore[method-assign]
    try:
        app = start_app(stub, kb_dir, tmp_path / "state.db")
        try:
            assert app.send_event(mention("who leads action 7a?")) == 200
        finally:
            app.close()
    finally:
        del workers.GATE.acking
    assert seen == [True]
