"""Table rules of a page image: long thin dark runs, kept only where they make a grid.

Rules are found by morphology on the binarised page: an opening with a line-shaped
element, which for a binary image is the same as keeping runs of dark pixels at least
that long (row by row for horizontal rules, column by column for vertical ones), with
dust-sized breaks bridged first. A run is a rule when it is thin, and, for vertical
runs, only when it crosses the rows of a table: the horizontal rules found are grouped
into tables (rules stacked close under one another over a shared width), and a vertical
run must touch at least three of its table's horizontal rules, that is run through two
rows or more. Character strokes, even tall ones in a cramped header cell, span one row
at most; taking them for rules is what split a 23-column table into 32-40 columns.

The rules come back as pdfplumber-style edges in PDF points, so the ruled-table reader
works unchanged, and are painted over before recognition: an engine reads a rule as
"|", "一" or "1" and merges it into the words of the cells.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from extractor.pdf.ocr import GridSettings
from extractor.pdf.ocr.image import otsu
from extractor.pdf.rules import Edge, h_edge, v_edge


@dataclass(slots=True)
class Band:
    """Dark runs on neighbouring rows that overlap: one printed rule, a few px thick.
    For vertical rules rows and columns are swapped (`first`/`last` are x)."""

    first: int
    last: int
    start: int
    end: int

    @property
    def mid(self) -> float:
        return (self.first + self.last + 1) / 2


def row_runs(mask: NDArray[np.bool_]) -> tuple[NDArray[np.intp], ...]:
    """Every run of True, row by row: (rows, starts, ends), ends exclusive. The one
    run-length pass the grid, shading and mark finders share."""
    h, w = mask.shape
    padded = np.zeros((h, w + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1)
    rows, starts = np.nonzero(diff == 1)
    _, ends = np.nonzero(diff == -1)
    # nonzero walks row-major, so the k-th start and k-th end belong to the same run
    return rows, starts, ends


def _runs(mask: NDArray[np.bool_], min_len: int) -> Iterator[tuple[int, int, int]]:
    """(row, start, end) of every run of True at least `min_len` long, row by row."""
    starts_r, starts_c, ends_c = row_runs(mask)
    keep = (ends_c - starts_c) >= min_len
    for r, s, e in zip(starts_r[keep], starts_c[keep], ends_c[keep], strict=True):
        yield int(r), int(s), int(e)


def _bands(mask: NDArray[np.bool_], min_len: int, max_thick: int) -> list[Band]:
    bands: list[Band] = []
    open_: list[Band] = []
    for r, s, e in _runs(mask, min_len):
        open_ = [b for b in open_ if b.last >= r - 2]
        for b in open_:
            if s < b.end and e > b.start:
                b.last, b.start, b.end = r, min(b.start, s), max(b.end, e)
                break
        else:
            band = Band(r, r, s, e)
            bands.append(band)
            open_.append(band)
    return [b for b in bands if b.last - b.first + 1 <= max_thick]


def close_gaps(mask: NDArray[np.bool_], gap: int) -> NDArray[np.bool_]:
    """Bridge breaks of up to `gap` px along rows (dust and JPEG drop-outs in a rule):
    a pixel turns dark when there is ink within `gap` px on both its sides."""
    left = mask.copy()
    right = mask.copy()
    for k in range(1, gap + 1):
        left[:, k:] |= mask[:, :-k]
        right[:, :-k] |= mask[:, k:]
    return left & right


def _tables(horizontal: list[Band], max_row: float) -> list[list[Band]]:
    """Horizontal rules grouped into tables: each rule joins the table right above it
    when it lies within that table's width and no further below it than `max_row`."""
    groups: list[list[Band]] = []
    for b in sorted(horizontal, key=lambda b: b.mid):
        for g in reversed(groups):
            left, right = min(x.start for x in g), max(x.end for x in g)
            inside = min(b.end, right) - max(b.start, left)
            if b.mid - g[-1].mid <= max_row and inside >= 0.8 * (b.end - b.start):
                g.append(b)
                break
        else:
            groups.append([b])
    return groups


def _crosses(v: Band, table: list[Band], reach: float) -> int:
    """How many of the table's horizontal rules the vertical run touches or crosses."""
    x = v.mid
    return sum(
        1
        for h in table
        if h.start - reach <= x <= h.end + reach and v.start - reach <= h.mid <= v.end + reach
    )


def rule_bands(
    gray: NDArray[np.uint8], scale: float, settings: GridSettings | None = None
) -> tuple[list[Band], list[Band]]:
    """Horizontal and vertical rules of a page image, in pixels (`scale`: px per pt)."""
    s = settings or GridSettings()
    dark = gray <= otsu(gray)
    h, w = dark.shape
    gap = max(1, round(s.gap * scale))
    thick = max(1, round(s.max_thick * scale))
    margin = s.edge_margin * scale
    reach = s.reach * scale
    horizontal = [
        b
        for b in _bands(close_gaps(dark, gap), round(s.min_h * scale), thick)
        if margin < b.mid < h - margin
    ]
    tables = [t for t in _tables(horizontal, s.max_row * scale) if len(t) >= 2]
    vertical: list[Band] = []
    one_row: list[tuple[Band, list[Band]]] = []
    for b in _bands(close_gaps(dark.T, gap), round(s.min_v * scale), thick):
        if not margin < b.mid < w - margin:
            continue
        for t in tables:
            crossed = _crosses(b, t, reach)
            if crossed >= min(s.rules_crossed, len(t)):
                vertical.append(b)
                break
            if crossed == 2:
                one_row.append((b, t))
                break
    # A rule that spans one row only (a header row above a row merged across the table)
    # counts where it continues a column rule found in the same table.
    for b, t in one_row:
        left, right = min(x.start for x in t), max(x.end for x in t)
        top, bottom = min(x.mid for x in t), max(x.mid for x in t)
        if any(
            abs(v.mid - b.mid) <= reach
            and left <= v.mid <= right
            and top - reach <= v.start
            and v.end <= bottom + reach
            for v in vertical
        ):
            vertical.append(b)
    # A short horizontal run is a rule only where a vertical rule meets it; alone it is
    # more likely the strokes of a bold heading, which must not be erased.
    horizontal = [
        hb
        for hb in horizontal
        if hb.end - hb.start >= s.long_h * scale
        or any(
            hb.start - reach <= vb.mid <= hb.end + reach
            and vb.start - reach <= hb.mid <= vb.end + reach
            for vb in vertical
        )
    ]
    return horizontal, vertical


def to_edges(horizontal: list[Band], vertical: list[Band], scale: float) -> list[Edge]:
    """The rules as pdfplumber edges in points (top-left origin)."""
    edges: list[Edge] = []
    for b in horizontal:
        y = b.mid / scale
        edges.append(h_edge(b.start / scale, b.end / scale, y))
    for b in vertical:
        x = b.mid / scale
        edges.append(v_edge(x, b.start / scale, b.end / scale))
    return edges


def erase(gray: Image.Image, horizontal: list[Band], vertical: list[Band]) -> Image.Image:
    """The page with its rules painted over in paper colour."""
    arr = np.array(gray)
    pad = 2
    paper = int(np.median(arr))
    for b in horizontal:
        arr[max(0, b.first - pad) : b.last + 1 + pad, b.start : b.end] = paper
    for b in vertical:
        arr[b.start : b.end, max(0, b.first - pad) : b.last + 1 + pad] = paper
    return Image.fromarray(arr)
