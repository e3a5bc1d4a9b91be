"""Horizontal rules → table regions; a region's lines → bands between its rules (header,
body or empty) → tables, each an optional header band over body bands."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Literal

from extractor.pdf.rules import Edge
from extractor.pdf.unruled.settings import UnruledSettings
from extractor.pdf.unruled.tokens import Token, TokenLine, is_tabular

BandKind = Literal["head", "body", "empty"]


@dataclass(slots=True)
class Band:
    """The lines between two rules (or running on past a region's first or last rule)."""

    top: float
    bottom: float
    lines: list[TokenLine]
    kind: BandKind = "empty"


# A table found in a region: its header band, if any, and its body bands.
BandTable = tuple[Band | None, list[Band]]


def regions(h_rules: list[Edge], s: UnruledSettings) -> list[list[float]]:
    """Long horizontal rules grouped by x-extent → (x0, x1, y...) per group."""
    groups: list[list[float]] = []  # [x0, x1, y...]
    for e in sorted(h_rules, key=lambda e: e["top"]):
        if e["x1"] - e["x0"] < s.min_rule:
            continue
        for g in groups:
            if _same_region(g[0], g[1], e["x0"], e["x1"], s):
                if e["top"] - g[-1] > s.double_rule:
                    g.append(e["top"])
                g[0], g[1] = min(g[0], e["x0"]), max(g[1], e["x1"])
                break
        else:
            groups.append([e["x0"], e["x1"], e["top"]])
    # A shorter rule inside a wider table's span is a partial group rule: not a region.
    keep: list[list[float]] = []
    for x0, x1, *ys in groups:
        inside = any(
            ox0 - s.region_slack <= x0
            and x1 <= ox1 + s.region_slack
            and (ox1 - ox0) > (x1 - x0) + s.wider_region
            and oys[0] < ys[0] < oys[-1]
            for ox0, ox1, *oys in groups
        )
        if not inside:
            keep.append([x0, x1, *ys])
    return keep


def _same_region(x0: float, x1: float, e0: float, e1: float, s: UnruledSettings) -> bool:
    """Two rules of one table: the same extent, or one end shared and most of the
    wider one covered (Word leaves out a border segment over a merged cell, so the rule
    under a header may stop short of the 片区 column)."""
    if abs(x0 - e0) < s.rule_align and abs(x1 - e1) < s.rule_align:
        return True
    shared_end = abs(x0 - e0) < s.rule_align or abs(x1 - e1) < s.rule_align
    overlap = min(x1, e1) - max(x0, e0)
    return shared_end and overlap >= s.rule_cover_share * (max(x1, e1) - min(x0, e0))


def _kind(lines: list[TokenLine], s: UnruledSettings) -> BandKind:
    toks = [t for ln in lines for t in ln.toks]
    if not toks:
        return "empty"
    numeric = sum(t.numeric for t in toks)
    if numeric >= max(1.0, s.body_value_share * len(toks)) or _running_count(lines, s):
        return "body"
    return "head"


def _running_count(lines: list[TokenLine], s: UnruledSettings) -> bool:
    """Three or more lines numbered 1, 2, 3 … by a token at the same left edge: a staff
    list's 序号 column (its other cells are words), never a header."""
    firsts: list[Token] = []
    for ln in sorted(lines, key=lambda ln: ln.top):
        nums = [t for t in ln.toks if t.text.isdigit()]
        if nums:
            firsts.append(nums[0])
    if len(firsts) < s.count_min_lines:
        return False
    values = [int(t.text) for t in firsts]
    edge = firsts[0].x0
    return values == list(range(values[0], values[0] + len(values))) and all(
        abs(t.x1 - firsts[0].x1) <= s.count_align_h * (t.bottom - t.top)
        or abs(t.x0 - edge) <= s.count_align
        for t in firsts
    )


def _open_band(
    lines: list[TokenLine], start: float, downward: bool, limit: float, s: UnruledSettings
) -> list[TokenLine]:
    """Lines running on from a region's first (upward) or last (downward) rule with no rule
    closing them: contiguous lines, trimmed to the last tabular one."""
    ordered = sorted(
        [ln for ln in lines if (ln.top > start if downward else ln.bottom < start)],
        key=lambda ln: ln.top if downward else -ln.bottom,
    )
    ordered = [ln for ln in ordered if (ln.bottom < limit if downward else ln.top > limit)]
    run: list[TokenLine] = []
    edge = start
    for ln in ordered:
        gap = (ln.top - edge) if downward else (edge - ln.bottom)
        if gap > s.open_gap_h * ln.height:
            break
        run.append(ln)
        edge = ln.bottom if downward else ln.top
    keep = len(run)
    while keep and not is_tabular(run[keep - 1], s):
        keep -= 1
    # Wrapped lines stacked tight on the last tabular line belong to its row.
    while 0 < keep < len(run):
        last, nxt = run[keep - 1], run[keep]
        gap = (nxt.top - last.bottom) if downward else (last.top - nxt.bottom)
        if gap > s.wrap_gap_h * nxt.height:
            break
        keep += 1
    return run[:keep]


def bands(
    lines: list[TokenLine], ys: list[float], above: float, below: float, s: UnruledSettings
) -> list[Band]:
    """A region's bands top to bottom: the open run above its first rule, the bands
    between its rules, and the open run below its last rule when a table ends there."""
    out: list[Band] = []
    top_run = _open_band(lines, ys[0], False, above, s)
    if top_run:
        out.append(Band(min(ln.top for ln in top_run) - s.band_pad, ys[0], top_run, "body"))
    for t, b in itertools.pairwise(ys):
        inside = [ln for ln in lines if t < (ln.top + ln.bottom) / 2 < b]
        out.append(Band(t, b, inside, _kind(inside, s)))
    bottom_run = _open_band(lines, ys[-1], True, below, s)
    if bottom_run and out and out[-1].kind in ("head", "body"):
        bottom = max(ln.bottom for ln in bottom_run) + s.band_pad
        out.append(Band(ys[-1], bottom, bottom_run, "body"))
    return out


def assemble(bands: list[Band], s: UnruledSettings) -> list[BandTable]:
    """Bands → tables: an optional header band followed by body bands. A text band not
    followed by a body band is a caption between tables; an empty band is a break.
    Header bands touching each other are one header (a shaded two-row header)."""
    tables: list[BandTable] = []
    current: BandTable | None = None
    head: Band | None = None
    for i, band in enumerate(bands):
        if band.kind == "body":
            if current is None:
                current = (None, [])
                tables.append(current)
            current[1].append(band)
            head = None
        elif band.kind == "head":
            if (
                head is not None
                and abs(band.top - head.bottom) < s.band_touch
                and _header_like(head, s)
            ):
                head = Band(head.top, band.bottom, head.lines + band.lines, "head")
            else:
                head = band
            nxt = bands[i + 1] if i + 1 < len(bands) else None
            touching = nxt is not None and abs(nxt.top - band.bottom) < s.band_touch
            if nxt is not None and nxt.kind == "body" and touching:
                current = (head, [])
                tables.append(current)
                head = None
            elif nxt is not None and nxt.kind == "head" and touching:
                current = None
            else:
                current = None
                head = None
        else:
            current = None
            head = None
    return [t for t in tables if t[1]]


def _header_like(band: Band, s: UnruledSettings) -> bool:
    """Header rows, not text between two tables: several words side by side on a line,
    and no line that is one long run of text (a heading or a paragraph)."""
    if not any(len(ln.toks) >= 2 for ln in band.lines):
        return False
    width = max(t.x1 for ln in band.lines for t in ln.toks) - min(
        t.x0 for ln in band.lines for t in ln.toks
    )
    return all(
        len(ln.toks) >= 2 or ln.toks[0].x1 - ln.toks[0].x0 < s.header_word_share * width
        for ln in band.lines
    )
