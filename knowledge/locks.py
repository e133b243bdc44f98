"""Exclusive file locks across threads and processes, on POSIX and Windows: the one module importing filelock.

Why filelock rather than fcntl.flock: fcntl does not exist on Windows, so importing it made every
command fail there at start-up; filelock uses flock on POSIX and msvcrt locking on Windows, is widely
used (pip, virtualenv, tox) and kept up to date. A lock held by a process that dies is released by
the operating system on both.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, SoftFileLock, Timeout

__all__ = ["Busy", "exclusive"]
# A real (OS) lock keeps its file: unlinking it on release would let a later locker lock a new inode
# while an earlier waiter still holds the old one. The soft fallback (no fcntl or msvcrt) releases by unlinking.
_KEEP_FILE = not issubclass(FileLock, SoftFileLock)


class Busy(Exception):
    """The lock is held by someone else and the caller asked not to wait."""


@contextlib.contextmanager
def exclusive(path: Path, wait: bool = True) -> Iterator[None]:
    """Hold an exclusive lock on the file `path` (created if missing, kept afterwards) for the block.

    With `wait` False, raises Busy at once when another thread or process holds it.
    """
    lock = FileLock(
        str(path),
        timeout=-1 if wait else 0,
        thread_local=False,
        poll_interval=0.005,
        preserve_lock_file=_KEEP_FILE,
    )
    try:
        lock.acquire()
    except Timeout:
        raise Busy(str(path)) from None
    try:
        yield
    finally:
        lock.release()
