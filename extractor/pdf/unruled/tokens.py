"""Glyphs → printed lines cut into tokens (runs of glyphs with no visible gap), and which
lines are rows of table values."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from statistics import median

from extractor.pdf.pages import Glyph
from extractor.pdf.unruled.settings import UnruledSettings

# A body value: a number, a percentage, "/", "√", a dash for "not applicable".
_NUMERIC = re.compile(r"^[\d.,，%％/／—–\-−√×]+$")


class Boxed:
    """The centre of anything with a box (x0, x1, top, bottom)."""

    __slots__ = ()
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Token(Boxed):
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
    def numeric(self) -> bool:
        return bool(_NUMERIC.match(self.text))


@dataclass(slots=True)
class TokenLine:
    """One printed line's tokens, left to right (never changed once built)."""

    toks: list[Token]
    # Worked out once: the steps compare every line's extent with every row's, again
    # and again (160k scans of the tokens on the corpus when these were properties).
    top: float = field(init=False)
    bottom: float = field(init=False)
    height: float = field(init=False)

    def __post_init__(self) -> None:
        self.top = min(t.top for t in self.toks)
        self.bottom = max(t.bottom for t in self.toks)
        self.height = median(t.bottom - t.top for t in self.toks)

    @property
    def numeric_share(self) -> float:
        return sum(t.numeric for t in self.toks) / len(self.toks)


def token_lines(glyphs: list[Glyph], s: UnruledSettings) -> list[TokenLine]:
    """Glyphs clustered by vertical centre into printed lines, each cut into tokens."""
    rows: list[list[Glyph]] = []
    centre = 0.0
    for g in sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2):
        cy, h = (g.top + g.bottom) / 2, g.bottom - g.top
        if rows and abs(cy - centre) <= s.same_line_h * h:
            rows[-1].append(g)
            centre += (cy - centre) / len(rows[-1])
        else:
            rows.append([g])
            centre = cy
    out: list[TokenLine] = []
    for row in rows:
        toks: list[Token] = []
        cur: list[Glyph] = []
        for g in sorted(row, key=_X0):
            if g.char.isspace():
                _flush(cur, toks)
                continue
            if cur:
                h = max(g.bottom - g.top, cur[-1].bottom - cur[-1].top)
                if g.x0 - cur[-1].x1 > s.token_gap_h * h:
                    _flush(cur, toks)
            cur.append(g)
        _flush(cur, toks)
        if toks:
            out.append(TokenLine(toks))
    return out


def _flush(cur: list[Glyph], toks: list[Token]) -> None:
    if cur:
        # map() over attrgetter runs in C (a generator per extent was most of the cost)
        toks.append(
            Token(
                list(cur),
                min(map(_X0, cur)),
                max(map(_X1, cur)),
                min(map(_TOP, cur)),
                max(map(_BOTTOM, cur)),
            )
        )
        cur.clear()


_X0: Callable[[Glyph], float] = attrgetter("x0")
_X1: Callable[[Glyph], float] = attrgetter("x1")
_TOP: Callable[[Glyph], float] = attrgetter("top")
_BOTTOM: Callable[[Glyph], float] = attrgetter("bottom")


def is_tabular(line: TokenLine, s: UnruledSettings) -> bool:
    """A line of table values: several tokens, mostly values, wide gaps between them
    (a paragraph with figures in it has one-space gaps)."""
    if len(line.toks) < s.tabular_min_tokens or line.numeric_share < s.tabular_value_share:
        return False
    if len(line.toks) >= s.marks_min_tokens and line.numeric_share >= s.marks_value_share:
        return True  # a row of marks: "——" cells sit closer than the column gap
    gaps = [b.x0 - a.x1 for a, b in zip(line.toks, line.toks[1:], strict=False)]
    return median(gaps) >= s.tabular_gap_h * line.height


def is_dense(line: TokenLine, most: int, s: UnruledSettings) -> bool:
    """The line fills most columns (a person's row, a subtotal row): it has at least
    `dense_share` of the fullest line's `most` tokens."""
    return len(line.toks) >= max(s.dense_min_tokens, s.dense_share * most)
