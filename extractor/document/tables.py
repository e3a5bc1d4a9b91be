"""Cell rectangles + glyphs → tables on a grid: spans, header rows, column paths, and
tables continued over a page break joined into one (a repeated header dropped)."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from operator import attrgetter

from extractor.document.model import Table, TableCell, ocr_marks
from extractor.knowledge.vocab import continued_marks
from extractor.pdf.pages import Glyph, TurnedGlyph
from extractor.pdf.tables import RawTable
from extractor.pdf.view import BBox

_NUMERIC = re.compile(r"^[\s\d.,，%％/／—–\-−√×]+$")
# Glyph sort keys, in C rather than a lambda call per glyph.
_X0: Callable[[Glyph], float] = attrgetter("x0")
_CHAR: Callable[[Glyph], str] = attrgetter("char")
_TOP_X0: Callable[[Glyph], tuple[float, float]] = attrgetter("top", "x0")
_X0_TOP: Callable[[Glyph], tuple[float, float]] = attrgetter("x0", "top")
_BOTTOM: Callable[[Glyph], float] = attrgetter("bottom")


def _axis(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(axis: list[float], v: float, tol: float = 2.0) -> int:
    """First axis value within `tol` of v, else the nearest. `axis` is sorted, so the
    search starts just below v - tol (bisect) and the nearest is beside v's slot; the
    comparisons themselves are the plain ones, so the answer is the linear scan's."""
    start = max(0, bisect_left(axis, v - tol) - 1)
    for i in range(start, len(axis)):
        a = axis[i]
        if abs(a - v) <= tol:
            return i
        if a > v + tol + 1.0:  # past any match, whatever the rounding
            break
    at = bisect_left(axis, v)
    near = range(max(0, at - 2), min(len(axis), at + 2))
    return min(near, key=lambda i: abs(axis[i] - v))


def _memo(fn: Callable[[float], int]) -> Callable[[float], int]:
    """`fn` answering each distinct argument once."""
    seen: dict[float, int] = {}

    def lookup(v: float) -> int:
        out = seen.get(v)
        if out is None:
            out = seen[v] = fn(v)
        return out

    return lookup


def _turned(glyphs: list[Glyph]) -> bool:
    """Every printed glyph of the cell is turned to read bottom to top (a narrow header
    cell set in Word's 文字方向 btLr)."""
    if TurnedGlyph not in set(map(type, glyphs)):
        return False  # most cells: no glyph turned (one pass in C, the answer the same)
    printed = [g for g in glyphs if not g.char.isspace()]
    return bool(printed) and all(isinstance(g, TurnedGlyph) for g in printed)


def _rows(glyphs: Iterable[Glyph], turned: bool) -> list[list[Glyph]]:
    """Glyphs grouped into printed lines in their order: a glyph is on the line the
    current line's first glyph opens when upright lines share a top, turned ones
    (columns of glyphs) a left edge, within half a glyph; else it opens the next. The
    test is written out per branch with the first glyph's edge held (a call per glyph
    was a large part of reading a table's cells)."""
    rows: list[list[Glyph]] = []
    row: list[Glyph] = []
    edge = 0.0
    if turned:
        for g in glyphs:
            x0 = g.x0
            if row and abs(edge - x0) < (g.x1 - x0) * 0.5:
                row.append(g)
            else:
                row = [g]
                rows.append(row)
                edge = x0
    else:
        for g in glyphs:
            top = g.top
            if row and abs(edge - top) < (g.bottom - top) * 0.5:
                row.append(g)
            else:
                row = [g]
                rows.append(row)
                edge = top
    return rows


def cell_glyphs(glyphs: list[Glyph], turned: bool | None = None) -> list[Glyph]:
    """Glyphs of one cell in reading order, wrapped lines joined without a separator,
    without leading or trailing spaces. Text turned to read bottom to top is read so:
    its lines are columns from left to right, each read upwards. `turned`: `_turned`
    of the glyphs, when the caller has it already."""
    if turned is None:
        turned = _turned(glyphs)
    rows = _rows(sorted(glyphs, key=_X0_TOP if turned else _TOP_X0), turned)
    if turned:
        ordered = [g for r in rows for g in sorted(r, key=_BOTTOM, reverse=True)]
    else:
        ordered = [g for r in rows for g in sorted(r, key=_X0)]
    start, end = 0, len(ordered)
    while start < end and ordered[start].char.isspace():
        start += 1
    while end > start and ordered[end - 1].char.isspace():
        end -= 1
    return ordered[start:end]


