"""Printed lines → blocks: CJK line wraps rejoined, numbered headings told from items.

A line continues the previous block unless something on the page says otherwise: it
starts with a numbering marker, it is indented like a first line, the previous line
stopped short of the right margin, or a larger vertical gap separates them. Paragraphs
run on across page breaks the same way.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from extractor.areas import names_only_an_area
from extractor.document.model import Block
from extractor.knowledge import section_vocab
from extractor.pdf.pages import Line


@dataclass(frozen=True, slots=True)
class Margins:
    left: float
    right: float
    size: float
    leading: float


@lru_cache(maxsize=1)
def _markers() -> list[tuple[str, re.Pattern[str]]]:
    return [(m.type, re.compile(m.pattern)) for m in section_vocab().markers]


@lru_cache(maxsize=8192)
def find_marker(text: str) -> tuple[str, str] | None:
    """(marker text, marker type) of a numbered line, or None. Memoised: a line is asked
    about as the block's start and again as a run's first line, each a dozen patterns."""
    for kind, pattern in _markers():
        m = pattern.match(text)
        if m:
            return m.group(0), kind
    return None


@lru_cache(maxsize=1)
def _tab_styles() -> tuple[float, list[tuple[str, re.Pattern[str]]]]:
    tabs = section_vocab().tab_markers
    return tabs.gap, [(m.type, re.compile(m.pattern)) for m in tabs.styles]


def tab_marker(line: Line) -> tuple[str, str] | None:
    """(number, style) of a line whose number is set off from its text by a tab
    ("1<TAB>项目概况", "1.2<TAB>人员配置"), or None.

    The text layer keeps no separator there, only the gap: at least the vocabulary's
    `gap` ems after the number, and none such further on (a row of an unruled table has
    several). A figure and its unit ("12人") are never set apart so."""
    text = line.text
    lead = len(text) - len(text.lstrip())
    if lead >= len(text) or not text[lead].isdigit():
        return None
    end = lead
    while end < len(text) and (text[end].isdigit() or text[end] in ".．"):
        end += 1
    gap, styles = _tab_styles()
    number = text[lead:end]
    style = next((kind for kind, rx in styles if rx.match(number)), None)
    rest = [g for g in line.glyphs[end:] if not g.char.isspace()]
    if style is None or not rest:
        return None
    glyph = line.glyphs[end - 1]
    em = line.size or (glyph.bottom - glyph.top)
    if rest[0].x0 - glyph.x1 < gap * em:
        return None
    if any(b.x0 - a.x1 >= gap * em for a, b in itertools.pairwise(rest)):
        return None
    return number, style


def line_marker(line: Line) -> tuple[str, str] | None:
    """The numbering marker a printed line opens with: a text marker ("一、", "1.1"), or
    a number set off by a tab."""
    return find_marker(line.text.lstrip()) or tab_marker(line)


def margins(lines: list[Line]) -> Margins:
    """Body margins of a run of pages: the most common left edge and the common right
    edge of full lines, and the typical font size and line spacing."""
    if not lines:
        return Margins(0, 0, 12, 24)
    lefts = Counter(round(ln.x0) for ln in lines)
    rights = Counter(round(ln.x1) for ln in lines)
    sizes = Counter(round(ln.size, 1) for ln in lines)
    tops = [(ln.page, ln.top) for ln in lines]  # each a scan of the line's glyphs: once
    gaps = Counter(
        round(b - a) for (pa, a), (pb, b) in itertools.pairwise(tops) if pa == pb and 0 < b - a < 80
    )
    # Full lines share a right edge; with no edge seen twice (a page of one line, a few
    # lines of a title page) the rightmost edge stands in.
    full = [r for r, n in rights.items() if n >= max(2, rights.most_common(1)[0][1] // 3)]
    # The body's left edge is where wrapped lines start: where most lines start unless
    # most paragraphs are single indented lines, so the leftmost frequent edge (with no
    # edge seen twice, the most common one).
    frequent = [x for x, n in lefts.items() if n >= max(2, lefts.most_common(1)[0][1] // 4)]
    return Margins(
        left=float(min(frequent) if frequent else lefts.most_common(1)[0][0]),
        right=float(max(full) if full else max(rights)),
        size=float(sizes.most_common(1)[0][0]) or 12.0,
        leading=float(gaps.most_common(1)[0][0]) if gaps else 24.0,
    )


def _ends_sentence(text: str) -> bool:
    return bool(text) and text.rstrip()[-1] in "。！？；：:;!?"


@lru_cache(maxsize=8192)
def is_contents_line(text: str) -> bool:
    """A 目录 entry: "一、项目基本情况……………3" (heading, dot leader, page number).
    Memoised: each line is asked about twice (as the line and as the next one's prev)."""
    return _contents_rx().match(text) is not None


@lru_cache(maxsize=1)
def _contents_rx() -> re.Pattern[str]:
    return re.compile(section_vocab().heading.contents_line)


def framed(line: Line, m: Margins) -> Margins:
    """The margins a line is set between: its column's edges when the page sets it in
    columns (`Line.frame`), else the body's."""
    if line.frame is None:
        return m
    return Margins(line.frame[0], line.frame[1], m.size, m.leading)


@dataclass(frozen=True, slots=True)
class ItemMark:
    """A run-in mark naming an item's kind and number ("亮点一：", "问题2："; "问题："):
    the mark as printed, its kind's polarity, its number as printed (None: none)."""

    mark: str
    polarity: str
    ordinal: str | None


@lru_cache(maxsize=1)
def _item_mark_rx() -> re.Pattern[str]:
    """`item_marks` of models/sections.yaml as one pattern: a kind word (longest first),
    an optional number, the punctuation after it."""
    marks = section_vocab().item_marks
    words = sorted({*marks.praise, *marks.concern}, key=len, reverse=True)
    if not words:
        return re.compile("(?!)")
    alts = "|".join(map(re.escape, words))
    return re.compile(
        rf"\s*(?P<word>{alts})\s*(?P<ordinal>{marks.ordinal})?\s*(?:{marks.after})\s*(?=\S)"
    )


@lru_cache(maxsize=8192)
def item_mark(text: str) -> ItemMark | None:
    """The run-in mark opening `text` ("亮点一：服务…" → 亮点一：, praise, 一), or None."""
    m = _item_mark_rx().match(text)
    if m is None:
        return None
    word = m.group("word")
    polarity = "praise" if word in section_vocab().item_marks.praise else "concern"
    return ItemMark(m.group(0), polarity, m.group("ordinal"))


def _hangs_under(group: list[Line], line: Line, m: Margins) -> bool:
    """`line` wraps the paragraph `group` under the text of its first line's numbered
    run-in mark (a hanging indent: "亮点一：服务…" ⏎ "　　　　并按季度…"): the line
    before ran to the right margin without ending its sentence, and `line` starts where
    the text after the mark does."""
    first, prev = group[0], group[-1]
    if not _wraps_on(prev, framed(prev, m)):
        return False
    text = first.text
    mark = item_mark(text)
    if mark is None or mark.ordinal is None or len(mark.mark) >= len(first.glyphs):
        return False
    at = first.glyphs[len(mark.mark)].x0
    return abs(line.x0 - at) <= m.size * 0.5


def _starts_block(prev: Line, line: Line, m: Margins) -> bool:
    text = line.text.lstrip()
    if is_contents_line(text) or is_contents_line(prev.text):
        # each 目录 entry stands alone, and the heading after the 目录 is no part of it
        return True
    mp = framed(prev, m)
    if line_marker(line) and not _wraps_on(prev, mp):
        return True
    if (mark := item_mark(text)) is not None and mark.ordinal and not _wraps_on(prev, mp):
        # a numbered run-in mark ("问题一：") opens its item, however full the line above
        return True
    if _label_kind(text) or _label_kind(prev.text.lstrip()):
        # "问题与建议" on its own line is never part of the item above it, however long
        # that item's last line ran, and nothing after it continues it.
        return True
    if line.page == prev.page and line.top - prev.bottom > m.leading * 1.2:
        return True
    if line.x0 > framed(line, m).left + m.size * 0.8:
        return True  # first-line indent, or a centred line
    if prev.x0 > mp.left + m.size * 4:
        # The previous line was set right or centred (a signature, a date under it),
        # not a wrapped line of a paragraph, however near the right margin it ends.
        return True
    room = mp.right - prev.x1
    if room > m.size * 1.5 and _lead_width(line) < room - m.size * 0.5:
        # The previous line stopped short although the next line's first word would
        # have fitted there: its paragraph ended. (A line that breaks before a long
        # number or Latin word is short too, and continues.)
        return True
    return False


def _wraps_on(prev: Line, m: Margins) -> bool:
    """The previous line ran to the right margin without ending its sentence, so the
    next line continues it even if it happens to start like a marker ("…见附\n件 1）")."""
    return prev.x1 >= m.right - m.size * 1.5 and not _ends_sentence(prev.text)


def _lead_width(line: Line) -> float:
    """Width of the unbreakable run that opens a line: one CJK glyph, or a run of digits,
    Latin letters and number punctuation (which wrappers never split)."""
    g = line.glyphs
    if not g:
        return 0.0
    if not (g[0].char.isascii() and (g[0].char.isalnum() or g[0].char in ".%")):
        return g[0].x1 - g[0].x0
    end = 0
    while (
        end + 1 < len(g)
        and g[end + 1].char.isascii()
        and (g[end + 1].char.isalnum() or g[end + 1].char in ".%,:-/")
    ):
        end += 1
    # a number is usually glued to its unit ("722人"), so count the next glyph too
    if end + 1 < len(g) and not g[end + 1].char.isspace():
        end += 1
    return g[end].x1 - g[0].x0


def _is_heading(block_text: str, marker: str, n_lines: int, marker_type: str = "") -> bool:
    rules = section_vocab().heading
    body = block_text[len(marker) :].strip()
    if marker_type == "appendix":
        return n_lines <= 2 and len(body) <= rules.max_chars
    if marker_type == "bullet":
        return False  # a bulleted line is an item however short
    if not body or n_lines > 2 or len(body) > rules.max_chars:
        return False
    return body[-1] not in rules.sentence_end


@lru_cache(maxsize=1)
def _label_words() -> frozenset[str]:
    return frozenset(w for words in section_vocab().labels.values() for w in words)


@lru_cache(maxsize=1)
def _inline_label_rx() -> re.Pattern[str]:
    """Every label word, longest first (the first that matches wins, as a loop over the
    words would), in one compiled pattern: one pattern per word overflowed `re`'s cache
    and recompiled them for every paragraph."""
    words = sorted(_label_words(), key=len, reverse=True)
    colon = rf"(?:{'|'.join(map(re.escape, words))})\s*[：:]"
    aspect = section_vocab().aspect_labels
    if not aspect.suffix:
        return re.compile(rf"\s*{colon}\s*(?=\S)")
    # 成效方面， / 不足方面，: a label word (不足方面 less its suffix too), the suffix, a comma
    stems = sorted({w.removesuffix(aspect.suffix) for w in words} - {""}, key=len, reverse=True)
    alts = "|".join(map(re.escape, stems))
    run_in = rf"(?:{alts})\s*{re.escape(aspect.suffix)}\s*(?:{aspect.after})"
    return re.compile(rf"\s*(?:{colon}|{run_in})\s*(?=\S)")


def label_word(marker: str) -> tuple[str, str | None]:
    """An inline label's wording as a heading ("成效方面，" → 成效方面, "优点：" → 优点) and,
    for a label named as an aspect, its label word (成效)."""
    title = marker.strip().rstrip("：:").strip()
    aspect = section_vocab().aspect_labels
    if not aspect.suffix:
        return title, None
    if (m := re.search(rf"(?:{aspect.after})$", title)) is not None:
        title = title[: m.start()].strip()
    if not title.endswith(aspect.suffix):
        return title, None
    return title, title.removesuffix(aspect.suffix).strip() or None


def _label_kind(text: str) -> bool:
    """An unnumbered line such as "值得肯定的地方：" standing alone."""
    body = text.strip().rstrip("：:")
    if len(body) > 12:
        return False
    return body in _label_words()


def inline_label(text: str) -> str | None:
    """The label opening a paragraph, "优点：能够按照协议要求…" → "优点：", or None."""
    m = _inline_label_rx().match(text)
    return m.group(0) if m else None


def assemble(lines: list[Line], m: Margins) -> list[Block]:
    groups: list[list[Line]] = []
    for line in lines:
        if groups and (
            _hangs_under(groups[-1], line, m) or not _starts_block(groups[-1][-1], line, m)
        ):
            prev_block = groups[-1]
            first = prev_block[0].text.lstrip()
            mk = line_marker(prev_block[0])
            # A heading never swallows the line after it unless it visibly wraps.
            heading = (mk and _is_heading(first, mk[0], 1, mk[1])) or (
                len(prev_block) == 1 and names_only_an_area(first)
            )
            if not (heading and prev_block[-1].x1 < framed(prev_block[-1], m).right - m.size * 3):
                groups[-1].append(line)
                continue
        groups.append([line])

    blocks: list[Block] = []
    for group in groups:
        parts: list[str] = []
        starts: list[int] = []
        pos = 0
        for ln in group:
            starts.append(pos)
            parts.append(ln.text)
            pos += len(ln.text)
        text = "".join(parts)
        stripped = text.lstrip()
        mk = None if is_contents_line(stripped) else find_marker(stripped) or tab_marker(group[0])
        kind = "paragraph"
        marker = mtype = None
        if mk:
            marker, mtype = mk
            if _is_heading(stripped, marker, len(group), mtype):
                kind = "heading"
        elif _label_kind(stripped):
            kind = "label"
        elif len(group) == 1 and names_only_an_area(stripped):
            # An unnumbered line that only names a 片区 ("枫桥片区") heads that 片区's part.
            kind, marker, mtype = "heading", "", "area_title"
        elif (lead := inline_label(text)) is not None:
            # The label heads its own item: the block is the label and, after it, the
            # label's single item (marker = the label text).
            kind, marker, mtype = "label", lead, "inline_label"
        block = Block(kind, text, group, starts, marker=marker, marker_type=mtype)  # type: ignore[arg-type]
        if marker and text != stripped:
            # keep offsets aligned: the marker is located after leading spaces
            block.marker = text[: len(text) - len(stripped)] + marker
        blocks.append(block)
    return blocks
