"""Parse rendered Markdown into the few blocks a report is made of (see templates/README.md)."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assemblers.errors import AssemblyError
from assemblers.escape import PLACEHOLDER_END, PLACEHOLDER_START, md_unescape

if TYPE_CHECKING:  # markdown-it is imported when Markdown is parsed, not by the Word-template route's writer
    from types import ModuleType

    from assemblers.mdparse import Token

# The style each kind of block takes unless a <!-- style: ... --> directive says otherwise.
STYLES = {
    "heading1": "Heading 1",
    "heading2": "Heading 2",
    "heading3": "Heading 3",
    "paragraph": "Body Text",
    "numbered": "Numbered Paragraph",
    "continuation": "Numbered Continuation",
    "recommendation": "Recommendation",
    "bullet": "List Bullet",
    "quote": "Quote",
    "figure": "Figure",
    "caption": "Caption",
    "table": "Action Table",
    "table_text": "Table Text",
    "table_heading": "Table Heading",
}
RAG_COLOURS = ("red", "amber", "green", "grey")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# "[text]" the template wrote: an unescaped bracket (an even run of backslashes before it), not an image or link,
# holding no emphasis or code characters. The marks go inside the brackets, so the Markdown around them
# parses exactly as without them (CommonMark's emphasis rules look at a delimiter's neighbours).
_PLACEHOLDER = re.compile(r"(?<![\\!])((?:\\\\)*)\[([^\[\]\n*_`]+?)(?<!\\)\](?![(\[])")
PROPERTY_DIRECTIVES = ("reference", "title", "subject", "author")
_DIRECTIVE = re.compile(r"<!--\s*([a-z][a-z-]*)\s*(?::(.*?))?\s*-->", re.DOTALL)


@dataclass(frozen=True)
class Run:
    """A stretch of text in one format; `line_break` marks a line break instead of text."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    line_break: bool = False


@dataclass(frozen=True)
class Heading:
    level: int
    runs: tuple[Run, ...]
    style: str


@dataclass(frozen=True)
class Paragraph:
    """A plain paragraph (body text, bullet, quote, continuation of a numbered paragraph)."""

    runs: tuple[Run, ...]
    style: str


@dataclass(frozen=True)
class NumberedParagraph:
    """A paragraph numbered 1., 2., 3. ... continuing through the whole document."""

    runs: tuple[Run, ...]
    style: str


@dataclass(frozen=True)
class Recommendation:
    """A recommendation numbered 1), 2) ...; `group` counts the lists, and each list restarts at 1."""

    runs: tuple[Run, ...]
    style: str
    group: int


@dataclass(frozen=True)
class Cell:
    runs: tuple[Run, ...]
    rag: str | None = None


@dataclass(frozen=True)
class Table:
    """A table; `header` is None when the Markdown header row is empty; `widths` are relative column widths."""

    header: tuple[Cell, ...] | None
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...] | None
    style: str
    caption: str | None = None


@dataclass(frozen=True)
class Image:
    """A picture the pipeline supplies by name (`chart:progress`), with alt text and an optional caption."""

    name: str
    alt: str
    caption: str | None
    style: str


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | NumberedParagraph | Recommendation | Table | Image | PageBreak


@dataclass
class Parsed:
    """The blocks of a document, its properties (`reference` for the footer, `title`, `subject`, `author`)
    and the Word comments for the author: {index of a block: what to write there and who signs it}."""

    blocks: list[Block] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)
    comments: dict[int, str] = field(default_factory=dict)

    def styles(self) -> dict[str, str]:
        """Return {style name: "paragraph" or "table"} for every style the blocks use."""
        used: dict[str, str] = {}
        for block in self.blocks:
            if isinstance(block, Table):
                used[block.style] = "table"
                used[STYLES["table_text"]] = "paragraph"
                if block.header is not None:
                    used[STYLES["table_heading"]] = "paragraph"
            elif isinstance(block, Image):
                used[block.style] = "paragraph"
                if block.caption:
                    used[STYLES["caption"]] = "paragraph"
            elif not isinstance(block, PageBreak):
                used[block.style] = "paragraph"
        return used


