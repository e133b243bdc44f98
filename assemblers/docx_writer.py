"""Lay blocks onto base.docx with python-docx, writing numbering and table XML directly.

The one module of the package that imports docx.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from docx.shared import Emu
from docx.styles import BabelFish
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from assemblers.errors import AssemblyError
from assemblers.escape import PLACEHOLDER_END, PLACEHOLDER_START, strip_control

if TYPE_CHECKING:  # the block types are imported when Markdown is written, not by the Word-template route
    from assemblers.blocks import Block, Cell, Image, Parsed, Run, Table

REFERENCE_PLACEHOLDER = "{reference}"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MARKER = "actionbot-blocks-go-here"
# The body's XML goes into the saved package as text (_splice) unless a picture needs its paragraph parsed;
# False parses it into the document first, as pictures need (tests compare the two).
SPLICE_BODY = True
RAG_FILLS = {"red": "FF6B6B", "amber": "FFC000", "green": "92D050", "grey": "D9D9D9"}
HEADER_FILL = "D9E2F3"
INDENT = 567  # twips: 1 cm from the number to the text
AUTHOR, INITIALS = "actionbot", "AB"
HIGHLIGHT = "yellow"
_PLACEHOLDER_TEXT = re.compile(f"{PLACEHOLDER_START}(.*?){PLACEHOLDER_END}", re.DOTALL)
_NUMBERED_CAPTION = re.compile(r"^(Table|Figure) (\d+)(.*)$", re.DOTALL)
APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>actionbot</Application><DocSecurity>0</DocSecurity></Properties>"
)
_KINDS = {
    WD_STYLE_TYPE.PARAGRAPH: "paragraph",
    WD_STYLE_TYPE.TABLE: "table",
    WD_STYLE_TYPE.CHARACTER: "character",
    WD_STYLE_TYPE.LIST: "numbering",
}


def escape(text: str) -> str:
    """`text` with &, < and > escaped for XML character data (as xml.sax.saxutils.escape, whose import
    pulls in urllib.request and costs more than a short draft)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """`text` escaped and quoted as an XML attribute value (as xml.sax.saxutils.quoteattr)."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))


MAX_DOCX_BYTES = 64 * 1024 * 1024  # a style file's parts together, uncompressed
MAX_XML_BYTES = 16 * 1024 * 1024  # one XML part, uncompressed
MAX_XML_ELEMENTS = 1_000_000  # tags ("<") in all XML parts together


def open_base(path: Path) -> Document:
    """Return the base document at `path`.

    Raises AssemblyError when it is missing, not a .docx, or bigger once uncompressed than the bounds
    above (a few hundred KB of zip can hold gigabytes of XML), before python-docx parses any of it.
    """
    try:
        check_package(path)
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError, etree.XMLSyntaxError, zipfile.BadZipFile) as exc:
        raise AssemblyError(
            f"cannot open the style file {path}: {exc}.",
            "Give a Word .docx file, or leave out --style to use templates/base.docx.",
        ) from exc


def check_package(path: Path) -> None:
    """Raise AssemblyError naming `path` if its parts are too big uncompressed or hold too many XML elements.

    Sizes are the ones the zip declares, which are also what zipfile will read at most; elements are
    counted by streaming each XML part through the decompressor, a megabyte at a time.
    """
    hint = "Use a smaller style file: a base needs its styles, page set-up and footers, not a long body."
    with zipfile.ZipFile(path) as package:
        parts = package.infolist()
        total = sum(info.file_size for info in parts)
        if total > MAX_DOCX_BYTES:
            raise AssemblyError(
                f"the style file {path} holds {total:,} bytes uncompressed; the most is {MAX_DOCX_BYTES:,}.", hint
            )
        elements = 0
        for info in parts:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            if info.file_size > MAX_XML_BYTES:
                raise AssemblyError(
                    f"the style file {path} has a part {info.filename} of {info.file_size:,} bytes uncompressed; "
                    f"the most is {MAX_XML_BYTES:,}.",
                    hint,
                )
            with package.open(info) as part:
                while chunk := part.read(1 << 20):
                    elements += chunk.count(b"<")
            if elements > MAX_XML_ELEMENTS:
                raise AssemblyError(
                    f"the style file {path} holds more than {MAX_XML_ELEMENTS:,} XML elements "
                    f"(stopped at {info.filename}).",
                    hint,
                )


def style_kinds(path: Path) -> dict[str, str]:
    """Return {style name as Word shows it: paragraph | table | character | numbering} for a .docx file.

    Raises AssemblyError when the file cannot be opened.
    """
    return {style.name: _KINDS.get(style.type, "other") for style in open_base(path).styles}


def write(parsed: Parsed, base: Path, images: Mapping[str, bytes] | None = None, day: dt.date | None = None) -> bytes:
    """Return the bytes of a .docx: `parsed` laid onto a copy of the base document's styles, page and footer.

    The base's body is replaced; its sections, headers and footers stay, with "{reference}" in a
    footer replaced by the document's reference. Numbered paragraphs and recommendations take their
    numbering from their styles, so a paragraph an author adds in that style is numbered too. Each
    placeholder is highlighted and carries a Word comment. The properties (title, subject, author,
    created and modified = `day`) are the draft's own. Raises AssemblyError for a style the base
    lacks or a picture `images` does not supply.
    """
    document = open_base(base)
    day = day or dt.date.today()
    writer = _Writer(document, base, images or {}, parsed.comments, _moment(day))
    writer.body(parsed.blocks)
    writer.footer(parsed.properties.get("reference", ""))
    document = writer.document
    set_properties(document, parsed.properties, day)
    if writer.spliced is not None:
        _splice(document, writer.spliced)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _splice(document: Document, xml: str) -> None:
    """Put the body's XML where the document part holds the marker comment, without parsing it.

    The document part (its XML, a few KB with the body empty) is serialised once, the blocks' XML is
    put in the marker's place, and a plain part holding those bytes (and the same relationships)
    takes the document part's place in the package, which python-docx then saves as it is.
    """
    part = document.part
    head, tail = part.blob.split(f"<!--{_MARKER}-->".encode())
    spliced = Part(part.partname, part.content_type, head + xml.encode("utf-8") + tail, part.package)
    for rel in part.rels.values():
        spliced.load_rel(rel.reltype, rel.target_ref if rel.is_external else rel.target_part, rel.rId, rel.is_external)
    package = part.package
    for source in [package, *package.iter_parts()]:
        for rid, rel in list(source.rels.items()):
            if not rel.is_external and rel.target_part is part:
                source.rels.add_relationship(rel.reltype, spliced, rid)


def comment_highlights(document: Document, day: dt.date) -> int:
    """Give each highlighted stretch of body text a Word comment ("To complete: ...") unless one covers it already.

    For Word-authored templates, whose authors mark placeholders by highlighting them. The body's
    paragraphs come first, then each table's cells row by row (a merged cell once). Returns how many
    comments were added.
    """
    body = document.element.body
    if next(body.iter(_COMMENT_START), None) is not None:
        return 0
    if next(body.iter(_HIGHLIGHT), None) is None:  # nothing highlighted: the usual case, found in one pass in C
        return 0
    added = 0
    for element in _paragraphs_in_order(body):
        if next(element.iter(_HIGHLIGHT), None) is None:
            continue
        group: list = []
        for run in [*DocxParagraph(element, document._body).runs, None]:
            if run is not None and run.font.highlight_color is not None and run.text:
                group.append(run)
                continue
            if group:
                text = "".join(r.text for r in group)
                comment = document.add_comment(group, f"To complete: {text.strip().strip('[]')}", AUTHOR, INITIALS)
                comment._comment_elm.date = _moment(day)
                added += 1
                group = []
    return added


_COMMENT_START, _HIGHLIGHT = qn("w:commentRangeStart"), qn("w:highlight")
_P, _TBL, _TR, _TC, _TCPR, _VMERGE = (qn(f"w:{t}") for t in ("p", "tbl", "tr", "tc", "tcPr", "vMerge"))


def _paragraphs_in_order(body: etree._Element) -> Iterator[etree._Element]:
    """The body's own paragraphs, then its tables' cells' paragraphs row by row, as python-docx lists them
    (`document.paragraphs`, then `table.rows[i].cells[j].paragraphs`) but each merged cell once: a cell
    spanning columns is not repeated, and a cell continuing a vertical merge is the one above it."""
    yield from body.iterchildren(_P)
    for table in body.iterchildren(_TBL):
        for row in table.iterchildren(_TR):
            for cell in row.iterchildren(_TC):
                props = cell.find(_TCPR)
                merge = props.find(_VMERGE) if props is not None else None
                if merge is not None and merge.get(qn("w:val"), "continue") == "continue":
                    continue
                yield from cell.iterchildren(_P)


def parse_recovering(xml: str) -> etree._Element:
    """Parse XML as docxtpl parses its rendered body (lxml's recovering parser)."""
    return etree.fromstring(xml, parser=etree.XMLParser(recover=True))


def grids_fit(tree: etree._Element) -> bool:
    """Whether every table in `tree` has exactly as many cells in each row as its grid has columns,
    with no horizontal span and no table inside it: a table docxtpl's fix_tables would leave alone."""
    ns = "{" + tree.nsmap["w"] + "}"
    for table in tree.iter(ns + "tbl"):
        grid = table.find(ns + "tblGrid")
        if grid is None or next(table.iter(ns + "gridSpan"), None) is not None:
            return False
        if sum(1 for _ in table.iter(ns + "tbl")) > 1:  # a table inside a cell
            return False
        columns = len(grid.findall(ns + "gridCol"))
        if {len(row.findall(ns + "tc")) for row in table.iter(ns + "tr")} != {columns}:
            return False
    return True


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9, 0), tzinfo=dt.UTC)


