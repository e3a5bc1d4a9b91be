"""One three-line table's cell grid: columns from the body, header cells placed over
them, rows cut between the body's printed lines; and `find_unruled`, every such table
inside the regions a page's horizontal rules bound."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from extractor.pdf.pages import Glyph
from extractor.pdf.rules import Edge
from extractor.pdf.unruled.bands import Band, assemble, bands, regions
from extractor.pdf.unruled.columns import bounds as column_bounds
from extractor.pdf.unruled.columns import columns, in_gap
from extractor.pdf.unruled.header import header_boxes, header_cells, place_header, widen
from extractor.pdf.unruled.rows import row_cells, rows
from extractor.pdf.unruled.settings import UnruledSettings
from extractor.pdf.unruled.tokens import TokenLine, is_tabular, token_lines
from extractor.pdf.view import BBox

# Marks a header may hold without being a row of figures ("/" and "—" as column labels).
_HEADER_MARKS = ("/", "—")


@dataclass(slots=True)
class UnruledTable:
    """Cell rectangles of one three-line table; `header_bottom` is the y of the rule
    under the header (the table's top for a headerless continuation)."""

    cells: list[BBox]
    header_bottom: float


def _table(
    head: Band | None, body: list[Band], x0: float, x1: float, s: UnruledSettings
) -> UnruledTable | None:
    lines = sorted([ln for b in body for ln in b.lines], key=lambda ln: ln.top)
    if not lines:
        return None
    if head is None:
        head, body, lines = _leading_header(body, lines, s)
    cols = columns(lines, s)
    if not cols:
        return None
    heads = header_cells(head.lines, s) if head is not None else []
    # A header cell over no body column (a 备注 column left blank) adds its column.
    extra = [
        (h.x0, h.x1)
        for h in heads
        if all(h.x1 < a or b < h.x0 for a, b in cols)
        and (h.x1 < cols[0][0] or h.x0 > cols[-1][1] or in_gap(h.x0, h.x1, cols, s))
    ]
    cols = sorted(cols + extra)
    bounds = column_bounds(cols, x0, x1)
    cells: list[BBox] = []
    spans: list[tuple[int, int]] = []
    body_top = body[0].top
    if head is not None:
        levels = place_header(heads, bounds, head.top, head.bottom, s, cols)
        bounds = widen(bounds, cols, heads)
        cells += header_boxes(heads, levels, bounds, head.top, head.bottom)
        spans = [(h.a, h.b) for h in heads if h.a >= 0 and not h.full and h.b > h.a]
        body_top = head.bottom
    spans.append((0, len(bounds) - 2))
    body_rows = rows(lines, s)
    edges = [body_top]
    for a, b in itertools.pairwise(body_rows):
        edges.append((max(x.bottom for x in a) + min(x.top for x in b)) / 2)
    edges.append(body[-1].bottom)
    for ri, row in enumerate(body_rows):
        cells += row_cells(row, bounds, edges[ri], edges[ri + 1], spans, s)
    return UnruledTable(cells, body_top)


def _leading_header(
    body: list[Band], lines: list[TokenLine], s: UnruledSettings
) -> tuple[Band | None, list[Band], list[TokenLine]]:
    """No rule separates the header (a grid with vertical rules only, or one rule over
    the whole table): the lines before the first line of figures are the header."""
    first = next((i for i, ln in enumerate(lines) if is_tabular(ln, s)), None)
    if not first:
        return None, body, lines
    head_lines, rest = lines[:first], lines[first:]
    if any(t.numeric and t.text not in _HEADER_MARKS for ln in head_lines for t in ln.toks):
        return None, body, lines
    cut = (max(ln.bottom for ln in head_lines) + min(ln.top for ln in rest)) / 2
    head = Band(body[0].top, cut, head_lines, "head")
    first_band = Band(cut, body[0].bottom, [ln for ln in body[0].lines if ln in rest], "body")
    return head, [first_band, *body[1:]], rest


def _in_any(g: Glyph, boxes: list[BBox]) -> bool:
    """The glyph's centre lies in one of `boxes`, given as (x0, x1, top, bottom)."""
    cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
    for x0, x1, top, bottom in boxes:
        if x0 <= cx <= x1 and top <= cy <= bottom:
            return True
    return False


def find_unruled(
    h_rules: list[Edge],
    glyphs: list[Glyph],
    exclude: list[BBox] | None = None,
    settings: UnruledSettings | None = None,
) -> list[UnruledTable]:
    """Three-line tables bounded by `h_rules` (horizontal rules not part of a ruled
    table); glyphs inside `exclude` (ruled tables) are ignored."""
    s = settings or UnruledSettings()
    m = s.exclude_margin
    boxes = [(b[0] - m, b[2] + m, b[1] - m, b[3] + m) for b in exclude or []]
    free = [g for g in glyphs if not _in_any(g, boxes)] if boxes else list(glyphs)
    groups = regions(h_rules, s)
    out: list[UnruledTable] = []
    for gi, (x0, x1, *ys) in enumerate(groups):
        slack = s.region_slack
        inside = [g for g in free if x0 - slack <= (g.x0 + g.x1) / 2 <= x1 + slack]
        lines = token_lines(inside, s)
        # Open bands stop at the nearest rule of another region above or below.
        others = [y for gj, (_, _, *oys) in enumerate(groups) if gj != gi for y in oys]
        above = max([y for y in others if y < ys[0]], default=-1e9)
        below = min([y for y in others if y > ys[-1]], default=1e9)
        for head, body in assemble(bands(lines, ys, above, below, s), s):
            table = _table(head, body, x0, x1, s)
            if table is not None and len(table.cells) >= s.min_cells:
                out.append(table)
    return out
