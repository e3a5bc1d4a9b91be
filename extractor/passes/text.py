"""Pattern search over blocks in normalised text, with matches mapped back to the page."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extractor.document.model import Block
from extractor.knowledge.needs import holds, needed
from extractor.numbers import Normalised
from extractor.pdf.pages import OcrGlyph
from extractor.records import OCR_DOUBT, Provenance


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
    need = needed(pattern)
    for b in blocks:
        n = b.normalised
        if need is not None and not holds(n.text, need):
            continue
        for m in pattern.finditer(n.text):
            yield Hit(b, m, n)


class Scan:
    """`search` memoised per block and pattern for one pass over one document: a pass
    that looks for the same pattern in overlapping lists of blocks (a section's blocks,
    then the whole document's when they print nothing) finds each block's matches once.
    The blocks must outlive the memo and not change while it is used."""

    __slots__ = ("_hits",)

    def __init__(self) -> None:
        # per pattern (by identity: a compiled pattern hashes its whole code), the
        # pattern itself, kept alive with its key, and each block's hits by the block's id
        self._hits: dict[int, tuple[re.Pattern[str], dict[int, list[Hit]]]] = {}

    def search(self, blocks: Iterable[Block], pattern: re.Pattern[str]) -> Iterator[Hit]:
        memo = self._hits.get(id(pattern))
        if memo is None:
            memo = self._hits[id(pattern)] = (pattern, {})
        found = memo[1]
        need = needed(pattern)
        for b in blocks:
            hits = found.get(id(b))
            if hits is None:
                n = b.normalised
                if need is not None and not holds(n.text, need):
                    hits = found[id(b)] = []
                else:
                    hits = found[id(b)] = [Hit(b, m, n) for m in pattern.finditer(n.text)]
            yield from hits


def first(blocks: Iterable[Block], pattern: re.Pattern[str]) -> Hit | None:
    """`search`'s first hit: the leftmost match in the first block that has one (asked
    with `pattern.search`, not an iterator per block: most blocks have none)."""
    need = needed(pattern)
    for b in blocks:
        n = b.normalised
        if need is not None and not holds(n.text, need):
            continue
        m = pattern.search(n.text)
        if m is not None:
            return Hit(b, m, n)
    return None


def doubted_as(blocks: Iterable[Block], pattern: re.Pattern[str], stand_in: str) -> Iterator[Hit]:
    """Hits of `pattern` in OCR'd blocks where each character the engine was unsure of
    (below OCR_DOUBT) is read as `stand_in`: a separator it likely was ("评估等级用良好"
    with 用 at 0.79, where the print has "评估等级：良好"). Characters are replaced one
    for one, so offsets and provenance stay those of the print, whose doubt the hit's
    provenance keeps. Text-layer blocks give nothing."""
    for b in blocks:
        n = b.normalised
        chars = list(n.text)
        changed = False
        for i, ch in enumerate(chars):
            if ch.isspace():
                continue
            glyphs = [g for g in b.glyphs(*n.to_original(i, i + 1)) if isinstance(g, OcrGlyph)]
            if glyphs and min(g.conf for g in glyphs) < OCR_DOUBT:
                chars[i] = stand_in
                changed = True
        if changed:
            for m in pattern.finditer("".join(chars)):
                yield Hit(b, m, n)
