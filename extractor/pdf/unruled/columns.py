"""Body lines → the x-extents of a table's columns and the boundaries between them."""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right

from extractor.pdf.unruled.settings import UnruledSettings
from extractor.pdf.unruled.tokens import Token, TokenLine, is_dense


def _merge(toks: list[Token], s: UnruledSettings) -> list[list[float]]:
    cols: list[list[float]] = []
    for t in sorted(toks, key=lambda t: t.x0):
        if cols and t.x0 <= cols[-1][1] + s.overlap_slack:
            cols[-1][1] = max(cols[-1][1], t.x1)
        else:
            cols.append([t.x0, t.x1])
    return cols


def columns(lines: list[TokenLine], s: UnruledSettings) -> list[tuple[float, float]]:
    """x-extents of the body columns: token extents of the dense lines merged where they
    overlap, leaving out tokens that straddle a gap another line shows between two values
    (a label printed across several columns); tokens of sparse lines only add columns
    where the dense lines have none (a wrapped contract date)."""
    most = max(len(ln.toks) for ln in lines)
    dense = [ln for ln in lines if is_dense(ln, most, s)]
    # Each dense line's token extents; a line's tokens run left to right by x0.
    spans = [_Extents(ln) for ln in dense]
    slack = s.overlap_slack
    narrow: list[Token] = []
    for i, ln in enumerate(dense):
        others = spans[:i] + spans[i + 1 :]
        for t in ln.toks:
            lo, hi = t.x0 + slack, t.x1 - slack
            if not any(other.straddled(lo, hi) for other in others):
                narrow.append(t)
    cols = _merge(narrow, s)
    sparse = [t for ln in lines if ln not in dense for t in ln.toks]
    extra = [t for t in sparse if all(t.x1 < a - slack or b + slack < t.x0 for a, b in cols)]
    return sorted((a, b) for a, b in cols + _merge(extra, s))


class _Extents:
    """A line's token extents, asked many times whether two tokens overlap an interval
    (every token of every other dense line asks): with both ends ascending, as tokens
    separated by gaps have them, two bisections answer; otherwise the scan does."""

    __slots__ = ("ordered", "spans", "x0s", "x1s")

    def __init__(self, line: TokenLine) -> None:
        self.spans = [(t.x0, t.x1) for t in line.toks]
        self.x0s = [t.x0 for t in line.toks]
        self.x1s = [t.x1 for t in line.toks]
        self.ordered = all(a <= b for xs in (self.x0s, self.x1s) for a, b in itertools.pairwise(xs))

    def straddled(self, lo: float, hi: float) -> bool:
        """`_straddles(lo, hi, spans)`: of the tokens starting before hi, two or more
        end past lo."""
        if not self.ordered:
            return _straddles(lo, hi, self.spans)
        before = bisect_left(self.x0s, hi)
        return before - bisect_right(self.x1s, lo, 0, before) >= 2


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


def bounds(cols: list[tuple[float, float]], x0: float, x1: float) -> list[float]:
    """Column boundaries: the region's edges outside, the middle of each gap inside."""
    inner = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(cols)]
    return [min(x0, cols[0][0]), *inner, max(x1, cols[-1][1])]


def col_of(bounds: list[float], x: float) -> int:
    """The column x falls in (the last one past the right edge)."""
    for k in range(len(bounds) - 1):
        if x < bounds[k + 1]:
            return k
    return len(bounds) - 2


def in_gap(x0: float, x1: float, cols: list[tuple[float, float]], s: UnruledSettings) -> bool:
    """[x0, x1] lies well inside the gap between two neighbouring columns."""
    margin = s.gap_margin
    return any(a[1] + margin < x0 and x1 < b[0] - margin for a, b in itertools.pairwise(cols))