def set_properties(document: Document, properties: Mapping[str, str], day: dt.date) -> None:
    """Set a draft's own core properties (title, subject, author; created, modified and printed = `day`) and
    replace the base's application properties, so no stale date or application name survives from the base."""
    when = _moment(day)
    props = document.core_properties
    props.title = strip_control(properties.get("title", ""))
    props.subject = strip_control(properties.get("subject", ""))
    props.author = strip_control(properties.get("author", "")) or AUTHOR
    props.last_modified_by = AUTHOR
    props.comments = "Draft assembled by actionbot from the knowledge base: complete the highlighted text."
    props.keywords = props.category = ""
    props.created = props.modified = when
    props.last_printed = when
    props.revision = 1
    props.language = "en-GB"
    for rel in document.part.package.rels.values():
        if rel.reltype.endswith("/extended-properties") and not rel.is_external:
            rel.target_part._blob = APP_XML.encode()


class _Writer:
    """Turns blocks into WordprocessingML for one document."""

    def __init__(
        self,
        document: Document,
        base: Path,
        images: Mapping[str, bytes],
        comments: Mapping[int, str] | None = None,
        when: dt.datetime | None = None,
    ) -> None:
        from assemblers import blocks

        self.blocks = blocks
        self.document = document
        self.base = base
        self.images = images
        self.comments = comments or {}
        self.when = when
        self.style_ids = _style_ids(document)
        self.numbering = _Numbering(document)
        section = document.sections[-1]
        self.text_width = int((section.page_width - section.left_margin - section.right_margin) / 635)
        self.style_nums: dict[str, int] = {}  # style id: the list its style is numbered in
        self.recommendation_nums: dict[int, int | None] = {}
        self.note: str | None = None  # the comment of the block being written
        self.spliced: str | None = None  # the body's XML when it is spliced into the saved package, unparsed

    def numbered_style(self, name: str, level_text: str) -> int:
        """Return the numId a style is numbered in, attaching a new list to the style the first time."""
        sid = self.sid(name)
        if sid not in self.style_nums:
            num_id = self.numbering.new_list(level_text, sid)
            _set_style_numbering(self.document, sid, num_id)
            self.style_nums[sid] = num_id
        return self.style_nums[sid]

    def comment(self, placeholder: str) -> int:
        """Add a Word comment for a placeholder; return its id."""
        text = self.note or f"To complete: {placeholder.strip('[]')}"
        comment = self.document.comments.add_comment(strip_control(text), author=AUTHOR, initials=INITIALS)
        if self.when is not None:
            comment._comment_elm.date = self.when
        return comment.comment_id

    def runs(self, runs: Iterable[Run]) -> str:
        return _runs(runs, self.comment)

    def sid(self, name: str) -> str:
        """Return the style id of a style name; raises AssemblyError when the base lacks it."""
        try:
            return self.style_ids[name]
        except KeyError:
            raise AssemblyError(
                f"the style {name!r} is not in {self.base}.",
                "Add it to that file, or leave out --style to use templates/base.docx.",
            ) from None

    def body(self, blocks: list[Block]) -> None:
        """Replace the document body with the blocks, whose XML is built as text: spliced into the saved package
        unparsed, or parsed in one go when a picture needs its paragraph."""
        root = self.document.part.element
        body = root.find(qn("w:body"))
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        parts: list[str] = []
        pictures: list[tuple[int, Image]] = []
        kinds = self.blocks
        for index, block in enumerate(blocks):
            self.note = self.comments.get(index)
            if isinstance(block, kinds.Image):
                pictures.append((len(parts), block))
            parts.extend(self.xml(block))
        self.note = None
        if blocks and isinstance(blocks[-1], kinds.Table):
            parts.append("<w:p/>")
        xml = strip_control("".join(parts))  # whatever the template wrote, nothing XML 1.0 forbids
        if root.nsmap.get("w") == W_NS and not pictures and SPLICE_BODY:
            body.insert(0, etree.Comment(_MARKER))
            self.spliced = xml
            return
        if root.nsmap.get("w") == W_NS:
            elements = self._reparse(root, body, xml)
        else:  # a base that names the main namespace otherwise: move the nodes over (slower)
            fragment = parse_xml(f"<w:body {nsdecls('w')}>{xml}</w:body>")
            elements = list(fragment)
            for element in reversed(elements):
                body.insert(0, element)
        for index, image in pictures:
            self.picture(elements[index], image)

    def _reparse(self, root: etree._Element, body: etree._Element, xml: str) -> list[etree._Element]:
        """Parse document.xml once with `xml` at the start of the body; return the new body's elements.

        Moving tens of thousands of nodes from a parsed fragment into another document costs more
        than the whole rest of the write; serialising the (empty-bodied) base and parsing it back
        with the blocks in place is several times faster. python-docx keeps a part's XML in
        `_element`, so the part and this writer's Document proxy are pointed at the new tree.
        """
        body.insert(0, etree.Comment(_MARKER))
        head, tail = etree.tostring(root, encoding="unicode").split(f"<!--{_MARKER}-->")
        new_root = parse_xml(head + xml + tail)
        part = self.document.part
        part._element = new_root
        self.document = Document(new_root, part)
        return list(new_root.find(qn("w:body")))

    def xml(self, block: Block) -> list[str]:
        """Return the XML of one block as top-level body elements."""
        kinds = self.blocks
        if isinstance(block, kinds.Heading | kinds.Paragraph):
            return [self.paragraph(block.style, block.runs)]
        if isinstance(block, kinds.NumberedParagraph):
            self.numbered_style(block.style, "%1.")  # numbered by its style: no numPr of its own
            return [self.paragraph(block.style, block.runs)]
        if isinstance(block, kinds.Recommendation):
            if block.group not in self.recommendation_nums:
                first = self.numbered_style(block.style, "%1)")
                # The first list follows the style; each later one restarts at 1) in a list of the same kind.
                later = self.numbering.restart(first) if self.recommendation_nums else None
                self.recommendation_nums[block.group] = later
            return [self.paragraph(block.style, block.runs, self.recommendation_nums[block.group])]
        if isinstance(block, kinds.Table):
            caption = [self.caption(block.caption, above=True)] if block.caption else []
            return [*caption, self.table(block)]
        if isinstance(block, kinds.Image):
            caption = [self.caption(block.caption)] if block.caption else []
            return [self.paragraph(block.style, ()), *caption]
        if isinstance(block, kinds.PageBreak):
            return ['<w:p><w:r><w:br w:type="page"/></w:r></w:p>']
        raise TypeError(f"not a block: {block!r}")

    def paragraph(self, style: str, runs: Iterable[Run], num_id: int | None = None) -> str:
        """Return a paragraph's XML, numbered in list `num_id` when given (else as its style says)."""
        numbering = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>' if num_id else ""
        return f"<w:p><w:pPr><w:pStyle w:val={quoteattr(self.sid(style))}/>{numbering}</w:pPr>{self.runs(runs)}</w:p>"

    def caption(self, text: str, above: bool = False) -> str:
        """Return a Caption paragraph (kept with what follows when `above`); "Table 1: ..." and "Figure 1: ..."
        get Word's SEQ field for the number, so Word's cross-references and list of tables find them."""
        keep = "<w:keepNext/>" if above else ""
        ppr = f"<w:pPr><w:pStyle w:val={quoteattr(self.sid(self.blocks.STYLES['caption']))}/>{keep}</w:pPr>"
        match = _NUMBERED_CAPTION.match(text)
        if match is None:
            return f"<w:p>{ppr}{self.runs((self.blocks.Run(text),))}</w:p>"
        label, number, rest = match.groups()
        return (
            f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{label} </w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> SEQ {label} \\* ARABIC </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{number}</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f"{self.runs((self.blocks.Run(rest),))}</w:p>"
        )

    def table(self, table: Table) -> str:
        """Return a whole table's XML: fixed layout, set column widths, header row repeated on every page."""
        columns = len(table.header or (table.rows[0] if table.rows else ()))
        widths = _scale(table.widths or _auto_widths(table, columns), self.text_width)
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        body = _Cells(widths, quoteattr(self.sid(self.blocks.STYLES["table_text"])), runs=self.runs)
        rows = []
        if table.header is not None:
            header = _Cells(widths, quoteattr(self.sid(self.blocks.STYLES["table_heading"])), HEADER_FILL, self.runs)
            rows.append(header.row(table.header, "<w:trPr><w:tblHeader/></w:trPr>"))
        rows.extend(body.row(cells, "<w:trPr><w:cantSplit/></w:trPr>") for cells in table.rows)
        look = f'w:firstRow="{1 if table.header else 0}" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
        return (
            f"<w:tbl><w:tblPr><w:tblStyle w:val={quoteattr(self.sid(table.style))}/>"
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f'<w:tblLook w:val="04A0" {look} w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
        )

    def picture(self, element: etree._Element, image: Image) -> None:
        """Put the named picture, as wide as the text allows up to 16 cm, into its paragraph."""
        try:
            data = self.images[image.name]
        except KeyError:
            known = ", ".join(sorted(self.images)) or "none"
            raise AssemblyError(
                f"the template asks for the picture {image.name!r}, which this draft does not have "
                f"(pictures available: {known}).",
                "For a progress chart, give a plan (--plan).",
            ) from None
        width = Emu(min(self.text_width * 635, 16 * 360000))
        shape = DocxParagraph(element, self.document._body).add_run().add_picture(io.BytesIO(data), width=width)
        shape._inline.docPr.set("descr", strip_control(image.alt))

    def footer(self, reference: str) -> None:
        """Put the reference where a footer says "{reference}", or atop the first footer when none does."""
        found = False
        for section in self.document.sections:
            for footer in (section.footer, section.first_page_footer, section.even_page_footer):
                if footer.is_linked_to_previous:
                    continue
                for paragraph in footer.paragraphs:
                    found |= _replace(paragraph, reference)
        if not found and reference:
            footer = self.document.sections[0].footer
            footer.is_linked_to_previous = False
            if footer.paragraphs:
                footer.paragraphs[0].insert_paragraph_before(strip_control(reference))
            else:
                footer.add_paragraph(strip_control(reference))


