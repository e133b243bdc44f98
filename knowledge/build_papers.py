"""Split the seed documents into cited passages: knowledge/data/papers/<paper-id>.yaml.

    python -m knowledge.build_papers /work/shared/seeds [--out knowledge/data/papers]

The seeds are plain-text extractions with no page markers, so a passage is located by its
sub-document (the panel pack's agenda, minutes and reports), its section heading and its paragraph
(the printed number where the document numbers its paragraphs, else its place under the heading).
Every passage is a contiguous run of the seed, whitespace-normalised: headings and skipped lines
(contents pages, repeated table headers, table rules) always end a passage, so nothing is ever
joined across text that the passage leaves out. Run it again after changing the rules; the output
is committed data and the knowledge base loads without the seeds.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from knowledge import yamlio

MIN_WORDS = 40  # a passage is closed once it reaches this many words at a paragraph boundary
MAX_WORDS = 120  # a longer paragraph is split at sentence boundaries
TINY_WORDS = 15  # a closing fragment shorter than this joins the passage before it
OUT = Path(__file__).parent / "data" / "papers"


@dataclass(frozen=True)
class PartSpec:
    """A sub-document: it starts at the `nth` line matching `start` after the previous part's start."""

    id: str
    title: str
    start: str
    nth: int = 1
    pages: str | None = None  # as the document's own contents or agenda gives them: "49-60", "26"
    skip: bool = False
    page_label: str = "pack pages"  # how a location names them: "pack pages 49-60", "pages 24-25", "from page"

    def where(self) -> str:
        if not self.pages:
            return ""
        if self.page_label == "from page":
            return f"from page {self.pages}"
        label = self.page_label if "-" in self.pages else self.page_label.removesuffix("s")
        return f"{label} {self.pages}"

    def page(self) -> int | None:
        """The page of every passage in the part, when the part is a single known page."""
        return int(self.pages) if self.pages and self.pages.isdigit() and self.page_label != "from page" else None


@dataclass(frozen=True)
class DocSpec:
    id: str
    title: str
    seed: str
    parts: tuple[PartSpec, ...]
    skip: tuple[str, ...] = ()  # lines (or table cells) that are layout, not text
    table: str | None = None  # "city" or "county": the action-plan table rules below
    table_from: str | None = None  # no headings are guessed after this line (table cells are short)


_RULE = r"^[-|:\s]*$|^-( \|)+\s*\|?$"


def _report(ident: str, title: str, pages: str, open_ended: bool = False) -> PartSpec:
    """A section of the annual report, starting at its heading, with the pages its contents list gives."""
    return PartSpec(
        ident, title, "^" + re.escape(title) + "$", pages=pages, page_label="from page" if open_ended else "pages"
    )


