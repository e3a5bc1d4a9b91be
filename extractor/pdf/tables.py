"""Table regions and cell rectangles of one page, by pdfplumber's table algorithm.

Ruled tables: pdfplumber's lines strategy (edges → intersections → cells → tables) on
the rules read by `rules.py`. Tables ruled only horizontally (a top rule, a rule under
the header and a bottom rule, as Word's "three-line table") have no vertical edges; for
them, columns come from how the body text lines up (`words_to_edges_v`) and rows from
text lines, inside the region the horizontal rules bound.
"""

from __future__ import annotations

from dataclasses import dataclass

from pdfplumber import table as plumber_table

from extractor.pdf.pages import Glyph
from extractor.pdf.rules import Edge

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
    inter = plumber_table.edges_to_intersections(
        edges, s.intersection_tolerance, s.intersection_tolerance
    )
    cells = plumber_table.intersections_to_cells(inter)
    return [list(t) for t in plumber_table.cells_to_tables(cells) if len(t) >= s.min_cells]


def _words(glyphs: list[Glyph]) -> list[dict[str, float | str]]:
    """Runs of glyphs on one line without a visible gap, as pdfplumber word dicts."""
    words: list[dict[str, float | str]] = []
    cur: list[Glyph] = []

    def flush() -> None:
        if cur:
            words.append(
                {
                    "text": "".join(g.char for g in cur),
                    "x0": cur[0].x0,
                    "x1": max(g.x1 for g in cur),
                    "top": min(g.top for g in cur),
                    "bottom": max(g.bottom for g in cur),
                }
            )
            cur.clear()

    for g in glyphs:
        if g.char.isspace():
            flush()
            continue
        if cur:
            last = cur[-1]
            same_line = abs(g.top - last.top) < 2
            gap = g.x0 - last.x1
            if not same_line or gap > (last.bottom - last.top) * 0.6 or gap < -1:
                flush()
        cur.append(g)
    flush()
    return words


def _unruled(h_edges: list[Edge], glyphs: list[Glyph], s: TableSettings) -> list[list[BBox]]:
    """Three-line tables: horizontal rules only; columns from text alignment."""
    if len(h_edges) < 2:
        return []
    h_edges = sorted(h_edges, key=lambda e: e["top"])
    # Group rules that share an x-extent into one table region.
    regions: list[list[Edge]] = []
    for e in h_edges:
        if (
            regions
            and abs(regions[-1][-1]["x0"] - e["x0"]) < 5
            and abs(regions[-1][-1]["x1"] - e["x1"]) < 5
        ):
            regions[-1].append(e)
        else:
            regions.append([e])
    tables: list[list[BBox]] = []
    for rules in regions:
        if len(rules) < 2:
            continue
        x0, x1 = rules[0]["x0"], rules[0]["x1"]
        top, bottom = rules[0]["top"], rules[-1]["top"]
        inside = [
            g for g in glyphs if x0 - 1 <= (g.x0 + g.x1) / 2 <= x1 + 1 and top < g.top < bottom
        ]
        words = _words(inside)
        if not words:
            continue
        v = plumber_table.words_to_edges_v(words, word_threshold=s.min_words_vertical)
        v = [
            {**e, "top": top, "bottom": bottom, "height": bottom - top}
            for e in v
            if x0 + 2 < e["x0"] < x1 - 2
        ]
        v += [
            {
                "x0": x,
                "x1": x,
                "top": top,
                "bottom": bottom,
                "height": bottom - top,
                "width": 0.0,
                "orientation": "v",
            }
            for x in (x0, x1)
        ]
        h = plumber_table.words_to_edges_h(words, word_threshold=1)
        h = [{**e, "x0": x0, "x1": x1, "width": x1 - x0} for e in h]
        h += rules
        tables.extend(_cells_to_tables(_merged(v + h, s), s))
    return tables


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
    if len(loose_h) >= 2:
        found += [RawTable(page, cells, False) for cells in _unruled(loose_h, glyphs, s)]
    return sorted(found, key=lambda t: (t.bbox[1], t.bbox[0]))
