"""Glyphs, lines, vector-rule counts and comments of every page, read once with pypdfium2.

pypdfium2 reads a CJK page's characters with their boxes in about a millisecond, where
pdfplumber's full layout pass takes tens; so text and table rules always come from here,
and pdfplumber contributes only its table algorithm, run on these rules (see
`tables.py`). Coordinates follow pdfplumber's convention (origin top-left, y grows
downwards) so its functions apply unchanged.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractor.pdf.rules import Edge, read_rules

BBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Glyph:
    char: str
    x0: float
    top: float
    x1: float
    bottom: float


_CHAR: Callable[[Glyph], str] = attrgetter("char")
_X0: Callable[[Glyph], float] = attrgetter("x0")
_TOP: Callable[[Glyph], float] = attrgetter("top")
_X1: Callable[[Glyph], float] = attrgetter("x1")
_BOTTOM: Callable[[Glyph], float] = attrgetter("bottom")


@dataclass(slots=True)
class Line:
    """One printed line: its text and one box per character (for span provenance)."""

    page: int
    glyphs: list[Glyph]
    size: float = 0.0
    bold: bool = False

    # Read many times per line (sorting, margins, block breaks): map() over attrgetter
    # runs in C, several times faster than a generator expression.
    @property
    def text(self) -> str:
        return "".join(map(_CHAR, self.glyphs))

    @property
    def x0(self) -> float:
        return min(map(_X0, self.glyphs))

    @property
    def x1(self) -> float:
        return max(map(_X1, self.glyphs))

    @property
    def top(self) -> float:
        return min(map(_TOP, self.glyphs))

    @property
    def bottom(self) -> float:
        return max(map(_BOTTOM, self.glyphs))

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True, slots=True)
class Comment:
    """A PDF annotation carrying a reviewer's note: kept apart from the body text."""

    page: int
    subtype: str
    author: str
    contents: str
    rect: BBox


@dataclass(slots=True)
class RawPage:
    number: int  # 1-based
    width: float
    height: float
    glyphs: list[Glyph]
    sizes: list[float]
    weights: list[int]
    path_objects: int
    image_objects: int
    comments: list[Comment] = field(default_factory=list)
    rules: list[Edge] = field(default_factory=list)

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def _annot_string(annot: ctypes.c_void_p, key: str) -> str:
    k = key.encode("ascii")
    n = pdfium_c.FPDFAnnot_GetStringValue(annot, k, None, 0)
    if n <= 2:
        return ""
    buf = ctypes.create_string_buffer(n)
    pdfium_c.FPDFAnnot_GetStringValue(
        annot, k, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), n
    )
    return buf.raw[: n - 2].decode("utf-16-le", errors="replace")


_SUBTYPES = {
    pdfium_c.FPDF_ANNOT_TEXT: "Text",
    pdfium_c.FPDF_ANNOT_FREETEXT: "FreeText",
    pdfium_c.FPDF_ANNOT_HIGHLIGHT: "Highlight",
    pdfium_c.FPDF_ANNOT_POPUP: "Popup",
}


def _comments(page: pdfium.PdfPage, number: int, height: float) -> list[Comment]:
    out: list[Comment] = []
    raw_page = page.raw
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(raw_page)):
        annot = pdfium_c.FPDFPage_GetAnnot(raw_page, i)
        try:
            sub = pdfium_c.FPDFAnnot_GetSubtype(annot)
            if sub in (pdfium_c.FPDF_ANNOT_LINK, pdfium_c.FPDF_ANNOT_POPUP):
                continue
            contents = _annot_string(annot, "Contents")
            if not contents:
                continue
            rect = pdfium_c.FS_RECTF()
            pdfium_c.FPDFAnnot_GetRect(annot, rect)
            out.append(
                Comment(
                    page=number,
                    subtype=_SUBTYPES.get(sub, str(sub)),
                    author=_annot_string(annot, "T"),
                    contents=contents,
                    rect=(rect.left, height - rect.top, rect.right, height - rect.bottom),
                )
            )
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return out


def _page_objects(page: pdfium.PdfPage) -> tuple[int, int]:
    paths = images = 0
    raw_page = page.raw
    for i in range(pdfium_c.FPDFPage_CountObjects(raw_page)):
        kind = pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw_page, i))
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
    return paths, images


# FPDFText_GetTextObject returning the object's address (an int) rather than a ctypes
# pointer object, so that it can key the per-object font cache in `read_page`.
_text_object = ctypes.cast(
    pdfium_c.FPDFText_GetTextObject,
    ctypes.CFUNCTYPE(ctypes.c_void_p, *pdfium_c.FPDFText_GetTextObject.argtypes),
)

# Glyph's dataclass __init__ sets each frozen slot through object.__setattr__; filling
# the slots directly builds the same object in a third of the time (a page has
# thousands of glyphs).
_set_char, _set_x0, _set_top, _set_x1, _set_bottom = (
    vars(Glyph)[name].__set__ for name in ("char", "x0", "top", "x1", "bottom")
)


def _glyph(char: str, x0: float, top: float, x1: float, bottom: float) -> Glyph:
    g = object.__new__(Glyph)
    _set_char(g, char)
    _set_x0(g, x0)
    _set_top(g, top)
    _set_x1(g, x1)
    _set_bottom(g, bottom)
    return g


def read_page(page: pdfium.PdfPage, number: int) -> RawPage:
    """One page's glyphs (generated spaces and line breaks left out) with each glyph's
    font size and weight.

    pdfium takes size and weight from the glyph's text object alone, so they are read
    once per text object (a run of glyphs) instead of twice per glyph."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        raw_tp = textpage.raw
        n = pdfium_c.FPDFText_CountChars(raw_tp)
        text = textpage.get_text_range(0, n) if n else ""
        rect = pdfium_c.FS_RECTF()
        glyphs: list[Glyph] = []
        sizes: list[float] = []
        weights: list[int] = []
        is_generated = pdfium_c.FPDFText_IsGenerated
        char_box = pdfium_c.FPDFText_GetLooseCharBox
        font_size = pdfium_c.FPDFText_GetFontSize
        font_weight = pdfium_c.FPDFText_GetFontWeight
        text_object = _text_object
        styles: dict[int, tuple[float, int]] = {}
        for i in range(min(n, len(text))):
            ch = text[i]
            if ch in "\r\n\x02\ufffe" or is_generated(raw_tp, i) == 1:
                continue
            char_box(raw_tp, i, rect)
            glyphs.append(
                _glyph(ch, rect.left, height - rect.top, rect.right, height - rect.bottom)
            )
            obj = text_object(raw_tp, i)
            style = styles.get(obj) if obj else None
            if style is None:
                style = (font_size(raw_tp, i), font_weight(raw_tp, i))
                if obj:
                    styles[obj] = style
            sizes.append(style[0])
            weights.append(style[1])
    finally:
        textpage.close()
    paths, images = _page_objects(page)
    return RawPage(
        number=number,
        width=width,
        height=height,
        glyphs=glyphs,
        sizes=sizes,
        weights=weights,
        path_objects=paths,
        image_objects=images,
        comments=_comments(page, number, height),
        rules=read_rules(page, height) if paths else [],
    )


def read_pages(path: Path, password: str | None = None) -> list[RawPage]:
    """Every page's glyphs and comments; the PDF is opened once and closed on return."""
    pdf = pdfium.PdfDocument(str(path), password=password)
    try:
        pages: list[RawPage] = []
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                pages.append(read_page(page, i + 1))
            finally:
                page.close()
        return pages
    finally:
        pdf.close()
