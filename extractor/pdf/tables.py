"""Table regions and cell rectangles of one page, by pdfplumber's table algorithm.

Ruled tables: pdfplumber's lines strategy (edges → intersections → cells → tables) on
the rules read by `rules.py`, as `cells.py` writes it out (pdfplumber is not imported).
Tables ruled only horizontally (a top rule, a rule under the header and a bottom rule, as
Word's "three-line table") have no vertical edges; they are read from their text by the
`unruled` package, inside the regions the horizontal rules bound.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter

from extractor.pdf.cells import cells, cells_to_tables, intersections, merge_edges
from extractor.pdf.clusters import connected
from extractor.pdf.pages import Glyph
from extractor.pdf.rules import Edge, h_edge, v_edge
from extractor.pdf.unruled import UnruledSettings, find_unruled
from extractor.pdf.unruled.merges import merge_shaded
from extractor.pdf.view import BBox


@dataclass(frozen=True, slots=True)
class TableSettings:
    """pdfplumber's lattice tolerances (points) for ruled tables, and the three-line-table
    reader's own settings; one object, passed once from `DocumentOptions` down."""

    # Rule ends this close are snapped to one line (Word draws a cell border per cell).
    snap_tolerance: float = 3.0
    # Collinear rule pieces this close are joined into one rule.
    join_tolerance: float = 3.0
    # A horizontal and a vertical rule this close meet (borders overshoot or fall short).
    intersection_tolerance: float = 3.0
    # Shorter rules are glyph strokes or bullets, not borders.
    edge_min_length: float = 3.0
    # A ruled table has at least this many cells (one box is a frame, not a table).
    min_cells: int = 2
    unruled: UnruledSettings = field(default_factory=UnruledSettings)

    def __post_init__(self) -> None:
        lengths = (
            self.snap_tolerance,
            self.join_tolerance,
            self.intersection_tolerance,
            self.edge_min_length,
        )
        if not all(0 <= v < math.inf for v in lengths) or self.min_cells < 1:
            raise ValueError(f"table settings out of range: {self}")


@dataclass(slots=True)
class RawTable:
    """Cell rectangles of one table on one page; `ruled` is False for rule-less columns."""

    page: int
    cells: list[BBox]
    ruled: bool
    # y of the rule under the header when the table was read from rules alone (unruled).
    header_bottom: float | None = None

    @property
    def bbox(self) -> BBox:
        return (
            min(c[0] for c in self.cells),
            min(c[1] for c in self.cells),
            max(c[2] for c in self.cells),
            max(c[3] for c in self.cells),
        )


def _merged(edges: list[Edge], s: TableSettings) -> list[Edge]:
    merged = merge_edges(edges, s.snap_tolerance, s.join_tolerance)
    return [
        e
        for e in merged
        if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"])
        >= s.edge_min_length
    ]


def _cells_to_tables(edges: list[Edge], s: TableSettings) -> list[list[BBox]]:
    inter = intersections(edges, s.intersection_tolerance, s.intersection_tolerance)
    found = cells(inter)
    return [list(t) for t in cells_to_tables(found) if len(t) >= s.min_cells]


def find_tables(
    page: int,
    edges: list[Edge],
    glyphs: list[Glyph],
    settings: TableSettings | None = None,
    shades: list[BBox] | None = None,
) -> list[RawTable]:
    """Every table of a page, from whatever its drawing gives: a full grid of rules
    (pdfplumber's lattice), horizontal rules only (three-line tables), vertical rules
    only, or cell shading only (zebra rows). Where the rules do not cut a table into its
    rows and columns, the text does (`unruled.find_unruled`), inside the region the rules
    or the shading bound."""
    s = settings or TableSettings()
    merged = _merged(edges, s)
    merged += open_sides(merged, s.snap_tolerance)
    merged += open_ends(merged, s.snap_tolerance)
    found: list[RawTable] = []
    centres: _Centres | None = None
    for boxes in _cells_to_tables(merged, s):
        table = RawTable(page, boxes, True)
        if centres is None:
            centres = _centres(glyphs)
        if not _under_ruled(table, glyphs, centres):
            found.append(table)
    covered = [t.bbox for t in found]
    # Horizontal rules not already part of a ruled table may bound a three-line table
    # (or an under-ruled grid: vertical rules between columns but none between rows).
    loose_h = [
        e
        for e in merged
        if e["orientation"] == "h"
        and not any(b[1] - 2 <= e["top"] <= b[3] + 2 and b[0] - 2 <= e["x0"] for b in covered)
    ]
    loose_h += shade_rules(shades or [], covered)
    # One rule alone can close a three-line table continued from the previous page.
    if loose_h:
        found += [
            RawTable(
                page,
                merge_shaded(t.cells, shades or [], glyphs, t.header_bottom),
                False,
                t.header_bottom,
            )
            for t in find_unruled(loose_h, glyphs, covered, s.unruled)
        ]
    return sorted(found, key=lambda t: (t.bbox[1], t.bbox[0]))


