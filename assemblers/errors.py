"""The assemblers package's one error type: what went wrong and what to do about it."""

from __future__ import annotations


class AssemblyError(Exception):
    """Raised when a document cannot be drafted; the message says what to do next.

    `hint` is the suggested next step, appended to the message when given.
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message} {hint}" if hint else message)
