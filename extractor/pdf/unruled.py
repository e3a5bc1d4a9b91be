"""Three-line tables: a rule above the header, one under it, one under the last row and
no vertical rules (Word's default "three-line" style).

With no vertical edges, the grid has to come from the text. Columns come from how the
body values line up (body rows are dense, headers are not); rows come from the body's
printed lines, with wrapped lines of a vertically centred multi-line cell attached to the
row they belong to; header cells get their columns by the way Word centres a group label
over the columns it spans. The result is cell rectangles on one consistent grid, so that
`document.tables.to_table` infers spans and header paths as it does for ruled tables.

Pure Python over the page's glyphs: no pdfplumber page parsing.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from statistics import median
from typing import Literal

from extractor.pdf.pages import Glyph
from extractor.pdf.rules import Edge

BBox = tuple[float, float, float, float]

# A body value: a number, a percentage, "/", "√", a dash for "not applicable".
_NUMERIC = re.compile(r"^[\d.,，%％/／—–\-−√×]+$")
# Rules shorter than this are underlines or partial group rules, not table borders.
_MIN_RULE = 60.0


@dataclass(slots=True)
class _Tok:
    """A run of glyphs on one printed line with no visible gap."""

    glyphs: list[Glyph]
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def numeric(self) -> bool:
        return bool(_NUMERIC.match(self.text))


@dataclass(slots=True)
class _Line:
    toks: list[_Tok]

    @property
    def top(self) -> float:
        return min(t.top for t in self.toks)

    @property
    def bottom(self) -> float:
        return max(t.bottom for t in self.toks)

    @property
    def height(self) -> float:
        return median(t.bottom - t.top for t in self.toks)

    @property
    def numeric_share(self) -> float:
        return sum(t.numeric for t in self.toks) / len(self.toks)


BandKind = Literal["head", "body", "empty"]


@dataclass(slots=True)
class _Band:
    top: float
    bottom: float
    lines: list[_Line]
    kind: BandKind = "empty"


@dataclass(slots=True)
class UnruledTable:
    """Cell rectangles of one three-line table; `header_bottom` is the y of the rule
    under the header (the table's top for a headerless continuation)."""

    cells: list[BBox]
    header_bottom: float


@dataclass(slots=True)
class _Head:
    """One header cell: stacked header words merged; columns [a, b] once placed."""

    toks: list[_Tok]
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

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


# --- glyphs → lines of tokens ------------------------------------------------------------


def _lines(glyphs: list[Glyph]) -> list[_Line]:
    """Glyphs clustered by vertical centre into printed lines, each cut into tokens."""
    rows: list[list[Glyph]] = []
    centre = 0.0
    for g in sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2):
        cy, h = (g.top + g.bottom) / 2, g.bottom - g.top
        if rows and abs(cy - centre) <= 0.35 * h:
            rows[-1].append(g)
            centre += (cy - centre) / len(rows[-1])
        else:
            rows.append([g])
            centre = cy
    out: list[_Line] = []
    for row in rows:
        toks: list[_Tok] = []
        cur: list[Glyph] = []
        for g in sorted(row, key=lambda g: g.x0):
            if g.char.isspace():
                _flush(cur, toks)
                continue
            if cur:
                h = max(g.bottom - g.top, cur[-1].bottom - cur[-1].top)
                if g.x0 - cur[-1].x1 > 0.5 * h:
                    _flush(cur, toks)
            cur.append(g)
        _flush(cur, toks)
        if toks:
            out.append(_Line(toks))
    return out


def _flush(cur: list[Glyph], toks: list[_Tok]) -> None:
    if cur:
        toks.append(
            _Tok(
                list(cur),
                min(g.x0 for g in cur),
                max(g.x1 for g in cur),
                min(g.top for g in cur),
                max(g.bottom for g in cur),
            )
        )
        cur.clear()


