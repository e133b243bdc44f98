"""markdown-it-py set up for reports: CommonMark with tables, inline text parsed on demand with a plain-text fast path.

A 200-row table holds over a thousand cells; nearly all are plain text with backslash escapes. The
block pass runs as markdown-it runs it; inline parsing is left to `runs_source`: text with no
inline markup at all is unescaped directly, and anything else goes through markdown-it's own
inline parser. Both paths give the same result (tests/assemblers/test_mdparse.py checks this).
"""

from __future__ import annotations

import re
import string
import types
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import table as table_rule
from markdown_it.token import Token

from assemblers.escape import md_unescape

_PUNCT = re.escape(string.punctuation)
# Characters an active inline rule starts at: escape, backticks, emphasis, link, image, autolink/html, entity, newline.
_OTHER = r"[^\\`*_\[\]!<&\n]*"
_PLAIN = re.compile(rf"{_OTHER}(?:\\[{_PUNCT}]{_OTHER})*")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_RAG = re.compile(r"<!-- ?rag: ?([a-z]+) ?-->[ \t]*")


def _escaped_split(line: str) -> list[str]:
    """Return a table row's cells as markdown-it's escapedSplit does ("\\|" stays a pipe), by regex."""
    return [cell.replace("\\|", "|") for cell in _UNESCAPED_PIPE.split(line)]


def _build() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table").disable(["inline", "text_join"])
    # The same table rule, reading its cells with the faster split; only this parser sees the change.
    fast_table = types.FunctionType(
        table_rule.__code__,
        {**table_rule.__globals__, "escapedSplit": _escaped_split},
        table_rule.__name__,
        table_rule.__defaults__,
        table_rule.__closure__,
    )
    md.block.ruler.at("table", fast_table, {"alt": ["paragraph", "reference"]})
    return md


MD = _build()


def block_tokens(text: str) -> tuple[list[Token], dict[str, Any]]:
    """Return the block tokens of `text` (inline tokens keep their source in `content`) and the parse env."""
    env: dict[str, Any] = {}
    return MD.parse(text, env), env


def plain_text(source: str) -> str | None:
    """Return the text inline source renders to when it holds no inline markup, else None."""
    return md_unescape(source) if _PLAIN.fullmatch(source) else None


def rag_marker(source: str) -> tuple[str, str] | None:
    """Return (colour, the rest) when inline source starts with a <!-- rag: colour --> comment, else None."""
    match = _RAG.match(source)
    return (match.group(1), source[match.end() :]) if match else None


def inline_tokens(source: str, env: dict[str, Any]) -> list[Token]:
    """Return markdown-it's inline tokens for `source`, escapes joined into text as its text_join rule does."""
    tokens: list[Token] = []
    MD.inline.parse(source, MD, env, tokens)
    joined: list[Token] = []
    for token in tokens:
        if token.type == "text_special":
            token.type = "text"
        if token.type == "text" and joined and joined[-1].type == "text":
            joined[-1].content += token.content
        else:
            joined.append(token)
    return joined
