"""Items grouped by a pairwise relation, transitively: the connected groups of a graph
whose edges are the pairs `linked` accepts (shading boxes of one table, header words of
one wrapped cell)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


def _every_pair(n: int) -> Iterator[tuple[int, int]]:
    for i in range(n):
        for j in range(i + 1, n):
            yield i, j


def connected(
    items: Sequence[T],
    linked: Callable[[T, T], bool],
    pairs: Iterable[tuple[int, int]] | None = None,
) -> list[list[T]]:
    """Groups of `items` joined by `linked(a, b)`, in order of their first item's group
    root, each group in the items' order. `linked` is asked at most once per pair of
    indices of `pairs` (default: every pair, a before b), and never about two items
    already in one group; a caller that knows most pairs cannot be linked gives only
    the others."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # A pair already in one group is not asked about: the groups do not depend on the
    # order of the joins, and on a zebra-striped page most pairs are (asking them was
    # 10% of a family report's parse).
    for i, j in _every_pair(len(items)) if pairs is None else pairs:
        ri, rj = find(i), find(j)
        if ri != rj and linked(items[i], items[j]):
            parent[ri] = rj
    groups: dict[int, list[T]] = {}
    for i, item in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    return list(groups.values())