def _tabular(line: _Line) -> bool:
    """A line of table values: several tokens, mostly values, wide gaps between them
    (a paragraph with figures in it has one-space gaps)."""
    if len(line.toks) < 3 or line.numeric_share < 0.5:
        return False
    if len(line.toks) >= 8 and line.numeric_share >= 0.8:
        return True  # a row of marks: "——" cells sit closer than the column gap
    gaps = [b.x0 - a.x1 for a, b in zip(line.toks, line.toks[1:], strict=False)]
    return median(gaps) >= 1.5 * line.height


# --- regions and bands -------------------------------------------------------------------


def _groups(h_rules: list[Edge]) -> list[list[float]]:
    """Long horizontal rules grouped by x-extent → (x0, x1, y...) per group."""
    groups: list[list[float]] = []  # [x0, x1, y...]
    for e in sorted(h_rules, key=lambda e: e["top"]):
        if e["x1"] - e["x0"] < _MIN_RULE:
            continue
        for g in groups:
            if _same_region(g[0], g[1], e["x0"], e["x1"]):
                if e["top"] - g[-1] > 1.5:
                    g.append(e["top"])
                g[0], g[1] = min(g[0], e["x0"]), max(g[1], e["x1"])
                break
        else:
            groups.append([e["x0"], e["x1"], e["top"]])
    # A shorter rule inside a wider table's span is a partial group rule: not a region.
    keep: list[list[float]] = []
    for x0, x1, *ys in groups:
        inside = any(
            ox0 - 2 <= x0
            and x1 <= ox1 + 2
            and (ox1 - ox0) > (x1 - x0) + 4
            and oys[0] < ys[0] < oys[-1]
            for ox0, ox1, *oys in groups
        )
        if not inside:
            keep.append([x0, x1, *ys])
    return keep


def _same_region(x0: float, x1: float, e0: float, e1: float) -> bool:
    """Two rules of one table: the same extent, or one end shared and most of the
    wider one covered (Word leaves out a border segment over a merged cell, so the rule
    under a header may stop short of the 片区 column)."""
    if abs(x0 - e0) < 5 and abs(x1 - e1) < 5:
        return True
    shared_end = abs(x0 - e0) < 5 or abs(x1 - e1) < 5
    overlap = min(x1, e1) - max(x0, e0)
    return shared_end and overlap >= 0.7 * (max(x1, e1) - min(x0, e0))


def _kind(lines: list[_Line]) -> BandKind:
    toks = [t for ln in lines for t in ln.toks]
    if not toks:
        return "empty"
    numeric = sum(t.numeric for t in toks)
    if numeric >= max(1.0, 0.25 * len(toks)) or _running_count(lines):
        return "body"
    return "head"


def _running_count(lines: list[_Line]) -> bool:
    """Three or more lines numbered 1, 2, 3 … by a token at the same left edge: a staff
    list's 序号 column (its other cells are words), never a header."""
    firsts: list[_Tok] = []
    for ln in sorted(lines, key=lambda ln: ln.top):
        nums = [t for t in ln.toks if t.text.isdigit()]
        if nums:
            firsts.append(nums[0])
    if len(firsts) < 3:
        return False
    values = [int(t.text) for t in firsts]
    edge = firsts[0].x0
    return values == list(range(values[0], values[0] + len(values))) and all(
        abs(t.x1 - firsts[0].x1) <= 0.5 * (t.bottom - t.top) or abs(t.x0 - edge) <= 2
        for t in firsts
    )


