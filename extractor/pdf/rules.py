"""Straight rules (table borders) of a page, read from pypdfium2's path objects.

They are returned as pdfplumber-style edge dicts so that pdfplumber's own table
algorithm (`merge_edges` → `edges_to_intersections` → `intersections_to_cells`) runs on
them without pdfplumber having to lay out the whole page through pdfminer first.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from typing import Any

import pypdfium2.raw as pdfium_c

from extractor.pdf.ccall import address, unconverted
from extractor.pdf.view import BBox, View

Edge = dict[str, Any]

# A filled rectangle thinner than this is a rule (Word draws borders that way).
_THIN = 2.5


def _rule(x0: float, top: float, x1: float, bottom: float, orientation: str) -> Edge:
    """A rule as pdfplumber's table algorithm takes it."""
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
        "object_type": "line",
    }


def h_edge(x0: float, x1: float, y: float) -> Edge:
    """A horizontal rule from x0 to x1 at y."""
    return _rule(x0, y, x1, y, "h")


def v_edge(x: float, top: float, bottom: float) -> Edge:
    """A vertical rule from top to bottom at x."""
    return _rule(x, top, x, bottom, "v")


def _edge(x0: float, top: float, x1: float, bottom: float) -> Edge | None:
    w, h = x1 - x0, bottom - top
    if h <= _THIN and w > _THIN:
        return h_edge(x0, x1, (top + bottom) / 2)
    if w <= _THIN and h > _THIN:
        return v_edge((x0 + x1) / 2, top, bottom)
    return None


def _rect_edges(x0: float, top: float, x1: float, bottom: float) -> list[Edge]:
    single = _edge(x0, top, x1, bottom)
    if single is not None:
        return [single]
    sides = [
        _edge(x0, top, x1, top + 0.1),
        _edge(x0, bottom - 0.1, x1, bottom),
        _edge(x0, top, x0 + 0.1, bottom),
        _edge(x1 - 0.1, top, x1, bottom),
    ]
    return [e for e in sides if e is not None]


# The per-object and per-segment calls unconverted (`ccall`): an object's address and a
# segment's passed as `address` arguments built once each, the out-pointers as `byref`s
# built once per page (a page of ruled tables has thousands of segments).
_obj_matrix = unconverted(pdfium_c.FPDFPageObj_GetMatrix, ctypes.c_int)
_count_segments = unconverted(pdfium_c.FPDFPath_CountSegments, ctypes.c_int)
_get_segment = unconverted(pdfium_c.FPDFPath_GetPathSegment, ctypes.c_void_p)
_segment_point = unconverted(pdfium_c.FPDFPathSegment_GetPoint, ctypes.c_int)
_segment_type = unconverted(pdfium_c.FPDFPathSegment_GetType, ctypes.c_int)
_draw_mode = unconverted(pdfium_c.FPDFPath_GetDrawMode, ctypes.c_int)


def read_rules(paths: Sequence[int], view: View) -> tuple[list[Edge], list[BBox]]:
    """Horizontal and vertical segments of the path objects `paths` (a page's, as
    addresses), in displayed coordinates (`view.View`: top-left origin, /Rotate
    applied), and the shading rectangles apart.

    A rectangle only filled, and wider and taller than a rule, is a cell's background
    (zebra rows, a shaded header), not a border: its sides would cut the table into
    bands that no border draws, so it is returned as shading instead."""
    edges: list[Edge] = []
    shades: list[BBox] = []
    fill_mode = ctypes.c_int()
    stroke = ctypes.c_int()
    matrix = pdfium_c.FS_MATRIX()
    fx, fy = ctypes.c_float(), ctypes.c_float()
    fill_out, stroke_out = ctypes.byref(fill_mode), ctypes.byref(stroke)
    matrix_out = ctypes.byref(matrix)
    fx_out, fy_out = ctypes.byref(fx), ctypes.byref(fy)
    for path in paths:
        obj = address(path)
        _obj_matrix(obj, matrix_out)
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        # path space → user space (the object's matrix) → displayed, in one affine map
        pa = view.a * a + view.c * b
        pb = view.b * a + view.d * b
        pc = view.a * c + view.c * d
        pd = view.b * c + view.d * d
        pe = view.a * e + view.c * f + view.e
        pf = view.b * e + view.d * f + view.f
        points: list[tuple[float, float, int]] = []
        for s in range(_count_segments(obj)):
            seg = address(_get_segment(obj, s))
            _segment_point(seg, fx_out, fy_out)
            x, y = fx.value, fy.value
            points.append((pa * x + pc * y + pe, pb * x + pd * y + pf, _segment_type(seg)))
        if not points:
            continue
        if len(points) >= 4 and all(t != pdfium_c.FPDF_SEGMENT_BEZIERTO for *_, t in points):
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            # Axis-aligned closed shapes (rectangles) give their four sides.
            if len({round(x, 1) for x in xs}) <= 2 and len({round(y, 1) for y in ys}) <= 2:
                box = (min(xs), min(ys), max(xs), max(ys))
                _draw_mode(obj, fill_out, stroke_out)
                thick = box[2] - box[0] > _THIN and box[3] - box[1] > _THIN
                if thick and not stroke.value and fill_mode.value:
                    shades.append(box)
                else:
                    edges.extend(_rect_edges(*box))
                continue
        prev: tuple[float, float] | None = None
        for x, y, kind in points:
            if kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
                seg_edge = _edge(min(prev[0], x), min(prev[1], y), max(prev[0], x), max(prev[1], y))
                if seg_edge is None and abs(prev[1] - y) < 0.5:
                    seg_edge = _edge(min(prev[0], x), y, max(prev[0], x), y)
                elif seg_edge is None and abs(prev[0] - x) < 0.5:
                    seg_edge = _edge(x, min(prev[1], y), x, max(prev[1], y))
                if seg_edge is not None:
                    edges.append(seg_edge)
            prev = (x, y)
    return edges, shades
