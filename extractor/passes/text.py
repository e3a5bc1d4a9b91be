"""Pattern search over blocks in normalised text, with matches mapped back to the page."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extractor.document.model import Block
from extractor.numbers import Normalised
from extractor.records import Provenance


@dataclass(frozen=True, slots=True)
class Hit:
    block: Block
    match: re.Match[str]
    norm: Normalised

    def span(self, group: int | str = 0) -> tuple[int, int]:
        """Offsets of a group in the block's printed text."""
        return self.norm.to_original(*self.match.span(group))

    def prov(self, group: int | str = 0) -> Provenance:
        return self.block.provenance(*self.span(group))

    def printed(self, group: int | str = 0) -> str:
        s, e = self.span(group)
        return self.block.text[s:e]


def search(blocks: Iterable[Block], pattern: re.Pattern[str]) -> Iterator[Hit]:
    for b in blocks:
        n = b.normalised
        for m in pattern.finditer(n.text):
            yield Hit(b, m, n)


def first(blocks: Iterable[Block], pattern: re.Pattern[str]) -> Hit | None:
    return next(search(blocks, pattern), None)
