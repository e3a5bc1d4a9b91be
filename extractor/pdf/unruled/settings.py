"""The tolerances of the three-line-table reader, named and checked in one place.

Lengths are in PDF points; `*_h` factors multiply the height of the glyphs or printed line
concerned (so they scale with the font size); shares are fractions of a count. The
defaults are what the corpus families were measured with (`pinggu evaluate corpora`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class UnruledSettings:
    """How the reader tells lines, tokens, regions, bands, columns and header levels
    apart. Each default carries the reason it has that value."""

    # --- glyphs → printed lines of tokens ---
    # A glyph whose centre is this close to a line's centre sits on that line (sub/superscripts
    # and mixed CJK/Latin fonts move centres a little; the next line is a full height away).
    same_line_h: float = 0.35
    # A gap wider than this between two glyphs ends a token (words in a cell are set
    # tight or one space apart; columns are further apart than half a character).
    token_gap_h: float = 0.5

    # --- a line of table values ---
    # Fewer tokens than this is a label or a sentence, not a row of a table.
    tabular_min_tokens: int = 3
    # At least this share of a line's tokens are values (numbers, marks, dashes).
    tabular_value_share: float = 0.5
    # A median gap this wide between tokens is a column gap (a paragraph's figures are
    # one space apart).
    tabular_gap_h: float = 1.5
    # A row of marks this long ("——" in every cell) is a table row even with narrow gaps.
    marks_min_tokens: int = 8
    # ... when at least this share of its tokens are values.
    marks_value_share: float = 0.8

    # --- horizontal rules → table regions ---
    # A rule shorter than this is an underline or a partial group rule, not a border.
    min_rule: float = 60.0
    # Rules whose two ends line up within this are borders of one region.
    rule_align: float = 5.0
    # A rule sharing one end with a region and covering this share of the wider of the
    # two is the same table's (Word leaves out a border segment over a merged cell).
    rule_cover_share: float = 0.7
    # A rule this close under the previous one of its region is a double rule: one border.
    double_rule: float = 1.5
    # Slack when asking whether a shorter rule lies inside a wider region, or a glyph
    # inside a region's x-extent (rules and text overhang each other by a point or two).
    region_slack: float = 2.0
    # A region wider than a shorter rule by more than this holds it as a partial rule.
    wider_region: float = 4.0
    # Glyphs within this of a ruled table's box belong to it (cell padding, rounding).
    exclude_margin: float = 1.0

    # --- regions → bands between rules → tables ---
    # A band is body when at least this share of its tokens are values (header words
    # are text; body rows mix a name or two with figures).
    body_value_share: float = 0.25
    # Lines running past a region's first or last rule stop at a gap this large (the
    # paragraph after the table, not another row of it).
    open_gap_h: float = 4.0
    # A line this close to the one before it is a wrapped line of the same row (rows are
    # at least a line's half-leading apart; a cell's wrapped lines are set tight).
    wrap_gap_h: float = 0.6
    # Extra height given to an open band's lines beyond their glyphs (a rule would sit
    # about this far outside them).
    band_pad: float = 1.0
    # Two bands this close share the rule between them (header band directly above a body).
    band_touch: float = 1.0
    # A band numbered 1, 2, 3 … down this many lines is a staff list's body (its 序号
    # column), whatever words fill its other cells.
    count_min_lines: int = 3
    # ... its numbers right-aligned within this many heights of each other ...
    count_align_h: float = 0.5
    # ... or left-aligned within this.
    count_align: float = 2.0
    # A one-token line narrower than this share of its band is a header word; wider, a
    # heading or paragraph between two tables.
    header_word_share: float = 0.5

    # --- columns ---
    # A line with at least this share of the fullest line's tokens fills most columns (a
    # person's row, a subtotal row) and anchors columns and rows.
    dense_share: float = 0.5
    # ... and at least this many tokens (a two-column table's rows have two).
    dense_min_tokens: int = 2
    # Token extents this close count as overlapping (rounding of glyph boxes).
    overlap_slack: float = 0.5
    # A header word this far inside the gap between two body columns is a column of its
    # own (a 备注 column left blank) and not a stray edge of a neighbour.
    gap_margin: float = 3.0

    # --- header cells and levels ---
    # Header words stacked within this many heights and overlapping in x are one wrapped
    # cell ("投入社工" over "人数").
    stacked_h: float = 1.3
    # Header text stands over a column when at least this share of the text is over it...
    cover_text_share: float = 0.25
    # ... or it covers at least this share of the column (a word wider than its column).
    cover_column_share: float = 0.5
    # Header cells with centres this close are on one header level.
    level_h: float = 0.5
    # A level within this share of the gap between its neighbours from their midpoint,
    # whose cells have none above or below them, holds cells merged over both rows.
    spanning_level_share: float = 0.2
    # A group label is centred over the columns it spans within the larger of this...
    label_centre: float = 2.0
    # ... and this share of the narrowest spanned column (Word centres merged cells).
    label_centre_share: float = 0.2
    # A lone body figure is centred over an empty header group within the larger of this...
    figure_centre: float = 3.0
    # ... and this share of the width of the columns under the figure.
    figure_centre_share: float = 0.2

    # --- what is kept ---
    # Fewer cells than this is a stray line between rules, not a table.
    min_cells: int = 2

    def __post_init__(self) -> None:
        bad = [
            f"{f.name}={getattr(self, f.name)!r}"
            for f in fields(self)
            if not _valid(f.name, f.type, getattr(self, f.name))
        ]
        if bad:
            raise ValueError(f"unruled-table settings out of range: {', '.join(bad)}")


def _valid(name: str, kind: object, value: float) -> bool:
    """Shares lie in (0, 1]; counts are at least 1; lengths and factors are finite and
    not negative."""
    if not math.isfinite(value):
        return False
    if name.endswith("_share"):
        return 0 < value <= 1
    if kind in ("int", int):
        return value >= 1
    return value >= 0
