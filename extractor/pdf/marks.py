"""Footnote reference marks: a Word footnote prints its number as a superscript right
after the text it annotates ("服务446节¹", "完成率为123.08%²", a table cell "891/660³").
Read as text the mark becomes a last digit (891/6603), so it is left out of a page's
glyphs: a glyph is a mark when it is a digit (or a superscript digit or an asterisk),
printed markedly smaller than the glyph before it on the same line, and raised above that
glyph's baseline. The note itself, at the foot of the page, opens its own line and is
kept."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractor.pdf.pages import Glyph

_MARK_CHARS = frozenset("0123456789⁰¹²³⁴⁵⁶⁷⁸⁹*")


@dataclass(frozen=True, slots=True)
class MarkSettings:
    # A mark is at most this share of the size of the glyph it follows.
    max_size_ratio: float = 0.75
    # Its baseline at least this share of the preceding glyph's size above that glyph's.
    min_rise: float = 0.2
    # And no further right of that glyph than this share of its size (same line, no gap).
    max_gap: float = 0.5


DEFAULT_MARKS = MarkSettings()


def footnote_marks(
    glyphs: list[Glyph], sizes: list[float], settings: MarkSettings = DEFAULT_MARKS
) -> list[int]:
    """Indices of the glyphs that are footnote reference marks."""
    out: list[int] = []
    base = -1  # the last glyph that is not a mark
    for i, g in enumerate(glyphs):
        if g.char not in _MARK_CHARS or base < 0:
            base = i
            continue
        b, size = glyphs[base], sizes[base]
        if (
            size > 0
            and sizes[i] <= settings.max_size_ratio * size
            and b.bottom - g.bottom >= settings.min_rise * size
            and g.top >= b.top - settings.min_rise * size  # raised, not on the line above
            and -settings.max_gap * size <= g.x0 - b.x1 <= settings.max_gap * size
        ):
            out.append(i)
            continue
        base = i
    return out
