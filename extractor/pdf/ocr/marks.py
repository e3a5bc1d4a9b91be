"""Lone `/` marks the engine did not read: a not-applicable cell holds one thin slash,
which a text detector trained on words passes over (songhe's "社区慈善基金" row: 15 cells
of `/`, 3 read). The ink left on the page once the rules are erased and the recognised
characters masked is cut into connected pieces; a piece the height of a character,
narrow, thin, one stroke (one ink run per row, its ends in opposite corners: not a
√) and leaning right (its top right of its bottom) is a slash. It becomes a
`/` with a structural confidence (`SLASH_CONFIDENCE`, below OCR_DOUBT: a check that
fails on it is a warning), never the engine's.

Numpy only: ink runs per row, joined to the runs they touch on the row above.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from extractor.pdf.ocr import GridSettings
from extractor.pdf.ocr.grid import row_runs
from extractor.pdf.ocr.image import otsu
from extractor.pdf.ocr.lines import OcrChar, OcrLine

SLASH_CONFIDENCE = 0.5  # a shape read from the pixels, not a recogniser's answer


@dataclass(slots=True)
class _Piece:
    top: int
    bottom: int  # inclusive
    left: int
    right: int  # exclusive
    pixels: list[tuple[int, int, int]]  # (row, start, end) runs


def _pieces(mask: NDArray[np.bool_], max_pieces: int = 20000) -> list[_Piece]:
    """Connected pieces of True (8-connected), from row runs and union-find."""
    h = mask.shape[0]
    rows, starts, ends = row_runs(mask)
    n = len(rows)
    if n == 0 or n > max_pieces * 20:
        return []
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    row_first = np.searchsorted(rows, np.arange(h + 1))
    r_list, s_list, e_list = rows.tolist(), starts.tolist(), ends.tolist()
    for i in range(n):
        r = r_list[i]
        if r == 0:
            continue
        for j in range(int(row_first[r - 1]), int(row_first[r])):
            if s_list[j] <= e_list[i] and s_list[i] <= e_list[j]:  # touching, diagonals too
                a, b = find(i), find(j)
                if a != b:
                    parent[a] = b
    pieces: dict[int, _Piece] = {}
    for i in range(n):
        root = find(i)
        r, s, e = r_list[i], s_list[i], e_list[i]
        p = pieces.get(root)
        if p is None:
            pieces[root] = _Piece(r, r, s, e, [(r, s, e)])
        else:
            p.top, p.bottom = min(p.top, r), max(p.bottom, r)
            p.left, p.right = min(p.left, s), max(p.right, e)
            p.pixels.append((r, s, e))
    return list(pieces.values())


def _lean(p: _Piece) -> float:
    """dx/dy of the piece's ink (least squares of run centres weighted by length):
    negative when the top is right of the bottom, as in `/`."""
    ys = np.array([r for r, _, _ in p.pixels], dtype=np.float64)
    xs = np.array([(s + e - 1) / 2 for _, s, e in p.pixels], dtype=np.float64)
    wt = np.array([e - s for _, s, e in p.pixels], dtype=np.float64)
    my, mx = np.average(ys, weights=wt), np.average(xs, weights=wt)
    var = float(np.average((ys - my) ** 2, weights=wt))
    if var == 0:
        return 0.0
    return float(np.average((ys - my) * (xs - mx), weights=wt)) / var


def _corners(p: _Piece, ph: int) -> bool:
    widths = sorted(e - s for _, s, e in p.pixels)
    median = widths[len(widths) // 2]
    if widths[-1] > max(1.6 * median, median + 2):
        return False  # a foot wider than the stroke: a √'s two strokes meeting
    lowest_left = max(r for r, s, _ in p.pixels if s <= p.left + 1)
    highest_right = min(r for r, _, e in p.pixels if e >= p.right - 1)
    return lowest_left - p.top >= 0.8 * (ph - 1) and highest_right - p.top <= 0.2 * (ph - 1)


def lone_slashes(
    page: NDArray[np.uint8], lines: list[OcrLine], scale: float, settings: GridSettings
) -> list[OcrLine]:
    """Slashes printed alone that no recognised line covers, each as a one-character
    line (pixels of `page`, the image the engine read)."""
    heights = sorted(ln.bottom - ln.top for ln in lines if ln.chars)
    if not heights:
        return []
    line_h = heights[len(heights) // 2]
    ink = page <= otsu(page)
    h, w = ink.shape
    margin = round(settings.edge_margin * scale)
    ink[:margin], ink[h - margin :], ink[:, :margin], ink[:, w - margin :] = (
        False,
        False,
        False,
        False,
    )
    pad = round(0.15 * line_h)
    for ln in lines:
        top, bottom = max(0, round(ln.top) - pad), round(ln.bottom) + pad
        for c in ln.chars:
            ink[top:bottom, max(0, round(c.x0) - pad) : round(c.x1) + pad] = False
    out: list[OcrLine] = []
    for p in _pieces(ink):
        ph, pw = p.bottom - p.top + 1, p.right - p.left
        if not 0.5 * line_h <= ph <= 1.2 * line_h or not 0.15 * ph <= pw <= 0.8 * ph:
            continue
        area = sum(e - s for _, s, e in p.pixels)
        if area > 0.45 * ph * pw or not -1.0 <= _lean(p) <= -0.15:
            continue
        # One stroke: one run per row (a √'s two strokes give two runs over its foot),
        # ending in its corners: the leftmost ink at the bottom, the rightmost at the top
        # (a √'s leftmost ink is the top of its short stroke, half-way up).
        if len(p.pixels) - ph > 0.1 * ph or not _corners(p, ph):
            continue
        line = OcrLine(float(p.top), float(p.bottom + 1))
        line.chars.append(OcrChar("/", float(p.left), float(p.right), SLASH_CONFIDENCE))
        out.append(line)
    return out
