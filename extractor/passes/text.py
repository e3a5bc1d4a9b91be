"""Pattern search over blocks in normalised text, with matches mapped back to the page."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from extractor.document.model import Block
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


# `re`'s parser (no stubs): what a pattern must print, read from its parse tree
_PARSER: Any = importlib.import_module("re._parser")
_REPEATS = (_PARSER.MAX_REPEAT, _PARSER.MIN_REPEAT, _PARSER.POSSESSIVE_REPEAT)


# per pattern (by identity: a compiled pattern hashes its whole code), the pattern
# itself, kept alive with its key, and what it needs; bounded, for patterns built per
# report (a name escaped), which are looked up by a later report only if they are `re`'s
# own cached object again
_NEEDED: dict[int, tuple[re.Pattern[str], tuple[str, ...] | None]] = {}


def needed(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    got = _NEEDED.get(id(pattern))
    if got is None:
        if len(_NEEDED) >= 4096:
            _NEEDED.clear()
        got = _NEEDED[id(pattern)] = (pattern, _needed(pattern))
    return got[1]


def _needed(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains (None: no such set is
    known), read from the pattern itself: a run of literal characters, a class of a few
    literal characters, a group or a repeat of at least one, or the alternatives of a
    branch each of which needs one, at the top level. A text holding none of them has no
    match, so the searches below skip it without running the pattern (the same hits: a
    pure function of the pattern, which comes from models/). Case-folding patterns are
    left alone."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = _PARSER.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):  # pragma: no cover - it compiled
        return None
    got = _seq_needs(list(tree))
    return tuple(sorted(got)) if got else None


def _seq_needs(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """A sequence needs what any one of its items needs (consecutive literals as one
    string): the most telling such set, its shortest string longest, then fewest."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _PARSER.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        got = _item_needs(op, av)
        if got:
            options.append(got)
    if run:
        options.append(frozenset({"".join(run)}))
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


def _item_needs(op: Any, av: Any) -> frozenset[str] | None:
    if op is _PARSER.SUBPATTERN:
        _, add_flags, _, sub = av
        return None if add_flags & re.IGNORECASE else _seq_needs(list(sub))
    if op is _PARSER.ATOMIC_GROUP:
        return _seq_needs(list(av))
    if op in _REPEATS:
        low, _, sub = av
        return _seq_needs(list(sub)) if low >= 1 else None
    if op is _PARSER.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            got = _seq_needs(list(alternative))
            if not got:
                return None
            union |= got
        return frozenset(union)
    if op is _PARSER.IN and len(av) <= 8 and all(o is _PARSER.LITERAL for o, _ in av):
        return frozenset(chr(v) for _, v in av)
    return None


def _holds(text: str, strings: tuple[str, ...]) -> bool:
    for s in strings:
        if s in text:
            return True
    return False


def search(blocks: Iterable[Block], pattern: re.Pattern[str]) -> Iterator[Hit]:
    need = needed(pattern)
    for b in blocks:
        n = b.normalised
        if need is not None and not _holds(n.text, need):
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
                if need is not None and not _holds(n.text, need):
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
        if need is not None and not _holds(n.text, need):
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
