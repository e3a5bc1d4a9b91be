"""The linear cell finder (`extractor.pdf.cells`) against pdfplumber's own lattice
functions: the same intersections and the same cells, in the same order, on every ruled
page of the corpus and on random grids with missing rule segments."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber import table as plumber_table

from extractor.pdf.cells import Edge, cells, cells_to_tables, intersections, merge_edges
from extractor.pdf.pages import read_pages
from extractor.pdf.tables import TableSettings, _merged

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
RULED = sorted(
    p
    for p in CORPORA.glob("*/*.pdf")
    if p.parent.name in ("seed", "generated", "handmade")
    and p.stem
    in {
        "xicun_2024_final",
        "meiling_2023_mid",
        "qinghe_2024_final",
        "gen_000",
        "gen_004",
        "gen_007",
        "gen_010",
        "gen_013",
    }
)


def _plumber(edges: list[Edge], tol: float) -> tuple[dict[object, object], list[object]]:
    inter = plumber_table.edges_to_intersections(edges, tol, tol)
    return inter, plumber_table.intersections_to_cells(inter)


def _same(edges: list[Edge], tol: float) -> None:
    inter, expected = _plumber(edges, tol)
    ours = intersections(edges, tol, tol)
    assert sorted(ours.v) == sorted(inter)
    for point, sides in inter.items():
        assert ours.v[point] == {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in sides["v"]}
        assert ours.h[point] == {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in sides["h"]}
    assert cells(ours) == expected


@pytest.mark.parametrize("pdf", RULED, ids=lambda p: p.stem)
def test_corpus_pages_give_pdfplumbers_cells(pdf: Path) -> None:
    settings_ = TableSettings()
    pages = [p for p in read_pages(pdf) if p.rules]
    assert pages
    for page in pages:
        _same(_merged(page.rules, settings_), settings_.intersection_tolerance)


def _h(x0: float, x1: float, y: float) -> Edge:
    x0, x1 = min(x0, x1), max(x0, x1)
    return {
        "x0": x0,
        "x1": x1,
        "top": y,
        "bottom": y,
        "width": x1 - x0,
        "height": 0.0,
        "orientation": "h",
        "object_type": "line",
    }


def _v(x: float, y0: float, y1: float) -> Edge:
    y0, y1 = min(y0, y1), max(y0, y1)
    return {
        "x0": x,
        "x1": x,
        "top": y0,
        "bottom": y1,
        "width": 0.0,
        "height": y1 - y0,
        "orientation": "v",
        "object_type": "line",
    }


@st.composite
def grids(draw: st.DrawFn) -> list[Edge]:
    """A grid of rules with random gaps (merged cells, missing segments) and jitter."""
    xs = sorted(draw(st.sets(st.integers(0, 60), min_size=2, max_size=9)))
    ys = sorted(draw(st.sets(st.integers(0, 60), min_size=2, max_size=9)))
    xs = [x * 10 for x in xs]
    ys = [y * 10 for y in ys]
    jitter = st.sampled_from([0.0, 0.0, 0.5, -0.5, 1.5])
    edges: list[Edge] = []
    for y in ys:
        for a, b in itertools.pairwise(xs):
            if draw(st.integers(0, 9)) > 1:
                edges.append(_h(a + draw(jitter), b + draw(jitter), y + draw(jitter)))
    for x in xs:
        for a, b in itertools.pairwise(ys):
            if draw(st.integers(0, 9)) > 1:
                edges.append(_v(x + draw(jitter), a + draw(jitter), b + draw(jitter)))
    return edges


@settings(max_examples=300, deadline=None)
@given(grids(), st.sampled_from([1.0, 3.0]))
def test_random_grids_give_pdfplumbers_cells(edges: list[Edge], tol: float) -> None:
    _same(edges, tol)


@settings(max_examples=100, deadline=None)
@given(grids())
def test_random_grids_after_merging(edges: list[Edge]) -> None:
    """As the page reader uses it: rules snapped and joined first."""
    s = TableSettings()
    _same(_merged(edges, s), s.intersection_tolerance)


def _plumber_merged(edges: list[Edge], snap: float, join: float) -> list[Edge]:
    merged: list[Edge] = plumber_table.merge_edges(edges, snap, snap, join, join)
    return merged


@pytest.mark.parametrize("pdf", RULED, ids=lambda p: p.stem)
def test_corpus_pages_merge_and_group_as_pdfplumber(pdf: Path) -> None:
    """`merge_edges` and `cells_to_tables`, written out so that a parse never imports
    pdfplumber, give pdfplumber's rules and tables exactly (values, keys, order)."""
    s = TableSettings()
    for page in (p for p in read_pages(pdf) if p.rules):
        ours = merge_edges(page.rules, s.snap_tolerance, s.join_tolerance)
        theirs = _plumber_merged(page.rules, s.snap_tolerance, s.join_tolerance)
        assert [list(e.items()) for e in ours] == [list(e.items()) for e in theirs]
        found = cells(intersections(ours, 3.0, 3.0))
        assert cells_to_tables(found) == plumber_table.cells_to_tables(found)


@st.composite
def rough_grids(draw: st.DrawFn) -> list[Edge]:
    """A grid whose every rule end is off by a fraction of a point (as a PDF's are), so
    that the order of float operations in snapping and joining shows in the result."""
    off = st.floats(-1.7, 1.7, allow_nan=False)
    return [
        _h(e["x0"] + draw(off), e["x1"] + draw(off), e["top"] + draw(off))
        if e["orientation"] == "h"
        else _v(e["x0"] + draw(off), e["top"] + draw(off), e["bottom"] + draw(off))
        for e in draw(grids())
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(grids(), rough_grids()),
    st.sampled_from([0.0, 1.0, 3.0]),
    st.sampled_from([0.0, 1.0, 3.0]),
)
def test_random_grids_merge_and_group_as_pdfplumber(
    edges: list[Edge], snap: float, join: float
) -> None:
    """Rules snapped and joined, and cells grouped into tables, as pdfplumber does on
    grids with missing segments and jitter (several tables when a gap splits one)."""
    ours = merge_edges(edges, snap, join)
    assert [list(e.items()) for e in ours] == [
        list(e.items()) for e in _plumber_merged(edges, snap, join)
    ]
    found = cells(intersections(ours, 1.0, 1.0))
    assert cells_to_tables(found) == plumber_table.cells_to_tables(found)
    shuffled = found[::-1] + found[:3]  # another order, and cells found twice
    assert cells_to_tables(shuffled) == plumber_table.cells_to_tables(shuffled)
