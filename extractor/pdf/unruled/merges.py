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


def _centre_in(c: BBox, b: BBox) -> bool:
    cx, cy = (c[0] + c[2]) / 2, (c[1] + c[3]) / 2
    return b[0] <= cx <= b[2] and b[1] <= cy <= b[3]


def _holds_text(c: BBox, glyphs: list[Glyph]) -> bool:
    return any(
        c[0] <= (g.x0 + g.x1) / 2 <= c[2]
        and c[1] <= (g.top + g.bottom) / 2 <= c[3]
        and g.char.strip()
        for g in glyphs
    )


def merge_shaded(
    cells: list[BBox], shades: list[BBox], glyphs: list[Glyph], body_top: float
) -> list[BBox]:
    """`cells` with each body column's cells under one shading box joined into one
    (see the module docstring); header cells (above `body_top`) are left as they are."""
    out = list(cells)
    for b in shades:
        under = [
            c
            for c in out
            if c[1] >= body_top - 0.5
            and _centre_in(c, b)
            and b[0] <= (c[0] + c[2]) / 2 <= b[2]
            and (b[2] - b[0]) <= _WIDTH_SLACK * (c[2] - c[0])
            and (b[2] - b[0]) >= _MIN_WIDTH_SHARE * (c[2] - c[0])
        ]
        if len(under) < 2:
            continue
        # one column: the same left and right edges, rows stacked without a gap between
        if len({(round(c[0], 1), round(c[2], 1)) for c in under}) != 1:
            continue
        under.sort(key=lambda c: c[1])
        if any(abs(a[3] - nxt[1]) > 0.5 for a, nxt in itertools.pairwise(under)):
            continue
        if sum(_holds_text(c, glyphs) for c in under) > 1:
            continue
        for c in under:
            out.remove(c)
        out.append((under[0][0], under[0][1], under[0][2], under[-1][3]))
    return out
