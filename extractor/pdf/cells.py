"""Ruling lines → intersections → cell rectangles → tables, the way pdfplumber's lattice
finds them, without its quadratic searches and without importing pdfplumber.

pdfplumber's `edges_to_intersections` tests every vertical rule against every horizontal
one, and `intersections_to_cells` filters the list of all later points for each point:
both grow with the square of a page's rules, which a 39-column roster or a 23-column
indicator table with short rule segments makes large. Here horizontal rules are looked
up by their y (sorted, bisected) and each point's candidates come from its own column
and row of points; the iteration order over those candidates is pdfplumber's, so the
cells found are the same, in the same order (tests/test_cells.py holds the two
implementations to each other on the corpus and on random grids).

`merge_edges` and `cells_to_tables` are pdfplumber's steps before and after, written out
here step for step (the same float operations in the same order): importing
`pdfplumber.table` runs `pdfplumber/__init__`, which imports pdfminer's whole parser
(and `cryptography`, `charset_normalizer`), about a tenth of a command's start-up that
a parse never used (issue 10).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections import defaultdict
from operator import itemgetter
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


def _clusters(edges: list[Edge], attr: str, tolerance: float) -> list[list[Edge]]:
    """pdfplumber's `cluster_objects`: the distinct values of `attr`, sorted, chained
    while each is within `tolerance` of the one before; the edges grouped by chain, in
    chain order, each chain's edges in their input order."""
    values = sorted(set(e[attr] for e in edges))
    cluster_of: dict[float, int] = {}
    index = 0
    for i, value in enumerate(values):
        if i and (tolerance == 0 or value > values[i - 1] + tolerance):
            index += 1
        cluster_of[value] = index
    ordered = sorted(edges, key=lambda e: cluster_of[e[attr]])
    return [list(g) for _, g in itertools.groupby(ordered, key=lambda e: cluster_of[e[attr]])]


def _snapped(edges: list[Edge], attr: str, tolerance: float) -> list[Edge]:
    """pdfplumber's `snap_objects`: each cluster's edges moved onto the cluster's mean
    (`attr` is x0 for vertical rules, top for horizontal ones)."""
    ends = ("x0", "x1") if attr == "x0" else ("top", "bottom")
    out: list[Edge] = []
    for cluster in _clusters(edges, attr, tolerance):
        mean = sum(map(itemgetter(attr), cluster)) / len(cluster)
        for e in cluster:
            shift = mean - e[attr]
            out.append({**e, ends[0]: e[ends[0]] + shift, ends[1]: e[ends[1]] + shift})
    return out


def _joined(group: list[Edge], orientation: str, tolerance: float) -> list[Edge]:
    """pdfplumber's `join_edge_group`: collinear rules that overlap or lie within
    `tolerance` of each other become one, extended to the farthest end."""
    lo, hi, size = ("x0", "x1", "width") if orientation == "h" else ("top", "bottom", "height")
    ordered = sorted(group, key=itemgetter(lo))
    out = [ordered[0]]
    for e in ordered[1:]:
        last = out[-1]
        if e[lo] <= last[hi] + tolerance:
            if e[hi] > last[hi]:
                if orientation == "h":
                    out[-1] = {**last, hi: e[hi], size: e[hi] - last[lo]}
                else:
                    out[-1] = {**last, hi: e[hi], size: last[size] + (e[hi] - last[hi])}
        else:
            out.append(e)
    return out


def merge_edges(edges: list[Edge], snap_tolerance: float, join_tolerance: float) -> list[Edge]:
    """pdfplumber's `merge_edges` (x and y tolerances alike): rules snapped onto shared
    lines, then the pieces along each line joined; horizontal lines first, by y, then
    vertical ones, by x."""
    if snap_tolerance > 0:
        vertical = [e for e in edges if e["orientation"] == "v"]
        horizontal = [e for e in edges if e["orientation"] == "h"]
        edges = _snapped(vertical, "x0", snap_tolerance) + _snapped(
            horizontal, "top", snap_tolerance
        )

    def line(e: Edge) -> tuple[str, float]:
        return ("h", e["top"]) if e["orientation"] == "h" else ("v", e["x0"])

    out: list[Edge] = []
    for (orientation, _), group in itertools.groupby(sorted(edges, key=line), key=line):
        out.extend(_joined(list(group), orientation, join_tolerance))
    return out


def cells_to_tables(found: list[BBox]) -> list[list[BBox]]:
    """pdfplumber's `cells_to_tables`: cells gathered into tables by shared corners (a
    cell joins the table being grown when one of its corners is one of the table's),
    tables of more than one cell, sorted by their topmost-then-leftmost corner."""
    remaining = list(found)
    corners: set[Point] = set()
    current: list[BBox] = []
    tables: list[list[BBox]] = []
    while remaining:
        before = len(current)
        for cell in list(remaining):
            x0, top, x1, bottom = cell
            own = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(c in corners for c in own):
                corners.update(own)
                current.append(cell)
                remaining.remove(cell)
        if len(current) == before:
            tables.append(list(current))
            corners.clear()
            current.clear()
    if current:
        tables.append(list(current))
    ordered = sorted(tables, key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in ordered if len(t) > 1]