def open_sides(edges: list[Edge], tol: float = 3.0) -> list[Edge]:
    """The side rules a table leaves out: Word tables are often drawn with rules between
    rows (the full width) and rules between columns, but none down the left and right
    sides, so the lattice would lose the first and last columns. Where three or more
    horizontal rules share both ends, each next to the one above joined by a vertical
    rule well inside those ends, the ends are the table's sides: a vertical rule is
    added at an end no vertical rule reaches."""
    hs = [e for e in edges if e["orientation"] == "h"]
    vs = [e for e in edges if e["orientation"] == "v"]
    groups: list[list[Edge]] = []
    for e in sorted(hs, key=lambda e: (e["x0"], e["x1"], e["top"])):
        for g in groups:
            if abs(g[0]["x0"] - e["x0"]) <= tol and abs(g[0]["x1"] - e["x1"]) <= tol:
                g.append(e)
                break
        else:
            groups.append([e])
    out: list[Edge] = []
    for g in groups:
        x0, x1 = g[0]["x0"], g[0]["x1"]

        def joins(v: Edge, top: float, bottom: float) -> bool:
            return bool(v["top"] <= top + tol and v["bottom"] >= bottom - tol)

        inner = [v for v in vs if x0 + 4 * tol < v["x0"] < x1 - 4 * tol]
        runs: list[list[Edge]] = []
        for e in sorted(g, key=lambda e: e["top"]):
            if runs and any(joins(v, runs[-1][-1]["top"], e["top"]) for v in inner):
                runs[-1].append(e)
            else:
                runs.append([e])
        for run in runs:
            if len(run) < 3:
                continue
            top, bottom = run[0]["top"], run[-1]["top"]
            for x in (x0, x1):
                # any vertical rule near that end, over any part of the run, is the side
                # (or too close to add one beside it without cutting a sliver of a cell)
                near = [v for v in vs if abs(v["x0"] - x) <= 2 * tol]
                if not any(v["bottom"] > top and v["top"] < bottom for v in near):
                    out.append(v_edge(x, top, bottom))
    return out


def open_ends(edges: list[Edge], tol: float = 3.0) -> list[Edge]:
    """The bottom rule a table leaves out: a table ruled only between its columns (its
    body rows unruled) and continued on the next page stops at the page's foot with no
    rule under it. Where three or more vertical rules end level below every horizontal
    rule they cross, their common end is the table's bottom edge: a horizontal rule is
    added there across them, so that the lattice closes the body (then read from its
    text, `_under_ruled`) instead of keeping the header's cells alone."""
    hs = [e for e in edges if e["orientation"] == "h"]
    vs = sorted((e for e in edges if e["orientation"] == "v"), key=lambda e: e["bottom"])
    out: list[Edge] = []
    groups: list[list[Edge]] = []
    for v in vs:
        if groups and v["bottom"] - groups[-1][0]["bottom"] <= tol:
            groups[-1].append(v)
        else:
            groups.append([v])
    for g in groups:
        xs = sorted({round(v["x0"], 1) for v in g})
        if len(xs) < 3:
            continue
        x0, x1 = xs[0], xs[-1]
        bottom = max(v["bottom"] for v in g)
        top = min(v["top"] for v in g)
        crossing = [h for h in hs if h["x0"] <= x1 + tol and h["x1"] >= x0 - tol]
        # only where a horizontal rule starts the table above, and none closes it here
        if not any(top - tol <= h["top"] < bottom - tol for h in crossing):
            continue
        if any(abs(h["top"] - bottom) <= tol for h in crossing):
            continue
        out.append(h_edge(x0, x1, bottom))
    return out


# The page's glyph centres (cx, cy, index), sorted.
_Centres = list[tuple[float, float, int]]


def _centres(glyphs: list[Glyph]) -> _Centres:
    """Worked out once per page for all its grids (a centre that is not a number lies
    in no cell, and would break the order)."""
    points = [((g.x0 + g.x1) / 2, (g.top + g.bottom) / 2, i) for i, g in enumerate(glyphs)]
    # list comprehensions, not generators; x == x is False for NaN alone (`math.isnan`)
    centred = [p for p in points if p[0] == p[0] and p[1] == p[1]]
    centred.sort()
    return centred


