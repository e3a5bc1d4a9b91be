"""Table regions and cell rectangles of one page, by pdfplumber's table algorithm.

Ruled tables: pdfplumber's lines strategy (edges → intersections → cells → tables) on
the rules read by `rules.py`. Tables ruled only horizontally (a top rule, a rule under
the header and a bottom rule, as Word's "three-line table") have no vertical edges; they
are read from their text by `unruled.py`, inside the regions the horizontal rules bound.
"""

from __future__ import annotations

from dataclasses import dataclass

from pdfplumber import table as plumber_table

from extractor.pdf.cells import cells, intersections
from extractor.pdf.pages import Glyph
from extractor.pdf.rules import Edge
from extractor.pdf.unruled import find_unruled

BBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class TableSettings:
    snap_tolerance: float = 3.0
    join_tolerance: float = 3.0
    intersection_tolerance: float = 3.0
    edge_min_length: float = 3.0
    min_cells: int = 2
    min_words_vertical: int = 2


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
    merged = plumber_table.merge_edges(
        edges,
        snap_x_tolerance=s.snap_tolerance,
        snap_y_tolerance=s.snap_tolerance,
        join_x_tolerance=s.join_tolerance,
        join_y_tolerance=s.join_tolerance,
    )
    return [
        e
        for e in merged
        if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"])
        >= s.edge_min_length
    ]


def _cells_to_tables(edges: list[Edge], s: TableSettings) -> list[list[BBox]]:
    inter = intersections(edges, s.intersection_tolerance, s.intersection_tolerance)
    found = cells(inter)
    return [list(t) for t in plumber_table.cells_to_tables(found) if len(t) >= s.min_cells]


def find_tables(
    page: int, edges: list[Edge], glyphs: list[Glyph], settings: TableSettings | None = None
) -> list[RawTable]:
    s = settings or TableSettings()
    merged = _merged(edges, s)
    ruled = _cells_to_tables(merged, s)
    found = [RawTable(page, cells, True) for cells in ruled]
    covered = [t.bbox for t in found]
    # Horizontal rules not already part of a ruled table may bound a three-line table.
    loose_h = [
        e
        for e in merged
        if e["orientation"] == "h"
        and not any(b[1] - 2 <= e["top"] <= b[3] + 2 and b[0] - 2 <= e["x0"] for b in covered)
    ]
    # One rule alone can close a three-line table continued from the previous page.
    if loose_h:
        found += [
            RawTable(page, t.cells, False, t.header_bottom)
            for t in find_unruled(loose_h, glyphs, covered)
        ]
    return sorted(found, key=lambda t: (t.bbox[1], t.bbox[0]))