def _open_band(lines: list[_Line], start: float, downward: bool, limit: float) -> list[_Line]:
    """Lines running on from a region's first (upward) or last (downward) rule with no rule
    closing them: contiguous lines, trimmed to the last tabular one."""
    ordered = sorted(
        [ln for ln in lines if (ln.top > start if downward else ln.bottom < start)],
        key=lambda ln: ln.top if downward else -ln.bottom,
    )
    ordered = [ln for ln in ordered if (ln.bottom < limit if downward else ln.top > limit)]
    run: list[_Line] = []
    edge = start
    for ln in ordered:
        gap = (ln.top - edge) if downward else (edge - ln.bottom)
        if gap > 4 * ln.height:
            break
        run.append(ln)
        edge = ln.bottom if downward else ln.top
    keep = len(run)
    while keep and not _tabular(run[keep - 1]):
        keep -= 1
    # Wrapped lines stacked tight on the last tabular line belong to its row.
    while 0 < keep < len(run):
        last, nxt = run[keep - 1], run[keep]
        gap = (nxt.top - last.bottom) if downward else (last.top - nxt.bottom)
        if gap > 0.6 * nxt.height:
            break
        keep += 1
    return run[:keep]


def _bands(lines: list[_Line], ys: list[float], above: float, below: float) -> list[_Band]:
    bands: list[_Band] = []
    top_run = _open_band(lines, ys[0], False, above)
    if top_run:
        bands.append(_Band(min(ln.top for ln in top_run) - 1, ys[0], top_run, "body"))
    for t, b in itertools.pairwise(ys):
        inside = [ln for ln in lines if t < (ln.top + ln.bottom) / 2 < b]
        bands.append(_Band(t, b, inside, _kind(inside)))
    bottom_run = _open_band(lines, ys[-1], True, below)
    if bottom_run and bands and bands[-1].kind in ("head", "body"):
        bands.append(_Band(ys[-1], max(ln.bottom for ln in bottom_run) + 1, bottom_run, "body"))
    return bands


def _assemble(bands: list[_Band]) -> list[tuple[_Band | None, list[_Band]]]:
    """Bands → tables: an optional header band followed by body bands. A text band not
    followed by a body band is a caption between tables; an empty band is a break.
    Header bands touching each other are one header (a shaded two-row header)."""
    tables: list[tuple[_Band | None, list[_Band]]] = []
    current: tuple[_Band | None, list[_Band]] | None = None
    head: _Band | None = None
    for i, band in enumerate(bands):
        if band.kind == "body":
            if current is None:
                current = (None, [])
                tables.append(current)
            current[1].append(band)
            head = None
        elif band.kind == "head":
            if head is not None and abs(band.top - head.bottom) < 1 and _header_like(head):
                head = _Band(head.top, band.bottom, head.lines + band.lines, "head")
            else:
                head = band
            nxt = bands[i + 1] if i + 1 < len(bands) else None
            if nxt is not None and nxt.kind == "body" and abs(nxt.top - band.bottom) < 1:
                current = (head, [])
                tables.append(current)
                head = None
            elif nxt is not None and nxt.kind == "head" and abs(nxt.top - band.bottom) < 1:
                current = None
            else:
                current = None
                head = None
        else:
            current = None
            head = None
    return [t for t in tables if t[1]]


def _header_like(band: _Band) -> bool:
    """Header rows, not text between two tables: several words side by side on a line,
    and no line that is one long run of text (a heading or a paragraph)."""
    if not any(len(ln.toks) >= 2 for ln in band.lines):
        return False
    width = max(t.x1 for ln in band.lines for t in ln.toks) - min(
        t.x0 for ln in band.lines for t in ln.toks
    )
    return all(
        len(ln.toks) >= 2 or ln.toks[0].x1 - ln.toks[0].x0 < 0.5 * width for ln in band.lines
    )


# --- columns -----------------------------------------------------------------------------


def _anchors(lines: list[_Line]) -> list[bool]:
    """Lines filling most columns (a person's row, a subtotal row)."""
    most = max(len(ln.toks) for ln in lines)
    return [len(ln.toks) >= max(2, 0.5 * most) for ln in lines]


def _merge(toks: list[_Tok]) -> list[list[float]]:
    cols: list[list[float]] = []
    for t in sorted(toks, key=lambda t: t.x0):
        if cols and t.x0 <= cols[-1][1] + 0.5:
            cols[-1][1] = max(cols[-1][1], t.x1)
        else:
            cols.append([t.x0, t.x1])
    return cols