def cell_lines(ordered: list[Glyph], turned: bool | None = None) -> tuple[tuple[str, BBox], ...]:
    """The printed lines of a cell's glyphs (in `cell_glyphs` order), each line's text
    and box; empty when the cell prints one line. `turned` as for `cell_glyphs` (the
    same answer for the glyphs before and after `cell_glyphs`: it counts no space)."""
    if turned is None:
        turned = _turned(ordered)
    rows = _rows(ordered, turned)
    if len(rows) < 2:
        return ()
    out: list[tuple[str, BBox]] = []
    for r in rows:
        text = "".join(g.char for g in r).strip()
        if text:
            box = (min(g.x0 for g in r), min(g.top for g in r), max(g.x1 for g in r))
            out.append((text, (*box, max(g.bottom for g in r))))
    return tuple(out) if len(out) >= 2 else ()


def cell_text(glyphs: list[Glyph]) -> str:
    """Text of one cell in reading order (see `cell_glyphs`)."""
    return "".join(g.char for g in cell_glyphs(glyphs))


def _assign(glyphs: list[Glyph], cells: list[BBox]) -> list[list[Glyph]]:
    """Each glyph to the first cell (in `cells` order) holding its centre.

    The page's glyphs are many and a table's rows few, so cells are indexed by the
    horizontal bands their tops and bottoms cut: a glyph looks up its band by bisection
    and is tested only against the cells crossing that band."""
    out: list[list[Glyph]] = [[] for _ in cells]
    if not cells:
        return out
    cuts = sorted({c[1] for c in cells} | {c[3] for c in cells})
    # slots[2k]: y == cuts[k]; slots[2k+1]: cuts[k] < y < cuts[k+1]. Cell indices ascend.
    slots: list[list[int]] = [[] for _ in range(2 * len(cuts) - 1)]
    for i, (_, top, _, bottom) in enumerate(cells):
        lo, hi = bisect_left(cuts, top), bisect_left(cuts, bottom)
        for s in range(2 * lo, 2 * hi + 1):
            slots[s].append(i)
    first, last = cuts[0], cuts[-1]
    for g in glyphs:
        cy = (g.top + g.bottom) / 2
        if cy < first or cy > last:
            continue
        k = bisect_left(cuts, cy)
        candidates = slots[2 * k if cuts[k] == cy else 2 * k - 1]
        if not candidates:
            continue
        cx = (g.x0 + g.x1) / 2
        for i in candidates:
            x0, top, x1, bottom = cells[i]
            if x0 <= cx <= x1 and top <= cy <= bottom:
                out[i].append(g)
                break
    return out


def _is_header_row(texts: list[str]) -> bool:
    filled = [t for t in texts if t]
    if not filled:
        return True
    numeric = sum(1 for t in filled if _NUMERIC.match(t))
    return numeric == 0


def to_table(raw: RawTable, glyphs: list[Glyph]) -> Table:
    xs = _axis([c[0] for c in raw.cells] + [c[2] for c in raw.cells])
    ys = _axis([c[1] for c in raw.cells] + [c[3] for c in raw.cells])
    texts = _assign(glyphs, raw.cells)
    cells: list[TableCell] = []
    n_rows, n_cols = max(1, len(ys) - 1), max(1, len(xs) - 1)
    # Neighbouring cells share their edges: each distinct edge is looked up once.
    col_of = _memo(lambda v: _index(xs, v))
    row_of = _memo(lambda v: _index(ys, v))
    for box, gl in zip(raw.cells, texts, strict=True):
        c0, c1 = col_of(box[0]), col_of(box[2])
        r0, r1 = row_of(box[1]), row_of(box[3])
        if c0 >= n_cols or r0 >= n_rows:
            continue  # a sliver narrower than the axis tolerance, past the last column or row
        if gl:
            turned = _turned(gl)  # once for both: what it answers ignores spaces
            ordered = cell_glyphs(gl, turned)
            conf, doubtful = ocr_marks(ordered)
            text, lines = "".join(map(_CHAR, ordered)), cell_lines(ordered, turned)
        else:  # an empty cell: what the calls above give for no glyphs
            conf, doubtful, text, lines = None, None, "", ()
        cells.append(
            TableCell(
                row=r0,
                col=c0,
                text=text,
                page=raw.page,
                bbox=box,
                rowspan=max(1, r1 - r0),
                colspan=max(1, c1 - c0),
                confidence=conf,
                doubtful=doubtful,
                lines=lines,
            )
        )
    table = Table(cells, n_rows, n_cols, 0, [], raw.ruled, pages=[raw.page])
    if raw.header_bottom is not None:
        # An unruled table's header ends at the rule under it, whatever its text.
        table.header_rows = _index(ys, raw.header_bottom)
        table.columns = column_paths(table)
    else:
        _set_header(table)
    return table