def parse(text: str) -> Parsed:
    """Return the blocks of rendered Markdown.

    Raises AssemblyError, naming the line of the Markdown, for anything the house format cannot
    hold: raw HTML, an unknown directive, code blocks, rules, deep headings, nested numbered lists.
    """
    from assemblers import mdparse

    tokens, env = mdparse.block_tokens(mark_placeholders(text))
    return _Parser(tokens, env, mdparse).run()


def mark_placeholders(text: str) -> str:
    """Return Markdown with each "[placeholder]" the template wrote wrapped in the placeholder marks.

    Escaped brackets (all data from the knowledge base), links, images and directives are left alone.
    """
    if "[" not in text:
        return text
    out, last = [], 0
    for match in _COMMENT.finditer(text):
        out.append(_mark(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_mark(text[last:]))
    return "".join(out)


def _mark(text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: f"{m.group(1)}[{PLACEHOLDER_START}{m.group(2)}{PLACEHOLDER_END}]", text)


class _Parser:
    """Walks markdown-it's flat token stream once."""

    def __init__(self, tokens: list[Token], env: dict, md: ModuleType) -> None:
        self.inline_tokens, self.plain_text, self.rag_marker = md.inline_tokens, md.plain_text, md.rag_marker
        self.tokens = tokens
        self.env = env
        self.i = 0
        self.out = Parsed()
        self.style: str | None = None
        self.widths: tuple[float, ...] | None = None
        self.comment: str | None = None
        self.caption: str | None = None
        self.groups = 0

    def run(self) -> Parsed:
        while self.i < len(self.tokens):
            self.block()
        if self.style or self.widths or self.comment or self.caption:
            raise AssemblyError(
                "a <!-- style -->, <!-- table -->, <!-- comment --> or <!-- caption --> directive at the end is "
                "followed by no block.",
                "Put it just before the block it is for.",
            )
        return self.out

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def styled(self, kind: str) -> str:
        style, self.style = self.style, None
        return style or STYLES[kind]

    def block(self, kind: str = "paragraph") -> None:
        token = self.take()
        if self.comment is not None and token.type != "html_block":
            self.out.comments[len(self.out.blocks)] = self.comment
            self.comment = None
        if token.type == "html_block":
            self.directives(token)
        elif token.type == "heading_open":
            self.heading(token)
        elif token.type == "paragraph_open":
            self.paragraph(token, kind)
        elif token.type == "ordered_list_open":
            self.ordered(token, nested=kind != "paragraph")
        elif token.type == "bullet_list_open":
            self.items("bullet", "bullet_list_close")
        elif token.type == "blockquote_open":
            self.quote()
        elif token.type == "table_open":
            self.table(token)
        elif token.type in ("hr", "code_block", "fence"):
            raise _error(
                token,
                f"{'a rule (---)' if token.type == 'hr' else 'a code block'} has no place in a report",
                "Remove it; use <!-- page-break --> to start a new page.",
            )
        else:
            raise _error(token, f"unexpected Markdown ({token.type})", "See templates/README.md for what is supported.")

    def directives(self, token: Token) -> None:
        content = token.content.strip()
        found = list(_DIRECTIVE.finditer(content))
        if not found or _DIRECTIVE.sub("", content).strip():
            raise _error(
                token,
                f"raw HTML is not supported: {content[:60]!r}",
                "Use Markdown, or a directive such as <!-- page-break --> (see templates/README.md).",
            )
        for match in found:
            self.directive(token, match.group(1), (match.group(2) or "").strip())

    def directive(self, token: Token, name: str, args: str) -> None:
        if name == "style" and args:
            self.style = md_unescape(args)
        elif name == "page-break" and not args:
            self.out.blocks.append(PageBreak())
        elif name in PROPERTY_DIRECTIVES:
            self.out.properties[name] = md_unescape(args)
        elif name == "comment" and args:
            self.comment = md_unescape(args)
        elif name == "caption" and args:
            self.caption = md_unescape(args)
        elif name == "table":
            self.widths = _widths(token, args)
        else:
            raise _error(
                token,
                f"unknown directive <!-- {name}{': ' + args if args else ''} -->",
                "Directives are style, table, caption, comment, page-break, reference, title, subject, author "
                "(see templates/README.md).",
            )

    def heading(self, token: Token) -> None:
        level = int(token.tag[1])
        if level > 3:
            raise _error(token, f"a level-{level} heading is deeper than the house styles go", "Use #, ## or ###.")
        runs = self.runs(self.take())
        self.take()
        self.out.blocks.append(Heading(level, runs, self.styled(f"heading{level}")))

    def paragraph(self, token: Token, kind: str) -> None:
        content = self.take()
        self.take()
        if "![" not in content.content:
            self.out.blocks.append(Paragraph(self.runs(content), self.styled(kind)))
            return
        children = self.inline_tokens(content.content, self.env)
        images = [c for c in children if c.type == "image"]
        if images:
            self.out.blocks.append(self.image(token, children, images))
        else:
            self.out.blocks.append(Paragraph(_runs(children, content), self.styled(kind)))

    def image(self, token: Token, children: list[Token], images: list[Token]) -> Image:
        others = [c for c in children if c.type not in ("image", "softbreak") and c.content.strip()]
        if len(images) > 1 or others:
            raise _error(token, "a picture must stand alone in its paragraph", "Put a blank line before and after it.")
        image = images[0]
        src = str(image.attrGet("src") or "")
        title = image.attrGet("title")
        return Image(src, _plain(image.children or []), str(title) if title else None, self.styled("figure"))

    def runs(self, token: Token) -> tuple[Run, ...]:
        """Return the runs of an inline token: plain text directly, anything else through markdown-it."""
        text = self.plain_text(token.content)
        if text is not None:
            return (Run(text),) if text else ()
        return _runs(self.inline_tokens(token.content, self.env), token)

    def ordered(self, token: Token, nested: bool) -> None:
        if nested:
            raise _error(token, "a numbered list inside a list item", "Use a bulleted list (- ...) inside it.")
        if token.markup == ")":
            self.groups += 1
            self.items("recommendation", "ordered_list_close")
        else:
            self.items("numbered", "ordered_list_close")

    def items(self, kind: str, closing: str) -> None:
        style = self.styled(kind)
        while self.take().type != closing:  # list_item_open
            first = True
            while self.tokens[self.i].type != "list_item_close":
                if first and self.tokens[self.i].type == "paragraph_open":
                    self.i += 1
                    runs = self.runs(self.take())
                    self.i += 1
                    self.out.blocks.append(self.item(kind, runs, style))
                else:
                    if first:
                        self.out.blocks.append(self.item(kind, (), style))
                    self.block("continuation")
                first = False
            if first:
                self.out.blocks.append(self.item(kind, (), style))
            self.i += 1

    def item(self, kind: str, runs: tuple[Run, ...], style: str) -> Block:
        if kind == "numbered":
            return NumberedParagraph(runs, style)
        if kind == "recommendation":
            return Recommendation(runs, style, self.groups)
        return Paragraph(runs, style)

    def quote(self) -> None:
        style = self.styled("quote")
        while self.tokens[self.i].type != "blockquote_close":
            self.style = style
            self.block("quote")
        self.style = None
        self.i += 1

    def table(self, token: Token) -> None:
        """A table from mdparse's table token: its rows of (inline source, line), header row first."""
        style, widths, self.widths = self.styled("table"), self.widths, None
        caption, self.caption = self.caption, None
        self.take()  # table_close
        cell = self.cell
        rows = [tuple(cell(source, line) for source, line in row) for row in token.meta["rows"]]
        header = rows[0] if any(c.runs for c in rows[0]) else None
        if header is None and len(rows) == 1:
            return
        if widths is not None and len(widths) != len(rows[0]):
            raise AssemblyError(
                f"a <!-- table --> directive gives {len(widths)} widths for {len(rows[0])} columns.",
                "Give one width per column.",
            )
        self.out.blocks.append(Table(header, tuple(rows[1:]), widths, style, caption))

    def cell(self, source: str, line: int) -> Cell:
        """Return a table cell from its inline source; a leading <!-- rag: red|amber|green|grey --> colours it."""
        if not source.startswith("<!--"):
            text = self.plain_text(source)
            if text is not None:
                return Cell((Run(text),) if text else ())
            token = _inline(source, line)
            return Cell(_runs(self.inline_tokens(source, self.env), token))
        quick = self.rag_marker(source)
        if quick and quick[0] in RAG_COLOURS:  # an HTML comment in markdown-it's eyes; parsed as it would be
            text = self.plain_text(quick[1])
            if text is not None:
                return Cell((Run(text),) if text else (), quick[0])
        token = _inline(source, line)
        children = self.inline_tokens(source, self.env)
        match = _DIRECTIVE.fullmatch(children[0].content) if children[0].type == "html_inline" else None
        if not match or match.group(1) != "rag":
            return Cell(_runs(children, token))  # refuses the HTML, naming it
        rag = (match.group(2) or "").strip()
        if rag not in RAG_COLOURS:
            raise _error(token, f"unknown RAG colour {rag!r}", f"Use one of {', '.join(RAG_COLOURS)}.")
        runs = _runs(children[1:], token)
        if runs and not runs[0].line_break:
            first = Run(runs[0].text.lstrip(), runs[0].bold, runs[0].italic)
            runs = ((first,) if first.text else ()) + runs[1:]
        return Cell(runs, rag)


def _inline(source: str, line: int) -> Token:
    """The inline token markdown-it's own table rule would have made for a cell (for errors naming its line)."""
    from assemblers.mdparse import Token

    return Token("inline", "", 0, map=[line, line + 1], content=source, children=[])


def _runs(children: list[Token], token: Token) -> tuple[Run, ...]:
    """Return the runs of inline tokens; raises AssemblyError for raw HTML or a picture among text."""
    if len(children) == 1 and children[0].type == "text":  # the common case: plain text
        return (Run(children[0].content),) if children[0].content else ()
    runs: list[Run] = []
    bold = italic = False
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            runs.append(Run(child.content, bold, italic))
        elif kind == "softbreak":
            runs.append(Run(" ", bold, italic))
        elif kind == "hardbreak":
            runs.append(Run(line_break=True))
        elif kind in ("strong_open", "strong_close"):
            bold = kind == "strong_open"
        elif kind in ("em_open", "em_close"):
            italic = kind == "em_open"
        elif kind in ("link_open", "link_close"):
            continue
        elif kind == "html_inline":
            raise _error(token, f"inline HTML is not supported: {child.content!r}", "Use Markdown.")
        else:
            raise _error(token, f"{kind.replace('_', ' ')} is not supported here", "See templates/README.md.")
    return _merge(runs)


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    """Return the runs with empty ones dropped and neighbours in the same format joined."""
    merged: list[Run] = []
    for run in runs:
        last = merged[-1] if merged else None
        if not (run.line_break or run.text):
            continue
        if last and not (run.line_break or last.line_break) and (last.bold, last.italic) == (run.bold, run.italic):
            merged[-1] = Run(last.text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    return tuple(merged)


def _plain(children: list[Token]) -> str:
    return "".join(c.content for c in children if c.type in ("text", "code_inline"))


def _widths(token: Token, args: str) -> tuple[float, ...]:
    try:
        options = dict(part.split("=", 1) for part in shlex.split(args))
        widths = tuple(float(w) for w in options.pop("widths").split(","))
    except (ValueError, KeyError):
        raise _error(token, f"cannot read <!-- table: {args} -->", "Write <!-- table: widths=10,50,20 -->.") from None
    if options or any(w <= 0 for w in widths):
        raise _error(token, f"cannot read <!-- table: {args} -->", "Write <!-- table: widths=10,50,20 -->.")
    return widths


def _error(token: Token, what: str, hint: str) -> AssemblyError:
    line = f" (line {token.map[0] + 1} of the rendered Markdown)" if token.map else ""
    return AssemblyError(f"{what}{line}.", hint)
