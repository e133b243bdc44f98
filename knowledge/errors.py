"""The knowledge package's one error type, naming file, line and field."""

from __future__ import annotations

import reprlib

from knowledge.lazydataclass import frozen_dataclass

SHOWN = 80  # at most this many characters of a value are echoed in a message
_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother, _REPR.maxlong = 2, SHOWN, SHOWN, SHOWN
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = _REPR.maxfrozenset = 4


def shown(value: object) -> str:
    """`value` as a message may echo it: repr'd, at most SHOWN characters however big or nested it is."""
    text = _REPR.repr(value)
    return text if len(text) <= SHOWN else text[: SHOWN - 3] + "..."


@frozen_dataclass
class Problem:
    """One problem found in a knowledge-base file."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}"


class KnowledgeError(Exception):
    """Raised when a knowledge base cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the knowledge base:\n{lines}")
