"""Glyphs, lines, vector-rule counts and comments of every page, read once with pypdfium2.

pypdfium2 reads a CJK page's characters with their boxes in about a millisecond, where
pdfplumber's full layout pass takes tens; so text and table rules always come from here,
and pdfplumber contributes only its table algorithm, run on these rules (see
`tables.py`). Coordinates follow pdfplumber's convention (origin top-left, y grows
downwards) so its functions apply unchanged.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractor.pdf.ccall import address as _address
from extractor.pdf.ccall import unconverted as _unconverted
from extractor.pdf.fonts import metric_fonts
from extractor.pdf.marks import footnote_marks
from extractor.pdf.rules import Edge, read_rules
from extractor.pdf.struck import struck_glyphs
from extractor.pdf.view import BBox, View


@dataclass(frozen=True, slots=True)
class Glyph:
    char: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class OcrGlyph(Glyph):
    """A glyph recognised in a page image, with the engine's confidence (0-1) in it."""

    conf: float = 1.0


@dataclass(frozen=True, slots=True)
class TurnedGlyph(Glyph):
    """A glyph turned a quarter to the left, its baseline running up the page: text a
    table cell sets reading bottom to top (Word's 文字方向 btLr), whose reading order is
    then the reverse of its glyphs' order down the page."""


def confidence(g: Glyph) -> float | None:
    """The OCR engine's confidence in a glyph; None for a glyph of a text layer."""
    return g.conf if isinstance(g, OcrGlyph) else None


_CHAR: Callable[[Glyph], str] = attrgetter("char")
_X0: Callable[[Glyph], float] = attrgetter("x0")
_TOP: Callable[[Glyph], float] = attrgetter("top")
_X1: Callable[[Glyph], float] = attrgetter("x1")
_BOTTOM: Callable[[Glyph], float] = attrgetter("bottom")


@dataclass(slots=True)
class Line:
    """One printed line: its text and one box per character (for span provenance).

    Its text and box are worked out once for the glyph list they were read from: the
    document layer asks for them a dozen times a line (sorting, margins, block breaks),
    each a pass over the glyphs. A line's glyphs are replaced (`line.glyphs = …`), never
    changed in place; a new list is read afresh."""

    page: int
    glyphs: list[Glyph]
    size: float = 0.0
    bold: bool = False
    # The left and right edge of the column the line is set in, when the page sets it in
    # columns (document/columns.py); None: the body's margins apply.
    frame: tuple[float, float] | None = None
    # The glyph list `_text` and `_box` were read from (held, so its id is never reused).
    _text_of: list[Glyph] | None = field(default=None, init=False, repr=False, compare=False)
    _text: str = field(default="", init=False, repr=False, compare=False)
    _box_of: list[Glyph] | None = field(default=None, init=False, repr=False, compare=False)
    _box: BBox = field(default=(0.0, 0.0, 0.0, 0.0), init=False, repr=False, compare=False)

    # map() over attrgetter runs in C, several times faster than a generator expression.
    @property
    def text(self) -> str:
        glyphs = self.glyphs
        if self._text_of is not glyphs:
            self._text = "".join(map(_CHAR, glyphs))
            self._text_of = glyphs
        return self._text

    @property
    def bbox(self) -> BBox:
        glyphs = self.glyphs
        if self._box_of is not glyphs:
            self._box = (
                min(map(_X0, glyphs)),
                min(map(_TOP, glyphs)),
                max(map(_X1, glyphs)),
                max(map(_BOTTOM, glyphs)),
            )
            self._box_of = glyphs
        return self._box

    @property
    def x0(self) -> float:
        return self.bbox[0]

    @property
    def x1(self) -> float:
        return self.bbox[2]

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def bottom(self) -> float:
        return self.bbox[3]


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
    # Filled rectangles that are cell backgrounds (zebra rows, shaded headers), not rules.
    shades: list[BBox] = field(default_factory=list)
    # Characters PDFium found no Unicode for (no ToUnicode entry, unknown encoding).
    unmapped: int = 0
    # Characters drawn on a diagonal (a watermark), left out of `glyphs`.
    diagonal: int = 0
    # Characters struck through (tracked changes shown: deleted text), left out of `glyphs`.
    struck: int = 0
    # The OCR engine that recognised this page's glyphs; None for a text layer.
    ocr: str | None = None
    # Why the page could not be read (it is then empty); None for a page read.
    error: str | None = None

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


