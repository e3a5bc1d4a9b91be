"""Ruling lines → intersections → cell rectangles, the way pdfplumber's lattice finds
them, without its quadratic searches.

pdfplumber's `edges_to_intersections` tests every vertical rule against every horizontal
one, and `intersections_to_cells` filters the list of all later points for each point:
both grow with the square of a page's rules, which a 39-column roster or a 23-column
indicator table with short rule segments makes large. Here horizontal rules are looked
up by their y (sorted, bisected) and each point's candidates come from its own column
and row of points; the iteration order over those candidates is pdfplumber's, so the
cells found are the same, in the same order (tests/test_cells.py holds the two
implementations to each other on the corpus and on random grids).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import Any

from extractor.pdf.view import BBox

Edge = dict[str, Any]
Point = tuple[float, float]


def _bbox(e: Edge) -> BBox:
    return (e["x0"], e["top"], e["x1"], e["bottom"])


class Intersections:
    """Points where a vertical and a horizontal rule meet, with the rules through each
    (as bounding boxes: two points are joined when one rule runs through both)."""

    def __init__(self) -> None:
        self.v: dict[Point, set[BBox]] = {}
        self.h: dict[Point, set[BBox]] = {}

    def add(self, point: Point, v: Edge, h: Edge) -> None:
        if point not in self.v:
            self.v[point] = set()
            self.h[point] = set()
        self.v[point].add(_bbox(v))
        self.h[point].add(_bbox(h))

    def __len__(self) -> int:
        return len(self.v)

    def points(self) -> list[Point]:
        return sorted(self.v)


def intersections(
    edges: list[Edge], x_tolerance: float = 1, y_tolerance: float = 1
) -> Intersections:
    """pdfplumber's `edges_to_intersections`: a vertical rule meets a horizontal one when
    it spans the horizontal's y and lies within its x-extent, each within tolerance."""
    verticals = sorted(
        (e for e in edges if e["orientation"] == "v"), key=lambda e: (e["x0"], e["top"])
    )
    horizontals = sorted(
        (e for e in edges if e["orientation"] == "h"), key=lambda e: (e["top"], e["x0"])
    )
    tops = [h["top"] for h in horizontals]
    out = Intersections()
    for v in verticals:
        # h["top"] in [v.top - tol, v.bottom + tol]: a slice of the sorted horizontals
        lo = bisect_left(tops, v["top"] - y_tolerance)
        hi = bisect_right(tops, v["bottom"] + y_tolerance)
        x = v["x0"]
        for h in horizontals[lo:hi]:
            if (
                v["top"] <= h["top"] + y_tolerance
                and v["bottom"] >= h["top"] - y_tolerance
                and x >= h["x0"] - x_tolerance
                and x <= h["x1"] + x_tolerance
            ):
                out.add((x, h["top"]), v, h)
    return out


def cells(found: Intersections) -> list[BBox]:
    """pdfplumber's `intersections_to_cells`: for each point, in (x, y) order, the first
    point below it on a shared vertical rule and the first to its right on a shared
    horizontal rule whose opposite corner closes the rectangle along rules."""
    points = found.points()
    below: dict[float, list[Point]] = defaultdict(list)  # by x, ascending y
    right: dict[float, list[Point]] = defaultdict(list)  # by y, ascending x
    for p in points:  # sorted by (x, y)
        below[p[0]].append(p)
    for p in sorted(points, key=lambda p: (p[1], p[0])):
        right[p[1]].append(p)
    col_index = {p: i for ps in below.values() for i, p in enumerate(ps)}
    row_index = {p: i for ps in right.values() for i, p in enumerate(ps)}
    v, h = found.v, found.h
    out: list[BBox] = []
    for pt in points:
        column = below[pt[0]]
        row = right[pt[1]]
        downs = column[col_index[pt] + 1 :]
        rights = row[row_index[pt] + 1 :]
        cell = _smallest(pt, downs, rights, v, h)
        if cell is not None:
            out.append(cell)
    return out


def _smallest(
    pt: Point,
    downs: list[Point],
    rights: list[Point],
    v: dict[Point, set[BBox]],
    h: dict[Point, set[BBox]],
) -> BBox | None:
    pv, ph = v[pt], h[pt]
    connected_rights = [r for r in rights if not ph.isdisjoint(h[r])]
    if not connected_rights:
        return None
    for down in downs:
        if pv.isdisjoint(v[down]):
            continue
        for r in connected_rights:
            corner = (r[0], down[1])
            cv = v.get(corner)
            if cv is not None and not cv.isdisjoint(v[r]) and not h[corner].isdisjoint(h[down]):
                return (pt[0], pt[1], corner[0], corner[1])
    return None