def _columns(lines: list[_Line]) -> list[tuple[float, float]]:
    """x-extents of the body columns: token extents of the dense lines merged where they
    overlap, leaving out tokens that straddle a gap another line shows between two values
    (a label printed across several columns); tokens of sparse lines only add columns
    where the dense lines have none (a wrapped contract date)."""
    dense = [ln for ln, a in zip(lines, _anchors(lines), strict=True) if a]
    # (x0, x1) of each dense line's tokens; a line's tokens run left to right by x0.
    spans = [[(u.x0, u.x1) for u in ln.toks] for ln in dense]
    narrow: list[_Tok] = []
    for i, ln in enumerate(dense):
        others = spans[:i] + spans[i + 1 :]
        for t in ln.toks:
            lo, hi = t.x0 + 0.5, t.x1 - 0.5
            if not any(_straddles(lo, hi, other) for other in others):
                narrow.append(t)
    cols = _merge(narrow)
    sparse = [t for ln in lines if ln not in dense for t in ln.toks]
    extra = [t for t in sparse if all(t.x1 < a - 0.5 or b + 0.5 < t.x0 for a, b in cols)]
    return sorted((a, b) for a, b in cols + _merge(extra))


def _straddles(lo: float, hi: float, spans: list[tuple[float, float]]) -> bool:
    """Two or more of a line's tokens overlap (lo, hi). Tokens are ordered by x0, so the
    scan stops at the first token starting at or past hi."""
    hits = 0
    for x0, x1 in spans:
        if x0 >= hi:
            break
        if lo < x1:
            hits += 1
            if hits == 2:
                return True
    return False


def _bounds(cols: list[tuple[float, float]], x0: float, x1: float) -> list[float]:
    inner = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(cols)]
    return [min(x0, cols[0][0]), *inner, max(x1, cols[-1][1])]


def _col_of(bounds: list[float], x: float) -> int:
    for k in range(len(bounds) - 1):
        if x < bounds[k + 1]:
            return k
    return len(bounds) - 2


# --- header ------------------------------------------------------------------------------


