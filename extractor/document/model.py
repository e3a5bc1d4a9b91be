"""The `Document`: what the passes see of a PDF — blocks of text, a section tree,
tables and comments, each piece able to say where on which page it was printed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Literal

from extractor.numbers import Normalised, normalise_with_map
from extractor.pdf.pages import Comment, Glyph, Line, OcrGlyph
from extractor.pdf.view import BBox
from extractor.records import OCR_DOUBT, Problem, Provenance

BlockKind = Literal["title", "heading", "label", "paragraph"]


def union(boxes: list[BBox]) -> BBox:
    x0s, tops, x1s, bottoms = zip(*boxes, strict=True)  # one pass, in C
    return (min(x0s), min(tops), max(x1s), max(bottoms))


_X0: Callable[[Glyph], float] = attrgetter("x0")
_TOP: Callable[[Glyph], float] = attrgetter("top")
_X1: Callable[[Glyph], float] = attrgetter("x1")
_BOTTOM: Callable[[Glyph], float] = attrgetter("bottom")


def _extent(glyphs: list[Glyph]) -> BBox:
    """The box around glyphs (`union` of theirs), each side one pass in C."""
    return (
        min(map(_X0, glyphs)),
        min(map(_TOP, glyphs)),
        max(map(_X1, glyphs)),
        max(map(_BOTTOM, glyphs)),
    )


@dataclass(slots=True)
class Block:
    """A paragraph, heading or label rejoined from its printed lines.

    `text` is the printed text with line wraps removed; `starts[i]` is the offset in
    `text` where `lines[i]` begins, so any substring maps back to glyph boxes.
    """

    kind: BlockKind
    text: str
    lines: list[Line]
    starts: list[int]
    marker: str | None = None
    marker_type: str | None = None
    level: int | None = None
    _norm: Normalised | None = field(default=None, repr=False, compare=False)

    @property
    def normalised(self) -> Normalised:
        """Normalised text (half-width digits, no layout spaces) with a map back to `text`."""
        if self._norm is None or self._norm.origin[-1] != len(self.text):
            self._norm = normalise_with_map(self.text)
        return self._norm

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def body(self) -> str:
        """Text after the numbering marker."""
        return self.text[len(self.marker) :].strip() if self.marker else self.text

    def boxes(self, start: int = 0, end: int | None = None) -> list[tuple[int, BBox]]:
        """(page, bbox) of the characters text[start:end], one box per line touched."""
        end = len(self.text) if end is None else end
        out: list[tuple[int, BBox]] = []
        for line, s in zip(self.lines, self.starts, strict=True):
            lo, hi = max(start, s), min(end, s + len(line.glyphs))
            if lo < hi:
                out.append((line.page, _extent(line.glyphs[lo - s : hi - s])))
        return out

    def glyphs(self, start: int = 0, end: int | None = None) -> list[Glyph | None]:
        """One entry per character of text[start:end]: its glyph, or None for a
        character the rejoining added (a space between wrapped Latin words)."""
        end = len(self.text) if end is None else end
        out: list[Glyph | None] = [None] * max(0, end - start)
        for line, s in zip(self.lines, self.starts, strict=True):
            lo, hi = max(start, s), min(end, s + len(line.glyphs))
            for k in range(lo, hi):
                out[k - start] = line.glyphs[k - s]
        return out

    def provenance(self, start: int = 0, end: int | None = None) -> Provenance:
        boxes = self.boxes(start, end) or [(self.page, self.lines[0].bbox)]
        page = boxes[0][0]
        bbox = union([b for p, b in boxes if p == page])
        prov = Provenance(page=page, bbox=_round(bbox), text=self.text[start:end])
        if any(isinstance(ln.glyphs[0], OcrGlyph) for ln in self.lines):
            glyphs = self.glyphs(start, end)
            marks = ocr_marks([g if g is not None else Glyph(" ", 0, 0, 0, 0) for g in glyphs])
            prov.confidence, prov.doubtful = marks
        return prov


def ocr_marks(glyphs: list[Glyph]) -> tuple[float | None, list[int] | None]:
    """(lowest confidence, offsets of doubtful characters) of OCR glyphs; (None, None)
    for a text layer."""
    if OcrGlyph not in set(map(type, glyphs)):
        return None, None  # a text layer's glyphs (one pass in C): the loop's answer
    low: float | None = None
    doubtful: list[int] = []
    for i, g in enumerate(glyphs):
        if not isinstance(g, OcrGlyph):
            continue
        low = g.conf if low is None else min(low, g.conf)
        if g.conf < OCR_DOUBT and not g.char.isspace():
            doubtful.append(i)
    if low is None:
        return None, None
    return round(low, 3), doubtful


def _round(b: BBox) -> BBox:
    return (round(b[0], 1), round(b[1], 1), round(b[2], 1), round(b[3], 1))


@dataclass(slots=True)
class TableCell:
    row: int
    col: int
    text: str
    page: int
    bbox: BBox
    rowspan: int = 1
    colspan: int = 1
    confidence: float | None = None  # OCR only: see `ocr_marks`
    doubtful: list[int] | None = None
    # A cell printed on several lines: each line's text and box, top first (`text` joins
    # them); empty for a one-line cell. A pass that knows two figures are stacked in one
    # cell (协议量 over 完成量) splits it by these.
    lines: tuple[tuple[str, BBox], ...] = ()

    def provenance(self) -> Provenance:
        return Provenance(
            page=self.page,
            bbox=_round(self.bbox),
            text=self.text,
            confidence=self.confidence,
            doubtful=self.doubtful,
        )


@dataclass(slots=True)
class Table:
    """A table, joined across pages; cells on a grid with spans resolved.

    `header_rows` leading rows are header; `columns[c]` is the flattened header path of
    grid column c (e.g. ("电访", "完成量")).
    """

    cells: list[TableCell]
    n_rows: int
    n_cols: int
    header_rows: int
    columns: list[tuple[str, ...]]
    ruled: bool
    caption: str = ""
    section: tuple[str, ...] = ()
    pages: list[int] = field(default_factory=list)

    def grid(self) -> list[list[TableCell | None]]:
        g: list[list[TableCell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            g[c.row][c.col] = c
        return g

    def body(self) -> list[list[TableCell | None]]:
        return self.grid()[self.header_rows :]

    def column_label(self, col: int) -> str:
        return " › ".join(self.columns[col])


@dataclass(slots=True)
class Section:
    title: str
    level: int
    heading: Block | None = None
    canonical: str | None = None
    items: list[Block | Table] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False)

    @property
    def path(self) -> tuple[str, ...]:
        out: list[str] = []
        s: Section | None = self
        while s is not None and s.parent is not None:
            out.append(s.title)
            s = s.parent
        return tuple(reversed(out))

    def walk(self) -> list[Section]:
        out = [self]
        for c in self.children:
            out.extend(c.walk())
        return out

    @property
    def blocks(self) -> list[Block]:
        return [i for i in self.items if isinstance(i, Block)]

    @property
    def tables(self) -> list[Table]:
        return [i for i in self.items if isinstance(i, Table)]


@dataclass(slots=True)
class PageInfo:
    number: int
    width: float
    height: float
    chars: int
    images: int
    tables: int
    ocr: str | None = None  # the engine that read the page, None for a text layer
    ocr_confidence: float | None = None  # mean character confidence
    ocr_doubtful: int = 0  # characters read below OCR_DOUBT


@dataclass(slots=True)
class Document:
    path: str
    sha256: str
    pages: list[PageInfo]
    blocks: list[Block]
    tables: list[Table]
    root: Section
    comments: list[Comment]
    removed: list[Line] = field(default_factory=list)
    # What the PDF layer found wrong: pages not read, garbled text, damaged bytes.
    problems: list[Problem] = field(default_factory=list)

    def sections(self) -> list[Section]:
        return self.root.walk()[1:]

    def outermost(self, canonical: str) -> list[Section]:
        """Sections with this canonical id, wherever they sit (the parties' opinions may
        be top-level sections or gathered under one "第三部分 各方评估意见"), but not
        one inside another."""
        return self.outermost_where(lambda sec: sec.canonical == canonical)

    def outermost_where(self, match: Callable[[Section], bool]) -> list[Section]:
        """Sections that match, in reading order, but not one inside another."""
        out: list[Section] = []

        def visit(sec: Section) -> None:
            if match(sec):
                out.append(sec)
                return
            for child in sec.children:
                visit(child)

        for top in self.root.children:
            visit(top)
        return out
