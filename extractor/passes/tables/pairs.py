"""Two figures in one cell: a header naming two roles with a slash ("完成量/协议量") over
cells that print both in the header's order ("151/125"), or naming the second in brackets
after the first ("完成量（完成率）") over cells printing it so ("89（127.14%）"). Each such
column is read as the two columns it stands for, so the rest of the reading never sees a
combined cell. The same holds for a score table's 得分/满分 over `25.44/30`
(`split_named_pairs`, the header words told by the caller)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from extractor.document.model import Table, TableCell
from extractor.passes.tables.labels import label_tags
from extractor.passes.tables.values import is_figure, is_not_applicable

_PAIR = re.compile(r"^\s*([^/／]+?)\s*[/／]\s*([^/／]+?)\s*$")
# The second of the two in brackets closing the first: "完成量（完成率）", "89（127.14%）".
_BRACKETED = re.compile(r"^([^（）()]+)[（(]([^（）()]+)[）)]$")


def _halves(text: str) -> tuple[str, str] | None:
    m = _PAIR.match(text) or _BRACKETED.match(text)
    return (m.group(1), m.group(2)) if m else None


def _figure_pair(text: str) -> tuple[str, str] | None:
    """A cell's two figures ("151/125" → "151", "125"); None unless both halves are
    figures or not-applicable marks ("—")."""
    halves = _halves(re.sub(r"\s+", "", text))
    if halves is None:
        return None
    if all(is_figure(h) or is_not_applicable(h) for h in halves):
        return halves
    return None


def _role_pair(text: str, areas: frozenset[str]) -> tuple[str, str] | None:
    """A header naming two different roles with a slash: "完成量/协议量"."""
    halves = _halves(re.sub(r"\s+", "", text))
    if halves is None:
        return None
    roles = [label_tags(h, areas).role for h in halves]
    if None in roles or roles[0] == roles[1]:
        return None
    return halves


PairOf = Callable[[str], tuple[str, str] | None]


def named_pair(is_pair: Callable[[str, str], bool]) -> PairOf:
    """A header reader for `split_named_pairs`: the header's two halves when `is_pair`
    accepts them ("得分", "满分")."""

    def pair_of(text: str) -> tuple[str, str] | None:
        halves = _halves(re.sub(r"\s+", "", text))
        return halves if halves is not None and is_pair(*halves) else None

    return pair_of


def _pair_level(path: tuple[str, ...], pair_of: PairOf) -> int | None:
    """The innermost header level of a column naming two roles (a unit row's 户 may stand
    under it)."""
    return next((i for i in reversed(range(len(path))) if pair_of(path[i])), None)


def _paired_columns(t: Table, pair_of: PairOf) -> dict[int, tuple[str, str]]:
    """Columns whose header names two roles and whose every filled body cell of its own
    prints two figures: column → the two header words, in order."""
    out: dict[int, tuple[str, str]] = {}
    for c in range(min(t.n_cols, len(t.columns))):
        path = t.columns[c]
        level = _pair_level(path, pair_of)
        roles = pair_of(path[level]) if level is not None else None
        if roles is None:
            continue
        own = [
            x.text
            for x in t.cells
            if x.row >= t.header_rows and x.col == c and x.colspan == 1 and x.text.strip()
        ]
        if own and all(_figure_pair(x) is not None for x in own):
            out[c] = roles
    return out


def split_pairs(t: Table, areas: frozenset[str]) -> Table:
    """`t` with each column headed by two indicator roles made two; `t` itself when it
    has none."""
    return split_named_pairs(t, lambda text: _role_pair(text, areas))


def split_named_pairs(t: Table, pair_of: PairOf) -> Table:
    """`t` with each paired column made two; `t` itself when it has none. A split figure
    keeps its cell's box (the box that prints it) and its own text."""
    paired = _paired_columns(t, pair_of)
    if not paired:
        return t
    cols = sorted(paired)

    def shift(c: int) -> int:
        return c + sum(1 for p in cols if p < c)

    cells: list[TableCell] = []
    for x in t.cells:
        covered = [p for p in cols if x.col <= p < x.col + x.colspan]
        halves = None
        if x.colspan == 1 and x.col in paired:
            halves = _figure_pair(x.text) if x.row >= t.header_rows else None
            if x.row < t.header_rows and _halves(re.sub(r"\s+", "", x.text)) == paired[x.col]:
                halves = paired[x.col]
        if halves is not None:
            cells.append(replace(x, col=shift(x.col), text=halves[0]))
            cells.append(replace(x, col=shift(x.col) + 1, text=halves[1]))
        else:
            cells.append(replace(x, col=shift(x.col), colspan=x.colspan + len(covered)))
    columns: list[tuple[str, ...]] = []
    for c, path in enumerate(t.columns):
        level = _pair_level(path, pair_of) if c in paired else None
        if level is not None:
            columns += [
                (*path[:level], half, *path[level + 1 :]) for half in (paired[c][0], paired[c][1])
            ]
        else:
            columns.append(path)
    return replace(t, cells=cells, n_cols=t.n_cols + len(cols), columns=columns)