def _under_ruled(table: RawTable, glyphs: list[Glyph], centres: _Centres) -> bool:
    """A grid whose cells hold several printed lines of figures each: its rules do not
    separate its rows (vertical rules only), so it is read from its text instead."""
    rows: dict[tuple[int, int], list[tuple[list[float], bool]]] = {}
    # (band, lines, figure lines) of each cell, its band the cell's top and bottom.
    seen: list[tuple[tuple[int, int], list[str], int]] = []
    # Glyph centres by x: each cell takes its column's slice (bisected) rather than
    # scanning the page's glyphs, which made a 39-column roster quadratic. Each cell's
    # glyphs keep the page's order, which `_glyph_lines` breaks ties by. Only glyphs
    # level with the table can lie in its cells: the page's others (paragraphs above
    # and below, in the same columns) are left out once here, not by every cell.
    t_top = min(c[1] for c in table.cells)
    t_bottom = max(c[3] for c in table.cells)
    centred = [c for c in centres if t_top <= c[1] <= t_bottom]
    xs = [c[0] for c in centred]
    for x0, top, x1, bottom in table.cells:
        column = centred[bisect_left(xs, x0) : bisect_right(xs, x1)]
        inside = [glyphs[i] for i in sorted([i for _, cy, i in column if top <= cy <= bottom])]
        glyph_lines = _glyph_lines(inside)
        lines = [_line_text(r) for r in glyph_lines]
        figures = [t for t in lines if _FIGURE_LINE.match(t)]
        band = (round(top), round(bottom))
        seen.append((band, lines, len(figures)))
        if len(lines) >= 2:
            rows.setdefault(band, []).append(
                ([(r[0].top + r[0].bottom) / 2 for r in glyph_lines], len(figures) == len(lines))
            )
    one_row = _one_row_bands(seen)
    numeric = sum(1 for _, _, n in seen if n)
    stacked = sum(1 for band, _, n in seen if n >= 2 and band not in one_row)
    if numeric > 0 and stacked >= max(2, 0.3 * numeric):
        return True
    # A grid of a header and one body row whose cells hold the same several lines side
    # by side, one cell of them all figures (a two-column weights table, a staff list
    # 序号 │ 姓名 │ 岗位 │ 资质 with vertical rules only): the rows were never ruled.
    bands = {(round(top), round(bottom)) for _, top, _, bottom in table.cells}
    return len(bands) <= 2 and any(_side_by_side(cells) for cells in rows.values())


def _one_row_bands(seen: list[tuple[tuple[int, int], list[str], int]]) -> set[tuple[int, int]]:
    """Row bands that hold one row: a cell of the band prints one line of words (the
    row's label, 新村片区) and no cell more than two lines. Two figures stacked in a cell
    there (协议量 over 完成量, a line break inside the cell) are one row's, so they do not
    say the rows were left unruled: under-ruled rows put every row's label in one cell."""
    most: dict[tuple[int, int], int] = {}
    worded: set[tuple[int, int]] = set()
    for band, lines, figures in seen:
        most[band] = max(most.get(band, 0), len(lines))
        if len(lines) == 1 and not figures:
            worded.add(band)
    return {band for band in worded if most[band] <= 2}


def _side_by_side(cells: list[tuple[list[float], bool]]) -> bool:
    for i, (ys, figures) in enumerate(cells):
        if not figures:
            continue
        # Side by side: each line level with its neighbour's, within a third of the line
        # pitch (digits and CJK glyphs of one line do not share a centre exactly).
        tol = 0.3 * min(b - a for a, b in itertools.pairwise(ys))
        for j, (other, _) in enumerate(cells):
            if (
                j != i
                and len(other) == len(ys)
                and all(abs(a - b) <= tol for a, b in zip(ys, other, strict=True))
            ):
                return True
    return False


_FIGURE_LINE = re.compile(r"^[\d.,%％/—–\-]+$")
_X0: Callable[[Glyph], float] = attrgetter("x0")  # a sort key in C


