"""Glyphs → printed lines, with page furniture (page numbers, running heads) set aside."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from operator import attrgetter

from extractor.pdf.pages import Glyph, Line, RawPage
from extractor.pdf.view import BBox

_PAGE_NUMBER = re.compile(
    r"^[\s\-–—第]*(\d{1,3}|[ivxlc]+)\s*页?\s*(?:[/／]\s*\d+\s*页?|[，,]?\s*共\s*\d+\s*页)?[\s\-–—]*$",
    re.I,
)
_X0: Callable[[Glyph], float] = attrgetter("x0")  # a sort key in C


def page_lines(page: RawPage, exclude: list[BBox]) -> list[Line]:
    """Group glyphs into lines in stream order; a drop in y or a jump back in x starts
    a new line. Glyphs inside `exclude` (table regions) are left out."""
    lines: list[Line] = []
    cur: list[Glyph] = []
    cur_sizes: list[float] = []
    cur_weights: list[int] = []

    def flush() -> None:
        while cur and cur[-1].char.isspace():
            cur.pop()
        if cur:
            sizes = sorted(cur_sizes)
            line = Line(page.number, list(cur), size=sizes[len(sizes) // 2])
            line.bold = sum(1 for w in cur_weights if w >= 600) > len(cur_weights) / 2
            lines.append(line)
        cur.clear()
        cur_sizes.clear()
        cur_weights.clear()

    # The regions as (x0, x1, top, bottom), widened by the 1 pt tolerance once per page.
    boxes = [(b[0] - 1, b[2] + 1, b[1] - 1, b[3] + 1) for b in exclude]
    top = bottom = 0.0
    for g, size, weight in zip(page.glyphs, page.sizes, page.weights, strict=True):
        if boxes:  # the glyph's centre in a table region: left out (inline, not a call)
            cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
            inside = False
            for x0, x1, b_top, b_bottom in boxes:
                if x0 <= cx <= x1 and b_top <= cy <= b_bottom:
                    inside = True
                    break
            if inside:
                continue
        if cur:
            mid = (g.top + g.bottom) / 2
            if not (top - 1 <= mid <= bottom + 1) or g.x0 < cur[-1].x0 - 2:
                flush()
        if not cur:
            if g.char.isspace():
                continue
            top, bottom = g.top, g.bottom
        cur.append(g)
        cur_sizes.append(size)
        cur_weights.append(weight)
    flush()
    walls = [
        (e["x0"], e["top"], e["bottom"])
        for e in page.rules
        if e.get("orientation") == "v" or e["x1"] - e["x0"] < 1 < e["bottom"] - e["top"]
    ]
    return _merge_fragments(lines, walls)


def _merge_fragments(
    lines: list[Line], walls: list[tuple[float, float, float]] | None = None
) -> list[Line]:
    """Pieces of one printed line written as separate runs (Word/LibreOffice put the
    quotation marks of "“社工站”" in a run of their own font after the line's CJK run)
    joined by position: a piece whose glyphs sit beside a line's, at the same height,
    belongs to it — unless a vertical rule (`walls`: x, top, bottom) stands between
    them over their height: a bordered frame floating beside the text (a Word 图文框
    holding 评估结果 at the right of the title) holds lines of its own."""
    walls = walls or []
    out: list[Line] = []
    spans: list[tuple[float, float]] = []  # top and bottom of each line in `out`
    for ln in sorted(lines, key=lambda x: (x.top, x.x0)):
        top, bottom = ln.top, ln.bottom
        last = len(out) - 1
        k = next(
            (
                i
                for i in range(last, max(last - 4, -1), -1)
                if _same_line(out[i], spans[i], ln, (top, bottom))
                and not _walled(out[i], ln, (top, bottom), walls)
            ),
            None,
        )
        if k is None:
            out.append(ln)
            spans.append((top, bottom))
            continue
        out[k].glyphs = sorted(out[k].glyphs + ln.glyphs, key=_X0)
        spans[k] = (min(spans[k][0], top), max(spans[k][1], bottom))
    out.sort(key=lambda ln: (round(ln.top / 3), ln.x0))
    return out


def _same_line(a: Line, a_span: tuple[float, float], b: Line, b_span: tuple[float, float]) -> bool:
    """Whether `b` continues `a` at the same height; spans are each line's top and
    bottom, known to the caller (each would be a scan of the line's glyphs)."""
    (a_top, a_bottom), (b_top, b_bottom) = a_span, b_span
    ha, hb = a_bottom - a_top, b_bottom - b_top
    overlap = min(a_bottom, b_bottom) - max(a_top, b_top)
    if overlap < 0.6 * min(ha, hb) or abs(ha - hb) > 0.35 * max(ha, hb):
        return False
    spans = sorted([(g.x0, g.x1) for g in a.glyphs] + [(g.x0, g.x1) for g in b.glyphs])
    return all(x1 <= nx0 + 0.5 for (_, x1), (nx0, _) in itertools.pairwise(spans))


def _walled(
    a: Line, b: Line, b_span: tuple[float, float], walls: list[tuple[float, float, float]]
) -> bool:
    """A vertical rule runs between the two pieces, across `b`'s height."""
    if not walls:
        return False
    lo = min(max(g.x1 for g in a.glyphs), max(g.x1 for g in b.glyphs))
    hi = max(min(g.x0 for g in a.glyphs), min(g.x0 for g in b.glyphs))
    mid = (b_span[0] + b_span[1]) / 2
    return any(lo < x < hi and top <= mid <= bottom for x, top, bottom in walls)


def strip_furniture(pages: list[list[Line]], heights: list[float]) -> list[Line]:
    """Remove page numbers and lines repeated at the same place on most pages.

    Returns the removed lines (kept for `inspect`, never in the text flow)."""
    removed: list[Line] = []
    margin_texts: Counter[str] = Counter()
    # Each line's place (in the top or bottom margin) and, there, its text: read once.
    placed: list[list[tuple[Line, str | None]]] = []
    for lines, h in zip(pages, heights, strict=True):
        seen: set[str] = set()
        page: list[tuple[Line, str | None]] = []
        for ln in lines:
            text = ln.text.strip() if ln.top < h * 0.08 or ln.bottom > h * 0.92 else None
            page.append((ln, text))
            if text is not None:
                key = re.sub(r"\d+", "#", text)
                if key not in seen:
                    margin_texts[key] += 1
                    seen.add(key)
        placed.append(page)
    repeated = {t for t, n in margin_texts.items() if n >= max(3, len(pages) // 2)}
    for lines, page in zip(pages, placed, strict=True):
        keep: list[Line] = []
        for ln, text in page:
            if text is not None and (
                _PAGE_NUMBER.match(text) or re.sub(r"\d+", "#", text) in repeated
            ):
                removed.append(ln)
            else:
                keep.append(ln)
        lines[:] = keep
    return removed
