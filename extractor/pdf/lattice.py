"""The two steps of pdfplumber's lattice that `tables.py` used from `pdfplumber.table`:
rules snapped and joined (`merge_edges`), and cells grouped into tables by shared
corners (`cells_to_tables`).

Written out here, step for step and with the same arithmetic (pdfplumber 0.11, MIT
licence, `pdfplumber/table.py` and `pdfplumber/utils/clustering.py`, `geometry.py`), so
that a parse does not import pdfplumber: `import pdfplumber` loads pdfminer's whole
parser, its AES support from `cryptography`, `charset_normalizer` and a distribution
lookup for its version, about 0.15 G instructions of every command's start-up
(issue 10), none of which these steps use. tests/test_lattice.py holds the two to
pdfplumber's own functions on random rules and cells.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from extractor.pdf.view import BBox

Edge = dict[str, Any]
Point = tuple[float, float]


def _cluster_ids(values: Iterable[float], tolerance: float) -> dict[float, int]:
    """Each distinct value → the index of its cluster: sorted values, a new cluster
    where one lies more than `tolerance` beyond the previous (pdfplumber's
    `make_cluster_dict`)."""
    xs = sorted(set(values))
    if tolerance == 0 or len(xs) < 2:
        return {x: i for i, x in enumerate(xs)}
    ids = {xs[0]: 0}
    group, last = 0, xs[0]
    for x in xs[1:]:
        if x > last + tolerance:
            group += 1
        ids[x] = group
        last = x
    return ids


def _clusters(objs: list[Edge], attr: str, tolerance: float) -> list[list[Edge]]:
    """`objs` grouped by `attr` within tolerance, clusters in ascending order and each
    cluster's objects in input order (pdfplumber's `cluster_objects`)."""
    ids = _cluster_ids((o[attr] for o in objs), tolerance)
    tagged = sorted(((o, ids[o[attr]]) for o in objs), key=itemgetter(1))
    return [[o for o, _ in group] for _, group in itertools.groupby(tagged, key=itemgetter(1))]


def _moved(obj: Edge, axis: str, value: float) -> Edge:
    """pdfplumber's `move_object`: a copy moved by `value` across `axis`."""
    if axis == "h":
        new_items = [("x0", obj["x0"] + value), ("x1", obj["x1"] + value)]
    else:
        new_items = [("top", obj["top"] + value), ("bottom", obj["bottom"] + value)]
        if "doctop" in obj:
            new_items += [("doctop", obj["doctop"] + value)]
        if "y0" in obj:
            new_items += [("y0", obj["y0"] - value), ("y1", obj["y1"] - value)]
    return obj.__class__(tuple(obj.items()) + tuple(new_items))


def _resized(obj: Edge, key: str, value: float) -> Edge:
    """pdfplumber's `resize_object` for the far end of a rule (`x1` or `bottom`)."""
    diff = value - obj[key]
    new_items: list[tuple[str, Any]] = [(key, value)]
    if key == "x1":
        assert value >= obj["x0"]
        new_items.append(("width", value - obj["x0"]))
    else:
        assert key == "bottom" and value >= obj["top"]
        new_items.append(("height", obj["height"] + diff))
        if "y0" in obj:
            new_items.append(("y0", obj["y0"] - diff))
    return obj.__class__(tuple(obj.items()) + tuple(new_items))


def _snapped(objs: list[Edge], attr: str, tolerance: float) -> list[Edge]:
    """pdfplumber's `snap_objects`: rules within tolerance moved to their mean position."""
    axis = "h" if attr in ("x0", "x1") else "v"
    out: list[Edge] = []
    for cluster in _clusters(objs, attr, tolerance):
        avg = sum(map(itemgetter(attr), cluster)) / len(cluster)
        out.extend(_moved(obj, axis, avg - obj[attr]) for obj in cluster)
    return out


def _joined(edges: Iterable[Edge], orientation: str, tolerance: float) -> list[Edge]:
    """pdfplumber's `join_edge_group`: collinear rules within tolerance made one."""
    lo, hi = ("x0", "x1") if orientation == "h" else ("top", "bottom")
    ordered = sorted(edges, key=itemgetter(lo))
    joined = [ordered[0]]
    for e in ordered[1:]:
        last = joined[-1]
        if e[lo] <= last[hi] + tolerance:
            if e[hi] > last[hi]:
                joined[-1] = _resized(last, hi, e[hi])
        else:
            joined.append(e)
    return joined


def _line_of(edge: Edge) -> tuple[str, float]:
    return ("h", edge["top"]) if edge["orientation"] == "h" else ("v", edge["x0"])


def merge_edges(
    edges: list[Edge],
    snap_x_tolerance: float,
    snap_y_tolerance: float,
    join_x_tolerance: float,
    join_y_tolerance: float,
) -> list[Edge]:
    """pdfplumber's `merge_edges`: rules snapped to shared lines, then the pieces along
    each line joined; in pdfplumber's order (by orientation, then position)."""
    if snap_x_tolerance > 0 or snap_y_tolerance > 0:
        vertical = [e for e in edges if e["orientation"] == "v"]
        horizontal = [e for e in edges if e["orientation"] == "h"]
        edges = _snapped(vertical, "x0", snap_x_tolerance) + _snapped(
            horizontal, "top", snap_y_tolerance
        )
    out: list[Edge] = []
    for line, group in itertools.groupby(sorted(edges, key=_line_of), key=_line_of):
        tolerance = join_x_tolerance if line[0] == "h" else join_y_tolerance
        out.extend(_joined(group, line[0], tolerance))
    return out


def cells_to_tables(cells: list[BBox]) -> list[list[BBox]]:
    """pdfplumber's `cells_to_tables`: cells sharing a corner, transitively, make a
    table; tables top to bottom, then left to right; single cells dropped."""
    remaining = list(cells)
    corners: set[Point] = set()
    current: list[BBox] = []
    tables: list[list[BBox]] = []
    while remaining:
        count = len(current)
        for cell in list(remaining):
            x0, top, x1, bottom = cell
            cell_corners = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(c in corners for c in cell_corners):
                corners |= set(cell_corners)
                current.append(cell)
                remaining.remove(cell)
        if len(current) == count:
            tables.append(list(current))
            corners.clear()
            current.clear()
    if current:
        tables.append(list(current))
    ordered = sorted(tables, key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in ordered if len(t) > 1]