def _glyph_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into printed lines, top to bottom (a glyph within 0.4 of its
    height of a line's first glyph's centre is on that line)."""
    rows: list[list[Glyph]] = []
    row: list[Glyph] = []
    cys = [(g.top + g.bottom) / 2 for g in glyphs]  # each centre once, for sort and test
    first = 0.0  # the centre of the current line's first glyph
    for i in sorted(range(len(glyphs)), key=cys.__getitem__):
        g, cy = glyphs[i], cys[i]
        if row and abs(cy - first) <= 0.4 * (g.bottom - g.top):
            row.append(g)
        else:
            row = [g]
            rows.append(row)
            first = cy
    return rows


def _line_text(row: list[Glyph]) -> str:
    return "".join(g.char for g in sorted(row, key=_X0)).strip()


def _touching_pairs(boxes: list[BBox]) -> Iterator[tuple[int, int]]:
    """The pairs (i < j) that `_shades_touch` joins, its two rules computed on arrays for
    a block of boxes against all the others at once: testing pairs one by one was
    quadratic in Python on pages of shaded grids (256 shaded cells, 20,000 pairs near
    enough to ask about). Shading boxes are wider and taller than a rule (`read_rules`),
    so the arithmetic, in float64 as in Python, gives `_shades_touch`'s answers."""
    n = len(boxes)
    if n < 2:
        return
    import numpy as np  # here: a command that parses no shaded page does not load it

    x0, top, x1, bottom = np.asarray(boxes, dtype=np.float64).T
    h, w = bottom - top, x1 - x0
    step = max(1, _PAIR_BLOCK // n)
    for s in range(0, n - 1, step):
        a = slice(s, min(n, s + step))
        x0a, topa, x1a, bottoma = x0[a, None], top[a, None], x1[a, None], bottom[a, None]
        ha, wa = h[a, None], w[a, None]
        v_overlap = np.minimum(bottoma, bottom) - np.maximum(topa, top)
        h_gap = np.maximum(x0a, x0) - np.minimum(x1a, x1)
        side = (v_overlap >= 0.5 * np.minimum(ha, h)) & (h_gap <= 3.0)
        h_overlap = np.minimum(x1a, x1) - np.maximum(x0a, x0)
        v_gap = np.maximum(topa, top) - np.minimum(bottoma, bottom)
        stacked = (h_overlap > 0.5 * np.minimum(wa, w)) & (v_gap <= 1.5 * np.maximum(ha, h))
        rows, cols = np.nonzero(np.triu(side | stacked, s + 1))
        yield from zip((rows + s).tolist(), cols.tolist(), strict=True)


# Box pairs tested per array block (half a megabyte per float64 array): bounds the
# memory of `_touching_pairs` on a page of thousands of shading boxes.
_PAIR_BLOCK = 1 << 16


def shade_rules(shades: list[BBox], covered: list[BBox]) -> list[Edge]:
    """Horizontal "rules" at the edges of cell shading: zebra rows and a shaded header
    mark a table's row bands as rules would. Shading rectangles stacked close together
    form one table region; each edge becomes a rule across the whole region, so that the
    region's bands are found as a three-line table's are."""
    boxes = [b for b in shades if not any(_inside(b, c) for c in covered)]
    clusters = connected(boxes, lambda a, b: True, _touching_pairs(boxes))
    rules: list[Edge] = []
    for cl in clusters:
        if len(cl) < 2:
            continue  # one shaded box is a highlight, not a table
        x0, x1 = min(c[0] for c in cl), max(c[2] for c in cl)
        ys = sorted({round(y, 1) for c in cl for y in (c[1], c[3])})
        rules += [h_edge(x0, x1, y) for y in ys]
    return rules


def _shades_touch(a: BBox, b: BBox) -> bool:
    """Two shading boxes of one table: side by side in one row band (cells of a shaded
    row or header), or one over the other with at most a row between (zebra rows).
    The rule for one pair; `_touching_pairs` applies it to all pairs at once."""
    ha, hb = a[3] - a[1], b[3] - b[1]
    v_overlap = min(a[3], b[3]) - max(a[1], b[1])
    h_gap = max(a[0], b[0]) - min(a[2], b[2])
    if v_overlap >= 0.5 * min(ha, hb) and h_gap <= 3.0:
        return True
    h_overlap = min(a[2], b[2]) - max(a[0], b[0])
    v_gap = max(a[1], b[1]) - min(a[3], b[3])
    return h_overlap > 0.5 * min(a[2] - a[0], b[2] - b[0]) and v_gap <= 1.5 * max(ha, hb)


def _inside(b: BBox, c: BBox) -> bool:
    return c[0] - 2 <= b[0] and b[2] <= c[2] + 2 and c[1] - 2 <= b[1] and b[3] <= c[3] + 2
