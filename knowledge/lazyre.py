"""Regular expressions compiled when first used: a module's pattern constants cost nothing at import.

`actionbot ask` is a process a user waits for. Compiling every pattern of every module it imports (some 150,
most of them for other kinds of question than the one asked, or for reading plans, which a cached start
never does) was a fifth of its time. `lazy(...)` stands where `re.compile(...)` stood: the pattern is
compiled the first time one of its methods is used, once per process, and from then on its methods are found
in the object's own attributes, as directly as a compiled pattern's (nothing is looked up or compiled per
call). A long-running process (`actionbot serve`) calls `compile_all()` at start so that no first question
pays for it.

A short process asks most patterns only whether a question matches them, and most cannot: each pattern reads
from its own text the words every match starts with (`needs`), and one whose words the question lacks is never
compiled. A cue made of many alternatives (`lazy_alternatives`) goes further: it compiles only the alternatives
whose words the question has.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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
        self._needs: tuple[str, ...] | bool | None = False  # False: not read yet

    @property
    def needs(self) -> tuple[str, ...] | None:
        """Texts one of which any text the pattern can match holds (None: no such hint), read from the pattern
        the first time it is asked for (far cheaper than compiling it)."""
        needs = self._needs
        if needs is False:
            needs = self._needs = None if self._flags & (re.IGNORECASE | re.VERBOSE) else leading_literals(self.pattern)
        return needs  # type: ignore[return-value]

    def may_search(self, text: str) -> bool:
        """False only when `search` cannot match `text`: it holds none of the texts every match starts with. A
        question about a lead need not compile the cues of thirty other kinds of question to find they are absent."""
        needs = self.needs
        return needs is None or any(word in text for word in needs)

    def found_in(self, text: str) -> bool:
        """Whether `search` finds a match in `text` (the pattern compiled only if its hint allows one)."""
        return self.may_search(text) and self.search(text) is not None

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
        if name in _FINDING and self.needs is not None:  # answered "no match" without compiling while it can be
            guarded = _guarded(self, name)
            setattr(self, name, guarded)  # until compiled() sets the compiled pattern's own method in its place
            return guarded
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (lazy, (self.pattern, self._flags))

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags})"


class LazyAlternatives(LazyPattern):
    """`prefix(A|B|C...)suffix` kept as its alternatives: asked only whether it matches a text (`found_in`), it
    compiles just the alternatives that may match there. A cue of forty alternatives, a few of which start with a
    word the question has ("who"), costs the compile of those few, not of all forty."""

    def __init__(self, alternatives: tuple[str, ...], prefix: str, suffix: str, flags: int = 0) -> None:
        super().__init__(prefix + "|".join(alternatives) + suffix, flags)
        self.alternatives = alternatives
        self._prefix, self._suffix = prefix, suffix
        self._hints: list[tuple[str, ...] | None] | None = None
        self._pruned: dict[tuple[int, ...], re.Pattern[str]] = {}

    def hints(self) -> list[tuple[str, ...] | None]:
        """Each alternative's `leading_literals` (all None under flags that change what text matches)."""
        hints = self._hints
        if hints is None:
            plain = not self._flags & (re.IGNORECASE | re.VERBOSE)
            hints = self._hints = [leading_literals(a) if plain else None for a in self.alternatives]
        return hints

    @property
    def needs(self) -> tuple[str, ...] | None:
        needs = self._needs
        if needs is False:  # read once from the alternatives' own hints, not from the joined pattern again
            hints = self.hints()
            needs = self._needs = None if any(h is None for h in hints) else tuple(w for h in hints if h for w in h)
        return needs  # type: ignore[return-value]

    def found_in(self, text: str) -> bool:
        if self._compiled is not None:  # compiled whole already (a server compiles every pattern at start)
            return self.search(text) is not None
        hints = self.hints()
        kept = tuple(i for i, h in enumerate(hints) if h is None or any(w in text for w in h))
        if not kept:
            return False
        if len(kept) == len(hints):
            return self.search(text) is not None
        pruned = self._pruned.get(kept)
        if pruned is None:
            if len(self._pruned) >= MAX_PRUNED:  # a bound: questions choose which subsets are made
                self._pruned.clear()
            chosen = "|".join(self.alternatives[i] for i in kept)
            pruned = self._pruned[kept] = re.compile(self._prefix + chosen + self._suffix, self._flags)
        return pruned.search(text) is not None

    def __reduce__(self) -> tuple[Any, ...]:
        return (lazy_alternatives, (self.alternatives, self._prefix, self._suffix, self._flags))


MAX_PRUNED = 64  # pruned patterns kept per LazyAlternatives


