"""Items grouped by a pairwise relation, transitively: the connected groups of a graph
whose edges are the pairs `linked` accepts (shading boxes of one table, header words of
one wrapped cell)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def connected(items: Sequence[T], linked: Callable[[T, T], bool]) -> list[list[T]]:
    """Groups of `items` joined by `linked(a, b)` (asked once per pair, a before b),
    in order of their first item's group root, each group in the items' order."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            if linked(a, items[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[T]] = {}
    for i, item in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    return list(groups.values())