def _header_cells(lines: list[_Line]) -> list[_Head]:
    """Header words; words stacked within ~1.3 line heights and overlapping in x are
    one wrapped cell ("投入社工" over "人数")."""
    toks = [t for ln in lines for t in ln.toks]
    parent = list(range(len(toks)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(toks):
        for j in range(i + 1, len(toks)):
            b = toks[j]
            h = max(a.bottom - a.top, b.bottom - b.top)
            if (
                abs(a.cy - b.cy) > 0.35 * h
                and abs(a.top - b.top) <= 1.3 * h
                and a.x0 < b.x1
                and b.x0 < a.x1
            ):
                parent[find(i)] = find(j)
    groups: dict[int, list[_Tok]] = {}
    for i, t in enumerate(toks):
        groups.setdefault(find(i), []).append(t)
    return [_Head(g) for g in groups.values()]


def _covers(x0: float, x1: float, c0: float, c1: float) -> bool:
    """Text [x0, x1] stands over column [c0, c1]: a good part of it, not a stray edge of
    a header word wider than its column."""
    overlap = min(x1, c1) - max(x0, c0)
    return overlap > 0 and (overlap >= 0.25 * (x1 - x0) or overlap >= 0.5 * (c1 - c0))


def _overlaps(h: _Head, bounds: list[float]) -> list[int]:
    return [k for k in range(len(bounds) - 1) if _covers(h.x0, h.x1, bounds[k], bounds[k + 1])] or [
        _col_of(bounds, h.cx)
    ]


def _place_header(heads: list[_Head], bounds: list[float], top: float, rule: float) -> list[float]:
    """Give every header cell its columns and level; returns the level centres.

    A cell alone over its columns and centred in the header's height spans all levels
    (服务片区); one alone but down on the lowest level is a leaf whose group label sits
    over a neighbouring column (电访 over 协议量 完成量 百分比)."""
    n = len(bounds) - 1
    cover: list[list[int]] = [[] for _ in range(n)]
    for i, h in enumerate(heads):
        for k in _overlaps(h, bounds):
            cover[k].append(i)
    lowest = max((h.cy for h in heads), default=rule)
    middle = (top + rule) / 2
    full_cols: set[int] = set()
    for i, h in enumerate(heads):
        ks = _overlaps(h, bounds)
        if all(cover[k] == [i] for k in ks) and abs(h.cy - middle) < abs(h.cy - lowest):
            h.full, h.a, h.b = True, ks[0], ks[-1]
            full_cols.update(ks)
    rest = [h for h in heads if not h.full]
    # Levels: clusters of vertical centres, top to bottom.
    centres: list[list[float]] = []
    for h in sorted(rest, key=lambda h: h.cy):
        tol = 0.5 * median(t.bottom - t.top for t in h.toks)
        if centres and h.cy - centres[-1][-1] <= tol:
            centres[-1].append(h.cy)
        else:
            centres.append([h.cy])
    levels = _spanning_levels_merged([sum(c) / len(c) for c in centres], rest)
    for h in rest:
        h.level = min(range(len(levels)), key=lambda k: abs(levels[k] - h.cy))
    # Bottom-up: each level's cells take the subtrees below them that they are centred on.
    roots: list[tuple[int, int]] = [(k, k) for k in range(n) if k not in full_cols]
    for level in range(len(levels) - 1, -1, -1):
        cells = sorted([h for h in rest if h.level == level], key=lambda h: h.cx)
        cores: list[list[int]] = []
        for h in cells:
            core = [
                r for r, (a, b) in enumerate(roots) if _covers(h.x0, h.x1, bounds[a], bounds[b + 1])
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
                best = _centred_span(h, roots, bounds, lo, hi, blocked, rivals) or best
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


def _spanning_levels_merged(levels: list[float], heads: list[_Head]) -> list[float]:
    """A level midway between its neighbours whose cells have no cell above or below
    them holds cells merged over both rows (困难群众建档 beside 个案服务 › 接案数): they
    belong to the upper row, as siblings of its cells, not as a level of their own."""
    out = list(levels)
    k = 1
    while k < len(out) - 1:
        up, mid, down = out[k - 1], out[k], out[k + 1]
        tol = 0.2 * (down - up)
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
    h: _Head,
    roots: list[tuple[int, int]],
    bounds: list[float],
    lo: int,
    hi: int,
    blocked: set[int],
    rivals: list[tuple[int, int]],
) -> tuple[int, int] | None:
    """The run of two or more subtrees around [lo, hi] whose centre is nearest the group
    label's centre (Word centres a merged cell's text), if near enough; a subtree nearer
    the subtrees under another label of the same row is that label's (a wide run that
    happens to be centred too does not take its neighbours' columns)."""

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
                centre = (bounds[roots[i][0]] + bounds[roots[j][1] + 1]) / 2
                widths = [bounds[b + 1] - bounds[a] for a, b in roots[i : j + 1]]
                dev = abs(centre - h.cx)
                if dev <= max(2.0, 0.2 * min(widths)) and (best is None or dev < best[0]):
                    best = (dev, i, j)
            j += 1
        i -= 1
    return (best[1], best[2]) if best else None


def _header_boxes(
    heads: list[_Head], levels: list[float], bounds: list[float], top: float, rule: float
) -> list[BBox]:
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


# --- body rows ---------------------------------------------------------------------------


def _rows(lines: list[_Line]) -> list[list[_Line]]:
    """Body lines → rows: lines filling most columns anchor a row; a line stacked tight on
    a row (wrapped text of a vertically centred cell) joins it; other lines are rows of
    their own (a subtotal label, a figure centred over a group of columns)."""
    most = max(len(ln.toks) for ln in lines)
    rows: list[list[_Line]] = [[ln] for ln in lines if len(ln.toks) >= max(2, 0.5 * most)]
    loose = [ln for ln in lines if len(ln.toks) < max(2, 0.5 * most)]
    changed = True
    while loose and changed:
        changed = False
        for ln in list(loose):
            best: tuple[float, int] | None = None
            for ri, row in enumerate(rows):
                top, bottom = min(x.top for x in row), max(x.bottom for x in row)
                gap = max(top - ln.bottom, ln.top - bottom)
                if gap <= 0.6 * ln.height and (best is None or gap < best[0]):
                    best = (gap, ri)
            if best is not None:
                rows[best[1]].append(ln)
                loose.remove(ln)
                changed = True
    for ln in sorted(loose, key=lambda ln: ln.top):
        rows.append([ln])
    # Loose lines stacked tight on each other form one row.
    rows.sort(key=lambda r: min(x.top for x in r))
    out: list[list[_Line]] = []
    for row in rows:
        if out and len(row) == 1 and len(out[-1]) >= 1:
            prev = out[-1]
            loose_prev = all(len(x.toks) < max(2, 0.5 * most) for x in prev)
            gap = min(x.top for x in row) - max(x.bottom for x in prev)
            if loose_prev and len(row[0].toks) < max(2, 0.5 * most) and gap <= 0.6 * row[0].height:
                prev.extend(row)
                continue
        out.append(row)
    return out


def _row_cells(
    row: list[_Line],
    bounds: list[float],
    y0: float,
    y1: float,
    spans: list[tuple[int, int]],
) -> list[BBox]:
    """Cells of one body row: a token printed across several columns is one spanning
    cell; a lone figure centred over an otherwise empty header group spans the group."""
    n = len(bounds) - 1
    owner = list(range(n))

    def find(k: int) -> int:
        while owner[k] != k:
            k = owner[k]
        return k

    filled: set[int] = set()
    toks = [t for ln in row for t in ln.toks]
    tok_cols: list[list[int]] = []
    for t in toks:
        ks = sorted({_col_of(bounds, (g.x0 + g.x1) / 2) for g in t.glyphs})
        tok_cols.append(ks)
        filled.update(ks)
        for k in range(ks[0], ks[-1]):
            owner[find(k + 1)] = find(ks[0])
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(find(k), []).append(k)
    extent = {min(g): max(g) for g in groups.values()}
    for t, ks in zip(toks, tok_cols, strict=True):
        a, b = ks[0], ks[-1]
        for sa, sb in sorted(spans, key=lambda s: s[1] - s[0]):
            if sa <= a and b <= sb and (sa, sb) != (a, b):
                others = [k for k in range(sa, sb + 1) if k < a or k > b]
                if any(k in filled for k in others):
                    continue
                centre = (bounds[sa] + bounds[sb + 1]) / 2
                if abs(centre - t.cx) <= max(3.0, 0.2 * (bounds[b + 1] - bounds[a])):
                    for k in list(extent):
                        if sa <= k <= sb:
                            del extent[k]
                    extent[sa] = sb
                    filled.update(range(sa, sb + 1))
                    break
    return [(bounds[a], y0, bounds[b + 1], y1) for a, b in sorted(extent.items())]


# --- one table ---------------------------------------------------------------------------


def _table(head: _Band | None, body: list[_Band], x0: float, x1: float) -> UnruledTable | None:
    lines = sorted([ln for b in body for ln in b.lines], key=lambda ln: ln.top)
    if not lines:
        return None
    if head is None:
        head, body, lines = _leading_header(body, lines)
    cols = _columns(lines)
    if not cols:
        return None
    heads = _header_cells(head.lines) if head is not None else []
    # A header cell over no body column (a 备注 column left blank) adds its column.
    extra = [
        (h.x0, h.x1)
        for h in heads
        if all(h.x1 < a or b < h.x0 for a, b in cols)
        and (h.x1 < cols[0][0] or h.x0 > cols[-1][1] or _in_gap(h, cols))
    ]
    cols = sorted(cols + extra)
    bounds = _bounds(cols, x0, x1)
    cells: list[BBox] = []
    spans: list[tuple[int, int]] = []
    body_top = body[0].top
    if head is not None:
        levels = _place_header(heads, bounds, head.top, head.bottom)
        bounds = _widen(bounds, cols, heads)
        cells += _header_boxes(heads, levels, bounds, head.top, head.bottom)
        spans = [(h.a, h.b) for h in heads if h.a >= 0 and not h.full and h.b > h.a]
        body_top = head.bottom
    spans.append((0, len(bounds) - 2))
    rows = _rows(lines)
    edges = [body_top]
    for a, b in itertools.pairwise(rows):
        edges.append((max(x.bottom for x in a) + min(x.top for x in b)) / 2)
    edges.append(body[-1].bottom)
    for ri, row in enumerate(rows):
        cells += _row_cells(row, bounds, edges[ri], edges[ri + 1], spans)
    return UnruledTable(cells, body_top)


def _leading_header(
    body: list[_Band], lines: list[_Line]
) -> tuple[_Band | None, list[_Band], list[_Line]]:
    """No rule separates the header (a grid with vertical rules only, or one rule over
    the whole table): the lines before the first line of figures are the header."""
    first = next((i for i, ln in enumerate(lines) if _tabular(ln)), None)
    if not first:
        return None, body, lines
    head_lines, rest = lines[:first], lines[first:]
    if any(t.numeric and t.text not in ("/", "—") for ln in head_lines for t in ln.toks):
        return None, body, lines
    cut = (max(ln.bottom for ln in head_lines) + min(ln.top for ln in rest)) / 2
    head = _Band(body[0].top, cut, head_lines, "head")
    first_band = _Band(cut, body[0].bottom, [ln for ln in body[0].lines if ln in rest], "body")
    return head, [first_band, *body[1:]], rest


def _widen(bounds: list[float], cols: list[tuple[float, float]], heads: list[_Head]) -> list[float]:
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


def _in_gap(h: _Head, cols: list[tuple[float, float]]) -> bool:
    return any(a[1] + 3 < h.x0 and h.x1 < b[0] - 3 for a, b in itertools.pairwise(cols))


def _in_any(g: Glyph, boxes: list[BBox]) -> bool:
    """The glyph's centre lies in one of `boxes`, given as (x0, x1, top, bottom)."""
    cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
    for x0, x1, top, bottom in boxes:
        if x0 <= cx <= x1 and top <= cy <= bottom:
            return True
    return False


def find_unruled(
    h_rules: list[Edge], glyphs: list[Glyph], exclude: list[BBox] | None = None
) -> list[UnruledTable]:
    """Three-line tables bounded by `h_rules` (horizontal rules not part of a ruled
    table); glyphs inside `exclude` (ruled tables) are ignored."""
    boxes = [(b[0] - 1, b[2] + 1, b[1] - 1, b[3] + 1) for b in exclude or []]
    free = [g for g in glyphs if not _in_any(g, boxes)] if boxes else list(glyphs)
    groups = _groups(h_rules)
    out: list[UnruledTable] = []
    for gi, (x0, x1, *ys) in enumerate(groups):
        inside = [g for g in free if x0 - 2 <= (g.x0 + g.x1) / 2 <= x1 + 2]
        lines = _lines(inside)
        # Open bands stop at the nearest rule of another region above or below.
        others = [y for gj, (_, _, *oys) in enumerate(groups) if gj != gi for y in oys]
        above = max([y for y in others if y < ys[0]], default=-1e9)
        below = min([y for y in others if y > ys[-1]], default=1e9)
        for head, body in _assemble(_bands(lines, ys, above, below)):
            table = _table(head, body, x0, x1)
            if table is not None and len(table.cells) >= 2:
                out.append(table)
    return out
