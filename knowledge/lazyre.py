"""Regular expressions compiled when first used: a module's pattern constants cost nothing at import.

`actionbot ask` is a process a user waits for. Compiling every pattern of every module it imports (some 150,
most of them for other kinds of question than the one asked, or for reading plans, which a cached start
never does) was a fifth of its time. `lazy(...)` stands where `re.compile(...)` stood: the pattern is
compiled the first time one of its methods is used, once per process, and from then on its methods are found
in the object's own attributes, as directly as a compiled pattern's (nothing is looked up or compiled per
call). A long-running process (`actionbot serve`) calls `compile_all()` at start so that no first question
pays for it.
"""

from __future__ import annotations

import re
from typing import Any

# the compiled pattern's methods, bound to it and kept on the LazyPattern at first use
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")
_EVERY: list[LazyPattern] = []


class LazyPattern:
    """A regular expression compiled on first use; then its methods are the compiled pattern's own."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if this is its first use)."""
        compiled = self._compiled
        if compiled is None:
            compiled = re.compile(self.pattern, self._flags)
            for name in _METHODS:  # two threads may both get here: they set the same methods of equal patterns
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:
        # reached only for attributes not set yet: a method before the first use, or flags, groups, groupindex
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (lazy, (self.pattern, self._flags))

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """`re.compile(pattern, flags)`, done when the pattern is first used."""
    made = LazyPattern(pattern, flags)
    _EVERY.append(made)
    return made


def compile_all() -> int:
    """Compile every lazy pattern made so far (by the modules imported so far); returns how many there are."""
    for made in list(_EVERY):
        made.compiled()
    return len(_EVERY)
