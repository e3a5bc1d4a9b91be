"""PDF → `Document`, each page parsed once.

Order of work: pypdfium2 reads every page's glyphs, rules and comments (`pdf.pages`);
with OCR on, pages without a usable text layer (`pdf.textlayer`: none, or garbage) are
recognised from their images into the same glyphs and rules (`pdf.ocr`, every page
with `mode="all"`), keeping the page's comments; pages not read, garbled text (with OCR
off) and damage in the file's bytes become problems (`document.damage`); pages with
rules get their tables found (`pdf.tables`); glyphs outside tables become lines, page
furniture is set aside, lines become blocks, and blocks and tables in reading order
become the section tree.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from extractor.document.blocks import assemble, margins
from extractor.document.columns import ColumnSettings, column_regions
from extractor.document.damage import page_problems
from extractor.document.lines import page_lines, strip_furniture
from extractor.document.model import Block, Document, PageInfo, Section, Table
from extractor.document.ocr_tables import repair_slashes, repair_ticks, snap_labels
from extractor.document.sections import build_tree
from extractor.document.tables import (
    column_paths,
    continues_caption,
    join_continued,
    split_stacked,
    to_table,
)
from extractor.errors import OcrDeferredError
from extractor.knowledge import section_vocab
from extractor.knowledge.vocab import table_words
from extractor.pdf.ocr import OcrOptions
from extractor.pdf.pages import Line, OcrGlyph, Opened, RawPage, read_pages
from extractor.pdf.tables import TableSettings, find_tables
from extractor.pdf.textlayer import needs_ocr
from extractor.records import OCR_DOUBT


@dataclass(frozen=True, slots=True)
class DocumentOptions:
    password: str | None = None
    tables: TableSettings = field(default_factory=TableSettings)
    # Which pages to recognise from their images, and with which engine.
    ocr: OcrOptions = field(default_factory=OcrOptions)
    # Raise OcrDeferredError instead of recognising (the caller grants time and reruns).
    defer_ocr: bool = False
    # Where a page sets its text in two columns (Word 分栏), and how sure that must be.
    columns: ColumnSettings = field(default_factory=ColumnSettings)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _page_tables(page: RawPage, settings: TableSettings) -> list[Table]:
    if not page.rules and not page.shades:
        return []
    tables = [
        part
        for raw in find_tables(page.number, page.rules, page.glyphs, settings, page.shades)
        for part in split_stacked(to_table(raw, page.glyphs))
    ]
    if page.ocr is not None:
        words = table_words()
        for t in tables:
            if snap_labels(t, words):
                t.columns = column_paths(t)
            repair_slashes(t)
            repair_ticks(t)
    return tables


def _mark_title(blocks: list[Block], body_size: float) -> None:
    """Large lines on the first page before the first heading are the cover title."""
    for b in blocks:
        if b.kind == "heading" or b.page > 1:
            break
        if b.lines[0].size >= body_size * 1.25:
            b.kind = "title"


# A plain title is set this much larger than the body text (or bold).
_TITLE_SCALE = 1.15


def _mark_plain_titles(blocks: list[Block], body_size: float) -> None:
    """Unnumbered section titles ("项目概况", "评估结论" set large or bold on a line of
    their own) become headings of a style of their own ("plain_title").

    A line is such a title only when it heads numbered sections: the next block is a
    numbered heading on the same page. Large lines that caption a table (the table,
    not a heading, follows them) or sit on a cover stay as they are, and a report must
    have two titles of one size, so one large line is never taken for a section."""
    rules = section_vocab().heading
    found: list[Block] = []
    for b, nxt in itertools.pairwise(blocks):
        if b.kind != "paragraph" or b.marker or len(b.lines) != 1:
            continue
        line = b.lines[0]
        if not (line.size >= body_size * _TITLE_SCALE or line.bold):
            continue
        text = b.text.strip()
        if not text or len(text) > rules.max_chars or text[-1] in rules.sentence_end + "：:":
            continue
        if nxt.kind != "heading" or not nxt.marker or nxt.page != b.page:
            continue
        found.append(b)
    sizes = Counter(round(b.lines[0].size, 1) for b in found)
    for b in found:
        if sizes[round(b.lines[0].size, 1)] >= 2:
            b.kind, b.marker, b.marker_type = "heading", "", "plain_title"


_NUMBERED_CAPTION = re.compile(r"^\s*(?:附\s*)?表\s*\d")
# A note of the table's units printed between its caption and the table ("（单位：个、
# 节、人次、小时）"): the numbered caption above it names the table.
_UNIT_NOTE = re.compile(r"^\s*[（(]?\s*(?:计量)?单位\s*[：:]")


def _caption(flow: list[Block | Table], i: int) -> str:
    """The short text block printed right above a table on its page, if any; a numbered
    caption ("表1 …") left at the foot of the previous page by a page break counts too,
    and so does one printed above a unit note that stands right above the table."""
    t = flow[i]
    assert isinstance(t, Table)
    for j in range(i - 1, max(-1, i - 3), -1):
        item = flow[j]
        if isinstance(item, Table):
            return ""
        if len(item.text) > 60:
            return ""
        page = item.lines[-1].page
        if page == t.pages[0] or (page == t.pages[0] - 1 and _NUMBERED_CAPTION.match(item.text)):
            if j == i - 1 and _UNIT_NOTE.match(item.text) and j > 0:
                above = flow[j - 1]
                if (
                    isinstance(above, Block)
                    and len(above.text) <= 60
                    and _NUMBERED_CAPTION.match(above.text)
                    and above.lines[-1].page in (t.pages[0], t.pages[0] - 1)
                ):
                    return above.text.strip()
            return item.text.strip()
        return ""
    return ""


def _numbered_caption(item: Block | Table) -> bool:
    return (
        isinstance(item, Block)
        and len(item.text) <= 60
        and bool(_NUMBERED_CAPTION.match(item.text))
    )


def _captions_below(flow: list[Block | Table]) -> bool:
    """The report prints its captions under its tables (a Word habit): more numbered
    captions ("表1 …") come right after a table than right before one. A report with its
    captions above has every caption before a table, so never more after one."""
    after = before = 0
    for i, item in enumerate(flow):
        if not _numbered_caption(item):
            continue
        after += i > 0 and isinstance(flow[i - 1], Table)
        before += i + 1 < len(flow) and isinstance(flow[i + 1], Table)
    return after > before


def _caption_below(flow: list[Block | Table], i: int) -> str:
    """In a report that captions below: the numbered caption right after the table, on
    its last page; else the short text above it, unless that is the caption under the
    table before (a table typed in two parts, one under the other)."""
    t = flow[i]
    assert isinstance(t, Table)
    if i + 1 < len(flow) and _numbered_caption(nxt := flow[i + 1]):
        assert isinstance(nxt, Block)
        if nxt.page == t.pages[-1]:
            return nxt.text.strip()
    if i >= 2 and _numbered_caption(flow[i - 1]) and isinstance(flow[i - 2], Table):
        return ""
    return _caption(flow, i)


def _assign_sections(root: Section) -> None:
    for sec in root.walk():
        for t in sec.tables:
            t.section = sec.path


def build_document(
    path: Path, options: DocumentOptions | None = None, opened: Opened | None = None
) -> Document:
    """The document of the PDF at `path`; `opened`: the PDF opened already (by the
    parse's check, `probe.open_usable`), read and closed here."""
    opts = options or DocumentOptions()
    pages = read_pages(path, opts.password, opened)
    problems = page_problems(path, pages, ocr=opts.ocr.mode != "off")
    raw_pages = with_ocr(path, pages, opts)
    per_page_tables = [_page_tables(p, opts.tables) for p in raw_pages]
    per_page_lines: list[list[Line]] = []
    for page, tables in zip(raw_pages, per_page_tables, strict=True):
        regions = [
            (
                min(c.bbox[0] for c in t.cells),
                min(c.bbox[1] for c in t.cells),
                max(c.bbox[2] for c in t.cells),
                max(c.bbox[3] for c in t.cells),
            )
            for t in tables
        ]
        per_page_lines.append(page_lines(page, regions))
    removed = strip_furniture(per_page_lines, [p.height for p in raw_pages])

    all_lines = [ln for lines in per_page_lines for ln in lines]
    m = margins([ln for ln in all_lines if not _landscape(raw_pages, ln.page)] or all_lines)

    # Reading order: per page, lines and tables by their top; tables cut block runs; a
    # two-column region's lines at its top, its left column before its right.
    flow: list[Block | Table] = []
    run: list[Line] = []
    for k, (lines, tables) in enumerate(zip(per_page_lines, per_page_tables, strict=True)):
        spans = [(min(c.bbox[1] for c in t.cells), max(c.bbox[3] for c in t.cells)) for t in tables]
        single, in_columns = column_regions(lines, m, spans, opts.columns)
        items: list[tuple[tuple[float, int], Line | Table]] = [((ln.top, 0), ln) for ln in single]
        items += [((top, 0), t) for t, (top, _) in zip(tables, spans, strict=True)]
        for region in in_columns:
            items += [((region.top, 1 + i), ln) for i, ln in enumerate(region.lines)]
        if in_columns:  # the cut lines stand for the lines they were cut from
            per_page_lines[k] = sorted(
                single + [ln for r in in_columns for ln in r.lines], key=lambda ln: ln.top
            )
        for _, item in sorted(items, key=lambda x: x[0]):
            if isinstance(item, Table):
                flow.extend(assemble(run, m))
                run = []
                flow.append(item)
            else:
                run.append(item)
    flow.extend(assemble(run, m))

    def text_between(page: int, top: float, bottom: float) -> list[str]:
        return [ln.text.strip() for ln in per_page_lines[page - 1] if top < ln.top < bottom]

    tables = join_continued([t for t in flow if isinstance(t, Table)], text_between)
    kept = {id(t) for t in tables}
    flow = _drop_repeats(flow, kept)
    below = _captions_below(flow)
    for i, entry in enumerate(flow):
        if isinstance(entry, Table):
            entry.caption = _caption_below(flow, i) if below else _caption(flow, i)
    blocks = [i for i in flow if isinstance(i, Block)]
    _mark_title(blocks, m.size)
    _mark_plain_titles(blocks, m.size)
    root = build_tree(flow)
    _assign_sections(root)
    return Document(
        path=str(path),
        sha256=sha256(path),
        pages=[page_info(p, len(t)) for p, t in zip(raw_pages, per_page_tables, strict=True)],
        blocks=blocks,
        tables=tables,
        root=root,
        comments=[c for p in raw_pages for c in p.comments],
        removed=removed,
        problems=problems,
    )


def page_info(page: RawPage, tables: int) -> PageInfo:
    info = PageInfo(
        page.number, page.width, page.height, len(page.glyphs), page.image_objects, tables
    )
    if page.ocr is not None:
        confs = [g.conf for g in page.glyphs if isinstance(g, OcrGlyph) and not g.char.isspace()]
        info.ocr = page.ocr
        info.ocr_confidence = round(sum(confs) / len(confs), 4) if confs else None
        info.ocr_doubtful = sum(1 for c in confs if c < OCR_DOUBT)
    return info


def ocr_wanted(pages: list[RawPage], ocr: OcrOptions) -> list[int]:
    """1-based numbers of the pages to recognise from their images."""
    if ocr.mode == "all":
        return [p.number for p in pages]
    if ocr.mode == "auto":
        return [p.number for p in pages if needs_ocr(p)]
    return []


def with_ocr(path: Path, pages: list[RawPage], opts: DocumentOptions) -> list[RawPage]:
    """The pages, those without a usable text layer replaced by their recognised image."""
    wanted = ocr_wanted(pages, opts.ocr)
    if not wanted:
        return pages
    if opts.defer_ocr:
        raise OcrDeferredError(len(wanted))
    from extractor.pdf.ocr.recognise import ocr_pages  # the engine loads only for scans

    out = list(pages)
    for page in ocr_pages(path, opts.ocr, opts.password, wanted):
        page.comments = out[page.number - 1].comments
        out[page.number - 1] = page
    return out


def _drop_repeats(flow: list[Block | Table], kept: set[int]) -> list[Block | Table]:
    """Remove tables joined into an earlier one, and the title/caption blocks printed
    again above them on the continuation page (or the caption marked 续表)."""
    out: list[Block | Table] = []
    pending: list[Block] = []
    for item in flow:
        if isinstance(item, Block):
            pending.append(item)
            continue
        if id(item) not in kept:
            # a continuation: the blocks just above it on its page are repeats
            page = item.pages[0]
            earlier = {b.text for b in out if isinstance(b, Block)}
            pending = [
                b
                for b in pending
                if not (
                    b.page == page and (b.text in earlier or continues_caption(b.text, earlier))
                )
            ]
            out.extend(pending)
        else:
            out.extend(pending)
            out.append(item)
        pending = []
    out.extend(pending)
    return out


def _landscape(pages: list[RawPage], number: int) -> bool:
    return pages[number - 1].landscape
