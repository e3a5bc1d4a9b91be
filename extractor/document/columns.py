"""Two-column regions of a page (Word 分栏), found from the layout and read column by column.

A Word section set in two columns prints two lines side by side at each height; read
by height they would interleave two paragraphs. Nothing in the text layer marks the
columns, so a region is found from the layout alone: a run of consecutive lines that
all leave one vertical strip near the middle of the body empty (the gutter), with text
on both sides of it on many lines, the left column's lines starting at the body's left
margin and many of them running to the gutter (wrapped text), the right column's
starting past it and many running to the right margin. That shape is what a table, a
centred title, a running header, or a label and its value set apart by a tab lack: a
tab gap on one line, a right-tab header, rows of short cells, or text that does not
wrap at the gutter never make a region. The region starts at the first line with text
right of the gutter (a heading above it, on the left alone, is the single column's)
and ends at the last such line, and after it at the left column's lines only while its
paragraph visibly wraps on; a line crossing the gutter, or a table, ends it.

Each region line is cut at the gutter; its pieces are given their column's frame (left
and right edge), which is what the block reader measures indents and wraps against.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from extractor.document.blocks import Margins
from extractor.pdf.pages import Glyph, Line


@dataclass(frozen=True, slots=True)
class ColumnSettings:
    """Tolerances of the two-column finder, in ems of the body text unless named."""

    # lines with text on each side of the gutter, at least (a few side-by-side lines
    # are a table, a form or a signature block, not a column layout)
    min_lines: int = 6
    # the empty strip's width: at least this (a word gap is narrower) …
    min_gutter: float = 0.8
    # … and at most this (two blocks set far apart are not columns)
    max_gutter: float = 6.0
    # the gutter's right edge lies this near the middle of the body
    centre_slack: float = 4.0
    # each column is at least this wide
    min_width: float = 8.0
    # a column's left edge lies this near the body's left margin (the left column's)
    margin_slack: float = 1.0
    # lines that run to their column's right edge (within `full_slack`): at least this
    # share of each side's lines and at least `min_full` of them
    full_share: float = 0.25
    min_full: int = 3
    full_slack: float = 1.0
    # the left column may run on below the right one's last line by this many lines (a
    # balanced section's columns differ by a line or two), each at the columns' line
    # pitch, in their type, continuing a paragraph that wraps
    max_tail: int = 2


@dataclass(frozen=True, slots=True)
class Region:
    """A two-column region of a page: its lines cut at the gutter, left column first."""

    top: float
    lines: list[Line]


def column_regions(
    lines: list[Line],
    m: Margins,
    tables: list[tuple[float, float]],
    settings: ColumnSettings | None = None,
) -> tuple[list[Line], list[Region]]:
    """The page's lines outside any two-column region, and its regions.

    `lines` are one page's lines in reading order by height; `tables` the top and bottom
    of the page's tables (a region never spans one)."""
    s = settings or ColumnSettings()
    em = m.size or 12.0
    if len(lines) < 2 * s.min_lines or m.right - m.left < 2 * s.min_width * em:
        return lines, []
    for xr in _gutter_edges(lines, m, s):
        taken: set[int] = set()
        regions: list[Region] = []
        for run in _runs(lines, xr, em, s):
            found = _region(lines, run, xr, m, tables, s)
            if found is not None:
                kept, region = found
                taken.update(kept)
                regions.append(region)
        if regions:
            return [ln for i, ln in enumerate(lines) if i not in taken], regions
    return lines, []


def _glyphs(ln: Line) -> list[tuple[float, float]]:
    return [(g.x0, g.x1) for g in ln.glyphs if not g.char.isspace()]


def _gutter_edges(lines: list[Line], m: Margins, s: ColumnSettings) -> list[float]:
    """Candidate right edges of a gutter: where text resumes after a gap of at least
    `min_gutter` near the body's middle (or where a line starts there), seen on at least
    `min_lines` lines, most seen first."""
    em = m.size or 12.0
    mid = (m.left + m.right) / 2
    lo, hi = mid - s.centre_slack * em, mid + s.centre_slack * em
    seen: Counter[int] = Counter()
    for ln in lines:
        boxes = _glyphs(ln)
        if not boxes:
            continue
        if lo <= boxes[0][0] <= hi:
            seen[round(boxes[0][0])] += 1
        for (_, a1), (b0, _) in itertools.pairwise(boxes):
            if b0 - a1 >= s.min_gutter * em and lo <= b0 <= hi:
                seen[round(b0)] += 1
    return [float(x) for x, n in seen.most_common() if n >= s.min_lines]


def _crosses(ln: Line, xr: float, em: float, s: ColumnSettings) -> bool:
    """A glyph of the line stands in the gutter ending at `xr`."""
    return any(x1 > xr - s.min_gutter * em and x0 < xr - 1.0 for x0, x1 in _glyphs(ln))


def _runs(lines: list[Line], xr: float, em: float, s: ColumnSettings) -> list[list[int]]:
    """Maximal runs of consecutive lines none of which crosses the gutter."""
    runs: list[list[int]] = [[]]
    for i, ln in enumerate(lines):
        if _crosses(ln, xr, em, s):
            runs.append([])
        else:
            runs[-1].append(i)
    return [r for r in runs if r]


