"""A pickle cache of the loaded knowledge base, keyed on the files' contents."""

from __future__ import annotations

import _thread  # threading's Lock itself, without importing threading (every `ask` unpickles a Papers)
import contextlib
import os
import pickle
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge import collector, loader
from knowledge.models import KnowledgeBase, Paper

try:  # the digest hashlib.blake2b is, without hashlib loading OpenSSL's bindings (milliseconds of every start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without its own BLAKE2
    from hashlib import blake2b

if TYPE_CHECKING:
    from knowledge.engine import Engine
    from knowledge.passages import PassageIndex

CACHE_ENV = "ACTIONBOT_CACHE"
MAX_MB_ENV = "ACTIONBOT_CACHE_MAX_MB"
DEFAULT_MAX_MB = 256
TMP_MAX_AGE = 600  # seconds: a .tmp file this old is left by a write that died (a live write takes seconds)
_CODE = (Path(loader.__file__), Path(__file__).with_name("models.py"), Path(__file__).with_name("dates.py"))


def cache_dir() -> Path | None:
    """Where cached knowledge bases live; None when ACTIONBOT_CACHE=off."""
    env = os.environ.get(CACHE_ENV)
    if env == "off":
        return None
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "actionbot"


def max_bytes(env: Mapping[str, str] | None = None) -> int:
    """The cache directory's byte budget: ACTIONBOT_CACHE_MAX_MB mebibytes (default 256).

    Raises ValueError naming the variable when it is not a number of mebibytes (0 or more).
    """
    raw = (os.environ if env is None else env).get(MAX_MB_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_MB * 2**20
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value < float("inf"):
        raise ValueError(f"{MAX_MB_ENV}={raw!r} is not a number of mebibytes (0 or more)")
    return int(value * 2**20)


def content_key(root: Path, contents: dict[Path, bytes], code: tuple[Path, ...] = ()) -> str:
    """A digest of every file's name and bytes, and of the loader's own code (and `code`).

    Code is known by each module's name, size and modification time (to the nanosecond), not its bytes:
    any edit or reinstall changes those, and `actionbot ask` does not read and hash every module to start.
    """
    digest = blake2b(digest_size=20)
    for module in (*_CODE, *code):
        stat = module.stat()
        digest.update(f"{module.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    for path in sorted(contents):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(len(contents[path]).to_bytes(8, "little") + contents[path])
    return digest.hexdigest()


def load(root: str | Path | None = None) -> KnowledgeBase:
    """Load the knowledge base, from the cache when no file has changed since it was written.

    Raises KnowledgeError as `loader.load_knowledge_base` does.
    """
    root = Path(root) if root is not None else loader.default_root()
    directory = cache_dir()
    if directory is None or not root.is_dir():
        return loader.load_knowledge_base(root)
    contents = loader.read_files(root)
    key = content_key(root, contents)
    slot = directory / f"kb-{blake2b(str(root.resolve()).encode(), digest_size=8).hexdigest()}.pickle"
    cached = _read(slot, key)
    if cached is not None:
        return cached
    kb = loader.build(root, contents)
    _write(slot, key, kb)
    prune(directory, keep=_group(slot.name))
    return kb


def load_engine(root: str | Path | None = None) -> Engine:
    """A ready Engine for the knowledge base: the cached one when no file (and no engine code) has changed.

    Building the Engine's indexes costs more than loading the knowledge base, so the cache keeps the
    built Engine; its passage index is kept in a file of its own (PassageStore), read (or built and written)
    when a question first needs passages. Raises KnowledgeError.
    """
    from knowledge.engine import Engine

    root = Path(root) if root is not None else loader.default_root()
    directory = cache_dir()
    if directory is None or not root.is_dir():
        return Engine(loader.load_knowledge_base(root))
    contents = loader.read_files(root)
    key = content_key(root, contents, _engine_code())
    slot = directory / f"engine-{blake2b(str(root.resolve()).encode(), digest_size=8).hexdigest()}.pickle"
    cached = _read(slot, key, Engine)
    if cached is not None:
        return cached
    engine = Engine(loader.build(root, contents))
    engine.passage_store = PassageStore(slot.with_name(f"{slot.stem}-passages.pickle"), key)
    papers = slot.with_name(f"{slot.stem}-papers.pickle")
    _write(papers, key, engine.kb.papers)  # first: the engine's file names this one
    _write(slot, key, _without_papers(engine, Papers(papers, key, root)))
    prune(directory, keep=_group(slot.name))
    return engine


def _without_papers(engine: Engine, papers: Papers) -> Engine:
    """A shallow copy of `engine` whose knowledge base has `papers` in place of its papers, for pickling."""
    import copy
    import dataclasses

    stand_in = copy.copy(engine)
    stand_in.kb = dataclasses.replace(engine.kb, papers=papers)  # type: ignore[arg-type]
    return stand_in


class Papers(Mapping):
    """A cached Engine's papers, read from their own file when first used: most questions quote no passage.

    The papers (and their passages) are most of a cached Engine's bytes. The Engine's file holds this
    mapping in their place; it reads the papers' file on first use and checks that it was written with the
    same key, and otherwise (replaced or removed since) reads the papers from the knowledge base itself.
    """

    def __init__(self, slot: Path, key: str, root: Path) -> None:
        self._slot, self._key, self._root = slot, key, root
        self._papers: dict[str, Paper] | None = None
        self._lock = _thread.allocate_lock()

    @property
    def loaded(self) -> bool:
        return self._papers is not None

    def _all(self) -> dict[str, Paper]:
        papers = self._papers
        if papers is None:
            with self._lock:
                if self._papers is None:
                    found = _read(self._slot, self._key, dict)
                    self._papers = found if found is not None else loader.load_knowledge_base(self._root).papers
                papers = self._papers
        return papers

    def __getitem__(self, paper_id: str) -> Paper:
        return self._all()[paper_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __repr__(self) -> str:
        return f"Papers({self._slot.name}, {'loaded' if self.loaded else 'not read yet'})"

    def __reduce__(self) -> tuple:
        return (Papers, (self._slot, self._key, self._root))

    def adopt(self, papers: dict[str, Paper]) -> None:
        """Take `papers` (read with the same key, e.g. with the passage index) as these, unless already read."""
        with self._lock:
            if self._papers is None:
                self._papers = papers


class PassageStore:
    """A cached Engine's passage index, in a file of its own: read when a question first needs passages.

    Building the index (tokenising and classifying every passage) costs most of a passage question's time
    in a fresh process; reading it back costs a fraction. The file is written when the index is first built,
    with the Engine's key, and holds the papers too (the passages are most of their bytes), so a passage
    question reads one file. A file missing, unreadable or written with another key is not used: the index is
    built again (and the file rewritten).
    """

    def __init__(self, slot: Path, key: str) -> None:
        self._slot, self._key = slot, key

    def read(self, papers: Mapping[str, Paper]) -> PassageIndex | None:
        """The stored index when written with this key, its papers handed to `papers` if that is a Papers."""
        from knowledge.passages import PassageIndex

        index = _read(self._slot, self._key, PassageIndex)
        if index is None or not isinstance(index.papers, dict):
            return None
        if isinstance(papers, Papers):
            papers.adopt(index.papers)
            index.papers = papers
        return index

    def write(self, index: PassageIndex) -> None:
        import copy

        stand_in = copy.copy(index)
        stand_in.papers = dict(index.papers)  # the papers themselves, not a Papers naming their file
        _write(self._slot, self._key, stand_in)
        prune(self._slot.parent, keep=_group(self._slot.name))

    def __repr__(self) -> str:
        return f"PassageStore({self._slot.name})"

    def __reduce__(self) -> tuple:
        return (PassageStore, (self._slot, self._key))


def _engine_code() -> tuple[Path, ...]:
    """Every module of the knowledge package: a change to any index or answer code changes the key."""
    package = Path(__file__).parent
    return tuple(package / name for name in sorted(os.listdir(package)) if name.endswith(".py"))


def _read(slot: Path, key: str, kind: type = KnowledgeBase) -> Any:
    try:
        # unpickling makes many objects and no garbage: the cyclic collector would only slow it down
        with collector.paused(), slot.open("rb") as fh:
            stored_key, kb = pickle.load(fh)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, TypeError) as exc:
        _warn("ignoring unreadable knowledge-base cache %s: %s", slot, exc)
        return None
    return kb if stored_key == key and isinstance(kb, kind) else None


def _write(slot: Path, key: str, kb: object) -> None:
    import tempfile  # only when the cache is (re)written

    try:
        slot.parent.mkdir(parents=True, exist_ok=True)
        # named after the slot, so that prune() knows the file for the cache's own (and no other program's)
        with tempfile.NamedTemporaryFile(
            "wb", dir=slot.parent, delete=False, prefix=f"{slot.name}.", suffix=".tmp"
        ) as fh:
            try:
                pickle.dump((key, kb), fh, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                fh.close()
                with contextlib.suppress(OSError):  # else prune() removes it once it is old
                    os.unlink(fh.name)
                raise
        os.replace(fh.name, slot)
    except OSError as exc:
        _warn("could not write the knowledge-base cache %s: %s", slot, exc)


def prune(directory: Path, keep: str | None = None) -> None:
    """Keep the cache directory within its budget (max_bytes()); called after the cache writes, never on a read.

    Removes the cache's .tmp files older than TMP_MAX_AGE (left by a write that died; a younger one may be
    another process's write in progress), then, while the slot files total more than the budget, whole
    groups (a `<kind>-<h>` stem: an engine with its -papers and -passages files) least recently used first,
    never `keep` (the group just written). A group was last used at the newest access or modification time
    of its files: reading costs nothing more, as the file system records the access itself (under relatime,
    at least daily; under noatime never, and the order is then the order of writing). Files of other
    programs are never touched. A file already gone (another process pruning at the same time) is no error;
    any other failure (permissions) is logged and never raised: the cache is an optimisation.
    """
    try:
        _prune(directory, keep)
    except Exception as exc:  # pruning must never fail the load that wrote the cache
        _warn("could not prune the knowledge-base cache %s: %s", directory, exc)


def _prune(directory: Path, keep: str | None) -> None:
    import time

    try:
        budget = max_bytes()
    except ValueError as exc:
        _warn("%s; using the default, %d", exc, DEFAULT_MAX_MB)
        budget = DEFAULT_MAX_MB * 2**20
    now = time.time()
    groups: dict[str, list[tuple[Path, os.stat_result]]] = {}
    with os.scandir(directory) as entries:
        for entry in entries:
            try:
                if not entry.is_file(follow_symlinks=False):
                    continue
                status = entry.stat(follow_symlinks=False)
            except FileNotFoundError:
                continue
            name = entry.name
            if _is_tmp(name):
                if now - status.st_mtime > TMP_MAX_AGE:
                    _remove(Path(entry.path))
                continue
            group = _group(name)
            if group is not None:
                groups.setdefault(group, []).append((Path(entry.path), status))
    total = sum(status.st_size for files in groups.values() for _, status in files)
    if total <= budget:
        return
    candidates = sorted(
        (files for group, files in groups.items() if group != keep),
        key=lambda files: max(max(status.st_atime, status.st_mtime) for _, status in files),
    )
    for files in candidates:
        if total <= budget:
            break
        if not _unchanged(files):
            continue  # written again since the scan: in use
        for path, status in files:
            if _remove(path):
                total -= status.st_size


def _unchanged(files: list[tuple[Path, os.stat_result]]) -> bool:
    """True when no file of a group has been rewritten since it was scanned (a vanished one counts as unchanged)."""
    for path, status in files:
        try:
            if path.stat().st_mtime_ns != status.st_mtime_ns:
                return False
        except FileNotFoundError:
            continue
    return True


def _remove(path: Path) -> bool:
    """Remove `path`, True when it is gone: already gone (another process pruning) is fine, and any other
    failure (permissions) is logged."""
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        _warn("could not remove %s from the knowledge-base cache: %s", path, exc)
        return False
    return True


def _group(name: str) -> str | None:
    """The group a slot file belongs to (`kb-<h>`, `engine-<h>`), or None for a file that is not a slot."""
    if not name.endswith(".pickle"):
        return None
    kind, _, rest = name[: -len(".pickle")].partition("-")
    digest, _, part = rest.partition("-")
    if kind not in ("kb", "engine") or len(digest) != 16 or part not in ("", "papers", "passages"):
        return None
    return f"{kind}-{digest}" if all(c in "0123456789abcdef" for c in digest) else None


def _is_tmp(name: str) -> bool:
    """True for a temporary file the cache writes: `<slot>.pickle.XXXXXXXX.tmp`, or tempfile's own name,
    `tmpXXXXXXXX.tmp`, which versions before this one used."""
    if not name.endswith(".tmp"):
        return False
    slot, dot, _ = name.partition(".pickle.")
    if dot:
        return _group(slot + ".pickle") is not None
    return len(name) == 15 and name.startswith("tmp")


def _warn(message: str, *args: object) -> None:
    """Log a warning; logging is imported only when there is one (`actionbot ask` otherwise never imports it)."""
    import logging

    logging.getLogger(__name__).warning(message, *args)
