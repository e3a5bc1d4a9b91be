"""Cell shading of a page image: the filled rectangles of zebra rows and shaded headers.

A table drawn without rules often marks its rows with fills only (a grey header, every
other row tinted); a text PDF gives those as filled rectangles (`rules.read_rules`'
shades), which `tables.shade_rules` turns into row bands. A scan has only pixels, so the
fills are recovered from the image:

1. the page is reduced to about `GridSettings.shade_px` points per pixel, and a grey
   closing (lightest value in a small window, then darkest) removes what is thinner
   than a few points — the strokes of characters and rules — and leaves the background
   each character sits on: paper, or the fill of its cell;
2. a pixel is tinted where that background is darker than the paper by at least
   `shade_contrast` grey levels (paper: the page's median background, so a grey or
   yellowed sheet is its own reference) and lighter than a third of the way from the
   ink (a black bar or a large bold character is ink, not a fill);
3. each pixel row's runs of tinted pixels of one level (neighbours within
   `shade_levels` of each other) are stacked into rectangles: a run continues the
   rectangle above it when its ends and level match; so a header band, each zebra row
   and a merged cell shaded through a white row come out as separate rectangles, as
   the cells that drew them;
4. rectangles too small to hold a line of text, and those that touch the page's edge
   margin (a scanner's shadow along one edge is a long darker band too), are dropped.

Everything is numpy on the reduced image: a 300-dpi A4 page takes a fraction of a
second.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from extractor.pdf.ocr import GridSettings
from extractor.pdf.ocr.grid import row_runs

BBox = tuple[float, float, float, float]


def _shifted_extreme(a: NDArray[np.int16], k: int, axis: int, take_max: bool) -> NDArray[np.int16]:
    """Max (or min) over a window of `k` pixels centred on each pixel along `axis`; the
    window is cut at the border."""
    out = a.copy()
    op = np.maximum if take_max else np.minimum
    r = k // 2
    n = a.shape[axis]
    for d in range(1, r + 1):
        if d >= n:
            break
        lo = [slice(None)] * a.ndim
        hi = [slice(None)] * a.ndim
        lo[axis], hi[axis] = slice(0, n - d), slice(d, n)
        out[tuple(lo)] = op(out[tuple(lo)], a[tuple(hi)])
        out[tuple(hi)] = op(out[tuple(hi)], a[tuple(lo)])
    return out


def closing(a: NDArray[np.int16], k: int) -> NDArray[np.int16]:
    """Grey closing with a k×k square: dark details narrower than k pixels vanish, the
    edges of larger dark areas stay where they were."""
    lighter = _shifted_extreme(_shifted_extreme(a, k, 0, True), k, 1, True)
    return _shifted_extreme(_shifted_extreme(lighter, k, 0, False), k, 1, False)


def reduce(gray: NDArray[np.uint8], factor: int) -> NDArray[np.int16]:
    """The image shrunk by an integer factor, each pixel the lightest of its block (the
    background shows between strokes; a mean would grey it)."""
    if factor <= 1:
        return gray.astype(np.int16)
    h, w = (gray.shape[0] // factor) * factor, (gray.shape[1] // factor) * factor
    blocks = gray[:h, :w].reshape(h // factor, factor, w // factor, factor)
    lightest: NDArray[np.uint8] = blocks.max(axis=(1, 3))
    return lightest.astype(np.int16)


@dataclass(slots=True)
class _Rect:
    top: int
    bottom: int  # exclusive
    start: int
    end: int  # exclusive


def fill_levels(values: NDArray[np.int16], levels: int, min_count: int) -> list[int]:
    """The grey levels of the fills: peaks of the histogram of tinted pixels, each
    claiming the values within `levels` of it, most common first, while one still
    covers `min_count` pixels."""
    hist = np.bincount(values.ravel(), minlength=256).astype(np.int64)
    peaks: list[int] = []
    while True:
        window = np.convolve(hist, np.ones(2 * levels + 1, dtype=np.int64), mode="same")
        peak = int(np.argmax(window))
        if window[peak] < min_count:
            return peaks
        peaks.append(peak)
        hist[max(0, peak - levels) : peak + levels + 1] = 0


def _runs(mask: NDArray[np.bool_]) -> list[list[tuple[int, int]]]:
    """Per row, the (start, end) of each run of True."""
    starts_r, starts_c, ends_c = row_runs(mask)
    out: list[list[tuple[int, int]]] = [[] for _ in range(mask.shape[0])]
    for r, a, b in zip(starts_r.tolist(), starts_c.tolist(), ends_c.tolist(), strict=True):
        out[r].append((a, b))
    return out


def _stack(mask: NDArray[np.bool_], reach: int) -> list[_Rect]:
    """Each row's runs stacked into rectangles: a run continues the rectangle above it
    when both its ends are within `reach` of the rectangle's."""
    done: list[_Rect] = []
    open_: list[_Rect] = []
    for y, runs in enumerate(_runs(mask)):
        still: list[_Rect] = []
        for start, end in runs:
            match = next(
                (r for r in open_ if abs(r.start - start) <= reach and abs(r.end - end) <= reach),
                None,
            )
            if match is not None:
                open_.remove(match)
                match.bottom = y + 1
                still.append(match)
            else:
                still.append(_Rect(y, y + 1, start, end))
        done += open_
        open_ = still
    return done + open_


def _bridge(mask: NDArray[np.bool_], k_rows: int, k_cols: int) -> NDArray[np.bool_]:
    """Binary closing: holes in a fill up to `k_cols` wide and `k_rows` tall (what the
    grey closing left of the text printed on it) filled."""
    a = mask.astype(np.int16)
    a = _shifted_extreme(_shifted_extreme(a, k_cols, 1, True), k_cols, 1, False)
    a = _shifted_extreme(_shifted_extreme(a, k_rows, 0, True), k_rows, 0, False)
    return a.astype(bool)


def shade_boxes(
    gray: NDArray[np.uint8], scale: float, settings: GridSettings | None = None
) -> list[BBox]:
    """Filled rectangles of the page image, in PDF points (top-left origin); `scale` is
    pixels per point of `gray`."""
    s = settings or GridSettings()
    factor = max(1, int(scale * s.shade_px))
    px = factor / scale  # points per reduced pixel
    small = reduce(gray, factor)
    k = max(3, round(s.shade_closing / px) | 1)
    bg = closing(small, k)
    paper = float(np.median(bg))
    ink = float(np.percentile(gray, 1))  # the core of the strokes
    tinted = (bg <= paper - s.shade_contrast) & (bg > ink + (paper - ink) / 3)
    min_w, min_h = s.shade_min_w / px, s.shade_min_h / px
    rects: list[_Rect] = []
    for level in fill_levels(bg[tinted], s.shade_levels, round(min_w * min_h)):
        own = tinted & (np.abs(bg - level) <= s.shade_levels)
        own = _bridge(own, 2 * round(2.0 / px) + 1, 2 * round(s.shade_text / px / 2) + 1)
        rects += _stack(own, max(1, round(1.5 / px)))
    h, w = bg.shape
    margin = s.edge_margin / px
    out: list[BBox] = []
    for r in rects:
        if r.end - r.start < min_w or r.bottom - r.top < min_h:
            continue
        if r.start < margin or r.top < margin or r.end > w - margin or r.bottom > h - margin:
            continue
        out.append((r.start * px, r.top * px, r.end * px, r.bottom * px))
    return sorted(out, key=lambda b: (b[1], b[0]))
