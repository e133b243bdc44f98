"""Turn Slack message markup into the plain question the engine reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

_USER = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#[A-Z0-9]+\|([^>]*)>")
_LINK = re.compile(r"<(?:https?|mailto):[^|>]*\|([^>]*)>|<((?:https?|mailto):[^>]*)>")
_SPECIAL = re.compile(r"<![^>]*>")


def question_text(text: str | None) -> str:
    """Mentions and specials dropped, channels and links as their labels, Slack's &amp; &lt; &gt; undone."""
    text = _USER.sub(" ", text or "")
    text = _CHANNEL.sub(lambda m: "#" + m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2).removeprefix("mailto:"), text)
    text = _SPECIAL.sub(" ", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


_QUOTE_CLOSE = {'"': '"', "'": "'", "\u201c": "\u201d", "\u201d": "\u201d", "\u2018": "\u2019", "\u2019": "\u2019"}


@dataclass(frozen=True)
class Word:
    """One word of a slash command: its text (quotes removed) and where it sits in the command text."""

    text: str
    start: int
    end: int
    quoted: bool = False


def command_text(text: str | None) -> str:
    """A slash command's text with Slack's &amp; &lt; &gt; undone (spacing kept, for notes)."""
    return (text or "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


def command_words(text: str) -> list[Word]:
    """The words of a slash command. A quoted phrase ("Action 12", “Action 12”, 'Action 12') is one word.

    Unlike shlex, this never fails on what people type: an apostrophe inside a word (Reviewer's) is a
    letter, and a quote that is never closed is kept as part of its word.
    """
    words: list[Word] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        close = _QUOTE_CLOSE.get(text[i])
        if close is not None:
            end = _closing(text, i + 1, close)
            if end is not None:
                words.append(Word(text[i + 1 : end], i, end + 1, quoted=True))
                i = end + 1
                continue
        j = i
        while j < n and not text[j].isspace():
            j += 1
        words.append(Word(text[i:j], i, j))
        i = j
    return words


def _closing(text: str, start: int, close: str) -> int | None:
    """Where the quote opened before `start` closes: a `close` character at the end of a word."""
    at = text.find(close, start)
    while at != -1:
        if at + 1 == len(text) or text[at + 1].isspace():
            return at
        at = text.find(close, at + 1)
    return None