def _style_ids(document: Document) -> dict[str | None, str | None]:
    """{style name as Word shows it: style id}, as python-docx's `{s.name: s.style_id for s in document.styles}`
    gives it, read from the styles' XML without a proxy object per style."""
    ids: dict[str | None, str | None] = {}
    name_tag, val, style_id = qn("w:name"), qn("w:val"), qn("w:styleId")
    for style in document.styles.element.iterchildren(qn("w:style")):
        name = style.find(name_tag)
        value = name.get(val) if name is not None else None
        ids[BabelFish.internal2ui(value) if value is not None else None] = style.get(style_id)
    return ids


class _Numbering:
    """Adds list definitions to numbering.xml, creating the part when the base has none."""

    def __init__(self, document: Document) -> None:
        part = document.part
        try:
            numbering = part.part_related_by(RT.NUMBERING)
        except KeyError:
            element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
            numbering = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package)
            part.relate_to(numbering, RT.NUMBERING)
        self.root = numbering.element
        self.next_abstract = 1 + max(
            (int(a.get(qn("w:abstractNumId"))) for a in self.root.iterchildren(qn("w:abstractNum"))), default=-1
        )
        self.next_num = 1 + max((int(n.get(qn("w:numId"))) for n in self.root.iterchildren(qn("w:num"))), default=0)

    def new_list(self, level_text: str, style_id: str | None = None) -> int:
        """Return the numId of a new single-level decimal list ("%1." or "%1)") that starts at 1.

        With `style_id` the list's level names the paragraph style it numbers (Word's link between a
        list and a style).
        """
        abstract_id, num_id = self.next_abstract, self.next_num
        self.next_abstract += 1
        self.next_num += 1
        nsid = zlib.crc32(f"actionbot-{abstract_id}-{level_text}".encode()) & 0xFFFFFFFF
        linked = f"<w:pStyle w:val={quoteattr(style_id)}/>" if style_id else ""
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:nsid w:val="{nsid:08X}"/>'
            '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="decimal"/>{linked}<w:lvlText w:val="{level_text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{INDENT}"/></w:tabs>'
            f'<w:ind w:left="{INDENT}" w:hanging="{INDENT}"/></w:pPr></w:lvl></w:abstractNum>'
        )
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.root.append(abstract)
        self.root.append(self._num(num_id, abstract_id))
        return num_id

    def restart(self, num_id: int) -> int:
        """Return the numId of a new instance of list `num_id`'s kind that starts again at 1."""
        for num in self.root.iterchildren(qn("w:num")):
            if num.get(qn("w:numId")) == str(num_id):
                abstract_id = int(num.find(qn("w:abstractNumId")).get(qn("w:val")))
                break
        else:
            raise KeyError(num_id)
        new_id = self.next_num
        self.next_num += 1
        self.root.append(self._num(new_id, abstract_id))
        return new_id

    @staticmethod
    def _num(num_id: int, abstract_id: int) -> etree._Element:
        return parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )


_BEFORE_NUMPR = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")


def _set_style_numbering(document: Document, style_id: str, num_id: int) -> None:
    """Number paragraph style `style_id` in list `num_id` (replacing any numbering the base gave it)."""
    for style in document.styles.element.iterchildren(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            ppr = style.find(qn("w:pPr"))
            if ppr is None:
                ppr = parse_xml(f"<w:pPr {nsdecls('w')}/>")
                rpr = style.find(qn("w:rPr"))
                if rpr is not None:
                    rpr.addprevious(ppr)
                else:
                    style.append(ppr)
            old = ppr.find(qn("w:numPr"))
            if old is not None:
                ppr.remove(old)
            numpr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
            # numPr comes after pStyle, keepNext, keepLines, pageBreakBefore, framePr, widowControl in CT_PPr
            before = {
                qn(f"w:{t}") for t in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")
            }
            position = sum(1 for child in ppr if child.tag in before)
            ppr.insert(position, numpr)
            return


def _runs(runs: Iterable[Run], comment: Callable[[str], int] | None = None) -> str:
    """Return the runs' XML; a placeholder is highlighted and, given `comment`, anchors a Word comment."""
    out = []
    for run in runs:
        if run.line_break:
            out.append("<w:r><w:br/></w:r>")
            continue
        props = ("<w:b/>" if run.bold else "") + ("<w:i/>" if run.italic else "")
        plain = f"<w:rPr>{props}</w:rPr>" if props else ""
        if PLACEHOLDER_START not in run.text:
            out.append(f'<w:r>{plain}<w:t xml:space="preserve">{escape(run.text)}</w:t></w:r>')
            continue
        text = run.text.replace(f"[{PLACEHOLDER_START}", f"{PLACEHOLDER_START}[").replace(
            f"{PLACEHOLDER_END}]", f"]{PLACEHOLDER_END}"
        )  # the brackets are part of the highlighted placeholder
        for i, piece in enumerate(_PLACEHOLDER_TEXT.split(text)):
            piece = piece.replace(PLACEHOLDER_START, "").replace(PLACEHOLDER_END, "")
            if not piece:
                continue
            if i % 2 == 0:
                out.append(f'<w:r>{plain}<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
                continue
            marked = (
                f'<w:r><w:rPr>{props}<w:highlight w:val="{HIGHLIGHT}"/></w:rPr>'
                f'<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>'
            )
            if comment is None:
                out.append(marked)
                continue
            cid = comment(piece)
            out.append(
                f'<w:commentRangeStart w:id="{cid}"/>{marked}<w:commentRangeEnd w:id="{cid}"/>'
                f'<w:r><w:commentReference w:id="{cid}"/></w:r>'
            )
    return "".join(out)


class _Cells:
    """Writes the cells of one kind of row (header or body): each column's opening XML is made once."""

    def __init__(
        self, widths: list[int], style: str, fill: str | None = None, runs: Callable[[Iterable[Run]], str] = _runs
    ) -> None:
        self.widths = widths
        self.style = style
        self.runs = runs
        self.plain = [self.start(width, fill) for width in widths]

    def start(self, width: int, fill: str | None) -> str:
        shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
            f"<w:p><w:pPr><w:pStyle w:val={self.style}/></w:pPr>"
        )

    def row(self, cells: tuple[Cell, ...], row_props: str) -> str:
        out = [f"<w:tr>{row_props}"]
        for j, cell in enumerate(cells[: len(self.widths)]):
            out.append(self.start(self.widths[j], RAG_FILLS[cell.rag]) if cell.rag else self.plain[j])
            runs = cell.runs
            if (
                len(runs) == 1
                and not (runs[0].line_break or runs[0].bold or runs[0].italic)
                and (PLACEHOLDER_START not in runs[0].text)
            ):  # plain text
                out.append(f'<w:r><w:t xml:space="preserve">{escape(runs[0].text)}</w:t></w:r></w:p></w:tc>')
            else:
                out.append(f"{self.runs(runs)}</w:p></w:tc>")
        out.extend(f"{self.plain[j]}</w:p></w:tc>" for j in range(len(cells), len(self.widths)))
        out.append("</w:tr>")
        return "".join(out)


def _auto_widths(table: Table, columns: int) -> list[float]:
    """Return relative widths from the longest text in each column (bounded, so no column starves)."""
    rows = ([table.header] if table.header else []) + list(table.rows)
    longest = [0] * columns
    for cells in rows:
        for j, cell in enumerate(cells[:columns]):
            longest[j] = max(longest[j], sum(len(r.text) for r in cell.runs))
    return [min(max(n, 4), 60) for n in longest]


def _scale(weights: Iterable[float], total: int) -> list[int]:
    weights = list(weights)
    scale = total / sum(weights)
    widths = [int(w * scale) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _replace(paragraph: DocxParagraph, reference: str) -> bool:
    """Replace "{reference}" in a footer paragraph; return whether it was there."""
    runs = paragraph.runs
    for run in runs:
        if REFERENCE_PLACEHOLDER in run.text:
            run.text = run.text.replace(REFERENCE_PLACEHOLDER, strip_control(reference))
            return True
    if REFERENCE_PLACEHOLDER in "".join(r.text for r in runs):  # Word split the placeholder across runs
        text = "".join(r.text for r in runs)
        runs[0].text = text.replace(REFERENCE_PLACEHOLDER, strip_control(reference))
        for run in runs[1:]:
            run.text = ""
        return True
    return False