DOCS: tuple[DocSpec, ...] = (
    DocSpec(
        "city-iicsa-plan-2019",
        "Nottingham City Council IICSA Action Plan (2019)",
        "000_ba3eb70c98682f36.txt",
        (),
        skip=(_RULE, r"^(Recommendation Addressed|Action|Lead|Timescale)$"),
        table="city",
        table_from=r"^Recommendation Addressed$",
    ),
    DocSpec(
        "county-iicsa-plan",
        "Nottinghamshire County Council IICSA Action Plan (Appendix 1)",
        "001_9caaf22f960a7c51.txt",
        (),
        skip=(_RULE, r"^Appendix 1$", r"^Theme\tAction\tLead Officers\tUpdate$"),
        table="county",
        table_from=r"^Theme\tAction",
    ),
    DocSpec(
        "ncscp-annual-report-2019-20",
        "Nottingham City Safeguarding Children Partnership Annual Report 2019/20",
        "002_d4471fad2877c0a5.txt",
        (
            PartSpec("cover", "Cover", r"^Nottingham City Safeguarding Children Partnership$"),
            PartSpec("contents", "Contents", r"^Contents$", skip=True),
            PartSpec("foreword", "Foreword", r"^Foreword from "),
            # the sections the contents page lists, with the report pages it gives them
            PartSpec("overview", "Nottingham City: An Overview", r"^Nottingham City: An Overview$"),
            _report("how-safe", "How safe are children in Nottingham?", "8", open_ended=True),
            PartSpec("the-ncscp", "The NCSCP", r"^The NCSCP$"),
            _report("cspr-subgroup", "Child Safeguarding Practice Review (CSPR) Subgroup", "16-18"),
            _report("qa-subgroup", "Quality Assurance and Multi Agency Audit Sub-Group", "19-20"),
            _report("childrens-integrated-services", "Nottingham City Children's Integrated Services", "21-23"),
            _report("iicsa", "Independent Inquiry into Child Sexual Abuse", "24-25"),
            _report("education", "Education Directorate, Nottingham City Council", "26"),
            _report("youth-justice", "Youth Justice Services", "27-28"),
            _report("ccg", "Nottingham and Nottinghamshire CCG", "29-30"),
            _report("citycare", "Nottingham CityCare Partnerships", "31"),
            _report("healthcare-trust", "Nottinghamshire Healthcare Trust", "32-33"),
            _report("police", "Nottinghamshire Police", "34-35"),
            _report("voice", "Voice of the Child", "36"),
            _report("priorities", "Priorities for 2020/21", "37", open_ended=True),
        ),
        skip=(_RULE,),
    ),
    DocSpec(
        "corporate-parenting-panel-2025-01-14",
        "Nottinghamshire Corporate Parenting Panel papers, 14 January 2025",
        "003_1684bf18d656461f.txt",
        (
            PartSpec("agenda", "Agenda", r"^Corporate Parenting Panel$"),
            PartSpec(
                "minutes-2024-10-15", "Minutes of the meeting of 15 October 2024", r"^Meeting: Corporate", pages="3-10"
            ),
            PartSpec(
                "item-6-residential-homes",
                "Update on Nottinghamshire Children's Residential Homes and Secure Accommodation Service "
                "(agenda item 6)",
                r"^Agenda Item: 6$",
                pages="11-24",
            ),
            PartSpec(
                "item-7-strategic-safeguarding",
                "Annual Report of the Strategic Safeguarding Service April 2023 – March 2024 (agenda item 7)",
                r"^Agenda Item: 7$",
                pages="25-48",
            ),
            PartSpec(
                "item-7-exploitation-missing-review",
                "Child Exploitation and Children Missing from Home and Care Annual Review 2024 (agenda item 7)",
                r"^CHILD EXPLOITATION AND CHILDREN MISSING FROM HOME AND CARE$",
                pages="25-48",
            ),
            PartSpec(
                "item-7-tce-strategy",
                "Child Exploitation Strategy 2024-26 (agenda item 7)",
                r"^OUR COMMITMENT TO TACKLING CHILD EXPLOITATION$",
                pages="25-48",
            ),
            PartSpec(
                "item-7-tce-action-plan",
                "Tackling Child Exploitation strategic assessment and action plan (agenda item 7)",
                r"^Strategic Assessment and Action Plan$",
                pages="25-48",
            ),
            PartSpec(
                "item-8-hsb-report",
                "Harmful Sexual Behaviour by Children Annual Review 2024: report (agenda item 8)",
                r"^Agenda Item: 8$",
                pages="49-60",
            ),
            PartSpec(
                "item-8-hsb-review",
                "Harmful Sexual Behaviour by Children Annual Review 2024 (agenda item 8)",
                r"^HARMFUL SEXUAL BEHAVIOUR BY CHILDREN ANNUAL REVIEW 2024$",
                nth=2,
                pages="49-60",
            ),
            PartSpec(
                "item-9-managing-allegations",
                "Managing Allegations Service Annual Report 2023-24 (agenda item 9)",
                r"^Agenda Item: 9$",
                pages="61-74",
            ),
            PartSpec(
                "item-10-work-programme",
                "Work Programme 2025 (agenda item 10)",
                r"^CORPORATE PARENTING PANEL - WORK PROGRAMME 2025$",
                pages="75-76",
            ),
        ),
        skip=(_RULE,),
    ),
    DocSpec(
        "ncscp-business-plan-2021-24",
        "Nottingham City Safeguarding Children Partnership Business Plan 2021-24",
        "004_915696512e91fbfb.txt",
        (),
        skip=(_RULE,),
    ),
)

