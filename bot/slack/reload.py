"""Knowledge-base reload on SIGHUP or file change, keeping the last good engine when new files are invalid."""

from __future__ import annotations

import gc
import logging
import signal
import threading
from collections.abc import Callable
from pathlib import Path

from knowledge import cache, loader
from knowledge.engine import Engine
from knowledge.errors import KnowledgeError
from knowledge.models import KnowledgeBase

log = logging.getLogger(__name__)
Stamp = tuple[tuple[str, int, int], ...]
POLL_SECONDS = 2.0


class EngineHolder:
    """Holds the engine in use; `engine` is swapped whole, so a reader always sees one consistent knowledge base."""

    def __init__(
        self,
        root: str | Path | None = None,
        load: Callable[[Path], KnowledgeBase] = cache.load,
        *,
        settle: bool = False,
    ) -> None:
        """Load the knowledge base at `root` (default: ACTIONBOT_KB or the bundled one); raises KnowledgeError.

        settle: after each (re)load, take the engine out of the cyclic garbage collector's work (`settle_memory`);
        what `actionbot serve` does, so that no request waits for a collection of the whole knowledge base.
        """
        self.root = Path(root) if root is not None else loader.default_root()
        self._load = load
        self.settle = settle
        self._lock = threading.Lock()
        self._stamp = stamp(self.root)
        self.engine = Engine(load(self.root)).warm()  # no answer pays for an index
        if settle:
            settle_memory()
        self.last_error: str | None = None
        self.generation = 0  # how many successful reloads; see wait_for_generation
        self._changed = threading.Condition()
        self._force = False
        self._wake = threading.Event()
        self._stop = threading.Event()

    def reload(self) -> bool:
        """Load the files again; on success swap the engine and return True, else log the problems and keep serving."""
        with self._lock:
            self._stamp = stamp(self.root)
            try:
                engine = Engine(self._load(self.root)).warm()
            except (KnowledgeError, OSError) as exc:
                self.last_error = str(exc)
                log.error("knowledge base at %s not reloaded; still serving the last good one.\n%s", self.root, exc)
                return False
            self.engine = engine
            self.last_error = None
            if self.settle:
                settle_memory()  # the replaced engine is freed; the new one is left out of collections
            with self._changed:
                self.generation += 1
                self._changed.notify_all()
            log.info("knowledge base reloaded from %s: %d plans", self.root, len(engine.kb.plans))
            return True

    def health_problem(self) -> str | None:
        """None while the files in use are the ones on disk; else why not (for /healthz, without file details)."""
        if self.last_error is not None:
            return "the last knowledge-base reload failed; still serving the previous files (see the log)"
        return None

    def wait_for_generation(self, generation: int, timeout: float) -> bool:
        """Block until `generation` successful reloads happened (or timeout); returns whether they did."""
        with self._changed:
            return self._changed.wait_for(lambda: self.generation >= generation, timeout)

    def changed(self) -> bool:
        """True when any knowledge-base file was added, removed or modified since the last (re)load."""
        return stamp(self.root) != self._stamp

    def poll(self) -> bool | None:
        """Reload if the files changed: True/False as `reload`, None when nothing changed."""
        return self.reload() if self.changed() else None

    def request_reload(self) -> None:
        """Ask the watcher to reload now (what SIGHUP does); safe to call from a signal handler."""
        self._force = True
        self._wake.set()

    def watch(self, interval: float = POLL_SECONDS) -> threading.Thread:
        """Start a daemon thread that polls the files every `interval` seconds and serves reload requests."""
        thread = threading.Thread(target=self._run, args=(interval,), name="kb-watcher", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        """Stop the watcher thread."""
        self._stop.set()
        self._wake.set()

    def _run(self, interval: float) -> None:
        while not self._stop.is_set():
            self._wake.wait(interval)
            self._wake.clear()
            if self._stop.is_set():
                return
            forced, self._force = self._force, False
            try:
                self.reload() if forced else self.poll()
            except Exception:  # a bug in loading must not kill the watcher; it is logged with its traceback
                log.exception("knowledge-base watcher failed; will try again in %.0f s", interval)

    def install_sighup(self) -> bool:
        """Reload on SIGHUP (main thread, POSIX only); returns whether the handler was installed."""
        if not hasattr(signal, "SIGHUP") or threading.current_thread() is not threading.main_thread():
            return False
        signal.signal(signal.SIGHUP, lambda _signum, _frame: self.request_reload())
        return True


def settle_memory() -> None:
    """Collect garbage once, then freeze what is alive (gc.freeze): the engine is never scanned again.

    A full collection walks every container object; at 10,000 actions that is ~0.1 s with the GIL held, and it
    came every few hundred requests, stalling every thread (the 150 ms acknowledgements in bench_slack). Frozen
    objects are still freed when nothing refers to them; `gc.unfreeze()` first lets a replaced engine's cycles be
    collected by this one collection (one pause per reload, in the watcher thread).
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def stamp(root: Path) -> Stamp:
    """(path, mtime_ns, size) of every knowledge-base file: changes when any file does."""
    out = []
    if not root.is_dir():
        return ()
    for path in loader.kb_files(root):
        try:
            st = path.stat()
        except FileNotFoundError:
            continue
        out.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(out)