def _comments(page: pdfium.PdfPage, number: int, view: View) -> list[Comment]:
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
                    rect=view.rect([(rect.left, rect.top), (rect.right, rect.bottom)]),
                )
            )
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return out


_get_object = _unconverted(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p)
_object_type = ctypes.cast(
    pdfium_c.FPDFPageObj_GetType, ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)
)


def _page_objects(page: pdfium.PdfPage) -> tuple[list[int], int]:
    """The page's path objects (as addresses, for `read_rules`) and its image count, in
    one pass over its objects."""
    paths: list[int] = []
    images = 0
    raw_page = _address(ctypes.cast(page.raw, ctypes.c_void_p).value or 0)
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = _get_object(raw_page, i)
        kind = _object_type(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths.append(obj)
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
    return paths, images


# FPDFText_GetTextObject returning the object's address (an int) rather than a ctypes
# pointer object, so that it can key the per-object style cache in `read_page`.
_text_object = _unconverted(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_is_generated = _unconverted(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)
_font_size = _unconverted(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_char_matrix = _unconverted(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)
_char_origin = _unconverted(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)

# FPDFTextObj_GetFont taking and returning plain addresses, for the same reason.
_text_font = ctypes.cast(
    pdfium_c.FPDFTextObj_GetFont, ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p)
)

# Font metrics by font address (the fonts are cached by address per page).
_font_descent = ctypes.cast(
    pdfium_c.FPDFFont_GetDescent,
    ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_float, ctypes.POINTER(ctypes.c_float)),
)
# Asked once per distinct character of a page (thousands a report): unconverted, the font
# passed as the `_address` argument `_Widths` keeps per font, the size
# as `_EM` (a float argument must be a c_float's, which an unconverted call cannot infer).
_glyph_width = _unconverted(pdfium_c.FPDFFont_GetGlyphWidth, ctypes.c_int)
_EM = ctypes.c_float.from_param(1000.0)

# Glyph's dataclass __init__ sets each frozen slot through object.__setattr__; filling
# the slots directly builds the same object in a third of the time (a page has
# thousands of glyphs).
_set_char, _set_x0, _set_top, _set_x1, _set_bottom = (
    vars(Glyph)[name].__set__ for name in ("char", "x0", "top", "x1", "bottom")
)


@dataclass(frozen=True, slots=True)
class _Style:
    """What every glyph of one text object shares: the font, the em size, the displayed
    direction of the text's x axis (du) and the glyph box's vertical extent turned into
    displayed offsets (descent to one em above it), its displayed size and weight."""

    font: int
    em: float  # Tf size, text space
    dux: float
    duy: float
    vx_lo: float
    vx_hi: float
    vy_lo: float
    vy_hi: float
    size: float  # displayed size in points: Tf × the matrix's vertical scale
    weight: int
    # The text runs on a diagonal (its baseline neither horizontal nor vertical as
    # displayed): a watermark's glyphs, drawn across the lines, never a line's text.
    diagonal: bool = False
    # The baseline runs up the page (text turned a quarter to the left): `TurnedGlyph`s.
    up: bool = False
    # Per character, the box's offsets from the glyph's displayed origin: (left, right,
    # top, bottom) less the style's own (`vx_lo` …), filled by `read_page` as met.
    offsets: dict[str, tuple[float, float, float, float]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )


class _Styles:
    """`_Style`s of one page, built once per distinct font, size and matrix (a page has
    thousands of small text objects but a handful of styles)."""

    def __init__(self, raw_tp: object, tp: Any, view: View) -> None:
        self._raw_tp = raw_tp
        self._tp = tp  # the text page as an `_address`, for the per-object calls
        self._view = view
        self._matrix = pdfium_c.FS_MATRIX()
        self._matrix_out = ctypes.byref(self._matrix)
        self.by_object: dict[int, _Style] = {}
        self._by_key: dict[tuple[int, float, float, float, float, float], _Style] = {}
        self._fonts: dict[tuple[int, float], tuple[float, int]] = {}

    def new(self, index: int, obj: int) -> _Style:
        """The style of an object not met yet (or of no object, 0); `read_page` looks
        an object met already up in `by_object` itself."""
        tp, m = self._tp, self._matrix
        em = _font_size(tp, index) or 1.0
        if not _char_matrix(tp, index, self._matrix_out):
            m.a, m.b, m.c, m.d = 1.0, 0.0, 0.0, 1.0
        font = (_text_font(obj) or 0) if obj else 0
        key = (font, em, m.a, m.b, m.c, m.d)
        st = self._by_key.get(key)
        if st is None:
            st = self._build(index, font, em, m.a, m.b, m.c, m.d)
            self._by_key[key] = st
        if obj:
            self.by_object[obj] = st
        return st

    def _build(
        self, index: int, font: int, em: float, a: float, b: float, c: float, d: float
    ) -> _Style:
        metrics = self._fonts.get((font, em))
        if metrics is None:
            descent = ctypes.c_float(0.0)
            if font and _font_descent(font, em, ctypes.byref(descent)):
                below = min(descent.value, 0.0)
            else:
                below = -0.2 * em
            metrics = (below, pdfium_c.FPDFText_GetFontWeight(self._raw_tp, index))
            self._fonts[(font, em)] = metrics
        below, weight = metrics
        v = self._view
        # text axes → user space (the text matrix) → displayed (the view)
        dvx, dvy = v.a * c + v.c * d, v.b * c + v.d * d
        lo, hi = below, below + em
        dux, duy = v.a * a + v.c * b, v.b * a + v.d * b
        return _Style(
            font=font,
            em=em,
            dux=dux,
            duy=duy,
            vx_lo=min(lo * dvx, hi * dvx),
            vx_hi=max(lo * dvx, hi * dvx),
            vy_lo=min(lo * dvy, hi * dvy),
            vy_hi=max(lo * dvy, hi * dvy),
            size=round(em * (math.hypot(c, d) or 1.0), 2),
            weight=weight,
            diagonal=_diagonal(dux, duy),
            up=_up(dux, duy),
        )


# A baseline more than this many degrees off both axes is drawn on a diagonal (text set
# upright or turned a quarter is axis-aligned to a small fraction of a degree).
DIAGONAL_DEGREES = 10.0
_DIAGONAL_SINE = math.sin(math.radians(DIAGONAL_DEGREES))


def _diagonal(dux: float, duy: float) -> bool:
    """The displayed baseline direction (dux, duy) is off both axes: watermark text
    (内部资料, 样本, 草稿 turned 30-60°) that PDF writers put in the text layer, which a
    reader would otherwise read in among the lines it crosses."""
    length = math.hypot(dux, duy)
    if length == 0.0:
        return False
    return min(abs(dux), abs(duy)) / length > _DIAGONAL_SINE


def _up(dux: float, duy: float) -> bool:
    """The displayed baseline direction points up the page (y grows downwards), within
    the diagonal's tolerance: text turned a quarter to the left."""
    length = math.hypot(dux, duy)
    return length > 0.0 and -duy / length > math.cos(math.radians(DIAGONAL_DEGREES))


class _Widths:
    """Advance widths from the PDF's own font metrics (/W, /Widths, DW), per font and
    character, in thousandths of the em: the face PDFium substituted never enters."""

    def __init__(self) -> None:
        self.cached: dict[tuple[int, str], float] = {}
        self._out = ctypes.c_float()
        self._out_arg = ctypes.byref(self._out)
        self._font_args: dict[int, Any] = {}  # font address → its pointer argument

    def __call__(self, font: int, char: str) -> float:
        key = (font, char)
        width = self.cached.get(key)
        if width is None:
            width = 0.0
            if font:
                arg = self._font_args.get(font)
                if arg is None:
                    arg = self._font_args[font] = _address(font)
                if _glyph_width(arg, ord(char), _EM, self._out_arg):
                    width = max(self._out.value, 0.0)
            if width <= 0.0:
                # No metric for it (an unmapped code): half an em for Latin, a full
                # em otherwise, the widths CJK fonts give those classes.
                width = 500.0 if char.isascii() else 1000.0
            self.cached[key] = width
        return width


def _advance_offsets(st: _Style, width: float) -> tuple[float, float, float, float]:
    """A glyph's advance (`width` thousandths of the em) as displayed offsets of its box
    from its origin, in x (left, right) and y (top, bottom), before the style's vertical
    extent is added."""
    w = width * (st.em / 1000.0)
    ux, uy = w * st.dux, w * st.duy
    return (
        ux if ux < 0.0 else 0.0,
        ux if ux > 0.0 else 0.0,
        uy if uy < 0.0 else 0.0,
        uy if uy > 0.0 else 0.0,
    )


def _left_out(
    drop: list[int], glyphs: list[Glyph], sizes: list[float], weights: list[int]
) -> tuple[list[Glyph], list[float], list[int]]:
    """The page's glyphs, with their sizes and weights, but those at `drop`."""
    gone = set(drop)
    keep = [i for i in range(len(glyphs)) if i not in gone]
    return [glyphs[i] for i in keep], [sizes[i] for i in keep], [weights[i] for i in keep]


def read_page(
    page: pdfium.PdfPage, number: int, textpage: pdfium.PdfTextPage | None = None
) -> RawPage:
    """One page's glyphs (generated spaces, line breaks and glyphs drawn on a diagonal
    left out) with each glyph's font size and weight, in displayed coordinates
    (`view.View`); `textpage`: the page's text page if loaded already (closed here).

    A glyph's box is computed, as pdfminer does, from the PDF alone: it starts at the
    glyph's origin, is as wide as the font's advance width for it and one em high from
    the font's descent, turned by the text matrix; the substituted face never counts."""
    view = View.of(page)
    if textpage is None:
        textpage = page.get_textpage()
    try:
        raw_tp = textpage.raw
        n = pdfium_c.FPDFText_CountChars(raw_tp)
        text = textpage.get_text_range(0, n) if n else ""
        ox, oy = ctypes.c_double(), ctypes.c_double()
        ox_out, oy_out = ctypes.byref(ox), ctypes.byref(oy)
        glyphs: list[Glyph] = []
        sizes: list[float] = []
        weights: list[int] = []
        tp = _address(ctypes.cast(raw_tp, ctypes.c_void_p).value or 0)
        is_generated = _is_generated
        origin = _char_origin
        text_object = _text_object
        widths = _Widths()
        style = _Styles(raw_tp, tp, view)
        by_object = style.by_object
        va, vb, vc, vd, ve, vf = view.a, view.b, view.c, view.d, view.e, view.f
        unmapped = diagonal = 0
        add_glyph, add_size, add_weight = glyphs.append, sizes.append, weights.append
        new = object.__new__
        # Consecutive glyphs mostly share their text object, so its style; a glyph of no
        # object (0) has a style of its own. What the loop reads of the style is taken
        # into locals when it changes.
        last_obj = -1
        st: _Style
        offsets: dict[str, tuple[float, float, float, float]] = {}
        vx_lo = vx_hi = vy_lo = vy_hi = 0.0
        kind: type[Glyph] = Glyph
        size, weight, skewed = 0.0, 0, False
        for i in range(min(n, len(text))):
            ch = text[i]
            # PDFium generates only spaces and line breaks (between words and lines):
            # no other character need be asked about.
            if ch in "\r\n\x02" or (ch == " " and is_generated(tp, i) == 1):
                continue
            if ch == "\ufffe":
                unmapped += 1
                continue
            obj = text_object(tp, i) or 0
            if obj != last_obj or not obj:
                known = by_object.get(obj) if obj else None  # `style`'s first step, inlined
                st = style.new(i, obj) if known is None else known
                last_obj = obj
                offsets = st.offsets
                vx_lo, vx_hi, vy_lo, vy_hi = st.vx_lo, st.vx_hi, st.vy_lo, st.vy_hi
                kind = TurnedGlyph if st.up else Glyph
                size, weight, skewed = st.size, st.weight, st.diagonal
            if skewed:
                diagonal += 1
                continue
            origin(tp, i, ox_out, oy_out)
            gx, gy = ox.value, oy.value
            x = va * gx + vc * gy + ve
            y = vb * gx + vd * gy + vf
            # The box is origin + u·du + v·dv (u in [0, advance], v from the descent up
            # one em), du and dv the text axes as displayed: its extremes per axis, the
            # advance's part per character of the style worked out once.
            off = offsets.get(ch)
            if off is None:
                off = offsets[ch] = _advance_offsets(st, widths(st.font, ch))
            u_lo, u_hi, w_lo, w_hi = off
            g = new(kind)  # slots filled directly (`_set_char`)
            _set_char(g, ch)
            _set_x0(g, x + u_lo + vx_lo)
            _set_top(g, y + w_lo + vy_lo)
            _set_x1(g, x + u_hi + vx_hi)
            _set_bottom(g, y + w_hi + vy_hi)
            add_glyph(g)
            add_size(size)
            add_weight(weight)
    finally:
        textpage.close()
    marks = footnote_marks(glyphs, sizes)
    if marks:  # superscript note numbers are no part of the figures they follow
        glyphs, sizes, weights = _left_out(marks, glyphs, sizes, weights)
    paths, images = _page_objects(page)
    rules, shades = read_rules(paths, view) if paths else ([], [])
    struck, strikes = struck_glyphs(glyphs, rules) if rules else ([], [])
    if struck:  # text a tracked change deleted is no part of the figures beside it
        glyphs, sizes, weights = _left_out(struck, glyphs, sizes, weights)
        lines = set(strikes)  # nor is the line through it a table's rule
        rules = [e for k, e in enumerate(rules) if k not in lines]
    return RawPage(
        number=number,
        width=view.width,
        height=view.height,
        glyphs=glyphs,
        sizes=sizes,
        weights=weights,
        path_objects=len(paths),
        image_objects=images,
        comments=_comments(page, number, view),
        rules=rules,
        shades=shades,
        unmapped=unmapped,
        diagonal=diagonal,
        struck=len(struck),
    )


@dataclass(slots=True)
class Opened:
    """A PDF already open, with its first page and that page's text page if they were
    loaded (the parse's check, `probe.open_usable`, samples page 1 under
    `fonts.metric_fonts`): `read_pages` reads them instead of loading them again, and
    closes the document."""

    pdf: pdfium.PdfDocument
    first: tuple[pdfium.PdfPage, pdfium.PdfTextPage] | None = None


def read_pages(
    path: Path, password: str | None = None, opened: Opened | None = None
) -> list[RawPage]:
    """Every page's glyphs and comments; the PDF is opened once (or `opened` is read)
    and closed on return.

    Fonts the PDF does not embed get the bundled fallback face while it is open
    (`fonts.metric_fonts`), so what is read does not depend on the machine's fonts."""
    with metric_fonts():
        if opened is None:
            opened = Opened(pdfium.PdfDocument(str(path), password=password))
        return _read_all(opened)


def _read_all(opened: Opened) -> list[RawPage]:
    pdf = opened.pdf
    try:
        pages: list[RawPage] = []
        for i in range(len(pdf)):
            textpage = None
            if i == 0 and opened.first is not None:
                page, textpage = opened.first
            else:
                try:
                    page = pdf[i]
                except pdfium.PdfiumError as exc:  # a damaged page object costs that page only
                    pages.append(_unread(i + 1, pages, f"PDFium: {exc}"))
                    continue
            try:
                pages.append(read_page(page, i + 1, textpage))
            except MemoryError:
                raise
            except Exception as exc:  # content that breaks the reader: that page only
                pages.append(_unread(i + 1, pages, f"{type(exc).__name__}: {exc}"))
            finally:
                page.close()
        return pages
    finally:
        pdf.close()


def _unread(number: int, before: list[RawPage], why: str) -> RawPage:
    """A page that could not be read: no content, the previous page's size, the reason."""
    width, height = (before[-1].width, before[-1].height) if before else (595.0, 842.0)
    return RawPage(number, width, height, [], [], [], 0, 0, error=" ".join(why.split()))
