"""The cache directory stays within its budget: pruned when the cache writes, never when it reads (issue 13)."""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

import pytest

from knowledge import cache
from tests.conftest import MINI, write_kb

MIB = 2**20
HOUR = 3600


@pytest.fixture
def directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache"
    path.mkdir()
    monkeypatch.setenv(cache.CACHE_ENV, str(path))
    monkeypatch.delenv(cache.MAX_MB_ENV, raising=False)
    return path


def put(directory: Path, name: str, size: int = MIB, age: float = HOUR, read_age: float | None = None) -> Path:
    """A file of `size` bytes last written `age` seconds ago and last read `read_age` seconds ago (default: then)."""
    path = directory / name
    path.write_bytes(b"x" * size)
    now = time.time()
    os.utime(path, (now - (age if read_age is None else read_age), now - age))
    return path


def names(directory: Path) -> set[str]:
    return {path.name for path in directory.iterdir()}


def engine_group(directory: Path, digest: str, age: float, read_age: float | None = None) -> set[str]:
    files = {f"engine-{digest}.pickle", f"engine-{digest}-papers.pickle", f"engine-{digest}-passages.pickle"}
    for name in files:
        put(directory, name, age=age, read_age=read_age)
    return files


def test_over_budget_the_least_recently_used_groups_go_whole_and_the_one_just_written_stays(
    directory: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    oldest = engine_group(directory, "a" * 16, age=9 * HOUR)  # 3 MiB
    older = {put(directory, f"kb-{'b' * 16}.pickle", age=8 * HOUR).name}  # 1 MiB
    # written long ago but read an hour ago: more recently used than `oldest` and `older`
    read = engine_group(directory, "c" * 16, age=10 * HOUR, read_age=HOUR)  # 3 MiB
    newer = {put(directory, f"kb-{'d' * 16}.pickle", age=2 * HOUR).name}  # 1 MiB
    written = {put(directory, f"kb-{'e' * 16}.pickle", age=11 * HOUR).name}  # 1 MiB, the oldest of all
    foreign = {put(directory, "notes.txt", size=8 * MIB, age=99 * HOUR).name, put(directory, "engine-x.pickle").name}
    monkeypatch.setenv(cache.MAX_MB_ENV, "5.5")  # 9 MiB of slots: 4 MiB must go
    cache.prune(directory, keep=f"kb-{'e' * 16}")
    assert names(directory) == read | newer | written | foreign
    assert not (oldest | older) & names(directory)  # the two least recently used groups, each whole


def test_within_budget_nothing_goes(directory: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = engine_group(directory, "a" * 16, age=99 * HOUR) | {put(directory, f"kb-{'b' * 16}.pickle").name}
    monkeypatch.setenv(cache.MAX_MB_ENV, "4")
    cache.prune(directory, keep=None)
    assert names(directory) == kept


def test_a_load_that_writes_prunes_and_keeps_what_it_wrote(directory: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = engine_group(directory, "a" * 16, age=HOUR) | {put(directory, f"kb-{'b' * 16}.pickle").name}
    monkeypatch.setenv(cache.MAX_MB_ENV, "0")
    root = write_kb(directory.parent / "kb", MINI)
    engine = cache.load_engine(root)
    left = names(directory)
    assert not left & old
    (stem,) = {name.removesuffix(".pickle") for name in left if name.startswith("engine-") and "-p" not in name}
    assert left == {f"{stem}.pickle", f"{stem}-papers.pickle"}
    assert "Ann Lead" in engine.ask("who leads action 1?").text
    cache.load(root)  # the knowledge base's slot is written, and the engine's group is now over the budget
    assert {name.split("-")[0] for name in names(directory)} == {"kb"}
    assert cache.load(root).plans  # read back from the cache


def test_old_temporary_files_go_and_fresh_ones_stay(directory: Path, mini_kb_dir: Path) -> None:
    fresh = {
        put(directory, f"engine-{'a' * 16}.pickle.k2j4h5l6.tmp", age=5).name,  # another process writing now
        put(directory, "tmpab_cd9ef.tmp", age=60).name,
    }
    stale = {
        put(directory, f"engine-{'a' * 16}-passages.pickle.q1w2e3r4.tmp", age=HOUR).name,  # a write that died
        put(directory, "tmpzz12xy34.tmp", age=HOUR).name,  # left by a write before the cache named its files
    }
    foreign = {put(directory, "other.tmp", age=99 * HOUR).name, put(directory, "tmp-not-ours.tmp", age=HOUR).name}
    cache.load(mini_kb_dir)
    left = names(directory)
    assert fresh | foreign <= left and not stale & left
    assert [name for name in left if name.startswith("kb-")]


def test_the_read_path_never_prunes(directory: Path, mini_kb_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.load(mini_kb_dir)
    cache.load_engine(mini_kb_dir)
    stale = {put(directory, "tmpzz12xy34.tmp", age=HOUR).name, *engine_group(directory, "a" * 16, age=99 * HOUR)}
    monkeypatch.setenv(cache.MAX_MB_ENV, "0")
    calls: list[object] = []
    monkeypatch.setattr(cache, "_prune", lambda *args: calls.append(args))
    monkeypatch.setattr("knowledge.loader.build", lambda *args: pytest.fail("not served from the cache"))
    assert cache.load(mini_kb_dir).plans
    engine = cache.load_engine(mini_kb_dir)
    assert "Ann Lead" in engine.ask("who leads action 1?").text
    assert calls == [] and stale <= names(directory)


def test_a_failure_to_prune_does_not_fail_the_load(
    directory: Path, mini_kb_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied", str(directory))

    monkeypatch.setattr(cache, "_prune", refuse)
    with caplog.at_level(logging.WARNING, logger="knowledge.cache"):
        kb = cache.load(mini_kb_dir)
    assert kb.plans["alpha"].title == "Alpha Plan"
    assert "could not prune the knowledge-base cache" in caplog.text
    assert [name for name in names(directory) if name.startswith("kb-")]  # what was written stays


def test_a_file_that_cannot_be_removed_is_logged_and_the_rest_pruned(
    directory: Path, mini_kb_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    stuck = engine_group(directory, "a" * 16, age=9 * HOUR)
    other = engine_group(directory, "b" * 16, age=8 * HOUR)
    unlink = Path.unlink

    def guarded(path: Path, missing_ok: bool = False) -> None:
        if path.name.startswith("engine-" + "a" * 16):
            raise PermissionError(13, "Permission denied", str(path))
        unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", guarded)
    monkeypatch.setenv(cache.MAX_MB_ENV, "0")
    with caplog.at_level(logging.WARNING, logger="knowledge.cache"):
        assert cache.load(mini_kb_dir).plans
    left = names(directory)
    assert stuck <= left and not other & left
    assert "could not remove" in caplog.text


def test_files_removed_by_another_process_meanwhile_are_no_error(
    directory: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    engine_group(directory, "a" * 16, age=HOUR)
    checked = cache._unchanged

    def and_then_gone(files: list[tuple[Path, os.stat_result]]) -> bool:
        unchanged = checked(files)
        for path, _ in files:  # another process prunes the same group between the check and the removal
            path.unlink()
        return unchanged

    monkeypatch.setattr(cache, "_unchanged", and_then_gone)
    monkeypatch.setenv(cache.MAX_MB_ENV, "0")
    with caplog.at_level(logging.WARNING, logger="knowledge.cache"):
        cache.prune(directory)
    assert names(directory) == set() and caplog.text == ""


def test_concurrent_pruning_is_safe(
    directory: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    for n in range(40):
        engine_group(directory, f"{n:016x}", age=HOUR, read_age=HOUR - n)
    monkeypatch.setenv(cache.MAX_MB_ENV, "0")
    threads = [threading.Thread(target=cache.prune, args=(directory,)) for _ in range(4)]
    with caplog.at_level(logging.WARNING, logger="knowledge.cache"):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert names(directory) == set() and caplog.text == ""


def test_a_group_written_again_since_the_scan_is_kept(directory: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = engine_group(directory, "a" * 16, age=HOUR)
    checked = cache._unchanged

    def rewritten(group: list[tuple[Path, os.stat_result]]) -> bool:
        put(directory, group[0][0].name, age=0)  # another process writes the slot again meanwhile
        return checked(group)

    monkeypatch.setattr(cache, "_unchanged", rewritten)
    monkeypatch.setenv(cache.MAX_MB_ENV, "0")
    cache.prune(directory)
    assert names(directory) == files


def test_the_budget_setting(monkeypatch: pytest.MonkeyPatch, directory: Path, caplog: pytest.LogCaptureFixture) -> None:
    assert cache.max_bytes({}) == cache.DEFAULT_MAX_MB * MIB == 256 * MIB
    assert cache.max_bytes({cache.MAX_MB_ENV: " 0.5 "}) == MIB // 2
    assert cache.max_bytes({cache.MAX_MB_ENV: "0"}) == 0
    for bad in ("lots", "-1", "nan", "inf"):
        with pytest.raises(ValueError, match=cache.MAX_MB_ENV):
            cache.max_bytes({cache.MAX_MB_ENV: bad})
    kept = engine_group(directory, "a" * 16, age=HOUR)
    monkeypatch.setenv(cache.MAX_MB_ENV, "lots")
    with caplog.at_level(logging.WARNING, logger="knowledge.cache"):
        cache.prune(directory)  # the default budget, with a warning
    assert (
        names(directory) == kept
        and "ACTIONBOT_CACHE_MAX_MB='lots' is not a number of mebibytes (0 or more); using the default, 256"
        in caplog.text
    )


def test_slot_and_temporary_names() -> None:
    digest = "0123456789abcdef"
    for kind in ("kb", "engine"):
        assert cache._group(f"{kind}-{digest}.pickle") == f"{kind}-{digest}"
    assert cache._group(f"engine-{digest}-papers.pickle") == cache._group(f"engine-{digest}-passages.pickle")
    for name in (f"engine-{digest}-other.pickle", "kb-0123.pickle", f"kb-{digest.upper()}.pickle", "notes.pickle"):
        assert cache._group(name) is None
    assert cache._is_tmp(f"engine-{digest}-papers.pickle.a1b2c3d4.tmp") and cache._is_tmp("tmpa1b2c3d4.tmp")
    assert not cache._is_tmp("other.pickle.a1b2c3d4.tmp") and not cache._is_tmp("tmp-a-file-of-mine.tmp")


def test_doctor_warns_of_a_malformed_budget() -> None:
    from bot.cli_ops import check_configuration

    found = [f for f in check_configuration({cache.MAX_MB_ENV: "1GB"}) if f.topic == "cache budget"]
    assert [(f.level, f.text) for f in found] == [
        ("warn", "ACTIONBOT_CACHE_MAX_MB='1GB' is not a number of mebibytes (0 or more); the default, 256, is used")
    ]
    assert not [
        f for f in check_configuration({cache.MAX_MB_ENV: "64"}) if f.topic in ("cache budget", "unknown variable")
    ]
