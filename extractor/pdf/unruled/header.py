"""Header lines → header cells, each given its columns and level by the way Word centres a
group label over the columns it spans → the header's cell rectangles."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from statistics import median

from extractor.pdf.clusters import connected
from extractor.pdf.unruled.columns import col_of
from extractor.pdf.unruled.settings import UnruledSettings
from extractor.pdf.unruled.tokens import Boxed, Token, TokenLine
from extractor.pdf.view import BBox


@dataclass(slots=True)
class HeaderCell(Boxed):
    """One header cell: stacked header words merged; columns [a, b] once placed."""

    toks: list[Token]
    a: int = -1
    b: int = -1
    level: int = -1
    full: bool = False
    x0: float = field(init=False)
    x1: float = field(init=False)
    top: float = field(init=False)
    bottom: float = field(init=False)

    def __post_init__(self) -> None:
        self.x0 = min(t.x0 for t in self.toks)
        self.x1 = max(t.x1 for t in self.toks)
        self.top = min(t.top for t in self.toks)
        self.bottom = max(t.bottom for t in self.toks)


def header_cells(lines: list[TokenLine], s: UnruledSettings) -> list[HeaderCell]:
    """Header words; words stacked within ~`stacked_h` line heights and overlapping in x
    are one wrapped cell ("投入社工" over "人数")."""
    toks = [t for ln in lines for t in ln.toks]

    def stacked(a: Token, b: Token) -> bool:
        h = max(a.bottom - a.top, b.bottom - b.top)
        return (
            abs(a.cy - b.cy) > s.same_line_h * h
            and abs(a.top - b.top) <= s.stacked_h * h
            and a.x0 < b.x1
            and b.x0 < a.x1
        )

    return [HeaderCell(g) for g in connected(toks, stacked, _x_overlapping(toks))]


def _x_overlapping(toks: list[Token]) -> Iterator[tuple[int, int]]:
    """The pairs of tokens whose x-extents may overlap, the only ones `stacked` can join:
    a sweep in order of x0 stops at the first token starting past one's right end
    (asking every pair was quadratic in a wide header's words). A token with an extent
    that is not a number overlaps nothing."""
    order = sorted(
        (k for k, t in enumerate(toks) if not (math.isnan(t.x0) or math.isnan(t.x1))),
        key=lambda k: toks[k].x0,
    )
    for n, i in enumerate(order):
        for j in order[n + 1 :]:
            if toks[j].x0 >= toks[i].x1:
                break
            yield i, j


def _covers(x0: float, x1: float, c0: float, c1: float, s: UnruledSettings) -> bool:
    """Text [x0, x1] stands over column [c0, c1]: a good part of it, not a stray edge of
    a header word wider than its column."""
    overlap = min(x1, c1) - max(x0, c0)
    return overlap > 0 and (
        overlap >= s.cover_text_share * (x1 - x0) or overlap >= s.cover_column_share * (c1 - c0)
    )


def _overlaps(h: HeaderCell, bounds: list[float], s: UnruledSettings) -> list[int]:
    return [
        k for k in range(len(bounds) - 1) if _covers(h.x0, h.x1, bounds[k], bounds[k + 1], s)
    ] or [col_of(bounds, h.cx)]


def place_header(
    heads: list[HeaderCell],
    bounds: list[float],
    top: float,
    rule: float,
    s: UnruledSettings,
    cols: list[tuple[float, float]] | None = None,
) -> list[float]:
    """Give every header cell its columns and level; returns the level centres.

    A cell alone over its columns and centred in the header's height spans all levels
    (服务片区); one alone but down on the lowest level is a leaf whose group label sits
    over a neighbouring column (电访 over 协议量 完成量 百分比). `cols` are the body
    columns' printed extents, one per column of `bounds`, when known."""
    n = len(bounds) - 1
    cover: list[list[int]] = [[] for _ in range(n)]
    for i, h in enumerate(heads):
        for k in _overlaps(h, bounds, s):
            cover[k].append(i)
    lowest = max((h.cy for h in heads), default=rule)
    middle = (top + rule) / 2
    full_cols: set[int] = set()
    for i, h in enumerate(heads):
        ks = _overlaps(h, bounds, s)
        if all(cover[k] == [i] for k in ks) and abs(h.cy - middle) < abs(h.cy - lowest):
            h.full, h.a, h.b = True, ks[0], ks[-1]
            full_cols.update(ks)
    rest = [h for h in heads if not h.full]
    # Levels: clusters of vertical centres, top to bottom.
    centres: list[list[float]] = []
    for h in sorted(rest, key=lambda h: h.cy):
        tol = s.level_h * median(t.bottom - t.top for t in h.toks)
        if centres and h.cy - centres[-1][-1] <= tol:
            centres[-1].append(h.cy)
        else:
            centres.append([h.cy])
    levels = _spanning_levels_merged([sum(c) / len(c) for c in centres], rest, s)
    for h in rest:
        h.level = min(range(len(levels)), key=lambda k: abs(levels[k] - h.cy))
    # Bottom-up: each level's cells take the subtrees below them that they are centred on.
    roots: list[tuple[int, int]] = [(k, k) for k in range(n) if k not in full_cols]
    for level in range(len(levels) - 1, -1, -1):
        cells = sorted([h for h in rest if h.level == level], key=lambda h: h.cx)
        printed = _printed(heads, cols, n)  # with the levels below placed
        cores: list[list[int]] = []
        for h in cells:
            core = [
                r
                for r, (a, b) in enumerate(roots)
                if _covers(h.x0, h.x1, bounds[a], bounds[b + 1], s)
            ]
            if not core and roots:
                core = [
                    min(
                        range(len(roots)),
                        key=lambda r: abs(
                            (bounds[roots[r][0]] + bounds[roots[r][1] + 1]) / 2 - h.cx
                        ),
                    )
                ]
            cores.append(core)
        taken: set[int] = {r for c in cores for r in c}
        merged: list[tuple[int, int, int]] = []  # (first root, last root, cell index)
        for ci, h in enumerate(cells):
            core = cores[ci]
            if not core:
                continue
            lo, hi = min(core), max(core)
            blocked = taken - set(core) | {r for f, t, _ in merged for r in range(f, t + 1)}
            best = (lo, hi)
            if level < len(levels) - 1:
                rivals = [(min(c), max(c)) for k, c in enumerate(cores) if k != ci and c]
                # by the column bounds; failing that (columns set by tab stops), by
                # the printed text under the label
                found = _centred_span(h, roots, bounds, lo, hi, blocked, rivals, s)
                if found is None and printed is not None:
                    found = _centred_span(h, roots, bounds, lo, hi, blocked, rivals, s, printed)
                best = found or best
            merged.append((best[0], best[1], ci))
        new_roots: list[tuple[int, int]] = []
        r = 0
        by_first = {f: (t, ci) for f, t, ci in merged}
        while r < len(roots):
            if r in by_first:
                t, ci = by_first[r]
                a, b = roots[r][0], roots[t][1]
                cells[ci].a, cells[ci].b = a, b
                new_roots.append((a, b))
                r = t + 1
            else:
                new_roots.append(roots[r])
                r += 1
        roots = new_roots
    return levels


def _printed(
    heads: list[HeaderCell], cols: list[tuple[float, float]] | None, n: int
) -> list[tuple[float, float]] | None:
    """Each column's printed extent: its body figures and the one-column header words
    placed over it. Where columns are set by tab stops rather than drawn, the gaps
    between them are uneven (right-aligned figures leave the room on the left), so the
    midpoints between columns miss the centre Word centred a group label on; the text's
    own extent finds it."""
    if cols is None or len(cols) != n:
        return None
    ext = [list(c) for c in cols]
    for h in heads:
        if h.a == h.b and h.a >= 0 and not h.full:
            ext[h.a][0] = min(ext[h.a][0], h.x0)
            ext[h.a][1] = max(ext[h.a][1], h.x1)
    return [(a, b) for a, b in ext]


def _spanning_levels_merged(
    levels: list[float], heads: list[HeaderCell], s: UnruledSettings
) -> list[float]:
    """A level midway between its neighbours whose cells have no cell above or below
    them holds cells merged over both rows (困难群众建档 beside 个案服务 › 接案数): they
    belong to the upper row, as siblings of its cells, not as a level of their own."""
    out = list(levels)
    k = 1
    while k < len(out) - 1:
        up, mid, down = out[k - 1], out[k], out[k + 1]
        tol = s.spanning_level_share * (down - up)
        here = [
            h
            for h in heads
            if abs(h.cy - mid) < abs(h.cy - up) and abs(h.cy - mid) < abs(h.cy - down)
        ]
        near = [
            h for h in heads if h not in here and (abs(h.cy - up) < tol or abs(h.cy - down) < tol)
        ]
        spanning = (
            here
            and abs(mid - (up + down) / 2) <= tol
            and all(not (o.x0 < h.x1 and h.x0 < o.x1) for h in here for o in near)
        )
        if spanning:
            for h in here:
                h.top = min(h.top, up)
            del out[k]
        else:
            k += 1
    return out


def _centred_span(
    h: HeaderCell,
    roots: list[tuple[int, int]],
    bounds: list[float],
    lo: int,
    hi: int,
    blocked: set[int],
    rivals: list[tuple[int, int]],
    s: UnruledSettings,
    printed: list[tuple[float, float]] | None = None,
) -> tuple[int, int] | None:
    """The run of two or more subtrees around [lo, hi] whose centre is nearest the group
    label's centre (Word centres a merged cell's text), if near enough; a subtree nearer
    the subtrees under another label of the same row is that label's (a wide run that
    happens to be centred too does not take its neighbours' columns). The run's centre
    is that of its column bounds, or, given `printed`, that of its columns' printed
    text."""

    def gap(r: int, a: int, b: int) -> int:
        return max(a - r, r - b, 0)

    def own(r: int) -> bool:
        return all(gap(r, lo, hi) <= gap(r, a, b) for a, b in rivals)

    best: tuple[float, int, int] | None = None
    i = lo
    while i >= 0 and (
        i == lo or (i not in blocked and own(i) and roots[i][1] + 1 == roots[i + 1][0])
    ):
        j = hi
        while j < len(roots) and (
            j == hi or (j not in blocked and own(j) and roots[j - 1][1] + 1 == roots[j][0])
        ):
            if j > i:
                if printed is None:
                    centre = (bounds[roots[i][0]] + bounds[roots[j][1] + 1]) / 2
                else:
                    centre = (printed[roots[i][0]][0] + printed[roots[j][1]][1]) / 2
                widths = [bounds[b + 1] - bounds[a] for a, b in roots[i : j + 1]]
                dev = abs(centre - h.cx)
                near = max(s.label_centre, s.label_centre_share * min(widths))
                if dev <= near and (best is None or dev < best[0]):
                    best = (dev, i, j)
            j += 1
        i -= 1
    return (best[1], best[2]) if best else None


def header_boxes(
    heads: list[HeaderCell], levels: list[float], bounds: list[float], top: float, rule: float
) -> list[BBox]:
    """Rectangles of the placed header cells: a full-height cell from the table's top to
    the rule; others from under the nearest cell above them down to the next level (or
    the rule when nothing is below them)."""
    placed = [h for h in heads if h.a >= 0]
    ybs = [top] + [(a + b) / 2 for a, b in itertools.pairwise(levels)] + [rule]
    boxes: list[BBox] = []
    for h in placed:
        if h.full:
            boxes.append((bounds[h.a], top, bounds[h.b + 1], rule))
            continue
        cols = set(range(h.a, h.b + 1))
        others = [
            o for o in placed if o is not h and not o.full and cols & set(range(o.a, o.b + 1))
        ]
        above = [o.level for o in others if o.level < h.level]
        below = [o.level for o in others if o.level > h.level]
        y0 = ybs[max(above) + 1] if above else top
        # Down to the row of the cells under it: a cell merged over two rows
        # (困难群众建档 beside 个案服务 › 接案数) reaches the second.
        y1 = ybs[min(below)] if below else rule
        boxes.append((bounds[h.a], y0, bounds[h.b + 1], y1))
    return boxes


def widen(
    bounds: list[float], cols: list[tuple[float, float]], heads: list[HeaderCell]
) -> list[float]:
    """Move a boundary between two columns out of a one-column header word wider than its
    column (符合从业2年以上的 printed wider than the figures under it)."""
    ext = [list(c) for c in cols]
    for h in heads:
        if h.a == h.b and h.a >= 0:
            ext[h.a][0] = min(ext[h.a][0], h.x0)
            ext[h.a][1] = max(ext[h.a][1], h.x1)
    out = list(bounds)
    for k in range(1, len(cols)):
        if ext[k - 1][1] < ext[k][0]:
            out[k] = (ext[k - 1][1] + ext[k][0]) / 2
    return out
