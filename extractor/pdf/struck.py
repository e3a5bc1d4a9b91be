"""Text struck through: a draft exported with Word's tracked changes (修订) shown prints a
deleted figure with a horizontal line through it, right before the figure inserted in its
place ("~~200~~196"). Read as text the two run together (200196), so the struck glyphs are
left out of a page's glyphs. A glyph is struck when a horizontal rule crosses it near its
vertical middle (an underline, which tracked changes draw under the inserted text, runs
near its foot) and covers it from edge to edge; and the rule is one drawn for that text,
not a table border: it ends where the run of glyphs it crosses ends, and that run has no gap."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractor.pdf.pages import Glyph
    from extractor.pdf.rules import Edge


@dataclass(frozen=True, slots=True)
class StrikeSettings:
    # The rule is at most this share of the glyph's box height from the box's middle
    # (a strike runs through the middle; an underline at about four fifths down).
    max_offset: float = 0.2
    # It covers each glyph it strikes to within this many points of either edge.
    edge_slack: float = 0.5
    # And runs past the first and last glyph it strikes by at most this share of their
    # box height (a table border runs on across the cell).
    max_overrun: float = 0.5


DEFAULT_STRIKE = StrikeSettings()


def struck_glyphs(
    glyphs: list[Glyph], rules: list[Edge], settings: StrikeSettings = DEFAULT_STRIKE
) -> tuple[list[int], list[int]]:
    """Indices of the glyphs struck through, and of the rules that strike them."""
    lines = [(k, e) for k, e in enumerate(rules) if e["orientation"] == "h" and e["x1"] > e["x0"]]
    if not lines or not glyphs:
        return [], []
    # Each glyph's top + bottom worked out once, for the order and the middles (a
    # lambda per glyph, then the sums again, were most of this on a page of rules).
    sums = [g.top + g.bottom for g in glyphs]
    order = sorted(range(len(glyphs)), key=sums.__getitem__)
    mids = [sums[i] / 2 for i in order]
    reach = settings.max_offset * max([g.bottom - g.top for g in glyphs])
    struck: set[int] = set()
    strikes: list[int] = []
    for k, e in lines:
        y, x0, x1 = e["top"], e["x0"], e["x1"]
        lo, hi = bisect_left(mids, y - reach), bisect_right(mids, y + reach)
        crossed = []
        for j in range(lo, hi):
            g = glyphs[order[j]]
            h = g.bottom - g.top
            if (
                h > 0
                and abs(y - mids[j]) <= settings.max_offset * h
                and g.x0 >= x0 - settings.edge_slack
                and g.x1 <= x1 + settings.edge_slack
            ):
                crossed.append(order[j])
        if not crossed:
            continue
        crossed.sort(key=lambda i: glyphs[i].x0)
        overrun = settings.max_overrun * max(glyphs[i].bottom - glyphs[i].top for i in crossed)
        # one run of text: no gap inside it wider than the overrun allowed at its ends
        gaps = (glyphs[b].x0 - glyphs[a].x1 for a, b in pairwise(crossed))
        if (
            x0 >= glyphs[crossed[0]].x0 - overrun
            and x1 <= max(glyphs[i].x1 for i in crossed) + overrun
            and all(gap <= overrun for gap in gaps)
        ):
            struck.update(crossed)
            strikes.append(k)
    return sorted(struck), strikes