def _band_row(cells: list[TableCell], n_cols: int) -> bool:
    """A row that is one cell across (nearly) the whole table: a group label such as
    "持证社工" inside the body, not a header row."""
    return len(cells) == 1 and cells[0].colspan >= max(2, int(0.8 * n_cols))


def split_stacked(table: Table) -> list[Table]:
    """Two tables drawn edge to edge share rules and come out as one; a header-like row
    after body rows starts the second. Unruled tables are already cut at their rules (a
    section label row such as 非持证社工 is body there, not a new header)."""
    if not table.ruled:
        return [table]
    grid = table.grid()
    cuts: list[int] = []
    in_body = False
    for r in range(table.n_rows):
        own = [c for c in grid[r] if c is not None and c.row == r]
        if _band_row(own, table.n_cols):
            continue  # a label across the table belongs to whatever surrounds it
        texts = [c.text for c in own]
        header_like = _is_header_row(texts) and any(texts)
        # a cell merged down from the row above (评估结论 beside 综合得分 │ 评估等级)
        # holds the two rows together: no second table starts under it
        merged_above = any(c.row < r < c.row + c.rowspan for c in table.cells)
        if r >= table.header_rows and not header_like:
            in_body = True
        elif in_body and header_like and not merged_above:
            cuts.append(r)
            in_body = False
    if not cuts:
        return [table]
    parts: list[Table] = []
    bounds = [0, *cuts, table.n_rows]
    for lo, hi in itertools.pairwise(bounds):
        cells = [c for c in table.cells if lo <= c.row < hi]
        for c in cells:
            c.row -= lo
            c.rowspan = min(c.rowspan, hi - lo - c.row)
        part = Table(cells, hi - lo, table.n_cols, 0, [], table.ruled, pages=list(table.pages))
        _set_header(part)
        parts.append(part)
    return parts


def _set_header(table: Table) -> None:
    grid = table.grid()
    header = 0
    for r in range(table.n_rows):
        # A cell spanning down from a header row keeps the row in the header.
        texts = [c.text for c in grid[r] if c is not None]
        own = [c for c in grid[r] if c is not None and c.row == r]
        if r > 0 and _band_row(own, table.n_cols):
            break  # a group label row starts the body
        if _is_header_row(texts) and r < table.n_rows - 1:
            header = r + 1
        else:
            break
    table.header_rows = header
    table.columns = column_paths(table)


def column_paths(table: Table) -> list[tuple[str, ...]]:
    """For each grid column, the header texts above it, outermost first."""
    paths: list[list[str]] = [[] for _ in range(table.n_cols)]
    for c in sorted(table.cells, key=lambda c: (c.row, c.col)):
        if c.row >= table.header_rows or not c.text:
            continue
        label = re.sub(r"\s+", "", c.text)
        for col in range(c.col, min(table.n_cols, c.col + c.colspan)):
            if not paths[col] or paths[col][-1] != label:
                paths[col].append(label)
    return [tuple(p) for p in paths]


def _header_texts(table: Table) -> list[str]:
    head = sorted((c for c in table.cells if c.row < table.header_rows), key=_grid_order)
    return [re.sub(r"\s+", "", c.text) for c in head]


def _grid_order(c: TableCell) -> tuple[int, int]:
    return (c.row, c.col)


