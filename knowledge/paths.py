"""Paths built from data (ids, names in files) must stay inside the directory they are meant for."""

from __future__ import annotations

from pathlib import Path


class OutsideRoot(ValueError):
    """A path built from data would leave its root directory."""


def inside(root: Path, *parts: str) -> Path:
    """`root` joined with `parts`, refusing any result that resolves outside `root`.

    Every path the program builds from data (a plan id, a template name) goes through here, so an id
    such as "../../tmp/x", an absolute path or a symlink pointing elsewhere cannot make it read or
    write outside its root. Raises OutsideRoot naming the offending part.
    """
    base = Path(root).resolve()
    path = base.joinpath(*parts).resolve()
    if path != base and base not in path.parents:
        raise OutsideRoot(f"{'/'.join(parts)!r} would lead outside {root}")
    return path
