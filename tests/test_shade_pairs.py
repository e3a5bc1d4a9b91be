"""The shading boxes' pairs found on arrays (`tables._touching_pairs`) are exactly the
pairs the one-pair rule (`tables._shades_touch`) joins: on random boxes (grids of shaded
cells, zebra rows, overlaps, one tall box) and on every shaded page of the families."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pdf.pages import read_pages
from extractor.pdf.tables import _shades_touch, _touching_pairs
from extractor.pdf.view import BBox

FAMILIES = Path(__file__).resolve().parents[1] / "corpora" / "families"


def _one_by_one(boxes: list[BBox]) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i, j in itertools.combinations(range(len(boxes)), 2)
        if _shades_touch(boxes[i], boxes[j])
    }


# Coordinates on a coarse lattice, so that touching, abutting and 3-point gaps occur.
_coord = st.integers(0, 60).map(lambda v: v * 2.5)
_box = st.tuples(_coord, _coord, st.integers(2, 30), st.integers(2, 30)).map(
    lambda t: (t[0], t[1], t[0] + t[2] * 1.5, t[1] + t[3] * 1.5)
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_box, max_size=40))
def test_random_boxes(boxes: list[BBox]) -> None:
    assert set(_touching_pairs(boxes)) == _one_by_one(boxes)


def test_blocks_cover_every_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    # a grid of shaded cells and one tall box, tested in blocks of a few rows each
    boxes = [
        (x * 40.0, y * 20.0, x * 40.0 + 38.0, y * 20.0 + 18.0) for y in range(9) for x in range(7)
    ]
    boxes.append((300.0, 0.0, 340.0, 180.0))
    monkeypatch.setattr("extractor.pdf.tables._PAIR_BLOCK", 3 * len(boxes))
    pairs = list(_touching_pairs(boxes))
    assert len(pairs) == len(set(pairs)) and set(pairs) == _one_by_one(boxes)
    assert len(pairs) > len(boxes)


def test_family_pages() -> None:
    shaded = 0
    for path in sorted(FAMILIES.rglob("*.pdf")):
        for page in read_pages(path):
            if len(page.shades) >= 2:
                shaded += 1
                assert set(_touching_pairs(page.shades)) == _one_by_one(page.shades)
    assert shaded >= 5
