"""extractor/pdf/lattice.py against pdfplumber's own `merge_edges` and `cells_to_tables`
(the steps written out so that a parse does not import pdfplumber): the same rules, the
same dicts (keys in the same order), the same tables, on random rules and cells."""

from __future__ import annotations

import itertools
import random

import pytest
from pdfplumber import table as plumber_table

from extractor.pdf.lattice import cells_to_tables, merge_edges
from extractor.pdf.rules import h_edge, v_edge
from extractor.pdf.view import BBox


def _random_rules(rng: random.Random) -> list[dict[str, object]]:
    """Rule pieces on a few shared lines, nudged within and beyond the tolerances."""
    rules = []
    ys = [rng.uniform(50, 800) for _ in range(rng.randint(1, 8))]
    xs = [rng.uniform(50, 550) for _ in range(rng.randint(1, 8))]
    for _ in range(rng.randint(1, 40)):
        if rng.random() < 0.5:
            y = rng.choice(ys) + rng.choice([0.0, 0.0, rng.uniform(-4, 4)])
            x0 = rng.uniform(40, 500)
            rules.append(h_edge(x0, x0 + rng.uniform(1, 200), y))
        else:
            x = rng.choice(xs) + rng.choice([0.0, 0.0, rng.uniform(-4, 4)])
            top = rng.uniform(40, 700)
            rules.append(v_edge(x, top, top + rng.uniform(1, 200)))
    return rules


@pytest.mark.parametrize("seed", range(200))
def test_merge_edges_is_pdfplumbers(seed: int) -> None:
    rng = random.Random(seed)
    rules = _random_rules(rng)
    snap, join = rng.choice([(3.0, 3.0), (0.0, 3.0), (3.0, 0.0), (1.5, 5.0)])
    ours = merge_edges(rules, snap, snap, join, join)
    theirs = plumber_table.merge_edges(rules, snap, snap, join, join)
    assert ours == theirs
    assert [list(e) for e in ours] == [list(e) for e in theirs]  # key order too


@pytest.mark.parametrize("seed", range(200))
def test_cells_to_tables_is_pdfplumbers(seed: int) -> None:
    rng = random.Random(seed)
    xs = sorted(rng.sample(range(0, 60, 5), rng.randint(2, 8)))
    ys = sorted(rng.sample(range(0, 60, 5), rng.randint(2, 8)))
    cells: list[BBox] = [
        (float(x0), float(y0), float(x1), float(y1))
        for x0, x1 in itertools.pairwise(xs)
        for y0, y1 in itertools.pairwise(ys)
        if rng.random() < 0.7
    ]
    cells += [  # a second grid apart, and cells alone
        (x + 100.0, y + 100.0, x + 105.0, y + 105.0)
        for x in range(0, 20, 5)
        for y in range(0, 10, 5)
        if rng.random() < 0.6
    ]
    rng.shuffle(cells)
    assert cells_to_tables(cells) == plumber_table.cells_to_tables(cells)