def join_continued(
    tables: list[Table],
    text_between: Callable[[int, float, float], list[str]],
) -> list[Table]:
    """Join a table that starts a page onto the previous page's last table when they have
    the same columns and no body text stands between them (after the first table on its
    page, before the second on its page); drop the continuation's header when it repeats
    the first one."""
    out: list[Table] = []
    for t in tables:
        prev = out[-1] if out else None
        if (
            prev is not None
            and t.pages[0] == prev.pages[-1] + 1
            and (col_map := _column_map(prev, t)) is not None
            and not text_between(prev.pages[-1], _bottom(prev, prev.pages[-1]), 1e9)
            and _repeats(
                text_between(t.pages[0], 0, _top(t, t.pages[0])),
                text_between(prev.pages[0], 0, _top(prev, prev.pages[0])),
            )
        ):
            repeated = t.header_rows > 0 and _header_texts(t) == _header_texts(prev)
            if t.header_rows > 0 and not repeated:
                out.append(t)  # a header of its own: a new table, not a continuation
                continue
            skip = t.header_rows if repeated else 0
            offset = prev.n_rows - skip
            for c in t.cells:
                if c.row < skip:
                    continue
                c.row += offset
                c.col = col_map[c.col]
                prev.cells.append(c)
            prev.n_rows += t.n_rows - skip
            prev.pages.append(t.pages[0])
            continue
        out.append(t)
    return out


def _column_map(prev: Table, nxt: Table) -> list[int] | None:
    """Columns of a continuation in terms of the first part's. Same count: identity.
    A three-line table's continuation can lack a column that is empty on its page (no
    remarks there); its columns are then placed by their x-position under the first
    part's, provided each lands in a different column."""
    if nxt.n_cols == prev.n_cols:
        return list(range(nxt.n_cols))
    if prev.ruled or nxt.ruled or nxt.n_cols > prev.n_cols:
        return None
    spans: dict[int, tuple[float, float]] = {}
    for c in prev.cells:
        if c.colspan == 1 and c.row >= prev.header_rows:
            lo, hi = spans.get(c.col, (c.bbox[0], c.bbox[2]))
            spans[c.col] = (min(lo, c.bbox[0]), max(hi, c.bbox[2]))
    # Left edges: the last column of a part stretches to the table's right edge when
    # the columns after it are empty there, so centres drift but left edges stay.
    lefts: dict[int, float] = {}
    for c in nxt.cells:
        if c.colspan == 1:
            lefts.setdefault(c.col, c.bbox[0])
    mapping: list[int] = []
    for col in range(nxt.n_cols):
        x = lefts.get(col)
        if x is None or not spans:
            return None
        mapping.append(min(spans, key=lambda k: abs(spans[k][0] - x)))
    increasing = all(a < b for a, b in itertools.pairwise(mapping))
    return mapping if increasing else None


def _repeats(above_next: list[str], above_first: list[str]) -> bool:
    """Nothing stands above the continuation but lines repeated from above the first
    part (an appendix title and caption printed again on each page) and the first
    part's caption marked as continued (续表1 …)."""
    return all(t in above_first or continues_caption(t, above_first) for t in above_next)


def marked_continued(line: str) -> bool:
    """`line` carries a mark saying a table continues here (续表1 …, 表1（续）)."""
    text = re.sub(r"\s+", "", line)
    return any(mark.search(text) for mark in continued_marks())


def continues_caption(line: str, earlier: Iterable[str]) -> bool:
    """`line` marks what follows as a table continued (models/vocab/table_words.yaml,
    `continued_marks`): with its mark taken out nothing is left (续上表, （续表）), or one
    of the `earlier` lines (the first part's caption) or that line's beginning up to a
    word's end (续表1 … after 表1 …; 表1（续） after 表1 …)."""
    text = re.sub(r"\s+", "", line)
    for mark in continued_marks():
        rest = mark.sub("", text, count=1)
        if rest == text:
            continue
        if not rest:
            return True
        for first in earlier:
            first = re.sub(r"\s+", "", first)
            if first.startswith(rest) and not first[len(rest) : len(rest) + 1].isdigit():
                return True
    return False


def _top(t: Table, page: int) -> float:
    return min(c.bbox[1] for c in t.cells if c.page == page)


def _bottom(t: Table, page: int) -> float:
    return max(c.bbox[3] for c in t.cells if c.page == page)
