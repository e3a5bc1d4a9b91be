"""Merged cells of a table drawn without rules, from its cell shading.

A table shaded in zebra rows has no rules to show where a cell is merged down several
rows (服务类别 over its 服务指标), and its label is printed once, centred on the merge,
so the text alone cannot tell which rows it covers. Word paints a merged cell's shading
as one rectangle over all the rows it spans: a shading box one column wide covering
several body cells of that column, of which at most one holds text, is that merged
cell. Its cells become one, so the label covers every row of its group; a merge that
runs on over a page break is such a box with no text at the top of the next page.
"""

from __future__ import annotations

import itertools

from extractor.pdf.pages import Glyph
from extractor.pdf.view import BBox

# A shading box at most this much wider than the cells it covers is one column's own
# shading (a zebra row's box spans the whole table and merges nothing).
_WIDTH_SLACK = 1.5
# ... and at least this share of the cell's width (a sliver of colour is no cell).
_MIN_WIDTH_SHARE = 0.5


def _text_cells(cells: list[BBox], glyphs: list[Glyph]) -> int:
    """How many of `cells` hold the centre of a printed glyph, counted up to two: one
    pass over the page's glyphs for all of them (each cell scanning the page again was
    the page's glyphs times the cells under every shading box)."""
    lo_x, hi_x = min(c[0] for c in cells), max(c[2] for c in cells)
    lo_y, hi_y = min(c[1] for c in cells), max(c[3] for c in cells)
    held: set[int] = set()
    for g in glyphs:
        cx = (g.x0 + g.x1) / 2
        if not lo_x <= cx <= hi_x:
            continue
        cy = (g.top + g.bottom) / 2
        if not lo_y <= cy <= hi_y or not g.char.strip():
            continue
        for i, c in enumerate(cells):
            if c[0] <= cx <= c[2] and c[1] <= cy <= c[3]:
                held.add(i)
        if len(held) > 1:
            break
    return len(held)


def merge_shaded(
    cells: list[BBox], shades: list[BBox], glyphs: list[Glyph], body_top: float
) -> list[BBox]:
    """`cells` with each body column's cells under one shading box joined into one
    (see the module docstring); header cells (above `body_top`) are left as they are."""
    out = list(cells)
    # Each body cell's centre and width, worked out once for every shading box (a
    # zebra-shaded table has a box per row and per column): (cell, cx, cy, width).
    body = [
        (c, (c[0] + c[2]) / 2, (c[1] + c[3]) / 2, c[2] - c[0])
        for c in out
        if c[1] >= body_top - 0.5
    ]
    for b in shades:
        b0, b1, b2, b3 = b
        wide = b2 - b0
        under = [
            c
            for c, cx, cy, w in body
            if b1 <= cy <= b3
            and b0 <= cx <= b2
            and wide <= _WIDTH_SLACK * w
            and wide >= _MIN_WIDTH_SHARE * w
        ]
        if len(under) < 2:
            continue
        # one column: the same left and right edges, rows stacked without a gap between
        if len({(round(c[0], 1), round(c[2], 1)) for c in under}) != 1:
            continue
        under.sort(key=lambda c: c[1])
        if any(abs(a[3] - nxt[1]) > 0.5 for a, nxt in itertools.pairwise(under)):
            continue
        if _text_cells(under, glyphs) > 1:
            continue
        for c in under:
            out.remove(c)
            body.remove(next(e for e in body if e[0] == c))
        merged = (under[0][0], under[0][1], under[0][2], under[-1][3])
        out.append(merged)
        if merged[1] >= body_top - 0.5:
            mx0, mtop, mx1, mbottom = merged
            body.append((merged, (mx0 + mx1) / 2, (mtop + mbottom) / 2, mx1 - mx0))
    return out