# -- classifying lines -------------------------------------------------------------------------
TEXT, WEAK, STRONG, SKIP = "text", "weak", "strong", "skip"
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_HTML_ITEM = re.compile(r"^<ul\b.*<b>(.*?)</b>.*</ul>$")
_BOLD_LINE = re.compile(r"^\*\*([^*]+)\*\*$")
_NUMBERED = re.compile(r"^(?:-\s*)?(\d+)[.)](?:\s|$)")
_NOT_HEADING = re.compile(r"^(RESOLVED\b|[A-Z]{2}\d{4}$)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')]*\s+(?=[\"“‘'(]?[A-Z0-9])")


@dataclass
class Unit:
    """One line, or one table cell of a tab-separated row."""

    text: str
    line: int
    kind: str = TEXT
    heading: str = ""
    level: float = 3.0
    section: str | None = None  # a table row's own section ("Action 7a")


def _plain(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>|\*\*|^#+\s*", "", text).split()).strip(" :")


def _heading(line: str) -> tuple[str, str, float]:
    """(kind, heading text, level) for a line with no tabs."""
    if m := _MD_HEADING.match(line):
        return STRONG, _plain(m.group(2)), float(len(m.group(1)))
    if m := _HTML_ITEM.match(line):
        return STRONG, _plain(m.group(1)), 2.5
    words = line.split()
    if (m := _BOLD_LINE.match(line)) and len(words) <= 20:
        return STRONG, _plain(m.group(1)), 3.0
    if _NOT_HEADING.match(line) or line[0] in "-|*•(\"“'‘<[" or not re.search(r"[A-Za-z]", line):
        return TEXT, "", 0.0
    letters = re.sub(r"[^A-Za-z]", "", line)
    if len(letters) >= 3 and letters.isupper() and len(words) <= 20 and not line.endswith("."):
        # "4 FOSTER CARERS LIAISON GROUP UPDATE" heads a minute; "TBH" is a home's name under a heading
        level = 1.5 if re.match(r"^\d+ ", line) else (3.0 if len(words) <= 2 else 2.0)
        return STRONG, _plain(line), level
    digits = sum(ch.isdigit() for ch in line)
    short = len(words) <= 10 and digits < 7 and "@" not in line and line.count(",") < 2  # not an address
    if short and line[0].isupper() and line[-1] not in ".,;:!" and not _NUMBERED.match(line):
        return WEAK, _plain(line), 3.0
    return TEXT, "", 0.0


def _join_bold(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A bold heading broken over lines ("**REPORT OF THE ... AND" / "RESOURCES**") as one line."""
    out: list[tuple[int, str]] = []
    open_at: int | None = None
    for number, raw in lines:
        line = raw.strip()
        if open_at is not None and line:
            out[open_at] = (out[open_at][0], f"{out[open_at][1].rstrip()} {line}")
            if "**" in line:
                open_at = None
            continue
        out.append((number, raw))
        if line.startswith("**") and line.count("**") == 1:
            open_at = len(out) - 1
    return out


def units_of(lines: list[tuple[int, str]], spec: DocSpec) -> list[Unit]:
    """Classify each line (or each cell of a tabbed row) as text, a heading or layout to skip."""
    lines = _join_bold(lines)
    skip = [re.compile(p) for p in spec.skip]
    table_from = re.compile(spec.table_from) if spec.table_from else None
    in_table = False
    out: list[Unit] = []
    for number, raw in lines:
        line = raw.strip()
        if not line:
            continue
        if table_from is not None and table_from.search(raw):
            in_table = True
        if any(p.search(line) or p.search(raw.strip("\n")) for p in skip):
            out.append(Unit(line, number, SKIP))
            continue
        if "\t" in raw or in_table:
            out.extend(_cells(raw, number, spec, skip))
            continue
        kind, heading, level = _heading(line)
        out.append(Unit(line, number, kind, heading, level))
    _demote_weak_runs(out)
    _demote_unfollowed(out)
    return _join_continuations(out)


def _join_continuations(units: list[Unit]) -> list[Unit]:
    """A text line starting in lower case continues the paragraph the extraction broke off."""
    out: list[Unit] = []
    for unit in units:
        prev = out[-1] if out else None
        if unit.kind == TEXT and unit.text[:1].islower() and prev is not None and prev.kind == TEXT:
            prev.text = f"{prev.text} {unit.text}"
            continue
        out.append(unit)
    return out


def _cells(raw: str, number: int, spec: DocSpec, skip: list[re.Pattern[str]]) -> list[Unit]:
    cells = [c.strip() for c in raw.split("\t")]
    out: list[Unit] = []
    if spec.table == "county":
        action = next((i for i, c in enumerate(cells) if re.match(r"^Action (\d+) [–-]", c)), None)
        if action is not None:
            n = re.match(r"^Action (\d+)", cells[action]).group(1)  # type: ignore[union-attr]
            theme = " ".join(c for c in cells[:action] if c)
            section = f"Action {n} ({theme})" if theme else f"Action {n}"
            out.append(Unit(section, number, STRONG, section, 2.0))
            cells = cells[action:]
    for cell in cells:
        if not cell:
            continue
        if re.fullmatch(r"[-–|:]+", cell):  # "Sarah Ashton - Democratic Services Officer": a separator, kept
            out.append(Unit(cell, number))
        elif any(p.search(cell) for p in skip):
            out.append(Unit(cell, number, SKIP))
        elif spec.table == "city" and (m := re.match(r"^(\d+[a-c]?)\.$", cell)):
            out.append(Unit(cell, number, STRONG, f"Action {m.group(1)}", 2.0))
        else:
            out.append(Unit(cell, number))
    return out


def _demote_weak_runs(units: list[Unit]) -> None:
    """Three or more short lines in a row are a list (signatures, attendees, an address), not headings."""
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and units[j].kind == WEAK:
            j += 1
        if j - i >= 3:
            for unit in units[i:j]:
                unit.kind = TEXT
        i = max(j, i + 1)


def _demote_unfollowed(units: list[Unit]) -> None:
    """A short line is a heading only if a heading or a real paragraph follows it (not a name or a label)."""
    following: Unit | None = None
    for unit in reversed(units):
        if unit.kind == WEAK:
            heads = following is not None and (
                following.kind in (WEAK, STRONG)
                or (following.kind == TEXT and len(following.text.split()) >= 8 and not following.text.endswith(":"))
            )
            if not heads:
                unit.kind = TEXT
        if unit.kind != SKIP:
            following = unit


# -- packing passages --------------------------------------------------------------------------
@dataclass
class Passage:
    text: str
    line: int
    part: str | None
    section: str
    paragraph: str | None
    location: str
    page: int | None = None


@dataclass
class _Packer:
    paper: DocSpec
    part: PartSpec | None
    out: list[Passage]
    stack: list[tuple[float, str]] = field(default_factory=list)
    buffer: list[tuple[str, int, str | None]] = field(default_factory=list)  # (text, line, printed number)
    ordinal: int = 0  # source paragraphs seen under the current heading
    first_ordinal: int = 0
    joinable: bool = False  # the last passage ends right where the buffer starts
    after_heading: bool = False

    def section(self) -> str:
        names = [name for _, name in self.stack if name]
        return " – ".join(names[-2:])

    def heading(self, unit: Unit) -> None:
        """A heading replaces those of its level and below; one straight after another nests under it."""
        self.flush()
        self.joinable = False
        if self.after_heading and self.stack and unit.level >= self.stack[-1][0]:
            self.stack.append((max(unit.level, self.stack[-1][0] + 0.1), unit.heading))
        else:
            self.stack = [(lvl, name) for lvl, name in self.stack if lvl < unit.level]
            self.stack.append((unit.level, unit.heading))
        self.after_heading = True
        self.ordinal = 0

    def skip(self) -> None:
        self.flush()
        self.joinable = False

    def text(self, unit: Unit) -> None:
        self.after_heading = False
        self.ordinal += 1
        m = _NUMBERED.match(unit.text)
        number = m.group(1) if m else None
        if number and _words(self.buffer) >= TINY_WORDS:
            self.flush()
        for piece in _pieces(unit.text):
            n = len(piece.split())
            if self.buffer and _words(self.buffer) + n > MAX_WORDS:
                self.flush()
            if not self.buffer:
                self.first_ordinal = self.ordinal
            self.buffer.append((piece, unit.line, number))
            number = None
            if _words(self.buffer) >= MAX_WORDS:
                self.flush()
        if _words(self.buffer) >= MIN_WORDS:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        text = " ".join(" ".join(t for t, _, _ in self.buffer).split())
        section = self.section()
        prev = self.out[-1] if self.out else None
        if (
            len(text.split()) < TINY_WORDS
            and self.joinable
            and prev is not None
            and prev.section == section
            and prev.part == (self.part.id if self.part else None)
            and len(prev.text.split()) + len(text.split()) <= MAX_WORDS + 30
        ):
            prev.text = f"{prev.text} {text}"
            self.buffer = []
            return
        numbers = [n for _, _, n in self.buffer if n]
        if numbers:
            paragraph = numbers[0] if len(numbers) == 1 else f"{numbers[0]}-{numbers[-1]}"
            where = f"para {paragraph}" if len(numbers) == 1 else f"paras {paragraph}"
        else:
            paragraph = None
            where = f"paragraph {self.first_ordinal}" if self.first_ordinal > 1 or self.ordinal > 1 else ""
            if self.paper.table and section.startswith("Action "):
                where = ""  # a table row is cited by its action; its cells are not paragraphs
        self.out.append(Passage(text, self.buffer[0][1], self.part.id if self.part else None, section, paragraph, ""))
        self.out[-1].location = _location(self.part, section, where)
        self.out[-1].page = self.part.page() if self.part else None
        self.buffer = []
        self.joinable = True


def _location(part: PartSpec | None, section: str, where: str) -> str:
    bits = []
    if part is not None:
        bits.append(part.title + (f", {part.where()}" if part.pages else ""))
    own = re.sub(r"\s*\([^)]*\)$", "", part.title).lower() if part is not None else ""
    if own and section.lower().startswith(own):  # the part's own heading adds nothing
        section = section[len(own) :].lstrip(" –:")
    if section:
        bits.append(section if not bits else f"'{section}'")
    if where:
        bits.append(where)
    return ", ".join(bits) or "start of document"


def _words(buffer: list[tuple[str, int, str | None]]) -> int:
    return sum(len(t.split()) for t, _, _ in buffer)


def _pieces(text: str) -> list[str]:
    """A paragraph as is, or split at sentence boundaries into runs of at most MAX_WORDS words."""
    if len(text.split()) <= MAX_WORDS:
        return [text]
    sentences = _SENTENCE_END.split(text)
    pieces: list[str] = []
    current: list[str] = []
    for sentence in sentences:
        if current and len(" ".join([*current, sentence]).split()) > MAX_WORDS:
            pieces.append(" ".join(current))
            current = []
        current.append(sentence)
    if current:
        pieces.append(" ".join(current))
    return pieces


# -- documents ---------------------------------------------------------------------------------
def split_parts(lines: list[tuple[int, str]], spec: DocSpec) -> list[tuple[PartSpec | None, list[tuple[int, str]]]]:
    """The document's lines cut into its sub-documents (one unnamed part when it has none)."""
    if not spec.parts:
        return [(None, lines)]
    starts: list[int] = []
    position = 0
    for part in spec.parts:
        pattern = re.compile(part.start)
        seen = 0
        for i in range(position, len(lines)):
            if pattern.search(lines[i][1].strip()):
                seen += 1
                if seen == part.nth:
                    starts.append(i)
                    position = i + 1
                    break
        else:
            raise ValueError(f"{spec.seed}: part {part.id!r} start {part.start!r} not found")
    starts[0] = 0
    bounds = [*starts, len(lines)]
    return [(part, lines[bounds[k] : bounds[k + 1]]) for k, part in enumerate(spec.parts)]


def passages_of(text: str, spec: DocSpec) -> list[Passage]:
    lines = list(enumerate(text.splitlines(), start=1))
    out: list[Passage] = []
    for part, part_lines in split_parts(lines, spec):
        if part is not None and part.skip:
            continue
        packer = _Packer(spec, part, out)
        for unit in units_of(part_lines, spec):
            if unit.kind == SKIP:
                packer.skip()
            elif unit.kind in (WEAK, STRONG):
                packer.heading(unit)
            else:
                packer.text(unit)
        packer.flush()
    return out


# -- tables of figures -------------------------------------------------------------------------
_FIGURE = re.compile(r"\d")
MIN_TABLE_COLUMNS = 3  # a tabbed header with fewer value columns is a list of names, not a table of figures


def tables_of(text: str, spec: DocSpec) -> list[dict]:
    """The tables of figures in the document: runs of tab-separated lines whose first line names the columns and
    whose other lines are a label and one cell per column, mostly figures ("LADO Advice by Quarter", "Table 1.
    Children Missing ..."). The action-plan tables (`spec.table`) are records of their own, and a run whose rows
    do not line up with its header is left as text: a figure is never read from a column it may not belong to."""
    if spec.table:
        return []
    lines = list(enumerate(text.splitlines(), start=1))
    out: list[dict] = []
    for part, part_lines in split_parts(lines, spec):
        if part is not None and part.skip:
            continue
        run: list[tuple[int, str]] = []
        for k, (number, raw) in enumerate([*part_lines, (0, "")]):
            if "\t" in raw:
                run.append((number, raw))
                continue
            if run:
                table = _table(run, part_lines[: k - len(run)], part)
                if table is not None:
                    out.append(table)
            run = []
    return out


def _table(run: list[tuple[int, str]], before: list[tuple[int, str]], part: PartSpec | None) -> dict | None:
    header = [c.strip() for c in run[0][1].split("\t")]
    columns = header[1:]
    if len(columns) < MIN_TABLE_COLUMNS or not all(columns) or len(run) < 2:
        return None
    title = header[0] or next((t.strip() for _, t in reversed(before[-3:]) if t.strip()), "")
    if not title:
        return None
    rows = []
    for _, raw in run[1:]:
        cells = [c.strip() for c in raw.split("\t")]
        values = cells[1:]
        if len(values) != len(columns):
            return None  # a row that does not line up: which column a figure is in can't be told
        rows.append({"label": cells[0], "cells": values})  # no label ("\t46\t36..."): the table's one row
    filled = [v for row in rows for v in row["cells"] if v]
    if not filled or sum(bool(_FIGURE.search(v)) for v in filled) < 0.6 * len(filled):
        return None
    where = ", ".join(b for b in (part.title if part else "", part.where() if part else "") if b)
    title = " ".join(title.split())
    return {
        "title": title,
        "location": f"{where}, table '{title}'" if where else f"table '{title}'",
        **({"part": part.id} if part else {}),
        "line": run[0][0],
        "columns": columns,
        "rows": rows,
    }


def paper_data(spec: DocSpec, text: str) -> dict:
    """The YAML-ready record of one paper, its passages and its tables of figures."""
    passages = passages_of(text, spec)
    paper: dict = {"id": spec.id, "title": spec.title, "seed": spec.seed}
    if spec.parts:
        paper["parts"] = [
            {"id": p.id, "title": p.title, **({"pages": p.pages} if p.pages else {})} for p in spec.parts if not p.skip
        ]
    rows = []
    for n, p in enumerate(passages, start=1):
        row: dict = {"id": f"{spec.id}/{n:03d}"}
        if p.part:
            row["part"] = p.part
        if p.section:
            row["section"] = p.section
        if p.paragraph:
            row["paragraph"] = p.paragraph
        if p.page is not None:
            row["page"] = p.page
        row["location"] = p.location
        row["line"] = p.line
        row["text"] = p.text
        rows.append(row)
    data = {"paper": paper, "passages": rows}
    tables = tables_of(text, spec)
    if tables:
        data["tables"] = [{"id": f"{spec.id}/table-{n}", **t} for n, t in enumerate(tables, start=1)]
    return data


HEADER = (
    "# Generated by `python -m knowledge.build_papers <seeds>` from {seed}: do not edit by hand.\n"
    "# Each passage's text is a verbatim (whitespace-normalised) run of the seed; `line` is where it starts.\n"
)


def build(seeds: Path, out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in DOCS:
        text = (seeds / spec.seed).read_text(encoding="utf-8")
        target = out / f"{spec.id}.yaml"
        target.write_text(HEADER.format(seed=spec.seed) + yamlio.dump(paper_data(spec, text)), encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge.build_papers", description=__doc__.splitlines()[0])
    parser.add_argument("seeds", type=Path, help="the folder holding the seed .txt files")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write the YAML (default {OUT})")
    args = parser.parse_args(argv)
    missing = [spec.seed for spec in DOCS if not (args.seeds / spec.seed).is_file()]
    if missing:
        print(f"missing seed files in {args.seeds}: {', '.join(missing)}", file=sys.stderr)
        return 2
    for path in build(args.seeds, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
