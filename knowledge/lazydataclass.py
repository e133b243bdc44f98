"""Frozen dataclasses whose generated methods are made the first time the class is used, not at import.

`@dataclass` writes each class's `__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__` and `__delattr__`
as source text and compiles it with `exec` when the class statement runs: some 80 microseconds a method, and
bytecode caching cannot keep it. `actionbot ask` imports dozens of frozen dataclasses (knowledge.models alone
has 23, some 14 ms of every start), yet answering from the cache only unpickles most of them: unpickling sets
an object's `__dict__` without calling any of those methods.

`@frozen_dataclass` stands where `@dataclass(frozen=True)` stood and gives the very same class, by running
`dataclass(frozen=True)` on it, but only when something first needs what it makes: constructing an instance,
comparing, hashing or printing one, setting or deleting an attribute, or asking the class for its fields
(`dataclasses.fields`, `replace`, `is_dataclass`, `asdict`, a `match` on its positional fields). Until then
each of those names holds a stand-in that makes the class real and calls (or returns) the real thing.
`realise_all()` does every pending class at once (a long-running process can call it at start).
"""

from __future__ import annotations

import _thread  # threading's lock itself, without importing threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

T = TypeVar("T", bound=type)

# what dataclass(frozen=True) sets on a class that (in these classes) is not already written in its body
_METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")
_ATTRIBUTES = ("__dataclass_fields__", "__dataclass_params__", "__match_args__")

_LOCK = _thread.RLock()  # re-entrant: making a class real can make its dataclass bases real first
# each pending class and the stand-ins put on it (removed before dataclass runs, which must not see them)
_PENDING: dict[type, tuple[str, ...]] = {}


def realise(cls: type) -> None:
    """Run `dataclass(frozen=True)` on `cls` now, if it is still pending (once, whichever thread asks)."""
    with _LOCK:
        standins = _PENDING.pop(cls, None)
        if standins is None:
            return
        for name in standins:
            delattr(cls, name)
        dataclass(frozen=True)(cls)


def realise_all() -> None:
    """Make every pending class real."""
    with _LOCK:
        for cls in list(_PENDING):
            realise(cls)


def _method(cls: type, name: str) -> Callable[..., Any]:
    def standin(self: Any, *args: Any, **kwargs: Any) -> Any:
        realise(cls)
        return getattr(cls, name)(self, *args, **kwargs)

    standin.__name__ = standin.__qualname__ = name
    return standin


class _Attribute:
    """A class attribute dataclass sets, standing in until the class is made real."""

    def __init__(self, cls: type, name: str) -> None:
        self.cls = cls
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        realise(self.cls)
        return getattr(self.cls if owner is None else owner, self.name)


def _frozen_dataclass(cls: T) -> T:
    """`@dataclass(frozen=True)`, run the first time the class is used (see the module's docstring)."""
    standins = tuple(name for name in (*_METHODS, *_ATTRIBUTES) if name not in cls.__dict__)
    with _LOCK:
        for name in standins:
            setattr(cls, name, _method(cls, name) if name in _METHODS else _Attribute(cls, name))
        _PENDING[cls] = standins
    return cls


if TYPE_CHECKING:  # to a type checker it is what it stands for
    frozen_dataclass = dataclass(frozen=True)
else:
    frozen_dataclass = _frozen_dataclass