def _ends_sentence(text: str) -> bool:
    t = text.rstrip()
    return bool(t) and t[-1] in "。！？；：:;!?"


def _pitch(lines: list[Line]) -> float:
    """The typical distance from one line's top to the next's in a column."""
    steps = sorted(b.top - a.top for a, b in itertools.pairwise(lines) if b.top - a.top > 1)
    return steps[len(steps) // 2] if steps else 0.0


@dataclass(frozen=True, slots=True)
class _Piece:
    """A line's glyphs on one side of the cut, and their text."""

    glyphs: list[Glyph]

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)

    @property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs)


def _halves(ln: Line, cut: float) -> tuple[_Piece | None, _Piece | None]:
    """The line's text left and right of the cut (None for a side without any)."""
    sides: tuple[list[Glyph], list[Glyph]] = ([], [])
    for g in ln.glyphs:
        sides[g.x0 >= cut].append(g)
    out = []
    for glyphs in sides:
        while glyphs and glyphs[-1].char.isspace():
            glyphs.pop()
        while glyphs and glyphs[0].char.isspace():
            glyphs.pop(0)
        out.append(_Piece(glyphs) if glyphs else None)
    return out[0], out[1]


def _extent(
    lines: list[Line], run: list[int], cut: float, em: float, s: ColumnSettings
) -> list[int]:
    """The lines of a run that the columns hold: from the first line with text right of
    the gutter (a line beside it counts) to the last, and after it the left column's
    lines while its paragraph wraps on, at the columns' pitch and in their type."""
    right_at = [i for i in run if _halves(lines[i], cut)[1] is not None]
    if len(right_at) < s.min_lines:
        return []
    first, last = lines[right_at[0]], lines[right_at[-1]]
    start = next(k for k, i in enumerate(run) if lines[i].bottom > first.top + 0.5 * em)
    end = run.index(right_at[-1])
    kept = run[start : end + 1]
    edge = max((p.x1 for i in kept if (p := _halves(lines[i], cut)[0])), default=0.0)
    pitch = _pitch([lines[i] for i in kept])
    for i in run[end + 1 : end + 1 + s.max_tail]:
        ln, prev = lines[i], lines[kept[-1]]
        if ln.top < last.bottom - 0.5 * em:  # beside the right column's last line
            kept.append(i)
            continue
        above = _halves(prev, cut)[0]
        if not (
            above is not None
            and above.x1 >= edge - s.full_slack * em
            and not _ends_sentence(above.text)
            and ln.top - prev.top <= pitch * 1.25
            and (ln.size, ln.bold) == (prev.size, prev.bold)
        ):
            break
        kept.append(i)
    return kept


def _shaped(side: list[_Piece], s: ColumnSettings, em: float) -> bool:
    """A column's text wraps at its right edge: many of its lines run to the edge and
    stop there mid-sentence (a label and its value, or the cells of a table, end where
    their words end)."""
    edge = max(p.x1 for p in side)
    full = [p for p in side if p.x1 >= edge - s.full_slack * em]
    wrapped = [p for p in full if not _ends_sentence(p.text)]
    return len(full) >= max(s.min_full, s.full_share * len(side)) and len(wrapped) >= s.min_full


def _region(
    lines: list[Line],
    run: list[int],
    xr: float,
    m: Margins,
    tables: list[tuple[float, float]],
    s: ColumnSettings,
) -> tuple[list[int], Region] | None:
    em = m.size or 12.0
    cut = xr - 1.0
    kept = _extent(lines, run, cut, em, s)
    halves = [_halves(lines[i], cut) for i in kept]
    left = [a for a, _ in halves if a is not None]
    right = [b for _, b in halves if b is not None]
    if len(left) < s.min_lines or len(right) < s.min_lines:
        return None
    left_frame = (min(p.glyphs[0].x0 for p in left), max(p.x1 for p in left))
    right_frame = (min(p.glyphs[0].x0 for p in right), max(p.x1 for p in right))
    gutter = right_frame[0] - left_frame[1]
    if not s.min_gutter * em <= gutter <= s.max_gutter * em:
        return None
    if abs(left_frame[0] - m.left) > s.margin_slack * em:
        return None
    if min(b - a for a, b in (left_frame, right_frame)) < s.min_width * em:
        return None
    if not (_shaped(left, s, em) and _shaped(right, s, em)):
        return None
    top = min(lines[i].top for i in kept)
    bottom = max(lines[i].bottom for i in kept)
    if any(t < bottom and b > top for t, b in tables):
        return None
    cut_lines: list[Line] = []
    for side, frame in ((0, left_frame), (1, right_frame)):
        for i, pair in zip(kept, halves, strict=True):
            piece, ln = pair[side], lines[i]
            if piece is not None:
                cut_lines.append(
                    Line(ln.page, piece.glyphs, size=ln.size, bold=ln.bold, frame=frame)
                )
    return kept, Region(top, cut_lines)