def lazy_alternatives(alternatives: tuple[str, ...], prefix: str = "", suffix: str = "", flags: int = 0) -> LazyPattern:
    """`lazy(prefix + "(A|B|...)" + suffix)` given as its alternatives (the group's brackets are in prefix and
    suffix), so that `found_in` can compile only the alternatives a text may match."""
    made = LazyAlternatives(tuple(alternatives), prefix, suffix, flags)
    _EVERY.append(made)
    return made


# the methods whose answer for a text holding none of the pattern's leading words is known: no match
_FINDING = {"search": None, "match": None, "fullmatch": None, "finditer": (), "findall": []}


def _guarded(made: LazyPattern, name: str) -> Any:
    """`made.<name>`, answering "no match" for a text that holds none of the words every match starts with, and
    compiling the pattern only for a text that may match."""
    needs, empty = made.needs, _FINDING[name]

    def method(text: str, *args: Any, **kwargs: Any) -> Any:
        if not any(word in text for word in needs):  # type: ignore[union-attr]
            return iter(()) if name == "finditer" else list(empty) if isinstance(empty, list) else empty
        return getattr(made.compiled(), name)(text, *args, **kwargs)

    return method


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


_LITERAL = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 '-,:;/&%")
_QUANTIFIERS = frozenset("?*+{")
# what matches no text of its own at the start of an alternative: "^", "\s*" / "\s+", "\b", a lookaround
_ZERO_WIDTH = lazy(r"^(?:\^|\\s[*+]|\\b|\(\?<?[!=](?:[^()\\]|\\.)*\))+")


def leading_literals(alternative: str, depth: int = 0) -> tuple[str, ...] | None:
    """Texts one of which every match of this alternative starts with ("who lead" of r"who leads?\b"; "has",
    "have" of r"(has|have) been"), or None when it has none or cannot be read safely (it can start with a class,
    an escape, a wildcard or an optional part)."""
    parts = _top_level_parts(alternative)
    if parts is None or depth > 8:
        return None
    if len(parts) > 1:
        words: list[str] = []
        for part in parts:
            found = leading_literals(part, depth + 1)
            if found is None:  # one alternative with no hint: the whole has none (read no further)
                return None
            words += found
        return tuple(words)
    rest = _ZERO_WIDTH.sub("", alternative)
    if rest.startswith("("):
        close = _closing(rest)
        after = rest[close + 1 : close + 2] if close is not None else ""
        if close is None or (after and after in _QUANTIFIERS):
            return None  # an optional or repeated group may match nothing
        inner = rest[1:close]
        if inner.startswith("?:"):
            inner = inner[2:]
        elif inner.startswith("?"):
            return None
        return leading_literals(inner, depth + 1)
    out = []
    for ch in rest:
        if ch in _LITERAL:
            out.append(ch)
            continue
        if ch in _QUANTIFIERS and out:  # the character before a quantifier may be absent
            out.pop()
        break
    literal = "".join(out).strip()
    return (literal,) if literal else None


def _top_level_parts(alternative: str) -> list[str] | None:
    """The alternative split at each "|" outside any group or class; None if its brackets do not balance."""
    if not _NESTS.search(alternative):  # no group, class or escape: every bar is at the top
        return alternative.split("|")
    parts, start = [], 0
    for i, ch, depth in _structure(alternative):
        if depth < 0:
            return None
        if ch == "|" and depth == 0:
            parts.append(alternative[start:i])
            start = i + 1
    parts.append(alternative[start:])
    return parts


def _closing(text: str) -> int | None:
    """The index of the ")" closing the group that `text` opens with."""
    return next((i for i, ch, depth in _structure(text) if ch == ")" and depth == 0), None)


def _structure(text: str) -> Iterator[tuple[int, str, int]]:
    """Each unescaped "(", ")" and "|" outside a character class, with the group depth outside it (a ")" at depth 0
    closes a group opened at the start); last, (len(text), "", -1) if the brackets or an escape are left open,
    else (len(text), "", 0). The scan is one regular expression: escapes and whole classes are skipped in C, so
    only the brackets and bars reach Python."""
    depth = 0
    for m in _TOKENS.finditer(text):
        token = m.group()
        if token == "(":
            yield m.start(), token, depth
            depth += 1
        elif token == ")":
            depth -= 1
            yield m.start(), token, depth
        elif token == "|":
            yield m.start(), token, depth
        elif token in ("[", "\\"):  # a class or an escape left open
            yield len(text), "", -1
            return
    yield len(text), "", -1 if depth != 0 else 0


_NESTS = re.compile(r"[()\[\\]")
# an escape (or a lone backslash at the end), a whole class ("]" first in it is literal), an unclosed "[", a bracket
# or a bar: the only things the structure of a pattern is made of
_TOKENS = re.compile(r"\\.?|\[\^?\]?(?:\\.|[^\]\\])*\]|\[|[()|]", re.DOTALL)
