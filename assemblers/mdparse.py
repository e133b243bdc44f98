"""markdown-it-py set up for reports: CommonMark with tables, inline text parsed on demand with a plain-text fast path.

A 200-row table holds over a thousand cells; nearly all are plain text with backslash escapes. The
block pass runs as markdown-it runs it; inline parsing is left to `runs_source`: text with no
inline markup at all is unescaped directly, and anything else goes through markdown-it's own
inline parser. Both paths give the same result (tests/assemblers/test_mdparse.py checks this).
"""

from __future__ import annotations

import re
import string
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import isStrSpace, mdTrim
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_block.table import MAX_AUTOCOMPLETED_CELLS, headerLineRe
from markdown_it.token import Token

from assemblers.escape import md_unescape

_PUNCT = re.escape(string.punctuation)
# Characters an active inline rule starts at: escape, backticks, emphasis, link, image, autolink/html, entity, newline.
_OTHER = r"[^\\`*_\[\]!<&\n]*"
_PLAIN = re.compile(rf"{_OTHER}(?:\\[{_PUNCT}]{_OTHER})*")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER = headerLineRe  # :---:
_RAG = re.compile(r"<!-- ?rag: ?([a-z]+) ?-->[ \t]*")


def _escaped_split(line: str) -> list[str]:
    """Return a table row's cells as markdown-it's escapedSplit does ("\\|" stays a pipe), by regex."""
    return [cell.replace("\\|", "|") for cell in _UNESCAPED_PIPE.split(line)]


def _cells(line: str) -> list[str]:
    """A row's cells as markdown-it reads them: split on unescaped pipes, an empty first and last cell dropped."""
    columns = _escaped_split(mdTrim(line))
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    return columns


def _table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's GFM table rule (markdown_it/rules_block/table.py, MIT), reading the same lines as the
    same table, but giving two tokens instead of seven for each cell: `table_open`, whose meta["rows"]
    holds each row's cells as (inline source, line), header row first, and `table_close`.

    A 1,000-row table is 20,000 tokens the stock rule builds and the parser walks past;
    tests/assemblers/test_mdparse.py checks this rule against the stock one.
    """
    if start + 2 > end:
        return False
    second = start + 1
    if state.sCount[second] < state.blkIndent or state.is_code_block(second):
        return False
    pos, maximum = state.bMarks[second] + state.tShift[second], state.eMarks[second]
    if pos + 1 >= maximum:
        return False
    first_ch, second_ch = state.src[pos], state.src[pos + 1]
    if first_ch not in "|-:" or (second_ch not in "|-:" and not isStrSpace(second_ch)):
        return False
    if first_ch == "-" and isStrSpace(second_ch):  # a list item, not a delimiter row
        return False
    if any(ch not in "|-:" and not isStrSpace(ch) for ch in state.src[pos + 2 : maximum]):
        return False
    aligns = state.src[pos:maximum].split("|")
    count = 0
    for i, column in enumerate(aligns):
        column = mdTrim(column)
        if not column:
            if i == 0 or i == len(aligns) - 1:
                continue
            return False
        if not _DELIMITER.search(column):
            return False
        count += 1
    header_line = mdTrim(state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]])
    if "|" not in header_line or state.is_code_block(start):
        return False
    header = _cells(header_line)
    if not header or len(header) != count:
        return False
    if silent:
        return True
    terminators = state.md.block.ruler.getRules("blockquote")
    parent, state.parentType = state.parentType, "table"  # as the stock rule runs the terminators
    rows = [[(mdTrim(cell), start) for cell in header]]
    autocompleted = 0
    line = start + 2
    while line < end:
        if state.sCount[line] < state.blkIndent:
            break
        first, last = state.bMarks[line] + state.tShift[line], state.eMarks[line]
        # A row starting "|" starts none of the blocks that end a table (fence, quote, rule, list, HTML,
        # heading: each looks for its own first character), so their rules are not asked.
        if not (first < last and state.src[first] == "|") and any(rule(state, line, end, True) for rule in terminators):
            break
        text = mdTrim(state.src[first:last])
        if not text or state.is_code_block(line):
            break
        cells = _cells(text)
        autocompleted += count - len(cells)
        if autocompleted > MAX_AUTOCOMPLETED_CELLS:
            break
        cells = [mdTrim(cell) if cell else "" for cell in cells[:count]]
        rows.append([(cell, line) for cell in cells] + [("", line)] * (count - len(cells)))
        line += 1
    state.parentType = parent
    token = state.push("table_open", "table", 1)
    token.map = [start, line]
    token.meta = {"rows": rows}
    state.push("table_close", "table", -1)
    state.line = line
    return True


def _build() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table").disable(["inline", "text_join"])
    md.block.ruler.at("table", _table, {"alt": ["paragraph", "reference"]})
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
